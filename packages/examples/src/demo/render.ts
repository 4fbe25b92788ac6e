/** Text rendering of the demo: the live frame (TTY), a one-line status (logs, CI) and the final summary. */
import type { DemoSummary, DemoView } from './view.js'

const BOLD = '\x1b[1m'
const DIM = '\x1b[2m'
const GREEN = '\x1b[32m'
const RED = '\x1b[31m'
const YELLOW = '\x1b[33m'
const RESET = '\x1b[0m'

function cut(s: string, width: number): string {
  return s.length > width ? s.slice(0, Math.max(0, width - 1)) + '…' : s
}

function bar(done: number, total: number, width: number): string {
  const n = total > 0 ? Math.round((done / total) * width) : 0
  return '█'.repeat(Math.min(width, n)) + '░'.repeat(Math.max(0, width - n))
}

function uniqueOf(g: DemoView['groups'][number]): { unique: number; dup: number } {
  return { unique: g.counts.size, dup: g.deliveries - g.counts.size }
}

const STATE_COLOR: Record<string, string> = { running: GREEN, starting: YELLOW, closing: YELLOW, stopped: DIM, failed: RED }

/** The whole live view; ends with a newline. Redrawn in place every 250 ms. */
export function renderFrame(view: DemoView, columns: number): string {
  const width = Math.max(60, Math.min(columns, 140))
  const t = ((Date.now() - view.startedAt) / 1000).toFixed(1)
  const lines: string[] = []
  lines.push(cut(`${BOLD}RocketMQ order demo${RESET}  topic ${view.topic}  NameServer ${view.nameServer}  t+${t}s`, width + 8))
  lines.push(cut(`produced ${String(view.produced).padStart(5)}/${view.messages} ${bar(view.produced, view.messages, 24)}  ${view.phase}`, width))
  lines.push('')
  lines.push(`${DIM}${'group / instance'.padEnd(28)}${'pid'.padEnd(9)}${'state'.padEnd(10)}${'owned queues'.padEnd(48)}consumed${RESET}`)
  for (const g of view.groups) {
    const { unique, dup } = uniqueOf(g)
    const lost = view.produced - unique
    const status = lost <= 0 && view.produced > 0 ? `${GREEN}all ${view.produced}${RESET}` : `${unique}/${view.produced}`
    lines.push(`${BOLD}${g.group.padEnd(28)}${RESET}${' '.repeat(67)}${status}${dup ? `  ${YELLOW}${dup} dup${RESET}` : ''}${g.skipped ? `  ${DIM}${g.skipped} skipped by dedupe${RESET}` : ''}`)
    for (const i of view.instances.filter((x) => x.team === g.team)) {
      const color = STATE_COLOR[i.state] ?? ''
      lines.push(
        `  ${i.label.padEnd(26)}${String(i.pid ?? '-').padEnd(9)}${color}${i.state.padEnd(10)}${RESET}${cut(i.queues.join(' ') || '-', 46).padEnd(48)}${String(i.consumed).padStart(8)}`,
      )
    }
  }
  lines.push('')
  lines.push(`${DIM}recent events${RESET}`)
  for (const e of view.events.slice(-7)) {
    lines.push(cut(`  ${((e.at - view.startedAt) / 1000).toFixed(1).padStart(6)}s  ${e.text}`, width))
  }
  return lines.join('\n') + '\n'
}

/** One line for logs: produced, then per group its instances with queues and counts. */
export function renderStatusLine(view: DemoView): string {
  const parts = [`produced ${view.produced}/${view.messages}`]
  for (const g of view.groups) {
    const insts = view.instances
      .filter((i) => i.team === g.team && i.state !== 'stopped')
      .map((i) => `${i.label}[${i.queues.join(' ')}]=${i.consumed}`)
      .join(' ')
    parts.push(`${g.team}: ${uniqueOf(g).unique} unique (${insts})`)
  }
  return parts.join(' | ')
}

/** The final table. */
export function renderSummary(s: DemoSummary): string {
  const lines: string[] = ['']
  lines.push(`${BOLD}Summary${RESET} (topic ${s.topic}, ${s.queues.length} queues, ${(s.durationMs / 1000).toFixed(1)} s${s.clusterStartedMs !== null ? `, cluster start ${(s.clusterStartedMs / 1000).toFixed(1)} s` : ''}${s.aborted ? ', interrupted' : ''})`)
  const t = s.transactions
  lines.push(
    `order system: ${t.committed} orders marked paid and published in one transaction each${t.endErrors ? `, ${t.endErrors} commits left to the check-back` : ''}; ${t.checkBacks} check-backs answered`,
  )
  lines.push(`${'group'.padEnd(28)}${'produced'.padStart(9)}${'consumed'.padStart(10)}${'duplicates'.padStart(12)}${'skipped'.padStart(9)}${'lost'.padStart(7)}`)
  for (const g of s.groups) {
    const lost = g.lost === 0 ? `${GREEN}${String(g.lost).padStart(7)}${RESET}` : `${RED}${String(g.lost).padStart(7)}${RESET}`
    lines.push(`${g.group.padEnd(28)}${String(g.produced).padStart(9)}${String(g.consumed).padStart(10)}${String(g.duplicates).padStart(12)}${String(g.skipped).padStart(9)}${lost}`)
  }
  const perInstance = s.instances.map((i) => `${i.label}=${i.consumed}`).join(', ')
  lines.push(`instances: ${perInstance}; ${s.rebalances} queue moves seen${s.sendFailures ? `; ${s.sendFailures} sends failed` : ''}`)
  for (const g of s.groups) if (g.lost > 0) lines.push(`${RED}${g.group} lost ${g.lost}, e.g. ${g.lostIds.join(', ')}${RESET}`)
  for (const g of s.groups) {
    for (const d of g.duplicateExamples.slice(0, 3)) lines.push(`${DIM}${g.team} duplicate ${d.msgId}: ${d.deliveries.join(', ')}${RESET}`)
  }
  if (s.groups.some((g) => g.duplicates > 0 || g.skipped > 0)) {
    lines.push(
      `${DIM}(at-least-once: a queue that moves during a rebalance may deliver a few messages twice. "skipped": a copy reached the member that had handled it, dedupe did not run the handler again; "duplicates": a copy reached another member, the handler ran again there and is idempotent by order id)${RESET}`,
    )
  }
  lines.push(s.ok ? `${GREEN}OK: every group consumed every order; none lost.${RESET}` : `${RED}NOT OK${s.aborted ? ' (interrupted)' : ''}${RESET}`)
  return lines.join('\n') + '\n'
}

export function stripAnsi(s: string): string {
  return s.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '')
}
