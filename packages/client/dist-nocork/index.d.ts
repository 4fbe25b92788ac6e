/**
 * @rocketmq-ts/client — Apache RocketMQ consumers and producer for Node.js, over the remoting protocol (TCP).
 * Named exports only; everything else is internal.
 */
export { PushConsumer } from './consumer/push-consumer.js';
export type { MessageHandler, BatchHandler, MessageContext, CloseResult, PushConsumerEvents, PushConsumerOptions, ProxyPushConsumerOptions } from './consumer/push-consumer.js';
export type { ProxyOptionsInput as ProxyOptions, PopOptionsInput as PopOptions } from './config/consumer.js';
export type { ConsumerMetrics, QueueMetrics } from './consumer/metrics.js';
export type { AssignContext, RevokeContext, RebalanceEvent, ConsumerEvents, UndecodableInfo, UndecodableAction } from './consumer/types.js';
export { PullConsumer } from './consumer/pull-consumer.js';
export type { PollOptions, PullConsumerOptions } from './consumer/pull-consumer.js';
export { Producer } from './producer/producer.js';
export type { SendOptions, QueueSelector, SendResult, SendStatus, OutgoingMessage, ProducerMetrics } from './producer/producer.js';
export { codecs } from './protocol/payload-codec.js';
export type { Codec, CodecOption, SchemaLike, TypedMessage } from './protocol/payload-codec.js';
export type { DedupeOptions, PayloadEvents } from './consumer/payload.js';
export type { Message } from './producer/message.js';
export { TransactionProducer } from './producer/transaction-producer.js';
export type { TransactionProducerOptions, TransactionSendResult, TransactionState, TransactionChecker, LocalTransaction, LocalTransactionContext, TransactionCheckEvent, } from './producer/transaction-producer.js';
export type { MessageView, MessageQueueRef } from './protocol/message.js';
export type { MessageQueue, QueueOffset } from './protocol/message-queue.js';
export { averagely, averagelyByCircle, consistentHash, byConfig, machineRoom, machineRoomNearby, BUILT_IN_STRATEGIES, } from './consumer/rebalance/strategies.js';
export type { AllocationContext, AllocationFunction, AllocationStrategy, MachineRoomResolver, StrategyOptions } from './consumer/rebalance/strategies.js';
export type { HashFunction } from './consumer/rebalance/consistent-hash.js';
export type { PullStatus } from './cluster/broker-api.js';
export { Admin } from './admin/admin.js';
export type { AdminOptionsInput as AdminOptions, CreateTopicOptions, ResetTarget } from './config/admin.js';
export type { TopicRouteInfo, TopicStats, GroupDescription, GroupMember, QueueProgress, ResetOffsetResult, ExplainAllocationInput, AllocationExplanation, } from './admin/types.js';
export { RocketMQError, isRocketMQError } from './errors.js';
export { BrokerResponseError } from './remoting/broker-error.js';
export type { ErrorCode, ErrorContext, RocketMQErrorOptions } from './errors.js';
export { silentLogger, consoleLogger } from './logger.js';
export type { Logger } from './logger.js';
export { CONSUMER_DEFAULTS, PRODUCER_DEFAULTS } from './config/index.js';
export type { ProducerOptionsInput as ProducerOptions } from './config/index.js';
export { PROCESS_CHANNEL, SEND_CHANNEL } from './observability/channels.js';
export type { TraceContext, ProcessTraceContext, SendTraceContext, MessagingAttributes } from './observability/channels.js';
export { TRACE_TOPIC, decodeTraceData } from './observability/trace-format.js';
export type { DecodedTrace, TraceType } from './observability/trace-format.js';
export type { TraceStats } from './observability/trace-dispatcher.js';
//# sourceMappingURL=index.d.ts.map