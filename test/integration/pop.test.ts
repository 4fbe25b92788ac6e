/**
 * POP consumption over remoting (PushConsumer `pop`, RocketMQ 5.x) on the kit's cluster: the broker hands messages
 * (not queues) to any member; acks move the group's offsets; 8 members on a 4-queue topic all work and SIGKILLing 3 of
 * them loses nothing; a failing handler's message comes back with reconsumeTimes + 1 and lands in %DLQ%<group>; a
 * handler longer than the invisible time keeps its message (renewal); a Java POP consumer shares the group.
 */
import { fork, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { Admin, Producer, PullConsumer, PushConsumer, type MessageQueue, type MessageView } from '@rocketmq-ts/client'
import { ROCKETMQ_VERSION } from '@rocketmq-ts/testkit'
import { uniqueName, waitUntil } from './helpers.js'
import { Collector, consumerSuite, produce } from './support/consumers.js'
import { ensureJava, runJava } from './support/java-interop.js'

const suite = consumerSuite()
const pop5 = ROCKETMQ_VERSION.startsWith('5.')

async function topic(prefix: string): Promise<string> {
  const t = uniqueName(prefix)
  await suite.cluster.createTopic(t, { queuesPerBroker: 2 })
  return t
}

/** The group's lag as the brokers see it (acked POP messages move the consume offsets). */
async function lagOf(group: string, t: string): Promise<number> {
  const admin = new Admin({ nameServer: suite.cluster.nameServer })
  try {
    return (await admin.describeGroup(group, { topics: [t] })).totalLag
  } finally {
    await admin.close()
  }
}

interface PopChild {
  proc: ChildProcess
  clientId: string
  received: number
  closed: Promise<void>
}

function startPopChild(options: Record<string, unknown>, onMessage: (m: { msgId: string; at: number; reconsumeTimes: number }) => void): Promise<PopChild> {
  const script = fileURLToPath(new URL('./support/pop-member.mjs', import.meta.url))
  const proc = fork(script, [JSON.stringify(options)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  const child: PopChild = { proc, clientId: '', received: 0, closed: new Promise<void>((resolve) => proc.once('exit', () => resolve())) }
  return new Promise((resolve, reject) => {
    proc.on('message', (msg: { type: string; msgId: string; at: number; reconsumeTimes: number; clientId: string }) => {
      if (msg.type === 'message') {
        child.received++
        onMessage(msg)
      } else if (msg.type === 'started') {
        child.clientId = msg.clientId
        resolve(child)
      }
    })
    proc.once('exit', (code) => reject(new Error(`POP member exited early with ${code}`)))
  })
}

describe.runIf(pop5)('POP consumption (remoting)', () => {
  it('one member pops every queue of both brokers (queueId -1), acks move the offsets, close settles; Admin switches the mode', async () => {
    const t = await topic('TopicPop')
    const group = uniqueName('pop')
    const ids = await produce(suite.producer, t, 200)
    const got = new Collector()
    const c = suite.track(new PushConsumer({ nameServer: suite.cluster.nameServer, group, subscriptions: { [t]: '*' }, consumeFrom: 'first', pop: true, handler: got.add }))
    await c.start()
    expect(c.assignment().map((q: MessageQueue) => `${q.brokerName}:${q.queueId}`)).toEqual(['broker-a:-1', 'broker-b:-1'])
    await got.until(() => got.unique === ids.length, 60_000, 'all 200 messages')
    expect(got.missing(ids)).toEqual([])
    expect(got.messages.every((m: MessageView) => m.topic === t && typeof m.properties.POP_CK === 'string')).toBe(true)
    await waitUntil(async () => (await lagOf(group, t)) === 0, 60_000, 'the acks to move the offsets (lag 0)')
    const closed = await c.close()
    expect(closed.abandoned).toBe(0)
    expect(closed.committed).toEqual([])

    const admin = new Admin({ nameServer: suite.cluster.nameServer })
    try {
      expect(await admin.setMessageRequestMode(group, t, 'pull')).toEqual(['broker-a', 'broker-b'])
      // Mode PULL: the broker assigns real queues (an exclusive share) instead of "every queue" (-1).
      const again = new PushConsumer({ nameServer: suite.cluster.nameServer, group, subscriptions: { [t]: '*' }, pop: { setRequestMode: false }, handler: () => undefined })
      await again.start()
      expect(again.assignment().map((q) => q.queueId).sort()).toEqual([0, 0, 1, 1])
      await again.close()
      expect(await admin.setMessageRequestMode(group, t, 'pop')).toEqual(['broker-a', 'broker-b'])
      await expect(admin.setMessageRequestMode(group, uniqueName('TopicMissing'), 'pop')).rejects.toMatchObject({ code: 'ERR_TOPIC_NOT_FOUND' })
    } finally {
      await admin.close()
    }
  })

  it('8 members (child processes) on a 4-queue topic all receive; SIGKILL of 3 mid-run loses nothing', async () => {
    const t = await topic('TopicPop8')
    const group = uniqueName('pop8')
    const got = new Collector()
    let last = 0
    let longestGap = 0
    const onMessage = (m: { msgId: string; at: number }) => {
      if (last > 0) longestGap = Math.max(longestGap, m.at - last)
      last = Math.max(last, m.at)
      got.addId(m.msgId)
    }
    const options = { nameServer: suite.cluster.nameServer, group, topic: t, pop: { invisibleTimeMs: 5000, batchSize: 4, maxInFlight: 8 }, concurrency: 4, handlerDelayMs: 50 }
    const members: PopChild[] = []
    // 8 Node processes and the cluster share 2 cores here: a patient producer.
    const producer = suite.track(new Producer({ nameServer: suite.cluster.nameServer, sendTimeoutMs: 20_000 }))
    try {
      // Every member is popping (long polls parked) before the first message exists, so each gets a share; on a
      // backlog, the members that start first could drain it before the last one has started.
      members.push(...(await Promise.all(Array.from({ length: 8 }, () => startPopChild(options, onMessage)))))
      const first = await produce(producer, t, 800, { prefix: 'a' })
      await got.until(() => got.unique >= 400 && members.every((m) => m.received > 0), 90_000, 'half of the first batch, and a message at every member')
      // Mid-run: 3 members die without a word; what they held comes back after its invisible time.
      for (const m of members.slice(0, 3)) m.proc.kill('SIGKILL')
      await Promise.all(members.slice(0, 3).map((m) => m.closed))
      const second = await produce(producer, t, 400, { prefix: 'b' })
      const ids = [...first, ...second]
      await got.until(() => got.missing(ids).length === 0, 120_000, 'every message after the kills')
      expect(got.missing(ids)).toEqual([])
      // Every member got messages (the killed ones before they died).
      expect(members.map((m) => m.received > 0)).toEqual(Array(8).fill(true))
      console.log(`[pop 8 members] messages ${ids.length}, duplicates ${got.duplicates}, longest gap between deliveries ${longestGap} ms, per member ${members.map((m) => m.received).join('/')}`)
    } finally {
      for (const m of members) if (m.proc.exitCode === null && m.proc.signalCode === null) m.proc.send({ type: 'close' })
      await Promise.all(members.map((m) => m.closed))
    }
  }, 240_000)

  it('a failing handler gets the message back with reconsumeTimes + 1; after maxReconsumeTimes it is in %DLQ%<group>', async () => {
    const t = await topic('TopicPopRetry')
    const group = uniqueName('popretry')
    const attempts: number[] = []
    const errors: Array<{ retry: boolean; dlq?: boolean }> = []
    const c = suite.track(
      new PushConsumer({
        nameServer: suite.cluster.nameServer,
        group,
        subscriptions: { [t]: '*' },
        consumeFrom: 'first',
        maxReconsumeTimes: 2,
        pop: { invisibleTimeMs: 5000, retryDelaysMs: [1000, 2000] },
        handler: (m) => {
          attempts.push(m.reconsumeTimes)
          throw new Error('always fails')
        },
      }),
    )
    c.on('handler.error', (e) => errors.push({ retry: e.retry, ...(e.dlq ? { dlq: e.dlq } : {}) }))
    await c.start()
    const sent = await suite.producer.send({ topic: t, body: 'poison', keys: ['poison'] })
    await waitUntil(() => errors.length === 3, 90_000, 'three failed deliveries')
    expect(attempts).toEqual([0, 1, 2])
    expect(errors).toEqual([{ retry: true }, { retry: true }, { retry: false, dlq: true }])
    const dlq = suite.track(new PullConsumer({ nameServer: suite.cluster.nameServer, group: uniqueName('popdlq'), subscriptions: { [`%DLQ%${group}`]: '*' }, consumeFrom: 'first' }))
    await waitUntil(async () => (await suite.cluster.route(`%DLQ%${group}`)) !== null, 30_000, 'the DLQ topic')
    await dlq.start()
    let dead: MessageView | undefined
    await waitUntil(async () => (dead = (await dlq.poll({ timeoutMs: 2000 })).find((m) => m.keys.includes('poison'))) !== undefined, 60_000, 'the poison message in the DLQ')
    expect(dead!.msgId).toBe(sent.msgId)
    expect(dead!.body.toString()).toBe('poison')
  }, 180_000)

  it('a handler running longer than the invisible time is not redelivered meanwhile (renewal)', async () => {
    const t = await topic('TopicPopLong')
    const group = uniqueName('poplong')
    let deliveries = 0
    let finished = false
    const c = suite.track(
      new PushConsumer({
        nameServer: suite.cluster.nameServer,
        group,
        subscriptions: { [t]: '*' },
        consumeFrom: 'first',
        pop: { invisibleTimeMs: 5000 },
        handler: async () => {
          deliveries++
          if (deliveries > 1) return
          // Three invisible times long: without renewal the broker would hand it out again twice meanwhile.
          await new Promise((resolve) => setTimeout(resolve, 15_000))
          finished = true
        },
      }),
    )
    await c.start()
    await suite.producer.send({ topic: t, body: 'slow' })
    await waitUntil(() => finished, 60_000, 'the long handler to finish')
    expect(deliveries).toBe(1)
    await waitUntil(async () => (await lagOf(group, t)) === 0, 60_000, 'its ack')
    expect(deliveries).toBe(1)
  }, 120_000)

  it('a Java POP consumer (rocketmq-client 5.5.0, clientRebalance false) and ours share one POP group', async () => {
    await ensureJava()
    const t = await topic('TopicPopJava')
    const group = uniqueName('popjava')
    const ours = new Collector()
    const c = suite.track(new PushConsumer({ nameServer: suite.cluster.nameServer, group, subscriptions: { [t]: '*' }, consumeFrom: 'first', pop: true, handler: async (m) => {
      await new Promise((resolve) => setTimeout(resolve, 5))
      ours.add(m)
    } }))
    await c.start() // sets the group's mode to POP on both brokers
    const java = await runJava('consume', { security: undefined, nameServer: suite.cluster.nameServer }, { group, topic: t, pop: 'true' })
    try {
      await java.waitLine((l) => l.started === true, 'the Java consumer to start')
      const ids = await produce(suite.producer, t, 600)
      const all = new Set<string>()
      await waitUntil(() => {
        all.clear()
        for (const id of ours.counts.keys()) all.add(id)
        for (const l of java.lines) if (l.msgId !== undefined) all.add(l.msgId)
        return ids.every((id) => all.has(id))
      }, 120_000, 'every message by one side or the other')
      const javaCount = java.lines.filter((l) => l.msgId !== undefined).length
      console.log(`[pop java+ts] ours ${ours.unique}, java ${javaCount}, duplicates ${ours.duplicates + javaCount + ours.unique - all.size}`)
      expect(ours.unique).toBeGreaterThan(0)
      expect(javaCount).toBeGreaterThan(0)
    } finally {
      await java.stop()
    }
  }, 240_000)
})
