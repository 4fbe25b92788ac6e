import { describe, expect, it } from 'vitest'
import { RocketMQError } from '../../src/errors.js'
import {
  FrameDecoder,
  decodeCommand,
  encodeCommand,
  encodeCommandBinary,
  encodeFramePrefix,
  toExtFields,
} from '../../src/remoting/codec.js'
import { MAX_FRAME_BYTES, type RemotingCommand } from '../../src/remoting/command.js'
import { RequestCode, ResponseCode, requestCodeName, responseCodeName } from '../../src/remoting/codes.js'
import { readHexFixture } from './helpers.js'

const routeRequest: RemotingCommand = {
  code: 105,
  language: 'JAVA',
  version: 401,
  opaque: 1,
  flag: 0,
  extFields: { topic: 'TopicTest', acceptStandardJsonOnly: 'true' },
}

function expectCode(fn: () => unknown, code: string): RocketMQError {
  try {
    fn()
  } catch (e) {
    expect(e).toBeInstanceOf(RocketMQError)
    expect((e as RocketMQError).code).toBe(code)
    return e as RocketMQError
  }
  throw new Error(`expected a ${code} error, nothing was thrown`)
}

/** A frame: length prefix + header word + header bytes + body, built by hand (not with the encoder). */
function rawFrame(serializeType: number, header: Buffer, body: Buffer = Buffer.alloc(0)): Buffer {
  const pre = Buffer.alloc(8)
  pre.writeInt32BE(4 + header.length + body.length, 0)
  pre.writeUInt32BE(((serializeType << 24) | header.length) >>> 0, 4)
  return Buffer.concat([pre, header, body])
}

describe('codes', () => {
  it('names response and request codes, and unknown ones', () => {
    expect(ResponseCode.PULL_NOT_FOUND).toBe(19)
    expect(ResponseCode.GO_AWAY).toBe(1500)
    expect(RequestCode.GET_ROUTEINFO_BY_TOPIC).toBe(105)
    expect(RequestCode.UPDATE_AND_CREATE_TOPIC).toBe(17)
    expect(RequestCode.GET_BROKER_CLUSTER_INFO).toBe(106)
    expect(responseCodeName(21)).toBe('PULL_OFFSET_MOVED')
    expect(responseCodeName(0)).toBe('SUCCESS')
    expect(responseCodeName(4242)).toBe('UNKNOWN(4242)')
    expect(requestCodeName(11)).toBe('PULL_MESSAGE')
  })

  it('has no duplicate numbers inside each table', () => {
    const resp = Object.values(ResponseCode)
    expect(new Set(resp).size).toBe(resp.length)
    const req = Object.values(RequestCode)
    expect(new Set(req).size).toBe(req.length)
  })
})

describe('JSON test vector (§1.2)', () => {
  const fixture = readHexFixture('route-request-json.hex')

  it('is the 171-byte frame starting 00 00 00 a7 00 00 00 a3', () => {
    expect(fixture.length).toBe(171)
    expect(fixture.subarray(0, 8).toString('hex')).toBe('000000a7000000a3')
  })

  it('decodes to the route request', () => {
    const cmd = decodeCommand(fixture.subarray(4))
    expect(cmd).toEqual({ ...routeRequest, language: 'JAVA' })
    expect(cmd.remark).toBeUndefined()
    expect(cmd.body).toBeUndefined()
  })

  it('is produced byte for byte by encodeCommand', () => {
    const frame = encodeCommand(routeRequest)
    expect(frame.readInt32BE(0)).toBe(0xa7)
    expect(frame.readInt32BE(4)).toBe(0xa3)
    expect(frame.length).toBe(171)
    expect(frame.equals(fixture)).toBe(true)
    expect(encodeFramePrefix(routeRequest).equals(fixture)).toBe(true)
  })

  it('keeps the same lengths whatever the key order of the header', () => {
    const reordered: RemotingCommand = {
      flag: 0,
      opaque: 1,
      extFields: { acceptStandardJsonOnly: 'true', topic: 'TopicTest' },
      version: 401,
      language: 'JAVA',
      code: 105,
    }
    const frame = encodeCommand(reordered)
    expect(frame.subarray(0, 8).toString('hex')).toBe('000000a7000000a3')
    expect(decodeCommand(frame.subarray(4))).toEqual(decodeCommand(fixture.subarray(4)))
  })
})

describe('ROCKETMQ binary test vector (§1.5)', () => {
  const fixture = readHexFixture('route-request-binary.hex')
  const cmd: RemotingCommand = { code: 105, language: 'JAVA', version: 401, opaque: 1, flag: 0, extFields: { topic: 'TopicTest' } }

  it('is produced byte for byte by encodeCommandBinary', () => {
    expect(fixture.length).toBe(49)
    const frame = encodeCommandBinary(cmd)
    expect(frame.toString('hex')).toBe(fixture.toString('hex'))
  })

  it('decodes byte for byte', () => {
    expect(decodeCommand(fixture.subarray(4))).toEqual(cmd)
  })
})

describe('round trips', () => {
  const rich: RemotingCommand = {
    code: 11,
    language: 'JAVA',
    version: 479,
    opaque: -2147483648,
    flag: 1,
    remark: 'no new message 💤 — ремарка',
    extFields: { topic: 'Tópic_é', 'ключ': '値 🚀', nextBeginOffset: '9223372036854775807', empty: '' },
    body: Buffer.from([0, 1, 2, 3, 254, 255, 0x7b, 0x7d]),
  }

  for (const [name, encode] of [
    ['JSON', encodeCommand],
    ['ROCKETMQ', encodeCommandBinary],
  ] as const) {
    it(`${name}: remark, unicode extFields and body survive, body is a view of the frame`, () => {
      const frame = encode(rich)
      expect(frame.readUInt8(4)).toBe(name === 'JSON' ? 0 : 1)
      expect(frame.readInt32BE(0)).toBe(frame.length - 4)
      const inner = frame.subarray(4)
      const decoded = decodeCommand(inner)
      expect(decoded).toEqual(rich)
      // a view: same ArrayBuffer, positioned at the tail of the frame, no copy
      expect(decoded.body!.buffer).toBe(frame.buffer)
      expect(decoded.body!.byteOffset).toBe(frame.byteOffset + frame.length - rich.body!.length)
      inner[inner.length - 1] = 0x42
      expect(decoded.body![decoded.body!.length - 1]).toBe(0x42)
    })

    it(`${name}: a command without remark, extFields or body`, () => {
      const bare: RemotingCommand = { code: 34, language: 'JAVA', version: 401, opaque: 7, flag: 2 }
      const decoded = decodeCommand(encode(bare).subarray(4))
      expect(decoded).toEqual(bare)
      expect('remark' in decoded).toBe(false)
      expect('extFields' in decoded).toBe(false)
      expect('body' in decoded).toBe(false)
    })
  }

  it('JSON: an empty extFields object is sent as {} and the language name is kept', () => {
    const cmd: RemotingCommand = { code: 0, language: 'NODE_JS', version: 479, opaque: 3, flag: 1, extFields: {} }
    const frame = encodeCommand(cmd)
    const json = JSON.parse(frame.toString('utf8', 8)) as Record<string, unknown>
    expect(json).toEqual({ code: 0, language: 'NODE_JS', version: 479, opaque: 3, flag: 1, extFields: {}, serializeTypeCurrentRPC: 'JSON' })
    expect(decodeCommand(frame.subarray(4))).toEqual(cmd)
  })

  it('ROCKETMQ: the language byte maps to its enum name', () => {
    const frame = encodeCommandBinary({ code: 0, language: 'GO', version: 317, opaque: 1, flag: 1 })
    expect(frame[4 + 4 + 2]).toBe(9)
    expect(decodeCommand(frame.subarray(4)).language).toBe('GO')
    frame[4 + 4 + 2] = 13
    expect(decodeCommand(frame.subarray(4)).language).toBe('NODE_JS')
    frame[4 + 4 + 2] = 99
    expect(decodeCommand(frame.subarray(4)).language).toBe('UNKNOWN(99)')
  })

  it('decodes a fastjson-style broker response (sorted keys, extra keys, non-string ext values coerced)', () => {
    const header = Buffer.from(
      '{"code":0,"extFields":{"queueId":"3","msgId":"AC1100","flagged":true,"n":12,"gone":null},"flag":1,"language":"JAVA","opaque":42,"serializeTypeCurrentRPC":"JSON","version":479,"unknownKey":1}',
    )
    const frame = rawFrame(0, header, Buffer.from('xyz'))
    const cmd = decodeCommand(frame.subarray(4))
    expect(cmd.code).toBe(0)
    expect(cmd.opaque).toBe(42)
    expect(cmd.flag).toBe(1)
    expect(cmd.version).toBe(479)
    expect(cmd.extFields).toEqual({ queueId: '3', msgId: 'AC1100', flagged: 'true', n: '12' })
    expect(cmd.body!.toString()).toBe('xyz')
  })

  it('toExtFields drops undefined and null and stringifies the rest', () => {
    expect(
      toExtFields({ a: 'x', b: 5, c: true, d: false, e: 9007199254740993n, f: undefined, g: null, h: -1, i: '' }),
    ).toEqual({ a: 'x', b: '5', c: 'true', d: 'false', e: '9007199254740993', h: '-1', i: '' })
  })

  it('refuses to encode a frame over 16 MiB', () => {
    const body = Buffer.alloc(MAX_FRAME_BYTES)
    expectCode(() => encodeCommand({ ...routeRequest, body }), 'ERR_FRAME_TOO_LARGE')
    expectCode(() => encodeFramePrefix({ ...routeRequest, body }), 'ERR_FRAME_TOO_LARGE')
    expectCode(() => encodeCommandBinary({ ...routeRequest, body }), 'ERR_FRAME_TOO_LARGE')
  })

  it('refuses a binary header for codes that do not fit a short', () => {
    expectCode(() => encodeCommandBinary({ ...routeRequest, code: 200050 }), 'ERR_INVALID_OPTION')
    // the JSON header carries them
    expect(decodeCommand(encodeCommand({ ...routeRequest, code: 200050 }).subarray(4)).code).toBe(200050)
  })
})

describe('FrameDecoder', () => {
  const frames: RemotingCommand[] = [
    { code: 105, language: 'JAVA', version: 401, opaque: 1, flag: 0, extFields: { topic: 'T' } },
    { code: 0, language: 'JAVA', version: 479, opaque: 1, flag: 1, remark: 'ok ✓', body: Buffer.from('{"brokerDatas":[]}') },
    { code: 19, language: 'CPP', version: 1, opaque: 2, flag: 1, extFields: { 'k€y': 'välue' }, body: Buffer.alloc(300, 7) },
  ]
  const stream = Buffer.concat([encodeCommand(frames[0]!), encodeCommandBinary(frames[1]!), encodeCommand(frames[2]!)])

  it('decodes several frames from one chunk, each body a view of that chunk', () => {
    const d = new FrameDecoder()
    const out = d.push(stream)
    expect(out).toEqual(frames)
    expect(out[1]!.body!.buffer).toBe(stream.buffer)
    expect(out[2]!.body!.buffer).toBe(stream.buffer)
    expect(d.bufferedBytes).toBe(0)
  })

  it('decodes the same frames when the stream is split in two at every byte boundary', () => {
    for (let i = 0; i <= stream.length; i++) {
      const d = new FrameDecoder()
      const out = [...d.push(stream.subarray(0, i)), ...d.push(stream.subarray(i))]
      expect(out, `split at ${i}`).toEqual(frames)
      expect(d.bufferedBytes).toBe(0)
    }
  })

  it('decodes the same frames when fed one byte at a time', () => {
    const d = new FrameDecoder()
    const out: RemotingCommand[] = []
    for (let i = 0; i < stream.length; i++) {
      const got = d.push(stream.subarray(i, i + 1))
      out.push(...got)
      // a frame completes exactly at its last byte, not earlier
      if (got.length > 0) expect([stream.length, encodeCommand(frames[0]!).length, encodeCommand(frames[0]!).length + encodeCommandBinary(frames[1]!).length]).toContain(i + 1)
    }
    expect(out).toEqual(frames)
  })

  it('decodes when split at three arbitrary points (every pair of boundaries in the first frame pair)', () => {
    const limit = encodeCommand(frames[0]!).length + 12
    for (let i = 1; i < limit; i++) {
      for (let j = i; j < limit; j += 7) {
        const d = new FrameDecoder()
        const out = [...d.push(stream.subarray(0, i)), ...d.push(stream.subarray(i, j)), ...d.push(stream.subarray(j))]
        expect(out).toEqual(frames)
      }
    }
  }, 60_000) // exhaustive (thousands of splits): seconds on a loaded CI machine

  it('next() hands out one frame at a time', () => {
    const d = new FrameDecoder()
    d.append(stream)
    expect(d.next()?.code).toBe(105)
    expect(d.next()?.code).toBe(0)
    expect(d.next()?.code).toBe(19)
    expect(d.next()).toBeUndefined()
  })

  describe('malformed input', () => {
    const header = (n: number): Buffer => {
      const b = Buffer.alloc(8)
      b.writeInt32BE(n, 0)
      b.writeInt32BE(0, 4)
      return b
    }

    it('rejects an oversized length prefix as soon as the prefix arrives', () => {
      const d = new FrameDecoder()
      const len = Buffer.alloc(4)
      len.writeInt32BE(MAX_FRAME_BYTES - 3, 0) // + 4 > 16 MiB
      const e = expectCode(() => d.push(len), 'ERR_FRAME_TOO_LARGE')
      expect(e.context.frameBytes).toBe(MAX_FRAME_BYTES + 1)
      // poisoned afterwards
      expectCode(() => d.push(Buffer.from([1])), 'ERR_FRAME_TOO_LARGE')
    })

    it('accepts a frame of exactly 16 MiB including the prefix', () => {
      const bodyLength = MAX_FRAME_BYTES - 8 - Buffer.byteLength('{"code":0,"opaque":1,"flag":1}')
      const headerBytes = Buffer.from('{"code":0,"opaque":1,"flag":1}')
      const frame = rawFrame(0, headerBytes, Buffer.alloc(bodyLength, 1))
      expect(frame.length).toBe(MAX_FRAME_BYTES)
      const d = new FrameDecoder()
      const out = d.push(frame)
      expect(out).toHaveLength(1)
      expect(out[0]!.body!.length).toBe(bodyLength)
    })

    it('honours a smaller maxFrameBytes', () => {
      const d = new FrameDecoder({ maxFrameBytes: 100 })
      expectCode(() => d.push(encodeCommand(frames[0]!).subarray(0, 4)), 'ERR_FRAME_TOO_LARGE')
    })

    it('rejects negative and too-small lengths', () => {
      expectCode(() => new FrameDecoder().push(header(-1)), 'ERR_MALFORMED_FRAME')
      expectCode(() => new FrameDecoder().push(header(3)), 'ERR_MALFORMED_FRAME')
      expectCode(() => new FrameDecoder().push(Buffer.from('ffffffff', 'hex')), 'ERR_MALFORMED_FRAME')
    })

    it('rejects a garbage header length larger than the frame', () => {
      const f = Buffer.alloc(20)
      f.writeInt32BE(16, 0)
      f.writeUInt32BE(0x00ffff00, 4)
      expectCode(() => new FrameDecoder().push(f), 'ERR_MALFORMED_FRAME')
    })

    it('rejects a header that is not JSON, not an object, or lacks code/opaque', () => {
      expectCode(() => new FrameDecoder().push(rawFrame(0, Buffer.from('{"code":1,'))), 'ERR_MALFORMED_FRAME')
      expectCode(() => new FrameDecoder().push(rawFrame(0, Buffer.from('[1,2]'))), 'ERR_MALFORMED_FRAME')
      expectCode(() => new FrameDecoder().push(rawFrame(0, Buffer.from('{"opaque":1}'))), 'ERR_MALFORMED_FRAME')
      expectCode(() => new FrameDecoder().push(rawFrame(0, Buffer.from('{"code":"0","opaque":1}'))), 'ERR_MALFORMED_FRAME')
      expectCode(() => new FrameDecoder().push(rawFrame(0, Buffer.from('{"code":0}'))), 'ERR_MALFORMED_FRAME')
      expectCode(() => new FrameDecoder().push(rawFrame(0, Buffer.from('{"code":0,"opaque":1,"extFields":"x"}'))), 'ERR_MALFORMED_FRAME')
    })

    it('rejects an unknown serialize type', () => {
      const e = expectCode(() => new FrameDecoder().push(rawFrame(2, Buffer.from('{"code":0,"opaque":1}'))), 'ERR_MALFORMED_FRAME')
      expect(e.message).toMatch(/serialize type 2/)
    })

    it('rejects truncated binary headers', () => {
      const good = encodeCommandBinary({ code: 0, language: 'JAVA', version: 1, opaque: 1, flag: 1, remark: 'r', extFields: { a: 'b' } })
      const hl = good.readUInt32BE(4) & 0xffffff
      const headerBytes = good.subarray(8, 8 + hl)
      for (let cut = 0; cut < headerBytes.length; cut++) {
        expectCode(() => new FrameDecoder().push(rawFrame(1, headerBytes.subarray(0, cut))), 'ERR_MALFORMED_FRAME')
      }
      // negative remark length
      const bad = Buffer.from(headerBytes)
      bad.writeInt32BE(-5, 13)
      expectCode(() => new FrameDecoder().push(rawFrame(1, bad)), 'ERR_MALFORMED_FRAME')
      expect(new FrameDecoder().push(rawFrame(1, headerBytes))[0]!.extFields).toEqual({ a: 'b' })
    })

    it('decodeCommand rejects a frame shorter than the header word', () => {
      expectCode(() => decodeCommand(Buffer.from([0, 0])), 'ERR_MALFORMED_FRAME')
    })
  })
})

describe('frames captured from a real 5.3.x cluster', () => {
  it('decodes a NameServer route response (fastjson sorted keys, no extFields, JSON body view)', () => {
    const bytes = readHexFixture('namesrv-route-response-tbw102.hex')
    expect(bytes.readInt32BE(0)).toBe(bytes.length - 4)
    const [cmd, ...rest] = new FrameDecoder().push(bytes)
    expect(rest).toEqual([])
    expect(cmd).toMatchObject({ code: 0, flag: 1, opaque: 2, language: 'JAVA', version: 513 })
    expect(cmd!.extFields).toBeUndefined()
    expect(cmd!.body!.buffer).toBe(bytes.buffer)
    const route = JSON.parse(cmd!.body!.toString('utf8')) as { brokerDatas: Array<{ brokerName: string }>; queueDatas: unknown[] }
    expect(route.brokerDatas.map((b) => b.brokerName).sort()).toEqual(['broker-a', 'broker-b'])
    expect(route.queueDatas).toHaveLength(2)
    expect(decodeCommand(encodeCommand(cmd!).subarray(4))).toEqual(cmd)
  })

  it('decodes TOPIC_NOT_EXIST with its multi-line remark', () => {
    const bytes = readHexFixture('namesrv-route-response-not-found.hex')
    const [cmd] = new FrameDecoder().push(bytes)
    expect(cmd!.code).toBe(ResponseCode.TOPIC_NOT_EXIST)
    expect(responseCodeName(cmd!.code)).toBe('TOPIC_NOT_EXIST')
    expect(cmd!.remark).toMatch(/^No topic route info in name server for the topic: NoSuchTopic_fixture\nSee /)
    expect(cmd!.body).toBeUndefined()
  })

  it('decodes a broker response with extFields, even fed one byte at a time', () => {
    const bytes = readHexFixture('broker-get-max-offset-response.hex')
    const d = new FrameDecoder()
    const out: RemotingCommand[] = []
    for (let i = 0; i < bytes.length; i++) out.push(...d.push(bytes.subarray(i, i + 1)))
    expect(out).toEqual([{ code: 0, language: 'JAVA', version: 513, opaque: 3, flag: 1, extFields: { offset: '0' } }])
  })
})
