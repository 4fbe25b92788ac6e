// The order system: mark paid orders in its (in-memory) order table and publish them to TopicOrderPaySuccess, both or
// neither (a transactional message per order; the broker checks back with this group if we die in between).
//   ROCKETMQ_NAMESRV=127.0.0.1:9876 node packages/examples/dist/order-producer.js [count=20] [perSecond=5]
import { consoleLogger } from '@rocketmq-ts/client'
import { createOrderProducer, publishPaced } from './order-system.js'
import { nameServerFromEnv } from './shutdown.js'

const count = Number(process.argv[2] ?? 20)
const rate = Number(process.argv[3] ?? 5)
const controller = new AbortController()
process.once('SIGINT', () => controller.abort())
process.once('SIGTERM', () => controller.abort())

const orders = createOrderProducer({
  nameServer: nameServerFromEnv(),
  topic: process.env['ORDER_TOPIC'] ?? undefined,
  logger: consoleLogger('warn'),
  onCheck: (e) => process.stdout.write(`check-back for ${e.msgId}: ${e.state}\n`),
})
try {
  await orders.producer.start() // registers with the topic's brokers: check-backs for an earlier run's undecided orders come here
  await publishPaced(orders, {
    count,
    ratePerSecond: rate,
    firstSeq: Date.now() % 1_000_000_000,
    signal: controller.signal,
    onSent: (r, order) =>
      process.stdout.write(`${order.orderId} [${order.channel}] ${(order.amountCents / 100).toFixed(2)} CNY ${r.state} -> ${r.queue.brokerName}:${r.queue.queueId}@${r.queueOffset} ${r.msgId}\n`),
  })
} finally {
  await orders.close()
}
