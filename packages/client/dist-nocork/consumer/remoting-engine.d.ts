/**
 * The remoting push engine: a group member (member.ts) with the concurrent push policy (push-policy.ts) or an ordered
 * one (orderly/ordered-policy.ts, `ordering` option). It owns
 * queues, long-polls them, commits offsets and answers the console's requests.
 */
import type { ConsumerMetrics } from './metrics.js';
import type { EventEmitter } from 'node:events';
import { type PushConsumerOptions } from '../config/consumer.js';
import { RocketMQError } from '../errors.js';
import type { ClientDeps } from '../cluster/port.js';
import type { MessageQueue } from '../protocol/route.js';
import { Member } from './member.js';
import type { CloseResult, PushEngine } from './push-engine.js';
import { type PushEvents } from './push-policy.js';
export declare class RemotingPushEngine implements PushEngine {
    readonly options: PushConsumerOptions;
    readonly member: Member;
    private readonly policy;
    /** Set with the `namespace` option: maps every name the application sees (namespace-edge.ts). */
    private readonly edge;
    private startPromise?;
    private closePromise?;
    constructor(input: unknown, events: EventEmitter<PushEvents>, deps?: ClientDeps, onFailed?: (err: RocketMQError) => void);
    get clientId(): string;
    start(): Promise<void>;
    metrics(): ConsumerMetrics;
    assignment(): MessageQueue[];
    rebalance(): Promise<void>;
    /** Straight to %DLQ%<group>: a send-back with delay level -1 (the broker's rule for "no more retries"). */
    private deadLetter;
    close(opts: {
        timeoutMs?: number;
    }): Promise<CloseResult>;
}
//# sourceMappingURL=remoting-engine.d.ts.map