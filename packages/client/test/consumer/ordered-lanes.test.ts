import { describe, expect, it } from 'vitest'
import { OrderedLanes, orderingKey, type LaneBatch } from '../../src/consumer/orderly/ordered-lanes.js'
import type { MessageView } from '../../src/protocol/message.js'

function msg(offset: number, props: Record<string, string> = {}): MessageView {
  return {
    queueOffset: offset,
    getProperty: (n: string) => props[n],
    get keys() {
      return (props.KEYS ?? '').split(' ').filter((s) => s.length > 0)
    },
  } as unknown as MessageView
}
const keyed = (offset: number, key: string) => msg(offset, { KEYS: key })
const offs = (b: LaneBatch | undefined) => b?.messages.map((m) => m.queueOffset)

describe('orderingKey', () => {
  it('is __SHARDINGKEY when present, else the first of KEYS, else empty', () => {
    expect(orderingKey(msg(0, { __SHARDINGKEY: 'order-7', KEYS: 'k1 k2' }))).toBe('order-7')
    expect(orderingKey(msg(0, { __SHARDINGKEY: '', KEYS: 'k1 k2' }))).toBe('k1')
    expect(orderingKey(msg(0, { KEYS: '  k1 k2' }))).toBe('k1')
    expect(orderingKey(msg(0))).toBe('')
  })
})

describe("OrderedLanes 'queue' mode", () => {
  it('hands out one batch at a time in offset order', () => {
    const l = new OrderedLanes('queue', 2)
    l.push([0, 1, 2, 3, 4].map((o) => keyed(o, `k${o}`)))
    const a = l.take(0)
    expect(offs(a)).toEqual([0, 1])
    expect(l.take(0)).toBeUndefined() // one at a time, whatever the keys
    l.finish(a!)
    expect(offs(l.take(0))).toEqual([2, 3])
    expect(l.buffered).toBe(3)
  })

  it('a failed batch is handed out again, in place, after the suspension; nothing behind it runs before', () => {
    const l = new OrderedLanes('queue')
    l.push([keyed(0, 'a'), keyed(1, 'b')])
    const first = l.take(1000)!
    l.retryLater(first, 2000)
    expect(l.take(1999)).toBeUndefined()
    const again = l.take(2000)!
    expect(again.messages[0]).toBe(first.messages[0])
    l.finish(again)
    expect(offs(l.take(2000))).toEqual([1])
  })
})

describe("OrderedLanes 'key' mode", () => {
  it('runs different keys in parallel and one key strictly in order', () => {
    const l = new OrderedLanes('key')
    l.push([keyed(0, 'a'), keyed(1, 'a'), keyed(2, 'b'), keyed(3, 'c'), keyed(4, 'b')])
    const t1 = l.take(0)!
    const t2 = l.take(0)!
    const t3 = l.take(0)!
    expect([t1, t2, t3].map(offs)).toEqual([[0], [2], [3]])
    expect(l.take(0)).toBeUndefined() // a and b are running; their next messages wait
    expect(l.running).toBe(3)
    l.finish(t2)
    expect(offs(l.take(0))).toEqual([4])
    l.finish(t1)
    expect(offs(l.take(0))).toEqual([1])
  })

  it('batches take consecutive messages of one key', () => {
    const l = new OrderedLanes('key', 3)
    l.push([keyed(0, 'a'), keyed(1, 'b'), keyed(2, 'a'), keyed(3, 'a'), keyed(4, 'a')])
    expect(offs(l.take(0))).toEqual([0, 2, 3])
    expect(offs(l.take(0))).toEqual([1])
  })

  it('a failure suspends the whole queue, then the failed key goes first', () => {
    const l = new OrderedLanes('key')
    l.push([keyed(0, 'a'), keyed(1, 'b'), keyed(2, 'c')])
    const a = l.take(0)!
    l.retryLater(a, 500)
    expect(l.take(499)).toBeUndefined()
    expect(offs(l.take(500))).toEqual([0])
    expect(offs(l.take(500))).toEqual([1])
  })

  it('clearWaiting drops what is not running and keeps the running batch to settle', () => {
    const l = new OrderedLanes('key')
    l.push([keyed(0, 'a'), keyed(1, 'a'), keyed(2, 'b')])
    const a = l.take(0)!
    expect(l.clearWaiting()).toBe(2)
    expect(l.take(0)).toBeUndefined()
    l.finish(a)
    expect(l.buffered).toBe(0)
    l.push([keyed(1, 'a')])
    expect(offs(l.take(0))).toEqual([1])
  })
})
