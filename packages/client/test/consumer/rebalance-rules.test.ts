/**
 * The rebalance rules against the scripted fake broker (fake timers): allocation diffs as members come and go,
 * coalesced passes, revoke order (drain -> commit -> onRevoke -> release), bounded drain and hooks, offset moved.
 */
import { describe, expect, it } from 'vitest'
import { PushConsumer } from '../../src/consumer/push-consumer.js'
import type { RebalanceEvent } from '../../src/consumer/types.js'
import type { RocketMQError } from '../../src/errors.js'
import { RequestCode, ResponseCode } from '../../src/remoting/codes.js'
import { mqKey, type MessageQueue } from '../../src/protocol/route.js'
import { FakeBroker } from '../support/fake-cluster.js'
import { gate, pass, until, useFakeBroker } from '../support/drive.js'

const keys = (qs: readonly MessageQueue[]) => qs.map((q) => `${q.brokerName}:${q.queueId}`).sort()

let broker: FakeBroker
const open: PushConsumer[] = []

useFakeBroker((b) => {
  broker = b
  b.topic('T')
}, open, { timeoutMs: 10 })

function member(id: string, extra: Record<string, unknown> = {}, handler: (m: { body: Buffer }) => Promise<void> | void = () => {}) {
  const c = new PushConsumer(
    { nameServer: '127.0.0.1:9876', group: 'G', subscriptions: { T: '*' }, consumeFrom: 'first', handler, ...extra },
    { cluster: broker.factory(id) },
  )
  open.push(c)
  return c
}

describe('rebalance diffs', () => {
  it('members split 4 queues 2/2, a third joins for 2/1/1, one leaves and the rest take its queues; every event is the diff', async () => {
    const events = new Map<string, RebalanceEvent[]>()
    const track = (id: string, c: PushConsumer) => {
      events.set(id, [])
      c.on('rebalance.completed', (e) => events.get(id)!.push(e))
    }
    const a = member('a')
    track('a', a)
    await a.start()
    expect(keys(a.assignment())).toEqual(['broker-a:0', 'broker-a:1', 'broker-b:0', 'broker-b:1'])

    const b = member('b')
    track('b', b)
    await b.start()
    await until(() => a.assignment().length === 2 && b.assignment().length === 2, 'a 2/2 split')
    // averagely over sorted ids [a, b]: a takes the first half in Java MessageQueue order
    expect(keys(a.assignment())).toEqual(['broker-a:0', 'broker-a:1'])
    expect(keys(b.assignment())).toEqual(['broker-b:0', 'broker-b:1'])
    const aLast = events.get('a')!.at(-1)!
    expect(keys(aLast.removed)).toEqual(['broker-b:0', 'broker-b:1'])
    expect(aLast.added).toEqual([])

    const c = member('c')
    track('c', c)
    await c.start()
    await until(() => a.assignment().length + b.assignment().length + c.assignment().length === 4 && c.assignment().length === 1 && b.assignment().length === 1, '2/1/1')
    expect(keys(a.assignment())).toEqual(['broker-a:0', 'broker-a:1'])
    expect(keys(b.assignment())).toEqual(['broker-b:0'])
    expect(keys(c.assignment())).toEqual(['broker-b:1'])

    await b.close()
    await until(() => a.assignment().length === 2 && c.assignment().length === 2, 'b gone: 2/2')
    expect(keys(c.assignment())).toEqual(['broker-b:0', 'broker-b:1'])
    const all = [...a.assignment(), ...c.assignment()].map(mqKey)
    expect(new Set(all).size).toBe(4)
  })

  it('triggers coalesce: ten at once make one pass, ten more while it runs make exactly one more', async () => {
    const a = member('a')
    await a.start()
    const cluster = (a as unknown as { engine: { member: { cluster: { consumerIdList: (...x: unknown[]) => Promise<string[]> } } } }).engine.member.cluster
    let passes = 0
    const inner = cluster.consumerIdList.bind(cluster)
    cluster.consumerIdList = async (...args: unknown[]) => {
      passes++
      await pass(50)
      return inner(...args)
    }
    for (let i = 0; i < 10; i++) broker.notifyMembersChanged('G')
    await pass(10)
    expect(passes).toBe(1) // the pass is inside the member-list query now
    for (let i = 0; i < 10; i++) broker.notifyMembersChanged('G')
    await pass(1000)
    expect(passes).toBe(2)
  })
})

describe('revoke', () => {
  it('drains the queue, commits its offset, then runs onRevoke, then releases it', async () => {
    const order: string[] = []
    const mq: MessageQueue = { topic: 'T', brokerName: 'broker-b', queueId: 0 }
    broker.append(mq, 'm0', 'm1')
    const slow = gate()
    const a = member(
      'a',
      {
        onRevoke: (qs: MessageQueue[]) => {
          const committed = broker.committedOffset('G', mq)
          order.push(`onRevoke ${keys(qs).join(',')} committed=${committed}`)
        },
      },
      async (m) => {
        if (m.body.toString() === 'm1') {
          order.push('handler m1 started')
          await slow.promise
          order.push('handler m1 finished')
        }
      },
    )
    a.on('rebalance.completed', (e) => e.removed.length > 0 && order.push(`rebalance -${keys(e.removed).join(',')}`))
    await a.start()
    await until(() => order.includes('handler m1 started'), 'm1 running')
    const b = member('b')
    await b.start()
    await pass(200)
    expect(order).not.toContain(expect.stringContaining('onRevoke'))
    slow.open()
    await until(() => order.some((o) => o.startsWith('rebalance')), 'revoke finished')
    expect(order).toEqual([
      'handler m1 started',
      'handler m1 finished',
      'onRevoke broker-b:0,broker-b:1 committed=2',
      'rebalance -broker-b:0,broker-b:1',
    ])
  })

  it('waits at most revokeTimeoutMs for a stuck handler; its message stays uncommitted for the next owner', async () => {
    const mq: MessageQueue = { topic: 'T', brokerName: 'broker-b', queueId: 0 }
    broker.append(mq, 'ok', 'stuck', 'after')
    const seen: string[] = []
    const a = member('a', { revokeTimeoutMs: 5000, handlerTimeoutMs: 3_600_000 }, async (m) => {
      seen.push(m.body.toString())
      if (m.body.toString() === 'stuck') await new Promise(() => {})
    })
    const removed: string[][] = []
    a.on('rebalance.completed', (e) => e.removed.length > 0 && removed.push(keys(e.removed)))
    await a.start()
    await until(() => seen.includes('stuck') && seen.includes('after'), 'stuck running')
    const bSeen: string[] = []
    const b = member('b', {}, (m) => void bSeen.push(m.body.toString()))
    await b.start()
    await until(() => removed.length > 0, 'the revoke finished despite the stuck handler', 10_000)
    expect(removed[0]).toEqual(['broker-b:0', 'broker-b:1'])
    const aCommits = [...broker.requestsOf(RequestCode.PULL_MESSAGE, 'a'), ...broker.requestsOf(RequestCode.UPDATE_CONSUMER_OFFSET, 'a')]
      .filter((r) => r.ext.bname === 'broker-b' && r.ext.queueId === '0')
      .map((r) => Number(r.ext.commitOffset))
    expect(Math.max(...aCommits)).toBe(1) // past 'ok', never past 'stuck'
    await until(() => bSeen.includes('stuck'), 'the next owner receives the stuck message again')
    // (it may see 'ok' again too: no cross-member barrier, it starts from what was committed when it took the queue)
    expect(bSeen.slice(-2)).toEqual(['stuck', 'after'])
  })

  it('onRevoke and onAssign are bounded by hookTimeoutMs: signal aborted, ERR_TIMEOUT reported, the rebalance goes on', async () => {
    const errors: RocketMQError[] = []
    let revokeSignal: AbortSignal | undefined
    let lateSeek: (() => void) | undefined
    const a = member('a', {
      hookTimeoutMs: 2000,
      onRevoke: (_q: MessageQueue[], { signal }: { signal: AbortSignal }) => {
        revokeSignal = signal
        return new Promise(() => {})
      },
    })
    a.on('error', (e) => errors.push(e))
    await a.start()
    const b = member('b', {
      hookTimeoutMs: 2000,
      onAssign: (qs: MessageQueue[], ctx: { seek: (q: MessageQueue, o: number) => void }) => {
        lateSeek = () => ctx.seek(qs[0]!, 0)
        return new Promise(() => {})
      },
    })
    const bErrors: RocketMQError[] = []
    b.on('error', (e) => bErrors.push(e))
    let started = false
    void b.start().then(() => (started = true))
    await until(() => started, 'start() resolves although onAssign never settles (bounded by hookTimeoutMs)')
    await until(() => a.assignment().length === 2, 'a revoked despite a hanging onRevoke')
    expect(revokeSignal?.aborted).toBe(true)
    expect(errors.map((e) => e.code)).toContain('ERR_TIMEOUT')
    expect(bErrors.map((e) => e.code)).toContain('ERR_TIMEOUT')
    expect(b.assignment().length).toBe(2)
    expect(() => lateSeek!()).toThrow(/only possible while onAssign runs/)
  })
})

describe('offset moved', () => {
  it("close: an older commit that lands after the last one (the broker's pull and offset thread pools race) is overwritten", async () => {
    const mq: MessageQueue = { topic: 'T', brokerName: 'broker-a', queueId: 0 }
    broker.append(mq, 'a', 'b', 'c')
    const got: string[] = []
    const a = member('a', {}, (m) => void got.push(m.body.toString()))
    await a.start()
    await until(() => got.length === 3, 'a, b and c consumed')
    let raced = false
    broker.script.afterCommit = ({ mq: q, offset, committed, key }) => {
      if (raced || mqKey(q) !== mqKey(mq) || offset !== 3) return
      raced = true
      committed.set(key, 1) // an earlier pull's commit offset, applied after ours
    }
    const closed = await a.close()
    expect(raced).toBe(true)
    expect(closed.committed.find((c) => mqKey(c.queue) === mqKey(mq))?.offset).toBe(3)
    expect(broker.committedOffset('G', mq)).toBe(3)
  })

  it('PULL_OFFSET_MOVED: the queue is dropped, the broker offset committed, and a new pass resumes it there', async () => {
    const mq: MessageQueue = { topic: 'T', brokerName: 'broker-a', queueId: 0 }
    broker.append(mq, 'a', 'b', 'c', 'd', 'e')
    let moved = false
    broker.script.pull = ({ mq: q, offset }) => {
      if (moved || mqKey(q) !== mqKey(mq) || offset !== 0) return undefined
      moved = true
      return { code: ResponseCode.PULL_OFFSET_MOVED, language: 'JAVA', version: 0, opaque: 0, flag: 1, extFields: { nextBeginOffset: '3', minOffset: '3', maxOffset: '5', suggestWhichBrokerId: '0' } }
    }
    const got: string[] = []
    const events: number[] = []
    const a = member('a', {}, (m) => void got.push(m.body.toString()))
    a.on('offset.moved', (e) => events.push(e.nextOffset))
    await a.start()
    await until(() => got.length === 2, 'd and e consumed')
    expect(events).toEqual([3])
    expect(got).toEqual(['d', 'e'])
    expect(broker.requestsOf(RequestCode.UPDATE_CONSUMER_OFFSET).some((r) => r.ext.queueId === '0' && r.ext.bname === 'broker-a' && r.ext.commitOffset === '3')).toBe(true)
  })
})
