/**
 * @rocketmq-ts/opentelemetry on the real cluster, across two processes: a producer process's send span and two
 * consumer groups' handler spans here form one trace (the W3C traceparent travels in the message through the broker);
 * and a message the Java client (rocketmq-client 5.5.0, bench/java) sent with a `traceparent` user property, as the
 * OpenTelemetry Java agent's RocketMQ instrumentation writes it, parents and links our handler span the same way.
 */
import { randomBytes } from 'node:crypto'
import { fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { propagation, SpanKind } from '@opentelemetry/api'
import { W3CTraceContextPropagator } from '@opentelemetry/core'
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base'
import { PushConsumer, type MessageView } from '@rocketmq-ts/client'
import { instrumentRocketMQ, type RocketMQInstrumentation } from '@rocketmq-ts/opentelemetry'
import { uniqueName, waitUntil } from './helpers.js'
import { consumerSuite } from './support/consumers.js'
import { ensureJava, runJava } from './support/java-interop.js'

const suite = consumerSuite()
const spans = new InMemorySpanExporter()
let instrumentation: RocketMQInstrumentation

beforeAll(() => {
  propagation.setGlobalPropagator(new W3CTraceContextPropagator())
  instrumentation = instrumentRocketMQ({ tracerProvider: new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] }), metrics: false })
})
afterAll(() => {
  instrumentation.disable()
  propagation.disable()
})

interface ProducerReport {
  msgId: string
  traceId: string
  spanId: string
  kind: number
  name: string
}

function sendFromAnotherProcess(topic: string): Promise<ProducerReport> {
  const script = fileURLToPath(new URL('./support/otel-producer.mjs', import.meta.url))
  const proc = fork(script, [suite.cluster.nameServer, topic], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  return new Promise((resolve, reject) => {
    proc.once('message', (m) => resolve(m as ProducerReport))
    proc.once('exit', (code) => reject(new Error(`the producer process exited with ${code} before reporting`)))
  })
}

describe('OpenTelemetry across processes', () => {
  it("a send in one process and two groups' handler calls in another form one trace", async () => {
    const t = uniqueName('TopicOtel')
    await suite.cluster.createTopic(t, { queuesPerBroker: 2 })
    const got = new Map<string, MessageView>()
    for (const group of [uniqueName('otel_stock'), uniqueName('otel_credit')]) {
      const c = suite.track(new PushConsumer({ nameServer: suite.cluster.nameServer, group, subscriptions: { [t]: '*' }, consumeFrom: 'first', handler: (m) => void got.set(group, m) }))
      await c.start()
    }
    const sent = await sendFromAnotherProcess(t)
    expect(sent.kind).toBe(SpanKind.PRODUCER)
    expect(sent.name).toBe(`send ${t}`)
    await waitUntil(() => got.size === 2 && spans.getFinishedSpans().filter((s) => s.name === `process ${t}`).length === 2, 60_000, 'both groups traced')
    expect([...got.values()].map((m) => m.msgId)).toEqual([sent.msgId, sent.msgId])
    expect([...got.values()].every((m) => m.getProperty('traceparent') === `00-${sent.traceId}-${sent.spanId}-01`)).toBe(true)
    const processes = spans.getFinishedSpans().filter((s) => s.name === `process ${t}`)
    for (const p of processes) {
      expect(p.kind).toBe(SpanKind.CONSUMER)
      expect(p.spanContext().traceId).toBe(sent.traceId)
      expect(p.parentSpanContext?.spanId).toBe(sent.spanId)
      expect(p.links.map((l) => l.context.spanId)).toEqual([sent.spanId])
      expect(p.attributes['messaging.message.id']).toBe(sent.msgId)
    }
    expect(new Set(processes.map((p) => p.attributes['messaging.consumer.group.name'])).size).toBe(2)
  })

  it('a Java-produced message with a traceparent property: our handler span is its child and linked to it', { timeout: 300_000 }, async () => {
    await ensureJava()
    const t = uniqueName('TopicOtelJava')
    await suite.cluster.createTopic(t, { queuesPerBroker: 2 })
    const got: MessageView[] = []
    const c = suite.track(new PushConsumer({ nameServer: suite.cluster.nameServer, group: uniqueName('otel_java'), subscriptions: { [t]: '*' }, consumeFrom: 'first', handler: (m) => void got.push(m) }))
    await c.start()

    // The trace context an instrumented Java producer would have injected: chosen here, so nothing of ours made it.
    const traceId = randomBytes(16).toString('hex')
    const spanId = randomBytes(8).toString('hex')
    const traceparent = `00-${traceId}-${spanId}-01`
    const java = await runJava('produce', { security: undefined, nameServer: suite.cluster.nameServer }, { topic: t, count: 1, prefix: 'otel-java', property: `traceparent=${traceparent}` })
    await java.waitLine((l) => l.sent !== undefined, 'the Java send', 180_000)
    expect(java.lines.find((l) => l.sent !== undefined)!.sent).toBe(1)
    expect(await java.exited).toBe(0)

    await waitUntil(() => got.length >= 1 && spans.getFinishedSpans().some((s) => s.name === `process ${t}`), 60_000, 'the Java message handled and traced')
    expect(got[0]!.body.toString('utf8')).toBe('otel-java-0')
    expect(got[0]!.getProperty('traceparent')).toBe(traceparent)
    const processes = spans.getFinishedSpans().filter((s) => s.name === `process ${t}`)
    for (const p of processes) {
      expect(p.kind).toBe(SpanKind.CONSUMER)
      expect(p.spanContext().traceId).toBe(traceId)
      expect(p.parentSpanContext?.spanId).toBe(spanId)
      expect(p.parentSpanContext?.isRemote).toBe(true)
      expect(p.links.map((l) => [l.context.traceId, l.context.spanId])).toEqual([[traceId, spanId]])
      expect(p.attributes['messaging.message.id']).toBe(got[0]!.msgId)
    }
  })
})
