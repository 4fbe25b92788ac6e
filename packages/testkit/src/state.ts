/** The serializable cluster state (`<runDir>/state.json`): everything another process needs to drive the cluster. */
import { existsSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { TestkitError } from './errors.js'
import { isAlive, owns, stopPid } from './proc.js'
import type { TestPki } from './pki.js'
import type { BrokerName, NodeName, PortPlan } from './topology.js'

/** One process of the cluster in the state file. */
export interface NodeState {
  /** The node, e.g. `broker-a-0`. */
  name: NodeName
  /** What kind of process it is. */
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
  /** The executable started (java). */
  command: string
  /** Its arguments. */
  args: string[]
  /** Stopped by SIGSTOP (`pauseBroker`). */
  paused: boolean
}

/** How long each phase of `startCluster()` took, in ms. */
export interface StartTimings {
  /** Finding or downloading the jars. */
  jarsMs: number
  /** Starting the NameServer. */
  nameServerMs: number
  /** Starting the masters. */
  mastersMs: number
  /** Starting the slaves. */
  slavesMs: number
  /** Until the NameServer listed every broker. */
  registrationMs: number
  /** Starting the proxy. */
  proxyMs: number
  /** Creating the default topics. */
  topicsMs: number
  /** The whole start. */
  totalMs: number
}

/** A broker group's addresses. */
export interface BrokerAddresses {
  /** `host:port` of the master. */
  master: string
  /** `host:port` of the slave, when started. */
  slave?: string
}

/** The proxy's addresses. */
export interface ProxyAddresses {
  /** `host:port` of the remoting endpoint. */
  remoting: string
  /** `host:port` of the gRPC endpoint. */
  grpc: string
}

/** The serializable state of a started cluster (`<runDir>/state.json`), read by `attachCluster()` and the CLI. */
export interface ClusterState {
  /** The format's version. */
  schema: 1
  /** The RocketMQ version running. */
  rocketmqVersion: string
  /** The broker cluster's name. */
  clusterName: string
  /** The run folder (stores, logs, configuration). */
  runDir: string
  /** This file's path. */
  stateFile: string
  /** The folder of the jars. */
  libDir: string
  /** The Java executable. */
  java: string
  /** the process whose death makes the watchdog tear the cluster down */
  ownerPid: number
  /** true for a cluster meant to outlive its starter (CLI `up`): never treated as stale */
  detached: boolean
  /** The watchdog process, if any. */
  watchdogPid: number | null
  /** When the cluster was started (ISO 8601). */
  createdAt: string
  /** The ports in use. */
  ports: PortPlan
  /** `host:port` of the NameServer. */
  nameServer: string
  /** Each broker group's master address, and its slave's when started. */
  brokers: Record<BrokerName, BrokerAddresses>
  /** The proxy's addresses; null without a proxy. */
  proxy: ProxyAddresses | null
  /** Every process by node. */
  nodes: Partial<Record<NodeName, NodeState>>
  /** SIGTERM grace before SIGKILL on restarts, in ms. */
  stopTimeoutMs: number
  /** Deadline of each start phase, in ms. */
  startTimeoutMs: number
  /** How long the start took, by phase. */
  timings: StartTimings
  /** auth/TLS settings of a secured cluster (absent for a plain one). */
  security?: ClusterSecurity
}

export function writeState(state: ClusterState): void {
  const tmp = `${state.stateFile}.tmp-${process.pid}`
  writeFileSync(tmp, JSON.stringify(state, null, 2) + '\n')
  renameSync(tmp, state.stateFile)
}

/** Reads a cluster's state file; ERR_TESTKIT_STATE when it is missing or not a state file. */
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

/** What a secured cluster records in its state (plain data; file paths under the run dir). */
export interface ClusterSecurity {
  /** ACL 2.0 is on: the Super admin user the kit signs with. */
  auth?: {
    /** The admin's credentials. */
    admin: {
      /** The admin's user name. */
      username: string
      /** The admin's password. */
      password: string
    }
  }
  /** TLS is on. */
  tls?: {
    /** `enforcing` refuses plaintext; `permissive` accepts both. */
    mode: 'enforcing' | 'permissive'
    /** A client certificate is required. */
    mutual: boolean
    /** The throw-away CA and certificates (file paths). */
    pki: TestPki
  }
}
