/**
 * Ordered consumption (`ordering: 'queue' | 'key'`) on the real cluster: per-key order under churn (SIGKILL and a
 * join), exclusivity between members (also beside the Java MessageListenerOrderly), graceful handoff without
 * duplicates, and failing handlers (suspend and retry in place; DLQ after maxReconsumeTimes).
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PullConsumer, PushConsumer, type MessageQueue, type MessageView, type PushConsumerOptions } from '@rocketmq-ts/client'
import { uniqueName, waitUntil } from './helpers.js'
import { consumerSuite } from './support/consumers.js'
import { Timeline, checkKeyOrder, ensureJavaMembers, overlaps, startJavaOrderlyMember, startOrderlyChild, type JavaMember, type OrderlyChild } from './support/orderly.js'

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

/** Sends step `step` of every order (`o<i>:<step>`), the order id as sharding key (same queue, same lane). */
async function sendStep(t: string, orders: number, step: number): Promise<string[]> {
  const bodies: string[] = []
  for (let i = 0; i < orders; i += 25) {
    const chunk = []
    for (let j = i; j < Math.min(orders, i + 25); j++) {
      const body = `o${j}:${step}`
      bodies.push(body)
      chunk.push(suite.producer.send({ topic: t, body, keys: [`o${j}`] }, { shardingKey: `o${j}` }))
    }
    await Promise.all(chunk)
  }
  return bodies
}

const qkey = (q: MessageQueue) => `${q.brokerName}:${q.queueId}`

/** Whether a child member's last lock event for each of its queues of `t` is 'acquired'. */
function holdsLocks(child: OrderlyChild, t: string): boolean {
  return child.queues.every((q) => child.locks.filter((l) => l.topic === t && l.queue === qkey(q)).at(-1)?.ev === 'acquired')
}

/**
 * Waits for `cond` while collecting the Java member's events; a Java member that died meanwhile fails the wait at once
 * (with its exit status and output) instead of letting it time out or pass without it.
 */
async function untilWithJava(java: JavaMember, cond: () => boolean, timeoutMs: number, what: string): Promise<void> {
  await waitUntil(() => java.proc.exitCode !== null || java.proc.signalCode !== null || (java.collect(), cond()), timeoutMs, what)
  java.check()
}

/** An in-process ordered member that records handler runs in the timeline. */
function recordingMember(timeline: Timeline, name: string, opts: Partial<PushConsumerOptions> & { nameServer: string; group: string; topic: string; handlerMs?: number }): PushConsumer {
  const { topic: t, handlerMs = 0, ...rest } = opts
  return consumer({
    subscriptions: { [t]: '*' },
    consumeFrom: 'first',
    ordering: 'queue',
    ...rest,
    handler: async (m: MessageView) => {
      const q = `${m.brokerName}:${m.queueId}`
      timeline.start(name, q, m.queueOffset, m.body.toString(), Date.now())
      if (handlerMs > 0) await new Promise((r) => setTimeout(r, handlerMs))
      timeline.end(name, q, m.queueOffset, Date.now())
    },
  } as PushConsumerOptions)
}

describe('ordered consumption', () => {
  it("per-key order under churn: 200 orders x 5 steps, 2 members in 'queue' mode, one SIGKILLed, a new one joins", async () => {
    const t = await topic('TopicOrderChurn')
    const group = uniqueName('orderchurn')
    const timeline = new Timeline()
    const ns = suite.cluster.nameServer
    // Both members first settle on a 2/2 split with their queues locked, and only then are steps 1-3 sent: sent before,
    // the first member could drain all 600 before the second one joined, and nothing would be left to hand over.
    const m1 = await startOrderlyChild(timeline, { nameServer: ns, group, topic: t, name: 'm1', handlerMs: 20 })
    const m2 = await startOrderlyChild(timeline, { nameServer: ns, group, topic: t, name: 'm2', handlerMs: 20 })
    await waitUntil(() => m1.queues.length === 2 && m2.queues.length === 2 && holdsLocks(m1, t) && holdsLocks(m2, t), 90_000, '2/2 split, each member holding the locks of its queues')
    // Steps 1-3 go out while the members consume; m1 is killed midway, once both handled some (sending 600 takes
    // longer than handling 150 at 20 ms each over 4 queues), so m1 still has its own queues' messages waiting.
    const sending = (async () => [...(await sendStep(t, 200, 1)), ...(await sendStep(t, 200, 2)), ...(await sendStep(t, 200, 3))])()
    sending.catch(() => undefined)
    await timeline.until(() => timeline.records.some((r) => r.member === 'm1') && timeline.records.some((r) => r.member === 'm2') && timeline.records.length >= 150, 60_000, 'both members consuming')
    const killedAt = await m1.kill()
    const handledBeforeKill = timeline.finishedBodies().size
    const sent = await sending
    expect(handledBeforeKill).toBeLessThan(sent.length)
    expect(timeline.records.filter((r) => r.member === 'm1').length).toBeLessThan(300)
    // The survivor takes m1's queues once the broker lets m1's locks lapse (60 s after m1's last renewal).
    await timeline.until(() => sent.every((b) => timeline.finishedBodies().has(b)), 120_000, 'steps 1-3 of every order after the kill')
    sent.push(...(await sendStep(t, 200, 4)))
    const m3 = await startOrderlyChild(timeline, { nameServer: ns, group, topic: t, name: 'm3', handlerMs: 5 })
    // m3 may be given the dead member's queues, which the broker keeps locked until 60 s after m1's last renewal.
    await waitUntil(() => m3.queues.length === 2 && m2.queues.length === 2, 90_000, 'm3 joined: 2/2 split')
    sent.push(...(await sendStep(t, 200, 5)))
    await timeline.until(() => sent.every((b) => timeline.finishedBodies().has(b)), 90_000, 'all 1000 messages')
    await Promise.all([m2.close(), m3.close()])

    expect(sent).toHaveLength(1000)
    expect(sent.filter((b) => !timeline.finishedBodies().has(b))).toEqual([])
    const order = checkKeyOrder(timeline.records)
    expect(order.keys).toBe(200)
    expect(order.violations).toEqual([])
    expect(overlaps(timeline.records)).toEqual([])
    expect(timeline.records.some((r) => r.member === 'm3')).toBe(true)
    const resumed = timeline.records.filter((r) => r.member !== 'm1' && r.start > killedAt && m1.queues.some((q) => qkey(q) === r.queue)).map((r) => r.start)
    const stall = resumed.length > 0 ? `${Math.min(...resumed) - killedAt} ms` : 'n/a (nothing left on its queues)'
    console.info(`[orderly churn] handled before kill ${handledBeforeKill}, repeated handlings ${order.repeats}, first handling on the killed member's queues after ${stall}`)
  }, 300_000)

  it('exclusivity beside the Java MessageListenerOrderly: a Java and a TS member in one group never run one queue at once', async () => {
    ensureJavaMembers()
    const t = await topic('TopicOrderJava')
    const group = uniqueName('orderjava')
    const timeline = new Timeline()
    const ns = suite.cluster.nameServer
    const dir = mkdtempSync(join(tmpdir(), 'orderly-java-'))
    const sent = [...(await sendStep(t, 100, 1)), ...(await sendStep(t, 100, 2)), ...(await sendStep(t, 100, 3))]
    const java = await startJavaOrderlyMember(timeline, { nameServer: ns, group, topic: t, name: 'java', eventsFile: join(dir, 'events.csv'), handlerMs: 10, logRoot: dir })
    try {
      await untilWithJava(java, () => timeline.records.length >= 50, 60_000, 'the Java member consuming')
      // A TS member joins while Java is busy: two queues move from Java to TS.
      const ts = await startOrderlyChild(timeline, { nameServer: ns, group, topic: t, name: 'ts', handlerMs: 5 })
      await waitUntil(() => ts.queues.length === 2, 30_000, 'the TS member to own 2 queues')
      // Java releases them after its rebalance (once its consume loop let go of the queue); then the TS member locks them.
      await untilWithJava(java, () => ts.locks.filter((l) => l.ev === 'acquired' && l.topic === t).length >= 2, 90_000, 'the TS member to lock its 2 queues')
      sent.push(...(await sendStep(t, 100, 4)))
      await untilWithJava(java, () => sent.every((b) => timeline.finishedBodies().has(b)), 90_000, 'steps 1-4 with both members')
      expect(timeline.records.some((r) => r.member === 'ts')).toBe(true)
      // The TS member leaves: its queues go back to Java.
      await ts.close()
      sent.push(...(await sendStep(t, 100, 5)))
      await untilWithJava(java, () => sent.every((b) => timeline.finishedBodies().has(b)), 90_000, 'step 5 after the TS member left')
    } finally {
      await java.close()
      java.collect()
    }
    expect(overlaps(timeline.records)).toEqual([])
    const order = checkKeyOrder(timeline.records)
    expect(order.keys).toBe(100)
    expect(order.violations).toEqual([])
    const javaQueues = new Set(timeline.records.filter((r) => r.member === 'java').map((r) => r.queue))
    const tsQueues = new Set(timeline.records.filter((r) => r.member === 'ts').map((r) => r.queue))
    expect([...tsQueues].some((q) => javaQueues.has(q))).toBe(true) // a queue really moved between them
    console.info(`[orderly java] ${timeline.records.length} handler runs (java ${timeline.records.filter((r) => r.member === 'java').length}), repeats ${order.repeats}`)
  }, 300_000)

  it('graceful handoff (a member joins, then the first one closes): 0 duplicates, 0 out of order', async () => {
    const t = await topic('TopicOrderHandoff')
    const group = uniqueName('orderhandoff')
    const timeline = new Timeline()
    const ns = suite.cluster.nameServer
    const a = recordingMember(timeline, 'a', { nameServer: ns, group, topic: t, handlerMs: 2 })
    await a.start()
    const sent = [...(await sendStep(t, 100, 1)), ...(await sendStep(t, 100, 2))]
    await timeline.until(() => timeline.records.length >= 100, 30_000, 'a consuming')
    const b = recordingMember(timeline, 'b', { nameServer: ns, group, topic: t, handlerMs: 2 })
    await b.start()
    sent.push(...(await sendStep(t, 100, 3)))
    await waitUntil(() => a.assignment().filter((q) => q.topic === t).length === 2 && b.assignment().filter((q) => q.topic === t).length === 2, 30_000, '2/2 split')
    sent.push(...(await sendStep(t, 100, 4)))
    await a.close()
    sent.push(...(await sendStep(t, 100, 5)), ...(await sendStep(t, 100, 6)))
    await timeline.until(() => sent.every((x) => timeline.finishedBodies().has(x)), 60_000, 'all 600')
    await b.close()

    const counts = new Map<string, number>()
    for (const r of timeline.records) counts.set(r.body, (counts.get(r.body) ?? 0) + 1)
    expect([...counts].filter(([, n]) => n > 1)).toEqual([])
    expect(counts.size).toBe(600)
    const order = checkKeyOrder(timeline.records)
    expect(order.violations).toEqual([])
    expect(order.repeats).toBe(0)
    expect(overlaps(timeline.records)).toEqual([])
    expect(timeline.records.some((r) => r.member === 'b' && r.body.endsWith(':3'))).toBe(true)
  }, 120_000)

  it('a handler failing 3 times pauses its queue and retries the message in place while other queues flow; with maxReconsumeTimes 2 it goes to the DLQ and the queue continues', async () => {
    const t = await topic('TopicOrderFail')
    const ns = suite.cluster.nameServer
    const route = await suite.cluster.route(t)
    expect(route).not.toBeNull()
    const queues: MessageQueue[] = []
    for (const b of ['broker-a', 'broker-b']) for (const id of [0, 1]) queues.push({ topic: t, brokerName: b, queueId: id })
    const [poisoned, ...others] = queues as [MessageQueue, ...MessageQueue[]]
    const to = (q: MessageQueue) => ({ selector: (qs: readonly MessageQueue[]) => qs.find((x) => qkey(x) === qkey(q))! })

    for (const [round, max] of [
      [1, undefined],
      [2, 2],
    ] as const) {
      const group = uniqueName(`orderfail${round}`)
      const handled: Array<{ body: string; queue: string; reconsumeTimes: number }> = []
      const errors: Array<{ retry: boolean; dlq?: boolean; body: string }> = []
      const poison = `poison-${round}`
      const c = consumer({
        nameServer: ns,
        group,
        subscriptions: { [t]: '*' },
        consumeFrom: 'last',
        ordering: 'queue',
        suspendMs: 2000,
        ...(max === undefined ? {} : { maxReconsumeTimes: max }),
        handler: (m) => {
          const body = m.body.toString()
          handled.push({ body, queue: `${m.brokerName}:${m.queueId}`, reconsumeTimes: m.reconsumeTimes })
          if (body === poison && (max !== undefined || m.reconsumeTimes < 3)) throw new Error('stock service down')
        },
      })
      c.on('handler.error', (e) => errors.push({ retry: e.retry, dlq: e.dlq, body: e.messages[0]!.body.toString() }))
      await c.start()
      for (const body of [`p${round}-1`, `p${round}-2`, poison, `p${round}-4`, `p${round}-5`]) await suite.producer.send({ topic: t, body }, to(poisoned))
      await waitUntil(() => errors.length >= 1, 30_000, 'the first failure')
      for (const q of others) for (let i = 0; i < 10; i++) await suite.producer.send({ topic: t, body: `${qkey(q)}-${round}-${i}` }, to(q))
      await waitUntil(() => handled.some((h) => h.body === `p${round}-5`) && handled.filter((h) => h.queue !== qkey(poisoned)).length === 30, 60_000, 'every message').catch((e: unknown) => {
        throw new Error(`round ${round}: ${(e as Error).message}; handled ${JSON.stringify(handled)}; errors ${JSON.stringify(errors)}`)
      })

      const seq = handled.filter((h) => h.queue === qkey(poisoned)).map((h) => `${h.body}#${h.reconsumeTimes}`)
      const attempts = max === undefined ? 4 : 3
      const poisonRuns = Array.from({ length: attempts }, (_, i) => `${poison}#${i}`)
      // In place: the next message waits until the poisoned one succeeded (or went to the DLQ).
      expect(seq).toEqual([`p${round}-1#0`, `p${round}-2#0`, ...poisonRuns, `p${round}-4#0`, `p${round}-5#0`])
      const firstFail = handled.findIndex((h) => h.body === poison)
      const lastTry = handled.map((h) => h.body).lastIndexOf(poison)
      // Other queues kept flowing while the poisoned queue was suspended.
      expect(handled.slice(firstFail, lastTry).some((h) => h.queue !== qkey(poisoned))).toBe(true)
      if (max === undefined) {
        expect(errors.map((e) => [e.retry, e.dlq])).toEqual([
          [true, false],
          [true, false],
          [true, false],
        ])
      } else {
        expect(errors.map((e) => [e.retry, e.dlq])).toEqual([
          [true, false],
          [true, false],
          [false, true],
        ])
        const dlq = new PullConsumer({ nameServer: ns, group: uniqueName('orderdlq'), subscriptions: { [`%DLQ%${group}`]: '*' }, consumeFrom: 'first' })
        suite.track(dlq)
        await waitUntil(async () => (await suite.cluster.route(`%DLQ%${group}`)) !== null, 30_000, 'the DLQ topic')
        await dlq.start()
        let dead: MessageView | undefined
        const deadline = Date.now() + 30_000
        while (!dead && Date.now() < deadline) dead = (await dlq.poll({ timeoutMs: 2000 })).find((m) => m.body.toString() === poison)
        expect(dead?.body.toString()).toBe(poison)
        await dlq.close()
      }
      await c.close()
    }
  }, 180_000)

  it('the Java member harness: a Java member that dies during a test fails it (collect, close), a clean stop exits 0', async () => {
    ensureJavaMembers()
    const t = await topic('TopicOrderJavaHarness')
    const dir = mkdtempSync(join(tmpdir(), 'orderly-java-harness-'))
    const timeline = new Timeline()
    const start = (name: string) => startJavaOrderlyMember(timeline, { nameServer: suite.cluster.nameServer, group: uniqueName('orderharness'), topic: t, name, eventsFile: join(dir, `${name}.csv`), logRoot: dir })
    const clean = await start('clean')
    clean.collect()
    await clean.close()
    expect(clean.proc.exitCode).toBe(0)

    const crashing = await start('crashing')
    crashing.proc.kill('SIGKILL')
    await new Promise((resolve) => crashing.proc.once('exit', resolve))
    expect(() => crashing.collect()).toThrow(/the Java orderly member crashing died during the test \(exit code none, signal SIGKILL/)
    await expect(untilWithJava(crashing, () => false, 60_000, 'never')).rejects.toThrow(/died during the test/)
    await expect(crashing.close()).rejects.toThrow(/died during the test/)
  }, 120_000)
})
