import { describe, expect, it } from 'vitest'
import { PushConsumer, Producer, RocketMQError } from '../../src/index.js'

import { invalid, valid } from '../support/push-options.js'

describe('PushConsumer options', () => {
  it('accepts a minimal valid configuration and applies Java-like defaults', () => {
    const c = new PushConsumer(valid)
    expect(c.options.model).toBe('clustering')
    expect(c.options.concurrency).toBe(20)
    expect(c.options.pullBatchSize).toBe(32)
    expect(c.options.pullThresholdForQueue).toBe(1000)
    // Unset: 16 for concurrent consumption, unbounded in the ordered modes (applied where used, as Java).
    expect(c.options.maxReconsumeTimes).toBeUndefined()
    expect(c.options.ordering).toBe('none')
    expect(c.options.suspendMs).toBe(1000)
    expect(c.options.nameServer).toEqual(['127.0.0.1:9876'])
  })

  it('ordering: names the field and the choices; suspendMs is bounded as Java clamps it', () => {
    expect(invalid({ ...valid, ordering: 'fifo' }).message).toMatch(/ordering: must be 'none', 'queue' or 'key'/)
    expect(invalid({ ...valid, ordering: 'key', suspendMs: 5 }).message).toMatch(/suspendMs/)
    expect(new PushConsumer({ ...valid, ordering: 'key' }).options.ordering).toBe('key')
  })

  it('splits a name server list on ; and ,', () => {
    const c = new PushConsumer({ ...valid, nameServer: '10.0.0.1:9876;10.0.0.2:9876,10.0.0.3:9876' })
    expect(c.options.nameServer).toEqual(['10.0.0.1:9876', '10.0.0.2:9876', '10.0.0.3:9876'])
  })

  it('names the field for an unknown allocation strategy and lists the valid ones', () => {
    const e = invalid({ ...valid, allocation: 'round-robin' })
    expect(e.message).toMatch(/allocation/)
    expect(e.message).toMatch(/averagely-by-circle/)
  })

  it('names the field for an empty group', () => {
    const e = invalid({ ...valid, group: '' })
    expect(e.message).toMatch(/group: must not be empty/)
  })

  it('refuses a group with characters the broker rejects', () => {
    expect(invalid({ ...valid, group: 'stock group' }).message).toMatch(/group/)
  })

  it('refuses a bad subscription expression and names the topic', () => {
    const e = invalid({ ...valid, subscriptions: { TopicOrderPaySuccess: 'TagA | TagB' } })
    expect(e.message).toMatch(/subscriptions\.TopicOrderPaySuccess/)
    expect(e.message).toMatch(/'\|\|'/)
    expect(invalid({ ...valid, subscriptions: { TopicOrderPaySuccess: '  ' } }).message).toMatch(/subscriptions\.TopicOrderPaySuccess/)
    expect(invalid({ ...valid, subscriptions: {} }).message).toMatch(/subscriptions/)
    expect(invalid({ ...valid, subscriptions: { 'bad topic': '*' } }).message).toMatch(/subscriptions/)
  })

  it('refuses concurrency 0', () => {
    expect(invalid({ ...valid, concurrency: 0 }).message).toMatch(/concurrency: must be at least 1/)
  })

  it('refuses unknown options (typos) by name', () => {
    expect(invalid({ ...valid, concurency: 4 }).message).toMatch(/'concurency'/)
  })

  it('requires a handler', () => {
    const { handler: _h, ...rest } = valid
    expect(invalid(rest).message).toMatch(/handler: is required/)
  })

  it('refuses a malformed name server address', () => {
    expect(invalid({ ...valid, nameServer: 'localhost' }).message).toMatch(/nameServer/)
  })

  it('refuses a bad consumeFrom', () => {
    expect(invalid({ ...valid, consumeFrom: 'middle' }).message).toMatch(/consumeFrom/)
  })
})

describe('Producer options', () => {
  it('refuses an unknown option and a bad retries value', () => {
    expect(() => new Producer({ nameServer: '127.0.0.1:9876', retries: -1 })).toThrow(/retries/)
    expect(() => new Producer({ nameServer: '127.0.0.1:9876', timeout: 1 } as never)).toThrow(/'timeout'/)
  })
})
