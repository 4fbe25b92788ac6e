import type { RocketMQError } from './errors.js';
/**
 * A pino-shaped logger. The SDK is silent unless the application passes one (pino, or `console`-backed).
 * Calls take an object of structured fields first, then a message, as pino does.
 */
export interface Logger {
    /** Detail for debugging: every pull, commit and rebalance step. */
    debug(obj: object, msg?: string): void;
    /** Lifecycle: started, closed, queues assigned and revoked. */
    info(obj: object, msg?: string): void;
    /** Something went wrong and was handled (a retry, a fallback, an unsafe option). */
    warn(obj: object, msg?: string): void;
    /** A failure the application should see: every background error reported on the `error` event is logged here too. */
    error(obj: object, msg?: string): void;
    /** A logger that adds `bindings` to every line (pino's `child`); optional. */
    child?(bindings: object): Logger;
}
/** The default logger: drops every line. Errors nobody hears are still shown, as a process warning (see the `error` event). */
export declare const silentLogger: Logger;
/** Add bindings to every line; works with loggers that lack `child`. */
export declare function childLogger(logger: Logger, bindings: object): Logger;
/** A tiny logger that writes JSON lines to stderr, for examples and debugging (`logger: consoleLogger('debug')`). */
export declare function consoleLogger(level?: 'debug' | 'info' | 'warn' | 'error'): Logger;
/** The `type` of the process warning {@link warnUnheard} emits. */
export declare const UNHEARD_ERROR_WARNING = "RocketMQUnheardErrorWarning";
/**
 * A background error that neither an `error` listener nor a logger hears must not vanish. Node's `EventEmitter` throws
 * an unheard `error`, which would crash the process for a failure the consumer survives (a failed rebalance pass is
 * retried, a failed hook leaves the queues assigned); KafkaJS logs by default. We take the middle way: when nobody
 * listens on `error` and no `logger` was given (the silent default), the first error of each code is written as a Node
 * process warning (`process.emitWarning`: printed on stderr as `(node:<pid>) RocketMQUnheardErrorWarning: ...`,
 * routed by `process.on('warning')`, silenced by `--no-warnings`). Later errors of the same code from the same source
 * are not repeated. A given logger receives every error at level `error` instead.
 *
 * @param err the error nobody listened to
 * @param logger the source's logger: only the silent default triggers the warning
 * @param seen the codes this source has already warned about (one set per consumer)
 * @param source who reported it, e.g. `PushConsumer stock_consumer_group`
 * @returns whether a warning was emitted
 */
export declare function warnUnheard(err: RocketMQError, logger: Logger, seen: Set<string>, source: string): boolean;
//# sourceMappingURL=logger.d.ts.map