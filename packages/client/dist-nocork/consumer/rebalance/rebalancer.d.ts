import { type MessageQueue } from '../../protocol/route.js';
import type { ConsumerContext } from '../context.js';
import type { OffsetStore } from '../offset-store/offset-store.js';
import type { ConsumptionPolicy } from '../policy.js';
import { ProcessQueue } from '../process-queue.js';
import type { QueueReader } from '../queue-reader.js';
import type { Subscriptions } from '../subscriptions.js';
import type { AssignContext, RevokeContext } from '../types.js';
import { type AllocationStrategy } from './strategies.js';
export interface RebalancerDeps {
    ctx: ConsumerContext;
    subscriptions: Subscriptions;
    offsets: OffsetStore;
    policy: ConsumptionPolicy;
    reader: QueueReader;
    strategy: AllocationStrategy;
    onAssign?: (queues: MessageQueue[], context: AssignContext) => unknown;
    onRevoke?: (queues: MessageQueue[], context: RevokeContext) => unknown;
}
export declare class Rebalancer {
    private readonly deps;
    /** The owned queues by mqKey. */
    readonly table: Map<string, ProcessQueue>;
    private running;
    private timer?;
    private chain;
    private pending;
    /** Queues assigned by hand (assign mode); no group rebalance then. */
    private manual?;
    constructor(deps: RebalancerDeps);
    /** Starts periodic passes and runs the first one. */
    start(): Promise<void>;
    /** Stop rebalancing and pulling: every owned queue is dropped (its reader's pull is aborted). */
    stop(): void;
    /** Resolves when no pass is running. */
    idle(): Promise<void>;
    assignment(): MessageQueue[];
    /** Ask for a pass soon; concurrent triggers coalesce into one pass. */
    trigger(reason: string): void;
    /** One serialized pass (waits for the one running). */
    rebalance(): Promise<void>;
    /** Assign mode: own exactly `queues` from now on (applied at once when started). */
    assignManually(queues: readonly MessageQueue[]): Promise<void>;
    private applyManual;
    private serialize;
    private pass;
    private retrySoon;
    /** Move from the current queues to `desired` (restricted to topics `inScope`): revoke first, then assign. */
    private apply;
    /** Release queues: stop pulling, drain (bounded), commit, onRevoke (bounded), then forget them. */
    private revoke;
    /** Store the policy's release offsets of these queues and write them to the offset store. */
    commit(pqs: readonly ProcessQueue[]): Promise<Array<{
        queue: MessageQueue;
        offset: number;
    }>>;
    /** Take queues: start offsets, policy admission, onAssign (may seek), then a reader per queue. */
    private assign;
    /** Await a user hook up to hookTimeoutMs; a throw or a timeout is reported and the pass goes on. */
    private hook;
    private startQueue;
    /** Replace an owned queue's reader, starting at `offset`; undefined when the queue is not owned. */
    restartQueue(mq: MessageQueue, offset: number): ProcessQueue | undefined;
    /** OFFSET_ILLEGAL: the dropped queue resumes at the broker's offset (assign mode) or after a new pass. */
    offsetMoved(pq: ProcessQueue, nextOffset: number): void;
}
//# sourceMappingURL=rebalancer.d.ts.map