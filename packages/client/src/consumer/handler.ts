/**
 * The user's handler contract, shared by both transports (remoting and proxy): call the handler (or batch handler)
 * once and report its outcome exactly once — `undefined` for success, the thrown value otherwise — whether it
 * returns synchronously or a promise. Traced on `rocketmq-ts:process` when someone subscribes.
 */
import type { MessageView } from '../protocol/message.js'
import type { MessageQueue } from '../protocol/route.js'
import { processChannel, processContext, traced, tracing } from '../observability/channels.js'

/** The second argument of a handler: where the message comes from, and a signal to stop early. */
export interface MessageContext {
  /** Aborted when the handler times out (handlerTimeoutMs) or when close() reaches its deadline. */
  signal: AbortSignal
  /** The queue the message (or batch) comes from. */
  queue: MessageQueue
  /** The consumer group (without namespace). */
  group: string
}

/** A push consumer's handler: resolve (or return) = consumed; throw (or reject) = retried later. */
export type MessageHandler = (message: MessageView, context: MessageContext) => Promise<void> | void
/** A push consumer's batch handler: up to `batchSize` messages of one queue; the whole batch is retried on a throw. */
export type BatchHandler = (messages: MessageView[], context: MessageContext) => Promise<void> | void

export interface HandlerOptions {
  handler?: unknown
  batchHandler?: unknown
}

function callHandler(options: HandlerOptions, messages: MessageView[], context: MessageContext): unknown {
  return options.batchHandler
    ? (options.batchHandler as BatchHandler)(messages, context)
    : (options.handler as MessageHandler)(messages[0]!, context)
}

/** What a traced handler call names besides its messages (the consumer group and model). */
export interface TraceScope {
  readonly group: string
  readonly model: 'clustering' | 'broadcasting'
}

export function runHandler(
  options: HandlerOptions,
  messages: MessageView[],
  context: MessageContext,
  settle: (error: unknown) => void,
  trace?: TraceScope,
): void {
  let result: unknown
  try {
    // The trace context (and its closure) is built only while someone listens on `rocketmq-ts:process`.
    if (trace && tracing(processChannel)) {
      result = traced(processChannel, processContext(messages, trace.group, trace.model), () => callHandler(options, messages, context))
    } else {
      result = callHandler(options, messages, context)
    }
  } catch (e) {
    settle(e ?? new Error('handler threw'))
    return
  }
  if (result !== null && typeof result === 'object' && typeof (result as PromiseLike<unknown>).then === 'function') {
    ;(result as PromiseLike<unknown>).then(
      () => settle(undefined),
      (e: unknown) => settle(e ?? new Error('handler rejected')),
    )
  } else {
    settle(undefined)
  }
}

/**
 * The context of one handler call, shared by both transports: it records when the call started and whether it is
 * finished or abandoned, and creates its AbortSignal only if the handler reads it (no allocation per message
 * otherwise).
 */
export class HandlerCall implements MessageContext {
  readonly startedAt = Date.now()
  /** Completed (success, failure or timeout); later outcomes are ignored. */
  done = false
  /** Abandoned by close(): nothing waits for it any more. */
  sealed = false
  private controller?: AbortController
  private reason?: unknown

  constructor(
    readonly queue: MessageQueue,
    readonly group: string,
  ) {}

  get signal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController()
      if (this.reason !== undefined) this.controller.abort(this.reason)
    }
    return this.controller.signal
  }

  abort(reason: unknown): void {
    if (this.reason !== undefined) return
    this.reason = reason
    this.controller?.abort(reason)
  }
}
