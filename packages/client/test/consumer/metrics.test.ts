/**
 * consumer.metrics() against the scripted fake broker: offsets, broker max offset from pull responses, lag, cache,
 * lock state; and no request to any broker per call.
 */
import { describe, expect, it } from 'vitest'
import { PushConsumer } from '../../src/consumer/push-consumer.js'
import { PullConsumer } from '../../src/consumer/pull-consumer.js'
import type { MessageView } from '../../src/protocol/message.js'
import type { MessageQueue } from '../../src/protocol/route.js'
import { FakeBroker } from '../support/fake-cluster.js'
import { gate, until, useFakeBroker } from '../support/drive.js'

let broker: FakeBroker
const open: Array<{ close(o?: { timeoutMs?: number }): Promise<unknown> }> = []
const Q0: MessageQueue = { topic: 'T', brokerName: 'broker-a', queueId: 0 }

useFakeBroker((b) => {
  broker = b
  b.topic('T', ['broker-a'], 1)
}, open, { timeoutMs: 10 })

function push(handler: (m: MessageView) => Promise<void> | void, extra: Record<string, unknown> = {}) {
  const c = new PushConsumer(
    { nameServer: '127.0.0.1:9876', group: 'G', subscriptions: { T: '*' }, consumeFrom: 'first', handler, ...extra },
    { cluster: broker.factory('c1') },
  )
  open.push(c)
  return c
}

describe('metrics()', () => {
  it('push: consumed offset stops at the running message, lag and cache follow it, the commit shows as committedOffset', async () => {
    broker.append(Q0, 'a', 'hold', 'c')
    const held = gate()
    const done: string[] = []
    const c = push(async (m) => {
      if (m.body.toString() === 'hold') await held.promise
      done.push(m.body.toString())
    })
    expect(c.metrics().queues).toEqual([])
    await c.start()
    await until(() => done.length === 2, 'a and c consumed, hold running')
    const requests = broker.requests.length
    const m1 = c.metrics()
    expect(broker.requests.length).toBe(requests)
    expect(m1.group).toBe('G')
    expect(m1.queues).toHaveLength(1)
    const q = m1.queues[0]!
    expect(q.queue).toEqual(Q0)
    expect(q.consumedOffset).toBe(1)
    expect(q.brokerMaxOffset).toBe(3)
    expect(q.lag).toBe(2)
    expect(q.cachedCount).toBe(1)
    expect(q.cachedBytes).toBe(4)
    expect(q.lastPullTimestamp).toBeGreaterThan(0)
    expect(q.locked).toBeUndefined()
    expect(m1.lag).toBe(2)

    held.open()
    await until(() => done.length === 3, 'hold consumed')
    broker.append(Q0, 'd', 'e')
    await until(() => done.length === 5, 'd and e consumed')
    await until(() => c.metrics().queues[0]!.committedOffset === 5, 'committed by the persist timer', 20_000)
    const q2 = c.metrics().queues[0]!
    expect(q2).toMatchObject({ consumedOffset: 5, brokerMaxOffset: 5, lag: 0, cachedCount: 0, cachedBytes: 0 })
    expect(broker.committedOffset('G', Q0)).toBe(5)
  })

  it('push, ordered: the queue shows locked once this member holds the broker lock', async () => {
    broker.append(Q0, 'x')
    const done: string[] = []
    const c = push((m) => void done.push(m.body.toString()), { ordering: 'queue' })
    await c.start()
    await until(() => done.length === 1, 'x consumed')
    expect(c.metrics().queues[0]!.locked).toBe(true)
  })

  it('pull: buffered messages count as cached until polled; consumed offset is what the next commit stores', async () => {
    broker.append(Q0, 'p0', 'p1', 'p2')
    const c = new PullConsumer({ nameServer: '127.0.0.1:9876', group: 'G', consumeFrom: 'first', subscriptions: { T: '*' }, autoCommit: false }, { cluster: broker.factory('c1') })
    open.push(c)
    await c.start()
    await until(() => c.metrics().queues[0]?.cachedCount === 3, 'three buffered')
    expect(c.metrics().queues[0]).toMatchObject({ brokerMaxOffset: 3, cachedBytes: 6, paused: false })
    let got: MessageView[] | undefined
    void c.poll({ max: 2, timeoutMs: 1000 }).then((b) => (got = b))
    await until(() => got !== undefined, 'polled')
    expect(got!.map((m) => m.body.toString())).toEqual(['p0', 'p1'])
    expect(c.metrics().queues[0]!.cachedCount).toBe(1)
    await c.commit()
    const q = c.metrics().queues[0]!
    expect(q).toMatchObject({ consumedOffset: 2, committedOffset: 2, lag: 1 })
  })
})
