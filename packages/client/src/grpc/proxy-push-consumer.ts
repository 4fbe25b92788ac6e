/**
 * PushConsumer over the 5.x proxy (gRPC, POP), on rocketmq-client-nodejs's SimpleConsumer: this class owns what that
 * client leaves open (bounded handler concurrency, flow control, invisibility renewal, retry delays, drain on close,
 * silent logging, typed errors). Receive -> handler -> ack; a throw -> the message is hidden for the retry delay and
 * delivered again by the broker. No queue ownership, no offsets, no broadcasting: the broker hands messages out.
 */
import type { EventEmitter } from 'node:events'
import { parseOptions } from '../config/common.js'
import { proxyPushConsumerOptionsSchema, type ProxyOptionsInput, type ProxyPushConsumerParsedOptions } from '../config/consumer.js'
import { RocketMQError } from '../errors.js'
import { childLogger, silentLogger, type Logger } from '../logger.js'
import type { MessageQueue } from '../protocol/route.js'
import type { CloseResult, PushConsumerEvents, PushConsumerOptions } from '../consumer/push-consumer.js'
import { HandlerCall, runHandler } from '../consumer/handler.js'
import { delay, withTimeout } from '../util/async.js'
import { processContext } from '../observability/channels.js'
import { ProxyMessageView } from './message.js'
import { FILTER_TYPE_SQL, grpcLogger, isInvalidReceiptHandle, loadGrpcClient, toGrpcError, type SimpleConsumer } from './transport.js'

/**
 * `new PushConsumer({ proxy: { endpoints }, group, subscriptions, handler })`: the push options with `proxy` instead of
 * `nameServer`. Options only the remoting transport has (model 'broadcasting', onAssign/onRevoke, allocation,
 * consumeFrom other than 'last', offsets, slave reads, flow control per queue...) type-check so one options object can
 * serve both transports, and are refused at construction with ERR_INVALID_OPTION naming the field.
 */
export type ProxyPushConsumerOptions = Omit<PushConsumerOptions, 'nameServer'> & {
  proxy: ProxyOptionsInput
  nameServer?: undefined
}

/** Start gives up after this long (the gRPC client waits for the proxy's settings without a deadline). */
const START_TIMEOUT_MS = 30_000
/** After a failed receive, wait this long before the next one. */
const RECEIVE_ERROR_DELAY_MS = 1000
const ACK_ATTEMPTS = 3
/** close() waits at most this long for the client's own shutdown (it notifies the proxy). */
const SHUTDOWN_TIMEOUT_MS = 5000

/** One received message while this member holds it (cached, running, or being acked). */
interface Held {
  view: ProxyMessageView
  /** When its invisibility ends unless renewed. */
  hiddenUntil: number
  /** Serializes renew / ack / retry on the message's receipt handle (each renewal replaces the handle). */
  op: Promise<void>
  done: boolean
}

/** Messages being handled; also the handler's context. */
class Running extends HandlerCall {
  constructor(
    readonly held: Held[],
    queue: MessageQueue,
    group: string,
  ) {
    super(queue, group)
  }
}

export class ProxyPushConsumer {
  readonly options: ProxyPushConsumerParsedOptions
  private readonly logger: Logger
  private consumer?: SimpleConsumer
  private running = false
  private startPromise?: Promise<void>
  private closePromise?: Promise<CloseResult>
  /** Received and not yet settled (acked or handed back). */
  private readonly held = new Set<Held>()
  /** Receive calls in flight count against the cache limit with the batch size they asked for. */
  private reserved = 0
  private readonly pending: Held[][] = []
  private readonly inflight = new Set<Running>()
  private readonly settling = new Set<Promise<void>>()
  private waiters: Array<() => void> = []
  private sweepTimer?: NodeJS.Timeout
  private readonly stopController = new AbortController()
  private readonly limit: number

  constructor(
    input: unknown,
    private readonly events: EventEmitter<PushConsumerEvents>,
  ) {
    this.options = parseOptions(proxyPushConsumerOptionsSchema, input, 'PushConsumer')
    this.logger = childLogger(this.options.logger ?? silentLogger, { group: this.options.group, transport: 'proxy' })
    this.limit = this.options.concurrency * this.options.batchSize + this.options.pullBatchSize
  }

  /** The gRPC client's id (known after start). */
  get clientId(): string {
    return this.consumer?.clientId ?? ''
  }

  start(): Promise<void> {
    if (this.closePromise) return Promise.reject(new RocketMQError('ERR_CLOSED', 'The consumer is closed; create a new one'))
    this.startPromise ??= this.doStart()
    return this.startPromise
  }

  private async doStart(): Promise<void> {
    const { SimpleConsumer, FilterExpression } = await loadGrpcClient()
    const o = this.options
    const subscriptions = new Map<string, InstanceType<typeof FilterExpression> | string>()
    for (const [topic, expr] of Object.entries(o.subscriptions)) {
      subscriptions.set(topic, typeof expr === 'string' ? expr : new FilterExpression(expr.sql, FILTER_TYPE_SQL as never))
    }
    const consumer = new SimpleConsumer({
      endpoints: o.proxy.endpoints,
      sslEnabled: o.proxy.sslEnabled || (o.tls !== undefined && o.tls !== false),
      namespace: o.namespace ?? o.proxy.namespace,
      ...(o.proxy.credentials
        ? { sessionCredentials: o.proxy.credentials }
        : o.credentials
          ? { sessionCredentials: { accessKey: o.credentials.accessKey, accessSecret: o.credentials.secretKey, ...(o.credentials.securityToken ? { securityToken: o.credentials.securityToken } : {}) } }
          : {}),
      requestTimeout: Math.max(1000, o.requestTimeoutMs),
      logger: grpcLogger(this.logger),
      consumerGroup: o.group,
      subscriptions,
      awaitDuration: o.brokerSuspendMs,
    })
    this.consumer = consumer
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new RocketMQError('ERR_TIMEOUT', `the proxy at ${o.proxy.endpoints} did not accept the consumer within ${START_TIMEOUT_MS} ms`, { retriable: true })),
        START_TIMEOUT_MS,
      )
    })
    try {
      await Promise.race([consumer.startup(), timeout])
    } catch (e) {
      await this.shutdownClient()
      throw toGrpcError(e, `starting the proxy consumer at ${o.proxy.endpoints} failed`, { group: o.group })
    } finally {
      clearTimeout(timer)
    }
    if (this.closePromise) return
    this.running = true
    this.sweepTimer = setInterval(() => this.sweep(), 1000)
    this.sweepTimer.unref()
    for (let i = 0; i < o.proxy.receivers; i++) {
      void this.receiveLoop(consumer).catch((e: unknown) => this.reportError(toGrpcError(e, 'receive loop stopped')))
    }
    this.logger.info({ clientId: consumer.clientId, endpoints: o.proxy.endpoints }, 'proxy consumer started')
  }

  /** The proxy hands out messages, not queues: a proxy consumer owns no queue. Always []. */
  assignment(): MessageQueue[] {
    return []
  }

  // ------------------------------------------------------------------ receive

  private async receiveLoop(consumer: SimpleConsumer): Promise<void> {
    const invisible = this.options.proxy.invisibleDurationMs
    while (this.running) {
      // Always a full batch: smaller asks were seen to come back empty after a whole long poll despite a backlog.
      const want = this.options.pullBatchSize
      if (this.limit - this.held.size - this.reserved < want) {
        await this.waitForChange()
        continue
      }
      this.reserved += want
      let views
      const sentAt = Date.now()
      try {
        views = await consumer.receive(want, invisible)
        this.logger.debug({ asked: want, received: views.length, durationMs: Date.now() - sentAt }, 'receive')
      } catch (e) {
        if (!this.running) return
        this.reportError(toGrpcError(e, 'receive from the proxy failed', { group: this.options.group }))
        await delay(RECEIVE_ERROR_DELAY_MS, this.stopController.signal)
        continue
      } finally {
        this.reserved -= want
      }
      // Received after close began: not handled here; the proxy delivers them again after their invisible time.
      if (!this.running || views.length === 0) continue
      const now = Date.now()
      const batch: Held[] = []
      for (const v of views) {
        const h: Held = { view: new ProxyMessageView(v), hiddenUntil: now + invisible, op: Promise.resolve(), done: false }
        this.held.add(h)
        batch.push(h)
        if (batch.length === this.options.batchSize) this.pending.push(batch.splice(0))
      }
      if (batch.length > 0) this.pending.push(batch)
      this.pump()
    }
  }

  private pump(): void {
    while (this.running && this.inflight.size < this.options.concurrency && this.pending.length > 0) {
      this.run(this.pending.shift()!)
    }
  }

  private run(held: Held[]): void {
    const topic = held[0]!.view.topic
    const entry = new Running(held, { topic, brokerName: '', queueId: -1 }, this.options.group)
    this.inflight.add(entry)
    const messages = held.map((h) => h.view)
    runHandler(this.options, messages, entry, (error) => this.finish(entry, error), () => processContext(messages, this.options.group, 'clustering'))
  }

  private finish(entry: Running, error: unknown): void {
    if (entry.done) return
    entry.done = true
    this.inflight.delete(entry)
    if (error !== undefined && this.events.listenerCount('handler.error') > 0) {
      this.events.emit('handler.error', { messages: entry.held.map((h) => h.view), error, retry: true, queue: entry.queue })
    }
    for (const h of entry.held) {
      const p = error === undefined ? this.ack(h) : this.retryLater(h)
      this.settling.add(p)
      void p.finally(() => this.settling.delete(p))
    }
    this.notify()
    this.pump()
  }

  /** Ack (a few attempts); an unacked message comes back after its invisible time, as at-least-once allows. */
  private ack(h: Held): Promise<void> {
    h.done = true
    const p = h.op.then(async () => {
      const consumer = this.consumer!
      for (let attempt = 1; ; attempt++) {
        try {
          await consumer.ack(h.view._grpc)
          return
        } catch (e) {
          if (isInvalidReceiptHandle(e) || attempt >= ACK_ATTEMPTS) {
            this.reportError(toGrpcError(e, `ack of ${h.view.msgId} failed; the proxy will deliver it again`, { topic: h.view.topic, group: this.options.group }))
            return
          }
          await delay(RECEIVE_ERROR_DELAY_MS * attempt)
        }
      }
    })
    return this.release(h, p)
  }

  /** Hide the message for the retry delay of its attempt; the broker then delivers it again (reconsumeTimes + 1). */
  private retryLater(h: Held): Promise<void> {
    h.done = true
    const delays = this.options.proxy.retryDelaysMs
    const delayMs = delays[Math.min(h.view.reconsumeTimes, delays.length - 1)]!
    const p = h.op.then(async () => {
      try {
        await this.consumer!.changeInvisibleDuration(h.view._grpc, delayMs)
      } catch (e) {
        this.reportError(toGrpcError(e, `handing ${h.view.msgId} back for a retry failed; it comes back after its invisible time`, { topic: h.view.topic, group: this.options.group }))
      }
    })
    return this.release(h, p)
  }

  private release(h: Held, p: Promise<void>): Promise<void> {
    h.op = p
    return p.finally(() => {
      this.held.delete(h)
      this.notify()
    })
  }

  /** Once a second: renew messages held past half their invisible time, time out handlers past handlerTimeoutMs. */
  private sweep(): void {
    const now = Date.now()
    const invisible = this.options.proxy.invisibleDurationMs
    for (const h of this.held) {
      if (h.done || h.hiddenUntil - now > invisible / 2) continue
      h.hiddenUntil = now + invisible
      h.op = h.op.then(async () => {
        if (h.done) return
        try {
          await this.consumer!.changeInvisibleDuration(h.view._grpc, invisible)
        } catch (e) {
          this.reportError(toGrpcError(e, `renewing the invisible time of ${h.view.msgId} failed`, { topic: h.view.topic, group: this.options.group }))
        }
      })
    }
    const timeout = this.options.handlerTimeoutMs
    for (const entry of this.inflight) {
      if (entry.done || now - entry.startedAt < timeout) continue
      const err = new RocketMQError('ERR_HANDLER_TIMEOUT', `handler did not finish within ${timeout} ms`, {
        context: { topic: entry.queue.topic, group: entry.group },
      })
      entry.abort(err)
      this.finish(entry, err)
    }
  }

  // ------------------------------------------------------------------ close

  /**
   * Stop receiving, wait for running handlers up to `timeoutMs` (then abort their signals; those messages come back
   * after their invisible time), settle acks, shut the gRPC client down. `committed` is always [] (no offsets).
   */
  close(opts: { timeoutMs?: number } = {}): Promise<CloseResult> {
    this.closePromise ??= (async () => {
      await this.startPromise?.catch(() => undefined)
      const deadline = AbortSignal.timeout(opts.timeoutMs ?? this.options.closeTimeoutMs)
      this.running = false
      this.stopController.abort()
      // Cached messages that never started: stop renewing them; the proxy delivers them again after their invisible time.
      for (const batch of this.pending.splice(0)) {
        for (const h of batch) {
          h.done = true
          this.held.delete(h)
        }
      }
      let drained = 0
      for (const r of this.inflight) drained += r.held.length
      this.notify()
      while (this.inflight.size > 0 && !deadline.aborted) await this.waitForChange(deadline)
      let abandoned = 0
      for (const r of this.inflight) {
        abandoned += r.held.length
        r.done = true
        r.sealed = true
        r.abort(new RocketMQError('ERR_CLOSED', 'consumer closed before the handler finished'))
        for (const h of r.held) {
          h.done = true
          this.held.delete(h)
        }
      }
      this.inflight.clear()
      drained -= abandoned
      if (this.sweepTimer) clearInterval(this.sweepTimer)
      // Acks of finished handlers: worth a short wait even past the deadline (an ack saves a redelivery).
      if (this.settling.size > 0) await withTimeout(Promise.allSettled([...this.settling]), Math.max(1000, this.options.requestTimeoutMs))
      await this.shutdownClient()
      return { drained, abandoned, committed: [] }
    })()
    return this.closePromise
  }

  private async shutdownClient(): Promise<void> {
    const consumer = this.consumer
    if (!consumer) return
    try {
      await withTimeout(consumer.shutdown(), SHUTDOWN_TIMEOUT_MS)
    } catch (e) {
      this.logger.warn({ err: e }, 'gRPC client shutdown failed')
    }
  }

  // ------------------------------------------------------------------ helpers

  private reportError(err: RocketMQError): void {
    this.logger.error({ err }, err.message)
    if (this.events.listenerCount('error') > 0) this.events.emit('error', err)
  }

  private notify(): void {
    const w = this.waiters
    this.waiters = []
    for (const f of w) f()
  }

  /** Resolves at the next change (a message settled, a handler finished, close) or when the signal aborts. */
  private waitForChange(signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal?.aborted) return resolve()
      const done = () => {
        signal?.removeEventListener('abort', done)
        resolve()
      }
      signal?.addEventListener('abort', done, { once: true })
      this.waiters.push(done)
    })
  }
}

