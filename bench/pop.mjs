// POP drain against queue consumption, same cluster, same backlog, one run:
//   npm run build && node bench/pop.mjs --namesrv H:P [--count 100000] [--size 1024] [--java true]
// Fills a 4-queue topic (2 per broker) with --count x --size bytes once, then drains it with a fresh group per row:
// ours by POP with 1, 4 and 8 member processes, ours by queue (push) with 1 and 4, and (--java true) the Java
// DefaultMQPushConsumer by POP (1 member). Per row: msgs/s over the group (first message of any member to the last
// message of any member), and CPU seconds per 100k messages summed over the member processes (startup included).
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { Admin, Producer } from '../packages/client/dist/index.js'
import { BENCH_DIR, ensureJavaBuild, javaArgs, javaExecutable, lastJsonLine, num, parseArgs, required } from './lib.mjs'

const args = parseArgs()
const nameServer = required(args, 'namesrv')
const count = num(args, 'count', 100_000)
const size = num(args, 'size', 1024)
const topic = `BenchPop_${Date.now().toString(36)}`

const admin = new Admin({ nameServer })
await admin.createTopic(topic, { queuesPerBroker: 2 })
const producer = new Producer({ nameServer })
const body = Buffer.alloc(size, 'x')
const t0 = Date.now()
for (let i = 0; i < count; i += 256) {
  const sends = []
  for (let j = i; j < Math.min(count, i + 256); j++) sends.push(producer.send({ topic, body }))
  await Promise.all(sends)
}
await producer.close()
process.stderr.write(`filled ${topic} with ${count} x ${size} B in ${Date.now() - t0} ms\n`)

function run(command, argv) {
  return new Promise((resolve) => {
    const p = spawn(command, argv, { stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    p.stdout.on('data', (d) => (out += d))
    p.on('exit', () => resolve(lastJsonLine(out)))
  })
}

async function ours(mode, members) {
  const group = `bench_${mode}_${members}_${Date.now().toString(36)}`
  if (mode === 'pop') await admin.setMessageRequestMode(group, topic, 'pop')
  const worker = join(BENCH_DIR, 'worker-push.mjs')
  const rows = await Promise.all(
    Array.from({ length: members }, () =>
      run(process.execPath, [worker, '--namesrv', nameServer, '--topic', topic, '--group', group, '--idle-ms', '4000', ...(mode === 'pop' ? ['--pop', 'true'] : [])]),
    ),
  )
  const consumed = rows.reduce((n, r) => n + (r?.consumed ?? 0), 0)
  const first = Math.min(...rows.map((r) => r?.firstEpochMs || Infinity))
  const last = Math.max(...rows.map((r) => r?.lastEpochMs || 0))
  const cpuMs = rows.reduce((n, r) => n + (r?.cpuMs ?? 0), 0)
  return {
    client: `ours-${mode}`,
    members,
    consumed,
    duplicates: Math.max(0, consumed - count),
    msgsPerSec: Math.round((consumed * 1000) / Math.max(1, last - first)),
    cpuSecPer100k: +((cpuMs / 1000) * (100_000 / Math.max(1, consumed))).toFixed(2),
    perMember: rows.map((r) => r?.consumed ?? 0),
  }
}

async function javaPop() {
  ensureJavaBuild(process.env.ROCKETMQ_VERSION ?? '5.5.0')
  const group = `bench_javapop_${Date.now().toString(36)}`
  await admin.setMessageRequestMode(group, topic, 'pop')
  const r = await run(javaExecutable(), javaArgs('bench.PushDrain', ['--namesrv', nameServer, '--topic', topic, '--group', group, '--count', String(count), '--pop', 'true']))
  return { client: 'java-pop', members: 1, consumed: r?.consumed, msgsPerSec: r?.msgsPerSec }
}

const results = []
for (const [mode, members] of [
  ['pop', 1],
  ['pop', 4],
  ['pop', 8],
  ['push', 1],
  ['push', 4],
]) {
  const r = await ours(mode, members)
  results.push(r)
  process.stderr.write(`${JSON.stringify(r)}\n`)
}
if (args.java === 'true' || args.java === true) {
  const r = await javaPop()
  results.push(r)
  process.stderr.write(`${JSON.stringify(r)}\n`)
}
await admin.close()
process.stdout.write(JSON.stringify({ topic, count, size, results }, null, 2) + '\n')
