/**
 * @rocketmq-ts/client — Apache RocketMQ consumers and producer for Node.js, over the remoting protocol (TCP).
 * Named exports only; everything else is internal.
 */
// The proxy (gRPC) transport is the separate package @rocketmq-ts/proxy: importing it registers its push engine, so
// this package has no gRPC in its dependency tree.
export { PushConsumer } from './consumer/push-consumer.js';
export { PullConsumer } from './consumer/pull-consumer.js';
export { Producer } from './producer/producer.js';
export { codecs } from './protocol/payload-codec.js';
export { TransactionProducer } from './producer/transaction-producer.js';
export { averagely, averagelyByCircle, consistentHash, byConfig, machineRoom, machineRoomNearby, BUILT_IN_STRATEGIES, } from './consumer/rebalance/strategies.js';
export { Admin } from './admin/admin.js';
export { RocketMQError, isRocketMQError } from './errors.js';
export { BrokerResponseError } from './remoting/broker-error.js';
export { silentLogger, consoleLogger } from './logger.js';
export { CONSUMER_DEFAULTS, PRODUCER_DEFAULTS } from './config/index.js';
export { PROCESS_CHANNEL, SEND_CHANNEL } from './observability/channels.js';
export { TRACE_TOPIC, decodeTraceData } from './observability/trace-format.js';
//# sourceMappingURL=index.js.map