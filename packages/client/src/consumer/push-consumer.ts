/**
 * The public PushConsumer: a facade over one push engine, chosen by the options: `nameServer` -> the remoting engine
 * (remoting-engine.ts), `proxy` -> the proxy (gRPC) engine registered by src/grpc. Options are a discriminated union,
 * so remoting-only options given with `proxy` fail to compile, and are refused at construction as well.
 */
import type { ConsumerMetrics } from './metrics.js'
import { EventEmitter } from 'node:events'
import type { PushConsumerOptionsInput, ProxyOptionsInput, PushConsumerOptions as ParsedPushConsumerOptions } from '../config/consumer.js'
import type { ClientDeps } from '../cluster/port.js'
import type { MessageQueue } from '../protocol/route.js'
import { createProxyEngine, type CloseResult, type PushEngine } from './push-engine.js'
import type { OrderedEvents } from './orderly/ordered-policy.js'
import type { PushEvents } from './push-policy.js'
import { RemotingPushEngine } from './remoting-engine.js'
import type { TypedConsumerCallbacks } from './types.js'
import type { MessageContext } from './handler.js'
import type { MessageView } from '../protocol/message.js'
import type { RocketMQError } from '../errors.js'
import type { DedupeOptions, HandlerMessage } from './payload.js'
import type { CodecOption } from '../protocol/payload-codec.js'
import { Ending } from './ending.js'

export type { MessageContext, MessageHandler, BatchHandler } from './handler.js'
export type { CloseResult } from './push-engine.js'

/**
 * Options of `new PushConsumer({ nameServer, ... })` (remoting): see config/consumer.ts for every field and default.
 * `C` is the type of `codec` (inferred): with one, handlers receive `message.value` typed by it.
 */
export type PushConsumerOptions<C = undefined> = Omit<PushConsumerOptionsInput, 'handler' | 'batchHandler' | 'codec' | 'invalidPayload' | 'dedupe' | keyof TypedConsumerCallbacks> &
  TypedConsumerCallbacks & {
    /** Resolve = consumed; throw = retried later (clustering) or reported and skipped (broadcasting). */
    handler?: (message: HandlerMessage<C>, context: MessageContext) => Promise<void> | void
    /** Receives up to `batchSize` messages of one queue at a time. */
    batchHandler?: (messages: Array<HandlerMessage<C>>, context: MessageContext) => Promise<void> | void
    /**
     * Decode (and check) each body before the handler runs: 'json', 'text', 'bytes', a schema with `parse` (zod: JSON
     * checked by it) or a `{ decode(body) }` codec. A body that does not decode is not retried (see `invalidPayload`).
     */
    codec?: C
    /** A body the codec refuses: 'dlq' (default) moves it to %DLQ%<group> at once; a function receives it instead. */
    invalidPayload?: 'dlq' | ((message: MessageView, error: RocketMQError) => Promise<void> | void)
    /** Skip a message whose key this member already handled successfully (best effort, per member). */
    dedupe?: boolean | DedupeOptions
    proxy?: undefined
  }

/** Options only the remoting transport has: given with `proxy` they fail to compile (and at run time). */
type RemotingOnly =
  | 'nameServer'
  | 'allocation'
  | 'allocationOptions'
  | 'onAssign'
  | 'onRevoke'
  | 'readFromBrokerId'
  | 'offsetStoreDir'
  | 'persistOffsetIntervalMs'
  | 'rebalanceIntervalMs'
  | 'hookTimeoutMs'
  | 'revokeTimeoutMs'
  | 'undecodable'
  | 'pullThresholdForQueue'
  | 'pullThresholdSizeForQueueMiB'
  | 'pullThresholdForTopic'
  | 'pullThresholdSizeForTopicMiB'
  | 'heartbeatIntervalMs'
  | 'pollNameServerIntervalMs'
  | 'instanceName'
  | 'clientIp'
  | 'namespace'
  | 'codec'
  | 'invalidPayload'
  | 'dedupe'

/**
 * `new PushConsumer({ proxy: { endpoints }, group, subscriptions, handler })`: consume through a RocketMQ 5.x proxy
 * (gRPC, POP). No queue ownership, offsets or broadcasting there: those options are `never` here.
 */
export type ProxyPushConsumerOptions = Omit<PushConsumerOptions, RemotingOnly | 'proxy' | 'model' | 'consumeFrom' | 'maxReconsumeTimes' | 'ordering' | 'tls'> & {
  proxy: ProxyOptionsInput
  /** TLS to the proxy, verified against the system CAs (rocketmq-client-nodejs takes no custom CA or client certificate). */
  tls?: boolean | { rejectUnauthorized?: true }
  /** Only 'clustering' through the proxy. */
  model?: 'clustering'
  /** Only 'last' through the proxy (a new group starts where the broker says). */
  consumeFrom?: 'last'
  /** Through the proxy the broker applies the group's retryMaxTimes (16 unless set on the group). */
  maxReconsumeTimes?: 16
  /** Ordered consumption needs broker queue locks (remoting transport). */
  ordering?: 'none'
} & { [K in RemotingOnly]?: never }

/** Events of the push consumer (typed; emitted only when someone listens). */
export type PushConsumerEvents = OrderedEvents

/**
 * A push consumer (Java DefaultMQPushConsumer): the broker's messages reach a bounded pool of handlers.
 * Resolve = consumed; throw = retried later through the broker (clustering) or reported and skipped (broadcasting).
 */
export class PushConsumer<C extends CodecOption<any> | undefined = undefined> extends EventEmitter<PushConsumerEvents> {
  private readonly engine: PushEngine
  private readonly ending = new Ending()
  private closing?: Promise<CloseResult>

  constructor(options: PushConsumerOptions<C> | ProxyPushConsumerOptions, deps: ClientDeps = {}) {
    super()
    const viaProxy = options !== null && typeof options === 'object' && (options as { proxy?: unknown }).proxy !== undefined
    // Engines emit the events they know (push events; ordered ones add lock events): the facade is their emitter.
    const events = this as unknown as EventEmitter<PushEvents>
    this.engine = viaProxy ? createProxyEngine(options, events) : new RemotingPushEngine(options, events, deps, (err) => this.failed(err))
  }

  /** Failed for good after start (the engine reported it as `consumer.failed`): close, then settle closed(). */
  private failed(err: RocketMQError): void {
    this.ending.fail(err)
    this.close().catch(() => undefined)
  }

  /** The parsed options with their defaults (through the proxy the remoting-only ones are undefined). */
  get options(): ParsedPushConsumerOptions {
    return this.engine.options as ParsedPushConsumerOptions
  }

  get clientId(): string {
    return this.engine.clientId
  }

  get group(): string {
    return this.engine.options.group
  }

  /** Connects, registers the group and resolves once consumption runs (remoting: after the first rebalance). */
  start(): Promise<void> {
    return this.engine.start().catch((e: unknown) => {
      // A failed start leaves the consumer closed (the engine undid it): that is failing for good.
      if (!this.closing) {
        this.ending.fail(e)
        this.ending.stopped()
      }
      throw e
    })
  }

  /**
   * Resolves once the consumer has stopped, for whatever reason: with `undefined` after `close()`, with the error when
   * it failed for good (start() failed, or the brokers refused it later: see the `consumer.failed` event). Never
   * rejects. `const err = await consumer.closed(); if (err) process.exitCode = 1`.
   */
  closed(): Promise<RocketMQError | undefined> {
    return this.ending.promise
  }

  /** The queues this member owns now ([] through the proxy). */
  assignment(): MessageQueue[] {
    return this.engine.assignment()
  }

  /**
   * Per owned queue: committed and consumed offsets, the broker's max offset (from the last pull response), lag,
   * cached count/bytes, last pull/consume time, lock state when ordered. From memory only: poll it as often as you like.
   * Through the proxy there are no owned queues (`queues: []`).
   */
  metrics(): ConsumerMetrics {
    return this.engine.metrics()
  }

  /** Trigger a rebalance now and wait for it (nothing through the proxy). */
  rebalance(): Promise<void> {
    return this.engine.rebalance()
  }

  /**
   * Stop receiving, wait for running handlers up to `timeoutMs` (then abort their signals), commit offsets, unregister.
   * Idempotent: later calls return the same result.
   */
  close(opts: { timeoutMs?: number } = {}): Promise<CloseResult> {
    this.closing ??= this.engine.close(opts).finally(() => this.ending.stopped())
    return this.closing
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close()
  }
}
