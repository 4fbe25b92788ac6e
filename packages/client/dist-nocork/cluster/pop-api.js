/**
 * POP requests to a 5.x broker (Java MQClientAPIImpl.popMessageAsync / ackMessageAsync / batchAckMessageAsync /
 * changeInvisibleTimeAsync / queryAssignment / setMessageRequestMode): typed headers in, plain values out. The POP
 * answer is decoded like a pull body and each message gets its receipt (POP_CK) built from the answer's offset infos,
 * as the Java client does in processPopResponse. Stateless: addresses are chosen by the caller.
 */
import { malformedResponse } from '../errors.js';
import { BrokerResponseError } from '../remoting/broker-error.js';
import { RequestCode, ResponseCode } from '../remoting/codes.js';
import { toExtFields } from '../remoting/codec.js';
import { decodeMessages } from '../protocol/message.js';
import { wireInt } from '../protocol/wire-values.js';
import { FIRST_POP_TIME, POP_CK, decodeQueryAssignment, encodeBatchAck, encodeQueryAssignment, encodeSetMessageRequestMode, formatPopReceipt, parsePopOffsetInfo, parsePopReceipt, popRealTopic, popRetryFlag, } from '../protocol/pop.js';
import { ensureSuccess } from './broker-api.js';
/** POP_MESSAGE (200050). Messages get topic = the request's topic (retried ones too), brokerName, POP_CK and 1ST_POP_TIME. */
export async function popMessage(invoker, address, h, opts) {
    const ext = toExtFields({
        consumerGroup: h.group,
        topic: h.topic,
        queueId: h.queueId,
        maxMsgNums: h.maxMsgNums,
        invisibleTime: h.invisibleTime,
        pollTime: h.pollTime,
        // The broker answers POLLING_TIMEOUT at once when now - bornTime - pollTime > 500 ms: always our clock, now.
        bornTime: Date.now(),
        initMode: h.initMode,
        expType: h.expressionType,
        exp: h.expression,
        order: false,
        bname: h.brokerName,
    });
    const res = await invoker.invoke(address, RequestCode.POP_MESSAGE, ext, undefined, opts);
    const context = { address, broker: h.brokerName, topic: h.topic, queueId: h.queueId, group: h.group, requestCode: RequestCode.POP_MESSAGE, responseCode: res.code };
    const e = res.extFields ?? {};
    const restNum = e.restNum === undefined ? 0 : wireInt(e.restNum, 0, Number.MAX_SAFE_INTEGER, 'restNum', context);
    if (res.code === ResponseCode.POLLING_TIMEOUT || res.code === ResponseCode.PULL_NOT_FOUND || res.code === ResponseCode.NO_MESSAGE) {
        return { status: 'NO_NEW_MSG', messages: [], receipts: [], popTime: 0, invisibleTime: 0, restNum };
    }
    if (res.code === ResponseCode.POLLING_FULL)
        return { status: 'POLLING_FULL', messages: [], receipts: [], popTime: 0, invisibleTime: 0, restNum };
    if (res.code !== ResponseCode.SUCCESS)
        throw new BrokerResponseError(res.code, res.remark, context, res.code === ResponseCode.TOPIC_NOT_EXIST ? 'ERR_TOPIC_NOT_FOUND' : 'ERR_BROKER');
    const popTime = wireInt(e.popTime, 0, Number.MAX_SAFE_INTEGER, 'popTime', context);
    const invisibleTime = wireInt(e.invisibleTime, 0, Number.MAX_SAFE_INTEGER, 'invisibleTime', context);
    const reviveQid = wireInt(e.reviveQid, -1, 2_147_483_647, 'reviveQid', context);
    const body = res.body;
    if (!body || body.length === 0)
        return { status: 'NO_NEW_MSG', messages: [], receipts: [], popTime, invisibleTime, restNum };
    const messages = decodeMessages(body, opts.maxMessageBytes === undefined ? { brokerName: h.brokerName } : { brokerName: h.brokerName, maxMessageBytes: opts.maxMessageBytes });
    const starts = parsePopOffsetInfo(e.startOffsetInfo);
    const receipts = [];
    for (const m of messages) {
        // A message from the POP retry topic comes rewritten to the subscribed topic, with the broker's own receipt in
        // POP_CK (PopMessageProcessor, popResponseReturnActualRetryTopic false): use it as it is.
        const given = m.getProperty(POP_CK);
        if (given !== undefined) {
            const receipt = parsePopReceipt(given);
            receipts.push(receipt);
            if (m.getProperty(FIRST_POP_TIME) === undefined)
                m.setProperty(FIRST_POP_TIME, String(popTime));
            m.topic = h.topic;
            m.brokerName = h.brokerName;
            continue;
        }
        const retryFlag = popRetryFlag(m.topic);
        const start = starts.get(`${retryFlag}@${m.queueId}`);
        // An old broker without startOffsetInfo: the first message of each queue is the checkpoint (Java does the same).
        let ckQueueOffset = start?.[0];
        if (ckQueueOffset === undefined) {
            if (starts.size > 0)
                throw malformedResponse(`POP answer has no start offset for ${retryFlag}@${m.queueId}`, context);
            ckQueueOffset = receipts.find((r) => r.retryFlag === retryFlag && r.queueId === m.queueId)?.ckQueueOffset ?? m.queueOffset;
        }
        const receipt = { ckQueueOffset, popTime, invisibleTime, reviveQid, retryFlag, brokerName: h.brokerName, queueId: m.queueId, queueOffset: m.queueOffset };
        receipts.push(receipt);
        m.setProperty(POP_CK, formatPopReceipt(receipt));
        if (m.getProperty(FIRST_POP_TIME) === undefined)
            m.setProperty(FIRST_POP_TIME, String(popTime));
        m.topic = h.topic;
        m.brokerName = h.brokerName;
    }
    return { status: 'FOUND', messages, receipts, popTime, invisibleTime, restNum };
}
const ackContext = (address, group, topic, r, requestCode) => ({
    address,
    broker: r.brokerName,
    topic,
    queueId: r.queueId,
    group,
    requestCode,
    offset: r.queueOffset,
});
/**
 * ACK_MESSAGE (200051): the message is done. `topic` is the subscribed topic (the retry topic is derived from the
 * receipt). Resolves false when the broker no longer knows the message (NO_MESSAGE: its queue was truncated, or it
 * was acked already); other refusals throw.
 */
export async function ackMessage(invoker, address, group, topic, r, timeoutMs = 3000) {
    const realTopic = popRealTopic(topic, group, r.retryFlag);
    const ext = toExtFields({ consumerGroup: group, topic: realTopic, queueId: r.queueId, extraInfo: formatPopReceipt(r), offset: r.queueOffset, bname: r.brokerName });
    const res = await invoker.invoke(address, RequestCode.ACK_MESSAGE, ext, undefined, { timeoutMs });
    if (res.code === ResponseCode.NO_MESSAGE)
        return false;
    ensureSuccess(res, ackContext(address, group, realTopic, r, RequestCode.ACK_MESSAGE));
    return true;
}
/** BATCH_ACK_MESSAGE (200151): receipts of one broker in one request. */
export async function batchAckMessage(invoker, address, group, topic, receipts, timeoutMs = 3000) {
    const res = await invoker.invoke(address, RequestCode.BATCH_ACK_MESSAGE, {}, encodeBatchAck(group, topic, receipts), { timeoutMs });
    ensureSuccess(res, { address, broker: receipts[0]?.brokerName, topic, group, requestCode: RequestCode.BATCH_ACK_MESSAGE });
}
/**
 * CHANGE_MESSAGE_INVISIBLETIME (200053): hide the message for `invisibleTime` ms from now. Returns its new receipt
 * (the old one is dead), or undefined when the broker no longer knows the message (NO_MESSAGE).
 */
export async function changeInvisibleTime(invoker, address, group, topic, r, invisibleTime, timeoutMs = 3000) {
    const realTopic = popRealTopic(topic, group, r.retryFlag);
    const ext = toExtFields({
        consumerGroup: group,
        topic: realTopic,
        queueId: r.queueId,
        extraInfo: formatPopReceipt(r),
        offset: r.queueOffset,
        invisibleTime,
        bname: r.brokerName,
    });
    const res = await invoker.invoke(address, RequestCode.CHANGE_MESSAGE_INVISIBLETIME, ext, undefined, { timeoutMs });
    if (res.code === ResponseCode.NO_MESSAGE)
        return undefined;
    const context = ackContext(address, group, realTopic, r, RequestCode.CHANGE_MESSAGE_INVISIBLETIME);
    ensureSuccess(res, context);
    const e = res.extFields ?? {};
    const c = { ...context, responseCode: res.code };
    return {
        ...r,
        // The new checkpoint covers this message alone: it starts at the message's offset (Java changeInvisibleTimeAsync).
        ckQueueOffset: r.queueOffset,
        popTime: wireInt(e.popTime, 0, Number.MAX_SAFE_INTEGER, 'popTime', c),
        invisibleTime: wireInt(e.invisibleTime, 0, Number.MAX_SAFE_INTEGER, 'invisibleTime', c),
        reviveQid: wireInt(e.reviveQid, -1, 2_147_483_647, 'reviveQid', c),
    };
}
/**
 * QUERY_ASSIGNMENT (400): the queues the broker assigns this client for `topic`, with the group's request mode.
 * undefined = the broker cannot answer yet (topic route or the group's members unknown to it).
 */
export async function queryAssignment(invoker, address, r, timeoutMs = 3000) {
    const res = await invoker.invoke(address, RequestCode.QUERY_ASSIGNMENT, {}, encodeQueryAssignment({ ...r, messageModel: 'CLUSTERING' }), { timeoutMs });
    ensureSuccess(res, { address, topic: r.topic, group: r.group, requestCode: RequestCode.QUERY_ASSIGNMENT });
    return decodeQueryAssignment(res.body);
}
/**
 * SET_MESSAGE_REQUEST_MODE (401) on one broker: how QUERY_ASSIGNMENT hands out `topic` to `group` from now on (kept
 * by that broker across restarts). `popShareQueueNum` 0 = every member pops every queue.
 */
export async function setMessageRequestMode(invoker, address, r, timeoutMs = 3000) {
    const res = await invoker.invoke(address, RequestCode.SET_MESSAGE_REQUEST_MODE, {}, encodeSetMessageRequestMode(r), { timeoutMs });
    const context = { address, topic: r.topic, group: r.group, requestCode: RequestCode.SET_MESSAGE_REQUEST_MODE };
    if (res.code === ResponseCode.TOPIC_NOT_EXIST)
        throw new BrokerResponseError(res.code, res.remark, context, 'ERR_TOPIC_NOT_FOUND');
    if (res.code === ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST)
        throw new BrokerResponseError(res.code, res.remark, context, 'ERR_GROUP_NOT_FOUND');
    ensureSuccess(res, context);
}
//# sourceMappingURL=pop-api.js.map