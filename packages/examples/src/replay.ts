/**
 * A pull consumer that replays a time range of TopicOrderPaySuccess, e.g. to rebuild a report. The application owns
 * the loop: every queue is moved to the first message stored at `from` (onAssign + seek), messages are polled until
 * each queue passes `to` or nothing new arrives, and nothing is committed, so the group's position is untouched.
 */
import { PullConsumer, type AssignContext, type Logger, type MessageQueue, type PushConsumerOptions } from '@rocketmq-ts/client'
import { ORDER_TOPIC, PAY_CHANNELS, parseOrder, type Order, type PayChannel } from './order.js'

export interface ReplayOptions {
  nameServer: PushConsumerOptions['nameServer']
  topic?: string
  /** A group of its own: it owns every queue when it runs alone. */
  group?: string
  from: Date | number
  /** Exclusive; default now. */
  to?: Date | number
  /** Stop when no message arrived for this long (the queues are exhausted). Default 3 s. */
  idleMs?: number
  onOrder?: (order: Order) => void
  logger?: Logger
  signal?: AbortSignal
}

export interface ReplayReport {
  orders: number
  amountCentsByChannel: Record<PayChannel, number>
  /** Messages read but stored outside [from, to). */
  outside: number
  malformed: number
  queues: number
  orderIds: string[]
}

export async function replayOrders(opts: ReplayOptions): Promise<ReplayReport> {
  const from = typeof opts.from === 'number' ? opts.from : opts.from.getTime()
  const to = opts.to === undefined ? Date.now() : typeof opts.to === 'number' ? opts.to : opts.to.getTime()
  const report: ReplayReport = {
    orders: 0,
    amountCentsByChannel: Object.fromEntries(PAY_CHANNELS.map((c) => [c, 0])) as Record<PayChannel, number>,
    outside: 0,
    malformed: 0,
    queues: 0,
    orderIds: [],
  }
  const topic = opts.topic ?? ORDER_TOPIC
  const consumer: PullConsumer = new PullConsumer({
    nameServer: opts.nameServer,
    group: opts.group ?? 'order_replay_group',
    subscriptions: { [topic]: '*' },
    autoCommit: false,
    ...(opts.logger ? { logger: opts.logger } : {}),
    // Before any queue is read: start each one at the first message stored at or after `from`.
    onAssign: async (queues: MessageQueue[], ctx: AssignContext) => {
      for (const q of queues) ctx.seek(q, await consumer.offsetForTimestamp(q, from))
    },
  })
  await consumer.start()
  try {
    // Only the topic's own queues count (the assignment may also list the group's %RETRY% queues).
    const assigned = consumer.assignment().filter((q) => q.topic === topic)
    report.queues = assigned.length
    const finished = new Set<string>()
    const key = (q: { brokerName: string; queueId: number }) => `${q.brokerName}:${q.queueId}`
    while (!opts.signal?.aborted && finished.size < assigned.length) {
      const batch = await consumer.poll({ max: 64, timeoutMs: opts.idleMs ?? 3000, ...(opts.signal ? { signal: opts.signal } : {}) })
      if (batch.length === 0) break // idle: every queue is read to its end
      for (const m of batch) {
        if (m.queue.topic !== topic) continue
        if (m.storeTimestamp >= to) {
          // This queue is past the range: stop reading it.
          const q = assigned.find((a) => key(a) === key(m.queue))
          if (q && !finished.has(key(q))) {
            finished.add(key(q))
            consumer.pause([q])
          }
          report.outside++
          continue
        }
        if (m.storeTimestamp < from) {
          report.outside++
          continue
        }
        const parsed = parseOrder(m)
        if (!parsed.ok) {
          report.malformed++
          continue
        }
        report.orders++
        report.orderIds.push(parsed.order.orderId)
        report.amountCentsByChannel[parsed.order.channel] += parsed.order.amountCents
        opts.onOrder?.(parsed.order)
      }
    }
    return report
  } finally {
    await consumer.close()
  }
}
