/**
 * The member side of broker queue locks for ordered consumption (the Java RebalanceImpl.lock / lockAll / unlock
 * and ProcessQueue's lock fields), written against a small port so its rules are unit-tested with fake timers.
 *
 * Rules (Java 5.x values; reference/wave2-protocol.md §4):
 * - a queue is tracked from assignment to release; it is *held* while the broker granted it and the last grant is
 *   at most `expiryMs` (30 s) old. Only a held queue may be pulled and consumed.
 * - `acquire()` locks new queues before their first pull (Java's rebalance add path).
 * - every `renewIntervalMs` (20 s) one request per broker renews every tracked queue (Java lockAll): the granted ones
 *   are held from the time the request left, the refused ones are lost at once.
 * - a tracked queue that is not held is retried every `retryMs` (Java retries a refused lock on the next rebalance
 *   500 ms later, and a lost one every 3 s).
 * - a held queue whose last grant is older than `expiryMs` (e.g. its broker stopped answering) is lost, so the member
 *   stops it well before the broker (60 s) could hand it to another member.
 * - `release()` unlocks (oneway, as Java on revoke) after the caller drained and committed the queue; `close()`
 *   unlocks what is left and waits for the answers (bounded), as Java's shutdown.
 */
import type { Logger } from '../../logger.js';
import { type MessageQueue } from '../../protocol/route.js';
/** What the lock manager needs from the cluster: requests to the master of one broker (cluster/queue-locks.ts). */
export interface QueueLockPort {
    /** Lock or renew `queues` (all of `brokerName`); resolves with those held now; rejects when the broker cannot answer. */
    lock(brokerName: string, queues: readonly MessageQueue[]): Promise<MessageQueue[]>;
    /** Unlock `queues` of `brokerName`; oneway does not wait for the broker. */
    unlock(brokerName: string, queues: readonly MessageQueue[], opts: {
        oneway: boolean;
    }): Promise<void>;
}
export type LockLostReason = 'refused' | 'expired' | 'released';
export interface QueueLockEvents {
    /** The broker granted the queue to this member (`relocked`: it had been held before and lost since). */
    onAcquired?(queue: MessageQueue, info: {
        relocked: boolean;
    }): void;
    /** The queue is no longer held: another member holds it (`refused`) or no renewal came within the expiry (`expired`). */
    onLost?(queue: MessageQueue, info: {
        reason: Exclude<LockLostReason, 'released'>;
    }): void;
}
export interface QueueLockManagerOptions extends QueueLockEvents {
    port: QueueLockPort;
    /** Renewal period (Java REBALANCE_LOCK_INTERVAL, 20 s). */
    renewIntervalMs?: number;
    /** Client-side validity of a grant (Java REBALANCE_LOCK_MAX_LIVE_TIME, 30 s; the broker keeps it 60 s). */
    expiryMs?: number;
    /** How often a tracked queue that is not held is locked again, and expiries are checked (1 s). */
    retryMs?: number;
    /** Bound of the unlock requests of close(). */
    closeTimeoutMs?: number;
    logger?: Logger;
}
export declare const QUEUE_LOCK_DEFAULTS: Readonly<{
    renewIntervalMs: 20000;
    expiryMs: 30000;
    retryMs: 1000;
    closeTimeoutMs: 3000;
}>;
export declare class QueueLockManager {
    private readonly port;
    private readonly renewIntervalMs;
    private readonly expiryMs;
    private readonly retryMs;
    private readonly closeTimeoutMs;
    private readonly logger;
    private readonly events;
    private readonly states;
    private timer?;
    private nextRenewAt;
    private ticking;
    private closed;
    constructor(o: QueueLockManagerOptions);
    /** Starts renewal, retries and expiry checks. */
    start(): void;
    /** Whether the queue may be pulled and consumed now (granted, and the grant is not older than the expiry). */
    isHeld(mq: MessageQueue): boolean;
    /** `isHeld` by the queue's key (`mqKey`), for hot paths that already have it. */
    isHeldKey(key: string): boolean;
    /** The queues tracked now (held or waiting for their lock). */
    tracked(): MessageQueue[];
    /** Lock queues before their first pull; they stay tracked (and retried) even when refused. Resolves with the held ones. */
    acquire(mqs: readonly MessageQueue[]): Promise<MessageQueue[]>;
    /**
     * Stop tracking queues and unlock them (the caller drained their handlers and committed their offsets first).
     * Oneway by default (Java's revoke); `{ oneway: false }` waits for the brokers (bounded by the port's timeout).
     */
    release(mqs: readonly MessageQueue[], opts?: {
        oneway?: boolean;
        after?: Promise<unknown>;
    }): Promise<void>;
    /** Stop tracking queues without unlocking them (they were refused: this member holds no lock on them). */
    forget(mqs: readonly MessageQueue[]): void;
    /** Stops the timers and unlocks every tracked queue, waiting for the brokers up to `closeTimeoutMs`. Idempotent. */
    close(): Promise<void>;
    /** One timer step: expiries, then renewal of every tracked queue (every renewIntervalMs) or a retry of the lost ones. */
    tick(): Promise<void>;
    private byBroker;
    private lockGrouped;
    private unlockGrouped;
}
//# sourceMappingURL=queue-lock-manager.d.ts.map