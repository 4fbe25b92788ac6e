/**
 * Ordered consumption when a master dies, beside the Java MessageListenerOrderly on the same topic in the same run.
 *
 * The Java rules (RebalanceImpl.lock/lockAll, ProcessQueue, ConsumeMessageOrderlyService): queue locks live on the
 * master only (the lock request goes to the master, never to a slave); a lock is good for 30 s after its last grant on
 * the client; an ordered queue is consumed only while its lock is good. So when broker-a's master dies, its queues go
 * on (from the slave and the cache) until their locks run out, then pause until the master is back and grants them
 * again; broker-b's queues never stop; order per key holds throughout. Ours follows the same rules: `lock.lost`
 * ('expired') at most 30 s after the last grant, nothing of those queues is handled until `lock.acquired` again.
 *
 * This file stops and restarts broker-a's master, so it restores the cluster before it ends.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PushConsumer, type MessageView } from '@rocketmq-ts/client'
import { RemotingClient } from '../../packages/client/src/remoting/remoting-client.js'
import { getMaxOffset } from '../../packages/client/src/cluster/broker-api.js'
import { uniqueName, waitFor, waitUntil } from './helpers.js'
import { consumerSuite } from './support/consumers.js'
import { Timeline, checkKeyOrder, ensureJavaMembers, overlaps, startJavaOrderlyMember, type HandlerRecord, type JavaMember } from './support/orderly.js'

const suite = consumerSuite()
let remoting: RemotingClient

const ORDERS = 200
const STEPS = 8
const HANDLER_MS = 150
/** Client-side lock validity (Java REBALANCE_LOCK_MAX_LIVE_TIME), plus one handler run and the 1 s expiry check. */
const PAUSE_BOUND_MS = 30_000 + HANDLER_MS + 1500

beforeAll(() => {
  remoting = new RemotingClient()
})

afterAll(async () => {
  await remoting.close()
})

/** Until broker-a's slave has every message its master has, for the topic's broker-a queues. */
async function replicated(topic: string): Promise<void> {
  const { master, slave } = suite.cluster.brokers['broker-a']
  await waitFor(
    async () => {
      for (const queueId of [0, 1]) {
        const mq = { topic, brokerName: 'broker-a', queueId }
        const [m, s] = await Promise.all([getMaxOffset(remoting, master, mq), getMaxOffset(remoting, slave!, mq)])
        if (m !== s) return false
      }
      return true
    },
    { timeoutMs: 30_000, intervalMs: 200, message: 'broker-a slave to catch up' },
  )
}

const onA = (r: HandlerRecord) => r.queue.startsWith('broker-a:')
const onB = (r: HandlerRecord) => r.queue.startsWith('broker-b:')

describe('ordered consumption: a master dies', () => {
  it("broker-a's master killed: its ordered queues pause once their locks run out (as Java's), broker-b flows, order holds; master back: they resume", async () => {
    ensureJavaMembers()
    const topic = uniqueName('TopicOrderFailover')
    await suite.cluster.createTopic(topic, { queuesPerBroker: 2 })
    // Every order's steps on one queue (sharding key), 400 messages per queue: at 150 ms each a queue needs 60 s,
    // longer than the 30 s its lock outlives the master, so a backlog is left to pause.
    const sent: string[] = []
    for (let step = 1; step <= STEPS; step++) {
      for (let i = 0; i < ORDERS; i += 50) {
        const chunk = []
        for (let j = i; j < Math.min(ORDERS, i + 50); j++) {
          sent.push(`o${j}:${step}`)
          chunk.push(suite.producer.send({ topic, body: `o${j}:${step}`, keys: [`o${j}`] }, { shardingKey: `o${j}` }))
        }
        await Promise.all(chunk)
      }
    }
    await replicated(topic)

    const ours = new Timeline()
    const locks: Array<{ ev: 'acquired' | 'lost'; queue: string; reason?: string; t: number }> = []
    const c = new PushConsumer({
      nameServer: suite.cluster.nameServer,
      group: uniqueName('orderfailover_ts'),
      subscriptions: { [topic]: '*' },
      consumeFrom: 'first',
      ordering: 'queue',
      handler: async (m: MessageView) => {
        const q = `${m.brokerName}:${m.queueId}`
        ours.start('ts', q, m.queueOffset, m.body.toString(), Date.now())
        await new Promise((r) => setTimeout(r, HANDLER_MS))
        ours.end('ts', q, m.queueOffset, Date.now())
      },
    })
    suite.track(c)
    c.on('lock.acquired', (e) => void (e.queue.topic === topic && locks.push({ ev: 'acquired', queue: `${e.queue.brokerName}:${e.queue.queueId}`, t: Date.now() })))
    c.on('lock.lost', (e) => void (e.queue.topic === topic && locks.push({ ev: 'lost', queue: `${e.queue.brokerName}:${e.queue.queueId}`, reason: e.reason, t: Date.now() })))
    const pullErrors: Array<{ queue: string; code: string; message: string; t: number }> = []
    c.on('pull.error', (e) => void pullErrors.push({ queue: `${e.queue.brokerName}:${e.queue.queueId}`, code: e.error.code, message: e.error.message.slice(0, 200), t: Date.now() }))
    const errors: string[] = []
    c.on('error', (e) => void errors.push(`${e.code}: ${e.message.slice(0, 200)}`))
    /** What each group finished per queue, and our member's lock, pull and error events since the kill. */
    const diag = (): string => {
      const perQueue = (tl: Timeline) => {
        const out: Record<string, { finished: number; lastStart: number }> = {}
        for (const r of tl.records) {
          const q = (out[r.queue] ??= { finished: 0, lastStart: 0 })
          if (r.end !== undefined) q.finished++
          q.lastStart = Math.max(q.lastStart, r.start - killedAt)
        }
        return out
      }
      const since = (t: number) => t - killedAt
      return JSON.stringify({
        backAfterMs: since(backAt),
        ours: perQueue(ours),
        java: perQueue(theirs),
        locks: locks.filter((l) => l.t > killedAt).map((l) => ({ ...l, t: since(l.t) })),
        pullErrors: pullErrors.filter((e) => e.t > killedAt).slice(-12).map((e) => ({ ...e, t: since(e.t) })),
        errors: errors.slice(-5),
        metrics: c.metrics().queues.map((q) => ({ queue: `${q.queue.brokerName}:${q.queue.queueId}`, locked: q.locked, committed: q.committedOffset, consumed: q.consumedOffset, max: q.brokerMaxOffset, cached: q.cachedCount, lastPull: q.lastPullTimestamp ? since(q.lastPullTimestamp) : 0 })),
      })
    }

    const dir = mkdtempSync(join(tmpdir(), 'orderly-failover-'))
    const theirs = new Timeline()
    let java: JavaMember | undefined
    let killedAt = 0
    let backAt = 0
    try {
      java = await startJavaOrderlyMember(theirs, { nameServer: suite.cluster.nameServer, group: uniqueName('orderfailover_java'), topic, name: 'java', eventsFile: join(dir, 'events.csv'), handlerMs: HANDLER_MS, logRoot: dir })
      await c.start()
      const j = java
      const collect = () => {
        j.collect()
        return true
      }
      // Both consume all four queues before the master dies.
      await waitUntil(() => collect() && [ours, theirs].every((tl) => tl.records.some(onA) && tl.records.some(onB)), 60_000, 'both groups consuming both brokers')

      await suite.cluster.killBroker('broker-a-0', 'SIGKILL')
      killedAt = Date.now()
      // Ours: both broker-a locks expire (nobody can renew them on a dead master) within 30 s of their last grant.
      await waitUntil(() => ['broker-a:0', 'broker-a:1'].every((q) => locks.some((l) => l.queue === q && l.ev === 'lost' && l.t > killedAt)), 60_000, "broker-a's locks to run out")
      const lost = locks.filter((l) => l.ev === 'lost' && l.t > killedAt)
      expect(lost.every((l) => l.reason === 'expired' && l.queue.startsWith('broker-a:'))).toBe(true)
      expect(Math.max(...lost.map((l) => l.t)) - killedAt).toBeLessThanOrEqual(PAUSE_BOUND_MS)
      // Then broker-b goes on in both groups (30 more messages each, past the point where every lock on broker-a, ours
      // and Java's, has run out) while broker-a stays paused.
      const quietFrom = Math.max(killedAt + PAUSE_BOUND_MS, ...lost.map((l) => l.t))
      await waitUntil(() => collect() && [ours, theirs].every((tl) => tl.records.filter((r) => onB(r) && r.start > quietFrom).length >= 30), 60_000, 'broker-b flowing in both groups during the outage')
    } finally {
      // The outage ends when the restart begins: restartBroker() returns only once the NameServer lists the master
      // again, and a member may relock and resume broker-a in the seconds before that (ours does, within ~1 s).
      backAt = Date.now()
      if (killedAt > 0) await suite.cluster.restartBroker('broker-a-0')
    }
    try {
      await waitUntil(() => {
        java!.collect()
        return [ours, theirs].every((tl) => sent.every((b) => tl.finishedBodies().has(b)))
      }, 180_000, `all ${sent.length} messages in both groups after the master returned`).catch((e: unknown) => {
        throw new Error(`${(e as Error).message}\n${diag()}`)
      })
    } finally {
      await c.close()
      await java?.close()
    }

    const quietFrom = killedAt + PAUSE_BOUND_MS
    for (const [name, tl] of [
      ['ours', ours],
      ['Java', theirs],
    ] as const) {
      // Paused: no broker-a handler started between the end of the lock validity and the master's restart.
      expect(tl.records.filter((r) => onA(r) && r.start > quietFrom && r.start < backAt), `${name}: broker-a handled while its master was down and its locks had run out`).toEqual([])
      expect(tl.records.some((r) => onB(r) && r.start > quietFrom && r.start < backAt), `${name}: broker-b during the outage`).toBe(true)
      expect(tl.records.some((r) => onA(r) && r.start > backAt), `${name}: broker-a after the master returned`).toBe(true)
      const order = checkKeyOrder(tl.records)
      expect(order.keys).toBe(ORDERS)
      expect(order.violations, name).toEqual([])
      expect(overlaps(tl.records)).toEqual([])
    }
    // Ours relocked broker-a's queues after the master came back.
    expect(['broker-a:0', 'broker-a:1'].every((q) => locks.some((l) => l.queue === q && l.ev === 'acquired' && l.t > backAt))).toBe(true)

    const lastBefore = (tl: Timeline) => Math.max(...tl.records.filter((r) => onA(r) && r.start > killedAt && r.start < backAt).map((r) => r.start), killedAt)
    const firstAfter = (tl: Timeline) => Math.min(...tl.records.filter((r) => onA(r) && r.start > backAt).map((r) => r.start))
    console.info(
      `[orderly failover] broker-a handled until kill+${lastBefore(ours) - killedAt} ms (Java: kill+${lastBefore(theirs) - killedAt} ms); ` +
        `master restarted after ${backAt - killedAt} ms; first broker-a handling restart+${firstAfter(ours) - backAt} ms (Java: restart+${firstAfter(theirs) - backAt} ms); ` +
        `repeats ours ${checkKeyOrder(ours.records).repeats}, Java ${checkKeyOrder(theirs.records).repeats}`,
    )
  }, 420_000)
})
