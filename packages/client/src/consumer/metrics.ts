/**
 * consumer.metrics(): a snapshot of the owned queues from what the consumer already holds in memory (no request to any
 * broker), cheap enough to poll every second. The broker's max offset is the one its last pull response carried.
 */
import type { MessageQueue } from '../protocol/route.js'
import type { OffsetStore } from './offset-store/offset-store.js'
import type { ConsumptionPolicy } from './policy.js'
import type { ProcessQueue } from './process-queue.js'

/** `consumer.metrics()` for one owned queue. */
export interface QueueMetrics {
  /** The queue. */
  queue: MessageQueue
  /** The offset last written to (or read from) the offset store: -1 before the first commit or read. */
  committedOffset: number
  /** The offset the next commit stores (everything before it is consumed): -1 while unknown. */
  consumedOffset: number
  /** The queue's max offset from the last pull response: -1 before the first response. */
  brokerMaxOffset: number
  /** brokerMaxOffset - consumedOffset (never below 0): -1 while either is unknown. */
  lag: number
  /** Messages pulled and not yet consumed (push) or not yet polled (pull), and their body bytes. */
  cachedCount: number
  /** The body bytes of the cached messages. */
  cachedBytes: number
  /** When the last pull to this queue was sent (epoch ms, 0 = never). */
  lastPullTimestamp: number
  /** When a message of this queue was last consumed (epoch ms, 0 = never). */
  lastConsumeTimestamp: number
  /** Paused (pull consumer pause()). */
  paused: boolean
  /** Ordered consumption (clustering): whether this member holds the queue's broker lock. Absent otherwise. */
  locked?: boolean
}

/** `consumer.metrics()`: a snapshot of the owned queues, from memory (no broker request). */
export interface ConsumerMetrics {
  /** The consumer group (without namespace). */
  group: string
  /** One entry per owned queue, sorted by topic, broker, queue id. */
  queues: QueueMetrics[]
  /** Sums over the queues (lag counts only queues whose lag is known). */
  lag: number
  /** Cached messages over every owned queue. */
  cachedCount: number
  /** Cached body bytes over every owned queue. */
  cachedBytes: number
}

export function consumerMetrics(group: string, pqs: Iterable<ProcessQueue>, offsets: OffsetStore, policy: ConsumptionPolicy): ConsumerMetrics {
  const queues: QueueMetrics[] = []
  let lag = 0
  let cachedCount = 0
  let cachedBytes = 0
  for (const pq of pqs) {
    if (pq.dropped) continue
    // Before the first message of a new group is consumed the store has no offset: the lowest cached offset, or
    // where the next pull starts when nothing was ever cached, is the consumed position then.
    let consumed = offsets.readMemory(pq.mq)
    if (consumed < 0) consumed = pq.consumedOffset() >= 0 ? pq.consumedOffset() : pq.nextOffset
    const max = pq.brokerMaxOffset
    const q: QueueMetrics = {
      queue: { topic: pq.mq.topic, brokerName: pq.mq.brokerName, queueId: pq.mq.queueId },
      committedOffset: offsets.committed(pq.mq),
      consumedOffset: consumed,
      brokerMaxOffset: max,
      lag: consumed < 0 || max < 0 ? -1 : Math.max(0, max - consumed),
      cachedCount: pq.count,
      cachedBytes: pq.bytes,
      lastPullTimestamp: pq.lastPullTimestamp,
      lastConsumeTimestamp: pq.lastConsumeTimestamp,
      paused: pq.paused,
    }
    const locked = policy.locked?.(pq)
    if (locked !== undefined) q.locked = locked
    if (q.lag > 0) lag += q.lag
    cachedCount += pq.count
    cachedBytes += pq.bytes
    queues.push(q)
  }
  queues.sort((a, b) => (a.queue.topic < b.queue.topic ? -1 : a.queue.topic > b.queue.topic ? 1 : a.queue.brokerName < b.queue.brokerName ? -1 : a.queue.brokerName > b.queue.brokerName ? 1 : a.queue.queueId - b.queue.queueId))
  return { group, queues, lag, cachedCount, cachedBytes }
}
