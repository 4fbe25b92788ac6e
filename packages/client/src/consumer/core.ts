/**
 * What the push and pull consumers share (one copy): the client instance, subscriptions, the rebalance with its
 * awaitable hooks, the offset store, and one long-polling reader per owned queue with flow control and slave reads.
 * The two consumers differ only in what they do with a pulled batch (the `sink`).
 */
import { EventEmitter } from 'node:events'
import { RocketMQError, isRocketMQError, toRocketMQError } from '../errors.js'
import { silentLogger, type Logger } from '../logger.js'
import { ClientInstance, MASTER_ID, type ConsumerRegistration } from '../cluster/client-instance.js'
import { PullSysFlag, getMaxOffset, getMinOffset, pullMessage, searchOffsetByTimestamp, type PullResult } from '../cluster/broker-api.js'
import type { MessageView } from '../protocol/message.js'
import { localIPv4 } from '../protocol/local-ip.js'
import { compareMessageQueues, type MessageQueue } from '../protocol/route.js'
import { buildSubscriptionData, matchesTags, type SubscriptionData } from '../protocol/tag.js'
import type { AllocationName, PullConsumerOptions, PushConsumerOptions } from '../config/consumer.js'
import { resolveStrategy, type AllocationFunction, type AllocationStrategy } from './rebalance/strategies.js'
import { ProcessQueue } from './process-queue.js'
import { BrokerOffsetStore } from './offset-store/broker-offset-store.js'
import { LocalFileOffsetStore } from './offset-store/local-file-offset-store.js'
import { mqKey, type OffsetStore } from './offset-store/offset-store.js'

export type CoreOptions = PushConsumerOptions | PullConsumerOptions

export const RETRY_PREFIX = '%RETRY%'
export const DLQ_PREFIX = '%DLQ%'
const PULL_DELAY_ON_ERROR_MS = 3000
const PULL_DELAY_ON_FLOW_CONTROL_MS = 20

export interface AssignContext {
  /** Start this queue at `offset` instead of the committed offset. */
  seek(queue: MessageQueue, offset: number): void
}

export interface RevokeContext {
  signal: AbortSignal
}

export interface RebalanceEvent {
  added: MessageQueue[]
  removed: MessageQueue[]
  assignment: MessageQueue[]
}

/** Option fields whose types zod cannot express precisely; the consumers' public option types use these. */
export interface TypedConsumerCallbacks {
  /** A built-in strategy name, a function, or a `{ name, allocate }` strategy. */
  allocation?: AllocationName | AllocationFunction | AllocationStrategy
  /** Awaited before the new queues are pulled; `seek` sets a start offset per queue. */
  onAssign?: (queues: MessageQueue[], context: AssignContext) => Promise<void> | void
  /** Awaited after the queues' in-flight messages finished and their offsets were committed, before they are released. */
  onRevoke?: (queues: MessageQueue[], context: RevokeContext) => Promise<void> | void
}

export interface Sink {
  /** A pulled batch (already tag-checked, topic restored). */
  deliver(pq: ProcessQueue, messages: MessageView[]): void
  /** Wait until every handed-out message of these queues is finished (push: handlers; pull: nothing). */
  drain(pqs: readonly ProcessQueue[], signal: AbortSignal): Promise<void>
}

/** Consumer events (typed; emitted only when someone listens). */
export interface ConsumerEvents {
  /** A rebalance is about to revoke `removed` and assign `added` (before the hooks run). */
  rebalancing: [{ added: MessageQueue[]; removed: MessageQueue[] }]
  rebalance: [RebalanceEvent]
  'pull.error': [{ queue: MessageQueue; error: RocketMQError; brokerAddress?: string }]
  commit: [{ offsets: Array<{ queue: MessageQueue; offset: number }> }]
  'flow.control': [{ queue: MessageQueue; cachedCount: number; cachedBytes: number; span: number }]
  'slave.redirect': [{ queue: MessageQueue; fromBrokerId: number; toBrokerId: number; address: string }]
  'offset.moved': [{ queue: MessageQueue; nextOffset: number }]
  /** Every pull result: when the request left, how long the broker held it, what came back and from which broker id. */
  pull: [{ queue: MessageQueue; status: PullResult['status']; messages: number; sentAt: number; durationMs: number; brokerId: number; address: string; nextOffset: number }]
  error: [RocketMQError]
}

export class ConsumerCore {
  readonly client: ClientInstance
  readonly logger: Logger
  readonly offsetStore: OffsetStore
  readonly strategy: AllocationStrategy
  readonly retryTopic: string
  readonly subscriptionTable = new Map<string, SubscriptionData>()
  readonly processQueues = new Map<string, ProcessQueue>()
  /** Queues assigned by hand (pull consumer assign mode); no group rebalance then. */
  manualAssignment: MessageQueue[] | undefined
  sink!: Sink
  running = false
  private rebalanceTimer?: NodeJS.Timeout
  private rebalanceChain: Promise<void> = Promise.resolve()
  private rebalancePending = false
  private lastFlowControlEvent = 0

  constructor(
    readonly options: CoreOptions,
    readonly consumeType: 'CONSUME_PASSIVELY' | 'CONSUME_ACTIVELY',
    /** The public consumer object: events are emitted on it. */
    readonly events: EventEmitter<ConsumerEvents>,
  ) {
    this.logger = options.logger ?? silentLogger
    this.client = new ClientInstance({
      nameServer: options.nameServer,
      logger: this.logger,
      instanceName: options.instanceName,
      clientIp: options.clientIp,
      requestTimeoutMs: options.requestTimeoutMs,
      heartbeatIntervalMs: options.heartbeatIntervalMs,
      pollNameServerIntervalMs: options.pollNameServerIntervalMs,
    })
    this.retryTopic = RETRY_PREFIX + options.group
    this.strategy = resolveStrategy(options.allocation as never, options.allocationOptions)
    this.offsetStore = this.broadcasting
      ? // Stable across restarts so a member resumes; members on one host need distinct instanceNames (as in Java).
        new LocalFileOffsetStore(options.offsetStoreDir, `${options.clientIp ?? localIPv4()}@${options.instanceName ?? 'DEFAULT'}`, options.group)
      : new BrokerOffsetStore(this.client, options.group, this.logger)
    const subVersion = Date.now()
    const subscriptions = options.subscriptions ?? {}
    for (const [topic, expr] of Object.entries(subscriptions)) {
      this.subscriptionTable.set(topic, buildSubscriptionData(topic, expr, subVersion))
    }
    // Clustering push consumers also read their group's retry topic (Java's automatic %RETRY% subscription); the
    // pull consumer never sends messages back, so it has none (as Java's lite pull).
    if (!this.broadcasting && consumeType === 'CONSUME_PASSIVELY' && Object.keys(subscriptions).length > 0) {
      this.subscriptionTable.set(this.retryTopic, buildSubscriptionData(this.retryTopic, '*', subVersion))
    }
  }

  get group(): string {
    return this.options.group
  }

  get broadcasting(): boolean {
    return this.options.model === 'broadcasting'
  }

  /** Registration used by heartbeats and broker requests. */
  registration(extra: Partial<ConsumerRegistration> = {}): ConsumerRegistration {
    const consumeFrom = this.options.consumeFrom
    return {
      group: this.group,
      consumeType: this.consumeType,
      messageModel: this.broadcasting ? 'BROADCASTING' : 'CLUSTERING',
      consumeFromWhere: consumeFrom === 'first' ? 'CONSUME_FROM_FIRST_OFFSET' : consumeFrom === 'last' ? 'CONSUME_FROM_LAST_OFFSET' : 'CONSUME_FROM_TIMESTAMP',
      subscriptions: () => [...this.subscriptionTable.values()],
      onConsumerIdsChanged: () => this.triggerRebalance('broker notified: members changed'),
      onResetOffset: (topic, offsets) => this.resetOffsets(topic, offsets),
      consumerStatus: (topic) =>
        [...this.processQueues.values()].filter((pq) => pq.mq.topic === topic).map((pq) => [pq.mq, this.offsetStore.readMemory(pq.mq)] as [MessageQueue, number]),
      ...extra,
    }
  }

  /** Connect: routes of the subscribed topics, heartbeats, offsets file; then the first rebalance. */
  async start(extra: Partial<ConsumerRegistration> = {}, opts: { autoPersist?: boolean } = {}): Promise<void> {
    this.client.registerConsumer(this.registration(extra))
    for (const topic of this.subscriptionTable.keys()) {
      if (topic === this.retryTopic) continue
      await this.client.subscribeQueues(topic) // throws ERR_TOPIC_NOT_FOUND / ERR_NAMESERVER_UNREACHABLE
    }
    await this.offsetStore.load()
    this.client.start()
    await this.client.sendHeartbeatToAllBrokers()
    this.running = true
    if (opts.autoPersist !== false) this.client.every(this.options.persistOffsetIntervalMs, () => this.persistOffsets(true))
    this.rebalanceTimer = this.client.every(this.options.rebalanceIntervalMs, () => this.triggerRebalance('periodic'))
    await this.rebalance()
  }

  // ------------------------------------------------------------------ rebalance

  /** Ask for a rebalance soon; concurrent triggers coalesce into one pass. */
  triggerRebalance(reason: string): void {
    if (!this.running || this.manualAssignment) return
    if (this.rebalancePending) return
    this.rebalancePending = true
    this.logger.debug({ group: this.group, reason }, 'rebalance requested')
    this.rebalance().catch((e: unknown) => this.reportError(toRocketMQError(e, 'ERR_BROKER', 'rebalance failed')))
  }

  /** One serialized rebalance pass. */
  rebalance(): Promise<void> {
    const run = async () => {
      this.rebalancePending = false
      if (!this.running || this.manualAssignment) return
      const desired: MessageQueue[] = []
      const processedTopics = new Set<string>()
      let unbalanced = false
      for (const topic of this.subscriptionTable.keys()) {
        try {
          const mqAll = await this.client.subscribeQueues(topic).catch((e: unknown) => {
            if (topic === this.retryTopic && isRocketMQError(e) && e.code === 'ERR_TOPIC_NOT_FOUND') return [] as MessageQueue[]
            throw e
          })
          const sorted = [...mqAll].sort(compareMessageQueues)
          if (this.broadcasting) {
            desired.push(...sorted)
          } else {
            if (sorted.length === 0) {
              processedTopics.add(topic)
              continue
            }
            const cids = await this.client.consumerIdList(this.group, topic)
            if (cids.length === 0) continue
            if (!cids.includes(this.client.clientId)) unbalanced = true
            const mine = await this.strategy.allocate({
              consumerGroup: this.group,
              currentClientId: this.client.clientId,
              messageQueues: sorted,
              clientIds: cids,
              topic,
            })
            desired.push(...mine)
          }
          processedTopics.add(topic)
        } catch (e) {
          this.logger.warn({ group: this.group, topic, err: e }, 'rebalance of topic failed; keeping its queues')
        }
      }
      await this.applyAssignment(desired, (mq) => processedTopics.has(mq.topic))
      if (unbalanced) setTimeout(() => this.triggerRebalance('not yet in member list'), 1000).unref()
    }
    const p = this.rebalanceChain.then(run, run)
    this.rebalanceChain = p.catch(() => undefined)
    return p
  }

  /** Move from the current queues to `desired` (restricted to topics `inScope`): revoke first, then assign. */
  async applyAssignment(desired: readonly MessageQueue[], inScope: (mq: MessageQueue) => boolean = () => true): Promise<void> {
    const want = new Map(desired.map((mq) => [mqKey(mq), mq]))
    const removed = [...this.processQueues.values()].filter((pq) => inScope(pq.mq) && !want.has(pq.key))
    const added = [...want.entries()].filter(([k]) => !this.processQueues.has(k)).map(([, mq]) => mq)
    if (removed.length === 0 && added.length === 0) return
    if (this.events.listenerCount('rebalancing') > 0) this.events.emit('rebalancing', { added, removed: removed.map((pq) => pq.mq) })
    if (removed.length > 0) await this.revoke(removed)
    const assigned = added.length > 0 ? await this.assign(added) : []
    const ev: RebalanceEvent = { added: assigned, removed: removed.map((pq) => pq.mq), assignment: this.assignment() }
    this.logger.info({ group: this.group, added: assigned.map(mqKey), removed: ev.removed.map(mqKey) }, 'rebalanced')
    if (this.events.listenerCount('rebalance') > 0) this.events.emit('rebalance', ev)
    // Java bumps the subscription version and heartbeats at once after a change.
    this.client.sendHeartbeatToAllBrokers().catch(() => undefined)
  }

  /**
   * Release queues: stop pulling, let in-flight messages finish, commit their offsets, run onRevoke, then forget them.
   */
  async revoke(pqs: readonly ProcessQueue[], opts: { timeoutMs?: number } = {}): Promise<void> {
    for (const pq of pqs) pq.drop()
    const drainSignal = AbortSignal.timeout(opts.timeoutMs ?? (this.options as PushConsumerOptions).handlerTimeoutMs ?? 60_000)
    await this.sink.drain(pqs, drainSignal)
    if (this.commitConsumedOnRelease) {
      for (const pq of pqs) {
        const off = pq.consumedOffset()
        if (off >= 0) this.offsetStore.update(pq.mq, off, true)
      }
    }
    const committed = await this.offsetStore.persistAll(pqs.map((pq) => pq.mq))
    if (committed.length > 0 && this.events.listenerCount('commit') > 0) this.events.emit('commit', { offsets: committed })
    if (this.options.onRevoke) {
      const signal = AbortSignal.timeout(30_000)
      try {
        await (this.options.onRevoke as (q: MessageQueue[], c: RevokeContext) => unknown)(pqs.map((pq) => pq.mq), { signal })
      } catch (e) {
        this.reportError(toRocketMQError(e, 'ERR_BROKER', 'onRevoke hook failed'))
      }
    }
    for (const pq of pqs) {
      this.processQueues.delete(pq.key)
      this.offsetStore.remove(pq.mq)
    }
  }

  /** Take queues: compute start offsets, run onAssign (which may seek), then start a reader per queue. */
  async assign(mqs: readonly MessageQueue[]): Promise<MessageQueue[]> {
    const starts = new Map<string, number>()
    await Promise.all(
      mqs.map(async (mq) => {
        try {
          starts.set(mqKey(mq), await this.computeStartOffset(mq))
        } catch (e) {
          this.logger.warn({ topic: mq.topic, broker: mq.brokerName, queueId: mq.queueId, err: e }, 'cannot compute start offset; retrying at the next rebalance')
        }
      }),
    )
    const ready = mqs.filter((mq) => starts.has(mqKey(mq)))
    if (this.options.onAssign && ready.length > 0) {
      const ctx: AssignContext = {
        seek: (queue, offset) => {
          if (!Number.isInteger(offset) || offset < 0) throw new RocketMQError('ERR_INVALID_OPTION', `seek offset must be a non-negative integer, got ${offset}`)
          starts.set(mqKey(queue), offset)
        },
      }
      try {
        await (this.options.onAssign as (q: MessageQueue[], c: AssignContext) => unknown)(ready, ctx)
      } catch (e) {
        this.reportError(toRocketMQError(e, 'ERR_BROKER', 'onAssign hook failed'))
      }
    }
    for (const mq of ready) {
      const pq = new ProcessQueue(mq, mqKey(mq))
      pq.nextOffset = starts.get(pq.key)!
      this.offsetStore.update(mq, pq.nextOffset, false)
      this.processQueues.set(pq.key, pq)
      this.startReader(pq)
    }
    if (ready.length < mqs.length) setTimeout(() => this.triggerRebalance('queues without a start offset'), 1000).unref()
    return ready
  }

  /** Java computePullFromWhere: committed offset, else first / last / by timestamp. */
  async computeStartOffset(mq: MessageQueue): Promise<number> {
    const stored = await this.offsetStore.readStore(mq)
    if (stored >= 0) return stored
    const from = this.options.consumeFrom
    // The master, or its slave while the master is down (a new member can still take the queue).
    const master = await this.client.findQueryAddress(mq.brokerName, mq.topic)
    if (from === 'first') return getMinOffset(this.client.remoting, master, mq)
    if (from === 'last') {
      if (mq.topic.startsWith(RETRY_PREFIX)) return 0
      return getMaxOffset(this.client.remoting, master, mq)
    }
    if (mq.topic.startsWith(RETRY_PREFIX)) return getMaxOffset(this.client.remoting, master, mq)
    const ts = from.timestamp instanceof Date ? from.timestamp.getTime() : from.timestamp
    return searchOffsetByTimestamp(this.client.remoting, master, mq, ts)
  }

  assignment(): MessageQueue[] {
    return [...this.processQueues.values()].map((pq) => pq.mq).sort(compareMessageQueues)
  }

  // ------------------------------------------------------------------ pulling

  private startReader(pq: ProcessQueue): void {
    this.readLoop(pq).catch((e: unknown) => this.reportError(toRocketMQError(e, 'ERR_BROKER', 'queue reader stopped')))
  }

  private queueLimits(pq: ProcessQueue): { count: number; bytes: number } {
    let count = this.options.pullThresholdForQueue
    let bytes = this.options.pullThresholdSizeForQueueMiB * 1024 * 1024
    const { pullThresholdForTopic, pullThresholdSizeForTopicMiB } = this.options
    if (pullThresholdForTopic !== undefined || pullThresholdSizeForTopicMiB !== undefined) {
      let n = 0
      for (const q of this.processQueues.values()) if (q.mq.topic === pq.mq.topic) n++
      n = Math.max(1, n)
      if (pullThresholdForTopic !== undefined) count = Math.max(1, Math.floor(pullThresholdForTopic / n))
      if (pullThresholdSizeForTopicMiB !== undefined) bytes = Math.max(1, Math.floor((pullThresholdSizeForTopicMiB * 1024 * 1024) / n))
    }
    return { count, bytes }
  }

  /**
   * Whether releasing a queue (revoke, close) commits what was consumed. False for the pull consumer with manual
   * commit: then only what `commit()` stored is kept (as Java's lite pull with auto-commit off).
   */
  commitConsumedOnRelease = true

  /** Extra gate for subclasses (the pull consumer's total cache bound). */
  canPull: (pq: ProcessQueue) => boolean = () => true

  private async readLoop(pq: ProcessQueue): Promise<void> {
    const signal = pq.signal
    while (this.running && !pq.dropped) {
      if (pq.paused || !this.canPull(pq)) {
        await pq.waitForChange(signal)
        continue
      }
      const limits = this.queueLimits(pq)
      const span = pq.span()
      if (pq.count > limits.count || pq.bytes > limits.bytes || (this.consumeType === 'CONSUME_PASSIVELY' && span > 2000)) {
        const now = Date.now()
        if (now - this.lastFlowControlEvent > 1000 && this.events.listenerCount('flow.control') > 0) {
          this.lastFlowControlEvent = now
          this.events.emit('flow.control', { queue: pq.mq, cachedCount: pq.count, cachedBytes: pq.bytes, span })
        }
        await pq.waitForChange(signal)
        continue
      }
      let result: PullResult
      let address: string | undefined
      try {
        const target = this.pullTarget(pq)
        address = target.address
        const sentAt = Date.now()
        result = await this.pullOnce(pq, target.address, target.brokerId, signal)
        if (this.events.listenerCount('pull') > 0) {
          this.events.emit('pull', {
            queue: pq.mq,
            status: result.status,
            messages: result.messages.length,
            sentAt,
            durationMs: Date.now() - sentAt,
            brokerId: target.brokerId,
            address: target.address,
            nextOffset: result.nextBeginOffset,
          })
        }
      } catch (e) {
        if (pq.dropped || !this.running) return
        const err = toRocketMQError(e, 'ERR_BROKER', 'pull failed', { topic: pq.mq.topic, broker: pq.mq.brokerName, queueId: pq.mq.queueId })
        if (this.events.listenerCount('pull.error') > 0) this.events.emit('pull.error', { queue: pq.mq, error: err, brokerAddress: address })
        this.logger.warn({ queue: pq.key, address, err }, 'pull failed')
        if (err.code === 'ERR_CONNECTION' || err.code === 'ERR_CONNECTION_CLOSED' || err.code === 'ERR_BROKER_NOT_FOUND' || err.code === 'ERR_TIMEOUT') {
          // The broker may be gone: fall back to the master/slave we still know, and refresh routes.
          pq.pullFromBrokerId = pq.pullFromBrokerId === MASTER_ID ? 1 : MASTER_ID
          this.client.refreshRoutesSoon()
        }
        if (isRocketMQError(err) && (err.context.responseCode === 24 || err.context.responseCode === 25)) {
          this.client.sendHeartbeatToAllBrokers().catch(() => undefined)
        }
        await delay(err.context.responseCode === 215 ? PULL_DELAY_ON_FLOW_CONTROL_MS : PULL_DELAY_ON_ERROR_MS, signal)
        continue
      }
      if (pq.dropped) return
      this.handlePullResult(pq, result)
    }
  }

  private pullTarget(pq: ProcessQueue): { address: string; brokerId: number } {
    const wanted = this.options.readFromBrokerId ?? pq.pullFromBrokerId
    const found = this.client.findBrokerAddressInSubscribe(pq.mq.brokerName, wanted, false)
    // The advised node is unknown (e.g. a master that just came back): use what we have and refresh routes now.
    if (found && found.brokerId !== wanted) this.client.refreshRoutesSoon()
    if (!found) {
      this.client.refreshRoutesSoon()
      throw new RocketMQError('ERR_BROKER_NOT_FOUND', `No address known for broker '${pq.mq.brokerName}'`, { retriable: true, context: { broker: pq.mq.brokerName, topic: pq.mq.topic } })
    }
    return found
  }

  private async pullOnce(pq: ProcessQueue, address: string, brokerId: number, signal: AbortSignal): Promise<PullResult> {
    const sub = this.subscriptionTable.get(pq.mq.topic)
    // Push consumers piggy-back their consumed offset on pulls (Java push); the pull consumer commits only explicitly
    // or on its auto-commit timer (Java lite pull), so a late pull can never roll back what commit() stored.
    const commitOffset = this.broadcasting || this.consumeType === 'CONSUME_ACTIVELY' ? 0 : this.offsetStore.readMemory(pq.mq)
    let sysFlag = PullSysFlag.SUSPEND
    if (commitOffset > 0 && brokerId === MASTER_ID) sysFlag |= PullSysFlag.COMMIT_OFFSET
    // The pull consumer always sends its expression (as Java's lite pull does), so assigned queues need no
    // registered subscription; SQL92 filters always travel with the pull.
    if (sub && (sub.expressionType === 'SQL92' || this.consumeType === 'CONSUME_ACTIVELY')) sysFlag |= PullSysFlag.SUBSCRIPTION
    pq.lastPullTimestamp = Date.now()
    const suspend = this.options.brokerSuspendMs
    return pullMessage(
      this.client.remoting,
      address,
      {
        consumerGroup: this.group,
        mq: pq.mq,
        queueOffset: pq.nextOffset,
        maxMsgNums: this.options.pullBatchSize,
        sysFlag,
        commitOffset: Math.max(0, commitOffset),
        suspendTimeoutMillis: suspend,
        subscription: sysFlag & PullSysFlag.SUBSCRIPTION ? sub?.subString : undefined,
        subVersion: sysFlag & PullSysFlag.SUBSCRIPTION && sub ? sub.subVersion : 0,
        expressionType: sub?.expressionType,
        maxMsgBytes: 256 * 1024,
      },
      { timeoutMs: suspend + 15_000, signal, maxMessageBytes: this.options.maxMessageBytes },
    )
  }

  private handlePullResult(pq: ProcessQueue, r: PullResult): void {
    if (this.options.readFromBrokerId === undefined && r.suggestWhichBrokerId !== pq.pullFromBrokerId) {
      const to = this.client.findBrokerAddressInSubscribe(pq.mq.brokerName, r.suggestWhichBrokerId, false)
      if (this.events.listenerCount('slave.redirect') > 0 && to) {
        this.events.emit('slave.redirect', { queue: pq.mq, fromBrokerId: pq.pullFromBrokerId, toBrokerId: r.suggestWhichBrokerId, address: to.address })
      }
      pq.pullFromBrokerId = r.suggestWhichBrokerId
    }
    switch (r.status) {
      case 'FOUND': {
        pq.nextOffset = r.nextBeginOffset
        const sub = this.subscriptionTable.get(pq.mq.topic)
        const kept: MessageView[] = []
        for (const m of r.messages) {
          if (sub && !matchesTags(sub, m.tags)) continue
          if (pq.mq.topic === this.retryTopic) {
            const real = m.getProperty('RETRY_TOPIC')
            if (real) m.topic = real
          }
          kept.push(m)
        }
        if (kept.length > 0) {
          pq.put(kept)
          this.sink.deliver(pq, kept)
        } else if (pq.count === 0) {
          this.markConsumed(pq, pq.nextOffset)
        }
        return
      }
      case 'NO_NEW_MSG':
      case 'NO_MATCHED_MSG':
        pq.nextOffset = r.nextBeginOffset
        if (pq.count === 0) this.markConsumed(pq, r.nextBeginOffset)
        return
      case 'OFFSET_ILLEGAL': {
        this.logger.warn({ queue: pq.key, offset: pq.nextOffset, next: r.nextBeginOffset }, 'pull offset moved')
        if (this.events.listenerCount('offset.moved') > 0) this.events.emit('offset.moved', { queue: pq.mq, nextOffset: r.nextBeginOffset })
        pq.nextOffset = r.nextBeginOffset
        // Java drops the queue, persists the corrected offset and rebalances; the new reader resumes there.
        pq.drop()
        this.offsetStore.update(pq.mq, r.nextBeginOffset, false)
        this.offsetStore
          .persist(pq.mq)
          .catch(() => undefined)
          .finally(() => {
            this.processQueues.delete(pq.key)
            this.offsetStore.remove(pq.mq)
            if (this.manualAssignment) this.restartQueue(pq.mq, r.nextBeginOffset)
            else this.triggerRebalance('offset moved')
          })
        return
      }
    }
  }

  /** Replace a queue's reader, starting at `offset`. */
  restartQueue(mq: MessageQueue, offset: number): ProcessQueue {
    const key = mqKey(mq)
    this.processQueues.get(key)?.drop()
    const pq = new ProcessQueue(mq, key)
    pq.nextOffset = offset
    this.offsetStore.update(mq, offset, false)
    this.processQueues.set(key, pq)
    this.startReader(pq)
    return pq
  }

  /** RESET_CONSUMER_CLIENT_OFFSET: restart the owned queues of the topic at the given offsets. */
  async resetOffsets(topic: string, offsets: Array<[MessageQueue, number]>): Promise<void> {
    for (const [mq, offset] of offsets) {
      if (mq.topic !== topic) continue
      const pq = this.processQueues.get(mqKey(mq))
      if (!pq) continue
      pq.drop()
      await this.sink.drain([pq], AbortSignal.timeout(10_000))
      this.offsetStore.update(mq, offset, false)
      await this.offsetStore.persist(mq).catch(() => false)
      this.restartQueue(mq, offset)
    }
  }

  // ------------------------------------------------------------------ offsets

  /**
   * Record a consumed watermark for a queue (increase only). Replaceable: the pull consumer with manual commit
   * records polled positions elsewhere so that pulls never piggy-back an uncommitted offset.
   */
  markConsumed: (pq: ProcessQueue, offset: number) => void = (pq, offset) => {
    if (offset >= 0 && !pq.dropped) this.offsetStore.update(pq.mq, offset, true)
  }

  async persistOffsets(oneway: boolean): Promise<Array<{ queue: MessageQueue; offset: number }>> {
    const mqs = [...this.processQueues.values()].map((pq) => pq.mq)
    const done = await this.offsetStore.persistAll(mqs, { oneway })
    if (done.length > 0 && this.events.listenerCount('commit') > 0) this.events.emit('commit', { offsets: done })
    return done
  }

  reportError(err: RocketMQError): void {
    this.logger.error({ group: this.group, err }, err.message)
    if (this.events.listenerCount('error') > 0) this.events.emit('error', err)
  }

  // ------------------------------------------------------------------ shutdown

  /** Stop pulling: abort every reader's in-flight pull. */
  stopReaders(): void {
    this.running = false
    if (this.rebalanceTimer) clearInterval(this.rebalanceTimer)
    for (const pq of this.processQueues.values()) pq.drop()
  }

  /** Commit (sync), unregister, close connections. */
  async shutdown(): Promise<Array<{ queue: MessageQueue; offset: number }>> {
    await this.rebalanceChain.catch(() => undefined)
    if (this.commitConsumedOnRelease) {
      for (const pq of this.processQueues.values()) {
        const off = pq.consumedOffset()
        if (off >= 0) this.offsetStore.update(pq.mq, off, true)
      }
    }
    const committed = await this.offsetStore.persistAll([...this.processQueues.values()].map((pq) => pq.mq))
    if (committed.length > 0 && this.events.listenerCount('commit') > 0) this.events.emit('commit', { offsets: committed })
    await this.client.close()
    return committed
  }
}

export function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve()
    const t = setTimeout(done, ms)
    function done() {
      clearTimeout(t)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    signal?.addEventListener('abort', done, { once: true })
  })
}
