/**
 * Tracing through `node:diagnostics_channel`, named and shaped for OpenTelemetry's messaging conventions
 * (`messaging.*` attributes, RocketMQ section). An APM agent or your own code subscribes; when nobody does, the cost is
 * one `hasSubscribers` check per batch.
 *
 *   import { tracingChannel, type TracingChannel } from 'node:diagnostics_channel'
 *   tracingChannel('rocketmq-ts:process').subscribe({ start(ctx) {}, asyncEnd(ctx) {}, error(ctx) {} })
 *
 * Channels: `rocketmq-ts:process` (a handler call: kind CONSUMER) and `rocketmq-ts:send` (a producer send: kind PRODUCER).
 * The context object carries `attributes` (OTel names) and, on failure, `error` (with `error.type` = our error code).
 *
 * Trace context propagation: on `send`, the context carries the outgoing `messages` and a writable `properties` record;
 * what a `start` subscriber puts there (e.g. W3C `traceparent`/`tracestate`) is added to every message's properties
 * before it is encoded. On `process`, the context carries the delivered `messages` (MessageView, with `properties`), so a
 * subscriber can extract the producer's context (`traceparent` user property, or `TRACE_CONTEXT` from gRPC clients).
 */
// A named import: a default import would put `import x from 'node:…'` into the shipped .d.ts, which needs esModuleInterop.
import { tracingChannel, type TracingChannel } from 'node:diagnostics_channel'
import type { MessageView } from '../protocol/message.js'
import type { Message } from '../protocol/send-message.js'

/** The tracing channel of handler calls (`tracingChannel(PROCESS_CHANNEL)`): one event per handler call, kind CONSUMER. */
export const PROCESS_CHANNEL = 'rocketmq-ts:process'
/** The tracing channel of sends (`tracingChannel(SEND_CHANNEL)`): one event per send, kind PRODUCER. */
export const SEND_CHANNEL = 'rocketmq-ts:send'

/** OpenTelemetry messaging attributes by their OTel names, e.g. `messaging.destination.name`. */
export type MessagingAttributes = Record<string, string | number | string[] | undefined>

/** What every tracing event carries. */
export interface TraceContext {
  /** `{operation} {destination}`, the OTel span name. */
  name: string
  /** OTel messaging attributes (`messaging.system: 'rocketmq'`, destination, consumer group, message id, ...). */
  attributes: MessagingAttributes
  /** Set on failure (the `error` event): what was thrown; `attributes['error.type']` holds its code. */
  error?: unknown
  /** Set on success (`asyncEnd`): the handler's or the send's result. */
  result?: unknown
}

/** The context of a `rocketmq-ts:process` event: one handler call. */
export interface ProcessTraceContext extends TraceContext {
  /** The messages given to the handler (one, or a batch); read `properties` to extract the producer's trace context. */
  messages: readonly MessageView[]
}

/** The context of a `rocketmq-ts:send` event: one send (single, batch or oneway). */
export interface SendTraceContext extends TraceContext {
  /** The messages being sent, as the application gave them. */
  messages: readonly Message[]
  /**
   * Properties to add to every message sent (write them in `start`, e.g. `traceparent`). Names RocketMQ reserves are
   * ignored; a property the message already has is kept.
   */
  properties: Record<string, string>
}

export const processChannel = tracingChannel<unknown, ProcessTraceContext>(PROCESS_CHANNEL)
export const sendChannel = tracingChannel<unknown, SendTraceContext>(SEND_CHANNEL)

/** True when someone listens on any of the tracing channel's events. */
export function tracing(channel: typeof processChannel | typeof sendChannel): boolean {
  // `hasSubscribers` on TracingChannel is Node >= 22; check the sub-channels on Node 20.
  return channel.start.hasSubscribers || channel.end.hasSubscribers || channel.asyncEnd.hasSubscribers || channel.error.hasSubscribers
}

export function processContext(messages: readonly MessageView[], group: string, model: 'clustering' | 'broadcasting'): ProcessTraceContext {
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
  return { name: `process ${first.topic}`, attributes, messages }
}

export function sendContext(messages: readonly Message[], group: string): SendTraceContext {
  const first = messages[0]!
  const topic = first.topic
  const count = messages.length
  const tags = first.tags
  const keys = first.keys === undefined ? undefined : typeof first.keys === 'string' ? [first.keys] : [...first.keys]
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
  return { name: `send ${topic}`, attributes, messages, properties: {} }
}

/** Low-cardinality `error.type`: our error code, else `_OTHER`. */
export function errorType(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : '_OTHER'
}

/** Run `fn` inside the tracing channel (start/end/asyncStart/asyncEnd/error), recording `error.type` on failure. */
export function traced<T, C extends TraceContext>(channel: TracingChannel<unknown, C>, ctx: C, fn: () => T | Promise<T>): Promise<T> {
  return channel.tracePromise(async () => {
    try {
      return await fn()
    } catch (e) {
      ctx.attributes['error.type'] = errorType(e)
      throw e
    }
  }, ctx)
}
