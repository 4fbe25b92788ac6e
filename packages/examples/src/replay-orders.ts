// Replay the paid orders of a time range with a pull consumer (e.g. to rebuild a report). Does not move any offset.
//   ROCKETMQ_NAMESRV=127.0.0.1:9876 node packages/examples/dist/replay-orders.js [minutesBack=60]
import { consoleLogger } from '@rocketmq-ts/client'
import { replayOrders } from './replay.js'
import { nameServerFromEnv } from './shutdown.js'

const minutes = Number(process.argv[2] ?? 60)
const to = Date.now()
const from = to - minutes * 60_000
const controller = new AbortController()
process.once('SIGINT', () => controller.abort())
const report = await replayOrders({
  nameServer: nameServerFromEnv(),
  ...(process.env['ORDER_TOPIC'] ? { topic: process.env['ORDER_TOPIC'] } : {}),
  from,
  to,
  signal: controller.signal,
  logger: consoleLogger('warn'),
})
process.stdout.write(`${new Date(from).toISOString()} .. ${new Date(to).toISOString()}: ${report.orders} orders over ${report.queues} queues\n`)
for (const [channel, cents] of Object.entries(report.amountCentsByChannel)) process.stdout.write(`  ${channel.padEnd(8)} ${(cents / 100).toFixed(2)} CNY\n`)
