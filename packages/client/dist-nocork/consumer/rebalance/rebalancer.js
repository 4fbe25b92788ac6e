/**
 * The rebalancer: which queues this member owns, and the moves between assignments. Triggers coalesce into one
 * serialized pass; a pass computes the wanted queues per subscribed topic (allocation strategy over the group's
 * members, or every queue in broadcasting), then revokes first (stop pulling, drain in-flight messages up to
 * `revokeTimeoutMs`, commit, onRevoke, release) and assigns after (start offsets, policy admission, onAssign with
 * seek, start readers). Both hooks are bounded by `hookTimeoutMs`. Assign mode (`assignManually`) replaces the group
 * rebalance with a fixed list.
 */
import { RocketMQError, isRocketMQError, toRocketMQError } from '../../errors.js';
import { compareMessageQueues, mqKey } from '../../protocol/route.js';
import { ProcessQueue } from '../process-queue.js';
import { resolveStartOffset } from '../start-offset.js';
import { allocateQueues } from './strategies.js';
import { timeoutSignal } from '../../util/async.js';
/** Retry soon when a pass could not finish (member not yet listed, start offsets unknown). */
const RETRY_PASS_MS = 1000;
export class Rebalancer {
    deps;
    /** The owned queues by mqKey. */
    table = new Map();
    running = false;
    timer;
    chain = Promise.resolve();
    pending = false;
    /** Queues assigned by hand (assign mode); no group rebalance then. */
    manual;
    constructor(deps) {
        this.deps = deps;
    }
    /** Starts periodic passes and runs the first one. */
    async start() {
        this.running = true;
        this.timer = this.deps.ctx.cluster.every(this.deps.ctx.options.rebalanceIntervalMs, () => this.trigger('periodic'));
        if (this.manual)
            await this.applyManual(this.manual);
        else
            await this.rebalance();
    }
    /** Stop rebalancing and pulling: every owned queue is dropped (its reader's pull is aborted). */
    stop() {
        this.running = false;
        if (this.timer)
            clearInterval(this.timer);
        for (const pq of this.table.values())
            pq.drop();
    }
    /** Resolves when no pass is running. */
    idle() {
        return this.chain.catch(() => undefined);
    }
    assignment() {
        return [...this.table.values()].map((pq) => pq.mq).sort(compareMessageQueues);
    }
    /** Ask for a pass soon; concurrent triggers coalesce into one pass. */
    trigger(reason) {
        if (!this.running || this.manual || this.pending)
            return;
        this.pending = true;
        this.deps.ctx.logger.debug({ group: this.deps.ctx.group, reason }, 'rebalance requested');
        this.rebalance().catch((e) => this.deps.ctx.report(toRocketMQError(e, 'ERR_BROKER', 'rebalance failed')));
    }
    /** One serialized pass (waits for the one running). */
    rebalance() {
        return this.serialize(async () => {
            this.pending = false;
            if (!this.running || this.manual)
                return;
            await this.pass();
        });
    }
    /** Assign mode: own exactly `queues` from now on (applied at once when started). */
    async assignManually(queues) {
        this.manual = queues.map((q) => ({ topic: q.topic, brokerName: q.brokerName, queueId: q.queueId }));
        if (this.running)
            await this.applyManual(this.manual);
    }
    applyManual(mqs) {
        return this.serialize(async () => {
            const { ctx, subscriptions } = this.deps;
            for (const mq of mqs) {
                subscriptions.addAll(mq.topic);
                await ctx.cluster.getRoute(mq.topic);
            }
            await ctx.cluster.sendHeartbeatToAllBrokers();
            await this.apply(mqs);
        });
    }
    serialize(run) {
        const p = this.chain.then(run, run);
        this.chain = p.catch(() => undefined);
        return p;
    }
    async pass() {
        const { ctx, subscriptions, strategy } = this.deps;
        const desired = [];
        const done = new Set();
        let unlisted = false;
        for (const topic of subscriptions.topics()) {
            try {
                const all = await ctx.cluster.subscribeQueues(topic).catch((e) => {
                    if (topic === subscriptions.retryTopic && isRocketMQError(e) && e.code === 'ERR_TOPIC_NOT_FOUND')
                        return [];
                    throw e;
                });
                const sorted = [...all].sort(compareMessageQueues);
                if (ctx.broadcasting || sorted.length === 0) {
                    desired.push(...sorted);
                    done.add(topic);
                    continue;
                }
                const members = await ctx.cluster.consumerIdList(ctx.group, topic);
                if (members.length === 0)
                    continue;
                if (!members.includes(ctx.cluster.clientId))
                    unlisted = true;
                desired.push(...(await allocateQueues(strategy, { group: ctx.group, topic, queues: sorted, clientIds: members, clientId: ctx.cluster.clientId })));
                done.add(topic);
            }
            catch (e) {
                // A topic the broker ACL refused (reported on `error` by the client): its queues are released.
                if (isRocketMQError(e) && e.code === 'ERR_FORBIDDEN' && e.context.topic === topic)
                    done.add(topic);
                else
                    ctx.logger.warn({ group: ctx.group, topic, err: e }, 'rebalance of topic failed; keeping its queues');
            }
        }
        await this.apply(desired, (mq) => done.has(mq.topic));
        if (unlisted)
            this.retrySoon('not yet in member list');
    }
    retrySoon(reason) {
        setTimeout(() => this.trigger(reason), RETRY_PASS_MS).unref();
    }
    /** Move from the current queues to `desired` (restricted to topics `inScope`): revoke first, then assign. */
    async apply(desired, inScope = () => true) {
        const { ctx } = this.deps;
        const want = new Map(desired.map((mq) => [mqKey(mq), mq]));
        const removed = [...this.table.values()].filter((pq) => inScope(pq.mq) && !want.has(pq.key));
        const added = [...want.entries()].filter(([k]) => !this.table.has(k)).map(([, mq]) => mq);
        if (removed.length === 0 && added.length === 0)
            return;
        ctx.emit('rebalance.started', { added, removed: removed.map((pq) => pq.mq) });
        if (removed.length > 0)
            await this.revoke(removed);
        const assigned = added.length > 0 ? await this.assign(added) : [];
        const ev = { added: assigned, removed: removed.map((pq) => pq.mq), assignment: this.assignment() };
        ctx.logger.info({ group: ctx.group, added: assigned.map(mqKey), removed: ev.removed.map(mqKey) }, 'rebalanced');
        ctx.emit('rebalance.completed', ev);
        // Java bumps the subscription version and heartbeats at once after a change.
        ctx.cluster.sendHeartbeatToAllBrokers().catch(() => undefined);
    }
    /** Release queues: stop pulling, drain (bounded), commit, onRevoke (bounded), then forget them. */
    async revoke(pqs) {
        const { ctx, policy, offsets } = this.deps;
        for (const pq of pqs)
            pq.drop();
        await policy.drain(pqs, timeoutSignal(ctx.options.revokeTimeoutMs));
        const committed = await this.commit(pqs);
        if (committed.length > 0)
            ctx.emit('offset.committed', { offsets: committed });
        const mqs = pqs.map((pq) => pq.mq);
        if (this.deps.onRevoke) {
            const onRevoke = this.deps.onRevoke;
            await this.hook('onRevoke', (signal) => onRevoke(mqs, { signal }));
        }
        for (const pq of pqs) {
            this.table.delete(pq.key);
            offsets.remove(pq.mq);
        }
        await policy.released?.(mqs, { closing: false }).catch((e) => ctx.report(toRocketMQError(e, 'ERR_BROKER', 'releasing revoked queues failed')));
    }
    /** Store the policy's release offsets of these queues and write them to the offset store. */
    async commit(pqs) {
        const { policy, offsets } = this.deps;
        for (const pq of pqs) {
            const off = policy.releaseOffset(pq);
            if (off >= 0)
                offsets.update(pq.mq, off, true);
        }
        return offsets.persistAll(pqs.map((pq) => pq.mq), { verify: true });
    }
    /** Take queues: start offsets, policy admission, onAssign (may seek), then a reader per queue. */
    async assign(mqs) {
        const { ctx, offsets, policy } = this.deps;
        const starts = new Map();
        await Promise.all(mqs.map(async (mq) => {
            try {
                starts.set(mqKey(mq), await resolveStartOffset(mq, { cluster: ctx.cluster, group: ctx.group, offsets, consumeFrom: ctx.options.consumeFrom }));
            }
            catch (e) {
                ctx.logger.warn({ topic: mq.topic, broker: mq.brokerName, queueId: mq.queueId, err: e }, 'cannot compute start offset; retrying at the next rebalance');
            }
        }));
        let ready = mqs.filter((mq) => starts.has(mqKey(mq)));
        if (policy.admit && ready.length > 0) {
            const admitted = new Set((await policy.admit(ready)).map(mqKey));
            ready = ready.filter((mq) => admitted.has(mqKey(mq)));
        }
        if (this.deps.onAssign && ready.length > 0) {
            const onAssign = this.deps.onAssign;
            let open = true;
            await this.hook('onAssign', (signal) => onAssign(ready, {
                signal,
                seek: (queue, offset) => {
                    if (!open)
                        throw new RocketMQError('ERR_INVALID_OPTION', 'seek() is only possible while onAssign runs (before hookTimeoutMs)');
                    if (!Number.isInteger(offset) || offset < 0)
                        throw new RocketMQError('ERR_INVALID_OPTION', `seek offset must be a non-negative integer, got ${offset}`);
                    starts.set(mqKey(queue), offset);
                },
            }));
            open = false;
        }
        for (const mq of ready)
            this.startQueue(mq, starts.get(mqKey(mq)));
        if (ready.length < mqs.length && !this.manual)
            this.retrySoon('queues not taken yet');
        return ready;
    }
    /** Await a user hook up to hookTimeoutMs; a throw or a timeout is reported and the pass goes on. */
    async hook(name, run) {
        const { ctx } = this.deps;
        const limit = ctx.options.hookTimeoutMs;
        const controller = new AbortController();
        let timer;
        const timeout = new Promise((resolve) => (timer = setTimeout(() => resolve('timeout'), limit)));
        try {
            const outcome = await Promise.race([Promise.resolve().then(() => run(controller.signal)), timeout]);
            if (outcome === 'timeout') {
                const err = new RocketMQError('ERR_TIMEOUT', `${name} hook did not finish within ${limit} ms (hookTimeoutMs); the rebalance went on`, { context: { group: ctx.group } });
                controller.abort(err);
                ctx.report(err);
            }
        }
        catch (e) {
            ctx.report(toRocketMQError(e, 'ERR_BROKER', `${name} hook failed`, { group: ctx.group }));
        }
        finally {
            clearTimeout(timer);
        }
    }
    startQueue(mq, offset) {
        const pq = new ProcessQueue(mq, mqKey(mq));
        pq.nextOffset = offset;
        this.deps.offsets.update(mq, offset, false);
        this.table.set(pq.key, pq);
        this.deps.reader.start(pq);
        return pq;
    }
    /** Replace an owned queue's reader, starting at `offset`; undefined when the queue is not owned. */
    restartQueue(mq, offset) {
        const old = this.table.get(mqKey(mq));
        if (!old || !this.running)
            return undefined;
        old.drop();
        const fresh = this.startQueue(old.mq, offset);
        fresh.paused = old.paused;
        return fresh;
    }
    /** OFFSET_ILLEGAL: the dropped queue resumes at the broker's offset (assign mode) or after a new pass. */
    offsetMoved(pq, nextOffset) {
        if (this.table.get(pq.key) !== pq)
            return;
        if (this.manual && this.running) {
            this.startQueue(pq.mq, nextOffset).paused = pq.paused;
            return;
        }
        this.table.delete(pq.key);
        this.deps.offsets.remove(pq.mq);
        this.trigger('offset moved');
    }
}
//# sourceMappingURL=rebalancer.js.map