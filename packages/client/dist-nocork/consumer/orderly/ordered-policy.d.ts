/**
 * Ordered push consumption (`ordering: 'queue' | 'key'`), the Java ConsumeMessageOrderlyService rules as a
 * consumption policy (consumer/policy.ts). (Just over 400 lines: the rules below share one per-queue state, and the
 * parts that stand alone are already their own files: ordered-lanes.ts, queue-lock-manager.ts, the handler pool.)
 * - Clustering: a queue is taken (`admit`) only once this member holds its broker lock (QueueLockManager); the others
 *   are retried by the rebalancer's next pass. A queue is pulled (`canPull`) and handled only while its lock is held;
 *   a lost or expired lock stops it until it is locked again (retried every second). If the previous owner committed
 *   between our offset read and our lock (it commits before it unlocks), the first pull starts at that fresh offset
 *   (Java's previouslyLocked re-read). Revoke and close drain, commit, then unlock (`released`).
 * - Broadcasting: no locks (each member reads every queue), same ordering.
 * - Per queue, OrderedLanes decides what may run: one batch at a time (`'queue'`) or one batch per ordering key
 *   (`'key'`); `concurrency` bounds the batches running over all queues; queues are served round robin.
 * - A failed batch (throw or rejection) stays in place: the queue pauses `suspendMs`, then the same messages run again
 *   (`reconsumeTimes` + 1). Once a message was redelivered `maxReconsumeTimes` times it goes to `%DLQ%<group>`
 *   (CONSUMER_SEND_MSG_BACK with delay level -1) and the queue moves on; if that send fails the queue keeps retrying.
 *   Default: unbounded (Java orderly). Other queues keep flowing.
 * - A handler past `handlerTimeoutMs` gets its signal aborted, but its queue (or key) waits until it returns: one queue
 *   never runs twice at once.
 * - Offsets move only past finished messages (ProcessQueue's lowest unfinished offset).
 */
import type { EventEmitter } from 'node:events';
import { type PushConsumerOptions } from '../../config/consumer.js';
import type { MessageView } from '../../protocol/message.js';
import { type MessageQueue } from '../../protocol/route.js';
import type { HandlerPolicy, PolicyHost } from '../policy.js';
import type { ProcessQueue } from '../process-queue.js';
import { type PushEvents } from '../push-policy.js';
import { type QueueLockPort } from './queue-lock-manager.js';
/** The push consumer's events, with the lock events of the ordered modes. */
/** The events of the ordered policy: the push consumer's, `lock.*` included (types.ts). */
export type OrderedEvents = PushEvents;
export declare class OrderedPolicy implements HandlerPolicy {
    private readonly host;
    private readonly options;
    private readonly events;
    readonly consumeType = "CONSUME_PASSIVELY";
    readonly readsRetryTopic = true;
    readonly commitOnPull = true;
    readonly sendSubscriptionOnPull = false;
    /** Java's orderly service has no span limit (it consumes in order anyway); the count/size limits still apply. */
    readonly maxSpan: number;
    readonly registration: {
        runningInfo: () => {
            properties: Record<string, string>;
            subscriptionSet: ReturnType<PolicyHost["subscriptions"]>;
            mqTable: Array<[MessageQueue, Record<string, unknown>]>;
        };
        consumeMessageDirectly: (m: MessageView) => Promise<{
            consumeResult: string;
            remark?: string;
            spentTimeMills: number;
        }>;
    };
    readonly maxReconsumeTimes: number;
    private readonly locks?;
    private readonly lanes;
    /** Queues in service order (round robin); a served queue moves to the back. */
    private readonly order;
    private readonly running;
    private readonly changes;
    /** Committed offsets that moved between the rebalancer's read and our lock: key -> [offset read before, fresh]. */
    private readonly freshStart;
    private wakeTimer?;
    private wakeAt;
    private sweepTimer?;
    private closed;
    private pumping;
    private pumpAgain;
    private consumed;
    private failed;
    constructor(host: PolicyHost, options: PushConsumerOptions, events: EventEmitter<OrderedEvents>, lockPort?: QueueLockPort);
    private brokerLockPort;
    admit(queues: MessageQueue[]): Promise<MessageQueue[]>;
    canPull(pq: ProcessQueue): boolean;
    deliver(pq: ProcessQueue, messages: MessageView[]): void;
    markConsumed(pq: ProcessQueue, offset: number): void;
    drain(pqs: readonly ProcessQueue[], signal: AbortSignal): Promise<void>;
    releaseOffset(pq: ProcessQueue): number;
    released(queues: MessageQueue[], opts: {
        closing: boolean;
    }): Promise<void>;
    close(deadline: AbortSignal): Promise<{
        drained: number;
        abandoned: number;
    }>;
    /** Whether a queue's messages may be handled now. */
    private mayRun;
    private pump;
    private pumpOnce;
    private wakeUpAt;
    private run;
    private settle;
    private complete;
    private fail;
    /** CONSUMER_SEND_MSG_BACK with delay level -1: the broker stores the message in %DLQ%<group> at once. */
    private sendToDlq;
    /** One timer aborts the signals of handlers past handlerTimeoutMs; their queues still wait for them to return. */
    private ensureSweep;
    private runningInfo;
    /** Broadcasting takes no broker locks: undefined there. */
    locked(pq: ProcessQueue): boolean | undefined;
    private consumeDirectly;
}
//# sourceMappingURL=ordered-policy.d.ts.map