// Shared helpers of the benchmark runner and its workers: arguments, child processes, the Java build, gap analysis.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

export const BENCH_DIR = dirname(fileURLToPath(import.meta.url))
export const ROOT = dirname(BENCH_DIR)
export const JAVA_DIR = join(BENCH_DIR, 'java')
export const JAVA_TARGET = join(JAVA_DIR, 'target')
export const JAVA_JAR = join(JAVA_TARGET, 'rocketmq-ts-bench.jar')

/** `--name value` and `--flag` arguments into an object (numbers stay strings; use num()). */
export function parseArgs(argv = process.argv.slice(2)) {
  const out = {}
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (!a.startsWith('--')) throw new Error(`unexpected argument ${a}`)
    const key = a.slice(2)
    const next = argv[i + 1]
    if (next === undefined || next.startsWith('--')) out[key] = true
    else {
      out[key] = next
      i++
    }
  }
  return out
}

export function num(args, key, def) {
  const v = args[key]
  if (v === undefined) return def
  const n = Number(v)
  if (!Number.isFinite(n)) throw new Error(`--${key} must be a number, got ${v}`)
  return n
}

export function required(args, key) {
  const v = args[key]
  if (typeof v !== 'string' || v === '') throw new Error(`missing --${key}`)
  return v
}

/** Epoch milliseconds with sub-millisecond resolution (same clock as Date.now()). */
export function nowMs() {
  return performance.timeOrigin + performance.now()
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** Busy and total jiffies of the whole machine from /proc/stat (Linux), or null: busy % between two samples. */
export function machineCpu() {
  try {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number)
    const idle = f[3] + (f[4] || 0)
    const total = f.reduce((a, b) => a + b, 0)
    return { busy: total - idle, total }
  } catch {
    return null
  }
}

/** Busy percent of the machine (all cores) between two machineCpu() samples. */
export function busyPercent(a, b) {
  if (!a || !b || b.total === a.total) return null
  return Math.round((100 * (b.busy - a.busy)) / (b.total - a.total))
}

/** Median of the non-negative numbers in xs (null when there are none). */
export function median(xs) {
  const s = xs.filter((x) => typeof x === 'number' && x >= 0).sort((a, b) => a - b)
  return s.length === 0 ? null : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

/**
 * Voluntary and involuntary context switches of this process so far: many involuntary ones mean it was preempted
 * (a busy machine), which a wall-clock CPU profile shows as time in whatever native call was running (writeBuffer).
 */
export function contextSwitches() {
  const r = process.resourceUsage()
  return { voluntaryCtxSwitches: r.voluntaryContextSwitches, involuntaryCtxSwitches: r.involuntaryContextSwitches }
}

/** CPU milliseconds (user + system) of this process since `since` (a process.cpuUsage() value). */
export function cpuMsSince(since) {
  const d = process.cpuUsage(since)
  return (d.user + d.system) / 1000
}

/** CPU milliseconds (utime + stime) of a process from /proc/<pid>/stat (Linux), or null. */
export function procCpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // the command name may hold spaces and parentheses: fields are counted after the last ')'
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return ((Number(f[11]) + Number(f[12])) * 1000) / CLK_TCK
  } catch {
    return null
  }
}
const CLK_TCK = (() => {
  const r = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })
  const n = Number(r.stdout?.trim())
  return Number.isFinite(n) && n > 0 ? n : 100
})()

/** Exact quantiles of a (sorted in place) Float64Array/array of latencies: p50, p90, p99, p99.9, max, mean. */
export function latencySummary(values) {
  const a = values instanceof Float64Array ? values.sort() : Float64Array.from(values).sort()
  const n = a.length
  if (n === 0) return { n: 0 }
  const q = (p) => a[Math.min(n - 1, Math.max(0, Math.ceil(p * n) - 1))]
  let sum = 0
  for (let i = 0; i < n; i++) sum += a[i]
  const r = (x) => +x.toFixed(2)
  return { n, p50: r(q(0.5)), p90: r(q(0.9)), p99: r(q(0.99)), p999: r(q(0.999)), max: r(a[n - 1]), mean: r(sum / n) }
}

/** Peak and current RSS of this process from /proc (Linux), in bytes; null elsewhere. */
export function procMemory(pid = 'self') {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = (name) => {
      const m = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)
      return m ? Number(m[1]) * 1024 : null
    }
    return { hwm: kb('VmHWM'), rss: kb('VmRSS') }
  } catch {
    return null
  }
}

/** The last stdout line that parses as a JSON object (workers print their result as one such line). */
export function lastJsonLine(stdout) {
  const lines = stdout.split('\n').map((l) => l.trim()).filter((l) => l.startsWith('{') && l.endsWith('}'))
  for (let i = lines.length - 1; i >= 0; i--) {
    try {
      return JSON.parse(lines[i])
    } catch {
      // not JSON after all
    }
  }
  return null
}

/** Children of runChild() still running (the runner kills them, by their own pid, when it is interrupted). */
export const liveChildren = new Set()

/**
 * Runs a child process, collects stdout/stderr, kills it (by its own pid) after `timeoutMs`; `onStdoutLine(line, child)`
 * sees each stdout line as it comes.
 * Resolves { code, signal, stdout, stderr, json, ms }; `json` is the last JSON line of stdout.
 */
export function runChild(command, args, { timeoutMs = 300_000, env, cwd = ROOT, onStderr, onStdoutLine, what = command } = {}) {
  return new Promise((resolve, reject) => {
    const t0 = Date.now()
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    liveChildren.add(child)
    child.once('exit', () => liveChildren.delete(child))
    let stdout = ''
    let stderr = ''
    let partial = ''
    child.stdout.setEncoding('utf8').on('data', (d) => {
      stdout += d
      if (!onStdoutLine) return
      const lines = (partial + d).split('\n')
      partial = lines.pop() ?? ''
      for (const line of lines) onStdoutLine(line, child)
    })
    child.stderr.setEncoding('utf8').on('data', (d) => {
      stderr += d
      if (stderr.length > 1_000_000) stderr = stderr.slice(-200_000)
      onStderr?.(d)
    })
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      try {
        child.kill('SIGKILL')
      } catch {
        // already gone
      }
    }, timeoutMs)
    child.on('error', (e) => {
      clearTimeout(timer)
      reject(new Error(`${what}: cannot start ${command}: ${e.message}`))
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      resolve({ code, signal, stdout, stderr, json: lastJsonLine(stdout), ms: Date.now() - t0, timedOut, pid: child.pid })
    })
  })
}

// ------------------------------------------------------------------ Java baseline

function newestMtime(dir) {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs)
  }
  return newest
}

/** True when target/rocketmq-ts-bench.jar and target/lib exist and are newer than pom.xml and every source. */
export function javaBuildIsFresh() {
  if (!existsSync(JAVA_JAR) || !existsSync(join(JAVA_TARGET, 'lib'))) return false
  const jar = statSync(JAVA_JAR).mtimeMs
  const sources = Math.max(statSync(join(JAVA_DIR, 'pom.xml')).mtimeMs, newestMtime(join(JAVA_DIR, 'src')))
  return jar >= sources
}

/** Builds bench/java with Maven unless the jar is up to date. `version` = the cluster's RocketMQ version. */
export function ensureJavaBuild(version, log = () => {}) {
  const stamp = join(JAVA_TARGET, 'lib', `rocketmq-client-${version}.jar`)
  if (javaBuildIsFresh() && existsSync(stamp)) return { built: false }
  log(`[bench] building bench/java (mvn package, rocketmq-client ${version}) ...`)
  const t0 = Date.now()
  // a different client version leaves the old jar in target/lib: clean first
  const goals = existsSync(JAVA_TARGET) && !existsSync(stamp) ? ['clean', 'package'] : ['package']
  const r = spawnSync('mvn', ['-q', '-B', '-f', join(JAVA_DIR, 'pom.xml'), `-Drocketmq.version=${version}`, ...goals], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  if (r.error || r.status !== 0) {
    throw new Error(`mvn package failed (${r.error?.message ?? `exit ${r.status}`}):\n${(r.stdout ?? '') + (r.stderr ?? '')}`.slice(0, 4000))
  }
  return { built: true, ms: Date.now() - t0 }
}

export function javaExecutable() {
  const home = process.env.JAVA_HOME
  return home && existsSync(join(home, 'bin', 'java')) ? join(home, 'bin', 'java') : 'java'
}

/** Arguments for `java` running one of the bench programs (bench.PushDrain, ...). */
export function javaArgs(mainClass, programArgs, { heap = '512m', logRoot } = {}) {
  const cp = [JAVA_JAR, join(JAVA_TARGET, 'lib', '*')].join(process.platform === 'win32' ? ';' : ':')
  const jvm = [`-Xmx${heap}`, '-XX:+UseG1GC']
  // rocketmq-client logs to ${user.home}/logs/rocketmqlogs; keep that out of the user's home
  if (logRoot) jvm.push(`-Duser.home=${logRoot}`)
  return [...jvm, '-cp', cp, mainClass, ...programArgs]
}

// ------------------------------------------------------------------ rebalance gap analysis

/** Reads receipts CSV `receivedAtMs,member,queue,queueOffset,bornTimestamp` (what RebalanceGap and worker-rebalance write). */
export function readReceipts(file) {
  const out = []
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line === '') continue
    const [t, member, queue, offset, born] = line.split(',')
    out.push({ t: Number(t), member, queue, offset: Number(offset), born: Number(born) })
  }
  out.sort((a, b) => a.t - b.t)
  return out
}

function longestGap(sorted, from, to) {
  // consecutive receipts whose interval overlaps [from, to]; a stream that stops counts until `to`
  let best = { ms: 0, after: null }
  let prev = null
  for (const r of sorted) {
    if (r.t < from) {
      prev = r
      continue
    }
    if (r.t > to) break
    const start = prev === null ? from : prev.t
    if (r.t - start > best.ms) best = { ms: r.t - start, after: start }
    prev = r
  }
  const start = prev === null ? from : prev.t
  if (to - start > best.ms) best = { ms: to - start, after: start }
  return best
}

function quantile(sorted, q) {
  if (sorted.length === 0) return null
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
}

/**
 * Gap figures for the interval [from, to] (e.g. join .. leave):
 * - overallGapMs: longest time without any receipt by any member (what a dashboard of the group sees);
 * - queueGapMs: longest time one queue went without a receipt (the handoff stall of a moved queue; with a steady
 *   producer every queue gets a message every few tens of ms);
 * - latency (receivedAt - bornTimestamp) of the messages received in the interval: p50, p99, max;
 * - duplicates: receipts of a (queue, offset) already received earlier in the run (redelivery after the handoff).
 */
export function gapStats(receipts, from, to) {
  const overall = longestGap(receipts, from, to)
  const byQueue = new Map()
  for (const r of receipts) {
    let list = byQueue.get(r.queue)
    if (!list) byQueue.set(r.queue, (list = []))
    list.push(r)
  }
  let queueGap = { ms: 0, queue: null }
  for (const [queue, list] of byQueue) {
    const g = longestGap(list, from, to)
    if (g.ms > queueGap.ms) queueGap = { ms: g.ms, queue }
  }
  const latencies = receipts.filter((r) => r.t >= from && r.t <= to).map((r) => r.t - r.born).sort((a, b) => a - b)
  const seen = new Set()
  let duplicates = 0
  for (const r of receipts) {
    const k = `${r.queue}@${r.offset}`
    if (seen.has(k)) {
      if (r.t >= from && r.t <= to) duplicates++
    } else seen.add(k)
  }
  const round = (x) => (x === null ? null : Math.round(x))
  return {
    overallGapMs: round(overall.ms),
    queueGapMs: round(queueGap.ms),
    queueGapQueue: queueGap.queue,
    received: latencies.length,
    latencyP50Ms: round(quantile(latencies, 0.5)),
    latencyP99Ms: round(quantile(latencies, 0.99)),
    latencyMaxMs: round(latencies.length ? latencies[latencies.length - 1] : null),
    duplicates,
  }
}

/** The client a worker measures: this checkout's build, or `--client <dist/index.js>` (an earlier build, for --before). */
export function clientModule(args) {
  return typeof args.client === 'string' ? pathToFileURL(args.client).href : new URL('../packages/client/dist/index.js', import.meta.url).href
}
