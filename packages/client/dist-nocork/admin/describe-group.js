/**
 * Admin.describeGroup: a group's members (every broker's view, merged), the queues each member reports owning
 * (GET_CONSUMER_RUNNING_INFO through the broker), and the offsets and lag of every queue of its topics.
 */
import { RocketMQError, isRocketMQError } from '../errors.js';
import { compareMessageQueues, mqKey } from '../protocol/route.js';
import { RETRY_PREFIX } from '../protocol/namespace.js';
import * as req from './requests.js';
/**
 * What a consumer group is doing: its members (client id, address, language, version, subscriptions, the queues
 * each holds) and every queue of its topics with owner, committed offset, broker max offset, lag, last consume
 * time and whether the owner reads it from a slave. A stopped group has no members but still its offsets.
 * `topics`: look at these topics too (default: the members' subscriptions, or every topic the group has offsets
 * for when it is stopped); `includeRetryTopic`: also list `%RETRY%<group>`'s queues.
 */
export async function describeGroup(io, g, options) {
    const info = await io.clusterInfo();
    const masters = [...info.brokers.entries()]
        .map(([name, bd]) => ({ name, address: bd.addrs.get(0) ?? [...bd.addrs.values()][0] }))
        .filter((b) => b.address !== undefined);
    // Members: every broker's view, merged (a member heartbeats every broker).
    const members = new Map();
    let meta = {};
    const subscriptions = new Map();
    for (const b of masters) {
        const c = await req.getConsumerConnectionList(io.remoting, b.address, g, io.timeout);
        if ('offline' in c)
            continue;
        meta = { consumeType: c.consumeType, messageModel: c.messageModel, consumeFromWhere: c.consumeFromWhere };
        for (const s of c.subscriptions)
            subscriptions.set(s.topic, s);
        for (const conn of c.connections) {
            if (members.has(conn.clientId))
                continue;
            members.set(conn.clientId, {
                clientId: conn.clientId,
                address: conn.clientAddr,
                language: conn.language,
                version: req.versionName(conn.version),
                subscriptions: [],
                queues: [],
                via: b.address,
            });
        }
    }
    const subs = [...subscriptions.values()].sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0));
    for (const m of members.values())
        m.subscriptions = subs.map((s) => ({ topic: s.topic, expression: s.expression, type: s.expressionType === 'SQL92' ? 'SQL92' : 'TAG' }));
    // Owners: each member's own list of queues (GET_CONSUMER_RUNNING_INFO, forwarded by the broker to the member).
    const owners = new Map();
    for (const m of members.values()) {
        try {
            const ri = await req.getConsumerRunningInfo(io.remoting, m.via, g, m.clientId, io.timeout);
            for (const [mq, pq] of ri.queues) {
                if (pq.droped === true)
                    continue;
                m.queues.push(mq);
                const from = typeof pq.pullFromBrokerId === 'number' ? pq.pullFromBrokerId : undefined;
                owners.set(mqKey(mq), from === undefined ? { clientId: m.clientId } : { clientId: m.clientId, pullFromBrokerId: from });
            }
            m.queues.sort(compareMessageQueues);
        }
        catch (e) {
            m.runningInfoError = isRocketMQError(e) ? e : new RocketMQError('ERR_BROKER', String(e), { cause: e });
        }
    }
    // Offsets per queue: each broker's consume stats for the group's topics.
    const wanted = new Set([...subs.map((s) => s.topic), ...(options.topics ?? [])]);
    if (!options.includeRetryTopic)
        for (const t of wanted)
            if (t.startsWith(RETRY_PREFIX))
                wanted.delete(t);
    if (options.includeRetryTopic)
        wanted.add(RETRY_PREFIX + g);
    const rows = [];
    let consumeTps = 0;
    if (wanted.size > 0) {
        for (const topic of wanted) {
            const route = await io.getRoute(topic).catch(() => undefined);
            if (!route)
                continue;
            for (const bd of route.brokerDatas) {
                const addr = bd.brokerAddrs.get(0) ?? [...bd.brokerAddrs.values()][0];
                if (addr === undefined)
                    continue;
                const s = await req.getConsumeStats(io.remoting, addr, g, topic, io.timeout * 3);
                rows.push(...s.rows);
                consumeTps += s.consumeTps;
            }
        }
    }
    else {
        for (const b of masters) {
            const s = await req.getConsumeStats(io.remoting, b.address, g, undefined, io.timeout * 3);
            rows.push(...s.rows.filter((r) => options.includeRetryTopic || !r.queue.topic.startsWith(RETRY_PREFIX)));
            consumeTps += s.consumeTps;
        }
    }
    const seen = new Set();
    const queues = [];
    for (const r of rows.sort((a, b) => compareMessageQueues(a.queue, b.queue))) {
        const key = mqKey(r.queue);
        if (seen.has(key))
            continue;
        seen.add(key);
        const owner = owners.get(key);
        queues.push({
            queue: r.queue,
            owner: owner?.clientId,
            brokerOffset: r.brokerOffset,
            committedOffset: r.consumerOffset,
            lag: Math.max(0, r.brokerOffset - r.consumerOffset),
            inflight: Math.max(0, r.pullOffset - r.consumerOffset),
            lastConsumeTimestamp: r.lastTimestamp > 0 ? r.lastTimestamp : undefined,
            readFromSlave: owner?.pullFromBrokerId === undefined ? undefined : owner.pullFromBrokerId !== 0,
        });
    }
    if (members.size === 0 && queues.length === 0) {
        throw new RocketMQError('ERR_GROUP_NOT_FOUND', `Consumer group '${g}' has no member online and no committed offset on any broker`, { context: { group: g } });
    }
    const out = {
        group: g,
        state: members.size > 0 ? 'running' : 'stopped',
        ...meta,
        members: [...members.values()].map(({ via: _via, ...m }) => m).sort((a, b) => (a.clientId < b.clientId ? -1 : a.clientId > b.clientId ? 1 : 0)),
        queues,
        totalLag: queues.reduce((n, q) => n + q.lag, 0),
        consumeTps,
    };
    return out;
}
//# sourceMappingURL=describe-group.js.map