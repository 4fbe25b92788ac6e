import { describe, expect, it } from 'vitest'
import { Producer } from '../../src/producer/producer.js'
import { PushConsumer } from '../../src/index.js'
import { RocketMQError } from '../../src/errors.js'

function invalid(fn: () => unknown): RocketMQError {
  try {
    fn()
  } catch (e) {
    expect(e).toBeInstanceOf(RocketMQError)
    expect((e as RocketMQError).code).toBe('ERR_INVALID_OPTION')
    return e as RocketMQError
  }
  throw new Error('expected ERR_INVALID_OPTION')
}

const proxyBase = { proxy: { endpoints: '127.0.0.1:8081' }, group: 'g', subscriptions: { T: '*' }, handler: async () => {} }

describe('security options', () => {
  it('refuses half a client certificate, an empty secret and a namespace with %', () => {
    expect(invalid(() => new Producer({ nameServer: '127.0.0.1:9876', tls: { cert: 'x' } })).message).toMatch(/tls\.key: mutual TLS needs both/)
    expect(invalid(() => new Producer({ nameServer: '127.0.0.1:9876', credentials: { accessKey: 'a', secretKey: '' } })).message).toMatch(/credentials\.secretKey/)
    expect(invalid(() => new Producer({ nameServer: '127.0.0.1:9876', namespace: 'a%b' })).message).toMatch(/namespace/)
  })

  it('logs once that certificate verification is off', async () => {
    const warnings: string[] = []
    const logger = { debug() {}, info() {}, error() {}, warn: (_o: unknown, m: string) => void warnings.push(m) }
    const p = new Producer({ nameServer: '127.0.0.1:9876', tls: { rejectUnauthorized: false }, logger })
    expect(warnings.filter((w) => /verification is OFF/.test(w))).toHaveLength(1)
    await p.close()
  })

})
