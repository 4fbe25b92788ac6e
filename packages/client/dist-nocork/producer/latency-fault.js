/**
 * Latency fault avoidance for the producer (the idea of Java's MQFaultStrategy / sendLatencyFaultEnable): a broker
 * that failed a send, or answered slowly, is avoided for a while, so a stalled or overloaded broker stops taking
 * new sends while the others are healthy.
 *
 * Durations follow the Java client's table: a send that took at least 550 ms / 1 s / 2 s / 3 s / 15 s puts its
 * broker aside for 30 s / 60 s / 120 s / 180 s / 600 s; faster sends clear it. A failed send (timeout, lost
 * connection, busy broker) puts it aside for `isolationMs` (default 30 s; Java 4.x uses 600 s and 5.x 180 s, but
 * without Java 5's reachability probe a shorter wait brings a recovered broker back sooner).
 */
const LATENCY_STEPS_MS = [550, 1000, 2000, 3000, 15_000];
const AVOID_FOR_MS = [30_000, 60_000, 120_000, 180_000, 600_000];
export const DEFAULT_ISOLATION_MS = 30_000;
export class LatencyFaultAvoidance {
    isolationMs;
    now;
    items = new Map();
    constructor(isolationMs = DEFAULT_ISOLATION_MS, now = Date.now) {
        this.isolationMs = isolationMs;
        this.now = now;
    }
    /** How long a send of `latencyMs` makes us avoid its broker (0: not at all). */
    static avoidanceFor(latencyMs) {
        for (let i = LATENCY_STEPS_MS.length - 1; i >= 0; i--)
            if (latencyMs >= LATENCY_STEPS_MS[i])
                return AVOID_FOR_MS[i];
        return 0;
    }
    /** A send to `broker` completed (successfully) in `latencyMs`. */
    succeeded(broker, latencyMs) {
        const avoid = LatencyFaultAvoidance.avoidanceFor(latencyMs);
        if (avoid === 0)
            this.items.delete(broker);
        else
            this.items.set(broker, { until: this.now() + avoid, latencyMs });
    }
    /** A send to `broker` failed in a way that says the broker (or the path to it) is unwell. */
    failed(broker, latencyMs) {
        const until = this.now() + Math.max(this.isolationMs, LatencyFaultAvoidance.avoidanceFor(latencyMs));
        const prev = this.items.get(broker);
        this.items.set(broker, { until: Math.max(until, prev?.until ?? 0), latencyMs });
    }
    isAvailable(broker) {
        const item = this.items.get(broker);
        if (item === undefined)
            return true;
        if (this.now() >= item.until) {
            this.items.delete(broker);
            return true;
        }
        return false;
    }
    /** Among `brokers`, the one whose avoidance ends first (when every one of them is avoided). */
    leastBad(brokers) {
        let best;
        let bestUntil = Infinity;
        for (const b of brokers) {
            const until = this.items.get(b)?.until ?? 0;
            if (until < bestUntil) {
                best = b;
                bestUntil = until;
            }
        }
        return best;
    }
    /** Brokers avoided right now, with the time their avoidance ends (for diagnostics and tests). */
    snapshot() {
        const out = {};
        for (const [b, item] of this.items)
            if (this.now() < item.until)
                out[b] = item.until;
        return out;
    }
}
//# sourceMappingURL=latency-fault.js.map