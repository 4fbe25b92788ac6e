// npm run bench — our consumers vs the Java client (rocketmq-client, same version as the cluster) and vs a raw puller
// (the ceiling), same cluster, one run.
// Usage: node bench/run.mjs [--quick] [--only drain,slow,latency,memory,gap,scale,decode] [--namesrv host:port] [--before <built checkout>]
// See bench/README.md for what each figure means. Over ~400 lines because it is the one script that sequences every
// part on one cluster; the figures' procedures are in the workers, the tables in report.mjs.
import { randomBytes } from 'node:crypto'
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir, totalmem } from 'node:os'
import { join, resolve } from 'node:path'
import { Producer } from '../packages/client/dist/index.js'
import { ROCKETMQ_VERSION, externalCluster, startCluster } from '../packages/testkit/dist/index.js'
import { BENCH_DIR, ROOT, busyPercent, liveChildren, ensureJavaBuild, gapStats, javaArgs, javaExecutable, latencySummary, machineCpu, median, nowMs, num, parseArgs, readReceipts, runChild, sleep } from './lib.mjs'
import { markdown, table } from './report.mjs'

const ALL = ['drain', 'slow', 'latency', 'memory', 'gap', 'scale', 'group', 'decode']
const ALIASES = { push: 'drain', pull: 'drain', raw: 'drain' }
const args = parseArgs()
const QUICK = args.quick === true
const only = typeof args.only === 'string' ? [...new Set(args.only.split(',').map((s) => ALIASES[s.trim()] ?? s.trim()))] : ALL
for (const o of only) if (!ALL.includes(o)) throw new Error(`--only: unknown part '${o}' (use ${ALL.join(', ')})`)
const want = (part) => only.includes(part)
const q = (full, quick) => (QUICK ? quick : full)
const COUNT = num(args, 'count', q(100_000, 20_000))
const BODY_BYTES = num(args, 'body-bytes', 1024)
const BATCH = num(args, 'batch', 100)
const LANES = num(args, 'lanes', 8)
const REPEAT = num(args, 'repeat', q(3, 1))
const SLOW_COUNT = num(args, 'slow-count', q(20_000, 4000))
const SLOW_SLEEP_MS = num(args, 'slow-sleep-ms', 5)
const LAT_RATES = (typeof args['latency-rates'] === 'string' ? args['latency-rates'] : q('5000,1000,20000', '5000,1000')).split(',').map(Number)
const LAT_MS = num(args, 'latency-ms', q(6000, 3000))
const LAT_ROUNDS = num(args, 'latency-rounds', q(2, 1))
const MEM_BACKLOG = num(args, 'memory-backlog', q(1_000_000, 50_000))
const MEMORY_MS = num(args, 'memory-ms', q(30_000, 8000))
const MEMORY_SLEEP_MS = num(args, 'memory-sleep-ms', 5)
const GAP_RATE = num(args, 'gap-rate', 500)
const GAP_WARMUP_MS = num(args, 'gap-warmup-ms', q(4000, 3000))
const GAP_WINDOW_MS = num(args, 'gap-window-ms', q(8000, 5000))
const SCALE_QUEUES = (typeof args['scale-queues'] === 'string' ? args['scale-queues'] : q('16,64,256', '16,64')).split(',').map(Number)
const SCALE_COUNT = num(args, 'scale-count', q(50_000, 20_000))
const GROUP_SIZES = (typeof args['group-sizes'] === 'string' ? args['group-sizes'] : q('2,8,32', '2,8')).split(',').map(Number)
const GROUP_QUEUES = num(args, 'group-queues', 64)
const CHILD_TIMEOUT_MS = num(args, 'child-timeout-ms', 300_000)
// A drain worker's own deadline, well inside the runner's kill: one that cannot finish stops, reports how far it got
// (consumed, errors, ok: false) and exits, instead of being killed with nothing printed (both used to be 300 s).
const WORKER_DEADLINE = ['--timeout-ms', String(Math.max(10_000, CHILD_TIMEOUT_MS - 30_000))]
/** An earlier checkout (built) whose push and pull workers join the drain rounds (`--before /path/to/checkout`). */
const BEFORE_DIR = typeof args.before === 'string' ? resolve(args.before) : null
const nameServerArg = typeof args.namesrv === 'string' ? args.namesrv : process.env.ROCKETMQ_NAMESRV
const stamp = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`
const log = (line) => process.stderr.write(`${line}\n`)
const MiB = 1024 * 1024
const wallStart = Date.now()

const results = {
  date: new Date().toISOString(),
  quick: QUICK,
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? '?',
    memGiB: +(totalmem() / 1024 ** 3).toFixed(1),
    platform: process.platform,
    loadavgAtStart: loadavg().map((x) => +x.toFixed(1)),
    loadavgAtEnd: null,
    wallSeconds: null,
    /** Wall seconds of each part. */
    partSeconds: {},
  },
  node: process.version,
  java: javaVersion(),
  rocketmq: null,
  commit: gitCommit(),
  config: {
    count: COUNT, repeat: REPEAT, bodyBytes: BODY_BYTES, queues: 4, slowCount: SLOW_COUNT, slowSleepMs: SLOW_SLEEP_MS,
    latencyRates: LAT_RATES, latencyMs: LAT_MS, latencyRounds: LAT_ROUNDS, memoryBacklog: MEM_BACKLOG, memoryMs: MEMORY_MS,
    memorySleepMs: MEMORY_SLEEP_MS, gapRate: GAP_RATE, gapWindowMs: GAP_WINDOW_MS, scaleQueues: SCALE_QUEUES, scaleCount: SCALE_COUNT, groupSizes: GROUP_SIZES, groupQueues: GROUP_QUEUES, only,
    before: BEFORE_DIR ? beforeLabel(BEFORE_DIR) : undefined,
  },
  produce: null,
  drain: null,
  slow: null,
  latency: null,
  memory: null,
  gap: null,
  scale: null,
  group: null,
  decode: null,
  problems: [],
}

/** `<short commit> (<dir>)` of the --before checkout. */
function beforeLabel(dir) {
  const r = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: dir, encoding: 'utf8' })
  return r.status === 0 ? `${r.stdout.trim()}` : dir
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

/** Median msgs/s and median CPU-s per 1M messages of the successful runs, with every run kept. */
function summarize(runs, count) {
  const ok = runs.filter((r) => r?.ok)
  const rates = ok.map((r) => r.msgsPerSec).sort((a, b) => a - b)
  const cpu = median(ok.map((r) => (r.cpuMs >= 0 ? (r.cpuMs / 1000) * (1e6 / count) : null)))
  return {
    ok: ok.length === runs.length && ok.length > 0,
    msgsPerSec: rates.length ? Math.round(median(rates)) : null,
    min: rates[0] ?? null,
    max: rates[rates.length - 1] ?? null,
    cpuSecPer1M: cpu === null ? null : +cpu.toFixed(1),
    startMs: median(ok.map((r) => r.startMs)),
    runs,
  }
}

// ------------------------------------------------------------------ children

const javaHome = mkdtempSync(join(tmpdir(), 'rocketmq-ts-bench-java-'))

async function java(mainClass, programArgs, what, opts = {}) {
  let r = await runChild(javaExecutable(), javaArgs(mainClass, programArgs, { logRoot: javaHome }), { timeoutMs: CHILD_TIMEOUT_MS, what, ...opts })
  // On a saturated machine the JVM's start() sometimes fails to reach the NameServer (RemotingSendRequestException)
  // before it consumed anything: run it once more rather than lose the figure (recorded in problems all the same).
  for (let attempt = 2; attempt <= 3 && r.code !== 0 && !r.json && /RemotingSendRequestException|RemotingConnectException|RemotingTimeoutException|MQClientException/.test(r.stderr); attempt++) {
    const cause = r.stderr.split('\n').filter((l) => l.startsWith('Caused by') || l.startsWith('Exception')).slice(-1)[0] ?? ''
    problem(`${what} (retried)`, `exit ${r.code} at start: ${cause.slice(0, 300)}`)
    await sleep(2000)
    r = await runChild(javaExecutable(), javaArgs(mainClass, programArgs, { logRoot: javaHome }), { timeoutMs: CHILD_TIMEOUT_MS, what, ...opts })
  }
  if (r.code !== 0 || !r.json) problem(what, `exit ${r.code}${r.timedOut ? ' (timed out)' : ''}: ${r.stderr.slice(-1500)}`)
  return r.json
}

async function node(script, programArgs, what, opts = {}) {
  const r = await runChild(process.execPath, [...(opts.nodeArgs ?? []), join(BENCH_DIR, script), ...programArgs], { timeoutMs: CHILD_TIMEOUT_MS, what, ...opts })
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

/**
 * Open-loop producer: message i is due at t0 + i / rate. Every 1 ms tick sends the messages due by then as one
 * sendBatch (round-robin over the queues; not awaited, so a slow ack never delays the next send), each with
 * `benchT` = its own intended send time, so a stalled sender shows up as latency instead of hiding (coordinated
 * omission). One send() per message costs the producer and the broker too much CPU on a 2-core machine (5,000
 * requests/s); batching per tick keeps the schedule and the per-message stamps. Warm-up messages (benchM 0) go until
 * markReady(); then `measured` messages with benchM 1. Records the ack latency (ack - intended) of the measured ones.
 */
function openLoopProducer(producer, topic, rate, measured) {
  const acks = new Float64Array(measured)
  const state = { sent: 0, failed: 0, acked: 0, measuring: false, measuredSent: 0, maxInflight: 0, batches: 0, errors: {} }
  let inflight = 0
  let stopped = false
  let t0 = nowMs()
  let i = 0
  const flush = (batch) => {
    const n = batch.length
    const intended = batch.map((m) => m.intended)
    const slot0 = batch[0].slot
    inflight += n
    state.batches++
    if (inflight > state.maxInflight) state.maxInflight = inflight
    producer.sendBatch(batch.map((m) => ({ topic, body, properties: m.props }))).then(
      () => {
        inflight -= n
        state.acked += n
        const now = nowMs()
        if (slot0 >= 0) for (let k = 0; k < n; k++) acks[slot0 + k] = now - intended[k]
      },
      (e) => {
        inflight -= n
        state.failed += n
        state.errors[e?.code ?? 'error'] = (state.errors[e?.code ?? 'error'] ?? 0) + n
        if (slot0 >= 0) for (let k = 0; k < n; k++) acks[slot0 + k] = -1
      },
    )
    state.sent += n
  }
  const tick = () => {
    if (stopped) return
    const due = Math.floor(((nowMs() - t0) * rate) / 1000) + 1
    let batch = []
    while (i < due && inflight < 50_000) {
      if (state.measuring && state.measuredSent >= measured) break
      const intended = t0 + (i * 1000) / rate
      const m = state.measuring
      batch.push({ intended, slot: m ? state.measuredSent++ : -1, props: { benchT: intended.toFixed(3), benchM: m ? '1' : '0' } })
      i++
      if (batch.length === 256) {
        flush(batch)
        batch = []
      }
    }
    if (batch.length) flush(batch)
    if (state.measuring && state.measuredSent >= measured) stopped = true
    else setTimeout(tick, 1)
  }
  tick()
  return {
    state,
    markReady() {
      // restart the schedule at the switch so warm-up backlog (if any) does not count against the measured messages
      t0 = nowMs()
      i = 0
      state.measuring = true
    },
    stop() {
      stopped = true
    },
    async ackSummary() {
      const deadline = Date.now() + 10_000
      while (inflight > 0 && Date.now() < deadline) await sleep(10)
      return latencySummary(acks.subarray(0, state.measuredSent).filter((x) => x >= 0))
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
  const common = ['--namesrv', cluster.nameServer, '--topic', topic, '--count', String(COUNT), ...WORKER_DEADLINE]
  // One round = raw, Java push, ours push, Java pull, ours pull (each with a fresh group), in an order rotated per round: noise hits all of them.
  const kinds = [
    ['raw', () => node('worker-raw.mjs', [...common, '--group', `bench_raw_${stamp}_${round}`, '--max', '32'], `raw #${round}`)],
    ['javaPush', () => java('bench.PushDrain', [...common, '--group', `bench_jpush_${stamp}_${round}`, '--threads', '20'], `java PushDrain #${round}`)],
    ['oursPush', () => node('worker-push.mjs', [...common, '--group', `bench_push_${stamp}_${round}`, '--concurrency', '20'], `ours push #${round}`)],
    ['javaPull', () => java('bench.LitePullDrain', [...common, '--group', `bench_jpull_${stamp}_${round}`, '--batch', '32'], `java LitePullDrain #${round}`)],
    ['oursPull', () => node('worker-pull.mjs', [...common, '--group', `bench_pull_${stamp}_${round}`, '--max', '32'], `ours pull #${round}`)],
  ]
  /** --before: the earlier build's run that sits beside each of ours (see the round order below). */
  const beside = {}
  if (BEFORE_DIR) {
    // --before <checkout>: an earlier build of this project (its packages/client/dist, measured by today's workers) in
    // the same rounds, so "did a change cost drain speed or CPU" is answered in one run, as ratios to the same Java runs.
    const client = ['--client', join(BEFORE_DIR, 'packages', 'client', 'dist', 'index.js')]
    beside.oursPush = ['beforePush', () => node('worker-push.mjs', [...common, ...client, '--group', `bench_bpush_${stamp}_${round}`, '--concurrency', '20'], `before push #${round}`)]
    beside.oursPull = ['beforePull', () => node('worker-pull.mjs', [...common, ...client, '--group', `bench_bpull_${stamp}_${round}`, '--max', '32'], `before pull #${round}`)]
  }
  const all = [...kinds, ...Object.values(beside)]
  const runs = Object.fromEntries(all.map(([k]) => [k, []]))
  let round = 0
  // Warm-up, not counted: the first drains after the produce ran at a fraction of the later ones (the raw puller at
  // 32k msgs/s in round 1, 150k-168k after) while the brokers' read path was cold, which charged round 1's early
  // consumers most. One raw drain first warms the brokers for all.
  if (REPEAT > 0) {
    log('[bench] drain warm-up (raw puller, not counted) ...')
    const w = await node('worker-raw.mjs', [...common, '--group', `bench_warm_${stamp}`, '--max', '32'], 'raw warm-up')
    log(`[bench]   ${JSON.stringify(w)}`)
    results.drainWarmup = w ? { msgsPerSec: w.msgsPerSec, ok: w.ok } : null
  }
  for (round = 1; round <= REPEAT; round++) {
    // each round starts one consumer later: a load spike or a warm broker cache does not always favour the same one
    const order = []
    for (let i = 0; i < kinds.length; i++) {
      const kind = kinds[(i + round - 1) % kinds.length]
      const other = beside[kind[0]]
      // ours and the earlier build run back to back, first one then the other in alternate rounds, so both follow the
      // same runs (a JVM that just exited, a broker still busy with it) as often; appended at the end of the round,
      // the earlier build always followed its own push run and ours always followed Java's.
      if (other) order.push(...(round % 2 === 1 ? [kind, other] : [other, kind]))
      else order.push(kind)
    }
    for (const [k, run] of order) {
      log(`[bench] drain ${round}/${REPEAT}: ${k} ...`)
      const r = await run()
      log(`[bench]   ${JSON.stringify(r)}`)
      runs[k].push(r)
    }
  }
  const d = Object.fromEntries(all.map(([k]) => [k, summarize(runs[k], COUNT)]))
  results.drain = d
  return topic
}

async function slow(cluster, producer) {
  const topic = `BenchSlow_${stamp}`
  await cluster.createTopic(topic, { queuesPerBroker: 2 })
  log(`[bench] slow handler: producing ${SLOW_COUNT} to ${topic} ...`)
  await produceBacklog(producer, topic, SLOW_COUNT)
  const common = ['--namesrv', cluster.nameServer, '--topic', topic, '--count', String(SLOW_COUNT), '--sleep-ms', String(SLOW_SLEEP_MS), ...WORKER_DEADLINE]
  const runs = { java: [], ours: [] }
  for (let i = 1; i <= REPEAT; i++) {
    log(`[bench] slow ${i}/${REPEAT}: Java (Thread.sleep ${SLOW_SLEEP_MS} ms, 20 threads) ...`)
    const j = await java('bench.PushDrain', [...common, '--group', `bench_jslow_${stamp}_${i}`, '--threads', '20'], `java slow #${i}`)
    log(`[bench]   ${JSON.stringify(j)}`)
    runs.java.push(j)
    log(`[bench] slow ${i}/${REPEAT}: ours (await sleep ${SLOW_SLEEP_MS} ms, concurrency 20) ...`)
    const o = await node('worker-push.mjs', [...common, '--group', `bench_slow_${stamp}_${i}`, '--concurrency', '20'], `ours slow #${i}`)
    log(`[bench]   ${JSON.stringify(o)}`)
    runs.ours.push(o)
  }
  results.slow = { ceiling: Math.round((20 * 1000) / SLOW_SLEEP_MS), java: summarize(runs.java, SLOW_COUNT), ours: summarize(runs.ours, SLOW_COUNT) }
}

async function latencyRun(cluster, producer, who, rate, round) {
  const topic = `BenchLat_${who}_${rate}_${round}_${stamp}`
  await cluster.createTopic(topic, { queuesPerBroker: 2 })
  const measured = Math.round((rate * LAT_MS) / 1000)
  const programArgs = ['--namesrv', cluster.nameServer, '--topic', topic, '--group', `bench_lat_${who}_${rate}_${round}_${stamp}`, '--count', String(measured)]
  const p = openLoopProducer(producer, topic, rate, measured)
  const cpu0 = machineCpu()
  const producerCpu0 = process.cpuUsage()
  let readyAt = null
  let steady = null
  const onStdoutLine = (line) => {
    if (line.startsWith('{"ready":true') && !p.state.measuring) {
      readyAt = Date.now()
      // not steady = still behind the producer after 40 s of warm-up: it cannot keep up at this rate here
      steady = line.includes('"steady":true')
      p.markReady()
    }
  }
  const t0 = Date.now()
  const child = who === 'java'
    ? java('bench.LatencyConsumer', programArgs, `java latency ${rate}`, { onStdoutLine })
    : node('worker-latency.mjs', programArgs, `ours latency ${rate}`, { onStdoutLine })
  const r = await child
  p.stop()
  const ack = await p.ackSummary()
  const cpu1 = machineCpu()
  const producerCpu = process.cpuUsage(producerCpu0)
  if (!r) return null
  for (const k of ['e2e', 'store', 'deliver']) if (typeof r[k] === 'string') r[k] = JSON.parse(r[k])
  return {
    ...r,
    rate,
    readyAfterMs: readyAt ? readyAt - t0 : null,
    steady,
    producer: { sent: p.state.sent, failed: p.state.failed, errors: p.state.errors, batches: p.state.batches, maxInflight: p.state.maxInflight, ack, cpuMs: Math.round((producerCpu.user + producerCpu.system) / 1000) },
    machineBusyPct: busyPercent(cpu0, cpu1),
    cpuSecPer1M: r.cpuMs >= 0 && r.measured > 0 ? +((r.cpuMs / 1000) * (1e6 / r.measured)).toFixed(1) : null,
  }
}

async function latency(cluster, producer) {
  const out = {}
  // The first runs on a cluster meet a slow store (producer ack p99 80-210 ms for 3-4 minutes after cluster start,
  // 4-40 ms later), and round 1 always starts with ours. Warm-up runs first, not counted, at the first rate, until the
  // producer's ack p99 is under 50 ms (at most 6); each counted run starts a fresh consumer process, so this warms the
  // brokers and the machine, not a client.
  let w = null
  let warmups = 0
  for (let i = 1; i <= 6; i++) {
    warmups = i
    log(`[bench] latency warm-up ${i}/6 at ${LAT_RATES[0]} msgs/s (ours, not counted) ...`)
    w = await latencyRun(cluster, producer, 'ours', LAT_RATES[0], `warm${i}`)
    log(`[bench]   e2e ${JSON.stringify(w?.e2e)} ack ${JSON.stringify(w?.producer?.ack)} busy ${w?.machineBusyPct}%`)
    if ((w?.producer?.ack?.p99 ?? Infinity) < 50) break
  }
  results.latencyWarmup = w ? { rate: LAT_RATES[0], runs: warmups, e2eP99: w.e2e?.p99 ?? null, ackP99: w.producer?.ack?.p99 ?? null } : null
  for (const rate of LAT_RATES) {
    const runs = { java: [], ours: [] }
    for (let round = 1; round <= LAT_ROUNDS; round++) {
      // alternate who goes first, so a drift in the machine's load does not always favour the same client
      const order = round % 2 ? ['ours', 'java'] : ['java', 'ours']
      for (const who of order) {
        log(`[bench] latency ${rate} msgs/s, round ${round}/${LAT_ROUNDS}: ${who} ...`)
        const r = await latencyRun(cluster, producer, who, rate, round)
        log(`[bench]   e2e ${JSON.stringify(r?.e2e)} ack ${JSON.stringify(r?.producer?.ack)} busy ${r?.machineBusyPct}%`)
        runs[who].push(r)
      }
    }
    out[rate] = runs
  }
  results.latency = out
}

async function memory(cluster, producer) {
  const topic = `BenchMem_${stamp}`
  await cluster.createTopic(topic, { queuesPerBroker: 2 })
  log(`[bench] memory: producing ${MEM_BACKLOG} x ${BODY_BYTES} B to ${topic} ...`)
  const produced = await produceBacklog(producer, topic, MEM_BACKLOG)
  log(`[bench]   ${produced.msgsPerSec} msgs/s`)
  log(`[bench] memory: our PushConsumer, handler sleeps ${MEMORY_SLEEP_MS} ms, concurrency 20, ${MEMORY_MS} ms ...`)
  const o = await node(
    'worker-push.mjs',
    ['--namesrv', cluster.nameServer, '--topic', topic, '--group', `bench_mem_${stamp}`, '--sleep-ms', String(MEMORY_SLEEP_MS), '--duration-ms', String(MEMORY_MS), '--concurrency', '20'],
    'ours memory',
  )
  log(`[bench]   ${JSON.stringify({ ...o, rssSeries: undefined })}`)
  results.memory = o ? { backlog: MEM_BACKLOG, produce: produced, ...o, trend: rssTrend(o.rssSeries) } : null
}

/** Flat or not: median RSS of the second third of the samples against the last third (the first third is warm-up). */
function rssTrend(series) {
  if (!Array.isArray(series) || series.length < 6) return null
  const rss = series.map(([r]) => r)
  const third = Math.floor(rss.length / 3)
  const mid = median(rss.slice(third, 2 * third))
  const last = median(rss.slice(2 * third))
  const growthPct = +(((last - mid) / mid) * 100).toFixed(1)
  return { samples: rss.length, minMiB: Math.min(...rss), midMedianMiB: mid, lastMedianMiB: last, growthPct, flat: Math.abs(growthPct) <= 10 }
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

/** One member draining SCALE_COUNT messages spread over 16 / 64 / 256 queues: raw, Java push, ours push. */
async function scale(cluster, producer) {
  const out = []
  for (const queues of SCALE_QUEUES) {
    const topic = `BenchScale${queues}_${stamp}`
    await cluster.createTopic(topic, { queuesPerBroker: Math.max(1, Math.round(queues / 2)) })
    log(`[bench] scale: producing ${SCALE_COUNT} to ${topic} (${queues} queues) ...`)
    await produceBacklog(producer, topic, SCALE_COUNT)
    const common = ['--namesrv', cluster.nameServer, '--topic', topic, '--count', String(SCALE_COUNT), ...WORKER_DEADLINE]
    const row = { queues }
    for (const [k, run] of [
      ['raw', () => node('worker-raw.mjs', [...common, '--group', `bench_sraw_${queues}_${stamp}`], `scale raw ${queues}`)],
      ['javaPush', () => java('bench.PushDrain', [...common, '--group', `bench_sjpush_${queues}_${stamp}`, '--threads', '20'], `scale java ${queues}`)],
      ['oursPush', () => node('worker-push.mjs', [...common, '--group', `bench_spush_${queues}_${stamp}`, '--concurrency', '20'], `scale ours ${queues}`)],
    ]) {
      log(`[bench] scale ${queues} queues: ${k} ...`)
      const r = await run()
      log(`[bench]   ${JSON.stringify(r)}`)
      row[k] = summarize([r], SCALE_COUNT)
    }
    out.push(row)
  }
  results.scale = out
}

/**
 * Group scale: N members (child processes of worker-member.mjs) of one group over GROUP_QUEUES queues, then one
 * joins, one leaves gracefully (SIGTERM: close()), one is SIGKILLed. For each event: the time until the assignment
 * is settled (every queue owned by exactly one live member, counts within 1 of each other, stable for 1 s), measured
 * to the last assignment change a member reported. No traffic: this is the rebalance itself, not a queue's stall.
 */
const groupChildren = new Set()
async function groupScale(cluster) {
  const topic = `BenchGroup_${stamp}`
  await cluster.createTopic(topic, { queuesPerBroker: GROUP_QUEUES / 2 })
  const out = []
  for (const size of GROUP_SIZES) {
    const group = `bench_grp${size}_${stamp}`
    const members = new Map()
    const spawnMember = (name) => {
      const child = spawn(process.execPath, [join(BENCH_DIR, 'worker-member.mjs'), '--namesrv', cluster.nameServer, '--topic', topic, '--group', group, '--name', name], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
      groupChildren.add(child)
      child.once('exit', () => groupChildren.delete(child))
      const m = { name, child, queues: [], lastChange: 0, started: null, starting: null, alive: true, exited: new Promise((resolve) => child.once('exit', resolve)) }
      let partial = ''
      child.stdout.setEncoding('utf8').on('data', (d) => {
        const lines = (partial + d).split('\n')
        partial = lines.pop() ?? ''
        for (const line of lines) {
          let o
          try {
            o = JSON.parse(line)
          } catch {
            continue
          }
          if (o.started) {
            m.started = o.started
            m.starting = o.starting
          } else if (o.queues) {
            m.queues = o.queues
            m.lastChange = o.t
          }
        }
      })
      child.stderr.resume()
      members.set(name, m)
      return m
    }
    const live = () => [...members.values()].filter((m) => m.alive)
    const isSettled = () => {
      const ms = live()
      if (ms.some((m) => m.started === null)) return false
      const seen = new Set()
      for (const m of ms) for (const q of m.queues) {
        if (seen.has(q)) return false
        seen.add(q)
      }
      const counts = ms.map((m) => m.queues.length)
      return seen.size === GROUP_QUEUES && Math.max(...counts) - Math.min(...counts) <= 1
    }
    /** ms from `since` to the last assignment change of the settled state, or null after timeoutMs. */
    const waitSettled = async (since, timeoutMs = 60_000) => {
      const deadline = Date.now() + timeoutMs
      let stableFrom = null
      while (Date.now() < deadline) {
        if (isSettled()) {
          stableFrom ??= Date.now()
          if (Date.now() - stableFrom >= 1000) return Math.round(Math.max(since, ...live().map((m) => m.lastChange)) - since)
        } else stableFrom = null
        await sleep(10)
      }
      return null
    }
    const row = { members: size, queues: GROUP_QUEUES }
    try {
      log(`[bench] group ${size}: starting ${size} members ...`)
      const t0 = nowMs()
      for (let i = 0; i < size; i++) spawnMember(`m${i}`)
      row.initialMs = await waitSettled(t0, 120_000)
      log(`[bench]   settled ${row.initialMs} ms after spawning`)
      if (row.initialMs !== null) {
        const joiner = spawnMember(`m${size}`)
        while (joiner.started === null && joiner.alive) await sleep(10)
        row.joinMs = await waitSettled(joiner.starting)
        log(`[bench]   join: settled ${row.joinMs} ms after the new member's start()`)
        const leaver = members.get('m0')
        const tLeave = nowMs()
        leaver.child.kill('SIGTERM')
        await leaver.exited
        leaver.alive = false
        row.leaveMs = await waitSettled(tLeave)
        log(`[bench]   graceful leave: settled ${row.leaveMs} ms after SIGTERM (close())`)
        const victim = members.get('m1')
        const tKill = nowMs()
        victim.child.kill('SIGKILL')
        victim.alive = false
        row.killMs = await waitSettled(tKill)
        log(`[bench]   kill: settled ${row.killMs} ms after SIGKILL`)
      }
    } finally {
      for (const m of members.values()) if (m.alive) m.child.kill('SIGTERM')
      await Promise.race([Promise.all([...members.values()].map((m) => m.exited)), sleep(15_000)])
      for (const m of members.values()) if (m.child.exitCode === null && m.child.signalCode === null) m.child.kill('SIGKILL')
    }
    out.push(row)
  }
  results.group = out
}

async function decode() {
  const script = join(BENCH_DIR, 'decode.mjs')
  if (!existsSync(script)) return
  log('[bench] decode.mjs ...')
  const r = await runChild(process.execPath, [script, '--json', '--seconds', QUICK ? '1' : '2'], { timeoutMs: 120_000, what: 'decode' })
  try {
    results.decode = JSON.parse(r.stdout)
  } catch {
    problem('decode.mjs', `exit ${r.code}: ${r.stderr.slice(-500)}`)
  }
}

// ------------------------------------------------------------------ main

let cluster
let producer
let exitCode = 0
// Interrupted (SIGINT/SIGTERM): stop the children, write what was measured so far (marked interrupted), stop our cluster.
const onSignal = () => {
  log('[bench] interrupted; writing the figures so far and stopping ...')
  problem('run', 'interrupted (SIGINT/SIGTERM): later parts did not run')
  for (const child of liveChildren) child.kill('SIGKILL')
  for (const m of groupChildren) m.kill('SIGKILL')
  writeResults(true)
  Promise.resolve(cluster && !cluster.external ? cluster.stop() : undefined)
    .catch(() => undefined)
    .finally(() => process.exit(130))
}
process.once('SIGINT', onSignal)
process.once('SIGTERM', onSignal)
const step = async (part, fn) => {
  if (!want(part)) return
  const t0 = Date.now()
  try {
    await fn()
  } catch (e) {
    problem(part, e?.stack ?? e)
  } finally {
    // where the wall time goes (the default run aims at ~15 minutes)
    results.machine.partSeconds[part] = Math.round((Date.now() - t0) / 1000)
  }
}
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
    // the order is the aims' order: an interrupted run (SIGINT/SIGTERM writes what it has) keeps the important ones
    await step('drain', () => drains(cluster, producer))
    await step('slow', () => slow(cluster, producer))
    await step('memory', () => memory(cluster, producer))
    await step('latency', () => latency(cluster, producer))
    await step('group', () => groupScale(cluster))
    await step('gap', () => gaps(cluster, producer))
    await step('scale', () => scale(cluster, producer))
  }
  await step('decode', decode)
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

function writeResults(interrupted = false) {
  results.machine.loadavgAtEnd = loadavg().map((x) => +x.toFixed(1))
  results.machine.wallSeconds = Math.round((Date.now() - wallStart) / 1000)
  if (interrupted) results.interrupted = true
  const resultsDir = join(BENCH_DIR, 'results')
  mkdirSync(resultsDir, { recursive: true })
  const json = JSON.stringify(results, null, 2) + '\n'
  const md = markdown(results)
  writeFileSync(join(resultsDir, 'latest.json'), json)
  writeFileSync(join(resultsDir, 'latest.md'), md)
  const full = only.length === ALL.length && !QUICK
  const dated = typeof args.out === 'string' ? args.out : join(resultsDir, `${results.date.slice(0, 10)}.json`)
  if (full || args.out) {
    writeFileSync(dated, json)
    writeFileSync(dated.replace(/\.json$/, '') + '.md', md)
  }
  return full || args.out ? dated : null
}

const dated = writeResults()
process.stdout.write(`\n${table(results)}\n\n`)
if (results.problems.length) process.stdout.write(`${results.problems.length} problem(s): see results.problems in bench/results/latest.json\n`)
process.stdout.write(`results: bench/results/latest.{json,md}${dated ? ` and ${dated.replace(ROOT + '/', '').replace(/\.json$/, '')}.{json,md}` : ''}\n`)
process.exit(exitCode || (results.problems.length ? 1 : 0))
