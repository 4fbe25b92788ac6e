import { MessageView } from './message-view.js';
/** MAGICCODE of a V1 record (1-byte topic length): 0xDAA320A7. */
export declare const MAGIC_V1 = -626843481;
/** MAGICCODE of a V2 record (2-byte topic length, 5.1.0+ brokers for topics > 127 bytes): 0xDAA320AB. */
export declare const MAGIC_V2 = -626843477;
export interface DecodeOptions {
    /** Stored into every view's `brokerName`. */
    brokerName?: string;
    /** Decompress compressed bodies (default true). When false the body stays the stored bytes and sysFlag bit 0 stays set. */
    decompress?: boolean;
    /** Largest decompressed body accepted (default DEFAULT_MAX_MESSAGE_BYTES, 16 MiB); checked while inflating. */
    maxMessageBytes?: number;
}
/**
 * Decode a pull body: a concatenation of store records. Walks by TOTALSIZE; inner batches
 * (sysFlag INNER_BATCH and NEED_UNWRAP) are unwrapped into their members (§6.7).
 * Throws `ERR_MESSAGE_DECODE` naming the byte position of the first bad record.
 */
export declare function decodeMessages(body: Buffer, opts?: DecodeOptions): MessageView[];
/**
 * Decode one record (e.g. the CONSUME_MESSAGE_DIRECTLY body). Inner batches are not unwrapped here,
 * like Java's `MessageDecoder.clientDecode`. Bytes after the record are ignored.
 */
export declare function decodeMessage(buf: Buffer, opts?: DecodeOptions): MessageView;
//# sourceMappingURL=message-decoder.d.ts.map