import { EventEmitter } from 'node:events'
import { parseOptions } from '../config/common.js'
import { pushConsumerOptionsSchema, type PushConsumerOptions as ParsedPushConsumerOptions, type PushConsumerOptionsInput } from '../config/consumer.js'
import { RocketMQError, toRocketMQError } from '../errors.js'
import { consumerSendMessageBack } from '../cluster/broker-api.js'
import type { MessageView } from '../protocol/message.js'
import type { MessageQueue } from '../protocol/route.js'
import { ConsumerCore, delay, type ConsumerEvents, type Sink, type TypedConsumerCallbacks } from './core.js'
import type { ProcessQueue } from './process-queue.js'
import { ProxyPushConsumer, type ProxyPushConsumerOptions } from '../grpc/proxy-push-consumer.js'
import { processContext } from '../observability/channels.js'
import { HandlerCall, runHandler, type BatchHandler, type MessageHandler } from './handler.js'
import { OrderedConsumption, type OrderedEvents } from './orderly/ordered-push.js'

export type { MessageContext, MessageHandler, BatchHandler } from './handler.js'

/** `maxReconsumeTimes` of concurrent consumption: unset or -1 = 16 (Java). */
const concurrentMaxReconsumeTimes = (v: number | undefined): number => (v === undefined || v < 0 ? 16 : v)

/** Options of `new PushConsumer(...)`: see config/consumer.ts for every field, its default and its check. */
export type PushConsumerOptions = Omit<PushConsumerOptionsInput, 'handler' | 'batchHandler' | keyof TypedConsumerCallbacks> &
  TypedConsumerCallbacks & {
    /** Resolve = consumed; throw = retried later (clustering) or reported and skipped (broadcasting). */
    handler?: MessageHandler
    /** Receives up to `batchSize` messages of one queue at a time. */
    batchHandler?: BatchHandler
  }

export interface PushConsumerEvents extends ConsumerEvents {
  /**
   * A handler threw or timed out; `retry` says whether the message will be handled again (sent back to the broker,
   * or in the ordered modes retried in place); `dlq` (ordered modes) that it went to %DLQ%<group>.
   */
  'handler.error': [{ messages: MessageView[]; error: unknown; retry: boolean; queue: MessageQueue; dlq?: boolean }]
  /** Ordered modes (clustering): this member got a queue's broker lock. */
  'lock.acquired': OrderedEvents['lock.acquired']
  /** Ordered modes (clustering): this member lost a queue's broker lock; the queue stops until it is locked again. */
  'lock.lost': OrderedEvents['lock.lost']
}

export interface CloseResult {
  /** Messages whose handlers finished during close. */
  drained: number
  /** Messages still running at the deadline: their signals were aborted; they will be delivered again. */
  abandoned: number
  /** Offsets committed by close. */
  committed: Array<{ queue: MessageQueue; offset: number }>
}

interface Batch {
  pq: ProcessQueue
  messages: MessageView[]
}

/** A batch being handled; it is also the handler's context. */
class Running extends HandlerCall {
  constructor(
    readonly batch: Batch,
    queue: MessageQueue,
    group: string,
  ) {
    super(queue, group)
  }
}

/**
 * A push consumer (Java DefaultMQPushConsumer): long-polling pulls per owned queue feed a bounded pool of handlers.
 * Resolve = consumed; throw = retried later through the broker (clustering) or reported and skipped (broadcasting).
 */
export class PushConsumer extends EventEmitter<PushConsumerEvents> {
  readonly options: ParsedPushConsumerOptions
  private readonly core: ConsumerCore
  private readonly pending: Batch[] = []
  private pendingHead = 0
  private readonly running = new Set<Running>()
  private sweepTimer?: NodeJS.Timeout
  private drainWaiters: Array<() => void> = []
  private startPromise?: Promise<void>
  private closePromise?: Promise<CloseResult>
  private consumedCount = 0
  private failedCount = 0
  /** Set when `proxy` is given: every call below delegates to the gRPC transport (src/grpc). */
  private readonly proxy?: ProxyPushConsumer
  /** Set when `ordering` is 'queue' or 'key': the ordered consumption policy (consumer/orderly). */
  private readonly ordered?: OrderedConsumption

  /** `nameServer` selects the remoting transport; `proxy` the 5.x proxy's gRPC (see ProxyPushConsumerOptions). */
  constructor(options: PushConsumerOptions | ProxyPushConsumerOptions) {
    super()
    if ('proxy' in options && options.proxy !== undefined) {
      this.proxy = new ProxyPushConsumer(options, this)
      this.options = this.proxy.options as unknown as ParsedPushConsumerOptions
      this.core = undefined as never
      return
    }
    this.options = parseOptions(pushConsumerOptionsSchema, options, 'PushConsumer')
    this.core = new ConsumerCore(this.options, 'CONSUME_PASSIVELY', this as EventEmitter<ConsumerEvents>)
    if (this.options.ordering !== 'none') {
      this.ordered = new OrderedConsumption(this.core, this.options, this)
      this.core.sink = this.ordered
      return
    }
    const sink: Sink = {
      deliver: (pq, messages) => this.enqueue(pq, messages),
      drain: (pqs, signal) => this.drain(pqs, signal),
    }
    this.core.sink = sink
  }

  get clientId(): string {
    if (this.proxy) return this.proxy.clientId
    return this.core.client.clientId
  }

  get group(): string {
    return this.options.group
  }

  /** Connects, registers the group and resolves once the first rebalance is done. */
  start(): Promise<void> {
    if (this.proxy) return this.proxy.start()
    if (this.closePromise) return Promise.reject(new RocketMQError('ERR_CLOSED', 'The consumer is closed; create a new one'))
    this.ordered?.start()
    this.startPromise ??= this.core
      .start({
        runningInfo: () => this.runningInfo(),
        consumeMessageDirectly: (m) => this.consumeDirectly(m),
      })
      .catch(async (e: unknown) => {
        this.core.stopReaders()
        await this.core.client.close().catch(() => undefined)
        throw e
      })
    return this.startPromise
  }

  /** The queues this member owns now. */
  assignment(): MessageQueue[] {
    if (this.proxy) return this.proxy.assignment()
    return this.core.assignment()
  }

  /** Trigger a rebalance now and wait for it. */
  async rebalance(): Promise<void> {
    if (this.proxy) return
    await this.core.rebalance()
  }

  // ------------------------------------------------------------------ consumption

  private enqueue(pq: ProcessQueue, messages: MessageView[]): void {
    const size = this.options.batchSize
    for (let i = 0; i < messages.length; i += size) {
      this.pending.push({ pq, messages: size === 1 ? [messages[i]!] : messages.slice(i, i + size) })
    }
    this.pump()
  }

  private pump(): void {
    while (this.running.size < this.options.concurrency && this.pendingHead < this.pending.length) {
      const batch = this.pending[this.pendingHead]!
      this.pending[this.pendingHead++] = undefined as never
      if (this.pendingHead > 1024 && this.pendingHead * 2 > this.pending.length) {
        this.pending.splice(0, this.pendingHead)
        this.pendingHead = 0
      }
      // A revoked queue's unstarted messages stay uncommitted: the next owner reads them again.
      if (batch.pq.dropped) continue
      this.run(batch)
    }
  }

  private run(batch: Batch): void {
    const entry = new Running(batch, batch.pq.mq, this.options.group)
    this.running.add(entry)
    batch.pq.inflight += batch.messages.length
    this.ensureSweep()
    runHandler(this.options, batch.messages, entry, (error) => this.finish(entry, error), () =>
      processContext(batch.messages, this.options.group, this.options.model),
    )
  }

  /** Complete a running batch once: success, failure or timeout (whichever comes first). */
  private finish(entry: Running, error: unknown): void {
    if (entry.done) return
    entry.done = true
    const cleanup = () => {
      this.running.delete(entry)
      entry.batch.pq.inflight -= entry.batch.messages.length
      entry.batch.pq.notify()
      this.notifyDrain()
      this.pump()
    }
    if (error === undefined) {
      this.succeeded(entry.batch)
      cleanup()
      return
    }
    this.failed(entry.batch, error)
      .catch((e: unknown) => this.core.reportError(toRocketMQError(e, 'ERR_BROKER', 'completing a message failed')))
      .finally(cleanup)
  }

  /** One timer checks handler deadlines for all running batches (no timer per message). */
  private ensureSweep(): void {
    if (this.sweepTimer) return
    const timeout = this.options.handlerTimeoutMs
    const every = Math.min(1000, Math.max(10, Math.floor(timeout / 4)))
    this.sweepTimer = setInterval(() => {
      const now = Date.now()
      for (const entry of this.running) {
        if (entry.done || now - entry.startedAt < timeout) continue
        const err = new RocketMQError('ERR_HANDLER_TIMEOUT', `handler did not finish within ${timeout} ms`, {
          context: { topic: entry.queue.topic, broker: entry.queue.brokerName, queueId: entry.queue.queueId, group: entry.group },
        })
        entry.abort(err)
        this.finish(entry, err)
      }
      if (this.running.size === 0 && this.sweepTimer) {
        clearInterval(this.sweepTimer)
        this.sweepTimer = undefined
      }
    }, every)
    this.sweepTimer.unref()
  }

  private succeeded(batch: Batch): void {
    this.consumedCount += batch.messages.length
    const offset = batch.pq.remove(batch.messages)
    this.core.markConsumed(batch.pq, offset)
  }

  private async failed(batch: Batch, error: unknown): Promise<void> {
    this.failedCount += batch.messages.length
    const retry = !this.core.broadcasting
    if (this.listenerCount('handler.error') > 0) this.emit('handler.error', { messages: batch.messages, error, retry, queue: batch.pq.mq })
    if (!retry) {
      // Broadcasting: Java drops a failed message (it is reported above).
      this.core.markConsumed(batch.pq, batch.pq.remove(batch.messages))
      return
    }
    const sentBack: MessageView[] = []
    const local: MessageView[] = []
    for (const m of batch.messages) {
      try {
        await this.sendBack(m)
        sentBack.push(m)
      } catch (e) {
        this.core.logger.warn({ msgId: m.msgId, err: e }, 'send back failed; retrying locally in 5 s')
        local.push(m)
      }
    }
    if (sentBack.length > 0) this.core.markConsumed(batch.pq, batch.pq.remove(sentBack))
    if (local.length > 0) {
      // Keep them cached (the offset cannot pass them) and consume again here after 5 s.
      void delay(5000, batch.pq.signal).then(() => {
        if (batch.pq.dropped) return
        for (const m of local) m.reconsumeTimes++
        this.pending.push({ pq: batch.pq, messages: local })
        this.pump()
      })
    }
  }

  private async sendBack(m: MessageView): Promise<void> {
    const address = await this.core.client.findMasterAddressOrRefresh(m.brokerName, m.topic)
    await consumerSendMessageBack(this.core.client.remoting, address, {
      group: this.options.group,
      commitLogOffset: m.commitLogOffset,
      delayLevel: 0,
      originMsgId: m.msgId,
      originTopic: m.topic,
      maxReconsumeTimes: concurrentMaxReconsumeTimes(this.options.maxReconsumeTimes),
      brokerName: m.brokerName,
    })
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

  /** Wait until no handler runs for these queues (or the signal aborts). */
  private async drain(pqs: readonly ProcessQueue[], signal: AbortSignal): Promise<void> {
    const set = new Set(pqs)
    // Sealed entries (abandoned by close) no longer count: close() must not wait on a rebalance's drain.
    const busy = () => [...this.running].some((r) => !r.sealed && set.has(r.batch.pq))
    while (busy() && !signal.aborted) await this.waitForDrainChange(signal)
  }

  // ------------------------------------------------------------------ console requests

  private runningInfo() {
    const props: Record<string, string> = {
      consumerGroup: this.options.group,
      messageModel: this.core.broadcasting ? 'BROADCASTING' : 'CLUSTERING',
      consumeThreadMax: String(this.options.concurrency),
      consumeMessageBatchMaxSize: String(this.options.batchSize),
      pullBatchSize: String(this.options.pullBatchSize),
      maxReconsumeTimes: String(concurrentMaxReconsumeTimes(this.options.maxReconsumeTimes)),
      PROP_CONSUMEORDERLY: String(this.ordered !== undefined),
      PROP_CONSUME_TYPE: 'CONSUME_PASSIVELY',
      PROP_THREADPOOL_CORE_SIZE: String(this.options.concurrency),
      PROP_NAMESERVER_ADDR: this.options.nameServer.join(';'),
      PROP_CLIENT_VERSION: 'V4_9_4',
      PROP_CLIENT_SDK: 'rocketmq-ts',
      consumedMessages: String(this.consumedCount + (this.ordered?.consumed ?? 0)),
      failedMessages: String(this.failedCount + (this.ordered?.failed ?? 0)),
    }
    return {
      properties: props,
      subscriptionSet: [...this.core.subscriptionTable.values()],
      mqTable: [...this.core.processQueues.values()].map(
        (pq) => [pq.mq, { ...pq.info(this.core.offsetStore.readMemory(pq.mq)), ...this.ordered?.lockInfo(pq.mq) }] as [MessageQueue, Record<string, unknown>],
      ),
    }
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

  // ------------------------------------------------------------------ close

  /**
   * Stop pulling, wait for running handlers up to `timeoutMs` (then abort their signals), commit offsets, unregister.
   * Idempotent: later calls return the same result.
   */
  close(opts: { timeoutMs?: number } = {}): Promise<CloseResult> {
    if (this.proxy) return this.proxy.close(opts)
    this.closePromise ??= (async () => {
      await this.startPromise?.catch(() => undefined)
      const timeoutMs = opts.timeoutMs ?? this.options.closeTimeoutMs
      this.core.stopReaders()
      if (this.ordered) {
        const { drained, abandoned } = await this.ordered.stop(timeoutMs)
        // Commits, then unlocks every queue (Sink.closing), then closes the connections.
        const committed = await this.core.shutdown()
        return { drained, abandoned, committed }
      }
      let drained = 0
      for (const r of this.running) drained += r.batch.messages.length
      const deadline = AbortSignal.timeout(timeoutMs)
      while (this.running.size > 0 && !deadline.aborted) await this.waitForDrainChange(deadline)
      let abandoned = 0
      for (const r of this.running) {
        abandoned += r.batch.messages.length
        // Sealed: a late resolution must not mark it consumed; its offset stays uncommitted, so it is redelivered.
        r.done = true
        r.sealed = true
        r.abort(new RocketMQError('ERR_CLOSED', 'consumer closed before the handler finished'))
      }
      if (this.sweepTimer) clearInterval(this.sweepTimer)
      this.notifyDrain()
      drained -= abandoned
      const committed = await this.core.shutdown()
      return { drained, abandoned, committed }
    })()
    return this.closePromise
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close()
  }
}
