/**
 * Broker queue locks of ordered consumption over time, on the real cluster: a running member keeps its locks past
 * the broker's 60 s expiry (renewal every 20 s), and a member whose broker is paused (SIGSTOP) past the client-side
 * expiry (30 s) stops the queue, then resumes it after relocking. The two run side by side (broker-b and broker-a
 * topics) so the file costs ~90 s once.
 */
import { describe, expect, it } from 'vitest'
import { PushConsumer, type MessageQueue } from '@rocketmq-ts/client'
import { ClientInstance } from '../../packages/client/src/cluster/client-instance.js'
import { lockBatchMQ } from '../../packages/client/src/cluster/queue-locks.js'
import { silentLogger } from '../../packages/client/src/logger.js'
import { uniqueName, waitUntil } from './helpers.js'
import { consumerSuite } from './support/consumers.js'

const suite = consumerSuite()

const qkey = (q: MessageQueue) => `${q.brokerName}:${q.queueId}`

interface Member {
  consumer: PushConsumer
  handled: Array<{ body: string; queue: string; t: number }>
  locks: Array<{ ev: 'acquired' | 'lost'; queue: string; relocked?: boolean; reason?: string; t: number }>
}

function member(group: string, topic: string): Member {
  const handled: Member['handled'] = []
  const locks: Member['locks'] = []
  const consumer = new PushConsumer({
    nameServer: suite.cluster.nameServer,
    group,
    subscriptions: { [topic]: '*' },
    consumeFrom: 'first',
    ordering: 'queue',
    handler: (m) => {
      handled.push({ body: m.body.toString(), queue: `${m.brokerName}:${m.queueId}`, t: Date.now() })
    },
  })
  suite.track(consumer)
  consumer.on('lock.acquired', (e) => {
    if (e.queue.topic === topic) locks.push({ ev: 'acquired', queue: qkey(e.queue), relocked: e.relocked, t: Date.now() })
  })
  consumer.on('lock.lost', (e) => {
    if (e.queue.topic === topic) locks.push({ ev: 'lost', queue: qkey(e.queue), reason: e.reason, t: Date.now() })
  })
  return { consumer, handled, locks }
}

describe('ordered consumption: queue locks over time', () => {
  it('locks are renewed past 90 s; a member whose broker was paused past the lock expiry stops the queue and resumes after relocking', async () => {
    const cluster = suite.cluster

    // (1) renewal: broker-b only
    const renewTopic = uniqueName('TopicLockRenew')
    await cluster.createTopic(renewTopic, { queuesPerBroker: 2, brokers: ['broker-b'] })
    const renewGroup = uniqueName('lockrenew')
    const renew = member(renewGroup, renewTopic)

    // (2) broker pause: broker-a only
    const pauseTopic = uniqueName('TopicLockPause')
    await cluster.createTopic(pauseTopic, { queuesPerBroker: 2, brokers: ['broker-a'] })
    const paused = member(uniqueName('lockpause'), pauseTopic)

    await Promise.all([renew.consumer.start(), paused.consumer.start()])
    await waitUntil(() => renew.locks.length === 2 && paused.locks.length === 2, 30_000, 'both members to lock their 2 queues')
    const lockedAt = Math.max(...renew.locks.map((l) => l.t))

    const renewal = (async () => {
      const other = new ClientInstance({ nameServer: [cluster.nameServer], logger: silentLogger, instanceName: 'lock-prober', requestTimeoutMs: 3000, heartbeatIntervalMs: 30_000, pollNameServerIntervalMs: 30_000 })
      try {
        const queues = renew.consumer.assignment().filter((q) => q.topic === renewTopic)
        expect(queues).toHaveLength(2)
        const master = cluster.brokers['broker-b']!.master
        // Messages every ~15 s keep the member busy while its locks age past the broker's 60 s.
        let i = 0
        while (Date.now() - lockedAt < 92_000) {
          await suite.producer.send({ topic: renewTopic, body: `r${i++}` })
          await waitUntil(() => renew.handled.length === i, 30_000, `message r${i - 1}`)
          await new Promise((r) => setTimeout(r, Math.min(15_000, Math.max(0, lockedAt + 92_000 - Date.now()))))
        }
        // 92 s after the lock: another client is still refused, and the member never lost it.
        const granted = await lockBatchMQ(other.remoting, master, { group: renewGroup, clientId: other.clientId, queues })
        expect(granted).toEqual([])
        expect(renew.locks.filter((l) => l.ev === 'lost')).toEqual([])
        await suite.producer.send({ topic: renewTopic, body: 'after-90s' })
        await waitUntil(() => renew.handled.some((h) => h.body === 'after-90s'), 30_000, 'a message after 90 s')
      } finally {
        await other.close()
      }
    })()

    const pause = (async () => {
      await suite.producer.send({ topic: pauseTopic, body: 'before-pause' })
      await waitUntil(() => paused.handled.length === 1, 30_000, 'a message before the pause')
      await cluster.pauseBroker('broker-a-0')
      let resumed = false
      try {
        // The member cannot renew: within 30 s of its last grant it stops the queues (client-side expiry).
        await waitUntil(() => paused.locks.filter((l) => l.ev === 'lost').length === 2, 60_000, 'the locks to expire client-side')
      } finally {
        await cluster.resumeBroker('broker-a-0')
        resumed = true
      }
      expect(resumed).toBe(true)
      const lost = paused.locks.filter((l) => l.ev === 'lost')
      expect(lost.map((l) => l.reason)).toEqual(['expired', 'expired'])
      await waitUntil(() => paused.locks.filter((l) => l.ev === 'acquired' && l.relocked).length === 2, 60_000, 'the member to relock after the resume')
      const lostAt = Math.min(...lost.map((l) => l.t))
      const relockedAt = Math.max(...paused.locks.filter((l) => l.ev === 'acquired' && l.relocked).map((l) => l.t))
      // Stopped while not locked: no handler ran between the loss and the relock.
      expect(paused.handled.filter((h) => h.t > lostAt && h.t < relockedAt)).toEqual([])
      await suite.producer.send({ topic: pauseTopic, body: 'after-resume' })
      await waitUntil(() => paused.handled.some((h) => h.body === 'after-resume'), 60_000, 'a message after the relock')
      expect(paused.handled.map((h) => h.body)).toEqual(['before-pause', 'after-resume'])
    })()

    await Promise.all([renewal, pause])
    await Promise.all([renew.consumer.close(), paused.consumer.close()])
  }, 240_000)
})
