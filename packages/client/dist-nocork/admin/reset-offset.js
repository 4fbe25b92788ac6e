/**
 * Admin.resetOffset: move a group's consume offsets on a topic, by timestamp (INVOKE_BROKER_TO_RESET_OFFSET, or the
 * offsets written directly for a stopped group) or to explicit offsets (the 5.x server-side reset, or written directly
 * for a stopped group).
 */
import { RocketMQError } from '../errors.js';
import { RequestCode } from '../remoting/codes.js';
import { compareMessageQueues } from '../protocol/route.js';
import { getMaxOffset, updateConsumerOffset } from '../cluster/broker-api.js';
import { correctNearest, offsetAtOrAfter } from '../cluster/offset-by-time.js';
import * as req from './requests.js';
/**
 * Moves a group's consume offsets on `topic`, for a running group (its members continue from there) and for a
 * stopped one (it starts from there), as `mqadmin resetOffsetByTime` does:
 * - `{ timestamp }` (ms or Date): every queue to its first message stored at or after that time
 *   (INVOKE_BROKER_TO_RESET_OFFSET; the 5.x broker moves the offsets itself, a 4.9 broker tells the running members;
 *   a group without members gets its offsets written directly).
 * - `{ offsets: [{ queue: { brokerName, queueId }, offset }] }`: those queues to those offsets. A running group needs
 *   5.x brokers (server-side reset); on 4.9 this is `ERR_UNSUPPORTED_VERSION` unless the group is stopped.
 */
export async function resetOffset(io, g, t, to) {
    const route = await io.route(t);
    const queues = [];
    const brokers = [];
    const masterOf = (brokerName) => {
        const addr = route.brokerDatas.find((b) => b.brokerName === brokerName)?.brokerAddrs.get(0);
        if (addr === undefined)
            throw new RocketMQError('ERR_BROKER_NOT_FOUND', `Broker '${brokerName}' has no master online; offsets can only be reset on the master`, { retriable: true, context: { broker: brokerName, topic: t, group: g } });
        return addr;
    };
    if ('timestamp' in to) {
        const ts = to.timestamp instanceof Date ? to.timestamp.getTime() : to.timestamp;
        for (const qd of [...route.queueDatas].sort((a, b) => (a.brokerName < b.brokerName ? -1 : 1))) {
            const addr = masterOf(qd.brokerName);
            const ans = await req.invokeBrokerToResetOffset(io.remoting, addr, { topic: t, group: g, timestamp: ts }, io.timeout);
            if (ans.kind === 'reset') {
                const five = ans.brokerVersion >= req.V5_0_0;
                brokers.push({ brokerName: qd.brokerName, brokerVersion: req.versionName(ans.brokerVersion), method: five ? 'broker' : 'members' });
                for (const [queue, offset] of ans.offsets) {
                    // A 4.x broker sent its members the nearest message's offset; ours correct it as done here (see onResetOffset).
                    queues.push({ queue, offset: five || ts < 0 ? offset : await correctNearest(io.remoting, addr, queue, ts, offset, { group: g, timeoutMs: io.timeout }) });
                }
                continue;
            }
            // No member online (or no offsets yet): write the offsets directly, as mqadmin's fallback does.
            brokers.push({ brokerName: qd.brokerName, brokerVersion: req.versionName(ans.brokerVersion), method: 'direct' });
            for (let i = 0; i < qd.readQueueNums; i++) {
                const queue = { topic: t, brokerName: qd.brokerName, queueId: i };
                const offset = ts < 0 ? await getMaxOffset(io.remoting, addr, queue, io.timeout) : await offsetAtOrAfter(io.remoting, addr, queue, ts, { group: g, timeoutMs: io.timeout });
                await updateConsumerOffset(io.remoting, addr, g, queue, offset, { timeoutMs: io.timeout });
                queues.push({ queue, offset });
            }
        }
    }
    else {
        const byBroker = new Map();
        for (const o of to.offsets) {
            const list = byBroker.get(o.queue.brokerName) ?? [];
            list.push({ queueId: o.queue.queueId, offset: o.offset });
            byBroker.set(o.queue.brokerName, list);
        }
        for (const [brokerName, list] of byBroker) {
            const qd = route.queueDatas.find((q) => q.brokerName === brokerName);
            if (!qd)
                throw new RocketMQError('ERR_INVALID_OPTION', `Topic '${t}' has no queues on broker '${brokerName}'`, { context: { topic: t, broker: brokerName, field: 'offsets' } });
            const bad = list.find((q) => q.queueId >= qd.readQueueNums);
            if (bad)
                throw new RocketMQError('ERR_INVALID_OPTION', `Topic '${t}' has ${qd.readQueueNums} queues on '${brokerName}'; queueId ${bad.queueId} does not exist`, { context: { topic: t, broker: brokerName, field: 'offsets' } });
            const addr = masterOf(brokerName);
            const conn = await req.getConsumerConnectionList(io.remoting, addr, g, io.timeout);
            const running = !('offline' in conn) && conn.connections.length > 0;
            const serverSide = conn.brokerVersion >= req.V5_0_0 && (await serverSideReset(io, addr));
            if (running && !serverSide) {
                throw new RocketMQError('ERR_UNSUPPORTED_VERSION', conn.brokerVersion >= req.V5_0_0
                    ? `Resetting a running group to explicit offsets needs the broker's server-side reset; broker '${brokerName}' (${req.versionName(conn.brokerVersion)}) has useServerSideResetOffset=false. Stop the group first, or reset by { timestamp }`
                    : `Resetting a running group to explicit offsets needs RocketMQ 5.x; broker '${brokerName}' runs ${req.versionName(conn.brokerVersion)}. Stop the group first, or reset by { timestamp }`, { context: { broker: brokerName, group: g, topic: t, brokerVersion: req.versionName(conn.brokerVersion) } });
            }
            brokers.push({ brokerName, brokerVersion: req.versionName(conn.brokerVersion), method: serverSide ? 'broker' : 'direct' });
            for (const q of list) {
                const queue = { topic: t, brokerName, queueId: q.queueId };
                if (serverSide) {
                    const ans = await req.invokeBrokerToResetOffset(io.remoting, addr, { topic: t, group: g, timestamp: -1, queueId: q.queueId, offset: q.offset }, io.timeout);
                    if (ans.kind !== 'reset')
                        throw new RocketMQError('ERR_BROKER', `Broker '${brokerName}' did not reset ${t}:${q.queueId}: ${ans.remark}`, { context: { broker: brokerName, group: g, topic: t, queueId: q.queueId } });
                }
                else {
                    await updateConsumerOffset(io.remoting, addr, g, queue, q.offset, { timeoutMs: io.timeout });
                }
                queues.push({ queue, offset: q.offset });
            }
        }
    }
    queues.sort((a, b) => compareMessageQueues(a.queue, b.queue));
    return { group: g, topic: t, queues, brokers };
}
/** GET_BROKER_CONFIG's useServerSideResetOffset (5.x default true). */
async function serverSideReset(io, address) {
    const res = await io.remoting.invoke(address, RequestCode.GET_BROKER_CONFIG, {}, undefined, { timeoutMs: io.timeout });
    const text = res.body?.toString('utf8') ?? '';
    const m = /^useServerSideResetOffset=(\w+)/m.exec(text);
    return m === null ? true : m[1] === 'true';
}
//# sourceMappingURL=reset-offset.js.map