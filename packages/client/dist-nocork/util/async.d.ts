/**
 * The few async helpers the client needs, on Node's own primitives. Every wait here is bounded by a signal or a
 * timeout and leaves nothing behind when it ends (no listener, no timer, no closure in a waiter list).
 */
/** Resolves after `ms`, or at once when `signal` aborts (never rejects). */
export declare function delay(ms: number, signal?: AbortSignal): Promise<void>;
/** Resolves with `p`'s value, or with `undefined` after `ms` (whichever first); rejects only if `p` rejects in time. */
export declare function withTimeout<T>(p: Promise<T>, ms: number): Promise<T | undefined>;
/**
 * "Something changed": `wait()` resolves at the next `notify()`, when the signal aborts or after `timeoutMs`,
 * whichever comes first. A wait that ends by abort or timeout removes itself, so idle waits never accumulate.
 */
export declare class Notifier {
    private readonly waiters;
    /** Waits currently parked (for tests and diagnostics). */
    get size(): number;
    wait(signal?: AbortSignal, timeoutMs?: number): Promise<void>;
    notify(): void;
}
/** Exponential back-off with a cap: 1x, 2x, 4x ... of `baseMs`, at most `maxMs`. */
export declare function backoff(attempt: number, baseMs: number, maxMs: number): number;
/**
 * An AbortSignal that aborts after `ms` with a TimeoutError (AbortSignal.timeout on the ordinary timers, so fake
 * timers in tests drive it too). The timer is unref'd: a pending deadline never keeps the process alive.
 */
export declare function timeoutSignal(ms: number): AbortSignal;
//# sourceMappingURL=async.d.ts.map