/**
 * Ordered push consumption (`ordering: 'queue' | 'key'`): the Java ConsumeMessageOrderlyService rules over our
 * consumer core.
 * - Clustering: a queue is pulled and handled only while this member holds its broker lock (QueueLockManager); new
 *   queues are locked before their start offset is read, a queue granted later re-reads its committed offset before
 *   its first pull (the previous owner committed before it unlocked), a lost or expired lock stops the queue until it
 *   is locked again. Revoke and close drain, commit, then unlock.
 * - Broadcasting: no locks (each member reads every queue), same ordering.
 * - Per queue, OrderedLanes decides what may run: one batch at a time (`'queue'`), or one batch per ordering key
 *   (`'key'`); `concurrency` bounds the batches running over all queues; queues are served round robin.
 * - A failed batch (throw, or a rejected promise) stays in place: the queue pauses `suspendMs`, then the same
 *   messages run again (`reconsumeTimes` + 1). Once a message was delivered `maxReconsumeTimes` + 1 times it goes to
 *   `%DLQ%<group>` (CONSUMER_SEND_MSG_BACK with delay level -1) and the queue moves on; if that send fails, the queue
 *   keeps retrying. Default: unbounded (Java orderly). Other queues keep flowing.
 * - A handler past `handlerTimeoutMs` gets its signal aborted, but its queue (or key) waits until it returns: one
 *   queue never runs twice at once.
 * - Offsets move only past finished messages (ProcessQueue's lowest unfinished offset).
 */
import type { EventEmitter } from 'node:events'
import { RocketMQError, toRocketMQError } from '../../errors.js'
import { consumerSendMessageBack } from '../../cluster/broker-api.js'
import { lockBatchMQ, unlockBatchMQ } from '../../cluster/queue-locks.js'
import type { PushConsumerOptions } from '../../config/consumer.js'
import type { MessageView } from '../../protocol/message.js'
import type { MessageQueue } from '../../protocol/route.js'
import { processContext } from '../../observability/channels.js'
import { ConsumerCore, type ConsumerEvents, type Sink } from '../core.js'
import { HandlerCall, runHandler } from '../handler.js'
import type { ProcessQueue } from '../process-queue.js'
import { mqKey } from '../offset-store/offset-store.js'
import { OrderedLanes, type LaneBatch } from './ordered-lanes.js'
import { QueueLockManager, type QueueLockPort } from './queue-lock-manager.js'

/** Events of ordered consumption, emitted on the PushConsumer. */
export interface OrderedEvents {
  /** This member got the broker lock of a queue (`relocked`: it had lost it before). */
  'lock.acquired': [{ queue: MessageQueue; relocked: boolean }]
  /** This member no longer holds the queue's lock: refused (another member holds it) or expired (no renewal for 30 s). */
  'lock.lost': [{ queue: MessageQueue; reason: 'refused' | 'expired' }]
  /** A handler failed; in the ordered modes `retry` is true until the message goes to the DLQ (`dlq`). */
  'handler.error': [{ messages: MessageView[]; error: unknown; retry: boolean; queue: MessageQueue; dlq?: boolean }]
}

type Events = EventEmitter<ConsumerEvents & OrderedEvents>

class OrderedRun extends HandlerCall {
  timedOut = false
  constructor(
    readonly pq: ProcessQueue,
    readonly batch: LaneBatch,
    group: string,
  ) {
    super(pq.mq, group)
  }
}

export interface OrderedCloseResult {
  drained: number
  abandoned: number
}

/** The consumption policy of the ordered modes: a Sink of ConsumerCore plus the lock lifecycle. */
export class OrderedConsumption implements Sink {
  private readonly lanes = new Map<ProcessQueue, OrderedLanes>()
  /** Queues in service order (round robin); a served queue moves to the back. */
  private readonly order = new Set<ProcessQueue>()
  private readonly running = new Set<OrderedRun>()
  private readonly locks?: QueueLockManager
  /** Queues whose lock came after their start offset was read: re-read the committed offset at the grant. */
  private readonly reReadOffset = new Set<string>()
  private wakeTimer?: NodeJS.Timeout
  private wakeAt = 0
  private sweepTimer?: NodeJS.Timeout
  private drainWaiters: Array<() => void> = []
  private closing_ = false
  readonly maxReconsumeTimes: number
  consumed = 0
  failed = 0

  constructor(
    private readonly core: ConsumerCore,
    private readonly options: PushConsumerOptions,
    private readonly events: Events,
    lockPort?: QueueLockPort,
  ) {
    const max = options.maxReconsumeTimes
    this.maxReconsumeTimes = max === undefined || max < 0 ? Number.POSITIVE_INFINITY : max
    if (!core.broadcasting) {
      this.locks = new QueueLockManager({
        port: lockPort ?? this.brokerLockPort(),
        logger: core.logger,
        onAcquired: (mq, info) => this.onLockAcquired(mq, info.relocked),
        onLost: (mq, info) => {
          core.logger.warn({ queue: mqKey(mq), reason: info.reason }, 'queue lock lost; the queue stops until it is locked again')
          if (events.listenerCount('lock.lost') > 0) events.emit('lock.lost', { queue: mq, reason: info.reason })
        },
      })
      // The reader pulls a queue only while its lock is held (Java's pull gate).
      core.canPull = (pq) => this.locks!.isHeld(pq.mq) && !this.reReadOffset.has(pq.key)
    }
  }

  private brokerLockPort(): QueueLockPort {
    const core = this.core
    return {
      lock: async (brokerName, queues) => {
        const address = await core.client.findMasterAddressOrRefresh(brokerName, queues[0]!.topic)
        return lockBatchMQ(core.client.remoting, address, { group: core.group, clientId: core.client.clientId, queues })
      },
      unlock: async (brokerName, queues, { oneway }) => {
        const address = await core.client.findMasterAddressOrRefresh(brokerName, queues[0]!.topic)
        await unlockBatchMQ(core.client.remoting, address, { group: core.group, clientId: core.client.clientId, queues }, { oneway })
      },
    }
  }

  /** Starts lock renewal (clustering). */
  start(): void {
    this.locks?.start()
  }

  /** Whether the queue may be handled now. */
  private mayRun(pq: ProcessQueue): boolean {
    if (pq.dropped) return false
    return this.locks === undefined || (this.locks.isHeld(pq.mq) && !this.reReadOffset.has(pq.key))
  }

  // ------------------------------------------------------------------ Sink

  async beforeAssign(mqs: readonly MessageQueue[]): Promise<void> {
    if (!this.locks) return
    const held = new Set((await this.locks.acquire(mqs)).map(mqKey))
    for (const mq of mqs) if (!held.has(mqKey(mq))) this.reReadOffset.add(mqKey(mq))
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

  async drain(pqs: readonly ProcessQueue[], signal: AbortSignal): Promise<void> {
    const set = new Set(pqs)
    const busy = () => [...this.running].some((r) => !r.sealed && set.has(r.pq))
    while (busy() && !signal.aborted) await this.waitForDrainChange(signal)
  }

  async released(pqs: readonly ProcessQueue[]): Promise<void> {
    for (const pq of pqs) {
      this.lanes.delete(pq)
      this.order.delete(pq)
      this.reReadOffset.delete(pq.key)
    }
    if (!this.locks) return
    // A handler that outlived the drain deadline still runs: keep the lock (renewed) until it returns (Java's
    // delayed unlock), so no other member starts the queue beside it.
    const set = new Set(pqs)
    const still = [...this.running].filter((r) => set.has(r.pq))
    const after = still.length > 0 ? new Promise<void>((resolve) => this.whenIdle(set, resolve)) : undefined
    const release = this.locks.release(
      pqs.map((pq) => pq.mq),
      { after },
    )
    if (after) release.catch(() => undefined)
    else await release
  }

  async closing(): Promise<void> {
    if (this.sweepTimer) clearInterval(this.sweepTimer)
    if (this.wakeTimer) clearTimeout(this.wakeTimer)
    await this.locks?.close()
  }

  private whenIdle(set: Set<ProcessQueue>, resolve: () => void): void {
    const check = () => {
      if ([...this.running].some((r) => set.has(r.pq))) this.drainWaiters.push(check)
      else resolve()
    }
    check()
  }

  // ------------------------------------------------------------------ locks

  private onLockAcquired(mq: MessageQueue, relocked: boolean): void {
    const key = mqKey(mq)
    if (this.events.listenerCount('lock.acquired') > 0) this.events.emit('lock.acquired', { queue: mq, relocked })
    const pq = this.core.processQueues.get(key)
    if (this.reReadOffset.has(key)) {
      // Granted after the start offset was read: the previous owner may have committed since (it commits before it
      // unlocks), so read the committed offset again before the first pull (Java's previouslyLocked check).
      void this.core
        .computeStartOffset(mq)
        .then((offset) => {
          const cur = this.core.processQueues.get(key)
          if (cur && !cur.dropped && cur.count === 0 && cur.maxOffsetEverPut < 0) {
            cur.nextOffset = offset
            this.core.offsetStore.update(mq, offset, false)
          }
          this.reReadOffset.delete(key)
          cur?.notify()
          this.pump()
        })
        .catch((e: unknown) => {
          // Keep the queue stopped and try again in a second (while it is still ours).
          this.core.logger.warn({ queue: key, err: e }, 'cannot read the committed offset after the lock; retrying in 1 s')
          setTimeout(() => {
            if (!this.closing_ && this.reReadOffset.has(key) && this.core.processQueues.has(key)) this.onLockAcquired(mq, relocked)
          }, 1000).unref()
        })
      return
    }
    pq?.notify()
    this.pump()
  }

  // ------------------------------------------------------------------ dispatch

  private pump(): void {
    if (this.closing_) return
    const now = Date.now()
    let nextWake = Number.POSITIVE_INFINITY
    let progressed = true
    while (this.running.size < this.options.concurrency && progressed) {
      progressed = false
      for (const pq of this.order) {
        if (this.running.size >= this.options.concurrency) break
        const lanes = this.lanes.get(pq)!
        if (pq.dropped) {
          this.lanes.delete(pq)
          this.order.delete(pq)
          continue
        }
        if (!this.mayRun(pq)) continue
        if (lanes.suspendedUntil > now && lanes.buffered > lanes.running) nextWake = Math.min(nextWake, lanes.suspendedUntil)
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
    const entry = new OrderedRun(pq, batch, this.options.group)
    this.running.add(entry)
    this.ensureSweep()
    runHandler(this.options, batch.messages, entry, (error) => this.settle(entry, lanes, error), () =>
      processContext(batch.messages, this.options.group, this.options.model),
    )
  }

  private settle(entry: OrderedRun, lanes: OrderedLanes, error: unknown): void {
    if (entry.done) return
    entry.done = true
    const cleanup = () => {
      this.running.delete(entry)
      entry.pq.notify()
      this.notifyDrain()
      this.pump()
    }
    if (entry.sealed) {
      // Abandoned by close(): not consumed, the offset does not pass it.
      cleanup()
      return
    }
    if (error === undefined) {
      this.consumed += entry.batch.messages.length
      this.complete(entry, lanes)
      cleanup()
      return
    }
    this.fail(entry, lanes, error)
      .catch((e: unknown) => this.core.reportError(toRocketMQError(e, 'ERR_BROKER', 'completing an ordered message failed')))
      .finally(cleanup)
  }

  private complete(entry: OrderedRun, lanes: OrderedLanes): void {
    lanes.finish(entry.batch)
    this.core.markConsumed(entry.pq, entry.pq.remove(entry.batch.messages))
  }

  private async fail(entry: OrderedRun, lanes: OrderedLanes, error: unknown): Promise<void> {
    this.failed += entry.batch.messages.length
    const msgs = entry.batch.messages
    const exhausted = msgs.some((m) => m.reconsumeTimes >= this.maxReconsumeTimes)
    const emit = (retry: boolean, dlq: boolean) => {
      if (this.events.listenerCount('handler.error') > 0) this.events.emit('handler.error', { messages: msgs, error, retry, queue: entry.pq.mq, dlq })
    }
    if (exhausted && !entry.pq.dropped) {
      try {
        for (const m of msgs) await this.sendToDlq(m)
        emit(false, true)
        this.complete(entry, lanes)
        return
      } catch (e) {
        this.core.logger.warn({ queue: entry.pq.key, err: e }, 'sending to the DLQ failed; the queue keeps retrying')
      }
    } else {
      emit(true, false)
    }
    for (const m of msgs) m.reconsumeTimes++
    lanes.retryLater(entry.batch, Date.now() + this.options.suspendMs)
    this.wakeUpAt(lanes.suspendedUntil)
  }

  /** CONSUMER_SEND_MSG_BACK with delay level -1: the broker stores the message in %DLQ%<group> at once. */
  private async sendToDlq(m: MessageView): Promise<void> {
    const address = await this.core.client.findMasterAddressOrRefresh(m.brokerName, m.topic)
    await consumerSendMessageBack(this.core.client.remoting, address, {
      group: this.options.group,
      commitLogOffset: m.commitLogOffset,
      delayLevel: -1,
      originMsgId: m.msgId,
      originTopic: m.topic,
      maxReconsumeTimes: Number.isFinite(this.maxReconsumeTimes) ? this.maxReconsumeTimes : 16,
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

  private notifyDrain(): void {
    const w = this.drainWaiters
    this.drainWaiters = []
    for (const f of w) f()
  }

  private waitForDrainChange(signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal.aborted) return resolve()
      const done = () => {
        signal.removeEventListener('abort', done)
        resolve()
      }
      signal.addEventListener('abort', done, { once: true })
      this.drainWaiters.push(done)
    })
  }

  // ------------------------------------------------------------------ close

  /** Stop handing out; wait for running handlers up to the deadline, then abandon (seal and abort) the rest. */
  async stop(timeoutMs: number): Promise<OrderedCloseResult> {
    this.closing_ = true
    let drained = 0
    for (const r of this.running) drained += r.batch.messages.length
    const deadline = AbortSignal.timeout(timeoutMs)
    while (this.running.size > 0 && !deadline.aborted) await this.waitForDrainChange(deadline)
    let abandoned = 0
    for (const r of this.running) {
      abandoned += r.batch.messages.length
      r.done = true
      r.sealed = true
      r.abort(new RocketMQError('ERR_CLOSED', 'consumer closed before the handler finished'))
    }
    this.notifyDrain()
    return { drained: drained - abandoned, abandoned }
  }

  /** Queue-level state for GET_CONSUMER_RUNNING_INFO. */
  lockInfo(mq: MessageQueue): { locked: boolean } {
    return { locked: this.locks ? this.locks.isHeld(mq) : false }
  }
}
