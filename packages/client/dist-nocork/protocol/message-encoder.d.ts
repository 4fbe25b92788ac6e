/** Input of `encodeStoreMessage`; defaults give a valid V1/IPv4 record. */
export interface StoreMessageInit {
    topic: string;
    body: Buffer | string;
    /** A map (encoded with encodeProperties) or the raw properties string. */
    properties?: Readonly<Record<string, string>> | string;
    queueId?: number;
    flag?: number;
    queueOffset?: number;
    commitLogOffset?: number;
    /** Extra sysFlag bits; host v6 and compression bits are added automatically. */
    sysFlag?: number;
    bornTimestamp?: number;
    /** `ip:port` or `[ipv6]:port` (default 127.0.0.1:50000) */
    bornHost?: string;
    storeTimestamp?: number;
    /** default 127.0.0.1:10911 */
    storeHost?: string;
    reconsumeTimes?: number;
    preparedTransactionOffset?: number;
    /** Default: CRC32 of the stored (possibly compressed) body, as a signed int. */
    bodyCRC?: number;
    /** Default: V2 when the topic is longer than 127 bytes, else V1. */
    magic?: 'v1' | 'v2';
    /** Compress the body (zlib = type 3, zlib-legacy = type 0). zstd needs `compressedBody`. */
    compression?: 'zlib' | 'zlib-legacy' | 'lz4' | 'zstd';
    /** Stored body bytes to use as-is (e.g. a zstd frame made elsewhere). */
    compressedBody?: Buffer;
}
/** Encode one store-format record (§6.1): for test fixtures and benchmarks, and any code that must forge records. */
export declare function encodeStoreMessage(init: StoreMessageInit): Buffer;
/** Write a safe-integer Number as a big-endian int64. */
export declare function writeLong(b: Buffer, p: number, n: number): number;
//# sourceMappingURL=message-encoder.d.ts.map