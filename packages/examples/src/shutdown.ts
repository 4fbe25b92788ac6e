/**
 * Graceful shutdown: on SIGTERM or SIGINT, run the close functions once (consumers drain in-flight messages and
 * commit offsets), then exit. A second signal exits at once.
 */
export interface ShutdownOptions {
  /** Give up and exit(1) after this long. Default 40 s (a consumer's close waits up to 30 s for handlers). */
  timeoutMs?: number
  /** Called with the signal name before closing. */
  onSignal?: (signal: NodeJS.Signals) => void
  /** Exit when done (default true). */
  exit?: boolean
}

export function onShutdown(close: () => Promise<unknown>, opts: ShutdownOptions = {}): () => void {
  let closing = false
  const handler = (signal: NodeJS.Signals) => {
    if (closing) {
      process.exit(130)
    }
    closing = true
    opts.onSignal?.(signal)
    const timer = setTimeout(() => process.exit(1), opts.timeoutMs ?? 40_000)
    timer.unref()
    close().then(
      () => {
        clearTimeout(timer)
        if (opts.exit !== false) process.exit(0)
      },
      (e: unknown) => {
        process.stderr.write(`shutdown failed: ${e instanceof Error ? e.message : String(e)}\n`)
        process.exit(1)
      },
    )
  }
  process.on('SIGTERM', handler)
  process.on('SIGINT', handler)
  return () => {
    process.off('SIGTERM', handler)
    process.off('SIGINT', handler)
  }
}

/** The NameServer from the environment (ROCKETMQ_NAMESRV, as the Java tools use NAMESRV_ADDR), else 127.0.0.1:9876. */
export function nameServerFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return env['ROCKETMQ_NAMESRV'] ?? env['NAMESRV_ADDR'] ?? '127.0.0.1:9876'
}
