// Our PushConsumer in an ordered mode, in its own process.
//   drain: node bench/worker-orderly.mjs --namesrv H:P --topic T --group G --mode queue|key --count N [--concurrency 20] [--handler-ms 0]
//   member (until killed): ... --events FILE --member NAME   (no --count)
// --events FILE: one CSV line per handler start, `start,member,broker:queueId,queueOffset,body,epochMs` (as bench.OrderlyMember).
// Drain mode prints one JSON line: consumed, ms (first message handled -> count-th), msgsPerSec, startMs, and
// orderViolations (bodies `key:seq`: a key's seq handled before its predecessor).
import { openSync, writeSync } from 'node:fs'
import { PushConsumer } from '../packages/client/dist/index.js'
import { nowMs, num, parseArgs, required, sleep } from './lib.mjs'

const args = parseArgs()
const count = num(args, 'count', 0)
const handlerMs = num(args, 'handler-ms', 0)
const timeoutMs = num(args, 'timeout-ms', 600_000)
const member = typeof args.member === 'string' ? args.member : `ours-${process.pid}`
const checkOrder = args['check-order'] === 'true'
const events = typeof args.events === 'string' ? openSync(args.events, 'a') : undefined

let consumed = 0
let firstAt = 0
let lastAt = 0
let violations = 0
const lastSeq = new Map()
let doneResolve
const done = new Promise((resolve) => (doneResolve = resolve))
const errors = []

function handled(m) {
  if (events !== undefined) writeSync(events, `start,${member},${m.brokerName}:${m.queueId},${m.queueOffset},${m.body.toString()},${Date.now()}\n`)
  if (checkOrder) {
    const [key, seq] = m.body.toString().split(':')
    const prev = lastSeq.get(key) ?? -1
    if (Number(seq) !== prev + 1) violations++
    lastSeq.set(key, Number(seq))
  }
  consumed++
  if (consumed === 1) firstAt = nowMs()
  if (count > 0 && consumed === count) {
    lastAt = nowMs()
    doneResolve('count')
  }
}

const consumer = new PushConsumer({
  nameServer: required(args, 'namesrv'),
  group: required(args, 'group'),
  subscriptions: { [required(args, 'topic')]: '*' },
  consumeFrom: 'first',
  ordering: required(args, 'mode'),
  concurrency: num(args, 'concurrency', 20),
  handler: handlerMs > 0
    ? async (m) => {
        await sleep(handlerMs)
        handled(m)
      }
    : (m) => handled(m),
})
consumer.on('error', (e) => errors.push(`${e.code}: ${e.message}`))

const t0 = nowMs()
await consumer.start()
if (count <= 0) {
  process.stdout.write(JSON.stringify({ ready: true, member, clientId: consumer.clientId }) + '\n')
  await sleep(timeoutMs)
  process.exit(0)
}
const timer = setTimeout(() => doneResolve('timeout'), timeoutMs)
const reason = await done
clearTimeout(timer)
await consumer.close({ timeoutMs: 5000 })
const ms = lastAt - firstAt
const out = {
  client: `ours-orderly-${args.mode}`,
  ok: reason === 'count',
  consumed,
  ms: Math.round(ms),
  msgsPerSec: reason === 'count' && ms > 0 ? Math.round((count * 1000) / ms) : 0,
  startMs: Math.round(firstAt ? firstAt - t0 : -1),
  orderViolations: checkOrder ? violations : null,
  errors: errors.slice(0, 5),
}
process.stdout.write(JSON.stringify(out) + '\n')
process.exit(out.ok ? 0 : 2)
