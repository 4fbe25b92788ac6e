/**
 * The hot-path decoder of store-format message records: the pull body, CONSUME_MESSAGE_DIRECTLY and
 * CHECK_TRANSACTION_STATE bodies (reference/remoting-protocol.md §6), including inner batches (§6.7).
 *
 * One `MessageView` per record, the body is a `subarray` view of the pull frame, 64-bit fields are read as two
 * 32-bit halves, hosts/properties/ids are computed on first access. Everything read is range-checked: a bad
 * record throws `ERR_MESSAGE_DECODE` naming its byte position (and, once known, its topic, queue and offset);
 * a compressed body is inflated under the `maxMessageBytes` cap, checked while inflating.
 */
import { RocketMQError } from '../errors.js';
import { DEFAULT_MAX_MESSAGE_BYTES, DecompressedTooLarge, compressionTypeOf, decompressBody } from './compression.js';
import { MessageView, SysFlag } from './message-view.js';
/** MAGICCODE of a V1 record (1-byte topic length): 0xDAA320A7. */
export const MAGIC_V1 = -626843481;
/** MAGICCODE of a V2 record (2-byte topic length, 5.1.0+ brokers for topics > 127 bytes): 0xDAA320AB. */
export const MAGIC_V2 = -626843477;
/** Smallest valid record: V1 magic, IPv4 hosts, empty body/topic/properties. */
const MIN_RECORD_SIZE = 91;
const TWO_32 = 4294967296;
function newDecodeContext(opts) {
    return {
        brokerName: opts?.brokerName ?? '',
        decompress: opts?.decompress ?? true,
        maxMessageBytes: opts?.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES,
        topicBuf: undefined,
        topicStart: 0,
        topicLen: -1,
        topic: '',
    };
}
/**
 * Decode a pull body: a concatenation of store records. Walks by TOTALSIZE; inner batches
 * (sysFlag INNER_BATCH and NEED_UNWRAP) are unwrapped into their members (§6.7).
 * Throws `ERR_MESSAGE_DECODE` naming the byte position of the first bad record.
 */
export function decodeMessages(body, opts) {
    const ctx = newDecodeContext(opts);
    const out = [];
    const end = body.length;
    let pos = 0;
    while (pos < end) {
        pos += decodeRecord(body, pos, end, ctx, out);
    }
    return out;
}
/**
 * Decode one record (e.g. the CONSUME_MESSAGE_DIRECTLY body). Inner batches are not unwrapped here,
 * like Java's `MessageDecoder.clientDecode`. Bytes after the record are ignored.
 */
export function decodeMessage(buf, opts) {
    const ctx = newDecodeContext(opts);
    const out = [];
    decodeRecord(buf, 0, buf.length, ctx, out, false);
    return out[0];
}
function decodeError(message, position, cause, m) {
    const context = { position };
    if (m !== undefined) {
        context.topic = m.topic;
        context.queueId = m.queueId;
        context.offset = m.queueOffset;
        if (m.brokerName !== '')
            context.broker = m.brokerName;
    }
    if (cause instanceof DecompressedTooLarge) {
        context.reason = 'too-large';
        context.maxMessageBytes = cause.maxBytes;
        if (cause.declaredBytes !== undefined)
            context.declaredBytes = cause.declaredBytes;
    }
    return new RocketMQError('ERR_MESSAGE_DECODE', `Cannot decode message record at byte ${position}: ${message}`, { cause, context });
}
function i32(b, p) {
    return (b[p] << 24) | (b[p + 1] << 16) | (b[p + 2] << 8) | b[p + 3];
}
function i16(b, p) {
    return ((b[p] << 24) | (b[p + 1] << 16)) >> 16;
}
/** A big-endian int64 that must be in [0, 2^53): offsets and timestamps are never negative. */
function readOffset(b, p, recStart, what) {
    const hi = i32(b, p);
    if (hi > 0x1fffff || hi < 0)
        throw outOfRange(hi, b, p, recStart, what);
    return hi * TWO_32 + (i32(b, p + 4) >>> 0);
}
/** A big-endian int64 as a Number in (-2^53, 2^53) (preparedTransactionOffset may be negative in odd stores). */
function readLong(b, p, recStart, what) {
    const hi = i32(b, p);
    if (hi > 0x1fffff || hi < -0x200000)
        throw outOfRange(hi, b, p, recStart, what);
    return hi * TWO_32 + (i32(b, p + 4) >>> 0);
}
function outOfRange(hi, b, p, recStart, what) {
    const v = BigInt(hi) * 4294967296n + BigInt(i32(b, p + 4) >>> 0);
    return decodeError(`${what} ${v} is out of range (negative or over 2^53)`, recStart);
}
/** Decodes the record at `start`, appends one view (or the inner-batch members) to `out`, returns TOTALSIZE. */
function decodeRecord(b, start, end, ctx, out, unwrap = true) {
    if (end - start < 8)
        throw decodeError(`truncated record (${end - start} bytes left)`, start);
    const total = i32(b, start);
    if (total < MIN_RECORD_SIZE || total > end - start) {
        throw decodeError(`bad TOTALSIZE ${total} (${end - start} bytes available)`, start);
    }
    const magic = i32(b, start + 4);
    let v2;
    if (magic === MAGIC_V1)
        v2 = false;
    else if (magic === MAGIC_V2)
        v2 = true;
    else
        throw decodeError(`bad MAGICCODE 0x${(magic >>> 0).toString(16)}`, start);
    const recEnd = start + total;
    let sysFlag = i32(b, start + 36);
    const bornV6 = (sysFlag & SysFlag.BORNHOST_V6) !== 0;
    const storeV6 = (sysFlag & SysFlag.STOREHOST_V6) !== 0;
    // fixed part up to and including BODYLEN
    let p = start + 48 + (bornV6 ? 20 : 8) + 8 + (storeV6 ? 20 : 8) + 4 + 8 + 4;
    if (p > recEnd)
        throw decodeError(`TOTALSIZE ${total} too small for the fixed fields`, start);
    const m = new MessageView();
    m.brokerName = ctx.brokerName;
    m.storeSize = total;
    m.bodyCRC = i32(b, start + 8);
    const queueId = i32(b, start + 12);
    if (queueId < 0)
        throw decodeError(`negative QUEUEID ${queueId}`, start);
    m.queueId = queueId;
    m.flag = i32(b, start + 16);
    m.queueOffset = readOffset(b, start + 20, start, 'QUEUEOFFSET');
    m.commitLogOffset = readOffset(b, start + 28, start, 'PHYSICALOFFSET');
    m.bornTimestamp = readLong(b, start + 40, start, 'BORNTIMESTAMP');
    m._hostBuf = b;
    m._bornHostPos = start + 48;
    let q = start + 48 + (bornV6 ? 20 : 8);
    m.storeTimestamp = readLong(b, q, start, 'STORETIMESTAMP');
    q += 8;
    m._storeHostPos = q;
    q += storeV6 ? 20 : 8;
    m.reconsumeTimes = i32(b, q);
    m.preparedTransactionOffset = readLong(b, q + 4, start, 'PREPARED_TRANSACTION_OFFSET');
    const bodyLen = i32(b, p - 4);
    if (bodyLen < 0 || p + bodyLen > recEnd)
        throw decodeError(`bad BODYLEN ${bodyLen}`, start);
    const bodyStart = p;
    p += bodyLen;
    let topicLen;
    if (v2) {
        if (p + 2 > recEnd)
            throw decodeError('truncated before TOPICLEN', start);
        topicLen = i16(b, p);
        p += 2;
    }
    else {
        if (p + 1 > recEnd)
            throw decodeError('truncated before TOPICLEN', start);
        topicLen = (b[p] << 24) >> 24;
        p += 1;
    }
    if (topicLen < 0 || p + topicLen + 2 > recEnd)
        throw decodeError(`bad TOPICLEN ${topicLen}`, start);
    m.topic = topicAt(b, p, topicLen, ctx);
    p += topicLen;
    const propLen = i16(b, p);
    p += 2;
    if (propLen < 0 || p + propLen > recEnd)
        throw decodeError(`bad PROPERTIESLEN ${propLen}`, start, undefined, m);
    m._propBuf = b;
    m._propStart = p;
    m._propEnd = p + propLen;
    let body = b.subarray(bodyStart, bodyStart + bodyLen);
    if ((sysFlag & SysFlag.COMPRESSED) !== 0 && ctx.decompress) {
        try {
            body = decompressBody(compressionTypeOf(sysFlag), body, ctx.maxMessageBytes);
        }
        catch (e) {
            throw decodeError(`cannot decompress body (compression type ${compressionTypeOf(sysFlag)}): ${e instanceof Error ? e.message : String(e)}`, start, e, m);
        }
        sysFlag &= ~SysFlag.COMPRESSED;
    }
    m.sysFlag = sysFlag;
    m.body = body;
    if (unwrap && (sysFlag & (SysFlag.INNER_BATCH | SysFlag.NEED_UNWRAP)) === (SysFlag.INNER_BATCH | SysFlag.NEED_UNWRAP)) {
        unwrapInnerBatch(m, start, out);
    }
    else {
        out.push(m);
    }
    return total;
}
function topicAt(b, p, len, ctx) {
    const cb = ctx.topicBuf;
    if (cb !== undefined && ctx.topicLen === len) {
        const s = ctx.topicStart;
        let i = 0;
        while (i < len && cb[s + i] === b[p + i])
            i++;
        if (i === len)
            return ctx.topic;
    }
    const topic = b.toString('utf8', p, p + len);
    ctx.topicBuf = b;
    ctx.topicStart = p;
    ctx.topicLen = len;
    ctx.topic = topic;
    return topic;
}
/**
 * §6.7: the outer body is a concatenation of `TOTALSIZE MAGIC(0) BODYCRC FLAG BODYLEN body PROPLEN props`.
 * Members take topic, queueId, sysFlag, hosts, timestamps and commitLogOffset from the outer record and
 * `queueOffset = outer.queueOffset + i` (Java MessageDecoder.decodeMessage(MessageExt, List)). The members are
 * views of the (already capped) outer body, so a batch never decodes to more than `maxMessageBytes` either.
 */
function unwrapInnerBatch(outer, recStart, out) {
    const b = outer.body;
    const end = b.length;
    let p = 0;
    let i = 0;
    while (p < end) {
        if (end - p < 22)
            throw decodeError(`inner batch entry ${i} at body offset ${p}: truncated`, recStart, undefined, outer);
        const total = i32(b, p);
        if (total < 22 || total > end - p)
            throw decodeError(`inner batch entry ${i} at body offset ${p}: bad TOTALSIZE ${total}`, recStart, undefined, outer);
        const entryEnd = p + total;
        const bodyLen = i32(b, p + 16);
        const bodyStart = p + 20;
        if (bodyLen < 0 || bodyStart + bodyLen + 2 > entryEnd) {
            throw decodeError(`inner batch entry ${i} at body offset ${p}: bad BODYLEN ${bodyLen}`, recStart, undefined, outer);
        }
        const propLen = i16(b, bodyStart + bodyLen);
        const propStart = bodyStart + bodyLen + 2;
        if (propLen < 0 || propStart + propLen > entryEnd) {
            throw decodeError(`inner batch entry ${i} at body offset ${p}: bad PROPLEN ${propLen}`, recStart, undefined, outer);
        }
        const offset = outer.queueOffset + i;
        if (offset > Number.MAX_SAFE_INTEGER)
            throw decodeError(`inner batch entry ${i}: queue offset over 2^53`, recStart, undefined, outer);
        const m = new MessageView();
        m.topic = outer.topic;
        m.brokerName = outer.brokerName;
        m.queueId = outer.queueId;
        m.queueOffset = offset;
        m.commitLogOffset = outer.commitLogOffset;
        m.sysFlag = outer.sysFlag;
        m.flag = i32(b, p + 12);
        m.bornTimestamp = outer.bornTimestamp;
        m.storeTimestamp = outer.storeTimestamp;
        m.reconsumeTimes = outer.reconsumeTimes;
        m.bodyCRC = i32(b, p + 8);
        m.storeSize = total;
        m.body = b.subarray(bodyStart, bodyStart + bodyLen);
        m._hostBuf = outer._hostBuf;
        m._bornHostPos = outer._bornHostPos;
        m._storeHostPos = outer._storeHostPos;
        m._propBuf = b;
        m._propStart = propStart;
        m._propEnd = propStart + propLen;
        out.push(m);
        p = entryEnd;
        i++;
    }
}
//# sourceMappingURL=message-decoder.js.map