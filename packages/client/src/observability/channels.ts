/**
 * Tracing through `node:diagnostics_channel`, named and shaped for OpenTelemetry's messaging conventions
 * (`messaging.*` attributes, RocketMQ section). An APM agent or your own code subscribes; when nobody does, the cost is
 * one `hasSubscribers` check per batch.
 *
 *   import { tracingChannel } from 'node:diagnostics_channel'
 *   tracingChannel('rocketmq-ts:process').subscribe({ start(ctx) {}, asyncEnd(ctx) {}, error(ctx) {} })
 *
 * Channels: `rocketmq-ts:process` (a handler call: kind CONSUMER) and `rocketmq-ts:send` (a producer send: kind PRODUCER).
 * The context object carries `attributes` (OTel names) and, on failure, `error` (with `error.type` = our error code).
 */
// A named import: a default import would put `import x from 'node:…'` into the shipped .d.ts, which needs esModuleInterop.
import { tracingChannel } from 'node:diagnostics_channel'
import type { MessageView } from '../protocol/message.js'

export const PROCESS_CHANNEL = 'rocketmq-ts:process'
export const SEND_CHANNEL = 'rocketmq-ts:send'

export type MessagingAttributes = Record<string, string | number | string[] | undefined>

export interface TraceContext {
  /** `{operation} {destination}`, the OTel span name. */
  name: string
  attributes: MessagingAttributes
  error?: unknown
  result?: unknown
}

export const processChannel = tracingChannel<unknown, TraceContext>(PROCESS_CHANNEL)
export const sendChannel = tracingChannel<unknown, TraceContext>(SEND_CHANNEL)

/** True when someone listens on any of the tracing channel's events. */
export function tracing(channel: typeof processChannel): boolean {
  // `hasSubscribers` on TracingChannel is Node >= 22; check the sub-channels on Node 20.
  return channel.start.hasSubscribers || channel.end.hasSubscribers || channel.asyncEnd.hasSubscribers || channel.error.hasSubscribers
}

export function processContext(messages: readonly MessageView[], group: string, model: 'clustering' | 'broadcasting'): TraceContext {
  const first = messages[0]!
  const attributes: MessagingAttributes = {
    'messaging.system': 'rocketmq',
    'messaging.operation.type': 'process',
    'messaging.operation.name': 'process',
    'messaging.destination.name': first.topic,
    'messaging.consumer.group.name': group,
    'messaging.rocketmq.namespace': '',
    'messaging.rocketmq.consumption_model': model,
  }
  if (messages.length === 1) {
    attributes['messaging.message.id'] = first.msgId
    attributes['messaging.rocketmq.message.tag'] = first.tags
    attributes['messaging.rocketmq.message.keys'] = first.keys
  } else {
    attributes['messaging.batch.message_count'] = messages.length
  }
  return { name: `process ${first.topic}`, attributes }
}

export function sendContext(topic: string, group: string, count: number, tags?: string, keys?: string[]): TraceContext {
  const attributes: MessagingAttributes = {
    'messaging.system': 'rocketmq',
    'messaging.operation.type': 'send',
    'messaging.operation.name': 'send',
    'messaging.destination.name': topic,
    'messaging.rocketmq.client_group': group,
    'messaging.rocketmq.namespace': '',
  }
  if (count === 1) {
    attributes['messaging.rocketmq.message.tag'] = tags
    attributes['messaging.rocketmq.message.keys'] = keys
  } else attributes['messaging.batch.message_count'] = count
  return { name: `send ${topic}`, attributes }
}

/** Low-cardinality `error.type`: our error code, else `_OTHER`. */
export function errorType(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : '_OTHER'
}

/** Run `fn` inside the tracing channel (start/end/asyncStart/asyncEnd/error), recording `error.type` on failure. */
export function traced<T>(channel: typeof processChannel, ctx: TraceContext, fn: () => T | Promise<T>): Promise<T> {
  return channel.tracePromise(async () => {
    try {
      return await fn()
    } catch (e) {
      ctx.attributes['error.type'] = errorType(e)
      throw e
    }
  }, ctx)
}
