import { type MessageView } from '../protocol/message.js';
import { type MessageRequestMode, type PopReceipt, type QueueAssignment } from '../protocol/pop.js';
import { type Invoker } from './broker-api.js';
export interface PopRequest {
    group: string;
    topic: string;
    brokerName: string;
    /** -1: the broker reads every queue of the topic it holds. */
    queueId: number;
    /** At most 32 (the broker's limit). */
    maxMsgNums: number;
    invisibleTime: number;
    /** How long the broker may hold the request when nothing is there (long polling), in ms. */
    pollTime: number;
    /** Where a group without offsets starts: 0 = the first message (MIN), 1 = new messages only (MAX). */
    initMode: 0 | 1;
    expressionType: 'TAG' | 'SQL92';
    expression: string;
}
/** A POP answer: `FOUND` with messages (each with its receipt), or nothing (`NO_NEW_MSG`; `POLLING_FULL` = the broker's poll queue is full). */
export interface PopResult {
    status: 'FOUND' | 'NO_NEW_MSG' | 'POLLING_FULL';
    messages: MessageView[];
    /** `receipts[i]` is the receipt of `messages[i]`. */
    receipts: PopReceipt[];
    popTime: number;
    invisibleTime: number;
    /** Messages left on the broker after this pop (its estimate). */
    restNum: number;
}
/** POP_MESSAGE (200050). Messages get topic = the request's topic (retried ones too), brokerName, POP_CK and 1ST_POP_TIME. */
export declare function popMessage(invoker: Invoker, address: string, h: PopRequest, opts: {
    timeoutMs: number;
    signal?: AbortSignal;
    maxMessageBytes?: number;
}): Promise<PopResult>;
/**
 * ACK_MESSAGE (200051): the message is done. `topic` is the subscribed topic (the retry topic is derived from the
 * receipt). Resolves false when the broker no longer knows the message (NO_MESSAGE: its queue was truncated, or it
 * was acked already); other refusals throw.
 */
export declare function ackMessage(invoker: Invoker, address: string, group: string, topic: string, r: PopReceipt, timeoutMs?: number): Promise<boolean>;
/** BATCH_ACK_MESSAGE (200151): receipts of one broker in one request. */
export declare function batchAckMessage(invoker: Invoker, address: string, group: string, topic: string, receipts: readonly PopReceipt[], timeoutMs?: number): Promise<void>;
/**
 * CHANGE_MESSAGE_INVISIBLETIME (200053): hide the message for `invisibleTime` ms from now. Returns its new receipt
 * (the old one is dead), or undefined when the broker no longer knows the message (NO_MESSAGE).
 */
export declare function changeInvisibleTime(invoker: Invoker, address: string, group: string, topic: string, r: PopReceipt, invisibleTime: number, timeoutMs?: number): Promise<PopReceipt | undefined>;
/**
 * QUERY_ASSIGNMENT (400): the queues the broker assigns this client for `topic`, with the group's request mode.
 * undefined = the broker cannot answer yet (topic route or the group's members unknown to it).
 */
export declare function queryAssignment(invoker: Invoker, address: string, r: {
    topic: string;
    group: string;
    clientId: string;
    strategyName: string;
}, timeoutMs?: number): Promise<QueueAssignment[] | undefined>;
/**
 * SET_MESSAGE_REQUEST_MODE (401) on one broker: how QUERY_ASSIGNMENT hands out `topic` to `group` from now on (kept
 * by that broker across restarts). `popShareQueueNum` 0 = every member pops every queue.
 */
export declare function setMessageRequestMode(invoker: Invoker, address: string, r: {
    topic: string;
    group: string;
    mode: MessageRequestMode;
    popShareQueueNum: number;
}, timeoutMs?: number): Promise<void>;
//# sourceMappingURL=pop-api.d.ts.map