// npm run bench:orderly — ordered consumption: ours ('queue' / 'key' mode) vs the Java MessageListenerOrderly
// (rocketmq-client, same version as the cluster), same cluster, one run.
// Usage: node bench/orderly.mjs [--only key,drain,stall] [--count 100000] [--repeat 1] [--namesrv host:port]
// Parts (see bench/README.md):
//   key:   one queue, 100 keys x 20 messages, 10 ms handler, concurrency 20: 'key' mode vs 'queue' mode (ours).
//   drain: a 100,000 x 1 KiB backlog on 4 queues: our 'queue' mode vs Java MessageListenerOrderly (20 threads).
//   stall: 2 members on 4 queues under a steady 200 msgs/s; one is SIGKILLed: how long its queues stay unconsumed
//          until the survivor locks them (ours vs Java).
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { Producer } from '../packages/client/dist/index.js'
import { ROCKETMQ_VERSION, externalCluster, startCluster } from '../packages/testkit/dist/index.js'
import { BENCH_DIR, ensureJavaBuild, javaArgs, javaExecutable, median, num, parseArgs, runChild, sleep } from './lib.mjs'

const ALL = ['key', 'drain', 'stall']
const args = parseArgs()
const only = typeof args.only === 'string' ? args.only.split(',').map((s) => s.trim()) : ALL
for (const o of only) if (!ALL.includes(o)) throw new Error(`--only: unknown part '${o}' (use ${ALL.join(', ')})`)
const want = (p) => only.includes(p)
const COUNT = num(args, 'count', 100_000)
const REPEAT = num(args, 'repeat', 1)
const STALL_RATE = num(args, 'stall-rate', 200)
const STALL_AFTER_KILL_MS = num(args, 'stall-after-kill-ms', 75_000)
const nameServerArg = typeof args.namesrv === 'string' ? args.namesrv : process.env.ROCKETMQ_NAMESRV
const stamp = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`
const log = (line) => process.stderr.write(`${line}\n`)
const work = mkdtempSync(join(tmpdir(), 'rocketmq-ts-bench-orderly-'))
const results = { date: new Date().toISOString(), machine: { cpus: cpus().length, loadavgAtStart: loadavg().map((x) => +x.toFixed(1)) }, problems: [] }
const problem = (what, detail) => {
  log(`[bench] PROBLEM ${what}: ${detail}`)
  results.problems.push({ what, detail: String(detail).slice(0, 2000) })
}

async function ours(programArgs, what) {
  const r = await runChild(process.execPath, [join(BENCH_DIR, 'worker-orderly.mjs'), ...programArgs], { timeoutMs: 600_000, what })
  if (r.code !== 0 || !r.json) problem(what, `exit ${r.code}: ${r.stderr.slice(-1500)} ${JSON.stringify(r.json)}`)
  return r.json
}

async function java(programArgs, what) {
  const r = await runChild(javaExecutable(), javaArgs('bench.OrderlyMember', programArgs, { logRoot: work }), { timeoutMs: 600_000, what })
  if (r.code !== 0 || !r.json) problem(what, `exit ${r.code}: ${r.stderr.slice(-1500)}`)
  return r.json
}

/** Starts a long-running member (ours or Java) and resolves once it printed {"ready":true}. */
function member(kind, programArgs) {
  const [cmd, argv] = kind === 'java'
    ? [javaExecutable(), javaArgs('bench.OrderlyMember', programArgs, { logRoot: work })]
    : [process.execPath, [join(BENCH_DIR, 'worker-orderly.mjs'), ...programArgs]]
  const proc = spawn(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'] })
  const exited = new Promise((resolve) => proc.once('exit', resolve))
  let err = ''
  proc.stderr.on('data', (d) => (err = (err + d).slice(-3000)))
  const ready = new Promise((resolve, reject) => {
    let out = ''
    proc.stdout.on('data', (d) => {
      out += d
      if (out.includes('{"ready":true')) resolve()
    })
    proc.once('exit', (code) => reject(new Error(`${kind} member exited early (${code}): ${err}`)))
  })
  return { proc, ready, exited, stop: async (signal = 'SIGTERM') => {
    if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal)
    await exited
  } }
}

// ------------------------------------------------------------------ parts

async function keyVsQueue(cluster, producer) {
  const topic = `bench_orderkey_${stamp}`
  await cluster.createTopic(topic, { queuesPerBroker: 1, brokers: ['broker-a'] })
  await sleep(1000)
  const KEYS = 100
  const PER_KEY = 20
  for (let seq = 0; seq < PER_KEY; seq++) {
    await Promise.all(Array.from({ length: KEYS }, (_, k) => producer.send({ topic, body: `k${k}:${seq}` }, { shardingKey: `k${k}` })))
  }
  const common = ['--namesrv', cluster.nameServer, '--topic', topic, '--count', String(KEYS * PER_KEY), '--handler-ms', '10', '--concurrency', '20', '--check-order', 'true']
  const key = await ours([...common, '--group', `bench_okey_k_${stamp}`, '--mode', 'key'], "ours 'key'")
  log(`[bench] key mode: ${JSON.stringify(key)}`)
  const queue = await ours([...common, '--group', `bench_okey_q_${stamp}`, '--mode', 'queue'], "ours 'queue'")
  log(`[bench] queue mode: ${JSON.stringify(queue)}`)
  results.key = { keys: KEYS, perKey: PER_KEY, handlerMs: 10, concurrency: 20, key, queue, ratio: key && queue ? +(key.msgsPerSec / queue.msgsPerSec).toFixed(1) : null }
}

async function drain(cluster, producer) {
  const topic = `bench_orderdrain_${stamp}`
  await cluster.createTopic(topic, { queuesPerBroker: 2 })
  await sleep(1000)
  const body = randomBytes(1024)
  const t0 = performance.now()
  let next = 0
  const lane = async () => {
    while (next < COUNT) {
      const n = Math.min(100, COUNT - next)
      next += n
      await producer.sendBatch(Array.from({ length: n }, () => ({ topic, body })))
    }
  }
  await Promise.all(Array.from({ length: 8 }, lane))
  log(`[bench] produced ${COUNT} x 1 KiB in ${Math.round(performance.now() - t0)} ms`)
  const runs = { java: [], ours: [] }
  for (let i = 0; i < REPEAT; i++) {
    const common = ['--namesrv', cluster.nameServer, '--topic', topic, '--count', String(COUNT)]
    const j = await java([...common, '--group', `bench_odrain_j${i}_${stamp}`, '--threads', '20'], `java orderly #${i + 1}`)
    log(`[bench] java orderly #${i + 1}: ${JSON.stringify(j)}`)
    if (j) runs.java.push(j)
    const o = await ours([...common, '--group', `bench_odrain_o${i}_${stamp}`, '--mode', 'queue', '--concurrency', '20'], `ours queue #${i + 1}`)
    log(`[bench] ours 'queue' #${i + 1}: ${JSON.stringify(o)}`)
    if (o) runs.ours.push(o)
  }
  const rate = (xs) => median(xs.map((x) => x.msgsPerSec))
  results.drain = { count: COUNT, bodyBytes: 1024, queues: 4, runs, javaMsgsPerSec: rate(runs.java), oursMsgsPerSec: rate(runs.ours) }
  results.drain.ratio = results.drain.javaMsgsPerSec && results.drain.oursMsgsPerSec ? +(results.drain.oursMsgsPerSec / results.drain.javaMsgsPerSec).toFixed(2) : null
}

/** Reads `start,member,queue,offset,body,t` lines. */
function readStarts(file) {
  const out = []
  let text = ''
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    return out
  }
  for (const line of text.split('\n')) {
    const [ev, who, queue, offset, , t] = line.split(',')
    if (ev === 'start') out.push({ who, queue, offset: Number(offset), t: Number(t) })
  }
  return out
}

async function stallRun(cluster, producer, kind) {
  const topic = `bench_orderstall_${kind}_${stamp}`
  await cluster.createTopic(topic, { queuesPerBroker: 2 })
  await sleep(1000)
  const group = `bench_ostall_${kind}_${stamp}`
  const fileA = join(work, `${kind}-a.csv`)
  const fileB = join(work, `${kind}-b.csv`)
  const mk = (name, file) => member(kind, ['--namesrv', cluster.nameServer, '--topic', topic, '--group', group, '--member', name, '--events', file, ...(kind === 'java' ? ['--handler-ms', '0'] : ['--mode', 'queue'])])
  let stop = false
  let i = 0
  const sender = (async () => {
    while (!stop) {
      const t = Date.now()
      const n = Math.max(1, Math.round(STALL_RATE / 20))
      await Promise.all(Array.from({ length: n }, () => producer.send({ topic, body: `s${i++}` }).catch(() => undefined)))
      await sleep(Math.max(0, 50 - (Date.now() - t)))
    }
  })()
  const a = mk('a', fileA)
  await a.ready
  const b = mk('b', fileB)
  await b.ready
  // Both consuming fresh messages on their own queues.
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    await sleep(500)
    const now = Date.now()
    const qa = new Set(readStarts(fileA).filter((r) => r.t > now - 1000).map((r) => r.queue))
    const qb = new Set(readStarts(fileB).filter((r) => r.t > now - 1000).map((r) => r.queue))
    if (qa.size === 2 && qb.size === 2) break
  }
  await sleep(3000)
  const killedAt = Date.now()
  await a.stop('SIGKILL')
  const aQueues = [...new Set(readStarts(fileA).filter((r) => r.t > killedAt - 2000).map((r) => r.queue))]
  await sleep(STALL_AFTER_KILL_MS)
  stop = true
  await sender
  await b.stop('SIGTERM')
  const bStarts = readStarts(fileB)
  const resumed = {}
  for (const q of aQueues) {
    const first = bStarts.filter((r) => r.queue === q && r.t >= killedAt).map((r) => r.t).sort((x, y) => x - y)[0]
    resumed[q] = first === undefined ? null : first - killedAt
  }
  const values = Object.values(resumed)
  const stallMs = values.includes(null) || values.length === 0 ? null : Math.max(...values)
  return { killedQueues: aQueues, resumedAfterMs: resumed, stallMs }
}

async function stall(cluster, producer) {
  results.stall = {}
  for (const kind of ['ours', 'java']) {
    try {
      results.stall[kind] = await stallRun(cluster, producer, kind)
      log(`[bench] stall ${kind}: ${JSON.stringify(results.stall[kind])}`)
    } catch (e) {
      problem(`stall ${kind}`, e?.stack ?? e)
    }
  }
}

// ------------------------------------------------------------------ main

let cluster
let producer
let exitCode = 0
try {
  const version = process.env.ROCKETMQ_VERSION ?? ROCKETMQ_VERSION
  ensureJavaBuild(version, log)
  if (nameServerArg) cluster = await externalCluster(nameServerArg)
  else {
    log('[bench] starting the test cluster ...')
    cluster = await startCluster({ portOffset: 'auto', withProxy: false, defaultTopics: false, runRoot: join(tmpdir(), 'rocketmq-ts-bench-run'), progress: (l) => log(l) })
  }
  results.rocketmq = { version: cluster.addresses().rocketmqVersion, external: cluster.external }
  producer = new Producer({ nameServer: cluster.nameServer, group: `bench_oproducer_${stamp}` })
  await producer.start()
  if (want('key')) await keyVsQueue(cluster, producer)
  if (want('drain')) await drain(cluster, producer)
  if (want('stall')) await stall(cluster, producer)
} catch (e) {
  exitCode = 1
  problem('run', e?.stack ?? e)
} finally {
  await producer?.close().catch(() => undefined)
  if (cluster && !cluster.external) await cluster.stop().catch((e) => problem('cluster stop', e))
  rmSync(work, { recursive: true, force: true })
}
results.machine.loadavgAtEnd = loadavg().map((x) => +x.toFixed(1))
mkdirSync(join(BENCH_DIR, 'results'), { recursive: true })
writeFileSync(join(BENCH_DIR, 'results', 'orderly-latest.json'), JSON.stringify(results, null, 2) + '\n')
const lines = []
if (results.key) lines.push(`key vs queue (1 queue, 100 keys x 20, 10 ms handler, concurrency 20): 'key' ${results.key.key?.msgsPerSec} msgs/s (order violations ${results.key.key?.orderViolations}), 'queue' ${results.key.queue?.msgsPerSec} msgs/s -> ${results.key.ratio}x`)
if (results.drain) lines.push(`orderly drain ${COUNT} x 1 KiB (4 queues): ours 'queue' ${results.drain.oursMsgsPerSec} msgs/s, Java MessageListenerOrderly ${results.drain.javaMsgsPerSec} msgs/s -> ${results.drain.ratio}x`)
if (results.stall) lines.push(`stall of a SIGKILLed member's queues: ours ${results.stall.ours?.stallMs} ms, Java ${results.stall.java?.stallMs} ms`)
process.stdout.write(`\n${lines.join('\n')}\n${results.problems.length ? `${results.problems.length} problem(s): bench/results/orderly-latest.json\n` : ''}`)
process.exit(exitCode || (results.problems.length ? 1 : 0))
