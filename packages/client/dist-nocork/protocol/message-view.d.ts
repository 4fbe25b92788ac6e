/** MessageSysFlag bits (§6.3). */
export declare const SysFlag: {
    readonly COMPRESSED: 1;
    readonly MULTI_TAGS: 2;
    readonly TRANSACTION_NOT_TYPE: 0;
    readonly TRANSACTION_PREPARED_TYPE: 4;
    readonly TRANSACTION_COMMIT_TYPE: 8;
    readonly TRANSACTION_ROLLBACK_TYPE: 12;
    readonly TRANSACTION_MASK: 12;
    readonly BORNHOST_V6: 16;
    readonly STOREHOST_V6: 32;
    readonly NEED_UNWRAP: 64;
    readonly INNER_BATCH: 128;
    readonly COMPRESSION_TYPE_MASK: 1792;
};
/** MessageConst property keys used by the client (§6.4). */
export declare const MessageConst: {
    readonly KEYS: "KEYS";
    readonly TAGS: "TAGS";
    readonly WAIT: "WAIT";
    readonly DELAY: "DELAY";
    readonly RETRY_TOPIC: "RETRY_TOPIC";
    readonly REAL_TOPIC: "REAL_TOPIC";
    readonly REAL_QID: "REAL_QID";
    readonly TRANSACTION_PREPARED: "TRAN_MSG";
    readonly PRODUCER_GROUP: "PGROUP";
    readonly MIN_OFFSET: "MIN_OFFSET";
    readonly MAX_OFFSET: "MAX_OFFSET";
    readonly ORIGIN_MESSAGE_ID: "ORIGIN_MESSAGE_ID";
    readonly RECONSUME_TIME: "RECONSUME_TIME";
    readonly MAX_RECONSUME_TIMES: "MAX_RECONSUME_TIMES";
    readonly CONSUME_START_TIME: "CONSUME_START_TIME";
    readonly UNIQ_KEY: "UNIQ_KEY";
    readonly MSG_REGION: "MSG_REGION";
    readonly TRACE_ON: "TRACE_ON";
    readonly INNER_NUM: "INNER_NUM";
    readonly INNER_BASE: "INNER_BASE";
    readonly TRANSACTION_ID: "__transactionId__";
    readonly SHARDING_KEY: "__SHARDINGKEY";
    readonly DLQ_ORIGIN_TOPIC: "DLQ_ORIGIN_TOPIC";
    readonly DLQ_ORIGIN_MESSAGE_ID: "DLQ_ORIGIN_MESSAGE_ID";
};
export declare const KEY_SEPARATOR = " ";
/**
 * The queue a message came from: a MessageQueue (`topic`, `brokerName`, `queueId`, the names the whole API uses), so
 * it can be passed straight to seek/commit/pause and compared with `assignment()` and event payloads.
 */
export interface MessageQueueRef {
    /** The topic (without namespace). */
    topic: string;
    /** The broker name, e.g. `broker-a`. */
    brokerName: string;
    /** The queue's index on that broker. */
    queueId: number;
    /** @deprecated The same value as `brokerName`, kept for code written against 0.1; use `brokerName`. */
    broker: string;
}
/**
 * One received message. Plain fields are decoded eagerly (cheap numbers, the topic, the body view);
 * `bornHost`, `storeHost`, `properties`, `keys`, `tags`, `msgId` and `offsetMsgId` are computed on first
 * access from the raw record bytes, which the view keeps referenced (so a view pins its pull frame).
 *
 * Hosts are rendered as `ip:port` for IPv4 and `[ipv6]:port` (RFC 5952 compressed, bracketed) for IPv6.
 * Fields are mutable on purpose: the consumer restores `topic` for retried messages and adds `offsetDelta`
 * to `queueOffset` (§5.5).
 */
export declare class MessageView {
    /** The topic (the original topic for a retried message; without namespace). */
    topic: string;
    /** Set by the caller (the broker the batch was pulled from). */
    brokerName: string;
    /** The queue's index on its broker. */
    queueId: number;
    /** The message's offset in its queue. */
    queueOffset: number;
    /** Its physical offset in the broker's CommitLog. */
    commitLogOffset: number;
    /** As stored, with bit 0 (COMPRESSED) cleared when the body was decompressed (Java does the same). */
    sysFlag: number;
    /** User flag. */
    flag: number;
    /** When the producer created it (epoch ms, the producer's clock). */
    bornTimestamp: number;
    /** When the broker stored it (epoch ms, the broker's clock). */
    storeTimestamp: number;
    /** How many times it was delivered again after a failure (0 on the first delivery). */
    reconsumeTimes: number;
    /** For a transactional message: the CommitLog offset of its prepared half; 0 otherwise. */
    preparedTransactionOffset: number;
    /** The CRC32 of the body as stored (of the compressed bytes when it was compressed). */
    bodyCRC: number;
    /** TOTALSIZE of the record (of the inner entry for unwrapped batch members). */
    storeSize: number;
    /** A view into the pull frame, or a fresh buffer when the body had to be decompressed. */
    body: Buffer;
    /** The producer's address as the broker saw it: `ip:port` or `[ipv6]:port`. */
    get bornHost(): string;
    /** The storing broker's address: `ip:port` or `[ipv6]:port`. */
    get storeHost(): string;
    /** All properties, parsed on first access (treat it as read-only; see parseProperties). */
    get properties(): Readonly<Record<string, string>>;
    /** A property by name; reads the raw bytes without parsing the whole set when possible. */
    getProperty(name: string): string | undefined;
    /**
     * Add or replace a property (the consumer sets MIN_OFFSET/MAX_OFFSET/CONSUME_START_TIME). Does not force
     * the stored properties to be parsed: additions are kept aside and merged on first `properties` access.
     */
    setProperty(name: string, value: string): void;
    /** KEYS split on ' ' (empty pieces dropped). */
    get keys(): string[];
    /** The TAGS property (one tag), if any. */
    get tags(): string | undefined;
    /** The client message id (UNIQ_KEY) when present, else the offset msgId (Java MessageClientExt.getMsgId). */
    get msgId(): string;
    /** Uppercase hex of storeHost ip ‖ port ‖ commitLogOffset (§6.5). */
    get offsetMsgId(): string;
    /** The queue it came from, usable as a MessageQueue (`seek`, `commit`, `pause`). */
    get queue(): MessageQueueRef;
    /** A plain object for logging and `JSON.stringify`: the fields and properties, the body as its length. */
    toJSON(): Record<string, unknown>;
}
//# sourceMappingURL=message-view.d.ts.map