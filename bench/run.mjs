// npm run bench — our consumers vs the Java client (rocketmq-client, same version as the cluster), same cluster, one run.
// Usage: node bench/run.mjs [--only push,pull,gap,memory,decode] [--count 100000] [--namesrv host:port] [--no-slaves]
// See bench/README.md for what each figure means.
import { randomBytes } from 'node:crypto'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { Producer } from '../packages/client/dist/index.js'
import { ROCKETMQ_VERSION, externalCluster, startCluster } from '../packages/testkit/dist/index.js'
import { BENCH_DIR, ROOT, ensureJavaBuild, gapStats, javaArgs, javaExecutable, num, parseArgs, readReceipts, runChild, sleep } from './lib.mjs'

const ALL = ['push', 'pull', 'gap', 'memory', 'decode']
const args = parseArgs()
const only = typeof args.only === 'string' ? args.only.split(',').map((s) => s.trim()) : ALL
for (const o of only) if (!ALL.includes(o)) throw new Error(`--only: unknown part '${o}' (use ${ALL.join(', ')})`)
const want = (part) => only.includes(part)
const COUNT = num(args, 'count', 100_000)
const BODY_BYTES = num(args, 'body-bytes', 1024)
const BATCH = num(args, 'batch', 100)
const LANES = num(args, 'lanes', 8)
const GAP_RATE = num(args, 'gap-rate', 500)
const GAP_WARMUP_MS = num(args, 'gap-warmup-ms', 4000)
const GAP_WINDOW_MS = num(args, 'gap-window-ms', 8000)
const MEMORY_MS = num(args, 'memory-ms', 20_000)
const MEMORY_SLEEP_MS = num(args, 'memory-sleep-ms', 5)
const REPEAT = num(args, 'repeat', 3)
const CHILD_TIMEOUT_MS = num(args, 'child-timeout-ms', 300_000)
const nameServerArg = typeof args.namesrv === 'string' ? args.namesrv : process.env.ROCKETMQ_NAMESRV
const stamp = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`
const log = (line) => process.stderr.write(`${line}\n`)
const MiB = 1024 * 1024

const results = {
  date: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? '?',
    memGiB: +(totalmem() / 1024 ** 3).toFixed(1),
    platform: process.platform,
    loadavgAtStart: loadavg().map((x) => +x.toFixed(1)),
    loadavgAtEnd: null,
  },
  node: process.version,
  java: javaVersion(),
  rocketmq: null,
  commit: gitCommit(),
  config: { count: COUNT, repeat: REPEAT, bodyBytes: BODY_BYTES, queues: 4, gapRate: GAP_RATE, gapWindowMs: GAP_WINDOW_MS, memoryMs: MEMORY_MS, memorySleepMs: MEMORY_SLEEP_MS, only },
  produce: null,
  push: null,
  pull: null,
  gap: null,
  memory: null,
  decode: null,
  problems: [],
}

function javaVersion() {
  const r = spawnSync(javaExecutable(), ['-version'], { encoding: 'utf8' })
  return (r.stderr ?? '').split('\n')[0]?.trim() || null
}

function gitCommit() {
  const r = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' })
  return r.status === 0 ? r.stdout.trim() : null
}

function problem(what, detail) {
  log(`[bench] PROBLEM ${what}: ${detail}`)
  results.problems.push({ what, detail: String(detail).slice(0, 2000) })
}

/** Median msgs/s of the successful runs (null when none succeeded), with every run kept. */
function summarize(runs) {
  const ok = runs.filter((r) => r?.ok).map((r) => r.msgsPerSec).sort((a, b) => a - b)
  const median = ok.length === 0 ? null : ok.length % 2 ? ok[(ok.length - 1) / 2] : Math.round((ok[ok.length / 2 - 1] + ok[ok.length / 2]) / 2)
  return { ok: ok.length === runs.length && ok.length > 0, msgsPerSec: median, min: ok[0] ?? null, max: ok[ok.length - 1] ?? null, runs }
}

const ratio = (ours, java) => (ours && java ? +(ours / java).toFixed(2) : null)

// ------------------------------------------------------------------ children

const javaHome = mkdtempSync(join(tmpdir(), 'rocketmq-ts-bench-java-'))

async function java(mainClass, programArgs, what) {
  const r = await runChild(javaExecutable(), javaArgs(mainClass, programArgs, { logRoot: javaHome }), { timeoutMs: CHILD_TIMEOUT_MS, what })
  if (r.code !== 0 || !r.json) problem(what, `exit ${r.code}${r.timedOut ? ' (timed out)' : ''}: ${r.stderr.slice(-1500)}`)
  return r.json
}

async function node(script, programArgs, what) {
  const r = await runChild(process.execPath, [join(BENCH_DIR, script), ...programArgs], { timeoutMs: CHILD_TIMEOUT_MS, what })
  if (r.code !== 0 || !r.json) problem(what, `exit ${r.code}${r.timedOut ? ' (timed out)' : ''}: ${r.stderr.slice(-1500)} ${r.json ? JSON.stringify(r.json) : ''}`)
  return r.json
}

// ------------------------------------------------------------------ producing

const body = randomBytes(BODY_BYTES)

async function produceBacklog(producer, topic, count) {
  let next = 0
  let sent = 0
  const t0 = performance.now()
  const lane = async () => {
    while (next < count) {
      const n = Math.min(BATCH, count - next)
      next += n
      const messages = []
      for (let i = 0; i < n; i++) messages.push({ topic, body })
      await producer.sendBatch(messages)
      sent += n
    }
  }
  await Promise.all(Array.from({ length: LANES }, lane))
  const ms = performance.now() - t0
  return { messages: sent, ms: Math.round(ms), msgsPerSec: Math.round((sent * 1000) / ms), mibPerSec: +((sent * BODY_BYTES * 1000) / ms / MiB).toFixed(1), batch: BATCH, lanes: LANES }
}

/** Sends `rate` msgs/s (one send() per message, so the queues take turns) until stop(). */
function steadyProducer(producer, topic, rate) {
  const tickMs = 20
  const perTick = Math.max(1, Math.round((rate * tickMs) / 1000))
  const stats = { sent: 0, failed: 0, skippedTicks: 0 }
  let inflight = false
  const timer = setInterval(() => {
    if (inflight) {
      stats.skippedTicks++
      return
    }
    inflight = true
    const sends = []
    for (let i = 0; i < perTick; i++) sends.push(producer.send({ topic, body }).then(() => stats.sent++, () => stats.failed++))
    Promise.all(sends).finally(() => (inflight = false))
  }, tickMs)
  return {
    stats,
    async stop() {
      clearInterval(timer)
      while (inflight) await sleep(5)
      return stats
    },
  }
}

// ------------------------------------------------------------------ parts

async function drains(cluster, producer) {
  const topic = `BenchDrain_${stamp}`
  await cluster.createTopic(topic, { queuesPerBroker: 2 })
  log(`[bench] producing ${COUNT} x ${BODY_BYTES} B to ${topic} (sendBatch of ${BATCH}, ${LANES} concurrent) ...`)
  results.produce = await produceBacklog(producer, topic, COUNT)
  log(`[bench]   ${results.produce.msgsPerSec} msgs/s (${results.produce.mibPerSec} MiB/s)`)
  const ns = cluster.nameServer
  const common = ['--namesrv', ns, '--topic', topic, '--count', String(COUNT)]

  // Java and ours take turns, REPEAT times, each with a fresh group; the figure is the median run.
  const pair = async (label, javaMain, javaExtra, worker, workerExtra, tag) => {
    const runs = { java: [], ours: [] }
    for (let i = 0; i < REPEAT; i++) {
      log(`[bench] ${label} ${i + 1}/${REPEAT}: Java ...`)
      const j = await java(javaMain, [...common, '--group', `bench_j${tag}_${i}_${stamp}`, ...javaExtra], `java ${javaMain} #${i + 1}`)
      log(`[bench]   ${JSON.stringify(j)}`)
      runs.java.push(j)
      log(`[bench] ${label} ${i + 1}/${REPEAT}: ours ...`)
      const o = await node(worker, [...common, '--group', `bench_${tag}_${i}_${stamp}`, ...workerExtra], `ours ${worker} #${i + 1}`)
      log(`[bench]   ${JSON.stringify(o)}`)
      runs.ours.push(o)
    }
    const java_ = summarize(runs.java)
    const ours_ = summarize(runs.ours)
    return { java: java_, ours: ours_, ratio: ratio(ours_.msgsPerSec, java_.msgsPerSec) }
  }
  if (want('push')) {
    results.push = await pair('(a/b) push drain', 'bench.PushDrain', ['--threads', '20'], 'worker-push.mjs', ['--concurrency', '20'], 'push')
  }
  if (want('pull')) {
    results.pull = await pair('(c/d) pull drain', 'bench.LitePullDrain', ['--batch', '32'], 'worker-pull.mjs', ['--max', '32'], 'pull')
  }
  if (want('memory')) {
    // A fresh group on the same topic: a 100,000-message backlog nobody in this group has read.
    log(`[bench] (f) our PushConsumer memory: ${COUNT} backlog, handler sleeps ${MEMORY_SLEEP_MS} ms, concurrency 20, ${MEMORY_MS} ms ...`)
    const o = await node(
      'worker-push.mjs',
      ['--namesrv', ns, '--topic', topic, '--group', `bench_mem_${stamp}`, '--sleep-ms', String(MEMORY_SLEEP_MS), '--duration-ms', String(MEMORY_MS), '--concurrency', '20'],
      'ours memory',
    )
    log(`[bench]   ${JSON.stringify(o)}`)
    results.memory = o
  }
}

async function gapRun(cluster, producer, who) {
  const topic = `BenchGap_${who}_${stamp}`
  await cluster.createTopic(topic, { queuesPerBroker: 2 })
  const out = join(javaHome, `receipts-${who}.csv`)
  const steady = steadyProducer(producer, topic, GAP_RATE)
  const programArgs = ['--namesrv', cluster.nameServer, '--topic', topic, '--group', `bench_gap_${who}_${stamp}`, '--out', out,
    '--warmup-ms', String(GAP_WARMUP_MS), '--window-ms', String(GAP_WINDOW_MS)]
  let run
  try {
    run = who === 'java' ? await java('bench.RebalanceGap', programArgs, 'java RebalanceGap') : await node('worker-rebalance.mjs', programArgs, 'ours rebalance gap')
  } finally {
    const stats = await steady.stop()
    if (run) run.producer = stats
  }
  if (!run || !existsSync(out)) return run ?? null
  const receipts = readReceipts(out)
  const members = (from, to) => [...new Set(receipts.filter((r) => r.t >= from && r.t <= to).map((r) => r.member))].sort().join('+')
  return {
    ...run,
    baseline: gapStats(receipts, run.tJoin - 2000, run.tJoin),
    join: { ...gapStats(receipts, run.tJoin, run.tLeave), members: members(run.tJoin + GAP_WINDOW_MS / 2, run.tLeave) },
    leave: { ...gapStats(receipts, run.tLeave, run.tEnd), members: members(run.tLeave + GAP_WINDOW_MS / 2, run.tEnd) },
  }
}

async function gaps(cluster, producer) {
  log(`[bench] (e) rebalance handoff, Java: steady ${GAP_RATE} msgs/s, A, +B (join), -A (leave) ...`)
  const j = await gapRun(cluster, producer, 'java')
  log(`[bench]   join ${JSON.stringify(j?.join)} leave ${JSON.stringify(j?.leave)}`)
  log('[bench] (e) rebalance handoff, ours ...')
  const o = await gapRun(cluster, producer, 'ours')
  log(`[bench]   join ${JSON.stringify(o?.join)} leave ${JSON.stringify(o?.leave)}`)
  results.gap = { java: j, ours: o }
}

async function decode() {
  const script = join(BENCH_DIR, 'decode.mjs')
  if (!existsSync(script)) return
  log('[bench] decode.mjs ...')
  const r = await runChild(process.execPath, [script, '--json'], { timeoutMs: 120_000, what: 'decode' })
  try {
    results.decode = JSON.parse(r.stdout)
  } catch {
    problem('decode.mjs', `exit ${r.code}: ${r.stderr.slice(-500)}`)
  }
}

// ------------------------------------------------------------------ report

function pad(s, n) {
  s = s === null || s === undefined ? '-' : String(s)
  return s.length >= n ? s : s + ' '.repeat(n - s.length)
}

function table() {
  const rows = [['figure', 'ours', 'java', 'ours/java']]
  if (results.produce) rows.push(['produce (our Producer, sendBatch)  msgs/s', results.produce.msgsPerSec, '', ''])
  const cell = (x) => (x?.msgsPerSec ? `${x.msgsPerSec}${x.ok ? '' : ' (some runs failed)'}` : 'FAILED')
  const tp = (name, r) => r && rows.push([`${name}  msgs/s (median of ${REPEAT})`, cell(r.ours), cell(r.java), r.ratio])
  tp('(a/b) push drain, 20 handlers', results.push)
  tp('(c/d) pull drain, batch 32', results.pull)
  const g = results.gap
  if (g) {
    const f = (x, part, key) => x?.[part]?.[key]
    for (const part of ['join', 'leave']) {
      rows.push([`(e) ${part}: longest gap, any queue  ms`, f(g.ours, part, 'overallGapMs'), f(g.java, part, 'overallGapMs'), ''])
      rows.push([`(e) ${part}: longest gap, one queue  ms`, f(g.ours, part, 'queueGapMs'), f(g.java, part, 'queueGapMs'), ''])
      rows.push([`(e) ${part}: max latency  ms`, f(g.ours, part, 'latencyMaxMs'), f(g.java, part, 'latencyMaxMs'), ''])
      rows.push([`(e) ${part}: redelivered`, f(g.ours, part, 'duplicates'), f(g.java, part, 'duplicates'), ''])
    }
  }
  if (results.memory) {
    rows.push([`(f) max RSS, slow handler  MiB`, results.memory.rssMaxMiB, '', ''])
    rows.push([`(f)   consumed in ${MEMORY_MS / 1000} s`, results.memory.consumed, '', ''])
  }
  if (results.decode?.results) {
    for (const [k, v] of Object.entries(results.decode.results)) rows.push([`decode (${k})  msgs/s`, v.msgsPerSec, '', ''])
  }
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => String(r[i] ?? '-').length)) + 2)
  return rows.map((r) => r.map((c, i) => pad(c, widths[i])).join('')).join('\n')
}

// ------------------------------------------------------------------ main

let cluster
let producer
let exitCode = 0
const onSignal = () => {
  log('[bench] interrupted; stopping the cluster ...')
  Promise.resolve(cluster?.stop())
    .catch(() => undefined)
    .finally(() => process.exit(130))
}
process.once('SIGINT', onSignal)
process.once('SIGTERM', onSignal)
try {
  const needsCluster = only.some((p) => p !== 'decode')
  if (needsCluster) {
    const version = process.env.ROCKETMQ_VERSION ?? ROCKETMQ_VERSION
    const b = ensureJavaBuild(version, log)
    if (b.built) log(`[bench] bench/java built in ${(b.ms / 1000).toFixed(1)} s`)
    if (nameServerArg) {
      log(`[bench] using the cluster at ${nameServerArg}`)
      cluster = await externalCluster(nameServerArg)
    } else {
      log('[bench] starting the test cluster (NameServer, broker-a/b master+slave) ...')
      // 'auto' probes ports and then binds: a parallel run can take a port in between, so retry a few times
      for (let attempt = 1; ; attempt++) {
        try {
          cluster = await startCluster({
            portOffset: 'auto',
            withProxy: false,
            withSlaves: !args['no-slaves'],
            defaultTopics: false,
            // a run dir of our own: other runs' cleanup of <repo>/.rmq-run never touches it
            runRoot: join(tmpdir(), 'rocketmq-ts-bench-run'),
            progress: (line) => log(line),
          })
          break
        } catch (e) {
          if (attempt >= 3 || !/Address already in use|ERR_TESTKIT_PORT_IN_USE/.test(`${e?.code} ${e?.message}`)) throw e
          log(`[bench] cluster start failed (a port was taken meanwhile); retrying (${attempt}/3) ...`)
        }
      }
    }
    results.rocketmq = { version: cluster.addresses().rocketmqVersion, nameServer: cluster.nameServer, brokers: cluster.brokers, external: cluster.external }
    producer = new Producer({ nameServer: cluster.nameServer, group: `bench_producer_${stamp}` })
    await producer.start()
    if (want('push') || want('pull') || want('memory')) await drains(cluster, producer)
    if (want('gap')) await gaps(cluster, producer)
  }
  if (want('decode')) await decode()
} catch (e) {
  exitCode = 1
  problem('run', e?.stack ?? e)
} finally {
  await producer?.close().catch(() => undefined)
  if (cluster && !cluster.external) {
    log('[bench] stopping the cluster ...')
    await cluster.stop().catch((e) => problem('cluster stop', e))
  }
  rmSync(javaHome, { recursive: true, force: true })
}

results.machine.loadavgAtEnd = loadavg().map((x) => +x.toFixed(1))
const resultsDir = join(BENCH_DIR, 'results')
mkdirSync(resultsDir, { recursive: true })
const json = JSON.stringify(results, null, 2) + '\n'
writeFileSync(join(resultsDir, 'latest.json'), json)
const dated = typeof args.out === 'string' ? args.out : join(resultsDir, `${results.date.slice(0, 10)}.json`)
if (only.length === ALL.length || args.out) writeFileSync(dated, json)
process.stdout.write(`\n${table()}\n\n`)
if (results.problems.length) process.stdout.write(`${results.problems.length} problem(s): see results.problems in bench/results/latest.json\n`)
process.stdout.write(`results: bench/results/latest.json${only.length === ALL.length || args.out ? ` and ${dated.replace(ROOT + '/', '')}` : ''}\n`)
process.exit(exitCode || (results.problems.length ? 1 : 0))
