/**
 * Store-format message records: the pull body, CONSUME_MESSAGE_DIRECTLY and CHECK_TRANSACTION_STATE bodies
 * (reference/remoting-protocol.md §6), the SEND_BATCH body (§6.7) and message properties (§4.3, §6.2).
 *
 * The decoder is on the hot path: one `MessageView` per record, the body is a `subarray` view of the pull
 * frame, 64-bit fields are read as two 32-bit halves, hosts/properties/ids are computed on first access.
 */
import { crc32 } from 'node:zlib'
import { RocketMQError } from '../errors.js'
import {
  COMPRESSION_LZ4,
  COMPRESSION_ZLIB,
  COMPRESSION_ZLIB_LEGACY,
  COMPRESSION_ZSTD,
  compressBody,
  compressionTypeOf,
  decompressBody,
} from './compression.js'
import { longToHex16, parseIP, splitHostPort, formatIPv6 } from './address.js'

/** MAGICCODE of a V1 record (1-byte topic length): 0xDAA320A7. */
export const MAGIC_V1 = -626843481
/** MAGICCODE of a V2 record (2-byte topic length, 5.1.0+ brokers for topics > 127 bytes): 0xDAA320AB. */
export const MAGIC_V2 = -626843477

/** MessageSysFlag bits (§6.3). */
export const SysFlag = {
  COMPRESSED: 0x1,
  MULTI_TAGS: 0x2,
  TRANSACTION_NOT_TYPE: 0x0,
  TRANSACTION_PREPARED_TYPE: 0x4,
  TRANSACTION_COMMIT_TYPE: 0x8,
  TRANSACTION_ROLLBACK_TYPE: 0xc,
  TRANSACTION_MASK: 0xc,
  BORNHOST_V6: 0x10,
  STOREHOST_V6: 0x20,
  NEED_UNWRAP: 0x40,
  INNER_BATCH: 0x80,
  COMPRESSION_TYPE_MASK: 0x700,
} as const

/** MessageConst property keys used by the client (§6.4). */
export const MessageConst = {
  KEYS: 'KEYS',
  TAGS: 'TAGS',
  WAIT: 'WAIT',
  DELAY: 'DELAY',
  RETRY_TOPIC: 'RETRY_TOPIC',
  REAL_TOPIC: 'REAL_TOPIC',
  REAL_QID: 'REAL_QID',
  TRANSACTION_PREPARED: 'TRAN_MSG',
  PRODUCER_GROUP: 'PGROUP',
  MIN_OFFSET: 'MIN_OFFSET',
  MAX_OFFSET: 'MAX_OFFSET',
  ORIGIN_MESSAGE_ID: 'ORIGIN_MESSAGE_ID',
  RECONSUME_TIME: 'RECONSUME_TIME',
  MAX_RECONSUME_TIMES: 'MAX_RECONSUME_TIMES',
  CONSUME_START_TIME: 'CONSUME_START_TIME',
  UNIQ_KEY: 'UNIQ_KEY',
  MSG_REGION: 'MSG_REGION',
  TRACE_ON: 'TRACE_ON',
  INNER_NUM: 'INNER_NUM',
  INNER_BASE: 'INNER_BASE',
  TRANSACTION_ID: '__transactionId__',
  SHARDING_KEY: '__SHARDINGKEY',
  DLQ_ORIGIN_TOPIC: 'DLQ_ORIGIN_TOPIC',
  DLQ_ORIGIN_MESSAGE_ID: 'DLQ_ORIGIN_MESSAGE_ID',
} as const

export const KEY_SEPARATOR = ' '
const NAME_VALUE_SEPARATOR = '\u0001'
const PROPERTY_SEPARATOR = '\u0002'

/** Smallest valid record: V1 magic, IPv4 hosts, empty body/topic/properties. */
const MIN_RECORD_SIZE = 91
const TWO_32 = 4294967296

// ---------------------------------------------------------------------------------------------
// MessageView
// ---------------------------------------------------------------------------------------------

/**
 * The queue a message came from. `broker` is the public contract's name; `brokerName` makes it a MessageQueue,
 * so it can be passed straight to seek/commit/pause.
 */
export interface MessageQueueRef {
  topic: string
  broker: string
  brokerName: string
  queueId: number
}

/**
 * One received message. Plain fields are decoded eagerly (cheap numbers, the topic, the body view);
 * `bornHost`, `storeHost`, `properties`, `keys`, `tags`, `msgId` and `offsetMsgId` are computed on first
 * access from the raw record bytes, which the view keeps referenced (so a view pins its pull frame).
 *
 * Hosts are rendered as `ip:port` for IPv4 and `[ipv6]:port` (RFC 5952 compressed, bracketed) for IPv6.
 * Fields are mutable on purpose: the consumer restores `topic` for retried messages and adds `offsetDelta`
 * to `queueOffset` (§5.5).
 */
export class MessageView {
  topic = ''
  /** Set by the caller (the broker the batch was pulled from). */
  brokerName = ''
  queueId = 0
  queueOffset = 0
  commitLogOffset = 0
  /** As stored, with bit 0 (COMPRESSED) cleared when the body was decompressed (Java does the same). */
  sysFlag = 0
  /** User flag. */
  flag = 0
  bornTimestamp = 0
  storeTimestamp = 0
  reconsumeTimes = 0
  preparedTransactionOffset = 0
  bodyCRC = 0
  /** TOTALSIZE of the record (of the inner entry for unwrapped batch members). */
  storeSize = 0
  /** A view into the pull frame, or a fresh buffer when the body had to be decompressed. */
  body: Buffer = EMPTY

  /** @internal buffer holding the host fields (the outer record for inner-batch members). */
  _hostBuf: Buffer = EMPTY
  /** @internal */
  _bornHostPos = 0
  /** @internal */
  _storeHostPos = 0
  /** @internal buffer holding the raw properties bytes. */
  _propBuf: Buffer = EMPTY
  /** @internal */
  _propStart = 0
  /** @internal */
  _propEnd = 0
  /** @internal parsed properties, set on first `properties` access or `setProperty`. */
  _props: Record<string, string> | undefined = undefined
  /** @internal properties set before the stored ones were parsed. */
  _extraProps: Record<string, string> | undefined = undefined
  /** @internal */
  _offsetMsgId: string | undefined = undefined

  get bornHost(): string {
    return formatHost(this._hostBuf, this._bornHostPos, (this.sysFlag & SysFlag.BORNHOST_V6) !== 0)
  }

  get storeHost(): string {
    return formatHost(this._hostBuf, this._storeHostPos, (this.sysFlag & SysFlag.STOREHOST_V6) !== 0)
  }

  /** All properties, parsed on first access (treat it as read-only; see parseProperties). */
  get properties(): Readonly<Record<string, string>> {
    let props = this._props
    if (props === undefined) {
      props = parseProperties(this._propBuf.toString('utf8', this._propStart, this._propEnd))
      const extra = this._extraProps
      if (extra !== undefined) {
        for (const k of Object.keys(extra)) defineData(props, k, extra[k]!)
        this._extraProps = undefined
      }
      this._props = props
    }
    return props
  }

  /** A property by name; reads the raw bytes without parsing the whole set when possible. */
  getProperty(name: string): string | undefined {
    const props = this._props
    if (props !== undefined) return Object.hasOwn(props, name) ? props[name] : undefined
    const extra = this._extraProps
    if (extra !== undefined && Object.hasOwn(extra, name)) return extra[name]
    const r = scanProperty(this._propBuf, this._propStart, this._propEnd, name)
    return r === NOT_ASCII ? this.properties[name] : r
  }

  /**
   * Add or replace a property (the consumer sets MIN_OFFSET/MAX_OFFSET/CONSUME_START_TIME). Does not force
   * the stored properties to be parsed: additions are kept aside and merged on first `properties` access.
   */
  setProperty(name: string, value: string): void {
    if (this._props !== undefined) defineData(this._props, name, value)
    else defineData((this._extraProps ??= {}), name, value)
  }

  /** KEYS split on ' ' (empty pieces dropped). */
  get keys(): string[] {
    const k = this.getProperty(MessageConst.KEYS)
    if (k === undefined) return []
    return k.split(KEY_SEPARATOR).filter((s) => s.length > 0)
  }

  get tags(): string | undefined {
    return this.getProperty(MessageConst.TAGS)
  }

  /** The client message id (UNIQ_KEY) when present, else the offset msgId (Java MessageClientExt.getMsgId). */
  get msgId(): string {
    return this.getProperty(MessageConst.UNIQ_KEY) ?? this.offsetMsgId
  }

  /** Uppercase hex of storeHost ip ‖ port ‖ commitLogOffset (§6.5). */
  get offsetMsgId(): string {
    if (this._offsetMsgId === undefined) {
      const v6 = (this.sysFlag & SysFlag.STOREHOST_V6) !== 0
      const p = this._storeHostPos
      this._offsetMsgId =
        this._hostBuf.toString('hex', p, p + (v6 ? 20 : 8)).toUpperCase() + longToHex16(this.commitLogOffset)
    }
    return this._offsetMsgId
  }

  get queue(): MessageQueueRef {
    return { topic: this.topic, broker: this.brokerName, brokerName: this.brokerName, queueId: this.queueId }
  }

  toJSON(): Record<string, unknown> {
    return {
      topic: this.topic,
      brokerName: this.brokerName,
      queueId: this.queueId,
      queueOffset: this.queueOffset,
      commitLogOffset: this.commitLogOffset,
      msgId: this.msgId,
      offsetMsgId: this.offsetMsgId,
      tags: this.tags,
      keys: this.keys,
      properties: { ...this.properties },
      sysFlag: this.sysFlag,
      flag: this.flag,
      bornTimestamp: this.bornTimestamp,
      bornHost: this.bornHost,
      storeTimestamp: this.storeTimestamp,
      storeHost: this.storeHost,
      reconsumeTimes: this.reconsumeTimes,
      bodyLength: this.body.length,
    }
  }

  [Symbol.for('nodejs.util.inspect.custom')](): Record<string, unknown> {
    return this.toJSON()
  }
}

const EMPTY = Buffer.alloc(0)

function defineData(o: Record<string, string>, k: string, v: string): void {
  if (k === '__proto__') Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true })
  else o[k] = v
}

// ---------------------------------------------------------------------------------------------
// Decoding
// ---------------------------------------------------------------------------------------------

export interface DecodeOptions {
  /** Stored into every view's `brokerName`. */
  brokerName?: string
  /** Decompress compressed bodies (default true). When false the body stays the stored bytes and sysFlag bit 0 stays set. */
  decompress?: boolean
}

interface DecodeContext {
  brokerName: string
  decompress: boolean
  // per-batch topic cache: the last decoded topic's bytes and string
  topicBuf: Buffer | undefined
  topicStart: number
  topicLen: number
  topic: string
}

function newDecodeContext(opts: DecodeOptions | undefined): DecodeContext {
  return { brokerName: opts?.brokerName ?? '', decompress: opts?.decompress ?? true, topicBuf: undefined, topicStart: 0, topicLen: -1, topic: '' }
}

/**
 * Decode a pull body: a concatenation of store records. Walks by TOTALSIZE; inner batches
 * (sysFlag INNER_BATCH and NEED_UNWRAP) are unwrapped into their members (§6.7).
 * Throws `ERR_MESSAGE_DECODE` naming the byte position of the first bad record.
 */
export function decodeMessages(body: Buffer, opts?: DecodeOptions): MessageView[] {
  const ctx = newDecodeContext(opts)
  const out: MessageView[] = []
  const end = body.length
  let pos = 0
  while (pos < end) {
    pos += decodeRecord(body, pos, end, ctx, out)
  }
  return out
}

/**
 * Decode one record (e.g. the CONSUME_MESSAGE_DIRECTLY body). Inner batches are not unwrapped here,
 * like Java's `MessageDecoder.clientDecode`. Bytes after the record are ignored.
 */
export function decodeMessage(buf: Buffer, opts?: DecodeOptions): MessageView {
  const ctx = newDecodeContext(opts)
  const out: MessageView[] = []
  decodeRecord(buf, 0, buf.length, ctx, out, false)
  return out[0]!
}

function decodeError(message: string, position: number, cause?: unknown): RocketMQError {
  return new RocketMQError('ERR_MESSAGE_DECODE', `Cannot decode message record at byte ${position}: ${message}`, {
    cause,
    context: { position },
  })
}

function i32(b: Buffer, p: number): number {
  return (b[p]! << 24) | (b[p + 1]! << 16) | (b[p + 2]! << 8) | b[p + 3]!
}

function i16(b: Buffer, p: number): number {
  return ((b[p]! << 24) | (b[p + 1]! << 16)) >> 16
}

/** A big-endian int64 as a Number; throws when the value is outside ±2^53. */
function readLong(b: Buffer, p: number, recStart: number): number {
  const hi = i32(b, p)
  const lo = i32(b, p + 4) >>> 0
  if (hi > 0x1fffff || hi < -0x200000) throw unsafeLong(p, recStart)
  return hi * TWO_32 + lo
}

function unsafeLong(p: number, recStart: number): RocketMQError {
  return decodeError(`64-bit field at offset ${p - recStart} exceeds 2^53`, recStart)
}

/** Decodes the record at `start`, appends one view (or the inner-batch members) to `out`, returns TOTALSIZE. */
function decodeRecord(b: Buffer, start: number, end: number, ctx: DecodeContext, out: MessageView[], unwrap = true): number {
  if (end - start < 8) throw decodeError(`truncated record (${end - start} bytes left)`, start)
  const total = i32(b, start)
  if (total < MIN_RECORD_SIZE || total > end - start) {
    throw decodeError(`bad TOTALSIZE ${total} (${end - start} bytes available)`, start)
  }
  const magic = i32(b, start + 4)
  let v2: boolean
  if (magic === MAGIC_V1) v2 = false
  else if (magic === MAGIC_V2) v2 = true
  else throw decodeError(`bad MAGICCODE 0x${(magic >>> 0).toString(16)}`, start)
  const recEnd = start + total

  let sysFlag = i32(b, start + 36)
  const bornV6 = (sysFlag & SysFlag.BORNHOST_V6) !== 0
  const storeV6 = (sysFlag & SysFlag.STOREHOST_V6) !== 0
  // fixed part up to and including BODYLEN
  let p = start + 48 + (bornV6 ? 20 : 8) + 8 + (storeV6 ? 20 : 8) + 4 + 8 + 4
  if (p > recEnd) throw decodeError(`TOTALSIZE ${total} too small for the fixed fields`, start)

  const m = new MessageView()
  m.brokerName = ctx.brokerName
  m.storeSize = total
  m.bodyCRC = i32(b, start + 8)
  m.queueId = i32(b, start + 12)
  m.flag = i32(b, start + 16)
  m.queueOffset = readLong(b, start + 20, start)
  m.commitLogOffset = readLong(b, start + 28, start)
  m.bornTimestamp = readLong(b, start + 40, start)
  m._hostBuf = b
  m._bornHostPos = start + 48
  let q = start + 48 + (bornV6 ? 20 : 8)
  m.storeTimestamp = readLong(b, q, start)
  q += 8
  m._storeHostPos = q
  q += storeV6 ? 20 : 8
  m.reconsumeTimes = i32(b, q)
  m.preparedTransactionOffset = readLong(b, q + 4, start)

  const bodyLen = i32(b, p - 4)
  if (bodyLen < 0 || p + bodyLen > recEnd) throw decodeError(`bad BODYLEN ${bodyLen}`, start)
  const bodyStart = p
  p += bodyLen

  let topicLen: number
  if (v2) {
    if (p + 2 > recEnd) throw decodeError('truncated before TOPICLEN', start)
    topicLen = i16(b, p)
    p += 2
  } else {
    if (p + 1 > recEnd) throw decodeError('truncated before TOPICLEN', start)
    topicLen = (b[p]! << 24) >> 24
    p += 1
  }
  if (topicLen < 0 || p + topicLen + 2 > recEnd) throw decodeError(`bad TOPICLEN ${topicLen}`, start)
  m.topic = topicAt(b, p, topicLen, ctx)
  p += topicLen

  const propLen = i16(b, p)
  p += 2
  if (propLen < 0 || p + propLen > recEnd) throw decodeError(`bad PROPERTIESLEN ${propLen}`, start)
  m._propBuf = b
  m._propStart = p
  m._propEnd = p + propLen

  let body = b.subarray(bodyStart, bodyStart + bodyLen)
  if ((sysFlag & SysFlag.COMPRESSED) !== 0 && ctx.decompress) {
    try {
      body = decompressBody(compressionTypeOf(sysFlag), body)
    } catch (e) {
      throw decodeError(
        `cannot decompress body (compression type ${compressionTypeOf(sysFlag)}): ${e instanceof Error ? e.message : String(e)}`,
        start,
        e,
      )
    }
    sysFlag &= ~SysFlag.COMPRESSED
  }
  m.sysFlag = sysFlag
  m.body = body

  if (unwrap && (sysFlag & (SysFlag.INNER_BATCH | SysFlag.NEED_UNWRAP)) === (SysFlag.INNER_BATCH | SysFlag.NEED_UNWRAP)) {
    unwrapInnerBatch(m, start, out)
  } else {
    out.push(m)
  }
  return total
}

function topicAt(b: Buffer, p: number, len: number, ctx: DecodeContext): string {
  const cb = ctx.topicBuf
  if (cb !== undefined && ctx.topicLen === len) {
    const s = ctx.topicStart
    let i = 0
    while (i < len && cb[s + i] === b[p + i]) i++
    if (i === len) return ctx.topic
  }
  const topic = b.toString('utf8', p, p + len)
  ctx.topicBuf = b
  ctx.topicStart = p
  ctx.topicLen = len
  ctx.topic = topic
  return topic
}

/**
 * §6.7: the outer body is a concatenation of `TOTALSIZE MAGIC(0) BODYCRC FLAG BODYLEN body PROPLEN props`.
 * Members take topic, queueId, sysFlag, hosts, timestamps and commitLogOffset from the outer record and
 * `queueOffset = outer.queueOffset + i` (Java MessageDecoder.decodeMessage(MessageExt, List)).
 */
function unwrapInnerBatch(outer: MessageView, recStart: number, out: MessageView[]): void {
  const b = outer.body
  const end = b.length
  let p = 0
  let i = 0
  while (p < end) {
    const where = `inner batch entry ${i} at body offset ${p}`
    if (end - p < 22) throw decodeError(`${where}: truncated`, recStart)
    const total = i32(b, p)
    if (total < 22 || total > end - p) throw decodeError(`${where}: bad TOTALSIZE ${total}`, recStart)
    const entryEnd = p + total
    const bodyLen = i32(b, p + 16)
    const bodyStart = p + 20
    if (bodyLen < 0 || bodyStart + bodyLen + 2 > entryEnd) throw decodeError(`${where}: bad BODYLEN ${bodyLen}`, recStart)
    const propLen = i16(b, bodyStart + bodyLen)
    const propStart = bodyStart + bodyLen + 2
    if (propLen < 0 || propStart + propLen > entryEnd) throw decodeError(`${where}: bad PROPLEN ${propLen}`, recStart)

    const m = new MessageView()
    m.topic = outer.topic
    m.brokerName = outer.brokerName
    m.queueId = outer.queueId
    m.queueOffset = outer.queueOffset + i
    m.commitLogOffset = outer.commitLogOffset
    m.sysFlag = outer.sysFlag
    m.flag = i32(b, p + 12)
    m.bornTimestamp = outer.bornTimestamp
    m.storeTimestamp = outer.storeTimestamp
    m.reconsumeTimes = outer.reconsumeTimes
    m.bodyCRC = i32(b, p + 8)
    m.storeSize = total
    m.body = b.subarray(bodyStart, bodyStart + bodyLen)
    m._hostBuf = outer._hostBuf
    m._bornHostPos = outer._bornHostPos
    m._storeHostPos = outer._storeHostPos
    m._propBuf = b
    m._propStart = propStart
    m._propEnd = propStart + propLen
    out.push(m)
    p = entryEnd
    i++
  }
}

// ---------------------------------------------------------------------------------------------
// Hosts
// ---------------------------------------------------------------------------------------------

function formatHost(b: Buffer, p: number, v6: boolean): string {
  if (!v6) return `${b[p]}.${b[p + 1]}.${b[p + 2]}.${b[p + 3]}:${i32(b, p + 4)}`
  return `[${formatIPv6(b, p)}]:${i32(b, p + 16)}`
}

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

/**
 * Java `MessageDecoder.string2messageProperties` (5.x): split on \u0002; a segment of at least 3 chars
 * is split at its first \u0001; key and value must be non-empty; later duplicates win.
 * Returns a plain object (faster than a null-prototype one); a `__proto__` key is stored as data, never
 * as the prototype. Use `MessageView.getProperty` for lookups by untrusted names (it checks own keys).
 */
export function parseProperties(s: string): Record<string, string> {
  const map: Record<string, string> = {}
  const len = s.length
  let index = 0
  while (index < len) {
    let next = s.indexOf(PROPERTY_SEPARATOR, index)
    if (next < 0) next = len
    if (next - index >= 3) {
      const kv = s.indexOf(NAME_VALUE_SEPARATOR, index)
      if (kv > index && kv < next - 1) {
        const k = s.slice(index, kv)
        if (k === '__proto__') {
          Object.defineProperty(map, k, { value: s.slice(kv + 1, next), enumerable: true, writable: true, configurable: true })
        } else {
          map[k] = s.slice(kv + 1, next)
        }
      }
    }
    index = next + 1
  }
  return map
}

/** Java `messageProperties2String`: `name \u0001 value \u0002` per entry, trailing \u0002 included; null/undefined values skipped. */
export function encodeProperties(p: Readonly<Record<string, string | undefined | null>>): string {
  let s = ''
  for (const name of Object.keys(p)) {
    const v = p[name]
    if (v === undefined || v === null) continue
    s += name + NAME_VALUE_SEPARATOR + v + PROPERTY_SEPARATOR
  }
  return s
}

const NOT_ASCII = Symbol('not-ascii')

/**
 * Find property `name` in the raw UTF-8 properties bytes without decoding the rest.
 * Same rules as parseProperties (the last occurrence wins). Returns NOT_ASCII when the name cannot be
 * compared byte-wise (non-ASCII or contains a separator), so the caller falls back to a full parse.
 */
function scanProperty(b: Buffer, start: number, end: number, name: string): string | undefined | typeof NOT_ASCII {
  const n = name.length
  if (n === 0) return undefined
  for (let k = 0; k < n; k++) {
    const c = name.charCodeAt(k)
    if (c > 0x7f || c === 1 || c === 2) return NOT_ASCII
  }
  let vStart = -1
  let vEnd = -1
  let i = start
  while (i < end) {
    let segEnd = i
    while (segEnd < end && b[segEnd] !== 2) segEnd++
    if (segEnd - i > n + 1 && b[i + n] === 1) {
      let k = 0
      while (k < n && b[i + k] === name.charCodeAt(k)) k++
      if (k === n) {
        vStart = i + n + 1
        vEnd = segEnd
      }
    }
    i = segEnd + 1
  }
  return vStart < 0 ? undefined : b.toString('utf8', vStart, vEnd)
}

// ---------------------------------------------------------------------------------------------
// Encoding
// ---------------------------------------------------------------------------------------------

/** One message of a SEND_BATCH_MESSAGE (320) body. */
export interface BatchEntry {
  body: Buffer
  flag?: number
  properties: Readonly<Record<string, string>>
}

/**
 * §6.7 / Java `MessageDecoder.encodeMessages`: concatenated
 * `TOTALSIZE MAGIC(0) BODYCRC(0) FLAG BODYLEN body PROPLEN props` entries.
 */
export function encodeBatchBody(messages: readonly BatchEntry[]): Buffer {
  const props = messages.map((m) => Buffer.from(encodeProperties(m.properties), 'utf8'))
  let size = 0
  for (let i = 0; i < messages.length; i++) {
    if (props[i]!.length > 32767) {
      throw new RocketMQError('ERR_MESSAGE_ENCODE', `Properties of batch message ${i} exceed 32767 bytes`)
    }
    size += 22 + messages[i]!.body.length + props[i]!.length
  }
  const out = Buffer.allocUnsafe(size)
  let p = 0
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i]!
    const pr = props[i]!
    const total = 22 + m.body.length + pr.length
    p = out.writeInt32BE(total, p)
    p = out.writeInt32BE(0, p)
    p = out.writeInt32BE(0, p)
    p = out.writeInt32BE(m.flag ?? 0, p)
    p = out.writeInt32BE(m.body.length, p)
    p += m.body.copy(out, p)
    p = out.writeInt16BE(pr.length, p)
    p += pr.copy(out, p)
  }
  return out
}

/** Input of `encodeStoreMessage`; defaults give a valid V1/IPv4 record. */
export interface StoreMessageInit {
  topic: string
  body: Buffer | string
  /** A map (encoded with encodeProperties) or the raw properties string. */
  properties?: Readonly<Record<string, string>> | string
  queueId?: number
  flag?: number
  queueOffset?: number
  commitLogOffset?: number
  /** Extra sysFlag bits; host v6 and compression bits are added automatically. */
  sysFlag?: number
  bornTimestamp?: number
  /** `ip:port` or `[ipv6]:port` (default 127.0.0.1:50000) */
  bornHost?: string
  storeTimestamp?: number
  /** default 127.0.0.1:10911 */
  storeHost?: string
  reconsumeTimes?: number
  preparedTransactionOffset?: number
  /** Default: CRC32 of the stored (possibly compressed) body, as a signed int. */
  bodyCRC?: number
  /** Default: V2 when the topic is longer than 127 bytes, else V1. */
  magic?: 'v1' | 'v2'
  /** Compress the body (zlib = type 3, zlib-legacy = type 0). zstd needs `compressedBody`. */
  compression?: 'zlib' | 'zlib-legacy' | 'lz4' | 'zstd'
  /** Stored body bytes to use as-is (e.g. a zstd frame made elsewhere). */
  compressedBody?: Buffer
}

/** Encode one store-format record (§6.1): for test fixtures and benchmarks, and any code that must forge records. */
export function encodeStoreMessage(init: StoreMessageInit): Buffer {
  const topic = Buffer.from(init.topic, 'utf8')
  const rawBody = typeof init.body === 'string' ? Buffer.from(init.body, 'utf8') : init.body
  const propStr = typeof init.properties === 'string' ? init.properties : encodeProperties(init.properties ?? {})
  const props = Buffer.from(propStr, 'utf8')
  if (props.length > 32767) throw new RocketMQError('ERR_MESSAGE_ENCODE', 'Properties exceed 32767 bytes')
  const v2 = init.magic === undefined ? topic.length > 127 : init.magic === 'v2'
  if (topic.length > (v2 ? 32767 : 127)) throw new RocketMQError('ERR_MESSAGE_ENCODE', `Topic too long for ${v2 ? 'V2' : 'V1'}`)

  let sysFlag = init.sysFlag ?? 0
  let stored = rawBody
  if (init.compression !== undefined) {
    const type =
      init.compression === 'zlib'
        ? COMPRESSION_ZLIB
        : init.compression === 'zlib-legacy'
          ? COMPRESSION_ZLIB_LEGACY
          : init.compression === 'lz4'
            ? COMPRESSION_LZ4
            : COMPRESSION_ZSTD
    if (init.compressedBody !== undefined) stored = init.compressedBody
    else if (init.compression === 'zstd') {
      throw new RocketMQError('ERR_MESSAGE_ENCODE', 'zstd compression needs compressedBody (no zstd encoder installed)')
    } else stored = compressBody(init.compression === 'lz4' ? 'lz4' : 'zlib', rawBody)
    sysFlag = (sysFlag & ~SysFlag.COMPRESSION_TYPE_MASK) | SysFlag.COMPRESSED | (type << 8)
  } else if (init.compressedBody !== undefined) {
    stored = init.compressedBody
  }

  const born = splitHostPort(init.bornHost ?? '127.0.0.1:50000')
  const store = splitHostPort(init.storeHost ?? '127.0.0.1:10911')
  const bornIp = parseIP(born.ip)
  const storeIp = parseIP(store.ip)
  if (bornIp.length === 16) sysFlag |= SysFlag.BORNHOST_V6
  else sysFlag &= ~SysFlag.BORNHOST_V6
  if (storeIp.length === 16) sysFlag |= SysFlag.STOREHOST_V6
  else sysFlag &= ~SysFlag.STOREHOST_V6

  const total =
    4 + 4 + 4 + 4 + 4 + 8 + 8 + 4 + 8 + (bornIp.length + 4) + 8 + (storeIp.length + 4) + 4 + 8 +
    (4 + stored.length) + ((v2 ? 2 : 1) + topic.length) + (2 + props.length)
  const b = Buffer.alloc(total)
  let p = 0
  p = b.writeInt32BE(total, p)
  p = b.writeInt32BE(v2 ? MAGIC_V2 : MAGIC_V1, p)
  p = b.writeInt32BE(init.bodyCRC ?? crc32(stored) | 0, p)
  p = b.writeInt32BE(init.queueId ?? 0, p)
  p = b.writeInt32BE(init.flag ?? 0, p)
  p = writeLong(b, p, init.queueOffset ?? 0)
  p = writeLong(b, p, init.commitLogOffset ?? 0)
  p = b.writeInt32BE(sysFlag, p)
  p = writeLong(b, p, init.bornTimestamp ?? 0)
  p += bornIp.copy(b, p)
  p = b.writeInt32BE(born.port, p)
  p = writeLong(b, p, init.storeTimestamp ?? 0)
  p += storeIp.copy(b, p)
  p = b.writeInt32BE(store.port, p)
  p = b.writeInt32BE(init.reconsumeTimes ?? 0, p)
  p = writeLong(b, p, init.preparedTransactionOffset ?? 0)
  p = b.writeInt32BE(stored.length, p)
  p += stored.copy(b, p)
  p = v2 ? b.writeInt16BE(topic.length, p) : b.writeInt8(topic.length, p)
  p += topic.copy(b, p)
  p = b.writeInt16BE(props.length, p)
  props.copy(b, p)
  return b
}

/** Write a safe-integer Number as a big-endian int64. */
export function writeLong(b: Buffer, p: number, n: number): number {
  if (!Number.isSafeInteger(n)) throw new RocketMQError('ERR_MESSAGE_ENCODE', `Not a safe integer: ${n}`)
  const hi = Math.floor(n / TWO_32)
  const lo = n - hi * TWO_32
  b.writeInt32BE(hi, p)
  b.writeUInt32BE(lo, p + 4)
  return p + 8
}
