/**
 * `@rocketmq-ts/client/internal`: the pieces the sibling transport package `@rocketmq-ts/proxy` builds on (the push
 * engine seam, the shared handler pool, option parsing, async helpers). Not part of the public API: no stability
 * promise outside the `@rocketmq-ts/*` packages of the same version. (No internal tag here: the client's build
 * strips declarations so tagged, and these must stay in its .d.ts for the proxy package.)
 * @packageDocumentation
 */
export { registerProxyEngine, type PushEngine, type PushEngineFactory, type CloseResult } from './consumer/push-engine.js';
export type { PushEvents } from './consumer/push-policy.js';
export type { ConsumerMetrics } from './consumer/metrics.js';
export { HandlerPool, type PoolJob } from './consumer/handler-pool.js';
export { parseOptions } from './config/common.js';
export { proxyPushConsumerOptionsSchema, PROXY_RETRY_DELAYS_MS, type ProxyPushConsumerParsedOptions } from './config/consumer.js';
export { RocketMQError, type ErrorCode, type ErrorContext } from './errors.js';
export { childLogger, silentLogger, warnUnheard, type Logger } from './logger.js';
export { MessageView } from './protocol/message.js';
export type { MessageQueue } from './protocol/route.js';
export { Notifier, delay, timeoutSignal, withTimeout } from './util/async.js';
//# sourceMappingURL=internal.d.ts.map