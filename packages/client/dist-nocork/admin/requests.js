/**
 * The admin requests (the Java MQClientAPIImpl calls behind mqadmin): typed headers in, plain values out. Stateless:
 * the caller chooses addresses. Bodies are fastjson (MessageQueue map keys are objects), parsed leniently.
 */
import { RocketMQError } from '../errors.js';
import { BrokerResponseError } from '../remoting/broker-error.js';
import { RequestCode, ResponseCode } from '../remoting/codes.js';
import { toExtFields } from '../remoting/codec.js';
import { mapEntries, parseLenientJson, parseMessageQueueMap } from '../protocol/fastjson.js';
export { V5_0_0 } from '../remoting/command.js';
/** MQVersion ordinal -> 'V4_9_7' style name, for the versions this client meets (4.9.x, 5.x). Unknown: the number. */
export function versionName(ordinal) {
    // Release and snapshot ordinals interleave (V4_9_4 = 401, V4_9_4_SNAPSHOT = 400).
    const known = { 401: 'V4_9_4', 407: 'V4_9_7', 409: 'V4_9_8', 413: 'V5_0_0', 513: 'V5_5_0' };
    return known[ordinal] ?? `version ordinal ${ordinal}`;
}
function ok(res, context, codes = [ResponseCode.SUCCESS]) {
    if (codes.includes(res.code))
        return res;
    throw new BrokerResponseError(res.code, res.remark, context);
}
function bodyJson(res, context) {
    if (!res.body || res.body.length === 0)
        return {};
    try {
        const v = parseLenientJson(res.body.toString('utf8'));
        return v !== null && typeof v === 'object' ? v : {};
    }
    catch (e) {
        throw new RocketMQError('ERR_MALFORMED_FRAME', `Unreadable admin response body (code ${res.code})`, { cause: e, context });
    }
}
const num = (v) => (typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : 0);
/** GET_BROKER_CLUSTER_INFO (106) from a NameServer. */
export async function getClusterInfo(invoker, nameServer, timeoutMs) {
    const context = { address: nameServer, requestCode: RequestCode.GET_BROKER_CLUSTER_INFO };
    const res = ok(await invoker.invoke(nameServer, RequestCode.GET_BROKER_CLUSTER_INFO, {}, undefined, { timeoutMs }), context);
    const body = bodyJson(res, context);
    const brokers = new Map();
    for (const [name, bd] of mapEntries(body.brokerAddrTable)) {
        if (typeof name !== 'string' || bd === null || typeof bd !== 'object')
            continue;
        const o = bd;
        const addrs = new Map();
        for (const [id, addr] of mapEntries(o.brokerAddrs))
            if (typeof addr === 'string')
                addrs.set(num(id), addr);
        brokers.set(name, { cluster: typeof o.cluster === 'string' ? o.cluster : '', addrs });
    }
    return { brokers };
}
/** UPDATE_AND_CREATE_TOPIC (17) on one broker (master or slave). */
export async function createTopicAt(invoker, address, h, timeoutMs) {
    const ext = toExtFields({
        topic: h.topic,
        defaultTopic: 'TBW102',
        readQueueNums: h.readQueueNums,
        writeQueueNums: h.writeQueueNums,
        perm: h.perm,
        topicFilterType: 'SINGLE_TAG',
        topicSysFlag: 0,
        order: h.order,
    });
    const res = await invoker.invoke(address, RequestCode.UPDATE_AND_CREATE_TOPIC, ext, undefined, { timeoutMs });
    ok(res, { address, topic: h.topic, requestCode: RequestCode.UPDATE_AND_CREATE_TOPIC });
}
/** DELETE_TOPIC_IN_BROKER (215). */
export async function deleteTopicAt(invoker, address, topic, timeoutMs) {
    const res = await invoker.invoke(address, RequestCode.DELETE_TOPIC_IN_BROKER, { topic }, undefined, { timeoutMs });
    ok(res, { address, topic, requestCode: RequestCode.DELETE_TOPIC_IN_BROKER });
}
/** DELETE_TOPIC_IN_NAMESRV (216). */
export async function deleteTopicInNameServer(invoker, nameServer, topic, timeoutMs) {
    const res = await invoker.invoke(nameServer, RequestCode.DELETE_TOPIC_IN_NAMESRV, { topic }, undefined, { timeoutMs });
    ok(res, { address: nameServer, topic, requestCode: RequestCode.DELETE_TOPIC_IN_NAMESRV });
}
/** PUT_KV_CONFIG (100) / DELETE_KV_CONFIG (102) on a NameServer (order topic configuration). */
export async function putKvConfig(invoker, nameServer, namespace, key, value, timeoutMs) {
    const res = await invoker.invoke(nameServer, RequestCode.PUT_KV_CONFIG, { namespace, key, value }, undefined, { timeoutMs });
    ok(res, { address: nameServer, requestCode: RequestCode.PUT_KV_CONFIG });
}
export async function deleteKvConfig(invoker, nameServer, namespace, key, timeoutMs) {
    const res = await invoker.invoke(nameServer, RequestCode.DELETE_KV_CONFIG, { namespace, key }, undefined, { timeoutMs });
    ok(res, { address: nameServer, requestCode: RequestCode.DELETE_KV_CONFIG });
}
/** GET_TOPIC_STATS_INFO (202): min/max offset and the store time of the last message, per queue of one broker. */
export async function getTopicStats(invoker, address, topic, timeoutMs) {
    const context = { address, topic, requestCode: RequestCode.GET_TOPIC_STATS_INFO };
    const res = await invoker.invoke(address, RequestCode.GET_TOPIC_STATS_INFO, { topic }, undefined, { timeoutMs });
    if (res.code === ResponseCode.TOPIC_NOT_EXIST)
        throw new BrokerResponseError(res.code, res.remark, context, 'ERR_TOPIC_NOT_FOUND');
    const body = bodyJson(ok(res, context), context);
    return parseMessageQueueMap(body.offsetTable).map(([queue, v]) => {
        const o = (v ?? {});
        return { queue, minOffset: num(o.minOffset), maxOffset: num(o.maxOffset), lastUpdateTimestamp: num(o.lastUpdateTimestamp) };
    });
}
/** GET_CONSUMER_CONNECTION_LIST (203); undefined when the broker says the group is not online (206). */
export async function getConsumerConnectionList(invoker, address, group, timeoutMs) {
    const context = { address, group, requestCode: RequestCode.GET_CONSUMER_CONNECTION_LIST };
    const res = await invoker.invoke(address, RequestCode.GET_CONSUMER_CONNECTION_LIST, { consumerGroup: group }, undefined, { timeoutMs });
    if (res.code === ResponseCode.CONSUMER_NOT_ONLINE)
        return { offline: true, brokerVersion: res.version };
    const body = bodyJson(ok(res, context), context);
    const connections = [];
    const set = Array.isArray(body.connectionSet) ? body.connectionSet : [];
    for (const c of set) {
        if (c === null || typeof c !== 'object')
            continue;
        const o = c;
        connections.push({
            clientId: String(o.clientId ?? ''),
            clientAddr: String(o.clientAddr ?? ''),
            language: String(o.language ?? ''),
            version: num(o.version),
        });
    }
    const subscriptions = [];
    for (const [topic, s] of mapEntries(body.subscriptionTable)) {
        if (typeof topic !== 'string' || s === null || typeof s !== 'object')
            continue;
        const o = s;
        subscriptions.push({ topic, expression: String(o.subString ?? '*'), expressionType: String(o.expressionType ?? 'TAG') });
    }
    const out = { connections, subscriptions, brokerVersion: res.version };
    if (typeof body.consumeType === 'string')
        out.consumeType = body.consumeType;
    if (typeof body.messageModel === 'string')
        out.messageModel = body.messageModel;
    if (typeof body.consumeFromWhere === 'string')
        out.consumeFromWhere = body.consumeFromWhere;
    return out;
}
/** GET_CONSUME_STATS (208) on one broker: the group's offsets per queue of `topic` (all its topics when omitted). */
export async function getConsumeStats(invoker, address, group, topic, timeoutMs) {
    const context = { address, group, topic, requestCode: RequestCode.GET_CONSUME_STATS };
    const res = await invoker.invoke(address, RequestCode.GET_CONSUME_STATS, toExtFields({ consumerGroup: group, topic }), undefined, { timeoutMs });
    const body = bodyJson(ok(res, context), context);
    const rows = parseMessageQueueMap(body.offsetTable).map(([queue, v]) => {
        const o = (v ?? {});
        return { queue, brokerOffset: num(o.brokerOffset), consumerOffset: num(o.consumerOffset), pullOffset: num(o.pullOffset), lastTimestamp: num(o.lastTimestamp) };
    });
    return { rows, consumeTps: num(body.consumeTps) };
}
/** GET_CONSUMER_RUNNING_INFO (307) through a broker, which forwards it to the member `clientId`. */
export async function getConsumerRunningInfo(invoker, address, group, clientId, timeoutMs) {
    const context = { address, group, clientId, requestCode: RequestCode.GET_CONSUMER_RUNNING_INFO };
    const res = await invoker.invoke(address, RequestCode.GET_CONSUMER_RUNNING_INFO, toExtFields({ consumerGroup: group, clientId, jstackEnable: false }), undefined, { timeoutMs });
    const body = bodyJson(ok(res, context), context);
    const properties = {};
    for (const [k, v] of mapEntries(body.properties))
        if (typeof k === 'string')
            properties[k] = String(v);
    const queues = parseMessageQueueMap(body.mqTable).map(([mq, v]) => [mq, (v ?? {})]);
    return { properties, queues };
}
/**
 * INVOKE_BROKER_TO_RESET_OFFSET (222), as `mqadmin resetOffsetByTime` sends it. 5.x brokers (useServerSideResetOffset)
 * move the offsets themselves; 4.9 brokers (and 5.x with it off) push RESET_CONSUMER_CLIENT_OFFSET to the running
 * members and answer CONSUMER_NOT_ONLINE when there are none. `queueId`/`offset` are understood by 5.x only.
 */
export async function invokeBrokerToResetOffset(invoker, address, h, timeoutMs) {
    const context = { address, group: h.group, topic: h.topic, requestCode: RequestCode.INVOKE_BROKER_TO_RESET_OFFSET };
    const ext = toExtFields({ topic: h.topic, group: h.group, timestamp: h.timestamp, isForce: true, queueId: h.queueId ?? -1, offset: h.offset });
    const res = await invoker.invoke(address, RequestCode.INVOKE_BROKER_TO_RESET_OFFSET, ext, undefined, { timeoutMs });
    if (res.code === ResponseCode.CONSUMER_NOT_ONLINE)
        return { kind: 'offline', remark: res.remark ?? '', brokerVersion: res.version };
    // 4.9 (client-side reset): "THe consumer group <g> not exist" when the group has no offset on this broker yet.
    if (res.code === ResponseCode.SYSTEM_ERROR && /consumer group <.*> not exist/i.test(res.remark ?? ''))
        return { kind: 'no-offsets', remark: res.remark ?? '', brokerVersion: res.version };
    if (res.code === ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST)
        throw new BrokerResponseError(res.code, res.remark, context, 'ERR_GROUP_NOT_FOUND');
    if (res.code === ResponseCode.TOPIC_NOT_EXIST)
        throw new BrokerResponseError(res.code, res.remark, context, 'ERR_TOPIC_NOT_FOUND');
    const body = bodyJson(ok(res, context), context);
    return { kind: 'reset', offsets: parseMessageQueueMap(body.offsetTable).map(([mq, v]) => [mq, num(v)]), brokerVersion: res.version };
}
//# sourceMappingURL=requests.js.map