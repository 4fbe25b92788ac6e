/**
 * OpenTelemetry for `@rocketmq-ts/client`, built on its `node:diagnostics_channel` tracing channels
 * (`rocketmq-ts:send`, `rocketmq-ts:process`):
 *
 * - a PRODUCER span per send (`send <topic>`) whose W3C trace context is injected into the message as user properties
 *   (`traceparent`, `tracestate`: the keys the OpenTelemetry Java agent's RocketMQ instrumentation writes, so Java
 *   producers and consumers instrumented by it interoperate);
 * - a CONSUMER span per handler call (`process <topic>`): for one message, a child of the producer's context (and
 *   linked to it); for a batch, linked to every message's context. A gRPC client's `TRACE_CONTEXT` property is read too;
 * - the messaging metrics `messaging.client.sent.messages`, `messaging.client.consumed.messages`,
 *   `messaging.client.operation.duration` and `messaging.process.duration` (seconds), with the semantic conventions'
 *   attributes and `error.type` (our error code) on failures.
 *
 * ```ts
 * import { instrumentRocketMQ } from '@rocketmq-ts/opentelemetry'
 * const instrumentation = instrumentRocketMQ() // global tracer / meter providers and propagator
 * // ... later
 * instrumentation.disable()
 * ```
 */
import { tracingChannel } from 'node:diagnostics_channel'
import {
  context as otelContext,
  metrics,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Link,
  type MeterProvider,
  type Span,
  type TextMapGetter,
  type TracerProvider,
} from '@opentelemetry/api'
import { PROCESS_CHANNEL, SEND_CHANNEL, type MessageView, type MessagingAttributes, type ProcessTraceContext, type SendTraceContext } from '@rocketmq-ts/client'

/** Options of {@link instrumentRocketMQ}. */
export interface RocketMQInstrumentationOptions {
  /** Where spans go; default the global tracer provider (`trace.getTracerProvider()`). */
  tracerProvider?: TracerProvider
  /** Where metrics go; default the global meter provider (`metrics.getMeterProvider()`). */
  meterProvider?: MeterProvider
  /** Spans and metrics off independently; both on by default. */
  traces?: boolean
  /** Record the messaging metrics. Default true. */
  metrics?: boolean
}

/** A running instrumentation; `disable()` unsubscribes from the channels. */
export interface RocketMQInstrumentation {
  /** Unsubscribe: later sends and handler calls are not traced or measured. */
  disable(): void
}

/** The instrumentation scope name of the spans and metrics. */
export const INSTRUMENTATION_NAME = '@rocketmq-ts/opentelemetry'

/** Reads a trace context from a received message's properties (`traceparent`, `tracestate`, or gRPC `TRACE_CONTEXT`). */
const messageGetter: TextMapGetter<MessageView> = {
  keys: (m) => Object.keys(m.properties),
  get: (m, key) => m.getProperty(key) ?? (key === 'traceparent' ? m.getProperty('TRACE_CONTEXT') : undefined),
}

/** The producer's context carried by a received message, if it carries one. */
export function extractMessageContext(message: MessageView): Context | undefined {
  if (message.getProperty('traceparent') === undefined && message.getProperty('TRACE_CONTEXT') === undefined) return undefined
  const ctx = propagation.extract(ROOT_CONTEXT, message, messageGetter)
  return trace.getSpanContext(ctx) === undefined ? undefined : ctx
}

/** OTel attributes from the channel's (drops undefined values). */
function attributesOf(a: MessagingAttributes): Attributes {
  const out: Attributes = {}
  for (const [k, v] of Object.entries(a)) if (v !== undefined) out[k] = v
  return out
}

/** The metric attributes: low-cardinality ones only (no message ids, keys or tags). */
function metricAttributes(a: MessagingAttributes): Attributes {
  const out: Attributes = {}
  for (const k of ['messaging.system', 'messaging.operation.name', 'messaging.operation.type', 'messaging.destination.name', 'messaging.consumer.group.name', 'error.type']) {
    const v = a[k]
    if (v !== undefined) out[k] = v
  }
  return out
}

/** Subscribe to the client's tracing channels and turn them into spans and metrics. */
export function instrumentRocketMQ(options: RocketMQInstrumentationOptions = {}): RocketMQInstrumentation {
  const tracer = (options.tracerProvider ?? trace.getTracerProvider()).getTracer(INSTRUMENTATION_NAME)
  const meter = (options.meterProvider ?? metrics.getMeterProvider()).getMeter(INSTRUMENTATION_NAME)
  const withTraces = options.traces ?? true
  const withMetrics = options.metrics ?? true
  const sent = meter.createCounter('messaging.client.sent.messages', { unit: '{message}', description: 'Messages a producer attempted to send' })
  const consumed = meter.createCounter('messaging.client.consumed.messages', { unit: '{message}', description: 'Messages delivered to the application' })
  const operationDuration = meter.createHistogram('messaging.client.operation.duration', { unit: 's', description: 'Duration of a send' })
  const processDuration = meter.createHistogram('messaging.process.duration', { unit: 's', description: 'Duration of a handler call' })

  const started = new WeakMap<object, { span?: Span; at: number }>()

  /** `error` and `asyncEnd` of either channel: mark a failed span; end it; record the metrics. */
  const finishers = <C extends SendTraceContext | ProcessTraceContext>(record: (ctx: C, attrs: Attributes, seconds: number) => void) => ({
    error(ctx: C) {
      const span = started.get(ctx)?.span
      if (!span) return
      span.recordException(ctx.error instanceof Error ? ctx.error : String(ctx.error))
      span.setStatus({ code: SpanStatusCode.ERROR, message: ctx.error instanceof Error ? ctx.error.message : String(ctx.error) })
    },
    asyncEnd(ctx: C) {
      const entry = started.get(ctx)
      if (!entry) return
      started.delete(ctx)
      if (entry.span) {
        entry.span.setAttributes(attributesOf(ctx.attributes))
        entry.span.end()
      }
      if (withMetrics) record(ctx, metricAttributes(ctx.attributes), (performance.now() - entry.at) / 1000)
    },
  })

  const send = tracingChannel<unknown, SendTraceContext>(SEND_CHANNEL)
  const sendHandlers = {
    start(ctx: SendTraceContext) {
      const entry: { span?: Span; at: number } = { at: performance.now() }
      if (withTraces) {
        const span = tracer.startSpan(ctx.name, { kind: SpanKind.PRODUCER, attributes: attributesOf(ctx.attributes) })
        entry.span = span
        // Written into every message of this send (the client adds ctx.properties before encoding).
        propagation.inject(trace.setSpan(otelContext.active(), span), ctx.properties)
      }
      started.set(ctx, entry)
    },
    ...finishers<SendTraceContext>((ctx, attrs, seconds) => {
      sent.add(ctx.messages.length, attrs)
      operationDuration.record(seconds, attrs)
    }),
  }

  const processing = tracingChannel<unknown, ProcessTraceContext>(PROCESS_CHANNEL)
  const processHandlers = {
    start(ctx: ProcessTraceContext) {
      const entry: { span?: Span; at: number } = { at: performance.now() }
      if (withTraces) {
        const links: Link[] = []
        let parent: Context | undefined
        for (const m of ctx.messages) {
          const producer = extractMessageContext(m)
          const sc = producer === undefined ? undefined : trace.getSpanContext(producer)
          if (sc) links.push({ context: sc })
          if (ctx.messages.length === 1) parent = producer
        }
        entry.span = tracer.startSpan(ctx.name, { kind: SpanKind.CONSUMER, attributes: attributesOf(ctx.attributes), links }, parent ?? otelContext.active())
      }
      started.set(ctx, entry)
    },
    ...finishers<ProcessTraceContext>((ctx, attrs, seconds) => {
      consumed.add(ctx.messages.length, attrs)
      processDuration.record(seconds, attrs)
    }),
  }

  send.subscribe(sendHandlers as never)
  processing.subscribe(processHandlers as never)
  let enabled = true
  return {
    disable() {
      if (!enabled) return
      enabled = false
      send.unsubscribe(sendHandlers as never)
      processing.unsubscribe(processHandlers as never)
    },
  }
}
