// Broadcasting: run this on every machine; each instance receives every price change and refreshes its own cache.
//   ROCKETMQ_NAMESRV=127.0.0.1:9876 node packages/examples/dist/price-cache-consumer.js
//   ROCKETMQ_NAMESRV=127.0.0.1:9876 node packages/examples/dist/price-cache-consumer.js publish SKU-1 1999
import { Admin, Producer, consoleLogger, isRocketMQError } from '@rocketmq-ts/client'
import { PRICE_TOPIC, publishPriceChange, startPriceCache } from './price-cache.js'
import { nameServerFromEnv, onShutdown } from './shutdown.js'

const nameServer = nameServerFromEnv()
// Topics are normally created by whoever runs the cluster; for the example, create it when missing.
const admin = new Admin({ nameServer })
try {
  await admin.topicRoute(PRICE_TOPIC).catch(async (e: unknown) => {
    if (isRocketMQError(e) && e.code === 'ERR_TOPIC_NOT_FOUND') await admin.createTopic(PRICE_TOPIC, { queuesPerBroker: 2 })
    else throw e
  })
} finally {
  await admin.close()
}

if (process.argv[2] === 'publish') {
  const producer = new Producer({ nameServer })
  const [sku = 'SKU-1', price = '1999'] = process.argv.slice(3)
  const r = await publishPriceChange(producer, { sku, priceCents: Number(price), version: Date.now() })
  process.stdout.write(`published ${sku}=${price} as ${r.msgId}\n`)
  await producer.close()
} else {
  const cache = await startPriceCache({
    nameServer,
    logger: consoleLogger('warn'),
    onChange: (c) => process.stdout.write(`[price-cache ${process.pid}] ${c.sku} = ${(c.priceCents / 100).toFixed(2)} (v${c.version})\n`),
  })
  process.stdout.write(`[price-cache ${process.pid}] listening (broadcasting: every instance gets every change); Ctrl-C to stop\n`)
  onShutdown(() => cache.close())
}
