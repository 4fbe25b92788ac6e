/**
 * One client instance (Java MQClientInstance): a client id, a connection pool, the route cache and broker address
 * book, heartbeats, and the requests brokers send to the client (answered in broker-requests.ts). Each consumer and producer owns one instance, so
 * two consumers in one process are two distinct members of their group.
 *
 * Why just over 400 lines: the instance's lifecycle (start, the heartbeat and route timers, close) shares the state
 * below; the broker's requests to the client are already answered in broker-requests.ts.
 */
import { EventEmitter } from 'node:events';
import { RocketMQError, isRocketMQError } from '../errors.js';
import { childLogger } from '../logger.js';
import { RequestCode } from '../remoting/codes.js';
import { RemotingClient } from '../remoting/remoting-client.js';
import { decodeMessage } from '../protocol/message.js';
import { buildClientId, buildHeartbeatBody } from '../protocol/heartbeat.js';
import { MASTER_ID, publishQueues, subscribeQueues } from '../protocol/route.js';
import { RETRY_PREFIX } from '../protocol/namespace.js';
import { NameServerClient } from './name-server.js';
import * as api from './broker-api.js';
import { answerBrokerRequest } from './broker-requests.js';
export class ClientInstance extends EventEmitter {
    options;
    clientId;
    remoting;
    nameServer;
    logger;
    routes = new Map();
    /** brokerName -> (brokerId -> address) */
    brokerAddrs = new Map();
    consumers = new Map();
    producers = new Map();
    timers = [];
    routeInflight = new Map();
    /** Subscribed topics the broker ACL refused (ERR_FORBIDDEN): left out of heartbeats and rebalancing. */
    deniedTopics = new Map();
    lastUnreachableRefresh = 0;
    started = false;
    closed = false;
    constructor(options) {
        super();
        this.options = options;
        this.clientId = buildClientId({ ip: options.clientIp, instanceName: options.instanceName });
        this.logger = childLogger(options.logger, { clientId: this.clientId });
        this.remoting = new RemotingClient({
            logger: this.logger,
            connectTimeoutMs: options.requestTimeoutMs,
            onRequest: (cmd, conn) => cmd.code === RequestCode.CHECK_TRANSACTION_STATE ? this.checkTransactionState(cmd, conn.address) : answerBrokerRequest(cmd, this.consumers, this.logger, conn.address),
            ...(options.credentials === undefined ? {} : { credentials: options.credentials }),
            ...(options.tls === undefined ? {} : { tls: options.tls }),
        });
        this.remoting.on('connectionClosed', (address) => this.onConnectionClosed(address));
        this.nameServer = new NameServerClient(this.remoting, options.nameServer, options.requestTimeoutMs, this.logger);
    }
    get isClosed() {
        return this.closed;
    }
    /** Starts the route-refresh and heartbeat timers (idempotent). */
    start() {
        if (this.started || this.closed)
            return;
        this.started = true;
        this.every(this.options.pollNameServerIntervalMs, () => this.refreshAllRoutes());
        this.every(this.options.heartbeatIntervalMs, () => this.periodicHeartbeat());
    }
    /**
     * The timer's heartbeat. What fails start() (authentication failed, group denied, every topic denied) is final
     * here too: it is emitted as 'refused' (the consumer then fails for good) instead of being logged every interval.
     */
    async periodicHeartbeat() {
        try {
            await this.sendHeartbeatToAllBrokers();
        }
        catch (e) {
            if (!isRocketMQError(e) || (e.code !== 'ERR_AUTH' && e.code !== 'ERR_FORBIDDEN'))
                throw e;
            if (this.closed)
                return;
            this.logger.error({ err: e }, 'the brokers refuse this client (ACL); it stops');
            this.emit('refused', e);
        }
    }
    /** A repeating task whose failures are reported, never thrown out of the timer. */
    every(intervalMs, task) {
        const t = setInterval(() => {
            if (this.closed)
                return;
            Promise.resolve()
                .then(task)
                .catch((e) => this.logger.warn({ err: e }, 'background task failed'));
        }, intervalMs);
        t.unref();
        this.timers.push(t);
        return t;
    }
    registerConsumer(reg) {
        if (this.consumers.has(reg.group)) {
            throw new RocketMQError('ERR_INVALID_OPTION', `group '${reg.group}' is already registered in this client instance`, { context: { group: reg.group } });
        }
        this.consumers.set(reg.group, reg);
    }
    /** Heartbeats name the group, so brokers can send its check-backs here; a later call replaces the registration. */
    registerProducer(group, reg = { group }) {
        this.producers.set(group, reg);
    }
    // ---------------------------------------------------------------- routes
    /** The cached route, fetched from the NameServer when missing or when `refresh` is set. */
    async getRoute(topic, refresh = false, timeoutMs) {
        if (!refresh) {
            const cached = this.routes.get(topic);
            if (cached)
                return cached;
        }
        const inflight = this.routeInflight.get(topic);
        if (inflight)
            return inflight;
        const p = this.nameServer
            .getTopicRoute(topic, timeoutMs)
            .then((route) => {
            if (route)
                this.applyRoute(topic, route);
            return route;
        })
            .finally(() => this.routeInflight.delete(topic));
        this.routeInflight.set(topic, p);
        return p;
    }
    applyRoute(topic, route) {
        this.routes.set(topic, route);
        for (const bd of route.brokerDatas) {
            const m = new Map();
            for (const [id, addr] of brokerAddrEntries(bd.brokerAddrs))
                m.set(id, addr);
            this.brokerAddrs.set(bd.brokerName, m);
        }
    }
    /** Queues a consumer may read (perm READ), sorted in Java's order. */
    async subscribeQueues(topic, refresh = false) {
        const denied = this.deniedTopics.get(topic);
        if (denied !== undefined)
            throw denied;
        const route = await this.getRoute(topic, refresh);
        if (!route)
            throw new RocketMQError('ERR_TOPIC_NOT_FOUND', `Topic '${topic}' does not exist on the NameServer. Create it first (e.g. mqadmin updateTopic).`, { context: { topic } });
        return subscribeQueues(topic, route);
    }
    /** Queues a producer may write (perm WRITE, master present). */
    async publishQueues(topic, refresh = false, timeoutMs) {
        const route = await this.getRoute(topic, refresh, timeoutMs);
        if (!route)
            return [];
        return publishQueues(topic, route);
    }
    async refreshAllRoutes() {
        const topics = new Set(this.routes.keys());
        for (const c of this.consumers.values())
            for (const s of c.subscriptions())
                topics.add(s.topic);
        await Promise.all([...topics].map((t) => this.getRoute(t, true).catch((e) => this.logger.warn({ topic: t, err: e }, 'route refresh failed'))));
    }
    onConnectionClosed(address) {
        if (this.closed)
            return;
        // A broker (or NameServer) went away: refresh routes soon so a dead master is dropped (throttled to 1/s).
        const now = Date.now();
        if (now - this.lastUnreachableRefresh < 1000)
            return;
        this.lastUnreachableRefresh = now;
        this.refreshAllRoutes().catch((e) => this.logger.warn({ address, err: e }, 'route refresh after disconnect failed'));
    }
    /** Re-fetch routes now (throttled), e.g. after a pull failed to reach a broker. */
    refreshRoutesSoon() {
        this.onConnectionClosed('');
    }
    findMasterAddress(brokerName) {
        return this.brokerAddrs.get(brokerName)?.get(MASTER_ID);
    }
    async findMasterAddressOrRefresh(brokerName, topic) {
        let addr = this.findMasterAddress(brokerName);
        if (!addr) {
            await this.getRoute(topic, true);
            addr = this.findMasterAddress(brokerName);
        }
        if (!addr)
            throw new RocketMQError('ERR_BROKER_NOT_FOUND', `No master address known for broker '${brokerName}' (topic '${topic}')`, { retriable: true, context: { broker: brokerName, topic } });
        return addr;
    }
    /**
     * An address for queries about a queue's broker (offsets, min/max): the master, else any replica of that broker name
     * (Java reads offsets from the slave while the master is down). Refreshes the route once when none is known.
     */
    async findQueryAddress(brokerName, topic) {
        const master = this.findMasterAddress(brokerName);
        if (master)
            return master;
        // Our address book may be stale (a master that just came back): ask the NameServer before using a replica, so
        // commits and offset queries land on the same node whenever the master is up.
        await this.getRoute(topic, true).catch(() => undefined);
        const after = this.findMasterAddress(brokerName) ?? this.findBrokerAddressInSubscribe(brokerName, MASTER_ID)?.address;
        if (!after)
            throw new RocketMQError('ERR_BROKER_NOT_FOUND', `No address known for broker '${brokerName}' (topic '${topic}')`, { retriable: true, context: { broker: brokerName, topic } });
        return after;
    }
    /**
     * Java findBrokerAddressInSubscribe: the exact id if known; for a slave id that is missing, the next id; otherwise
     * any address of that broker (so a consumer keeps reading from the slave while the master is down).
     */
    findBrokerAddressInSubscribe(brokerName, brokerId, onlyThisBroker = false) {
        const m = this.brokerAddrs.get(brokerName);
        if (!m || m.size === 0)
            return undefined;
        const exact = m.get(brokerId);
        if (exact)
            return { address: exact, brokerId };
        if (brokerId !== MASTER_ID) {
            const next = m.get(brokerId + 1);
            if (next)
                return { address: next, brokerId: brokerId + 1 };
        }
        if (onlyThisBroker)
            return undefined;
        const [id, address] = m.entries().next().value;
        return { address, brokerId: id };
    }
    /** Some broker serving the topic (master preferred), for group-wide requests such as the member list. */
    async anyBrokerOfTopic(topic) {
        const route = await this.getRoute(topic);
        if (!route || route.brokerDatas.length === 0)
            return undefined;
        const start = Math.floor(Math.random() * route.brokerDatas.length);
        for (let i = 0; i < route.brokerDatas.length; i++) {
            const bd = route.brokerDatas[(start + i) % route.brokerDatas.length];
            const m = this.brokerAddrs.get(bd.brokerName);
            const addr = m?.get(MASTER_ID) ?? (m && m.size > 0 ? [...m.values()][0] : undefined);
            if (addr)
                return addr;
        }
        return undefined;
    }
    /** Members of a group as a broker of the topic sees them (sorted). */
    async consumerIdList(group, topic) {
        const addr = await this.anyBrokerOfTopic(topic);
        if (!addr)
            return [];
        const ids = await api.getConsumerIdList(this.remoting, addr, group, this.options.requestTimeoutMs);
        return ids.sort();
    }
    // ---------------------------------------------------------------- heartbeats
    heartbeatBody() {
        return buildHeartbeatBody({
            clientId: this.clientId,
            consumers: [...this.consumers.values()].map((c) => ({
                groupName: c.group,
                consumeType: c.consumeType,
                messageModel: c.messageModel,
                consumeFromWhere: c.consumeFromWhere,
                subscriptions: c.subscriptions().filter((sub) => !this.deniedTopics.has(sub.topic)),
            })),
            producers: [...this.producers.keys()].map((groupName) => ({ groupName })),
        });
    }
    /**
     * Heartbeat every known broker address (masters and slaves when consuming; masters only for producers).
     * Other failures are logged (the next heartbeat retries), but an ACL refusal is not something time fixes:
     * - a subscribed topic the user may not read (ERR_FORBIDDEN naming it) is dropped from the heartbeats and from
     *   rebalancing, reported once as 'accessDenied', and the heartbeat is sent again for the remaining topics;
     * - a failed authentication, a denied group, or every topic denied rejects (the consumer's start() fails with it).
     */
    async sendHeartbeatToAllBrokers() {
        for (let round = 0;; round++) {
            const refused = await this.heartbeatOnce();
            if (refused.length === 0)
                return;
            let dropped = false;
            for (const err of refused) {
                const topic = err.code === 'ERR_FORBIDDEN' ? err.context.topic : undefined;
                if (typeof topic !== 'string' || this.deniedTopics.has(topic))
                    continue;
                const owner = [...this.consumers.values()].find((c) => c.subscriptions().some((s) => s.topic === topic));
                if (owner === undefined)
                    continue;
                this.deniedTopics.set(topic, err);
                dropped = true;
                this.logger.error({ topic, group: owner.group, err }, 'topic refused by the broker ACL; consuming the other topics');
                this.emit('accessDenied', err);
                const left = owner.subscriptions().filter((s) => !s.topic.startsWith(RETRY_PREFIX) && !this.deniedTopics.has(s.topic));
                if (left.length === 0)
                    throw err;
            }
            if (!dropped || round > this.consumers.size * 64)
                throw refused[0];
        }
    }
    onAccessDenied(listener) {
        this.on('accessDenied', listener);
    }
    onRefused(listener) {
        this.on('refused', listener);
    }
    /** Topics the broker ACL refused to this client (see sendHeartbeatToAllBrokers). */
    deniedTopic(topic) {
        return this.deniedTopics.get(topic);
    }
    /** One heartbeat round; returns the ACL refusals (ERR_AUTH / ERR_FORBIDDEN), logs other failures. */
    async heartbeatOnce() {
        if (this.closed)
            return [];
        if (this.consumers.size === 0 && this.producers.size === 0)
            return [];
        const body = this.heartbeatBody();
        const onlyMasters = this.consumers.size === 0;
        const refused = [];
        const sends = [];
        for (const [brokerName, m] of this.brokerAddrs) {
            for (const [id, address] of m) {
                if (onlyMasters && id !== MASTER_ID)
                    continue;
                sends.push(api.sendHeartbeat(this.remoting, address, body, this.options.requestTimeoutMs).catch((e) => {
                    if (e instanceof RocketMQError && (e.code === 'ERR_AUTH' || e.code === 'ERR_FORBIDDEN'))
                        refused.push(e);
                    else
                        this.logger.warn({ broker: brokerName, address, err: e }, 'heartbeat failed');
                }));
            }
        }
        await Promise.all(sends);
        return refused;
    }
    /**
     * CHECK_TRANSACTION_STATE (39), oneway: the answer is a separate END_TRANSACTION to the same broker. The group is the
     * half message's PGROUP property (Java ClientRemotingProcessor.checkTransactionState).
     */
    checkTransactionState(cmd, address) {
        const ext = cmd.extFields ?? {};
        if (!cmd.body)
            return undefined;
        const message = decodeMessage(cmd.body);
        const group = message.properties.PGROUP ?? '';
        const reg = this.producers.get(group);
        const tranStateTableOffset = ext.tranStateTableOffset;
        const commitLogOffset = ext.commitLogOffset;
        if (reg?.checkTransaction === undefined || tranStateTableOffset === undefined || commitLogOffset === undefined) {
            this.logger.warn({ group, address, msgId: message.msgId }, 'transaction check-back for a group this client cannot answer; ignored (the broker asks again later)');
            return undefined;
        }
        if (ext.bname)
            message.brokerName = ext.bname;
        reg.checkTransaction({
            address,
            message,
            topic: ext.topic,
            tranStateTableOffset,
            commitLogOffset,
            transactionId: ext.transactionId,
            brokerName: ext.bname,
        });
        return undefined;
    }
    // ---------------------------------------------------------------- close
    /** Unregisters groups from every broker and closes all connections. Idempotent, bounded by the request timeout. */
    async close() {
        if (this.closed)
            return;
        for (const t of this.timers)
            clearInterval(t);
        const unregisters = [];
        for (const [, m] of this.brokerAddrs) {
            for (const [, address] of m) {
                for (const group of this.consumers.keys()) {
                    unregisters.push(api.unregisterClient(this.remoting, address, this.clientId, { consumerGroup: group }, this.options.requestTimeoutMs).catch(() => undefined));
                }
                for (const group of this.producers.keys()) {
                    unregisters.push(api.unregisterClient(this.remoting, address, this.clientId, { producerGroup: group }, this.options.requestTimeoutMs).catch(() => undefined));
                }
            }
        }
        await Promise.all(unregisters);
        this.closed = true;
        await this.remoting.close();
    }
}
/** brokerAddrs may be a Map or a plain object keyed by the id. */
export function brokerAddrEntries(addrs) {
    if (addrs instanceof Map)
        return [...addrs.entries()];
    return Object.entries(addrs).map(([k, v]) => [Number(k), v]);
}
//# sourceMappingURL=client-instance.js.map