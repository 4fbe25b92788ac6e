import { describe, expect, it } from 'vitest'
import { ProcessQueue } from '../../src/consumer/process-queue.js'
import type { MessageView } from '../../src/protocol/message.js'

const mq = { topic: 'T', brokerName: 'broker-a', queueId: 0 }
const msg = (offset: number, size = 10) => ({ queueOffset: offset, body: Buffer.alloc(size) }) as unknown as MessageView

describe('ProcessQueue consumed-offset watermark', () => {
  it('is the lowest in-flight offset, then one past the highest once all are done', () => {
    const pq = new ProcessQueue(mq, 'k')
    expect(pq.consumedOffset()).toBe(-1)
    const ms = [10, 11, 12, 13].map((o) => msg(o))
    pq.put(ms)
    expect(pq.count).toBe(4)
    expect(pq.bytes).toBe(40)
    expect(pq.remove([ms[1]!, ms[2]!])).toBe(10) // 10 still in flight
    expect(pq.remove([ms[0]!])).toBe(13)
    expect(pq.remove([ms[3]!])).toBe(14)
    expect(pq.count).toBe(0)
    expect(pq.bytes).toBe(0)
  })

  it('takeOldest hands out the oldest messages in offset order, at most max, and moves the watermark past them', async () => {
    const pq = new ProcessQueue(mq, 'k')
    pq.put([10, 11, 12, 13, 14].map((o) => msg(o)))
    const out: MessageView[] = [msg(1)] // appends after what the caller holds
    const woke = pq.waitForChange()
    expect(pq.takeOldest(3, out)).toBe(3)
    await woke // a reader waiting on the cache limit is woken
    expect(out.map((m) => m.queueOffset)).toEqual([1, 10, 11, 12])
    expect(pq.count).toBe(2)
    expect(pq.bytes).toBe(20)
    expect(pq.consumedOffset()).toBe(13)
    expect(pq.takeOldest(10, out)).toBe(2)
    expect(out.map((m) => m.queueOffset)).toEqual([1, 10, 11, 12, 13, 14])
    expect(pq.consumedOffset()).toBe(15)
    expect(pq.takeOldest(10, out)).toBe(0)
  })

  it('ignores duplicates and reports the span for flow control', () => {
    const pq = new ProcessQueue(mq, 'k')
    pq.put([msg(5), msg(5), msg(2005)])
    expect(pq.count).toBe(2)
    expect(pq.span()).toBe(2000)
  })

  it('wakes waiters on remove and on drop', async () => {
    const pq = new ProcessQueue(mq, 'k')
    const m = msg(1)
    pq.put([m])
    const waited = pq.waitForChange()
    pq.remove([m])
    await waited
    const second = pq.waitForChange()
    pq.drop()
    await second
    expect(pq.signal.aborted).toBe(true)
  })
})
