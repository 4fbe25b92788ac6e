import { EventEmitter } from 'node:events'
import { parseOptions } from '../config/common.js'
import { pushConsumerOptionsSchema, type PushConsumerOptions as ParsedPushConsumerOptions, type PushConsumerOptionsInput } from '../config/consumer.js'
import { RocketMQError } from '../errors.js'
import type { ClientDeps } from '../cluster/port.js'
import type { MessageQueue } from '../protocol/route.js'
import { ProxyPushConsumer, type ProxyPushConsumerOptions } from '../grpc/proxy-push-consumer.js'
import { Member } from './member.js'
import { PushPolicy, type PushEvents } from './push-policy.js'
import { OrderedPolicy, type OrderedEvents } from './orderly/ordered-policy.js'
import type { HandlerPolicy } from './policy.js'
import type { ConsumerEvents, TypedConsumerCallbacks } from './types.js'
import type { BatchHandler, MessageContext, MessageHandler } from './handler.js'
import type { MessageView } from '../protocol/message.js'
import { unwrapQueue, unwrapView, wrapNamespace } from '../protocol/namespace.js'
import { timeoutSignal } from '../util/async.js'

export type { MessageContext, MessageHandler, BatchHandler } from './handler.js'

/** Options of `new PushConsumer(...)`: see config/consumer.ts for every field, its default and its check. */
export type PushConsumerOptions = Omit<PushConsumerOptionsInput, 'handler' | 'batchHandler' | keyof TypedConsumerCallbacks> &
  TypedConsumerCallbacks & {
    /** Resolve = consumed; throw = retried later (clustering) or reported and skipped (broadcasting). */
    handler?: MessageHandler
    /** Receives up to `batchSize` messages of one queue at a time. */
    batchHandler?: BatchHandler
  }

/** Events of the push consumer (typed; emitted only when someone listens). */
export type PushConsumerEvents = OrderedEvents

export interface CloseResult {
  /** Messages whose handlers finished during close. */
  drained: number
  /** Messages still running at the deadline: their signals were aborted; they will be delivered again. */
  abandoned: number
  /** Offsets committed by close. */
  committed: Array<{ queue: MessageQueue; offset: number }>
}

/**
 * A push consumer (Java DefaultMQPushConsumer): long-polling pulls per owned queue feed a bounded pool of handlers.
 * Resolve = consumed; throw = retried later through the broker (clustering) or reported and skipped (broadcasting).
 */
export class PushConsumer extends EventEmitter<PushConsumerEvents> {
  readonly options: ParsedPushConsumerOptions
  private readonly member: Member
  private readonly policy: HandlerPolicy
  private startPromise?: Promise<void>
  private closePromise?: Promise<CloseResult>
  /** Set when `proxy` is given: every call below delegates to the gRPC transport (src/grpc). */
  private readonly proxy?: ProxyPushConsumer

  /** `nameServer` selects the remoting transport; `proxy` the 5.x proxy's gRPC (see ProxyPushConsumerOptions). */
  constructor(options: PushConsumerOptions | ProxyPushConsumerOptions, deps: ClientDeps = {}) {
    super()
    if (options !== null && typeof options === 'object' && 'proxy' in options && options.proxy !== undefined) {
      this.proxy = new ProxyPushConsumer(options, this)
      this.options = this.proxy.options as unknown as ParsedPushConsumerOptions
      this.member = undefined as never
      this.policy = undefined as never
      return
    }
    this.options = parseOptions(pushConsumerOptionsSchema, options, 'PushConsumer')
    // The namespace edge: the member sees wrapped group and topics; handlers get plain names back.
    const parsed = namespacedPushOptions(this.options)
    let policy: HandlerPolicy | undefined
    this.member = new Member({
      options: parsed,
      events: this as EventEmitter<ConsumerEvents>,
      cluster: deps.cluster,
      // `ordering: 'queue' | 'key'`: the ordered policy (broker queue locks, consumer/orderly) instead of concurrent handlers.
      policy: (host) => (policy = parsed.ordering === 'none' ? new PushPolicy(host, parsed, this as unknown as EventEmitter<PushEvents>) : new OrderedPolicy(host, parsed, this)),
    })
    this.policy = policy!
  }

  get clientId(): string {
    if (this.proxy) return this.proxy.clientId
    return this.member.cluster.clientId
  }

  get group(): string {
    return this.options.group
  }

  /** Connects, registers the group and resolves once the first rebalance is done. */
  start(): Promise<void> {
    if (this.proxy) return this.proxy.start()
    if (this.closePromise) return Promise.reject(new RocketMQError('ERR_CLOSED', 'The consumer is closed; create a new one'))
    this.startPromise ??= (async () => {
      await this.member.start()
      this.member.every(this.options.persistOffsetIntervalMs, () => this.member.persistOffsets(true))
    })().catch(async (e: unknown) => {
      await this.member.abort()
      throw e
    })
    return this.startPromise
  }

  /** The queues this member owns now. */
  assignment(): MessageQueue[] {
    if (this.proxy) return this.proxy.assignment()
    return this.member.assignment()
  }

  /** Trigger a rebalance now and wait for it. */
  async rebalance(): Promise<void> {
    if (this.proxy) return
    await this.member.rebalancer.rebalance()
  }

  /**
   * Stop pulling, wait for running handlers up to `timeoutMs` (then abort their signals), commit offsets, unregister.
   * Idempotent: later calls return the same result.
   */
  close(opts: { timeoutMs?: number } = {}): Promise<CloseResult> {
    if (this.proxy) return this.proxy.close(opts)
    this.closePromise ??= (async () => {
      await this.startPromise?.catch(() => undefined)
      this.member.stop()
      const { drained, abandoned } = await this.policy.close(timeoutSignal(opts.timeoutMs ?? this.options.closeTimeoutMs))
      const committed = await this.member.shutdown()
      return { drained, abandoned, committed }
    })()
    return this.closePromise
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close()
  }
}

/** Options as the member sees them under a namespace: wrapped group and topics, handlers that get unwrapped messages. */
function namespacedPushOptions(o: ParsedPushConsumerOptions): ParsedPushConsumerOptions {
  const ns = o.namespace
  if (!ns) return o
  const group = o.group
  const context = (c: MessageContext): MessageContext => ({
    get signal() {
      return c.signal
    },
    queue: unwrapQueue(ns, c.queue),
    group,
  })
  const handler = o.handler as MessageHandler | undefined
  const batchHandler = o.batchHandler as BatchHandler | undefined
  return {
    ...o,
    group: wrapNamespace(ns, o.group),
    subscriptions: Object.fromEntries(Object.entries(o.subscriptions).map(([t, e]) => [wrapNamespace(ns, t), e])),
    ...(handler === undefined ? {} : { handler: (m: MessageView, c: MessageContext) => handler(unwrapView(ns, m), context(c)) }),
    ...(batchHandler === undefined ? {} : { batchHandler: (ms: MessageView[], c: MessageContext) => batchHandler(ms.map((m) => unwrapView(ns, m)), context(c)) }),
  } as ParsedPushConsumerOptions
}
