import { RocketMQError, toRocketMQError } from '../../errors.js';
import { silentLogger } from '../../logger.js';
import { parseOptions } from '../../config/common.js';
import { pushConsumerOptionsSchema } from '../../config/consumer.js';
import { delay, timeoutSignal } from '../../util/async.js';
import { consumerCluster, createContext } from '../context.js';
import { HandlerPool } from '../handler-pool.js';
import { withPayload } from '../payload.js';
import { concurrentMaxReconsumeTimes } from '../push-policy.js';
import { Subscriptions } from '../subscriptions.js';
import { PopAcker } from './pop-acker.js';
import { PopAssignment } from './pop-assignment.js';
import { HeldMessages, SWEEP_MS } from './pop-held.js';
import { popLoop } from './pop-loop.js';
/** start() waits this long for the first assignment before it resolves anyway (later passes retry). */
const FIRST_ASSIGNMENT_MS = 10_000;
export class PopPushEngine {
    options;
    cluster;
    pop;
    ctx;
    subscriptions;
    pool;
    acker;
    held;
    assigner;
    stop = new AbortController();
    maxReconsumeTimes;
    running = false;
    sweepTimer;
    startPromise;
    closePromise;
    constructor(input, events, deps = {}, onFailed) {
        this.options = parseOptions(pushConsumerOptionsSchema, input, 'PushConsumer');
        const o = this.options;
        this.pop = o.pop;
        const logger = o.logger ?? silentLogger;
        this.cluster = consumerCluster(o, logger, deps.cluster);
        this.ctx = createContext(o, this.cluster, logger, events);
        this.subscriptions = new Subscriptions(o.group, o.subscriptions, false);
        this.maxReconsumeTimes = concurrentMaxReconsumeTimes(o.maxReconsumeTimes);
        this.acker = new PopAcker({ cluster: this.cluster, group: o.group, batch: this.pop.batchAck, requestTimeoutMs: o.requestTimeoutMs, report: (e) => this.ctx.report(e) });
        const base = { ctx: this.ctx, options: o, pop: this.pop, subscriptions: this.subscriptions };
        this.held = new HeldMessages({
            ...base,
            acker: this.acker,
            events,
            maxInFlight: this.pop.maxInFlight ?? o.concurrency * o.batchSize + this.pop.batchSize,
            maxReconsumeTimes: this.maxReconsumeTimes,
            submit: (job) => this.pool.submit(job),
        });
        this.assigner = new PopAssignment({
            ...base,
            isRunning: () => this.running,
            startLoop: (p) => {
                void popLoop(p, { ...base, held: this.held, stop: this.stop.signal }).catch((e) => this.ctx.report(toRocketMQError(e, 'ERR_BROKER', 'POP loop stopped', { topic: p.mq.topic, broker: p.mq.brokerName })));
            },
        });
        // Typed payloads and dedupe wrap the handler as for queue consumption; a refused body goes to the DLQ and is acked.
        const handlers = withPayload(o, {
            deadLetter: (m) => this.held.deadLetterNow(m),
            emit: (name, e) => {
                if (events.listenerCount(name) > 0)
                    events.emit(name, e);
                else if (name === 'payload.rejected')
                    logger.warn({ err: e.error }, 'payload rejected');
            },
        });
        this.pool = new HandlerPool({
            handlers,
            group: o.group,
            model: 'clustering',
            concurrency: o.concurrency,
            handlerTimeoutMs: o.handlerTimeoutMs,
            settle: (job, error) => this.held.finish(job, error),
            report: (err) => this.ctx.report(err),
        });
        this.cluster.onRefused?.((err) => {
            this.ctx.report(err);
            this.ctx.emit('consumer.failed', err);
            onFailed?.(err);
        });
    }
    get clientId() {
        return this.cluster.clientId;
    }
    start() {
        if (this.closePromise)
            return Promise.reject(new RocketMQError('ERR_CLOSED', 'The consumer is closed; create a new one'));
        this.startPromise ??= this.doStart().catch(async (e) => {
            this.running = false;
            this.stop.abort();
            await this.cluster.close().catch(() => undefined);
            throw e;
        });
        return this.startPromise;
    }
    async doStart() {
        const o = this.options;
        this.cluster.registerConsumer({
            group: o.group,
            consumeType: 'CONSUME_PASSIVELY',
            messageModel: 'CLUSTERING',
            consumeFromWhere: o.consumeFrom === 'first' ? 'CONSUME_FROM_FIRST_OFFSET' : o.consumeFrom === 'last' ? 'CONSUME_FROM_LAST_OFFSET' : 'CONSUME_FROM_TIMESTAMP',
            subscriptions: () => this.subscriptions.list(),
            onConsumerIdsChanged: () => this.assigner.trigger('broker notified: members changed'),
            runningInfo: () => this.runningInfo(),
        });
        for (const topic of this.subscriptions.requiredTopics())
            await this.cluster.subscribeQueues(topic);
        this.cluster.start();
        await this.cluster.sendHeartbeatToAllBrokers();
        if (this.pop.setRequestMode) {
            for (const topic of this.subscriptions.topics())
                await this.assigner.setRequestMode(topic);
        }
        this.running = true;
        this.cluster.every(o.rebalanceIntervalMs, () => this.assigner.trigger('periodic'));
        this.sweepTimer = setInterval(() => this.held.sweep(), SWEEP_MS);
        this.sweepTimer.unref();
        // The broker may not list this member yet right after its first heartbeat: a few quick passes.
        const deadline = Date.now() + FIRST_ASSIGNMENT_MS;
        while (this.running && !(await this.assigner.pass(true)) && Date.now() < deadline)
            await delay(300, this.stop.signal);
    }
    // ------------------------------------------------------------------ facade
    /** The assigned POP queues (queueId -1: every queue of that broker). */
    assignment() {
        return this.assigner.queues();
    }
    /** No owned queues with offsets: `queues` is []; `cachedCount`/`cachedBytes` are the messages this member holds. */
    metrics() {
        return { group: this.options.group, queues: [], lag: 0, cachedCount: this.held.unsettled, cachedBytes: this.held.unsettledBytes() };
    }
    /** Ask the broker for the assignment now. */
    async rebalance() {
        await this.assigner.pass();
    }
    runningInfo() {
        const o = this.options;
        return {
            properties: {
                consumerGroup: o.group,
                messageModel: 'CLUSTERING',
                consumeThreadMax: String(o.concurrency),
                consumeMessageBatchMaxSize: String(o.batchSize),
                popBatchNums: String(this.pop.batchSize),
                popInvisibleTime: String(this.pop.invisibleTimeMs),
                maxReconsumeTimes: String(this.maxReconsumeTimes),
                PROP_CONSUMEORDERLY: 'false',
                PROP_CONSUME_TYPE: 'CONSUME_POP',
                PROP_NAMESERVER_ADDR: o.nameServer.join(';'),
                PROP_CLIENT_VERSION: 'V4_9_4',
                PROP_CLIENT_SDK: 'rocketmq-ts',
                consumedMessages: String(this.held.consumed),
                failedMessages: String(this.held.failed),
            },
            subscriptionSet: this.subscriptions.list(),
            mqTable: [],
        };
    }
    /**
     * Stop popping, wait for running handlers up to `timeoutMs` (then abort their signals), send the acks of finished
     * ones, unregister. Messages never handled or abandoned come back after their invisible time. `committed` is []
     * (POP has no client offsets).
     */
    close(opts) {
        this.closePromise ??= (async () => {
            await this.startPromise?.catch(() => undefined);
            const deadline = timeoutSignal(opts.timeoutMs ?? this.options.closeTimeoutMs);
            this.running = false;
            this.stop.abort();
            this.assigner.stopLoops();
            if (this.sweepTimer)
                clearInterval(this.sweepTimer);
            this.held.release(this.pool.clearPending());
            const { drained, abandoned, abandonedJobs } = await this.pool.close(deadline);
            this.held.release(abandonedJobs);
            this.acker.close();
            // Acks of finished handlers: worth a short wait even past the deadline (an ack saves a redelivery).
            await this.held.settled(Math.max(1000, this.options.requestTimeoutMs));
            await this.assigner.idle();
            await this.cluster.close();
            return { drained, abandoned, committed: [] };
        })();
        return this.closePromise;
    }
}
//# sourceMappingURL=pop-engine.js.map