/** One message of a SEND_BATCH_MESSAGE (320) body. */
export interface BatchEntry {
    body: Buffer;
    flag?: number;
    properties: Readonly<Record<string, string>>;
}
/**
 * §6.7 / Java `MessageDecoder.encodeMessages`: concatenated
 * `TOTALSIZE MAGIC(0) BODYCRC(0) FLAG BODYLEN body PROPLEN props` entries.
 */
export declare function encodeBatchBody(messages: readonly BatchEntry[]): Buffer;
//# sourceMappingURL=batch-body.d.ts.map