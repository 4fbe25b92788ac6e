import type { MessageQueue } from './message-queue.js';
/** Where a popped message was read: `'0'` the topic itself, `'1'` the POP retry topic `%RETRY%<group>_<topic>`, `'2'` its V2 form `%RETRY%<group>+<topic>`. */
export type PopRetryFlag = '0' | '1' | '2';
/** The property the Java client stores the receipt in (MessageConst.PROPERTY_POP_CK). */
export declare const POP_CK = "POP_CK";
/** When the message was first popped (MessageConst.PROPERTY_FIRST_POP_TIME). */
export declare const FIRST_POP_TIME = "1ST_POP_TIME";
/** A receipt of an ordered POP carries this revive queue id (KeyBuilder.POP_ORDER_REVIVE_QUEUE). */
export declare const POP_ORDER_REVIVE_QUEUE = 999;
/** The retry flag of the topic a message was stored in (Java ExtraInfoUtil.getRetry). */
export declare function popRetryFlag(storedTopic: string): PopRetryFlag;
/** The topic to ack a message in: the POP retry topic when it was read from there (Java ExtraInfoUtil.getRealTopic). */
export declare function popRealTopic(topic: string, group: string, flag: PopRetryFlag): string;
/** One popped message's receipt (the 8 space-separated fields of POP_CK). */
export interface PopReceipt {
    /** The first offset the pop read in this message's queue (the checkpoint's start offset). */
    ckQueueOffset: number;
    /** When the broker popped it (broker clock, ms). */
    popTime: number;
    /** How long it stays invisible after popTime, in ms. */
    invisibleTime: number;
    /** The broker's revive queue holding the checkpoint. */
    reviveQid: number;
    retryFlag: PopRetryFlag;
    brokerName: string;
    /** The queue id in the topic it was read from (the retry topic's for a retried message). */
    queueId: number;
    /** The message's own queue offset. */
    queueOffset: number;
}
/** `ckQueueOffset popTime invisibleTime reviveQid retryFlag brokerName queueId queueOffset` (Java buildExtraInfo). */
export declare function formatPopReceipt(r: PopReceipt): string;
/** Parses a POP_CK string (8 fields); ERR_MALFORMED_RESPONSE when it is not one. */
export declare function parsePopReceipt(s: string): PopReceipt;
/**
 * A POP answer's `startOffsetInfo` (`flag queueId offset;...`) or `msgOffsetInfo` (`flag queueId o1,o2;...`), keyed
 * `flag@queueId`. Empty or missing = an empty map.
 */
export declare function parsePopOffsetInfo(info: string | undefined): Map<string, number[]>;
/**
 * Java `BitSet.toByteArray()` of the given bit indexes, base64 (BatchAck's `b`, written by fastjson2 writeBase64):
 * byte i holds bits 8i..8i+7, least significant first; no trailing zero bytes.
 */
export declare function bitSetBase64(bits: readonly number[]): string;
/**
 * The BATCH_ACK_MESSAGE body for receipts of one broker (Java MQClientAPIImpl.batchAckMessageAsync): receipts of
 * the same pop (retry flag, queue, checkpoint offset, pop time) become one BatchAck whose bit set marks
 * `queueOffset - ckQueueOffset`. `topic` is the subscribed topic (the broker derives the retry topic from `r`).
 */
export declare function encodeBatchAck(group: string, topic: string, receipts: readonly PopReceipt[]): Buffer;
/** How the broker hands out a topic's messages to a group (Java MessageRequestMode). */
export type MessageRequestMode = 'PULL' | 'POP';
/** One queue of a QUERY_ASSIGNMENT answer; `queueId` -1 = every queue of that broker (one POP for all). */
export interface QueueAssignment {
    queue: MessageQueue;
    mode: MessageRequestMode;
}
/** QUERY_ASSIGNMENT body (Java QueryAssignmentRequestBody); `strategyName` is 'AVG' or 'AVG_BY_CIRCLE' (the broker knows only these). */
export declare function encodeQueryAssignment(r: {
    topic: string;
    group: string;
    clientId: string;
    strategyName: string;
    messageModel: 'CLUSTERING' | 'BROADCASTING';
}): Buffer;
/**
 * A QUERY_ASSIGNMENT answer's queues; `undefined` when the broker had no answer (`messageQueueAssignments` null: the
 * topic or the group's members unknown to it yet), which is not the same as "nothing for you" (`[]`).
 */
export declare function decodeQueryAssignment(body: Buffer | undefined): QueueAssignment[] | undefined;
/** SET_MESSAGE_REQUEST_MODE body (Java SetMessageRequestModeRequestBody). */
export declare function encodeSetMessageRequestMode(r: {
    topic: string;
    group: string;
    mode: MessageRequestMode;
    popShareQueueNum: number;
}): Buffer;
//# sourceMappingURL=pop.d.ts.map