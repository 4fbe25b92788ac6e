/**
 * Typed requests to brokers and NameServers (the Java MQClientAPIImpl): builds the custom headers, checks the
 * response code, and turns the answer into plain values. Stateless: addresses are chosen by the caller.
 *
 * Why one file over 400 lines: it is a flat list of one small function per request code (pull, offsets, heartbeat,
 * send, send-back, end-transaction, route), each read on its own; a split by family would only move imports around.
 */
import { type ErrorContext } from '../errors.js';
import { type RemotingCommand } from '../remoting/command.js';
import type { MessageQueue } from '../protocol/route.js';
import { type MessageView } from '../protocol/message.js';
export interface Invoker {
    invoke(address: string, code: number, extFields?: Record<string, string>, body?: Buffer, opts?: {
        timeoutMs?: number;
        signal?: AbortSignal;
    }): Promise<RemotingCommand>;
    invokeOneway(address: string, code: number, extFields?: Record<string, string>, body?: Buffer): Promise<void>;
}
export declare function ensureSuccess(res: RemotingCommand, context: ErrorContext, ok?: readonly number[]): RemotingCommand;
/**
 * A pull's outcome: `FOUND` (messages), `NO_NEW_MSG` (nothing after the offset), `NO_MATCHED_MSG` (nothing matched the
 * subscription), `OFFSET_ILLEGAL` (the offset is outside the queue; the consumer corrects it).
 */
export type PullStatus = 'FOUND' | 'NO_NEW_MSG' | 'NO_MATCHED_MSG' | 'OFFSET_ILLEGAL';
export interface PullResult {
    status: PullStatus;
    nextBeginOffset: number;
    minOffset: number;
    maxOffset: number;
    suggestWhichBrokerId: number;
    messages: MessageView[];
    /** Bytes of the pull body (for flow control accounting). */
    bodyBytes: number;
}
export declare const PullSysFlag: {
    readonly COMMIT_OFFSET: 1;
    readonly SUSPEND: 2;
    readonly SUBSCRIPTION: 4;
    readonly CLASS_FILTER: 8;
    readonly LITE_PULL: 16;
};
export interface PullRequestHeader {
    consumerGroup: string;
    mq: MessageQueue;
    queueOffset: number;
    maxMsgNums: number;
    sysFlag: number;
    commitOffset: number;
    suspendTimeoutMillis: number;
    subscription?: string;
    subVersion: number;
    expressionType?: string;
    maxMsgBytes?: number;
}
export declare function pullMessage(invoker: Invoker, address: string, h: PullRequestHeader, opts: {
    timeoutMs: number;
    signal?: AbortSignal;
    maxMessageBytes?: number;
}): Promise<PullResult>;
/**
 * Returns the committed offset, or -1 when the broker has none for this group (QUERY_NOT_FOUND). A 4.x broker's 0 is
 * checked against its offset table (it answers 0 instead of QUERY_NOT_FOUND for a young queue: legacy-offset.ts).
 */
export declare function queryConsumerOffset(invoker: Invoker, address: string, group: string, mq: MessageQueue, timeoutMs?: number): Promise<number>;
export declare function updateConsumerOffset(invoker: Invoker, address: string, group: string, mq: MessageQueue, offset: number, opts?: {
    oneway?: boolean;
    timeoutMs?: number;
}): Promise<void>;
/** The offset the next message of the queue will get. */
export declare const getMaxOffset: (invoker: Invoker, address: string, mq: MessageQueue, timeoutMs?: number) => Promise<number>;
export declare const getMinOffset: (invoker: Invoker, address: string, mq: MessageQueue, timeoutMs?: number) => Promise<number>;
/**
 * SEARCH_OFFSET_BY_TIMESTAMP as the broker answers it, with the version the broker announces on its response. A 5.x
 * broker answers the first offset whose store time is at or after `timestamp` (boundary LOWER); a 4.x broker has no
 * boundary and answers the offset of the message stored nearest to the time (before or after it): use
 * `offsetAtOrAfter` (cluster/offset-by-time.ts), which corrects that.
 */
export declare function searchOffsetByTimestampAnswer(invoker: Invoker, address: string, mq: MessageQueue, timestamp: number, timeoutMs?: number): Promise<{
    offset: number;
    brokerVersion: number;
}>;
export declare function getConsumerIdList(invoker: Invoker, address: string, group: string, timeoutMs?: number): Promise<string[]>;
export declare function sendHeartbeat(invoker: Invoker, address: string, body: Buffer, timeoutMs?: number): Promise<RemotingCommand>;
export declare function unregisterClient(invoker: Invoker, address: string, clientId: string, groups: {
    producerGroup?: string;
    consumerGroup?: string;
}, timeoutMs?: number): Promise<void>;
export interface SendBackRequest {
    group: string;
    commitLogOffset: number;
    delayLevel: number;
    originMsgId: string;
    originTopic: string;
    maxReconsumeTimes: number;
    brokerName: string;
}
export declare function consumerSendMessageBack(invoker: Invoker, address: string, r: SendBackRequest, timeoutMs?: number): Promise<void>;
export interface SendMessageHeader {
    producerGroup: string;
    topic: string;
    queueId: number;
    sysFlag: number;
    bornTimestamp: number;
    flag: number;
    properties: string;
    reconsumeTimes?: number;
    maxReconsumeTimes?: number;
    batch?: boolean;
    brokerName: string;
}
/**
 * A stored message's status (Java SendStatus): `SEND_OK`, or stored but `FLUSH_DISK_TIMEOUT` (sync flush late),
 * `FLUSH_SLAVE_TIMEOUT` (sync replication late) or `SLAVE_NOT_AVAILABLE` (sync replication impossible).
 */
export type SendStatus = 'SEND_OK' | 'FLUSH_DISK_TIMEOUT' | 'FLUSH_SLAVE_TIMEOUT' | 'SLAVE_NOT_AVAILABLE';
/** What `producer.send()` resolves with: the message is stored on the broker. */
export interface SendResult {
    /** The store status; anything but `SEND_OK` means stored, with weaker durability than asked. */
    status: SendStatus;
    /** The client-side unique id (UNIQ_KEY); for a batch, the ids joined by ','. */
    msgId: string;
    /** The broker's store id (host, port, commit-log offset). */
    offsetMsgId: string;
    /** The queue the message went to. */
    queue: MessageQueue;
    /** Its offset in that queue (for a batch, the first message's). */
    queueOffset: number;
    /** A transactional (half) message's transaction id as the broker reports it (its UNIQ_KEY). */
    transactionId?: string;
}
/** A SendResult with what the broker's response adds for message trace (MSG_REGION, TRACE_ON ext fields). */
export interface BrokerSendResult extends SendResult {
    regionId: string | undefined;
    /** false when the broker has message trace switched off (traceOn=false). */
    traceOn: boolean;
}
/** SEND_MESSAGE_V2 (310) or SEND_BATCH_MESSAGE (320), single-letter header. */
export declare function sendMessage(invoker: Invoker, address: string, h: SendMessageHeader, body: Buffer, opts: {
    timeoutMs: number;
    oneway?: boolean;
    uniqId: string;
}): Promise<BrokerSendResult | undefined>;
/** How a transaction ends (MessageSysFlag TRANSACTION_COMMIT_TYPE / TRANSACTION_ROLLBACK_TYPE). */
export declare const TransactionEnd: {
    readonly COMMIT: 8;
    readonly ROLLBACK: 12;
};
export interface EndTransactionHeader {
    /** The message's topic (the broker's ACL checks Pub on it when present). */
    topic?: string;
    producerGroup: string;
    /** The half message's queue offset (send result queueOffset, or the check's tranStateTableOffset). */
    tranStateTableOffset: string;
    /** The half message's commit-log offset (from the offset msgId, or the check's commitLogOffset). */
    commitLogOffset: string;
    commitOrRollback: (typeof TransactionEnd)[keyof typeof TransactionEnd];
    fromTransactionCheck: boolean;
    /** The message's UNIQ_KEY. */
    msgId: string;
    transactionId?: string;
    brokerName?: string;
}
/**
 * END_TRANSACTION (37), oneway as the Java client sends it (MQClientAPIImpl.endTransactionOneway): the broker finds
 * the half message by commitLogOffset, checks the group and queue offset, then stores the real message (commit) or
 * marks it done (rollback). It answers nothing; a lost request leaves the decision to the check-back.
 */
export declare function endTransaction(invoker: Invoker, address: string, h: EndTransactionHeader): Promise<void>;
/** GET_ROUTEINFO_BY_TOPIC to one NameServer; returns the raw body or undefined for TOPIC_NOT_EXIST. */
export declare function getRouteInfo(invoker: Invoker, address: string, topic: string, timeoutMs?: number): Promise<Buffer | undefined>;
/**
 * CHECK_CLIENT_CONFIG (46): the broker compiles a non-TAG subscription (SQL92) as the Java client asks it to at start.
 * A bad expression (SUBSCRIPTION_PARSE_FAILED) or a broker without enablePropertyFilter is ERR_INVALID_SUBSCRIPTION.
 */
export declare function checkClientConfig(invoker: Invoker, address: string, r: {
    clientId: string;
    group: string;
    subscription: {
        topic: string;
        subString: string;
        expressionType: string;
        subVersion: number;
    };
}, timeoutMs?: number): Promise<void>;
//# sourceMappingURL=broker-api.d.ts.map