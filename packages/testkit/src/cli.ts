#!/usr/bin/env node
/**
 * rocketmq-testkit up [--foreground] [--no-proxy] [--no-slaves] [--port-offset N|auto] [--version V] [--quiet]
 * rocketmq-testkit down
 * rocketmq-testkit status
 * rocketmq-testkit --help   (also `<command> --help`; unknown flags are errors, nothing is started)
 *
 * `up` starts the cluster and records it for this project in the per-user cache (`<cache>/cli/<project>-<hash>.json`:
 * addresses, pids, run dir), so `down` and `status` in the same project find it.
 * By default the JVMs keep running detached after `up` returns (no watchdog: stop them with `down`).
 * With --foreground, `up` stays in the foreground and stops the cluster on Ctrl-C/SIGTERM (a watchdog also stops it
 * if this process is killed).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { attachCluster, resolveVersion, startCluster, versionFeatures, type Cluster } from './cluster.js'
import { parseCli, USAGE } from './cli-args.js'
import { TestkitError } from './errors.js'
import { cliStateFile } from './paths.js'
import { isAlive } from './proc.js'
import { getClusterInfo } from './remoting.js'
import type { ClusterState } from './state.js'

const out = (s: string): void => void process.stdout.write(`${s}\n`)
const err = (s: string): void => void process.stderr.write(`${s}\n`)
const clusterFile = (): string => cliStateFile()

function describe(c: Cluster): string {
  const a = c.addresses()
  const lines = [`nameServer ${a.nameServer}   (RocketMQ ${a.rocketmqVersion}, cluster ${a.clusterName})`]
  for (const [name, b] of Object.entries(a.brokers)) lines.push(`${name.padEnd(10)} master ${b.master}${b.slave === undefined ? '' : `  slave ${b.slave}`}`)
  if (a.proxy !== null) lines.push(`proxy      remoting ${a.proxy.remoting}  grpc ${a.proxy.grpc}`)
  lines.push(`run dir    ${c.runDir}`)
  return lines.join('\n')
}

async function up(args: Extract<ReturnType<typeof parseCli>, { command: 'up' }>): Promise<number> {
  const file = clusterFile()
  if (existsSync(file)) {
    const prev = JSON.parse(readFileSync(file, 'utf8')) as ClusterState
    if (existsSync(prev.stateFile) && Object.values(prev.nodes).some((n) => n?.pid != null && isAlive(n.pid))) {
      err(`a cluster is already up (${file}); run \`down\` first`)
      return 1
    }
  }
  const { foreground, version } = args
  const cluster = await startCluster({
    // A version without a proxy (4.x) starts none, with or without --no-proxy.
    withProxy: args.withProxy && versionFeatures(resolveVersion(version)).proxy,
    withSlaves: args.withSlaves,
    portOffset: args.portOffset,
    ...(version === undefined ? {} : { version }),
    detached: !foreground,
    watchdog: foreground,
    progress: args.progress,
  })
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, JSON.stringify(cluster.state(), null, 2) + '\n')
  out(describe(cluster))
  out(`state      ${file}`)
  if (!foreground) return 0
  out('running in the foreground; Ctrl-C stops the cluster')
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      cluster
        .stop()
        .catch((e: unknown) => err(String(e)))
        .finally(() => {
          rmSync(file, { force: true })
          resolve()
        })
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
  return 0
}

async function down(): Promise<number> {
  const file = clusterFile()
  if (!existsSync(file)) {
    out('no cluster recorded (nothing to stop)')
    return 0
  }
  const state = JSON.parse(readFileSync(file, 'utf8')) as ClusterState
  if (existsSync(state.stateFile)) {
    await attachCluster(state.stateFile).stop()
    out(`stopped the cluster in ${state.runDir}`)
  } else {
    out(`the cluster in ${state.runDir} is already gone`)
  }
  rmSync(file, { force: true })
  return 0
}

async function status(): Promise<number> {
  const file = clusterFile()
  if (!existsSync(file)) {
    out(`down (no cluster recorded in ${file})`)
    return 1
  }
  const recorded = JSON.parse(readFileSync(file, 'utf8')) as ClusterState
  if (!existsSync(recorded.stateFile)) {
    out(`down (run dir ${recorded.runDir} is gone)`)
    return 1
  }
  const c = attachCluster(recorded.stateFile)
  out(describe(c))
  const s = c.state()
  let allUp = true
  for (const n of Object.values(s.nodes)) {
    if (n === undefined) continue
    const alive = n.pid !== null && isAlive(n.pid)
    allUp &&= alive
    out(`${n.name.padEnd(10)} ${alive ? `up   pid ${n.pid}` : 'DOWN'}${n.paused ? ' (paused)' : ''}  ${n.addr}`)
  }
  try {
    const info = await getClusterInfo(s.nameServer, 2000)
    const regs = Object.values(info.brokerAddrTable).flatMap((b) => Object.entries(b.brokerAddrs).map(([id, addr]) => `${b.brokerName}/${id}=${addr}`))
    out(`registered ${regs.sort().join('  ')}`)
  } catch (e) {
    allUp = false
    out(`NameServer not answering: ${(e as Error).message}`)
  }
  return allUp ? 0 : 1
}

async function main(argv: string[]): Promise<number> {
  let cmd: ReturnType<typeof parseCli>
  try {
    cmd = parseCli(argv)
  } catch (e) {
    if (e instanceof TestkitError && e.code === 'ERR_TESTKIT_ARGUMENT') {
      err(e.message)
      return 2
    }
    throw e
  }
  switch (cmd.command) {
    case 'help':
      out(USAGE)
      return 0
    case 'up':
      return up(cmd)
    case 'down':
      return down()
    case 'status':
      return status()
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (e: unknown) => {
    err(e instanceof Error ? (e.stack ?? e.message) : String(e))
    process.exitCode = 1
  },
)
