/**
 * The proxy (gRPC) transport: loading this module registers the proxy push engine with the PushConsumer facade
 * (consumer/push-engine.ts). It is the only place that depends on rocketmq-client-nodejs, which it loads lazily on
 * the first proxy consumer's start(). The client's package entry imports it; it can move to its own package.
 */
import { registerProxyEngine } from '../consumer/push-engine.js'
import { ProxyPushEngine } from './proxy-engine.js'

registerProxyEngine((options, events) => new ProxyPushEngine(options, events))
