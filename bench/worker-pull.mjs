// Our PullConsumer (subscribe mode) in its own process:
//   node bench/worker-pull.mjs --namesrv H:P --topic T --group G --count 100000 [--max 32]
// poll({ max }) in a loop until --count messages; prints one JSON line like worker-push.mjs.
import { clientModule, contextSwitches, cpuMsSince, nowMs, num, parseArgs, procMemory, required, sleep } from './lib.mjs'

const args = parseArgs()
// --client <path of a built packages/client/dist/index.js>: measure another build (bench/run.mjs --before) with this worker
const { PullConsumer } = await import(clientModule(args))
const count = num(args, 'count', 100_000)
const max = num(args, 'max', 32)
const timeoutMs = num(args, 'timeout-ms', 300_000)
const errors = []

const consumer = new PullConsumer({
  nameServer: required(args, 'namesrv'),
  group: required(args, 'group'),
  subscriptions: { [required(args, 'topic')]: '*' },
  consumeFrom: 'first',
  pullBatchSize: max,
  autoCommit: true,
})
consumer.on('error', (e) => errors.push(`${e.code}: ${e.message}`))
consumer.on('pull.error', (e) => errors.push(`pull ${e.queue.brokerName}:${e.queue.queueId} ${e.error.code}: ${e.error.message}`))

const t0 = nowMs()
const cpu0 = process.cpuUsage()
let cpuFirst = null
let cpuWindow = null
await consumer.start()
const deadline = t0 + timeoutMs
let consumed = 0
let firstAt = 0
let lastAt = 0
let polls = 0
while (consumed < count && nowMs() < deadline) {
  const batch = await consumer.poll({ max, timeoutMs: 1000 })
  polls++
  if (batch.length === 0) continue
  if (firstAt === 0) {
    firstAt = nowMs()
    cpuFirst = process.cpuUsage()
  }
  consumed += batch.length
  if (consumed >= count) {
    lastAt = nowMs()
    cpuWindow = cpuMsSince(cpuFirst)
  }
}
const ok = consumed >= count
const cpuTotalMs = cpuMsSince(cpu0)
const tc = nowMs()
const closeResult = await Promise.race([consumer.close(), sleep(15_000).then(() => 'close-hung')])
const closeMs = nowMs() - tc
const ms = ok ? lastAt - firstAt : nowMs() - firstAt
const proc = procMemory()
const out = {
  client: 'ours-pull',
  ok,
  consumed,
  ms: Math.round(ms),
  msgsPerSec: ok && ms > 0 ? Math.round((count * 1000) / ms) : 0,
  startMs: Math.round(firstAt ? firstAt - t0 : -1),
  polls,
  cpuMs: cpuWindow === null ? null : Math.round(cpuWindow),
  cpuTotalMs: Math.round(cpuTotalMs),
  closeMs: Math.round(closeMs),
  closeHung: closeResult === 'close-hung',
  peakRssMiB: proc?.hwm ? +(proc.hwm / 1024 / 1024).toFixed(1) : null,
  errors: errors.slice(0, 5),
  errorCount: errors.length,
  ...contextSwitches(),
}
process.stdout.write(JSON.stringify(out) + '\n')
process.exit(ok ? 0 : 2)
