import { describe, expect, it } from 'vitest'
import { DEFAULT_MAX_DELAY_MS, messageProperties } from '../../src/producer/message.js'
import { PRODUCER_DEFAULTS } from '../../src/config/producer.js'

const NOW = 1_700_000_000_000
const topic = 'T'

describe('timed delivery properties', () => {
  it('deliverAt (Date or epoch ms) is TIMER_DELIVER_MS; delayMs is TIMER_DELAY_MS', () => {
    expect(messageProperties({ topic, body: 'x', deliverAt: NOW + 2000 }, DEFAULT_MAX_DELAY_MS, NOW).TIMER_DELIVER_MS).toBe(String(NOW + 2000))
    expect(messageProperties({ topic, body: 'x', deliverAt: new Date(NOW + 5000) }, DEFAULT_MAX_DELAY_MS, NOW).TIMER_DELIVER_MS).toBe(String(NOW + 5000))
    const relative = messageProperties({ topic, body: 'x', delayMs: 10_000 }, DEFAULT_MAX_DELAY_MS, NOW)
    expect(relative.TIMER_DELAY_MS).toBe('10000')
    expect(relative.TIMER_DELIVER_MS).toBeUndefined()
    // A time already past is allowed (the broker delivers at once).
    expect(messageProperties({ topic, body: 'x', deliverAt: NOW - 1 }, DEFAULT_MAX_DELAY_MS, NOW).TIMER_DELIVER_MS).toBe(String(NOW - 1))
  })

  it("the limit is the broker's default timerMaxDelaySec (3 days), inclusive", () => {
    expect(DEFAULT_MAX_DELAY_MS).toBe(259_200 * 1000)
    expect(PRODUCER_DEFAULTS.maxDelayMs).toBe(DEFAULT_MAX_DELAY_MS)
    expect(() => messageProperties({ topic, body: 'x', delayMs: DEFAULT_MAX_DELAY_MS }, DEFAULT_MAX_DELAY_MS, NOW)).not.toThrow()
    expect(() => messageProperties({ topic, body: 'x', deliverAt: NOW + DEFAULT_MAX_DELAY_MS }, DEFAULT_MAX_DELAY_MS, NOW)).not.toThrow()
    expect(() => messageProperties({ topic, body: 'x', delayMs: DEFAULT_MAX_DELAY_MS + 1 }, DEFAULT_MAX_DELAY_MS, NOW)).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_OPTION' }) as Error,
    )
    expect(() => messageProperties({ topic, body: 'x', deliverAt: NOW + DEFAULT_MAX_DELAY_MS + 1 }, DEFAULT_MAX_DELAY_MS, NOW)).toThrow(/maxDelayMs/)
    expect(() => messageProperties({ topic, body: 'x', delayMs: 60_000 }, 1000, NOW)).toThrow(/maxDelayMs 1000/)
  })

  it.each([
    ['delayMs 0', { delayMs: 0 }],
    ['delayMs negative', { delayMs: -5 }],
    ['delayMs fractional', { delayMs: 1.5 }],
    ['delayMs NaN', { delayMs: Number.NaN }],
    ['deliverAt invalid Date', { deliverAt: new Date('nope') }],
    ['deliverAt Infinity', { deliverAt: Number.POSITIVE_INFINITY }],
    ['deliverAt a string', { deliverAt: '2026-01-01' as unknown as number }],
    ['deliverAt and delayMs', { deliverAt: NOW + 1000, delayMs: 1000 }],
    ['delayLevel and delayMs', { delayLevel: 2, delayMs: 1000 }],
  ])('refuses %s with ERR_INVALID_OPTION', (_name, extra) => {
    expect(() => messageProperties({ topic, body: 'x', ...extra }, DEFAULT_MAX_DELAY_MS, NOW)).toThrow(expect.objectContaining({ code: 'ERR_INVALID_OPTION' }) as Error)
  })

  it('timer property names are reserved for user properties', () => {
    expect(() => messageProperties({ topic, body: 'x', properties: { TIMER_DELIVER_MS: '1' } })).toThrow(expect.objectContaining({ code: 'ERR_INVALID_OPTION' }) as Error)
  })
})
