/**
 * The public PushConsumer: a facade over one push engine, chosen by the options: `nameServer` -> the remoting engine
 * (remoting-engine.ts), `proxy` -> the proxy (gRPC) engine registered by src/grpc. Options are a discriminated union,
 * so remoting-only options given with `proxy` fail to compile, and are refused at construction as well.
 */
import type { ConsumerMetrics } from './metrics.js';
import { EventEmitter } from 'node:events';
import type { PushConsumerOptionsInput, ProxyOptionsInput, PushConsumerOptions as ParsedPushConsumerOptions } from '../config/consumer.js';
import type { ClientDeps } from '../cluster/port.js';
import type { MessageQueue } from '../protocol/route.js';
import { type CloseResult } from './push-engine.js';
import type { PushConsumerEvents, TypedConsumerCallbacks } from './types.js';
import type { MessageContext } from './handler.js';
import type { MessageView } from '../protocol/message.js';
import type { RocketMQError } from '../errors.js';
import type { DedupeOptions, HandlerMessage } from './payload.js';
import type { CodecOption } from '../protocol/payload-codec.js';
export type { MessageContext, MessageHandler, BatchHandler } from './handler.js';
export type { PushConsumerEvents } from './types.js';
export type { CloseResult } from './push-engine.js';
/**
/**
 * Options of `new PushConsumer({ nameServer, ... })` (remoting): every field with its unit and default.
 * `C` is the type of `codec` (inferred): with one, handlers receive `message.value` typed by it.
 * @useDeclaredType
 */
export type PushConsumerOptions<C = undefined> = Omit<PushConsumerOptionsInput, 'handler' | 'batchHandler' | 'codec' | 'invalidPayload' | 'dedupe' | keyof TypedConsumerCallbacks> & TypedConsumerCallbacks & {
    /**
     * `async (message, { signal, queue, group }) => void`: resolve = consumed; throw = retried later (clustering) or
     * reported and skipped (broadcasting) (Java MessageListenerConcurrently). Give `handler` or `batchHandler`.
     */
    handler?: (message: HandlerMessage<C>, context: MessageContext) => Promise<void> | void;
    /** `async (messages, context) => void`: up to `batchSize` messages of one queue at a time, retried together. */
    batchHandler?: (messages: Array<HandlerMessage<C>>, context: MessageContext) => Promise<void> | void;
    /**
     * Decode (and check) each body before the handler runs: 'json', 'text', 'bytes', a schema with `parse` (zod: JSON
     * checked by it) or a `{ decode(body) }` codec. A body that does not decode is not retried (see `invalidPayload`).
     */
    codec?: C;
    /**
     * A body the codec refuses: 'dlq' moves it to %DLQ%<group> at once; a function receives it instead.
     * @defaultValue 'dlq'
     */
    invalidPayload?: 'dlq' | ((message: MessageView, error: RocketMQError) => Promise<void> | void);
    /** Skip a message whose key this member already handled successfully (best effort, per member). Default false. */
    dedupe?: boolean | DedupeOptions;
    /** Consume through a RocketMQ 5.x proxy instead (gRPC): see {@link ProxyPushConsumerOptions}. */
    proxy?: undefined;
};
/** Options only the remoting transport has: given with `proxy` they fail to compile (and at run time). */
type RemotingOnly = 'nameServer' | 'allocationOptions' | 'onAssign' | 'onRevoke' | 'readFromBrokerId' | 'offsetStoreDir' | 'persistOffsetIntervalMs' | 'rebalanceIntervalMs' | 'hookTimeoutMs' | 'revokeTimeoutMs' | 'undecodable' | 'pullThresholdForQueue' | 'pullThresholdSizeForQueueMiB' | 'pullThresholdForTopic' | 'pullThresholdSizeForTopicMiB' | 'heartbeatIntervalMs' | 'pollNameServerIntervalMs' | 'instanceName' | 'clientIp' | 'trace' | 'suspendMs' | 'maxMessageBytes' | 'namespace' | 'codec' | 'invalidPayload' | 'dedupe' | 'pop';
/**
 * `new PushConsumer({ proxy: { endpoints }, group, subscriptions, handler })`: consume through a RocketMQ 5.x proxy
 * (gRPC, POP). No queue ownership, offsets or broadcasting there: those options are `never` here.
 * @useDeclaredType
 */
export type ProxyPushConsumerOptions = Omit<PushConsumerOptions, RemotingOnly | 'proxy' | 'model' | 'consumeFrom' | 'maxReconsumeTimes' | 'ordering' | 'tls' | 'pullBatchSize' | 'brokerSuspendMs' | 'allocation'> & {
    /** The proxy's gRPC endpoint and its POP settings; needs `@rocketmq-ts/proxy` installed and imported once. */
    proxy: ProxyOptionsInput;
    /**
     * Messages asked for per receive call, at most 32 through the proxy (the broker's POP limit).
     * @defaultValue 32
     */
    pullBatchSize?: number;
    /**
     * The receive long poll, in ms: at least 5000 (the proxy's minimum), at most 60000. The default is the minimum: a
     * short poll bounds the rare stall of a POP parked despite a backlog.
     * @defaultValue 5000
     */
    brokerSuspendMs?: number;
    /** TLS to the proxy, verified against the system CAs (rocketmq-client-nodejs takes no custom CA or client certificate). */
    tls?: boolean | {
        /** Only `true` (the default) through the proxy: it always verifies the certificate. */
        rejectUnauthorized?: true;
    };
    /**
     * Only 'averagely' through the proxy: the broker hands out messages (POP), there is no queue allocation.
     * @defaultValue 'averagely'
     */
    allocation?: 'averagely';
    /**
     * Only 'clustering' through the proxy.
     * @defaultValue 'clustering'
     */
    model?: 'clustering';
    /**
     * Only 'last' through the proxy (a new group starts where the broker says).
     * @defaultValue 'last'
     */
    consumeFrom?: 'last';
    /**
     * Through the proxy the broker applies the group's retryMaxTimes (16 unless set on the group).
     * @defaultValue 16
     */
    maxReconsumeTimes?: 16;
    /**
     * Only 'none' through the proxy: ordered consumption needs broker queue locks (remoting transport).
     * @defaultValue 'none'
     */
    ordering?: 'none';
} & {
    [K in RemotingOnly]?: never;
};
/**
 * A push consumer (Java DefaultMQPushConsumer): the broker's messages reach a bounded pool of handlers.
 * Resolve = consumed; throw = retried later through the broker (clustering) or reported and skipped (broadcasting).
 */
export declare class PushConsumer<C extends CodecOption<any> | undefined = undefined> extends EventEmitter<PushConsumerEvents> {
    private readonly engine;
    private readonly ending;
    private closing?;
    /**
     * Checks the options (ERR_INVALID_OPTION names a wrong one) and picks the transport: `nameServer` (remoting) or
     * `proxy` (gRPC, needs `@rocketmq-ts/proxy` imported). Nothing connects before `start()`.
     * @param options see {@link PushConsumerOptions} and {@link ProxyPushConsumerOptions}
     * @param deps test seam: a scripted cluster instead of the network
     */
    constructor(options: PushConsumerOptions<C> | ProxyPushConsumerOptions, deps?: ClientDeps);
    /** Failed for good after start (the engine reported it as `consumer.failed`): close, then settle closed(). */
    private failed;
    /** The parsed options with their defaults (through the proxy the remoting-only ones are undefined). */
    get options(): ParsedPushConsumerOptions;
    /** This member's client id (`ip@instance`), as the broker and the other members see it (through the proxy: known after `start()`). */
    get clientId(): string;
    /** The consumer group (without namespace). */
    get group(): string;
    /** Connects, registers the group and resolves once consumption runs (remoting: after the first rebalance). */
    start(): Promise<void>;
    /**
     * Resolves once the consumer has stopped, for whatever reason: with `undefined` after `close()`, with the error when
     * it failed for good (start() failed, or the brokers refused it later: see the `consumer.failed` event). Never
     * rejects. `const err = await consumer.closed(); if (err) process.exitCode = 1`.
     */
    closed(): Promise<RocketMQError | undefined>;
    /** The queues this member owns now ([] through the proxy). */
    assignment(): MessageQueue[];
    /**
     * Per owned queue: committed and consumed offsets, the broker's max offset (from the last pull response), lag,
     * cached count/bytes, last pull/consume time, lock state when ordered. From memory only: poll it as often as you like.
     * Through the proxy there are no owned queues (`queues: []`).
     */
    metrics(): ConsumerMetrics;
    /** Trigger a rebalance now and wait for it (nothing through the proxy). */
    rebalance(): Promise<void>;
    /**
     * Stop receiving, wait for running handlers up to `timeoutMs` (then abort their signals), commit offsets, unregister.
     * Idempotent: later calls return the same result.
     */
    close(opts?: {
        timeoutMs?: number;
    }): Promise<CloseResult>;
    /** `await using consumer = new PushConsumer(...)`: `close()` at the end of the scope. */
    [Symbol.asyncDispose](): Promise<void>;
}
//# sourceMappingURL=push-consumer.d.ts.map