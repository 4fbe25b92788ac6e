/**
 * The ordered modes' rules against the scripted fake broker (fake timers): in-place retry after suspendMs, DLQ after
 * maxReconsumeTimes (delay level -1), a timed-out handler holds its queue, queues locked by another member are not
 * taken until released (then from the offset that member committed), close unlocks, 'key' mode parallelism.
 */
import { describe, expect, it } from 'vitest'
import { PushConsumer } from '../../src/consumer/push-consumer.js'
import type { MessageContext } from '../../src/consumer/handler.js'
import type { MessageView } from '../../src/protocol/message.js'
import { RequestCode } from '../../src/remoting/codes.js'
import { mqKey, type MessageQueue } from '../../src/protocol/route.js'
import { FakeBroker } from '../support/fake-cluster.js'
import { gate, pass, until, useFakeBroker } from '../support/drive.js'

let broker: FakeBroker
const open: PushConsumer[] = []
const Q0: MessageQueue = { topic: 'T', brokerName: 'broker-a', queueId: 0 }

useFakeBroker((b) => {
  broker = b
  b.topic('T', ['broker-a'], 1)
}, open, { timeoutMs: 10 })

function consumer(handler: (m: MessageView, ctx: MessageContext) => Promise<void> | void, extra: Record<string, unknown> = {}, id = 'c1') {
  const c = new PushConsumer(
    { nameServer: '127.0.0.1:9876', group: 'G', subscriptions: { T: '*' }, consumeFrom: 'first', ordering: 'queue', handler, ...extra },
    { cluster: broker.factory(id) },
  )
  open.push(c)
  return c
}

const lockKey = (mq: MessageQueue) => `G|${mqKey(mq)}`

describe("ordered consumption ('queue')", () => {
  it('a failing message is retried in place after suspendMs, never sent back; the next one waits', async () => {
    broker.append(Q0, 'a', 'b')
    const seen: string[] = []
    let failures = 0
    const c = consumer(
      (m) => {
        seen.push(`${m.body.toString()}#${m.reconsumeTimes}`)
        if (m.body.toString() === 'a' && failures < 2) {
          failures++
          throw new Error('down')
        }
      },
      { suspendMs: 500 },
    )
    await c.start()
    await until(() => seen.length === 1, 'first attempt')
    await pass(499)
    expect(seen).toEqual(['a#0']) // suspended: nothing runs before suspendMs
    await until(() => seen.length === 4, 'retries and the next message')
    expect(seen).toEqual(['a#0', 'a#1', 'a#2', 'b#0'])
    expect(broker.sentBack).toEqual([])
    expect(broker.locks.get(lockKey(Q0))).toBe('c1')
  })

  it('after maxReconsumeTimes the message goes to the DLQ (send-back with delay level -1) and the queue moves on', async () => {
    broker.append(Q0, 'poison', 'next')
    const seen: string[] = []
    const errors: Array<[boolean, boolean | undefined]> = []
    const c = consumer(
      (m) => {
        seen.push(`${m.body.toString()}#${m.reconsumeTimes}`)
        if (m.body.toString() === 'poison') throw new Error('bad')
      },
      { suspendMs: 100, maxReconsumeTimes: 2 },
    )
    c.on('handler.error', (e) => errors.push([e.retry, e.dlq]))
    await c.start()
    await until(() => seen.includes('next#0'), 'the next message')
    expect(seen).toEqual(['poison#0', 'poison#1', 'poison#2', 'next#0'])
    expect(broker.sentBack).toEqual([{ group: 'G', originMsgId: expect.any(String), originTopic: 'T', delayLevel: -1 }])
    expect(errors).toEqual([
      [true, false],
      [true, false],
      [false, true],
    ])
    await c.close()
    expect(broker.committedOffset('G', Q0)).toBe(2)
  })

  it('a handler past handlerTimeoutMs gets its signal aborted but its queue waits for it (never two at once)', async () => {
    broker.append(Q0, 'slow', 'next')
    const g = gate()
    let signal: AbortSignal | undefined
    const seen: string[] = []
    const c = consumer(
      (m, ctx) => {
        seen.push(m.body.toString())
        if (m.body.toString() === 'slow') {
          signal = ctx.signal
          return g.promise
        }
      },
      { handlerTimeoutMs: 1000 },
    )
    await c.start()
    await until(() => signal?.aborted === true, 'the signal aborted at the timeout')
    await pass(5000)
    expect(seen).toEqual(['slow'])
    g.open()
    await until(() => seen.length === 2, 'the next message after the slow one returned')
    expect(seen).toEqual(['slow', 'next'])
  })

  it('a queue locked by another member is not taken; once released it is, from the offset that member committed', async () => {
    broker.append(Q0, 'm0', 'm1', 'm2')
    broker.locks.set(lockKey(Q0), 'other')
    const seen: string[] = []
    const c = consumer((m) => void seen.push(m.body.toString()))
    await c.start()
    await pass(3000)
    expect(c.assignment()).toEqual([])
    expect(broker.requestsOf(RequestCode.PULL_MESSAGE, 'c1').filter((r) => r.ext.topic === 'T')).toEqual([])
    // The other member consumed m0, committed 1, then unlocked.
    await broker.invoker('other').invoke('x', RequestCode.UPDATE_CONSUMER_OFFSET, { consumerGroup: 'G', topic: 'T', bname: 'broker-a', queueId: '0', commitOffset: '1' })
    broker.locks.delete(lockKey(Q0))
    await until(() => seen.length === 2, 'm1 and m2')
    expect(seen).toEqual(['m1', 'm2'])
    expect(broker.locks.get(lockKey(Q0))).toBe('c1')
  })

  it('close commits, then unlocks every queue', async () => {
    broker.append(Q0, 'x')
    const seen: string[] = []
    const c = consumer((m) => void seen.push(m.body.toString()))
    await c.start()
    await until(() => seen.length === 1, 'x')
    expect([...broker.locks.values()]).toContain('c1')
    await c.close()
    expect([...broker.locks.values()]).not.toContain('c1')
    expect(broker.committedOffset('G', Q0)).toBe(1)
  })
})

describe("ordered consumption ('key')", () => {
  it('different keys run in parallel, one key strictly in order', async () => {
    broker.append(Q0, ...['a:1', 'b:1', 'a:2', 'c:1', 'b:2'].map((body) => ({ body, properties: { KEYS: body.split(':')[0]! } })))
    const gates = new Map<string, ReturnType<typeof gate>>()
    const running = new Set<string>()
    const started: string[] = []
    const c = consumer(
      (m) => {
        const body = m.body.toString()
        started.push(body)
        running.add(body)
        const g = gate()
        gates.set(body, g)
        return g.promise.then(() => void running.delete(body))
      },
      { ordering: 'key' },
    )
    await c.start()
    await until(() => started.length === 3, 'the first message of each key')
    expect(started).toEqual(['a:1', 'b:1', 'c:1'])
    gates.get('b:1')!.open()
    await until(() => started.length === 4, 'b:2 after b:1')
    expect(started[3]).toBe('b:2')
    expect(running.has('a:1')).toBe(true)
    gates.get('a:1')!.open()
    await until(() => started.length === 5, 'a:2 after a:1')
    expect(started[4]).toBe('a:2')
    for (const g of gates.values()) g.open()
  })
})

describe('ordered consumption: handoff, hooks, broadcasting', () => {
  it('a revoked queue: its running handler finishes, its offset is committed, onRevoke runs while still locked, then it is unlocked and the new owner continues without duplicates', async () => {
    const queues = broker.topic('H', ['broker-a'], 2)
    for (const mq of queues) broker.append(mq, 'm0', 'm1', 'm2')
    const order: string[] = []
    const handled: string[] = []
    const slow = gate()
    const a = consumer(
      async (m) => {
        handled.push(`a ${m.queueId}:${m.body.toString()}`)
        if (m.body.toString() === 'm1') {
          order.push(`a m1 of ${m.queueId} started`)
          await slow.promise
        }
      },
      {
        subscriptions: { H: '*' },
        allocation: 'averagely-by-circle',
        onRevoke: (qs: MessageQueue[]) => {
          for (const q of qs.filter((x) => x.topic === 'H')) order.push(`onRevoke ${q.queueId} committed=${broker.committedOffset('G', q)} lock=${broker.locks.get(lockKey(q))}`)
        },
      },
      'a',
    )
    await a.start()
    await until(() => order.filter((o) => o.endsWith('started')).length === 2, 'both queues on m1')
    const b = consumer((m) => void handled.push(`b ${m.queueId}:${m.body.toString()}`), { subscriptions: { H: '*' }, allocation: 'averagely-by-circle', onAssign: (qs: MessageQueue[]) => void order.push(`b onAssign ${qs.filter((x) => x.topic === 'H').map((x) => x.queueId).join(',')}`) }, 'b')
    await b.start()
    await pass(500)
    expect(order.some((o) => o.startsWith('onRevoke'))).toBe(false) // waits for the running handler
    slow.open()
    await until(() => handled.filter((h) => h.startsWith('b ')).length === 1, 'b takes its queue')
    const moved = Number(order.find((o) => o.startsWith('onRevoke'))!.split(' ')[1])
    expect(order.filter((o) => o.startsWith('onRevoke') || o.startsWith('b onAssign'))).toEqual([`onRevoke ${moved} committed=2 lock=a`, `b onAssign ${moved}`])
    await until(() => handled.length === 6, 'all six messages')
    expect(handled.filter((h) => h.startsWith(`a ${moved}:`))).toEqual([`a ${moved}:m0`, `a ${moved}:m1`])
    expect(handled.filter((h) => h.startsWith(`b ${moved}:`))).toEqual([`b ${moved}:m2`])
    expect(broker.locks.get(lockKey({ topic: 'H', brokerName: 'broker-a', queueId: moved }))).toBe('b')
  })

  it('a handler stuck past revokeTimeoutMs keeps its queue locked until it returns (delayed unlock), at most handlerTimeoutMs', async () => {
    const queues = broker.topic('H', ['broker-a'], 2)
    for (const mq of queues) broker.append(mq, 'stuck', 'after')
    const stuck = new Map<number, ReturnType<typeof gate>>()
    const a = consumer(
      (m) => {
        if (m.body.toString() !== 'stuck') return
        const g = gate()
        stuck.set(m.queueId, g)
        return g.promise
      },
      { subscriptions: { H: '*' }, revokeTimeoutMs: 1000, handlerTimeoutMs: 20_000 },
      'a',
    )
    await a.start()
    await until(() => stuck.size === 2, 'both queues stuck')
    const handledByB: string[] = []
    const b = consumer((m) => void handledByB.push(`${m.queueId}:${m.body.toString()}`), { subscriptions: { H: '*' } }, 'b')
    await b.start()
    await pass(5000)
    // a revoked one queue after 1 s, but its handler still runs: the lock stays a's, b cannot take it.
    const owners = queues.map((q) => broker.locks.get(lockKey(q)))
    expect(owners).toEqual(['a', 'a'])
    expect(handledByB).toEqual([])
    const moved = a.assignment().some((q) => q.topic === 'H' && q.queueId === 0) ? 1 : 0
    stuck.get(moved)!.open()
    await until(() => handledByB.length > 0, 'b takes the queue once the handler returned')
    expect(broker.locks.get(lockKey(queues[moved]!))).toBe('b')
    // b starts at the stuck message (never committed), then the next one.
    expect(handledByB).toEqual([`${moved}:stuck`, `${moved}:after`].slice(0, handledByB.length))
    for (const g of stuck.values()) g.open()
  })

  it('broadcasting: ordered without broker locks', async () => {
    broker.append(Q0, 'x', 'y', 'z')
    const seen: string[] = []
    const c = consumer((m) => void seen.push(m.body.toString()), { model: 'broadcasting', offsetStoreDir: `/tmp/rmq-unit-ordered-${process.pid}-${Date.now()}` })
    await c.start()
    await until(() => seen.length === 3, 'three messages')
    expect(seen).toEqual(['x', 'y', 'z'])
    expect(broker.requestsOf(RequestCode.LOCK_BATCH_MQ)).toEqual([])
  })
})
