/** Issue 8 #7, #8, #9: option values Node or the protocol cannot honour are refused at construction, naming the field. */
import { describe, expect, it } from 'vitest'
import { Producer, PullConsumer, PushConsumer, RocketMQError } from '../../src/index.js'

const base = { nameServer: '127.0.0.1:9876', group: 'g_bounds' }
const push = { ...base, subscriptions: { T: '*' }, handler: async () => {} }

function refused(make: () => unknown, field?: string): RocketMQError {
  let err: unknown
  try {
    make()
  } catch (e) {
    err = e
  }
  expect(err).toBeInstanceOf(RocketMQError)
  const e = err as RocketMQError
  expect(e.code).toBe('ERR_INVALID_OPTION')
  if (field !== undefined) expect((e.context.fields as string[]).some((f) => f === field || f.startsWith(`${field}.`))).toBe(true)
  return e
}

const makers = {
  PushConsumer: (o: Record<string, unknown>) => new PushConsumer({ ...push, ...o } as never),
  PullConsumer: (o: Record<string, unknown>) => new PullConsumer({ ...base, ...o } as never),
  Producer: (o: Record<string, unknown>) => new Producer({ ...base, ...o } as never),
}

describe('timers are bounded to what Node can wait (2^31-1 ms)', () => {
  const cases: Array<[keyof typeof makers, string]> = [
    ['PushConsumer', 'pollNameServerIntervalMs'],
    ['PushConsumer', 'heartbeatIntervalMs'],
    ['PushConsumer', 'requestTimeoutMs'],
    ['PushConsumer', 'handlerTimeoutMs'],
    ['PushConsumer', 'closeTimeoutMs'],
    ['PushConsumer', 'persistOffsetIntervalMs'],
    ['PushConsumer', 'rebalanceIntervalMs'],
    ['PullConsumer', 'autoCommitIntervalMs'],
    ['PullConsumer', 'pollTimeoutMs'],
    ['Producer', 'sendTimeoutMs'],
  ]
  it.each(cases)('%s %s: 2^31 and Infinity refused, 2^31-1 accepted', (who, field) => {
    refused(() => makers[who]({ [field]: 2 ** 31 }), field)
    refused(() => makers[who]({ [field]: Infinity }), field)
    refused(() => makers[who]({ [field]: NaN }), field)
    expect(() => makers[who]({ [field]: 2 ** 31 - 1 })).not.toThrow()
  })

  it('a per-send timeoutMs out of range is refused before anything is sent', async () => {
    const p = new Producer(base)
    try {
      for (const t of [0, 2 ** 31, Infinity, 1.5]) {
        await expect(p.send({ topic: 'T', body: 'x' }, { timeoutMs: t })).rejects.toMatchObject({ code: 'ERR_INVALID_OPTION' })
      }
    } finally {
      await p.close()
    }
  })
})

describe('every constructor refuses a non-object with ERR_INVALID_OPTION (#8)', () => {
  it.each([undefined, null, 'str', 42, true])('%j', (v) => {
    refused(() => new PushConsumer(v as never))
    refused(() => new PullConsumer(v as never))
    refused(() => new Producer(v as never))
  })
})

describe('addresses, ips, timestamps and sizes (#9)', () => {
  it.each(['host:99999', 'host:0', '[zz]:1', '999.1.1.1:9876', 'host', 'a b:1', '[::1]', 'host:-1'])('nameServer %j is refused', (ns) => {
    for (const make of Object.values(makers)) refused(() => make({ nameServer: ns }), 'nameServer')
  })

  it.each(['127.0.0.1:9876', '[::1]:9876', 'ns-1.example.com:9876', 'localhost:1', '10.0.0.1:65535;10.0.0.2:9876'])('nameServer %j is accepted', (ns) => {
    for (const make of Object.values(makers)) expect(() => make({ nameServer: ns })).not.toThrow()
  })

  it.each(['not-an-ip', '999.1.1.1', '', 'fe80::zz'])('clientIp %j is refused', (ip) => {
    for (const make of Object.values(makers)) refused(() => make({ clientIp: ip }), 'clientIp')
  })

  it('clientIp accepts IPv4 and IPv6', () => {
    expect(() => makers.Producer({ clientIp: '10.0.0.5' })).not.toThrow()
    expect(() => makers.Producer({ clientIp: 'fe80::1' })).not.toThrow()
  })

  it.each([1e20, -1, 1.5, Infinity])('consumeFrom { timestamp: %j } is refused', (ts) => {
    refused(() => makers.PushConsumer({ consumeFrom: { timestamp: ts } }), 'consumeFrom')
  })

  it('consumeFrom accepts a sane timestamp or Date, refuses an invalid Date', () => {
    expect(() => makers.PushConsumer({ consumeFrom: { timestamp: Date.now() - 3_600_000 } })).not.toThrow()
    expect(() => makers.PushConsumer({ consumeFrom: { timestamp: new Date() } })).not.toThrow()
    refused(() => makers.PushConsumer({ consumeFrom: { timestamp: new Date('nope') } }), 'consumeFrom')
  })

  it.each(['pullThresholdSizeForQueueMiB', 'pullThresholdSizeForTopicMiB', 'pullThresholdForQueue', 'maxMessageBytes'])('%s: Infinity is refused', (field) => {
    refused(() => makers.PushConsumer({ [field]: Infinity }), field)
  })
})
