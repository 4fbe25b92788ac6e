/**
 * Push consumer behaviour on the real cluster (4 queues over broker-a and broker-b): groups, clustering, broadcasting,
 * rebalance with hooks, offsets across restarts, long polling, retry and DLQ.
 */
import diagnostics_channel from 'node:diagnostics_channel'
import { describe, expect, it } from 'vitest'
import { Admin, PROCESS_CHANNEL, PushConsumer, PullConsumer, RocketMQError, SEND_CHANNEL, type MessageQueue, type MessageView, type PushConsumerOptions } from '@rocketmq-ts/client'
import { versionFeatures } from '@rocketmq-ts/testkit'
import { RemotingClient } from '../../packages/client/src/remoting/remoting-client.js'
import { queryConsumerOffset } from '../../packages/client/src/cluster/broker-api.js'
import { RequestCode, ResponseCode } from '../../packages/client/src/remoting/codes.js'
import { clusterAddresses, mqadmin, uniqueName, waitUntil } from './helpers.js'
import { Collector, consumerSuite, produce, startChildMember } from './support/consumers.js'

const suite = consumerSuite()

function consumer(opts: PushConsumerOptions): PushConsumer {
  const c = new PushConsumer({ rebalanceIntervalMs: 2000, ...opts })
  suite.track(c)
  return c
}

async function topic(prefix: string): Promise<string> {
  const t = uniqueName(prefix)
  await suite.cluster.createTopic(t, { queuesPerBroker: 2 })
  return t
}

const key = (q: MessageQueue) => `${q.brokerName}/${q.queueId}`



describe('consumer groups', () => {
  it('every group subscribed to a topic receives every message', async () => {
    const t = await topic('TopicGroups')
    const stock = new Collector()
    const marketing = new Collector()
    const a = consumer({ nameServer: suite.cluster.nameServer, group: uniqueName('stock'), subscriptions: { [t]: '*' }, consumeFrom: 'first', handler: stock.add })
    const b = consumer({ nameServer: suite.cluster.nameServer, group: uniqueName('marketing'), subscriptions: { [t]: '*' }, consumeFrom: 'first', handler: marketing.add })
    await Promise.all([a.start(), b.start()])
    expect(a.assignment().filter((q) => q.topic === t)).toHaveLength(4)
    const ids = await produce(suite.producer, t, 100)
    await stock.until(() => stock.unique === 100, 30_000, 'stock group to get 100')
    await marketing.until(() => marketing.unique === 100, 30_000, 'marketing group to get 100')
    expect(stock.missing(ids)).toEqual([])
    expect(marketing.missing(ids)).toEqual([])
    const m = stock.messages.find((x) => x.msgId === ids[0])!
    expect(m.topic).toBe(t)
    expect(m.keys).toEqual(['m-0'])
    expect(m.body.toString()).toBe('m-0')
    expect(m.queue.brokerName).toMatch(/^broker-[ab]$/)
    expect(m.queue.broker).toBe(m.queue.brokerName) // the deprecated alias
  })

  it('only messages whose tag matches the expression are delivered', async () => {
    const t = await topic('TopicTags')
    const got = new Collector()
    const c = consumer({ nameServer: suite.cluster.nameServer, group: uniqueName('tags'), subscriptions: { [t]: 'Alipay || WeChat' }, consumeFrom: 'first', handler: got.add })
    await c.start()
    const channels = ['Alipay', 'WeChat', 'UnionPay']
    const ids = await produce(suite.producer, t, 60, { tags: (i) => channels[i % 3]! })
    const wanted = ids.filter((_, i) => i % 3 !== 2)
    await got.until(() => got.unique >= wanted.length, 30_000, 'tagged messages')
    expect(got.missing(wanted)).toEqual([])
    expect(got.messages.every((m) => m.tags === 'Alipay' || m.tags === 'WeChat')).toBe(true)
  })
})

describe('clustering', () => {
  it('two members split 2/2 with no overlap; a third joins for 2/1/1; each message is consumed by one member', async () => {
    const t = await topic('TopicCluster')
    const group = uniqueName('cluster')
    const seen = new Collector()
    const byMember = new Map<string, Set<string>>()
    const mk = (name: string) =>
      consumer({
        nameServer: suite.cluster.nameServer,
        group,
        subscriptions: { [t]: '*' },
        consumeFrom: 'first',
        handler: (m: MessageView) => {
          seen.add(m)
          if (!byMember.has(name)) byMember.set(name, new Set())
          byMember.get(name)!.add(m.msgId)
        },
      })
    const a = mk('a')
    const b = mk('b')
    await a.start()
    await b.start()
    const balanced = (cs: PushConsumer[], sizes: number[]) => {
      const got = cs.map((c) => c.assignment().filter((q) => q.topic === t).length).sort()
      return JSON.stringify(got) === JSON.stringify([...sizes].sort())
    }
    await waitUntil(() => balanced([a, b], [2, 2]), 20_000, '2/2 split')
    const qa = a.assignment().filter((q) => q.topic === t).map(key)
    const qb = b.assignment().filter((q) => q.topic === t).map(key)
    expect(new Set([...qa, ...qb]).size).toBe(4)

    // Spread over the 4 queues, so each member has messages to get.
    const ids = await produce(suite.producer, t, 200, { queues: [a, b].flatMap((c) => c.assignment().filter((q) => q.topic === t)) })
    await seen.until(() => seen.unique === 200, 30_000, '200 messages')
    expect(seen.duplicates).toBe(0)
    const inA = byMember.get('a') ?? new Set()
    const inB = byMember.get('b') ?? new Set()
    expect([...inA].filter((id) => inB.has(id))).toEqual([])
    expect(inA.size).toBeGreaterThan(0)
    expect(inB.size).toBeGreaterThan(0)

    const c = mk('c')
    await c.start()
    await waitUntil(() => balanced([a, b, c], [2, 1, 1]), 10_000, '2/1/1 split')
    const all = [a, b, c].flatMap((x) => x.assignment().filter((q) => q.topic === t).map(key))
    expect(new Set(all).size).toBe(4)
    expect(all).toHaveLength(4)
    const more = await produce(suite.producer, t, 100, { prefix: 'n' })
    await seen.until(() => seen.unique === 300, 30_000, '300 messages')
    expect(seen.missing([...ids, ...more])).toEqual([])
  })

  it('a member killed with SIGKILL: its queues move and nothing sent before or after is lost', async () => {
    const t = await topic('TopicKill')
    const group = uniqueName('kill')
    const seen = new Collector()
    const victim = await startChildMember(suite.cluster.nameServer, group, t, seen)
    const survivor = await startChildMember(suite.cluster.nameServer, group, t, seen)
    await waitUntil(() => victim.queues.filter((q) => q.topic === t).length === 2 && survivor.queues.filter((q) => q.topic === t).length === 2, 20_000, '2/2 split')
    const before = await produce(suite.producer, t, 200, { prefix: 'before' })
    await seen.until(() => seen.unique >= 100, 30_000, 'some consumption before the kill')
    victim.proc.kill('SIGKILL')
    await victim.closed
    const after = await produce(suite.producer, t, 200, { prefix: 'after' })
    await waitUntil(() => survivor.queues.filter((q) => q.topic === t).length === 4, 30_000, 'survivor to own all 4 queues')
    await seen.until(() => seen.missing([...before, ...after]).length === 0, 60_000, 'every message before and after the kill')
    expect(seen.missing([...before, ...after])).toEqual([])
    // Duplicates are allowed (the victim's uncommitted work is redelivered) and counted, but only a redelivery of
    // what was sent: never more than one extra copy per message.
    expect(seen.duplicates).toBeLessThanOrEqual(before.length + after.length)
    console.info(`[kill test] duplicates after SIGKILL: ${seen.duplicates}`)
    await survivor.close()
  })
})

describe('broadcasting', () => {
  it('each member gets every message and the broker keeps no offset for the group', async () => {
    const t = await topic('TopicBroadcast')
    const group = uniqueName('bcast')
    const dir = `${process.env.TMPDIR ?? '/tmp'}/${uniqueName('offsets')}`
    const one = new Collector()
    const two = new Collector()
    const a = consumer({ nameServer: suite.cluster.nameServer, group, model: 'broadcasting', instanceName: 'one', offsetStoreDir: dir, subscriptions: { [t]: '*' }, consumeFrom: 'first', handler: one.add })
    const b = consumer({ nameServer: suite.cluster.nameServer, group, model: 'broadcasting', instanceName: 'two', offsetStoreDir: dir, subscriptions: { [t]: '*' }, consumeFrom: 'first', handler: two.add })
    await Promise.all([a.start(), b.start()])
    expect(a.assignment().filter((q) => q.topic === t)).toHaveLength(4)
    expect(b.assignment().filter((q) => q.topic === t)).toHaveLength(4)
    const ids = await produce(suite.producer, t, 100)
    await one.until(() => one.unique === 100, 30_000, 'member one')
    await two.until(() => two.unique === 100, 30_000, 'member two')
    const queues = a.assignment().filter((q) => q.topic === t)
    await a.close()
    await b.close()
    const remoting = new RemotingClient()
    // No offset stored. 5.x answers QUERY_NOT_FOUND; a 4.x broker answers SUCCESS with offset 0 for a queue whose first
    // message is still in memory (4.9.7 ConsumerManageProcessor.queryConsumerOffset), which the client checks against
    // the broker's offset table (GET_ALL_CONSUMER_OFFSET): no offset (-1) on both versions.
    const four = versionFeatures(clusterAddresses().rocketmqVersion).major < 5
    try {
      for (const q of queues) {
        const addr = suite.cluster.brokers[q.brokerName as 'broker-a' | 'broker-b'].master
        const raw = await remoting.invoke(addr, RequestCode.QUERY_CONSUMER_OFFSET, { consumerGroup: group, topic: q.topic, queueId: String(q.queueId), setZeroIfNotFound: 'false' }, undefined, { timeoutMs: 5000 })
        if (four) expect([raw.code, raw.extFields?.['offset']]).toEqual([ResponseCode.SUCCESS, '0'])
        else expect(raw.code).toBe(ResponseCode.QUERY_NOT_FOUND)
        expect(await queryConsumerOffset(remoting, addr, group, q)).toBe(-1)
      }
    } finally {
      await remoting.close()
    }
    expect(one.missing(ids)).toEqual([])
  })
})

describe('offsets', () => {
  it('a member closed and started again resumes after its last committed offset', async () => {
    const t = await topic('TopicResume')
    const group = uniqueName('resume')
    const seen = new Collector()
    const first = consumer({ nameServer: suite.cluster.nameServer, group, subscriptions: { [t]: '*' }, consumeFrom: 'first', handler: seen.add })
    await first.start()
    const ids = await produce(suite.producer, t, 100, { prefix: 'a' })
    await seen.until(() => seen.unique === 100, 30_000, 'first 100')
    const result = await first.close()
    expect(result.committed.filter((c) => c.queue.topic === t).reduce((s, c) => s + c.offset, 0)).toBe(100)
    const more = await produce(suite.producer, t, 50, { prefix: 'b' })
    const again = new Collector()
    const second = consumer({ nameServer: suite.cluster.nameServer, group, subscriptions: { [t]: '*' }, consumeFrom: 'first', handler: again.add })
    await second.start()
    await again.until(() => again.unique >= 50, 30_000, 'the 50 sent while closed')
    expect(again.missing(more)).toEqual([])
    // Nothing consumed before the close comes back (duplicates at most one batch; here none, since close committed).
    expect(ids.filter((id) => again.counts.has(id))).toEqual([])
  })
})

describe('long polling', () => {
  it('a message sent while the broker holds the pull reaches the handler through that held pull', async () => {
    const t = await topic('TopicLongPoll')
    const arrivals: number[] = []
    const pulls: Array<{ sentAt: number; durationMs: number; status: string; queue: MessageQueue }> = []
    const c = consumer({ nameServer: suite.cluster.nameServer, group: uniqueName('lp'), subscriptions: { [t]: '*' }, handler: () => void arrivals.push(Date.now()) })
    c.on('pull.completed', (p) => pulls.push(p))
    await c.start()
    const sentAt = Date.now()
    const r = await suite.producer.send({ topic: t, body: 'ping' })
    await waitUntil(() => arrivals.length === 1, 5_000, 'delivery')
    const latency = arrivals[0]! - sentAt
    const found = pulls.find((p) => p.status === 'FOUND' && p.queue.queueId === r.queue.queueId && p.queue.brokerName === r.queue.brokerName)!
    // The pull that delivered it was sent before the message existed: the broker held it and answered on arrival
    // (order, not wall time: no new pull was needed after the send).
    expect(found.sentAt).toBeLessThanOrEqual(sentAt)
    expect(found.sentAt + found.durationMs).toBeGreaterThanOrEqual(sentAt)
    console.info(`[long polling] latency ${latency} ms; pull held ${found.durationMs} ms`)
  })
})

describe('retry and DLQ', () => {
  it('a handler that throws gets the message back with reconsumeTimes + 1, then it lands in the DLQ', async () => {
    const t = await topic('TopicRetry')
    const group = uniqueName('retry')
    const attempts: MessageView[] = []
    const c = consumer({
      nameServer: suite.cluster.nameServer,
      group,
      subscriptions: { [t]: '*' },
      maxReconsumeTimes: 1,
      handler: (m) => {
        attempts.push(m)
        throw new Error('stock service down')
      },
    })
    await c.start()
    const r = await suite.producer.send({ topic: t, body: 'fail me', keys: ['order-retry'] })
    await waitUntil(() => attempts.length >= 2, 60_000, 'the retry delivery')
    expect(attempts[0]!.reconsumeTimes).toBe(0)
    expect(attempts[1]!.reconsumeTimes).toBe(1)
    expect(attempts[1]!.topic).toBe(t)
    expect(attempts[1]!.msgId).toBe(r.msgId)
    expect(attempts[1]!.body.toString()).toBe('fail me')
    // The second failure exceeds maxReconsumeTimes: the broker moves it to %DLQ%<group>.
    const dlq = new PullConsumer({ nameServer: suite.cluster.nameServer, group: uniqueName('dlqreader'), subscriptions: { [`%DLQ%${group}`]: '*' }, consumeFrom: 'first' })
    suite.track(dlq)
    await waitUntil(async () => (await suite.cluster.route(`%DLQ%${group}`)) !== null, 30_000, 'the DLQ topic')
    await dlq.start()
    let dead: MessageView | undefined
    const deadline = Date.now() + 30_000
    while (!dead && Date.now() < deadline) dead = (await dlq.poll({ timeoutMs: 2000 })).find((m) => m.keys.includes('order-retry'))
    expect(dead?.body.toString()).toBe('fail me')
    expect(dead?.getProperty('ORIGIN_MESSAGE_ID') ?? dead?.msgId).toBeTruthy()
  })
})

describe('rebalance hooks', () => {
  it('onRevoke runs after the queue’s in-flight messages finished and their offsets were committed, before release', async () => {
    const t = await topic('TopicHooks')
    const group = uniqueName('hooks')
    const inflight = new Map<string, number>()
    const handled = new Map<string, Set<number>>()
    const revokes: Array<{ queues: MessageQueue[]; inflightAtRevoke: number; committed: number[]; ownedDuringHook: boolean; abortedAtStart: boolean }> = []
    const assigned: MessageQueue[][] = []
    const slow: PushConsumer = consumer({
      nameServer: suite.cluster.nameServer,
      group,
      subscriptions: { [t]: '*' },
      consumeFrom: 'first',
      concurrency: 4,
      handler: async (m) => {
        const k = `${m.brokerName}/${m.queueId}`
        inflight.set(k, (inflight.get(k) ?? 0) + 1)
        await new Promise((r) => setTimeout(r, 20)) // simulated work inside the handler
        if (!handled.has(k)) handled.set(k, new Set())
        handled.get(k)!.add(m.queueOffset)
        inflight.set(k, inflight.get(k)! - 1)
      },
      onAssign: async (queues) => void assigned.push(queues),
      // Records only: an expect in here would be swallowed by the consumer (a hook failure is reported, not thrown).
      onRevoke: async (queues, { signal }) => {
        const abortedAtStart = signal.aborted
        const mine = queues.filter((q) => q.topic === t)
        // What this member committed for the queues before the hook (the new owner may already be committing more).
        const committed = mine.map((q) => lastCommit.get(key(q)) ?? -1)
        revokes.push({
          queues: mine,
          inflightAtRevoke: mine.reduce((s, q) => s + (inflight.get(key(q)) ?? 0), 0),
          committed,
          ownedDuringHook: mine.every((q) => slow.assignment().some((a) => key(a) === key(q) && a.topic === t)),
          abortedAtStart,
        })
      },
    })
    const lastCommit = new Map<string, number>()
    slow.on('offset.committed', ({ offsets }) => {
      for (const o of offsets) if (o.queue.topic === t) lastCommit.set(key(o.queue), o.offset)
    })
    try {
      await slow.start()
      expect(assigned[0]!.filter((q) => q.topic === t)).toHaveLength(4)
      // Spread over the 4 queues, so both revoked queues have consumed (and committed) messages.
      await produce(suite.producer, t, 400, { queues: assigned[0]!.filter((q) => q.topic === t) })
      await waitUntil(() => [...handled.values()].reduce((s, x) => s + x.size, 0) >= 20, 20_000, 'some consumption')
      const b = consumer({ nameServer: suite.cluster.nameServer, group, subscriptions: { [t]: '*' }, consumeFrom: 'first', handler: () => {} })
      await b.start()
      await waitUntil(() => revokes.some((r) => r.queues.length > 0), 20_000, 'onRevoke')
      const rev = revokes.find((r) => r.queues.length > 0)!
      expect(rev.queues).toHaveLength(2)
      expect(rev.inflightAtRevoke).toBe(0)
      expect(rev.ownedDuringHook).toBe(true) // released only after the hook
      expect(revokes.map((r) => r.abortedAtStart)).not.toContain(true) // the hook's signal is live when it starts
      rev.queues.forEach((q, i) => {
        const done = handled.get(key(q)) ?? new Set<number>()
        const committed = rev.committed[i]!
        // The committed offset is the watermark of finished work: every offset below it was handled.
        expect(committed).toBeGreaterThan(0)
        for (let o = 0; o < committed; o++) expect(done.has(o)).toBe(true)
      })
      await waitUntil(() => slow.assignment().filter((q) => q.topic === t).length === 2, 10_000, 'release after the hook')
    } finally {
      await slow.close()
    }
  })
})

describe('handler deadlines and close', () => {
  it('aborts context.signal when the handler times out and redelivers the message', async () => {
    const t = await topic('TopicTimeout')
    const attempts: Array<{ reconsumeTimes: number; aborted?: unknown }> = []
    const errors: unknown[] = []
    const c = consumer({
      nameServer: suite.cluster.nameServer,
      group: uniqueName('timeout'),
      subscriptions: { [t]: '*' },
      handlerTimeoutMs: 300,
      handler: async (m, { signal }) => {
        const attempt: { reconsumeTimes: number; aborted?: unknown } = { reconsumeTimes: m.reconsumeTimes }
        attempts.push(attempt)
        if (m.reconsumeTimes > 0) return // the retry succeeds
        await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }))
        attempt.aborted = signal.reason
      },
    })
    c.on('handler.error', (e) => errors.push(e.error))
    await c.start()
    await suite.producer.send({ topic: t, body: 'slow' })
    await waitUntil(() => attempts.length >= 2, 40_000, 'the redelivery after the timeout')
    expect((attempts[0]!.aborted as { code?: string }).code).toBe('ERR_HANDLER_TIMEOUT')
    expect(attempts[1]!.reconsumeTimes).toBe(1)
    expect((errors[0] as { code?: string }).code).toBe('ERR_HANDLER_TIMEOUT')
  })

  it('close() drains finished work, aborts what passes the deadline, commits, and is idempotent', async () => {
    const t = await topic('TopicClose')
    const group = uniqueName('close')
    let started = 0
    let sawAbort = false
    let abortReason: unknown
    const c = new PushConsumer({
      nameServer: suite.cluster.nameServer,
      group,
      subscriptions: { [t]: '*' },
      handler: async (m, { signal }) => {
        started++
        if (m.body.toString() === 'stuck') {
          await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }))
          sawAbort = signal.aborted
          abortReason = signal.reason
        }
      },
    })
    await c.start()
    await suite.producer.send({ topic: t, body: 'stuck' })
    await waitUntil(() => started === 1, 10_000, 'the stuck handler to start')
    // The handler never ends on its own (handlerTimeoutMs is 15 min): close() resolving with it abandoned, its signal
    // aborted by close (ERR_CLOSED), is the deadline at work.
    const result = await c.close({ timeoutMs: 500 })
    expect(result.abandoned).toBe(1)
    expect(sawAbort).toBe(true)
    expect((abortReason as { code?: string }).code).toBe('ERR_CLOSED')
    expect(await c.close()).toBe(result)
    await expect(c.start()).rejects.toMatchObject({ code: 'ERR_CLOSED' })
    // The abandoned message was not committed: the next member of the group gets it again.
    const again: string[] = []
    const next = consumer({ nameServer: suite.cluster.nameServer, group, subscriptions: { [t]: '*' }, handler: (m) => void again.push(m.body.toString()) })
    await next.start()
    await waitUntil(() => again.includes('stuck'), 20_000, 'redelivery of the abandoned message')
  })
})

describe('close during a rebalance', () => {
  it('close() stays bounded while a rebalance waits for a stuck handler of a revoked queue', async () => {
    const t = await topic('TopicCloseRebalance')
    const group = uniqueName('closereb')
    let stuck = 0
    const reasons: unknown[] = []
    const a = new PushConsumer({
      nameServer: suite.cluster.nameServer,
      group,
      rebalanceIntervalMs: 2000,
      // Neither the revoke's drain nor a handler deadline may end this test's wait: only close()'s own deadline can.
      revokeTimeoutMs: 600_000,
      handlerTimeoutMs: 600_000,
      subscriptions: { [t]: '*' },
      consumeFrom: 'first',
      handler: async (_m, { signal }) => {
        stuck++
        await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }))
        reasons.push(signal.reason)
      },
    })
    const revoking: MessageQueue[][] = []
    a.on('rebalance.started', ({ removed }) => void revoking.push(removed.filter((q) => q.topic === t)))
    await a.start()
    // One message on every queue, so whatever A revokes has a handler that never finishes on its own.
    const queues = a.assignment().filter((q) => q.topic === t)
    await Promise.all(queues.map((queue, i) => suite.producer.send({ topic: t, body: `x${i}` }, { queue })))
    await waitUntil(() => stuck === 4, 10_000, 'a stuck handler on each queue')
    const b = consumer({ nameServer: suite.cluster.nameServer, group, subscriptions: { [t]: '*' }, handler: () => {} })
    await b.start()
    // A's rebalance is now draining revoked queues whose handlers are stuck.
    await waitUntil(() => revoking.some((r) => r.length > 0), 10_000, 'A to start revoking')
    const result = await a.close({ timeoutMs: 500 })
    expect(result.abandoned).toBeGreaterThan(0)
    await waitUntil(() => reasons.length === 4, 10_000, 'every stuck handler to see its abort')
    expect(reasons.map((r) => (r as { code?: string }).code)).toEqual(Array(4).fill('ERR_CLOSED'))
  })
})

describe('offset reset from the broker', () => {
  async function resetAndReread(prefix: string): Promise<{ t: string; group: string }> {
    const t = await topic(prefix)
    const group = uniqueName('reset')
    const seen = new Collector()
    const c = consumer({ nameServer: suite.cluster.nameServer, group, subscriptions: { [t]: '*' }, consumeFrom: 'first', handler: seen.add })
    await c.start()
    const ids = await produce(suite.producer, t, 40)
    await seen.until(() => seen.unique === 40, 30_000, 'first pass')
    const r = await mqadmin(suite.cluster, ['resetOffsetByTime', '-g', group, '-t', t, '-s', '0'], { timeoutMs: 60_000 })
    expect(r.output).not.toMatch(/Exception/)
    await seen.until(() => ids.every((id) => (seen.counts.get(id) ?? 0) >= 2), 60_000, 'every message a second time')
    return { t, group }
  }

  it('an admin reset (mqadmin resetOffsetByTime) makes a running consumer read the queue again (5.x: server-side reset; 4.x: RESET_CONSUMER_CLIENT_OFFSET to the members)', async () => {
    await resetAndReread('TopicReset')
  })

  // 5.x with useServerSideResetOffset=false behaves as 4.x always does (4.x has no server-side reset, nor the switch):
  // a reset by time reaches the members as RESET_CONSUMER_CLIENT_OFFSET, and explicit offsets for a running group,
  // which only a server-side reset can apply, are refused with ERR_UNSUPPORTED_VERSION naming the broker's version.
  it('without a server-side reset (4.x; 5.x with useServerSideResetOffset=false): the reset goes to the members, explicit offsets for a running group are ERR_UNSUPPORTED_VERSION', async () => {
    const version = clusterAddresses().rocketmqVersion
    const four = versionFeatures(version).major < 5
    const masters = ['broker-a-0', 'broker-b-0'] as const
    const admin = new Admin({ nameServer: suite.cluster.nameServer })
    try {
      if (four) {
        const config = await suite.cluster.getBrokerConfig('broker-a-0')
        expect(config['brokerName']).toBe('broker-a')
        expect(config).not.toHaveProperty('useServerSideResetOffset')
      } else {
        for (const m of masters) await suite.cluster.updateBrokerConfig(m, 'useServerSideResetOffset', false)
      }
      const { t, group } = await resetAndReread('TopicClientReset')
      const refused = admin.resetOffset(group, t, { offsets: [{ queue: { brokerName: 'broker-a', queueId: 0 }, offset: 0 }] })
      await expect(refused).rejects.toMatchObject({ code: 'ERR_UNSUPPORTED_VERSION', context: { brokerVersion: `V${version.replaceAll('.', '_')}` } })
    } finally {
      if (!four) for (const m of masters) await suite.cluster.updateBrokerConfig(m, 'useServerSideResetOffset', true)
      await admin.close()
    }
  })
})

describe('observability', () => {
  it('publishes send and process traces on diagnostics_channel with OpenTelemetry messaging attributes', async () => {
    const t = await topic('TopicTrace')
    const group = uniqueName('trace')
    const seen: Array<{ event: string; name: string; attributes: Record<string, unknown> }> = []
    const handlers = (label: string) => ({
      start: (ctx: unknown) => void seen.push({ event: `${label}:start`, ...(ctx as { name: string; attributes: Record<string, unknown> }) }),
      asyncEnd: (ctx: unknown) => void seen.push({ event: `${label}:end`, ...(ctx as { name: string; attributes: Record<string, unknown> }) }),
      error: (ctx: unknown) => void seen.push({ event: `${label}:error`, ...(ctx as { name: string; attributes: Record<string, unknown> }) }),
    })
    const send = diagnostics_channel.tracingChannel(SEND_CHANNEL)
    const processing = diagnostics_channel.tracingChannel(PROCESS_CHANNEL)
    const sendHandlers = handlers('send')
    const processHandlers = handlers('process')
    send.subscribe(sendHandlers as never)
    processing.subscribe(processHandlers as never)
    try {
      let calls = 0
      const c = consumer({
        nameServer: suite.cluster.nameServer,
        group,
        subscriptions: { [t]: '*' },
        handler: () => {
          if (calls++ === 0) throw new RocketMQError('ERR_BROKER', 'first attempt fails')
        },
      })
      await c.start()
      const r = await suite.producer.send({ topic: t, body: 'traced', tags: 'alipay', keys: ['order-9'] })
      await waitUntil(() => seen.some((e) => e.event === 'process:error'), 20_000, 'the failing process trace')
      const sent = seen.find((e) => e.event === 'send:end')!
      expect(sent.name).toBe(`send ${t}`)
      expect(sent.attributes).toMatchObject({ 'messaging.system': 'rocketmq', 'messaging.destination.name': t, 'messaging.rocketmq.message.tag': 'alipay' })
      const failed = seen.find((e) => e.event === 'process:error')!
      expect(failed.attributes).toMatchObject({
        'messaging.operation.type': 'process',
        'messaging.consumer.group.name': group,
        'messaging.message.id': r.msgId,
        'messaging.rocketmq.consumption_model': 'clustering',
        'error.type': 'ERR_BROKER',
      })
    } finally {
      send.unsubscribe(sendHandlers as never)
      processing.unsubscribe(processHandlers as never)
    }
  })
})

describe('console requests', () => {
  it('answers GET_CONSUMER_RUNNING_INFO and CONSUME_MESSAGE_DIRECTLY relayed by the broker', async () => {
    const t = await topic('TopicConsole')
    const group = uniqueName('console')
    const direct: MessageView[] = []
    const c = consumer({ nameServer: suite.cluster.nameServer, group, subscriptions: { [t]: 'NoSuchTag' }, handler: (m) => void direct.push(m) })
    await c.start()
    const r = await suite.producer.send({ topic: t, body: 'direct', tags: 'Other' })
    const addr = suite.cluster.brokers[r.queue.brokerName as 'broker-a' | 'broker-b'].master
    const remoting = new RemotingClient()
    try {
      const info = await remoting.invoke(addr, RequestCode.GET_CONSUMER_RUNNING_INFO, { consumerGroup: group, clientId: c.clientId, jstackEnable: 'false' }, undefined, { timeoutMs: 10_000 })
      expect(info.code).toBe(0)
      const text = info.body!.toString()
      expect(text).toContain('"subscriptionSet"')
      expect(text).toContain(t)
      const res = await remoting.invoke(addr, RequestCode.CONSUME_MESSAGE_DIRECTLY, { consumerGroup: group, clientId: c.clientId, msgId: r.offsetMsgId, brokerName: r.queue.brokerName }, undefined, { timeoutMs: 10_000 })
      expect(res.code).toBe(0)
      expect(JSON.parse(res.body!.toString()).consumeResult).toBe('CR_SUCCESS')
      expect(direct.map((m) => m.body.toString())).toEqual(['direct'])
    } finally {
      await remoting.close()
    }
  })
})

