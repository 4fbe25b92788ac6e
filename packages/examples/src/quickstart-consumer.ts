// The consumer shown in README.md (kept here so it is type-checked). Run: node packages/examples/dist/quickstart-consumer.js
import { PushConsumer, type MessageQueue, type MessageView } from '@rocketmq-ts/client'

const consumer = new PushConsumer({
  nameServer: process.env['ROCKETMQ_NAMESRV'] ?? '127.0.0.1:9876',
  group: 'stock_consumer_group', // one group per system; every group gets every message
  subscriptions: { TopicOrderPaySuccess: '*' }, // or a tag expression: 'alipay || wechat'
  handler: async (message: MessageView) => {
    const order = JSON.parse(message.body.toString('utf8')) as { orderId: string; amountCents: number }
    console.log(`${order.orderId} paid via ${message.tags}: ${order.amountCents / 100} CNY`)
    // resolve = consumed (the offset moves on); throw = RocketMQ delivers it again later
  },
  onAssign: async (queues: MessageQueue[]) => console.log('now own', queues.map((q) => `${q.brokerName}:${q.queueId}`)),
})
consumer.on('error', (err) => console.error(err.code, err.message))
await consumer.start() // resolves once this member owns its queues

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void consumer.close().then(() => process.exit(0))) // drain, commit, leave the group
}
