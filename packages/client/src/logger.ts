/**
 * A pino-shaped logger. The SDK is silent unless the application passes one (pino, or `console`-backed).
 * Calls take an object of structured fields first, then a message, as pino does.
 */
export interface Logger {
  debug(obj: object, msg?: string): void
  info(obj: object, msg?: string): void
  warn(obj: object, msg?: string): void
  error(obj: object, msg?: string): void
  child?(bindings: object): Logger
}

const noop = (): void => {}

export const silentLogger: Logger = Object.freeze({
  debug: noop,
  info: noop,
  warn: noop,
  error: noop,
  child: () => silentLogger,
})

/** Add bindings to every line; works with loggers that lack `child`. */
export function childLogger(logger: Logger, bindings: object): Logger {
  if (logger === silentLogger) return logger
  if (typeof logger.child === 'function') return logger.child(bindings)
  return {
    debug: (o, m) => logger.debug({ ...bindings, ...o }, m),
    info: (o, m) => logger.info({ ...bindings, ...o }, m),
    warn: (o, m) => logger.warn({ ...bindings, ...o }, m),
    error: (o, m) => logger.error({ ...bindings, ...o }, m),
  }
}

/** A tiny logger that writes JSON lines to stderr, for examples and debugging (`logger: consoleLogger('debug')`). */
export function consoleLogger(level: 'debug' | 'info' | 'warn' | 'error' = 'info'): Logger {
  const order = ['debug', 'info', 'warn', 'error'] as const
  const min = order.indexOf(level)
  const make = (l: (typeof order)[number]) => (obj: object, msg?: string) => {
    if (order.indexOf(l) < min) return
    process.stderr.write(`${JSON.stringify({ level: l, time: Date.now(), ...obj, msg })}\n`)
  }
  return { debug: make('debug'), info: make('info'), warn: make('warn'), error: make('error') }
}
