/**
 * consumer.metrics(): a snapshot of the owned queues from what the consumer already holds in memory (no request to any
 * broker), cheap enough to poll every second. The broker's max offset is the one its last pull response carried.
 */
import type { MessageQueue } from '../protocol/route.js';
import type { OffsetStore } from './offset-store/offset-store.js';
import type { ConsumptionPolicy } from './policy.js';
import type { ProcessQueue } from './process-queue.js';
import type { TraceStats } from '../observability/trace-dispatcher.js';
/** `consumer.metrics()` for one owned queue. */
export interface QueueMetrics {
    /** The queue. */
    queue: MessageQueue;
    /** The offset last written to (or read from) the offset store: -1 before the first commit or read. */
    committedOffset: number;
    /** The offset the next commit stores (everything before it is consumed): -1 while unknown. */
    consumedOffset: number;
    /** The queue's max offset from the last pull response: -1 before the first response. */
    brokerMaxOffset: number;
    /** brokerMaxOffset - consumedOffset (never below 0): -1 while either is unknown. */
    lag: number;
    /** Messages pulled and not yet consumed (push) or not yet polled (pull), and their body bytes. */
    cachedCount: number;
    /** The body bytes of the cached messages. */
    cachedBytes: number;
    /** When the last pull to this queue was sent (epoch ms, 0 = never). */
    lastPullTimestamp: number;
    /** When a message of this queue was last consumed (epoch ms, 0 = never). */
    lastConsumeTimestamp: number;
    /** Paused (pull consumer pause()). */
    paused: boolean;
    /** Ordered consumption (clustering): whether this member holds the queue's broker lock. Absent otherwise. */
    locked?: boolean;
}
/** `consumer.metrics()`: a snapshot of the owned queues, from memory (no broker request). */
export interface ConsumerMetrics {
    /** The consumer group (without namespace). */
    group: string;
    /** One entry per owned queue, sorted by topic, broker, queue id. */
    queues: QueueMetrics[];
    /** Sums over the queues (lag counts only queues whose lag is known). */
    lag: number;
    /** Cached messages over every owned queue. */
    cachedCount: number;
    /** Cached body bytes over every owned queue. */
    cachedBytes: number;
    /**
     * Message trace counters (the `trace` option): records queued, sent, dropped because the queue was full, and lost
     * to failed trace sends. Absent when trace is off.
     */
    trace?: TraceStats;
}
export declare function consumerMetrics(group: string, pqs: Iterable<ProcessQueue>, offsets: OffsetStore, policy: ConsumptionPolicy): ConsumerMetrics;
//# sourceMappingURL=metrics.d.ts.map