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
export declare const DEFAULT_ISOLATION_MS = 30000;
export declare class LatencyFaultAvoidance {
    private readonly isolationMs;
    private readonly now;
    private readonly items;
    constructor(isolationMs?: number, now?: () => number);
    /** How long a send of `latencyMs` makes us avoid its broker (0: not at all). */
    static avoidanceFor(latencyMs: number): number;
    /** A send to `broker` completed (successfully) in `latencyMs`. */
    succeeded(broker: string, latencyMs: number): void;
    /** A send to `broker` failed in a way that says the broker (or the path to it) is unwell. */
    failed(broker: string, latencyMs: number): void;
    isAvailable(broker: string): boolean;
    /** Among `brokers`, the one whose avoidance ends first (when every one of them is avoided). */
    leastBad(brokers: Iterable<string>): string | undefined;
    /** Brokers avoided right now, with the time their avoidance ends (for diagnostics and tests). */
    snapshot(): Record<string, number>;
}
//# sourceMappingURL=latency-fault.d.ts.map