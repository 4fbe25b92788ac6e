/**
 * Timed delivery on the real cluster (issue 16): 5.x timer messages (`deliverAt`, `delayMs`) arrive in the order of
 * their times and not before them; a time beyond the broker's timerMaxDelaySec (3 days) is refused with a typed error,
 * by the producer before sending and, when the producer's limit is raised past the broker's, by the broker.
 * Wall time is asserted only as a lower bound (not before) and a generous upper bound (the machine is shared).
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { Producer, PushConsumer } from '@rocketmq-ts/client'
import type { Cluster } from '@rocketmq-ts/testkit'
import { clusterControl, uniqueName, waitFor } from './helpers.js'

let cluster: Cluster
const closers: Array<() => Promise<unknown>> = []

beforeAll(async () => {
  cluster = await clusterControl()
})

afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close().catch(() => undefined)
})

const DAY = 86_400_000

describe('timed delivery', () => {
  it('messages for now+2 s, +5 s and +10 s arrive in that order, none before its time', async () => {
    const topic = uniqueName('TopicTimer')
    await cluster.createTopic(topic)
    const received: Array<{ body: string; at: number }> = []
    const consumer = new PushConsumer({
      nameServer: cluster.nameServer,
      group: uniqueName('timer_consumer'),
      subscriptions: { [topic]: '*' },
      consumeFrom: 'first',
      handler: async (m) => {
        received.push({ body: m.body.toString('utf8'), at: Date.now() })
      },
    })
    closers.push(() => consumer.close())
    await consumer.start()
    const producer = new Producer({ nameServer: cluster.nameServer, group: uniqueName('timer_producer') })
    closers.push(() => producer.close())
    await producer.send({ topic, body: 'warm-up' }) // route and connection ready, so the timed sends are quick
    await waitFor(() => received.some((r) => r.body === 'warm-up'), { timeoutMs: 30_000, message: 'the warm-up message' })

    // Sent in reverse order of their times: the broker, not the send order, decides the delivery order.
    const t0 = Date.now()
    const at10 = new Date(t0 + 10_000)
    await producer.send({ topic, body: 'at+10s', deliverAt: at10 })
    const before5 = Date.now()
    await producer.send({ topic, body: 'in5s', delayMs: 5000 }) // relative to the broker's receipt: not before before5 + 5 s
    const at2 = t0 + 2000
    await producer.send({ topic, body: 'at+2s', deliverAt: at2 })
    const notBefore: Record<string, number> = { 'at+2s': at2, in5s: before5 + 5000, 'at+10s': at10.getTime() }

    await waitFor(() => received.length === 4, { timeoutMs: 60_000, message: 'the three timed messages' })
    const timed = received.filter((r) => r.body !== 'warm-up')
    expect(timed.map((r) => r.body)).toEqual(['at+2s', 'in5s', 'at+10s'])
    const lateness = timed.map((r) => ({ body: r.body, lateMs: r.at - notBefore[r.body]! }))
    console.log('timed delivery lateness (ms):', JSON.stringify(lateness))
    for (const l of lateness) {
      expect(l.lateMs, `${l.body} arrived ${-l.lateMs} ms early`).toBeGreaterThanOrEqual(0)
      expect(l.lateMs, `${l.body} arrived ${l.lateMs} ms late`).toBeLessThan(15_000)
    }
  })

  it('a time beyond the limit is refused with a typed error, by the producer and by the broker', async () => {
    const topic = uniqueName('TopicTimerLimit')
    await cluster.createTopic(topic)
    const producer = new Producer({ nameServer: cluster.nameServer, group: uniqueName('timer_producer') })
    closers.push(() => producer.close())
    await expect(producer.send({ topic, body: 'x', deliverAt: Date.now() + 4 * DAY })).rejects.toMatchObject({ code: 'ERR_INVALID_OPTION', message: expect.stringContaining('maxDelayMs') })
    await expect(producer.send({ topic, body: 'x', delayMs: 4 * DAY })).rejects.toMatchObject({ code: 'ERR_INVALID_OPTION' })
    await expect(producer.send({ topic, body: 'x', delayMs: 1000, delayLevel: 3 })).rejects.toMatchObject({ code: 'ERR_INVALID_OPTION' })
    await expect(producer.sendBatch([{ topic, body: 'x', delayMs: 1000 }])).rejects.toMatchObject({ code: 'ERR_INVALID_OPTION' })

    // Past the producer's check (limit raised to 10 days), the broker refuses with MESSAGE_ILLEGAL (13): typed, not retried.
    const lax = new Producer({ nameServer: cluster.nameServer, group: uniqueName('timer_producer'), maxDelayMs: 10 * DAY })
    closers.push(() => lax.close())
    await expect(lax.send({ topic, body: 'x', delayMs: 4 * DAY })).rejects.toMatchObject({ code: 'ERR_INVALID_OPTION', context: { responseCode: 13 } })
    // Just inside the limit is accepted.
    const ok = await producer.send({ topic, body: 'x', deliverAt: Date.now() + 3 * DAY - 60_000 })
    expect(ok.status).toBe('SEND_OK')
  })
})
