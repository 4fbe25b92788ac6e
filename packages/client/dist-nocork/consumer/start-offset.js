/**
 * Where a newly owned queue starts (Java computePullFromWhere): the committed offset, else first / last / by
 * timestamp (the first message stored at or after it, on 4.x brokers too). A retry topic starts at 0 for 'last' (its messages are this group's own retries) and at its end for a
 * timestamp.
 */
import { getMaxOffset, getMinOffset } from '../cluster/broker-api.js';
import { offsetAtOrAfter } from '../cluster/offset-by-time.js';
import { RETRY_PREFIX } from '../protocol/namespace.js';
export async function resolveStartOffset(mq, deps) {
    const stored = await deps.offsets.readStore(mq);
    if (stored >= 0)
        return stored;
    const from = deps.consumeFrom;
    const retry = mq.topic.startsWith(RETRY_PREFIX);
    // The master, or its slave while the master is down (a new member can still take the queue).
    const address = await deps.cluster.findQueryAddress(mq.brokerName, mq.topic);
    const remoting = deps.cluster.remoting;
    if (from === 'first')
        return getMinOffset(remoting, address, mq);
    if (from === 'last')
        return retry ? 0 : getMaxOffset(remoting, address, mq);
    if (retry)
        return getMaxOffset(remoting, address, mq);
    const ts = from.timestamp instanceof Date ? from.timestamp.getTime() : from.timestamp;
    return offsetAtOrAfter(remoting, address, mq, ts, { group: deps.group });
}
//# sourceMappingURL=start-offset.js.map