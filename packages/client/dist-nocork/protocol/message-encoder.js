/**
 * The store-format record ENCODER (reference/remoting-protocol.md §6.1): for test fixtures, fuzz tests and
 * benchmarks, which must forge what a broker would send. The client itself never encodes store records, and
 * nothing in the client imports this file.
 */
import { crc32 } from 'node:zlib';
import { RocketMQError } from '../errors.js';
import { COMPRESSION_LZ4, COMPRESSION_ZLIB, COMPRESSION_ZLIB_LEGACY, COMPRESSION_ZSTD, compressBody } from './compression.js';
import { parseIP, splitHostPort } from './address.js';
import { MAGIC_V1, MAGIC_V2 } from './message-decoder.js';
import { SysFlag } from './message-view.js';
import { encodeProperties } from './properties.js';
const TWO_32 = 4294967296;
/** Encode one store-format record (§6.1): for test fixtures and benchmarks, and any code that must forge records. */
export function encodeStoreMessage(init) {
    const topic = Buffer.from(init.topic, 'utf8');
    const rawBody = typeof init.body === 'string' ? Buffer.from(init.body, 'utf8') : init.body;
    const propStr = typeof init.properties === 'string' ? init.properties : encodeProperties(init.properties ?? {});
    const props = Buffer.from(propStr, 'utf8');
    if (props.length > 32767)
        throw new RocketMQError('ERR_MESSAGE_ENCODE', 'Properties exceed 32767 bytes');
    const v2 = init.magic === undefined ? topic.length > 127 : init.magic === 'v2';
    if (topic.length > (v2 ? 32767 : 127))
        throw new RocketMQError('ERR_MESSAGE_ENCODE', `Topic too long for ${v2 ? 'V2' : 'V1'}`);
    let sysFlag = init.sysFlag ?? 0;
    let stored = rawBody;
    if (init.compression !== undefined) {
        const type = init.compression === 'zlib'
            ? COMPRESSION_ZLIB
            : init.compression === 'zlib-legacy'
                ? COMPRESSION_ZLIB_LEGACY
                : init.compression === 'lz4'
                    ? COMPRESSION_LZ4
                    : COMPRESSION_ZSTD;
        if (init.compressedBody !== undefined)
            stored = init.compressedBody;
        else if (init.compression === 'zstd') {
            throw new RocketMQError('ERR_MESSAGE_ENCODE', 'zstd compression needs compressedBody (no zstd encoder installed)');
        }
        else
            stored = compressBody(init.compression === 'lz4' ? 'lz4' : 'zlib', rawBody);
        sysFlag = (sysFlag & ~SysFlag.COMPRESSION_TYPE_MASK) | SysFlag.COMPRESSED | (type << 8);
    }
    else if (init.compressedBody !== undefined) {
        stored = init.compressedBody;
    }
    const born = splitHostPort(init.bornHost ?? '127.0.0.1:50000');
    const store = splitHostPort(init.storeHost ?? '127.0.0.1:10911');
    const bornIp = parseIP(born.ip);
    const storeIp = parseIP(store.ip);
    if (bornIp.length === 16)
        sysFlag |= SysFlag.BORNHOST_V6;
    else
        sysFlag &= ~SysFlag.BORNHOST_V6;
    if (storeIp.length === 16)
        sysFlag |= SysFlag.STOREHOST_V6;
    else
        sysFlag &= ~SysFlag.STOREHOST_V6;
    const total = 4 + 4 + 4 + 4 + 4 + 8 + 8 + 4 + 8 + (bornIp.length + 4) + 8 + (storeIp.length + 4) + 4 + 8 +
        (4 + stored.length) + ((v2 ? 2 : 1) + topic.length) + (2 + props.length);
    const b = Buffer.alloc(total);
    let p = 0;
    p = b.writeInt32BE(total, p);
    p = b.writeInt32BE(v2 ? MAGIC_V2 : MAGIC_V1, p);
    p = b.writeInt32BE(init.bodyCRC ?? crc32(stored) | 0, p);
    p = b.writeInt32BE(init.queueId ?? 0, p);
    p = b.writeInt32BE(init.flag ?? 0, p);
    p = writeLong(b, p, init.queueOffset ?? 0);
    p = writeLong(b, p, init.commitLogOffset ?? 0);
    p = b.writeInt32BE(sysFlag, p);
    p = writeLong(b, p, init.bornTimestamp ?? 0);
    p += bornIp.copy(b, p);
    p = b.writeInt32BE(born.port, p);
    p = writeLong(b, p, init.storeTimestamp ?? 0);
    p += storeIp.copy(b, p);
    p = b.writeInt32BE(store.port, p);
    p = b.writeInt32BE(init.reconsumeTimes ?? 0, p);
    p = writeLong(b, p, init.preparedTransactionOffset ?? 0);
    p = b.writeInt32BE(stored.length, p);
    p += stored.copy(b, p);
    p = v2 ? b.writeInt16BE(topic.length, p) : b.writeInt8(topic.length, p);
    p += topic.copy(b, p);
    p = b.writeInt16BE(props.length, p);
    props.copy(b, p);
    return b;
}
/** Write a safe-integer Number as a big-endian int64. */
export function writeLong(b, p, n) {
    if (!Number.isSafeInteger(n))
        throw new RocketMQError('ERR_MESSAGE_ENCODE', `Not a safe integer: ${n}`);
    const hi = Math.floor(n / TWO_32);
    const lo = n - hi * TWO_32;
    b.writeInt32BE(hi, p);
    b.writeUInt32BE(lo, p + 4);
    return p + 8;
}
//# sourceMappingURL=message-encoder.js.map