/**
 * The RocketMQ message trace dispatcher (Java AsyncTraceDispatcher): trace records are queued by the producer and the
 * consumers and sent in the background, batched, to the trace topic. Bounded on every side and never in the caller's
 * way:
 *
 * - `append` is synchronous, O(1) and never throws; when `capacity` records are waiting it drops the record and
 *   counts it (`stats().dropped`), as Java does with its 2048-slot queue;
 * - at most `maxInFlight` trace messages are being sent at once (Java: 2-4 sender threads); while they are, records
 *   wait in the queue, so a slow or paused trace broker fills the queue and then drops, it never slows a send or a
 *   handler;
 * - a batch of `batchSize` records (Java batchNum, at most 20) goes out as soon as it is full, a partial one after
 *   `flushIntervalMs`; records are grouped by the traced topic and a trace message holds at most `maxMessageBytes`
 *   (Java 128000) of record text;
 * - a failed trace send is counted (`stats().failed`) and logged at most once per flush interval, never retried;
 * - `close(timeoutMs)` sends what is queued and waits for it up to the timeout; what is left then counts as dropped.
 */
import type { Logger } from '../logger.js'
import type { ClusterPort } from '../cluster/port.js'
import { sendMessage } from '../cluster/broker-api.js'
import { createUniqId } from '../protocol/message-id.js'
import { encodeProperties } from '../protocol/properties.js'
import { encodeTraceRecord, type TraceRecord } from './trace-format.js'

/** Counters of a client's message trace (all counts are records, i.e. trace contexts). */
export interface TraceStats {
  /** The trace topic records are sent to. */
  topic: string
  /** Waiting in the queue now. */
  queued: number
  /** Delivered to the trace topic. */
  sent: number
  /** Dropped because the queue was full (or still queued when close() reached its deadline). */
  dropped: number
  /** Lost because their trace message could not be sent (broker down, timeout, no route). */
  failed: number
}

/** Sends one trace message: the records' text, indexed by `keys`. */
export type TraceSender = (topic: string, body: Buffer, keys: readonly string[]) => Promise<void>

export interface TraceDispatcherOptions {
  topic: string
  send: TraceSender
  logger: Logger
  /** Records waiting at most (Java 2048). */
  capacity?: number
  /** Records per batch (Java batchNum, at most 20). */
  batchSize?: number
  /** Trace messages being sent at once. */
  maxInFlight?: number
  /** A partial batch waits at most this long. */
  flushIntervalMs?: number
  /** Record text per trace message at most (Java 128000). */
  maxMessageBytes?: number
}

export class TraceDispatcher {
  readonly topic: string
  private readonly capacity: number
  private readonly batchSize: number
  private readonly maxInFlight: number
  private readonly flushIntervalMs: number
  private readonly maxMessageBytes: number
  private queue: TraceRecord[] = []
  private head = 0
  private inFlight = 0
  private readonly sending = new Set<Promise<void>>()
  private timer: NodeJS.Timeout | undefined
  private immediate: NodeJS.Immediate | undefined
  private closed = false
  private counts = { sent: 0, dropped: 0, failed: 0 }
  private lastWarn = 0

  constructor(private readonly o: TraceDispatcherOptions) {
    this.topic = o.topic
    this.capacity = o.capacity ?? 2048
    this.batchSize = Math.min(o.batchSize ?? 20, 20)
    this.maxInFlight = o.maxInFlight ?? 4
    this.flushIntervalMs = o.flushIntervalMs ?? 1000
    this.maxMessageBytes = o.maxMessageBytes ?? 128_000
  }

  get queued(): number {
    return this.queue.length - this.head
  }

  stats(): TraceStats {
    return { topic: this.topic, queued: this.queued, ...this.counts }
  }

  /** Queue a record; false (and counted) when the queue is full or the dispatcher closed. Never throws. */
  append(record: TraceRecord): boolean {
    if (this.closed || this.queued >= this.capacity) {
      this.counts.dropped++
      this.warn('message trace queue full: records dropped')
      return false
    }
    this.queue.push(record)
    if (this.queued >= this.batchSize) this.schedule(true)
    else this.schedule(false)
    return true
  }

  /** Arrange the next pump: at once (next turn of the event loop) for a full batch, else after the flush interval. */
  private schedule(now: boolean): void {
    if (now) {
      if (this.immediate === undefined && this.inFlight < this.maxInFlight) {
        this.immediate = setImmediate(() => {
          this.immediate = undefined
          this.pump(false)
        })
      }
      return
    }
    if (this.timer === undefined) {
      this.timer = setTimeout(() => {
        this.timer = undefined
        this.pump(true)
      }, this.flushIntervalMs)
      this.timer.unref()
    }
  }

  /** Send batches while a sender is free: full ones, and a partial one when `partial`. */
  private pump(partial: boolean): void {
    while (this.inFlight < this.maxInFlight && (this.queued >= this.batchSize || (partial && this.queued > 0))) {
      const n = Math.min(this.batchSize, this.queued)
      const batch = this.queue.slice(this.head, this.head + n)
      this.head += n
      if (this.head === this.queue.length) {
        this.queue = []
        this.head = 0
      } else if (this.head > 1024) {
        this.queue = this.queue.slice(this.head)
        this.head = 0
      }
      this.inFlight++
      const p = this.sendBatch(batch).finally(() => {
        this.inFlight--
        this.sending.delete(p)
        if (this.queued >= this.batchSize || (this.closed && this.queued > 0)) this.pump(this.closed)
        else if (this.queued > 0) this.schedule(false)
      })
      this.sending.add(p)
    }
    if (this.queued > 0 && this.inFlight >= this.maxInFlight) return // a finishing send pumps again
    if (this.queued > 0) this.schedule(false)
  }

  /** Records grouped by traced topic (as Java does), cut into messages of at most maxMessageBytes. Never rejects. */
  private async sendBatch(batch: TraceRecord[]): Promise<void> {
    const byTopic = new Map<string, TraceRecord[]>()
    for (const r of batch) {
      const t = r.beans[0]?.topic ?? ''
      let list = byTopic.get(t)
      if (!list) byTopic.set(t, (list = []))
      list.push(r)
    }
    for (const records of byTopic.values()) {
      let text = ''
      let keys = new Set<string>()
      let count = 0
      for (const r of records) {
        try {
          const e = encodeTraceRecord(r)
          text += e.data
          for (const k of e.keys) keys.add(k)
          count++
        } catch (err) {
          this.counts.failed++
          this.warn('message trace record could not be encoded', err)
          continue
        }
        if (Buffer.byteLength(text) >= this.maxMessageBytes) {
          await this.sendOne(text, keys, count)
          text = ''
          keys = new Set()
          count = 0
        }
      }
      if (count > 0) await this.sendOne(text, keys, count)
    }
  }

  private async sendOne(text: string, keys: Set<string>, count: number): Promise<void> {
    try {
      await this.o.send(this.topic, Buffer.from(text, 'utf8'), [...keys])
      this.counts.sent += count
    } catch (err) {
      this.counts.failed += count
      this.warn('message trace send failed: records lost', err)
    }
  }

  /** At most one warning per flush interval (a paused trace broker must not flood the log). */
  private warn(msg: string, err?: unknown): void {
    const now = Date.now()
    if (now - this.lastWarn < Math.max(this.flushIntervalMs, 1000)) return
    this.lastWarn = now
    this.o.logger.warn({ topic: this.topic, ...this.counts, queued: this.queued, err }, msg)
  }

  /**
   * Stop accepting, send everything queued and wait for it up to `timeoutMs`; what is still queued then is counted
   * as dropped. Never rejects; idempotent.
   */
  async close(timeoutMs: number): Promise<void> {
    if (!this.closed) {
      this.closed = true
      if (this.timer) clearTimeout(this.timer)
      if (this.immediate) clearImmediate(this.immediate)
      this.timer = undefined
      this.immediate = undefined
      this.pump(true)
    }
    let timer: NodeJS.Timeout | undefined
    const deadline = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs)
      timer.unref()
    })
    try {
      for (;;) {
        if (this.sending.size === 0 && this.queued > 0) this.pump(true)
        if (this.sending.size === 0) break
        const progressed = await Promise.race([Promise.race([...this.sending]).then(() => true), deadline.then(() => false)])
        if (!progressed) break
      }
    } finally {
      clearTimeout(timer)
    }
    if (this.queued > 0) {
      this.counts.dropped += this.queued
      this.queue = []
      this.head = 0
    }
  }
}

/** A TraceSender over a client's own connections (so ACL and TLS apply): round robin over the trace topic's queues. */
export function clusterTraceSender(cluster: ClusterPort, producerGroup: string, timeoutMs = 5000): TraceSender {
  let counter = Math.floor(Math.random() * 1024)
  return async (topic, body, keys) => {
    const queues = await cluster.publishQueues(topic, false, timeoutMs)
    if (queues.length === 0) throw new Error(`trace topic '${topic}' has no writable queue (is traceTopicEnable set on the brokers, or the topic created?)`)
    const q = queues[counter++ % queues.length]!
    const address = await cluster.findMasterAddressOrRefresh(q.brokerName, topic)
    const uniqId = createUniqId()
    const props: Record<string, string> = { UNIQ_KEY: uniqId, WAIT: 'true' }
    if (keys.length > 0) props.KEYS = keys.join(' ')
    await sendMessage(
      cluster.remoting,
      address,
      { producerGroup, topic, queueId: q.queueId, sysFlag: 0, bornTimestamp: Date.now(), flag: 0, properties: encodeProperties(props), brokerName: q.brokerName },
      body,
      { timeoutMs, uniqId },
    )
  }
}
