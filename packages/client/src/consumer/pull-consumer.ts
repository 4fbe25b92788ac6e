import { EventEmitter } from 'node:events'
import { parseOptions } from '../config/common.js'
import { pullConsumerOptionsSchema, type PullConsumerOptions as ParsedPullConsumerOptions, type PullConsumerOptionsInput } from '../config/consumer.js'
import { RocketMQError } from '../errors.js'
import { getMaxOffset, getMinOffset, searchOffsetByTimestamp } from '../cluster/broker-api.js'
import type { MessageView } from '../protocol/message.js'
import { mqKey, type MessageQueue } from '../protocol/route.js'
import { buildSubscriptionData } from '../protocol/tag.js'
import { ConsumerCore, type ConsumerEvents, type TypedConsumerCallbacks } from './core.js'
import type { ProcessQueue } from './process-queue.js'

/** Options of `new PullConsumer(...)`: see config/consumer.ts for every field, its default and its check. */
export type PullConsumerOptions = Omit<PullConsumerOptionsInput, keyof TypedConsumerCallbacks> & TypedConsumerCallbacks

export interface PollOptions {
  /** At most this many messages (default pullBatchSize). */
  max?: number
  /** Wait this long for the first message (default pollTimeoutMs); 0 returns at once. */
  timeoutMs?: number
  signal?: AbortSignal
}

/**
 * A pull consumer (Java DefaultLitePullConsumer): the application owns the loop. Subscribe mode shares the group's
 * queues by rebalance (same strategies and hooks as the push consumer); assign mode reads exactly the queues given.
 * Readers pull ahead in the background up to the cache limits; `poll()` hands out what they fetched.
 */
export class PullConsumer extends EventEmitter<ConsumerEvents> {
  readonly options: ParsedPullConsumerOptions
  private readonly core: ConsumerCore
  /** Position after the last message handed out, per queue (what commit() stores). */
  private readonly polled = new Map<string, { mq: MessageQueue; offset: number }>()
  private readonly pausedKeys = new Set<string>()
  private waiters: Array<() => void> = []
  private rotation = 0
  private state: 'new' | 'starting' | 'started' | 'closed' = 'new'
  private startPromise?: Promise<void>
  private closePromise?: Promise<Array<{ queue: MessageQueue; offset: number }>>

  constructor(options: PullConsumerOptions) {
    super()
    this.options = parseOptions(pullConsumerOptionsSchema, options, 'PullConsumer')
    this.core = new ConsumerCore(this.options, 'CONSUME_ACTIVELY', this as EventEmitter<ConsumerEvents>)
    this.core.sink = {
      deliver: () => this.wake(),
      drain: async () => {},
    }
    this.core.canPull = () => this.cachedTotal() < this.options.maxCachedMessages
    this.core.commitConsumedOnRelease = this.options.autoCommit
    this.core.markConsumed = (pq, offset) => {
      if (offset < 0 || pq.dropped) return
      const cur = this.polled.get(pq.key)
      if (!cur || offset > cur.offset) this.polled.set(pq.key, { mq: pq.mq, offset })
      if (this.options.autoCommit) this.core.offsetStore.update(pq.mq, offset, true)
    }
  }

  get clientId(): string {
    return this.core.client.clientId
  }

  /** Starts readers: subscribe mode rebalances at once; assign mode starts the queues given to `assign()`. */
  start(): Promise<void> {
    if (this.state === 'closed') return Promise.reject(new RocketMQError('ERR_CLOSED', 'The consumer is closed; create a new one'))
    this.startPromise ??= (async () => {
      this.state = 'starting'
      const manual = this.core.manualAssignment
      await this.core.start({}, { autoPersist: false })
      if (this.options.autoCommit) this.core.client.every(this.options.autoCommitIntervalMs, () => this.commit())
      if (manual) await this.applyManual(manual)
      this.state = 'started'
    })().catch(async (e: unknown) => {
      this.core.stopReaders()
      await this.core.client.close().catch(() => undefined)
      this.state = 'closed'
      throw e
    })
    return this.startPromise
  }

  /** Assign mode: read exactly these queues (no group rebalance). Replaces the previous assignment. */
  async assign(queues: readonly MessageQueue[]): Promise<void> {
    if (this.options.subscriptions && Object.keys(this.options.subscriptions).length > 0) {
      throw new RocketMQError('ERR_INVALID_OPTION', 'assign() is for consumers without subscriptions; this one subscribes (subscribe mode)')
    }
    const mqs = queues.map((q) => ({ topic: q.topic, brokerName: q.brokerName, queueId: q.queueId }))
    this.core.manualAssignment = mqs
    if (this.state === 'started' || this.state === 'starting') await this.applyManual(mqs)
  }

  private async applyManual(mqs: MessageQueue[]): Promise<void> {
    for (const mq of mqs) {
      if (!this.core.subscriptionTable.has(mq.topic)) this.core.subscriptionTable.set(mq.topic, buildSubscriptionData(mq.topic, '*', Date.now()))
      await this.core.client.getRoute(mq.topic)
    }
    await this.core.client.sendHeartbeatToAllBrokers()
    await this.core.applyAssignment(mqs)
  }

  assignment(): MessageQueue[] {
    return this.core.assignment()
  }

  // ------------------------------------------------------------------ polling

  private cachedTotal(): number {
    let n = 0
    for (const pq of this.core.processQueues.values()) n += pq.count
    return n
  }

  private wake(): void {
    const w = this.waiters
    this.waiters = []
    for (const f of w) f()
  }

  private assertStarted(): void {
    if (this.state === 'closed') throw new RocketMQError('ERR_CLOSED', 'The consumer is closed')
    if (this.state !== 'started') throw new RocketMQError('ERR_NOT_STARTED', 'Call and await start() before poll()')
  }

  /** Hand out up to `max` cached messages, rotating over the queues; marks them consumed. */
  private take(max: number): MessageView[] {
    const out: MessageView[] = []
    const pqs = [...this.core.processQueues.values()]
    if (pqs.length === 0) return out
    this.rotation = (this.rotation + 1) % pqs.length
    for (let i = 0; i < pqs.length && out.length < max; i++) {
      const pq = pqs[(this.rotation + i) % pqs.length]!
      if (pq.dropped || pq.paused || pq.count === 0) continue
      const taken: MessageView[] = []
      for (const m of pq.messages()) {
        taken.push(m)
        if (out.length + taken.length >= max) break
      }
      this.core.markConsumed(pq, pq.remove(taken))
      out.push(...taken)
    }
    if (out.length > 0) for (const pq of pqs) pq.notify() // readers blocked on the total cache limit
    return out
  }

  /** A batch of messages; waits up to `timeoutMs` for the first one; [] on timeout or abort. */
  async poll(opts: PollOptions = {}): Promise<MessageView[]> {
    this.assertStarted()
    const max = opts.max ?? this.options.pullBatchSize
    const deadline = Date.now() + (opts.timeoutMs ?? this.options.pollTimeoutMs)
    for (;;) {
      const batch = this.take(max)
      if (batch.length > 0) return batch
      const remaining = deadline - Date.now()
      if (remaining <= 0 || opts.signal?.aborted || this.state !== 'started') return []
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(t)
          opts.signal?.removeEventListener('abort', done)
          resolve()
        }
        const t = setTimeout(done, remaining)
        opts.signal?.addEventListener('abort', done, { once: true })
        this.waiters.push(done)
      })
    }
  }

  /** Messages one by one until the signal aborts or the consumer closes. A message is consumed when yielded. */
  async *messages(opts: { signal?: AbortSignal } = {}): AsyncGenerator<MessageView, void, undefined> {
    this.assertStarted()
    while (this.state === 'started' && !opts.signal?.aborted) {
      const [m] = await this.poll({ max: 1, timeoutMs: 60_000, signal: opts.signal })
      if (m) yield m
    }
  }

  /** Batches until the signal aborts or the consumer closes. */
  async *batches(opts: { max?: number; signal?: AbortSignal } = {}): AsyncGenerator<MessageView[], void, undefined> {
    this.assertStarted()
    while (this.state === 'started' && !opts.signal?.aborted) {
      const batch = await this.poll({ max: opts.max, timeoutMs: 60_000, signal: opts.signal })
      if (batch.length > 0) yield batch
    }
  }

  [Symbol.asyncIterator](): AsyncGenerator<MessageView, void, undefined> {
    return this.messages()
  }

  // ------------------------------------------------------------------ offsets

  /**
   * Commit offsets to the broker (or the local file in broadcasting). Without an argument, the positions after the
   * messages handed out so far; with one, exactly those offsets.
   */
  async commit(offsets?: ReadonlyArray<{ queue: MessageQueue; offset: number }>): Promise<Array<{ queue: MessageQueue; offset: number }>> {
    if (offsets) {
      for (const { queue, offset } of offsets) {
        const mq = { topic: queue.topic, brokerName: queue.brokerName, queueId: queue.queueId }
        this.polled.set(mqKey(mq), { mq, offset })
        this.core.offsetStore.update(mq, offset, false)
      }
      const done = await this.core.offsetStore.persistAll(offsets.map((o) => o.queue))
      if (done.length > 0 && this.listenerCount('commit') > 0) this.emit('commit', { offsets: done })
      return done
    }
    for (const { mq, offset } of this.polled.values()) this.core.offsetStore.update(mq, offset, false)
    return this.core.persistOffsets(false)
  }

  /** The offset stored for the group (broker or local file), or -1 if none. */
  async committed(queue: MessageQueue): Promise<number> {
    return this.core.offsetStore.fetch({ topic: queue.topic, brokerName: queue.brokerName, queueId: queue.queueId })
  }

  private owned(queue: MessageQueue): ProcessQueue {
    this.assertStarted()
    const pq = this.core.processQueues.get(mqKey(queue))
    if (!pq) {
      throw new RocketMQError('ERR_NOT_ASSIGNED', `Queue ${mqKey(queue)} is not assigned to this consumer; see assignment()`, {
        context: { topic: queue.topic, broker: queue.brokerName, queueId: queue.queueId },
      })
    }
    return pq
  }

  private async master(queue: MessageQueue): Promise<string> {
    return this.core.client.findMasterAddressOrRefresh(queue.brokerName, queue.topic)
  }

  /** Continue reading the queue at `offset` (within [min, max] of the queue). */
  async seek(queue: MessageQueue, offset: number): Promise<void> {
    const pq = this.owned(queue)
    const addr = await this.master(queue)
    const [min, max] = await Promise.all([getMinOffset(this.core.client.remoting, addr, pq.mq), getMaxOffset(this.core.client.remoting, addr, pq.mq)])
    if (!Number.isInteger(offset) || offset < min || offset > max) {
      throw new RocketMQError('ERR_OFFSET_OUT_OF_RANGE', `Offset ${offset} is outside queue ${pq.key}'s range [${min}, ${max}]`, {
        context: { topic: queue.topic, broker: queue.brokerName, queueId: queue.queueId, min, max, offset },
      })
    }
    this.restart(pq, offset)
  }

  private restart(pq: ProcessQueue, offset: number): void {
    const fresh = this.core.restartQueue(pq.mq, offset)
    fresh.paused = this.pausedKeys.has(pq.key)
    this.polled.set(pq.key, { mq: pq.mq, offset })
  }

  async seekToBeginning(queue: MessageQueue): Promise<void> {
    const pq = this.owned(queue)
    this.restart(pq, await getMinOffset(this.core.client.remoting, await this.master(queue), pq.mq))
  }

  async seekToEnd(queue: MessageQueue): Promise<void> {
    const pq = this.owned(queue)
    this.restart(pq, await getMaxOffset(this.core.client.remoting, await this.master(queue), pq.mq))
  }

  /** The first offset whose message was stored at or after `timestamp` (ms or Date). */
  async offsetForTimestamp(queue: MessageQueue, timestamp: number | Date): Promise<number> {
    const mq = { topic: queue.topic, brokerName: queue.brokerName, queueId: queue.queueId }
    const ts = timestamp instanceof Date ? timestamp.getTime() : timestamp
    return searchOffsetByTimestamp(this.core.client.remoting, await this.master(mq), mq, ts)
  }

  /** Stop fetching and handing out these queues until resume(); other queues go on. */
  pause(queues: readonly MessageQueue[]): void {
    for (const q of queues) {
      const key = mqKey(q)
      this.pausedKeys.add(key)
      const pq = this.core.processQueues.get(key)
      if (pq) pq.paused = true
    }
  }

  resume(queues: readonly MessageQueue[]): void {
    for (const q of queues) {
      const key = mqKey(q)
      this.pausedKeys.delete(key)
      const pq = this.core.processQueues.get(key)
      if (pq) {
        pq.paused = false
        pq.notify()
      }
    }
    this.wake()
  }

  paused(): MessageQueue[] {
    return [...this.core.processQueues.values()].filter((pq) => pq.paused).map((pq) => pq.mq)
  }

  /** Commit, unregister, close. Idempotent. Returns the offsets committed. */
  close(): Promise<Array<{ queue: MessageQueue; offset: number }>> {
    this.closePromise ??= (async () => {
      await this.startPromise?.catch(() => undefined)
      if (this.state === 'closed') return []
      this.state = 'closed'
      this.wake()
      // With auto-commit, close commits what was handed out; without it, only what commit() stored is kept.
      if (this.options.autoCommit) for (const { mq, offset } of this.polled.values()) this.core.offsetStore.update(mq, offset, false)
      this.core.stopReaders()
      return this.core.shutdown()
    })()
    return this.closePromise
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close()
  }
}
