/**
 * PushConsumer options through the proxy (gRPC) transport: what the proxy cannot honour fails to compile (the options
 * are a discriminated union) and fails at construction with ERR_INVALID_OPTION naming the field. No network.
 */
import { describe, expect, it } from 'vitest'
import { PushConsumer, RocketMQError, type ProxyPushConsumerOptions } from '@rocketmq-ts/client'
import '../src/index.js'

describe('options the proxy cannot honour fail at construction', () => {
  const base = { proxy: { endpoints: '127.0.0.1:8081' }, group: 'g', subscriptions: { T: '*' }, handler: () => {} }
  const cases: Array<[string, Record<string, unknown>]> = [
    ['model', { model: 'broadcasting' }],
    ['onAssign', { onAssign: async () => {} }],
    ['onRevoke', { onRevoke: async () => {} }],
    ['allocation', { allocation: 'consistent-hash' }],
    ['consumeFrom', { consumeFrom: 'first' }],
    ['consumeFrom', { consumeFrom: { timestamp: 0 } }],
    ['readFromBrokerId', { readFromBrokerId: 1 }],
    ['offsetStoreDir', { offsetStoreDir: '/tmp/x' }],
    ['rebalanceIntervalMs', { rebalanceIntervalMs: 1000 }],
    ['pullThresholdForQueue', { pullThresholdForQueue: 10 }],
  ]
  for (const [field, extra] of cases) {
    it(`${field}: ${JSON.stringify(extra)}`, () => {
      let err: unknown
      try {
        new PushConsumer({ ...base, ...extra } as ProxyPushConsumerOptions)
      } catch (e) {
        err = e
      }
      expect(err).toBeInstanceOf(RocketMQError)
      expect((err as RocketMQError).code).toBe('ERR_INVALID_OPTION')
      expect((err as RocketMQError).context['fields']).toEqual([field])
      expect((err as RocketMQError).message).toMatch(new RegExp(`${field}: .*remoting transport \\(nameServer\\)`))
    })
  }

  it('ordering through the proxy (gRPC) is refused at construction, naming the field', () => {
    expect(() => new PushConsumer({ ...base, ordering: 'queue' } as unknown as ProxyPushConsumerOptions)).toThrow(/ordering.*remoting transport/)
  })

  it('nameServer together with proxy is refused; the proxy-only limits name their field', () => {
    expect(() => new PushConsumer({ ...base, nameServer: '127.0.0.1:9876' } as unknown as ProxyPushConsumerOptions)).toThrow(/nameServer: give either nameServer \(remoting transport\) or proxy/)
    expect(() => new PushConsumer({ ...base, pullBatchSize: 64 })).toThrow(/pullBatchSize: is at most 32 through the proxy/)
    expect(() => new PushConsumer({ ...base, brokerSuspendMs: 2000 })).toThrow(/brokerSuspendMs: is at least 5000 through the proxy/)
    expect(() => new PushConsumer({ ...base, proxy: { endpoints: '127.0.0.1:8081', invisibleDurationMs: 1000 } })).toThrow(/proxy.invisibleDurationMs: must be at least 10000/)
    expect(() => new PushConsumer({ ...base, proxy: { endpoints: '' } })).toThrow(/proxy.endpoints/)
  })

  it('remoting-only options with proxy are compile-time errors too', () => {
    const handler = () => {}
    const build = [
      // @ts-expect-error onAssign needs queue ownership (remoting transport)
      () => new PushConsumer({ proxy: { endpoints: '127.0.0.1:8081' }, group: 'g', subscriptions: { T: '*' }, handler, onAssign: async () => {} }),
      // @ts-expect-error broadcasting needs the remoting transport
      () => new PushConsumer({ proxy: { endpoints: '127.0.0.1:8081' }, group: 'g', subscriptions: { T: '*' }, handler, model: 'broadcasting' }),
      // @ts-expect-error nameServer and proxy together
      () => new PushConsumer({ proxy: { endpoints: '127.0.0.1:8081' }, nameServer: '127.0.0.1:9876', group: 'g', subscriptions: { T: '*' }, handler }),
    ]
    for (const f of build) expect(f).toThrow(RocketMQError)
    // and what the proxy takes compiles
    const ok: ProxyPushConsumerOptions = { proxy: { endpoints: '127.0.0.1:8081' }, group: 'g', subscriptions: { T: '*' }, handler, concurrency: 4 }
    expect(new PushConsumer(ok).assignment()).toEqual([])
  })
})
