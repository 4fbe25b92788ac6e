// The bench's Markdown report (bench/results/<date>.md and latest.md; also printed at the end of a run) from the
// results object run.mjs writes as JSON. `node bench/report.mjs bench/results/<date>.json` regenerates it.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { median } from './lib.mjs'

const fmt = (x, digits = 0) => (x === null || x === undefined || Number.isNaN(x) ? '-' : typeof x === 'number' ? x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : String(x))
const pct = (a, b) => (a && b ? `${Math.round((100 * a) / b)} %` : '-')
const ratio = (a, b) => (a && b ? `${(a / b).toFixed(2)}x` : '-')

/** Median over rounds of a.runs[i][field] / b.runs[i][field] (rounds where both runs finished). */
function pairedRatio(a, b, field) {
  const rs = []
  const n = Math.min(a?.runs?.length ?? 0, b?.runs?.length ?? 0)
  for (let i = 0; i < n; i++) {
    const x = a.runs[i]
    const y = b.runs[i]
    if (x?.ok && y?.ok && x[field] > 0 && y[field] > 0) rs.push(x[field] / y[field])
  }
  const m = median(rs)
  return m === null ? '-' : `${m.toFixed(2)}x`
}

function mdTable(header, rows) {
  const lines = [`| ${header.join(' | ')} |`, `|${header.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`]
  for (const r of rows) lines.push(`| ${r.map((c) => fmt(c)).join(' | ')} |`)
  return lines.join('\n')
}

function runSpread(s) {
  if (!s?.runs?.length) return '-'
  return s.runs.map((r) => (r?.ok ? fmt(r.msgsPerSec) : 'fail')).join(' / ')
}

function drainSection(R) {
  const d = R.drain
  if (!d) return []
  const ceiling = d.raw?.msgsPerSec
  const row = (label, s) => [label, fmt(s?.msgsPerSec), runSpread(s), label.startsWith('raw') ? '100 %' : pct(s?.msgsPerSec, ceiling), fmt(s?.cpuSecPer1M, 1), fmt(s?.startMs)]
  const out = [
    `### Drain: ${fmt(R.config.count)} x ${fmt(R.config.bodyBytes)} B backlog, 4 queues, median of ${R.config.repeat}` +
      (R.drainWarmup ? ` after one uncounted warm-up drain (raw puller, ${fmt(R.drainWarmup.msgsPerSec)} msgs/s)` : ''),
    '',
    mdTable(['consumer', 'msgs/s', 'runs', 'of ceiling', 'CPU-s per 1M msgs', 'start ms'], [
      row('raw puller (ceiling)', d.raw),
      row('Java push (20 threads)', d.javaPush),
      row('ours push (concurrency 20)', d.oursPush),
      row('Java lite pull (batch 32)', d.javaPull),
      row('ours pull (poll 32)', d.oursPull),
      ...(d.beforePush ? [row(`before push (${R.config.before ?? 'earlier checkout'})`, d.beforePush), row(`before pull (${R.config.before ?? 'earlier checkout'})`, d.beforePull)] : []),
    ]),
    '',
    `ours/Java: push ${ratio(d.oursPush?.msgsPerSec, d.javaPush?.msgsPerSec)} msgs/s, ${ratio(d.oursPush?.cpuSecPer1M, d.javaPush?.cpuSecPer1M)} CPU per message; ` +
      `pull ${ratio(d.oursPull?.msgsPerSec, d.javaPull?.msgsPerSec)} msgs/s, ${ratio(d.oursPull?.cpuSecPer1M, d.javaPull?.cpuSecPer1M)} CPU per message.`,
    ...(d.beforePush
      ? [
          '',
          `before/Java (same rounds): push ${ratio(d.beforePush?.msgsPerSec, d.javaPush?.msgsPerSec)}, pull ${ratio(d.beforePull?.msgsPerSec, d.javaPull?.msgsPerSec)} msgs/s.`,
          `ours/before: push ${ratio(d.oursPush?.msgsPerSec, d.beforePush?.msgsPerSec)} msgs/s, ${ratio(d.oursPush?.cpuSecPer1M, d.beforePush?.cpuSecPer1M)} CPU per message; ` +
            `pull ${ratio(d.oursPull?.msgsPerSec, d.beforePull?.msgsPerSec)} msgs/s, ${ratio(d.oursPull?.cpuSecPer1M, d.beforePull?.cpuSecPer1M)} CPU per message.`,
          `ours/before paired (median of each round's ratio; the two ran back to back): push ${pairedRatio(d.oursPush, d.beforePush, 'msgsPerSec')} msgs/s, ` +
            `${pairedRatio(d.oursPush, d.beforePush, 'cpuMs')} CPU per message; pull ${pairedRatio(d.oursPull, d.beforePull, 'msgsPerSec')} msgs/s, ` +
            `${pairedRatio(d.oursPull, d.beforePull, 'cpuMs')} CPU per message.`,
        ]
      : []),
    '',
  ]
  return out
}

function slowSection(R) {
  const s = R.slow
  if (!s) return []
  const row = (label, x) => [label, fmt(x?.msgsPerSec), runSpread(x), pct(x?.msgsPerSec, s.ceiling), fmt(x?.cpuSecPer1M, 1)]
  return [
    `### Slow handler: ${R.config.slowSleepMs} ms per message, 20 at once (ceiling ${fmt(s.ceiling)} msgs/s), ${fmt(R.config.slowCount)} messages, median of ${R.config.repeat}`,
    '',
    mdTable(['consumer', 'msgs/s', 'runs', 'of ceiling', 'CPU-s per 1M msgs (= µs per msg)'], [
      row('Java push (Thread.sleep, 20 threads)', s.java),
      row('ours push (await sleep, concurrency 20)', s.ours),
    ]),
    '',
    `ours/Java CPU per message: ${ratio(s.ours?.cpuSecPer1M, s.java?.cpuSecPer1M)}.`,
    '',
  ]
}

function latencySection(R) {
  const L = R.latency
  if (!L) return []
  const rows = []
  for (const [rate, runs] of Object.entries(L)) {
    for (const who of ['ours', 'java']) {
      ;(runs[who] ?? []).forEach((r, i) => {
        if (!r) {
          rows.push([fmt(Number(rate)), `${who} #${i + 1}`, 'FAILED', '', '', '', '', '', '', '', '', ''])
          return
        }
        rows.push([
          fmt(Number(rate)),
          `${who} #${i + 1}${r.steady === false ? ' (behind)' : ''}`,
          fmt(r.e2e?.p50, 1),
          fmt(r.e2e?.p99, 1),
          fmt(r.e2e?.p999, 1),
          fmt(r.e2e?.max, 1),
          fmt(r.deliver?.p99, 1),
          fmt(r.store?.p99, 1),
          fmt(r.producer?.ack?.p99, 1),
          fmt(r.producer?.ack?.max, 1),
          fmt(r.cpuSecPer1M, 1),
          r.machineBusyPct === null ? '-' : `${r.machineBusyPct} %`,
        ])
      })
    }
  }
  return [
    `### End-to-end latency at fixed rates (ms; open-loop producer, ${fmt(R.config.latencyMs / 1000, 0)} s measured per run, 4 queues)` +
      (R.latencyWarmup ? ` after ${R.latencyWarmup.runs ?? 1} uncounted warm-up run(s) (ours at ${fmt(R.latencyWarmup.rate)} msgs/s; the last: e2e p99 ${fmt(R.latencyWarmup.e2eP99, 1)}, ack p99 ${fmt(R.latencyWarmup.ackP99, 1)})` : ''),
    '',
    'e2e = handler entry - intended send time; deliver = handler entry - broker store time; store = store - born time (broker',
    'side, ms resolution); ack = producer ack - intended send time. Exact quantiles of every measured message.',
    '"(behind)": the consumer was still behind the producer after 40 s of warm-up (it could not keep up at that rate on',
    'this machine at that time), so its figures include the backlog.',
    '',
    mdTable(['msgs/s', 'consumer', 'e2e p50', 'e2e p99', 'e2e p99.9', 'e2e max', 'deliver p99', 'store p99', 'ack p99', 'ack max', 'CPU-s per 1M', 'machine busy'], rows),
    '',
  ]
}

function memorySection(R) {
  const m = R.memory
  if (!m) return []
  const t = m.trend
  return [
    `### Memory: our push consumer on a ${fmt(m.backlog)} x ${fmt(R.config.bodyBytes)} B backlog, ${R.config.memorySleepMs} ms handler, concurrency 20, ${fmt(R.config.memoryMs / 1000)} s`,
    '',
    mdTable(['figure', 'value'], [
      ['consumed', fmt(m.consumed)],
      ['RSS max (sampled every 100 ms), MiB', fmt(m.rssMaxMiB, 1)],
      ['VmHWM (kernel peak), MiB', fmt(m.peakRssMiB, 1)],
      ['heap used max, MiB', fmt(m.heapUsedMaxMiB, 1)],
      ['RSS median, 2nd third -> last third, MiB', t ? `${fmt(t.midMedianMiB, 1)} -> ${fmt(t.lastMedianMiB, 1)} (${t.growthPct > 0 ? '+' : ''}${t.growthPct} %)` : '-'],
      ['flat (within 10 %) and max < 150 MiB', t ? (t.flat && m.rssMaxMiB < 150 ? 'yes' : 'no') : '-'],
    ]),
    '',
    `RSS series (MiB, once a second): ${(m.rssSeries ?? []).map(([r]) => r).join(' ')}`,
    '',
  ]
}

function gapSection(R) {
  const g = R.gap
  if (!g) return []
  const f = (x, part, key) => x?.[part]?.[key]
  const rows = []
  for (const part of ['join', 'leave']) {
    rows.push([`${part}: longest gap, any queue (ms)`, f(g.ours, part, 'overallGapMs'), f(g.java, part, 'overallGapMs')])
    rows.push([`${part}: longest gap, one queue (ms)`, f(g.ours, part, 'queueGapMs'), f(g.java, part, 'queueGapMs')])
    rows.push([`${part}: max latency (ms)`, f(g.ours, part, 'latencyMaxMs'), f(g.java, part, 'latencyMaxMs')])
    rows.push([`${part}: redelivered`, f(g.ours, part, 'duplicates'), f(g.java, part, 'duplicates')])
  }
  return [`### Rebalance hand-off, 2 members, 4 queues, ${R.config.gapRate} msgs/s`, '', mdTable(['figure', 'ours', 'Java'], rows), '']
}

function scaleSection(R) {
  if (!R.scale?.length) return []
  const rows = R.scale.map((s) => [
    s.queues,
    fmt(s.raw?.msgsPerSec),
    fmt(s.javaPush?.msgsPerSec),
    fmt(s.oursPush?.msgsPerSec),
    pct(s.oursPush?.msgsPerSec, s.raw?.msgsPerSec),
    fmt(s.raw?.cpuSecPer1M, 1),
    fmt(s.javaPush?.cpuSecPer1M, 1),
    fmt(s.oursPush?.cpuSecPer1M, 1),
  ])
  return [
    `### Scale: one member draining ${fmt(R.config.scaleCount)} x ${fmt(R.config.bodyBytes)} B spread over N queues (one run each)`,
    '',
    mdTable(['queues', 'raw msgs/s', 'Java push msgs/s', 'ours push msgs/s', 'ours of ceiling', 'raw CPU-s/1M', 'Java CPU-s/1M', 'ours CPU-s/1M'], rows),
    '',
  ]
}

function groupSection(R) {
  if (!R.group?.length) return []
  const rows = R.group.map((g) => [g.members, g.queues, fmt(g.initialMs), fmt(g.joinMs), fmt(g.leaveMs), fmt(g.killMs)])
  return [
    '### Group scale: our push consumer, N members (child processes) over 64 queues, no traffic',
    '',
    'Time (ms) until the assignment is settled (every queue owned by exactly one live member, counts within 1, stable for 1 s),',
    'measured to the last assignment change: from spawning all N; from the new member\'s start(); from SIGTERM of a member',
    '(graceful close); from SIGKILL of another.',
    '',
    mdTable(['members', 'queues', 'initial', 'join', 'graceful leave', 'kill'], rows),
    '',
  ]
}

function decodeSection(R) {
  if (!R.decode?.results) return []
  return ['### Decode (one 32 x 1 KiB pull body, one thread, no network)', '', mdTable(['pattern', 'msgs/s'], Object.entries(R.decode.results).map(([k, v]) => [k, fmt(v.msgsPerSec)])), '']
}

/** The whole report as Markdown. */
export function markdown(R) {
  const m = R.machine
  const head = [
    `## Benchmark ${R.date.slice(0, 16).replace('T', ' ')} UTC${R.quick ? ' (--quick)' : ''}${R.interrupted ? ' (interrupted: partial)' : ''}`,
    '',
    `commit ${R.commit ?? '?'}; ${m.cpus} x ${m.cpuModel}, ${m.memGiB} GiB; Node ${R.node}; ${R.java ?? 'java ?'}; RocketMQ ${R.rocketmq?.version ?? '?'}` +
      ` (${R.rocketmq?.external ? 'running cluster' : 'testkit cluster'}); load average ${m.loadavgAtStart?.join(' ')} at start, ${m.loadavgAtEnd?.join(' ') ?? '?'} at end; wall ${m.wallSeconds ?? '?'} s` +
      (m.partSeconds && Object.keys(m.partSeconds).length ? ` (${Object.entries(m.partSeconds).map(([k, v]) => `${k} ${v} s`).join(', ')}).` : '.'),
    '',
    'CPU-s per 1M msgs: the consumer process\'s own CPU (user + system: process.cpuUsage() for ours, /proc/self/stat for the JVM)' +
      ' from its first message to its last, scaled to 1,000,000 messages. Least sensitive figure to a busy machine.',
    '',
  ]
  const body = [...drainSection(R), ...slowSection(R), ...latencySection(R), ...memorySection(R), ...gapSection(R), ...scaleSection(R), ...groupSection(R), ...decodeSection(R)]
  const tail = R.problems?.length ? ['### Problems', '', ...R.problems.map((p) => `- ${p.what}: ${String(p.detail).split('\n')[0].slice(0, 300)}`), ''] : []
  return [...head, ...body, ...tail].join('\n')
}

/** What the runner prints at the end (the same Markdown). */
export const table = markdown

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = process.argv[2]
  if (!file) throw new Error('usage: node bench/report.mjs bench/results/<date>.json')
  process.stdout.write(markdown(JSON.parse(readFileSync(file, 'utf8'))))
}
