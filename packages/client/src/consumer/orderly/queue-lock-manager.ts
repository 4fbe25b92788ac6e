/**
 * The member side of broker queue locks for ordered consumption (the Java RebalanceImpl.lock / lockAll / unlock
 * and ProcessQueue's lock fields), written against a small port so its rules are unit-tested with fake timers.
 *
 * Rules (Java 5.x values; reference/wave2-protocol.md §4):
 * - a queue is tracked from assignment to release; it is *held* while the broker granted it and the last grant is
 *   at most `expiryMs` (30 s) old. Only a held queue may be pulled and consumed.
 * - `acquire()` locks new queues before their first pull (Java's rebalance add path).
 * - every `renewIntervalMs` (20 s) one request per broker renews every tracked queue (Java lockAll): the granted ones
 *   are held from the time the request left, the refused ones are lost at once.
 * - a tracked queue that is not held is retried every `retryMs` (Java retries a refused lock on the next rebalance
 *   500 ms later, and a lost one every 3 s).
 * - a held queue whose last grant is older than `expiryMs` (e.g. its broker stopped answering) is lost, so the member
 *   stops it well before the broker (60 s) could hand it to another member.
 * - `release()` unlocks (oneway, as Java on revoke) after the caller drained and committed the queue; `close()`
 *   unlocks what is left and waits for the answers (bounded), as Java's shutdown.
 */
import type { Logger } from '../../logger.js'
import { silentLogger } from '../../logger.js'
import { mqKey, type MessageQueue } from '../../protocol/route.js'

/** What the lock manager needs from the cluster: requests to the master of one broker (cluster/queue-locks.ts). */
export interface QueueLockPort {
  /** Lock or renew `queues` (all of `brokerName`); resolves with those held now; rejects when the broker cannot answer. */
  lock(brokerName: string, queues: readonly MessageQueue[]): Promise<MessageQueue[]>
  /** Unlock `queues` of `brokerName`; oneway does not wait for the broker. */
  unlock(brokerName: string, queues: readonly MessageQueue[], opts: { oneway: boolean }): Promise<void>
}

export type LockLostReason = 'refused' | 'expired' | 'released'

export interface QueueLockEvents {
  /** The broker granted the queue to this member (`relocked`: it had been held before and lost since). */
  onAcquired?(queue: MessageQueue, info: { relocked: boolean }): void
  /** The queue is no longer held: another member holds it (`refused`) or no renewal came within the expiry (`expired`). */
  onLost?(queue: MessageQueue, info: { reason: Exclude<LockLostReason, 'released'> }): void
}

export interface QueueLockManagerOptions extends QueueLockEvents {
  port: QueueLockPort
  /** Renewal period (Java REBALANCE_LOCK_INTERVAL, 20 s). */
  renewIntervalMs?: number
  /** Client-side validity of a grant (Java REBALANCE_LOCK_MAX_LIVE_TIME, 30 s; the broker keeps it 60 s). */
  expiryMs?: number
  /** How often a tracked queue that is not held is locked again, and expiries are checked (1 s). */
  retryMs?: number
  /** Bound of the unlock requests of close(). */
  closeTimeoutMs?: number
  logger?: Logger
}

export const QUEUE_LOCK_DEFAULTS = Object.freeze({ renewIntervalMs: 20_000, expiryMs: 30_000, retryMs: 1000, closeTimeoutMs: 3000 })

interface LockState {
  mq: MessageQueue
  held: boolean
  /** When the request that granted (or renewed) the lock left; 0 = never granted. */
  lastLockAt: number
  everHeld: boolean
}

const keyOf = mqKey

export class QueueLockManager {
  private readonly port: QueueLockPort
  private readonly renewIntervalMs: number
  private readonly expiryMs: number
  private readonly retryMs: number
  private readonly closeTimeoutMs: number
  private readonly logger: Logger
  private readonly events: QueueLockEvents
  private readonly states = new Map<string, LockState>()
  private timer?: NodeJS.Timeout
  private nextRenewAt = 0
  private ticking = false
  private closed = false

  constructor(o: QueueLockManagerOptions) {
    this.port = o.port
    this.renewIntervalMs = o.renewIntervalMs ?? QUEUE_LOCK_DEFAULTS.renewIntervalMs
    this.expiryMs = o.expiryMs ?? QUEUE_LOCK_DEFAULTS.expiryMs
    this.retryMs = o.retryMs ?? QUEUE_LOCK_DEFAULTS.retryMs
    this.closeTimeoutMs = o.closeTimeoutMs ?? QUEUE_LOCK_DEFAULTS.closeTimeoutMs
    this.logger = o.logger ?? silentLogger
    this.events = { onAcquired: o.onAcquired, onLost: o.onLost }
  }

  /** Starts renewal, retries and expiry checks. */
  start(): void {
    if (this.timer || this.closed) return
    this.nextRenewAt = Date.now() + this.renewIntervalMs
    this.timer = setInterval(() => void this.tick(), this.retryMs)
    this.timer.unref?.()
  }

  /** Whether the queue may be pulled and consumed now (granted, and the grant is not older than the expiry). */
  isHeld(mq: MessageQueue): boolean {
    const s = this.states.get(keyOf(mq))
    return s !== undefined && s.held && Date.now() - s.lastLockAt <= this.expiryMs
  }

  /** `isHeld` by the queue's key (`mqKey`), for hot paths that already have it. */
  isHeldKey(key: string): boolean {
    const s = this.states.get(key)
    return s !== undefined && s.held && Date.now() - s.lastLockAt <= this.expiryMs
  }

  /** The queues tracked now (held or waiting for their lock). */
  tracked(): MessageQueue[] {
    return [...this.states.values()].map((s) => s.mq)
  }

  /** Lock queues before their first pull; they stay tracked (and retried) even when refused. Resolves with the held ones. */
  async acquire(mqs: readonly MessageQueue[]): Promise<MessageQueue[]> {
    if (this.closed) return []
    for (const mq of mqs) {
      const k = keyOf(mq)
      if (!this.states.has(k)) this.states.set(k, { mq, held: false, lastLockAt: 0, everHeld: false })
    }
    await this.lockGrouped(mqs)
    return mqs.filter((mq) => this.isHeld(mq))
  }

  /**
   * Stop tracking queues and unlock them (the caller drained their handlers and committed their offsets first).
   * Oneway by default (Java's revoke); `{ oneway: false }` waits for the brokers (bounded by the port's timeout).
   */
  async release(mqs: readonly MessageQueue[], opts: { oneway?: boolean; after?: Promise<unknown> } = {}): Promise<void> {
    if (opts.after) {
      // Java's delayed unlock: a handler of the queue still runs (the drain ran out of time), so keep the lock,
      // renewed, until it finished; otherwise another member could start the queue beside it.
      await opts.after.catch(() => undefined)
    }
    const held: MessageQueue[] = []
    for (const mq of mqs) {
      const s = this.states.get(keyOf(mq))
      if (!s) continue
      this.states.delete(keyOf(mq))
      // Also unlock a queue whose grant is unknown (a request in flight may have granted it).
      held.push(s.mq)
    }
    await this.unlockGrouped(held, opts.oneway ?? true)
  }

  /** Stop tracking queues without unlocking them (they were refused: this member holds no lock on them). */
  forget(mqs: readonly MessageQueue[]): void {
    for (const mq of mqs) {
      const s = this.states.get(keyOf(mq))
      if (s && !s.held) this.states.delete(keyOf(mq))
    }
  }

  /** Stops the timers and unlocks every tracked queue, waiting for the brokers up to `closeTimeoutMs`. Idempotent. */
  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    if (this.timer) clearInterval(this.timer)
    this.timer = undefined
    const all = [...this.states.values()].map((s) => s.mq)
    this.states.clear()
    let t: NodeJS.Timeout | undefined
    const bound = new Promise<void>((resolve) => {
      t = setTimeout(resolve, this.closeTimeoutMs)
      t.unref?.()
    })
    await Promise.race([this.unlockGrouped(all, false), bound])
    clearTimeout(t)
  }

  /** One timer step: expiries, then renewal of every tracked queue (every renewIntervalMs) or a retry of the lost ones. */
  async tick(): Promise<void> {
    if (this.ticking || this.closed) return
    this.ticking = true
    try {
      const now = Date.now()
      for (const s of this.states.values()) {
        if (s.held && now - s.lastLockAt > this.expiryMs) {
          s.held = false
          this.logger.warn({ topic: s.mq.topic, broker: s.mq.brokerName, queueId: s.mq.queueId, lastLockAt: s.lastLockAt }, 'queue lock expired (no renewal)')
          this.events.onLost?.(s.mq, { reason: 'expired' })
        }
      }
      if (now >= this.nextRenewAt) {
        this.nextRenewAt = now + this.renewIntervalMs
        await this.lockGrouped([...this.states.values()].map((s) => s.mq))
      } else {
        const waiting = [...this.states.values()].filter((s) => !s.held).map((s) => s.mq)
        if (waiting.length > 0) await this.lockGrouped(waiting)
      }
    } finally {
      this.ticking = false
    }
  }

  private byBroker(mqs: readonly MessageQueue[]): Map<string, MessageQueue[]> {
    const m = new Map<string, MessageQueue[]>()
    for (const mq of mqs) {
      const list = m.get(mq.brokerName)
      if (list) list.push(mq)
      else m.set(mq.brokerName, [mq])
    }
    return m
  }

  private async lockGrouped(mqs: readonly MessageQueue[]): Promise<void> {
    await Promise.all(
      [...this.byBroker(mqs)].map(async ([broker, list]) => {
        const sentAt = Date.now()
        let granted: MessageQueue[]
        try {
          granted = await this.port.lock(broker, list)
        } catch (e) {
          // Unknown outcome: keep the state; an unrenewed grant runs out at its expiry.
          this.logger.warn({ broker, queues: list.length, err: e }, 'queue lock request failed')
          return
        }
        const ok = new Set(granted.map(keyOf))
        // Released (or closed) while the request was in flight: the broker may have locked it after our unlock.
        const stray = list.filter((mq) => ok.has(keyOf(mq)) && (this.closed || !this.states.has(keyOf(mq))))
        if (stray.length > 0) await this.unlockGrouped(stray, true)
        if (this.closed) return
        for (const mq of list) {
          const s = this.states.get(keyOf(mq))
          if (!s) continue
          if (ok.has(keyOf(mq))) {
            const wasHeld = s.held && sentAt - s.lastLockAt <= this.expiryMs
            const expiredUnseen = s.held && !wasHeld
            const relocked = s.everHeld
            s.lastLockAt = Math.max(s.lastLockAt, sentAt)
            s.held = true
            s.everHeld = true
            if (!wasHeld) {
              if (expiredUnseen) this.events.onLost?.(s.mq, { reason: 'expired' }) // ran out before the tick saw it
              this.events.onAcquired?.(s.mq, { relocked })
            }
          } else if (s.held) {
            s.held = false
            this.logger.warn({ topic: mq.topic, broker, queueId: mq.queueId }, 'queue lock refused: another member holds it')
            this.events.onLost?.(s.mq, { reason: 'refused' })
          }
        }
      }),
    )
  }

  private async unlockGrouped(mqs: readonly MessageQueue[], oneway: boolean): Promise<void> {
    await Promise.all(
      [...this.byBroker(mqs)].map(([broker, list]) =>
        this.port.unlock(broker, list, { oneway }).catch((e: unknown) => {
          // The broker lets the lock lapse after 60 s without renewal.
          this.logger.warn({ broker, queues: list.length, err: e }, 'queue unlock failed; the broker lock lapses by itself')
        }),
      ),
    )
  }
}
