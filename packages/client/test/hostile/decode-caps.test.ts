/**
 * Regression tests for issue 8 defects 1-3 (hostile message bodies, routes and response numbers). Each of these
 * made the old client allocate gigabytes, die of heap exhaustion or loop; now each is a typed error.
 */
import { describe, expect, it } from 'vitest'
import { RocketMQError } from '../../src/errors.js'
import { decodeMessages, SysFlag } from '../../src/protocol/message.js'
import { encodeStoreMessage } from '../../src/protocol/message-encoder.js'
import { encodeBatchBody } from '../../src/protocol/batch-body.js'
import { DEFAULT_MAX_MESSAGE_BYTES, decompressBody } from '../../src/protocol/compression.js'
import { parseTopicRoute, publishQueues, subscribeQueues } from '../../src/protocol/route.js'
import { pullMessage, sendMessage, type Invoker } from '../../src/cluster/broker-api.js'
import type { RemotingCommand } from '../../src/remoting/command.js'
import { lz4Bomb, zlibBomb, zstdDeclaredSize, zstdHugeWindow, zstdRleBomb } from './bombs.js'

function catchError(fn: () => unknown): RocketMQError {
  try {
    fn()
  } catch (e) {
    expect(e).toBeInstanceOf(RocketMQError)
    return e as RocketMQError
  }
  throw new Error('expected a throw')
}

async function rejection(p: Promise<unknown>): Promise<RocketMQError> {
  try {
    await p
  } catch (e) {
    expect(e).toBeInstanceOf(RocketMQError)
    return e as RocketMQError
  }
  throw new Error('expected a rejection')
}

const record = (compression: 'zlib' | 'zlib-legacy' | 'lz4' | 'zstd', compressedBody: Buffer): Buffer =>
  encodeStoreMessage({ topic: 'BombTopic', body: '', queueId: 5, queueOffset: 1234, compression, compressedBody })

describe('decompression is capped while inflating (defect 1)', () => {
  const bombs: Array<[string, 'zlib' | 'zlib-legacy' | 'lz4' | 'zstd', () => Buffer]> = [
    ['zstd frame declaring 2 GiB in 17 bytes', 'zstd', () => zstdDeclaredSize(2 * 1024 ** 3)],
    ['zstd 32 KiB of RLE blocks -> 1 GiB', 'zstd', () => zstdRleBomb(8192)],
    ['zstd window byte 0xa1 (1.125 GiB window)', 'zstd', () => zstdHugeWindow(0xa1)],
    ['zlib 32 MiB of zeros', 'zlib', () => zlibBomb(32 * 1024 * 1024)],
    ['legacy zlib 32 MiB of zeros', 'zlib-legacy', () => zlibBomb(32 * 1024 * 1024)],
    ['lz4 2 MiB -> 512 MiB', 'lz4', () => lz4Bomb(128)],
  ]
  it.each(bombs)('%s: ERR_MESSAGE_DECODE naming topic, queue and offset', (_name, codec, make) => {
    const bomb = make()
    const before = process.memoryUsage().arrayBuffers
    const err = catchError(() => decodeMessages(record(codec, bomb), { brokerName: 'broker-x' }))
    expect(err.code).toBe('ERR_MESSAGE_DECODE')
    expect(err.context).toMatchObject({ topic: 'BombTopic', queueId: 5, offset: 1234, broker: 'broker-x', reason: 'too-large', maxMessageBytes: DEFAULT_MAX_MESSAGE_BYTES })
    // never held much more than the cap (plus a block), whatever the bomb's size
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(DEFAULT_MAX_MESSAGE_BYTES * 3)
  })

  it('the cap is configurable and exact: a body of exactly maxMessageBytes decodes, one byte less refuses it', () => {
    const cases: Array<['zlib' | 'lz4' | 'zstd', Buffer, number]> = [
      ['zlib', zlibBomb(256 * 1024), 256 * 1024],
      ['zstd', zstdRleBomb(2), 256 * 1024],
      ['lz4', lz4Bomb(1), 1 + 15 + 255 * 16440 + 4],
    ]
    for (const [codec, body, size] of cases) {
      const rec = record(codec, body)
      const [m] = decodeMessages(rec, { maxMessageBytes: size })
      expect(m!.body.length).toBe(size)
      expect(m!.sysFlag & SysFlag.COMPRESSED).toBe(0)
      const err = catchError(() => decodeMessages(rec, { maxMessageBytes: size - 1 }))
      expect(err.context.reason).toBe('too-large')
    }
  })

  it('a compressed inner batch is capped as a whole', () => {
    const inner = encodeBatchBody(Array.from({ length: 64 }, () => ({ body: Buffer.alloc(4096), properties: { UNIQ_KEY: 'X' } })))
    const rec = encodeStoreMessage({ topic: 'B', body: inner, sysFlag: SysFlag.INNER_BATCH | SysFlag.NEED_UNWRAP, compression: 'zlib', queueOffset: 10 })
    expect(decodeMessages(rec, { maxMessageBytes: inner.length })).toHaveLength(64)
    expect(catchError(() => decodeMessages(rec, { maxMessageBytes: inner.length - 1 })).code).toBe('ERR_MESSAGE_DECODE')
  })

  it('zstd: a declared content size or window under the cap still decodes; dictionaries and reserved bits are refused', () => {
    expect(decompressBody(2, zstdHugeWindow(0x58)).toString()).toBe('hello') // 2 MiB window: fine
    const withDict = Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x21, 0x05, 0x01, 0x29, 0x00, 0x00, 0x68, 0x65, 0x6c, 0x6c, 0x6f])
    expect(() => decompressBody(2, withDict)).toThrow(/dictionary/)
    const reserved = Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x28, 0x05, 0x29, 0x00, 0x00, 0x68, 0x65, 0x6c, 0x6c, 0x6f])
    expect(() => decompressBody(2, reserved)).toThrow(/reserved/)
  })
})

describe('routes are range-checked (defect 2)', () => {
  const route = (qd: Record<string, unknown>, extra: Record<string, unknown> = {}): string =>
    JSON.stringify({
      brokerDatas: [{ brokerName: 'bx', cluster: 'C', brokerAddrs: { '0': '127.0.0.1:10911' } }],
      queueDatas: [{ brokerName: 'bx', perm: 6, readQueueNums: 4, writeQueueNums: 4, topicSysFlag: 0, ...qd }],
      ...extra,
    })
  it.each([
    ['writeQueueNums 2147483647', route({ writeQueueNums: 2147483647 })],
    ['readQueueNums 2147483647', route({ readQueueNums: 2147483647 })],
    ['readQueueNums -1', route({ readQueueNums: -1 })],
    ['readQueueNums 1.5', route({ readQueueNums: 1.5 })],
    ["orderTopicConf 'bx:2147483647'", route({}, { orderTopicConf: 'bx:2147483647' })],
    ["orderTopicConf 'bx:abc'", route({}, { orderTopicConf: 'bx:abc' })],
    ['perm 99', route({ perm: 99 })],
  ])('%s: ERR_MALFORMED_RESPONSE, nothing allocated', (_name, body) => {
    const err = catchError(() => {
      const r = parseTopicRoute(body)
      publishQueues('T', r)
      subscribeQueues('T', r)
    })
    expect(err.code).toBe('ERR_MALFORMED_RESPONSE')
    expect(err.retriable).toBe(true)
  })

  it('too many queues in all (many brokers) is refused', () => {
    const n = 5
    const body = JSON.stringify({
      brokerDatas: Array.from({ length: n }, (_, i) => ({ brokerName: `b${i}`, brokerAddrs: { '0': `10.0.0.${i + 1}:10911` } })),
      queueDatas: Array.from({ length: n }, (_, i) => ({ brokerName: `b${i}`, perm: 6, readQueueNums: 65535, writeQueueNums: 65535 })),
    })
    expect(catchError(() => parseTopicRoute(body)).code).toBe('ERR_MALFORMED_RESPONSE')
  })

  it.each(['host:99999', 'host:0', '[zz]:1', '999.1.1.1:10911', 'a b:1', ':10911', '10.0.0.1'])(
    'broker address %j from the NameServer is ERR_MALFORMED_RESPONSE, not ERR_INVALID_OPTION',
    (addr) => {
      const body = JSON.stringify({ brokerDatas: [{ brokerName: 'bx', brokerAddrs: { '0': addr } }], queueDatas: [] })
      expect(catchError(() => parseTopicRoute(body)).code).toBe('ERR_MALFORMED_RESPONSE')
    },
  )

  it('good addresses pass: IPv4, bracketed IPv6, host names', () => {
    const body = JSON.stringify({
      brokerDatas: [{ brokerName: 'bx', brokerAddrs: { '0': '10.0.0.1:10911', '1': '[fe80::1]:10911', '2': 'broker-a.svc.local:10911' } }],
      queueDatas: [],
    })
    expect(parseTopicRoute(body).brokerDatas[0]!.brokerAddrs.size).toBe(3)
  })
})

describe('response numbers are range-checked where parsed (defect 3)', () => {
  const mq = { topic: 'T', brokerName: 'b', queueId: 1 }
  const invoker = (res: RemotingCommand): Invoker => ({
    invoke: async () => res,
    invokeOneway: async () => undefined,
  })
  const pullRes = (ext: Record<string, string>, code = 1, body?: Buffer): RemotingCommand => {
    const cmd: RemotingCommand = { code, language: 'JAVA', version: 0, opaque: 1, flag: 1, extFields: { nextBeginOffset: '11', minOffset: '0', maxOffset: '20', suggestWhichBrokerId: '0', ...ext } }
    if (body) cmd.body = body
    return cmd
  }
  const pull = (res: RemotingCommand) =>
    pullMessage(invoker(res), '127.0.0.1:1', { consumerGroup: 'g', mq, queueOffset: 10, maxMsgNums: 32, sysFlag: 0, commitOffset: 0, suspendTimeoutMillis: 0, subVersion: 0 }, { timeoutMs: 1000 })

  it.each([
    ['nextBeginOffset "abc"', { nextBeginOffset: 'abc' }],
    ['nextBeginOffset "1e3"', { nextBeginOffset: '1e3' }],
    ['nextBeginOffset 2^53', { nextBeginOffset: '9007199254740992' }],
    ['minOffset -5', { minOffset: '-5' }],
    ['maxOffset ""', { maxOffset: '' }],
    ['minOffset > maxOffset', { minOffset: '30' }],
    ['suggestWhichBrokerId "x"', { suggestWhichBrokerId: 'x' }],
    ['suggestWhichBrokerId -1', { suggestWhichBrokerId: '-1' }],
  ])('pull: %s is a retriable ERR_MALFORMED_RESPONSE', async (_n, ext) => {
    const err = await rejection(pull(pullRes(ext, 19)))
    expect(err.code).toBe('ERR_MALFORMED_RESPONSE')
    expect(err.retriable).toBe(true)
    expect(err.context).toMatchObject({ topic: 'T', queueId: 1, pullOffset: 10 })
  })

  it('pull: FOUND whose nextBeginOffset does not move forward is refused (it would redeliver forever)', async () => {
    const body = encodeStoreMessage({ topic: 'T', body: 'x', queueId: 1, queueOffset: 10 })
    expect((await rejection(pull(pullRes({ nextBeginOffset: '10' }, 0, body)))).code).toBe('ERR_MALFORMED_RESPONSE')
    expect((await pull(pullRes({}, 0, body))).messages).toHaveLength(1)
  })

  it('pull: an undecodable body names the queue and offset', async () => {
    const err = await rejection(pull(pullRes({}, 0, Buffer.alloc(120, 7))))
    expect(err.code).toBe('ERR_MESSAGE_DECODE')
    expect(err.context).toMatchObject({ topic: 'T', queueId: 1, broker: 'b', offset: 10, pullOffset: 10 })
  })

  const sendRes = (ext: Record<string, string>): RemotingCommand => ({ code: 0, language: 'JAVA', version: 0, opaque: 1, flag: 1, extFields: { msgId: 'AB', queueId: '1', queueOffset: '7', ...ext } })
  const send = (res: RemotingCommand) =>
    sendMessage(invoker(res), '127.0.0.1:1', { producerGroup: 'p', topic: 'T', queueId: 1, sysFlag: 0, bornTimestamp: 0, flag: 0, properties: '', brokerName: 'b' }, Buffer.from('x'), { timeoutMs: 1000, uniqId: 'U1' })

  it.each([
    ['queueOffset NaN', { queueOffset: 'NaN' }],
    ['queueOffset 2^53', { queueOffset: '9007199254740992' }],
    ['queueId -1', { queueId: '-1' }],
    ['queueId 99999', { queueId: '99999' }],
  ])('send: %s is ERR_MALFORMED_RESPONSE, not retriable (the broker said it stored the message)', async (_n, ext) => {
    const err = await rejection(send(sendRes(ext)))
    expect(err.code).toBe('ERR_MALFORMED_RESPONSE')
    expect(err.retriable).toBe(false)
    expect(err.context).toMatchObject({ stored: true, msgId: 'U1', topic: 'T' })
  })

  it('send: a good response resolves', async () => {
    expect(await send(sendRes({}))).toMatchObject({ queueOffset: 7, queue: { queueId: 1 } })
  })
})
