/**
 * Admin: topics, a group's members / queue owners / lag, offset resets and allocation dry runs, over the remoting
 * protocol (the requests `mqadmin` sends, without a JVM). One connection pool, signed and TLS'd like the consumers'.
 */
import { RocketMQError, isRocketMQError, isTransportError } from '../errors.js';
import { silentLogger } from '../logger.js';
import { compareMessageQueues, mqKey, subscribeQueues } from '../protocol/route.js';
import { createClusterClient } from '../cluster/port.js';
import { delay } from '../util/async.js';
import { parseOptions, remotingSecurity } from '../config/common.js';
import { adminGroupSchema, adminOptionsSchema, adminTopicSchema, createTopicOptionsSchema, resetTargetSchema, } from '../config/admin.js';
import { allocateQueues, resolveStrategy } from '../consumer/rebalance/strategies.js';
import * as req from './requests.js';
import { setMessageRequestMode } from '../cluster/pop-api.js';
import { askNameServer } from '../cluster/name-server.js';
import { describeGroup } from './describe-group.js';
import { resetOffset } from './reset-offset.js';
const ORDER_TOPIC_CONFIG = 'ORDER_TOPIC_CONFIG';
/**
 * Operations on a RocketMQ cluster over remoting: create/delete topics, read routes and queue offsets, describe a
 * consumer group (members, queue owners, lag), reset a group's offsets, and dry-run a queue allocation.
 *
 * ```ts
 * const admin = new Admin({ nameServer: '127.0.0.1:9876' })
 * await admin.createTopic('TopicOrderPaySuccess', { queuesPerBroker: 2 })
 * const g = await admin.describeGroup('stock_consumer_group')
 * await admin.close()
 * ```
 * Every failure is a `RocketMQError` (`ERR_TOPIC_NOT_FOUND`, `ERR_GROUP_NOT_FOUND`, `ERR_BROKER_NOT_FOUND`,
 * `ERR_UNSUPPORTED_VERSION`, `ERR_FORBIDDEN`, ...).
 */
export class Admin {
    options;
    cluster;
    logger;
    closed = false;
    /**
     * Checks the options (ERR_INVALID_OPTION names a wrong one); connects on first use.
     * @param options the connection options, as the consumers' (see {@link AdminOptions})
     * @param deps test seam: a scripted cluster instead of the network
     */
    constructor(options, deps = {}) {
        this.options = parseOptions(adminOptionsSchema, options, 'Admin');
        this.logger = this.options.logger ?? silentLogger;
        const o = this.options;
        this.cluster = (deps.cluster ?? createClusterClient)({
            nameServer: o.nameServer,
            logger: this.logger,
            instanceName: o.instanceName ?? `admin-${process.pid}-${Date.now().toString(36)}`,
            clientIp: o.clientIp,
            requestTimeoutMs: o.requestTimeoutMs,
            heartbeatIntervalMs: o.heartbeatIntervalMs,
            pollNameServerIntervalMs: o.pollNameServerIntervalMs,
            ...remotingSecurity(o, this.logger),
        });
    }
    get timeout() {
        return this.options.requestTimeoutMs;
    }
    check() {
        if (this.closed)
            throw new RocketMQError('ERR_CLOSED', 'Admin is closed');
    }
    // ------------------------------------------------------------------ NameServer helpers
    /**
     * Runs `fn` on the NameServers in order until one answers (transport failures move on, after one fresh connection if
     * the first closed under the request; a broker answer is final).
     */
    async onNameServer(what, fn) {
        const errors = [];
        for (const address of this.options.nameServer) {
            try {
                return await askNameServer(address, fn, this.logger);
            }
            catch (e) {
                if (isRocketMQError(e) && !isTransportError(e))
                    throw e;
                errors.push(`${address}: ${e instanceof Error ? e.message : String(e)}`);
            }
        }
        throw new RocketMQError('ERR_NAMESERVER_UNREACHABLE', `No NameServer answered ${what} (${errors.join('; ')})`, {
            retriable: true,
            context: { addresses: [...this.options.nameServer] },
        });
    }
    clusterInfo() {
        return this.onNameServer('GET_BROKER_CLUSTER_INFO', (a) => req.getClusterInfo(this.cluster.remoting, a, this.timeout));
    }
    async route(topic) {
        const route = await this.cluster.getRoute(topic, true, this.timeout);
        if (!route)
            throw new RocketMQError('ERR_TOPIC_NOT_FOUND', `Topic '${topic}' does not exist on the NameServer`, { context: { topic } });
        return route;
    }
    // ------------------------------------------------------------------ topics
    /**
     * Creates (or updates) a topic with `queuesPerBroker` read and write queues on each master of `brokers` (default:
     * every broker the NameServer knows), and on their slaves, then waits until the NameServer routes it on all of
     * them. Returns the route.
     */
    async createTopic(topic, options) {
        this.check();
        const name = parseOptions(adminTopicSchema, topic, 'createTopic topic');
        const o = parseOptions(createTopicOptionsSchema, options, 'createTopic');
        const info = await this.clusterInfo();
        const names = o.brokers ?? [...info.brokers.keys()].sort();
        if (names.length === 0)
            throw new RocketMQError('ERR_BROKER_NOT_FOUND', 'The NameServer knows no broker to create the topic on', { retriable: true, context: { topic: name } });
        const header = { topic: name, readQueueNums: o.queuesPerBroker, writeQueueNums: o.queuesPerBroker, perm: o.perm ?? 6, order: o.order ?? false };
        for (const b of names) {
            const bd = info.brokers.get(b);
            const master = bd?.addrs.get(0);
            if (!bd || master === undefined) {
                throw new RocketMQError('ERR_BROKER_NOT_FOUND', `Broker '${b}' has no master registered on the NameServer (known: ${[...info.brokers.keys()].join(', ') || 'none'})`, {
                    retriable: bd !== undefined,
                    context: { broker: b, topic: name },
                });
            }
            await req.createTopicAt(this.cluster.remoting, master, header, this.timeout);
            // 5.x slaves learn topic configs only every 60 s by themselves; create it there too so slave reads work at once.
            // A 4.x slave refuses ("Can't modify topic ... from slave broker") and copies its master's topics every 10 s.
            for (const [id, addr] of bd.addrs) {
                if (id === 0)
                    continue;
                await req.createTopicAt(this.cluster.remoting, addr, header, this.timeout).catch((e) => {
                    if (!refusedBySlave(e))
                        this.logger.warn({ topic: name, address: addr, err: e }, 'creating the topic on a slave failed');
                });
            }
        }
        if (header.order) {
            const conf = names.map((b) => `${b}:${o.queuesPerBroker}`).join(';');
            for (const ns of this.options.nameServer)
                await req.putKvConfig(this.cluster.remoting, ns, ORDER_TOPIC_CONFIG, name, conf, this.timeout);
        }
        const deadline = Date.now() + (o.timeoutMs ?? 15_000);
        for (;;) {
            const route = await this.cluster.getRoute(name, true, this.timeout).catch(() => undefined);
            const ready = route !== undefined &&
                names.every((b) => route.queueDatas.some((q) => q.brokerName === b && q.readQueueNums === o.queuesPerBroker && q.writeQueueNums === o.queuesPerBroker && q.perm === header.perm));
            if (ready)
                return toRouteInfo(name, route);
            if (Date.now() > deadline) {
                throw new RocketMQError('ERR_TIMEOUT', `Topic '${name}' was created on ${names.join(', ')} but the NameServer did not route it on all of them within ${o.timeoutMs ?? 15_000} ms`, {
                    retriable: true,
                    context: { topic: name },
                });
            }
            await delay(200);
        }
    }
    /** Deletes a topic from every broker (masters and slaves) and every NameServer, as `mqadmin deleteTopic -c` does. */
    async deleteTopic(topic) {
        this.check();
        const name = parseOptions(adminTopicSchema, topic, 'deleteTopic topic');
        const info = await this.clusterInfo();
        for (const [brokerName, bd] of info.brokers) {
            for (const [id, addr] of bd.addrs) {
                await req.deleteTopicAt(this.cluster.remoting, addr, name, this.timeout).catch((e) => {
                    // A 4.x slave refuses topic changes; its 10 s copy of the master's topics drops the topic there.
                    if (id !== 0 && refusedBySlave(e))
                        return;
                    throw isRocketMQError(e) ? Object.assign(e, { context: { ...e.context, broker: brokerName } }) : e;
                });
            }
        }
        for (const ns of this.options.nameServer) {
            await req.deleteTopicInNameServer(this.cluster.remoting, ns, name, this.timeout);
            await req.deleteKvConfig(this.cluster.remoting, ns, ORDER_TOPIC_CONFIG, name, this.timeout).catch(() => undefined);
        }
    }
    /** The topic's route: brokers (master and replica addresses), queue counts and permissions, consumer queues. */
    async topicRoute(topic) {
        this.check();
        const name = parseOptions(adminTopicSchema, topic, 'topicRoute topic');
        return toRouteInfo(name, await this.route(name));
    }
    /** Per queue: the lowest and next offset, and the store time of the last message (GET_TOPIC_STATS_INFO). */
    async topicStats(topic) {
        this.check();
        const name = parseOptions(adminTopicSchema, topic, 'topicStats topic');
        const route = await this.route(name);
        const queues = [];
        for (const bd of route.brokerDatas) {
            const addr = bd.brokerAddrs.get(0) ?? [...bd.brokerAddrs.values()][0];
            if (addr === undefined)
                continue;
            for (const r of await req.getTopicStats(this.cluster.remoting, addr, name, this.timeout)) {
                queues.push({ queue: r.queue, minOffset: r.minOffset, maxOffset: r.maxOffset, lastStoreTimestamp: r.lastUpdateTimestamp > 0 ? r.lastUpdateTimestamp : undefined });
            }
        }
        queues.sort((a, b) => compareMessageQueues(a.queue, b.queue));
        return { topic: name, queues };
    }
    // ------------------------------------------------------------------ groups
    /**
     * What a consumer group is doing: its members (client id, address, language, version, subscriptions, the queues
     * each holds) and every queue of its topics with owner, committed offset, broker max offset, lag, last consume
     * time and whether the owner reads it from a slave. A stopped group has no members but still its offsets.
     * `topics`: look at these topics too (default: the members' subscriptions, or every topic the group has offsets
     * for when it is stopped); `includeRetryTopic`: also list `%RETRY%<group>`'s queues.
     */
    async describeGroup(group, options = {}) {
        this.check();
        return describeGroup(this.io(), parseOptions(adminGroupSchema, group, 'describeGroup group'), options);
    }
    /**
     * Moves a group's consume offsets on `topic`, for a running group (its members continue from there) and for a
     * stopped one (it starts from there), as `mqadmin resetOffsetByTime` does:
     * - `{ timestamp }` (ms or Date): every queue to its first message stored at or after that time
     *   (INVOKE_BROKER_TO_RESET_OFFSET; the 5.x broker moves the offsets itself, a 4.9 broker tells the running members;
     *   a group without members gets its offsets written directly).
     * - `{ offsets: [{ queue: { brokerName, queueId }, offset }] }`: those queues to those offsets. A running group needs
     *   5.x brokers (server-side reset); on 4.9 this is `ERR_UNSUPPORTED_VERSION` unless the group is stopped.
     */
    async resetOffset(group, topic, target) {
        this.check();
        const g = parseOptions(adminGroupSchema, group, 'resetOffset group');
        const t = parseOptions(adminTopicSchema, topic, 'resetOffset topic');
        const to = parseOptions(resetTargetSchema, target, 'resetOffset target');
        return resetOffset(this.io(), g, t, to);
    }
    /**
     * How the brokers hand out `topic` to `group` (SET_MESSAGE_REQUEST_MODE on every master that serves the topic, as
     * `mqadmin setConsumeMode -c` does; 5.x brokers, which keep it across restarts): `'pop'` = messages to any member
     * (POP consumption; `popShareQueueNum` 0 = every member pops every queue, N = its own queues and those of the next N
     * members), `'pull'` = queues to members (the default). A `PushConsumer` with `pop` sets `'pop'` at start by itself.
     * Returns the brokers it was set on.
     */
    async setMessageRequestMode(group, topic, mode, popShareQueueNum = 0) {
        this.check();
        const g = parseOptions(adminGroupSchema, group, 'setMessageRequestMode group');
        const t = parseOptions(adminTopicSchema, topic, 'setMessageRequestMode topic');
        if (mode !== 'pop' && mode !== 'pull') {
            throw new RocketMQError('ERR_INVALID_OPTION', `Invalid setMessageRequestMode mode: must be 'pop' or 'pull', got ${String(mode)}`, { context: { fields: ['mode'] } });
        }
        if (!Number.isInteger(popShareQueueNum) || popShareQueueNum < 0 || popShareQueueNum > 1024) {
            throw new RocketMQError('ERR_INVALID_OPTION', `Invalid setMessageRequestMode popShareQueueNum: must be an integer in [0, 1024], got ${popShareQueueNum}`, {
                context: { fields: ['popShareQueueNum'] },
            });
        }
        const route = await this.route(t);
        const serving = new Set(route.queueDatas.map((q) => q.brokerName));
        const done = [];
        for (const bd of [...route.brokerDatas].sort((a, b) => (a.brokerName < b.brokerName ? -1 : 1))) {
            const master = bd.brokerAddrs.get(0);
            if (!serving.has(bd.brokerName))
                continue;
            if (master === undefined)
                throw new RocketMQError('ERR_BROKER_NOT_FOUND', `Broker '${bd.brokerName}' has no master registered`, { retriable: true, context: { broker: bd.brokerName, topic: t } });
            await setMessageRequestMode(this.cluster.remoting, master, { topic: t, group: g, mode: mode === 'pop' ? 'POP' : 'PULL', popShareQueueNum }, this.timeout);
            done.push(bd.brokerName);
        }
        return done;
    }
    /** What the group and offset operations (describe-group.ts, reset-offset.ts) need from this Admin. */
    io() {
        return {
            remoting: this.cluster.remoting,
            timeout: this.timeout,
            clusterInfo: () => this.clusterInfo(),
            getRoute: (topic) => this.cluster.getRoute(topic, true, this.timeout),
            route: (topic) => this.route(topic),
        };
    }
    // ------------------------------------------------------------------ allocation
    /**
     * A dry run of a queue allocation: which of `topic`'s queues each of `members` (client ids) would own under
     * `strategy` (a built-in name, a function or `{ name, allocate }`; default 'averagely'). It runs the consumers' own
     * code (the same sort and strategy call as every rebalance), on the topic's current route.
     */
    async explainAllocation(input) {
        this.check();
        const topic = parseOptions(adminTopicSchema, input.topic, 'explainAllocation topic');
        if (!Array.isArray(input.members) || input.members.some((m) => typeof m !== 'string' || m.length === 0)) {
            throw new RocketMQError('ERR_INVALID_OPTION', 'Invalid explainAllocation options: members: must be an array of client ids (e.g. the clientId of describeGroup members)', {
                context: { fields: ['members'] },
            });
        }
        const strategy = resolveStrategy((input.strategy ?? 'averagely'), {
            ...input.allocationOptions,
            logger: this.logger,
        });
        const queues = subscribeQueues(topic, await this.route(topic));
        const clientIds = [...new Set(input.members)].sort();
        const members = [];
        const owned = new Set();
        for (const clientId of clientIds) {
            const mine = [...(await allocateQueues(strategy, { group: input.group ?? 'explain', topic, queues, clientIds, clientId }))].sort(compareMessageQueues);
            for (const q of mine)
                owned.add(mqKey(q));
            members.push({ clientId, queues: mine });
        }
        return { topic, strategy: strategy.name, queues, members, unassigned: queues.filter((q) => !owned.has(mqKey(q))) };
    }
    /** Closes the connections. Idempotent. */
    async close() {
        if (this.closed)
            return;
        this.closed = true;
        await this.cluster.close();
    }
    /** `await using admin = new Admin(...)`: `close()` at the end of the scope. */
    async [Symbol.asyncDispose]() {
        await this.close();
    }
}
function toRouteInfo(topic, route) {
    const brokers = [];
    for (const qd of [...route.queueDatas].sort((a, b) => (a.brokerName < b.brokerName ? -1 : a.brokerName > b.brokerName ? 1 : 0))) {
        const bd = route.brokerDatas.find((b) => b.brokerName === qd.brokerName);
        const replicas = bd ? [...bd.brokerAddrs.entries()].sort((a, b) => a[0] - b[0]).map(([brokerId, address]) => ({ brokerId, address })) : [];
        brokers.push({
            brokerName: qd.brokerName,
            cluster: bd?.cluster ?? '',
            master: bd?.brokerAddrs.get(0),
            replicas,
            readQueues: qd.readQueueNums,
            writeQueues: qd.writeQueueNums,
            perm: qd.perm,
        });
    }
    const out = { topic, brokers, queues: subscribeQueues(topic, route) };
    if (route.orderTopicConf !== undefined)
        out.orderTopicConf = route.orderTopicConf;
    return out;
}
/** A 4.x slave's answer to a topic change: "Can't modify topic or subscription group from slave broker". */
function refusedBySlave(e) {
    return isRocketMQError(e) && /from slave broker/i.test(e.message);
}
//# sourceMappingURL=admin.js.map