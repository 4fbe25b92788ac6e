const noop = () => { };
/** The default logger: drops every line. Errors nobody hears are still shown, as a process warning (see the `error` event). */
export const silentLogger = Object.freeze({
    debug: noop,
    info: noop,
    warn: noop,
    error: noop,
    child: () => silentLogger,
});
/** Add bindings to every line; works with loggers that lack `child`. */
export function childLogger(logger, bindings) {
    if (logger === silentLogger)
        return logger;
    if (typeof logger.child === 'function')
        return logger.child(bindings);
    return {
        debug: (o, m) => logger.debug({ ...bindings, ...o }, m),
        info: (o, m) => logger.info({ ...bindings, ...o }, m),
        warn: (o, m) => logger.warn({ ...bindings, ...o }, m),
        error: (o, m) => logger.error({ ...bindings, ...o }, m),
    };
}
/** A tiny logger that writes JSON lines to stderr, for examples and debugging (`logger: consoleLogger('debug')`). */
export function consoleLogger(level = 'info') {
    const order = ['debug', 'info', 'warn', 'error'];
    const min = order.indexOf(level);
    const make = (l) => (obj, msg) => {
        if (order.indexOf(l) < min)
            return;
        process.stderr.write(`${JSON.stringify({ level: l, time: Date.now(), ...obj, msg })}\n`);
    };
    return { debug: make('debug'), info: make('info'), warn: make('warn'), error: make('error') };
}
/** The `type` of the process warning {@link warnUnheard} emits. */
export const UNHEARD_ERROR_WARNING = 'RocketMQUnheardErrorWarning';
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
export function warnUnheard(err, logger, seen, source) {
    if (logger !== silentLogger || seen.has(err.code))
        return false;
    seen.add(err.code);
    process.emitWarning(`${source}: ${err.message} (${err.code}). Nobody listens on 'error' and no logger was given; later ${err.code} errors of this consumer are not repeated. Add consumer.on('error', ...) or a logger to see every failure.`, { type: UNHEARD_ERROR_WARNING, code: err.code });
    return true;
}
//# sourceMappingURL=logger.js.map