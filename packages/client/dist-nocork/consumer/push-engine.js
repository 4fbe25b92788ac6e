import { RocketMQError } from '../errors.js';
let proxyEngine;
/** Called by @rocketmq-ts/proxy when it is loaded. */
export function registerProxyEngine(factory) {
    proxyEngine = factory;
}
export function createProxyEngine(options, events) {
    if (!proxyEngine) {
        throw new RocketMQError('ERR_INVALID_OPTION', "Invalid PushConsumer options: proxy: the proxy (gRPC) transport is the separate package @rocketmq-ts/proxy; install it (npm install @rocketmq-ts/proxy) and import it once before creating the consumer: import '@rocketmq-ts/proxy'", { context: { fields: ['proxy'] } });
    }
    return proxyEngine(options, events);
}
//# sourceMappingURL=push-engine.js.map