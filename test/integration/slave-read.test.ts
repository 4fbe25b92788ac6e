/**
 * Reads from slaves (issue 3): the broker's suggestWhichBrokerId moves pulls to the slave; when broker-a's master
 * dies, replicated messages keep coming from its slave; when it returns, pulls go back to it.
 * This file stops and restarts broker-a's master, so it restores the cluster before it ends.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PushConsumer, type MessageQueue } from '@rocketmq-ts/client'
import { RemotingClient } from '../../packages/client/src/remoting/remoting-client.js'
import { getMaxOffset } from '../../packages/client/src/cluster/broker-api.js'
import { getTopicConfigsAt } from '@rocketmq-ts/testkit'
import { uniqueName, waitFor } from './helpers.js'
import { Collector, consumerSuite, produce } from './support/consumers.js'

const suite = consumerSuite()
let remoting: RemotingClient

interface PullEvent {
  queue: MessageQueue
  status: string
  brokerId: number
  sentAt: number
  messages: number
}

beforeAll(() => {
  remoting = new RemotingClient()
})

afterAll(async () => {
  await remoting.close()
})

/**
 * Wait until broker-a's slave has every message its master has, for the topic's broker-a queues, and knows the topic.
 * A 4.x slave learns topics only from its master's sync every 10 s (it refuses topic updates): one whose master dies
 * before that answers TOPIC_NOT_EXIST for the topic until the master is back, as it would in production.
 */
async function replicated(topic: string): Promise<void> {
  const { master, slave } = suite.cluster.brokers['broker-a']
  await waitFor(
    async () => {
      if ((await getTopicConfigsAt(slave!))[topic] === undefined) return false
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

describe('slave reads', () => {
  it('pulls go to the slave when the master advises it (accessMessageInMemoryMaxRatio=0 at run time)', async () => {
    const topic = uniqueName('TopicSlaveAdvice')
    await suite.cluster.createTopic(topic, { queuesPerBroker: 2 })
    const ids = await produce(suite.producer, topic, 200)
    await replicated(topic)
    await suite.cluster.updateBrokerConfig('broker-a-0', 'accessMessageInMemoryMaxRatio', 0)
    await suite.cluster.updateBrokerConfig('broker-a-1', 'accessMessageInMemoryMaxRatio', 0)
    try {
      const seen = new Collector()
      const pulls: PullEvent[] = []
      const redirects: Array<{ toBrokerId: number; address: string }> = []
      const c = new PushConsumer({ nameServer: suite.cluster.nameServer, group: uniqueName('slaveadvice'), subscriptions: { [topic]: '*' }, consumeFrom: 'first', handler: seen.add })
      suite.track(c)
      c.on('pull.completed', (p) => pulls.push(p))
      c.on('pull.redirected', (r) => redirects.push(r))
      await c.start()
      await seen.until(() => seen.unique === 200, 60_000, 'all 200 messages')
      expect(seen.missing(ids)).toEqual([])
      const fromSlave = pulls.filter((p) => p.queue.brokerName === 'broker-a' && p.brokerId === 1 && p.status === 'FOUND')
      expect(fromSlave.length).toBeGreaterThan(0)
      expect(redirects.some((r) => r.toBrokerId === 1 && r.address === suite.cluster.brokers['broker-a'].slave)).toBe(true)
      // broker-b keeps the default ratio: its queues are read from the master only.
      expect(pulls.filter((p) => p.queue.brokerName === 'broker-b' && p.status === 'FOUND').every((p) => p.brokerId === 0)).toBe(true)
      await c.close()
    } finally {
      await suite.cluster.updateBrokerConfig('broker-a-0', 'accessMessageInMemoryMaxRatio', 40)
      await suite.cluster.updateBrokerConfig('broker-a-1', 'accessMessageInMemoryMaxRatio', 40)
    }
  })

  it('broker-a master killed: replicated messages are consumed from its slave; master back: pulls return to it', async () => {
    const topic = uniqueName('TopicMasterDown')
    await suite.cluster.createTopic(topic, { queuesPerBroker: 2 })
    const seen = new Collector()
    const pulls: PullEvent[] = []
    // Hold the first message so the queues' caches fill and stop pulling: the backlog stays on the brokers.
    let release!: () => void
    const gate = new Promise<void>((r) => (release = r))
    const c = new PushConsumer({
      nameServer: suite.cluster.nameServer,
      group: uniqueName('masterdown'),
      subscriptions: { [topic]: '*' },
      consumeFrom: 'first',
      concurrency: 1,
      pullBatchSize: 4,
      pullThresholdForQueue: 4,
      handler: async (m) => {
        await gate
        seen.add(m)
      },
    })
    suite.track(c)
    c.on('pull.completed', (p) => pulls.push(p))
    await c.start()
    const before = await produce(suite.producer, topic, 200, { prefix: 'before' })
    await replicated(topic)
    let killedAt = 0
    try {
      await suite.cluster.killBroker('broker-a-0', 'SIGKILL')
      killedAt = Date.now()
      release()
      await seen.until(() => seen.missing(before).length === 0, 90_000, 'every replicated message while the master is down')
      const slavePulls = pulls.filter((p) => p.queue.brokerName === 'broker-a' && p.brokerId === 1 && p.status === 'FOUND' && p.sentAt >= killedAt)
      expect(slavePulls.length).toBeGreaterThan(0)
    } finally {
      await suite.cluster.restartBroker('broker-a-0')
    }
    const backAt = Date.now()
    const after = await produce(suite.producer, topic, 100, { prefix: 'after' })
    await seen.until(() => seen.missing(after).length === 0, 90_000, 'messages sent after the master returned')
    // Keep messages flowing until one is served by the returned master.
    let extra = 0
    try {
      await waitFor(
        async () => {
          if (pulls.some((p) => p.queue.brokerName === 'broker-a' && p.brokerId === 0 && p.status === 'FOUND' && p.sentAt >= backAt)) return true
          await suite.producer.send({ topic, body: `probe-${extra++}` })
          return false
        },
        { timeoutMs: 60_000, intervalMs: 500, message: 'a pull served by the returned master' },
      )
    } catch (e) {
      const recent = pulls.filter((p) => p.queue.brokerName === 'broker-a' && p.sentAt >= backAt).slice(-10)
      throw new Error(`${(e as Error).message}; last broker-a pulls: ${JSON.stringify(recent)}`)
    }
    await c.close()
  })
})
