/**
 * Which queues a POP member pops (Java RebalanceImpl with clientRebalance=false): the group's request mode is set to
 * POP on the topic's brokers (SET_MESSAGE_REQUEST_MODE), then QUERY_ASSIGNMENT asks a broker for this member's queues:
 * every queue as queueId -1 (one POP per broker covers all), or its share. One POP loop runs per assigned queue; loops
 * start and stop as the answer changes. Passes are serialized; a trigger while one is queued is folded into it.
 */
import { RocketMQError, isRocketMQError, toRocketMQError } from '../../errors.js';
import { queryAssignment, setMessageRequestMode } from '../../cluster/pop-api.js';
import { MASTER_ID, compareMessageQueues, mqKey } from '../../protocol/route.js';
import { ResponseCode } from '../../remoting/codes.js';
/**
 * REQUEST_CODE_NOT_SUPPORTED to a POP request: a 4.x broker, or the 5.x proxy's remoting port (it forwards neither
 * SET_MESSAGE_REQUEST_MODE nor QUERY_ASSIGNMENT, and answers no ACK_MESSAGE): ERR_UNSUPPORTED_VERSION saying so.
 */
export function popUnsupported(e, address) {
    if (!isRocketMQError(e) || e.context.responseCode !== ResponseCode.REQUEST_CODE_NOT_SUPPORTED)
        return e;
    return new RocketMQError('ERR_UNSUPPORTED_VERSION', `${address} does not serve POP (request code ${String(e.context.requestCode)} not supported): POP needs RocketMQ 5.x brokers reached directly (nameServer of the cluster); the 5.x proxy's remoting port forwards no POP requests. Through a proxy use its gRPC port (the proxy option), or leave pop out`, { cause: e, context: { ...e.context, address } });
}
export class PopAssignment {
    d;
    pollers = new Map();
    chain = Promise.resolve();
    pending = false;
    constructor(d) {
        this.d = d;
    }
    /** The assigned POP queues, sorted (queueId -1: every queue of that broker). */
    queues() {
        return [...this.pollers.values()].map((p) => p.mq).sort(compareMessageQueues);
    }
    /** SET_MESSAGE_REQUEST_MODE POP on every master that serves the topic (what `mqadmin setConsumeMode -c` does). */
    async setRequestMode(topic) {
        const { ctx, options } = this.d;
        const route = await ctx.cluster.getRoute(topic);
        const brokers = new Set(route?.queueDatas.map((q) => q.brokerName) ?? []);
        for (const bd of route?.brokerDatas ?? []) {
            const master = bd.brokerAddrs.get(MASTER_ID);
            if (!brokers.has(bd.brokerName) || master === undefined)
                continue;
            await setMessageRequestMode(ctx.cluster.remoting, master, { topic, group: options.group, mode: 'POP', popShareQueueNum: this.d.pop.shareQueues }, options.requestTimeoutMs).catch((e) => {
                throw popUnsupported(e, master);
            });
        }
    }
    /** Asks for a pass soon (folded into one already queued). */
    trigger(reason) {
        if (!this.d.isRunning() || this.pending)
            return;
        this.pending = true;
        this.d.ctx.logger.debug({ group: this.d.options.group, reason }, 'POP assignment requested');
        void this.serialize(async () => {
            this.pending = false;
            await this.assign();
        }).catch((e) => this.d.ctx.report(toRocketMQError(e, 'ERR_BROKER', 'POP assignment failed')));
    }
    /** One pass now (after the one under way). At start (`first`), a server that does not do POP at all throws. */
    pass(first = false) {
        return this.serialize(() => this.assign(first));
    }
    /** Stops every POP loop (close). */
    stopLoops() {
        for (const p of this.pollers.values())
            p.controller.abort();
    }
    /** Resolves when the pass under way and those queued, if any, are over. */
    idle() {
        return this.chain;
    }
    serialize(run) {
        const p = this.chain.then(run, run);
        this.chain = p.then(() => undefined, () => undefined);
        return p;
    }
    /** One QUERY_ASSIGNMENT per topic; start and stop POP loops to match. Resolves true when every topic answered. */
    async assign(first = false) {
        const { ctx, options, subscriptions } = this.d;
        if (!this.d.isRunning())
            return false;
        const desired = new Map();
        const answered = new Set();
        for (const topic of subscriptions.topics()) {
            try {
                const got = await this.queryTopic(topic);
                if (got === undefined)
                    continue;
                for (const mq of got)
                    desired.set(mqKey(mq), mq);
                answered.add(topic);
            }
            catch (e) {
                // At start, a server that does not do POP at all fails start() (it will not get better).
                if (first && isRocketMQError(e) && e.code === 'ERR_UNSUPPORTED_VERSION')
                    throw e;
                ctx.logger.warn({ group: options.group, topic, err: e }, 'QUERY_ASSIGNMENT failed; keeping the current POP queues');
            }
        }
        if (!this.d.isRunning())
            return false;
        const removed = [];
        for (const [key, p] of this.pollers) {
            if (answered.has(p.mq.topic) && !desired.has(key)) {
                p.controller.abort();
                this.pollers.delete(key);
                removed.push(p.mq);
            }
        }
        const added = [];
        for (const [key, mq] of desired) {
            if (this.pollers.has(key))
                continue;
            const p = { mq, controller: new AbortController() };
            this.pollers.set(key, p);
            added.push(mq);
            this.d.startLoop(p);
        }
        if (added.length > 0 || removed.length > 0) {
            ctx.logger.info({ group: options.group, added: added.map(mqKey), removed: removed.map(mqKey) }, 'POP assignment changed');
            ctx.emit('rebalance.completed', { added, removed, assignment: this.queues() });
        }
        return answered.size === [...subscriptions.topics()].length;
    }
    /** Ask a broker of the topic (a random master first, the others if it fails). undefined: no answer yet. */
    async queryTopic(topic) {
        const { ctx, options } = this.d;
        const route = await ctx.cluster.getRoute(topic);
        const masters = (route?.brokerDatas ?? []).map((b) => b.brokerAddrs.get(MASTER_ID)).filter((a) => a !== undefined);
        if (masters.length === 0)
            return undefined;
        const first = Math.floor(Math.random() * masters.length);
        let lastError;
        for (let i = 0; i < masters.length; i++) {
            const address = masters[(first + i) % masters.length];
            try {
                const got = await queryAssignment(ctx.cluster.remoting, address, { topic, group: options.group, clientId: ctx.cluster.clientId, strategyName: options.allocation === 'averagely-by-circle' ? 'AVG_BY_CIRCLE' : 'AVG' }, options.requestTimeoutMs);
                return got?.map((a) => a.queue);
            }
            catch (e) {
                lastError = popUnsupported(e, address);
            }
        }
        throw lastError;
    }
}
//# sourceMappingURL=pop-assignment.js.map