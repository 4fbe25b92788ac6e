/**
 * The pull consumer's rules against the scripted fake broker (fake timers): idle polls leave nothing behind (issue 8
 * #10), positions and commits, assign mode, total cache bound.
 */
import { describe, expect, it, vi } from 'vitest'
import { PullConsumer } from '../../src/consumer/pull-consumer.js'
import { RequestCode } from '../../src/remoting/codes.js'
import type { MessageQueue } from '../../src/protocol/route.js'
import { FakeBroker } from '../support/fake-cluster.js'
import { pass, until, useFakeBroker } from '../support/drive.js'

let broker: FakeBroker
const open: PullConsumer[] = []
const Q0: MessageQueue = { topic: 'T', brokerName: 'broker-a', queueId: 0 }
const Q1: MessageQueue = { topic: 'T', brokerName: 'broker-a', queueId: 1 }

useFakeBroker((b) => {
  broker = b
  b.topic('T', ['broker-a'], 2)
}, open)

function consumer(extra: Record<string, unknown> = {}, id = 'c1') {
  const c = new PullConsumer({ nameServer: '127.0.0.1:9876', group: 'G', consumeFrom: 'first', ...extra }, { cluster: broker.factory(id) })
  open.push(c)
  return c
}

/** poll() while fake time runs: resolves with the first non-empty batch (or [] after 5 s). */
async function pollNow(c: PullConsumer, max?: number) {
  let out: Awaited<ReturnType<PullConsumer['poll']>> | undefined
  void c.poll({ max, timeoutMs: 5000 }).then((b) => (out = b))
  await until(() => out !== undefined, 'poll returned')
  return out!.map((m) => m.body.toString())
}

/** Waits parked in poll() right now (the consumer's arrival notifier). */
const parkedPolls = (c: PullConsumer) => (c as unknown as { policy: { arrivals: { size: number } } }).policy.arrivals.size

describe('poll', () => {
  it('idle polls that time out or are aborted leave no waiter behind (issue 8 #10: 5,459 idle polls left 5,554 closures)', async () => {
    const c = consumer({ subscriptions: { T: '*' } })
    await c.start()
    for (let i = 0; i < 500; i++) {
      const p = c.poll({ timeoutMs: 10 })
      await pass(10)
      expect(await p).toEqual([])
    }
    for (let i = 0; i < 500; i++) {
      const ac = new AbortController()
      const p = c.poll({ timeoutMs: 60_000, signal: ac.signal })
      ac.abort()
      expect(await p).toEqual([])
    }
    expect(parkedPolls(c)).toBe(0)
    // and a waiting poll still wakes when a message arrives
    const p = c.poll({ timeoutMs: 60_000 })
    await pass(1)
    expect(parkedPolls(c)).toBe(1)
    broker.append(Q0, 'hello')
    await until(() => parkedPolls(c) === 0, 'woken')
    expect((await p).map((m) => m.body.toString())).toEqual(['hello'])
  })

  it('poll hands out in offset order per queue; commit() stores the position after what was handed out; a restart resumes there', async () => {
    broker.append(Q0, 'a0', 'a1', 'a2')
    const c = consumer({ subscriptions: { T: '*' }, autoCommit: false })
    await c.start()
    expect(await pollNow(c, 2)).toEqual(['a0', 'a1'])
    expect(await c.commit()).toContainEqual({ queue: Q0, offset: 2 })
    await c.close()
    expect(broker.committedOffset('G', Q0)).toBe(2)
    // without autoCommit, pulls never piggy-back a commit
    expect(broker.requestsOf(RequestCode.PULL_MESSAGE, 'c1').every((r) => (Number(r.ext.sysFlag) & 0x1) === 0)).toBe(true)
    const again = consumer({ subscriptions: { T: '*' } }, 'c2')
    await again.start()
    expect(await pollNow(again)).toEqual(['a2'])
  })

  it('assign mode reads exactly the assigned queues, with no group rebalance', async () => {
    broker.append(Q0, 'zero')
    broker.append(Q1, 'one')
    const c = consumer()
    await c.assign([Q1])
    await c.start()
    expect(c.assignment()).toEqual([Q1])
    expect(await pollNow(c)).toEqual(['one'])
    expect(broker.requestsOf(RequestCode.PULL_MESSAGE, 'c1').every((r) => r.ext.queueId === '1')).toBe(true)
  })

  it('readers stop at maxCachedMessages and refill only as poll() takes', async () => {
    broker.append(Q0, ...Array.from({ length: 100 }, (_, i) => `m${i}`))
    const c = consumer({ subscriptions: { T: '*' }, maxCachedMessages: 10, pullBatchSize: 4 })
    await c.start()
    await pass(1000)
    const pullsIdle = broker.requestsOf(RequestCode.PULL_MESSAGE, 'c1').filter((r) => r.ext.queueId === '0').length
    // 4 per pull: the gate closes once 10 or more are cached (12 at most)
    expect(pullsIdle).toBe(3)
    const batch = await c.poll({ max: 12, timeoutMs: 0 })
    expect(batch.map((m) => m.queueOffset)).toEqual(Array.from({ length: 12 }, (_, i) => i))
    await pass(1000)
    expect(broker.requestsOf(RequestCode.PULL_MESSAGE, 'c1').filter((r) => r.ext.queueId === '0').length).toBe(6)
  })

  it('close() resolves with the push consumer\'s CloseResult shape: committed offsets, messages fetched but never handed out, drained 0', async () => {
    broker.append(Q0, 'a0', 'a1', 'a2', 'a3', 'a4')
    const c = consumer({ subscriptions: { T: '*' } })
    await c.start()
    await until(() => c.metrics().cachedCount === 5, 'all five fetched ahead')
    expect(await pollNow(c, 2)).toEqual(['a0', 'a1'])
    let result: Awaited<ReturnType<PullConsumer['close']>> | undefined
    const closing = c.close()
    void closing.then((r) => (result = r))
    await until(() => result !== undefined, 'closed')
    expect(result).toEqual({ drained: 0, abandoned: 3, committed: expect.arrayContaining([{ queue: Q0, offset: 2 }]) })
    expect(broker.committedOffset('G', Q0)).toBe(2)
    expect(c.close()).toBe(closing) // idempotent: the same promise
  })

  it('an abort ends a poll(), messages() or batches() that waits for messages, without any time passing', async () => {
    const c = consumer({ subscriptions: { T: '*' } })
    await c.start()
    const ac = new AbortController()
    const ended: string[] = []
    const drain = async (name: string, it: AsyncIterable<unknown>) => {
      for await (const _ of it) ended.push(`${name} yielded`)
      ended.push(name)
    }
    const loops = [drain('messages', c.messages({ signal: ac.signal })), drain('batches', c.batches({ signal: ac.signal })), c.poll({ timeoutMs: 600_000, signal: ac.signal }).then(() => void ended.push('poll'))]
    await pass(0)
    expect(parkedPolls(c)).toBe(3)
    ac.abort()
    await vi.advanceTimersByTimeAsync(0) // settles promises; the fake clock does not move
    expect(ended.sort()).toEqual(['batches', 'messages', 'poll'])
    expect(parkedPolls(c)).toBe(0)
    await Promise.all(loops)
  })
})
