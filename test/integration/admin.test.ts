/**
 * Admin against the kit's cluster: topic round trip, describeGroup of a running 2-member group (members, owners that
 * match the members' own assignment, lag falling to 0), agreement with mqadmin (consumerProgress / consumerConnection,
 * a tool we did not write), offset resets for running and stopped groups, and allocation dry runs that equal what
 * real members get.
 */
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Admin, PullConsumer, PushConsumer, isRocketMQError, type MessageQueue, type MessageView, type PushConsumerOptions } from '@rocketmq-ts/client'
import { versionFeatures } from '@rocketmq-ts/testkit'
import { mqadmin, uniqueName, waitFor } from './helpers.js'
import { Collector, consumerSuite, produce } from './support/consumers.js'

const suite = consumerSuite()
let admin: Admin

beforeAll(() => {
  admin = new Admin({ nameServer: suite.cluster.nameServer })
})
afterAll(async () => {
  await admin.close()
})

const key = (q: MessageQueue) => `${q.brokerName}:${q.queueId}`
const keys = (qs: readonly MessageQueue[], topic: string) => qs.filter((q) => q.topic === topic).map(key).sort()

function consumer(o: PushConsumerOptions): PushConsumer {
  return suite.track(new PushConsumer(o))
}

describe('topics', () => {
  it('createTopic / topicRoute / topicStats / deleteTopic round trip', async () => {
    const t = uniqueName('AdmTopic')
    const created = await admin.createTopic(t, { queuesPerBroker: 3 })
    expect(created.brokers.map((b) => [b.brokerName, b.readQueues, b.writeQueues, b.perm])).toEqual([
      ['broker-a', 3, 3, 6],
      ['broker-b', 3, 3, 6],
    ])
    // master and slave of each broker are routed
    expect(created.brokers.map((b) => b.replicas.map((r) => r.brokerId))).toEqual([
      [0, 1],
      [0, 1],
    ])
    expect(created.queues.map(key)).toEqual(['broker-a:0', 'broker-a:1', 'broker-a:2', 'broker-b:0', 'broker-b:1', 'broker-b:2'])
    expect((await admin.topicRoute(t)).queues).toEqual(created.queues)

    const r = await suite.producer.send({ topic: t, body: 'one' })
    const stats = await admin.topicStats(t)
    expect(stats.queues).toHaveLength(6)
    const row = stats.queues.find((q) => key(q.queue) === key(r.queue))!
    expect(row.maxOffset).toBe(1)
    expect(row.lastStoreTimestamp).toBeGreaterThan(0)
    expect(stats.queues.filter((q) => q !== row).every((q) => q.maxOffset === 0 && q.lastStoreTimestamp === undefined)).toBe(true)

    await admin.deleteTopic(t)
    const gone = await admin.topicRoute(t).then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(isRocketMQError(gone) && gone.code).toBe('ERR_TOPIC_NOT_FOUND')
    // and it can be created again, on one broker only, as an ordered topic
    const again = await admin.createTopic(t, { queuesPerBroker: 2, brokers: ['broker-a'], order: true })
    expect(again.brokers.map((b) => b.brokerName)).toEqual(['broker-a'])
    // The ORDER_TOPIC_CONFIG KV is written; a NameServer serves it in routes only with orderMessageEnable=true (not the kit's).
    expect(again.queues.map(key)).toEqual(['broker-a:0', 'broker-a:1'])
    await admin.deleteTopic(t)
  })

  it('typed errors: unknown broker, unknown topic, bad options', async () => {
    const t = uniqueName('AdmTopicErr')
    await expect(admin.createTopic(t, { queuesPerBroker: 2, brokers: ['broker-zz'] })).rejects.toMatchObject({ code: 'ERR_BROKER_NOT_FOUND' })
    await expect(admin.topicStats(t)).rejects.toMatchObject({ code: 'ERR_TOPIC_NOT_FOUND' })
    await expect(admin.createTopic(t, { queuesPerBroker: 0 })).rejects.toMatchObject({ code: 'ERR_INVALID_OPTION' })
    await expect(admin.describeGroup(uniqueName('never_seen'))).rejects.toMatchObject({ code: 'ERR_GROUP_NOT_FOUND' })
  })
})

describe('describeGroup of a running 2-member group', () => {
  const t = uniqueName('AdmGroup')
  const group = uniqueName('adm_group')
  let gate!: () => void
  const opened = new Promise<void>((resolve) => (gate = resolve))
  const seen = new Collector()
  let members: PushConsumer[] = []

  beforeAll(async () => {
    await admin.createTopic(t, { queuesPerBroker: 2 })
  })

  it('lists both members and all 4 queues with owners matching their assignment(); lag falls to 0 as they drain', async () => {
    const ids = await produce(suite.producer, t, 200)
    const handler = async (m: MessageView) => {
      await opened
      seen.add(m)
    }
    for (let i = 0; i < 2; i++) {
      members.push(consumer({ nameServer: suite.cluster.nameServer, group, subscriptions: { [t]: '*' }, consumeFrom: 'first', handler, instanceName: `adm-m${i}` }))
    }
    for (const m of members) await m.start()
    // Wait until both members hold 2 queues each (the second one's join rebalanced the first).
    await waitFor(() => members.every((m) => keys(m.assignment(), t).length === 2), { message: 'a 2/2 split' })

    const d = await waitFor(
      async () => {
        const g = await admin.describeGroup(group)
        return g.members.length === 2 && g.queues.every((q) => q.owner !== undefined) ? g : undefined
      },
      { message: 'describeGroup to list 2 members owning every queue' },
    )
    expect(d.state).toBe('running')
    expect(d.messageModel).toBe('CLUSTERING')
    expect(d.members.map((m) => m.clientId).sort()).toEqual(members.map((m) => m.clientId).sort())
    for (const m of d.members) {
      expect(m.language).toBe('JAVA')
      expect(m.version).toBe('V4_9_4')
      expect(m.address).toMatch(/^127\.0\.0\.1:\d+$/)
      expect(m.subscriptions).toContainEqual({ topic: t, expression: '*', type: 'TAG' })
    }
    expect(d.queues.map((q) => key(q.queue))).toEqual(['broker-a:0', 'broker-a:1', 'broker-b:0', 'broker-b:1'])
    for (const m of members) {
      expect(d.queues.filter((q) => q.owner === m.clientId).map((q) => key(q.queue)).sort()).toEqual(keys(m.assignment(), t))
      expect(keys(d.members.find((x) => x.clientId === m.clientId)!.queues, t)).toEqual(keys(m.assignment(), t))
    }
    // Handlers are held: nothing is consumed yet, so the whole backlog is lag. That is every stored message: 200, or a
    // few more when a send timed out under load and its retry stored a second copy (at-least-once sending).
    const stats = await admin.topicStats(t)
    const stored = stats.queues.reduce((n, q) => n + q.maxOffset, 0)
    expect(stored).toBeGreaterThanOrEqual(200)
    expect(d.totalLag).toBe(stored)
    expect(d.queues.every((q) => q.readFromSlave === false)).toBe(true)
    for (const q of d.queues) expect(q.brokerOffset).toBe(stats.queues.find((s) => key(s.queue) === key(q.queue))!.maxOffset)

    const lags: number[] = [d.totalLag]
    gate()
    await seen.until(() => seen.missing(ids).length === 0, 60_000, 'all 200 messages')
    const drained = await waitFor(
      async () => {
        const g = await admin.describeGroup(group)
        if (lags.at(-1) !== g.totalLag) lags.push(g.totalLag)
        return g.totalLag === 0 ? g : undefined
      },
      { timeoutMs: 60_000, intervalMs: 500, message: 'lag to reach 0' },
    )
    expect(lags[0]).toBe(stored)
    expect(lags.at(-1)).toBe(0)
    for (let i = 1; i < lags.length; i++) expect(lags[i]).toBeLessThanOrEqual(lags[i - 1]!)
    expect(drained.queues.every((q) => q.committedOffset === q.brokerOffset && q.lastConsumeTimestamp !== undefined)).toBe(true)
  })

  it('agrees with mqadmin consumerProgress and consumerConnection on the same group', async () => {
    const d = await admin.describeGroup(group)
    const [progress, connection] = [
      await mqadmin(suite.cluster, ['consumerProgress', '-g', group, '-s', 'true']),
      await mqadmin(suite.cluster, ['consumerConnection', '-g', group]),
    ]
    const rows = progress.output
      .split('\n')
      .map((l) => l.trim().split(/\s+/))
      .filter((c) => c[0] === t)
    expect(rows).toHaveLength(4)
    for (const c of rows) {
      const [, brokerName, qid, brokerOffset, consumerOffset, clientIp, diff] = c
      const q = d.queues.find((x) => x.queue.brokerName === brokerName && x.queue.queueId === Number(qid))!
      expect(q, `queue ${brokerName}:${qid}`).toBeDefined()
      expect([q.brokerOffset, q.committedOffset, q.lag]).toEqual([Number(brokerOffset), Number(consumerOffset), Number(diff)])
      expect(q.owner?.split('@')[0]).toBe(clientIp)
    }
    const conns = connection.output
      .split('\n')
      .map((l) => l.trim().split(/\s+/))
      .filter((c) => c.length >= 4 && d.members.some((m) => m.clientId === c[0]))
    // A member's address is its connection's remote address as the broker asked sees it: the host is the same on every
    // broker, the port is that connection's own (mqadmin and we may ask different brokers).
    const host = (a: string) => a.replace(/:\d+$/, '')
    expect(conns.map((c) => [c[0], host(c[1]!), c[2], c[3]]).sort()).toEqual(d.members.map((m) => [m.clientId, host(m.address), m.language, m.version]).sort())
    expect(connection.output).toContain(`MessageModel: ${d.messageModel}`)
    expect(connection.output).toContain(`ConsumeType: ${d.consumeType}`)
  })

  it('the CLI prints the same group table (npx rocketmq-ts describe-group)', async () => {
    const bin = fileURLToPath(new URL('../../packages/client/dist/bin.js', import.meta.url))
    const { stdout } = await promisify(execFile)(process.execPath, [bin, 'describe-group', group, '--name-server', suite.cluster.nameServer])
    const d = await admin.describeGroup(group)
    expect(stdout).toContain(`group ${group}: running, CLUSTERING, CONSUME_PASSIVELY, 2 member(s), total lag 0`)
    for (const m of d.members) expect(stdout).toMatch(new RegExp(`^${m.clientId.replace(/[.#]/g, '\\$&')}\\s+${m.address}\\s+JAVA\\s+V4_9_4\\s+2\\s+${t}=\\*$`, 'm'))
    const rows = stdout.split('\n').filter((l) => l.startsWith(t))
    expect(rows.map((l) => l.split(/\s+/).slice(1, 7))).toEqual(
      d.queues.map((q) => [q.queue.brokerName, String(q.queue.queueId), q.owner, String(q.committedOffset), String(q.brokerOffset), '0']),
    )
    const usage = await promisify(execFile)(process.execPath, [bin, 'describe-group', group, '--bogus']).then(
      () => 0,
      (e: { code?: number }) => e.code,
    )
    expect(usage).toBe(2)
    for (const m of members) await m.close()
    members = []
  })
})

describe('a pull consumer group', () => {
  it('describeGroup lists the pull member with the queues it owns (it answers GET_CONSUMER_RUNNING_INFO)', async () => {
    const t = uniqueName('AdmPull')
    const group = uniqueName('adm_pull')
    await admin.createTopic(t, { queuesPerBroker: 2 })
    const c = suite.track(new PullConsumer({ nameServer: suite.cluster.nameServer, group, subscriptions: { [t]: '*' }, consumeFrom: 'first' }))
    await c.start()
    await produce(suite.producer, t, 8)
    let polled = 0
    await waitFor(async () => (polled += (await c.poll({ timeoutMs: 1000 })).length) >= 8, { timeoutMs: 60_000, intervalMs: 0, message: 'eight messages polled' })
    const d = await admin.describeGroup(group)
    expect(d.consumeType).toBe('CONSUME_ACTIVELY')
    expect(d.members).toHaveLength(1)
    expect(d.members[0]!.runningInfoError).toBeUndefined()
    expect(keys(d.members[0]!.queues, t)).toEqual(keys(c.assignment(), t))
    expect(d.queues.filter((q) => q.queue.topic === t).every((q) => q.owner === c.clientId)).toBe(true)
  })
})

describe('resetOffset to a timestamp', () => {
  it('makes a running group re-read from there, and a stopped group too', async () => {
    const t = uniqueName('AdmReset')
    const group = uniqueName('adm_reset')
    await admin.createTopic(t, { queuesPerBroker: 2 })
    const seen = new Collector()
    const c = consumer({ nameServer: suite.cluster.nameServer, group, subscriptions: { [t]: '*' }, consumeFrom: 'first', handler: seen.add })
    await c.start()
    const before = await produce(suite.producer, t, 20, { prefix: 'before' })
    await seen.until(() => seen.missing(before).length === 0, 30_000, 'the first batch')
    const after = await produce(suite.producer, t, 20, { prefix: 'after' })
    await seen.until(() => seen.missing(after).length === 0, 30_000, 'the second batch')
    const from = Math.min(...seen.messages.filter((m) => after.includes(m.msgId)).map((m) => m.storeTimestamp))
    expect(Math.max(...seen.messages.filter((m) => before.includes(m.msgId)).map((m) => m.storeTimestamp))).toBeLessThan(from)

    // running group
    const r1 = await admin.resetOffset(group, t, { timestamp: from })
    expect(r1.queues).toHaveLength(4)
    // 5.x brokers move the offsets themselves; a 4.x broker tells the running members (which correct its
    // nearest-message offsets to the first message at or after the time).
    const method = versionFeatures(suite.cluster.addresses().rocketmqVersion).major >= 5 ? 'broker' : 'members'
    expect(r1.brokers.map((b) => b.method)).toEqual([method, method])
    await seen.until(() => after.every((id) => seen.counts.get(id) === 2), 60_000, 'the second batch again')
    expect(before.every((id) => seen.counts.get(id) === 1)).toBe(true)
    await c.close()

    // stopped group: the next member starts at the reset point
    const d = await admin.describeGroup(group)
    expect(d.state).toBe('stopped')
    expect(d.totalLag).toBe(0)
    const r2 = await admin.resetOffset(group, t, { timestamp: new Date(from) })
    expect(r2.queues).toHaveLength(4)
    const stopped = await admin.describeGroup(group)
    expect(stopped.totalLag).toBe(20)
    const again = new Collector()
    const c2 = consumer({ nameServer: suite.cluster.nameServer, group, subscriptions: { [t]: '*' }, consumeFrom: 'last', handler: again.add })
    await c2.start()
    await again.until(() => again.missing(after).length === 0, 60_000, 'the second batch in a restarted group')
    expect(again.missing(before)).toHaveLength(20)
    await c2.close()
  })

  it('to explicit offsets for a stopped group; typed errors for unknown queues', async () => {
    const t = uniqueName('AdmResetOff')
    const group = uniqueName('adm_reset_off')
    await admin.createTopic(t, { queuesPerBroker: 1 })
    const seen = new Collector()
    const c = consumer({ nameServer: suite.cluster.nameServer, group, subscriptions: { [t]: '*' }, consumeFrom: 'first', handler: seen.add })
    await c.start()
    const ids = await produce(suite.producer, t, 10)
    await seen.until(() => seen.missing(ids).length === 0, 30_000, 'all 10')
    await c.close()
    const d = await admin.describeGroup(group)
    const a = d.queues.find((q) => q.queue.brokerName === 'broker-a')!
    expect(a.brokerOffset).toBeGreaterThan(1)
    const r = await admin.resetOffset(group, t, { offsets: [{ queue: { brokerName: 'broker-a', queueId: 0 }, offset: 1 }] })
    expect(r.queues).toEqual([{ queue: { topic: t, brokerName: 'broker-a', queueId: 0 }, offset: 1 }])
    const after = await admin.describeGroup(group)
    expect(after.queues.find((q) => q.queue.brokerName === 'broker-a')!.committedOffset).toBe(1)
    expect(after.queues.find((q) => q.queue.brokerName === 'broker-b')!.committedOffset).toBe(d.queues.find((q) => q.queue.brokerName === 'broker-b')!.committedOffset)
    await expect(admin.resetOffset(group, t, { offsets: [{ queue: { brokerName: 'broker-a', queueId: 5 }, offset: 0 }] })).rejects.toMatchObject({ code: 'ERR_INVALID_OPTION' })
    await expect(admin.resetOffset(group, uniqueName('NoSuchTopic'), { timestamp: 0 })).rejects.toMatchObject({ code: 'ERR_TOPIC_NOT_FOUND' })
  })
})

describe('explainAllocation equals what members actually get', () => {
  const rooms = ['broker-a', 'broker-b']
  const strategies: Array<[string, Record<string, unknown> | undefined]> = [
    ['averagely', undefined],
    ['averagely-by-circle', undefined],
    ['consistent-hash', undefined],
    ['by-config', undefined], // queues filled in below (they name the topic)
    // The kit's brokers are not named `room@name`, so machine-room gives nobody anything (explained and actual agree).
    ['machine-room', { consumeRooms: ['hz'] }],
    [
      'machine-room-nearby',
      {
        resolver: {
          brokerDeployedIn: (mq: MessageQueue) => mq.brokerName,
          // members adm-x0, adm-x2, adm-x4 live beside broker-a, adm-x1 and adm-x3 beside broker-b
          consumerDeployedIn: (clientId: string) => rooms[Number(/(\d+)$/.exec(clientId)?.[1] ?? 0) % 2]!,
        },
      },
    ],
  ]

  it.each(strategies)('%s, 1 to 5 members', async (strategy, baseOptions) => {
    const t = uniqueName('AdmAlloc')
    const group = uniqueName('adm_alloc')
    await admin.createTopic(t, { queuesPerBroker: 3 })
    const allocationOptions =
      strategy === 'by-config'
        ? {
            queues: [
              { topic: t, brokerName: 'broker-a', queueId: 1 },
              { topic: t, brokerName: 'broker-b', queueId: 2 },
            ],
          }
        : baseOptions
    const started: PushConsumer[] = []
    for (let n = 1; n <= 5; n++) {
      const c = consumer({
        nameServer: suite.cluster.nameServer,
        group,
        subscriptions: { [t]: '*' },
        allocation: strategy as PushConsumerOptions['allocation'],
        ...(allocationOptions === undefined ? {} : { allocationOptions }),
        instanceName: `adm-x${n - 1}`,
        handler: () => {},
      })
      await c.start()
      started.push(c)
      const explained = await admin.explainAllocation({ topic: t, members: started.map((s) => s.clientId), strategy, ...(allocationOptions === undefined ? {} : { allocationOptions }) })
      expect(explained.members).toHaveLength(n)
      const want = new Map(explained.members.map((m) => [m.clientId, m.queues.map(key).sort().join(',')]))
      await waitFor(() => started.every((s) => keys(s.assignment(), t).join(',') === want.get(s.clientId)), {
        timeoutMs: 30_000,
        message: `${strategy} with ${n} members: ${JSON.stringify([...want])} vs ${JSON.stringify(started.map((s) => [s.clientId, keys(s.assignment(), t)]))}`,
      })
      if (strategy === 'averagely' || strategy === 'averagely-by-circle' || strategy === 'consistent-hash') expect(explained.unassigned).toEqual([])
      if (strategy === 'machine-room') expect(explained.unassigned).toHaveLength(6)
    }
    for (const s of started) await s.close()
  })
})
