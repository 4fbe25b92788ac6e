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
import { unwrapView, wrapNamespace } from '../protocol/namespace.js'
import { NamespaceEdge } from './namespace-edge.js'

export class RemotingPushEngine implements PushEngine {
  readonly options: PushConsumerOptions
  readonly member: Member
  private readonly policy: HandlerPolicy
  /** Set with the `namespace` option: maps every name the application sees (namespace-edge.ts). */
  private readonly edge: NamespaceEdge | undefined
  private startPromise?: Promise<void>
  private closePromise?: Promise<CloseResult>

  constructor(input: unknown, events: EventEmitter<PushEvents>, deps: ClientDeps = {}, onFailed?: (err: RocketMQError) => void) {
    this.options = parseOptions(pushConsumerOptionsSchema, input, 'PushConsumer')
    // The namespace edge: the member sees wrapped group and topics; handlers, callbacks and events get plain names back.
    const edge = (this.edge = NamespaceEdge.of(this.options.namespace))
    if (edge) events = edge.events(events)
    // Typed payloads and dedupe wrap outermost: they see the wire view (a dead-lettered message names its real topic);
    // their events go out through the edge like every other event.
    const options = withPayload(edge ? namespacedPushOptions(edge, this.options) : this.options, {
      deadLetter: this.options.model === 'broadcasting' ? undefined : (m) => this.deadLetter(m),
      emit: (name, e) => {
        if (events.listenerCount(name) > 0) (events.emit as (n: string, v: unknown) => boolean)(name, e)
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
      throw this.edge ? this.edge.error(e) : e
    })
    return this.startPromise
  }

  metrics(): ConsumerMetrics {
    const m = this.member.metrics()
    const edge = this.edge
    return edge ? { ...m, group: edge.unwrap(m.group), queues: m.queues.map((q) => ({ ...q, queue: edge.unwrapQueue(q.queue) })) } : m
  }

  assignment(): MessageQueue[] {
    const edge = this.edge
    const queues = this.member.assignment()
    return edge ? queues.map((q) => edge.unwrapQueue(q)) : queues
  }

  rebalance(): Promise<void> {
    const edge = this.edge
    const done = this.member.rebalancer.rebalance()
    return edge ? done.catch((e: unknown) => Promise.reject(edge.error(e))) : done
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
      const edge = this.edge
      return { drained, abandoned, committed: edge ? committed.map((c) => ({ ...c, queue: edge.unwrapQueue(c.queue) })) : committed }
    })()
    return this.closePromise
  }
}

/**
 * Options as the member sees them under a namespace: wrapped group and topics; handlers that get unwrapped messages;
 * callbacks (onAssign, onRevoke, a custom allocation, undecodable) that see and give plain names.
 */
function namespacedPushOptions(edge: NamespaceEdge, o: PushConsumerOptions): PushConsumerOptions {
  const ns = edge.namespace
  const group = o.group
  const context = (c: MessageContext): MessageContext => ({
    get signal() {
      return c.signal
    },
    queue: edge.unwrapQueue(c.queue),
    group,
  })
  const handler = o.handler as MessageHandler | undefined
  const batchHandler = o.batchHandler as BatchHandler | undefined
  return {
    ...o,
    group: edge.wrap(o.group),
    subscriptions: Object.fromEntries(Object.entries(o.subscriptions).map(([t, e]) => [edge.wrap(t), e])),
    allocation: edge.allocation(o.allocation),
    onAssign: edge.onAssign(o.onAssign as Parameters<NamespaceEdge['onAssign']>[0]),
    onRevoke: edge.onRevoke(o.onRevoke as Parameters<NamespaceEdge['onRevoke']>[0]),
    undecodable: edge.undecodable(o.undecodable),
    ...(handler === undefined ? {} : { handler: (m: MessageView, c: MessageContext) => handler(unwrapView(ns, m), context(c)) }),
    ...(batchHandler === undefined ? {} : { batchHandler: (ms: MessageView[], c: MessageContext) => batchHandler(ms.map((m) => unwrapView(ns, m)), context(c)) }),
  } as PushConsumerOptions
}
