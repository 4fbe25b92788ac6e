/**
 * PullConsumer on the real cluster (every topic: 4 queues, 2 on broker-a, 2 on broker-b): subscribe and assign mode,
 * commit / auto-commit across restarts (including a SIGKILLed member), seek, pause/resume, iteration with an
 * AbortSignal, typed errors, and the cache limits (backpressure) when nobody polls.
 */
import { fork } from 'node:child_process'
import type { Readable } from 'node:stream'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { PullConsumer, RocketMQError, type MessageQueue, type MessageView, type PullConsumerOptions } from '@rocketmq-ts/client'
import { RemotingClient } from '../../packages/client/src/remoting/remoting-client.js'
import { queryConsumerOffset } from '../../packages/client/src/cluster/broker-api.js'
import { uniqueName, waitFor, waitUntil } from './helpers.js'
import { consumerSuite, produce } from './support/consumers.js'

const suite = consumerSuite()

function consumer(opts: Omit<PullConsumerOptions, 'nameServer'>): PullConsumer {
  const c = new PullConsumer({ nameServer: suite.cluster.nameServer, rebalanceIntervalMs: 1000, ...opts })
  suite.track(c)
  return c
}

const key = (q: { brokerName: string; queueId: number }) => `${q.brokerName}/${q.queueId}`
const byQueue = (a: MessageQueue, b: MessageQueue) => a.brokerName.localeCompare(b.brokerName) || a.queueId - b.queueId

/** A fresh topic with 2 queues per master and its 4 queues, sorted (broker-a/0, broker-a/1, broker-b/0, broker-b/1). */
async function topic(prefix: string): Promise<{ t: string; queues: MessageQueue[] }> {
  const t = uniqueName(prefix)
  const route = await suite.cluster.createTopic(t, { queuesPerBroker: 2 })
  const queues = route.queueDatas.flatMap((qd) => Array.from({ length: qd.readQueueNums }, (_, queueId) => ({ topic: t, brokerName: qd.brokerName, queueId })))
  queues.sort(byQueue)
  expect(queues).toHaveLength(4)
  return { t, queues }
}

interface Sent {
  msgId: string
  queue: MessageQueue
  offset: number
}

/** `perQueue` messages into each of `queues` (sent one queue at a time, so each queue's offsets follow send order). */
async function produceTo(queues: readonly MessageQueue[], perQueue: number, prefix: string): Promise<Sent[]> {
  const sent: Sent[] = []
  await Promise.all(
    queues.map(async (q) => {
      for (let i = 0; i < perQueue; i++) {
        const r = await suite.producer.send({ topic: q.topic, body: `${prefix}-${key(q)}-${i}`, keys: [`${prefix}-${i}`] }, { queue: q })
        expect(key(r.queue)).toBe(key(q))
        sent.push({ msgId: r.msgId, queue: q, offset: r.queueOffset })
      }
    }),
  )
  return sent
}

/**
 * Polls into `got` until `done()` holds; each poll waits at most 500 ms so the condition is re-checked often.
 * With `limit`, never takes more than `limit` messages in total (poll's max), so nothing beyond is marked consumed;
 * `max` caps each poll.
 */
async function pollUntil(
  c: PullConsumer,
  got: MessageView[],
  done: () => boolean,
  what: string,
  opts: { timeoutMs?: number; limit?: number; max?: number } = {},
): Promise<MessageView[]> {
  const deadline = Date.now() + (opts.timeoutMs ?? 30_000)
  while (!done()) {
    const remaining = deadline - Date.now()
    if (remaining <= 0) throw new Error(`timed out polling for ${what} (got ${got.length})`)
    const max = opts.limit === undefined ? opts.max : Math.min(opts.limit - got.length, opts.max ?? Infinity)
    if (max !== undefined && max <= 0) throw new Error(`polled ${got.length} messages and ${what} still does not hold`)
    got.push(...(await c.poll({ max, timeoutMs: Math.min(500, remaining) })))
  }
  return got
}

/** Polls `n` messages exactly (never more). */
function pollN(c: PullConsumer, n: number, what: string, timeoutMs?: number): Promise<MessageView[]> {
  const got: MessageView[] = []
  return pollUntil(c, got, () => got.length >= n, what, { limit: n, timeoutMs })
}

/** After a drain: nothing else arrives within a poll of `ms`. */
async function expectNothingMore(c: PullConsumer, ms = 1000): Promise<void> {
  const extra = await c.poll({ timeoutMs: ms })
  expect(extra.map((m) => `${key(m)}@${m.queueOffset}`)).toEqual([])
}

const ids = (ms: ReadonlyArray<{ msgId: string }>) => ms.map((m) => m.msgId).sort()

function offsetsByQueue(ms: readonly MessageView[]): Map<string, number[]> {
  const out = new Map<string, number[]>()
  for (const m of ms) {
    const list = out.get(key(m)) ?? []
    list.push(m.queueOffset)
    out.set(key(m), list)
  }
  return out
}

/** The RocketMQError `p` rejects with (fails the test, saying what happened instead, if it resolves or throws another error). */
async function typedError(p: Promise<unknown>, what: string): Promise<RocketMQError> {
  const outcome = await p.then(
    (value: unknown) => ({ resolved: value }),
    (error: unknown) => ({ error }),
  )
  const e = 'error' in outcome ? outcome.error : undefined
  const instead = 'error' in outcome ? `rejected with ${String(outcome.error)}` : `resolved with ${JSON.stringify(outcome.resolved)}`
  expect(e, `${what}: expected a RocketMQError, but the call ${instead}`).toBeInstanceOf(RocketMQError)
  return e as RocketMQError
}




/**
 * Register the group on the brokers once (start, own the topic's queues, close) before a test measures commits.
 * Seen on 5.5.0: the very first offset commit of a brand-new group is sometimes not kept by the broker (it answers
 * SUCCESS, yet neither master nor slave has the offset afterwards) — a redelivery, never a loss. Tracked as an open
 * finding; these tests measure our commits, not that broker race.
 */
async function registerGroup(group: string, t: string): Promise<void> {
  const c = new PullConsumer({ nameServer: suite.cluster.nameServer, group, subscriptions: { [t]: '*' }, consumeFrom: 'last' })
  await c.start()
  await waitUntil(() => c.assignment().filter((q) => q.topic === t).length === 4, 10_000, 'the group to own the topic')
  await c.close()
}

describe('subscribe and assign mode', () => {
  it('two members in subscribe mode split the queues and together read every message once', async () => {
    const { t } = await topic('PullSplit')
    const group = uniqueName('pull_split')
    const a = consumer({ group, subscriptions: { [t]: '*' }, consumeFrom: 'first' })
    const b = consumer({ group, subscriptions: { [t]: '*' }, consumeFrom: 'first' })
    await Promise.all([a.start(), b.start()])
    const mine = (c: PullConsumer) => c.assignment().filter((q) => q.topic === t)
    await waitUntil(() => mine(a).length === 2 && mine(b).length === 2, 20_000, '2/2 split')
    const qa = mine(a).map(key)
    const qb = mine(b).map(key)
    expect(new Set([...qa, ...qb]).size).toBe(4)

    const sent = await produce(suite.producer, t, 200)
    const ga: MessageView[] = []
    const gb: MessageView[] = []
    const all = () => ga.length + gb.length >= 200
    await Promise.all([pollUntil(a, ga, all, 'member a'), pollUntil(b, gb, all, 'member b')])
    expect(ga.length + gb.length).toBe(200)
    expect([...ids(ga), ...ids(gb)].sort()).toEqual([...sent].sort())
    expect(ga.length).toBeGreaterThan(0)
    expect(gb.length).toBeGreaterThan(0)
    // Each member read only the queues it owns.
    expect(ga.every((m) => qa.includes(key(m)) && m.topic === t)).toBe(true)
    expect(gb.every((m) => qb.includes(key(m)) && m.topic === t)).toBe(true)
    await Promise.all([expectNothingMore(a), expectNothingMore(b)])
    expect(mine(a).map(key)).toEqual(qa)
  })

  it('assign mode reads exactly the assigned queues; assign() again replaces the assignment', async () => {
    const { t, queues } = await topic('PullAssign')
    const sent = await produceTo(queues, 5, 'assign')
    const c = consumer({ group: uniqueName('pull_assign'), consumeFrom: 'first' })
    const chosen = [queues[0]!, queues[3]!] // broker-a/0 and broker-b/1
    await c.assign(chosen)
    await c.start()
    expect(c.assignment().map(key)).toEqual(chosen.map(key))
    const got = await pollN(c, 10, 'the 10 messages of the 2 assigned queues')
    expect(ids(got)).toEqual(ids(sent.filter((s) => chosen.some((q) => key(q) === key(s.queue)))))
    await expectNothingMore(c)

    await c.assign([queues[1]!])
    expect(c.assignment().map(key)).toEqual([key(queues[1]!)])
    const more = await pollN(c, 5, 'the 5 messages of broker-a/1')
    expect(ids(more)).toEqual(ids(sent.filter((s) => key(s.queue) === key(queues[1]!))))
    expect(more.map((m) => m.queueOffset)).toEqual([0, 1, 2, 3, 4])
    await expectNothingMore(c)
  })
})

describe('commit and restart', () => {
  it('commit(), close, start again: resumes right after the commit; commit(offsets) stores exactly those offsets', async () => {
    const { t, queues } = await topic('PullCommit')
    const group = uniqueName('pull_commit')
    await registerGroup(group, t) // commits 0 on every queue of the still empty topic
    const sent = await produce(suite.producer, t, 40)
    const opts = { group, subscriptions: { [t]: '*' }, consumeFrom: 'first' as const, autoCommit: false }
    const a = consumer(opts)
    await a.start()
    const first = await pollN(a, 20, 'the first 20')
    const committed = (await a.commit()).filter((o) => o.queue.topic === t)
    expect(committed).toHaveLength(4)
    expect(committed.reduce((s, o) => s + o.offset, 0)).toBe(20)
    // Per queue: one past the highest offset polled (queues start at 0 and poll hands out each queue in order).
    const polledPerQueue = offsetsByQueue(first)
    for (const o of committed) {
      const offs = polledPerQueue.get(key(o.queue)) ?? []
      expect(o.offset).toBe(offs.length)
      expect(offs).toEqual(Array.from({ length: offs.length }, (_, i) => i))
      expect(await a.committed(o.queue)).toBe(o.offset)
    }
    // commit(offsets): exactly what is given reaches the broker.
    const q0 = committed.find((o) => o.offset >= 2)!
    const explicit = await a.commit([{ queue: q0.queue, offset: q0.offset }])
    expect(explicit.map((o) => [key(o.queue), o.offset])).toEqual([[key(q0.queue), q0.offset]])
    await a.close()

    const b = consumer(opts)
    await b.start()
    for (const q of queues) expect(await b.committed(q)).toBe(committed.find((x) => key(x.queue) === key(q))!.offset)
    const second = await pollN(b, 20, 'the other 20')
    expect([...ids(first), ...ids(second)].sort()).toEqual([...sent].sort())
    // Every queue resumes exactly at its committed offset.
    for (const [k, offs] of offsetsByQueue(second)) expect(offs[0]).toBe(committed.find((o) => key(o.queue) === k)!.offset)
    await expectNothingMore(b)
  })

  it('with autoCommit off, close() stores the last commit: messages polled after it, and an explicit rewind, are read again', async () => {
    const { t } = await topic('PullManual')
    const group = uniqueName('pull_manual')
    const sent = await produce(suite.producer, t, 40)
    const opts = { group, subscriptions: { [t]: '*' }, consumeFrom: 'first' as const, autoCommit: false }
    const a = consumer(opts)
    await a.start()
    const first = await pollN(a, 20, 'the first 20')
    const committed = new Map((await a.commit()).filter((o) => o.queue.topic === t).map((o) => [key(o.queue), o] as const))
    expect([...committed.values()].reduce((s, o) => s + o.offset, 0)).toBe(20)
    // Polled but never committed: the application did not finish them.
    const uncommitted = await pollN(a, 10, '10 more, not committed')
    // Rewind one queue by two messages: the restart must read them again.
    const rewound = [...committed.values()].find((o) => o.offset >= 2)!
    await a.commit([{ queue: rewound.queue, offset: rewound.offset - 2 }])
    committed.set(key(rewound.queue), { queue: rewound.queue, offset: rewound.offset - 2 })
    expect(await a.committed(rewound.queue)).toBe(rewound.offset - 2)
    await a.close()

    const b = consumer(opts)
    await b.start()
    const stored = new Map<string, number>()
    for (const q of b.assignment().filter((x) => x.topic === t)) stored.set(key(q), await b.committed(q))
    expect(Object.fromEntries(stored), 'offsets on the broker after close() = those of the last commit() / commit(offsets)').toEqual(
      Object.fromEntries([...committed].map(([k, o]) => [k, o.offset])),
    )
    const expected = 40 - [...committed.values()].reduce((s, o) => s + o.offset, 0) // 22
    const second = await pollN(b, expected, `the ${expected} messages after the commit`)
    for (const m of uncommitted) expect(ids(second)).toContain(m.msgId)
    const firstIds = new Set(ids(first))
    const reread = second.filter((m) => firstIds.has(m.msgId))
    expect(reread.map((m) => `${key(m)}@${m.queueOffset}`).sort()).toEqual([`${key(rewound.queue)}@${rewound.offset - 2}`, `${key(rewound.queue)}@${rewound.offset - 1}`])
    expect(new Set([...ids(first), ...ids(second)])).toEqual(new Set(sent))
    await expectNothingMore(b)
  })

  it('without a manual commit: a SIGKILLed member resumes from its last auto-commit', async () => {
    const { t } = await topic('PullAuto')
    const group = uniqueName('pull_auto')
    await registerGroup(group, t) // commits 0 on every queue of the still empty topic (see registerGroup)
    const sent = await produce(suite.producer, t, 40)
    const script = fileURLToPath(new URL('./support/pull-member.mjs', import.meta.url))
    const child = fork(script, [suite.cluster.nameServer, group, t, '40', '20', '200'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc', 'pipe'] })
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
    type Report = { type: string; messages?: Array<{ msgId: string; brokerName: string; queueId: number; offset: number }>; lastCommit?: Record<string, number>; message?: string }
    const reports: Report[] = []
    let buf = ''
    ;(child.stdio[4] as Readable).on('data', (chunk: Buffer) => {
      buf += chunk.toString()
      let nl: number
      while ((nl = buf.indexOf('\n')) >= 0) {
        reports.push(JSON.parse(buf.slice(0, nl)) as Report)
        buf = buf.slice(nl + 1)
      }
    })
    try {
      const frozen = (await waitFor(() => reports.find((r) => r.type === 'frozen' || r.type === 'error'), { timeoutMs: 30_000, message: 'the child to poll, auto-commit and freeze' })) as Report
      expect(frozen.message).toBeUndefined()
      child.kill('SIGKILL')
      await exited
      const polled = reports.find((r) => r.type === 'polled')!.messages!
      const afterCommit = frozen.messages!
      expect(polled).toHaveLength(20)
      expect(afterCommit.length).toBeGreaterThan(0) // polled after the last auto-commit, then killed
      const lastCommit = frozen.lastCommit!
      expect(Object.values(lastCommit).reduce((s, x) => s + x, 0)).toBe(20)

      const b = consumer({ group, subscriptions: { [t]: '*' }, consumeFrom: 'first', autoCommit: false })
      await b.start()
      for (const q of b.assignment().filter((x) => x.topic === t)) expect(await b.committed(q)).toBe(lastCommit[key(q)])
      const second = await pollN(b, 20, 'the 20 after the auto-commit')
      // Resumed at the auto-commit: none of the 20 before it again, and the messages polled after it are read again.
      const polledIds = new Set(polled.map((p) => p.msgId))
      expect(ids(second)).toEqual(sent.filter((id) => !polledIds.has(id)).sort())
      for (const m of afterCommit) expect(ids(second)).toContain(m.msgId)
      for (const [k, offs] of offsetsByQueue(second)) expect(offs[0]).toBe(lastCommit[k])
      await expectNothingMore(b)
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
      await exited
    }
  })
})

describe('seek', () => {
  it('seek to an earlier offset re-reads those messages; seekToBeginning re-reads the queue', async () => {
    const { queues } = await topic('PullSeek')
    const sent = await produceTo(queues, 5, 'seek')
    const c = consumer({ group: uniqueName('pull_seek'), consumeFrom: 'first' })
    await c.assign(queues)
    await c.start()
    const first = await pollN(c, 20, 'all 20')
    expect(ids(first)).toEqual(ids(sent))
    const [, q1, q2] = queues as [MessageQueue, MessageQueue, MessageQueue]
    await c.seek(q1, 2)
    const again = await pollN(c, 3, 'offsets 2..4 of the first queue again')
    expect(again.map((m) => [key(m), m.queueOffset])).toEqual([2, 3, 4].map((o) => [key(q1), o]))
    expect(again.map((m) => m.msgId)).toEqual([2, 3, 4].map((o) => first.find((m) => key(m) === key(q1) && m.queueOffset === o)!.msgId))
    await expectNothingMore(c)
    await c.seekToBeginning(q2)
    const whole = await pollN(c, 5, 'the second queue from its beginning')
    expect(whole.map((m) => [key(m), m.queueOffset])).toEqual([0, 1, 2, 3, 4].map((o) => [key(q2), o]))
    await expectNothingMore(c)
  })

  it('seek by timestamp lands on the first message stored at or after it', async () => {
    const { queues } = await topic('PullSeekTime')
    const c = consumer({ group: uniqueName('pull_seekts'), consumeFrom: 'first' })
    await c.assign(queues)
    await c.start()
    const batch1 = await produceTo(queues, 5, 'before')
    const read1 = await pollN(c, 20, 'batch 1')
    // The boundary comes from the broker's clock: 1 ms after the last store time of batch 1.
    const ts = Math.max(...read1.map((m) => m.storeTimestamp)) + 1
    // The broker runs on this machine: once the local clock reaches ts, every later store time is >= ts.
    await waitUntil(() => Date.now() >= ts, 5_000, 'the clock to pass the boundary')
    const batch2 = await produceTo(queues, 5, 'after')
    const read2 = await pollN(c, 20, 'batch 2')
    expect(ids(read1)).toEqual(ids(batch1))
    expect(ids(read2)).toEqual(ids(batch2))
    expect(read2.every((m) => m.storeTimestamp >= ts)).toBe(true)

    const stored = new Map([...read1, ...read2].map((m) => [`${key(m)}@${m.queueOffset}`, m.storeTimestamp]))
    for (const q of queues) {
      const off = await c.offsetForTimestamp(q, ts)
      expect(off).toBe(5) // first offset of batch 2 in every queue
      expect(await c.offsetForTimestamp(q, new Date(ts))).toBe(5)
      // An exact store time inside batch 2: the first message at or after it (earlier ones with the same ms count).
      const exact = stored.get(`${key(q)}@7`)!
      const o = await c.offsetForTimestamp(q, exact)
      expect(stored.get(`${key(q)}@${o}`)!).toBeGreaterThanOrEqual(exact)
      expect(stored.get(`${key(q)}@${o - 1}`)!).toBeLessThan(exact)
      await c.seek(q, off)
    }
    const replay = await pollN(c, 20, 'batch 2 again after the seek')
    expect(ids(replay)).toEqual(ids(batch2))
    await expectNothingMore(c)
  })

  it('seekToEnd skips the backlog, including what the readers already cached', async () => {
    const { queues } = await topic('PullSeekEnd')
    const backlog = await produceTo(queues, 5, 'old')
    const c = consumer({ group: uniqueName('pull_seekend'), consumeFrom: 'first' })
    let fetched = 0
    c.on('pull.completed', (p) => void (fetched += p.messages))
    await c.assign(queues)
    await c.start()
    await waitUntil(() => fetched >= 20, 10_000, 'the readers to cache the backlog')
    for (const q of queues) await c.seekToEnd(q)
    const fresh = await produceTo(queues, 2, 'new')
    const got = await pollN(c, 8, 'the 8 new messages')
    expect(ids(got)).toEqual(ids(fresh))
    expect(got.every((m) => m.queueOffset >= 5)).toBe(true)
    expect(got.some((m) => backlog.some((b) => b.msgId === m.msgId))).toBe(false)
    await expectNothingMore(c)
  })
})

describe('pause and resume', () => {
  it('pause stops delivery of that queue only; resume restarts it where it stopped', async () => {
    const { queues } = await topic('PullPause')
    const [q0, q1] = queues as [MessageQueue, MessageQueue]
    const sent = await produceTo(queues, 10, 'p')
    const c = consumer({ group: uniqueName('pull_pause'), consumeFrom: 'first', pullBatchSize: 4 })
    await c.assign(queues)
    await c.start()
    const got: MessageView[] = []
    const fromQ = (q: MessageQueue) => got.filter((m) => key(m) === key(q))
    await pollUntil(c, got, () => fromQ(q0).length > 0, 'a message of the first queue', { max: 2 })
    const stoppedAt = fromQ(q0).length
    expect(stoppedAt).toBeLessThan(10)
    c.pause([q0])
    expect(c.paused().map(key)).toEqual([key(q0)])

    // Everything else, including messages sent to another queue while q0 is paused; nothing of q0.
    const later = await produceTo([q0, q1], 5, 'later')
    const othersTotal = 30 + 5
    const others = () => got.filter((m) => key(m) !== key(q0)).length
    await pollUntil(c, got, () => others() >= othersTotal, 'the other queues')
    expect(others()).toBe(othersTotal)
    expect(fromQ(q0).length).toBe(stoppedAt)
    await expectNothingMore(c) // only q0 has messages left, and it is paused

    c.resume([q0])
    expect(c.paused()).toEqual([])
    await pollUntil(c, got, () => fromQ(q0).length >= 15, 'the rest of the first queue')
    // Continuous: offsets 0..14 of q0 exactly once, in order.
    expect(fromQ(q0).map((m) => m.queueOffset)).toEqual(Array.from({ length: 15 }, (_, i) => i))
    expect(ids(got)).toEqual(ids([...sent, ...later]))
    await expectNothingMore(c)
  })
})

describe('iteration', () => {
  it('iteration ended by an AbortSignal ends cleanly with nothing lost', async () => {
    const { t } = await topic('PullIter')
    const group = uniqueName('pull_iter')
    const sent = await produce(suite.producer, t, 60)
    const opts = { group, subscriptions: { [t]: '*' }, consumeFrom: 'first' as const }
    const c = consumer(opts)
    await c.start()

    // Abort in the middle of a stream of messages: the loop ends after the current message, without throwing.
    const first: MessageView[] = []
    const ac1 = new AbortController()
    for await (const m of c.messages({ signal: ac1.signal })) {
      first.push(m)
      if (first.length === 25) ac1.abort()
    }
    expect(first).toHaveLength(25)

    // Batches go on where messages() stopped; an abort while the iterator waits for new messages ends it (promptly:
    // without any time passing, shown with fake timers in packages/client/test/consumer/pull-rules.test.ts).
    const rest: MessageView[] = []
    const ac2 = new AbortController()
    const sizes: number[] = []
    const loop = (async () => {
      for await (const batch of c.batches({ max: 7, signal: ac2.signal })) {
        sizes.push(batch.length)
        rest.push(...batch)
      }
    })()
    await waitUntil(() => rest.length >= 35, 20_000, 'the other 35')
    ac2.abort()
    await loop
    expect(Math.max(...sizes)).toBeLessThanOrEqual(7)
    expect(rest).toHaveLength(35)
    expect([...ids(first), ...ids(rest)].sort()).toEqual([...sent].sort())

    // `for await (const m of consumer)` ends when the consumer closes; the close commits everything read.
    const tail = produce(suite.producer, t, 5, { prefix: 'tail' })
    const byIterator: MessageView[] = []
    let closing: ReturnType<PullConsumer['close']> | undefined
    for await (const m of c) {
      byIterator.push(m)
      if (byIterator.length === 5) closing = c.close()
    }
    expect(ids(byIterator)).toEqual([...(await tail)].sort())
    const { committed } = (await closing)!
    expect(committed.filter((o) => o.queue.topic === t).reduce((s, o) => s + o.offset, 0)).toBe(65)

    // Nothing lost: a new member of the group finds nothing that was not read before. (That it finds nothing at all,
    // as close() reported, is the 'close() reports what the broker keeps' test below.)
    const d = consumer(opts)
    await d.start()
    const seen = new Set([...ids(first), ...ids(rest), ...ids(byIterator)])
    const left = await d.poll({ timeoutMs: 1500 })
    expect(left.filter((m) => !seen.has(m.msgId))).toEqual([])
    expect(seen.size).toBe(65)
    if (left.length > 0) console.info(`[iteration] ${left.length} message(s) read again after close: ${left.map((m) => `${key(m)}@${m.queueOffset}`).join(', ')}`)
  })
})

describe('what close() reports', () => {
  // A race, so the test repeats it: each round a new member reads one fresh message per queue, commits and closes;
  // the broker must then hold exactly the offsets close() returned, and the next round must read only new messages.
  it('the offsets close() reports committed are the ones the broker keeps (40 rounds)', async () => {
    const { t, queues } = await topic('PullCloseRace')
    const group = uniqueName('pull_closerace')
    await registerGroup(group, t)
    const remoting = new RemotingClient()
    const problems: string[] = []
    try {
      for (let round = 0; round < 40; round++) {
        // Auto-commit (its timer never fires here): close() commits what was polled.
        const c = consumer({ group, subscriptions: { [t]: '*' }, consumeFrom: 'first', autoCommitIntervalMs: 600_000 })
        await c.start()
        const fresh = new Set(ids(await produceTo(queues, 1, `r${round}`)))
        const got: MessageView[] = []
        await pollUntil(c, got, () => [...fresh].every((id) => got.some((m) => m.msgId === id)), `round ${round}'s 4 messages`, { timeoutMs: 15_000 })
        const old = got.filter((m) => !fresh.has(m.msgId))
        if (old.length > 0) problems.push(`round ${round} read again ${old.map((m) => `${key(m)}@${m.queueOffset}`).join(', ')}`)
        const closed = await c.close()
        expect(closed.drained).toBe(0)
        const reported = closed.committed.filter((o) => o.queue.topic === t)
        expect(reported).toHaveLength(4)
        for (const o of reported) {
          const onBroker = await queryConsumerOffset(remoting, suite.cluster.brokers[o.queue.brokerName as 'broker-a' | 'broker-b'].master, group, o.queue)
          if (onBroker !== o.offset) {
            const slave = suite.cluster.brokers[o.queue.brokerName as 'broker-a' | 'broker-b'].slave
            const onSlave = slave ? await queryConsumerOffset(remoting, slave, group, o.queue).catch((e: unknown) => String(e)) : 'n/a'
            problems.push(`round ${round}: close() reported ${key(o.queue)}=${o.offset}, the master holds ${onBroker}, the slave ${onSlave}`)
          }
        }
      }
    } finally {
      await remoting.close()
    }
    expect(problems).toEqual([])
  })
})

describe('typed errors', () => {
  it('poll or seek before start, a seek outside the range or of a queue not owned, poll after close', async () => {
    const { t, queues } = await topic('PullErrors')
    await produceTo(queues, 3, 'e')
    const c = consumer({ group: uniqueName('pull_err'), subscriptions: { [t]: '*' }, consumeFrom: 'first' })
    const notStarted = await typedError(c.poll({ timeoutMs: 0 }), 'poll() before start()')
    expect(notStarted.code).toBe('ERR_NOT_STARTED')
    expect(notStarted.message).toMatch(/start\(\)/)
    expect((await typedError(c.seek(queues[0]!, 0), 'seek() before start()')).code).toBe('ERR_NOT_STARTED')
    expect((await typedError(c.assign([queues[0]!]), 'assign() in subscribe mode')).code).toBe('ERR_INVALID_OPTION')

    await c.start()
    await waitUntil(() => c.assignment().filter((q) => q.topic === t).length === 4, 10_000, 'all 4 queues')
    const q = queues[2]!
    const above = await typedError(c.seek(q, 4), 'seek above max')
    expect(above.code).toBe('ERR_OFFSET_OUT_OF_RANGE')
    expect(above.context).toMatchObject({ topic: t, broker: q.brokerName, queueId: q.queueId, min: 0, max: 3, offset: 4 })
    expect(above.message).toContain('[0, 3]')
    expect((await typedError(c.seek(q, -1), 'seek below min')).code).toBe('ERR_OFFSET_OUT_OF_RANGE')
    expect((await typedError(c.seek(q, 1.5), 'seek to a fraction')).code).toBe('ERR_OFFSET_OUT_OF_RANGE')
    const notOwned = await typedError(c.seek({ topic: t, brokerName: q.brokerName, queueId: 57 }, 0), 'seek of a queue not owned')
    expect(notOwned.code).toBe('ERR_NOT_ASSIGNED')
    // The failed seeks changed nothing: the queue is still read from its start.
    const got = await pollN(c, 12, 'all 12')
    expect(got.filter((m) => key(m) === key(q)).map((m) => m.queueOffset)).toEqual([0, 1, 2])
    // The bounds are inclusive: seeking to max (the next offset to be written) is allowed.
    await c.seek(q, 3)

    const closed = await c.close()
    expect((await typedError(c.poll({ timeoutMs: 0 }), 'poll() after close()')).code).toBe('ERR_CLOSED')
    expect((await typedError(c.start(), 'start() after close()')).code).toBe('ERR_CLOSED')
    expect(await c.close()).toBe(closed) // idempotent
  })

  it('iterating before start() fails with ERR_NOT_STARTED instead of ending silently', async () => {
    const { t } = await topic('PullIterEarly')
    const c = consumer({ group: uniqueName('pull_early'), subscriptions: { [t]: '*' } })
    const e = await typedError(c.messages().next(), 'messages().next() before start()')
    expect(e.code).toBe('ERR_NOT_STARTED')
    expect((await typedError(c[Symbol.asyncIterator]().next(), 'for await (const m of consumer) before start()')).code).toBe('ERR_NOT_STARTED')
    expect((await typedError(c.batches().next(), 'batches().next() before start()')).code).toBe('ERR_NOT_STARTED')
  })
})

describe('backpressure', () => {
  it('without polling, the readers stop at maxCachedMessages / pullThresholdForQueue and refill only as messages are taken', async () => {
    const { queues } = await topic('PullBackpressure')
    const sent = await produceTo(queues, 50, 'bp')
    const limits = { pullBatchSize: 4, pullThresholdForQueue: 6, maxCachedMessages: 12 }
    const c = consumer({ group: uniqueName('pull_bp'), consumeFrom: 'first', ...limits })
    const fetchedPerQueue = new Map<string, number>()
    let lastPullAt = Date.now()
    let pulls = 0
    c.on('pull.completed', (p) => {
      pulls++
      lastPullAt = Date.now()
      fetchedPerQueue.set(key(p.queue), (fetchedPerQueue.get(key(p.queue)) ?? 0) + p.messages)
    })
    const fetched = () => [...fetchedPerQueue.values()].reduce((s, x) => s + x, 0)
    // Quiet: no pull answered for 500 ms. With 200 messages waiting, a reader that ignored the limits would get
    // FOUND answers back to back, so quiet means every reader is held by a limit.
    const quiet = () => waitUntil(() => Date.now() - lastPullAt > 500, 15_000, 'the readers to stop')
    await c.assign(queues)
    await c.start()
    await waitUntil(() => fetched() >= limits.maxCachedMessages, 10_000, 'the cache to fill')
    await quiet()

    // Bounds: a reader pulls while its queue holds <= pullThresholdForQueue and the total < maxCachedMessages; each
    // answer adds at most pullBatchSize, and at most one pull per queue is in flight.
    const bound = limits.maxCachedMessages - 1 + queues.length * limits.pullBatchSize
    const round1 = fetched()
    expect(round1).toBeGreaterThanOrEqual(limits.maxCachedMessages)
    expect(round1).toBeLessThanOrEqual(bound)
    for (const n of fetchedPerQueue.values()) expect(n).toBeLessThanOrEqual(limits.pullThresholdForQueue + limits.pullBatchSize)

    // The cache holds exactly what was fetched: one poll (synchronous take) hands all of it out.
    const cached = await c.poll({ max: 1000, timeoutMs: 0 })
    expect(cached).toHaveLength(round1)
    // Taking frees room: the readers refill to the limit again, and stop again.
    await waitUntil(() => fetched() >= round1 + limits.maxCachedMessages, 10_000, 'the refill')
    await quiet()
    const round2 = fetched() - round1
    expect(round2).toBeLessThanOrEqual(bound)
    const pullsBefore = pulls

    // Drain everything: nothing is lost under backpressure, each message once.
    const got: MessageView[] = [...cached]
    await pollUntil(c, got, () => got.length >= 200, 'all 200')
    expect(ids(got)).toEqual(ids(sent))
    expect(pulls).toBeGreaterThan(pullsBefore)
    console.info(`[backpressure] fetched ${round1} then ${round2} while idle (limit ${limits.maxCachedMessages}, bound ${bound}); ${pulls} pulls for 200`)
  })
})
