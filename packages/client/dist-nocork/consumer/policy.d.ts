/**
 * The consumption policy: everything that differs between ways of consuming what the queue readers pull. The member,
 * rebalancer and readers are the same for all of them; a policy decides how pulled messages reach the application,
 * when a queue may pull, which offset a queue commits and what happens around assignment and release.
 *
 * Implementations: push-policy.ts (concurrent handlers, send-back), pull-policy.ts (poll buffer). Ordered policies
 * plug in the same way (see /work/wt/NOTES-arch.md and consumer/README in the notes): lock queues in `admit`, gate
 * pulls in `canPull` and wake with `host.wake`, commit only past finished messages in `releaseOffset` /
 * `host.markConsumed`, unlock in `released`.
 */
import type { MessageView } from '../protocol/message.js';
import type { MessageQueue } from '../protocol/route.js';
import type { ConsumerRegistration } from '../cluster/client-instance.js';
import type { SubscriptionData } from '../protocol/tag.js';
import type { ConsumerContext } from './context.js';
import type { OffsetStore } from './offset-store/offset-store.js';
import type { ProcessQueue } from './process-queue.js';
import type { MessageTracer } from '../observability/message-tracer.js';
/** What the member gives a policy at construction. */
export interface PolicyHost {
    readonly ctx: ConsumerContext;
    /** Message trace hooks (the `trace` option); undefined when off. */
    readonly tracer?: MessageTracer | undefined;
    readonly offsets: OffsetStore;
    /** The queues owned now (live view; a dropped queue leaves it after its release). */
    queues(): Iterable<ProcessQueue>;
    /** The owned queue of `mq`, if any. */
    queue(mq: MessageQueue): ProcessQueue | undefined;
    /** The subscription table as heartbeats send it. */
    subscriptions(): SubscriptionData[];
    /** Wake a queue's reader so it re-checks `canPull` and its flow-control limits. */
    wake(pq: ProcessQueue): void;
    /** Replace a queue's reader, starting at `offset` (seek; orderly: the offset recomputed after locking). */
    restartQueue(mq: MessageQueue, offset: number): ProcessQueue | undefined;
}
/** Builds the policy once, when the member is built (nothing is replaced later). */
export type PolicyFactory = (host: PolicyHost) => ConsumptionPolicy;
export interface ConsumptionPolicy {
    /** Told to brokers in heartbeats (Java ConsumeType). */
    readonly consumeType: 'CONSUME_PASSIVELY' | 'CONSUME_ACTIVELY';
    /** Clustering push policies read `%RETRY%<group>` too (messages they sent back). */
    readonly readsRetryTopic: boolean;
    /** Piggy-back the consumed offset on pulls to the master (push; never for the pull consumer). */
    readonly commitOnPull: boolean;
    /** Send the subscription expression with every pull (the pull consumer: assigned queues need no registration). */
    readonly sendSubscriptionOnPull: boolean;
    /** Stop pulling a queue whose cached messages span more offsets than this (push: 2000); Infinity for none. */
    readonly maxSpan: number;
    /** Extra registration for broker requests (console: running info, consume directly). */
    readonly registration?: Partial<ConsumerRegistration>;
    /**
     * Queues about to be taken (start offsets known, before onAssign and before their readers start). Resolves to the
     * queues to take now; the others are retried at the next rebalance (orderly: those it could not lock).
     */
    admit?(queues: MessageQueue[]): Promise<MessageQueue[]>;
    /** May this queue's reader pull now? When false the reader parks until `host.wake(pq)` or a change of the queue. */
    canPull(pq: ProcessQueue): boolean;
    /** A pulled batch: tag-checked, retry topic restored, already in `pq`'s cache. */
    deliver(pq: ProcessQueue, messages: MessageView[]): void;
    /**
     * Nothing new was found and the queue holds nothing: record `offset` as consumed (push: offset store; pull: the
     * position commit() stores). Also called by policies themselves as messages finish.
     */
    markConsumed(pq: ProcessQueue, offset: number): void;
    /** Wait until no message of these (dropped) queues is being consumed, or until the signal aborts. */
    drain(pqs: readonly ProcessQueue[], signal: AbortSignal): Promise<void>;
    /** The offset to commit when the queue is released (revoke, close), or -1 to keep what is stored. */
    releaseOffset(pq: ProcessQueue): number;
    /** The queues were released (after drain, commit and onRevoke); `closing` at close(). Orderly: unlock on the broker. */
    released?(queues: MessageQueue[], opts: {
        closing: boolean;
    }): Promise<void>;
    /** Ordered policies: whether this member holds the queue's broker lock now (for metrics()). */
    locked?(pq: ProcessQueue): boolean | undefined;
}
/** A policy that runs the application's handler (push consumption): close() drains it up to a deadline. */
export interface HandlerPolicy extends ConsumptionPolicy {
    /**
     * Stop starting handlers, wait for running ones until `deadline` aborts, then abandon the rest (signals aborted,
     * late outcomes ignored, offsets not committed). Called by the facade after the member stopped pulling.
     */
    close(deadline: AbortSignal): Promise<{
        drained: number;
        abandoned: number;
    }>;
}
//# sourceMappingURL=policy.d.ts.map