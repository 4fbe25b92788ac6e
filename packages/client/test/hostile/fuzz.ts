/**
 * Seeded fuzzers for everything that reads bytes from the network: the frame decoder, a Connection facing a hostile
 * peer on loopback, the message decoder (every codec, batches, IPv6 hosts, decompression bombs) and the route parser.
 *
 * Each returns a report: cases run, and findings by kind - a crash (a non-RocketMQError throw, i.e. an untyped
 * error), a typed error with an unexpected code, a hang (a case that did not finish in time), a result that breaks
 * an invariant (a body over the cap, more queues than the route limit). Unhandled rejections are counted by the test.
 */
import { deflateSync } from 'node:zlib'
import { RocketMQError, type ErrorCode } from '../../src/errors.js'
import { FrameDecoder, encodeCommand, encodeCommandBinary } from '../../src/remoting/codec.js'
import type { RemotingCommand } from '../../src/remoting/command.js'
import { Connection } from '../../src/remoting/connection.js'
import { decodeMessage, decodeMessages, SysFlag, type MessageView } from '../../src/protocol/message.js'
import { encodeStoreMessage } from '../../src/protocol/message-encoder.js'
import { encodeBatchBody } from '../../src/protocol/batch-body.js'
import { MAX_QUEUES_PER_ROUTE, parseTopicRoute, publishQueues, subscribeQueues } from '../../src/protocol/route.js'
import { compressBody } from '../../src/protocol/compression.js'
import { startFakeServer } from '../remoting/helpers.js'
import { lz4Bomb, zlibBomb, zstdDeclaredSize, zstdHugeWindow, zstdRleBomb } from './bombs.js'

export interface Finding {
  kind: 'untyped-throw' | 'wrong-code' | 'hang' | 'invariant'
  target: string
  seed: number
  caseIndex: number
  detail: string
}

export interface FuzzReport {
  target: string
  cases: number
  ms: number
  findings: Finding[]
}

/** mulberry32: small, fast, reproducible. */
export function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const INTERESTING_32 = [0, 1, -1, 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffff, 0x7fffffff, -0x80000000, 0x100000, 16 * 1024 * 1024, 91, 22]

class Mutator {
  constructor(readonly r: () => number) {}
  int(n: number): number {
    return Math.floor(this.r() * n)
  }
  pick<T>(a: readonly T[]): T {
    return a[this.int(a.length)]!
  }
  bytes(n: number): Buffer {
    const b = Buffer.allocUnsafe(n)
    for (let i = 0; i < n; i++) b[i] = this.int(256)
    return b
  }
  /** 1..4 random edits: bit flips, byte sets, interesting int32s, truncation, duplication, insertion. */
  mutate(src: Buffer): Buffer {
    let b = Buffer.from(src)
    const edits = 1 + this.int(4)
    for (let e = 0; e < edits && b.length > 0; e++) {
      const p = this.int(b.length)
      switch (this.int(7)) {
        case 0:
          b[p] = b[p]! ^ (1 << this.int(8))
          break
        case 1:
          b[p] = this.int(256)
          break
        case 2:
          if (p + 4 <= b.length) b.writeInt32BE(this.pick(INTERESTING_32) | 0, p)
          break
        case 3:
          b = b.subarray(0, p)
          break
        case 4:
          b = Buffer.concat([b.subarray(0, p), b.subarray(p, p + this.int(16)), b.subarray(p)])
          break
        case 5:
          b = Buffer.concat([b.subarray(0, p), this.bytes(1 + this.int(8)), b.subarray(p)])
          break
        default:
          if (p + 2 <= b.length) b.writeInt16BE((this.pick(INTERESTING_32) << 16) >> 16, p)
      }
    }
    return b
  }
  /** Split into 1..5 chunks at random points. */
  split(b: Buffer): Buffer[] {
    const cuts = new Set<number>()
    const n = this.int(5)
    for (let i = 0; i < n; i++) cuts.add(this.int(b.length + 1))
    const points = [0, ...[...cuts].sort((x, y) => x - y), b.length]
    const out: Buffer[] = []
    for (let i = 1; i < points.length; i++) out.push(b.subarray(points[i - 1], points[i]))
    return out
  }
}

function classify(target: string, seed: number, caseIndex: number, e: unknown, allowed: readonly ErrorCode[], findings: Finding[]): void {
  if (!(e instanceof RocketMQError)) {
    findings.push({ kind: 'untyped-throw', target, seed, caseIndex, detail: `${(e as Error)?.name}: ${(e as Error)?.message ?? String(e)}`.slice(0, 300) })
  } else if (!allowed.includes(e.code)) {
    findings.push({ kind: 'wrong-code', target, seed, caseIndex, detail: `${e.code}: ${e.message}`.slice(0, 300) })
  }
}

function timed(target: string, seed: number, i: number, slowMs: number, findings: Finding[], fn: () => void): void {
  const t0 = performance.now()
  fn()
  const dt = performance.now() - t0
  if (dt > slowMs) findings.push({ kind: 'hang', target, seed, caseIndex: i, detail: `took ${dt.toFixed(0)} ms` })
}

// ------------------------------------------------------------------------------------------------------- frames

function sampleCommands(m: Mutator): RemotingCommand[] {
  const ext: Record<string, string> = { topic: 'TopicTest', queueId: String(m.int(16)), nextBeginOffset: String(m.int(1e6)) }
  const body = m.int(3) === 0 ? undefined : m.bytes(m.int(64))
  const cmd: RemotingCommand = { code: m.pick([0, 1, 11, 105, 310]), language: 'JAVA', version: 479, opaque: m.int(1e6), flag: m.int(2), remark: m.int(2) ? 'r\u00e9mark' : undefined, extFields: ext }
  if (body) cmd.body = body
  return [cmd, { code: 0, language: 'JAVA', version: 0, opaque: 7, flag: 1 }]
}

export function fuzzFrameDecoder(seed: number, cases: number): FuzzReport {
  const target = 'frame-decoder'
  const m = new Mutator(rng(seed))
  const findings: Finding[] = []
  const t0 = performance.now()
  for (let i = 0; i < cases; i++) {
    const cmds = sampleCommands(m)
    const valid = Buffer.concat(cmds.map((c) => (m.int(2) ? encodeCommand(c) : encodeCommandBinary(c))))
    const kind = m.int(4)
    const input = kind === 0 ? m.bytes(m.int(256)) : kind === 1 ? valid.subarray(0, m.int(valid.length)) : m.mutate(valid)
    const maxFrameBytes = m.pick([64, 1024, 16 * 1024 * 1024])
    timed(target, seed, i, 1000, findings, () => {
      const d = new FrameDecoder({ maxFrameBytes })
      try {
        for (const chunk of m.split(input)) {
          for (const cmd of d.push(chunk)) {
            if (typeof cmd.code !== 'number' || typeof cmd.opaque !== 'number') {
              findings.push({ kind: 'invariant', target, seed, caseIndex: i, detail: 'command without numeric code/opaque' })
            }
          }
        }
        if (d.bufferedBytes > input.length) findings.push({ kind: 'invariant', target, seed, caseIndex: i, detail: 'buffered more than received' })
      } catch (e) {
        classify(target, seed, i, e, ['ERR_MALFORMED_FRAME', 'ERR_FRAME_TOO_LARGE'], findings)
      }
    })
  }
  return { target, cases, ms: performance.now() - t0, findings }
}

// --------------------------------------------------------------------------------------------------- connection

/**
 * A peer on loopback answers each request with something hostile: random bytes, a mutated/split/truncated response,
 * a length prefix that promises more than it sends, or nothing. Every invoke must settle (resolve, or reject with a
 * typed error) within its timeout plus a margin; then the same RemotingClient-style replacement must work again.
 */
export async function fuzzConnection(seed: number, cases: number): Promise<FuzzReport> {
  const target = 'connection'
  const m = new Mutator(rng(seed))
  const findings: Finding[] = []
  const t0 = performance.now()
  let mode = 0
  const server = await startFakeServer((cmd, peer) => {
    if ((cmd.flag & 3) !== 0) return
    const good = encodeCommand({ code: 0, language: 'JAVA', version: 0, opaque: cmd.opaque, flag: 1, extFields: { a: '1' } })
    let out: Buffer
    switch (mode) {
      case 0:
        out = m.bytes(1 + m.int(64))
        break
      case 1:
        out = m.mutate(good)
        break
      case 2: {
        const pre = Buffer.alloc(4)
        pre.writeInt32BE(1024 * 1024)
        out = Buffer.concat([pre, m.bytes(10), good])
        break
      }
      case 3:
        out = good.subarray(0, m.int(good.length))
        break
      case 4:
        return // silence
      default:
        out = good
    }
    const chunks = m.split(out)
    let k = 0
    const write = (): void => {
      if (k >= chunks.length || peer.socket.destroyed) return
      peer.socket.write(chunks[k++]!)
      setImmediate(write)
    }
    write()
  })
  let conn: Connection | undefined
  try {
    for (let i = 0; i < cases; i++) {
      mode = m.int(6)
      if (conn === undefined || conn.isClosed) conn = new Connection({ address: server.address, connectTimeoutMs: 1000 })
      const timeoutMs = 50 + m.int(100)
      const settled = await Promise.race([
        conn.invoke(11, { q: String(i) }, undefined, { timeoutMs }).then(
          () => 'ok',
          (e: unknown) => {
            classify(target, seed, i, e, ['ERR_TIMEOUT', 'ERR_MALFORMED_FRAME', 'ERR_FRAME_TOO_LARGE', 'ERR_CONNECTION_CLOSED', 'ERR_CONNECTION'], findings)
            return 'err'
          },
        ),
        new Promise<string>((resolve) => setTimeout(() => resolve('hang'), timeoutMs + 2000)),
      ])
      if (settled === 'hang') findings.push({ kind: 'hang', target, seed, caseIndex: i, detail: `invoke in mode ${mode} did not settle` })
    }
    // After all that, a fresh connection to a peer that answers correctly works.
    mode = 5
    const last = conn === undefined || conn.isClosed ? new Connection({ address: server.address }) : conn
    if (last.isClosed) findings.push({ kind: 'invariant', target, seed, caseIndex: cases, detail: 'no connection' })
    try {
      await last.invoke(11, {}, undefined, { timeoutMs: 2000 })
    } catch (e) {
      // one more replacement is allowed (the previous exchange may have left it out of step and it timed out)
      const fresh = new Connection({ address: server.address })
      try {
        await fresh.invoke(11, {}, undefined, { timeoutMs: 2000 })
      } catch (e2) {
        findings.push({ kind: 'invariant', target, seed, caseIndex: cases, detail: `a replaced connection still fails: ${String(e)} / ${String(e2)}` })
      } finally {
        fresh.close()
      }
    } finally {
      last.close()
    }
  } finally {
    conn?.close()
    await server.close()
  }
  return { target, cases, ms: performance.now() - t0, findings }
}

// ------------------------------------------------------------------------------------------------------ messages

const ZSTD_HELLO = Buffer.from('28b52ffd2005290000' + '68656c6c6f', 'hex')

function sampleRecord(m: Mutator): Buffer {
  const text = 'x'.repeat(m.int(300)) + 'body'
  const v6 = m.int(3) === 0
  const init = {
    topic: m.int(8) === 0 ? 'T'.repeat(200) : 'TopicFuzz',
    body: text,
    queueId: m.int(8),
    queueOffset: m.int(1e9),
    commitLogOffset: m.int(1e12),
    bornTimestamp: Date.now(),
    storeTimestamp: Date.now(),
    bornHost: v6 ? '[2001:db8::1]:50000' : '10.0.0.5:50000',
    storeHost: m.int(2) ? '[fe80::1:2]:10911' : '10.0.0.1:10911',
    properties: { UNIQ_KEY: 'AC1100010001', KEYS: 'k1 k2', TAGS: 'tag', __proto__x: 'p' },
  }
  switch (m.int(7)) {
    case 0:
      return encodeStoreMessage({ ...init, compression: 'zlib' })
    case 1:
      return encodeStoreMessage({ ...init, compression: 'zlib-legacy' })
    case 2:
      return encodeStoreMessage({ ...init, compression: 'lz4' })
    case 3:
      return encodeStoreMessage({ ...init, compression: 'zstd', compressedBody: m.int(2) ? ZSTD_HELLO : zstdRleBomb(1 + m.int(3)) })
    case 4: {
      const inner = encodeBatchBody(Array.from({ length: 1 + m.int(4) }, (_, k) => ({ body: Buffer.from(`m${k}`), properties: { UNIQ_KEY: `U${k}` } })))
      const flags = SysFlag.INNER_BATCH | SysFlag.NEED_UNWRAP
      return m.int(2)
        ? encodeStoreMessage({ ...init, body: inner, sysFlag: flags })
        : encodeStoreMessage({ ...init, body: inner, sysFlag: flags, compression: 'zlib', compressedBody: deflateSync(inner) })
    }
    case 5: {
      const bomb = m.pick([() => zstdDeclaredSize(2 ** 31), () => zstdRleBomb(64), () => zstdHugeWindow(0xa1), () => zlibBomb(4 * 1024 * 1024), () => lz4Bomb(2)])()
      const codec = bomb[0] === 0x28 ? 'zstd' : bomb[0] === 0x04 ? 'lz4' : 'zlib'
      return encodeStoreMessage({ ...init, compression: codec, compressedBody: bomb })
    }
    default:
      return encodeStoreMessage(init)
  }
}

function touch(v: MessageView): number {
  // every lazy getter a handler may read
  return v.body.length + v.bornHost.length + v.storeHost.length + Object.keys(v.properties).length + v.keys.length + (v.tags?.length ?? 0) + v.msgId.length + JSON.stringify(v.toJSON()).length
}

const MESSAGE_CAP = 1024 * 1024

export function fuzzMessageDecoder(seed: number, cases: number): FuzzReport {
  const target = 'message-decoder'
  const m = new Mutator(rng(seed))
  const findings: Finding[] = []
  const t0 = performance.now()
  // compressed bodies of the samples are built once per kind (lz4js/deflate are the slow part)
  void compressBody
  for (let i = 0; i < cases; i++) {
    const records = Array.from({ length: 1 + m.int(3) }, () => sampleRecord(m))
    const valid = Buffer.concat(records)
    const input = m.int(5) === 0 ? valid : m.mutate(valid)
    timed(target, seed, i, 2000, findings, () => {
      try {
        const views = m.int(4) === 0 ? [decodeMessage(input, { maxMessageBytes: MESSAGE_CAP })] : decodeMessages(input, { maxMessageBytes: MESSAGE_CAP })
        for (const v of views) {
          if (v.body.length > MESSAGE_CAP) findings.push({ kind: 'invariant', target, seed, caseIndex: i, detail: `body of ${v.body.length} bytes over the cap` })
          if (!Number.isSafeInteger(v.queueOffset) || v.queueOffset < 0 || v.queueId < 0) {
            findings.push({ kind: 'invariant', target, seed, caseIndex: i, detail: `queueOffset ${v.queueOffset} / queueId ${v.queueId}` })
          }
          touch(v)
        }
      } catch (e) {
        classify(target, seed, i, e, ['ERR_MESSAGE_DECODE'], findings)
      }
    })
  }
  return { target, cases, ms: performance.now() - t0, findings }
}

// --------------------------------------------------------------------------------------------------------- routes

const ROUTE = {
  brokerDatas: [
    { brokerName: 'broker-a', cluster: 'C', brokerAddrs: { '0': '10.0.0.1:10911', '1': '[fe80::1]:10911' }, enableActingMaster: false },
    { brokerName: 'broker-b', cluster: 'C', brokerAddrs: { '0': 'broker-b.local:10911' } },
  ],
  queueDatas: [
    { brokerName: 'broker-a', perm: 6, readQueueNums: 4, writeQueueNums: 4, topicSysFlag: 0 },
    { brokerName: 'broker-b', perm: 6, readQueueNums: 4, writeQueueNums: 4, topicSynFlag: 0 },
  ],
  orderTopicConf: 'broker-a:4;broker-b:4',
  filterServerTable: {},
}
const NUMBERS = ['2147483647', '-1', '1e308', '"abc"', 'NaN', '1.5', '65536', '0', '99999999999999999999', 'null', '[]', '{}', '"x:1"']

export function fuzzRouteParser(seed: number, cases: number): FuzzReport {
  const target = 'route-parser'
  const m = new Mutator(rng(seed))
  const findings: Finding[] = []
  const t0 = performance.now()
  const json = JSON.stringify(ROUTE)
  const legacy = json.replace(/"(\d)":/g, '$1:') // fastjson's unquoted numeric keys
  for (let i = 0; i < cases; i++) {
    let text = m.int(2) ? json : legacy
    const kind = m.int(4)
    if (kind === 0) {
      // replace a number or string value with an interesting one
      const spots = [...text.matchAll(/:("[^"]*"|-?\d+|true|false)/g)]
      for (let k = 0; k < 1 + m.int(3) && spots.length > 0; k++) {
        const s = m.pick(spots)
        text = text.slice(0, s.index! + 1) + m.pick(NUMBERS) + text.slice(s.index! + s[0].length)
      }
    } else if (kind === 1) {
      text = m.mutate(Buffer.from(text)).toString('latin1')
    } else if (kind === 2) {
      text = '['.repeat(m.int(20000)) + ']'.repeat(m.int(3)) // deep nesting
    } else {
      text = JSON.stringify({ ...ROUTE, orderTopicConf: `broker-a:${m.pick(NUMBERS)};${m.pick(['x', ':', 'b:', ':3', 'b:1:2'])}` })
    }
    timed(target, seed, i, 1000, findings, () => {
      try {
        const r = parseTopicRoute(text)
        const n = publishQueues('T', r).length + subscribeQueues('T', r).length
        if (n > 2 * MAX_QUEUES_PER_ROUTE) findings.push({ kind: 'invariant', target, seed, caseIndex: i, detail: `${n} queues` })
      } catch (e) {
        classify(target, seed, i, e, ['ERR_MALFORMED_RESPONSE'], findings)
      }
    })
  }
  return { target, cases, ms: performance.now() - t0, findings }
}

export function summary(r: FuzzReport): string {
  const kinds: Record<string, number> = {}
  for (const f of r.findings) kinds[f.kind] = (kinds[f.kind] ?? 0) + 1
  return `${r.target}: ${r.cases} cases in ${(r.ms / 1000).toFixed(1)} s, ${r.findings.length} findings ${JSON.stringify(kinds)}${r.findings.length ? ` first: ${JSON.stringify(r.findings.slice(0, 3))}` : ''}`
}
