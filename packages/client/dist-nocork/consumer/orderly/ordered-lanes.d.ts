/**
 * The dispatch order of one queue in the ordered modes, as a pure data structure (no timers, no I/O):
 * - `'queue'`: one lane; one batch at a time, in offset order (Java MessageListenerOrderly).
 * - `'key'`: one lane per ordering key; a lane runs one batch at a time, in offset order, and different lanes run in
 *   parallel (the caller bounds the total with `concurrency`).
 * A failed batch stays at the head of its lane and is handed out again (in place) once the queue's suspension ends;
 * the messages behind it wait. The queue's consumed offset is the caller's (ProcessQueue: lowest unfinished offset),
 * so it never passes a message that did not finish.
 */
import { type MessageView } from '../../protocol/message.js';
export type OrderingMode = 'queue' | 'key';
/**
 * The ordering key of a message in `'key'` mode: its sharding-key property `__SHARDINGKEY` (Java
 * MessageConst.PROPERTY_SHARDING_KEY; the 5.x FIFO "message group", and what our Producer writes for
 * `send(message, { shardingKey })`) when present and not empty, else the first of its KEYS, else `''` (keyless
 * messages of a queue share one lane, so they keep their queue order).
 */
export declare function orderingKey(m: MessageView): string;
/** A batch handed out by `take()`: messages of one lane, consecutive in that lane's offset order. */
export interface LaneBatch {
    readonly lane: string;
    readonly messages: MessageView[];
}
export declare class OrderedLanes {
    readonly mode: OrderingMode;
    readonly batchSize: number;
    private readonly lanes;
    /** Lanes whose head can be handed out (not running, not empty), in the order they became ready. */
    private readonly ready;
    private runningCount;
    private bufferedCount;
    /** No batch is handed out before this time (ms since epoch); set by a failure. */
    suspendedUntil: number;
    constructor(mode: OrderingMode, batchSize?: number);
    private laneOf;
    /** Messages pulled from the queue, in offset order. */
    push(messages: readonly MessageView[]): void;
    /** Batches running now. */
    get running(): number;
    /** Messages not finished (waiting or running). */
    get buffered(): number;
    /** Whether `take()` would hand out a batch at `now`. */
    canTake(now?: number): boolean;
    /** The next batch to run, or undefined (suspended, nothing ready, or in 'queue' mode a batch is running). */
    take(now?: number): LaneBatch | undefined;
    /** The batch finished (consumed, or given up on: sent to the DLQ): its lane moves on. */
    finish(batch: LaneBatch): void;
    /** The batch failed: it stays at the head of its lane; nothing of this queue is handed out before `until`. */
    retryLater(batch: LaneBatch, until: number): void;
    /** Forget every waiting message (not the running ones); returns how many were dropped. */
    clearWaiting(): number;
}
//# sourceMappingURL=ordered-lanes.d.ts.map