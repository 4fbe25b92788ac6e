import { CONCURRENT_MAX_RECONSUME_TIMES } from '../config/consumer.js';
import { consumerSendMessageBack } from '../cluster/broker-api.js';
import { delay } from '../util/async.js';
import { HandlerCall, runHandler } from './handler.js';
import { HandlerPool } from './handler-pool.js';
/** Java consumeConcurrentlyMaxSpan. */
const MAX_SPAN = 2000;
/** A message whose send-back failed is consumed again here after this long (Java: 5 s). */
const LOCAL_RETRY_MS = 5000;
/** `maxReconsumeTimes` of concurrent consumption: unset or -1 = 16 (Java); the ordered modes default to unbounded. */
export const concurrentMaxReconsumeTimes = (v) => (v === undefined || v < 0 ? CONCURRENT_MAX_RECONSUME_TIMES : v);
export class PushPolicy {
    host;
    options;
    events;
    consumeType = 'CONSUME_PASSIVELY';
    readsRetryTopic = true;
    commitOnPull = true;
    sendSubscriptionOnPull = false;
    maxSpan = MAX_SPAN;
    registration;
    pool;
    consumed = 0;
    failed = 0;
    constructor(host, options, events) {
        this.host = host;
        this.options = options;
        this.events = events;
        this.pool = new HandlerPool({
            handlers: options,
            group: options.group,
            model: options.model,
            concurrency: options.concurrency,
            handlerTimeoutMs: options.handlerTimeoutMs,
            settle: (job, error) => (error === undefined ? this.succeeded(job) : this.failedJob(job, error)),
            // A revoked queue's unstarted messages stay uncommitted: the next owner reads them again.
            stale: (job) => job.pq.dropped,
            report: (err) => host.ctx.report(err),
            tracer: host.tracer,
        });
        this.registration = {
            runningInfo: () => this.runningInfo(),
            consumeMessageDirectly: (m) => this.consumeDirectly(m),
        };
    }
    canPull() {
        return true;
    }
    deliver(pq, messages) {
        const size = this.options.batchSize;
        for (let i = 0; i < messages.length; i += size) {
            this.pool.submit({ pq, queue: pq.mq, messages: size === 1 ? [messages[i]] : messages.slice(i, i + size) });
        }
    }
    markConsumed(pq, offset) {
        if (offset >= 0 && !pq.dropped)
            this.host.offsets.update(pq.mq, offset, true, pq.key);
    }
    drain(pqs, signal) {
        const set = new Set(pqs);
        return this.pool.drain((job) => set.has(job.pq), signal);
    }
    releaseOffset(pq) {
        return pq.consumedOffset();
    }
    close(deadline) {
        return this.pool.close(deadline);
    }
    succeeded(job) {
        this.consumed += job.messages.length;
        this.markConsumed(job.pq, job.pq.remove(job.messages));
    }
    async failedJob(job, error) {
        this.failed += job.messages.length;
        const retry = !this.host.ctx.broadcasting;
        if (this.events.listenerCount('handler.error') > 0)
            this.events.emit('handler.error', { messages: job.messages, error, retry, queue: job.pq.mq });
        if (!retry) {
            // Broadcasting: Java drops a failed message (it is reported above).
            this.markConsumed(job.pq, job.pq.remove(job.messages));
            return;
        }
        const sentBack = [];
        const local = [];
        for (const m of job.messages) {
            try {
                await this.sendBack(m);
                sentBack.push(m);
            }
            catch (e) {
                this.host.ctx.logger.warn({ msgId: m.msgId, err: e }, `send back failed; retrying locally in ${LOCAL_RETRY_MS} ms`);
                local.push(m);
            }
        }
        if (sentBack.length > 0)
            this.markConsumed(job.pq, job.pq.remove(sentBack));
        if (local.length > 0) {
            // Keep them cached (the offset cannot pass them) and consume them again here later.
            void delay(LOCAL_RETRY_MS, job.pq.signal).then(() => {
                if (job.pq.dropped)
                    return;
                for (const m of local)
                    m.reconsumeTimes++;
                this.pool.submit({ pq: job.pq, queue: job.pq.mq, messages: local });
            });
        }
    }
    async sendBack(m) {
        const cluster = this.host.ctx.cluster;
        const address = await cluster.findMasterAddressOrRefresh(m.brokerName, m.topic);
        await consumerSendMessageBack(cluster.remoting, address, {
            group: this.options.group,
            commitLogOffset: m.commitLogOffset,
            delayLevel: 0,
            originMsgId: m.msgId,
            originTopic: m.topic,
            maxReconsumeTimes: concurrentMaxReconsumeTimes(this.options.maxReconsumeTimes),
            brokerName: m.brokerName,
        });
    }
    // ------------------------------------------------------------------ console requests
    runningInfo() {
        return consoleRunningInfo(this.options, this.host, {
            orderly: false,
            maxReconsumeTimes: concurrentMaxReconsumeTimes(this.options.maxReconsumeTimes),
            consumed: this.consumed,
            failed: this.failed,
        });
    }
    consumeDirectly(m) {
        const call = new HandlerCall(m.queue, this.options.group);
        return new Promise((resolve) => runHandler(this.options, [m], call, (error) => {
            const spentTimeMills = Date.now() - call.startedAt;
            if (error === undefined)
                resolve({ consumeResult: 'CR_SUCCESS', spentTimeMills });
            else
                resolve({ consumeResult: 'CR_THROW_EXCEPTION', remark: error instanceof Error ? error.message : String(error), spentTimeMills });
        }));
    }
}
/**
 * The answer to the console's GET_CONSUMER_RUNNING_INFO, shared by the concurrent and the ordered push policies
 * (the property names are the Java client's ConsumerRunningInfo keys).
 */
export function consoleRunningInfo(o, host, info) {
    const optional = (k, v) => (v === undefined ? {} : { [k]: String(v) });
    const properties = {
        consumerGroup: o.group,
        messageModel: host.ctx.broadcasting ? 'BROADCASTING' : 'CLUSTERING',
        ...optional('consumeThreadMax', o.concurrency),
        ...optional('consumeMessageBatchMaxSize', o.batchSize),
        pullBatchSize: String(o.pullBatchSize),
        ...optional('maxReconsumeTimes', info.maxReconsumeTimes),
        ...optional('suspendCurrentQueueTimeMillis', info.suspendMs),
        PROP_CONSUMEORDERLY: String(info.orderly),
        PROP_CONSUME_TYPE: info.consumeType ?? 'CONSUME_PASSIVELY',
        ...optional('PROP_THREADPOOL_CORE_SIZE', o.concurrency),
        PROP_NAMESERVER_ADDR: o.nameServer.join(';'),
        PROP_CLIENT_VERSION: 'V4_9_4',
        PROP_CLIENT_SDK: 'rocketmq-ts',
        consumedMessages: String(info.consumed),
        failedMessages: String(info.failed),
    };
    const locked = info.locked;
    return {
        properties,
        subscriptionSet: host.subscriptions(),
        mqTable: [...host.queues()].map((pq) => {
            const row = pq.info(host.offsets.readMemory(pq.mq));
            return [pq.mq, locked === undefined ? row : { ...row, locked: locked(pq.mq) }];
        }),
    };
}
//# sourceMappingURL=push-policy.js.map