// A POP consumer member (PushConsumer with `pop`) in its own process, driven by the parent test over IPC.
// argv[2]: JSON { nameServer, group, topic, pop, concurrency, handlerDelayMs }. Reports { type: 'started', clientId, queues },
// { type: 'message', msgId, reconsumeTimes, at } per handled message; { type: 'close' } closes it.
import { setTimeout as sleep } from 'node:timers/promises'
import { PushConsumer } from '../../../packages/client/dist/index.js'

const o = JSON.parse(process.argv[2])
const consumer = new PushConsumer({
  nameServer: o.nameServer,
  group: o.group,
  subscriptions: { [o.topic]: '*' },
  consumeFrom: 'first',
  pop: o.pop ?? true,
  concurrency: o.concurrency ?? 20,
  rebalanceIntervalMs: 2000,
  handler: async (m) => {
    if (o.handlerDelayMs) await sleep(o.handlerDelayMs)
    process.send?.({ type: 'message', msgId: m.msgId, reconsumeTimes: m.reconsumeTimes, at: Date.now() })
  },
})
consumer.on('error', (e) => process.send?.({ type: 'error', code: e.code, message: e.message }))
process.on('message', async (cmd) => {
  if (cmd?.type === 'close') {
    await consumer.close()
    process.send?.({ type: 'closed' })
    process.exit(0)
  }
})
process.on('disconnect', () => process.exit(0))
setTimeout(() => process.exit(3), 10 * 60_000).unref()
await consumer.start()
process.send?.({ type: 'started', clientId: consumer.clientId, queues: consumer.assignment() })
