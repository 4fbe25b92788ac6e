/**
 * The kit's process ownership without /proc (macOS, BSD, containers without procfs): every process it recorded is
 * stopped by `stop`, by the stale-run cleanup and by the watchdog, and a recorded pid that now belongs to another
 * process (pid reuse) is left alone. The procfs root points at a missing directory, so 'auto' takes the portable
 * path exactly as it would on a system without /proc; the watchdog child inherits it through the environment.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isAlive, owns, pollUntil, processInspection, processState, setProcessInspection, spawnDetached, stopPid } from '../src/proc.js'
import { cleanupStaleRuns, stopNodes, type ClusterState, type NodeState } from '../src/state.js'

const IDLE = 'setInterval(() => {}, 1 << 30)'
const STUBBORN = "process.on('SIGTERM', () => {}); setInterval(() => {}, 1 << 30)"

const work = mkdtempSync(join(tmpdir(), 'testkit-portable-'))
const missingProcfs = join(work, 'no-proc')
const started: number[] = []

/** A detached node process whose command line names `marker` (as the JVMs' name their run dir). */
function spawnMarked(marker: string, script = IDLE): number {
  mkdirSync(marker, { recursive: true })
  const p = spawnDetached(process.execPath, ['-e', script, marker], { outFile: join(marker, 'out.log'), cwd: marker })
  started.push(p.pid)
  return p.pid
}

/** Gone for the OS (not merely a zombie): process.kill(pid, 0) fails with ESRCH. */
function gone(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return false
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH'
  }
}

const waitGone = (pids: number[], what: string): Promise<true> =>
  pollUntil(() => pids.every(gone), { timeoutMs: 30_000, intervalMs: 50, what })

function node(name: NodeState['name'], pid: number | null, pastPids: number[] = []): NodeState {
  return { name, kind: 'broker', pid, pastPids, addr: '127.0.0.1:1', home: '', outFile: '', mainLog: '', command: '', args: [], paused: false }
}

function runState(runDir: string, nodes: NodeState[], ownerPid: number): ClusterState {
  const stateFile = join(runDir, 'state.json')
  const state = {
    schema: 1,
    runDir,
    stateFile,
    ownerPid,
    detached: false,
    watchdogPid: null,
    nodes: Object.fromEntries(nodes.map((n) => [n.name, n])),
  } as unknown as ClusterState
  writeFileSync(stateFile, JSON.stringify(state))
  return state
}

/** A pid that is certainly dead: a process that ran and exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' })
  await new Promise((resolve) => child.once('exit', resolve))
  return child.pid!
}

beforeAll(() => {
  setProcessInspection({ mode: 'auto', procfs: missingProcfs })
})

afterAll(() => {
  for (const pid of started) if (!gone(pid)) process.kill(pid, 'SIGKILL')
  setProcessInspection({ mode: 'auto', procfs: '/proc' })
  rmSync(work, { recursive: true, force: true })
})

describe('process ownership without /proc', () => {
  it("takes the portable path when the procfs root is missing, and still tells alive, paused and other processes' pids apart", async () => {
    expect(processInspection()).toBe('portable')
    const runDir = join(work, 'probe-run')
    const pid = spawnMarked(runDir)
    await pollUntil(() => owns(pid, runDir), { timeoutMs: 10_000, what: 'the probe to show its marker' })
    expect(isAlive(pid)).toBe(true)
    expect(owns(pid, join(work, 'another-run'))).toBe(false)
    process.kill(pid, 'SIGSTOP')
    await pollUntil(() => processState(pid) === 'T', { timeoutMs: 5000, intervalMs: 20, what: 'the probe to stop' })
    process.kill(pid, 'SIGCONT')
    await pollUntil(() => processState(pid) !== 'T', { timeoutMs: 5000, intervalMs: 20, what: 'the probe to continue' })
    expect(await stopPid(pid, runDir, 5000)).toBe('term')
    await waitGone([pid], 'the probe to exit')
    expect(isAlive(pid)).toBe(false)
    expect(owns(pid, runDir)).toBe(false)
  })

  it('stops every recorded process of a run (SIGKILL for one that ignores SIGTERM) and leaves a reused pid alone', async () => {
    const runDir = join(work, 'run-stop')
    const a = spawnMarked(runDir)
    const stubborn = spawnMarked(runDir, STUBBORN)
    const earlier = spawnMarked(runDir) // a node's previous incarnation, still running
    const bystander = spawnMarked(join(work, 'someone-else')) // holds a pid the run recorded once (pid reuse)
    await pollUntil(() => [a, stubborn, earlier].every((p) => owns(p, runDir)), { timeoutMs: 10_000, what: 'the run to start' })
    const state = runState(runDir, [node('namesrv', a), node('broker-a-0', stubborn, [earlier, bystander])], process.pid)

    await stopNodes(state, 500)

    await waitGone([a, stubborn, earlier], 'every process of the run to be gone')
    expect(gone(bystander)).toBe(false)
    expect(isAlive(bystander)).toBe(true)
  }, 30_000)

  it('the stale-run cleanup stops a run whose owner is dead and removes its directory', async () => {
    const runRoot = join(work, 'runs')
    const runDir = join(runRoot, 'run-stale')
    const pids = [spawnMarked(runDir), spawnMarked(runDir, STUBBORN)]
    await pollUntil(() => pids.every((p) => owns(p, runDir)), { timeoutMs: 10_000, what: 'the run to start' })
    runState(runDir, [node('broker-a-0', pids[0]!), node('broker-b-0', pids[1]!)], await deadPid())

    const removed = await cleanupStaleRuns(runRoot)

    expect(removed).toEqual([runDir])
    expect(existsSync(runDir)).toBe(false)
    await waitGone(pids, 'every process of the stale run to be gone')
  }, 30_000)

  it('the watchdog (a separate process, inheriting the portable setting) stops the run when its owner dies', async () => {
    const watchdog = fileURLToPath(new URL('../dist/watchdog.js', import.meta.url))
    expect(existsSync(watchdog), `${watchdog} (build the kit: npx tsc -b)`).toBe(true)
    const runDir = join(work, 'run-watchdog')
    const pids = [spawnMarked(runDir), spawnMarked(runDir, STUBBORN)]
    const owner = spawnMarked(join(work, 'owner'))
    await pollUntil(() => pids.every((p) => owns(p, runDir)), { timeoutMs: 10_000, what: 'the run to start' })
    const state = runState(runDir, [node('broker-a-0', pids[0]!), node('broker-b-0', pids[1]!)], owner)
    const dog = spawnDetached(process.execPath, [watchdog, String(owner), state.stateFile], {
      outFile: join(work, 'watchdog.log'),
      cwd: work,
      env: { ...process.env, ROCKETMQ_TESTKIT_PROCFS: missingProcfs },
    })
    started.push(dog.pid)
    // The watchdog leaves the run alone while the owner lives.
    await pollUntil(() => isAlive(dog.pid), { timeoutMs: 5000, what: 'the watchdog to run' })
    expect(pids.every((p) => owns(p, runDir))).toBe(true)

    process.kill(owner, 'SIGKILL')

    await waitGone([owner, ...pids], 'the watchdog to stop every process of the run')
    await pollUntil(() => !existsSync(runDir), { timeoutMs: 30_000, what: 'the watchdog to remove the run dir' })
    await waitGone([dog.pid], 'the watchdog to exit')
  }, 30_000)
})
