/**
 * Trace context on the diagnostics channels: a `send` subscriber's properties reach the wire, a `process` subscriber sees
 * the delivered message with them (what an OpenTelemetry bridge needs to inject and extract `traceparent`).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { tracingChannel } from 'node:diagnostics_channel'
import { PushConsumer } from '../../src/consumer/push-consumer.js'
import { Producer } from '../../src/producer/producer.js'
import { PROCESS_CHANNEL, SEND_CHANNEL, type ProcessTraceContext, type SendTraceContext } from '../../src/observability/channels.js'
import { FakeBroker } from '../support/fake-cluster.js'
import { until } from '../support/drive.js'

let broker: FakeBroker
const cleanups: Array<() => unknown> = []

beforeEach(() => {
  vi.useFakeTimers()
  broker = new FakeBroker()
  broker.topic('T', ['broker-a'], 1)
})

afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
  vi.useRealTimers()
})

function subscribe<C>(name: string, handlers: { start?: (ctx: C) => void; asyncEnd?: (ctx: C) => void; error?: (ctx: C) => void }) {
  const ch = tracingChannel(name)
  const h = { start: () => {}, end: () => {}, asyncStart: () => {}, asyncEnd: () => {}, error: () => {}, ...handlers } as never
  ch.subscribe(h)
  cleanups.push(() => ch.unsubscribe(h))
}

describe('trace context on the channels', () => {
  it('a send subscriber adds traceparent in start; the consumer process event carries the message with it', async () => {
    const sends: SendTraceContext[] = []
    const processed: ProcessTraceContext[] = []
    subscribe<SendTraceContext>(SEND_CHANNEL, {
      start: (ctx) => {
        sends.push(ctx)
        ctx.properties.traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01'
        ctx.properties.UNIQ_KEY = 'must-not-override'
        ctx.properties.mine = 'overridden?'
      },
    })
    subscribe<ProcessTraceContext>(PROCESS_CHANNEL, { start: (ctx) => processed.push(ctx) })

    const producer = new Producer({ nameServer: '127.0.0.1:9876', group: 'P' }, { cluster: broker.factory('p1') })
    cleanups.push(() => producer.close())
    const result = await producer.send({ topic: 'T', body: 'hello', tags: 'TagA', properties: { mine: 'kept' } })
    expect(sends).toHaveLength(1)
    expect(sends[0]!.messages[0]!.body).toBe('hello')
    expect(sends[0]!.attributes['messaging.message.id']).toBe(result.msgId)
    expect(broker.sent).toHaveLength(1)
    const wire = broker.sent[0]!.properties
    expect(wire.traceparent).toBe('00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01')
    expect(wire.UNIQ_KEY).toBe(result.msgId)
    expect(wire.mine).toBe('kept')

    const bodies: string[] = []
    const consumer = new PushConsumer(
      { nameServer: '127.0.0.1:9876', group: 'G', subscriptions: { T: '*' }, consumeFrom: 'first', handler: (m) => void bodies.push(m.body.toString()) },
      { cluster: broker.factory('c1') },
    )
    cleanups.push(() => consumer.close({ timeoutMs: 10 }))
    await consumer.start()
    await until(() => bodies.length === 1, 'the message handled')
    expect(processed).toHaveLength(1)
    const m = processed[0]!.messages[0]!
    expect(m.properties.traceparent).toBe('00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01')
    expect(m.msgId).toBe(result.msgId)
    expect(processed[0]!.attributes['messaging.consumer.group.name']).toBe('G')
  })

  it('with no subscriber, nothing is added to the message', async () => {
    const producer = new Producer({ nameServer: '127.0.0.1:9876', group: 'P' }, { cluster: broker.factory('p1') })
    cleanups.push(() => producer.close())
    await producer.send({ topic: 'T', body: 'plain' })
    expect(Object.keys(broker.sent[0]!.properties).sort()).toEqual(['UNIQ_KEY', 'WAIT'])
  })
})
