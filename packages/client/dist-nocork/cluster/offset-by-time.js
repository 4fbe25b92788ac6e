/**
 * "The first offset whose message was stored at or after a time" on every broker version.
 *
 * A 5.x broker answers SEARCH_OFFSET_BY_TIMESTAMP with exactly that (boundary LOWER). A 4.x broker (4.9.7's
 * ConsumeQueue.getOffsetInQueueByTime) has no boundary: its binary search answers the message stored nearest to the time,
 * which may be the last one before it, any one of several stored in the same millisecond, or the last message of the
 * queue (not its end) for a time after everything. On 4.x the answer is corrected here by reading the store times
 * around it with plain pulls (subscription `*`, no commit, no long polling): usually one pull of the 3 messages around
 * the answer; more only for a run of messages stored in one millisecond. Store times grow with the queue offset (the broker stamps them under its put lock).
 */
import { RocketMQError } from '../errors.js';
import { fromLegacyServer } from '../remoting/command.js';
import { PullSysFlag, pullMessage, searchOffsetByTimestampAnswer } from './broker-api.js';
/** Messages read per correction pull. */
const PROBE_BATCH = 32;
/** Correction pulls per direction before giving up with ERR_BROKER (a queue whose store times do not grow). */
const MAX_PROBES = 64;
/**
 * The first offset of `mq` whose message was stored at or after `timestamp` (ms); the queue's end (max offset) when every
 * message is older. On a 4.x broker the nearest-message answer is corrected (see the file comment).
 */
export async function offsetAtOrAfter(invoker, address, mq, timestamp, opts) {
    const answer = await searchOffsetByTimestampAnswer(invoker, address, mq, timestamp, opts.timeoutMs);
    if (!fromLegacyServer({ version: answer.brokerVersion }))
        return answer.offset;
    return correctNearest(invoker, address, mq, timestamp, answer.offset, opts);
}
/**
 * Corrects a 4.x broker's nearest-message offset for `timestamp` to the first offset stored at or after it. Used for
 * SEARCH_OFFSET_BY_TIMESTAMP answers and for the offsets a 4.x broker computes for a reset by time.
 */
export async function correctNearest(invoker, address, mq, timestamp, nearest, opts) {
    const probe = (offset, count) => pullMessage(invoker, address, {
        consumerGroup: opts.group,
        mq,
        queueOffset: offset,
        maxMsgNums: count,
        sysFlag: PullSysFlag.SUBSCRIPTION,
        commitOffset: 0,
        suspendTimeoutMillis: 0,
        subscription: '*',
        subVersion: 0,
        expressionType: 'TAG',
    }, { timeoutMs: opts.timeoutMs ?? 6000 });
    const stuck = () => new RocketMQError('ERR_BROKER', `Could not find the first offset of ${mq.topic} ${mq.brokerName}/${mq.queueId} stored at or after ${timestamp} within ${MAX_PROBES} reads`, {
        context: { topic: mq.topic, broker: mq.brokerName, queueId: mq.queueId, timestamp, offset: nearest },
    });
    let probes = 0;
    const read = (offset, count) => {
        if (++probes > MAX_PROBES)
            throw stuck();
        return probe(offset, count);
    };
    // Forward from the message before `nearest` (the first read covers it, `nearest` and the next): the first one stored at or after the time (the queue's end if none).
    const start = Math.max(0, nearest - 1);
    let pos = start;
    let first;
    let min = 0;
    while (first === undefined) {
        const r = await read(pos, probes === 0 ? 3 : PROBE_BATCH);
        min = r.minOffset;
        if (r.status === 'OFFSET_ILLEGAL') {
            if (pos < r.minOffset) {
                pos = r.minOffset;
                continue;
            }
            return Math.min(pos, r.maxOffset);
        }
        if (r.status !== 'FOUND') {
            if (pos >= r.maxOffset)
                return r.maxOffset;
            pos = r.nextBeginOffset > pos ? r.nextBeginOffset : pos + 1;
            continue;
        }
        first = r.messages.find((m) => m.storeTimestamp >= timestamp)?.queueOffset;
        pos = r.nextBeginOffset;
        if (first === undefined && pos >= r.maxOffset)
            return r.maxOffset;
    }
    if (first > start)
        return first; // an older message precedes it
    // Backward: the message before `nearest` is at or after the time too; earlier messages of the same millisecond (or time) count too. Read the
    // window [from, end) before `end` in full; the message after its last older one is the answer.
    let end = first;
    while (end > min) {
        const from = Math.max(min, end - PROBE_BATCH);
        let lastOlder;
        for (let at = from; at < end;) {
            const r = await read(at, end - at);
            if (r.status !== 'FOUND')
                return end;
            for (const m of r.messages)
                if (m.queueOffset < end && m.storeTimestamp < timestamp)
                    lastOlder = Math.max(lastOlder ?? -1, m.queueOffset);
            min = r.minOffset;
            at = r.nextBeginOffset;
        }
        if (lastOlder !== undefined)
            return lastOlder + 1;
        end = from;
    }
    return end;
}
//# sourceMappingURL=offset-by-time.js.map