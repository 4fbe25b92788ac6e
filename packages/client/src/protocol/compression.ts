/**
 * Message body (de)compression (reference/remoting-protocol.md §6.3).
 *
 * The compression type lives in sysFlag bits 8..10: 0 = ZLIB (legacy, no type bits), 1 = LZ4 frame format
 * (Java `LZ4FrameOutputStream`), 2 = ZSTD frame (`ZstdOutputStream`), 3 = ZLIB (RFC 1950 zlib-wrapped deflate).
 */
import { createRequire } from 'node:module'
import { deflateSync, inflateSync } from 'node:zlib'
import { decompress as zstdDecompress } from 'fzstd'

export const COMPRESSION_TYPE_MASK = 0x700
export const COMPRESSION_ZLIB_LEGACY = 0
export const COMPRESSION_LZ4 = 1
export const COMPRESSION_ZSTD = 2
export const COMPRESSION_ZLIB = 3

export type CompressionName = 'zlib' | 'lz4' | 'zstd'

export function compressionTypeOf(sysFlag: number): number {
  return (sysFlag & COMPRESSION_TYPE_MASK) >> 8
}

interface Lz4js {
  compress(src: Uint8Array): Uint8Array
  decompressFrame(src: Uint8Array, dst: Uint8Array): number
}

let lz4: Lz4js | undefined
/** lz4js is CommonJS without types; load it on first use only (compressed bodies are rare). */
function lz4js(): Lz4js {
  if (lz4 === undefined) lz4 = createRequire(import.meta.url)('lz4js') as Lz4js
  return lz4
}

/**
 * Decompress a stored message body. Throws a plain Error on malformed input (the caller wraps it
 * into ERR_MESSAGE_DECODE with the record position).
 */
export function decompressBody(type: number, data: Uint8Array): Buffer {
  switch (type) {
    case COMPRESSION_ZLIB_LEGACY:
    case COMPRESSION_ZLIB:
      return inflateSync(data)
    case COMPRESSION_LZ4:
      return lz4FrameDecompress(data)
    case COMPRESSION_ZSTD: {
      const out = zstdDecompress(data)
      return Buffer.from(out.buffer, out.byteOffset, out.byteLength)
    }
    default:
      throw new Error(`unknown compression type ${type}`)
  }
}

/** Compress a body the way the Java producer does (zlib level 5; lz4 frame). zstd has no encoder here. */
export function compressBody(name: Exclude<CompressionName, 'zstd'>, data: Uint8Array): Buffer {
  if (name === 'zlib') return deflateSync(data, { level: 5 })
  const out = lz4js().compress(data)
  return Buffer.from(out.buffer, out.byteOffset, out.byteLength)
}

const LZ4_MAGIC = 0x184d2204

/**
 * Decompress one LZ4 frame. lz4js sizes its output from the frame's maximum block size (4 MiB for Java's
 * default), so we compute the exact output size first by walking the block tokens (cheap, no copy) and
 * hand lz4js a buffer of that size. The walk also validates the structure, so lz4js never reads past the input.
 */
export function lz4FrameDecompress(src: Uint8Array): Buffer {
  const size = lz4FrameContentSize(src)
  const dst = Buffer.allocUnsafe(size)
  const n = lz4js().decompressFrame(src, dst)
  if (n !== size) throw new Error(`lz4 frame decoded to ${n} bytes, expected ${size}`)
  return dst
}

function u32le(b: Uint8Array, p: number): number {
  return (b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16) | (b[p + 3]! << 24)) >>> 0
}

/** Exact decompressed size of an LZ4 frame (validates the frame layout). */
export function lz4FrameContentSize(src: Uint8Array): number {
  const end = src.length
  if (end < 7 || u32le(src, 0) !== LZ4_MAGIC) throw new Error('not an lz4 frame (bad magic)')
  const flg = src[4]!
  if ((flg & 0xc0) !== 0x40) throw new Error(`unsupported lz4 frame version ${(flg & 0xc0) >> 6}`)
  if (flg & 0x01) throw new Error('lz4 frames with a dictionary id are not supported')
  const blockChecksum = (flg & 0x10) !== 0
  const contentChecksum = (flg & 0x04) !== 0
  let p = 6
  if (flg & 0x08) p += 8 // content size (we still walk the blocks to validate them)
  p += 1 // header checksum
  let total = 0
  for (;;) {
    if (p + 4 > end) throw new Error('truncated lz4 frame (block size)')
    const word = u32le(src, p)
    p += 4
    if (word === 0) break
    const uncompressed = (word & 0x80000000) !== 0
    const len = word & 0x7fffffff
    if (p + len > end) throw new Error('truncated lz4 frame (block data)')
    total += uncompressed ? len : lz4BlockSize(src, p, p + len, total)
    p += len
    if (blockChecksum) p += 4
  }
  if (contentChecksum) p += 4
  if (p > end) throw new Error('truncated lz4 frame (checksum)')
  return total
}

/** `history`: bytes already produced by earlier blocks (dependent blocks may reference them). */
function lz4BlockSize(src: Uint8Array, start: number, end: number, history: number): number {
  let i = start
  let out = 0
  while (i < end) {
    const token = src[i++]!
    let lit = token >> 4
    if (lit === 15) {
      let b: number
      do {
        if (i >= end) throw new Error('truncated lz4 block (literal length)')
        b = src[i++]!
        lit += b
      } while (b === 255)
    }
    i += lit
    out += lit
    if (i > end) throw new Error('truncated lz4 block (literals)')
    if (i === end) break // last sequence carries literals only
    if (i + 2 > end) throw new Error('truncated lz4 block (offset)')
    const offset = src[i]! | (src[i + 1]! << 8)
    i += 2
    if (offset === 0 || offset > history + out) throw new Error('invalid lz4 match offset')
    let ml = token & 15
    if (ml === 15) {
      let b: number
      do {
        if (i >= end) throw new Error('truncated lz4 block (match length)')
        b = src[i++]!
        ml += b
      } while (b === 255)
    }
    out += ml + 4
  }
  return out
}
