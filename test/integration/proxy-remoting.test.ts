/**
 * The 5.x proxy's remoting port, reached with our remoting transport (`nameServer` = the proxy's remoting address):
 * what it carries (routes pointing at the proxy itself, send, queue consumption with heartbeats, rebalance, long
 * pulls and offset commits, the pull consumer) and what it refuses (POP: ERR_UNSUPPORTED_VERSION at start).
 */
import { describe, expect, it } from 'vitest'
import { Admin, Producer, PullConsumer, PushConsumer, type MessageView, type RocketMQError } from '@rocketmq-ts/client'
import { ROCKETMQ_VERSION } from '@rocketmq-ts/testkit'
import { clusterAddresses, uniqueName, waitUntil } from './helpers.js'
import { consumerSuite } from './support/consumers.js'

const suite = consumerSuite()
const proxy = clusterAddresses().proxy?.remoting

describe.runIf(ROCKETMQ_VERSION.startsWith('5.') && proxy !== undefined)("through the 5.x proxy's remoting port", () => {
  it('routes, send, queue push consumption with committed offsets, and the pull consumer work; POP is refused at start', async () => {
    const t = uniqueName('TopicViaProxy')
    await suite.cluster.createTopic(t, { queuesPerBroker: 2 })
    const admin = new Admin({ nameServer: proxy! })
    const producer = suite.track(new Producer({ nameServer: proxy! }))
    try {
      // The proxy answers routes with itself as every broker's address; requests carry the broker name (bname).
      const route = await admin.topicRoute(t)
      expect(route.brokers.map((b) => [b.brokerName, b.master])).toEqual([
        ['broker-a', proxy],
        ['broker-b', proxy],
      ])
      const sent = []
      for (let i = 0; i < 20; i++) sent.push(await producer.send({ topic: t, body: `p-${i}` }))
      expect(new Set(sent.map((s) => s.queue.brokerName))).toEqual(new Set(['broker-a', 'broker-b']))

      const group = uniqueName('viaproxy')
      const got = new Set<string>()
      const c = new PushConsumer({ nameServer: proxy!, group, subscriptions: { [t]: '*' }, consumeFrom: 'first', handler: (m: MessageView) => void got.add(m.body.toString()) })
      await c.start()
      expect(c.assignment()).toHaveLength(4)
      await waitUntil(() => got.size === 20, 60_000, 'all 20 messages through the proxy')
      const closed = await c.close()
      expect(closed.committed.reduce((n, q) => n + q.offset, 0)).toBe(20)
      // The commits reached the brokers: the cluster itself (not the proxy) shows the group without lag.
      const direct = new Admin({ nameServer: suite.cluster.nameServer })
      try {
        expect((await direct.describeGroup(group, { topics: [t] })).totalLag).toBe(0)
      } finally {
        await direct.close()
      }

      const pull = suite.track(new PullConsumer({ nameServer: proxy!, group: uniqueName('viaproxypull'), subscriptions: { [t]: '*' }, consumeFrom: 'first' }))
      await pull.start()
      const polled = new Set<string>()
      await waitUntil(async () => {
        for (const m of await pull.poll({ timeoutMs: 1000 })) polled.add(m.body.toString())
        return polled.size === 20
      }, 60_000, 'the pull consumer through the proxy')

      const pop = new PushConsumer({ nameServer: proxy!, group: uniqueName('viaproxypop'), subscriptions: { [t]: '*' }, pop: true, handler: () => undefined })
      const refused = await pop.start().then(
        () => undefined,
        (e: RocketMQError) => e,
      )
      expect(refused?.code).toBe('ERR_UNSUPPORTED_VERSION')
      expect(refused?.message).toMatch(/proxy's remoting port forwards no POP requests/)
    } finally {
      await admin.close()
    }
  })
})
