/**
 * Pull consumption (Java DefaultLitePullConsumer): readers fill the queues' caches up to a total bound; `take` hands
 * cached messages to poll(), rotating over the queues, and records the position after them (what commit() stores;
 * also the offset store's with auto-commit). Idle polls wait on a notifier that forgets them when they end.
 */
import type { PullConsumerOptions } from '../config/consumer.js'
import type { MessageView } from '../protocol/message.js'
import { mqKey, type MessageQueue } from '../protocol/route.js'
import { Notifier } from '../util/async.js'
import type { ConsumptionPolicy, PolicyHost } from './policy.js'
import type { ProcessQueue } from './process-queue.js'
import { consoleRunningInfo } from './push-policy.js'

export class PullPolicy implements ConsumptionPolicy {
  readonly consumeType = 'CONSUME_ACTIVELY'
  readonly readsRetryTopic = false
  readonly commitOnPull = false
  /** Always sent (as Java's lite pull does), so assigned queues need no registered subscription. */
  readonly sendSubscriptionOnPull = true
  readonly maxSpan = Infinity
  /** Position after the last message handed out, per queue (what commit() stores). */
  readonly polled = new Map<string, { mq: MessageQueue; offset: number }>()
  /** Wakes waiting polls when messages arrive (and at close / resume). */
  readonly arrivals = new Notifier()
  private rotation = 0
  /** Messages handed out by poll() (the console's consumedMessages). */
  private handedOut = 0
  /** GET_CONSUMER_RUNNING_INFO (the console, Admin.describeGroup): this member's queues and settings. */
  readonly registration = {
    runningInfo: () => consoleRunningInfo(this.options, this.host, { orderly: false, consumeType: 'CONSUME_ACTIVELY', consumed: this.handedOut, failed: 0 }),
  }

  constructor(
    private readonly host: PolicyHost,
    private readonly options: PullConsumerOptions,
  ) {}

  /** Readers stop fetching while the total cache is at `maxCachedMessages` (Java pullThresholdForAll). */
  canPull(): boolean {
    return this.cached() < this.options.maxCachedMessages
  }

  private cached(): number {
    let n = 0
    for (const pq of this.host.queues()) n += pq.count
    return n
  }

  deliver(): void {
    this.arrivals.notify()
  }

  markConsumed(pq: ProcessQueue, offset: number): void {
    if (offset < 0 || pq.dropped) return
    const cur = this.polled.get(pq.key)
    if (!cur) this.polled.set(pq.key, { mq: pq.mq, offset })
    else if (offset > cur.offset) cur.offset = offset
    if (this.options.autoCommit) this.host.offsets.update(pq.mq, offset, true, pq.key)
  }

  /** Nothing runs on the application's behalf: a handed-out message is consumed. */
  async drain(): Promise<void> {}

  /** With auto-commit, releasing a queue commits what was handed out; without, only what commit() stored is kept. */
  releaseOffset(pq: ProcessQueue): number {
    return this.options.autoCommit ? pq.consumedOffset() : -1
  }

  /** Hand out up to `max` cached messages, rotating over the queues; marks them consumed. */
  take(max: number): MessageView[] {
    const out: MessageView[] = []
    const pqs = [...this.host.queues()]
    if (pqs.length === 0) return out
    this.rotation = (this.rotation + 1) % pqs.length
    for (let i = 0; i < pqs.length && out.length < max; i++) {
      const pq = pqs[(this.rotation + i) % pqs.length]!
      if (pq.dropped || pq.paused || pq.count === 0) continue
      const from = out.length
      pq.takeOldest(max - out.length, out)
      this.markConsumed(pq, pq.consumedOffset())
      if (this.host.tracer) this.host.tracer.polled(out.slice(from))
    }
    if (out.length > 0) for (const pq of pqs) pq.notify() // readers blocked on the total cache limit
    this.handedOut += out.length
    return out
  }

  /** commit(offsets): remember exactly these positions. */
  setPosition(mq: MessageQueue, offset: number): void {
    this.polled.set(mqKey(mq), { mq, offset })
    this.host.offsets.update(mq, offset, false)
  }

  /** commit(): store every position handed out so far. */
  storePositions(): void {
    for (const { mq, offset } of this.polled.values()) this.host.offsets.update(mq, offset, false)
  }
}
