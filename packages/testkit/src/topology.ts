/**
 * Topology, port plan and the configuration templates of the test cluster. docker-compose (`docker/rocketmq/*`)
 * is generated from the same functions by `write-compose-config.ts`, so both setups run identical brokers.
 */

/** The broker cluster's name. */
export const CLUSTER_NAME = 'RmqItCluster'
/** The two broker groups (each a master and a slave). */
export const BROKER_NAMES = ['broker-a', 'broker-b'] as const
/** A broker group's name. */
export type BrokerName = (typeof BROKER_NAMES)[number]
/** The four broker processes: `<brokerName>-<brokerId>`. */
export const BROKER_NODES = ['broker-a-0', 'broker-a-1', 'broker-b-0', 'broker-b-1'] as const
/** `<brokerName>-<brokerId>`: id 0 is the master, id 1 the slave. */
export type BrokerNode = (typeof BROKER_NODES)[number]
/** Every process of the cluster. */
export type NodeName = 'namesrv' | BrokerNode | 'proxy'

/** The topics every cluster gets from `ensureDefaultTopics()`: name and queues per master. */
export const DEFAULT_TOPICS: ReadonlyArray<{
  /** The topic. */
  topic: string
  /** Queues on each master. */
  queuesPerBroker: number
}> = [
  { topic: 'TopicOrderPaySuccess', queuesPerBroker: 2 },
]

/** One broker process of the topology. */
export interface BrokerNodeSpec {
  /** The node, e.g. `broker-a-0`. */
  node: BrokerNode
  /** Its broker group. */
  brokerName: BrokerName
  /** 0 = master, 1 = slave. */
  brokerId: 0 | 1
  /** Its role. */
  role: 'ASYNC_MASTER' | 'SLAVE'
  /** Main remoting port. The broker also binds port-2 (fast/VIP) and port+1 (HA). */
  port: number
}

/** The ports of the cluster (each defaulted, then shifted by `portOffset`). */
export interface PortOptions {
  /** Added to every default port (to run a second cluster beside the first). Default 0. */
  portOffset?: number
  /** Default 9876. */
  nameServer?: number
  /** broker-a-0 listens on base, broker-a-1 on base+10, broker-b-0 on base+20, broker-b-1 on base+30. Default 10911. */
  brokerBase?: number
  /** Default 8080. */
  proxyRemoting?: number
  /** Default 8081. */
  proxyGrpc?: number
}

/** The ports a cluster uses. */
export interface PortPlan {
  /** The NameServer's port. */
  nameServer: number
  /** Each broker's main remoting port. */
  brokers: Record<BrokerNode, number>
  /** The proxy's remoting port. */
  proxyRemoting: number
  /** The proxy's gRPC port. */
  proxyGrpc: number
}

/** The ports for these options. */
export function portPlan(options: PortOptions = {}): PortPlan {
  const off = options.portOffset ?? 0
  const base = options.brokerBase ?? 10911 + off
  return {
    nameServer: options.nameServer ?? 9876 + off,
    brokers: { 'broker-a-0': base, 'broker-a-1': base + 10, 'broker-b-0': base + 20, 'broker-b-1': base + 30 },
    proxyRemoting: options.proxyRemoting ?? 8080 + off,
    proxyGrpc: options.proxyGrpc ?? 8081 + off,
  }
}

/** The broker processes of the topology on these ports (masters only without slaves). */
export function brokerSpecs(plan: PortPlan, withSlaves: boolean): BrokerNodeSpec[] {
  const all: BrokerNodeSpec[] = BROKER_NODES.map((node) => {
    const brokerId = node.endsWith('-0') ? 0 : 1
    return {
      node,
      brokerName: node.slice(0, -2) as BrokerName,
      brokerId,
      role: brokerId === 0 ? 'ASYNC_MASTER' : 'SLAVE',
      port: plan.brokers[node],
    } satisfies BrokerNodeSpec
  })
  return withSlaves ? all : all.filter((s) => s.brokerId === 0)
}

/** A value of a RocketMQ `.properties` file. */
export type PropertyValue = string | number | boolean

/**
 * The broker configuration (key = setter name; unknown keys are ignored silently by the broker, so keep spelling
 * exact). `storeRoot` is the store directory of this node. `extra` overrides/extends the keys.
 */
export function brokerProperties(
  spec: BrokerNodeSpec,
  o: { nameServer: string; storeRoot: string; extra?: Record<string, PropertyValue>; version?: string },
): Record<string, PropertyValue> {
  const props: Record<string, PropertyValue> = {
    brokerClusterName: CLUSTER_NAME,
    brokerName: spec.brokerName,
    brokerId: spec.brokerId,
    brokerRole: spec.role,
    flushDiskType: 'ASYNC_FLUSH',
    namesrvAddr: o.nameServer,
    brokerIP1: '127.0.0.1',
    brokerIP2: '127.0.0.1',
    listenPort: spec.port,
    haListenPort: spec.port + 1,
    storePathRootDir: o.storeRoot,
    storePathCommitLog: `${o.storeRoot}/commitlog`,
    autoCreateTopicEnable: true,
    autoCreateSubscriptionGroup: true,
    defaultTopicQueueNums: 4,
    slaveReadEnable: true,
    // SQL92 subscriptions ({ sql: '...' }) need this.
    enablePropertyFilter: true,
    // Message trace (RMQ_SYS_TRACE_TOPIC, 1 queue, created by each broker): `trace: true` clients, mqadmin queryMsgTraceById.
    traceTopicEnable: true,
    // Re-register every 10 s (the minimum) instead of 30 s, so a restarted NameServer learns the brokers fast.
    registerNameServerPeriod: 10000,
    // Small mapped files: same commitlog size on master and slave.
    mappedFileSizeCommitLog: 67108864,
    mappedFileSizeConsumeQueue: 300000,
    maxHashSlotNum: 25000,
    maxIndexNum: 100000,
    mappedFileSizeTimerLog: 16777216,
    deleteWhen: '04',
    fileReservedTime: 48,
    // Transaction check-backs every 3 s instead of 30 s (a half message is checked once it is transactionTimeOut = 6 s
    // old), so tests of undecided transactions finish in seconds. Timer messages (timerWheelEnable) are on by default.
    transactionCheckInterval: 3000,
    // Tolerate CPU starvation on 2-core CI machines (defaults 200 ms / 1000 ms).
    waitTimeMillsInSendQueue: 1000,
    osPageCacheBusyTimeOutMills: 3000,
  }
  // RocketMQ 4.x has no timer store (5.0): leave its key out rather than rely on the broker ignoring it.
  if (o.version !== undefined && Number.parseInt(o.version, 10) < 5) delete props['mappedFileSizeTimerLog']
  return { ...props, ...(o.extra ?? {}) }
}

/** `key=value` lines; values are written without trailing spaces (the broker does not trim numbers/booleans). */
export function toPropertiesText(props: Record<string, PropertyValue>, header?: string): string {
  const lines = header === undefined ? [] : header.split('\n').map((l) => `# ${l}`)
  for (const [k, v] of Object.entries(props)) lines.push(`${k}=${String(v).trim()}`)
  return `${lines.join('\n')}\n`
}

export function nameServerProperties(port: number, kvConfigPath?: string): Record<string, PropertyValue> {
  return kvConfigPath === undefined ? { listenPort: port } : { listenPort: port, kvConfigPath }
}

/** The cluster-mode proxy configuration (`-pc`): fastjson binds keys to `ProxyConfig` fields. */
export function proxyConfig(o: { nameServer: string; remotingPort: number; grpcPort: number }): Record<string, unknown> {
  return {
    rocketMQClusterName: CLUSTER_NAME,
    namesrvAddr: o.nameServer,
    proxyMode: 'cluster',
    grpcServerPort: o.grpcPort,
    remotingListenPort: o.remotingPort,
    localServeAddr: '127.0.0.1',
    remotingAccessAddr: '127.0.0.1',
  }
}
