// An ordered PushConsumer in its own process (so a test can SIGKILL it), driven by the parent over IPC.
// argv: nameServer group topic member [ordering=queue] [handlerMs=0]
// Reports every handler start and end: { type: 'ev', ev: 'start'|'end', member, queue, offset, body, t }.
import { PushConsumer } from '../../../packages/client/dist/index.js'

const [nameServer, group, topic, member, ordering = 'queue', handlerMs = '0'] = process.argv.slice(2)
const pause = Number(handlerMs)
const consumer = new PushConsumer({
  nameServer,
  group,
  subscriptions: { [topic]: '*' },
  consumeFrom: 'first',
  ordering,
  rebalanceIntervalMs: 2000,
  handler: async (m) => {
    const ev = { type: 'ev', member, queue: `${m.brokerName}:${m.queueId}`, offset: m.queueOffset, body: m.body.toString() }
    process.send?.({ ...ev, ev: 'start', t: Date.now() })
    if (pause > 0) await new Promise((r) => setTimeout(r, pause))
    process.send?.({ ...ev, ev: 'end', t: Date.now() })
  },
})
const assignment = () => consumer.assignment().filter((q) => q.topic === topic)
consumer.on('rebalance.completed', () => process.send?.({ type: 'assignment', queues: assignment() }))
consumer.on('lock.acquired', (e) => process.send?.({ type: 'lock', ev: 'acquired', queue: `${e.queue.brokerName}:${e.queue.queueId}`, topic: e.queue.topic, t: Date.now() }))
consumer.on('lock.lost', (e) => process.send?.({ type: 'lock', ev: 'lost', reason: e.reason, queue: `${e.queue.brokerName}:${e.queue.queueId}`, topic: e.queue.topic, t: Date.now() }))
process.on('message', async (cmd) => {
  if (cmd?.type === 'close') {
    await consumer.close()
    process.send?.({ type: 'closed' })
    process.exit(0)
  }
})
process.on('disconnect', () => process.exit(0))
// Bounded, so an orphan (parent gone before its SIGKILL) still ends.
setTimeout(() => process.exit(3), 10 * 60_000).unref()
await consumer.start()
process.send?.({ type: 'started', clientId: consumer.clientId, queues: assignment() })
