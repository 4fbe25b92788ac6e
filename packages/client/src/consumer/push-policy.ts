/**
 * Concurrent push consumption (Java ConsumeMessageConcurrentlyService): pulled messages go to the shared handler pool
 * in batches of `batchSize`; a success moves the queue's consumed offset to its lowest unfinished message; a failure
 * is sent back to the broker for a later retry (clustering; kept and retried here after 5 s if that fails) or
 * reported and skipped (broadcasting). Also answers the console's running-info and consume-directly requests.
 */
import type { EventEmitter } from 'node:events'
import { CONCURRENT_MAX_RECONSUME_TIMES, type PushConsumerOptions } from '../config/consumer.js'
import { consumerSendMessageBack } from '../cluster/broker-api.js'
import type { MessageView } from '../protocol/message.js'
import type { MessageQueue } from '../protocol/route.js'
import { delay } from '../util/async.js'
import { HandlerCall, runHandler } from './handler.js'
import { HandlerPool, type PoolJob } from './handler-pool.js'
import type { HandlerPolicy, PolicyHost } from './policy.js'
import type { ProcessQueue } from './process-queue.js'
import type { PushConsumerEvents } from './types.js'

/** Java consumeConcurrentlyMaxSpan. */
const MAX_SPAN = 2000
/** A message whose send-back failed is consumed again here after this long (Java: 5 s). */
const LOCAL_RETRY_MS = 5000

/** `maxReconsumeTimes` of concurrent consumption: unset or -1 = 16 (Java); the ordered modes default to unbounded. */
export const concurrentMaxReconsumeTimes = (v: number | undefined): number => (v === undefined || v < 0 ? CONCURRENT_MAX_RECONSUME_TIMES : v)

/** The events a push policy emits: the push consumer's (types.ts). */
export type PushEvents = PushConsumerEvents

interface Job extends PoolJob {
  readonly pq: ProcessQueue
}

export class PushPolicy implements HandlerPolicy {
  readonly consumeType = 'CONSUME_PASSIVELY'
  readonly readsRetryTopic = true
  readonly commitOnPull = true
  readonly sendSubscriptionOnPull = false
  readonly maxSpan = MAX_SPAN
  readonly registration
  readonly pool: HandlerPool<Job>
  private consumed = 0
  private failed = 0

  constructor(
    private readonly host: PolicyHost,
    private readonly options: PushConsumerOptions,
    private readonly events: EventEmitter<PushEvents>,
  ) {
    this.pool = new HandlerPool<Job>({
      handlers: options,
      group: options.group,
      model: options.model,
      concurrency: options.concurrency,
      handlerTimeoutMs: options.handlerTimeoutMs,
      settle: (job, error) => (error === undefined ? this.succeeded(job) : this.failedJob(job, error)),
      // A revoked queue's unstarted messages stay uncommitted: the next owner reads them again.
      stale: (job) => job.pq.dropped,
      report: (err) => host.ctx.report(err),
      tracer: host.tracer,
    })
    this.registration = {
      runningInfo: () => this.runningInfo(),
      consumeMessageDirectly: (m: MessageView) => this.consumeDirectly(m),
    }
  }

  canPull(): boolean {
    return true
  }

  deliver(pq: ProcessQueue, messages: MessageView[]): void {
    const size = this.options.batchSize
    for (let i = 0; i < messages.length; i += size) {
      this.pool.submit({ pq, queue: pq.mq, messages: size === 1 ? [messages[i]!] : messages.slice(i, i + size) })
    }
  }

  markConsumed(pq: ProcessQueue, offset: number): void {
    if (offset >= 0 && !pq.dropped) this.host.offsets.update(pq.mq, offset, true, pq.key)
  }

  drain(pqs: readonly ProcessQueue[], signal: AbortSignal): Promise<void> {
    const set = new Set(pqs)
    return this.pool.drain((job) => set.has(job.pq), signal)
  }

  releaseOffset(pq: ProcessQueue): number {
    return pq.consumedOffset()
  }

  close(deadline: AbortSignal): Promise<{ drained: number; abandoned: number }> {
    return this.pool.close(deadline)
  }

  private succeeded(job: Job): void {
    this.consumed += job.messages.length
    this.markConsumed(job.pq, job.pq.remove(job.messages))
  }

  private async failedJob(job: Job, error: unknown): Promise<void> {
    this.failed += job.messages.length
    const retry = !this.host.ctx.broadcasting
    if (this.events.listenerCount('handler.error') > 0) this.events.emit('handler.error', { messages: job.messages, error, retry, queue: job.pq.mq })
    if (!retry) {
      // Broadcasting: Java drops a failed message (it is reported above).
      this.markConsumed(job.pq, job.pq.remove(job.messages))
      return
    }
    const sentBack: MessageView[] = []
    const local: MessageView[] = []
    for (const m of job.messages) {
      try {
        await this.sendBack(m)
        sentBack.push(m)
      } catch (e) {
        this.host.ctx.logger.warn({ msgId: m.msgId, err: e }, `send back failed; retrying locally in ${LOCAL_RETRY_MS} ms`)
        local.push(m)
      }
    }
    if (sentBack.length > 0) this.markConsumed(job.pq, job.pq.remove(sentBack))
    if (local.length > 0) {
      // Keep them cached (the offset cannot pass them) and consume them again here later.
      void delay(LOCAL_RETRY_MS, job.pq.signal).then(() => {
        if (job.pq.dropped) return
        for (const m of local) m.reconsumeTimes++
        this.pool.submit({ pq: job.pq, queue: job.pq.mq, messages: local })
      })
    }
  }

  private async sendBack(m: MessageView): Promise<void> {
    const cluster = this.host.ctx.cluster
    const address = await cluster.findMasterAddressOrRefresh(m.brokerName, m.topic)
    await consumerSendMessageBack(cluster.remoting, address, {
      group: this.options.group,
      commitLogOffset: m.commitLogOffset,
      delayLevel: 0,
      originMsgId: m.msgId,
      originTopic: m.topic,
      maxReconsumeTimes: concurrentMaxReconsumeTimes(this.options.maxReconsumeTimes),
      brokerName: m.brokerName,
    })
  }

  // ------------------------------------------------------------------ console requests

  private runningInfo() {
    return consoleRunningInfo(this.options, this.host, {
      orderly: false,
      maxReconsumeTimes: concurrentMaxReconsumeTimes(this.options.maxReconsumeTimes),
      consumed: this.consumed,
      failed: this.failed,
    })
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

/**
 * The answer to the console's GET_CONSUMER_RUNNING_INFO, shared by the concurrent and the ordered push policies
 * (the property names are the Java client's ConsumerRunningInfo keys).
 */
export function consoleRunningInfo(
  o: Pick<PushConsumerOptions, 'group' | 'pullBatchSize' | 'nameServer'> & Partial<Pick<PushConsumerOptions, 'concurrency' | 'batchSize'>>,
  host: PolicyHost,
  info: {
    orderly: boolean
    consumeType?: 'CONSUME_PASSIVELY' | 'CONSUME_ACTIVELY'
    maxReconsumeTimes?: number
    consumed: number
    failed: number
    suspendMs?: number
    locked?: (mq: MessageQueue) => boolean
  },
): { properties: Record<string, string>; subscriptionSet: ReturnType<PolicyHost['subscriptions']>; mqTable: Array<[MessageQueue, Record<string, unknown>]> } {
  const optional = (k: string, v: number | undefined): Record<string, string> => (v === undefined ? {} : { [k]: String(v) })
  const properties: Record<string, string> = {
    consumerGroup: o.group,
    messageModel: host.ctx.broadcasting ? 'BROADCASTING' : 'CLUSTERING',
    ...optional('consumeThreadMax', o.concurrency),
    ...optional('consumeMessageBatchMaxSize', o.batchSize),
    pullBatchSize: String(o.pullBatchSize),
    ...optional('maxReconsumeTimes', info.maxReconsumeTimes),
    ...optional('suspendCurrentQueueTimeMillis', info.suspendMs),
    PROP_CONSUMEORDERLY: String(info.orderly),
    PROP_CONSUME_TYPE: info.consumeType ?? 'CONSUME_PASSIVELY',
    ...optional('PROP_THREADPOOL_CORE_SIZE', o.concurrency),
    PROP_NAMESERVER_ADDR: o.nameServer.join(';'),
    PROP_CLIENT_VERSION: 'V4_9_4',
    PROP_CLIENT_SDK: 'rocketmq-ts',
    consumedMessages: String(info.consumed),
    failedMessages: String(info.failed),
  }
  const locked = info.locked
  return {
    properties,
    subscriptionSet: host.subscriptions(),
    mqTable: [...host.queues()].map((pq) => {
      const row = pq.info(host.offsets.readMemory(pq.mq))
      return [pq.mq, locked === undefined ? row : { ...row, locked: locked(pq.mq) }] as [MessageQueue, Record<string, unknown>]
    }),
  }
}
