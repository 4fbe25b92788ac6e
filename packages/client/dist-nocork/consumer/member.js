/**
 * A group member: wires the parts given at construction (cluster port, offset store, subscriptions, consumption
 * policy, queue reader, rebalancer) and owns their lifecycle. It holds no consumption logic of its own: what differs
 * between push, pull (and ordered) consumption is the policy. The facades (push-consumer.ts, pull-consumer.ts) build a
 * member and expose the public API.
 */
import { consumerMetrics } from './metrics.js';
import { toRocketMQError } from '../errors.js';
import { silentLogger } from '../logger.js';
import { localIPv4 } from '../protocol/local-ip.js';
import { mqKey } from '../protocol/route.js';
import { consumerCluster, createContext } from './context.js';
import { BrokerOffsetStore } from './offset-store/broker-offset-store.js';
import { LocalFileOffsetStore } from './offset-store/local-file-offset-store.js';
import { QueueReader } from './queue-reader.js';
import { Rebalancer } from './rebalance/rebalancer.js';
import { resolveStrategy } from './rebalance/strategies.js';
import { Subscriptions } from './subscriptions.js';
import { timeoutSignal } from '../util/async.js';
import { checkClientConfig } from '../cluster/broker-api.js';
import { correctNearest } from '../cluster/offset-by-time.js';
import { MessageTracer, traceOption } from '../observability/message-tracer.js';
export class Member {
    ctx;
    cluster;
    offsets;
    subscriptions;
    policy;
    rebalancer;
    /** Message trace (the `trace` option); undefined when off. */
    tracer;
    reader;
    failed = false;
    constructor(parts) {
        const o = parts.options;
        const logger = o.logger ?? silentLogger;
        this.cluster = consumerCluster(o, logger, parts.cluster);
        this.ctx = createContext(o, this.cluster, logger, parts.events);
        // A subscribed topic the ACL refused: reported, and a rebalance releases its queues (the other topics go on).
        this.cluster.onAccessDenied?.((err) => {
            this.ctx.report(err);
            this.rebalancer.trigger('a subscribed topic was refused by the broker ACL');
        });
        this.cluster.onRefused?.((err) => {
            if (this.failed)
                return;
            this.failed = true;
            this.ctx.report(err);
            this.ctx.emit('consumer.failed', err);
            parts.onFailed?.(err);
        });
        this.offsets = this.ctx.broadcasting
            ? // Stable across restarts so a member resumes; members on one host need distinct instanceNames (as in Java).
                new LocalFileOffsetStore(o.offsetStoreDir, `${o.clientIp ?? localIPv4()}@${o.instanceName ?? 'DEFAULT'}`, o.group)
            : new BrokerOffsetStore(this.cluster, o.group, logger);
        const trace = traceOption(o.trace);
        this.tracer = trace && MessageTracer.create(trace, this.cluster, o.group, o.namespace, 'CONSUME', logger);
        const table = () => this.rebalancer.table;
        const host = {
            tracer: this.tracer,
            ctx: this.ctx,
            offsets: this.offsets,
            queues: () => table().values(),
            queue: (mq) => table().get(mqKey(mq)),
            subscriptions: () => this.subscriptions.list(),
            wake: (pq) => pq.notify(),
            restartQueue: (mq, offset) => this.rebalancer.restartQueue(mq, offset),
        };
        this.policy = parts.policy(host);
        this.subscriptions = new Subscriptions(o.group, o.subscriptions ?? {}, this.policy.readsRetryTopic && !this.ctx.broadcasting);
        this.reader = new QueueReader({
            ctx: this.ctx,
            subscriptions: this.subscriptions,
            offsets: this.offsets,
            policy: this.policy,
            queues: () => table().values(),
            offsetMoved: (pq, next) => this.rebalancer.offsetMoved(pq, next),
        });
        this.rebalancer = new Rebalancer({
            ctx: this.ctx,
            subscriptions: this.subscriptions,
            offsets: this.offsets,
            policy: this.policy,
            reader: this.reader,
            strategy: resolveStrategy(o.allocation, o.allocationOptions),
            onAssign: o.onAssign,
            onRevoke: o.onRevoke,
        });
    }
    get group() {
        return this.ctx.group;
    }
    /** Registration used by heartbeats and broker requests. */
    registration() {
        const consumeFrom = this.ctx.options.consumeFrom;
        return {
            group: this.group,
            consumeType: this.policy.consumeType,
            messageModel: this.ctx.broadcasting ? 'BROADCASTING' : 'CLUSTERING',
            consumeFromWhere: consumeFrom === 'first' ? 'CONSUME_FROM_FIRST_OFFSET' : consumeFrom === 'last' ? 'CONSUME_FROM_LAST_OFFSET' : 'CONSUME_FROM_TIMESTAMP',
            subscriptions: () => this.subscriptions.list(),
            onConsumerIdsChanged: () => this.rebalancer.trigger('broker notified: members changed'),
            onResetOffset: (topic, offsets, byTime) => this.resetOffsets(topic, offsets, byTime),
            consumerStatus: (topic) => [...this.rebalancer.table.values()].filter((pq) => pq.mq.topic === topic).map((pq) => [pq.mq, this.offsets.readMemory(pq.mq)]),
            ...this.policy.registration,
        };
    }
    /** Connect: routes of the subscribed topics, heartbeats, offsets file; then the first rebalance. */
    async start() {
        this.cluster.registerConsumer(this.registration());
        for (const topic of this.subscriptions.requiredTopics()) {
            await this.cluster.subscribeQueues(topic); // throws ERR_TOPIC_NOT_FOUND / ERR_NAMESERVER_UNREACHABLE
        }
        await this.checkSubscriptions();
        await this.offsets.load();
        this.cluster.start();
        await this.cluster.sendHeartbeatToAllBrokers();
        await this.rebalancer.start();
    }
    /**
     * Java checkClientInBroker: each SQL92 subscription is compiled by a broker of its topic before the first heartbeat,
     * so a bad expression fails start() (ERR_INVALID_SUBSCRIPTION) instead of leaving the queues silently empty.
     */
    async checkSubscriptions() {
        for (const s of this.subscriptions.list()) {
            if (s.expressionType !== 'SQL92')
                continue;
            const route = await this.cluster.getRoute(s.topic);
            const bd = route?.brokerDatas.find((b) => b.brokerAddrs.size > 0);
            const address = bd === undefined ? undefined : (bd.brokerAddrs.get(0) ?? [...bd.brokerAddrs.values()][0]);
            if (address === undefined)
                continue;
            await checkClientConfig(this.cluster.remoting, address, { clientId: this.cluster.clientId, group: this.group, subscription: s });
        }
    }
    /** Run `task` every `intervalMs` until close; failures are logged. */
    every(intervalMs, task) {
        this.cluster.every(intervalMs, task);
    }
    /** A snapshot of the owned queues (no request). */
    metrics() {
        const m = consumerMetrics(this.ctx.group, this.rebalancer.table.values(), this.offsets, this.policy);
        if (this.tracer)
            m.trace = this.tracer.stats();
        return m;
    }
    assignment() {
        return this.rebalancer.assignment();
    }
    /** Write the in-memory offsets of the owned queues to the store. */
    async persistOffsets(oneway) {
        const mqs = [...this.rebalancer.table.values()].map((pq) => pq.mq);
        const done = await this.offsets.persistAll(mqs, { oneway });
        if (done.length > 0)
            this.ctx.emit('offset.committed', { offsets: done });
        return done;
    }
    /**
     * RESET_CONSUMER_CLIENT_OFFSET: restart the owned queues of the topic at the given offsets. Offsets a 4.x broker
     * computed for a reset by time (`byTime`: the message nearest to the time) are corrected to the first message stored
     * at or after it, as a 5.x broker computes them; a correction more than one message past the broker's offset is not
     * taken (a reset without force, where the broker kept an older committed offset).
     */
    async resetOffsets(topic, offsets, byTime) {
        for (const [mq, sent] of offsets) {
            if (mq.topic !== topic)
                continue;
            const pq = this.rebalancer.table.get(mqKey(mq));
            if (!pq)
                continue;
            let offset = sent;
            if (byTime !== undefined) {
                const corrected = await correctNearest(this.cluster.remoting, byTime.address, mq, byTime.timestamp, sent, { group: this.group, timeoutMs: this.ctx.options.requestTimeoutMs }).catch((e) => {
                    this.ctx.logger.warn({ queue: mqKey(mq), offset: sent, err: e }, 'could not correct the 4.x reset offset; using the broker\'s');
                    return sent;
                });
                if (corrected <= sent + 1)
                    offset = corrected;
            }
            pq.drop();
            await this.policy.drain([pq], timeoutSignal(10_000));
            this.offsets.update(mq, offset, false);
            await this.offsets.persist(mq).catch(() => false);
            this.rebalancer.restartQueue(mq, offset);
        }
    }
    /** Stop pulling: no more passes, every reader's in-flight pull aborted. */
    stop() {
        this.rebalancer.stop();
    }
    /** After stop() and the policy's drain: commit (sync), release, unregister, close connections. */
    async shutdown() {
        await this.rebalancer.idle();
        const pqs = [...this.rebalancer.table.values()];
        const committed = await this.rebalancer.commit(pqs);
        if (committed.length > 0)
            this.ctx.emit('offset.committed', { offsets: committed });
        await this.policy
            .released?.(pqs.map((pq) => pq.mq), { closing: true })
            .catch((e) => this.ctx.report(toRocketMQError(e, 'ERR_BROKER', 'releasing queues at close failed')));
        // The last SubAfter records go out before the connections close (bounded; what is left is counted as dropped).
        await this.tracer?.close(this.ctx.options.requestTimeoutMs);
        await this.cluster.close();
        return committed;
    }
    /** Undo a failed start: stop and close connections. */
    async abort() {
        this.stop();
        await this.tracer?.close(0);
        await this.cluster.close().catch(() => undefined);
    }
}
//# sourceMappingURL=member.js.map