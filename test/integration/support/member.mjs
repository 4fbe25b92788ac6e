// A consumer group member in its own process, driven by the parent test over IPC.
// argv: nameServer group topic [model]
import { PushConsumer } from '../../../packages/client/dist/index.js'

const [nameServer, group, topic, model = 'clustering'] = process.argv.slice(2)
const consumer = new PushConsumer({
  nameServer,
  group,
  model,
  subscriptions: { [topic]: '*' },
  consumeFrom: 'first',
  rebalanceIntervalMs: 2000,
  handler: async (m) => {
    process.send?.({ type: 'message', msgId: m.msgId, queueId: m.queueId, broker: m.brokerName, offset: m.queueOffset })
  },
})
consumer.on('rebalance.completed', () => process.send?.({ type: 'assignment', queues: consumer.assignment() }))
process.on('message', async (cmd) => {
  if (cmd?.type === 'close') {
    await consumer.close()
    process.send?.({ type: 'closed' })
    process.exit(0)
  }
})
process.on('disconnect', () => process.exit(0))
await consumer.start()
process.send?.({ type: 'started', clientId: consumer.clientId, queues: consumer.assignment() })
