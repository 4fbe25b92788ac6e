/**
 * The remoting push engine: a group member (member.ts) with the concurrent push policy (push-policy.ts) or an ordered
 * one (orderly/ordered-policy.ts, `ordering` option). It owns
 * queues, long-polls them, commits offsets and answers the console's requests.
 */
import type { ConsumerMetrics } from './metrics.js'
import type { EventEmitter } from 'node:events'
import { parseOptions } from '../config/common.js'
import { pushConsumerOptionsSchema, type PushConsumerOptions } from '../config/consumer.js'
import { RocketMQError } from '../errors.js'
import type { ClientDeps } from '../cluster/port.js'
import type { MessageQueue } from '../protocol/route.js'
import { timeoutSignal } from '../util/async.js'
import { Member } from './member.js'
import type { HandlerPolicy } from './policy.js'
import type { CloseResult, PushEngine } from './push-engine.js'
import { concurrentMaxReconsumeTimes, PushPolicy, type PushEvents } from './push-policy.js'
import { withPayload } from './payload.js'
import { consumerSendMessageBack } from '../cluster/broker-api.js'
import { OrderedPolicy, type OrderedEvents } from './orderly/ordered-policy.js'
import type { ConsumerEvents } from './types.js'
import type { BatchHandler, MessageContext, MessageHandler } from './handler.js'
import type { MessageView } from '../protocol/message.js'
import { unwrapQueue, unwrapView, wrapNamespace } from '../protocol/namespace.js'

export class RemotingPushEngine implements PushEngine {
  readonly options: PushConsumerOptions
  readonly member: Member
  private readonly policy: HandlerPolicy
  private startPromise?: Promise<void>
  private closePromise?: Promise<CloseResult>

  constructor(input: unknown, events: EventEmitter<PushEvents>, deps: ClientDeps = {}, onFailed?: (err: RocketMQError) => void) {
    this.options = parseOptions(pushConsumerOptionsSchema, input, 'PushConsumer')
    // The namespace edge: the member sees wrapped group and topics; handlers get plain names back.
    // Typed payloads and dedupe wrap outermost: they see the wire view (a dead-lettered message names its real topic).
    const options = withPayload(namespacedPushOptions(this.options), {
      deadLetter: this.options.model === 'broadcasting' ? undefined : (m) => this.deadLetter(m),
      emit: (name, e) => {
        const ns = this.options.namespace
        const event = { ...e, message: unwrapView(ns, e.message), queue: unwrapQueue(ns, e.queue) }
        if (events.listenerCount(name) > 0) (events.emit as (n: string, v: unknown) => boolean)(name, event)
        else if (name === 'payload.rejected') this.member.ctx.logger.warn({ err: (e as { error: unknown }).error }, 'payload rejected')
      },
    })
    let policy: HandlerPolicy | undefined
    this.member = new Member({
      options,
      events: events as unknown as EventEmitter<ConsumerEvents>,
      cluster: deps.cluster,
      onFailed,
      // `ordering: 'queue' | 'key'`: the ordered policy (broker queue locks, consumer/orderly) instead of concurrent handlers.
      policy: (host) =>
        (policy = options.ordering === 'none' ? new PushPolicy(host, options, events) : new OrderedPolicy(host, options, events as unknown as EventEmitter<OrderedEvents>)),
    })
    this.policy = policy!
  }

  get clientId(): string {
    return this.member.cluster.clientId
  }

  start(): Promise<void> {
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

  metrics(): ConsumerMetrics {
    return this.member.metrics()
  }

  assignment(): MessageQueue[] {
    return this.member.assignment()
  }

  rebalance(): Promise<void> {
    return this.member.rebalancer.rebalance()
  }

  /** Straight to %DLQ%<group>: a send-back with delay level -1 (the broker's rule for "no more retries"). */
  private async deadLetter(m: MessageView): Promise<void> {
    const cluster = this.member.cluster
    const address = await cluster.findMasterAddressOrRefresh(m.brokerName, m.topic)
    await consumerSendMessageBack(cluster.remoting, address, {
      group: wrapNamespace(this.options.namespace, this.options.group),
      commitLogOffset: m.commitLogOffset,
      delayLevel: -1,
      originMsgId: m.msgId,
      originTopic: m.topic,
      maxReconsumeTimes: concurrentMaxReconsumeTimes(this.options.maxReconsumeTimes),
      brokerName: m.brokerName,
    })
  }

  close(opts: { timeoutMs?: number }): Promise<CloseResult> {
    this.closePromise ??= (async () => {
      await this.startPromise?.catch(() => undefined)
      this.member.stop()
      const { drained, abandoned } = await this.policy.close(timeoutSignal(opts.timeoutMs ?? this.options.closeTimeoutMs))
      const committed = await this.member.shutdown()
      return { drained, abandoned, committed }
    })()
    return this.closePromise
  }
}

/** Options as the member sees them under a namespace: wrapped group and topics, handlers that get unwrapped messages. */
function namespacedPushOptions(o: PushConsumerOptions): PushConsumerOptions {
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
  } as PushConsumerOptions
}
