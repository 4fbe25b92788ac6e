/**
 * The OpenTelemetry bridge against the client's scripted fake broker (no cluster): a send's PRODUCER span injects W3C
 * trace context into the message; each group's handler call is a CONSUMER span, child of (and linked to) it, so a send
 * and two groups' handlers form one trace; failures mark the span and carry error.type; metrics use the messaging
 * conventions' names and attributes; disable() stops it all.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { propagation, SpanKind, SpanStatusCode } from '@opentelemetry/api'
import { W3CTraceContextPropagator } from '@opentelemetry/core'
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base'
import { AggregationTemporality, InMemoryMetricExporter, MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics'
import { PushConsumer, Producer } from '../../client/src/index.js'
import { FakeBroker } from '../../client/test/support/fake-cluster.js'
import { instrumentRocketMQ, type RocketMQInstrumentation } from '../src/index.js'

const spans = new InMemorySpanExporter()
const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] })
const metricExporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE)
const reader = new PeriodicExportingMetricReader({ exporter: metricExporter, exportIntervalMillis: 3_600_000 })
const meterProvider = new MeterProvider({ readers: [reader] })
let instrumentation: RocketMQInstrumentation
let broker: FakeBroker
const open: Array<{ close(o?: { timeoutMs?: number }): Promise<unknown> }> = []

beforeAll(() => {
  propagation.setGlobalPropagator(new W3CTraceContextPropagator())
  instrumentation = instrumentRocketMQ({ tracerProvider, meterProvider })
})
afterAll(() => {
  instrumentation.disable()
  propagation.disable()
})
afterEach(async () => {
  await Promise.all(open.splice(0).map((c) => c.close({ timeoutMs: 10 })))
  spans.reset()
})

async function until(cond: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 2000 && !cond(); i++) await new Promise((r) => setTimeout(r, 5))
  if (!cond()) throw new Error(`timed out waiting for ${what}`)
}

function consumer(group: string, handler: () => void | Promise<void>): PushConsumer {
  const c = new PushConsumer({ nameServer: '127.0.0.1:9876', group, subscriptions: { T: '*' }, consumeFrom: 'first', handler }, { cluster: broker.factory(group) })
  open.push(c)
  return c
}

describe('spans', () => {
  it('a send and two groups handler calls form one trace: CONSUMER spans are children of the PRODUCER span and link to it', async () => {
    broker = new FakeBroker()
    broker.topic('T', ['broker-a'], 1)
    const producer = new Producer({ nameServer: '127.0.0.1:9876', group: 'P' }, { cluster: broker.factory('p') })
    open.push(producer)
    await producer.send({ topic: 'T', body: 'order paid', keys: 'o-1' })
    expect(broker.sent[0]!.properties.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/)
    let handled = 0
    await Promise.all([consumer('stock', () => void handled++).start(), consumer('credit', () => void handled++).start()])
    await until(() => handled === 2 && spans.getFinishedSpans().length === 3, 'two handler calls traced')
    const all = spans.getFinishedSpans()
    const send = all.find((s) => s.kind === SpanKind.PRODUCER)!
    const processes = all.filter((s) => s.kind === SpanKind.CONSUMER)
    expect(send.name).toBe('send T')
    expect(send.attributes).toMatchObject({ 'messaging.system': 'rocketmq', 'messaging.destination.name': 'T', 'messaging.operation.name': 'send', 'messaging.rocketmq.client_group': 'P' })
    expect(send.attributes['messaging.message.id']).toBeTypeOf('string')
    expect(processes.map((s) => s.name)).toEqual(['process T', 'process T'])
    expect(processes.map((s) => s.attributes['messaging.consumer.group.name']).sort()).toEqual(['credit', 'stock'])
    for (const p of processes) {
      expect(p.spanContext().traceId).toBe(send.spanContext().traceId)
      expect(p.parentSpanContext?.spanId).toBe(send.spanContext().spanId)
      expect(p.links.map((l) => l.context.spanId)).toEqual([send.spanContext().spanId])
    }
  })

  it('a failing handler: the span has status ERROR and error.type; a message without trace context starts a new trace', async () => {
    broker = new FakeBroker()
    broker.topic('T', ['broker-a'], 1)
    broker.append({ topic: 'T', brokerName: 'broker-a', queueId: 0 }, 'no context')
    let calls = 0
    await consumer('failing', () => {
      calls++
      throw Object.assign(new Error('stock service down'), { code: 'ERR_STOCK' })
    }).start()
    await until(() => calls >= 1 && spans.getFinishedSpans().length >= 1, 'a failed call traced')
    const span = spans.getFinishedSpans()[0]!
    expect(span.status.code).toBe(SpanStatusCode.ERROR)
    expect(span.attributes['error.type']).toBe('ERR_STOCK')
    expect(span.parentSpanContext).toBeUndefined()
    expect(span.links).toEqual([])
  })
})

describe('metrics', () => {
  it('sent and consumed counts and durations with the conventions names and low-cardinality attributes', async () => {
    broker = new FakeBroker()
    broker.topic('T', ['broker-a'], 1)
    const producer = new Producer({ nameServer: '127.0.0.1:9876', group: 'P' }, { cluster: broker.factory('p') })
    open.push(producer)
    for (let i = 0; i < 3; i++) await producer.send({ topic: 'T', body: `m${i}` })
    let handled = 0
    await consumer('metrics', () => void handled++).start()
    await until(() => handled === 3, 'three handled')
    await reader.forceFlush()
    const last = metricExporter.getMetrics().at(-1)!
    const byName = new Map(last.scopeMetrics.flatMap((s) => s.metrics).map((m) => [m.descriptor.name, m]))
    const point = (name: string, filter: (a: Record<string, unknown>) => boolean) => byName.get(name)?.dataPoints.find((d) => filter(d.attributes))
    expect(point('messaging.client.sent.messages', (a) => a['messaging.destination.name'] === 'T')?.value).toBeGreaterThanOrEqual(3)
    expect(point('messaging.client.consumed.messages', (a) => a['messaging.consumer.group.name'] === 'metrics')?.value).toBe(3)
    expect(byName.get('messaging.client.operation.duration')?.descriptor.unit).toBe('s')
    expect(byName.get('messaging.process.duration')?.descriptor.unit).toBe('s')
    const attrs = point('messaging.client.consumed.messages', (a) => a['messaging.consumer.group.name'] === 'metrics')!.attributes
    expect(Object.keys(attrs).sort()).toEqual(['messaging.consumer.group.name', 'messaging.destination.name', 'messaging.operation.name', 'messaging.operation.type', 'messaging.system'])
  })

  it('disable(): nothing is traced afterwards', async () => {
    const other = instrumentRocketMQ({ tracerProvider, meterProvider, metrics: false })
    other.disable()
    other.disable()
    broker = new FakeBroker()
    broker.topic('T', ['broker-a'], 1)
    instrumentation.disable()
    const producer = new Producer({ nameServer: '127.0.0.1:9876', group: 'P' }, { cluster: broker.factory('p') })
    open.push(producer)
    await producer.send({ topic: 'T', body: 'untraced' })
    expect(broker.sent[0]!.properties.traceparent).toBeUndefined()
    expect(spans.getFinishedSpans()).toEqual([])
    instrumentation = instrumentRocketMQ({ tracerProvider, meterProvider })
  })
})
