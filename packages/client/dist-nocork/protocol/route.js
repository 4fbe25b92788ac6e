/**
 * Topic route data from GET_ROUTEINFO_BY_TOPIC (reference/remoting-protocol.md §3.2, §3.3).
 */
import { RocketMQError, malformedResponse } from '../errors.js';
import { parseLenientJson } from './fastjson.js';
import { hostPortProblem, wireInt } from './wire-values.js';
/** Most queues one broker may declare for one topic (read or write); a larger count is a malformed route. */
export const MAX_QUEUES_PER_BROKER = 65535;
/** Most queues a whole route may declare (summed over brokers): bounds what a route can make us allocate. */
export const MAX_QUEUES_PER_ROUTE = 262144;
/** PermName bits. */
export const Perm = { PRIORITY: 8, READ: 4, WRITE: 2, INHERIT: 1 };
/** The broker id of a master; slaves have ids >= 1. */
export const MASTER_ID = 0;
function bad(what) {
    return malformedResponse(`Malformed topic route body: ${what}`);
}
function int(v, what, min = -2147483648, max = 2147483647) {
    try {
        return wireInt(v, min, max, what);
    }
    catch (e) {
        throw bad(e instanceof Error ? e.message : String(e));
    }
}
function str(v, what) {
    if (typeof v !== 'string')
        throw bad(`${what} is not a string`);
    return v;
}
function obj(v, what) {
    if (v === null || typeof v !== 'object' || Array.isArray(v))
        throw bad(`${what} is not an object`);
    return v;
}
/**
 * Parse TopicRouteData JSON: standard JSON (`"brokerAddrs":{"0":"…"}`) or fastjson's default dialect with
 * unquoted numeric keys (`{0:"…"}`), QueueData `topicSysFlag` or the pre-4.9 `topicSynFlag`.
 * Throws ERR_MALFORMED_RESPONSE when the body is not a route or a count, id or address in it is out of range.
 */
export function parseTopicRoute(body) {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    let json;
    try {
        json = parseLenientJson(text);
    }
    catch (e) {
        throw bad(`not JSON (${e instanceof Error ? e.message : String(e)})`);
    }
    const root = obj(json, 'route');
    const queueDatas = [];
    for (const [i, q] of arr(root.queueDatas, 'queueDatas').entries()) {
        const o = obj(q, `queueDatas[${i}]`);
        queueDatas.push({
            brokerName: str(o.brokerName, `queueDatas[${i}].brokerName`),
            readQueueNums: int(o.readQueueNums, `queueDatas[${i}].readQueueNums`, 0, MAX_QUEUES_PER_BROKER),
            writeQueueNums: int(o.writeQueueNums, `queueDatas[${i}].writeQueueNums`, 0, MAX_QUEUES_PER_BROKER),
            perm: int(o.perm, `queueDatas[${i}].perm`, 0, 15),
            topicSysFlag: o.topicSysFlag !== undefined ? int(o.topicSysFlag, 'topicSysFlag') : o.topicSynFlag !== undefined ? int(o.topicSynFlag, 'topicSynFlag') : 0,
        });
    }
    const brokerDatas = [];
    for (const [i, b] of arr(root.brokerDatas, 'brokerDatas').entries()) {
        const o = obj(b, `brokerDatas[${i}]`);
        const addrs = new Map();
        for (const [id, addr] of Object.entries(obj(o.brokerAddrs ?? {}, `brokerDatas[${i}].brokerAddrs`))) {
            const address = str(addr, `brokerDatas[${i}].brokerAddrs[${id}]`);
            const problem = hostPortProblem(address);
            if (problem !== undefined)
                throw bad(`brokerDatas[${i}].brokerAddrs[${id}] '${address.slice(0, 80)}': ${problem}`);
            addrs.set(int(id, `brokerDatas[${i}] broker id`, 0, 2147483647), address);
        }
        const bd = {
            cluster: typeof o.cluster === 'string' ? o.cluster : '',
            brokerName: str(o.brokerName, `brokerDatas[${i}].brokerName`),
            brokerAddrs: addrs,
        };
        if (typeof o.enableActingMaster === 'boolean')
            bd.enableActingMaster = o.enableActingMaster;
        if (typeof o.zoneName === 'string')
            bd.zoneName = o.zoneName;
        brokerDatas.push(bd);
    }
    const route = { queueDatas, brokerDatas, filterServerTable: {} };
    let total = 0;
    for (const qd of queueDatas)
        total += Math.max(qd.readQueueNums, qd.writeQueueNums);
    if (typeof root.orderTopicConf === 'string' && root.orderTopicConf.length > 0) {
        route.orderTopicConf = root.orderTopicConf;
        for (const item of parseOrderTopicConf(root.orderTopicConf))
            total += item.queues;
    }
    if (total > MAX_QUEUES_PER_ROUTE)
        throw bad(`declares ${total} queues in all, more than ${MAX_QUEUES_PER_ROUTE}`);
    if (root.filterServerTable !== null && typeof root.filterServerTable === 'object') {
        for (const [k, v] of Object.entries(root.filterServerTable)) {
            if (Array.isArray(v))
                route.filterServerTable[k] = v.filter((x) => typeof x === 'string');
        }
    }
    return route;
}
function arr(v, what) {
    if (v === undefined || v === null)
        return [];
    if (!Array.isArray(v))
        throw bad(`${what} is not an array`);
    return v;
}
/** Stable string key of a queue (for Maps/Sets). */
export function mqKey(mq) {
    return `${mq.topic}@${mq.brokerName}@${mq.queueId}`;
}
function cmpStr(a, b) {
    return a < b ? -1 : a > b ? 1 : 0; // UTF-16 code unit order, like Java String.compareTo
}
/** Java MessageQueue.compareTo: topic, then brokerName, then queueId. */
export function compareMessageQueues(a, b) {
    return cmpStr(a.topic, b.topic) || cmpStr(a.brokerName, b.brokerName) || a.queueId - b.queueId;
}
/**
 * Queues a consumer may read (Java topicRouteData2TopicSubscribeInfo): for each QueueData with READ
 * permission, queues 0..readQueueNums-1; no master check. Sorted with compareMessageQueues.
 */
export function subscribeQueues(topic, route) {
    const out = [];
    for (const qd of route.queueDatas) {
        if ((qd.perm & Perm.READ) === 0)
            continue;
        for (let i = 0; i < qd.readQueueNums; i++)
            out.push({ topic, brokerName: qd.brokerName, queueId: i });
    }
    return out.sort(compareMessageQueues);
}
/**
 * `broker:count;broker:count` (KV-configured order topics). Each count is checked like a route's queue count;
 * a malformed item is ERR_MALFORMED_RESPONSE.
 */
export function parseOrderTopicConf(conf) {
    const out = [];
    for (const item of conf.split(';')) {
        if (item.length === 0)
            continue;
        const c = item.lastIndexOf(':');
        if (c <= 0)
            throw bad(`orderTopicConf item '${item.slice(0, 80)}' is not 'broker:count'`);
        out.push({ brokerName: item.slice(0, c), queues: int(item.slice(c + 1), `orderTopicConf count of '${item.slice(0, c)}'`, 0, MAX_QUEUES_PER_BROKER) });
    }
    return out;
}
/**
 * Queues a producer may write (Java topicRouteData2TopicPublishInfo): `orderTopicConf` when set
 * (`broker:count;…`), else QueueData sorted by brokerName with WRITE permission and a master address.
 */
export function publishQueues(topic, route) {
    const out = [];
    if (route.orderTopicConf !== undefined && route.orderTopicConf.length > 0) {
        for (const { brokerName, queues } of parseOrderTopicConf(route.orderTopicConf)) {
            for (let i = 0; i < queues; i++)
                out.push({ topic, brokerName, queueId: i });
        }
        return out;
    }
    const qds = [...route.queueDatas].sort((a, b) => cmpStr(a.brokerName, b.brokerName));
    for (const qd of qds) {
        if ((qd.perm & Perm.WRITE) === 0)
            continue;
        const bd = route.brokerDatas.find((b) => b.brokerName === qd.brokerName);
        if (bd === undefined || !bd.brokerAddrs.has(MASTER_ID))
            continue;
        for (let i = 0; i < qd.writeQueueNums; i++)
            out.push({ topic, brokerName: qd.brokerName, queueId: i });
    }
    return out;
}
//# sourceMappingURL=route.js.map