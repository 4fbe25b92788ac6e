/** Hand-made hostile compressed bodies (decompression bombs) for the regression and fuzz tests. */
import { deflateSync } from 'node:zlib'

const ZSTD_MAGIC = [0x28, 0xb5, 0x2f, 0xfd]

/** A zstd frame whose header declares `declared` content bytes (8-byte FCS) followed by one 1-byte RLE block. */
export function zstdDeclaredSize(declared: number): Buffer {
  const fcs = Buffer.alloc(8)
  fcs.writeBigUInt64LE(BigInt(declared))
  // FHD 0xE0: FCS 8 bytes, single segment; block header: last, RLE, size 1; the RLE byte
  return Buffer.from([...ZSTD_MAGIC, 0xe0, ...fcs, 0x0b, 0x00, 0x00, 0x61])
}

/** `blocks` RLE blocks of 128 KiB each (4 bytes apiece): 32 KiB of input -> 1 GiB of output for 8192 blocks. */
export function zstdRleBomb(blocks: number): Buffer {
  const out = Buffer.alloc(6 + blocks * 4)
  Buffer.from([...ZSTD_MAGIC, 0x00, 0x58]).copy(out) // no FCS, window 2 MiB
  for (let i = 0; i < blocks; i++) {
    const last = i === blocks - 1 ? 1 : 0
    const bh = ((128 * 1024) << 3) | (1 << 1) | last
    const p = 6 + i * 4
    out[p] = bh & 0xff
    out[p + 1] = (bh >> 8) & 0xff
    out[p + 2] = (bh >> 16) & 0xff
    out[p + 3] = 0x61
  }
  return out
}

/** A frame whose window descriptor asks for a huge window (0xa1 = 1.125 GiB), then a small raw block. */
export function zstdHugeWindow(windowByte = 0xa1): Buffer {
  return Buffer.from([...ZSTD_MAGIC, 0x00, windowByte, 0x29, 0x00, 0x00, 0x68, 0x65, 0x6c, 0x6c, 0x6f])
}

/** zlib of `n` zero bytes (~1000:1). */
export function zlibBomb(n: number): Buffer {
  return deflateSync(Buffer.alloc(n), { level: 9 })
}

/**
 * An LZ4 frame (4 MiB blocks) of `blocks` compressed blocks, each a literal 'a' and one long match at offset 1:
 * ~16 KiB of input per ~4 MiB of output.
 */
export function lz4Bomb(blocks: number): Buffer {
  const k = 16440 // 255-extension bytes per block: 1 + 15 + 255*k + 4 <= 4 MiB
  const block = Buffer.alloc(1 + 1 + 2 + k + 1)
  block[0] = 0x1f // 1 literal, match length 15 + extensions
  block[1] = 0x61
  block[2] = 0x01 // offset 1
  block[3] = 0x00
  block.fill(0xff, 4, 4 + k)
  block[4 + k] = 0x00
  const parts: Buffer[] = [Buffer.from([0x04, 0x22, 0x4d, 0x18, 0x60, 0x70, 0x73])]
  const len = Buffer.alloc(4)
  len.writeUInt32LE(block.length)
  for (let i = 0; i < blocks; i++) parts.push(len, block)
  parts.push(Buffer.alloc(4))
  return Buffer.concat(parts)
}
