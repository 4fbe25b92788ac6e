import type { ConsumerContext } from './context.js';
import type { OffsetStore } from './offset-store/offset-store.js';
import type { ConsumptionPolicy } from './policy.js';
import type { ProcessQueue } from './process-queue.js';
import type { Subscriptions } from './subscriptions.js';
export interface ReaderDeps {
    ctx: ConsumerContext;
    subscriptions: Subscriptions;
    offsets: OffsetStore;
    policy: ConsumptionPolicy;
    /** The queues owned now (per-topic limits are split over them). */
    queues(): Iterable<ProcessQueue>;
    /** OFFSET_ILLEGAL: `pq` was dropped; its owner restarts the queue at `nextOffset` (or rebalances). */
    offsetMoved(pq: ProcessQueue, nextOffset: number): void;
}
export declare class QueueReader {
    private readonly deps;
    private lastFlowControlEvent;
    /** Topics whose pulls the broker ACL refused, reported once each until a pull of the topic succeeds again. */
    private readonly refusedTopics;
    constructor(deps: ReaderDeps);
    /** Pull `pq` until it is dropped. */
    start(pq: ProcessQueue): void;
    private supervise;
    private limits;
    private loop;
    /**
     * A pull whose answer cannot be decoded. A batch is narrowed down first (pulls of one message from the same offset);
     * the message at the offset is then reported on `error` every attempt and stalled (back-off) or skipped, as the
     * `undecodable` option says. Nothing is skipped silently.
     */
    private undecodable;
    private pullFailed;
    private target;
    private pull;
    private handle;
}
//# sourceMappingURL=queue-reader.d.ts.map