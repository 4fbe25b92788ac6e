import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { formatIPv6, longToHex16, parseIP, splitHostPort } from '../../src/protocol/address.js'
import { localIPv4 } from '../../src/protocol/local-ip.js'
import { createOffsetMsgId, createUniqId, decodeOffsetMsgId, uniqIdIP } from '../../src/protocol/message-id.js'

describe('createUniqId', () => {
  it('has the §6.6 layout: ip ‖ pid ‖ random ‖ ms since month start ‖ counter', () => {
    const before = Date.now()
    const id = createUniqId()
    expect(id).toMatch(/^[0-9A-F]{32}$/)
    const b = Buffer.from(id, 'hex')
    expect(`${b[0]}.${b[1]}.${b[2]}.${b[3]}`).toBe(localIPv4())
    expect(uniqIdIP(id)).toBe(localIPv4())
    expect(b.readUInt16BE(4)).toBe(process.pid & 0xffff)
    const d = new Date(before)
    const monthStart = new Date(d.getFullYear(), d.getMonth(), 1).getTime()
    const t = b.readUInt32BE(10)
    expect(t).toBeGreaterThanOrEqual(before - monthStart)
    expect(t).toBeLessThanOrEqual(Date.now() - monthStart + 1000)
  })

  it('shares the fixed prefix and is unique over 100k calls (counter wraps inside one ms)', () => {
    const ids = new Set<string>()
    const first = createUniqId()
    for (let i = 0; i < 100_000; i++) ids.add(createUniqId())
    expect(ids.size).toBe(100_000)
    for (const id of [...ids].slice(0, 100)) expect(id.slice(0, 20)).toBe(first.slice(0, 20))
  })

  it('differs across processes (random part of the prefix)', () => {
    const script = fileURLToPath(new URL('./uniq-id-child.ts', import.meta.url))
    const run = (): string => {
      const r = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8' })
      expect(r.status, r.stderr).toBe(0)
      return r.stdout.trim()
    }
    const a = run()
    const b = run()
    expect(a).toMatch(/^[0-9A-F]{32}$/)
    expect(a.slice(12, 20)).not.toBe(b.slice(12, 20))
    expect(a).not.toBe(b)
  }, 60_000) // two child processes under tsx: seconds on a loaded machine
})

describe('offset msgId', () => {
  it('§6.5 example', () => {
    expect(createOffsetMsgId('192.168.1.10', 10911, 12345)).toBe('C0A8010A00002A9F0000000000003039')
    expect(decodeOffsetMsgId('C0A8010A00002A9F0000000000003039')).toEqual({
      ip: '192.168.1.10',
      port: 10911,
      offset: 12345,
      address: '192.168.1.10:10911',
    })
  })

  it('IPv6 round trip (56 hex chars) and big offsets', () => {
    const id = createOffsetMsgId('2001:db8::7', 10911, 2 ** 52 + 3)
    expect(id).toHaveLength(56)
    expect(id).toBe('20010DB8000000000000000000000007' + '00002A9F' + '0010000000000003')
    expect(decodeOffsetMsgId(id)).toEqual({ ip: '2001:db8::7', port: 10911, offset: 2 ** 52 + 3, address: '[2001:db8::7]:10911' })
    expect(decodeOffsetMsgId(id.toLowerCase()).offset).toBe(2 ** 52 + 3)
  })

  it('rejects malformed ids', () => {
    expect(() => decodeOffsetMsgId('XYZ')).toThrowError(/Not an offset msgId/)
    expect(() => decodeOffsetMsgId('G'.repeat(32))).toThrowError(/Not an offset msgId/)
    expect(() => decodeOffsetMsgId('C0A8010A00002A9F7FFFFFFFFFFFFFFF')).toThrowError(/exceeds 2\^53/)
    expect(() => createOffsetMsgId('nope', 1, 1)).toThrowError(/Not an IP/)
  })
})

describe('address helpers', () => {
  it('longToHex16 handles negatives as two\'s complement', () => {
    expect(longToHex16(0)).toBe('0000000000000000')
    expect(longToHex16(-1)).toBe('FFFFFFFFFFFFFFFF')
    expect(longToHex16(2 ** 32)).toBe('0000000100000000')
  })

  it('IPv6 text follows RFC 5952', () => {
    expect(formatIPv6(parseIP('::'))).toBe('::')
    expect(formatIPv6(parseIP('::1'))).toBe('::1')
    expect(formatIPv6(parseIP('2001:db8:0:0:1:0:0:1'))).toBe('2001:db8::1:0:0:1')
    expect(formatIPv6(parseIP('2001:db8:0:1:1:1:1:1'))).toBe('2001:db8:0:1:1:1:1:1') // single zero group not collapsed
    expect(formatIPv6(parseIP('::ffff:10.0.0.1'))).toBe('::ffff:a00:1')
    expect(parseIP('10.1.2.3')).toEqual(Buffer.from([10, 1, 2, 3]))
  })

  it('splitHostPort', () => {
    expect(splitHostPort('10.0.0.1:10911')).toEqual({ ip: '10.0.0.1', port: 10911 })
    expect(splitHostPort('[::1]:9876')).toEqual({ ip: '::1', port: 9876 })
    expect(() => splitHostPort('host:99999')).toThrow()
  })
})
