/** The typed results of `Admin`. */
import type { RocketMQError } from '../errors.js'
import type { MessageQueue } from '../protocol/route.js'
import type { AllocationFunction, AllocationStrategy } from '../consumer/rebalance/strategies.js'

export interface TopicRouteInfo {
  topic: string
  /** One entry per broker name that has queues of the topic, sorted by name. */
  brokers: Array<{
    brokerName: string
    cluster: string
    /** The master's address; undefined while the master is down. */
    master: string | undefined
    /** Every registered node of this broker name, master (id 0) first. */
    replicas: Array<{ brokerId: number; address: string }>
    readQueues: number
    writeQueues: number
    /** PermName bits: 6 = read+write, 4 = read only, 2 = write only. */
    perm: number
  }>
  /** The queues consumers share, in Java's order. */
  queues: MessageQueue[]
  /** The NameServer's order configuration (`broker-a:4;broker-b:4`) of an ordered topic. */
  orderTopicConf?: string
}

export interface TopicStats {
  topic: string
  queues: Array<{
    queue: MessageQueue
    /** The lowest offset still stored. */
    minOffset: number
    /** The offset the next message will get (= messages ever written to the queue). */
    maxOffset: number
    /** Store time of the last message (ms); undefined for an empty queue. */
    lastStoreTimestamp: number | undefined
  }>
}

export interface GroupMember {
  /** `ip@instance` (the member's client id). */
  clientId: string
  /** The member's socket address as the broker sees it. */
  address: string
  /** The language the member announces (JAVA for this SDK, as the Java client). */
  language: string
  /** The client version the member announces, e.g. 'V4_9_4'. */
  version: string
  subscriptions: Array<{ topic: string; expression: string; type: 'TAG' | 'SQL92' }>
  /** The queues the member says it holds (its own assignment). */
  queues: MessageQueue[]
  /** Set when the member did not answer GET_CONSUMER_RUNNING_INFO (its queues are then unknown). */
  runningInfoError?: RocketMQError
}

export interface QueueProgress {
  queue: MessageQueue
  /** Client id of the member holding the queue; undefined when none does (or it did not say). */
  owner: string | undefined
  /** The broker's max offset (next offset to be written). */
  brokerOffset: number
  /** The group's committed offset (0 when none is stored, as the broker reports it). */
  committedOffset: number
  /** brokerOffset - committedOffset. */
  lag: number
  /** Pulled but not yet committed (broker's pull offset - committed). */
  inflight: number
  /** Store time of the last consumed message (ms); undefined when nothing was consumed. */
  lastConsumeTimestamp: number | undefined
  /** true when the owner pulls the queue from a slave (members of this SDK say so; others: undefined). */
  readFromSlave: boolean | undefined
}

export interface GroupDescription {
  group: string
  /** 'running' when at least one member is online. */
  state: 'running' | 'stopped'
  consumeType?: string | undefined
  messageModel?: string | undefined
  consumeFromWhere?: string | undefined
  /** Sorted by client id. */
  members: GroupMember[]
  /** Every queue of the group's topics (not `%RETRY%` unless asked), in Java's queue order. */
  queues: QueueProgress[]
  totalLag: number
  /** Messages per second pulled by the group, as the brokers count them. */
  consumeTps: number
}

export interface ResetOffsetResult {
  group: string
  topic: string
  /** The new offset of every queue that was reset. */
  queues: Array<{ queue: MessageQueue; offset: number }>
  /**
   * How each broker's queues were reset: 'broker' (5.x server-side reset: running members pick it up on their next
   * pull), 'members' (the broker told the running members, 4.9 style), 'direct' (no member online: offsets written).
   */
  brokers: Array<{ brokerName: string; brokerVersion: string; method: 'broker' | 'members' | 'direct' }>
}

export interface ExplainAllocationInput {
  topic: string
  /** Client ids of the members (e.g. describeGroup's members plus hypothetical ones). */
  members: string[]
  /** A built-in name ('averagely', ...), a function, or { name, allocate }. Default 'averagely'. */
  strategy?: string | AllocationFunction | AllocationStrategy
  /** The consumers' `allocationOptions` (by-config queues, machine-room rooms, nearby resolver). */
  allocationOptions?: Record<string, unknown>
  /** The group name passed to the strategy (only custom strategies look at it). */
  group?: string
}

export interface AllocationExplanation {
  topic: string
  strategy: string
  /** Every queue consumers share, in Java's order. */
  queues: MessageQueue[]
  /** Sorted by client id. */
  members: Array<{ clientId: string; queues: MessageQueue[] }>
  /** Queues nobody would own. */
  unassigned: MessageQueue[]
}
