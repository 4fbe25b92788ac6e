export declare const COMPRESSION_TYPE_MASK = 1792;
export declare const COMPRESSION_ZLIB_LEGACY = 0;
export declare const COMPRESSION_LZ4 = 1;
export declare const COMPRESSION_ZSTD = 2;
export declare const COMPRESSION_ZLIB = 3;
export type CompressionName = 'zlib' | 'lz4' | 'zstd';
/**
 * Default cap on one decoded message body: 16 MiB. The broker stores at most 4 MiB per message (maxMessageSize),
 * and Java producers check that limit on the body BEFORE compressing it, so a message from a default Java producer
 * never inflates past 4 MiB; the 4x headroom covers producers that compress first or raised their limit, at
 * text-like compression ratios. Anything larger is far more likely an attack or a bug than a message.
 */
export declare const DEFAULT_MAX_MESSAGE_BYTES: number;
export declare function compressionTypeOf(sysFlag: number): number;
/** The body would decode to more than the cap. Plain Error: the message decoder wraps it with the record's position. */
export declare class DecompressedTooLarge extends Error {
    readonly codec: string;
    readonly maxBytes: number;
    readonly declaredBytes?: number | undefined;
    readonly name = "DecompressedTooLarge";
    constructor(codec: string, maxBytes: number, declaredBytes?: number | undefined);
}
/**
 * Decompress a stored message body, refusing to produce more than `maxBytes`. Throws a plain Error on malformed
 * input and `DecompressedTooLarge` over the cap (the caller wraps either into ERR_MESSAGE_DECODE with the record).
 */
export declare function decompressBody(type: number, data: Uint8Array, maxBytes?: number): Buffer;
/** Compress a body the way the Java producer does (zlib level 5; lz4 frame). zstd has no encoder here. */
export declare function compressBody(name: Exclude<CompressionName, 'zstd'>, data: Uint8Array): Buffer;
interface ZstdFrameHeader {
    /** Frame_Content_Size, or undefined when absent. */
    contentSize: number | undefined;
    windowSize: number;
}
/**
 * Read and check every frame header of a zstd body before decoding anything (RFC 8878 §3.1.1.1): a dictionary id
 * or a reserved bit is refused, a declared content size over the cap is refused, and so is a window larger than
 * the cap (or 8 MiB, whichever is larger) - a decoder allocates the window up front. Skippable frames are stepped
 * over. Only the first frame's blocks are not walked here: the streaming decode counts what they produce.
 */
export declare function zstdFrameHeader(data: Uint8Array, maxBytes: number): ZstdFrameHeader;
/**
 * Decompress one LZ4 frame. The block tokens are walked first (cheap, no copy): that validates the structure and
 * gives the exact output size, checked against `maxBytes` as it is summed, before anything is allocated. Blocks
 * are then decoded one by one by lz4js (whose own frame reader misplaces block checksums).
 */
export declare function lz4FrameDecompress(src: Uint8Array, maxBytes?: number): Buffer;
/** Exact decompressed size of an LZ4 frame (validates the frame layout). */
export declare function lz4FrameContentSize(src: Uint8Array, maxBytes?: number): number;
export {};
//# sourceMappingURL=compression.d.ts.map