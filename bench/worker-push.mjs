// Our PushConsumer in its own process (clean heap; its RSS is its own).
//   drain:  node bench/worker-push.mjs --namesrv H:P --topic T --group G --count 100000 [--concurrency 20]
//   memory: node bench/worker-push.mjs --namesrv H:P --topic T --group G --sleep-ms 5 --duration-ms 20000
//   POP:    add --pop true (PushConsumer `pop`, RocketMQ 5.x); several workers of one group share the drain: give
//           them --idle-ms 3000 (done 3 s after the last message) and sum `consumed`; firstEpochMs/lastEpochMs/cpuMs
//           let the caller compute the group's drain time and CPU
//   gRPC:   --proxy H:P instead of --namesrv: the same PushConsumer through the proxy's gRPC port (rocketmq-client-nodejs)
// Prints one JSON line: consumed, ms (first message received -> count-th), msgsPerSec, startMs, closeMs and memory
// (rssMaxMiB sampled every --sample-ms, peakRssMiB = VmHWM, heapUsedMaxMiB).
import { clientModule, contextSwitches, cpuMsSince, nowMs, num, parseArgs, procMemory, required, sleep } from './lib.mjs'

const args = parseArgs()
// --client <path of a built packages/client/dist/index.js>: measure another build (bench/run.mjs --before) with this worker
const { PushConsumer } = await import(clientModule(args))
const count = num(args, 'count', 0)
const durationMs = num(args, 'duration-ms', 0)
const idleMs = num(args, 'idle-ms', 0)
const sleepMs = num(args, 'sleep-ms', 0)
const timeoutMs = num(args, 'timeout-ms', 300_000)
const sampleMs = num(args, 'sample-ms', 100)
if (count <= 0 && durationMs <= 0 && idleMs <= 0) throw new Error('give --count, --duration-ms or --idle-ms')

const MiB = 1024 * 1024
let rssMax = 0
let heapMax = 0
/** RSS in MiB once a second (--series-ms), with the count consumed so far: flat or growing over the run. */
const seriesMs = num(args, 'series-ms', 1000)
const series = []
let lastSeriesAt = 0
// process.memoryUsage() walks the heap spaces (it showed up in drain profiles): RSS alone every sample (cheap), the
// heap once a second
const sample = () => {
  const rss = process.memoryUsage.rss()
  if (rss > rssMax) rssMax = rss
  const now = Date.now()
  if (now - lastSeriesAt >= seriesMs) {
    lastSeriesAt = now
    const heap = process.memoryUsage().heapUsed
    if (heap > heapMax) heapMax = heap
    series.push([+(rss / MiB).toFixed(1), consumed])
  }
}
const sampler = setInterval(sample, sampleMs)

let consumed = 0
let firstAt = 0
let lastAt = 0
let cpuFirst = null
let cpuWindow = null
const cpu0 = process.cpuUsage()
let doneResolve
const done = new Promise((resolve) => (doneResolve = resolve))
const errors = []

// --proxy H:P: through the 5.x proxy's gRPC port (@rocketmq-ts/proxy on rocketmq-client-nodejs: always POP; a new
// group starts where the broker says, so the caller sets the group's offsets first)
const viaProxy = typeof args.proxy === 'string'
if (viaProxy) await import('../packages/proxy/dist/index.js')
const consumer = new PushConsumer({
  ...(viaProxy ? { proxy: { endpoints: args.proxy } } : { nameServer: required(args, 'namesrv'), consumeFrom: 'first' }),
  group: required(args, 'group'),
  subscriptions: { [required(args, 'topic')]: '*' },
  concurrency: num(args, 'concurrency', 20),
  ...((args.pop === 'true' || args.pop === true) ? { pop: true } : {}),
  handler: sleepMs > 0
    ? async () => {
        await sleep(sleepMs)
        count1()
      }
    : () => count1(),
})
let firstEpochMs = 0
let lastEpochMs = 0
let idleTimer
function count1() {
  consumed++
  lastEpochMs = Date.now()
  if (consumed === 1) {
    firstAt = nowMs()
    firstEpochMs = lastEpochMs
    cpuFirst = process.cpuUsage()
  }
  if (idleMs > 0) {
    lastAt = nowMs()
    clearTimeout(idleTimer)
    idleTimer = setTimeout(() => doneResolve('count'), idleMs)
  }
  if (count > 0 && consumed === count) {
    lastAt = nowMs()
    cpuWindow = cpuMsSince(cpuFirst)
    doneResolve('count')
  }
}
consumer.on('error', (e) => errors.push(`${e.code}: ${e.message}`))
consumer.on('pull.error', (e) => errors.push(`pull ${e.queue.brokerName}:${e.queue.queueId} ${e.error.code}: ${e.error.message}`))

const t0 = nowMs()
await consumer.start()
const startedMs = nowMs() - t0
const timers = []
if (durationMs > 0) timers.push(setTimeout(() => doneResolve('duration'), durationMs))
timers.push(setTimeout(() => doneResolve('timeout'), timeoutMs))
const reason = await done
for (const t of timers) clearTimeout(t)
sample()
const endAt = nowMs()
const consumedAtEnd = consumed
if (cpuWindow === null && cpuFirst !== null) cpuWindow = cpuMsSince(cpuFirst)
const cpuTotalMs = cpuMsSince(cpu0)
const tc = nowMs()
const closeResult = await Promise.race([consumer.close({ timeoutMs: 5000 }), sleep(15_000).then(() => 'close-hung')])
const closeMs = nowMs() - tc
clearInterval(sampler)
const ms = reason === 'count' ? lastAt - firstAt : endAt - firstAt
const proc = procMemory()
const out = {
  client: viaProxy ? 'grpc-proxy' : (args.pop === 'true' || args.pop === true) ? 'ours-pop' : 'ours-push',
  firstEpochMs,
  lastEpochMs,
  reason,
  ok: reason === 'count' || (reason === 'duration' && consumedAtEnd > 0),
  consumed: consumedAtEnd,
  ms: Math.round(ms),
  msgsPerSec: ms > 0 ? Math.round((consumedAtEnd * 1000) / ms) : 0,
  startMs: Math.round(firstAt ? firstAt - t0 : -1),
  startResolvedMs: Math.round(startedMs),
  cpuMs: cpuWindow === null ? null : Math.round(cpuWindow),
  cpuTotalMs: Math.round(cpuTotalMs),
  closeMs: Math.round(closeMs),
  closeHung: closeResult === 'close-hung',
  rssMaxMiB: +(rssMax / MiB).toFixed(1),
  peakRssMiB: proc?.hwm ? +(proc.hwm / MiB).toFixed(1) : null,
  heapUsedMaxMiB: +(heapMax / MiB).toFixed(1),
  rssSeries: durationMs > 0 ? series : undefined,
  ...contextSwitches(),
  errors: errors.slice(0, 5),
  errorCount: errors.length,
}
process.stdout.write(JSON.stringify(out) + '\n')
process.exit(out.ok ? 0 : 2)
