import { EventEmitter } from 'node:events';
import { parseOptions } from '../config/common.js';
import { unwrapView } from '../protocol/namespace.js';
import { NamespaceEdge } from './namespace-edge.js';
import { pullConsumerOptionsSchema } from '../config/consumer.js';
import { RocketMQError } from '../errors.js';
import { getMaxOffset, getMinOffset } from '../cluster/broker-api.js';
import { offsetAtOrAfter } from '../cluster/offset-by-time.js';
import { mqKey } from '../protocol/route.js';
import { Member } from './member.js';
import { PullPolicy } from './pull-policy.js';
import { Ending } from './ending.js';
/**
 * A pull consumer (Java DefaultLitePullConsumer): the application owns the loop. Subscribe mode shares the group's
 * queues by rebalance (same strategies and hooks as the push consumer); assign mode reads exactly the queues given.
 * Readers pull ahead in the background up to the cache limits; `poll()` hands out what they fetched.
 */
export class PullConsumer extends EventEmitter {
    /** The options as parsed: every default filled in. */
    options;
    member;
    policy;
    /** Set with the `namespace` option: maps every name the application sees (namespace-edge.ts). */
    edge;
    state = 'new';
    startPromise;
    closePromise;
    ending = new Ending();
    /**
     * Checks the options (ERR_INVALID_OPTION names a wrong one); nothing connects before `start()`.
     * @param options see {@link PullConsumerOptions}
     * @param deps test seam: a scripted cluster instead of the network
     */
    constructor(options, deps = {}) {
        super();
        this.options = parseOptions(pullConsumerOptionsSchema, options, 'PullConsumer');
        // The namespace edge: the member sees the wrapped group and topics; every queue, message, event and error crossing
        // the public API below is mapped (w: in, u: out).
        const edge = (this.edge = NamespaceEdge.of(this.options.namespace));
        const parsed = edge
            ? {
                ...this.options,
                group: edge.wrap(this.options.group),
                ...(this.options.subscriptions === undefined
                    ? {}
                    : { subscriptions: Object.fromEntries(Object.entries(this.options.subscriptions).map(([t, e]) => [edge.wrap(t), e])) }),
                allocation: edge.allocation(this.options.allocation),
                onAssign: edge.onAssign(this.options.onAssign),
                onRevoke: edge.onRevoke(this.options.onRevoke),
                undecodable: edge.undecodable(this.options.undecodable),
            }
            : this.options;
        let policy;
        this.member = new Member({
            options: parsed,
            events: edge ? edge.events(this) : this,
            cluster: deps.cluster,
            policy: (host) => (policy = new PullPolicy(host, parsed)),
            onFailed: (err) => {
                this.ending.fail(err);
                this.close().catch(() => undefined);
            },
        });
        this.policy = policy;
    }
    /** This member's client id (`ip@instance`), as the broker and the other members see it. */
    get clientId() {
        return this.member.cluster.clientId;
    }
    /** Starts readers: subscribe mode rebalances at once; assign mode starts the queues given to `assign()`. */
    start() {
        if (this.state === 'closed')
            return Promise.reject(new RocketMQError('ERR_CLOSED', 'The consumer is closed; create a new one'));
        this.startPromise ??= (async () => {
            this.state = 'starting';
            await this.member.start();
            if (this.options.autoCommit)
                this.member.every(this.options.autoCommitIntervalMs, () => this.commit());
            this.state = 'started';
        })().catch(async (e) => {
            await this.member.abort();
            this.state = 'closed';
            // A failed start leaves the consumer closed: that is failing for good (close() waits for start, never aborts it).
            this.ending.fail(e);
            this.ending.stopped();
            throw this.edge ? this.edge.error(e) : e;
        });
        return this.startPromise;
    }
    /**
     * Resolves once the consumer has stopped, for whatever reason: with `undefined` after `close()`, with the error when
     * it failed for good (start() failed, or the brokers refused it later: see the `consumer.failed` event). Never
     * rejects; poll() on a failed consumer throws ERR_CLOSED with that error as its cause.
     */
    closed() {
        return this.ending.promise;
    }
    /** Assign mode: read exactly these queues (no group rebalance). Replaces the previous assignment. */
    async assign(queues) {
        if (this.options.subscriptions && Object.keys(this.options.subscriptions).length > 0) {
            throw new RocketMQError('ERR_INVALID_OPTION', 'assign() is for consumers without subscriptions; this one subscribes (subscribe mode)');
        }
        await this.plain(this.member.rebalancer.assignManually(queues.map((q) => this.w(q))));
    }
    /** The queues this member reads now (subscribe mode: its share after the last rebalance; assign mode: what `assign()` gave). */
    assignment() {
        return this.member.assignment().map((q) => this.u(q));
    }
    w(q) {
        return this.edge ? this.edge.wrapQueue(q) : q;
    }
    u(q) {
        return this.edge ? this.edge.unwrapQueue(q) : q;
    }
    /** Errors leave with the names the application knows. */
    plain(p) {
        const edge = this.edge;
        return edge ? p.catch((e) => Promise.reject(edge.error(e))) : p;
    }
    uOffsets(list) {
        return this.edge ? list.map((o) => ({ ...o, queue: this.u(o.queue) })) : list;
    }
    /**
     * Per owned queue: committed offset, consumed offset (what the next commit stores), the broker's max offset (from
     * the last pull response), lag, buffered count/bytes, last pull time, paused. From memory only: cheap to poll.
     */
    metrics() {
        const m = this.member.metrics();
        const edge = this.edge;
        return edge ? { ...m, group: edge.unwrap(m.group), queues: m.queues.map((q) => ({ ...q, queue: edge.unwrapQueue(q.queue) })) } : m;
    }
    // ------------------------------------------------------------------ polling
    assertStarted() {
        const failure = this.ending.failure;
        if (this.state === 'closed')
            throw new RocketMQError('ERR_CLOSED', failure ? `The consumer failed: ${failure.message}` : 'The consumer is closed', failure ? { cause: failure } : {});
        if (this.state !== 'started')
            throw new RocketMQError('ERR_NOT_STARTED', 'Call and await start() before poll()');
    }
    /** A batch of messages; waits up to `timeoutMs` for the first one; [] on timeout or abort. */
    async poll(opts = {}) {
        this.assertStarted();
        const max = opts.max ?? this.options.pullBatchSize;
        const deadline = Date.now() + (opts.timeoutMs ?? this.options.pollTimeoutMs);
        for (;;) {
            const batch = this.policy.take(max);
            if (batch.length > 0)
                return this.options.namespace ? batch.map((m) => unwrapView(this.options.namespace, m)) : batch;
            const remaining = deadline - Date.now();
            if (remaining <= 0 || opts.signal?.aborted || this.state !== 'started')
                return [];
            // Ends at the next arrival, the deadline or the abort, and leaves nothing parked behind (no leak per idle poll).
            await this.policy.arrivals.wait(opts.signal, remaining);
        }
    }
    /** Messages one by one until the signal aborts or the consumer closes. A message is consumed when yielded. */
    async *messages(opts = {}) {
        this.assertStarted();
        while (this.state === 'started' && !opts.signal?.aborted) {
            const [m] = await this.poll({ max: 1, timeoutMs: 60_000, signal: opts.signal });
            if (m)
                yield m;
        }
    }
    /** Batches until the signal aborts or the consumer closes. */
    async *batches(opts = {}) {
        this.assertStarted();
        while (this.state === 'started' && !opts.signal?.aborted) {
            const batch = await this.poll({ max: opts.max, timeoutMs: 60_000, signal: opts.signal });
            if (batch.length > 0)
                yield batch;
        }
    }
    /** `for await (const message of consumer)`: messages one by one until the consumer closes (same as `messages()`). */
    [Symbol.asyncIterator]() {
        return this.messages();
    }
    // ------------------------------------------------------------------ offsets
    /**
     * Commit offsets to the broker (or the local file in broadcasting). Without an argument, the positions after the
     * messages handed out so far; with one, exactly those offsets.
     */
    async commit(userOffsets) {
        return this.uOffsets(await this.plain(this.commitWire(userOffsets?.map((o) => ({ queue: this.w(o.queue), offset: o.offset })))));
    }
    async commitWire(offsets) {
        if (offsets) {
            for (const { queue, offset } of offsets)
                this.policy.setPosition({ topic: queue.topic, brokerName: queue.brokerName, queueId: queue.queueId }, offset);
            const done = await this.member.offsets.persistAll(offsets.map((o) => o.queue));
            if (done.length > 0 && this.listenerCount('offset.committed') > 0)
                this.emit('offset.committed', { offsets: this.uOffsets(done) });
            return done;
        }
        this.policy.storePositions();
        return this.member.persistOffsets(false);
    }
    /** The offset stored for the group (broker or local file), or -1 if none. */
    async committed(userQueue) {
        const queue = this.w(userQueue);
        return this.plain(this.member.offsets.fetch({ topic: queue.topic, brokerName: queue.brokerName, queueId: queue.queueId }));
    }
    owned(queue) {
        this.assertStarted();
        const pq = this.member.rebalancer.table.get(mqKey(queue));
        if (!pq) {
            throw new RocketMQError('ERR_NOT_ASSIGNED', `Queue ${mqKey(queue)} is not assigned to this consumer; see assignment()`, {
                context: { topic: queue.topic, broker: queue.brokerName, queueId: queue.queueId },
            });
        }
        return pq;
    }
    async master(queue) {
        return this.member.cluster.findMasterAddressOrRefresh(queue.brokerName, queue.topic);
    }
    /** Continue reading the queue at `offset` (within [min, max] of the queue). */
    seek(userQueue, offset) {
        return this.plain(this.seekWire(this.w(userQueue), offset));
    }
    async seekWire(queue, offset) {
        const pq = this.owned(queue);
        const addr = await this.master(queue);
        const [min, max] = await Promise.all([getMinOffset(this.member.cluster.remoting, addr, pq.mq), getMaxOffset(this.member.cluster.remoting, addr, pq.mq)]);
        if (!Number.isInteger(offset) || offset < min || offset > max) {
            throw new RocketMQError('ERR_OFFSET_OUT_OF_RANGE', `Offset ${offset} is outside queue ${pq.key}'s range [${min}, ${max}]`, {
                context: { topic: queue.topic, broker: queue.brokerName, queueId: queue.queueId, min, max, offset },
            });
        }
        this.restart(pq, offset);
    }
    restart(pq, offset) {
        this.member.rebalancer.restartQueue(pq.mq, offset);
        this.policy.setPosition(pq.mq, offset);
    }
    /** Continue reading the queue at its first stored offset. */
    seekToBeginning(userQueue) {
        return this.plain(this.seekEdge(this.w(userQueue), getMinOffset));
    }
    /** Continue reading the queue at its end: only messages written from now on. */
    seekToEnd(userQueue) {
        return this.plain(this.seekEdge(this.w(userQueue), getMaxOffset));
    }
    async seekEdge(queue, find) {
        const pq = this.owned(queue);
        this.restart(pq, await find(this.member.cluster.remoting, await this.master(queue), pq.mq));
    }
    /**
     * The first offset whose message was stored at or after `timestamp` (ms or Date); the queue's end when every message is
     * older. On a 4.x broker (which answers the nearest message) the answer is corrected with a pull or two.
     */
    offsetForTimestamp(userQueue, timestamp) {
        const queue = this.w(userQueue);
        const mq = { topic: queue.topic, brokerName: queue.brokerName, queueId: queue.queueId };
        const ts = timestamp instanceof Date ? timestamp.getTime() : timestamp;
        return this.plain(this.master(mq).then((address) => offsetAtOrAfter(this.member.cluster.remoting, address, mq, ts, { group: this.member.group })));
    }
    /** Stop fetching and handing out these queues until resume(); other queues go on. */
    pause(queues) {
        for (const q of queues) {
            const pq = this.member.rebalancer.table.get(mqKey(this.w(q)));
            if (pq)
                pq.paused = true;
        }
    }
    /** Fetch and hand out these paused queues again. */
    resume(queues) {
        for (const q of queues) {
            const pq = this.member.rebalancer.table.get(mqKey(this.w(q)));
            if (pq) {
                pq.paused = false;
                pq.notify();
            }
        }
        this.policy.arrivals.notify();
    }
    /** The queues paused by `pause()`. */
    paused() {
        return [...this.member.rebalancer.table.values()].filter((pq) => pq.paused).map((pq) => this.u(pq.mq));
    }
    /**
     * Commit, unregister, close. Idempotent (the same promise every time). Resolves with the same shape as
     * `PushConsumer.close()`: `committed` are the offsets stored, `abandoned` the messages fetched ahead but never handed
     * out (the queue's next owner reads them), `drained` is 0 (no handler runs inside a pull consumer).
     */
    close() {
        this.closePromise ??= (async () => {
            await this.startPromise?.catch(() => undefined);
            if (this.state === 'closed')
                return { drained: 0, abandoned: 0, committed: [] };
            this.state = 'closed';
            this.policy.arrivals.notify();
            // With auto-commit, close commits what was handed out; without it, only what commit() stored is kept.
            if (this.options.autoCommit)
                this.policy.storePositions();
            let abandoned = 0;
            for (const pq of this.member.rebalancer.table.values())
                abandoned += pq.count;
            this.member.stop();
            return { drained: 0, abandoned, committed: this.uOffsets(await this.member.shutdown()) };
        })().finally(() => this.ending.stopped());
        return this.closePromise;
    }
    /** `await using consumer = new PullConsumer(...)`: `close()` at the end of the scope. */
    async [Symbol.asyncDispose]() {
        await this.close();
    }
}
//# sourceMappingURL=pull-consumer.js.map