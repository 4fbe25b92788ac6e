/**
 * Helpers of the ordered-consumption tests: handler start/end records from any member (in-process, child process,
 * or the Java MessageListenerOrderly member of bench/java), the exclusivity check, the per-key order check, and
 * child-process members.
 */
import { spawn, spawnSync, fork, type ChildProcess } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ROCKETMQ_VERSION } from '@rocketmq-ts/testkit'

export interface HandlerRecord {
  member: string
  /** `broker:queueId` */
  queue: string
  offset: number
  body: string
  start: number
  /** Undefined while running (or when the member was killed in it). */
  end?: number
}

/** Collects handler records; `open` keeps started-not-ended ones per member+queue+offset. */
export class Timeline {
  readonly records: HandlerRecord[] = []
  private readonly open = new Map<string, HandlerRecord>()
  private waiters: Array<() => void> = []

  start(member: string, queue: string, offset: number, body: string, t: number): void {
    const r: HandlerRecord = { member, queue, offset, body, start: t }
    this.records.push(r)
    this.open.set(`${member}|${queue}|${offset}`, r)
  }

  end(member: string, queue: string, offset: number, t: number): void {
    const k = `${member}|${queue}|${offset}`
    const r = this.open.get(k)
    if (r) {
      r.end = t
      this.open.delete(k)
    }
    const w = this.waiters
    this.waiters = []
    for (const f of w) f()
  }

  /** Closes the open records of a member that was killed at `t`. */
  killed(member: string, t: number): void {
    for (const [k, r] of this.open) {
      if (r.member === member) {
        r.end = t
        this.open.delete(k)
      }
    }
  }

  /** Distinct bodies whose handler finished at least once. */
  finishedBodies(): Set<string> {
    return new Set(this.records.filter((r) => r.end !== undefined).map((r) => r.body))
  }

  async until(cond: () => boolean, timeoutMs: number, what: string): Promise<void> {
    const deadline = Date.now() + timeoutMs
    while (!cond()) {
      const remaining = deadline - Date.now()
      if (remaining <= 0) throw new Error(`timed out waiting for ${what} (${this.records.length} handler starts)`)
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.min(remaining, 500))
        this.waiters.push(() => {
          clearTimeout(t)
          resolve()
        })
      })
    }
  }
}

/** Pairs of handler runs of one queue by two different members that overlap in time (should be none). */
export function overlaps(records: readonly HandlerRecord[]): Array<[HandlerRecord, HandlerRecord]> {
  const byQueue = new Map<string, HandlerRecord[]>()
  for (const r of records) {
    const list = byQueue.get(r.queue) ?? []
    list.push(r)
    byQueue.set(r.queue, list)
  }
  const bad: Array<[HandlerRecord, HandlerRecord]> = []
  for (const list of byQueue.values()) {
    list.sort((a, b) => a.start - b.start)
    // Sweep: every earlier run of another member must have ended before this one started.
    const lastEndBy = new Map<string, HandlerRecord>()
    for (const r of list) {
      for (const [member, prev] of lastEndBy) {
        if (member !== r.member && (prev.end ?? Number.POSITIVE_INFINITY) > r.start) bad.push([prev, r])
      }
      const p = lastEndBy.get(r.member)
      if (!p || (r.end ?? Number.POSITIVE_INFINITY) > (p.end ?? Number.POSITIVE_INFINITY)) lastEndBy.set(r.member, r)
    }
  }
  return bad
}

/**
 * Per-key order of `key:step` bodies (steps 1..n), in handler start order: a step may only be handled after every
 * earlier step of its key was first handled; a redelivery may repeat a suffix (restart at some j ≤ max handled, then
 * continue j+1, ...). Returns the violations, and the number of repeated handlings.
 */
export function checkKeyOrder(records: readonly HandlerRecord[]): { violations: string[]; repeats: number; keys: number } {
  const byKey = new Map<string, number[]>()
  for (const r of [...records].sort((a, b) => a.start - b.start)) {
    const [key, step] = r.body.split(':')
    const list = byKey.get(key!) ?? []
    list.push(Number(step))
    byKey.set(key!, list)
  }
  const violations: string[] = []
  let repeats = 0
  for (const [key, steps] of byKey) {
    let max = 0
    let prev = 0
    for (const s of steps) {
      if (s === max + 1) {
        // first handling of the next step; fine after a repeated run only if that run reached max
        if (prev !== max) violations.push(`${key}: step ${s} before the repeated steps ${prev + 1}..${max} were handled again (${steps.join(',')})`)
        max = s
      } else if (s <= max) {
        repeats++
        if (!(s === prev + 1 || s <= prev)) violations.push(`${key}: repeat of step ${s} skipped back-filling after ${prev} (${steps.join(',')})`)
      } else {
        violations.push(`${key}: step ${s} handled before step ${max + 1} (${steps.join(',')})`)
      }
      prev = s
    }
  }
  return { violations, repeats, keys: byKey.size }
}

// ------------------------------------------------------------------ child members

export interface OrderlyChild {
  name: string
  proc: ChildProcess
  clientId: string
  queues: Array<{ topic: string; brokerName: string; queueId: number }>
  locks: Array<{ ev: string; queue: string; topic: string; reason?: string; t: number }>
  closed: Promise<void>
  close(): Promise<void>
  kill(): Promise<number>
}

export async function startOrderlyChild(timeline: Timeline, a: { nameServer: string; group: string; topic: string; name: string; ordering?: string; handlerMs?: number }): Promise<OrderlyChild> {
  const script = fileURLToPath(new URL('./orderly-member.mjs', import.meta.url))
  const proc = fork(script, [a.nameServer, a.group, a.topic, a.name, a.ordering ?? 'queue', String(a.handlerMs ?? 0)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  const child = { name: a.name, proc, clientId: '', queues: [], locks: [] } as unknown as OrderlyChild
  child.closed = new Promise<void>((resolve) => proc.once('exit', () => resolve()))
  child.close = async () => {
    if (proc.exitCode !== null || proc.signalCode !== null) return
    proc.send({ type: 'close' })
    await child.closed
  }
  child.kill = async () => {
    const t = Date.now()
    proc.kill('SIGKILL')
    await child.closed
    timeline.killed(a.name, t)
    return t
  }
  await new Promise<void>((resolve, reject) => {
    proc.on('message', (m: { type: string; ev?: string; member: string; queue: string; topic: string; offset: number; body: string; t: number; clientId?: string; queues?: OrderlyChild['queues']; reason?: string }) => {
      if (m.type === 'ev') {
        if (m.ev === 'start') timeline.start(m.member, m.queue, m.offset, m.body, m.t)
        else timeline.end(m.member, m.queue, m.offset, m.t)
      } else if (m.type === 'assignment') child.queues = m.queues ?? []
      else if (m.type === 'lock') child.locks.push({ ev: m.ev!, queue: m.queue, topic: m.topic, reason: m.reason, t: m.t })
      else if (m.type === 'started') {
        child.clientId = m.clientId ?? ''
        child.queues = m.queues ?? []
        resolve()
      }
    })
    proc.once('exit', (code) => reject(new Error(`orderly member ${a.name} exited early with ${code}`)))
  })
  return child
}

// ------------------------------------------------------------------ the Java MessageListenerOrderly member

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..')
const JAVA_DIR = join(ROOT, 'bench', 'java')
const JAR = join(JAVA_DIR, 'target', 'rocketmq-ts-bench.jar')

function newest(dir: string): number {
  let n = 0
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name)
    n = Math.max(n, e.isDirectory() ? newest(p) : statSync(p).mtimeMs)
  }
  return n
}

/**
 * Builds bench/java (the real rocketmq-client from Maven Central) unless its jar is newer than the sources. Always the
 * pinned client version (ROCKETMQ_VERSION), also against a 4.9 cluster: the 5.x Java client talks to 4.x brokers (as
 * in production, where clients are upgraded first), and bench/java does not compile against rocketmq-client 4.9
 * (LockBodyDump uses the 5.x package of the lock bodies).
 */
export function ensureJavaMembers(): void {
  const version = ROCKETMQ_VERSION
  const fresh = existsSync(JAR) && existsSync(join(JAVA_DIR, 'target', 'lib', `rocketmq-client-${version}.jar`)) && statSync(JAR).mtimeMs >= Math.max(statSync(join(JAVA_DIR, 'pom.xml')).mtimeMs, newest(join(JAVA_DIR, 'src')))
  if (fresh) return
  const r = spawnSync('mvn', ['-q', '-B', '-f', join(JAVA_DIR, 'pom.xml'), `-Drocketmq.version=${version}`, 'package'], { cwd: ROOT, encoding: 'utf8' })
  if (r.error || r.status !== 0) throw new Error(`mvn package of bench/java failed: ${r.error?.message ?? ''}${r.stdout}${r.stderr}`.slice(0, 4000))
}

export interface JavaMember {
  proc: ChildProcess
  clientId: string
  /** Reads the events file into the timeline (call before checking); throws if the Java member died before close(). */
  collect(): void
  /** Throws (with the member's exit status and output) if it exited before close() was called. */
  check(): void
  /**
   * SIGTERM: the shutdown hook runs DefaultMQPushConsumer.shutdown() (commits, unlocks) and exits 0. Rejects when the
   * member had died before, or exits with anything else (a failed shutdown, a crash): a Java failure fails the test.
   */
  close(): Promise<void>
}

/** Starts bench.OrderlyMember (DefaultMQPushConsumer + MessageListenerOrderly) and waits until it started. */
export async function startJavaOrderlyMember(timeline: Timeline, a: { nameServer: string; group: string; topic: string; name: string; eventsFile: string; handlerMs?: number; logRoot: string }): Promise<JavaMember> {
  const cp = [JAR, join(JAVA_DIR, 'target', 'lib', '*')].join(':')
  const args = ['-Xmx256m', `-Duser.home=${a.logRoot}`, '-cp', cp, 'bench.OrderlyMember', '--namesrv', a.nameServer, '--group', a.group, '--topic', a.topic, '--member', a.name, '--events', a.eventsFile, '--handler-ms', String(a.handlerMs ?? 0)]
  const proc = spawn(process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java', args, { stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  let err = ''
  proc.stderr!.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-4000)))
  let status: { code: number | null; signal: NodeJS.Signals | null } | undefined
  const exited = new Promise<void>((resolve) =>
    proc.once('exit', (code, signal) => {
      status = { code, signal }
      resolve()
    }),
  )
  let closing = false
  const describe = () => `exit code ${status?.code ?? 'none'}${status?.signal ? `, signal ${status.signal}` : ''}\nstdout: ${out.slice(-2000)}\nstderr: ${err}`
  let collected = 0
  const member: JavaMember = {
    proc,
    clientId: '',
    check: () => {
      if (status !== undefined && !closing) throw new Error(`the Java orderly member ${a.name} died during the test (${describe()})`)
    },
    collect: () => {
      member.check()
      if (!existsSync(a.eventsFile)) return
      const lines = readFileSync(a.eventsFile, 'utf8').split('\n')
      // Only complete lines past what was read before.
      for (let i = collected; i < lines.length - 1; i++) {
        const [ev, member, queue, offset, body, t] = lines[i]!.split(',')
        if (ev === 'start') timeline.start(member!, queue!, Number(offset), body!, Number(t))
        else timeline.end(member!, queue!, Number(offset), Number(t))
      }
      collected = Math.max(collected, lines.length - 1)
    },
    close: async () => {
      member.check()
      closing = true
      if (status === undefined) proc.kill('SIGTERM')
      await exited
      if (status?.code !== 0) throw new Error(`the Java orderly member ${a.name} did not shut down cleanly (${describe()})`)
    },
  }
  await new Promise<void>((resolve, reject) => {
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString()
      const line = out.split('\n').find((l) => l.startsWith('{"ready"'))
      if (line && member.clientId === '') {
        member.clientId = (JSON.parse(line) as { clientId: string }).clientId
        resolve()
      }
    })
    proc.once('exit', () => reject(new Error(`Java orderly member exited before it was ready (${describe()})`)))
    // Bounded: a member that neither starts nor exits is killed and fails the test with its output.
    const timer = setTimeout(() => {
      proc.kill('SIGKILL')
      reject(new Error(`Java orderly member ${a.name} not ready within 90 s; killed (${describe()})`))
    }, 90_000)
    timer.unref()
    void exited.then(() => clearTimeout(timer))
    proc.stdout!.on('data', () => member.clientId !== '' && clearTimeout(timer))
  })
  return member
}
