/**
 * The only place that loads rocketmq-client-nodejs (the official gRPC client of the 5.x proxy). It is imported
 * lazily, on the first proxy consumer's start(), so the remoting transport never loads it (nor grpc-js/protobuf).
 */
import { format } from 'node:util'
import type { ILogger, SimpleConsumer as NjsSimpleConsumer, SimpleConsumerOptions } from 'rocketmq-client-nodejs'
import { RocketMQError, silentLogger, type ErrorCode, type ErrorContext, type Logger } from '@rocketmq-ts/client/internal'

export type SimpleConsumer = NjsSimpleConsumer
export type { SimpleConsumerOptions }
export type NjsMessageView = Awaited<ReturnType<NjsSimpleConsumer['receive']>>[number]

type Njs = typeof import('rocketmq-client-nodejs')
let loading: Promise<Njs> | undefined

/** Load rocketmq-client-nodejs once (CJS; named exports resolve through Node's CJS interop). */
export function loadGrpcClient(): Promise<Njs> {
  loading ??= import('rocketmq-client-nodejs').catch((e: unknown) => {
    loading = undefined
    throw new RocketMQError('ERR_GRPC', `the proxy transport needs the package rocketmq-client-nodejs (a dependency of @rocketmq-ts/proxy): ${e instanceof Error ? e.message : String(e)}`, {
      cause: e,
    })
  })
  return loading
}

/** proto apache.rocketmq.v2.FilterType.SQL */
export const FILTER_TYPE_SQL = 2

const noop = (): void => {}

/**
 * rocketmq-client-nodejs logs printf-style (`'clientId=%s'`, or an Error alone). Without an adapter it writes an
 * egg-logger file under ~/logs; with ours it is silent by default and otherwise goes to the application's logger.
 * No `close` on purpose: the client would call it on shutdown.
 */
export function grpcLogger(logger: Logger): ILogger {
  if (logger === silentLogger) return { debug: noop, info: noop, warn: noop, error: noop }
  const line = (args: unknown[]): [object, string] => {
    if (args.length === 1 && args[0] instanceof Error) return [{ transport: 'grpc', err: args[0] }, args[0].message]
    return [{ transport: 'grpc' }, format(...args)]
  }
  return {
    debug: (...a: unknown[]) => logger.debug(...line(a)),
    info: (...a: unknown[]) => logger.info(...line(a)),
    warn: (...a: unknown[]) => logger.warn(...line(a)),
    error: (...a: unknown[]) => logger.error(...line(a)),
  }
}

/** proto Code values that matter here. */
const Code = { INVALID_RECEIPT_HANDLE: 40013, TOPIC_NOT_FOUND: 40402, CONSUMER_GROUP_NOT_FOUND: 40403, TOO_MANY_REQUESTS: 42900 } as const
/** gRPC status codes. */
const GrpcStatus = { DEADLINE_EXCEEDED: 4, UNAVAILABLE: 14 } as const

/** The innermost error with a numeric `code` (the client wraps start-up failures in plain Errors with a cause). */
function rootWithCode(e: unknown): { code: number; message: string; details?: string } | undefined {
  let cur: unknown = e
  for (let i = 0; i < 5 && cur instanceof Error; i++) {
    const code = (cur as { code?: unknown }).code
    if (typeof code === 'number') return { code, message: cur.message, details: (cur as { details?: string }).details }
    cur = cur.cause
  }
  return undefined
}

/** True when the proxy rejected a receipt handle (the message was already acked, or its invisible time ran out). */
export function isInvalidReceiptHandle(e: unknown): boolean {
  return rootWithCode(e)?.code === Code.INVALID_RECEIPT_HANDLE
}

/**
 * Map what rocketmq-client-nodejs or grpc-js threw to a RocketMQError: ClientException `code` is a proxy status
 * code (40402 topic not found, 5xxxx server errors...), a grpc-js ServiceError `code` is a gRPC status (< 100).
 */
export function toGrpcError(e: unknown, what: string, context: ErrorContext = {}): RocketMQError {
  if (e instanceof RocketMQError) return e
  const root = rootWithCode(e)
  const detail = e instanceof Error ? e.message : String(e)
  let code: ErrorCode = 'ERR_GRPC'
  let retriable = false
  const ctx: ErrorContext = { ...context }
  if (root !== undefined && root.code >= 10_000) {
    ctx.responseCode = root.code
    if (root.code === Code.TOPIC_NOT_FOUND) code = 'ERR_TOPIC_NOT_FOUND'
    retriable = root.code >= 50_000 || root.code === Code.TOO_MANY_REQUESTS
  } else if (root !== undefined) {
    ctx.grpcStatus = root.code
    if (root.code === GrpcStatus.UNAVAILABLE) code = 'ERR_CONNECTION'
    else if (root.code === GrpcStatus.DEADLINE_EXCEEDED) code = 'ERR_TIMEOUT'
    retriable = root.code === GrpcStatus.UNAVAILABLE || root.code === GrpcStatus.DEADLINE_EXCEEDED
  }
  const rootMsg = root !== undefined && root.message !== detail ? ` (${root.message})` : ''
  return new RocketMQError(code, `${what}: ${detail}${rootMsg}`, { cause: e, retriable, context: ctx })
}
