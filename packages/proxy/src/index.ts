/**
 * `@rocketmq-ts/proxy`: the RocketMQ 5.x proxy (gRPC) transport for `@rocketmq-ts/client`'s `PushConsumer`.
 *
 * ```ts
 * import '@rocketmq-ts/proxy' // once, anywhere before the first proxy consumer is created
 * import { PushConsumer } from '@rocketmq-ts/client'
 *
 * const consumer = new PushConsumer({ proxy: { endpoints: '127.0.0.1:8081' }, group: 'g', subscriptions: { T: '*' }, handler })
 * ```
 *
 * Importing this package registers the proxy push engine with the client's `PushConsumer` facade; nothing else is
 * needed. It is the only package that depends on `rocketmq-client-nodejs` (gRPC, protobuf), which it loads lazily on
 * the first proxy consumer's `start()`; `@rocketmq-ts/client` alone installs and bundles without gRPC.
 * @packageDocumentation
 */
import { registerProxyEngine } from '@rocketmq-ts/client/internal'
import { ProxyPushEngine } from './proxy-engine.js'

registerProxyEngine((options, events) => new ProxyPushEngine(options, events))

export { ProxyMessageView } from './message.js'
export type { ProxyOptions, ProxyPushConsumerOptions } from '@rocketmq-ts/client'
