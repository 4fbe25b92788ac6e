/**
 * POP consumption's wire values (RocketMQ 5.x; reference/wave2-protocol.md §5): the per-message receipt the client
 * builds from a POP_MESSAGE answer (the `POP_CK` property, Java ExtraInfoUtil), the offset-info strings of the answer,
 * the BATCH_ACK_MESSAGE body (acked offsets as a base64 BitSet), and the QUERY_ASSIGNMENT / SET_MESSAGE_REQUEST_MODE
 * bodies. Pure values: no I/O.
 */
import { RocketMQError } from '../errors.js';
import { RETRY_PREFIX } from './namespace.js';
/** The property the Java client stores the receipt in (MessageConst.PROPERTY_POP_CK). */
export const POP_CK = 'POP_CK';
/** When the message was first popped (MessageConst.PROPERTY_FIRST_POP_TIME). */
export const FIRST_POP_TIME = '1ST_POP_TIME';
/** A receipt of an ordered POP carries this revive queue id (KeyBuilder.POP_ORDER_REVIVE_QUEUE). */
export const POP_ORDER_REVIVE_QUEUE = 999;
/** The retry flag of the topic a message was stored in (Java ExtraInfoUtil.getRetry). */
export function popRetryFlag(storedTopic) {
    if (!storedTopic.startsWith(RETRY_PREFIX))
        return '0';
    return storedTopic.includes('+') ? '2' : '1';
}
/** The topic to ack a message in: the POP retry topic when it was read from there (Java ExtraInfoUtil.getRealTopic). */
export function popRealTopic(topic, group, flag) {
    if (flag === '1')
        return `${RETRY_PREFIX}${group}_${topic}`;
    if (flag === '2')
        return `${RETRY_PREFIX}${group}+${topic}`;
    return topic;
}
/** `ckQueueOffset popTime invisibleTime reviveQid retryFlag brokerName queueId queueOffset` (Java buildExtraInfo). */
export function formatPopReceipt(r) {
    return `${r.ckQueueOffset} ${r.popTime} ${r.invisibleTime} ${r.reviveQid} ${r.retryFlag} ${r.brokerName} ${r.queueId} ${r.queueOffset}`;
}
const receiptError = (s, why) => new RocketMQError('ERR_MALFORMED_RESPONSE', `Invalid POP receipt '${s}': ${why}`, { context: { receipt: s } });
function int(s, field, text) {
    if (!/^-?\d{1,16}$/.test(field))
        throw receiptError(text, `'${field}' is not an integer`);
    const n = Number(field);
    if (!Number.isSafeInteger(n))
        throw receiptError(text, `'${field}' is out of range`);
    return n;
}
/** Parses a POP_CK string (8 fields); ERR_MALFORMED_RESPONSE when it is not one. */
export function parsePopReceipt(s) {
    const f = s.split(' ');
    if (f.length !== 8)
        throw receiptError(s, `${f.length} fields, expected 8`);
    const flag = f[4];
    if (flag !== '0' && flag !== '1' && flag !== '2')
        throw receiptError(s, `retry flag '${flag}'`);
    return {
        ckQueueOffset: int(s, f[0], s),
        popTime: int(s, f[1], s),
        invisibleTime: int(s, f[2], s),
        reviveQid: int(s, f[3], s),
        retryFlag: flag,
        brokerName: f[5],
        queueId: int(s, f[6], s),
        queueOffset: int(s, f[7], s),
    };
}
/**
 * A POP answer's `startOffsetInfo` (`flag queueId offset;...`) or `msgOffsetInfo` (`flag queueId o1,o2;...`), keyed
 * `flag@queueId`. Empty or missing = an empty map.
 */
export function parsePopOffsetInfo(info) {
    const out = new Map();
    if (info === undefined || info === '')
        return out;
    for (const part of info.split(';')) {
        const f = part.split(' ');
        if (f.length !== 3)
            throw new RocketMQError('ERR_MALFORMED_RESPONSE', `Invalid POP offset info '${info}'`, { context: { info } });
        const key = `${f[0]}@${f[1]}`;
        if (out.has(key))
            throw new RocketMQError('ERR_MALFORMED_RESPONSE', `Duplicate queue in POP offset info '${info}'`, { context: { info } });
        out.set(key, f[2].split(',').map((o) => int(info, o, info)));
    }
    return out;
}
/**
 * Java `BitSet.toByteArray()` of the given bit indexes, base64 (BatchAck's `b`, written by fastjson2 writeBase64):
 * byte i holds bits 8i..8i+7, least significant first; no trailing zero bytes.
 */
export function bitSetBase64(bits) {
    let max = -1;
    for (const b of bits) {
        if (!Number.isInteger(b) || b < 0 || b > 0x7fffffff)
            throw new RocketMQError('ERR_INVALID_OPTION', `bit index ${b} out of range`);
        if (b > max)
            max = b;
    }
    const bytes = Buffer.alloc(max < 0 ? 0 : (max >> 3) + 1);
    for (const b of bits)
        bytes[b >> 3] |= 1 << (b & 7);
    return bytes.toString('base64');
}
/**
 * The BATCH_ACK_MESSAGE body for receipts of one broker (Java MQClientAPIImpl.batchAckMessageAsync): receipts of
 * the same pop (retry flag, queue, checkpoint offset, pop time) become one BatchAck whose bit set marks
 * `queueOffset - ckQueueOffset`. `topic` is the subscribed topic (the broker derives the retry topic from `r`).
 */
export function encodeBatchAck(group, topic, receipts) {
    if (receipts.length === 0)
        throw new RocketMQError('ERR_INVALID_OPTION', 'a batch ack needs at least one receipt');
    const brokerName = receipts[0].brokerName;
    const groups = new Map();
    for (const r of receipts) {
        if (r.brokerName !== brokerName)
            throw new RocketMQError('ERR_INVALID_OPTION', `a batch ack goes to one broker: '${brokerName}' and '${r.brokerName}'`);
        const key = `${r.retryFlag}@${r.queueId}@${r.ckQueueOffset}@${r.popTime}`;
        let g = groups.get(key);
        if (!g)
            groups.set(key, (g = { r, bits: [] }));
        g.bits.push(r.queueOffset - r.ckQueueOffset);
    }
    // Keys in the order the Java client's fastjson2 writes them (sorted), so the body is byte-identical to Java's.
    const acks = [...groups.values()].map(({ r, bits }) => ({
        b: bitSetBase64(bits),
        c: group,
        it: r.invisibleTime,
        pt: r.popTime,
        q: r.queueId,
        r: r.retryFlag,
        rq: r.reviveQid,
        so: r.ckQueueOffset,
        t: topic,
    }));
    return Buffer.from(JSON.stringify({ acks, brokerName }), 'utf8');
}
/** QUERY_ASSIGNMENT body (Java QueryAssignmentRequestBody); `strategyName` is 'AVG' or 'AVG_BY_CIRCLE' (the broker knows only these). */
export function encodeQueryAssignment(r) {
    return Buffer.from(JSON.stringify({ clientId: r.clientId, consumerGroup: r.group, messageModel: r.messageModel, strategyName: r.strategyName, topic: r.topic }), 'utf8');
}
/**
 * A QUERY_ASSIGNMENT answer's queues; `undefined` when the broker had no answer (`messageQueueAssignments` null: the
 * topic or the group's members unknown to it yet), which is not the same as "nothing for you" (`[]`).
 */
export function decodeQueryAssignment(body) {
    if (!body || body.length === 0)
        return undefined;
    let v;
    try {
        v = JSON.parse(body.toString('utf8'));
    }
    catch (e) {
        throw new RocketMQError('ERR_MALFORMED_RESPONSE', 'QUERY_ASSIGNMENT answer is not JSON', { cause: e });
    }
    const list = v !== null && typeof v === 'object' ? v.messageQueueAssignments : undefined;
    if (list === undefined || list === null)
        return undefined;
    if (!Array.isArray(list))
        throw new RocketMQError('ERR_MALFORMED_RESPONSE', 'QUERY_ASSIGNMENT messageQueueAssignments is not a list');
    return list.map((a) => {
        const o = (a ?? {});
        const q = o.messageQueue;
        if (!q || typeof q.topic !== 'string' || typeof q.brokerName !== 'string' || !Number.isInteger(q.queueId)) {
            throw new RocketMQError('ERR_MALFORMED_RESPONSE', `QUERY_ASSIGNMENT entry without a queue: ${JSON.stringify(a)}`);
        }
        return { queue: { topic: q.topic, brokerName: q.brokerName, queueId: q.queueId }, mode: o.mode === 'POP' ? 'POP' : 'PULL' };
    });
}
/** SET_MESSAGE_REQUEST_MODE body (Java SetMessageRequestModeRequestBody). */
export function encodeSetMessageRequestMode(r) {
    return Buffer.from(JSON.stringify({ consumerGroup: r.group, mode: r.mode, popShareQueueNum: r.popShareQueueNum, topic: r.topic }), 'utf8');
}
//# sourceMappingURL=pop.js.map