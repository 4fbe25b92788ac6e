/**
 * Resilience on the real cluster: the producer fails over when broker-b's master dies, push flow control bounds the
 * client cache (per queue and per topic), and a consumer group rides out a NameServer restart.
 * Tests that stop something restore the cluster in `finally` (broker-b-0 restarted; the NameServer restart is awaited).
 */
import { describe, expect, it } from 'vitest'
import { Producer, PushConsumer, RocketMQError, type Logger, type MessageQueue, type MessageView, type PushConsumerOptions, type RebalanceEvent, type SendResult } from '@rocketmq-ts/client'
import { uniqueName, waitFor, waitUntil } from './helpers.js'
import { Collector, consumerSuite, produce } from './support/consumers.js'

const suite = consumerSuite()

function consumer(opts: PushConsumerOptions): PushConsumer {
  return suite.track(new PushConsumer({ rebalanceIntervalMs: 2000, ...opts }))
}

/** A topic with 2 queues on each master (4 in all). */
async function topic(prefix: string): Promise<string> {
  const t = uniqueName(prefix)
  await suite.cluster.createTopic(t, { queuesPerBroker: 2 })
  return t
}

const key = (q: MessageQueue): string => `${q.brokerName}/${q.queueId}`

interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error'
  obj: Record<string, unknown>
  msg: string | undefined
}

/** A pino-shaped logger that keeps every line (to see which attempts a send made). */
function captureLogger(lines: LogLine[]): Logger {
  const at =
    (level: LogLine['level']) =>
    (obj: object, msg?: string): void =>
      void lines.push({ level, obj: obj as Record<string, unknown>, msg })
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') }
}

/** A promise handlers can wait on, opened once by the test. */
function gate(): { wait: Promise<void>; open: () => void } {
  let open!: () => void
  const wait = new Promise<void>((resolve) => (open = resolve))
  return { wait, open }
}

describe('producer failover', () => {
  it("broker-b's master killed: every send to a 4-queue topic lands on broker-a; a broker-b-only topic fails fast with a typed error", async () => {
    const cluster = suite.cluster
    const t = await topic('TopicFailover')
    const onlyB = uniqueName('TopicOnlyB')
    await cluster.createTopic(onlyB, { brokers: ['broker-b'], queuesPerBroker: 2 })
    const log: LogLine[] = []
    // This producer caches the route of `t` (both masters) but never connects to broker-b, so no disconnect tells it
    // broker-b-0 died: its round robin must hit the dead master and the retry must move the send to broker-a.
    const stale = new Producer({ nameServer: cluster.nameServer, logger: captureLogger(log), pollNameServerIntervalMs: 600_000, heartbeatIntervalMs: 600_000 })
    const bProducer = new Producer({ nameServer: cluster.nameServer })
    let killed = false
    try {
      const warm = await stale.send({ topic: t, body: 'warm-up' }, { queue: { topic: t, brokerName: 'broker-a', queueId: 0 } })
      expect(warm.queue.brokerName).toBe('broker-a')
      const warmB = await bProducer.send({ topic: onlyB, body: 'warm-up' })
      expect(warmB.queue.brokerName).toBe('broker-b')

      await cluster.killBroker('broker-b-0')
      killed = true
      const killedAt = Date.now()

      const results: SendResult[] = []
      const durations: number[] = []
      for (let i = 0; i < 12; i++) {
        const started = Date.now()
        results.push(await stale.send({ topic: t, body: `failover-${i}`, keys: [`failover-${i}`] }))
        durations.push(Date.now() - started)
      }
      expect(results.map((r) => r.status)).toEqual(Array(12).fill('SEND_OK'))
      expect(results.every((r) => r.queue.brokerName === 'broker-a')).toBe(true)
      expect(new Set(results.map((r) => r.queue.queueId))).toEqual(new Set([0, 1]))
      // The retry path really ran: at least one attempt went to the dead broker-b and failed with a retriable error.
      const failed = log.filter((l) => l.msg === 'send failed')
      expect(failed.length).toBeGreaterThan(0)
      expect(failed.every((l) => l.obj['broker'] === 'broker-b')).toBe(true)
      expect(failed.every((l) => l.obj['err'] instanceof RocketMQError && l.obj['err'].retriable)).toBe(true)
      // Each retry fit in its send's deadline: a send past sendTimeoutMs rejects, and all 12 were SEND_OK.

      // A topic whose only master is down: a typed error, well within sendTimeoutMs.
      const started = Date.now()
      const err = await bProducer.send({ topic: onlyB, body: 'nowhere to go' }).then(
        () => undefined,
        (e: unknown) => e,
      )
      const elapsed = Date.now() - started
      expect(err).toBeInstanceOf(RocketMQError)
      const e = err as RocketMQError
      expect(e.context.topic).toBe(onlyB)
      expect(['ERR_NO_ROUTE', 'ERR_TOPIC_NOT_FOUND', 'ERR_BROKER_NOT_FOUND', 'ERR_CONNECTION', 'ERR_SEND_FAILED']).toContain(e.code)
      console.info(
        `[failover] ${failed.length} attempt(s) on dead broker-b retried on broker-a; slowest send ${Math.max(...durations)} ms ` +
          `(first send ${Date.now() - killedAt} ms after the kill); broker-b-only topic: ${e.code} in ${elapsed} ms: ${e.message}`,
      )
    } finally {
      await stale.close()
      await bProducer.close()
      if (killed) {
        const restartAt = Date.now()
        await cluster.restartBroker('broker-b-0')
        console.info(`[failover] broker-b-0 restarted in ${Date.now() - restartAt} ms`)
      }
    }
  })
})

describe('push flow control', () => {
  interface FlowRun {
    seen: Collector
    ids: string[]
    /** Largest cached count of one queue seen at any pull (pulled minus handled). */
    maxQueue: number
    /** Largest cached count over the topic's queues. */
    maxTopic: number
    /** Cached count per queue once every queue stopped pulling, with the gate still closed. */
    steady: Map<string, number>
    flow: Array<{ queue: MessageQueue; cachedCount: number }>
  }

  /**
   * 200 messages backlog; one handler at a time, blocked on a gate until every queue is flow-controlled
   * (`stopped(cachedCount)` holds for all 4), then opened.
   */
  async function gatedRun(prefix: string, opts: Partial<PushConsumerOptions>, stopped: (cached: number) => boolean): Promise<FlowRun> {
    const t = await topic(prefix)
    const ids = await produce(suite.producer, t, 200)
    const g = gate()
    const seen = new Collector()
    const pulled = new Map<string, number>()
    const handled = new Map<string, number>()
    const cached = (k: string): number => (pulled.get(k) ?? 0) - (handled.get(k) ?? 0)
    const run: FlowRun = { seen, ids, maxQueue: 0, maxTopic: 0, steady: new Map(), flow: [] }
    const c = consumer({
      nameServer: suite.cluster.nameServer,
      group: uniqueName(`${prefix}_g`),
      subscriptions: { [t]: '*' },
      consumeFrom: 'first',
      pullBatchSize: 5,
      concurrency: 1,
      ...opts,
      handler: async (m: MessageView) => {
        await g.wait
        // Counted when the handler finishes: the consumer drops the message from its cache in the same tick.
        handled.set(key(m.queue), (handled.get(key(m.queue)) ?? 0) + 1)
        seen.add(m)
      },
    })
    // A pull event comes before its messages are cached: pulled - handled is the queue's cache right after it.
    c.on('pull.completed', (p) => {
      if (p.queue.topic !== t) return
      const k = key(p.queue)
      pulled.set(k, (pulled.get(k) ?? 0) + p.messages)
      run.maxQueue = Math.max(run.maxQueue, cached(k))
      let total = 0
      for (const q of pulled.keys()) total += cached(q)
      run.maxTopic = Math.max(run.maxTopic, total)
    })
    c.on('pull.throttled', (f) => {
      if (f.queue.topic === t) run.flow.push({ queue: f.queue, cachedCount: f.cachedCount })
    })
    await c.start()
    expect(c.assignment().filter((q) => q.topic === t)).toHaveLength(4)
    await waitUntil(() => run.flow.length > 0, 30_000, 'a flow.control event')
    await waitUntil(() => pulled.size === 4 && [...pulled.keys()].every((k) => stopped(cached(k))), 30_000, 'every queue to reach its limit')
    for (const k of pulled.keys()) run.steady.set(k, cached(k))
    expect(seen.unique).toBe(0)
    g.open()
    await seen.until(() => seen.unique === 200, 60_000, 'all 200 messages after the gate opened')
    return run
  }

  it('pullThresholdForQueue 10, pullBatchSize 5: flow.control fires, a queue never caches more than 15, all 200 consumed once', async () => {
    const run = await gatedRun('TopicFlowQueue', { pullThresholdForQueue: 10 }, (n) => n > 10)
    expect(run.flow[0]!.cachedCount).toBeGreaterThan(10)
    expect(run.flow[0]!.cachedCount).toBeLessThanOrEqual(15)
    // With the handler blocked, each queue stopped after its limit: 60 of the 200 pulled, not the whole backlog.
    for (const n of run.steady.values()) expect(n).toBeGreaterThan(10)
    expect([...run.steady.values()].reduce((s, n) => s + n, 0)).toBeLessThanOrEqual(60)
    expect(run.maxQueue).toBeLessThanOrEqual(10 + 5)
    expect(run.seen.duplicates).toBe(0)
    expect(run.seen.missing(run.ids)).toEqual([])
    console.info(`[flow control / queue] steady cache per queue ${JSON.stringify(Object.fromEntries(run.steady))}; max ${run.maxQueue}; flow.control events ${run.flow.length}`)
  })

  it('pullThresholdForTopic 20 over 4 queues (5 each): the topic never caches more than 20 + 4 x 5, all 200 consumed once', async () => {
    const run = await gatedRun('TopicFlowTopic', { pullThresholdForTopic: 20 }, (n) => n > 5)
    expect(run.flow[0]!.cachedCount).toBeGreaterThan(5)
    expect(run.flow[0]!.cachedCount).toBeLessThanOrEqual(10)
    for (const n of run.steady.values()) expect(n).toBeGreaterThan(5)
    expect(run.maxQueue).toBeLessThanOrEqual(5 + 5)
    expect(run.maxTopic).toBeLessThanOrEqual(20 + 4 * 5)
    expect(run.seen.duplicates).toBe(0)
    expect(run.seen.missing(run.ids)).toEqual([])
    console.info(`[flow control / topic] steady cache per queue ${JSON.stringify(Object.fromEntries(run.steady))}; max queue ${run.maxQueue}, max topic ${run.maxTopic}`)
  })
})

describe('NameServer restart', () => {
  it('a running member keeps consuming before, during and after the restart; a member started afterwards joins and the queues rebalance', async () => {
    const cluster = suite.cluster
    const t = await topic('TopicNsRestart')
    const group = uniqueName('nsrestart')
    const seen = new Collector()
    const byMember = new Map<string, Set<string>>()
    const rebalances: Array<{ member: string; at: number; ev: RebalanceEvent }> = []
    const mk = (name: string): PushConsumer => {
      const c = consumer({
        nameServer: cluster.nameServer,
        group,
        subscriptions: { [t]: '*' },
        consumeFrom: 'first',
        // Routes are re-read every 2 s (30 s by default) so a route seen half-registered is corrected quickly.
        pollNameServerIntervalMs: 2000,
        handler: (m: MessageView) => {
          seen.add(m)
          if (!byMember.has(name)) byMember.set(name, new Set())
          byMember.get(name)!.add(m.msgId)
        },
      })
      c.on('rebalance.completed', (ev) => rebalances.push({ member: name, at: Date.now(), ev }))
      return c
    }
    const a = mk('a')
    await a.start()
    expect(a.assignment().filter((q) => q.topic === t)).toHaveLength(4)
    const before = await produce(suite.producer, t, 50, { prefix: 'before' })
    await seen.until(() => seen.missing(before).length === 0, 30_000, 'the messages sent before the restart')

    const nsDown = async (): Promise<boolean> => {
      try {
        await cluster.route(t)
        return false
      } catch {
        return true
      }
    }
    let restartDone = false
    let restartError: unknown
    const restartAt = Date.now()
    const restart = cluster.restartNameServer().then(
      () => void (restartDone = true),
      (e: unknown) => {
        restartDone = true
        restartError = e
      },
    )
    const sent: Record<string, string[]> = {}
    let routeWhenBack = ''
    try {
      // 1. While the NameServer is down (the producer and the consumer work from their cached routes).
      await waitFor(nsDown, { timeoutMs: 30_000, intervalMs: 50, message: 'the NameServer to go down' })
      const downAt = Date.now()
      sent['down'] = await produce(suite.producer, t, 20, { prefix: 'down' })
      await seen.until(() => seen.missing(sent['down']!).length === 0, 30_000, 'the messages sent while the NameServer was down')
      // 2. The new NameServer answers, before (or while) the brokers re-register.
      await waitFor(async () => !(await nsDown()), { timeoutMs: 60_000, intervalMs: 50, message: 'the NameServer to answer again' })
      const r = await cluster.route(t).catch(() => null)
      routeWhenBack = r === null ? 'no route yet' : `route with ${r.brokerDatas.map((b) => b.brokerName).join(', ')}`
      routeWhenBack += ` (${Date.now() - downAt} ms after it went down)`
      sent['back'] = await produce(suite.producer, t, 20, { prefix: 'back' })
      await seen.until(() => seen.missing(sent['back']!).length === 0, 60_000, 'the messages sent while the brokers re-registered')
    } finally {
      await restart
    }
    if (restartError !== undefined) throw restartError
    expect(restartDone).toBe(true)
    const restartMs = Date.now() - restartAt

    // 3. After the restart, with every broker registered again.
    sent['after'] = await produce(suite.producer, t, 50, { prefix: 'after' })
    await seen.until(() => seen.missing(sent['after']!).length === 0, 60_000, 'the messages sent after the restart')
    // The member converges back to all 4 queues (a half-registered route may have taken broker-b's away for a while).
    await waitUntil(() => a.assignment().filter((q) => q.topic === t).length === 4, 30_000, 'member a to own all 4 queues again')

    // 4. A member started after the restart joins; the group splits 2/2 with no overlap.
    const b = mk('b')
    const joinedAt = Date.now()
    await b.start()
    const split = (): string[] => [a, b].flatMap((c) => c.assignment().filter((q) => q.topic === t).map(key))
    await waitUntil(
      () => a.assignment().filter((q) => q.topic === t).length === 2 && b.assignment().filter((q) => q.topic === t).length === 2 && new Set(split()).size === 4,
      30_000,
      '2/2 split after b joined',
    )
    const joinMs = Date.now() - joinedAt
    // 25 to each of the 4 queues: whether both members consume must not hang on the shared producer's route, which may
    // still lack a broker that re-registered late (it refreshes every 30 s; the test is about the consumers).
    const owned = [a, b].flatMap((c) => c.assignment().filter((q) => q.topic === t))
    const more: string[] = []
    for (const [i, queue] of owned.entries()) {
      for (let j = 0; j < 25; j++) more.push((await suite.producer.send({ topic: t, body: `joined-${i}-${j}`, keys: [`joined-${i}-${j}`], tags: 'T' }, { queue })).msgId)
    }
    await seen.until(() => seen.missing(more).length === 0, 30_000, 'the messages sent after b joined')
    expect(byMember.get('b')?.size ?? 0).toBeGreaterThan(0)
    expect(more.filter((id) => byMember.get('a')?.has(id)).length).toBeGreaterThan(0)

    const all = [...before, ...sent['down']!, ...sent['back']!, ...sent['after']!, ...more]
    expect(seen.missing(all)).toEqual([])
    const aChanges = rebalances.filter((x) => x.member === 'a' && x.at > restartAt && x.at < joinedAt)
    console.info(
      `[nameserver restart] restart ${restartMs} ms; when it answered again: ${routeWhenBack}; ` +
        `member a rebalanced ${aChanges.length} time(s) during/after it (${aChanges.map((x) => `+${x.ev.added.filter((q) => q.topic === t).map(key).join(',')}/-${x.ev.removed.filter((q) => q.topic === t).map(key).join(',')}=>${x.ev.assignment.filter((q) => q.topic === t).length} at +${x.at - restartAt}ms`).join(' ')}); ` +
        `b joined and the group split 2/2 in ${joinMs} ms; ${all.length} messages, duplicates ${seen.duplicates}`,
    )
  })
})
