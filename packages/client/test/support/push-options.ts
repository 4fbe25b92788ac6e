/** The option-schema tests' shared fixtures: a minimal valid PushConsumer configuration and a refusal checker. */
import { expect } from 'vitest'
import { PushConsumer, RocketMQError } from '../../src/index.js'

export const valid = {
  nameServer: '127.0.0.1:9876',
  group: 'stock_consumer_group',
  subscriptions: { TopicOrderPaySuccess: '*' },
  handler: async () => {},
}

/** Constructs a PushConsumer that must be refused with ERR_INVALID_OPTION; returns the error. */
export function invalid(opts: Record<string, unknown>): RocketMQError {
  try {
    new PushConsumer(opts as never)
  } catch (e) {
    expect(e).toBeInstanceOf(RocketMQError)
    expect((e as RocketMQError).code).toBe('ERR_INVALID_OPTION')
    return e as RocketMQError
  }
  throw new Error('expected the constructor to throw')
}
