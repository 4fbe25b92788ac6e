/** The `pop` option of PushConsumer (POP over remoting): defaults, bounds, and what POP refuses, naming the field. */
import { describe, expect, it } from 'vitest'
import { PushConsumer, RocketMQError } from '../../src/index.js'

import { invalid, valid } from '../support/push-options.js'

describe('PushConsumer pop option', () => {
  it('true means the defaults (Java popInvisibleTime 60 s, popBatchNums 32, POP retry levels); false or absent means queue consumption', () => {
    const c = new PushConsumer({ ...valid, pop: true })
    expect(c.options.pop).toEqual({ invisibleTimeMs: 60_000, batchSize: 32, retryDelaysMs: [10_000, 30_000, 60_000, 120_000, 180_000, 240_000, 300_000, 360_000, 420_000, 480_000, 540_000, 600_000, 1_200_000, 1_800_000, 3_600_000, 7_200_000], setRequestMode: true, shareQueues: 0, batchAck: true })
    expect(c.assignment()).toEqual([])
    expect(new PushConsumer({ ...valid, pop: false }).options.pop).toBeUndefined()
    expect(new PushConsumer(valid).options.pop).toBeUndefined()
    expect(new PushConsumer({ ...valid, pop: { invisibleTimeMs: 5000, batchSize: 8, shareQueues: 1 } }).options.pop).toMatchObject({ invisibleTimeMs: 5000, batchSize: 8, shareQueues: 1, batchAck: true })
  })

  it('bounds its fields and refuses unknown ones', () => {
    expect(invalid({ ...valid, pop: { batchSize: 33 } }).message).toMatch(/pop\.batchSize: is at most 32/)
    expect(invalid({ ...valid, pop: { invisibleTimeMs: 1000 } }).message).toMatch(/pop\.invisibleTimeMs: must be at least 5000/)
    expect(invalid({ ...valid, pop: { invisibleTime: 1000 } }).message).toMatch(/pop/)
    expect(invalid({ ...valid, pop: 'yes' }).message).toMatch(/pop: must be true, false or/)
  })

  it('refuses what POP cannot honour, naming the field (ordered POP, broadcasting, queue hooks, namespace)', () => {
    for (const ordering of ['queue', 'key'] as const) {
      const e = invalid({ ...valid, pop: true, ordering })
      expect(e.message).toMatch(/ordering: ordered POP is not supported yet/)
      expect(e.context.fields).toEqual(['ordering'])
    }
    expect(invalid({ ...valid, pop: true, model: 'broadcasting' }).message).toMatch(/model: POP consumption is clustering only/)
    expect(invalid({ ...valid, pop: true, onAssign: async () => {} }).message).toMatch(/onAssign needs queue ownership/)
    expect(invalid({ ...valid, pop: true, allocation: 'consistent-hash' }).message).toMatch(/allocation: with pop the broker assigns queues/)
    expect(invalid({ ...valid, pop: true, namespace: 'ns' }).message).toMatch(/namespace/)
    expect(invalid({ ...valid, pop: true, readFromBrokerId: 1 }).message).toMatch(/readFromBrokerId/)
    expect(new PushConsumer({ ...valid, pop: true, allocation: 'averagely-by-circle' }).options.allocation).toBe('averagely-by-circle')
  })
})
