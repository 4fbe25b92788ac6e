/**
 * Typed payloads and dedupe on the real cluster: a zod codec's valid bodies arrive typed, an invalid one is in
 * %DLQ%<group> after one delivery (not 1 + maxReconsumeTimes), the producer refuses what its schema rejects; dedupe
 * runs the handler once per key when an offset reset delivers the same messages again.
 */
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { Admin, Producer, PullConsumer, PushConsumer, type MessageView, type RocketMQError } from '@rocketmq-ts/client'
import { uniqueName, waitUntil } from './helpers.js'
import { consumerSuite } from './support/consumers.js'

const suite = consumerSuite()
const Order = z.object({ orderId: z.string(), amount: z.number().positive() })

async function topic(prefix: string): Promise<string> {
  const t = uniqueName(prefix)
  await suite.cluster.createTopic(t, { queuesPerBroker: 2 })
  return t
}

describe('codec', () => {
  it('valid bodies arrive typed; an invalid one is in the DLQ after one delivery; the producer refuses a value the schema rejects', async () => {
    const t = await topic('TopicPayload')
    const group = uniqueName('payload')
    const producer = suite.track(new Producer({ nameServer: suite.cluster.nameServer, codec: Order }))
    const values: Array<{ orderId: string; amount: number }> = []
    const deliveries = new Map<string, number>()
    const rejected: Array<{ msgId: string; code: string; dlq: boolean }> = []
    const c = suite.track(
      new PushConsumer({
        nameServer: suite.cluster.nameServer,
        group,
        subscriptions: { [t]: '*' },
        consumeFrom: 'first',
        codec: Order,
        handler: (m) => void values.push(m.value),
      }),
    )
    c.on('payload.rejected', (e) => {
      deliveries.set(e.message.msgId, (deliveries.get(e.message.msgId) ?? 0) + 1)
      rejected.push({ msgId: e.message.msgId, code: e.error.code, dlq: e.dlq })
    })
    await c.start()
    for (let i = 0; i < 5; i++) await producer.send({ topic: t, value: { orderId: `o${i}`, amount: i + 1 } })
    const refused = await producer.send({ topic: t, value: { orderId: 'bad', amount: -5 } }).catch((e: RocketMQError) => e)
    expect((refused as RocketMQError).code).toBe('ERR_PAYLOAD_INVALID')
    // A producer without the schema sends what the consumer's schema refuses.
    const bad = await suite.producer.send({ topic: t, body: JSON.stringify({ orderId: 7 }), keys: ['bad-order'] })
    await waitUntil(() => values.length === 5 && rejected.length === 1, 60_000, 'five typed orders and one rejection')
    expect(values.map((v) => v.orderId).sort()).toEqual(['o0', 'o1', 'o2', 'o3', 'o4'])
    expect(rejected).toEqual([{ msgId: bad.msgId, code: 'ERR_PAYLOAD_INVALID', dlq: true }])

    const dlq = suite.track(new PullConsumer({ nameServer: suite.cluster.nameServer, group: uniqueName('payloaddlq'), subscriptions: { [`%DLQ%${group}`]: '*' }, consumeFrom: 'first' }))
    await waitUntil(async () => (await suite.cluster.route(`%DLQ%${group}`)) !== null, 30_000, 'the DLQ topic')
    await dlq.start()
    let dead: MessageView | undefined
    await waitUntil(async () => (dead = (await dlq.poll({ timeoutMs: 2000 })).find((m) => m.keys.includes('bad-order'))) !== undefined, 60_000, 'the bad order in the DLQ')
    expect(dead!.body.toString()).toBe(JSON.stringify({ orderId: 7 }))
    // One delivery, no retries: the broker adds one to reconsumeTimes when it moves a message, so 1 here; after the
    // 16 retries of a failing handler it would be 17.
    expect(dead!.reconsumeTimes).toBe(1)
    expect(deliveries.get(bad.msgId)).toBe(1)
  })
})

describe('dedupe', () => {
  it('an offset reset delivers the messages again: the handler runs once per key, message.deduplicated counts the rest', async () => {
    const t = await topic('TopicDedupe')
    const group = uniqueName('dedupe')
    const runs = new Map<string, number>()
    let dropped = 0
    const c = suite.track(
      new PushConsumer({
        nameServer: suite.cluster.nameServer,
        group,
        subscriptions: { [t]: '*' },
        consumeFrom: 'first',
        dedupe: { key: (m) => m.keys[0], max: 1000 },
        handler: (m) => void runs.set(m.keys[0]!, (runs.get(m.keys[0]!) ?? 0) + 1),
      }),
    )
    c.on('message.deduplicated', () => dropped++)
    await c.start()
    const start = Date.now() - 1000
    for (let i = 0; i < 20; i++) await suite.producer.send({ topic: t, body: `order ${i}`, keys: [`order-${i}`] })
    await waitUntil(() => runs.size === 20, 60_000, 'twenty orders handled')
    const admin = suite.track(new Admin({ nameServer: suite.cluster.nameServer }))
    await admin.resetOffset(group, t, { timestamp: start })
    await waitUntil(() => dropped === 20, 60_000, 'the twenty redelivered copies dropped')
    expect([...runs.values()].every((n) => n === 1)).toBe(true)
    expect(runs.size).toBe(20)
  })
})
