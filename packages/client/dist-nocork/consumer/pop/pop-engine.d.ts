/**
 * The POP push engine (remoting, RocketMQ 5.x brokers; the `pop` option): the broker hands messages, not queues, to
 * the group's members (Java DefaultMQPushConsumer with clientRebalance=false: RebalanceImpl -> QUERY_ASSIGNMENT,
 * PopMessageService, ConsumeMessagePopConcurrentlyService). This file wires the parts and runs start and close:
 *
 * - pop-assignment.ts: the group's request mode, QUERY_ASSIGNMENT, one POP loop per assigned queue (asked again every
 *   `rebalanceIntervalMs` and when a broker says the members changed);
 * - pop-loop.ts: the long-polling POP loop of one queue, bounded by `maxInFlight` messages held by this member;
 * - pop-held.ts: the held messages: hand-off to the shared HandlerPool (concurrency, deadlines with AbortSignal,
 *   bounded close), ack on success, the retry delays then %DLQ%<group> on failure, renewal of invisibility;
 * - pop-acker.ts: the ack / invisibility / DLQ requests; cluster/pop-api.ts: the broker requests.
 */
import type { EventEmitter } from 'node:events';
import { RocketMQError } from '../../errors.js';
import { type PushConsumerOptions } from '../../config/consumer.js';
import type { ClientDeps, ClusterPort } from '../../cluster/port.js';
import type { MessageQueue } from '../../protocol/route.js';
import type { ConsumerMetrics } from '../metrics.js';
import type { CloseResult, PushEngine } from '../push-engine.js';
import { type PushEvents } from '../push-policy.js';
export declare class PopPushEngine implements PushEngine {
    readonly options: PushConsumerOptions;
    readonly cluster: ClusterPort;
    private readonly pop;
    private readonly ctx;
    private readonly subscriptions;
    private readonly pool;
    private readonly acker;
    private readonly held;
    private readonly assigner;
    private readonly stop;
    private readonly maxReconsumeTimes;
    private running;
    private sweepTimer?;
    private startPromise?;
    private closePromise?;
    constructor(input: unknown, events: EventEmitter<PushEvents>, deps?: ClientDeps, onFailed?: (err: RocketMQError) => void);
    get clientId(): string;
    start(): Promise<void>;
    private doStart;
    /** The assigned POP queues (queueId -1: every queue of that broker). */
    assignment(): MessageQueue[];
    /** No owned queues with offsets: `queues` is []; `cachedCount`/`cachedBytes` are the messages this member holds. */
    metrics(): ConsumerMetrics;
    /** Ask the broker for the assignment now. */
    rebalance(): Promise<void>;
    private runningInfo;
    /**
     * Stop popping, wait for running handlers up to `timeoutMs` (then abort their signals), send the acks of finished
     * ones, unregister. Messages never handled or abandoned come back after their invisible time. `committed` is []
     * (POP has no client offsets).
     */
    close(opts: {
        timeoutMs?: number;
    }): Promise<CloseResult>;
}
//# sourceMappingURL=pop-engine.d.ts.map