/**
 * Ordered push consumption (`ordering: 'queue' | 'key'`), the Java ConsumeMessageOrderlyService rules as a
 * consumption policy (consumer/policy.ts). (Just over 400 lines: the rules below share one per-queue state, and the
 * parts that stand alone are already their own files: ordered-lanes.ts, queue-lock-manager.ts, the handler pool.)
 * - Clustering: a queue is taken (`admit`) only once this member holds its broker lock (QueueLockManager); the others
 *   are retried by the rebalancer's next pass. A queue is pulled (`canPull`) and handled only while its lock is held;
 *   a lost or expired lock stops it until it is locked again (retried every second). If the previous owner committed
 *   between our offset read and our lock (it commits before it unlocks), the first pull starts at that fresh offset
 *   (Java's previouslyLocked re-read). Revoke and close drain, commit, then unlock (`released`).
 * - Broadcasting: no locks (each member reads every queue), same ordering.
 * - Per queue, OrderedLanes decides what may run: one batch at a time (`'queue'`) or one batch per ordering key
 *   (`'key'`); `concurrency` bounds the batches running over all queues; queues are served round robin.
 * - A failed batch (throw or rejection) stays in place: the queue pauses `suspendMs`, then the same messages run again
 *   (`reconsumeTimes` + 1). Once a message was redelivered `maxReconsumeTimes` times it goes to `%DLQ%<group>`
 *   (CONSUMER_SEND_MSG_BACK with delay level -1) and the queue moves on; if that send fails the queue keeps retrying.
 *   Default: unbounded (Java orderly). Other queues keep flowing.
 * - A handler past `handlerTimeoutMs` gets its signal aborted, but its queue (or key) waits until it returns: one queue
 *   never runs twice at once.
 * - Offsets move only past finished messages (ProcessQueue's lowest unfinished offset).
 */
import type { EventEmitter } from 'node:events'
import { RocketMQError, toRocketMQError } from '../../errors.js'
import { consumerSendMessageBack } from '../../cluster/broker-api.js'
import { lockBatchMQ, unlockBatchMQ } from '../../cluster/queue-locks.js'
import { CONCURRENT_MAX_RECONSUME_TIMES, type PushConsumerOptions } from '../../config/consumer.js'
import type { MessageView } from '../../protocol/message.js'
import { mqKey, type MessageQueue } from '../../protocol/route.js'
import type { SubToken } from '../../observability/message-tracer.js'
import { Notifier } from '../../util/async.js'
import { HandlerCall, runHandler } from '../handler.js'
import type { HandlerPolicy, PolicyHost } from '../policy.js'
import type { ProcessQueue } from '../process-queue.js'
import { consoleRunningInfo, type PushEvents } from '../push-policy.js'
import { OrderedLanes, type LaneBatch } from './ordered-lanes.js'
import { QueueLockManager, type QueueLockPort } from './queue-lock-manager.js'

/** The push consumer's events, with the lock events of the ordered modes. */
/** The events of the ordered policy: the push consumer's, `lock.*` included (types.ts). */
export type OrderedEvents = PushEvents

class OrderedRun extends HandlerCall {
  timedOut = false
  /** The call's SubBefore record, when message trace is on. */
  trace: SubToken | undefined = undefined
  constructor(
    readonly pq: ProcessQueue,
    readonly lanes: OrderedLanes,
    readonly batch: LaneBatch,
    group: string,
  ) {
    super(pq.mq, group)
  }
}

export class OrderedPolicy implements HandlerPolicy {
  readonly consumeType = 'CONSUME_PASSIVELY'
  readonly readsRetryTopic = true
  readonly commitOnPull = true
  readonly sendSubscriptionOnPull = false
  /** Java's orderly service has no span limit (it consumes in order anyway); the count/size limits still apply. */
  readonly maxSpan = Number.POSITIVE_INFINITY
  readonly registration
  readonly maxReconsumeTimes: number
  private readonly locks?: QueueLockManager
  private readonly lanes = new Map<ProcessQueue, OrderedLanes>()
  /** Queues in service order (round robin); a served queue moves to the back. */
  private readonly order = new Set<ProcessQueue>()
  private readonly running = new Set<OrderedRun>()
  private readonly changes = new Notifier()
  /** Committed offsets that moved between the rebalancer's read and our lock: key -> [offset read before, fresh]. */
  private readonly freshStart = new Map<string, [number, number]>()
  private wakeTimer?: NodeJS.Timeout
  private wakeAt = 0
  private sweepTimer?: NodeJS.Timeout
  private closed = false
  private pumping = false
  private pumpAgain = false
  private consumed = 0
  private failed = 0

  constructor(
    private readonly host: PolicyHost,
    private readonly options: PushConsumerOptions,
    private readonly events: EventEmitter<OrderedEvents>,
    lockPort?: QueueLockPort,
  ) {
    const max = options.maxReconsumeTimes
    this.maxReconsumeTimes = max === undefined || max < 0 ? Number.POSITIVE_INFINITY : max
    const ctx = host.ctx
    if (!ctx.broadcasting) {
      this.locks = new QueueLockManager({
        port: lockPort ?? this.brokerLockPort(),
        logger: ctx.logger,
        onAcquired: (mq, info) => {
          if (this.events.listenerCount('lock.acquired') > 0) this.events.emit('lock.acquired', { queue: mq, relocked: info.relocked })
          const pq = host.queue(mq)
          if (pq) host.wake(pq)
          this.pump()
        },
        onLost: (mq, info) => {
          ctx.logger.warn({ queue: mqKey(mq), reason: info.reason }, 'queue lock lost; the queue stops until it is locked again')
          if (this.events.listenerCount('lock.lost') > 0) this.events.emit('lock.lost', { queue: mq, reason: info.reason })
        },
      })
    }
    this.registration = {
      runningInfo: () => this.runningInfo(),
      consumeMessageDirectly: (m: MessageView) => this.consumeDirectly(m),
    }
  }

  private brokerLockPort(): QueueLockPort {
    const cluster = this.host.ctx.cluster
    const group = this.options.group
    return {
      lock: async (brokerName, queues) => {
        const address = await cluster.findMasterAddressOrRefresh(brokerName, queues[0]!.topic)
        return lockBatchMQ(cluster.remoting, address, { group, clientId: cluster.clientId, queues })
      },
      unlock: async (brokerName, queues, { oneway }) => {
        const address = await cluster.findMasterAddressOrRefresh(brokerName, queues[0]!.topic)
        await unlockBatchMQ(cluster.remoting, address, { group, clientId: cluster.clientId, queues }, { oneway })
      },
    }
  }

  // ------------------------------------------------------------------ ConsumptionPolicy

  async admit(queues: MessageQueue[]): Promise<MessageQueue[]> {
    if (!this.locks) return queues
    this.locks.start()
    const before = new Map(queues.map((mq) => [mqKey(mq), this.host.offsets.readMemory(mq)]))
    const held = await this.locks.acquire(queues)
    const heldKeys = new Set(held.map(mqKey))
    // Not locked: not taken now (the rebalancer tries again in a pass 1 s later, as Java's rebalanceLater(500)).
    this.locks.forget(queues.filter((mq) => !heldKeys.has(mqKey(mq))))
    await Promise.all(
      held.map(async (mq) => {
        const pre = before.get(mqKey(mq)) ?? -1
        if (pre < 0) return
        try {
          const fresh = await this.host.offsets.readStore(mq)
          if (fresh >= 0 && fresh !== pre) this.freshStart.set(mqKey(mq), [pre, fresh])
        } catch (e) {
          this.host.ctx.logger.warn({ queue: mqKey(mq), err: e }, 'cannot re-read the committed offset after locking; starting at the one read before')
        }
      }),
    )
    return held
  }

  canPull(pq: ProcessQueue): boolean {
    if (!this.locks) return true
    const fresh = this.freshStart.get(pq.key)
    if (fresh !== undefined) {
      this.freshStart.delete(pq.key)
      // Only if nothing was pulled yet and onAssign did not seek elsewhere.
      if (pq.maxOffsetEverPut < 0 && pq.nextOffset === fresh[0]) {
        pq.nextOffset = fresh[1]
        this.host.offsets.update(pq.mq, fresh[1], false)
      }
    }
    return this.locks.isHeldKey(pq.key)
  }

  deliver(pq: ProcessQueue, messages: MessageView[]): void {
    let lanes = this.lanes.get(pq)
    if (!lanes) {
      lanes = new OrderedLanes(this.options.ordering === 'key' ? 'key' : 'queue', this.options.batchSize)
      this.lanes.set(pq, lanes)
      this.order.add(pq)
    }
    lanes.push(messages)
    this.pump()
  }

  markConsumed(pq: ProcessQueue, offset: number): void {
    if (offset >= 0 && !pq.dropped) this.host.offsets.update(pq.mq, offset, true, pq.key)
  }

  async drain(pqs: readonly ProcessQueue[], signal: AbortSignal): Promise<void> {
    const set = new Set(pqs)
    const busy = () => [...this.running].some((r) => !r.sealed && set.has(r.pq))
    while (busy() && !signal.aborted) await this.changes.wait(signal)
  }

  releaseOffset(pq: ProcessQueue): number {
    return pq.consumedOffset()
  }

  async released(queues: MessageQueue[], opts: { closing: boolean }): Promise<void> {
    const keys = new Set(queues.map(mqKey))
    for (const pq of [...this.order]) {
      if (keys.has(pq.key) && pq.dropped) {
        this.lanes.delete(pq)
        this.order.delete(pq)
      }
    }
    for (const k of keys) this.freshStart.delete(k)
    if (!this.locks) return
    if (opts.closing) {
      if (this.wakeTimer) clearTimeout(this.wakeTimer)
      await this.locks.close()
      return
    }
    // A handler that outlived the revoke deadline still runs: keep its queue locked (renewed) until it returns
    // (Java's delayed unlock), so no other member starts the queue beside it; at most handlerTimeoutMs (its signal
    // is aborted by then), so a handler that never returns cannot block the queue for the whole group.
    const still = () => [...this.running].some((r) => keys.has(r.pq.key))
    if (!still()) return this.locks.release(queues)
    const bound = AbortSignal.timeout(this.options.handlerTimeoutMs)
    const idle = (async () => {
      while (still() && !bound.aborted) await this.changes.wait(bound)
    })()
    void this.locks.release(queues, { after: idle })
  }

  async close(deadline: AbortSignal): Promise<{ drained: number; abandoned: number }> {
    this.closed = true
    let drained = 0
    for (const r of this.running) drained += r.batch.messages.length
    while (this.running.size > 0 && !deadline.aborted) await this.changes.wait(deadline)
    let abandoned = 0
    for (const r of this.running) {
      abandoned += r.batch.messages.length
      // Sealed: a late outcome is ignored; its offset stays uncommitted, so it is delivered again.
      r.done = true
      r.sealed = true
      r.abort(new RocketMQError('ERR_CLOSED', 'consumer closed before the handler finished'))
    }
    if (this.sweepTimer) clearInterval(this.sweepTimer)
    if (this.wakeTimer) clearTimeout(this.wakeTimer)
    this.changes.notify()
    return { drained: drained - abandoned, abandoned }
  }

  // ------------------------------------------------------------------ dispatch

  /** Whether a queue's messages may be handled now. */
  private mayRun(pq: ProcessQueue): boolean {
    return !pq.dropped && (this.locks === undefined || this.locks.isHeldKey(pq.key))
  }

  private pump(): void {
    if (this.closed) return
    // A synchronous handler settles inside run(): its settle calls pump() again. Loop here instead of recursing.
    if (this.pumping) {
      this.pumpAgain = true
      return
    }
    this.pumping = true
    try {
      do {
        this.pumpAgain = false
        this.pumpOnce()
      } while (this.pumpAgain && !this.closed)
    } finally {
      this.pumping = false
    }
  }

  private pumpOnce(): void {
    const now = Date.now()
    let nextWake = Number.POSITIVE_INFINITY
    let progressed = true
    while (this.running.size < this.options.concurrency && progressed) {
      progressed = false
      for (const pq of this.order) {
        const lanes = this.lanes.get(pq)!
        if (pq.dropped) {
          // Its unstarted messages stay uncommitted: the next owner reads them again.
          this.lanes.delete(pq)
          this.order.delete(pq)
          continue
        }
        if (!this.mayRun(pq)) continue
        if (lanes.suspendedUntil > now) nextWake = Math.min(nextWake, lanes.suspendedUntil)
        const batch = lanes.take(now)
        if (!batch) continue
        // Round robin: the queue just served goes to the back.
        this.order.delete(pq)
        this.order.add(pq)
        this.run(pq, lanes, batch)
        progressed = true
        break
      }
    }
    if (nextWake !== Number.POSITIVE_INFINITY) this.wakeUpAt(nextWake)
  }

  private wakeUpAt(at: number): void {
    if (this.wakeTimer && this.wakeAt <= at) return
    if (this.wakeTimer) clearTimeout(this.wakeTimer)
    this.wakeAt = at
    this.wakeTimer = setTimeout(() => {
      this.wakeTimer = undefined
      this.pump()
    }, Math.max(0, at - Date.now()))
    this.wakeTimer.unref()
  }

  private run(pq: ProcessQueue, lanes: OrderedLanes, batch: LaneBatch): void {
    const entry = new OrderedRun(pq, lanes, batch, this.options.group)
    this.running.add(entry)
    this.ensureSweep()
    if (this.host.tracer) entry.trace = this.host.tracer.before(batch.messages)
    runHandler(this.options, batch.messages, entry, (error) => this.settle(entry, error), this.options)
  }

  private settle(entry: OrderedRun, error: unknown): void {
    if (entry.done) return
    entry.done = true
    if (entry.trace) this.host.tracer?.after(entry.trace, error)
    const cleanup = () => {
      this.running.delete(entry)
      entry.pq.notify()
      this.changes.notify()
      this.pump()
    }
    if (error === undefined) {
      this.consumed += entry.batch.messages.length
      this.complete(entry)
      cleanup()
      return
    }
    this.fail(entry, error)
      .catch((e: unknown) => this.host.ctx.report(toRocketMQError(e, 'ERR_BROKER', 'completing an ordered message failed')))
      .finally(cleanup)
  }

  private complete(entry: OrderedRun): void {
    entry.lanes.finish(entry.batch)
    this.markConsumed(entry.pq, entry.pq.remove(entry.batch.messages))
  }

  private async fail(entry: OrderedRun, error: unknown): Promise<void> {
    this.failed += entry.batch.messages.length
    const msgs = entry.batch.messages
    const emit = (retry: boolean, dlq: boolean) => {
      if (this.events.listenerCount('handler.error') > 0) this.events.emit('handler.error', { messages: msgs, error, retry, queue: entry.pq.mq, dlq })
    }
    if (msgs.some((m) => m.reconsumeTimes >= this.maxReconsumeTimes) && !entry.pq.dropped) {
      try {
        for (const m of msgs) await this.sendToDlq(m)
        emit(false, true)
        this.complete(entry)
        return
      } catch (e) {
        this.host.ctx.logger.warn({ queue: entry.pq.key, err: e }, 'sending to the DLQ failed; the queue keeps retrying')
      }
    } else {
      emit(true, false)
    }
    for (const m of msgs) m.reconsumeTimes++
    entry.lanes.retryLater(entry.batch, Date.now() + this.options.suspendMs)
    this.wakeUpAt(entry.lanes.suspendedUntil)
  }

  /** CONSUMER_SEND_MSG_BACK with delay level -1: the broker stores the message in %DLQ%<group> at once. */
  private async sendToDlq(m: MessageView): Promise<void> {
    const cluster = this.host.ctx.cluster
    const address = await cluster.findMasterAddressOrRefresh(m.brokerName, m.topic)
    await consumerSendMessageBack(cluster.remoting, address, {
      group: this.options.group,
      commitLogOffset: m.commitLogOffset,
      delayLevel: -1,
      originMsgId: m.msgId,
      originTopic: m.topic,
      maxReconsumeTimes: Number.isFinite(this.maxReconsumeTimes) ? this.maxReconsumeTimes : CONCURRENT_MAX_RECONSUME_TIMES,
      brokerName: m.brokerName,
    })
  }

  /** One timer aborts the signals of handlers past handlerTimeoutMs; their queues still wait for them to return. */
  private ensureSweep(): void {
    if (this.sweepTimer) return
    const timeout = this.options.handlerTimeoutMs
    const every = Math.min(1000, Math.max(10, Math.floor(timeout / 4)))
    this.sweepTimer = setInterval(() => {
      const now = Date.now()
      for (const entry of this.running) {
        if (entry.done || entry.timedOut || now - entry.startedAt < timeout) continue
        entry.timedOut = true
        entry.abort(
          new RocketMQError('ERR_HANDLER_TIMEOUT', `handler did not finish within ${timeout} ms; its queue waits until it returns`, {
            context: { topic: entry.queue.topic, broker: entry.queue.brokerName, queueId: entry.queue.queueId, group: entry.group },
          }),
        )
      }
      if (this.running.size === 0 && this.sweepTimer) {
        clearInterval(this.sweepTimer)
        this.sweepTimer = undefined
      }
    }, every)
    this.sweepTimer.unref()
  }

  // ------------------------------------------------------------------ console requests

  private runningInfo() {
    return consoleRunningInfo(this.options, this.host, {
      orderly: true,
      maxReconsumeTimes: Number.isFinite(this.maxReconsumeTimes) ? this.maxReconsumeTimes : 2147483647,
      suspendMs: this.options.suspendMs,
      consumed: this.consumed,
      failed: this.failed,
      locked: (mq) => (this.locks ? this.locks.isHeld(mq) : false),
    })
  }

  /** Broadcasting takes no broker locks: undefined there. */
  locked(pq: ProcessQueue): boolean | undefined {
    return this.locks ? this.locks.isHeldKey(pq.key) : undefined
  }

  private consumeDirectly(m: MessageView): Promise<{ consumeResult: string; remark?: string; spentTimeMills: number }> {
    const call = new HandlerCall(m.queue, this.options.group)
    return new Promise((resolve) =>
      runHandler(this.options, [m], call, (error) => {
        const spentTimeMills = Date.now() - call.startedAt
        if (error === undefined) resolve({ consumeResult: 'CR_SUCCESS', spentTimeMills })
        else resolve({ consumeResult: 'CR_THROW_EXCEPTION', remark: error instanceof Error ? error.message : String(error), spentTimeMills })
      }),
    )
  }
}
