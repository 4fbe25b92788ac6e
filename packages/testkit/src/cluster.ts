/**
 * A real Apache RocketMQ cluster on loopback: NameServer, broker-a and broker-b (master id 0 + slave id 1 each)
 * and a cluster-mode proxy, run as plain JVMs from Maven Central jars (see jars.ts). No Docker.
 *
 * Why over 400 lines (for now): the start sequence, the running cluster's fault helpers (ManagedCluster) and the
 * security setup share the port plan, run directory and JVM arguments. The next cuts, once the secured-cluster work
 * that is changing the security helpers has landed: security (securitySetup .. adminSecurity) and the mqadmin
 * helpers (createTopicOn, runAdmin, externalCluster) into their own files.
 */
import { execFile, spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { TestkitError } from './errors.js'
import { ensureJars, rocketmqMajor, type ProgressSink } from './jars.js'
import { defaultCacheDir, defaultRunRoot, projectRoot } from './paths.js'
import { isAlive, owns, pollUntil, portOpen, processInspection, processState, signal, spawnDetached, stopPid, tailFile, waitForOutput } from './proc.js'
import { createTestPki, type TestPki } from './pki.js'
import {
  createAclAt,
  createUserAt,
  createTopicOnBroker,
  deleteTopicInBroker,
  deleteTopicInNameServer,
  getBrokerConfigAt,
  getClusterInfo,
  getTopicRoute,
  updateBrokerConfigAt,
  type AdminSecurity,
  type AuthUser,
  type ClusterInfo,
  type TopicRoute,
} from './remoting.js'
import { allPids, cleanupStaleRuns, readState, stopNodes, writeState, type BrokerAddresses, type ClusterSecurity, type ClusterState, type NodeState, type ProxyAddresses, type StartTimings } from './state.js'
import {
  BROKER_NAMES,
  CLUSTER_NAME,
  DEFAULT_TOPICS,
  brokerProperties,
  brokerSpecs,
  nameServerProperties,
  portPlan,
  proxyConfig,
  toPropertiesText,
  type BrokerName,
  type BrokerNode,
  type NodeName,
  type PortOptions,
  type PortPlan,
  type PropertyValue,
} from './topology.js'
import { ROCKETMQ_VERSION } from './version.js'

// Re-exported from state.ts, where the recorded state that holds it is defined.
export type { ClusterSecurity } from './state.js'

/** Extra JVM flags per kind of process, replacing the defaults of that kind (`DEFAULT_JVM_OPTIONS`). */
export interface JvmOptions {
  /** Flags of the NameServer. */
  namesrv?: string[]
  /** Flags of each broker (masters and slaves). */
  broker?: string[]
  /** Flags of the proxy. */
  proxy?: string[]
  /** Flags of the mqadmin runs (`cluster.admin()`). */
  tools?: string[]
}

/** Heap and GC flags per process (the rest of the command line is fixed). Total RSS ~2 GB for 6 JVMs. */
export const DEFAULT_JVM_OPTIONS: Readonly<Required<JvmOptions>> = Object.freeze({
  namesrv: ['-Xms64m', '-Xmx256m'],
  broker: ['-Xms256m', '-Xmx512m', '-XX:MaxDirectMemorySize=512m'],
  proxy: ['-Xms128m', '-Xmx512m'],
  tools: ['-Xmx256m', '-XX:TieredStopAtLevel=1'],
})

/** Options of `startCluster()`: what to start, where, and how long to wait. */
export interface StartClusterOptions extends Omit<PortOptions, 'portOffset'> {
  /** RocketMQ version. Default: env ROCKETMQ_VERSION, else ROCKETMQ_VERSION from version.ts. */
  version?: string
  /**
   * Shift all ports by this offset; 'auto' tries 0, 1000, 2000, ... (up to 9000) and takes the first offset whose
   * ports are all free (useful when several test runs share a machine). Default 0.
   */
  portOffset?: number | 'auto'
  /**
   * Start the cluster-mode proxy (remoting 8080, gRPC 8081). Default true on 5.x, false on 4.x: RocketMQ 4.x has no
   * proxy, and `withProxy: true` with a 4.x version throws ERR_TESTKIT_UNSUPPORTED_VERSION.
   */
  withProxy?: boolean
  /** Start broker-a-1 and broker-b-1 (slaves). Default true. */
  withSlaves?: boolean
  /** Create DEFAULT_TOPICS (TopicOrderPaySuccess, 2 queues per master) after start. Default true. */
  defaultTopics?: boolean
  /** Jar cache. Default: the per-user cache folder (`defaultCacheDir()`; env ROCKETMQ_TESTKIT_CACHE). */
  cacheDir?: string
  /** Parent of run dirs. Default `<project root>/.rmq-run` (`defaultRunRoot()`; env ROCKETMQ_TESTKIT_RUN_ROOT). */
  runRoot?: string
  /** Java executable. Default `$JAVA_HOME/bin/java` or `java`. */
  java?: string
  /** JVM flags per kind of process. Default `DEFAULT_JVM_OPTIONS`. */
  jvmOptions?: JvmOptions
  /** Extra/overriding broker properties for all four brokers. */
  brokerProperties?: Record<string, PropertyValue>
  /** Per phase (each process start, registration). Default 120 s. */
  startTimeoutMs?: number
  /** SIGTERM grace before SIGKILL in restartBroker/restartNameServer (graceful stop takes ~10 s). Default 30 s. */
  stopTimeoutMs?: number
  /** Spawn a detached watchdog that tears the cluster down when `ownerPid` dies. Default true (false if detached). */
  watchdog?: boolean
  /** Default process.pid. */
  ownerPid?: number
  /** The cluster outlives this process (CLI `up`): no watchdog, never cleaned up as stale. Default false. */
  detached?: boolean
  /**
   * Progress lines (jar download, process starts) to stderr (`true`) or a callback; `false` for none. Default: only the
   * jar download lines (a first run fetches ~100 MB; without a word it would look like a hang).
   */
  progress?: boolean | ProgressSink
  /**
   * ACL 2.0 on every broker (and the proxy): authentication and authorization, a Super admin user created at boot
   * (`admin`, default rocketmq / a random password), then `users` created on every broker over remoting. The kit's
   * own calls sign as the admin. 5.3+ only (ACL 2.0): a 4.x version throws ERR_TESTKIT_UNSUPPORTED_VERSION.
   */
  auth?: {
    /** The Super admin created at boot. Default `rocketmq` with a random password. */
    admin?: {
      /** The admin's user name. */
      username: string
      /** The admin's password. */
      password: string
    }
    /** Users created on every broker after start. */
    users?: AuthUser[]
  }
  /**
   * TLS on NameServer, brokers and proxy with a throw-away CA (openssl, files under `<runDir>/pki`):
   * 'enforcing' refuses plaintext, 'permissive' accepts both; `mutual` requires a client certificate signed by the CA.
   */
  tls?: {
    /** `enforcing` refuses plaintext; `permissive` accepts both. */
    mode: 'enforcing' | 'permissive'
    /** Require a client certificate signed by the CA. Default false. */
    mutual?: boolean
  }
}

/** Options of `cluster.createTopic()`. */
export interface CreateTopicOptions {
  /**
   * Read and write queues on each selected master (and pushed to its slave on 5.x; a 4.x slave refuses topic updates
   * and copies its master's topics every 10 s). Default 2.
   */
  queuesPerBroker?: number
  /** Which broker groups get the topic. Default both. */
  brokers?: BrokerName[]
  /** 6 = RW (default), 4 = R, 2 = W */
  perm?: number
  /** An ordered topic (also writes the NameServer's ORDER_TOPIC_CONFIG). Default false. */
  order?: boolean
  /** Topic attributes, e.g. { 'message.type': 'FIFO' } */
  attributes?: Record<string, string>
  /** How long to wait for the NameServer route. Default 30 s. */
  timeoutMs?: number
}

/** The outcome of one mqadmin run (`cluster.admin()`). */
export interface AdminResult {
  /** The process exit code (mqadmin exits 0 on most failures: read `output`). */
  exitCode: number
  /** stdout + stderr without logback status lines. mqadmin exits 0 on most failures: inspect this. */
  output: string
  /** How long the run took, in ms. */
  durationMs: number
}

/** Plain-data view of a cluster (what globalSetup can `provide`). */
export interface ClusterAddresses {
  /** `host:port` of the NameServer. */
  nameServer: string
  /** The broker cluster's name (`RmqItCluster`). */
  clusterName: string
  /** Each broker group's master address, and its slave's when started. */
  brokers: Record<BrokerName, BrokerAddresses>
  /** The proxy's remoting and gRPC addresses; null without a proxy. */
  proxy: ProxyAddresses | null
  /** The RocketMQ version running, e.g. `5.3.1`. */
  rocketmqVersion: string
  /** path of state.json for attachCluster(); null for an external cluster */
  stateFile: string | null
  /** true for a cluster this kit did not start (`externalCluster()`): it cannot be stopped or faulted. */
  external: boolean
  /** Set when the cluster was started with `auth` and/or `tls`. */
  security?: ClusterSecurity
}

/** A running cluster: its addresses, topic helpers, fault injection (kill, pause, restart) and `stop()`. */
export interface Cluster {
  /** `host:port` of the NameServer. */
  readonly nameServer: string
  /** The broker cluster's name (`RmqItCluster`). */
  readonly clusterName: string
  /** Each broker group's master address, and its slave's when started. */
  readonly brokers: Record<BrokerName, BrokerAddresses>
  /** The proxy's remoting and gRPC addresses; null without a proxy. */
  readonly proxy: ProxyAddresses | null
  /** '' for an external cluster */
  readonly runDir: string
  /** true for a cluster this kit did not start (`externalCluster()`): it cannot be stopped or faulted. */
  readonly external: boolean
  /** The latest state from disk (pids change on restarts, also from other processes). Throws if external. */
  state(): ClusterState
  /** The addresses as plain data (to pass to another process, e.g. Vitest's `provide`). */
  addresses(): ClusterAddresses
  /** How long each start phase took; null for an attached or external cluster. */
  timings(): StartTimings | null
  /** "127.0.0.1:port" of a broker node */
  brokerAddr(node: BrokerNode): string
  /** Live pids by node. */
  pids(): Partial<Record<NodeName, number>>
  /** The NameServer's route of a topic; null when it has none. */
  route(topic: string): Promise<TopicRoute | null>
  /** The NameServer's view of the brokers (GET_BROKER_CLUSTER_INFO). */
  clusterInfo(): Promise<ClusterInfo>
  /** Waits until the NameServer lists these broker nodes (default: all running ones). */
  waitForBrokers(nodes?: BrokerNode[], options?: { timeoutMs?: number }): Promise<ClusterInfo>
  /** Creates (or updates) a topic on the chosen masters and their slaves, and waits until the NameServer routes it. */
  createTopic(topic: string, options?: CreateTopicOptions): Promise<TopicRoute>
  /** Creates `DEFAULT_TOPICS` unless they exist. */
  ensureDefaultTopics(): Promise<void>
  /** Deletes a topic from every broker and the NameServer. */
  deleteTopic(topic: string, options?: { timeoutMs?: number }): Promise<void>
  /** Sends `signal` (default SIGKILL) to the broker's pid; for SIGKILL/SIGTERM/SIGINT waits until it is gone. */
  killBroker(node: BrokerNode, signal?: NodeJS.Signals): Promise<void>
  /** SIGSTOP: the broker stays registered but stops answering. */
  pauseBroker(node: BrokerNode): Promise<void>
  /** SIGCONT */
  resumeBroker(node: BrokerNode): Promise<void>
  /** Stops the broker (if running), starts it on the same store, waits for boot and NameServer registration. */
  restartBroker(node: BrokerNode): Promise<void>
  /** Restarts the NameServer (empty route table) and waits until every running broker has re-registered. */
  restartNameServer(): Promise<void>
  /** UPDATE_BROKER_CONFIG at runtime (persisted to the broker's config file, survives restartBroker). */
  updateBrokerConfig(node: BrokerNode, key: string, value: PropertyValue): Promise<void>
  /** The running broker's configuration (GET_BROKER_CONFIG). */
  getBrokerConfig(node: BrokerNode): Promise<Record<string, string>>
  /** ACL 2.0 (`auth` clusters): creates or updates the user and its ACL on every running broker, masters and slaves. */
  createUser(user: AuthUser): Promise<void>
  /** The secured cluster's settings (admin user, TLS files), or undefined for a plain cluster. */
  security(): ClusterSecurity | undefined
  /** Runs mqadmin (`MQAdminStartup <args>`; `-n <nameServer>` is appended unless given). ~4-6 s per call. */
  admin(args: string[], options?: { timeoutMs?: number }): Promise<AdminResult>
  /** The last lines of a node's stdout and main log file. */
  logTail(node: NodeName, lines?: number): string
  /**
   * Stops every process by pid, all at once: SIGTERM, then SIGKILL after `graceMs` (default 3 s: a graceful broker
   * shutdown takes ~10 s of fixed waits and the stores are deleted anyway), then removes the run dir. Idempotent.
   */
  stop(options?: { graceMs?: number }): Promise<void>
  /** `await using cluster = await startCluster()`: `stop()` at the end of the scope. */
  [Symbol.asyncDispose](): Promise<void>
}

/** SIGTERM grace of stop() before SIGKILL. */
export const DEFAULT_TEARDOWN_GRACE_MS = 3000

const BOOT_PATTERNS: Record<NodeState['kind'], RegExp> = {
  namesrv: /The Name Server boot success/,
  broker: /The broker\[[^\]]*\] boot success/,
  proxy: /rocketmq-proxy startup successfully/,
}

const MAIN_CLASS: Record<NodeState['kind'] | 'tools', string> = {
  namesrv: 'org.apache.rocketmq.namesrv.NamesrvStartup',
  broker: 'org.apache.rocketmq.broker.BrokerStartup',
  proxy: 'org.apache.rocketmq.proxy.ProxyStartup',
  tools: 'org.apache.rocketmq.tools.command.MQAdminStartup',
}

const MAIN_LOG: Record<NodeState['kind'], string> = { namesrv: 'namesrv.log', broker: 'broker.log', proxy: 'proxy.log' }

/** The version a start uses: the option, else env ROCKETMQ_VERSION, else the pinned one. */
export function resolveVersion(version?: string): string {
  const env = process.env['ROCKETMQ_VERSION']
  return version ?? (env !== undefined && env !== '' ? env : ROCKETMQ_VERSION)
}

/**
 * What the kit can start for a RocketMQ version. 4.x (tested: 4.9.7): NameServer and master/slave brokers only —
 * no proxy (it arrived in 5.0), no ACL 2.0 (5.3), no timer messages or POP (5.0).
 */
export interface VersionFeatures {
  /** The RocketMQ version, e.g. `5.5.0`. */
  version: string
  /** Its major version. */
  major: number
  /** It has the proxy (5.x). */
  proxy: boolean
  /** It has ACL 2.0 (5.3 and later). */
  acl2: boolean
  /** It has timer (delay by time) messages (5.x). */
  timer: boolean
  /** It has POP consumption (5.x). */
  pop: boolean
}

/** What a RocketMQ version supports (default: the version the kit runs). */
export function versionFeatures(version: string = resolveVersion()): VersionFeatures {
  const major = rocketmqMajor(version)
  const five = !(major < 5)
  const [, minor = 0] = version.split('.').map((n) => Number.parseInt(n, 10))
  return { version, major, proxy: five, acl2: five && (major > 5 || minor >= 3), timer: five, pop: five }
}

/**
 * JDK 17 flags a 4.x JVM needs: its launch scripts (runserver.sh/runbroker.sh) carry JDK 8 flags (CMS, PermSize)
 * that the kit never used; the broker releases mapped files through DirectBuffer.cleaner() by reflection, which
 * JDK 17 allows only with these opens.
 */
export const LEGACY_JDK17_FLAGS: readonly string[] = Object.freeze([
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
  '--add-exports=java.base/sun.nio.ch=ALL-UNNAMED',
  // MappedFile.clean(): jdk.internal.ref.Cleaner.clean() at shutdown (else the shutdown hook dies half way)
  '--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED',
  '--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED',
])

/**
 * RocketMQ 4.x NameServer, broker and mqadmin load `$ROCKETMQ_HOME/conf/logback_<name>.xml` themselves (5.x ships its
 * logback config inside the jars): a minimal file per process, logging to `${user.home}/logs/rocketmqlogs/<name>.log`
 * like 5.x does, so logTail() reads the same place.
 */
export function writeLegacyLogback(rocketmqHome: string): void {
  mkdirSync(join(rocketmqHome, 'conf'), { recursive: true })
  for (const [file, log] of [['logback_namesrv.xml', 'namesrv'], ['logback_broker.xml', 'broker'], ['logback_tools.xml', 'tools']] as const) {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<configuration>
  <appender name="FILE" class="ch.qos.logback.core.FileAppender">
    <file>\${user.home}/logs/rocketmqlogs/${log}.log</file>
    <append>true</append>
    <encoder><pattern>%d{yyy-MM-dd HH:mm:ss,GMT+8} %p %t - %m%n</pattern><charset class="java.nio.charset.Charset">UTF-8</charset></encoder>
  </appender>
  <root level="INFO"><appender-ref ref="FILE"/></root>
</configuration>
`
    writeFileSync(join(rocketmqHome, 'conf', file), xml)
  }
}

function progressSink(p: StartClusterOptions['progress']): ProgressSink | undefined {
  if (p === true) return (line) => void process.stderr.write(`${line}\n`)
  if (typeof p === 'function') return p
  return undefined
}

function defaultJava(): string {
  const home = process.env['JAVA_HOME']
  return home !== undefined && home !== '' && existsSync(join(home, 'bin', 'java')) ? join(home, 'bin', 'java') : 'java'
}

function checkJava(java: string): void {
  const r = spawnSync(java, ['-version'], { encoding: 'utf8' })
  if (r.error !== undefined || r.status !== 0) {
    throw new TestkitError('ERR_TESTKIT_JAVA', `cannot run "${java} -version" (${r.error?.message ?? r.stderr}). Install JDK 17 or set JAVA_HOME.`)
  }
}

function allPorts(plan: PortPlan, withSlaves: boolean, withProxy: boolean): number[] {
  const ports = [plan.nameServer]
  for (const s of brokerSpecs(plan, withSlaves)) ports.push(s.port - 2, s.port, s.port + 1)
  if (withProxy) ports.push(plan.proxyRemoting, plan.proxyGrpc)
  return ports
}

async function busyPorts(ports: number[]): Promise<number[]> {
  const open = await Promise.all(ports.map((p) => portOpen(p, '127.0.0.1', 500)))
  return ports.filter((_, i) => open[i])
}

function watchdogScript(): string {
  const here = dirname(fileURLToPath(import.meta.url))
  const candidates = [join(here, 'watchdog.js'), join(here, '..', 'dist', 'watchdog.js')]
  const found = candidates.find((c) => existsSync(c))
  if (found === undefined) throw new TestkitError('ERR_TESTKIT_STATE', `watchdog.js not found next to ${here}: build @rocketmq-ts/testkit (npx tsc -b)`)
  return found
}

const AUTO_OFFSETS = [0, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000]

function isBindFailure(e: unknown): boolean {
  return e instanceof TestkitError && e.code === 'ERR_TESTKIT_PROCESS_EXITED' && /Address already in use|Failed to bind/.test(e.message)
}

/**
 * Starts the whole cluster; on failure stops whatever was started and throws with the failing process's log tail.
 * With `portOffset: 'auto'` a port taken between the free-port check and the bind (another run starting at the
 * same moment) makes it retry on the next free offset.
 */
export async function startCluster(options: StartClusterOptions = {}): Promise<Cluster> {
  const t0 = Date.now()
  const withSlaves = options.withSlaves ?? true
  const features = versionFeatures(resolveVersion(options.version))
  const withProxy = options.withProxy ?? features.proxy
  if (withProxy && !features.proxy) {
    throw new TestkitError('ERR_TESTKIT_UNSUPPORTED_VERSION', `RocketMQ ${features.version} has no proxy (it arrived in 5.0): start with withProxy: false`, {
      context: { version: features.version },
    })
  }
  if (options.auth !== undefined && !features.acl2) {
    throw new TestkitError('ERR_TESTKIT_UNSUPPORTED_VERSION', `RocketMQ ${features.version} has no ACL 2.0 (auth needs 5.3 or later)`, {
      context: { version: features.version },
    })
  }
  const progress = progressSink(options.progress)
  const root = projectRoot()
  const runRoot = options.runRoot ?? defaultRunRoot(root)
  checkJava(options.java ?? defaultJava())
  const stale = await cleanupStaleRuns(runRoot)
  if (stale.length > 0) progress?.(`[testkit] removed ${stale.length} stale run(s): ${stale.join(', ')}`)
  const offsets = options.portOffset === 'auto' ? [...AUTO_OFFSETS] : [options.portOffset ?? 0]
  for (;;) {
    let plan: PortPlan | undefined
    let busy: number[] = []
    while (offsets.length > 0) {
      const candidate = portPlan({ ...options, portOffset: offsets.shift()! })
      busy = await busyPorts(allPorts(candidate, withSlaves, withProxy))
      if (busy.length === 0) {
        plan = candidate
        break
      }
    }
    if (plan === undefined) {
      throw new TestkitError(
        'ERR_TESTKIT_PORT_IN_USE',
        `ports ${busy.join(', ')} are in use. Is another cluster running (\`npm run cluster:status\` / \`npm run cluster:down\`)? ` +
          `Use it with ROCKETMQ_NAMESRV=127.0.0.1:<port>, or pass portOffset ('auto' picks free ports).`,
        { context: { ports: busy } },
      )
    }
    try {
      return await startOnPorts(options, plan, t0)
    } catch (e) {
      if (options.portOffset !== 'auto' || offsets.length === 0 || !isBindFailure(e)) throw e
      progress?.(`[testkit] a port of ${plan.nameServer}.. was taken meanwhile; retrying on the next free ports`)
    }
  }
}

async function startOnPorts(options: StartClusterOptions, plan: PortPlan, t0: number): Promise<Cluster> {
  const progress = progressSink(options.progress)
  const version = resolveVersion(options.version)
  const features = versionFeatures(version)
  const legacy = !features.proxy
  const withSlaves = options.withSlaves ?? true
  const withProxy = options.withProxy ?? features.proxy
  const root = projectRoot()
  const cacheDir = options.cacheDir ?? defaultCacheDir()
  const runRoot = options.runRoot ?? defaultRunRoot(root)
  const java = options.java ?? defaultJava()
  const startTimeoutMs = options.startTimeoutMs ?? 120_000
  const stopTimeoutMs = options.stopTimeoutMs ?? 30_000
  const detached = options.detached ?? false
  const jvm = { ...DEFAULT_JVM_OPTIONS, ...(options.jvmOptions ?? {}) }

  // The first jar fetch (~100 MB) takes a while: say so on stderr unless progress was turned off explicitly.
  const jarProgress = progress ?? (options.progress === undefined ? progressSink(true) : undefined)
  const jars = await ensureJars({ version, cacheDir, ...(jarProgress === undefined ? {} : { onProgress: jarProgress }) })
  const jarsMs = Date.now() - t0

  mkdirSync(runRoot, { recursive: true })
  const runDir = join(runRoot, `c${plan.nameServer}-${Date.now().toString(36)}-${process.pid}`)
  mkdirSync(join(runDir, 'conf'), { recursive: true })
  const nameServer = `127.0.0.1:${plan.nameServer}`
  const specs = brokerSpecs(plan, withSlaves)
  const security = securitySetup(options, runDir)
  const tlsArgs = security.tls === undefined ? [] : tlsJvmArgs(security.tls)
  if (legacy) writeLegacyLogback(runDir)

  const common = (home: string, logback: string): string[] => [
    '-server',
    '-XX:+UseG1GC',
    '-XX:-OmitStackTraceInFastThrow',
    '-Dfile.encoding=UTF-8',
    '-Djava.net.preferIPv4Stack=true',
    `-Drocketmq.home.dir=${runDir}`,
    `-Duser.home=${home}`,
    `-Drmq.logback.configurationFile=${logback}`,
    ...(legacy ? LEGACY_JDK17_FLAGS : []),
    ...tlsArgs,
    '-cp',
    jars.classpath,
  ]
  const node = (name: NodeName, kind: NodeState['kind'], port: number, args: (home: string) => string[]): NodeState => {
    const home = join(runDir, name)
    mkdirSync(home, { recursive: true })
    return {
      name,
      kind,
      pid: null,
      pastPids: [],
      addr: `127.0.0.1:${port}`,
      home,
      outFile: join(runDir, `${name}.out`),
      mainLog: join(home, 'logs', 'rocketmqlogs', MAIN_LOG[kind]),
      command: java,
      args: args(home),
      paused: false,
    }
  }

  const nodes: ClusterState['nodes'] = {}
  const nsConf = join(runDir, 'conf', 'namesrv.properties')
  writeFileSync(nsConf, toPropertiesText(nameServerProperties(plan.nameServer, join(runDir, 'namesrv', 'kvConfig.json'))))
  nodes.namesrv = node('namesrv', 'namesrv', plan.nameServer, (home) => [
    ...jvm.namesrv,
    ...common(home, 'rmq.namesrv.logback.xml'),
    MAIN_CLASS.namesrv,
    '-c',
    nsConf,
  ])
  for (const spec of specs) {
    const conf = join(runDir, 'conf', `${spec.node}.properties`)
    const storeRoot = join(runDir, spec.node, 'store')
    const extra = { ...(security.auth === undefined ? {} : brokerAuthProperties(security.auth.admin)), ...(options.brokerProperties ?? {}) }
    const props = brokerProperties(spec, { nameServer, storeRoot, extra, version })
    writeFileSync(conf, toPropertiesText(props, `generated by @rocketmq-ts/testkit for ${spec.node}`))
    nodes[spec.node] = node(spec.node, 'broker', spec.port, (home) => [...jvm.broker, ...common(home, 'rmq.broker.logback.xml'), MAIN_CLASS.broker, '-c', conf])
  }
  if (withProxy) {
    const pc = join(runDir, 'conf', 'rmq-proxy.json')
    const proxyConf = { ...proxyConfig({ nameServer, remotingPort: plan.proxyRemoting, grpcPort: plan.proxyGrpc }), ...proxySecurityConfig(security) }
    writeFileSync(pc, JSON.stringify(proxyConf, null, 2) + '\n')
    nodes.proxy = node('proxy', 'proxy', plan.proxyRemoting, (home) => [
      ...jvm.proxy,
      ...common(home, 'rmq.proxy.logback.xml'),
      MAIN_CLASS.proxy,
      '-pm',
      'cluster',
      '-pc',
      pc,
      '-n',
      nameServer,
    ])
  }

  const brokers = {} as Record<BrokerName, { master: string; slave?: string }>
  for (const b of BROKER_NAMES) {
    brokers[b] = withSlaves ? { master: `127.0.0.1:${plan.brokers[`${b}-0`]}`, slave: `127.0.0.1:${plan.brokers[`${b}-1`]}` } : { master: `127.0.0.1:${plan.brokers[`${b}-0`]}` }
  }
  const state: ClusterState = {
    schema: 1,
    rocketmqVersion: version,
    clusterName: CLUSTER_NAME,
    runDir,
    stateFile: join(runDir, 'state.json'),
    libDir: jars.libDir,
    java,
    ownerPid: options.ownerPid ?? process.pid,
    detached,
    watchdogPid: null,
    createdAt: new Date().toISOString(),
    ports: plan,
    nameServer,
    brokers,
    proxy: withProxy ? { remoting: `127.0.0.1:${plan.proxyRemoting}`, grpc: `127.0.0.1:${plan.proxyGrpc}` } : null,
    nodes,
    stopTimeoutMs,
    startTimeoutMs,
    timings: { jarsMs, nameServerMs: 0, mastersMs: 0, slavesMs: 0, registrationMs: 0, proxyMs: 0, topicsMs: 0, totalMs: 0 },
    ...(security.auth === undefined && security.tls === undefined ? {} : { security }),
  }
  writeState(state)

  if (options.watchdog ?? !detached) {
    const wd = spawn(process.execPath, [watchdogScript(), String(state.ownerPid), state.stateFile], { detached: true, stdio: 'ignore' })
    wd.on('error', () => {
      // without a watchdog the cluster still works; stop() and stale cleanup remain
    })
    wd.unref()
    state.watchdogPid = wd.pid ?? null
    writeState(state)
  }

  const handle = new ManagedCluster(state.stateFile, state)
  const timings: StartTimings = { ...state.timings }
  try {
    let t = Date.now()
    progress?.(`[testkit] starting NameServer ${nameServer} (run dir ${runDir})`)
    await handle.startNode('namesrv')
    timings.nameServerMs = Date.now() - t

    t = Date.now()
    const masters = specs.filter((s) => s.brokerId === 0).map((s) => s.node)
    progress?.(`[testkit] starting masters ${masters.join(', ')}`)
    await Promise.all(masters.map((m) => handle.startNode(m)))
    await handle.waitForBrokers(masters, { timeoutMs: startTimeoutMs })
    timings.mastersMs = Date.now() - t

    // Slaves and the proxy start together: the proxy needs only the masters registered (it creates its system
    // topic on the cluster's masters and hides slaves), and a 5.5 slave registers only on its first periodic
    // registration (~10 s after start), so overlapping saves most of the proxy's start time on 2 cores.
    const slaves = specs.filter((s) => s.brokerId !== 0).map((s) => s.node)
    const tSlaves = Date.now()
    const slavesUp = (async () => {
      if (slaves.length === 0) return
      progress?.(`[testkit] starting slaves ${slaves.join(', ')}`)
      await Promise.all(slaves.map((s) => handle.startNode(s)))
      timings.slavesMs = Date.now() - tSlaves
      const tr = Date.now()
      await handle.waitForBrokers(slaves, { timeoutMs: startTimeoutMs })
      timings.registrationMs = Date.now() - tr
    })()
    const tProxy = Date.now()
    const proxyUp = (async () => {
      if (!withProxy) return
      progress?.(`[testkit] starting proxy ${state.proxy?.remoting} / ${state.proxy?.grpc}`)
      // On a loaded machine the proxy's first NameServer request (creating its heartbeat topic) can time out and the
      // proxy exits at boot; starting it again is what an operator would do, so try up to 3 times.
      for (let attempt = 1; ; attempt++) {
        try {
          await handle.startNode('proxy')
          break
        } catch (e) {
          if (attempt >= 3 || !(e instanceof TestkitError) || e.code !== 'ERR_TESTKIT_PROCESS_EXITED') throw e
          progress?.(`[testkit] the proxy exited while booting (attempt ${attempt}); starting it again`)
        }
      }
      await pollUntil(async () => (await portOpen(plan.proxyRemoting)) && (await portOpen(plan.proxyGrpc)), {
        timeoutMs: startTimeoutMs,
        what: 'the proxy ports',
        onTimeout: () => handle.logTail('proxy'),
      })
      timings.proxyMs = Date.now() - tProxy
    })()
    const results = await Promise.allSettled([slavesUp, proxyUp])
    for (const r of results) if (r.status === 'rejected') throw r.reason

    for (const u of options.auth?.users ?? []) await handle.createUser(u)
    t = Date.now()
    if (options.defaultTopics ?? true) await handle.ensureDefaultTopics()
    timings.topicsMs = Date.now() - t
    timings.totalMs = Date.now() - t0
    handle.setTimings(timings)
    progress?.(`[testkit] cluster up in ${((Date.now() - t0) / 1000).toFixed(1)} s`)
    return handle
  } catch (e) {
    await handle.stop().catch(() => undefined)
    throw e
  }
}

/** A handle on a cluster started elsewhere (e.g. in vitest's globalSetup), from its state or state file path. */
export function attachCluster(state: ClusterState | ClusterAddresses | string): Cluster {
  const file = typeof state === 'string' ? (state.endsWith('.json') ? state : join(state, 'state.json')) : state.stateFile
  if (file === null) {
    throw new TestkitError('ERR_TESTKIT_EXTERNAL_CLUSTER', 'this cluster is external (no state file): use externalCluster(nameServer)')
  }
  return new ManagedCluster(file, readState(file))
}

class ManagedCluster implements Cluster {
  readonly nameServer: string
  readonly clusterName: string
  readonly brokers: Record<BrokerName, BrokerAddresses>
  readonly proxy: ProxyAddresses | null
  readonly runDir: string
  readonly external = false
  private cached: ClusterState
  private stopped = false

  constructor(
    private readonly stateFile: string,
    initial: ClusterState,
  ) {
    this.cached = initial
    this.nameServer = initial.nameServer
    this.clusterName = initial.clusterName
    this.brokers = initial.brokers
    this.proxy = initial.proxy
    this.runDir = initial.runDir
  }

  /** Re-reads state.json (other processes may have restarted nodes) unless the cluster is gone. */
  private load(): ClusterState {
    if (existsSync(this.stateFile)) this.cached = readState(this.stateFile)
    return this.cached
  }

  save(): void {
    if (existsSync(this.cached.runDir)) writeState(this.cached)
  }

  setTimings(t: StartTimings): void {
    this.load().timings = t
    this.save()
  }

  state(): ClusterState {
    return structuredClone(this.load())
  }

  timings(): StartTimings {
    return { ...this.load().timings }
  }

  addresses(): ClusterAddresses {
    const s = this.load()
    return {
      nameServer: s.nameServer,
      clusterName: s.clusterName,
      brokers: s.brokers,
      proxy: s.proxy,
      rocketmqVersion: s.rocketmqVersion,
      stateFile: s.stateFile,
      external: false,
      ...(s.security === undefined ? {} : { security: s.security }),
    }
  }

  brokerAddr(node: BrokerNode): string {
    return this.nodeState(node).addr
  }

  pids(): Partial<Record<NodeName, number>> {
    const out: Partial<Record<NodeName, number>> = {}
    for (const n of Object.values(this.load().nodes)) if (n !== undefined && n.pid !== null && isAlive(n.pid)) out[n.name] = n.pid
    return out
  }

  private nodeState(name: NodeName): NodeState {
    const n = this.load().nodes[name]
    if (n === undefined) throw new TestkitError('ERR_TESTKIT_ARGUMENT', `node ${name} is not part of this cluster`, { context: { node: name } })
    return n
  }

  private running(name: NodeName): boolean {
    const n = this.cached.nodes[name]
    return n !== undefined && n.pid !== null && owns(n.pid, this.cached.runDir)
  }

  /** Spawns a node and waits for its boot line. */
  async startNode(name: NodeName): Promise<void> {
    const s = this.load()
    const n = this.nodeState(name)
    if (this.running(name)) throw new TestkitError('ERR_TESTKIT_STATE', `${name} is already running (pid ${n.pid})`)
    if (!s.detached && !isAlive(s.ownerPid)) {
      throw new TestkitError('ERR_TESTKIT_STATE', `the process that owns this cluster (pid ${s.ownerPid}) is gone; not starting ${name}`)
    }
    if (!existsSync(s.runDir)) throw new TestkitError('ERR_TESTKIT_STATE', `the cluster's run dir ${s.runDir} is gone (stopped)`)
    const p = spawnDetached(n.command, n.args, { outFile: n.outFile, cwd: n.home, env: { ...process.env, ROCKETMQ_HOME: s.runDir } })
    n.pid = p.pid
    n.paused = false
    n.pastPids.push(p.pid)
    this.save()
    await waitForOutput(n.outFile, p.outOffset, BOOT_PATTERNS[n.kind], {
      pid: p.pid,
      timeoutMs: s.startTimeoutMs,
      what: `${name} (pid ${p.pid}) to boot`,
      logTail: () => this.logTail(name),
    })
  }

  async route(topic: string): Promise<TopicRoute | null> {
    return getTopicRoute(this.nameServer, topic, 5000, this.sec())
  }

  async clusterInfo(): Promise<ClusterInfo> {
    return getClusterInfo(this.nameServer, 5000, this.sec())
  }

  async waitForBrokers(nodes?: BrokerNode[], options: { timeoutMs?: number } = {}): Promise<ClusterInfo> {
    const s = this.load()
    const wanted = nodes ?? (Object.keys(s.nodes) as NodeName[]).filter((n): n is BrokerNode => n.startsWith('broker-') && this.running(n))
    return pollUntil(
      async () => {
        const info = await getClusterInfo(s.nameServer, 5000, this.sec())
        const ok = wanted.every((n) => {
          const b = info.brokerAddrTable[n.slice(0, -2)]
          return b !== undefined && b.brokerAddrs[n.slice(-1)] === s.nodes[n]?.addr
        })
        return ok ? info : false
      },
      { timeoutMs: options.timeoutMs ?? s.startTimeoutMs, intervalMs: 200, what: `NameServer registration of ${wanted.join(', ')}` },
    )
  }

  async createTopic(topic: string, options: CreateTopicOptions = {}): Promise<TopicRoute> {
    const s = this.load()
    const q = options.queuesPerBroker ?? 2
    const groups = options.brokers ?? [...BROKER_NAMES]
    const targets: string[] = []
    const expectInRoute: BrokerName[] = []
    for (const g of groups) {
      if (this.running(`${g}-0`)) {
        targets.push(s.nodes[`${g}-0`]!.addr)
        expectInRoute.push(g)
      }
      // A 4.x slave refuses topic updates ("Can't modify topic ... from slave broker"); it copies the master's
      // topic table every 10 s (SlaveSynchronize).
      if (this.running(`${g}-1`) && versionFeatures(s.rocketmqVersion).proxy) targets.push(s.nodes[`${g}-1`]!.addr)
    }
    if (targets.length === 0) throw new TestkitError('ERR_TESTKIT_STATE', `no running broker in ${groups.join(', ')} to create ${topic} on`)
    return createTopicOn(s.nameServer, topic, targets, expectInRoute, q, options, this.sec())
  }

  async ensureDefaultTopics(): Promise<void> {
    for (const d of DEFAULT_TOPICS) await this.createTopic(d.topic, { queuesPerBroker: d.queuesPerBroker })
  }

  async deleteTopic(topic: string, options: { timeoutMs?: number } = {}): Promise<void> {
    const s = this.load()
    // a 4.x slave refuses topic updates; it drops the topic when it next copies its master's table (10 s)
    const legacy = !versionFeatures(s.rocketmqVersion).proxy
    const addrs = (Object.values(s.nodes) as NodeState[])
      .filter((n) => n.kind === 'broker' && this.running(n.name) && !(legacy && n.name.endsWith('-1')))
      .map((n) => n.addr)
    await deleteTopicFrom(s.nameServer, topic, addrs, options.timeoutMs ?? 30_000, this.sec())
  }

  async killBroker(node: BrokerNode, sig: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    await this.killNode(node, sig)
  }

  private async killNode(name: NodeName, sig: NodeJS.Signals): Promise<void> {
    const s = this.load()
    const n = this.nodeState(name)
    if (n.pid === null || !owns(n.pid, s.runDir)) throw new TestkitError('ERR_TESTKIT_STATE', `${name} is not running`)
    const pid = n.pid
    if (n.paused && sig !== 'SIGKILL') signal(pid, 'SIGCONT')
    signal(pid, sig)
    if (sig === 'SIGKILL' || sig === 'SIGTERM' || sig === 'SIGINT') {
      await pollUntil(() => !isAlive(pid), { timeoutMs: s.stopTimeoutMs + 10_000, intervalMs: 50, what: `${name} (pid ${pid}) to exit after ${sig}` })
      n.pid = null
      n.paused = false
      this.save()
    }
  }

  async pauseBroker(node: BrokerNode): Promise<void> {
    const s = this.load()
    const n = this.nodeState(node)
    if (n.pid === null || !owns(n.pid, s.runDir)) throw new TestkitError('ERR_TESTKIT_STATE', `${node} is not running`)
    signal(n.pid, 'SIGSTOP')
    const pid = n.pid
    await pollUntil(() => processState(pid) === 'T', { timeoutMs: 5000, intervalMs: 20, what: `${node} to stop (SIGSTOP)` })
    n.paused = true
    this.save()
  }

  async resumeBroker(node: BrokerNode): Promise<void> {
    const s = this.load()
    const n = this.nodeState(node)
    if (n.pid === null || !owns(n.pid, s.runDir)) throw new TestkitError('ERR_TESTKIT_STATE', `${node} is not running`)
    signal(n.pid, 'SIGCONT')
    const pid = n.pid
    await pollUntil(() => processState(pid) !== 'T', { timeoutMs: 5000, intervalMs: 20, what: `${node} to continue (SIGCONT)` })
    n.paused = false
    this.save()
  }

  async restartBroker(node: BrokerNode): Promise<void> {
    const s = this.load()
    const n = this.nodeState(node)
    if (n.pid !== null) {
      await stopPid(n.pid, s.runDir, s.stopTimeoutMs)
      n.pid = null
      this.save()
    }
    await this.startNode(node)
    await this.waitForBrokers([node])
  }

  async restartNameServer(): Promise<void> {
    const s = this.load()
    const n = this.nodeState('namesrv')
    if (n.pid !== null) {
      await stopPid(n.pid, s.runDir, s.stopTimeoutMs)
      n.pid = null
      this.save()
    }
    await this.startNode('namesrv')
    // brokers re-register every registerNameServerPeriod (10 s)
    await this.waitForBrokers(undefined, { timeoutMs: 60_000 })
  }

  async updateBrokerConfig(node: BrokerNode, key: string, value: PropertyValue): Promise<void> {
    await updateBrokerConfigAt(this.brokerAddr(node), { [key]: value }, 5000, this.sec())
  }

  async getBrokerConfig(node: BrokerNode): Promise<Record<string, string>> {
    return getBrokerConfigAt(this.brokerAddr(node), 5000, this.sec())
  }

  async admin(args: string[], options: { timeoutMs?: number } = {}): Promise<AdminResult> {
    const s = this.load()
    const home = join(s.runDir, 'tools')
    mkdirSync(home, { recursive: true })
    return runAdmin(s.java, `${s.libDir}/*`, home, s.runDir, s.nameServer, args, options.timeoutMs ?? 60_000, s.security, !versionFeatures(s.rocketmqVersion).proxy)
  }

  security(): ClusterSecurity | undefined {
    return this.load().security
  }

  /** How the kit's own calls reach this cluster (admin signature, TLS with the kit's CA and client certificate). */
  private sec(): AdminSecurity {
    return adminSecurity(this.cached.security)
  }

  async createUser(user: AuthUser): Promise<void> {
    const s = this.load()
    if (s.security?.auth === undefined) throw new TestkitError('ERR_TESTKIT_ARGUMENT', 'createUser needs a cluster started with `auth`')
    const addrs = (Object.values(s.nodes) as NodeState[]).filter((n) => n.kind === 'broker' && this.running(n.name)).map((n) => n.addr)
    const sec = this.sec()
    for (const addr of addrs) {
      await createUserAt(addr, user, 5000, sec)
      if (user.acls !== undefined && user.acls.length > 0) await createAclAt(addr, user.username, user.acls, 5000, sec)
    }
  }

  logTail(name: NodeName, lines = 60): string {
    const n = this.cached.nodes[name]
    if (n === undefined) return `(no node ${name})`
    const out = tailFile(n.outFile, lines)
    const main = tailFile(n.mainLog, lines)
    return `--- ${n.outFile} ---\n${out}\n--- ${n.mainLog} ---\n${main}`
  }

  async stop(options: { graceMs?: number } = {}): Promise<void> {
    if (this.stopped) return
    const s = this.load()
    const recorded = allPids(s)
    await stopNodes(s, options.graceMs ?? DEFAULT_TEARDOWN_GRACE_MS)
    // Every process the kit recorded must be gone now (SIGKILL was the last step); say so if one is not.
    const left = recorded.filter((pid) => owns(pid, s.runDir))
    if (s.watchdogPid !== null) await stopPid(s.watchdogPid, s.stateFile, 2000)
    if (left.length > 0) {
      throw new TestkitError('ERR_TESTKIT_STOP', `pids ${left.join(', ')} of ${s.runDir} are still running after SIGKILL (${processInspection()} process inspection)`, {
        context: { pids: left, runDir: s.runDir },
      })
    }
    rmSync(s.runDir, { recursive: true, force: true })
    this.stopped = true
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop()
  }
}

async function createTopicOn(
  nameServer: string,
  topic: string,
  targets: string[],
  expectInRoute: string[],
  q: number,
  options: CreateTopicOptions,
  sec: AdminSecurity = {},
): Promise<TopicRoute> {
  await Promise.all(
    targets.map((addr) =>
      createTopicOnBroker(addr, {
        topic,
        readQueueNums: q,
        writeQueueNums: q,
        ...(options.perm === undefined ? {} : { perm: options.perm }),
        ...(options.order === undefined ? {} : { order: options.order }),
        ...(options.attributes === undefined ? {} : { attributes: options.attributes }),
      }, 5000, sec),
    ),
  )
  return pollUntil(
    async () => {
      const route = await getTopicRoute(nameServer, topic, 5000, sec)
      if (route === null) return false
      const ok = expectInRoute.every(
        (b) =>
          route.brokerDatas.some((d) => d.brokerName === b) &&
          route.queueDatas.some((qd) => qd.brokerName === b && qd.readQueueNums === q && qd.writeQueueNums === q),
      )
      return ok ? route : false
    },
    { timeoutMs: options.timeoutMs ?? 30_000, intervalMs: 100, what: `the route of ${topic} to show ${q} queues on ${expectInRoute.join(', ')}` },
  )
}

async function deleteTopicFrom(nameServer: string, topic: string, brokerAddrs: string[], timeoutMs: number, sec: AdminSecurity = {}): Promise<void> {
  await Promise.all(brokerAddrs.map((a) => deleteTopicInBroker(a, topic, 5000, sec)))
  await deleteTopicInNameServer(nameServer, topic, 5000, sec)
  await pollUntil(async () => (await getTopicRoute(nameServer, topic, 5000, sec)) === null, { timeoutMs, what: `the route of ${topic} to disappear` })
}

function runAdmin(
  java: string,
  classpath: string,
  home: string,
  rocketmqHome: string,
  nameServer: string,
  args: string[],
  timeoutMs: number,
  security?: ClusterSecurity,
  legacy = false,
): Promise<AdminResult> {
  const started = Date.now()
  const fullArgs = [
    ...DEFAULT_JVM_OPTIONS.tools,
    ...(legacy ? LEGACY_JDK17_FLAGS : []),
    ...(security?.tls === undefined ? [] : tlsJvmArgs(security.tls)),
    '-Dfile.encoding=UTF-8',
    '-Djava.net.preferIPv4Stack=true',
    `-Drocketmq.home.dir=${rocketmqHome}`,
    `-Duser.home=${home}`,
    '-Drmq.logback.configurationFile=rmq.tools.logback.xml',
    '-cp',
    classpath,
    MAIN_CLASS.tools,
    ...args,
    ...(args.includes('-n') ? [] : ['-n', nameServer]),
  ]
  return new Promise((resolve, reject) => {
    execFile(java, fullArgs, { cwd: home, timeout: timeoutMs, maxBuffer: 32 * 1024 * 1024, env: { ...process.env, ROCKETMQ_HOME: rocketmqHome } }, (err, stdout, stderr) => {
      const output = `${stdout}${stderr}`
        .split('\n')
        .filter((l) => !/^\d\d:\d\d:\d\d,\d+ \|-/.test(l))
        .join('\n')
      if (err !== null && (err as NodeJS.ErrnoException & { killed?: boolean }).killed === true) {
        reject(new TestkitError('ERR_TESTKIT_ADMIN', `mqadmin ${args.join(' ')} timed out after ${timeoutMs} ms\n${output}`))
        return
      }
      const code = err === null ? 0 : typeof err.code === 'number' ? err.code : 1
      resolve({ exitCode: code, output, durationMs: Date.now() - started })
    })
  })
}

/**
 * A handle on a cluster this kit did not start (env ROCKETMQ_NAMESRV): addresses come from the NameServer's
 * cluster info; topic and config helpers work; process faults throw ERR_TESTKIT_EXTERNAL_CLUSTER.
 */
export async function externalCluster(nameServer: string, options: { cacheDir?: string; version?: string; java?: string } = {}): Promise<Cluster> {
  const info = await getClusterInfo(nameServer)
  const clusterName = Object.keys(info.clusterAddrTable)[0] ?? CLUSTER_NAME
  const brokers = {} as Record<BrokerName, { master: string; slave?: string }>
  for (const [name, b] of Object.entries(info.brokerAddrTable)) {
    const entry: { master: string; slave?: string } = { master: b.brokerAddrs['0'] ?? '' }
    if (b.brokerAddrs['1'] !== undefined) entry.slave = b.brokerAddrs['1']
    brokers[name as BrokerName] = entry
  }
  const version = resolveVersion(options.version)
  const unsupported = (what: string): never => {
    throw new TestkitError('ERR_TESTKIT_EXTERNAL_CLUSTER', `${what} is not possible on an external cluster (ROCKETMQ_NAMESRV=${nameServer})`)
  }
  const addrOf = (node: BrokerNode): string => {
    const b = brokers[node.slice(0, -2) as BrokerName]
    const a = node.endsWith('-0') ? b?.master : b?.slave
    if (a === undefined || a === '') throw new TestkitError('ERR_TESTKIT_ARGUMENT', `the external cluster has no ${node}`)
    return a
  }
  const cluster: Cluster = {
    nameServer,
    clusterName,
    brokers,
    proxy: null,
    runDir: '',
    external: true,
    state: () => unsupported('state()'),
    addresses: () => ({ nameServer, clusterName, brokers, proxy: null, rocketmqVersion: version, stateFile: null, external: true }),
    timings: () => null,
    brokerAddr: addrOf,
    pids: () => ({}),
    route: (topic) => getTopicRoute(nameServer, topic),
    clusterInfo: () => getClusterInfo(nameServer),
    waitForBrokers: async (nodes, o = {}) =>
      pollUntil(
        async () => {
          const i = await getClusterInfo(nameServer)
          return (nodes ?? []).every((n) => i.brokerAddrTable[n.slice(0, -2)]?.brokerAddrs[n.slice(-1)] !== undefined) ? i : false
        },
        { timeoutMs: o.timeoutMs ?? 60_000, what: 'broker registration' },
      ),
    createTopic: async (topic, o = {}) => {
      const groups = (o.brokers ?? Object.keys(brokers)) as BrokerName[]
      const legacy = !versionFeatures(version).proxy
      const targets = groups.flatMap((g) => [brokers[g]?.master, legacy ? undefined : brokers[g]?.slave]).filter((a): a is string => a !== undefined && a !== '')
      return createTopicOn(nameServer, topic, targets, groups.filter((g) => (brokers[g]?.master ?? '') !== ''), o.queuesPerBroker ?? 2, o)
    },
    ensureDefaultTopics: async () => {
      for (const d of DEFAULT_TOPICS) await cluster.createTopic(d.topic, { queuesPerBroker: d.queuesPerBroker })
    },
    deleteTopic: async (topic, o = {}) => {
      const legacy = !versionFeatures(version).proxy
      const addrs = Object.values(brokers).flatMap((b) => [b.master, legacy ? undefined : b.slave]).filter((a): a is string => a !== undefined && a !== '')
      await deleteTopicFrom(nameServer, topic, addrs, o.timeoutMs ?? 30_000)
    },
    killBroker: async () => unsupported('killBroker'),
    pauseBroker: async () => unsupported('pauseBroker'),
    resumeBroker: async () => unsupported('resumeBroker'),
    restartBroker: async () => unsupported('restartBroker'),
    restartNameServer: async () => unsupported('restartNameServer'),
    updateBrokerConfig: (node, key, value) => updateBrokerConfigAt(addrOf(node), { [key]: value }),
    getBrokerConfig: (node) => getBrokerConfigAt(addrOf(node)),
    admin: async (args, o = {}) => {
      const cacheDir = options.cacheDir ?? defaultCacheDir()
      const jars = await ensureJars({ version, cacheDir })
      const home = join(cacheDir, 'mqadmin-home')
      mkdirSync(home, { recursive: true })
      const legacy = !versionFeatures(version).proxy
      if (legacy) writeLegacyLogback(home)
      return runAdmin(options.java ?? defaultJava(), jars.classpath, home, home, nameServer, args, o.timeoutMs ?? 60_000, undefined, legacy)
    },
    logTail: () => '(external cluster: no logs)',
    createUser: async () => unsupported('createUser'),
    security: () => undefined,
    stop: async () => undefined,
    [Symbol.asyncDispose]: async () => undefined,
  }
  return cluster
}

/** Admin user, PKI and state record of a secured cluster (nothing for a plain one). */
function securitySetup(options: StartClusterOptions, runDir: string): ClusterSecurity {
  const out: ClusterSecurity = {}
  if (options.auth !== undefined) {
    const admin = options.auth.admin ?? { username: 'rocketmq', password: `admin-${randomBytes(9).toString('base64url')}` }
    out.auth = { admin }
    // mqadmin signs with $ROCKETMQ_HOME/conf/tools.yml
    writeFileSync(join(runDir, 'conf', 'tools.yml'), `accessKey: ${admin.username}\nsecretKey: ${admin.password}\n`)
  }
  if (options.tls !== undefined) {
    out.tls = { mode: options.tls.mode, mutual: options.tls.mutual ?? false, pki: createTestPki(join(runDir, 'pki')) }
  }
  return out
}

/** ACL 2.0 keys (AuthConfig) of a broker: local RocksDB users and ACLs, the admin as init and inner user. */
export function brokerAuthProperties(admin: { username: string; password: string }): Record<string, PropertyValue> {
  return {
    authenticationEnabled: true,
    authenticationProvider: 'org.apache.rocketmq.auth.authentication.provider.DefaultAuthenticationProvider',
    authenticationMetadataProvider: 'org.apache.rocketmq.auth.authentication.provider.LocalAuthenticationMetadataProvider',
    authorizationEnabled: true,
    authorizationProvider: 'org.apache.rocketmq.auth.authorization.provider.DefaultAuthorizationProvider',
    authorizationMetadataProvider: 'org.apache.rocketmq.auth.authorization.provider.LocalAuthorizationMetadataProvider',
    initAuthenticationUser: JSON.stringify({ username: admin.username, password: admin.password }),
    innerClientAuthenticationCredentials: JSON.stringify({ accessKey: admin.username, secretKey: admin.password }),
  }
}

/** rmq-proxy.json additions: ACL 2.0 through the brokers' metadata, and the kit's server certificate. */
export function proxySecurityConfig(security: ClusterSecurity): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  if (security.auth !== undefined) {
    const { username, password } = security.auth.admin
    Object.assign(out, {
      authenticationEnabled: true,
      authenticationProvider: 'org.apache.rocketmq.auth.authentication.provider.DefaultAuthenticationProvider',
      authenticationMetadataProvider: 'org.apache.rocketmq.proxy.auth.ProxyAuthenticationMetadataProvider',
      authorizationEnabled: true,
      authorizationProvider: 'org.apache.rocketmq.auth.authorization.provider.DefaultAuthorizationProvider',
      authorizationMetadataProvider: 'org.apache.rocketmq.proxy.auth.ProxyAuthorizationMetadataProvider',
      // Without this the cluster-mode proxy does not sign its own calls to the brokers.
      enableAclRpcHookForClusterMode: true,
      innerClientAuthenticationCredentials: JSON.stringify({ accessKey: username, secretKey: password }),
    })
  }
  if (security.tls !== undefined) {
    // The proxy copies these into TlsSystemConfig, over the -D values.
    Object.assign(out, { tlsTestModeEnable: false, tlsCertPath: security.tls.pki.serverCertFile, tlsKeyPath: security.tls.pki.serverKeyFile })
  }
  return out
}

/**
 * TlsSystemConfig as JVM system properties (RocketMQ reads them only from -D or tls.config.file): server side with
 * the kit's certificate (test mode off, so it is really used), client side (brokers to NameServer, proxy, mqadmin)
 * verifying the server against the kit's CA and presenting the client certificate.
 */
export function tlsJvmArgs(tls: NonNullable<ClusterSecurity['tls']>): string[] {
  const p = tls.pki
  return [
    `-Dtls.server.mode=${tls.mode}`,
    '-Dtls.test.mode.enable=false',
    `-Dtls.server.certPath=${p.serverCertFile}`,
    `-Dtls.server.keyPath=${p.serverKeyFile}`,
    `-Dtls.server.need.client.auth=${tls.mutual ? 'require' : 'none'}`,
    `-Dtls.server.authClient=${tls.mutual}`,
    `-Dtls.server.trustCertPath=${p.caFile}`,
    '-Dtls.enable=true',
    '-Dtls.client.authServer=true',
    `-Dtls.client.trustCertPath=${p.caFile}`,
    `-Dtls.client.certPath=${p.clientCertFile}`,
    `-Dtls.client.keyPath=${p.clientKeyFile}`,
  ]
}

/** The kit's own remoting calls: signed as the admin, TLS trusting the kit's CA (with the client certificate). */
function adminSecurity(security: ClusterSecurity | undefined): AdminSecurity {
  const out: AdminSecurity = {}
  if (security?.auth !== undefined) out.credentials = { accessKey: security.auth.admin.username, secretKey: security.auth.admin.password }
  if (security?.tls !== undefined) {
    const p = security.tls.pki
    out.tls = { ca: readFileSync(p.caFile), cert: readFileSync(p.clientCertFile), key: readFileSync(p.clientKeyFile) }
  }
  return out
}
