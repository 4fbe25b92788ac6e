/**
 * Message body (de)compression (reference/remoting-protocol.md §6.3).
 *
 * The compression type lives in sysFlag bits 8..10: 0 = ZLIB (legacy, no type bits), 1 = LZ4 frame format
 * (Java `LZ4FrameOutputStream`), 2 = ZSTD frame (`ZstdOutputStream`), 3 = ZLIB (RFC 1950 zlib-wrapped deflate).
 *
 * Every decoder here is bounded: the decoded size is checked WHILE inflating (zlib `maxOutputLength`; zstd's
 * declared content size and window checked before any allocation, then a streaming decode counted block by
 * block; lz4 block tokens walked and summed before the output is allocated). A body that would decode to more
 * than `maxBytes` throws `DecompressedTooLarge` without ever holding more than about `maxBytes` + one block.
 */
import * as zlib from 'node:zlib';
import { Decompress as ZstdStream } from 'fzstd';
import lz4js from 'lz4js';
export const COMPRESSION_TYPE_MASK = 0x700;
export const COMPRESSION_ZLIB_LEGACY = 0;
export const COMPRESSION_LZ4 = 1;
export const COMPRESSION_ZSTD = 2;
export const COMPRESSION_ZLIB = 3;
/**
 * Default cap on one decoded message body: 16 MiB. The broker stores at most 4 MiB per message (maxMessageSize),
 * and Java producers check that limit on the body BEFORE compressing it, so a message from a default Java producer
 * never inflates past 4 MiB; the 4x headroom covers producers that compress first or raised their limit, at
 * text-like compression ratios. Anything larger is far more likely an attack or a bug than a message.
 */
export const DEFAULT_MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
/** zstd windows up to this size are always accepted (the zstd spec recommends decoders support 8 MiB). */
const ZSTD_MIN_WINDOW_LIMIT = 8 * 1024 * 1024;
export function compressionTypeOf(sysFlag) {
    return (sysFlag & COMPRESSION_TYPE_MASK) >> 8;
}
/** The body would decode to more than the cap. Plain Error: the message decoder wraps it with the record's position. */
export class DecompressedTooLarge extends Error {
    codec;
    maxBytes;
    declaredBytes;
    name = 'DecompressedTooLarge';
    constructor(codec, maxBytes, declaredBytes) {
        super(declaredBytes === undefined
            ? `${codec} body decodes to more than ${maxBytes} bytes (maxMessageBytes)`
            : `${codec} body declares ${declaredBytes} bytes, more than ${maxBytes} (maxMessageBytes)`);
        this.codec = codec;
        this.maxBytes = maxBytes;
        this.declaredBytes = declaredBytes;
    }
}
/**
 * Decompress a stored message body, refusing to produce more than `maxBytes`. Throws a plain Error on malformed
 * input and `DecompressedTooLarge` over the cap (the caller wraps either into ERR_MESSAGE_DECODE with the record).
 */
export function decompressBody(type, data, maxBytes = DEFAULT_MAX_MESSAGE_BYTES) {
    switch (type) {
        case COMPRESSION_ZLIB_LEGACY:
        case COMPRESSION_ZLIB:
            return zlibInflate(data, maxBytes);
        case COMPRESSION_LZ4:
            return lz4FrameDecompress(data, maxBytes);
        case COMPRESSION_ZSTD:
            return zstdDecompress(data, maxBytes);
        default:
            throw new Error(`unknown compression type ${type}`);
    }
}
/** Compress a body the way the Java producer does (zlib level 5; lz4 frame). zstd has no encoder here. */
export function compressBody(name, data) {
    if (name === 'zlib')
        return zlib.deflateSync(data, { level: 5 });
    const out = lz4js.compress(data);
    return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
}
// ------------------------------------------------------------------------------------------------------------ zlib
function zlibInflate(data, maxBytes) {
    try {
        // maxOutputLength is checked per output chunk inside the sync inflate loop: it stops at the cap.
        return zlib.inflateSync(data, { maxOutputLength: Math.max(1, maxBytes) });
    }
    catch (e) {
        if (e.code === 'ERR_BUFFER_TOO_LARGE')
            throw new DecompressedTooLarge('zlib', maxBytes);
        throw e;
    }
}
// ------------------------------------------------------------------------------------------------------------ zstd
const ZSTD_MAGIC = 0xfd2fb528;
/**
 * Read and check every frame header of a zstd body before decoding anything (RFC 8878 §3.1.1.1): a dictionary id
 * or a reserved bit is refused, a declared content size over the cap is refused, and so is a window larger than
 * the cap (or 8 MiB, whichever is larger) - a decoder allocates the window up front. Skippable frames are stepped
 * over. Only the first frame's blocks are not walked here: the streaming decode counts what they produce.
 */
export function zstdFrameHeader(data, maxBytes) {
    if (data.length < 6)
        throw new Error('truncated zstd frame header');
    const magic = u32le(data, 0);
    if (magic !== ZSTD_MAGIC) {
        if ((magic & 0xfffffff0) === 0x184d2a50)
            throw new Error('zstd body starts with a skippable frame (not supported)');
        throw new Error(`not a zstd frame (magic 0x${magic.toString(16)})`);
    }
    const fhd = data[4];
    const fcsFlag = fhd >> 6;
    const singleSegment = (fhd & 0x20) !== 0;
    if (fhd & 0x08)
        throw new Error('zstd frame header has the reserved bit set');
    const dictIdFlag = fhd & 0x03;
    let p = 5;
    let windowSize = 0;
    if (!singleSegment) {
        const wd = data[p++];
        const base = 2 ** (10 + (wd >> 3));
        windowSize = base + (base / 8) * (wd & 7);
    }
    if (dictIdFlag !== 0) {
        const n = dictIdFlag === 3 ? 4 : dictIdFlag;
        let id = 0;
        for (let i = 0; i < n; i++)
            id += data[p + i] * 2 ** (8 * i);
        p += n;
        if (id !== 0)
            throw new Error('zstd frames that need a dictionary are not supported');
    }
    const fcsBytes = fcsFlag === 0 ? (singleSegment ? 1 : 0) : 1 << fcsFlag;
    if (p + fcsBytes > data.length)
        throw new Error('truncated zstd frame header');
    let contentSize;
    if (fcsBytes > 0) {
        let v = 0;
        for (let i = 0; i < fcsBytes; i++)
            v += data[p + i] * 2 ** (8 * i);
        contentSize = fcsBytes === 2 ? v + 256 : v;
    }
    if (singleSegment)
        windowSize = contentSize ?? 0;
    if (contentSize !== undefined && contentSize > maxBytes)
        throw new DecompressedTooLarge('zstd', maxBytes, contentSize);
    if (windowSize > Math.max(maxBytes, ZSTD_MIN_WINDOW_LIMIT)) {
        throw new DecompressedTooLarge('zstd', maxBytes, windowSize);
    }
    return { contentSize, windowSize };
}
/** node:zlib's zstd (Node >= 22.15 / 23.8), when the running Node has it. */
const nodeZstdDecompressSync = zlib.zstdDecompressSync;
const ZSTD_D_WINDOW_LOG_MAX = zlib.constants.ZSTD_d_windowLogMax;
function zstdDecompress(data, maxBytes) {
    const header = zstdFrameHeader(data, maxBytes);
    if (nodeZstdDecompressSync !== undefined) {
        const windowLimit = Math.max(maxBytes, ZSTD_MIN_WINDOW_LIMIT, header.windowSize);
        const opts = { maxOutputLength: Math.max(1, maxBytes) };
        if (ZSTD_D_WINDOW_LOG_MAX !== undefined)
            opts.params = { [ZSTD_D_WINDOW_LOG_MAX]: Math.min(31, Math.max(10, Math.ceil(Math.log2(windowLimit)))) };
        try {
            return nodeZstdDecompressSync(data, opts);
        }
        catch (e) {
            if (e.code === 'ERR_BUFFER_TOO_LARGE')
                throw new DecompressedTooLarge('zstd', maxBytes);
            throw e;
        }
    }
    return fzstdBounded(data, maxBytes, header);
}
/**
 * fzstd's streaming decoder emits one block at a time (at most 128 KiB for a valid frame; fzstd does not enforce
 * that for RLE blocks, which are then at most 2 MiB), so counting its output stops a bomb within one block of the
 * cap. Every later frame header is checked the same way as the first before fzstd sees it.
 */
function fzstdBounded(data, maxBytes, first) {
    const chunks = [];
    let total = 0;
    let done = false;
    const stream = new ZstdStream((chunk, final) => {
        total += chunk.length;
        if (total > maxBytes)
            throw new DecompressedTooLarge('zstd', maxBytes);
        if (chunk.length > 0)
            chunks.push(chunk);
        if (final)
            done = true;
    });
    let p = 0;
    let header = first;
    while (p < data.length) {
        const frameEnd = zstdFrameEnd(data, p);
        header ??= zstdFrameHeader(data.subarray(p), maxBytes);
        header = undefined;
        stream.push(data.subarray(p, frameEnd), frameEnd === data.length);
        p = frameEnd;
    }
    if (!done && data.length > 0)
        throw new Error('truncated zstd frame');
    if (total === 0)
        return Buffer.alloc(0);
    if (chunks.length === 1) {
        const c = chunks[0];
        return Buffer.from(c.buffer, c.byteOffset, c.byteLength);
    }
    const out = Buffer.allocUnsafe(total);
    let o = 0;
    for (const c of chunks) {
        out.set(c, o);
        o += c.length;
    }
    return out;
}
/**
 * End of the zstd frame starting at `p` (walks block headers only; RFC 8878 §3.1.1.2). Checks block types and
 * sizes: a reserved block type or a block larger than 128 KiB is refused (fzstd accepts an RLE block of 2 MiB).
 */
function zstdFrameEnd(data, start) {
    if (start + 6 > data.length)
        throw new Error('truncated zstd frame header');
    if (u32le(data, start) !== ZSTD_MAGIC)
        throw new Error('garbage after a zstd frame');
    const fhd = data[start + 4];
    const fcsFlag = fhd >> 6;
    const singleSegment = (fhd & 0x20) !== 0;
    const dictIdFlag = fhd & 0x03;
    let p = start + 5 + (singleSegment ? 0 : 1) + (dictIdFlag === 3 ? 4 : dictIdFlag) + (fcsFlag === 0 ? (singleSegment ? 1 : 0) : 1 << fcsFlag);
    for (;;) {
        if (p + 3 > data.length)
            throw new Error('truncated zstd block header');
        const bh = data[p] | (data[p + 1] << 8) | (data[p + 2] << 16);
        p += 3;
        const last = (bh & 1) !== 0;
        const type = (bh >> 1) & 3;
        const size = bh >>> 3;
        if (type === 3)
            throw new Error('zstd block with the reserved type');
        if (size > 128 * 1024)
            throw new Error(`zstd block of ${size} bytes exceeds the 128 KiB block maximum`);
        p += type === 1 ? 1 : size;
        if (p > data.length)
            throw new Error('truncated zstd block');
        if (last)
            break;
    }
    if (fhd & 0x04)
        p += 4; // content checksum
    if (p > data.length)
        throw new Error('truncated zstd checksum');
    return p;
}
// ------------------------------------------------------------------------------------------------------------- lz4
const LZ4_MAGIC = 0x184d2204;
/**
 * Decompress one LZ4 frame. The block tokens are walked first (cheap, no copy): that validates the structure and
 * gives the exact output size, checked against `maxBytes` as it is summed, before anything is allocated. Blocks
 * are then decoded one by one by lz4js (whose own frame reader misplaces block checksums).
 */
export function lz4FrameDecompress(src, maxBytes = DEFAULT_MAX_MESSAGE_BYTES) {
    const blocks = [];
    const size = lz4Walk(src, maxBytes, blocks);
    const dst = Buffer.allocUnsafe(size);
    let o = 0;
    for (const [start, len, raw] of blocks) {
        if (raw) {
            dst.set(src.subarray(start, start + len), o);
            o += len;
        }
        else {
            o = lz4js.decompressBlock(src, dst, start, len, o);
        }
    }
    if (o !== size)
        throw new Error(`lz4 frame decoded to ${o} bytes, expected ${size}`);
    return dst;
}
function u32le(b, p) {
    return (b[p] | (b[p + 1] << 8) | (b[p + 2] << 16) | (b[p + 3] << 24)) >>> 0;
}
/** Exact decompressed size of an LZ4 frame (validates the frame layout). */
export function lz4FrameContentSize(src, maxBytes = Number.MAX_SAFE_INTEGER) {
    return lz4Walk(src, maxBytes, undefined);
}
/** LZ4 frame descriptor BD byte: block maximum size ids 4..7 (64 KiB .. 4 MiB). */
const LZ4_BLOCK_MAX = [0, 0, 0, 0, 64 * 1024, 256 * 1024, 1024 * 1024, 4 * 1024 * 1024];
function lz4Walk(src, maxBytes, blocks) {
    const end = src.length;
    if (end < 7 || u32le(src, 0) !== LZ4_MAGIC)
        throw new Error('not an lz4 frame (bad magic)');
    const flg = src[4];
    if ((flg & 0xc0) !== 0x40)
        throw new Error(`unsupported lz4 frame version ${(flg & 0xc0) >> 6}`);
    if (flg & 0x01)
        throw new Error('lz4 frames with a dictionary id are not supported');
    const blockMax = LZ4_BLOCK_MAX[(src[5] >> 4) & 7];
    if (blockMax === 0)
        throw new Error('invalid lz4 block maximum size');
    const blockChecksum = (flg & 0x10) !== 0;
    const contentChecksum = (flg & 0x04) !== 0;
    let p = 6;
    if (flg & 0x08) {
        if (p + 8 > end)
            throw new Error('truncated lz4 frame (content size)');
        const declared = u32le(src, p) + u32le(src, p + 4) * 4294967296;
        if (declared > maxBytes)
            throw new DecompressedTooLarge('lz4', maxBytes, declared);
        p += 8; // we still walk the blocks to validate them
    }
    p += 1; // header checksum
    let total = 0;
    for (;;) {
        if (p + 4 > end)
            throw new Error('truncated lz4 frame (block size)');
        const word = u32le(src, p);
        p += 4;
        if (word === 0)
            break;
        const uncompressed = (word & 0x80000000) !== 0;
        const len = word & 0x7fffffff;
        if (len > blockMax)
            throw new Error(`lz4 block of ${len} bytes exceeds the frame's block maximum ${blockMax}`);
        if (p + len > end)
            throw new Error('truncated lz4 frame (block data)');
        const n = uncompressed ? len : lz4BlockSize(src, p, p + len, total, blockMax);
        total += n;
        if (total > maxBytes)
            throw new DecompressedTooLarge('lz4', maxBytes);
        blocks?.push([p, len, uncompressed]);
        p += len;
        if (blockChecksum)
            p += 4;
    }
    if (contentChecksum)
        p += 4;
    if (p > end)
        throw new Error('truncated lz4 frame (checksum)');
    return total;
}
/** `history`: bytes already produced by earlier blocks (dependent blocks may reference them). */
function lz4BlockSize(src, start, end, history, blockMax) {
    let i = start;
    let out = 0;
    while (i < end) {
        const token = src[i++];
        let lit = token >> 4;
        if (lit === 15) {
            let b;
            do {
                if (i >= end)
                    throw new Error('truncated lz4 block (literal length)');
                b = src[i++];
                lit += b;
            } while (b === 255);
        }
        i += lit;
        out += lit;
        if (i > end)
            throw new Error('truncated lz4 block (literals)');
        if (i === end)
            break; // last sequence carries literals only
        if (i + 2 > end)
            throw new Error('truncated lz4 block (offset)');
        const offset = src[i] | (src[i + 1] << 8);
        i += 2;
        if (offset === 0 || offset > history + out)
            throw new Error('invalid lz4 match offset');
        let ml = token & 15;
        if (ml === 15) {
            let b;
            do {
                if (i >= end)
                    throw new Error('truncated lz4 block (match length)');
                b = src[i++];
                ml += b;
            } while (b === 255);
        }
        out += ml + 4;
        // a block never decodes to more than the frame's block maximum (checked as we go: a bomb stops here)
        if (out > blockMax)
            throw new Error(`lz4 block decodes to more than the frame's block maximum ${blockMax}`);
    }
    if (out > blockMax)
        throw new Error(`lz4 block decodes to more than the frame's block maximum ${blockMax}`);
    return out;
}
//# sourceMappingURL=compression.js.map