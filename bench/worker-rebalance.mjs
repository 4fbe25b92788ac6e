// Join/leave handoff of our PushConsumer group while the runner produces steadily to --topic (the same procedure
// as bench/java RebalanceGap): member A starts; after --warmup-ms, once every queue of A delivers fresh messages
// (a receipt in the last 500 ms, < 200 ms old; --queues, default 4), member B starts (join);
// --window-ms later A closes (leave); --window-ms later B closes. Receipts go to --out as CSV
// `receivedAtMs,member,broker:queueId,queueOffset,bornTimestamp`; stdout gets {"tJoin","tLeave","tEnd",...}.
import { createWriteStream } from 'node:fs'
import { PushConsumer } from '../packages/client/dist/index.js'
import { nowMs, num, parseArgs, required, sleep } from './lib.mjs'

const args = parseArgs()
const warmupMs = num(args, 'warmup-ms', 3000)
const windowMs = num(args, 'window-ms', 8000)
const group = required(args, 'group')
const topic = required(args, 'topic')
const receipts = []
const errors = []
const counts = { A: 0, B: 0 }
const queues = num(args, 'queues', 4)
/** member A, per queue: [last receipt time, its latency] */
const aQueues = new Map()

function member(name) {
  const c = new PushConsumer({
    nameServer: required(args, 'namesrv'),
    group,
    instanceName: `bench-gap-${name}-${process.pid}`,
    subscriptions: { [topic]: '*' },
    consumeFrom: 'first',
    concurrency: 20,
    handler: (m) => {
      receipts.push(`${nowMs().toFixed(1)},${name},${m.brokerName}:${m.queueId},${m.queueOffset},${m.bornTimestamp}`)
      counts[name]++
      if (name === 'A') aQueues.set(m.queueId + '@' + m.brokerName, [Date.now(), Date.now() - m.bornTimestamp])
    },
  })
  c.on('error', (e) => errors.push(`${name} ${e.code}: ${e.message}`))
  c.on('pull.error', (e) => errors.push(`${name} pull ${e.queue.brokerName}:${e.queue.queueId} ${e.error.code}`))
  return c
}

const a = member('A')
const t0 = nowMs()
await a.start()
// A is steady once every queue delivers fresh messages: a receipt in the last 500 ms, less than 200 ms old
const caughtUp = () => aQueues.size >= queues && [...aQueues.values()].every(([at, latency]) => Date.now() - at <= 500 && latency <= 200)
while (nowMs() - t0 < warmupMs || (!caughtUp() && nowMs() - t0 < 120_000)) await sleep(10)
const aCaughtUpMs = nowMs() - t0

const b = member('B')
const tJoin = nowMs()
await b.start()
const bStartMs = nowMs() - tJoin
const assignmentAfterJoin = { A: a.assignment().length, B: b.assignment().length }
await sleep(Math.max(0, tJoin + windowMs - nowMs()))

const tLeave = nowMs()
const aClose = await a.close({ timeoutMs: 5000 })
const aCloseMs = nowMs() - tLeave
await sleep(Math.max(0, tLeave + windowMs - nowMs()))
const tEnd = nowMs()
const assignmentAfterLeave = { B: b.assignment().length }
await b.close({ timeoutMs: 5000 })

const w = createWriteStream(required(args, 'out'))
for (const r of receipts) w.write(r + '\n')
await new Promise((resolve, reject) => w.end((e) => (e ? reject(e) : resolve())))
process.stdout.write(
  JSON.stringify({
    client: 'ours-push',
    tJoin,
    tLeave,
    tEnd,
    receipts: receipts.length,
    aCaughtUpMs: Math.round(aCaughtUpMs),
    bStartMs: Math.round(bStartMs),
    aCloseMs: Math.round(aCloseMs),
    aCommitted: aClose.committed.length,
    assignmentAfterJoin,
    assignmentAfterLeave,
    errors: errors.slice(0, 5),
    errorCount: errors.length,
  }) + '\n',
)
process.exit(0)
