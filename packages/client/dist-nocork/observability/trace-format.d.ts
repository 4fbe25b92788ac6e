/**
 * RocketMQ message trace records (RIP-6), in the text format the Java client's `TraceDataEncoder` writes and
 * `mqadmin queryMsgTraceById` / the dashboard read (apache/rocketmq client/.../trace/TraceDataEncoder.java):
 *
 * - one record = fields separated by CONTENT_SPLITOR (U+0001), ended by FIELD_SPLITOR (U+0002); a trace message body
 *   is records concatenated;
 * - `Pub`:       Pub ‖ timestamp ‖ regionId ‖ group ‖ topic ‖ msgId ‖ tags ‖ keys ‖ storeHost ‖ bodyLength ‖ costTime ‖
 *                msgType ordinal ‖ offsetMsgId ‖ success
 * - `SubBefore`: SubBefore ‖ timestamp ‖ regionId ‖ group ‖ requestId ‖ msgId ‖ retryTimes ‖ keys   (one per message)
 * - `SubAfter`:  SubAfter ‖ requestId ‖ msgId ‖ costTime ‖ success ‖ keys ‖ contextCode ‖ timestamp ‖ group  (one per
 *                message; the last two are what Java writes for a non-cloud client)
 *
 * A missing tags or keys value is written as `null`, as Java's StringBuilder writes a null String: Java's decoder
 * splits with `String.split`, which drops trailing empty fields, so an empty last field (SubBefore keys) would make
 * it fail; `null` is what every Java-written record carries there.
 */
export declare const CONTENT_SPLITOR = "\u0001";
export declare const FIELD_SPLITOR = "\u0002";
/** The default trace topic (TopicValidator.RMQ_SYS_TRACE_TOPIC). */
export declare const TRACE_TOPIC = "RMQ_SYS_TRACE_TOPIC";
/** MixAll.DEFAULT_TRACE_REGION_ID: the region when the broker names none. */
export declare const DEFAULT_REGION = "DefaultRegion";
/** Java TraceType (by name). */
export type TraceType = 'Pub' | 'SubBefore' | 'SubAfter';
/** Java MessageType, by ordinal (the Pub record carries the ordinal). */
export declare const MessageType: {
    readonly Normal: 0;
    readonly TransHalf: 1;
    readonly TransCommit: 2;
    readonly Delay: 3;
    readonly Order: 4;
};
/** Java ConsumeReturnType, by ordinal (the SubAfter record's contextCode). */
export declare const ConsumeReturnType: {
    readonly SUCCESS: 0;
    readonly TIME_OUT: 1;
    readonly EXCEPTION: 2;
    readonly RETURNNULL: 3;
    readonly FAILED: 4;
};
/** One message in a trace record (Java TraceBean: the fields the records carry). */
export interface TraceBean {
    topic: string;
    /** The client id (UNIQ_KEY): what `queryMsgTraceById` looks up. */
    msgId: string;
    offsetMsgId?: string;
    /** undefined is written as `null` (as Java does for a message without tags). */
    tags?: string | undefined;
    /** The KEYS property as stored (keys joined by ' '); undefined is written as `null`. */
    keys?: string | undefined;
    storeHost?: string;
    bodyLength?: number;
    /** MessageType ordinal (Pub). */
    msgType?: number;
    /** reconsumeTimes (SubBefore). */
    retryTimes?: number;
}
/** One trace context (Java TraceContext): a Pub for one message, or a SubBefore/SubAfter for the messages of one handler call. */
export interface TraceRecord {
    type: TraceType;
    /** ms since epoch: Pub and SubBefore = when it started, SubAfter = when it ended. */
    timestamp: number;
    regionId: string;
    /** The producer or consumer group, without namespace. */
    group: string;
    /** ms; SubAfter: per message of the call (the call's time divided by its message count, as Java does). */
    costTime: number;
    success: boolean;
    /** Pairs a SubBefore with its SubAfter (a fresh UNIQ_KEY-style id). */
    requestId: string;
    /** ConsumeReturnType ordinal (SubAfter). */
    contextCode: number;
    beans: TraceBean[];
}
/** What one record becomes: its text, and the keys the trace message is indexed by (msgIds, then the message keys). */
export interface EncodedTrace {
    data: string;
    keys: string[];
}
/** TraceDataEncoder.encoderFromContextBean. */
export declare function encodeTraceRecord(r: TraceRecord): EncodedTrace;
/** A decoded record, as Java's TraceDataEncoder.decoderFromTraceDataString reads it (one bean per record). */
export interface DecodedTrace {
    /** Pub, SubBefore or SubAfter. */
    type: TraceType;
    /** When the record was made (ms since epoch); Pub and SubBefore. */
    timestamp?: number;
    /** The broker's region (MSG_REGION); Pub and SubBefore. */
    regionId?: string;
    /** Producer group (Pub) or consumer group (Sub). */
    group?: string;
    /** Pairs a SubBefore with its SubAfter (one handler call). */
    requestId?: string;
    /** The message's topic (Pub). */
    topic?: string;
    /** The message id (UNIQ_KEY). */
    msgId: string;
    /** The message's tags, if any. */
    tags?: string;
    /** The message's keys, space separated, if any. */
    keys?: string;
    /** The broker that stored the message (Pub). */
    storeHost?: string;
    /** Body size in bytes. */
    bodyLength?: number;
    /** Send time (Pub) or handler time per message (SubAfter), ms. */
    costTime?: number;
    /** 0 normal, 1 transactional half, 2 transactional commit, 3 delayed (Pub). */
    msgType?: number;
    /** The store offset id of the message (Pub). */
    offsetMsgId?: string;
    /** Whether the send (Pub) or the handler call (SubAfter) succeeded. */
    success?: boolean;
    /** The message's reconsumeTimes when it was handled (SubBefore). */
    retryTimes?: number;
    /** How the handler call ended (SubAfter): 0 success, 1 timeout, 2 exception. */
    contextCode?: number;
}
/**
 * Read a trace message body (records written by this client or by Java's) into records, the way Java's decoder
 * splits it. Records of types this client does not write (EndTransaction, Recall) are skipped.
 */
export declare function decodeTraceData(body: string): DecodedTrace[];
//# sourceMappingURL=trace-format.d.ts.map