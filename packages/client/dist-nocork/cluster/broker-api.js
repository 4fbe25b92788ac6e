/**
 * Typed requests to brokers and NameServers (the Java MQClientAPIImpl): builds the custom headers, checks the
 * response code, and turns the answer into plain values. Stateless: addresses are chosen by the caller.
 *
 * Why one file over 400 lines: it is a flat list of one small function per request code (pull, offsets, heartbeat,
 * send, send-back, end-transaction, route), each read on its own; a split by family would only move imports around.
 */
import { RocketMQError, malformedResponse } from '../errors.js';
import { BrokerResponseError } from '../remoting/broker-error.js';
import { fromLegacyServer } from '../remoting/command.js';
import { RequestCode, ResponseCode } from '../remoting/codes.js';
import { toExtFields } from '../remoting/codec.js';
import { decodeMessages } from '../protocol/message.js';
import { MAX_OFFSET, MAX_QUEUE_ID, wireInt } from '../protocol/wire-values.js';
import { hasStoredOffset } from './legacy-offset.js';
export function ensureSuccess(res, context, ok = [ResponseCode.SUCCESS]) {
    if (ok.includes(res.code))
        return res;
    throw new BrokerResponseError(res.code, res.remark, context);
}
/** A required numeric extField, range-checked: missing or out of range is ERR_MALFORMED_RESPONSE. */
function extNumber(res, key, context, min = 0, max = MAX_OFFSET) {
    const v = res.extFields?.[key];
    if (v === undefined)
        throw malformedResponse(`Response without '${key}' (code ${res.code})`, { ...context, responseCode: res.code });
    return wireInt(v, min, max, key, { ...context, responseCode: res.code });
}
/** Largest broker id a pull response may suggest (ids are 0 for the master, small positive for slaves). */
const MAX_BROKER_ID = 2147483647;
export const PullSysFlag = { COMMIT_OFFSET: 0x1, SUSPEND: 0x2, SUBSCRIPTION: 0x4, CLASS_FILTER: 0x8, LITE_PULL: 0x10 };
const PULL_STATUS = {
    [ResponseCode.SUCCESS]: 'FOUND',
    [ResponseCode.PULL_NOT_FOUND]: 'NO_NEW_MSG',
    [ResponseCode.PULL_RETRY_IMMEDIATELY]: 'NO_MATCHED_MSG',
    [ResponseCode.PULL_OFFSET_MOVED]: 'OFFSET_ILLEGAL',
};
export async function pullMessage(invoker, address, h, opts) {
    const ext = toExtFields({
        consumerGroup: h.consumerGroup,
        topic: h.mq.topic,
        queueId: h.mq.queueId,
        queueOffset: h.queueOffset,
        maxMsgNums: h.maxMsgNums,
        sysFlag: h.sysFlag,
        commitOffset: h.commitOffset,
        suspendTimeoutMillis: h.suspendTimeoutMillis,
        subscription: h.subscription,
        subVersion: h.subVersion,
        expressionType: h.expressionType ?? 'TAG',
        maxMsgBytes: h.maxMsgBytes,
        bname: h.mq.brokerName,
    });
    const res = await invoker.invoke(address, RequestCode.PULL_MESSAGE, ext, undefined, opts);
    const status = PULL_STATUS[res.code];
    const context = { address, broker: h.mq.brokerName, topic: h.mq.topic, queueId: h.mq.queueId, group: h.consumerGroup };
    if (status === undefined)
        throw new BrokerResponseError(res.code, res.remark, { ...context, requestCode: RequestCode.PULL_MESSAGE });
    const body = res.body;
    // Every number is checked here, where it is parsed: a NaN offset would make the consumer pull the same
    // messages again forever, a bad broker id would spin the pull loop. Java requires all four (@CFNotNull).
    const rc = { ...context, requestCode: RequestCode.PULL_MESSAGE, pullOffset: h.queueOffset };
    const nextBeginOffset = extNumber(res, 'nextBeginOffset', rc);
    const minOffset = extNumber(res, 'minOffset', rc);
    const maxOffset = extNumber(res, 'maxOffset', rc);
    const suggested = res.extFields?.suggestWhichBrokerId;
    const suggestWhichBrokerId = suggested === undefined ? 0 : wireInt(suggested, 0, MAX_BROKER_ID, 'suggestWhichBrokerId', { ...rc, responseCode: res.code });
    if (minOffset > maxOffset)
        throw malformedResponse(`pull response has minOffset ${minOffset} > maxOffset ${maxOffset}`, rc);
    if (status === 'FOUND' && nextBeginOffset <= h.queueOffset) {
        throw malformedResponse(`pull response FOUND with nextBeginOffset ${nextBeginOffset} not after the pulled offset ${h.queueOffset}`, rc);
    }
    let messages = [];
    if (status === 'FOUND' && body && body.length > 0) {
        try {
            messages = decodeMessages(body, opts.maxMessageBytes === undefined ? { brokerName: h.mq.brokerName } : { brokerName: h.mq.brokerName, maxMessageBytes: opts.maxMessageBytes });
        }
        catch (e) {
            if (!(e instanceof RocketMQError))
                throw e;
            // Name the queue and the offset (of the bad record when it was readable, else the pulled one).
            throw new RocketMQError(e.code, `${e.message} (pull of ${h.mq.topic} ${h.mq.brokerName}/${h.mq.queueId} at offset ${h.queueOffset})`, {
                retriable: e.retriable,
                cause: e.cause,
                context: { ...context, pullOffset: h.queueOffset, nextBeginOffset, ...e.context, offset: e.context.offset ?? h.queueOffset },
            });
        }
    }
    return { status, nextBeginOffset, minOffset, maxOffset, suggestWhichBrokerId, messages, bodyBytes: body?.length ?? 0 };
}
const mqHeader = (mq) => ({ topic: mq.topic, queueId: mq.queueId, bname: mq.brokerName });
/**
 * Returns the committed offset, or -1 when the broker has none for this group (QUERY_NOT_FOUND). A 4.x broker's 0 is
 * checked against its offset table (it answers 0 instead of QUERY_NOT_FOUND for a young queue: legacy-offset.ts).
 */
export async function queryConsumerOffset(invoker, address, group, mq, timeoutMs = 5000) {
    const res = await invoker.invoke(address, RequestCode.QUERY_CONSUMER_OFFSET, toExtFields({ consumerGroup: group, ...mqHeader(mq), setZeroIfNotFound: false }), undefined, { timeoutMs });
    const context = { address, broker: mq.brokerName, topic: mq.topic, queueId: mq.queueId, group, requestCode: RequestCode.QUERY_CONSUMER_OFFSET };
    if (res.code === ResponseCode.QUERY_NOT_FOUND)
        return -1;
    ensureSuccess(res, context);
    const offset = extNumber(res, 'offset', context, -1);
    if (offset === 0 && fromLegacyServer(res)) {
        // Where the table cannot be read (an ACL without admin rights), the broker's 0 stands, as for the Java 4.x client.
        const stored = await hasStoredOffset((...a) => invoker.invoke(...a), address, group, mq, timeoutMs).catch(() => true);
        if (!stored)
            return -1;
    }
    return offset;
}
export async function updateConsumerOffset(invoker, address, group, mq, offset, opts = {}) {
    const ext = toExtFields({ consumerGroup: group, ...mqHeader(mq), commitOffset: offset });
    if (opts.oneway)
        return invoker.invokeOneway(address, RequestCode.UPDATE_CONSUMER_OFFSET, ext);
    const res = await invoker.invoke(address, RequestCode.UPDATE_CONSUMER_OFFSET, ext, undefined, { timeoutMs: opts.timeoutMs ?? 5000 });
    ensureSuccess(res, { address, broker: mq.brokerName, topic: mq.topic, queueId: mq.queueId, group, requestCode: RequestCode.UPDATE_CONSUMER_OFFSET });
}
async function offsetRequest(invoker, address, code, mq, extra, timeoutMs) {
    const res = await invoker.invoke(address, code, toExtFields({ ...mqHeader(mq), ...extra }), undefined, { timeoutMs });
    const context = { address, broker: mq.brokerName, topic: mq.topic, queueId: mq.queueId, requestCode: code };
    ensureSuccess(res, context);
    return extNumber(res, 'offset', context);
}
/** The offset the next message of the queue will get. */
export const getMaxOffset = (invoker, address, mq, timeoutMs = 6000) => offsetRequest(invoker, address, RequestCode.GET_MAX_OFFSET, mq, { committed: true }, timeoutMs);
export const getMinOffset = (invoker, address, mq, timeoutMs = 6000) => offsetRequest(invoker, address, RequestCode.GET_MIN_OFFSET, mq, {}, timeoutMs);
/**
 * SEARCH_OFFSET_BY_TIMESTAMP as the broker answers it, with the version the broker announces on its response. A 5.x
 * broker answers the first offset whose store time is at or after `timestamp` (boundary LOWER); a 4.x broker has no
 * boundary and answers the offset of the message stored nearest to the time (before or after it): use
 * `offsetAtOrAfter` (cluster/offset-by-time.ts), which corrects that.
 */
export async function searchOffsetByTimestampAnswer(invoker, address, mq, timestamp, timeoutMs = 6000) {
    const code = RequestCode.SEARCH_OFFSET_BY_TIMESTAMP;
    const res = await invoker.invoke(address, code, toExtFields({ ...mqHeader(mq), timestamp, boundaryType: 'LOWER' }), undefined, { timeoutMs });
    const context = { address, broker: mq.brokerName, topic: mq.topic, queueId: mq.queueId, requestCode: code };
    ensureSuccess(res, context);
    return { offset: extNumber(res, 'offset', context), brokerVersion: res.version };
}
export async function getConsumerIdList(invoker, address, group, timeoutMs = 3000) {
    const res = await invoker.invoke(address, RequestCode.GET_CONSUMER_LIST_BY_GROUP, { consumerGroup: group }, undefined, { timeoutMs });
    // SYSTEM_ERROR "no consumer for this group" when the broker has no member registered yet.
    if (res.code === ResponseCode.SYSTEM_ERROR && /no consumer/i.test(res.remark ?? ''))
        return [];
    ensureSuccess(res, { address, group, requestCode: RequestCode.GET_CONSUMER_LIST_BY_GROUP });
    if (!res.body || res.body.length === 0)
        return [];
    const context = { address, group, requestCode: RequestCode.GET_CONSUMER_LIST_BY_GROUP };
    let parsed;
    try {
        parsed = JSON.parse(res.body.toString('utf8'));
    }
    catch (e) {
        throw malformedResponse(`consumer list is not JSON: ${e instanceof Error ? e.message : String(e)}`, context);
    }
    const list = parsed !== null && typeof parsed === 'object' ? parsed.consumerIdList : undefined;
    if (list === undefined || list === null)
        return [];
    if (!Array.isArray(list) || list.some((x) => typeof x !== 'string'))
        throw malformedResponse('consumerIdList is not a list of strings', context);
    return list;
}
export async function sendHeartbeat(invoker, address, body, timeoutMs = 3000) {
    const res = await invoker.invoke(address, RequestCode.HEART_BEAT, {}, body, { timeoutMs });
    return ensureSuccess(res, { address, requestCode: RequestCode.HEART_BEAT });
}
export async function unregisterClient(invoker, address, clientId, groups, timeoutMs = 3000) {
    const res = await invoker.invoke(address, RequestCode.UNREGISTER_CLIENT, toExtFields({ clientID: clientId, ...groups }), undefined, { timeoutMs });
    ensureSuccess(res, { address, requestCode: RequestCode.UNREGISTER_CLIENT, ...groups });
}
export async function consumerSendMessageBack(invoker, address, r, timeoutMs = 5000) {
    const ext = toExtFields({
        offset: r.commitLogOffset,
        group: r.group,
        delayLevel: r.delayLevel,
        originMsgId: r.originMsgId,
        originTopic: r.originTopic,
        unitMode: false,
        maxReconsumeTimes: r.maxReconsumeTimes,
        bname: r.brokerName,
    });
    const res = await invoker.invoke(address, RequestCode.CONSUMER_SEND_MSG_BACK, ext, undefined, { timeoutMs });
    ensureSuccess(res, { address, broker: r.brokerName, topic: r.originTopic, group: r.group, requestCode: RequestCode.CONSUMER_SEND_MSG_BACK });
}
const SEND_STATUS = {
    [ResponseCode.SUCCESS]: 'SEND_OK',
    [ResponseCode.FLUSH_DISK_TIMEOUT]: 'FLUSH_DISK_TIMEOUT',
    [ResponseCode.FLUSH_SLAVE_TIMEOUT]: 'FLUSH_SLAVE_TIMEOUT',
    [ResponseCode.SLAVE_NOT_AVAILABLE]: 'SLAVE_NOT_AVAILABLE',
};
/** SEND_MESSAGE_V2 (310) or SEND_BATCH_MESSAGE (320), single-letter header. */
export async function sendMessage(invoker, address, h, body, opts) {
    const ext = toExtFields({
        a: h.producerGroup,
        b: h.topic,
        c: 'TBW102',
        d: 4,
        e: h.queueId,
        f: h.sysFlag,
        g: h.bornTimestamp,
        h: h.flag,
        i: h.properties,
        j: h.reconsumeTimes ?? 0,
        k: false,
        l: h.maxReconsumeTimes,
        m: h.batch ?? false,
        n: h.brokerName,
    });
    const code = h.batch ? RequestCode.SEND_BATCH_MESSAGE : RequestCode.SEND_MESSAGE_V2;
    if (opts.oneway) {
        await invoker.invokeOneway(address, code, ext, body);
        return undefined;
    }
    const res = await invoker.invoke(address, code, ext, body, { timeoutMs: opts.timeoutMs });
    const status = SEND_STATUS[res.code];
    const context = { address, broker: h.brokerName, topic: h.topic, queueId: h.queueId, requestCode: code };
    if (status === undefined) {
        // MESSAGE_ILLEGAL (13): the broker refuses this message itself (a timer beyond timerMaxDelaySec, a body or
        // properties over its limits): the caller's argument, not retriable on another broker.
        const errCode = res.code === ResponseCode.TOPIC_NOT_EXIST ? 'ERR_TOPIC_NOT_FOUND' : res.code === ResponseCode.MESSAGE_ILLEGAL ? 'ERR_INVALID_OPTION' : 'ERR_SEND_FAILED';
        throw new BrokerResponseError(res.code, res.remark, context, errCode);
    }
    const e = res.extFields ?? {};
    // The broker said it stored the message, but we cannot read where: typed, NOT retriable (a retry would store
    // it again), and the error says so.
    const stored = { ...context, responseCode: res.code, stored: true, msgId: opts.uniqId };
    const check = (key, min, max) => {
        try {
            return wireInt(e[key], min, max, key, stored);
        }
        catch (err) {
            throw malformedResponse(`${err.message}; the broker answered ${status}, so the message is probably stored (msgId ${opts.uniqId}) - do not resend blindly`, stored, false);
        }
    };
    const queueId = e.queueId === undefined ? h.queueId : check('queueId', 0, MAX_QUEUE_ID);
    const queueOffset = check('queueOffset', 0, MAX_OFFSET);
    const result = {
        status,
        msgId: opts.uniqId,
        offsetMsgId: e.msgId ?? '',
        queue: { topic: h.topic, brokerName: h.brokerName, queueId },
        queueOffset,
        regionId: e.MSG_REGION,
        traceOn: e.TRACE_ON !== 'false',
    };
    if (e.transactionId !== undefined && e.transactionId !== '')
        result.transactionId = e.transactionId;
    return result;
}
/** How a transaction ends (MessageSysFlag TRANSACTION_COMMIT_TYPE / TRANSACTION_ROLLBACK_TYPE). */
export const TransactionEnd = { COMMIT: 8, ROLLBACK: 12 };
/**
 * END_TRANSACTION (37), oneway as the Java client sends it (MQClientAPIImpl.endTransactionOneway): the broker finds
 * the half message by commitLogOffset, checks the group and queue offset, then stores the real message (commit) or
 * marks it done (rollback). It answers nothing; a lost request leaves the decision to the check-back.
 */
export async function endTransaction(invoker, address, h) {
    const ext = toExtFields({
        topic: h.topic,
        producerGroup: h.producerGroup,
        tranStateTableOffset: h.tranStateTableOffset,
        commitLogOffset: h.commitLogOffset,
        commitOrRollback: h.commitOrRollback,
        fromTransactionCheck: h.fromTransactionCheck,
        msgId: h.msgId,
        transactionId: h.transactionId,
        bname: h.brokerName,
    });
    await invoker.invokeOneway(address, RequestCode.END_TRANSACTION, ext);
}
/** GET_ROUTEINFO_BY_TOPIC to one NameServer; returns the raw body or undefined for TOPIC_NOT_EXIST. */
export async function getRouteInfo(invoker, address, topic, timeoutMs = 3000) {
    const res = await invoker.invoke(address, RequestCode.GET_ROUTEINFO_BY_TOPIC, { topic, acceptStandardJsonOnly: 'true' }, undefined, { timeoutMs });
    if (res.code === ResponseCode.TOPIC_NOT_EXIST)
        return undefined;
    ensureSuccess(res, { address, topic, requestCode: RequestCode.GET_ROUTEINFO_BY_TOPIC });
    return res.body ?? Buffer.alloc(0);
}
/**
 * CHECK_CLIENT_CONFIG (46): the broker compiles a non-TAG subscription (SQL92) as the Java client asks it to at start.
 * A bad expression (SUBSCRIPTION_PARSE_FAILED) or a broker without enablePropertyFilter is ERR_INVALID_SUBSCRIPTION.
 */
export async function checkClientConfig(invoker, address, r, timeoutMs = 3000) {
    const s = r.subscription;
    const body = Buffer.from(JSON.stringify({
        clientId: r.clientId,
        group: r.group,
        subscriptionData: { classFilterMode: false, codeSet: [], expressionType: s.expressionType, subString: s.subString, subVersion: s.subVersion, tagsSet: [], topic: s.topic },
    }), 'utf8');
    const res = await invoker.invoke(address, RequestCode.CHECK_CLIENT_CONFIG, {}, body, { timeoutMs });
    if (res.code === ResponseCode.SUCCESS)
        return;
    const context = { address, group: r.group, topic: s.topic, requestCode: RequestCode.CHECK_CLIENT_CONFIG, expression: s.subString };
    if (res.code === ResponseCode.SUBSCRIPTION_PARSE_FAILED) {
        throw new BrokerResponseError(res.code, `${s.expressionType} expression '${s.subString}' of topic '${s.topic}' does not compile: ${res.remark ?? '(no remark)'}`, context, 'ERR_INVALID_SUBSCRIPTION');
    }
    if (res.code === ResponseCode.SYSTEM_ERROR && /does not support/i.test(res.remark ?? '')) {
        throw new BrokerResponseError(res.code, `${res.remark ?? ''}: start the brokers with enablePropertyFilter=true to use { sql } subscriptions`, context, 'ERR_INVALID_SUBSCRIPTION');
    }
    ensureSuccess(res, context);
}
//# sourceMappingURL=broker-api.js.map