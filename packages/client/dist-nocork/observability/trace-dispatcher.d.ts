/**
 * The RocketMQ message trace dispatcher (Java AsyncTraceDispatcher): trace records are queued by the producer and the
 * consumers and sent in the background, batched, to the trace topic. Bounded on every side and never in the caller's
 * way:
 *
 * - `append` is synchronous, O(1) and never throws; when `capacity` records are waiting it drops the record and
 *   counts it (`stats().dropped`), as Java does with its 2048-slot queue;
 * - at most `maxInFlight` trace messages are being sent at once (Java: 2-4 sender threads); while they are, records
 *   wait in the queue, so a slow or paused trace broker fills the queue and then drops, it never slows a send or a
 *   handler;
 * - a batch of `batchSize` records (Java batchNum, at most 20) goes out as soon as it is full, a partial one after
 *   `flushIntervalMs`; records are grouped by the traced topic and a trace message holds at most `maxMessageBytes`
 *   (Java 128000) of record text;
 * - a failed trace send is counted (`stats().failed`) and logged at most once per flush interval, never retried;
 * - `close(timeoutMs)` sends what is queued and waits for it up to the timeout; what is left then counts as dropped.
 */
import type { Logger } from '../logger.js';
import type { ClusterPort } from '../cluster/port.js';
import { type TraceRecord } from './trace-format.js';
/** Counters of a client's message trace (all counts are records, i.e. trace contexts). */
export interface TraceStats {
    /** The trace topic records are sent to. */
    topic: string;
    /** Waiting in the queue now. */
    queued: number;
    /** Delivered to the trace topic. */
    sent: number;
    /** Dropped because the queue was full (or still queued when close() reached its deadline). */
    dropped: number;
    /** Lost because their trace message could not be sent (broker down, timeout, no route). */
    failed: number;
}
/** Sends one trace message: the records' text, indexed by `keys`. */
export type TraceSender = (topic: string, body: Buffer, keys: readonly string[]) => Promise<void>;
export interface TraceDispatcherOptions {
    topic: string;
    send: TraceSender;
    logger: Logger;
    /** Records waiting at most (Java 2048). */
    capacity?: number;
    /** Records per batch (Java batchNum, at most 20). */
    batchSize?: number;
    /** Trace messages being sent at once. */
    maxInFlight?: number;
    /** A partial batch waits at most this long. */
    flushIntervalMs?: number;
    /** Record text per trace message at most (Java 128000). */
    maxMessageBytes?: number;
}
export declare class TraceDispatcher {
    private readonly o;
    readonly topic: string;
    private readonly capacity;
    private readonly batchSize;
    private readonly maxInFlight;
    private readonly flushIntervalMs;
    private readonly maxMessageBytes;
    private queue;
    private head;
    private inFlight;
    private readonly sending;
    private timer;
    private immediate;
    private closed;
    private counts;
    private lastWarn;
    constructor(o: TraceDispatcherOptions);
    get queued(): number;
    stats(): TraceStats;
    /** Queue a record; false (and counted) when the queue is full or the dispatcher closed. Never throws. */
    append(record: TraceRecord): boolean;
    /** Arrange the next pump: at once (next turn of the event loop) for a full batch, else after the flush interval. */
    private schedule;
    /** Send batches while a sender is free: full ones, and a partial one when `partial`. */
    private pump;
    /** Records grouped by traced topic (as Java does), cut into messages of at most maxMessageBytes. Never rejects. */
    private sendBatch;
    private sendOne;
    /** At most one warning per flush interval (a paused trace broker must not flood the log). */
    private warn;
    /**
     * Stop accepting, send everything queued and wait for it up to `timeoutMs`; what is still queued then is counted
     * as dropped. Never rejects; idempotent.
     */
    close(timeoutMs: number): Promise<void>;
}
/** A TraceSender over a client's own connections (so ACL and TLS apply): round robin over the trace topic's queues. */
export declare function clusterTraceSender(cluster: ClusterPort, producerGroup: string, timeoutMs?: number): TraceSender;
//# sourceMappingURL=trace-dispatcher.d.ts.map