/**
 * The queue readers: one long-polling pull loop per owned queue, with flow control (per queue, per topic, offset
 * span, and the policy's own gate), the master/slave choice (suggestWhichBrokerId, readFromBrokerId, fallback when a
 * broker is unreachable), pull result handling and error back-off. A loop that crashes is reported and restarted with
 * back-off for as long as its queue is owned; a queue never stays owned but dead.
 */
import { RocketMQError, isRocketMQError, isTransportError, toRocketMQError } from '../errors.js';
import { PullSysFlag, pullMessage } from '../cluster/broker-api.js';
import { MASTER_ID } from '../protocol/route.js';
import { ResponseCode } from '../remoting/codes.js';
import { backoff, delay } from '../util/async.js';
/** Java pullTimeDelayMillsWhenException. */
const PULL_DELAY_ON_ERROR_MS = 3000;
/** After the broker's own flow control (SYSTEM_BUSY-like 215). */
const PULL_DELAY_ON_FLOW_CONTROL_MS = 20;
/** A crashed loop restarts after 1 s, 2 s, 4 s ... at most 30 s. */
const RESTART_BASE_MS = 1000;
const RESTART_MAX_MS = 30_000;
/** Empty answers that come back at once without moving the offset are a broken broker, not long polling. */
const FAST_EMPTY_MS = 100;
const FAST_EMPTY_TOLERATED = 3;
/** A stalled undecodable message is tried again after 3 s, doubling to 60 s. */
const UNDECODABLE_BASE_MS = 3000;
const UNDECODABLE_MAX_MS = 60_000;
export class QueueReader {
    deps;
    lastFlowControlEvent = 0;
    /** Topics whose pulls the broker ACL refused, reported once each until a pull of the topic succeeds again. */
    refusedTopics = new Set();
    constructor(deps) {
        this.deps = deps;
    }
    /** Pull `pq` until it is dropped. */
    start(pq) {
        void this.supervise(pq);
    }
    async supervise(pq) {
        let crashes = 0;
        while (!pq.dropped) {
            const startedAt = Date.now();
            try {
                await this.loop(pq);
                return;
            }
            catch (e) {
                if (pq.dropped)
                    return;
                if (Date.now() - startedAt > 60_000)
                    crashes = 0;
                const wait = backoff(crashes++, RESTART_BASE_MS, RESTART_MAX_MS);
                this.deps.ctx.report(toRocketMQError(e, 'ERR_BROKER', `queue reader of ${pq.key} crashed; restarting in ${wait} ms`, {
                    topic: pq.mq.topic,
                    broker: pq.mq.brokerName,
                    queueId: pq.mq.queueId,
                    group: this.deps.ctx.group,
                }));
                await delay(wait, pq.signal);
            }
        }
    }
    limits(pq) {
        const o = this.deps.ctx.options;
        let count = o.pullThresholdForQueue;
        let bytes = o.pullThresholdSizeForQueueMiB * 1024 * 1024;
        if (o.pullThresholdForTopic !== undefined || o.pullThresholdSizeForTopicMiB !== undefined) {
            let n = 0;
            for (const q of this.deps.queues())
                if (q.mq.topic === pq.mq.topic)
                    n++;
            n = Math.max(1, n);
            if (o.pullThresholdForTopic !== undefined)
                count = Math.max(1, Math.floor(o.pullThresholdForTopic / n));
            if (o.pullThresholdSizeForTopicMiB !== undefined)
                bytes = Math.max(1, Math.floor((o.pullThresholdSizeForTopicMiB * 1024 * 1024) / n));
        }
        return { count, bytes };
    }
    async loop(pq) {
        const { ctx, policy } = this.deps;
        const signal = pq.signal;
        let fastEmpty = 0;
        while (!pq.dropped) {
            if (pq.paused || !policy.canPull(pq)) {
                await pq.waitForChange(signal);
                continue;
            }
            const limits = this.limits(pq);
            const span = pq.span();
            if (pq.count > limits.count || pq.bytes > limits.bytes || span > policy.maxSpan) {
                const now = Date.now();
                if (now - this.lastFlowControlEvent > 1000 && ctx.listening('pull.throttled')) {
                    this.lastFlowControlEvent = now;
                    ctx.emit('pull.throttled', { queue: pq.mq, cachedCount: pq.count, cachedBytes: pq.bytes, span });
                }
                await pq.waitForChange(signal);
                continue;
            }
            let result;
            let address;
            const offsetBefore = pq.nextOffset;
            const sentAt = Date.now();
            try {
                const target = this.target(pq);
                address = target.address;
                result = await this.pull(pq, target.address, target.brokerId, signal);
                this.refusedTopics.delete(pq.mq.topic);
                if (ctx.listening('pull.completed')) {
                    ctx.emit('pull.completed', {
                        queue: pq.mq,
                        status: result.status,
                        messages: result.messages.length,
                        sentAt,
                        durationMs: Date.now() - sentAt,
                        brokerId: target.brokerId,
                        address: target.address,
                        nextOffset: result.nextBeginOffset,
                    });
                }
            }
            catch (e) {
                if (pq.dropped)
                    return;
                if (isRocketMQError(e) && e.code === 'ERR_MESSAGE_DECODE')
                    await this.undecodable(pq, e);
                else
                    await this.pullFailed(pq, e, address);
                continue;
            }
            if (pq.dropped)
                return;
            try {
                this.handle(pq, result);
            }
            catch (e) {
                // A lazily decoded field (tags, properties) failed while checking the subscription: the same policy.
                if (!isRocketMQError(e) || e.code !== 'ERR_MESSAGE_DECODE')
                    throw e;
                await this.undecodable(pq, e);
                continue;
            }
            // A broker that answers "nothing" at once, again and again, without moving the offset, is not long polling.
            if (result.messages.length === 0 && pq.nextOffset === offsetBefore && Date.now() - sentAt < FAST_EMPTY_MS) {
                if (++fastEmpty > FAST_EMPTY_TOLERATED)
                    await delay(backoff(fastEmpty - FAST_EMPTY_TOLERATED - 1, 100, PULL_DELAY_ON_ERROR_MS), signal);
            }
            else {
                fastEmpty = 0;
            }
        }
    }
    /**
     * A pull whose answer cannot be decoded. A batch is narrowed down first (pulls of one message from the same offset);
     * the message at the offset is then reported on `error` every attempt and stalled (back-off) or skipped, as the
     * `undecodable` option says. Nothing is skipped silently.
     */
    async undecodable(pq, cause) {
        const { ctx } = this.deps;
        if (!pq.pullOne && ctx.options.pullBatchSize > 1) {
            pq.pullOne = true;
            return;
        }
        const attempts = ++pq.undecodableAttempts;
        const offset = pq.nextOffset;
        const info = {
            queue: pq.mq,
            offset,
            attempts,
            error: new RocketMQError('ERR_MESSAGE_DECODE', `undecodable message at offset ${offset} of ${pq.key}: ${cause.message}`, {
                cause,
                context: { ...cause.context, topic: pq.mq.topic, broker: pq.mq.brokerName, queueId: pq.mq.queueId, group: ctx.group, offset },
            }),
        };
        const choice = ctx.options.undecodable;
        let action = 'stall';
        try {
            action = typeof choice === 'function' ? await choice(info) : choice;
        }
        catch (e) {
            ctx.report(toRocketMQError(e, 'ERR_INVALID_OPTION', 'the undecodable callback threw; stalling', { group: ctx.group }));
        }
        if (action !== 'skip')
            action = 'stall';
        const wait = backoff(attempts - 1, UNDECODABLE_BASE_MS, UNDECODABLE_MAX_MS);
        info.error.context.action = action;
        info.error.context.attempts = attempts;
        info.error.message += action === 'skip' ? ' (skipped: undecodable is skip)' : ` (queue stalled; attempt ${attempts}, next in ${wait} ms)`;
        ctx.report(info.error);
        if (pq.dropped || pq.nextOffset !== offset)
            return;
        if (action === 'skip') {
            pq.nextOffset = offset + 1;
            pq.undecodableAttempts = 0;
            pq.pullOne = false;
            return;
        }
        await delay(wait, pq.signal);
    }
    async pullFailed(pq, e, address) {
        const { ctx } = this.deps;
        const err = toRocketMQError(e, 'ERR_BROKER', 'pull failed', { topic: pq.mq.topic, broker: pq.mq.brokerName, queueId: pq.mq.queueId });
        ctx.emit('pull.error', { queue: pq.mq, error: err, brokerAddress: address });
        ctx.logger.warn({ queue: pq.key, address, err }, 'pull failed');
        if ((err.code === 'ERR_FORBIDDEN' || err.code === 'ERR_AUTH') && !this.refusedTopics.has(pq.mq.topic)) {
            // A permission taken away while consuming: not something time fixes, so it is an `error` (once per topic), and a
            // heartbeat now lets the client drop the refused topic from the group (the other topics keep flowing).
            this.refusedTopics.add(pq.mq.topic);
            ctx.report(err);
            ctx.cluster.sendHeartbeatToAllBrokers().catch(() => undefined);
        }
        if (isTransportError(err) || err.code === 'ERR_BROKER_NOT_FOUND') {
            // The broker may be gone: fall back to the master/slave we still know, and refresh routes.
            pq.pullFromBrokerId = pq.pullFromBrokerId === MASTER_ID ? 1 : MASTER_ID;
            ctx.cluster.refreshRoutesSoon();
        }
        const responseCode = isRocketMQError(err) ? err.context.responseCode : undefined;
        if (responseCode === ResponseCode.SUBSCRIPTION_NOT_EXIST || responseCode === ResponseCode.SUBSCRIPTION_NOT_LATEST) {
            ctx.cluster.sendHeartbeatToAllBrokers().catch(() => undefined);
        }
        await delay(responseCode === ResponseCode.FLOW_CONTROL ? PULL_DELAY_ON_FLOW_CONTROL_MS : PULL_DELAY_ON_ERROR_MS, pq.signal);
    }
    target(pq) {
        const { cluster, options } = this.deps.ctx;
        const wanted = options.readFromBrokerId ?? pq.pullFromBrokerId;
        const found = cluster.findBrokerAddressInSubscribe(pq.mq.brokerName, wanted, false);
        // The advised node is unknown (e.g. a master that just came back): use what we have and refresh routes now.
        if (found && found.brokerId !== wanted)
            cluster.refreshRoutesSoon();
        if (!found) {
            cluster.refreshRoutesSoon();
            throw new RocketMQError('ERR_BROKER_NOT_FOUND', `No address known for broker '${pq.mq.brokerName}'`, { retriable: true, context: { broker: pq.mq.brokerName, topic: pq.mq.topic } });
        }
        return found;
    }
    pull(pq, address, brokerId, signal) {
        const { ctx, policy, subscriptions, offsets } = this.deps;
        const sub = subscriptions.get(pq.mq.topic);
        // Push piggy-backs its consumed offset on pulls (Java push); the pull consumer commits only explicitly or on its
        // auto-commit timer (Java lite pull), so a late pull can never roll back what commit() stored.
        const commitOffset = ctx.broadcasting || !policy.commitOnPull ? 0 : offsets.readMemory(pq.mq);
        let sysFlag = PullSysFlag.SUSPEND;
        if (commitOffset > 0 && brokerId === MASTER_ID)
            sysFlag |= PullSysFlag.COMMIT_OFFSET;
        // SQL92 filters always travel with the pull.
        if (sub && (sub.expressionType === 'SQL92' || policy.sendSubscriptionOnPull))
            sysFlag |= PullSysFlag.SUBSCRIPTION;
        pq.lastPullTimestamp = Date.now();
        const suspend = ctx.options.brokerSuspendMs;
        return pullMessage(ctx.cluster.remoting, address, {
            consumerGroup: ctx.group,
            mq: pq.mq,
            queueOffset: pq.nextOffset,
            maxMsgNums: pq.pullOne ? 1 : ctx.options.pullBatchSize,
            sysFlag,
            commitOffset: Math.max(0, commitOffset),
            suspendTimeoutMillis: suspend,
            subscription: sysFlag & PullSysFlag.SUBSCRIPTION ? sub?.subString : undefined,
            subVersion: sysFlag & PullSysFlag.SUBSCRIPTION && sub ? sub.subVersion : 0,
            expressionType: sub?.expressionType,
            maxMsgBytes: 256 * 1024,
        }, { timeoutMs: suspend + 15_000, signal, maxMessageBytes: ctx.options.maxMessageBytes });
    }
    handle(pq, r) {
        const { ctx, policy, subscriptions, offsets } = this.deps;
        pq.brokerMaxOffset = r.maxOffset;
        if (ctx.options.readFromBrokerId === undefined && r.suggestWhichBrokerId !== pq.pullFromBrokerId) {
            if (ctx.listening('pull.redirected')) {
                const to = ctx.cluster.findBrokerAddressInSubscribe(pq.mq.brokerName, r.suggestWhichBrokerId, false);
                if (to)
                    ctx.emit('pull.redirected', { queue: pq.mq, fromBrokerId: pq.pullFromBrokerId, toBrokerId: r.suggestWhichBrokerId, address: to.address });
            }
            pq.pullFromBrokerId = r.suggestWhichBrokerId;
        }
        switch (r.status) {
            case 'FOUND': {
                const kept = subscriptions.accept(pq.mq.topic, r.messages);
                pq.nextOffset = r.nextBeginOffset;
                pq.pullOne = false;
                pq.undecodableAttempts = 0;
                if (kept.length > 0) {
                    pq.put(kept);
                    policy.deliver(pq, kept);
                }
                else if (pq.count === 0) {
                    policy.markConsumed(pq, pq.nextOffset);
                }
                return;
            }
            case 'NO_NEW_MSG':
            case 'NO_MATCHED_MSG':
                pq.nextOffset = r.nextBeginOffset;
                if (pq.count === 0)
                    policy.markConsumed(pq, r.nextBeginOffset);
                return;
            case 'OFFSET_ILLEGAL': {
                ctx.logger.warn({ queue: pq.key, offset: pq.nextOffset, next: r.nextBeginOffset }, 'pull offset moved');
                ctx.emit('offset.moved', { queue: pq.mq, nextOffset: r.nextBeginOffset });
                pq.nextOffset = r.nextBeginOffset;
                // Java drops the queue, persists the corrected offset and rebalances; the new reader resumes there.
                pq.drop();
                offsets.update(pq.mq, r.nextBeginOffset, false);
                offsets
                    .persist(pq.mq)
                    .catch(() => undefined)
                    .finally(() => this.deps.offsetMoved(pq, r.nextBeginOffset));
                return;
            }
        }
    }
}
//# sourceMappingURL=queue-reader.js.map