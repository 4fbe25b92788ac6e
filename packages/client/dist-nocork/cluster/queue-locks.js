/**
 * Broker queue locks for orderly consumption (the Java MQClientAPIImpl.lockBatchMQ / unlockBatchMQ):
 * LOCK_BATCH_MQ (41) and UNLOCK_BATCH_MQ (42), no custom header, a JSON body
 * `{"clientId","consumerGroup","mqSet":[{"brokerName","queueId","topic"}],"onlyThisBroker"}` (fastjson's sorted field
 * order, as the Java client writes it). The lock answer lists the queues the broker granted to this client
 * (`{"lockOKMQSet":[...]}`); the unlock answer is empty. Both go to the master of the queues' broker.
 *
 * Broker side (RebalanceLockManager): a lock is held per (group, queue) by one clientId and lapses 60 s after its
 * last renewal; a lock request from another client for a live lock is refused (left out of lockOKMQSet); an unlock
 * removes only the caller's own entries. Nothing releases a crashed client's locks before that expiry.
 */
import { RocketMQError } from '../errors.js';
import { RequestCode } from '../remoting/codes.js';
import { ensureSuccess } from './broker-api.js';
/** The Java client's default for both requests (RebalanceImpl.lock/lockAll/unlock: 1000 ms). */
export const QUEUE_LOCK_TIMEOUT_MS = 1000;
/** The request body, byte for byte as the Java 5.x client encodes LockBatchRequestBody / UnlockBatchRequestBody. */
export function encodeQueueLockBody(r) {
    const mqSet = r.queues.map((q) => `{"brokerName":${JSON.stringify(q.brokerName)},"queueId":${q.queueId},"topic":${JSON.stringify(q.topic)}}`);
    return Buffer.from(`{"clientId":${JSON.stringify(r.clientId)},"consumerGroup":${JSON.stringify(r.group)},"mqSet":[${mqSet.join(',')}],"onlyThisBroker":${r.onlyThisBroker === true}}`, 'utf8');
}
/** The queues of a LockBatchResponseBody; throws ERR_MALFORMED_FRAME on a body that is not one. */
export function decodeLockedQueues(body) {
    if (!body || body.length === 0)
        return [];
    let parsed;
    try {
        parsed = JSON.parse(body.toString('utf8'));
    }
    catch (e) {
        throw new RocketMQError('ERR_MALFORMED_FRAME', 'LOCK_BATCH_MQ response body is not JSON', { cause: e });
    }
    const set = parsed?.lockOKMQSet;
    if (set === undefined || set === null)
        return [];
    if (!Array.isArray(set))
        throw new RocketMQError('ERR_MALFORMED_FRAME', 'LOCK_BATCH_MQ response: lockOKMQSet is not a list');
    return set.map((q) => {
        const o = q;
        if (!o || typeof o.topic !== 'string' || typeof o.brokerName !== 'string' || typeof o.queueId !== 'number') {
            throw new RocketMQError('ERR_MALFORMED_FRAME', 'LOCK_BATCH_MQ response: a queue without topic/brokerName/queueId');
        }
        return { topic: o.topic, brokerName: o.brokerName, queueId: o.queueId };
    });
}
/** LOCK_BATCH_MQ: returns the subset of `queues` this client holds now (newly locked or renewed). */
export async function lockBatchMQ(invoker, address, r, timeoutMs = QUEUE_LOCK_TIMEOUT_MS) {
    const res = await invoker.invoke(address, RequestCode.LOCK_BATCH_MQ, {}, encodeQueueLockBody(r), { timeoutMs });
    ensureSuccess(res, { address, group: r.group, broker: r.queues[0]?.brokerName, requestCode: RequestCode.LOCK_BATCH_MQ });
    return decodeLockedQueues(res.body);
}
/** UNLOCK_BATCH_MQ: releases this client's locks on `queues` (oneway on revoke, as Java; awaited on close). */
export async function unlockBatchMQ(invoker, address, r, opts = {}) {
    const body = encodeQueueLockBody(r);
    if (opts.oneway)
        return invoker.invokeOneway(address, RequestCode.UNLOCK_BATCH_MQ, {}, body);
    const res = await invoker.invoke(address, RequestCode.UNLOCK_BATCH_MQ, {}, body, { timeoutMs: opts.timeoutMs ?? QUEUE_LOCK_TIMEOUT_MS });
    ensureSuccess(res, { address, group: r.group, broker: r.queues[0]?.brokerName, requestCode: RequestCode.UNLOCK_BATCH_MQ });
}
//# sourceMappingURL=queue-locks.js.map