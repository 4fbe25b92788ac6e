/**
 * POP consumption's rules (PushConsumer `pop`) against the scripted fake broker's POP (fake timers): request mode and
 * assignment, batched acks, retry delays by reconsumeTimes then the DLQ, renewal while a handler runs, flow control,
 * and close (running handlers abandoned, unstarted messages left to come back).
 */
import { describe, expect, it } from 'vitest'
import { PushConsumer } from '../../src/consumer/push-consumer.js'
import type { MessageContext } from '../../src/consumer/handler.js'
import type { MessageView } from '../../src/protocol/message.js'
import { RequestCode } from '../../src/remoting/codes.js'
import type { MessageQueue } from '../../src/protocol/route.js'
import { FakeBroker } from '../support/fake-cluster.js'
import { gate, pass, until, useFakeBroker } from '../support/drive.js'

let broker: FakeBroker
const open: PushConsumer[] = []
const A0: MessageQueue = { topic: 'T', brokerName: 'broker-a', queueId: 0 }
const A1: MessageQueue = { topic: 'T', brokerName: 'broker-a', queueId: 1 }
const B0: MessageQueue = { topic: 'T', brokerName: 'broker-b', queueId: 0 }

useFakeBroker((b) => {
  broker = b
  b.fullRoutes = true
  b.topic('T', ['broker-a', 'broker-b'], 2)
}, open, { timeoutMs: 10 })

function consumer(handler: (m: MessageView, ctx: MessageContext) => Promise<void> | void, extra: Record<string, unknown> = {}, pop: Record<string, unknown> = {}, id = 'c1') {
  const c = new PushConsumer(
    { nameServer: '127.0.0.1:9876', group: 'G', subscriptions: { T: '*' }, consumeFrom: 'first', handler, pop: { invisibleTimeMs: 10_000, ...pop }, ...extra },
    { cluster: broker.factory(id) },
  )
  open.push(c)
  return c
}

describe('POP consumption rules', () => {
  it('sets the request mode on both brokers, pops every queue (-1), handles each message once and acks them in batches', async () => {
    broker.append(A0, 'a0', 'a1')
    broker.append(A1, 'a2')
    broker.append(B0, 'b0')
    const seen: string[] = []
    const c = consumer((m) => void seen.push(m.body.toString()))
    await c.start()
    expect(broker.requestModes).toEqual([
      { consumerGroup: 'G', mode: 'POP', popShareQueueNum: 0, topic: 'T' },
      { consumerGroup: 'G', mode: 'POP', popShareQueueNum: 0, topic: 'T' },
    ])
    expect(c.assignment()).toEqual([
      { topic: 'T', brokerName: 'broker-a', queueId: -1 },
      { topic: 'T', brokerName: 'broker-b', queueId: -1 },
    ])
    await until(() => broker.popStatus('G', A0, 1)?.acked === true && broker.popStatus('G', B0, 0)?.acked === true && broker.popStatus('G', A1, 0)?.acked === true, 'every message acked')
    expect(seen.sort()).toEqual(['a0', 'a1', 'a2', 'b0'])
    expect(broker.requestsOf(RequestCode.BATCH_ACK_MESSAGE).length).toBeGreaterThan(0)
    expect(broker.requestsOf(RequestCode.ACK_MESSAGE)).toEqual([])
    // Acked messages never come back, even long after their invisible time.
    await pass(30_000)
    expect(seen).toHaveLength(4)
    expect(broker.popStatus('G', A0, 0)?.deliveries).toBe(1)
  })

  it('batchAck false acks one by one (ACK_MESSAGE); setRequestMode false leaves the mode alone', async () => {
    broker.append(A0, 'x')
    const c = consumer(() => undefined, {}, { batchAck: false, setRequestMode: false })
    await c.start()
    await until(() => broker.popStatus('G', A0, 0)?.acked === true, 'the ack')
    expect(broker.requestsOf(RequestCode.ACK_MESSAGE)).toHaveLength(1)
    expect(broker.requestModes).toEqual([])
  })

  it('a failing message is hidden for the retry delay of its attempt, comes back with reconsumeTimes + 1, then goes to the DLQ and is acked', async () => {
    broker.append(A0, 'poison')
    const attempts: Array<{ reconsumeTimes: number; at: number }> = []
    const errors: Array<{ retry: boolean; dlq?: boolean }> = []
    const c = consumer(
      (m) => {
        attempts.push({ reconsumeTimes: m.reconsumeTimes, at: Date.now() })
        throw new Error('fails')
      },
      { maxReconsumeTimes: 2 },
      { retryDelaysMs: [1000, 5000] },
    )
    c.on('handler.error', (e) => errors.push({ retry: e.retry, ...(e.dlq ? { dlq: true } : {}) }))
    await c.start()
    await until(() => broker.sentBack.length === 1, 'the DLQ move')
    expect(attempts.map((a) => a.reconsumeTimes)).toEqual([0, 1, 2])
    // The delays grow with the attempt: about 1 s after the first failure, about 5 s after the second.
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(1000)
    expect(attempts[2]!.at - attempts[1]!.at).toBeGreaterThanOrEqual(5000)
    expect(errors).toEqual([{ retry: true }, { retry: true }, { retry: false, dlq: true }])
    expect(broker.sentBack[0]).toMatchObject({ group: 'G', originTopic: 'T', delayLevel: -1, originMsgId: 'MSG-T@broker-a@0-0' })
    await until(() => broker.popStatus('G', A0, 0)?.acked === true, 'the ack after the DLQ move')
  })

  it('renews the invisibility of a running handler: a handler 3x the invisible time is delivered once', async () => {
    broker.append(A0, 'slow')
    let deliveries = 0
    const g = gate()
    const c = consumer(async () => {
      deliveries++
      await g.promise
    })
    await c.start()
    await until(() => deliveries === 1, 'the first delivery')
    await pass(30_000)
    expect(deliveries).toBe(1)
    expect(broker.requestsOf(RequestCode.CHANGE_MESSAGE_INVISIBLETIME).length).toBeGreaterThanOrEqual(3)
    g.open()
    await until(() => broker.popStatus('G', A0, 0)?.acked === true, 'the ack with the renewed receipt')
    expect(deliveries).toBe(1)
  })

  it('holds at most maxInFlight messages: POP waits while the handlers are busy', async () => {
    for (let i = 0; i < 10; i++) broker.append(A0, `m${i}`)
    const g = gate()
    let running = 0
    const c = consumer(
      async () => {
        running++
        await g.promise
      },
      { concurrency: 2 },
      { maxInFlight: 3, batchSize: 2 },
    )
    await c.start()
    await until(() => running === 2, 'two handlers')
    await pass(2000)
    expect(c.metrics().cachedCount).toBeLessThanOrEqual(3)
    g.open()
    await until(() => running === 10, 'every message')
  })

  it('close() abandons a handler past the deadline (its signal aborts) and leaves unstarted messages to come back; nothing is acked for them', async () => {
    broker.append(A0, 'stuck', 'waiting')
    let signal: AbortSignal | undefined
    const c = consumer(
      (_m, ctx) => {
        signal = ctx.signal
        return new Promise(() => {})
      },
      { concurrency: 1 },
    )
    await c.start()
    await until(() => signal !== undefined, 'the stuck handler')
    let result: Awaited<ReturnType<typeof c.close>> | undefined
    void c.close({ timeoutMs: 100 }).then((r) => (result = r))
    await until(() => result !== undefined, 'close')
    expect(result).toEqual({ drained: 0, abandoned: 1, committed: [] })
    expect(signal!.aborted).toBe(true)
    expect(broker.popStatus('G', A0, 0)?.acked).toBe(false)
    expect(broker.popStatus('G', A0, 1)?.acked).toBe(false)
  })
})
