import type { MessageView } from '../protocol/message.js';
import type { MessageQueue } from '../protocol/route.js';
/**
 * The client-side state of one owned queue: the messages pulled and not yet consumed (in offset order), flow-control
 * counters, where to pull next and from which broker id, and the consumed-offset watermark.
 */
export declare class ProcessQueue {
    readonly mq: MessageQueue;
    readonly key: string;
    /** Cached messages by queue offset; insertion order is offset order because pulls return ascending offsets. */
    private readonly cached;
    private readonly changes;
    count: number;
    bytes: number;
    maxOffsetEverPut: number;
    dropped: boolean;
    paused: boolean;
    nextOffset: number;
    /** suggestWhichBrokerId from the last pull (0 = master). */
    pullFromBrokerId: number;
    lastPullTimestamp: number;
    /** The queue's max offset the broker reported in the last pull response (-1: no response yet). */
    brokerMaxOffset: number;
    lastConsumeTimestamp: number;
    /** Pull one message at a time (set while isolating an undecodable message). */
    pullOne: boolean;
    /** Attempts at the undecodable message at nextOffset (0 = none). */
    undecodableAttempts: number;
    readonly controller: AbortController;
    constructor(mq: MessageQueue, key: string);
    get signal(): AbortSignal;
    put(messages: readonly MessageView[]): void;
    /**
     * Remove consumed messages; returns the new consumed offset (the lowest offset still cached, or one past the
     * highest ever cached), or -1 when nothing was ever cached.
     */
    remove(messages: readonly MessageView[]): number;
    /**
     * Remove up to `max` of the oldest cached messages and append them to `out` (the pull consumer's hand-out: one pass,
     * no iterator per message); returns how many. The consumed offset moves past them (consumedOffset()).
     */
    takeOldest(max: number, out: MessageView[]): number;
    consumedOffset(): number;
    /** Offset span between the oldest and newest cached message (Java consumeConcurrentlyMaxSpan). */
    span(): number;
    drop(): void;
    /** Resolves at the next remove/drop/notify, or when the signal aborts. */
    waitForChange(signal?: AbortSignal): Promise<void>;
    /** Wake this queue's reader (it re-checks its gates). */
    notify(): void;
    /** A ProcessQueueInfo for GET_CONSUMER_RUNNING_INFO. */
    info(commitOffset: number): Record<string, unknown>;
}
//# sourceMappingURL=process-queue.d.ts.map