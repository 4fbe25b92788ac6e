import { silentLogger } from '../../logger.js';
import { mqKey } from '../../protocol/route.js';
export const QUEUE_LOCK_DEFAULTS = Object.freeze({ renewIntervalMs: 20_000, expiryMs: 30_000, retryMs: 1000, closeTimeoutMs: 3000 });
const keyOf = mqKey;
export class QueueLockManager {
    port;
    renewIntervalMs;
    expiryMs;
    retryMs;
    closeTimeoutMs;
    logger;
    events;
    states = new Map();
    timer;
    nextRenewAt = 0;
    ticking = false;
    closed = false;
    constructor(o) {
        this.port = o.port;
        this.renewIntervalMs = o.renewIntervalMs ?? QUEUE_LOCK_DEFAULTS.renewIntervalMs;
        this.expiryMs = o.expiryMs ?? QUEUE_LOCK_DEFAULTS.expiryMs;
        this.retryMs = o.retryMs ?? QUEUE_LOCK_DEFAULTS.retryMs;
        this.closeTimeoutMs = o.closeTimeoutMs ?? QUEUE_LOCK_DEFAULTS.closeTimeoutMs;
        this.logger = o.logger ?? silentLogger;
        this.events = { onAcquired: o.onAcquired, onLost: o.onLost };
    }
    /** Starts renewal, retries and expiry checks. */
    start() {
        if (this.timer || this.closed)
            return;
        this.nextRenewAt = Date.now() + this.renewIntervalMs;
        this.timer = setInterval(() => void this.tick(), this.retryMs);
        this.timer.unref?.();
    }
    /** Whether the queue may be pulled and consumed now (granted, and the grant is not older than the expiry). */
    isHeld(mq) {
        const s = this.states.get(keyOf(mq));
        return s !== undefined && s.held && Date.now() - s.lastLockAt <= this.expiryMs;
    }
    /** `isHeld` by the queue's key (`mqKey`), for hot paths that already have it. */
    isHeldKey(key) {
        const s = this.states.get(key);
        return s !== undefined && s.held && Date.now() - s.lastLockAt <= this.expiryMs;
    }
    /** The queues tracked now (held or waiting for their lock). */
    tracked() {
        return [...this.states.values()].map((s) => s.mq);
    }
    /** Lock queues before their first pull; they stay tracked (and retried) even when refused. Resolves with the held ones. */
    async acquire(mqs) {
        if (this.closed)
            return [];
        for (const mq of mqs) {
            const k = keyOf(mq);
            if (!this.states.has(k))
                this.states.set(k, { mq, held: false, lastLockAt: 0, everHeld: false });
        }
        await this.lockGrouped(mqs);
        return mqs.filter((mq) => this.isHeld(mq));
    }
    /**
     * Stop tracking queues and unlock them (the caller drained their handlers and committed their offsets first).
     * Oneway by default (Java's revoke); `{ oneway: false }` waits for the brokers (bounded by the port's timeout).
     */
    async release(mqs, opts = {}) {
        if (opts.after) {
            // Java's delayed unlock: a handler of the queue still runs (the drain ran out of time), so keep the lock,
            // renewed, until it finished; otherwise another member could start the queue beside it.
            await opts.after.catch(() => undefined);
        }
        const held = [];
        for (const mq of mqs) {
            const s = this.states.get(keyOf(mq));
            if (!s)
                continue;
            this.states.delete(keyOf(mq));
            // Also unlock a queue whose grant is unknown (a request in flight may have granted it).
            held.push(s.mq);
        }
        await this.unlockGrouped(held, opts.oneway ?? true);
    }
    /** Stop tracking queues without unlocking them (they were refused: this member holds no lock on them). */
    forget(mqs) {
        for (const mq of mqs) {
            const s = this.states.get(keyOf(mq));
            if (s && !s.held)
                this.states.delete(keyOf(mq));
        }
    }
    /** Stops the timers and unlocks every tracked queue, waiting for the brokers up to `closeTimeoutMs`. Idempotent. */
    async close() {
        if (this.closed)
            return;
        this.closed = true;
        if (this.timer)
            clearInterval(this.timer);
        this.timer = undefined;
        const all = [...this.states.values()].map((s) => s.mq);
        this.states.clear();
        let t;
        const bound = new Promise((resolve) => {
            t = setTimeout(resolve, this.closeTimeoutMs);
            t.unref?.();
        });
        await Promise.race([this.unlockGrouped(all, false), bound]);
        clearTimeout(t);
    }
    /** One timer step: expiries, then renewal of every tracked queue (every renewIntervalMs) or a retry of the lost ones. */
    async tick() {
        if (this.ticking || this.closed)
            return;
        this.ticking = true;
        try {
            const now = Date.now();
            for (const s of this.states.values()) {
                if (s.held && now - s.lastLockAt > this.expiryMs) {
                    s.held = false;
                    this.logger.warn({ topic: s.mq.topic, broker: s.mq.brokerName, queueId: s.mq.queueId, lastLockAt: s.lastLockAt }, 'queue lock expired (no renewal)');
                    this.events.onLost?.(s.mq, { reason: 'expired' });
                }
            }
            if (now >= this.nextRenewAt) {
                this.nextRenewAt = now + this.renewIntervalMs;
                await this.lockGrouped([...this.states.values()].map((s) => s.mq));
            }
            else {
                const waiting = [...this.states.values()].filter((s) => !s.held).map((s) => s.mq);
                if (waiting.length > 0)
                    await this.lockGrouped(waiting);
            }
        }
        finally {
            this.ticking = false;
        }
    }
    byBroker(mqs) {
        const m = new Map();
        for (const mq of mqs) {
            const list = m.get(mq.brokerName);
            if (list)
                list.push(mq);
            else
                m.set(mq.brokerName, [mq]);
        }
        return m;
    }
    async lockGrouped(mqs) {
        await Promise.all([...this.byBroker(mqs)].map(async ([broker, list]) => {
            const sentAt = Date.now();
            let granted;
            try {
                granted = await this.port.lock(broker, list);
            }
            catch (e) {
                // Unknown outcome: keep the state; an unrenewed grant runs out at its expiry.
                this.logger.warn({ broker, queues: list.length, err: e }, 'queue lock request failed');
                return;
            }
            const ok = new Set(granted.map(keyOf));
            // Released (or closed) while the request was in flight: the broker may have locked it after our unlock.
            const stray = list.filter((mq) => ok.has(keyOf(mq)) && (this.closed || !this.states.has(keyOf(mq))));
            if (stray.length > 0)
                await this.unlockGrouped(stray, true);
            if (this.closed)
                return;
            for (const mq of list) {
                const s = this.states.get(keyOf(mq));
                if (!s)
                    continue;
                if (ok.has(keyOf(mq))) {
                    const wasHeld = s.held && sentAt - s.lastLockAt <= this.expiryMs;
                    const expiredUnseen = s.held && !wasHeld;
                    const relocked = s.everHeld;
                    s.lastLockAt = Math.max(s.lastLockAt, sentAt);
                    s.held = true;
                    s.everHeld = true;
                    if (!wasHeld) {
                        if (expiredUnseen)
                            this.events.onLost?.(s.mq, { reason: 'expired' }); // ran out before the tick saw it
                        this.events.onAcquired?.(s.mq, { relocked });
                    }
                }
                else if (s.held) {
                    s.held = false;
                    this.logger.warn({ topic: mq.topic, broker, queueId: mq.queueId }, 'queue lock refused: another member holds it');
                    this.events.onLost?.(s.mq, { reason: 'refused' });
                }
            }
        }));
    }
    async unlockGrouped(mqs, oneway) {
        await Promise.all([...this.byBroker(mqs)].map(([broker, list]) => this.port.unlock(broker, list, { oneway }).catch((e) => {
            // The broker lets the lock lapse after 60 s without renewal.
            this.logger.warn({ broker, queues: list.length, err: e }, 'queue unlock failed; the broker lock lapses by itself');
        })));
    }
}
//# sourceMappingURL=queue-lock-manager.js.map