/** Security options through the proxy (gRPC) transport (moved here with the transport). */
import { describe, expect, it } from 'vitest'
import { PushConsumer, RocketMQError } from '@rocketmq-ts/client'
import '../src/index.js'

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
  it('through the proxy: accepts credentials and tls: true; refuses what rocketmq-client-nodejs cannot do, naming the field', async () => {
    const ok = new PushConsumer({ ...proxyBase, credentials: { accessKey: 'a', secretKey: 's' }, tls: true })
    await ok.close()
    // Measured on the 5.5.0 proxy (secured-proxy.test.ts): the namespace is not mapped to <namespace>%<topic> there.
    expect(invalid(() => new PushConsumer({ ...proxyBase, namespace: 'ns1' } as never)).message).toMatch(/namespace: is not available through the proxy: .*plain topic/)
    expect(invalid(() => new PushConsumer({ ...proxyBase, proxy: { endpoints: '127.0.0.1:8081', namespace: 'ns1' } })).message).toMatch(/proxy\.namespace: is not available through the proxy/)
    expect(invalid(() => new PushConsumer({ ...proxyBase, tls: { ca: 'PEM' } } as never)).message).toMatch(/tls\.ca \(a custom CA\) is not available through the proxy/)
    expect(invalid(() => new PushConsumer({ ...proxyBase, tls: { cert: 'a', key: 'b' } } as never)).message).toMatch(/tls\.cert/)
    expect(invalid(() => new PushConsumer({ ...proxyBase, tls: { rejectUnauthorized: false } } as never)).message).toMatch(/rejectUnauthorized: false is not available through the proxy/)
    expect(invalid(() => new PushConsumer({ ...proxyBase, credentials: { accessKey: 'a', secretKey: 's' }, proxy: { endpoints: '127.0.0.1:8081', credentials: { accessKey: 'a', accessSecret: 's' } } })).message).toMatch(/not both/)
  })
})
