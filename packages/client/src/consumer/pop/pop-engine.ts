/**
 * The POP push engine (remoting, RocketMQ 5.x brokers; the `pop` option): the broker hands messages, not queues, to
 * the group's members (Java DefaultMQPushConsumer with clientRebalance=false: RebalanceImpl -> QUERY_ASSIGNMENT,
 * PopMessageService, ConsumeMessagePopConcurrentlyService).
 *
 * - Assignment: at start the group's request mode is set to POP on the topic's brokers (unless told not to), then
 *   QUERY_ASSIGNMENT asks a broker which queues this member pops: every queue as queueId -1 (one POP per broker
 *   covers all), or its share. Asked again every `rebalanceIntervalMs` and when a broker says the members changed.
 * - One long-polling POP loop per assigned queue, bounded by `maxInFlight` messages held by this member.
 * - Handlers run on the shared HandlerPool (concurrency, deadlines with AbortSignal, bounded close). Success = ack
 *   (batched); failure = the message is hidden for the retry delay of its attempt and the broker delivers it again
 *   with reconsumeTimes + 1; after `maxReconsumeTimes` it goes to %DLQ%<group>.
 * - A sweep renews the invisibility of held messages (queued or running) before it ends, so a long handler keeps its
 *   message. What this member never settles (it died, or close() abandoned it) comes back after the invisible time.
 *
 * Over 400 lines on purpose: assignment, the POP loops, settling, renewal and close all read and change one set of
 * held messages and its invariants (a held message is renewed until it is settled exactly once); the broker requests
 * live in cluster/pop-api.ts and the ack / invisibility / DLQ requests in pop-acker.ts.
 */
import type { EventEmitter } from 'node:events'
import { RocketMQError, isRocketMQError, toRocketMQError } from '../../errors.js'
import { silentLogger } from '../../logger.js'
import { parseOptions } from '../../config/common.js'
import { pushConsumerOptionsSchema, type PopOptions, type PushConsumerOptions } from '../../config/consumer.js'
import type { ClientDeps, ClusterPort } from '../../cluster/port.js'
import { consumerSendMessageBack } from '../../cluster/broker-api.js'
import { popMessage, queryAssignment, setMessageRequestMode, type PopResult } from '../../cluster/pop-api.js'
import { MASTER_ID, compareMessageQueues, mqKey, type MessageQueue } from '../../protocol/route.js'
import type { MessageView } from '../../protocol/message.js'
import { POP_CK, formatPopReceipt, type PopReceipt } from '../../protocol/pop.js'
import { matchesTags } from '../../protocol/tag.js'
import { ResponseCode } from '../../remoting/codes.js'
import { Notifier, backoff, delay, timeoutSignal, withTimeout } from '../../util/async.js'
import { consumerCluster, createContext, type ConsumerContext } from '../context.js'
import { HandlerPool, type PoolJob } from '../handler-pool.js'
import type { ConsumerMetrics } from '../metrics.js'
import { withPayload } from '../payload.js'
import type { CloseResult, PushEngine } from '../push-engine.js'
import { concurrentMaxReconsumeTimes, type PushEvents } from '../push-policy.js'
import { Subscriptions } from '../subscriptions.js'
import type { ConsumerEvents } from '../types.js'
import { PopAcker } from './pop-acker.js'

/** After a failed POP (Java pullTimeDelayMillsWhenException). */
const POP_DELAY_ON_ERROR_MS = 3000
/** After the broker's POLLING_FULL or FLOW_CONTROL. */
const POP_DELAY_ON_FULL_MS = 200
/** Empty answers that come back this fast, again and again, are not long polling: back off. */
const FAST_EMPTY_MS = 100
/** The sweep that renews invisibility runs this often. */
const SWEEP_MS = 1000
/** start() waits this long for the first assignment before it resolves anyway (later passes retry). */
const FIRST_ASSIGNMENT_MS = 10_000

/** One popped message while this member holds it (queued, running, or being settled). */
interface Held {
  readonly view: MessageView
  /** Replaced by each invisibility change. */
  receipt: PopReceipt
  /** When its invisibility ends unless renewed (local clock). */
  hiddenUntil: number
  /** Serializes renewals and the final ack / retry on this message's receipt. */
  op: Promise<void>
  done: boolean
}

interface PopJob extends PoolJob {
  readonly held: Held[]
}

/** A POP loop of one assigned queue (queueId -1 = all queues of that broker). */
interface Poller {
  readonly mq: MessageQueue
  readonly controller: AbortController
}

export class PopPushEngine implements PushEngine {
  readonly options: PushConsumerOptions
  readonly cluster: ClusterPort
  private readonly pop: PopOptions
  private readonly ctx: ConsumerContext
  private readonly subscriptions: Subscriptions
  private readonly pool: HandlerPool<PopJob>
  private readonly acker: PopAcker
  private readonly pollers = new Map<string, Poller>()
  private readonly held = new Set<Held>()
  private readonly settling = new Set<Promise<void>>()
  private readonly changes = new Notifier()
  private readonly stop = new AbortController()
  private readonly maxInFlight: number
  private readonly maxReconsumeTimes: number
  /** POP requests in flight count against maxInFlight with the batch they asked for. */
  private reserved = 0
  /** Held messages not yet settled (waiting for or running in a handler): what maxInFlight bounds. */
  private active = 0
  private running = false
  private chain: Promise<void> = Promise.resolve()
  private pending = false
  private sweepTimer?: NodeJS.Timeout
  private startPromise?: Promise<void>
  private closePromise?: Promise<CloseResult>
  private consumed = 0
  private failed = 0

  constructor(
    input: unknown,
    private readonly events: EventEmitter<PushEvents>,
    deps: ClientDeps = {},
    onFailed?: (err: RocketMQError) => void,
  ) {
    this.options = parseOptions(pushConsumerOptionsSchema, input, 'PushConsumer')
    const o = this.options
    this.pop = o.pop!
    const logger = o.logger ?? silentLogger
    this.cluster = consumerCluster(o, logger, deps.cluster)
    this.ctx = createContext(o, this.cluster, logger, events as unknown as EventEmitter<ConsumerEvents>)
    this.subscriptions = new Subscriptions(o.group, o.subscriptions, false)
    this.maxInFlight = this.pop.maxInFlight ?? o.concurrency * o.batchSize + this.pop.batchSize
    this.maxReconsumeTimes = concurrentMaxReconsumeTimes(o.maxReconsumeTimes)
    this.acker = new PopAcker({ cluster: this.cluster, group: o.group, batch: this.pop.batchAck, requestTimeoutMs: o.requestTimeoutMs, report: (e) => this.ctx.report(e) })
    // Typed payloads and dedupe wrap the handler as for queue consumption; a refused body goes to the DLQ and is acked.
    const handlers = withPayload(o, {
      deadLetter: (m) => this.deadLetterNow(m),
      emit: (name, e) => {
        if (events.listenerCount(name) > 0) (events.emit as (n: string, v: unknown) => boolean)(name, e)
        else if (name === 'payload.rejected') logger.warn({ err: (e as { error: unknown }).error }, 'payload rejected')
      },
    })
    this.pool = new HandlerPool<PopJob>({
      handlers,
      group: o.group,
      model: 'clustering',
      concurrency: o.concurrency,
      handlerTimeoutMs: o.handlerTimeoutMs,
      settle: (job, error) => this.finish(job, error),
      report: (err) => this.ctx.report(err),
    })
    this.cluster.onRefused?.((err) => {
      this.ctx.report(err)
      this.ctx.emit('consumer.failed', err)
      onFailed?.(err)
    })
  }

  get clientId(): string {
    return this.cluster.clientId
  }

  start(): Promise<void> {
    if (this.closePromise) return Promise.reject(new RocketMQError('ERR_CLOSED', 'The consumer is closed; create a new one'))
    this.startPromise ??= this.doStart().catch(async (e: unknown) => {
      this.running = false
      this.stop.abort()
      await this.cluster.close().catch(() => undefined)
      throw e
    })
    return this.startPromise
  }

  private async doStart(): Promise<void> {
    const o = this.options
    this.cluster.registerConsumer({
      group: o.group,
      consumeType: 'CONSUME_PASSIVELY',
      messageModel: 'CLUSTERING',
      consumeFromWhere: o.consumeFrom === 'first' ? 'CONSUME_FROM_FIRST_OFFSET' : o.consumeFrom === 'last' ? 'CONSUME_FROM_LAST_OFFSET' : 'CONSUME_FROM_TIMESTAMP',
      subscriptions: () => this.subscriptions.list(),
      onConsumerIdsChanged: () => this.trigger('broker notified: members changed'),
      runningInfo: () => this.runningInfo(),
    })
    for (const topic of this.subscriptions.requiredTopics()) await this.cluster.subscribeQueues(topic)
    this.cluster.start()
    await this.cluster.sendHeartbeatToAllBrokers()
    if (this.pop.setRequestMode) {
      for (const topic of this.subscriptions.topics()) await this.setRequestMode(topic)
    }
    this.running = true
    this.cluster.every(o.rebalanceIntervalMs, () => this.trigger('periodic'))
    this.sweepTimer = setInterval(() => this.sweep(), SWEEP_MS)
    this.sweepTimer.unref()
    // The broker may not list this member yet right after its first heartbeat: a few quick passes.
    const deadline = Date.now() + FIRST_ASSIGNMENT_MS
    while (this.running && !(await this.serialize(() => this.assign(true))) && Date.now() < deadline) await delay(300, this.stop.signal)
  }

  /**
   * REQUEST_CODE_NOT_SUPPORTED to a POP request: a 4.x broker, or the 5.x proxy's remoting port (it forwards neither
   * SET_MESSAGE_REQUEST_MODE nor QUERY_ASSIGNMENT, and answers no ACK_MESSAGE): ERR_UNSUPPORTED_VERSION saying so.
   */
  private unsupported(e: unknown, address: string): unknown {
    if (!isRocketMQError(e) || e.context.responseCode !== ResponseCode.REQUEST_CODE_NOT_SUPPORTED) return e
    return new RocketMQError(
      'ERR_UNSUPPORTED_VERSION',
      `${address} does not serve POP (request code ${String(e.context.requestCode)} not supported): POP needs RocketMQ 5.x brokers reached directly (nameServer of the cluster); the 5.x proxy's remoting port forwards no POP requests. Through a proxy use its gRPC port (the proxy option), or leave pop out`,
      { cause: e, context: { ...e.context, address } },
    )
  }

  /** SET_MESSAGE_REQUEST_MODE POP on every master that serves the topic (what `mqadmin setConsumeMode -c` does). */
  private async setRequestMode(topic: string): Promise<void> {
    const route = await this.cluster.getRoute(topic)
    const brokers = new Set(route?.queueDatas.map((q) => q.brokerName) ?? [])
    for (const bd of route?.brokerDatas ?? []) {
      const master = bd.brokerAddrs.get(MASTER_ID)
      if (!brokers.has(bd.brokerName) || master === undefined) continue
      await setMessageRequestMode(this.cluster.remoting, master, { topic, group: this.options.group, mode: 'POP', popShareQueueNum: this.pop.shareQueues }, this.options.requestTimeoutMs).catch(
        (e: unknown) => {
          throw this.unsupported(e, master)
        },
      )
    }
  }

  // ------------------------------------------------------------------ assignment

  private trigger(reason: string): void {
    if (!this.running || this.pending) return
    this.pending = true
    this.ctx.logger.debug({ group: this.options.group, reason }, 'POP assignment requested')
    void this.serialize(async () => {
      this.pending = false
      await this.assign()
    }).catch((e: unknown) => this.ctx.report(toRocketMQError(e, 'ERR_BROKER', 'POP assignment failed')))
  }

  private serialize<T>(run: () => Promise<T>): Promise<T> {
    const p = this.chain.then(run, run)
    this.chain = p.then(
      () => undefined,
      () => undefined,
    )
    return p
  }

  /** One QUERY_ASSIGNMENT per topic; start and stop POP loops to match. Resolves true when every topic answered. */
  private async assign(first = false): Promise<boolean> {
    if (!this.running) return false
    const desired = new Map<string, MessageQueue>()
    const answered = new Set<string>()
    for (const topic of this.subscriptions.topics()) {
      try {
        const got = await this.queryTopic(topic)
        if (got === undefined) continue
        for (const mq of got) desired.set(mqKey(mq), mq)
        answered.add(topic)
      } catch (e) {
        // At start, a server that does not do POP at all fails start() (it will not get better).
        if (first && isRocketMQError(e) && e.code === 'ERR_UNSUPPORTED_VERSION') throw e
        this.ctx.logger.warn({ group: this.options.group, topic, err: e }, 'QUERY_ASSIGNMENT failed; keeping the current POP queues')
      }
    }
    if (!this.running) return false
    const removed: MessageQueue[] = []
    for (const [key, p] of this.pollers) {
      if (answered.has(p.mq.topic) && !desired.has(key)) {
        p.controller.abort()
        this.pollers.delete(key)
        removed.push(p.mq)
      }
    }
    const added: MessageQueue[] = []
    for (const [key, mq] of desired) {
      if (this.pollers.has(key)) continue
      const p: Poller = { mq, controller: new AbortController() }
      this.pollers.set(key, p)
      added.push(mq)
      void this.loop(p).catch((e: unknown) => this.ctx.report(toRocketMQError(e, 'ERR_BROKER', 'POP loop stopped', { topic: mq.topic, broker: mq.brokerName })))
    }
    if (added.length > 0 || removed.length > 0) {
      this.ctx.logger.info({ group: this.options.group, added: added.map(mqKey), removed: removed.map(mqKey) }, 'POP assignment changed')
      this.ctx.emit('rebalance.completed', { added, removed, assignment: this.assignment() })
    }
    return answered.size === [...this.subscriptions.topics()].length
  }

  /** Ask a broker of the topic (a random master first, the others if it fails). undefined: no answer yet. */
  private async queryTopic(topic: string): Promise<MessageQueue[] | undefined> {
    const route = await this.cluster.getRoute(topic)
    const masters = (route?.brokerDatas ?? []).map((b) => b.brokerAddrs.get(MASTER_ID)).filter((a): a is string => a !== undefined)
    if (masters.length === 0) return undefined
    const first = Math.floor(Math.random() * masters.length)
    let lastError: unknown
    for (let i = 0; i < masters.length; i++) {
      const address = masters[(first + i) % masters.length]!
      try {
        const got = await queryAssignment(
          this.cluster.remoting,
          address,
          { topic, group: this.options.group, clientId: this.cluster.clientId, strategyName: this.options.allocation === 'averagely-by-circle' ? 'AVG_BY_CIRCLE' : 'AVG' },
          this.options.requestTimeoutMs,
        )
        return got?.map((a) => a.queue)
      } catch (e) {
        lastError = this.unsupported(e, address)
      }
    }
    throw lastError
  }

  // ------------------------------------------------------------------ POP loops

  private async loop(p: Poller): Promise<void> {
    const { mq } = p
    const signal = AbortSignal.any([p.controller.signal, this.stop.signal])
    const sub = this.subscriptions.get(mq.topic)!
    let fastEmpty = 0
    while (!signal.aborted) {
      const room = this.maxInFlight - this.active - this.reserved
      if (room < 1) {
        await this.changes.wait(signal)
        continue
      }
      const want = Math.min(this.pop.batchSize, room)
      this.reserved += want
      const sentAt = Date.now()
      let address: string | undefined
      let result: PopResult
      try {
        address = this.cluster.findBrokerAddressInSubscribe(mq.brokerName, MASTER_ID, true)?.address
        if (address === undefined) {
          this.cluster.refreshRoutesSoon()
          throw new RocketMQError('ERR_BROKER_NOT_FOUND', `No master address known for broker '${mq.brokerName}' (POP needs the master)`, { retriable: true, context: { broker: mq.brokerName, topic: mq.topic } })
        }
        const suspend = this.options.brokerSuspendMs
        result = await popMessage(
          this.cluster.remoting,
          address,
          {
            group: this.options.group,
            topic: mq.topic,
            brokerName: mq.brokerName,
            queueId: mq.queueId,
            maxMsgNums: want,
            invisibleTime: this.pop.invisibleTimeMs,
            pollTime: suspend,
            initMode: this.options.consumeFrom === 'first' ? 0 : 1,
            expressionType: sub.expressionType,
            expression: sub.subString,
          },
          { timeoutMs: suspend + 10_000, signal, maxMessageBytes: this.options.maxMessageBytes },
        )
      } catch (e) {
        if (signal.aborted) return
        const err = toRocketMQError(e, 'ERR_BROKER', 'POP failed', { topic: mq.topic, broker: mq.brokerName, queueId: mq.queueId })
        this.ctx.emit('pull.error', { queue: mq, error: err, brokerAddress: address })
        this.ctx.logger.warn({ queue: mqKey(mq), address, err }, 'POP failed')
        if (isRocketMQError(err) && (err.code === 'ERR_FORBIDDEN' || err.code === 'ERR_AUTH' || err.code === 'ERR_TOPIC_NOT_FOUND')) this.ctx.report(err)
        const code = err.context.responseCode
        await delay(code === ResponseCode.FLOW_CONTROL ? POP_DELAY_ON_FULL_MS : POP_DELAY_ON_ERROR_MS, signal)
        continue
      } finally {
        this.reserved -= want
      }
      if (this.ctx.listening('pull.completed')) {
        this.ctx.emit('pull.completed', { queue: mq, status: result.status === 'FOUND' ? 'FOUND' : 'NO_NEW_MSG', messages: result.messages.length, sentAt, durationMs: Date.now() - sentAt, brokerId: MASTER_ID, address, nextOffset: -1 })
      }
      if (result.status === 'POLLING_FULL') {
        await delay(POP_DELAY_ON_FULL_MS, signal)
        continue
      }
      // Popped after close began (or the queue was unassigned meanwhile): not handled here; they come back after their invisible time.
      if (result.messages.length > 0 && !signal.aborted) this.accept(result)
      if (result.messages.length === 0 && Date.now() - sentAt < FAST_EMPTY_MS) {
        await delay(backoff(fastEmpty++, 50, POP_DELAY_ON_ERROR_MS), signal)
      } else fastEmpty = 0
    }
  }

  /** A POP answer: messages that do not match the tags are acked at once (Java does too); the rest go to handlers. */
  private accept(r: PopResult): void {
    const now = Date.now()
    let batch: Held[] = []
    const submit = () => {
      const first = batch[0]!
      this.pool.submit({ queue: { topic: first.view.topic, brokerName: first.receipt.brokerName, queueId: first.view.queueId }, messages: batch.map((h) => h.view), held: batch })
      batch = []
    }
    for (let i = 0; i < r.messages.length; i++) {
      const view = r.messages[i]!
      const receipt = r.receipts[i]!
      const sub = this.subscriptions.get(view.topic)
      if (sub && !matchesTags(sub, view.tags)) {
        this.track(this.acker.ack(view.topic, receipt))
        continue
      }
      const h: Held = { view, receipt, hiddenUntil: now + r.invisibleTime, op: Promise.resolve(), done: false }
      this.held.add(h)
      this.active++
      batch.push(h)
      if (batch.length === this.options.batchSize) submit()
    }
    if (batch.length > 0) submit()
  }

  // ------------------------------------------------------------------ settling

  /** A handler finished: ack, or hand the messages back for a retry (the pool slot frees at once; settling goes on). */
  private finish(job: PopJob, error: unknown): void {
    if (error === undefined) this.consumed += job.held.length
    else {
      this.failed += job.held.length
      if (this.events.listenerCount('handler.error') > 0) {
        const dlq = job.held.every((h) => h.view.reconsumeTimes >= this.maxReconsumeTimes)
        this.events.emit('handler.error', { messages: job.messages, error, retry: !dlq, queue: job.queue, ...(dlq ? { dlq } : {}) })
      }
    }
    for (const h of job.held) this.settle(h, error === undefined ? () => this.acker.ack(h.view.topic, h.receipt) : () => this.retryLater(h))
  }

  private settle(h: Held, run: () => Promise<unknown>): void {
    h.done = true
    // Its handler is done: room for the next POP now, while the ack or retry goes out.
    this.active--
    this.changes.notify()
    h.op = h.op.then(run).then(
      () => undefined,
      (e: unknown) => this.ctx.report(toRocketMQError(e, 'ERR_BROKER', 'settling a popped message failed')),
    )
    this.track(
      h.op.finally(() => {
        this.held.delete(h)
        this.changes.notify()
      }),
    )
  }

  private track(p: Promise<void>): void {
    this.settling.add(p)
    void p.finally(() => this.settling.delete(p))
  }

  /** Hide the message for the retry delay of its attempt; after the last attempt, move it to the DLQ. */
  private async retryLater(h: Held): Promise<void> {
    const m = h.view
    if (m.reconsumeTimes >= this.maxReconsumeTimes) {
      await this.acker.deadLetter(m, h.receipt, this.maxReconsumeTimes)
      return
    }
    const delays = this.pop.retryDelaysMs
    await this.acker.changeInvisible(m.topic, h.receipt, delays[Math.min(m.reconsumeTimes, delays.length - 1)]!, `handing ${m.msgId} back for a retry`)
  }

  /** invalidPayload 'dlq': the message of a running job goes to the DLQ; the job then succeeds and acks it. */
  private async deadLetterNow(m: MessageView): Promise<void> {
    const h = [...this.held].find((x) => x.view === m)
    if (!h) return
    const address = await this.cluster.findMasterAddressOrRefresh(h.receipt.brokerName, m.topic)
    await consumerSendMessageBack(this.cluster.remoting, address, {
      group: this.options.group,
      commitLogOffset: m.commitLogOffset,
      delayLevel: -1,
      originMsgId: m.msgId,
      originTopic: m.topic,
      maxReconsumeTimes: this.maxReconsumeTimes,
      brokerName: h.receipt.brokerName,
    })
  }

  /** Renew held messages whose invisibility ends within a third of the invisible time (and at least 2 sweeps). */
  private sweep(): void {
    const now = Date.now()
    const invisible = this.pop.invisibleTimeMs
    const margin = Math.max(invisible / 3, 2 * SWEEP_MS)
    for (const h of this.held) {
      if (h.done || h.hiddenUntil - now > margin) continue
      h.hiddenUntil = now + invisible
      h.op = h.op.then(async () => {
        if (h.done) return
        const next = await this.acker.changeInvisible(h.view.topic, h.receipt, invisible, `renewing the invisibility of ${h.view.msgId}`)
        if (next) {
          h.receipt = next
          h.view.setProperty(POP_CK, formatPopReceipt(next))
        }
      })
    }
  }

  // ------------------------------------------------------------------ facade

  /** The assigned POP queues (queueId -1: every queue of that broker). */
  assignment(): MessageQueue[] {
    return [...this.pollers.values()].map((p) => p.mq).sort(compareMessageQueues)
  }

  /** No owned queues with offsets: `queues` is []; `cachedCount`/`cachedBytes` are the messages this member holds. */
  metrics(): ConsumerMetrics {
    let bytes = 0
    for (const h of this.held) if (!h.done) bytes += h.view.body.length
    return { group: this.options.group, queues: [], lag: 0, cachedCount: this.active, cachedBytes: bytes }
  }

  /** Ask the broker for the assignment now. */
  async rebalance(): Promise<void> {
    await this.serialize(() => this.assign())
  }

  private runningInfo() {
    const o = this.options
    return {
      properties: {
        consumerGroup: o.group,
        messageModel: 'CLUSTERING',
        consumeThreadMax: String(o.concurrency),
        consumeMessageBatchMaxSize: String(o.batchSize),
        popBatchNums: String(this.pop.batchSize),
        popInvisibleTime: String(this.pop.invisibleTimeMs),
        maxReconsumeTimes: String(this.maxReconsumeTimes),
        PROP_CONSUMEORDERLY: 'false',
        PROP_CONSUME_TYPE: 'CONSUME_POP',
        PROP_NAMESERVER_ADDR: o.nameServer.join(';'),
        PROP_CLIENT_VERSION: 'V4_9_4',
        PROP_CLIENT_SDK: 'rocketmq-ts',
        consumedMessages: String(this.consumed),
        failedMessages: String(this.failed),
      },
      subscriptionSet: this.subscriptions.list(),
      mqTable: [] as Array<[MessageQueue, Record<string, unknown>]>,
    }
  }

  /**
   * Stop popping, wait for running handlers up to `timeoutMs` (then abort their signals), send the acks of finished
   * ones, unregister. Messages never handled or abandoned come back after their invisible time. `committed` is []
   * (POP has no client offsets).
   */
  close(opts: { timeoutMs?: number }): Promise<CloseResult> {
    this.closePromise ??= (async () => {
      await this.startPromise?.catch(() => undefined)
      const deadline = timeoutSignal(opts.timeoutMs ?? this.options.closeTimeoutMs)
      this.running = false
      this.stop.abort()
      for (const p of this.pollers.values()) p.controller.abort()
      if (this.sweepTimer) clearInterval(this.sweepTimer)
      const release = (jobs: PopJob[]) => {
        for (const job of jobs) {
          for (const h of job.held) {
            if (!h.done) this.active--
            h.done = true
            this.held.delete(h)
          }
        }
      }
      release(this.pool.clearPending())
      this.changes.notify()
      const { drained, abandoned, abandonedJobs } = await this.pool.close(deadline)
      release(abandonedJobs)
      this.acker.close()
      // Acks of finished handlers: worth a short wait even past the deadline (an ack saves a redelivery).
      if (this.settling.size > 0) await withTimeout(Promise.allSettled([...this.settling]), Math.max(1000, this.options.requestTimeoutMs))
      await this.chain
      await this.cluster.close()
      return { drained, abandoned, committed: [] }
    })()
    return this.closePromise
  }
}
