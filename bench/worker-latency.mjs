// End-to-end latency at a fixed rate, our PushConsumer (the same procedure as bench/java LatencyConsumer):
//   node bench/worker-latency.mjs --namesrv H:P --topic T --group G --count 40000 [--queues 4] [--concurrency 20]
// The runner feeds T with an open-loop producer; every message carries `benchT` (intended send time, epoch ms) and
// `benchM` (1 once measured). Prints {"ready":true} once every queue delivered a message in the last 500 ms that is
// less than 200 ms after its born time (or 40 s after start), then records for the --count measured messages receive - intended (e2e), store - born and
// receive - store, and prints the exact quantiles of each and the CPU over the window.
import { PushConsumer } from '../packages/client/dist/index.js'
import { cpuMsSince, latencySummary, nowMs, num, parseArgs, procMemory, required, sleep } from './lib.mjs'

const args = parseArgs()
const count = num(args, 'count', 10_000)
const queues = num(args, 'queues', 4)
const timeoutMs = num(args, 'timeout-ms', 120_000)
const idleMs = num(args, 'idle-ms', 5000)
const e2e = new Float64Array(count)
const store = new Float64Array(count)
const deliver = new Float64Array(count)
let n = 0
let cpuFirst = null
let lastAt = Date.now()
let ready = false
const warm = new Map()
const startAt = Date.now()
let resolveDone
const done = new Promise((resolve) => (resolveDone = resolve))
const errors = []

const consumer = new PushConsumer({
  nameServer: required(args, 'namesrv'),
  group: required(args, 'group'),
  subscriptions: { [required(args, 'topic')]: '*' },
  consumeFrom: 'first',
  concurrency: num(args, 'concurrency', 20),
  handler: (m) => {
    const now = nowMs()
    const t = m.getProperty('benchT')
    if (t === undefined) return
    const lat = now - Number(t)
    lastAt = Date.now()
    if (m.getProperty('benchM') === '1') {
      const i = n++
      if (i === 0) cpuFirst = process.cpuUsage()
      if (i < count) {
        e2e[i] = lat
        store[i] = m.storeTimestamp - m.bornTimestamp
        deliver[i] = now - m.storeTimestamp
      }
      if (i === count - 1) resolveDone('count')
    } else if (!ready) {
      // steady: every queue delivered in the last 500 ms, messages less than 200 ms after the producer sent them
      // (born time: a producer that falls behind its schedule must not keep the run from starting); at most 40 s
      warm.set(`${m.brokerName}:${m.queueId}`, [now, now - m.bornTimestamp])
      const steady = warm.size >= queues && Date.now() - startAt > 1000 && [...warm.values()].every(([at, l]) => now - at <= 500 && l <= 200)
      if (steady || Date.now() - startAt > 40_000) {
        ready = true
        process.stdout.write(`{"ready":true,"steady":${steady}}\n`)
      }
    }
  },
})
consumer.on('error', (e) => errors.push(`${e.code}: ${e.message}`))
consumer.on('pull.error', (e) => errors.push(`pull ${e.queue.brokerName}:${e.queue.queueId} ${e.error.code}: ${e.error.message}`))
await consumer.start()
const deadline = Date.now() + timeoutMs
const watch = setInterval(() => {
  if (Date.now() > deadline) resolveDone('timeout')
  else if (n > 0 && Date.now() - lastAt > idleMs) resolveDone('idle')
}, 200)
const reason = await done
clearInterval(watch)
const cpuMs = cpuFirst === null ? null : Math.round(cpuMsSince(cpuFirst))
const got = Math.min(n, count)
await Promise.race([consumer.close({ timeoutMs: 5000 }), sleep(15_000)])
const proc = procMemory()
const out = {
  client: 'ours-push',
  ok: got > 0,
  reason,
  measured: got,
  expected: count,
  cpuMs,
  e2e: latencySummary(e2e.subarray(0, got)),
  store: latencySummary(store.subarray(0, got)),
  deliver: latencySummary(deliver.subarray(0, got)),
  peakRssMiB: proc?.hwm ? +(proc.hwm / 1024 / 1024).toFixed(1) : null,
  errors: errors.slice(0, 5),
  errorCount: errors.length,
}
process.stdout.write(JSON.stringify(out) + '\n')
process.exit(out.ok ? 0 : 2)
