/**
 * The Producer (Java DefaultMQProducer): options, start/close, topic routes and queue choice with latency fault
 * avoidance, send / sendBatch / sendOneway with one deadline shared by the retries, compression and namespaces.
 *
 * Why just over 400 lines: send's retry loop, queue choice and the batch encoding share the producer's state; the
 * transactional producer (transaction-producer.ts) and the fault table (latency-fault.ts) are already their own files.
 */
import { MAX_TIMER_MS, parseOptions, remotingSecurity, topicSchema } from '../config/common.js';
import { unwrapQueue, withoutNamespace, wrapNamespace, wrapQueue } from '../protocol/namespace.js';
import { NamespaceEdge } from '../consumer/namespace-edge.js';
import { producerOptionsSchema } from '../config/producer.js';
import { RocketMQError, isRocketMQError, isTransportError, toRocketMQError } from '../errors.js';
import { silentLogger } from '../logger.js';
import { createClusterClient } from '../cluster/port.js';
import { sendMessage } from '../cluster/broker-api.js';
import { createUniqId } from '../protocol/message-id.js';
import { encodeBatchBody } from '../protocol/batch-body.js';
import { encodeProperties } from '../protocol/properties.js';
import { COMPRESSION_ZLIB, compressBody } from '../protocol/compression.js';
import { SysFlag } from '../protocol/message-view.js';
import { javaHashCode } from '../protocol/tag.js';
import { RESERVED_PROPERTIES, bodyToBuffer, messageProperties } from './message.js';
import { LatencyFaultAvoidance } from './latency-fault.js';
import { sendChannel, sendContext, traced, tracing } from '../observability/channels.js';
import { MessageTracer, traceOption } from '../observability/message-tracer.js';
import { toCodec } from '../protocol/payload-codec.js';
/**
 * Sends messages: sync, oneway and batch; keys, tags, properties, delay levels; a queue selector for ordering by key;
 * a failed sync send is retried on another broker. Not an event emitter: every outcome is the promise of the call
 * (send spans are on the `rocketmq-ts:send` diagnostics channel).
 */
export class Producer {
    /** The options as parsed: every default filled in. */
    options;
    /** @internal the cluster connection (routes, brokers); for subclasses such as TransactionProducer. */
    client;
    counter = Math.floor(Math.random() * 1024);
    startPromise;
    /**
     * Brokers to avoid for a while after a failed or slow send (undefined when latencyFaultAvoidance is off).
     * @internal
     */
    faults;
    /** @internal set by close(). */
    closed = false;
    /** Message trace (the `trace` option); undefined when off, so the send path pays one check. */
    tracer;
    codec;
    /**
     * Checks the options (ERR_INVALID_OPTION names a wrong one); connects on `start()` or the first send.
     * @param options see {@link ProducerOptions}
     * @param deps test seam: a scripted cluster instead of the network
     */
    constructor(options, deps = {}) {
        this.options = parseOptions(producerOptionsSchema, options, 'Producer');
        this.client = (deps.cluster ?? createClusterClient)({
            nameServer: this.options.nameServer,
            logger: this.options.logger ?? silentLogger,
            instanceName: this.options.instanceName,
            clientIp: this.options.clientIp,
            requestTimeoutMs: this.options.requestTimeoutMs,
            heartbeatIntervalMs: this.options.heartbeatIntervalMs,
            pollNameServerIntervalMs: this.options.pollNameServerIntervalMs,
            ...remotingSecurity(this.options, this.options.logger),
        });
        this.client.registerProducer(wrapNamespace(this.options.namespace, this.options.group));
        this.faults = this.options.latencyFaultAvoidance ? new LatencyFaultAvoidance() : undefined;
        this.codec = this.options.codec === undefined ? undefined : toCodec(this.options.codec);
        if (this.codec !== undefined && typeof this.codec.encode !== 'function') {
            throw new RocketMQError('ERR_INVALID_OPTION', 'Invalid Producer options: codec: a producer codec needs encode(value) (or use a schema, or json/text/bytes)', { context: { fields: ['codec'] } });
        }
        const trace = traceOption(this.options.trace);
        this.tracer = trace && MessageTracer.create(trace, this.client, this.options.group, this.options.namespace, 'PRODUCE', this.client.logger);
    }
    /** Counters of background work: message trace records queued, sent, dropped and failed (when `trace` is on). */
    metrics() {
        return this.tracer ? { trace: this.tracer.stats() } : {};
    }
    /** `value` -> `body` through the codec; a value the codec refuses is ERR_PAYLOAD_INVALID and nothing is sent. */
    encoded(m) {
        if (m === null || typeof m !== 'object' || !('value' in m) || m.value === undefined)
            return m;
        const topic = m.topic;
        if (this.codec === undefined) {
            throw new RocketMQError('ERR_INVALID_OPTION', `message.value needs the producer's codec option (e.g. codec: 'json' or a zod schema); or send a body (topic ${topic})`, { context: { topic } });
        }
        if (m.body !== undefined)
            throw new RocketMQError('ERR_INVALID_OPTION', `give a message body or a value, not both (topic ${topic})`, { context: { topic } });
        let body;
        try {
            body = this.codec.encode(m.value);
        }
        catch (e) {
            const reason = e instanceof Error ? e.message : String(e);
            throw new RocketMQError('ERR_PAYLOAD_INVALID', `The ${this.codec.name ?? 'given'} codec refused the value for ${topic}: ${reason}; nothing was sent`, { cause: e, context: { topic } });
        }
        const { value: _value, ...rest } = m;
        return { ...rest, body };
    }
    /** This producer's client id (`ip@instance`), as the brokers see it. */
    get clientId() {
        return this.client.clientId;
    }
    /** Optional: sends are lazy. Starting early checks nothing on the network; it only starts timers. */
    async start() {
        this.assertOpen();
        this.startPromise ??= Promise.resolve().then(() => this.client.start());
        return this.startPromise;
    }
    /**
     * Sends one message and resolves once the broker stored it; a failure is retried on another broker up to
     * `retries` times within `sendTimeoutMs`. Rejects with a RocketMQError (ERR_SEND_FAILED, ERR_TIMEOUT, ERR_FORBIDDEN, ...).
     * @param outgoing topic, body (or `value` with a `codec`), and optional keys, tags, properties, delay
     * @param opts a queue, a selector or a sharding key; a timeout
     * @returns where the message was stored
     */
    async send(outgoing, opts = {}) {
        const message = this.encoded(outgoing);
        if (tracing(sendChannel))
            return this.tracedSend([message], opts, false, false);
        return (await this.sendInternal([message], opts, false, false));
    }
    /**
     * Sends one message without waiting for the broker's answer (Java sendOneway): resolves once it is written to the
     * socket; no retry, no result.
     */
    async sendOneway(outgoing, opts = {}) {
        const message = this.encoded(outgoing);
        if (tracing(sendChannel))
            await this.tracedSend([message], opts, true, false);
        else
            await this.sendInternal([message], opts, true, false);
    }
    /** Messages of one topic in one request; they get consecutive offsets in one queue. */
    async sendBatch(outgoing, opts = {}) {
        const messages = outgoing.map((m) => this.encoded(m));
        if (messages.length === 0)
            throw new RocketMQError('ERR_INVALID_OPTION', 'sendBatch needs at least one message');
        const topic = messages[0].topic;
        if (messages.some((m) => m.topic !== topic))
            throw new RocketMQError('ERR_INVALID_OPTION', 'every message of a batch must have the same topic');
        if (messages.some((m) => m.delayLevel || m.deliverAt !== undefined || m.delayMs !== undefined)) {
            throw new RocketMQError('ERR_INVALID_OPTION', 'batch messages cannot have a delayLevel, deliverAt or delayMs (send them one by one)');
        }
        if (tracing(sendChannel))
            return this.tracedSend(messages, opts, false, true);
        return (await this.sendInternal(messages, opts, false, true));
    }
    /** Sends a half (transactional prepared) message: sync, with the producer's retries. @internal */
    async sendHalf(message, opts) {
        if (tracing(sendChannel)) {
            const ctx = sendContext([message], this.options.group);
            return traced(sendChannel, ctx, async () => {
                const result = (await this.sendInternal([message], opts, false, false, ctx.properties, true));
                ctx.attributes['messaging.message.id'] = result.msgId;
                ctx.attributes['messaging.destination.partition.id'] = String(result.queue.queueId);
                return result;
            });
        }
        return (await this.sendInternal([message], opts, false, false, undefined, true));
    }
    /** A send inside `rocketmq-ts:send`: subscribers may add properties (trace context) in `start`. */
    tracedSend(messages, opts, oneway, batch) {
        const ctx = sendContext(messages, this.options.group);
        return traced(sendChannel, ctx, async () => {
            const result = await this.sendInternal(messages, opts, oneway, batch, ctx.properties);
            if (result) {
                if (!batch)
                    ctx.attributes['messaging.message.id'] = result.msgId;
                ctx.attributes['messaging.destination.partition.id'] = String(result.queue.queueId);
            }
            return result;
        });
    }
    async sendInternal(userMessages, userOpts, oneway, batch, extra, half = false) {
        const ns = this.options.namespace;
        if (!ns)
            return this.sendWire(userMessages, userOpts, oneway, batch, extra, half);
        // The namespace edge: topics (and a given queue) go out wrapped, the result comes back without the namespace.
        const messages = userMessages.map((m) => ({ ...m, topic: wrapNamespace(ns, m.topic) }));
        const opts = { ...userOpts };
        if (userOpts.queue !== undefined)
            opts.queue = wrapQueue(ns, userOpts.queue);
        const selector = userOpts.selector;
        if (selector !== undefined)
            opts.selector = (queues, m) => wrapQueue(ns, selector(queues.map((q) => unwrapQueue(ns, q)), { ...m, topic: withoutNamespace(ns, m.topic) }));
        const edge = new NamespaceEdge(ns);
        const result = await this.sendWire(messages, opts, oneway, batch, extra, half).catch((e) => Promise.reject(edge.error(e)));
        return result === undefined ? undefined : { ...result, queue: unwrapQueue(ns, result.queue) };
    }
    async sendWire(messages, opts, oneway, batch, extra, half = false) {
        this.assertOpen();
        void this.start().catch(() => undefined);
        const first = messages[0];
        const topicCheck = topicSchema.safeParse(first.topic);
        if (!topicCheck.success)
            throw new RocketMQError('ERR_INVALID_OPTION', `Invalid topic '${first.topic}': ${topicCheck.error.issues[0]?.message}`, { context: { topic: first.topic } });
        // Build the request once; retries reuse it (same UNIQ_KEY, so a duplicate is recognisable).
        let body;
        let properties;
        let sysFlag = 0;
        let uniqId;
        if (batch) {
            const ids = [];
            body = encodeBatchBody(messages.map((m) => {
                const props = messageProperties(m, this.options.maxDelayMs);
                if (extra)
                    addProperties(props, extra);
                const id = createUniqId();
                ids.push(id);
                props.UNIQ_KEY = id;
                return { body: bodyToBuffer(m.body), flag: m.flag ?? 0, properties: props };
            }));
            uniqId = ids.join(',');
            properties = encodeProperties({ WAIT: 'true' });
        }
        else {
            const props = messageProperties(first, this.options.maxDelayMs);
            if (extra)
                addProperties(props, extra);
            uniqId = createUniqId();
            props.UNIQ_KEY = uniqId;
            // The sharding key travels with the message (__SHARDINGKEY, as the 5.x FIFO message group), so an ordered
            // consumer in 'key' mode orders by it.
            if (opts.shardingKey !== undefined && opts.shardingKey !== '')
                props.__SHARDINGKEY = opts.shardingKey;
            if (half) {
                // A half message (Java sendMessageInTransaction): the broker keeps it aside until END_TRANSACTION or a
                // check-back decides; PGROUP routes the check-back to a live member of this producer group.
                props.TRAN_MSG = 'true';
                props.PGROUP = wrapNamespace(this.options.namespace, this.options.group);
                sysFlag |= SysFlag.TRANSACTION_PREPARED_TYPE;
            }
            properties = encodeProperties(props);
            body = bodyToBuffer(first.body);
            if (body.length >= this.options.compressOverBytes) {
                body = compressBody('zlib', body);
                sysFlag |= SysFlag.COMPRESSED | (COMPRESSION_ZLIB << 8);
            }
        }
        if (body.length > this.options.maxMessageBytes) {
            throw new RocketMQError('ERR_INVALID_OPTION', `Message body is ${body.length} bytes, over maxMessageBytes ${this.options.maxMessageBytes}`, { context: { topic: first.topic } });
        }
        // One deadline for the whole send, shared by every attempt. While another broker could still be tried, an attempt
        // gets half of what is left, so a stalled broker leaves time to try a healthy one.
        const timeoutMs = opts.timeoutMs ?? this.options.sendTimeoutMs;
        if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > MAX_TIMER_MS) {
            throw new RocketMQError('ERR_INVALID_OPTION', `timeoutMs must be an integer in 1..${MAX_TIMER_MS}, got ${timeoutMs}`, { context: { topic: first.topic } });
        }
        const deadline = Date.now() + timeoutMs;
        const fixedQueue = opts.queue !== undefined || opts.selector !== undefined || opts.shardingKey !== undefined;
        const attempts = oneway || fixedQueue ? 1 : this.options.retries + 1;
        const failedBrokers = new Set();
        let lastError;
        for (let attempt = 0; attempt < attempts; attempt++) {
            const remaining = deadline - Date.now();
            if (remaining <= 0)
                break;
            let queue;
            let started = 0;
            try {
                const chosen = await this.chooseQueue(first, opts, failedBrokers, attempt > 0, Math.min(remaining, this.options.requestTimeoutMs));
                queue = chosen.queue;
                const address = await this.client.findMasterAddressOrRefresh(queue.brokerName, queue.topic);
                const left = deadline - Date.now();
                if (left <= 0)
                    break;
                const budget = attempt < attempts - 1 && chosen.otherBroker ? Math.max(1, Math.ceil(left / 2)) : left;
                started = Date.now();
                const result = await sendMessage(this.client.remoting, address, {
                    producerGroup: this.options.group,
                    topic: queue.topic,
                    queueId: queue.queueId,
                    sysFlag,
                    bornTimestamp: Date.now(),
                    flag: first.flag ?? 0,
                    properties,
                    batch,
                    brokerName: queue.brokerName,
                }, body, { timeoutMs: budget, oneway, uniqId });
                if (!oneway)
                    this.faults?.succeeded(queue.brokerName, Date.now() - started);
                if (result && this.tracer)
                    this.tracer.pub(started, result.status === 'SEND_OK', result.regionId, result.traceOn, pubInputs(messages, result, address, batch ? undefined : body.length));
                return result;
            }
            catch (e) {
                lastError = e;
                const broker = queue?.brokerName;
                if (broker !== undefined) {
                    failedBrokers.add(broker);
                    if (started > 0 && isBrokerFault(e))
                        this.faults?.failed(broker, Date.now() - started);
                }
                const retriable = isRocketMQError(e) && (e.retriable || e.code === 'ERR_SEND_FAILED') && e.code !== 'ERR_TOPIC_NOT_FOUND';
                this.client.logger.warn({ topic: first.topic, broker, attempt, err: e }, 'send failed');
                if (!retriable)
                    break;
            }
        }
        if (isRocketMQError(lastError))
            throw lastError;
        throw toRocketMQError(lastError ?? new Error('deadline passed'), 'ERR_SEND_FAILED', `Send to '${first.topic}' failed`, { topic: first.topic });
    }
    /**
     * The queue for this attempt, and whether a broker other than its own could still be tried. Round robin over the
     * topic's queues, skipping brokers that failed earlier in this send and brokers the latency fault avoidance puts
     * aside; when that leaves nothing, brokers not yet failed in this send; when that leaves nothing, any queue.
     */
    async chooseQueue(m, opts, failedBrokers, refresh, timeoutMs) {
        if (opts.queue)
            return { queue: opts.queue, otherBroker: false };
        const queues = await this.client.publishQueues(m.topic, refresh, timeoutMs);
        if (queues.length === 0 && (await this.client.getRoute(m.topic, false, timeoutMs))) {
            // The topic exists but none of its brokers has a master right now (e.g. the master died).
            throw new RocketMQError('ERR_NO_ROUTE', `Topic '${m.topic}' has no writable master right now (its masters are down or read-only); retry later`, {
                retriable: true,
                context: { topic: m.topic },
            });
        }
        if (queues.length === 0) {
            throw new RocketMQError('ERR_TOPIC_NOT_FOUND', `Topic '${m.topic}' does not exist (no route on the NameServer). Create it first, e.g. mqadmin updateTopic -t ${m.topic} -c <cluster>.`, {
                context: { topic: m.topic },
            });
        }
        if (opts.selector)
            return { queue: opts.selector(queues, m), otherBroker: false };
        if (opts.shardingKey !== undefined)
            return { queue: queues[Math.abs(javaHashCode(opts.shardingKey) % queues.length)], otherBroker: false };
        const faults = this.faults;
        const healthy = (q) => !failedBrokers.has(q.brokerName) && (faults === undefined || faults.isAvailable(q.brokerName));
        const notFailed = (q) => !failedBrokers.has(q.brokerName);
        const queue = this.roundRobin(queues, healthy) ?? this.roundRobin(queues, notFailed) ?? queues[this.counter++ % queues.length];
        const otherBroker = queues.some((q) => q.brokerName !== queue.brokerName && notFailed(q));
        return { queue, otherBroker };
    }
    roundRobin(queues, ok) {
        const start = this.counter++;
        for (let i = 0; i < queues.length; i++) {
            const q = queues[(start + i) % queues.length];
            if (ok(q))
                return q;
        }
        return undefined;
    }
    assertOpen() {
        if (this.closed)
            throw new RocketMQError('ERR_CLOSED', 'The producer is closed');
    }
    /** Unregisters from the brokers and closes connections. Idempotent. */
    async close() {
        if (this.closed)
            return;
        this.closed = true;
        // Trace records of the last sends go out before the connections close (bounded; what is left is counted as dropped).
        await this.tracer?.close(this.options.sendTimeoutMs);
        await this.client.close();
    }
    /** `await using producer = new Producer(...)`: `close()` at the end of the scope. */
    async [Symbol.asyncDispose]() {
        await this.close();
    }
}
/** The Pub records' input: one per message; a batch's ids and offset ids come joined by ','. */
function pubInputs(messages, result, address, singleBodyLength) {
    const ids = messages.length === 1 ? [result.msgId] : result.msgId.split(',');
    const offsetIds = messages.length === 1 ? [result.offsetMsgId] : result.offsetMsgId.split(',');
    return messages.map((m, i) => {
        const keys = m.keys === undefined ? undefined : (typeof m.keys === 'string' ? [m.keys] : m.keys).filter((k) => k.length > 0).join(' ');
        return {
            topic: result.queue.topic,
            msgId: ids[i] ?? '',
            offsetMsgId: offsetIds[i] ?? '',
            tags: m.tags || undefined,
            keys: keys || undefined,
            storeHost: address,
            bodyLength: singleBodyLength ?? bodyToBuffer(m.body).length,
            delayed: (m.delayLevel ?? 0) > 0,
        };
    });
}
/** Errors that say the broker or the path to it is unwell (not our request): timeouts, lost connections, busy brokers. */
function isBrokerFault(e) {
    if (!isRocketMQError(e))
        return false;
    if (isTransportError(e))
        return true;
    return (e.code === 'ERR_SEND_FAILED' || e.code === 'ERR_BROKER') && e.retriable;
}
/** Add subscriber-given properties (trace context): never a reserved name, never over one the message has. */
function addProperties(props, extra) {
    for (const k in extra) {
        const v = extra[k];
        if (typeof v === 'string' && !RESERVED_PROPERTIES.has(k) && props[k] === undefined)
            props[k] = v;
    }
}
//# sourceMappingURL=producer.js.map