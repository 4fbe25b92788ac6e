import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { QueueLockManager, type QueueLockPort } from '../../src/consumer/orderly/queue-lock-manager.js'
import type { MessageQueue } from '../../src/protocol/route.js'

const q = (broker: string, id: number): MessageQueue => ({ topic: 'T', brokerName: broker, queueId: id })
const k = (mq: MessageQueue) => `${mq.brokerName}:${mq.queueId}`

/** A scripted broker: `owner` per queue; a lock is granted when free or already ours; `down` brokers reject. */
class FakeBrokers implements QueueLockPort {
  readonly owner = new Map<string, string>()
  readonly down = new Set<string>()
  readonly log: string[] = []
  constructor(readonly me = 'me') {}
  async lock(broker: string, queues: readonly MessageQueue[]): Promise<MessageQueue[]> {
    this.log.push(`lock ${broker} ${queues.map(k).join(' ')}`)
    if (this.down.has(broker)) throw new Error(`${broker} down`)
    return queues.filter((mq) => {
      const o = this.owner.get(k(mq))
      if (o !== undefined && o !== this.me) return false
      this.owner.set(k(mq), this.me)
      return true
    })
  }
  async unlock(broker: string, queues: readonly MessageQueue[], opts: { oneway: boolean }): Promise<void> {
    this.log.push(`unlock${opts.oneway ? ' oneway' : ''} ${broker} ${queues.map(k).join(' ')}`)
    for (const mq of queues) if (this.owner.get(k(mq)) === this.me) this.owner.delete(k(mq))
  }
}

function setup(brokers = new FakeBrokers()) {
  const events: string[] = []
  const m = new QueueLockManager({
    port: brokers,
    onAcquired: (mq, i) => events.push(`acquired ${k(mq)}${i.relocked ? ' relocked' : ''}`),
    onLost: (mq, i) => events.push(`lost ${k(mq)} ${i.reason}`),
  })
  return { m, brokers, events }
}

describe('QueueLockManager', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('locks new queues with one request per broker and reports only the granted ones', async () => {
    const { m, brokers, events } = setup()
    brokers.owner.set('b:0', 'other')
    const held = await m.acquire([q('a', 0), q('a', 1), q('b', 0)])
    expect(held.map(k)).toEqual(['a:0', 'a:1'])
    expect(brokers.log).toEqual(['lock a a:0 a:1', 'lock b b:0'])
    expect(events).toEqual(['acquired a:0', 'acquired a:1'])
    expect(m.isHeld(q('b', 0))).toBe(false)
    expect(m.tracked().map(k)).toEqual(['a:0', 'a:1', 'b:0'])
  })

  it('retries a refused queue every retryMs and acquires it once the other member lets go', async () => {
    const { m, brokers, events } = setup()
    brokers.owner.set('b:0', 'other')
    await m.acquire([q('b', 0)])
    m.start()
    await vi.advanceTimersByTimeAsync(3000)
    expect(brokers.log.filter((l) => l === 'lock b b:0')).toHaveLength(4) // acquire + 3 retries
    brokers.owner.delete('b:0')
    await vi.advanceTimersByTimeAsync(1000)
    expect(m.isHeld(q('b', 0))).toBe(true)
    expect(events).toEqual(['acquired b:0'])
    await m.close()
  })

  it('renews every tracked queue every 20 s, so a lock is held past the broker expiry', async () => {
    const { m, brokers } = setup()
    await m.acquire([q('a', 0)])
    m.start()
    brokers.log.length = 0
    await vi.advanceTimersByTimeAsync(90_000)
    expect(brokers.log).toEqual(['lock a a:0', 'lock a a:0', 'lock a a:0', 'lock a a:0']) // at 20, 40, 60, 80 s
    expect(m.isHeld(q('a', 0))).toBe(true)
    await m.close()
  })

  it('a queue whose broker does not answer expires after 30 s client-side, then relocks when the broker is back', async () => {
    const { m, brokers, events } = setup()
    await m.acquire([q('a', 0), q('b', 0)])
    m.start()
    brokers.down.add('a')
    await vi.advanceTimersByTimeAsync(29_000)
    expect(m.isHeld(q('a', 0))).toBe(true) // the grant at t=0 is still valid
    await vi.advanceTimersByTimeAsync(2000)
    expect(m.isHeld(q('a', 0))).toBe(false)
    expect(m.isHeld(q('b', 0))).toBe(true) // renewed at 20 s
    expect(events).toEqual(['acquired a:0', 'acquired b:0', 'lost a:0 expired'])
    brokers.down.delete('a')
    await vi.advanceTimersByTimeAsync(1000)
    expect(m.isHeld(q('a', 0))).toBe(true)
    expect(events.at(-1)).toBe('acquired a:0 relocked')
    await m.close()
  })

  it('a renewal the broker refuses (another member took the queue) loses it at once', async () => {
    const { m, brokers, events } = setup()
    await m.acquire([q('a', 0)])
    m.start()
    brokers.owner.set('a:0', 'other')
    await vi.advanceTimersByTimeAsync(20_000)
    expect(m.isHeld(q('a', 0))).toBe(false)
    expect(events).toEqual(['acquired a:0', 'lost a:0 refused'])
    await m.close()
  })

  it('release unlocks oneway and stops renewing; close unlocks the rest and waits', async () => {
    const { m, brokers } = setup()
    await m.acquire([q('a', 0), q('a', 1), q('b', 0)])
    m.start()
    await m.release([q('a', 1)])
    expect(brokers.log.at(-1)).toBe('unlock oneway a a:1')
    expect(brokers.owner.has('a:1')).toBe(false)
    brokers.log.length = 0
    await vi.advanceTimersByTimeAsync(20_000)
    expect(brokers.log).toEqual(['lock a a:0', 'lock b b:0'])
    await m.close()
    expect(brokers.log.slice(-2)).toEqual(['unlock a a:0', 'unlock b b:0'])
    expect(brokers.owner.size).toBe(0)
    brokers.log.length = 0
    await vi.advanceTimersByTimeAsync(60_000)
    expect(brokers.log).toEqual([]) // no timers left
  })

  it('release with a running handler keeps the lock renewed until the handler finished (delayed unlock)', async () => {
    const { m, brokers } = setup()
    await m.acquire([q('a', 0)])
    m.start()
    let finish!: () => void
    const running = new Promise<void>((r) => (finish = r))
    const released = m.release([q('a', 0)], { after: running })
    await vi.advanceTimersByTimeAsync(45_000)
    expect(brokers.owner.get('a:0')).toBe('me')
    expect(m.isHeld(q('a', 0))).toBe(true)
    finish()
    await released
    expect(brokers.owner.has('a:0')).toBe(false)
    await m.close()
  })

  it('a queue released while its lock request is in flight is unlocked when the grant comes back', async () => {
    const brokers = new FakeBrokers()
    let answer!: () => void
    const slow: QueueLockPort = {
      lock: async (b, qs) => {
        await new Promise<void>((r) => (answer = r))
        return brokers.lock(b, qs)
      },
      unlock: (b, qs, o) => brokers.unlock(b, qs, o),
    }
    const m = new QueueLockManager({ port: slow })
    const acquiring = m.acquire([q('a', 0)])
    await vi.advanceTimersByTimeAsync(0)
    await m.release([q('a', 0)])
    answer()
    expect(await acquiring).toEqual([])
    expect(brokers.owner.has('a:0')).toBe(false)
    await m.close()
  })

  it('close is bounded when a broker never answers the unlock', async () => {
    const brokers = new FakeBrokers()
    const m = new QueueLockManager({ port: { lock: (b, qs) => brokers.lock(b, qs), unlock: () => new Promise(() => {}) }, closeTimeoutMs: 3000 })
    await m.acquire([q('a', 0)])
    let done = false
    const closing = m.close().then(() => (done = true))
    await vi.advanceTimersByTimeAsync(2999)
    expect(done).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    await closing
    expect(done).toBe(true)
  })
})
