import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  getBrokerConfigAt,
  getBrokerVersionAt,
  getClusterInfo,
  getTopicConfigsAt,
  getTopicRoute,
  processInspection,
  setProcessInspection,
  versionFeatures,
} from '@rocketmq-ts/testkit'
import { connect } from 'node:net'
import { clusterAddresses, clusterControl, uniqueName, waitFor } from './helpers.js'

function tcpOpen(addr: string): Promise<boolean> {
  const i = addr.lastIndexOf(':')
  return new Promise((resolve) => {
    const s = connect({ host: addr.slice(0, i), port: Number(addr.slice(i + 1)) })
    s.once('connect', () => {
      s.destroy()
      resolve(true)
    })
    s.once('error', () => resolve(false))
  })
}

describe('testkit cluster', () => {
  it('lists two masters and two slaves in the NameServer cluster info', async () => {
    const a = clusterAddresses()
    const info = await getClusterInfo(a.nameServer)
    expect(info.clusterAddrTable[a.clusterName]?.sort()).toEqual(['broker-a', 'broker-b'])
    expect(info.brokerAddrTable['broker-a']?.brokerAddrs).toEqual({ '0': a.brokers['broker-a'].master, '1': a.brokers['broker-a'].slave })
    expect(info.brokerAddrTable['broker-b']?.brokerAddrs).toEqual({ '0': a.brokers['broker-b'].master, '1': a.brokers['broker-b'].slave })
    if (versionFeatures(a.rocketmqVersion).proxy) {
      expect(a.proxy).not.toBeNull()
      expect(await tcpOpen(a.proxy!.remoting)).toBe(true)
      expect(await tcpOpen(a.proxy!.grpc)).toBe(true)
    } else {
      // RocketMQ 4.x has no proxy: the kit starts none and says so
      expect(a.proxy).toBeNull()
    }
  })

  it('runs the RocketMQ version it reports (ROCKETMQ_VERSION picks it), on every broker', async () => {
    const a = clusterAddresses()
    const want = `V${a.rocketmqVersion.replace(/\./g, '_')}`
    const nodes = Object.values(a.brokers).flatMap((b) => [b.master, b.slave!])
    expect(await Promise.all(nodes.map((addr) => getBrokerVersionAt(addr)))).toEqual(nodes.map(() => want))
    const env = process.env['ROCKETMQ_VERSION']
    if (env !== undefined && env !== '' && !a.external) expect(a.rocketmqVersion).toBe(env)
  })

  it('has TopicOrderPaySuccess with 2 queues on each master', async () => {
    const route = await getTopicRoute(clusterAddresses().nameServer, 'TopicOrderPaySuccess')
    expect(route?.queueDatas.map((q) => [q.brokerName, q.readQueueNums, q.writeQueueNums]).sort()).toEqual([
      ['broker-a', 2, 2],
      ['broker-b', 2, 2],
    ])
  })

  it('creates a fresh topic on 2 brokers x 2 queues, known to the slaves (at once on 5.x, by the 10 s sync on 4.x)', async () => {
    const c = await clusterControl()
    const topic = uniqueName('TestkitTopic')
    const created = await c.createTopic(topic, { queuesPerBroker: 2 })
    expect(created.queueDatas).toHaveLength(2)
    const route = await getTopicRoute(c.nameServer, topic)
    expect(route).not.toBeNull()
    expect(route!.brokerDatas.map((b) => b.brokerName).sort()).toEqual(['broker-a', 'broker-b'])
    for (const q of route!.queueDatas) {
      expect(q.readQueueNums).toBe(2)
      expect(q.writeQueueNums).toBe(2)
      expect(q.perm).toBe(6)
    }
    // 5.x: pushed to the slaves directly (no wait for the slave's metadata sync); a 4.x slave refuses topic updates
    // and copies its master's topics every 10 s
    const pushed = versionFeatures(clusterAddresses().rocketmqVersion).proxy
    for (const node of ['broker-a-1', 'broker-b-1'] as const) {
      const topics = pushed
        ? await getTopicConfigsAt(c.brokerAddr(node))
        : await waitFor(async () => {
            const t = await getTopicConfigsAt(c.brokerAddr(node))
            return t[topic] === undefined ? false : t
          }, { timeoutMs: 30_000, message: `${node} to copy ${topic} from its master` })
      expect(topics[topic], node).toMatchObject({ readQueueNums: 2, writeQueueNums: 2 })
    }
    expect(await getTopicRoute(c.nameServer, uniqueName('NotCreated'))).toBeNull()
  })

  it('deletes a topic from the brokers and the NameServer', async () => {
    const c = await clusterControl()
    const topic = uniqueName('TestkitDelete')
    await c.createTopic(topic, { queuesPerBroker: 1, brokers: ['broker-a'] })
    expect((await c.route(topic))?.queueDatas.map((q) => q.brokerName)).toEqual(['broker-a'])
    await c.deleteTopic(topic)
    expect(await c.route(topic)).toBeNull()
    expect((await getTopicConfigsAt(c.brokerAddr('broker-a-0')))[topic]).toBeUndefined()
  })

  it('updates a broker config at runtime', async () => {
    const c = await clusterControl()
    await c.updateBrokerConfig('broker-a-0', 'accessMessageInMemoryMaxRatio', 0)
    expect((await c.getBrokerConfig('broker-a-0'))['accessMessageInMemoryMaxRatio']).toBe('0')
    await c.updateBrokerConfig('broker-a-0', 'accessMessageInMemoryMaxRatio', 40)
    expect((await c.getBrokerConfig('broker-a-0'))['accessMessageInMemoryMaxRatio']).toBe('40')
  })

  // Faults on the real JVMs through the portable process path (no /proc: as on macOS), the way the kit runs there.
  describe('without /proc (portable process inspection)', () => {
    beforeAll(() => {
      setProcessInspection({ procfs: '/nonexistent-procfs' })
      expect(processInspection()).toBe('portable')
    })
    afterAll(() => setProcessInspection({ procfs: '/proc' }))

    it('pauses and resumes a slave', async () => {
      const c = await clusterControl()
      const slave = c.brokerAddr('broker-b-1')
      await c.pauseBroker('broker-b-1')
      try {
        await expect(getBrokerConfigAt(slave, 1500)).rejects.toMatchObject({ code: 'ERR_TESTKIT_REMOTING' })
      } finally {
        await c.resumeBroker('broker-b-1')
      }
      const cfg = await waitFor(() => getBrokerConfigAt(slave, 2000), { timeoutMs: 15_000, message: 'the resumed slave to answer' })
      expect(cfg['brokerId']).toBe('1')
    })

    it('restarts a slave, which re-registers with the NameServer', async () => {
      const c = await clusterControl()
      const before = c.pids()['broker-a-1']
      expect(before).toBeTypeOf('number')
      await c.restartBroker('broker-a-1')
      const after = c.pids()['broker-a-1']
      expect(after).toBeTypeOf('number')
      expect(after).not.toBe(before)
      // the old JVM is gone for the OS (reaped, not merely unregistered)
      const reaped = (): boolean => {
        try {
          process.kill(before!, 0)
          return false
        } catch (e) {
          return (e as NodeJS.ErrnoException).code === 'ESRCH'
        }
      }
      await waitFor(() => reaped(), { timeoutMs: 15_000, message: `the old broker-a-1 (pid ${before}) to be gone` })
      const info = await c.clusterInfo()
      expect(info.brokerAddrTable['broker-a']?.brokerAddrs['1']).toBe(c.brokerAddr('broker-a-1'))
      expect((await c.getBrokerConfig('broker-a-1'))['brokerRole']).toBe('SLAVE')
      expect(c.logTail('broker-a-1')).toMatch(/The broker\[broker-a, 127\.0\.0\.1:\d+\] boot success/)
    })
  })

  it('runs mqadmin', async () => {
    const c = await clusterControl()
    const r = await c.admin(['clusterList'])
    expect(r.output).toContain('broker-a')
    expect(r.output).toContain('broker-b')
  })
})
