import { RocketMQError } from '../errors.js';
/** Property names that RocketMQ reserves (MessageConst.STRING_HASH_SET); a user property may not use them. */
export const RESERVED_PROPERTIES = new Set([
    'KEYS', 'TAGS', 'WAIT', 'DELAY', 'RETRY_TOPIC', 'REAL_TOPIC', 'REAL_QID', 'TRAN_MSG', 'PGROUP', 'MIN_OFFSET', 'MAX_OFFSET',
    'BUYER_ID', 'ORIGIN_MESSAGE_ID', 'TRANSFER_FLAG', 'CORRECTION_FLAG', 'MQ2_FLAG', 'RECONSUME_TIME', 'MSG_REGION', 'TRACE_ON',
    'UNIQ_KEY', 'MAX_RECONSUME_TIMES', 'CONSUME_START_TIME', 'TRAN_PREPARED_QUEUE_OFFSET', 'TRANSACTION_CHECK_TIMES',
    'CHECK_IMMUNITY_TIME_IN_SECONDS', 'SHARDING_KEY', '__SHARDINGKEY', 'TIMER_DELIVER_MS', 'TIMER_DELAY_SEC', 'TIMER_DELAY_MS',
    'INSTANCE_ID', 'CORRELATION_ID', 'REPLY_TO_CLIENT', 'TTL', 'ARRIVE_TIME', 'PUSH_REPLY_TIME', 'CLUSTER', 'MSG_TYPE',
    'INNER_NUM', 'INNER_BASE', '__transactionId__',
]);
export function bodyToBuffer(body) {
    if (Buffer.isBuffer(body))
        return body;
    if (typeof body === 'string')
        return Buffer.from(body, 'utf8');
    return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
}
/** The broker's default timer limit: MessageStoreConfig.timerMaxDelaySec = 259200 s (3 days). */
export const DEFAULT_MAX_DELAY_MS = 259_200_000;
/** Build the wire properties of a message (without UNIQ_KEY, which the producer adds). */
export function messageProperties(m, maxDelayMs = DEFAULT_MAX_DELAY_MS, now = Date.now()) {
    const props = {};
    if (m.properties) {
        for (const [k, v] of Object.entries(m.properties)) {
            if (RESERVED_PROPERTIES.has(k)) {
                throw new RocketMQError('ERR_INVALID_OPTION', `Property '${k}' is reserved by RocketMQ; use the message's own field (keys, tags, delayLevel) or another name`, { context: { topic: m.topic } });
            }
            if (typeof v !== 'string')
                throw new RocketMQError('ERR_INVALID_OPTION', `Property '${k}' must be a string`, { context: { topic: m.topic } });
            props[k] = v;
        }
    }
    if (m.keys !== undefined) {
        const keys = typeof m.keys === 'string' ? [m.keys] : m.keys;
        const joined = keys.filter((k) => k.length > 0).join(' ');
        if (joined)
            props.KEYS = joined;
    }
    if (m.tags)
        props.TAGS = m.tags;
    if (m.delayLevel !== undefined) {
        if (!Number.isInteger(m.delayLevel) || m.delayLevel < 0 || m.delayLevel > 18) {
            throw new RocketMQError('ERR_INVALID_OPTION', `delayLevel must be an integer 0..18, got ${m.delayLevel}`, { context: { topic: m.topic } });
        }
        if (m.delayLevel > 0)
            props.DELAY = String(m.delayLevel);
    }
    timerProperties(m, props, maxDelayMs, now);
    props.WAIT = 'true';
    return props;
}
/**
 * TIMER_DELIVER_MS (deliverAt) or TIMER_DELAY_MS (delayMs), checked as the broker checks them (HookUtils
 * transformTimerMessage: at most timerMaxDelaySec ahead), so a send that the broker would refuse fails here with a
 * typed error before anything leaves.
 */
function timerProperties(m, props, maxDelayMs, now) {
    const { deliverAt, delayMs } = m;
    if (deliverAt === undefined && delayMs === undefined)
        return;
    const ctx = { context: { topic: m.topic } };
    const set = [m.delayLevel ? 'delayLevel' : undefined, deliverAt === undefined ? undefined : 'deliverAt', delayMs === undefined ? undefined : 'delayMs'].filter((x) => x !== undefined);
    if (set.length > 1)
        throw new RocketMQError('ERR_INVALID_OPTION', `A message takes at most one of delayLevel, deliverAt and delayMs; it has ${set.join(' and ')}`, ctx);
    const limit = `the producer's maxDelayMs ${maxDelayMs} ms (the broker's timerMaxDelaySec; raise both together)`;
    if (delayMs !== undefined) {
        if (typeof delayMs !== 'number' || !Number.isInteger(delayMs) || delayMs <= 0) {
            throw new RocketMQError('ERR_INVALID_OPTION', `delayMs must be a positive integer number of milliseconds, got ${String(delayMs)}`, ctx);
        }
        if (delayMs > maxDelayMs)
            throw new RocketMQError('ERR_INVALID_OPTION', `delayMs ${delayMs} is over ${limit}`, ctx);
        props.TIMER_DELAY_MS = String(delayMs);
        return;
    }
    const at = deliverAt instanceof Date ? deliverAt.getTime() : deliverAt;
    if (typeof at !== 'number' || !Number.isFinite(at) || !Number.isInteger(at) || at < 0) {
        throw new RocketMQError('ERR_INVALID_OPTION', `deliverAt must be a valid Date or a non-negative integer of epoch milliseconds, got ${String(deliverAt)}`, ctx);
    }
    if (at - now > maxDelayMs) {
        throw new RocketMQError('ERR_INVALID_OPTION', `deliverAt ${new Date(at).toISOString()} is ${at - now} ms ahead, over ${limit}`, ctx);
    }
    props.TIMER_DELIVER_MS = String(at);
}
//# sourceMappingURL=message.js.map