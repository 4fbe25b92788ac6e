/**
 * The few async helpers the client needs, on Node's own primitives. Every wait here is bounded by a signal or a
 * timeout and leaves nothing behind when it ends (no listener, no timer, no closure in a waiter list).
 */
/** Resolves after `ms`, or at once when `signal` aborts (never rejects). */
export function delay(ms, signal) {
    return new Promise((resolve) => {
        if (signal?.aborted)
            return resolve();
        const done = () => {
            clearTimeout(timer);
            signal?.removeEventListener('abort', done);
            resolve();
        };
        const timer = setTimeout(done, ms);
        signal?.addEventListener('abort', done, { once: true });
    });
}
/** Resolves with `p`'s value, or with `undefined` after `ms` (whichever first); rejects only if `p` rejects in time. */
export async function withTimeout(p, ms) {
    let timer;
    try {
        return await Promise.race([p, new Promise((resolve) => (timer = setTimeout(() => resolve(undefined), ms)))]);
    }
    finally {
        clearTimeout(timer);
    }
}
/**
 * "Something changed": `wait()` resolves at the next `notify()`, when the signal aborts or after `timeoutMs`,
 * whichever comes first. A wait that ends by abort or timeout removes itself, so idle waits never accumulate.
 */
export class Notifier {
    waiters = new Set();
    /** Waits currently parked (for tests and diagnostics). */
    get size() {
        return this.waiters.size;
    }
    wait(signal, timeoutMs) {
        return new Promise((resolve) => {
            if (signal?.aborted)
                return resolve();
            let timer;
            const done = () => {
                this.waiters.delete(done);
                if (timer)
                    clearTimeout(timer);
                signal?.removeEventListener('abort', done);
                resolve();
            };
            this.waiters.add(done);
            signal?.addEventListener('abort', done, { once: true });
            if (timeoutMs !== undefined)
                timer = setTimeout(done, Math.max(0, timeoutMs));
        });
    }
    notify() {
        if (this.waiters.size === 0)
            return;
        for (const done of [...this.waiters])
            done();
    }
}
/** Exponential back-off with a cap: 1x, 2x, 4x ... of `baseMs`, at most `maxMs`. */
export function backoff(attempt, baseMs, maxMs) {
    return Math.min(maxMs, baseMs * 2 ** Math.min(30, Math.max(0, attempt)));
}
/**
 * An AbortSignal that aborts after `ms` with a TimeoutError (AbortSignal.timeout on the ordinary timers, so fake
 * timers in tests drive it too). The timer is unref'd: a pending deadline never keeps the process alive.
 */
export function timeoutSignal(ms) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new DOMException(`timed out after ${ms} ms`, 'TimeoutError')), ms);
    timer.unref?.();
    return controller.signal;
}
//# sourceMappingURL=async.js.map