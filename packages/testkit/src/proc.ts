/** Process and polling helpers. Every signal goes to one recorded pid, after checking the pid is still ours. */
import { spawn, spawnSync } from 'node:child_process'
import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync, statSync } from 'node:fs'
import { connect } from 'node:net'
import { setTimeout as delay } from 'node:timers/promises'
import { TestkitError } from './errors.js'

/**
 * How the kit tells whether a recorded pid is still one of its processes (and not a zombie, and not a reused pid):
 * - 'proc': read `/proc/<pid>/stat` and `/proc/<pid>/cmdline` (Linux; no child process per check).
 * - 'portable': `process.kill(pid, 0)` for existence, then `ps -ww -o stat= -o args= -p <pid>` (macOS, BSD,
 *   Linux) for the state and the command line. Without a working `ps`, a live recorded pid counts as ours.
 * 'auto' (the default) takes 'proc' when `<procfs>/self/stat` exists, else 'portable'. Env:
 * `ROCKETMQ_TESTKIT_PROCESS_INSPECTION=auto|proc|portable`, `ROCKETMQ_TESTKIT_PROCFS` (default `/proc`; a missing
 * directory behaves like a system without /proc). Child processes of the kit (watchdog) inherit both.
 */
export type ProcessInspection = 'auto' | 'proc' | 'portable'

let procfs = process.env['ROCKETMQ_TESTKIT_PROCFS'] || '/proc'
let requested: ProcessInspection = parseInspection(process.env['ROCKETMQ_TESTKIT_PROCESS_INSPECTION'])

function parseInspection(v: string | undefined): ProcessInspection {
  if (v === undefined || v === '' || v === 'auto') return 'auto'
  if (v === 'proc' || v === 'portable') return v
  throw new TestkitError('ERR_TESTKIT_ARGUMENT', `ROCKETMQ_TESTKIT_PROCESS_INSPECTION must be auto, proc or portable (got '${v}')`)
}

/** Override the inspection mode and/or the procfs root (tests; the env variables do the same for child processes). */
export function setProcessInspection(o: { mode?: ProcessInspection; procfs?: string }): void {
  if (o.mode !== undefined) requested = parseInspection(o.mode)
  if (o.procfs !== undefined) procfs = o.procfs
}

/** The mode in effect: 'proc' or 'portable'. */
export function processInspection(): 'proc' | 'portable' {
  if (requested !== 'auto') return requested
  return existsSync(`${procfs}/self/stat`) ? 'proc' : 'portable'
}

interface ProcInfo {
  /** one-letter state ('R', 'S', 'T' stopped, 'Z' zombie, ...); '?' when unknown */
  state: string
  /** the command line (args joined by spaces); null when it cannot be read */
  command: string | null
}

/** What the system says about a live pid (after `process.kill(pid, 0)` succeeded); null when the pid is gone. */
function inspect(pid: number): ProcInfo | null {
  if (processInspection() === 'proc') {
    let state = '?'
    try {
      const stat = readFileSync(`${procfs}/${pid}/stat`, 'utf8')
      state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3)
    } catch {
      if (!existsSync(`${procfs}/${pid}`)) return null
    }
    let command: string | null = null
    try {
      command = readFileSync(`${procfs}/${pid}/cmdline`, 'utf8').split('\0').join(' ')
    } catch {
      // unreadable (another user's process): leave it null
    }
    return { state, command }
  }
  const r = spawnSync('ps', ['-ww', '-o', 'stat=', '-o', 'args=', '-p', String(pid)], { encoding: 'utf8' })
  if (r.error !== undefined) return { state: '?', command: null } // no ps: trust kill(0) and the recorded pid
  const line = r.stdout.split('\n').find((l) => l.trim() !== '')
  if (r.status !== 0 || line === undefined) return null // ps exits 1 when the pid is gone
  const m = /^\s*(\S+)\s*(.*)$/.exec(line)
  return { state: m?.[1]?.[0] ?? '?', command: m?.[2] ?? '' }
}

/** true if the pid exists and is not a zombie. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false
  }
  const info = inspect(pid)
  return info !== null && info.state !== 'Z' && info.state !== 'X'
}

/** The process's one-letter state ('T' = stopped by SIGSTOP), '?' when unknown, null when it is gone. */
export function processState(pid: number): string | null {
  try {
    process.kill(pid, 0)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return null
  }
  return inspect(pid)?.state ?? null
}

/** The process's command line (args joined by spaces), or null if it is gone/unreadable. */
export function cmdline(pid: number): string | null {
  return isAlive(pid) ? (inspect(pid)?.command ?? null) : null
}

/**
 * true if pid is alive and its command line contains `marker` (our run dir): guards against pid reuse. When the
 * command line cannot be read at all (portable mode without `ps`), a live recorded pid is taken as ours.
 */
export function owns(pid: number, marker: string): boolean {
  if (!isAlive(pid)) return false
  const info = inspect(pid)
  if (info === null) return false
  return info.command === null ? processInspection() === 'portable' : info.command.includes(marker)
}

/** Polls `cond` until it returns a truthy value (returned) or `timeoutMs` passes (ERR_TESTKIT_TIMEOUT naming `what`). */
export async function pollUntil<T>(
  cond: () => T | Promise<T>,
  o: { timeoutMs: number; intervalMs?: number; what: string; onTimeout?: () => string },
): Promise<Exclude<T, false | null | undefined>> {
  const deadline = Date.now() + o.timeoutMs
  let lastError: unknown
  for (;;) {
    try {
      const v = await cond()
      if (v !== false && v !== null && v !== undefined) return v as Exclude<T, false | null | undefined>
    } catch (e) {
      if (e instanceof TestkitError && e.code === 'ERR_TESTKIT_PROCESS_EXITED') throw e
      lastError = e
    }
    if (Date.now() >= deadline) {
      const extra = o.onTimeout?.() ?? ''
      const last = lastError instanceof Error ? ` (last error: ${lastError.message})` : ''
      throw new TestkitError('ERR_TESTKIT_TIMEOUT', `timed out after ${o.timeoutMs} ms waiting for ${o.what}${last}${extra === '' ? '' : `\n${extra}`}`, {
        cause: lastError,
      })
    }
    await delay(o.intervalMs ?? 100)
  }
}

export interface SpawnedProcess {
  pid: number
  /** byte offset of the output file when this process started (its own lines come after it) */
  outOffset: number
}

/** Starts a detached process (own process group) with stdout+stderr appended to outFile; the parent does not wait. */
export function spawnDetached(command: string, args: string[], o: { outFile: string; cwd: string; env?: NodeJS.ProcessEnv }): SpawnedProcess {
  const fd = openSync(o.outFile, 'a')
  try {
    const outOffset = fstatSync(fd).size
    const child = spawn(command, args, { cwd: o.cwd, env: o.env ?? process.env, detached: true, stdio: ['ignore', fd, fd] })
    child.on('error', () => {
      // reported through the missing pid / dead process below
    })
    child.unref()
    if (child.pid === undefined) throw new TestkitError('ERR_TESTKIT_JAVA', `could not start ${command}`, { context: { command } })
    return { pid: child.pid, outOffset }
  } finally {
    closeSync(fd)
  }
}

/** Reads the file from `offset` (up to 4 MB). */
export function readFrom(file: string, offset: number): string {
  let fd: number
  try {
    fd = openSync(file, 'r')
  } catch {
    return ''
  }
  try {
    const size = fstatSync(fd).size
    const len = Math.min(Math.max(0, size - offset), 4 * 1024 * 1024)
    const buf = Buffer.alloc(len)
    readSync(fd, buf, 0, len, offset)
    return buf.toString('utf8')
  } finally {
    closeSync(fd)
  }
}

/** The last `lines` lines of a file ('' if missing); logback status noise is dropped. */
export function tailFile(file: string, lines = 60): string {
  if (!existsSync(file)) return ''
  const size = statSync(file).size
  const text = readFrom(file, Math.max(0, size - 256 * 1024))
  return text
    .split('\n')
    .filter((l) => !/^\d\d:\d\d:\d\d,\d+ \|-/.test(l))
    .slice(-lines - 1)
    .join('\n')
}

/** Waits until `pattern` appears in outFile after `offset`; fails fast if the process exits. */
export async function waitForOutput(
  file: string,
  offset: number,
  pattern: RegExp,
  o: { pid: number; timeoutMs: number; what: string; logTail: () => string },
): Promise<void> {
  await pollUntil(
    () => {
      if (pattern.test(readFrom(file, offset))) return true
      if (!isAlive(o.pid)) {
        throw new TestkitError('ERR_TESTKIT_PROCESS_EXITED', `${o.what} exited during start (pid ${o.pid}). Log tail:\n${o.logTail()}`, {
          context: { pid: o.pid },
        })
      }
      return false
    },
    { timeoutMs: o.timeoutMs, intervalMs: 100, what: o.what, onTimeout: () => `Log tail:\n${o.logTail()}` },
  )
}

export function portOpen(port: number, host = '127.0.0.1', timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ host, port })
    const t = setTimeout(() => {
      s.destroy()
      resolve(false)
    }, timeoutMs)
    s.once('connect', () => {
      clearTimeout(t)
      s.destroy()
      resolve(true)
    })
    s.once('error', () => {
      clearTimeout(t)
      s.destroy()
      resolve(false)
    })
  })
}

/**
 * Stops one process: SIGCONT (in case it is paused), SIGTERM, then SIGKILL after `timeoutMs`.
 * Does nothing if the pid is gone or no longer carries `marker` in its command line.
 * Resolves with how it ended: 'gone' (was not running), 'term' or 'kill'.
 */
export async function stopPid(pid: number, marker: string, timeoutMs: number): Promise<'gone' | 'term' | 'kill'> {
  if (!owns(pid, marker)) return 'gone'
  signal(pid, 'SIGCONT')
  signal(pid, 'SIGTERM')
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return 'term'
    await delay(50)
  }
  if (owns(pid, marker)) signal(pid, 'SIGKILL')
  const killDeadline = Date.now() + 10_000
  while (isAlive(pid) && Date.now() < killDeadline) await delay(50)
  return 'kill'
}

export function signal(pid: number, sig: NodeJS.Signals): boolean {
  try {
    process.kill(pid, sig)
    return true
  } catch {
    return false
  }
}
