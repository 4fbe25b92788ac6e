/**
 * Typed payloads and idempotent handling, as a wrapper around the application's handler (push consumers):
 * - `codec`: the body is decoded (and checked) before the handler runs; the handler reads `message.value`. A body that
 *   does not decode is never retried: it goes to %DLQ%<group> at once (or to the application's `invalidPayload`
 *   function) and is reported as a `payload.rejected` event.
 * - `dedupe`: a message whose key this member already handled successfully (a redelivery after a rebalance, a crash
 *   of another member or an offset reset) is not handed to the handler again; reported as `message.deduplicated`.
 *   Best effort, per member: the keys live in this process's memory (an LRU of `max` keys kept `ttlMs`), so a copy
 *   that reaches another member, or arrives after this member restarted, is handled again.
 */
import { LRUCache } from 'lru-cache'
import { RocketMQError } from '../errors.js'
import type { MessageView } from '../protocol/message.js'
import type { MessageQueue } from '../protocol/route.js'
import type { BatchHandler, MessageContext, MessageHandler } from './handler.js'
import { toCodec, type CodecOption, type CodecValue, type TypedMessage } from '../protocol/payload-codec.js'

/** What a handler receives: the message, with `value` when the consumer has a codec. */
export type HandlerMessage<C> = [CodecValue<C>] extends [never] ? MessageView : TypedMessage<CodecValue<C>>

/** `dedupe` of a push consumer: which key makes two messages the same, and how long it is remembered. */
export interface DedupeOptions {
  /** The business key of a message (e.g. an order id); `undefined` = never deduplicated. Default: the message id. */
  key?: (message: MessageView) => string | undefined
  /** Keys remembered (least recently used dropped first). Default 10,000. */
  max?: number
  /** How long a key is remembered. Default 1 hour. */
  ttlMs?: number
}

/** The events of a push consumer's payload handling (codec and dedupe). */
export interface PayloadEvents {
  /** A body the codec refused: moved to %DLQ%<group> (`dlq: true`), given to `invalidPayload`, or (broadcasting) skipped. */
  'payload.rejected': [
    {
      /** The message refused. */
      message: MessageView
      /** Why (the codec's error). */
      error: RocketMQError
      /** Its queue. */
      queue: MessageQueue
      /** Moved to %DLQ%<group>. */
      dlq: boolean
    },
  ]
  /** A message whose key this member already handled successfully: not handed to the handler again. */
  'message.deduplicated': [
    {
      /** The message skipped. */
      message: MessageView
      /** Its dedupe key. */
      key: string
      /** Its queue. */
      queue: MessageQueue
    },
  ]
}

export interface PayloadHooks {
  /** Move a message to %DLQ%<group> now (remoting: send-back with delay level -1); undefined = not possible (broadcasting). */
  deadLetter?: (message: MessageView) => Promise<void>
  /** Emit an event (when someone listens; otherwise log it). */
  emit<K extends keyof PayloadEvents>(name: K, ...args: PayloadEvents[K]): void
}

interface Admitted {
  m: MessageView
  key?: string
  settle?: (handled: boolean) => void
}

interface PayloadInput {
  handler?: unknown
  batchHandler?: unknown
  codec?: unknown
  invalidPayload?: unknown
  dedupe?: unknown
}

/** The handlers with the codec and dedupe applied; the options as they were when neither is set (no cost then). */
export function withPayload<O extends PayloadInput>(o: O, hooks: PayloadHooks): O {
  if (o.codec === undefined && (o.dedupe === undefined || o.dedupe === false)) return o
  const codec = o.codec === undefined ? undefined : toCodec(o.codec as CodecOption)
  const dedupe = o.dedupe === undefined || o.dedupe === false ? undefined : o.dedupe === true ? {} : (o.dedupe as DedupeOptions)
  const keyOf = dedupe?.key ?? ((m: MessageView) => m.msgId)
  const seen = dedupe ? new LRUCache<string, true>({ max: dedupe.max ?? 10_000, ttl: dedupe.ttlMs ?? 3_600_000 }) : undefined
  const invalid = o.invalidPayload as ((m: MessageView, e: RocketMQError) => unknown) | 'dlq' | undefined

  /** Keys whose handler runs now: a copy that arrives meanwhile waits for the outcome (true = handled). */
  const running = new Map<string, Promise<boolean>>()

  /** The messages the handler should see: decoded, not yet handled here. Rejected ones are settled on the way. */
  const admit = async (messages: MessageView[], context: MessageContext): Promise<Admitted[]> => {
    const out: Admitted[] = []
    for (const m of messages) {
      if (codec) {
        let value: unknown
        try {
          value = codec.decode(m.body, m)
        } catch (e) {
          await reject(m, e, context.queue)
          continue
        }
        ;(m as { value?: unknown }).value = value
      }
      const key = seen ? keyOf(m) : undefined
      if (key === undefined) {
        out.push({ m })
        continue
      }
      // Same key earlier in this batch, handled before, or handled by a call running now (and it succeeds): skip.
      const inFlight = running.get(key)
      if (out.some((a) => a.key === key) || seen!.has(key) || (inFlight !== undefined && (await inFlight))) {
        hooks.emit('message.deduplicated', { message: m, key, queue: context.queue })
        continue
      }
      let settle!: (handled: boolean) => void
      running.set(key, new Promise<boolean>((resolve) => (settle = resolve)))
      out.push({ m, key, settle })
    }
    return out
  }

  /** After the handler: remember the keys it handled (ok) and wake the copies waiting for them. */
  const finish = (admitted: Admitted[], ok: boolean) => {
    for (const a of admitted) {
      if (a.key === undefined) continue
      if (ok) seen!.set(a.key, true)
      running.delete(a.key)
      a.settle!(ok)
    }
  }

  const reject = async (m: MessageView, cause: unknown, queue: MessageQueue): Promise<void> => {
    const reason = cause instanceof Error ? cause.message : String(cause)
    const error = new RocketMQError(
      'ERR_PAYLOAD_INVALID',
      `Message ${m.msgId} (${m.topic}, queue ${m.brokerName}:${m.queueId}, offset ${m.queueOffset}) does not decode with the ${codec?.name ?? 'given'} codec: ${reason}. It is not retried; fix the producer or the schema`,
      { cause, context: { topic: m.topic, broker: m.brokerName, queueId: m.queueId, offset: m.queueOffset, msgId: m.msgId } },
    )
    if (typeof invalid === 'function') {
      await invalid(m, error) // a throw here is a handler failure: the message is retried
      hooks.emit('payload.rejected', { message: m, error, queue, dlq: false })
      return
    }
    if (hooks.deadLetter) await hooks.deadLetter(m) // a failure: retried like a failed handler, then tried again
    hooks.emit('payload.rejected', { message: m, error, queue, dlq: hooks.deadLetter !== undefined })
  }

  const call = async (admitted: Admitted[], run: () => Promise<void> | void): Promise<void> => {
    if (admitted.length === 0) return
    try {
      await run()
    } catch (e) {
      finish(admitted, false)
      throw e
    }
    finish(admitted, true)
  }

  const handler = o.handler as MessageHandler | undefined
  const batchHandler = o.batchHandler as BatchHandler | undefined
  return {
    ...o,
    ...(handler === undefined
      ? {}
      : {
          handler: async (m: MessageView, context: MessageContext) => call(await admit([m], context), () => handler(m, context)),
        }),
    ...(batchHandler === undefined
      ? {}
      : {
          batchHandler: async (ms: MessageView[], context: MessageContext) => {
            const admitted = await admit(ms, context)
            return call(admitted, () =>
              batchHandler(
                admitted.map((a) => a.m),
                context,
              ),
            )
          },
        }),
  }
}
