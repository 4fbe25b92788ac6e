/**
 * The `trace` option wired through the producer and both consumers, against the scripted fake broker: a send writes a
 * Pub record, a push handler call a SubBefore and a SubAfter (group, cost, success, retry count, context code), a poll
 * SubBefore + SubAfter; the trace messages go to the trace topic, indexed by msgId and keys. Off by default: nothing
 * is written then.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Producer } from '../../src/producer/producer.js'
import { PushConsumer } from '../../src/consumer/push-consumer.js'
import { PullConsumer } from '../../src/consumer/pull-consumer.js'
import { decodeTraceData, type DecodedTrace } from '../../src/observability/trace-format.js'
import { parseOptions } from '../../src/config/common.js'
import { pushConsumerOptionsSchema } from '../../src/config/consumer.js'
import { producerOptionsSchema } from '../../src/config/producer.js'
import { FakeBroker } from '../support/fake-cluster.js'
import { until } from '../support/drive.js'

let broker: FakeBroker
const cleanups: Array<() => Promise<unknown>> = []

beforeEach(() => {
  vi.useFakeTimers()
  broker = new FakeBroker()
  broker.topic('T', ['broker-a'], 1)
  broker.topic('RMQ_SYS_TRACE_TOPIC', ['broker-a'], 1)
  broker.topic('MyTrace', ['broker-a'], 1)
})

afterEach(async () => {
  let closed = false
  const closing = Promise.all(cleanups.splice(0).map((c) => c())).then(() => (closed = true))
  await until(() => closed, 'everything closed')
  await closing
  vi.useRealTimers()
})

/** Trace records written to `topic` so far, with the KEYS each trace message was indexed by. */
function traces(topic = 'RMQ_SYS_TRACE_TOPIC'): Array<DecodedTrace & { indexKeys: string[] }> {
  return broker.sent
    .filter((s) => s.topic === topic)
    .flatMap((s) => decodeTraceData(s.body.toString('utf8')).map((d) => ({ ...d, indexKeys: (s.properties.KEYS ?? '').split(' ') })))
}

function producer(extra: Record<string, unknown> = {}): Producer {
  const p = new Producer({ nameServer: '127.0.0.1:9876', group: 'PG', ...extra }, { cluster: broker.factory('p1') })
  cleanups.push(() => p.close())
  return p
}

describe('trace option', () => {
  it('producer: one Pub per sent message with group, topic, tags, keys, store host, body length, success; sent by close() at the latest', async () => {
    const p = producer({ trace: true })
    const r = await p.send({ topic: 'T', body: 'hello', tags: 'paid', keys: ['order-1', 'order-2'] })
    const d = await p.send({ topic: 'T', body: 'later', delayLevel: 2 })
    expect(p.metrics().trace).toMatchObject({ topic: 'RMQ_SYS_TRACE_TOPIC', queued: 2, sent: 0 })
    await p.close()
    const pubs = traces()
    expect(pubs.map((t) => [t.type, t.group, t.topic, t.msgId, t.tags, t.keys, t.bodyLength, t.success, t.msgType, t.regionId])).toEqual([
      ['Pub', 'PG', 'T', r.msgId, 'paid', 'order-1 order-2', 5, true, 0, 'DefaultRegion'],
      ['Pub', 'PG', 'T', d.msgId, 'null', 'null', 5, true, 3, 'DefaultRegion'],
    ])
    expect(pubs[0]!.offsetMsgId).toBe(r.offsetMsgId)
    expect(pubs[0]!.storeHost).toBeTruthy()
    expect(pubs[0]!.indexKeys).toEqual(expect.arrayContaining([r.msgId, 'order-1', 'order-2', d.msgId]))
    expect(p.metrics().trace).toMatchObject({ queued: 0, sent: 2, dropped: 0, failed: 0 })
  })

  it('off by default: no trace message, no metrics', async () => {
    const p = producer()
    await p.send({ topic: 'T', body: 'x' })
    await p.close()
    expect(broker.sent.map((s) => s.topic)).toEqual(['T'])
    expect(p.metrics()).toEqual({})
  })

  it('{ topic } sends the records to that topic', async () => {
    const p = producer({ trace: { topic: 'MyTrace' } })
    const r = await p.send({ topic: 'T', body: 'x' })
    await p.close()
    expect(traces('MyTrace').map((t) => t.msgId)).toEqual([r.msgId])
    expect(traces()).toEqual([])
  })

  it('push consumer: SubBefore then SubAfter per handler call, paired by requestId, with the group, retry count, success and context code', async () => {
    const p = producer()
    const ok = await p.send({ topic: 'T', body: 'ok', keys: 'good' })
    const bad = await p.send({ topic: 'T', body: 'bad' })
    const seen: string[] = []
    const c = new PushConsumer(
      {
        nameServer: '127.0.0.1:9876',
        group: 'G',
        subscriptions: { T: '*' },
        consumeFrom: 'first',
        trace: true,
        handler: (m) => {
          seen.push(m.body.toString())
          if (m.body.toString() === 'bad') throw new Error('no stock')
        },
      },
      { cluster: broker.factory('c1') },
    )
    cleanups.push(() => c.close({ timeoutMs: 10 }))
    await c.start()
    await until(() => seen.length === 2 && broker.sentBack.length === 1, 'both handled, the failure sent back')
    await until(() => (c.metrics().trace?.sent ?? 0) === 4, 'four records sent')
    const recs = traces()
    const of = (id: string) => recs.filter((t) => t.msgId === id)
    expect(of(ok.msgId).map((t) => [t.type, t.group, t.retryTimes ?? t.success, t.keys])).toEqual([
      ['SubBefore', 'G', 0, 'good'],
      ['SubAfter', 'G', true, 'good'],
    ])
    const [before, after] = of(bad.msgId)
    expect([before!.type, after!.type]).toEqual(['SubBefore', 'SubAfter'])
    expect(after!.requestId).toBe(before!.requestId)
    expect(after!.success).toBe(false)
    expect(after!.contextCode).toBe(2) // ConsumeReturnType.EXCEPTION
    expect(after!.timestamp!).toBeGreaterThanOrEqual(before!.timestamp!)
    expect(after!.costTime).toBe(after!.timestamp! - before!.timestamp!)
    expect(c.metrics().trace).toMatchObject({ dropped: 0, failed: 0 })
  })

  it('pull consumer: a poll writes SubBefore and SubAfter (success) for what it hands out', async () => {
    const p = producer()
    const r = await p.send({ topic: 'T', body: 'polled' })
    const c = new PullConsumer({ nameServer: '127.0.0.1:9876', group: 'PGr', subscriptions: { T: '*' }, consumeFrom: 'first', trace: true }, { cluster: broker.factory('c2') })
    cleanups.push(() => c.close())
    await c.start()
    let got: string[] = []
    const polling = c.poll({ timeoutMs: 10_000 }).then((ms) => (got = ms.map((m) => m.msgId)))
    await until(() => got.length === 1, 'polled')
    await polling
    await c.close()
    expect(traces().map((t) => [t.type, t.msgId, t.group, t.type === 'SubAfter' ? t.success : t.retryTimes])).toEqual([
      ['SubBefore', r.msgId, 'PGr', 0],
      ['SubAfter', r.msgId, 'PGr', true],
    ])
  })

  it('the option is checked: true, false or { topic } with a valid topic name', () => {
    const base = { nameServer: '127.0.0.1:9876', group: 'G', subscriptions: { T: '*' }, handler: () => {} }
    expect(() => parseOptions(pushConsumerOptionsSchema, { ...base, trace: 'yes' }, 'PushConsumer')).toThrow(/trace: must be true, false or \{ topic/)
    expect(() => parseOptions(pushConsumerOptionsSchema, { ...base, trace: { topic: 'bad topic' } }, 'PushConsumer')).toThrow(/trace/)
    expect(() => parseOptions(pushConsumerOptionsSchema, { ...base, trace: { topic: 'T', other: 1 } }, 'PushConsumer')).toThrow(/trace/)
    expect(parseOptions(producerOptionsSchema, { nameServer: '127.0.0.1:9876', trace: { topic: 'MyTrace' } }, 'Producer').trace).toEqual({ topic: 'MyTrace' })
  })
})
