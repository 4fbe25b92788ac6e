/**
 * Typed payloads and dedupe against the scripted fake broker (fake timers): a codec's value reaches the handler, a body
 * it refuses goes straight to the DLQ (send-back with delay level -1) without reaching the handler, or to
 * invalidPayload; dedupe skips a key already handled; the producer encodes values and refuses what its codec refuses.
 */
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { PushConsumer } from '../../src/consumer/push-consumer.js'
import { Producer } from '../../src/producer/producer.js'
import { codecs } from '../../src/protocol/payload-codec.js'
import type { RocketMQError } from '../../src/errors.js'
import type { MessageView } from '../../src/protocol/message.js'
import { RequestCode } from '../../src/remoting/codes.js'
import type { MessageQueue } from '../../src/protocol/route.js'
import { FakeBroker } from '../support/fake-cluster.js'
import { until, useFakeBroker } from '../support/drive.js'

let broker: FakeBroker
const open: Array<{ close(o?: { timeoutMs?: number }): Promise<unknown> }> = []
const Q0: MessageQueue = { topic: 'T', brokerName: 'broker-a', queueId: 0 }
const Order = z.object({ orderId: z.string(), amount: z.number().positive() })

useFakeBroker((b) => {
  broker = b
  b.topic('T', ['broker-a'], 1)
}, open, { timeoutMs: 10 })

const base = { nameServer: '127.0.0.1:9876', group: 'G', subscriptions: { T: '*' }, consumeFrom: 'first' as const }

describe('codec', () => {
  it('valid bodies arrive typed in message.value; an invalid one goes to the DLQ at once, never to the handler, with payload.rejected', async () => {
    broker.append(Q0, JSON.stringify({ orderId: 'o1', amount: 10 }), '{"orderId": 42}', 'not json', JSON.stringify({ orderId: 'o2', amount: 5 }))
    const got: Array<{ orderId: string; amount: number }> = []
    const c = new PushConsumer(
      {
        ...base,
        codec: Order,
        handler: (m) => {
          got.push(m.value) // typed: { orderId: string; amount: number }
          // @ts-expect-error - not a field of the schema's type
          void m.value.missing
        },
      },
      { cluster: broker.factory('c1') },
    )
    open.push(c)
    const rejected: Array<{ offset: number; code: string; dlq: boolean }> = []
    c.on('payload.rejected', (e) => rejected.push({ offset: e.message.queueOffset, code: e.error.code, dlq: e.dlq }))
    await c.start()
    await until(() => got.length === 2 && rejected.length === 2, 'two typed values and two rejections')
    expect(got).toEqual([{ orderId: 'o1', amount: 10 }, { orderId: 'o2', amount: 5 }])
    expect(rejected).toEqual([
      { offset: 1, code: 'ERR_PAYLOAD_INVALID', dlq: true },
      { offset: 2, code: 'ERR_PAYLOAD_INVALID', dlq: true },
    ])
    const backs = broker.requestsOf(RequestCode.CONSUMER_SEND_MSG_BACK)
    expect(backs.map((r) => [r.ext.delayLevel, r.ext.originTopic])).toEqual([
      ['-1', 'T'],
      ['-1', 'T'],
    ])
    await until(() => c.metrics().queues[0]?.consumedOffset === 4, 'the offset past all four')
  })

  it('invalidPayload as a function receives the message and the error instead of the DLQ; a batch handler gets only the valid ones', async () => {
    broker.append(Q0, 'a', '\xff', 'b')
    broker.append(Q0, { body: 'x' })
    const invalid: string[] = []
    const batches: string[][] = []
    const c = new PushConsumer(
      {
        ...base,
        codec: { name: 'upper', decode: (b: Buffer) => (/^[a-z]$/.test(b.toString()) ? b.toString().toUpperCase() : (() => { throw new Error('not a letter') })()) },
        batchSize: 8,
        invalidPayload: (m: MessageView, e: RocketMQError) => void invalid.push(`${m.queueOffset}:${e.code}:${e.message.includes('not a letter')}`),
        batchHandler: (ms) => void batches.push(ms.map((m) => m.value)),
      },
      { cluster: broker.factory('c1') },
    )
    open.push(c)
    await c.start()
    await until(() => batches.flat().length === 3 && invalid.length === 1, 'three letters, one refused')
    expect(batches.flat()).toEqual(['A', 'B', 'X'])
    expect(invalid).toEqual(['1:ERR_PAYLOAD_INVALID:true'])
    expect(broker.requestsOf(RequestCode.CONSUMER_SEND_MSG_BACK)).toEqual([])
  })

  it('the producer encodes message.value with its codec and refuses, sending nothing, a value the schema rejects', async () => {
    const p = new Producer({ nameServer: '127.0.0.1:9876', codec: Order }, { cluster: broker.factory('p1') })
    open.push(p)
    await p.send({ topic: 'T', value: { orderId: 'o9', amount: 3 } })
    expect(JSON.parse(broker.sent[0]!.body.toString())).toEqual({ orderId: 'o9', amount: 3 })
    const err = await p.send({ topic: 'T', value: { orderId: 'o10', amount: -1 } }).catch((e: RocketMQError) => e)
    expect((err as RocketMQError).code).toBe('ERR_PAYLOAD_INVALID')
    expect((err as RocketMQError).message).toMatch(/refused the value for T.*nothing was sent/s)
    expect(broker.sent).toHaveLength(1)
    const plain = new Producer({ nameServer: '127.0.0.1:9876' }, { cluster: broker.factory('p2') })
    open.push(plain)
    await expect(plain.send({ topic: 'T', value: 1 })).rejects.toMatchObject({ code: 'ERR_INVALID_OPTION' })
    expect(() => new Producer({ nameServer: '127.0.0.1:9876', codec: { decode: (b: Buffer) => b } })).toThrow(/needs encode/)
  })

  it('built-in codecs: text refuses invalid UTF-8, json round-trips, bytes passes through', () => {
    expect(() => codecs.text().decode(Buffer.from([0xff, 0xfe]))).toThrow()
    expect(codecs.json().decode(codecs.json().encode!({ a: [1] }))).toEqual({ a: [1] })
    const b = Buffer.from([1, 2])
    expect(codecs.bytes().decode(b)).toBe(b)
  })
})

describe('dedupe', () => {
  it('a key already handled successfully is not handled again (event counted); a failed one is, and the cache stays at max', async () => {
    broker.append(Q0, { body: 'k1' }, { body: 'k1' }, { body: 'k2' }, { body: 'k3' }, { body: 'k3' }, { body: 'k4' }, { body: 'k1' })
    const handled: string[] = []
    let failK3 = true
    const c = new PushConsumer(
      {
        ...base,
        dedupe: { key: (m: MessageView) => m.body.toString(), max: 2 },
        concurrency: 1,
        handler: (m) => {
          const k = m.body.toString()
          if (k === 'k3' && failK3) {
            failK3 = false
            throw new Error('first k3 fails')
          }
          handled.push(k)
        },
      },
      { cluster: broker.factory('c1') },
    )
    open.push(c)
    const dropped: string[] = []
    c.on('message.deduplicated', (e) => dropped.push(`${e.key}@${e.message.queueOffset}`))
    await c.start()
    await until(() => c.metrics().queues[0]?.consumedOffset === 7, 'all seven settled')
    // k1@1 dropped; k3@3 failed (sent back), so k3@4 runs; with max 2 the cache holds k3, k4 when the last k1 arrives.
    expect(handled).toEqual(['k1', 'k2', 'k3', 'k4', 'k1'])
    expect(dropped).toEqual(['k1@1'])
  })

  it('a copy that arrives while the first is running waits for it: dropped when it succeeds, handled when it fails', async () => {
    broker.append(Q0, { body: 'a' }, { body: 'a' }, { body: 'b' }, { body: 'b' })
    const handled: string[] = []
    const gates = new Map<string, () => void>()
    const c = new PushConsumer(
      {
        ...base,
        dedupe: { key: (m: MessageView) => m.body.toString() },
        concurrency: 4,
        handler: (m) => {
          const k = `${m.body.toString()}@${m.queueOffset}`
          handled.push(k)
          if (k === 'a@0' || k === 'b@2') return new Promise<void>((resolve, reject) => gates.set(k, () => (k === 'b@2' ? reject(new Error('b fails')) : resolve())))
        },
      },
      { cluster: broker.factory('c1') },
    )
    open.push(c)
    await c.start()
    await until(() => gates.size === 2, 'a@0 and b@2 running')
    expect(handled).toEqual(['a@0', 'b@2'])
    gates.get('a@0')!()
    gates.get('b@2')!()
    await until(() => c.metrics().queues[0]?.consumedOffset === 4, 'all four settled')
    expect(handled).toEqual(['a@0', 'b@2', 'b@3'])
  })
})
