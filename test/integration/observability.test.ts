/**
 * Observability on the kit's cluster: consumer.metrics() (offsets, broker max offset, lag) while a group drains a topic.
 */
import { describe, expect, it } from 'vitest'
import { PushConsumer, type MessageView } from '@rocketmq-ts/client'
import { uniqueName, waitUntil } from './helpers.js'
import { Collector, consumerSuite, produce } from './support/consumers.js'

const suite = consumerSuite()

describe('consumer.metrics()', () => {
  it('shows the backlog as lag before the handler runs, then lag 0 and committed = consumed = broker max offset', async () => {
    const topic = uniqueName('T_metrics')
    const group = uniqueName('G_metrics')
    await suite.cluster.createTopic(topic, { queuesPerBroker: 2 })
    await produce(suite.producer, topic, 40)
    let release!: () => void
    const released = new Promise<void>((r) => (release = r))
    const got = new Collector()
    const c = suite.track(
      new PushConsumer({
        nameServer: suite.cluster.nameServer,
        group,
        subscriptions: { [topic]: '*' },
        consumeFrom: 'first',
        persistOffsetIntervalMs: 1000,
        handler: async (m: MessageView) => {
          await released
          got.add(m)
        },
      }),
    )
    await c.start()
    // Every queue pulled once, nothing consumed yet: lag = what was produced.
    // The group's own queues (the retry topic's queues are owned too: they are empty here).
    const mine = () => c.metrics().queues.filter((q) => q.queue.topic === topic)
    await waitUntil(() => mine().length === 4 && mine().every((q) => q.cachedCount === q.brokerMaxOffset - q.consumedOffset), 30_000, 'every queue pulled to its end')
    const before = c.metrics()
    expect(mine().reduce((s, q) => s + q.brokerMaxOffset, 0)).toBe(40)
    expect(mine().every((q) => q.consumedOffset === 0 && q.lastPullTimestamp > 0)).toBe(true)
    expect(before.lag).toBe(40)
    expect(before.cachedCount).toBe(40)
    release()
    await got.until(() => got.unique === 40, 60_000, '40 consumed')
    await waitUntil(() => mine().every((q) => q.committedOffset === q.brokerMaxOffset), 30_000, 'committed up to the end')
    const after = c.metrics()
    expect(after.lag).toBe(0)
    expect(after.cachedCount).toBe(0)
    for (const q of mine()) expect(q.consumedOffset).toBe(q.brokerMaxOffset)
    expect(mine().reduce((s, q) => s + q.committedOffset, 0)).toBe(40)
  })
})
