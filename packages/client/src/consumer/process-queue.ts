import type { MessageView } from '../protocol/message.js'
import type { MessageQueue } from '../protocol/route.js'
import { Notifier } from '../util/async.js'

/**
 * The client-side state of one owned queue: the messages pulled and not yet consumed (in offset order), flow-control
 * counters, where to pull next and from which broker id, and the consumed-offset watermark.
 */
export class ProcessQueue {
  /** Cached messages by queue offset; insertion order is offset order because pulls return ascending offsets. */
  private readonly cached = new Map<number, MessageView>()
  private readonly changes = new Notifier()
  count = 0
  bytes = 0
  maxOffsetEverPut = -1
  dropped = false
  paused = false
  nextOffset = -1
  /** suggestWhichBrokerId from the last pull (0 = master). */
  pullFromBrokerId = 0
  lastPullTimestamp = 0
  /** The queue's max offset the broker reported in the last pull response (-1: no response yet). */
  brokerMaxOffset = -1
  lastConsumeTimestamp = 0
  /** Pull one message at a time (set while isolating an undecodable message). */
  pullOne = false
  /** Attempts at the undecodable message at nextOffset (0 = none). */
  undecodableAttempts = 0
  readonly controller = new AbortController()

  constructor(readonly mq: MessageQueue, readonly key: string) {}

  get signal(): AbortSignal {
    return this.controller.signal
  }

  put(messages: readonly MessageView[]): void {
    for (const m of messages) {
      if (this.cached.has(m.queueOffset)) continue
      this.cached.set(m.queueOffset, m)
      this.count++
      this.bytes += m.body.length
      if (m.queueOffset > this.maxOffsetEverPut) this.maxOffsetEverPut = m.queueOffset
    }
  }

  /**
   * Remove consumed messages; returns the new consumed offset (the lowest offset still cached, or one past the
   * highest ever cached), or -1 when nothing was ever cached.
   */
  remove(messages: readonly MessageView[]): number {
    for (const m of messages) {
      if (this.cached.delete(m.queueOffset)) {
        this.count--
        this.bytes -= m.body.length
      }
    }
    this.lastConsumeTimestamp = Date.now()
    this.notify()
    return this.consumedOffset()
  }

  /**
   * Remove up to `max` of the oldest cached messages and append them to `out` (the pull consumer's hand-out: one pass,
   * no iterator per message); returns how many. The consumed offset moves past them (consumedOffset()).
   */
  takeOldest(max: number, out: MessageView[]): number {
    let n = 0
    // values(), not entries(): no [key, value] array per message; the key is the message's own queueOffset
    for (const m of this.cached.values()) {
      if (n >= max) break
      this.cached.delete(m.queueOffset) // deleting the entry being visited is safe in a Map iteration
      this.count--
      this.bytes -= m.body.length
      out.push(m)
      n++
    }
    if (n > 0) {
      this.lastConsumeTimestamp = Date.now()
      this.notify()
    }
    return n
  }

  consumedOffset(): number {
    if (this.maxOffsetEverPut < 0) return -1
    const first = this.cached.keys().next()
    return first.done ? this.maxOffsetEverPut + 1 : first.value
  }

  /** Offset span between the oldest and newest cached message (Java consumeConcurrentlyMaxSpan). */
  span(): number {
    const first = this.cached.keys().next()
    return first.done ? 0 : this.maxOffsetEverPut - first.value
  }

  drop(): void {
    if (this.dropped) return
    this.dropped = true
    this.controller.abort()
    this.notify()
  }

  /** Resolves at the next remove/drop/notify, or when the signal aborts. */
  waitForChange(signal?: AbortSignal): Promise<void> {
    if (this.dropped) return Promise.resolve()
    return this.changes.wait(signal)
  }

  /** Wake this queue's reader (it re-checks its gates). */
  notify(): void {
    this.changes.notify()
  }

  /** A ProcessQueueInfo for GET_CONSUMER_RUNNING_INFO. */
  info(commitOffset: number): Record<string, unknown> {
    const first = this.cached.keys().next()
    return {
      commitOffset,
      cachedMsgMinOffset: first.done ? 0 : first.value,
      cachedMsgMaxOffset: this.maxOffsetEverPut < 0 ? 0 : this.maxOffsetEverPut,
      cachedMsgCount: this.count,
      cachedMsgSizeInMiB: Math.floor(this.bytes / (1024 * 1024)),
      transactionMsgMinOffset: 0,
      transactionMsgMaxOffset: 0,
      transactionMsgCount: 0,
      locked: false,
      tryUnlockTimes: 0,
      lastLockTimestamp: 0,
      droped: this.dropped,
      lastPullTimestamp: this.lastPullTimestamp,
      lastConsumeTimestamp: this.lastConsumeTimestamp,
      // Not in Java's ProcessQueueInfo (extra keys are ignored by its tools): lets Admin.describeGroup tell slave reads.
      pullFromBrokerId: this.pullFromBrokerId,
    }
  }
}
