import { parseOptions } from '../config/common.js';
import { pushConsumerOptionsSchema } from '../config/consumer.js';
import { RocketMQError } from '../errors.js';
import { timeoutSignal } from '../util/async.js';
import { Member } from './member.js';
import { concurrentMaxReconsumeTimes, PushPolicy } from './push-policy.js';
import { withPayload } from './payload.js';
import { consumerSendMessageBack } from '../cluster/broker-api.js';
import { OrderedPolicy } from './orderly/ordered-policy.js';
import { unwrapView, wrapNamespace } from '../protocol/namespace.js';
import { NamespaceEdge } from './namespace-edge.js';
export class RemotingPushEngine {
    options;
    member;
    policy;
    /** Set with the `namespace` option: maps every name the application sees (namespace-edge.ts). */
    edge;
    startPromise;
    closePromise;
    constructor(input, events, deps = {}, onFailed) {
        this.options = parseOptions(pushConsumerOptionsSchema, input, 'PushConsumer');
        // The namespace edge: the member sees wrapped group and topics; handlers, callbacks and events get plain names back.
        const edge = (this.edge = NamespaceEdge.of(this.options.namespace));
        if (edge)
            events = edge.events(events);
        // Typed payloads and dedupe wrap outermost: they see the wire view (a dead-lettered message names its real topic);
        // their events go out through the edge like every other event.
        const options = withPayload(edge ? namespacedPushOptions(edge, this.options) : this.options, {
            deadLetter: this.options.model === 'broadcasting' ? undefined : (m) => this.deadLetter(m),
            emit: (name, e) => {
                if (events.listenerCount(name) > 0)
                    events.emit(name, e);
                else if (name === 'payload.rejected')
                    this.member.ctx.logger.warn({ err: e.error }, 'payload rejected');
            },
        });
        let policy;
        this.member = new Member({
            options,
            events: events,
            cluster: deps.cluster,
            onFailed,
            // `ordering: 'queue' | 'key'`: the ordered policy (broker queue locks, consumer/orderly) instead of concurrent handlers.
            policy: (host) => (policy = options.ordering === 'none' ? new PushPolicy(host, options, events) : new OrderedPolicy(host, options, events)),
        });
        this.policy = policy;
    }
    get clientId() {
        return this.member.cluster.clientId;
    }
    start() {
        if (this.closePromise)
            return Promise.reject(new RocketMQError('ERR_CLOSED', 'The consumer is closed; create a new one'));
        this.startPromise ??= (async () => {
            await this.member.start();
            this.member.every(this.options.persistOffsetIntervalMs, () => this.member.persistOffsets(true));
        })().catch(async (e) => {
            await this.member.abort();
            throw this.edge ? this.edge.error(e) : e;
        });
        return this.startPromise;
    }
    metrics() {
        const m = this.member.metrics();
        const edge = this.edge;
        return edge ? { ...m, group: edge.unwrap(m.group), queues: m.queues.map((q) => ({ ...q, queue: edge.unwrapQueue(q.queue) })) } : m;
    }
    assignment() {
        const edge = this.edge;
        const queues = this.member.assignment();
        return edge ? queues.map((q) => edge.unwrapQueue(q)) : queues;
    }
    rebalance() {
        const edge = this.edge;
        const done = this.member.rebalancer.rebalance();
        return edge ? done.catch((e) => Promise.reject(edge.error(e))) : done;
    }
    /** Straight to %DLQ%<group>: a send-back with delay level -1 (the broker's rule for "no more retries"). */
    async deadLetter(m) {
        const cluster = this.member.cluster;
        const address = await cluster.findMasterAddressOrRefresh(m.brokerName, m.topic);
        await consumerSendMessageBack(cluster.remoting, address, {
            group: wrapNamespace(this.options.namespace, this.options.group),
            commitLogOffset: m.commitLogOffset,
            delayLevel: -1,
            originMsgId: m.msgId,
            originTopic: m.topic,
            maxReconsumeTimes: concurrentMaxReconsumeTimes(this.options.maxReconsumeTimes),
            brokerName: m.brokerName,
        });
    }
    close(opts) {
        this.closePromise ??= (async () => {
            await this.startPromise?.catch(() => undefined);
            this.member.stop();
            const { drained, abandoned } = await this.policy.close(timeoutSignal(opts.timeoutMs ?? this.options.closeTimeoutMs));
            const committed = await this.member.shutdown();
            const edge = this.edge;
            return { drained, abandoned, committed: edge ? committed.map((c) => ({ ...c, queue: edge.unwrapQueue(c.queue) })) : committed };
        })();
        return this.closePromise;
    }
}
/**
 * Options as the member sees them under a namespace: wrapped group and topics; handlers that get unwrapped messages;
 * callbacks (onAssign, onRevoke, a custom allocation, undecodable) that see and give plain names.
 */
function namespacedPushOptions(edge, o) {
    const ns = edge.namespace;
    const group = o.group;
    const context = (c) => ({
        get signal() {
            return c.signal;
        },
        queue: edge.unwrapQueue(c.queue),
        group,
    });
    const handler = o.handler;
    const batchHandler = o.batchHandler;
    return {
        ...o,
        group: edge.wrap(o.group),
        subscriptions: Object.fromEntries(Object.entries(o.subscriptions).map(([t, e]) => [edge.wrap(t), e])),
        allocation: edge.allocation(o.allocation),
        onAssign: edge.onAssign(o.onAssign),
        onRevoke: edge.onRevoke(o.onRevoke),
        undecodable: edge.undecodable(o.undecodable),
        ...(handler === undefined ? {} : { handler: (m, c) => handler(unwrapView(ns, m), context(c)) }),
        ...(batchHandler === undefined ? {} : { batchHandler: (ms, c) => batchHandler(ms.map((m) => unwrapView(ns, m)), context(c)) }),
    };
}
//# sourceMappingURL=remoting-engine.js.map