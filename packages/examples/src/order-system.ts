/**
 * The order system's side: a Producer that publishes TopicOrderPaySuccess messages.
 */
import { Producer, type Logger, type PushConsumerOptions, type SendResult } from '@rocketmq-ts/client'
import { ORDER_TOPIC, makeOrder, orderMessage, type Order } from './order.js'

export interface OrderProducerOptions {
  nameServer: PushConsumerOptions['nameServer']
  topic?: string
  /** Producer group (only used for transactions and broker statistics). */
  group?: string
  logger?: Logger
}

export interface OrderProducer {
  readonly producer: Producer
  readonly topic: string
  /** Publish one paid order; resolves when the broker has stored it. */
  publish(order: Order): Promise<SendResult>
  close(): Promise<void>
}

export function createOrderProducer(opts: OrderProducerOptions): OrderProducer {
  const topic = opts.topic ?? ORDER_TOPIC
  const producer = new Producer({
    nameServer: opts.nameServer,
    group: opts.group ?? 'order_system_producer_group',
    ...(opts.logger ? { logger: opts.logger } : {}),
  })
  return {
    producer,
    topic,
    publish: (order) => producer.send(orderMessage(order, topic)),
    close: () => producer.close(),
  }
}

export interface PublishPacedOptions {
  /** Orders to publish. */
  count: number
  /** Orders per second (0 = as fast as the broker answers, 16 in flight). */
  ratePerSecond?: number
  /** First order sequence number. */
  firstSeq?: number
  signal?: AbortSignal
  /** Called after each stored order. */
  onSent?: (result: SendResult, order: Order) => void
  /** Called for a send that failed after the producer's retries; without it, a failed send rejects the whole run. */
  onError?: (error: unknown, order: Order) => void
}

/**
 * Publish `count` fake orders at a steady rate. Sends run in small concurrent groups per 100 ms tick, so a slow send
 * does not stall the clock. Resolves with the results in order; stops early (resolving what was sent) on abort.
 */
export async function publishPaced(op: OrderProducer, opts: PublishPacedOptions): Promise<SendResult[]> {
  const results: SendResult[] = []
  const first = opts.firstSeq ?? 1
  const rate = opts.ratePerSecond ?? 0
  const started = Date.now()
  let next = 0
  while (next < opts.count && !opts.signal?.aborted) {
    // How many should have been sent by now (all at once in groups of 16 when unpaced)?
    const due = rate > 0 ? Math.min(opts.count, Math.floor(((Date.now() - started) / 1000) * rate) + 1) : Math.min(opts.count, next + 16)
    const batch: Promise<void>[] = []
    for (; next < due; next++) {
      const order = makeOrder(first + next)
      batch.push(
        op.publish(order).then(
          (r) => {
            results.push(r)
            opts.onSent?.(r, order)
          },
          (e: unknown) => {
            if (!opts.onError) throw e
            opts.onError(e, order)
          },
        ),
      )
    }
    await Promise.all(batch)
    if (rate > 0 && next < opts.count) await sleep(100, opts.signal)
  }
  return results
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve()
    const done = () => {
      clearTimeout(t)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    const t = setTimeout(done, ms)
    signal?.addEventListener('abort', done, { once: true })
  })
}
