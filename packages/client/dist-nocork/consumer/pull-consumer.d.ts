import { EventEmitter } from 'node:events';
import type { ConsumerMetrics } from './metrics.js';
import { type PullConsumerOptions as ParsedPullConsumerOptions, type PullConsumerOptionsInput } from '../config/consumer.js';
import { RocketMQError } from '../errors.js';
import type { ClientDeps } from '../cluster/port.js';
import type { MessageView } from '../protocol/message.js';
import { type MessageQueue } from '../protocol/route.js';
import type { QueueOffset } from '../protocol/message-queue.js';
import type { CloseResult, ConsumerEvents, TypedConsumerCallbacks } from './types.js';
/**
 * Options of `new PullConsumer(...)`: every field with its unit and default.
 * @useDeclaredType
 */
export type PullConsumerOptions = Omit<PullConsumerOptionsInput, keyof TypedConsumerCallbacks> & TypedConsumerCallbacks;
/** Options of `poll()`. */
export interface PollOptions {
    /** At most this many messages (default pullBatchSize). */
    max?: number;
    /** Wait this long for the first message (default pollTimeoutMs); 0 returns at once. */
    timeoutMs?: number;
    /** Aborting it ends the wait at once: `poll()` resolves with what it has (possibly nothing). */
    signal?: AbortSignal;
}
/**
 * A pull consumer (Java DefaultLitePullConsumer): the application owns the loop. Subscribe mode shares the group's
 * queues by rebalance (same strategies and hooks as the push consumer); assign mode reads exactly the queues given.
 * Readers pull ahead in the background up to the cache limits; `poll()` hands out what they fetched.
 */
export declare class PullConsumer extends EventEmitter<ConsumerEvents> {
    /** The options as parsed: every default filled in. */
    readonly options: ParsedPullConsumerOptions;
    private readonly member;
    private readonly policy;
    /** Set with the `namespace` option: maps every name the application sees (namespace-edge.ts). */
    private readonly edge;
    private state;
    private startPromise?;
    private closePromise?;
    private readonly ending;
    /**
     * Checks the options (ERR_INVALID_OPTION names a wrong one); nothing connects before `start()`.
     * @param options see {@link PullConsumerOptions}
     * @param deps test seam: a scripted cluster instead of the network
     */
    constructor(options: PullConsumerOptions, deps?: ClientDeps);
    /** This member's client id (`ip@instance`), as the broker and the other members see it. */
    get clientId(): string;
    /** Starts readers: subscribe mode rebalances at once; assign mode starts the queues given to `assign()`. */
    start(): Promise<void>;
    /**
     * Resolves once the consumer has stopped, for whatever reason: with `undefined` after `close()`, with the error when
     * it failed for good (start() failed, or the brokers refused it later: see the `consumer.failed` event). Never
     * rejects; poll() on a failed consumer throws ERR_CLOSED with that error as its cause.
     */
    closed(): Promise<RocketMQError | undefined>;
    /** Assign mode: read exactly these queues (no group rebalance). Replaces the previous assignment. */
    assign(queues: readonly MessageQueue[]): Promise<void>;
    /** The queues this member reads now (subscribe mode: its share after the last rebalance; assign mode: what `assign()` gave). */
    assignment(): MessageQueue[];
    private w;
    private u;
    /** Errors leave with the names the application knows. */
    private plain;
    private uOffsets;
    /**
     * Per owned queue: committed offset, consumed offset (what the next commit stores), the broker's max offset (from
     * the last pull response), lag, buffered count/bytes, last pull time, paused. From memory only: cheap to poll.
     */
    metrics(): ConsumerMetrics;
    private assertStarted;
    /** A batch of messages; waits up to `timeoutMs` for the first one; [] on timeout or abort. */
    poll(opts?: PollOptions): Promise<MessageView[]>;
    /** Messages one by one until the signal aborts or the consumer closes. A message is consumed when yielded. */
    messages(opts?: {
        signal?: AbortSignal;
    }): AsyncGenerator<MessageView, void, undefined>;
    /** Batches until the signal aborts or the consumer closes. */
    batches(opts?: {
        max?: number;
        signal?: AbortSignal;
    }): AsyncGenerator<MessageView[], void, undefined>;
    /** `for await (const message of consumer)`: messages one by one until the consumer closes (same as `messages()`). */
    [Symbol.asyncIterator](): AsyncGenerator<MessageView, void, undefined>;
    /**
     * Commit offsets to the broker (or the local file in broadcasting). Without an argument, the positions after the
     * messages handed out so far; with one, exactly those offsets.
     */
    commit(userOffsets?: readonly QueueOffset[]): Promise<QueueOffset[]>;
    private commitWire;
    /** The offset stored for the group (broker or local file), or -1 if none. */
    committed(userQueue: MessageQueue): Promise<number>;
    private owned;
    private master;
    /** Continue reading the queue at `offset` (within [min, max] of the queue). */
    seek(userQueue: MessageQueue, offset: number): Promise<void>;
    private seekWire;
    private restart;
    /** Continue reading the queue at its first stored offset. */
    seekToBeginning(userQueue: MessageQueue): Promise<void>;
    /** Continue reading the queue at its end: only messages written from now on. */
    seekToEnd(userQueue: MessageQueue): Promise<void>;
    private seekEdge;
    /**
     * The first offset whose message was stored at or after `timestamp` (ms or Date); the queue's end when every message is
     * older. On a 4.x broker (which answers the nearest message) the answer is corrected with a pull or two.
     */
    offsetForTimestamp(userQueue: MessageQueue, timestamp: number | Date): Promise<number>;
    /** Stop fetching and handing out these queues until resume(); other queues go on. */
    pause(queues: readonly MessageQueue[]): void;
    /** Fetch and hand out these paused queues again. */
    resume(queues: readonly MessageQueue[]): void;
    /** The queues paused by `pause()`. */
    paused(): MessageQueue[];
    /**
     * Commit, unregister, close. Idempotent (the same promise every time). Resolves with the same shape as
     * `PushConsumer.close()`: `committed` are the offsets stored, `abandoned` the messages fetched ahead but never handed
     * out (the queue's next owner reads them), `drained` is 0 (no handler runs inside a pull consumer).
     */
    close(): Promise<CloseResult>;
    /** `await using consumer = new PullConsumer(...)`: `close()` at the end of the scope. */
    [Symbol.asyncDispose](): Promise<void>;
}
//# sourceMappingURL=pull-consumer.d.ts.map