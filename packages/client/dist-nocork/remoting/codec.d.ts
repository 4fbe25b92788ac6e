import { type RemotingCommand } from './command.js';
/** LanguageCode ordinals (§1.6): the binary header carries the ordinal, the JSON header the name. */
export declare const LANGUAGE_CODES: readonly string[];
export type ExtFieldValue = string | number | boolean | bigint | undefined | null;
/** Drop undefined/null, stringify the rest: the wire form of a custom header (every value a string). */
export declare function toExtFields(obj: Record<string, ExtFieldValue>): Record<string, string>;
/**
 * Everything of a JSON frame except the body: length prefix, header word and header. Writing this and then the
 * body (under cork) avoids copying a large body into a fresh frame buffer.
 */
export declare function encodeFramePrefix(cmd: RemotingCommand): Buffer;
/** One full frame (length prefix included) with a JSON header. */
export declare function encodeCommand(cmd: RemotingCommand): Buffer;
/** One full frame (length prefix included) with a ROCKETMQ binary header (§1.5). */
export declare function encodeCommandBinary(cmd: RemotingCommand): Buffer;
/**
 * Decode one frame given WITHOUT its 4-byte length prefix. `body` is a view into `frame` (no copy), so keep in
 * mind that holding the body holds the frame.
 */
export declare function decodeCommand(frame: Buffer): RemotingCommand;
export interface FrameDecoderOptions {
    /** Largest frame accepted, counting the 4-byte length prefix (Netty's rule). Default 16 MiB. */
    maxFrameBytes?: number;
}
/**
 * Turns TCP chunks into commands. Chunks are queued, not concatenated: a frame that lies within one chunk is a
 * view of it; a frame that spans chunks is assembled once into a buffer of its exact size. So every byte is
 * copied at most once, whatever the chunking.
 *
 * After an error the decoder is poisoned: every later call throws the same error.
 */
export declare class FrameDecoder {
    private readonly maxFrameBytes;
    private readonly chunks;
    /** Read position inside chunks[0]. */
    private offset;
    private buffered;
    /** Length of the frame whose prefix was consumed, or -1 while waiting for a prefix. */
    private pendingLength;
    private failure;
    constructor(opts?: FrameDecoderOptions);
    /** Bytes received and not yet returned as commands (including a consumed length prefix's frame so far). */
    get bufferedBytes(): number;
    /** Append a chunk and return every command it completes. */
    push(chunk: Buffer): RemotingCommand[];
    /** Append a chunk without decoding; pair with `next()` to handle each frame before decoding the following one. */
    append(chunk: Buffer): void;
    /** The next complete command, or undefined when more bytes are needed. Throws a typed error on a bad frame. */
    next(): RemotingCommand | undefined;
    private readPrefix;
    private dropFirst;
    /** Remove exactly n bytes (n <= buffered): a view when they lie in one chunk, else one assembled copy. */
    private take;
}
//# sourceMappingURL=codec.d.ts.map