/**
 * The proxy push engine: PushConsumer over the 5.x proxy (gRPC, POP), on rocketmq-client-nodejs's SimpleConsumer. It
 * owns what that client leaves open (flow control, invisibility renewal, retry delays, silent logging, typed errors);
 * handlers run on the shared HandlerPool (bounded concurrency, deadlines, drain, bounded close). Receive -> handler -> ack; a throw -> the message is hidden for the retry delay and
 * delivered again by the broker. No queue ownership, no offsets, no broadcasting: the broker hands messages out.
 */
import type { EventEmitter } from 'node:events'
import {
  HandlerPool,
  Notifier,
  RocketMQError,
  childLogger,
  delay,
  parseOptions,
  proxyPushConsumerOptionsSchema,
  silentLogger,
  warnUnheard,
  timeoutSignal,
  withTimeout,
  type CloseResult,
  type ConsumerMetrics,
  type Logger,
  type MessageQueue,
  type PoolJob,
  type ProxyPushConsumerParsedOptions,
  type PushEngine,
  type PushEvents,
} from '@rocketmq-ts/client/internal'
import { ProxyMessageView } from './message.js'
import { FILTER_TYPE_SQL, grpcLogger, isInvalidReceiptHandle, loadGrpcClient, toGrpcError, type SimpleConsumer } from './transport.js'

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

/** A batch of received messages for the handler pool. */
interface ProxyJob extends PoolJob {
  readonly held: Held[]
}

export class ProxyPushEngine implements PushEngine {
  readonly options: ProxyPushConsumerParsedOptions
  private readonly logger: Logger
  /** Error codes already shown as a process warning (no listener, no logger). */
  private readonly warned = new Set<string>()
  private consumer?: SimpleConsumer
  private running = false
  private startPromise?: Promise<void>
  private closePromise?: Promise<CloseResult>
  /** Received and not yet settled (acked or handed back). */
  private readonly held = new Set<Held>()
  /** Receive calls in flight count against the cache limit with the batch size they asked for. */
  private reserved = 0
  private readonly pool: HandlerPool<ProxyJob>
  private readonly settling = new Set<Promise<void>>()
  private readonly changes = new Notifier()
  private sweepTimer?: NodeJS.Timeout
  private readonly stopController = new AbortController()
  private readonly limit: number

  constructor(
    input: unknown,
    private readonly events: EventEmitter<PushEvents>,
  ) {
    this.options = parseOptions(proxyPushConsumerOptionsSchema, input, 'PushConsumer')
    this.logger = childLogger(this.options.logger ?? silentLogger, { group: this.options.group, transport: 'proxy' })
    this.limit = this.options.concurrency * this.options.batchSize + this.options.pullBatchSize
    this.pool = new HandlerPool<ProxyJob>({
      handlers: this.options,
      group: this.options.group,
      model: 'clustering',
      concurrency: this.options.concurrency,
      handlerTimeoutMs: this.options.handlerTimeoutMs,
      settle: (job, error) => this.finish(job, error),
      report: (err) => this.reportError(err),
    })
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
      namespace: o.proxy.namespace, // always '' (a namespace is refused through the proxy: config/consumer.ts)
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

  metrics(): ConsumerMetrics {
    return { group: this.options.group, queues: [], lag: 0, cachedCount: 0, cachedBytes: 0 }
  }

  /** Nothing to rebalance: the broker hands out messages. */
  async rebalance(): Promise<void> {}

  // ------------------------------------------------------------------ receive

  private async receiveLoop(consumer: SimpleConsumer): Promise<void> {
    const invisible = this.options.proxy.invisibleDurationMs
    while (this.running) {
      // Always a full batch: smaller asks were seen to come back empty after a whole long poll despite a backlog.
      const want = this.options.pullBatchSize
      if (this.limit - this.held.size - this.reserved < want) {
        await this.changes.wait()
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
      const topic = views[0]!.topic
      let batch: Held[] = []
      const submit = () => {
        this.pool.submit({ queue: { topic, brokerName: '', queueId: -1 }, messages: batch.map((h) => h.view), held: batch })
        batch = []
      }
      for (const v of views) {
        const h: Held = { view: new ProxyMessageView(v), hiddenUntil: now + invisible, op: Promise.resolve(), done: false }
        this.held.add(h)
        batch.push(h)
        if (batch.length === this.options.batchSize) submit()
      }
      if (batch.length > 0) submit()
    }
  }

  /** A handler finished: ack, or hand the messages back for a retry (the pool slot frees at once; settling goes on). */
  private finish(job: ProxyJob, error: unknown): void {
    if (error !== undefined && this.events.listenerCount('handler.error') > 0) {
      this.events.emit('handler.error', { messages: job.messages, error, retry: true, queue: job.queue })
    }
    for (const h of job.held) {
      const p = error === undefined ? this.ack(h) : this.retryLater(h)
      this.settling.add(p)
      void p.finally(() => this.settling.delete(p))
    }
    this.changes.notify()
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
      this.changes.notify()
    })
  }

  /** Once a second: renew messages held past half their invisible time (handler deadlines are the pool's). */
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
  }

  // ------------------------------------------------------------------ close

  /**
   * Stop receiving, wait for running handlers up to `timeoutMs` (then abort their signals; those messages come back
   * after their invisible time), settle acks, shut the gRPC client down. `committed` is always [] (no offsets).
   */
  close(opts: { timeoutMs?: number } = {}): Promise<CloseResult> {
    this.closePromise ??= (async () => {
      await this.startPromise?.catch(() => undefined)
      const deadline = timeoutSignal(opts.timeoutMs ?? this.options.closeTimeoutMs)
      this.running = false
      this.stopController.abort()
      // Cached messages that never started: stop renewing them; the proxy delivers them again after their invisible time.
      for (const job of this.pool.clearPending()) {
        for (const h of job.held) {
          h.done = true
          this.held.delete(h)
        }
      }
      this.changes.notify()
      const { drained, abandoned, abandonedJobs } = await this.pool.close(deadline)
      for (const job of abandonedJobs) {
        for (const h of job.held) {
          h.done = true
          this.held.delete(h)
        }
      }
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
    else warnUnheard(err, this.logger, this.warned, `RocketMQ proxy consumer ${this.options.group}`)
  }
}

