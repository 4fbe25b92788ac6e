/**
 * A group member: wires the parts given at construction (cluster port, offset store, subscriptions, consumption
 * policy, queue reader, rebalancer) and owns their lifecycle. It holds no consumption logic of its own: what differs
 * between push, pull (and ordered) consumption is the policy. The facades (push-consumer.ts, pull-consumer.ts) build a
 * member and expose the public API.
 */
import { type ConsumerMetrics } from './metrics.js';
import type { EventEmitter } from 'node:events';
import { type RocketMQError } from '../errors.js';
import type { ClusterFactory, ClusterPort } from '../cluster/port.js';
import { type MessageQueue } from '../protocol/route.js';
import type { BaseConsumerOptions } from '../config/consumer.js';
import { type ConsumerContext } from './context.js';
import type { OffsetStore } from './offset-store/offset-store.js';
import type { ConsumptionPolicy, PolicyFactory } from './policy.js';
import { Rebalancer } from './rebalance/rebalancer.js';
import { Subscriptions } from './subscriptions.js';
import type { ConsumerEvents } from './types.js';
import { MessageTracer } from '../observability/message-tracer.js';
export interface MemberParts {
    options: BaseConsumerOptions;
    /** The public consumer: events are emitted on it. */
    events: EventEmitter<ConsumerEvents>;
    policy: PolicyFactory;
    /** Default: the real client instance (createClusterClient). */
    cluster?: ClusterFactory;
    /** The member failed for good (the brokers refuse it); the facade closes and settles `closed()`. */
    onFailed?: (err: RocketMQError) => void;
}
export type Committed = Array<{
    queue: MessageQueue;
    offset: number;
}>;
export declare class Member {
    readonly ctx: ConsumerContext;
    readonly cluster: ClusterPort;
    readonly offsets: OffsetStore;
    readonly subscriptions: Subscriptions;
    readonly policy: ConsumptionPolicy;
    readonly rebalancer: Rebalancer;
    /** Message trace (the `trace` option); undefined when off. */
    readonly tracer: MessageTracer | undefined;
    private readonly reader;
    private failed;
    constructor(parts: MemberParts);
    get group(): string;
    /** Registration used by heartbeats and broker requests. */
    private registration;
    /** Connect: routes of the subscribed topics, heartbeats, offsets file; then the first rebalance. */
    start(): Promise<void>;
    /**
     * Java checkClientInBroker: each SQL92 subscription is compiled by a broker of its topic before the first heartbeat,
     * so a bad expression fails start() (ERR_INVALID_SUBSCRIPTION) instead of leaving the queues silently empty.
     */
    private checkSubscriptions;
    /** Run `task` every `intervalMs` until close; failures are logged. */
    every(intervalMs: number, task: () => Promise<unknown> | unknown): void;
    /** A snapshot of the owned queues (no request). */
    metrics(): ConsumerMetrics;
    assignment(): MessageQueue[];
    /** Write the in-memory offsets of the owned queues to the store. */
    persistOffsets(oneway: boolean): Promise<Committed>;
    /**
     * RESET_CONSUMER_CLIENT_OFFSET: restart the owned queues of the topic at the given offsets. Offsets a 4.x broker
     * computed for a reset by time (`byTime`: the message nearest to the time) are corrected to the first message stored
     * at or after it, as a 5.x broker computes them; a correction more than one message past the broker's offset is not
     * taken (a reset without force, where the broker kept an older committed offset).
     */
    resetOffsets(topic: string, offsets: Array<[MessageQueue, number]>, byTime?: {
        timestamp: number;
        address: string;
    }): Promise<void>;
    /** Stop pulling: no more passes, every reader's in-flight pull aborted. */
    stop(): void;
    /** After stop() and the policy's drain: commit (sync), release, unregister, close connections. */
    shutdown(): Promise<Committed>;
    /** Undo a failed start: stop and close connections. */
    abort(): Promise<void>;
}
//# sourceMappingURL=member.d.ts.map