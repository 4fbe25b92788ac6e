/** The serializable cluster state (`<runDir>/state.json`): everything another process needs to drive the cluster. */
import { existsSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { TestkitError } from './errors.js'
import { isAlive, owns, stopPid } from './proc.js'
import type { BrokerName, NodeName, PortPlan } from './topology.js'

export interface NodeState {
  name: NodeName
  kind: 'namesrv' | 'broker' | 'proxy'
  /** null when the process was stopped/killed through the kit */
  pid: number | null
  /** every pid this node ever had in this run (for cleanup) */
  pastPids: number[]
  /** main listen address ("127.0.0.1:port") */
  addr: string
  /** -Duser.home of the JVM; logs in <home>/logs/rocketmqlogs */
  home: string
  /** stdout+stderr of the JVM */
  outFile: string
  /** the main RocketMQ log file */
  mainLog: string
  command: string
  args: string[]
  paused: boolean
}

export interface StartTimings {
  jarsMs: number
  nameServerMs: number
  mastersMs: number
  slavesMs: number
  registrationMs: number
  proxyMs: number
  topicsMs: number
  totalMs: number
}

export interface ClusterState {
  schema: 1
  rocketmqVersion: string
  clusterName: string
  runDir: string
  stateFile: string
  libDir: string
  java: string
  /** the process whose death makes the watchdog tear the cluster down */
  ownerPid: number
  /** true for a cluster meant to outlive its starter (CLI `up`): never treated as stale */
  detached: boolean
  watchdogPid: number | null
  createdAt: string
  ports: PortPlan
  nameServer: string
  brokers: Record<BrokerName, { master: string; slave?: string }>
  proxy: { remoting: string; grpc: string } | null
  nodes: Partial<Record<NodeName, NodeState>>
  stopTimeoutMs: number
  startTimeoutMs: number
  timings: StartTimings
  /** auth/TLS settings of a secured cluster (absent for a plain one). */
  security?: import('./cluster.js').ClusterSecurity
}

export function writeState(state: ClusterState): void {
  const tmp = `${state.stateFile}.tmp-${process.pid}`
  writeFileSync(tmp, JSON.stringify(state, null, 2) + '\n')
  renameSync(tmp, state.stateFile)
}

export function readState(stateFile: string): ClusterState {
  let text: string
  try {
    text = readFileSync(stateFile, 'utf8')
  } catch (e) {
    throw new TestkitError('ERR_TESTKIT_STATE', `cannot read cluster state ${stateFile} (cluster stopped?)`, { cause: e })
  }
  const s = JSON.parse(text) as ClusterState
  if (s.schema !== 1) throw new TestkitError('ERR_TESTKIT_STATE', `unsupported cluster state schema in ${stateFile}`)
  return s
}

/** Every pid recorded for a node, current first. */
export function allPids(state: ClusterState): number[] {
  const out: number[] = []
  for (const n of Object.values(state.nodes)) {
    if (n === undefined) continue
    if (n.pid !== null) out.push(n.pid)
    for (const p of n.pastPids) if (!out.includes(p)) out.push(p)
  }
  return out
}

/** Stops every recorded process of the run in parallel: SIGTERM, SIGKILL after `graceMs`. */
export async function stopNodes(state: ClusterState, graceMs: number): Promise<void> {
  await Promise.all(
    (Object.values(state.nodes) as NodeState[]).map(async (n) => {
      const pids = [...(n.pid === null ? [] : [n.pid]), ...n.pastPids]
      await Promise.all([...new Set(pids)].map((pid) => stopPid(pid, state.runDir, graceMs)))
      n.pid = null
    }),
  )
}

/**
 * Removes runs left behind by crashed test processes: a run whose owner is dead and that is not `detached`.
 * Only pids recorded in that run's state.json whose command line names that run dir are signalled.
 */
export async function cleanupStaleRuns(runRoot: string): Promise<string[]> {
  if (!existsSync(runRoot)) return []
  const removed: string[] = []
  for (const entry of readdirSync(runRoot)) {
    const dir = join(runRoot, entry)
    const file = join(dir, 'state.json')
    try {
      if (!existsSync(file)) {
        // a run that crashed before writing its state: remove once it is old
        if (statSync(dir).isDirectory() && Date.now() - statSync(dir).mtimeMs > 10 * 60_000) {
          rmSync(dir, { recursive: true, force: true })
          removed.push(dir)
        }
        continue
      }
      const state = readState(file)
      if (state.detached || isAlive(state.ownerPid)) continue
      await Promise.all(allPids(state).map((pid) => stopPid(pid, state.runDir, 5000)))
      if (state.watchdogPid !== null && owns(state.watchdogPid, state.stateFile)) await stopPid(state.watchdogPid, state.stateFile, 2000)
      rmSync(dir, { recursive: true, force: true })
      removed.push(dir)
    } catch {
      // unreadable state: leave it for a human
    }
  }
  return removed
}
