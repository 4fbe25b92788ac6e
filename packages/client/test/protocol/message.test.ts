import { deflateSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { RocketMQError } from '../../src/errors.js'
import { lz4FrameContentSize, lz4FrameDecompress } from '../../src/protocol/compression.js'
import { MAGIC_V1, MAGIC_V2, SysFlag, decodeMessage, decodeMessages, encodeProperties, parseProperties } from '../../src/protocol/message.js'
import { encodeBatchBody } from '../../src/protocol/batch-body.js'
import { encodeStoreMessage } from '../../src/protocol/message-encoder.js'

/** Hex with `| comment` annotations per line. */
const hex = (s: string): Buffer =>
  Buffer.from(
    s
      .split('\n')
      .map((l) => l.split('|')[0]!)
      .join('')
      .replace(/\s+/g, ''),
    'hex',
  )

const PROPS =
  'UNIQ_KEY\u00017F00000100012A4B1C3D00000000000A\u0002TAGS\u0001TagA\u0002KEYS\u0001order-1 order-2\u0002WAIT\u0001true\u0002'

/**
 * A V1 / IPv4 record written out field by field from §6.1 (188 bytes):
 * queueId 3, queueOffset 16, commitLogOffset 12345, born 192.168.1.5:50000 at 1718000000000,
 * store 192.168.1.10:10911 at 1718000000123, reconsumeTimes 1, body "hello", topic "TopicTest".
 */
const V1_IPV4 = hex(`
  000000bc                                      | TOTALSIZE 188
  daa320a7                                      | MAGIC V1
  3610a686                                      | BODYCRC crc32("hello")
  00000003                                      | QUEUEID
  00000000                                      | FLAG
  0000000000000010                              | QUEUEOFFSET 16
  0000000000003039                              | PHYSICALOFFSET 12345
  00000000                                      | SYSFLAG
  0000019000c79c00                              | BORNTIMESTAMP 1718000000000
  c0a80105 0000c350                             | BORNHOST 192.168.1.5:50000
  0000019000c79c7b                              | STORETIMESTAMP 1718000000123
  c0a8010a 00002a9f                             | STOREHOST 192.168.1.10:10911
  00000001                                      | RECONSUMETIMES
  0000000000000000                              | PREPARED TX OFFSET
  00000005 68656c6c6f                           | BODY "hello"
  09 546f70696354657374                         | TOPIC "TopicTest"
  0053 554e49515f4b455901374630303030303130303031324134423143334430303030303030303030304102544147530154616741024b455953016f726465722d31206f726465722d320257414954017472756502
`)

describe('decodeMessages: hand-built V1 IPv4 record', () => {
  it('decodes every field', () => {
    expect(V1_IPV4.length).toBe(188)
    const [m, ...rest] = decodeMessages(V1_IPV4, { brokerName: 'broker-a' })
    expect(rest).toHaveLength(0)
    expect(m).toBeDefined()
    const msg = m!
    expect(msg.topic).toBe('TopicTest')
    expect(msg.brokerName).toBe('broker-a')
    expect(msg.queueId).toBe(3)
    expect(msg.queueOffset).toBe(16)
    expect(msg.commitLogOffset).toBe(12345)
    expect(msg.sysFlag).toBe(0)
    expect(msg.flag).toBe(0)
    expect(msg.bornTimestamp).toBe(1718000000000)
    expect(msg.bornHost).toBe('192.168.1.5:50000')
    expect(msg.storeTimestamp).toBe(1718000000123)
    expect(msg.storeHost).toBe('192.168.1.10:10911')
    expect(msg.reconsumeTimes).toBe(1)
    expect(msg.preparedTransactionOffset).toBe(0)
    expect(msg.bodyCRC).toBe(0x3610a686)
    expect(msg.storeSize).toBe(188)
    expect(msg.body.toString()).toBe('hello')
    expect(msg.tags).toBe('TagA')
    expect(msg.keys).toEqual(['order-1', 'order-2'])
    expect(msg.getProperty('WAIT')).toBe('true')
    expect(msg.getProperty('MISSING')).toBeUndefined()
    expect(msg.msgId).toBe('7F00000100012A4B1C3D00000000000A')
    // §6.5 example: store 192.168.1.10:10911, offset 12345
    expect(msg.offsetMsgId).toBe('C0A8010A00002A9F0000000000003039')
    expect(msg.queue).toEqual({ topic: 'TopicTest', broker: 'broker-a', brokerName: 'broker-a', queueId: 3 })
    expect({ ...msg.properties }).toEqual({
      UNIQ_KEY: '7F00000100012A4B1C3D00000000000A',
      TAGS: 'TagA',
      KEYS: 'order-1 order-2',
      WAIT: 'true',
    })
  })

  it('encodeStoreMessage reproduces the hand-built bytes exactly', () => {
    const built = encodeStoreMessage({
      topic: 'TopicTest',
      body: 'hello',
      properties: PROPS,
      queueId: 3,
      queueOffset: 16,
      commitLogOffset: 12345,
      bornTimestamp: 1718000000000,
      bornHost: '192.168.1.5:50000',
      storeTimestamp: 1718000000123,
      storeHost: '192.168.1.10:10911',
      reconsumeTimes: 1,
    })
    expect(built.toString('hex')).toBe(V1_IPV4.toString('hex'))
  })

  it('body is a view of the input (same ArrayBuffer, no copy)', () => {
    const frame = Buffer.concat([V1_IPV4, V1_IPV4])
    const msgs = decodeMessages(frame)
    expect(msgs).toHaveLength(2)
    for (const [i, m] of msgs.entries()) {
      expect(m.body.buffer).toBe(frame.buffer)
      expect(m.body.byteOffset).toBe(frame.byteOffset + i * 188 + 4 * 5 + 8 * 2 + 4 + 8 + 8 + 8 + 8 + 4 + 8 + 4)
    }
    frame[frame.indexOf('hello')] = 0x4a // 'J'
    expect(msgs[0]!.body.toString()).toBe('Jello')
  })

  it('properties are parsed lazily: getProperty does not materialise the map', () => {
    const [m] = decodeMessages(V1_IPV4)
    expect(m!._props).toBeUndefined()
    expect(m!.msgId).toBe('7F00000100012A4B1C3D00000000000A')
    expect(m!.tags).toBe('TagA')
    expect(m!._props).toBeUndefined()
    expect(m!.properties.TAGS).toBe('TagA')
    expect(m!._props).toBeDefined()
    m!.setProperty('MIN_OFFSET', '0')
    expect(m!.getProperty('MIN_OFFSET')).toBe('0')
  })

  it('setProperty before parsing does not parse; additions override stored values and merge later', () => {
    const [m] = decodeMessages(V1_IPV4)
    m!.setProperty('MAX_OFFSET', '99')
    m!.setProperty('TAGS', 'Override')
    expect(m!._props).toBeUndefined()
    expect(m!.getProperty('MAX_OFFSET')).toBe('99')
    expect(m!.tags).toBe('Override')
    expect(m!.getProperty('WAIT')).toBe('true')
    expect(m!._props).toBeUndefined()
    expect(m!.properties).toMatchObject({ MAX_OFFSET: '99', TAGS: 'Override', WAIT: 'true', KEYS: 'order-1 order-2' })
    expect(m!.getProperty('MAX_OFFSET')).toBe('99')
  })

  it('reuses the topic string within a batch', () => {
    const frame = Buffer.concat([V1_IPV4, V1_IPV4, V1_IPV4])
    const msgs = decodeMessages(frame)
    expect(msgs.map((m) => m.topic)).toEqual(['TopicTest', 'TopicTest', 'TopicTest'])
    const other = encodeStoreMessage({ topic: 'TopicTesu', body: 'x' })
    const mixed = decodeMessages(Buffer.concat([V1_IPV4, other, V1_IPV4]))
    expect(mixed.map((m) => m.topic)).toEqual(['TopicTest', 'TopicTesu', 'TopicTest'])
  })

  it('decodeMessage decodes a single record (CONSUME_MESSAGE_DIRECTLY body)', () => {
    const m = decodeMessage(V1_IPV4, { brokerName: 'b' })
    expect(m.topic).toBe('TopicTest')
    expect(m.brokerName).toBe('b')
    expect(m.offsetMsgId).toBe('C0A8010A00002A9F0000000000003039')
  })

  it('an empty body decodes to no messages', () => {
    expect(decodeMessages(Buffer.alloc(0))).toEqual([])
  })
})

describe('decodeMessages: V2 magic, IPv6 hosts, 64-bit fields', () => {
  it('decodes a V2 record with a 200-byte topic', () => {
    const topic = 'T'.repeat(200)
    const b = encodeStoreMessage({ topic, body: 'v2', properties: { TAGS: 'x' }, queueOffset: 7 })
    expect(b.readInt32BE(4)).toBe(MAGIC_V2)
    // topic length is a short right after the body
    const bodyEnd = b.length - 2 - Buffer.byteLength('TAGS\u0001x\u0002') - 200 - 2
    expect(b.readInt16BE(bodyEnd)).toBe(200)
    const [m] = decodeMessages(b)
    expect(m!.topic).toBe(topic)
    expect(m!.queueOffset).toBe(7)
    expect(m!.tags).toBe('x')
    expect(m!.body.toString()).toBe('v2')
  })

  it('decodes a V2 record with a short topic (magic decides the length width)', () => {
    const b = encodeStoreMessage({ topic: 'short', body: 'a', magic: 'v2' })
    expect(b.readInt32BE(4)).toBe(MAGIC_V2)
    expect(decodeMessages(b)[0]!.topic).toBe('short')
  })

  it('decodes IPv6 born and store hosts (sysFlag 0x10 / 0x20)', () => {
    const b = encodeStoreMessage({
      topic: 'T6',
      body: 'six',
      bornHost: '[2001:db8::1]:40000',
      storeHost: '[fe80::1:2]:10911',
      commitLogOffset: 0x1_0000_0001,
    })
    const [m] = decodeMessages(b)
    expect(m!.sysFlag & SysFlag.BORNHOST_V6).toBe(SysFlag.BORNHOST_V6)
    expect(m!.sysFlag & SysFlag.STOREHOST_V6).toBe(SysFlag.STOREHOST_V6)
    expect(m!.bornHost).toBe('[2001:db8::1]:40000')
    expect(m!.storeHost).toBe('[fe80::1:2]:10911')
    expect(m!.body.toString()).toBe('six')
    // 16-byte ip ‖ port ‖ offset = 56 hex chars
    expect(m!.offsetMsgId).toBe('FE800000000000000000000000010002' + '00002A9F' + '0000000100000001')
  })

  it('mixed: IPv4 born, IPv6 store', () => {
    const b = encodeStoreMessage({ topic: 'T', body: '', bornHost: '10.0.0.1:1', storeHost: '[::1]:2' })
    const [m] = decodeMessages(b)
    expect(m!.bornHost).toBe('10.0.0.1:1')
    expect(m!.storeHost).toBe('[::1]:2')
    expect(m!.body.length).toBe(0)
  })

  it('reads 64-bit values up to 2^53-1 and rejects larger ones', () => {
    const max = Number.MAX_SAFE_INTEGER
    const ok = encodeStoreMessage({ topic: 'T', body: 'x', queueOffset: max, commitLogOffset: 2 ** 40 + 5, preparedTransactionOffset: -1 })
    const [m] = decodeMessages(ok)
    expect(m!.queueOffset).toBe(max)
    expect(m!.commitLogOffset).toBe(2 ** 40 + 5)
    expect(m!.preparedTransactionOffset).toBe(-1)
    const tooBig = Buffer.from(ok)
    tooBig.writeUInt32BE(0x00200000, 20) // queueOffset high word = 2^21 -> 2^53
    expect(() => decodeMessages(tooBig)).toThrowError(/over 2\^53/)
  })

  it('unicode topic and properties', () => {
    const b = encodeStoreMessage({ topic: '订单', body: 'x', properties: { TAGS: 'tag-订单', '键': '值 ✓', KEYS: 'k1  k2' } })
    const [m] = decodeMessages(b)
    expect(m!.topic).toBe('订单')
    expect(m!.tags).toBe('tag-订单')
    expect(m!.getProperty('键')).toBe('值 ✓')
    expect(m!.keys).toEqual(['k1', 'k2'])
  })
})

describe('decodeMessages: compressed bodies', () => {
  const text = 'compress me please, '.repeat(300)
  const raw = Buffer.from(text)

  it('zlib type 3 (0x300) and legacy type 0', () => {
    for (const compression of ['zlib', 'zlib-legacy'] as const) {
      const b = encodeStoreMessage({ topic: 'Z', body: raw, compression })
      const stored = b.readInt32BE(36)
      expect(stored & SysFlag.COMPRESSED).toBe(1)
      expect(stored & 0x700).toBe(compression === 'zlib' ? 0x300 : 0)
      const [m] = decodeMessages(b)
      expect(m!.body.toString()).toBe(text)
      expect(m!.sysFlag & SysFlag.COMPRESSED).toBe(0)
    }
  })

  it('hand-made zlib stream (Java Deflater level 5 output shape)', () => {
    const z = deflateSync(raw, { level: 5 })
    expect(z[0]).toBe(0x78) // RFC 1950 header
    const b = encodeStoreMessage({ topic: 'Z', body: raw, compression: 'zlib', compressedBody: z })
    expect(decodeMessages(b)[0]!.body.equals(raw)).toBe(true)
  })

  it('lz4 frame (type 1, 0x100)', () => {
    const b = encodeStoreMessage({ topic: 'L', body: raw, compression: 'lz4' })
    expect(b.readInt32BE(36) & 0x701).toBe(0x101)
    const [m] = decodeMessages(b)
    expect(m!.body.toString()).toBe(text)
  })

  it('lz4: exact size walk over a hand-made frame with one compressed block', () => {
    // magic 04224D18, FLG 0x60 (v01, block-independent), BD 0x70 (4 MiB), HC; block of 8 bytes:
    // token 0x34 = 3 literals "abc" + match len 4+4=8 at offset 3 ... then final 0x10 "!"
    const frame = hex('04224d18 6070 73  08000000 34616263 0300 10 21  00000000') // HC byte not verified
    expect(lz4FrameContentSize(frame)).toBe(3 + 8 + 1)
    expect(lz4FrameDecompress(frame).toString()).toBe('abcabcabcab!')
  })

  it('zstd: a hand-written raw-block frame decodes with fzstd', () => {
    // magic 28B52FFD, FHD 0x20 (single segment, 1-byte content size), FCS 5, block header 0x29 0x00 0x00
    // (last block, raw, size 5), "hello"
    const frame = hex('28b52ffd 20 05 290000 68656c6c6f')
    const b = encodeStoreMessage({ topic: 'S', body: 'hello', compression: 'zstd', compressedBody: frame })
    expect(b.readInt32BE(36) & 0x701).toBe(0x201)
    const [m] = decodeMessages(b)
    expect(m!.body.toString()).toBe('hello')
  })

  it('decompress: false keeps the stored bytes and the flag', () => {
    const b = encodeStoreMessage({ topic: 'Z', body: raw, compression: 'zlib' })
    const [m] = decodeMessages(b, { decompress: false })
    expect(m!.sysFlag & 1).toBe(1)
    expect(m!.body.buffer).toBe(b.buffer)
    expect(m!.body.length).toBeLessThan(raw.length)
  })

  it('a corrupt compressed body throws ERR_MESSAGE_DECODE with the cause', () => {
    const b = encodeStoreMessage({ topic: 'Z', body: raw, compression: 'zlib', compressedBody: Buffer.from('not zlib at all') })
    const err = catchError(() => decodeMessages(Buffer.concat([V1_IPV4, b])))
    expect(err.code).toBe('ERR_MESSAGE_DECODE')
    expect(err.message).toMatch(/at byte 188/)
    expect(err.cause).toBeDefined()
  })

  it('a truncated lz4 frame is rejected, not read out of bounds', () => {
    const good = encodeStoreMessage({ topic: 'L', body: raw, compression: 'lz4' })
    const frame = good.subarray(good.indexOf(Buffer.from([0x04, 0x22, 0x4d, 0x18])))
    expect(() => lz4FrameDecompress(frame.subarray(0, 20))).toThrow(/truncated/)
  })
})

describe('decodeMessages: inner batch (§6.7)', () => {
  it('unwraps sysFlag INNER_BATCH|NEED_UNWRAP into members', () => {
    const inner = encodeBatchBody([
      { body: Buffer.from('m0'), properties: { UNIQ_KEY: 'AA00', TAGS: 't0' } },
      { body: Buffer.from('m1'), flag: 7, properties: { UNIQ_KEY: 'AA01', KEYS: 'x y' } },
      { body: Buffer.from('m2'), properties: {} },
    ])
    const outer = encodeStoreMessage({
      topic: 'Batch',
      body: inner,
      sysFlag: SysFlag.INNER_BATCH | SysFlag.NEED_UNWRAP,
      queueId: 2,
      queueOffset: 100,
      commitLogOffset: 5000,
      bornTimestamp: 11,
      storeTimestamp: 22,
      properties: { INNER_NUM: '3' },
    })
    const frame = Buffer.concat([V1_IPV4, outer, V1_IPV4])
    const msgs = decodeMessages(frame, { brokerName: 'bk' })
    expect(msgs.map((m) => m.topic)).toEqual(['TopicTest', 'Batch', 'Batch', 'Batch', 'TopicTest'])
    const [a, b, c] = msgs.slice(1)
    expect([a!.queueOffset, b!.queueOffset, c!.queueOffset]).toEqual([100, 101, 102])
    expect([a!.body.toString(), b!.body.toString(), c!.body.toString()]).toEqual(['m0', 'm1', 'm2'])
    expect(a!.msgId).toBe('AA00')
    expect(a!.tags).toBe('t0')
    expect(b!.flag).toBe(7)
    expect(b!.keys).toEqual(['x', 'y'])
    expect(c!.msgId).toBe(c!.offsetMsgId) // no UNIQ_KEY: falls back to the offset id of the outer record
    for (const m of [a!, b!, c!]) {
      expect(m.queueId).toBe(2)
      expect(m.brokerName).toBe('bk')
      expect(m.commitLogOffset).toBe(5000)
      expect(m.bornTimestamp).toBe(11)
      expect(m.storeTimestamp).toBe(22)
      expect(m.storeHost).toBe('127.0.0.1:10911')
      expect(m.body.buffer).toBe(frame.buffer)
      expect(m.getProperty('INNER_NUM')).toBeUndefined()
    }
  })

  it('only INNER_BATCH without NEED_UNWRAP is delivered as one message', () => {
    const inner = encodeBatchBody([{ body: Buffer.from('m0'), properties: {} }])
    const outer = encodeStoreMessage({ topic: 'B', body: inner, sysFlag: SysFlag.INNER_BATCH })
    expect(decodeMessages(outer)).toHaveLength(1)
  })

  it('a malformed inner entry names the record position', () => {
    const inner = encodeBatchBody([{ body: Buffer.from('m0'), properties: {} }])
    inner.writeInt32BE(9999, 0)
    const outer = encodeStoreMessage({ topic: 'B', body: inner, sysFlag: SysFlag.INNER_BATCH | SysFlag.NEED_UNWRAP })
    const err = catchError(() => decodeMessages(Buffer.concat([V1_IPV4, outer])))
    expect(err.code).toBe('ERR_MESSAGE_DECODE')
    expect(err.message).toMatch(/byte 188: inner batch entry 0 at body offset 0: bad TOTALSIZE 9999/)
  })
})

describe('decodeMessages: malformed records', () => {
  const two = Buffer.concat([V1_IPV4, V1_IPV4])

  it.each([
    ['TOTALSIZE 0 (would loop forever)', (b: Buffer) => b.writeInt32BE(0, 188), /byte 188: bad TOTALSIZE 0/],
    ['negative TOTALSIZE', (b: Buffer) => b.writeInt32BE(-5, 188), /byte 188: bad TOTALSIZE -5/],
    ['TOTALSIZE past the end', (b: Buffer) => b.writeInt32BE(189, 188), /byte 188: bad TOTALSIZE 189/],
    ['bad magic', (b: Buffer) => b.writeInt32BE(0x12345678, 188 + 4), /byte 188: bad MAGICCODE 0x12345678/],
    ['blank magic', (b: Buffer) => b.writeInt32BE(0xcbd43194 | 0, 4), /byte 0: bad MAGICCODE 0xcbd43194/],
    ['BODYLEN past the record', (b: Buffer) => b.writeInt32BE(1000, 188 + 84), /byte 188: bad BODYLEN 1000/],
    ['negative BODYLEN', (b: Buffer) => b.writeInt32BE(-1, 84), /byte 0: bad BODYLEN -1/],
    ['TOPICLEN past the record', (b: Buffer) => b.writeInt8(120, 188 + 93), /byte 188: bad TOPICLEN 120/],
    ['PROPLEN past the record', (b: Buffer) => b.writeInt16BE(84, 188 + 103), /byte 188: bad PROPERTIESLEN 84/],
  ])('%s', (_name, corrupt, re) => {
    const b = Buffer.from(two)
    corrupt(b)
    const err = catchError(() => decodeMessages(b))
    expect(err).toBeInstanceOf(RocketMQError)
    expect(err.code).toBe('ERR_MESSAGE_DECODE')
    expect(err.message).toMatch(re)
  })

  it('trailing garbage shorter than a header', () => {
    const err = catchError(() => decodeMessages(Buffer.concat([V1_IPV4, Buffer.from([0, 0, 1])])))
    expect(err.message).toMatch(/byte 188: truncated record \(3 bytes left\)/)
  })

  it('TOTALSIZE too small for IPv6 fixed fields', () => {
    const b = Buffer.from(V1_IPV4)
    b.writeInt32BE(0x30, 36) // claim both hosts are IPv6 (+24 bytes of fixed fields)
    b.writeInt32BE(91, 0)
    const err = catchError(() => decodeMessages(b.subarray(0, 91)))
    expect(err.message).toMatch(/too small for the fixed fields/)
  })
})

describe('properties', () => {
  it('parseProperties follows Java string2messageProperties', () => {
    expect(parseProperties('a\u00011\u0002b\u00012\u0002')).toEqual({ a: '1', b: '2' })
    expect(parseProperties('a\u00011\u0002b\u00012')).toEqual({ a: '1', b: '2' }) // no trailing separator
    expect(parseProperties('')).toEqual({})
    expect(parseProperties('\u0001x\u0002')).toEqual({}) // empty key
    expect(parseProperties('k\u0001\u0002')).toEqual({}) // empty value
    expect(parseProperties('ab\u0002')).toEqual({}) // no separator
    expect(parseProperties('k\u0001v\u0001w\u0002')).toEqual({ k: 'v\u0001w' }) // split at the first \u0001
    expect(parseProperties('k\u00011\u0002k\u00012\u0002')).toEqual({ k: '2' }) // later wins
    expect(parseProperties('\u0002\u0002k\u0001v\u0002\u0002')).toEqual({ k: 'v' })
    expect(parseProperties('键\u0001值\u0002')).toEqual({ 键: '值' })
  })

  it('prototype-named keys are data; getProperty only sees own keys', () => {
    const p = parseProperties('__proto__\u0001x\u0002constructor\u0001y\u0002')
    expect(Object.getOwnPropertyDescriptor(p, '__proto__')?.value).toBe('x')
    expect(Object.getPrototypeOf(p)).toBe(Object.prototype)
    expect(p.constructor).toBe('y')
    const [m] = decodeMessages(encodeStoreMessage({ topic: 'T', body: '', properties: 'a\u0001b\u0002' }))
    expect(m!.getProperty('toString')).toBeUndefined() // raw scan
    expect(m!.properties.a).toBe('b')
    expect(m!.getProperty('toString')).toBeUndefined() // parsed map
    expect(m!.getProperty('a')).toBe('b')
    m!.setProperty('__proto__', 'z')
    expect(m!.getProperty('__proto__')).toBe('z')
  })

  it('encodeProperties writes the trailing \\u0002 and skips null values', () => {
    expect(encodeProperties({ KEYS: 'a b', TAGS: 'T' })).toBe('KEYS\u0001a b\u0002TAGS\u0001T\u0002')
    expect(encodeProperties({ A: '1', B: undefined, C: null })).toBe('A\u00011\u0002')
    expect(encodeProperties({})).toBe('')
    const p = { UNIQ_KEY: 'X', '键': '值', WAIT: 'true' }
    expect(parseProperties(encodeProperties(p))).toEqual(p)
  })

  it('getProperty on raw bytes agrees with the full parse on edge cases', () => {
    const raws = [
      'k\u00011\u0002k\u00012\u0002',
      'kk\u00011\u0002k\u00012',
      'xk\u0001no\u0002k\u0001\u0002',
      'k\u0001v\u0001w\u0002',
      '\u0001k\u0002k',
      'TAGS\u0001a\u0002TAGSX\u0001b\u0002',
    ]
    for (const raw of raws) {
      const [m] = decodeMessages(encodeStoreMessage({ topic: 'T', body: '', properties: raw }))
      const full = parseProperties(raw)
      for (const name of ['k', 'kk', 'TAGS', 'TAGSX', 'x']) expect(m!.getProperty(name)).toBe(full[name])
    }
  })
})

describe('encodeBatchBody', () => {
  it('matches the §6.7 layout byte for byte', () => {
    const b = encodeBatchBody([{ body: Buffer.from('hi'), flag: 1, properties: { A: 'b' } }])
    expect(b.toString('hex')).toBe(
      [
        '0000001c', // TOTALSIZE 28 = 4*5 + 2 + 2 + 4
        '00000000', // MAGIC 0
        '00000000', // BODYCRC 0
        '00000001', // FLAG
        '00000002', '6869', // BODY
        '0004', '41016202', // PROPERTIES "A\1b\2"
      ].join(''),
    )
  })

  it('rejects properties over 32767 bytes', () => {
    const err = catchError(() => encodeBatchBody([{ body: Buffer.alloc(0), properties: { K: 'x'.repeat(40000) } }]))
    expect(err.code).toBe('ERR_MESSAGE_ENCODE')
  })
})

describe('MessageView presentation', () => {
  it('toJSON gives a plain summary without raw buffers', () => {
    const [m] = decodeMessages(V1_IPV4)
    const j = JSON.parse(JSON.stringify(m)) as Record<string, unknown>
    expect(j.topic).toBe('TopicTest')
    expect(j.bodyLength).toBe(5)
    expect(j.msgId).toBe('7F00000100012A4B1C3D00000000000A')
    expect(j).not.toHaveProperty('_hostBuf')
  })

  it('magic constants match §6.1', () => {
    expect(MAGIC_V1 >>> 0).toBe(0xdaa320a7)
    expect(MAGIC_V2 >>> 0).toBe(0xdaa320ab)
  })
})

function catchError(fn: () => unknown): RocketMQError {
  try {
    fn()
  } catch (e) {
    if (e instanceof RocketMQError) return e
    throw e
  }
  throw new Error('expected an error')
}
