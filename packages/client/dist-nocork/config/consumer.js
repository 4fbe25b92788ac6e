/**
 * The consumers' options: one zod schema per consumer with every option's default, bounds and doc comment (the
 * published types and the API docs carry these comments).
 *
 * Why over 400 lines: most of it is the doc comments; the checks between options (refinements) sit beside the fields
 * they relate, so an option is documented and checked in one place.
 */
import { z } from 'zod';
import { clientOptionsShape, codecSchema, schemaDefaults, timerMs, groupSchema, topicSchema, traceSchema } from './common.js';
export const ALLOCATION_NAMES = Object.freeze([
    'averagely',
    'averagely-by-circle',
    'consistent-hash',
    'by-config',
    'machine-room',
    'machine-room-nearby',
]);
/**
 * The one check of a tag expression ('*', 'TagA', 'TagA || TagB'); undefined when it is fine. Java accepts almost
 * anything (it skips empty pieces); we refuse what can only be a mistake: an empty expression, one with `||` but no
 * tag, a lone `|` (the user meant `||`; Java would subscribe to a tag literally named `A | B`), `*` mixed with tags
 * (Java would treat it as a literal tag), and control characters (\u0001/\u0002 separate properties on the wire, so
 * a stored TAGS value never has them).
 */
export function tagExpressionProblem(expr) {
    const t = expr.trim();
    if (t === '')
        return "is empty; use '*' for every tag or 'TagA || TagB'";
    if (t === '*')
        return undefined;
    if (/(^|[^|])\|([^|]|$)/.test(t) || /\|{3,}/.test(t))
        return `'${expr}' has a lone '|'; separate tags with '||', e.g. 'TagA || TagB'`;
    const parts = t.split('||').map((s) => s.trim());
    if (parts.every((p) => p === ''))
        return `'${expr}' names no tag; use '*' or 'TagA || TagB'`;
    if (parts.some((p) => p === '*'))
        return `'${expr}' mixes '*' with tags; use '*' alone`;
    if (/[\u0000-\u001f]/.test(t))
        return `'${expr}' contains a control character`;
    return undefined;
}
const subscriptionExpression = z.union([
    z.string().superRefine((s, ctx) => {
        const p = tagExpressionProblem(s);
        if (p)
            ctx.addIssue({ code: z.ZodIssueCode.custom, message: p });
    }),
    z
        .object({
        /** A SQL92 filter over the message properties, e.g. `"region = 'east' AND amount > 100"` (the broker must enable it). */
        sql: z.string().min(1, 'SQL92 expression must not be empty'),
    })
        .strict(),
]);
export const subscriptionsSchema = z
    .record(topicSchema, subscriptionExpression, {
    invalid_type_error: "must be an object of topic -> tag expression, e.g. { TopicOrderPaySuccess: '*' }",
    required_error: "is required, e.g. { TopicOrderPaySuccess: '*' }",
})
    .refine((r) => Object.keys(r).length > 0, { message: "subscribe to at least one topic, e.g. { TopicOrderPaySuccess: '*' }" });
const fn = (what) => z.custom((v) => typeof v === 'function', { message: `must be a function (${what})` });
const allocationSchema = z.union([
    z.enum(ALLOCATION_NAMES, {
        errorMap: () => ({ message: `unknown allocation strategy; use one of ${ALLOCATION_NAMES.join(', ')}, or a function` }),
    }),
    fn('({ consumerGroup, currentClientId, messageQueues, clientIds }) => queues'),
    z
        .object({
        /** The strategy's name, reported to the broker and in events. */
        name: z.string(),
        /** `(context) => queues`: this member's share of the topic's queues. */
        allocate: fn('allocate(ctx)'),
    })
        .passthrough(),
], {
    errorMap: () => ({
        message: `unknown allocation strategy; use one of ${ALLOCATION_NAMES.join(', ')}, a function or { name, allocate }`,
    }),
});
/** Largest timestamp accepted (the last ms of year 9999): beyond it a timestamp is a mistake, not a point in time. */
const MAX_TIMESTAMP_MS = 253_402_300_799_999;
export const consumeFromSchema = z
    .union([
    z.enum(['first', 'last']),
    z
        .object({
        /** Start at the first message stored at or after this time: ms since the epoch, or a Date. */
        timestamp: z.union([
            z.number().int().min(0).max(MAX_TIMESTAMP_MS),
            z.date().refine((d) => !Number.isNaN(d.getTime()) && d.getTime() >= 0 && d.getTime() <= MAX_TIMESTAMP_MS),
        ]),
    })
        .strict(),
], { errorMap: () => ({ message: "must be 'first', 'last' or { timestamp: <ms since epoch | Date> }" }) })
    .default('last');
/** A push consumer (either transport) needs exactly one of handler / batchHandler. */
function exactlyOneHandler(o, ctx) {
    if (!o.handler && !o.batchHandler) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['handler'], message: 'is required: async (message, context) => { ... } (or batchHandler)' });
    }
    if (o.handler && o.batchHandler) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['batchHandler'], message: 'give either handler or batchHandler, not both' });
    }
}
/** Options shared by the push and pull consumers. */
export const baseConsumerShape = {
    ...clientOptionsShape,
    /** The consumer group: one name per consuming system, e.g. `'stock_consumer_group'` (Java consumerGroup). Required. */
    group: groupSchema,
    /**
     * `'clustering'`: each message goes to one member of the group, offsets on the broker. `'broadcasting'`: every member
     * gets every message, offsets in a local file (Java messageModel).
     * @defaultValue 'clustering'
     */
    model: z.enum(['clustering', 'broadcasting'], { errorMap: () => ({ message: "must be 'clustering' or 'broadcasting'" }) }).default('clustering'),
    /**
     * Topic -> tag expression: `'*'`, `'TagA || TagB'`, or `{ sql: 'a > 5' }` (SQL92, the broker must enable it), e.g.
     * `{ TopicOrderPaySuccess: '*' }` (Java subscribe()). Required for the push consumer; the pull consumer may `assign()`
     * queues instead.
     */
    subscriptions: subscriptionsSchema,
    /**
     * How the group's members share a topic's queues: a built-in name (`'averagely'`, `'averagely-by-circle'`,
     * `'consistent-hash'`, `'by-config'`, `'machine-room'`, `'machine-room-nearby'`), a function
     * `({ consumerGroup, currentClientId, messageQueues, clientIds }) => queues`, or `{ name, allocate }`
     * (Java allocateMessageQueueStrategy). Every member of a group must use the same strategy.
     * @defaultValue 'averagely'
     */
    allocation: allocationSchema.default('averagely'),
    /**
     * Options of the strategies that need them: `queues` for `'by-config'`, `rooms` for `'machine-room'`, `resolver`
     * (and a fallback strategy) for `'machine-room-nearby'`, `virtualNodes` for `'consistent-hash'`.
     */
    allocationOptions: z.record(z.unknown()).optional(),
    /**
     * Where a group with no committed offset starts on a queue: `'last'` (new messages only), `'first'` (everything the
     * broker still has), or `{ timestamp }` (ms since the epoch, or a Date) (Java consumeFromWhere / consumeTimestamp).
     * A group that has committed offsets always resumes there.
     * @defaultValue 'last'
     */
    consumeFrom: consumeFromSchema,
    /**
     * `async (queues, { seek, signal }) => void`: awaited (up to `hookTimeoutMs`) before newly assigned queues are pulled;
     * `seek(queue, offset)` sets where a queue starts. A hook that throws is reported on `error`; the queues stay assigned.
     */
    onAssign: fn('async (queues) => void | offsets').optional(),
    /**
     * `async (queues, { signal }) => void`: awaited (up to `hookTimeoutMs`) after the revoked queues' in-flight messages
     * finished and their offsets were committed, before the queues are released.
     */
    onRevoke: fn('async (queues, { signal }) => void').optional(),
    /**
     * Messages asked for per pull request (Java pullBatchSize).
     * @defaultValue 32
     */
    pullBatchSize: z.number().int().min(1).max(1024).default(32),
    /**
     * Flow control: a queue stops pulling while it caches more than this many messages (Java pullThresholdForQueue).
     * @defaultValue 1000
     */
    pullThresholdForQueue: z.number().int().positive().max(1_000_000_000).default(1000),
    /**
     * Flow control: a queue stops pulling while its cached bodies take more than this many MiB
     * (Java pullThresholdSizeForQueue).
     * @defaultValue 100
     */
    pullThresholdSizeForQueueMiB: z.number().positive().finite().max(1024 * 1024).default(100),
    /**
     * Flow control per topic: cached messages over all owned queues of a topic, split evenly over them; overrides
     * `pullThresholdForQueue` (Java pullThresholdForTopic). Default unset (no topic limit).
     */
    pullThresholdForTopic: z.number().int().positive().max(1_000_000_000).optional(),
    /**
     * Flow control per topic: cached MiB over all owned queues of a topic, split evenly over them; overrides
     * `pullThresholdSizeForQueueMiB` (Java pullThresholdSizeForTopic). Default unset (no topic limit).
     */
    pullThresholdSizeForTopicMiB: z.number().positive().finite().max(1024 * 1024).optional(),
    /**
     * How long the broker may hold a pull that finds nothing (long polling), in ms (Java brokerSuspendMaxTimeMillis).
     * @defaultValue 15000
     */
    brokerSuspendMs: z.number().int().min(1000).max(60_000).default(15_000),
    /**
     * Interval of the periodic rebalance pass, in ms; a broker's "the group changed" notice also starts one at once
     * (Java rocketmq.client.rebalance.waitInterval).
     * @defaultValue 20000
     */
    rebalanceIntervalMs: timerMs().default(20_000),
    /**
     * Interval of the periodic offset commit (to the broker, or the local file in broadcasting), in ms
     * (Java persistConsumerOffsetInterval).
     * @defaultValue 5000
     */
    persistOffsetIntervalMs: timerMs().default(5_000),
    /**
     * Folder of the broadcasting offset files (`<dir>/<ip>@<instanceName>/<group>/offsets.json`; Java
     * rocketmq.client.localOffsetStoreDir). Default `~/.rocketmq_offsets`.
     */
    offsetStoreDir: z.string().min(1).optional(),
    /**
     * Pull from this broker id whatever the master suggests (0 = the master, 1 = the first slave). Default unset: follow
     * the broker's suggestWhichBrokerId.
     */
    readFromBrokerId: z.number().int().nonnegative().max(2_147_483_647).optional(),
    /**
     * Largest decoded (decompressed) message body accepted, checked while inflating; a larger one is ERR_MESSAGE_DECODE.
     * In bytes; 16 MiB = 4x the broker's 4 MiB message limit, which Java producers apply before compressing.
     * @defaultValue 16777216
     */
    maxMessageBytes: z.number().int().min(1024).max(1024 * 1024 * 1024).default(16 * 1024 * 1024),
    /**
     * A message that cannot be decoded (corrupt record, decompression bomb, bad header value): `'stall'` (default) keeps
     * the queue at that offset and tries again with back-off (3 s doubling to 60 s), `'skip'` moves past it; a function
     * `({ queue, offset, error, attempts }) => 'stall' | 'skip'` decides per attempt (e.g. skip once an operator agreed).
     * Either way every attempt is reported as an `error` event (ERR_MESSAGE_DECODE with topic, queue and offset).
     * @defaultValue 'stall'
     */
    undecodable: z
        .union([z.enum(['stall', 'skip']), fn("({ queue, offset, error, attempts }) => 'stall' | 'skip'")], {
        errorMap: () => ({ message: "must be 'stall', 'skip' or a function returning one of them" }),
    })
        .default('stall'),
    /**
     * How long a rebalance awaits `onAssign` / `onRevoke`, in ms; then their signal aborts, ERR_TIMEOUT is reported on
     * `error`, and the rebalance goes on.
     * @defaultValue 30000
     */
    hookTimeoutMs: timerMs().default(30_000),
    /**
     * How long a rebalance waits for the in-flight messages of a revoked queue before it commits and releases the queue
     * (messages still running then are not committed; the next owner receives them again), in ms.
     * @defaultValue 30000
     */
    revokeTimeoutMs: timerMs().default(30_000),
    /**
     * RocketMQ message trace: SubBefore/SubAfter records per handler call (push) or per poll (pull), with the group,
     * cost, outcome and retry count (`true` = RMQ_SYS_TRACE_TOPIC, or `{ topic }`). Default off.
     */
    trace: traceSchema,
};
const baseConsumerSchema = z.object(baseConsumerShape);
/** Retry delays of the remoting path (broker delay levels 3..18), reused by the proxy transport and POP (Java popDelayLevel). */
export const PROXY_RETRY_DELAYS_MS = Object.freeze([
    10_000, 30_000, 60_000, 120_000, 180_000, 240_000, 300_000, 360_000, 420_000, 480_000, 540_000, 600_000, 1_200_000,
    1_800_000, 3_600_000, 7_200_000,
]);
/** `pop` of PushConsumer (remoting): consume by POP (RocketMQ 5.x) instead of owning queues. */
export const popOptionsSchema = z
    .object({
    /**
     * How long a popped message stays hidden from the group's other members, in ms; renewed while its handler runs.
     * An un-acked message (its member died) comes back after it. Java popInvisibleTime; Java's range [5000, 300000].
     * @defaultValue 60000
     */
    invisibleTimeMs: z.number().int().min(5000, 'must be at least 5000 (Java popInvisibleTime range)').max(300_000, 'must be at most 300000 (Java popInvisibleTime range)').default(60_000),
    /**
     * Messages asked for per POP request, at most 32 (the broker's limit; Java popBatchNums).
     * @defaultValue 32
     */
    batchSize: z.number().int().min(1).max(32, 'is at most 32 (the broker POP limit)').default(32),
    /**
     * Popped messages this member holds unfinished at once (waiting for or running in a handler); a POP waits while
     * it is full (a small bound shares a backlog between members; Java's popThresholdForQueue is 96 per queue).
     * Default: `concurrency * batchSize` of the consumer plus one POP batch.
     */
    maxInFlight: z.number().int().min(1).max(1_000_000).optional(),
    /**
     * Delay before a failed message is delivered again, in ms, by attempt (`reconsumeTimes`; the last entry repeats):
     * Java's POP retry levels, 10 s ... 2 h.
     * @defaultValue [10000, 30000, 60000, 120000, ..., 7200000]
     */
    retryDelaysMs: z.array(timerMs(0)).nonempty().default([...PROXY_RETRY_DELAYS_MS]),
    /**
     * At start, tell every broker of each subscribed topic to hand it out to this group by POP
     * (SET_MESSAGE_REQUEST_MODE, as `mqadmin setConsumeMode -m POP`); `false`: leave the group's mode as it is (the
     * broker's default is PULL: each member then pops only the queues the broker assigns it).
     * @defaultValue true
     */
    setRequestMode: z.boolean().default(true),
    /**
     * With `setRequestMode`: 0 = every member pops every queue (the broker picks: one POP covers all queues of a
     * broker); N > 0 = each member pops its own queues and those of the next N members (Java popShareQueueNum).
     * @defaultValue 0
     */
    shareQueues: z.number().int().min(0).max(1024).default(0),
    /**
     * Ack finished messages in batches (BATCH_ACK_MESSAGE, one request per broker every few ms) instead of one
     * ACK_MESSAGE per message.
     * @defaultValue true
     */
    batchAck: z.boolean().default(true),
})
    .strict();
/** What POP consumption cannot honour: refused at construction, naming the field. */
function popRules(o, ctx) {
    if (o.pop === undefined)
        return;
    const refuse = (path, message) => ctx.addIssue({ code: z.ZodIssueCode.custom, path: [path], message });
    if (o.model !== 'clustering')
        refuse('model', "POP consumption is clustering only (the broker hands each message to one member); use model 'clustering' or leave pop out");
    if (o.ordering !== 'none')
        refuse('ordering', "ordered POP is not supported yet; use ordering 'none' with pop, or leave pop out for ordered consumption (queue locks)");
    if (o.allocation !== 'averagely' && o.allocation !== 'averagely-by-circle')
        refuse('allocation', "with pop the broker assigns queues and knows only 'averagely' and 'averagely-by-circle'");
    for (const f of ['onAssign', 'onRevoke', 'allocationOptions', 'readFromBrokerId']) {
        if (o[f] !== undefined)
            refuse(f, `${f} needs queue ownership; with pop the broker hands out messages, not queues`);
    }
    if (o.namespace !== undefined)
        refuse('namespace', 'namespace is not available with pop yet; give the namespaced names yourself or leave pop out');
    if (o.trace !== undefined && o.trace !== false)
        refuse('trace', 'message trace is not available with pop yet');
}
export const pushConsumerOptionsSchema = z
    .object({
    ...baseConsumerShape,
    /**
     * `async (message, { signal, queue, group }) => void`: resolve = consumed; throw = retried later (clustering) or
     * reported and skipped (broadcasting) (Java MessageListenerConcurrently). Give `handler` or `batchHandler`.
     */
    handler: fn('async (message, context) => void').optional(),
    /** `async (messages, context) => void`: up to `batchSize` messages of one queue at a time, retried together. */
    batchHandler: fn('async (messages, context) => void').optional(),
    /**
     * Handlers running at once (Java consumeThreadMax).
     * @defaultValue 20
     */
    concurrency: z.number().int().min(1, 'must be at least 1').max(1000).default(20),
    /**
     * Messages per `batchHandler` call (Java consumeMessageBatchMaxSize).
     * @defaultValue 1
     */
    batchSize: z.number().int().min(1).max(1024).default(1),
    /**
     * Deliveries of a failing message before it goes to %DLQ%<group>. Default 16 with `ordering: 'none'` (Java
     * concurrently) and unbounded in the ordered modes (Java orderly); -1 means that default (Java maxReconsumeTimes).
     * @defaultValue 16 (ordering 'none'), unbounded (ordering 'queue' / 'key')
     */
    maxReconsumeTimes: z.number().int().min(-1).max(10_000).optional(),
    /**
     * `'none'`: concurrent consumption. `'queue'`: one message (or batch) at a time per queue, in queue order, only
     * while this member holds the queue's broker lock (Java MessageListenerOrderly). `'key'`: locked queues as in
     * `'queue'`, but messages with different ordering keys (`__SHARDINGKEY`, else the first key) run in parallel up to
     * `concurrency`, and one key's messages strictly in order.
     * @defaultValue 'none'
     */
    ordering: z.enum(['none', 'queue', 'key'], { errorMap: () => ({ message: "must be 'none', 'queue' or 'key'" }) }).default('none'),
    /**
     * Ordered modes: how long a queue pauses after a failed message before it is handled again, in ms
     * (Java suspendCurrentQueueTimeMillis).
     * @defaultValue 1000
     */
    suspendMs: z.number().int().min(10).max(30_000).default(1000),
    /**
     * After this many ms a handler's signal is aborted and the message is retried (Java consumeTimeout, 15 min).
     * @defaultValue 900000
     */
    handlerTimeoutMs: timerMs().default(15 * 60_000),
    /**
     * Default deadline of `close()` for draining in-flight messages, in ms (Java awaitTerminationMillisWhenShutdown).
     * @defaultValue 30000
     */
    closeTimeoutMs: timerMs(0).default(30_000),
    /**
     * Decode (and check) each body before the handler runs; the handler reads `message.value`. 'json', 'text',
     * 'bytes', a schema with `parse` (zod: JSON checked by it) or a `{ decode(body) }` codec. A body that does not
     * decode is not retried: see `invalidPayload`.
     */
    codec: codecSchema.optional(),
    /** A body the codec refuses: 'dlq' (default) moves it to %DLQ%<group> at once; a function receives it instead. */
    invalidPayload: z
        .union([z.literal('dlq'), fn('async (message, error) => void')], {
        errorMap: () => ({ message: "must be 'dlq' or a function (message, error) => void" }),
    })
        .default('dlq'),
    /**
     * Skip a message whose key this member already handled successfully (best effort, per member; see the README).
     * `true` keys by message id; `{ key, max, ttlMs }` by your business key.
     */
    dedupe: z
        .union([
        z.boolean(),
        z
            .object({
            /** The business key of a message (e.g. an order id); `undefined` = never deduplicated. Default: the message id. */
            key: fn('(message) => string | undefined').optional(),
            /** Keys remembered (least recently used dropped first). */
            max: z.number().int().min(1).max(10_000_000).default(10_000),
            /** How long a key is remembered, in ms. */
            ttlMs: timerMs().default(3_600_000),
        })
            .strict(),
    ], { errorMap: () => ({ message: 'must be true, false or { key?, max?, ttlMs? }' }) })
        .optional(),
    /**
     * Consume by POP (RocketMQ 5.x brokers): the broker hands messages, not queues, to any member, each hidden from the
     * others for `invisibleTimeMs`; a member acks what it finished and what it does not ack comes back. More members
     * than queues all work, and a dead member holds nothing for long. `true` for the defaults, or
     * `{ invisibleTimeMs, batchSize, ... }`. Default off (queue ownership).
     */
    pop: z
        .union([z.boolean(), popOptionsSchema], { errorMap: () => ({ message: 'must be true, false or { invisibleTimeMs?, batchSize?, ... }' }) })
        .optional()
        .transform((v) => (v === undefined || v === false ? undefined : v === true ? popOptionsSchema.parse({}) : v)),
})
    .strict()
    .superRefine((o, ctx) => {
    exactlyOneHandler(o, ctx);
    popRules(o, ctx);
});
export const pullConsumerOptionsSchema = z
    .object({
    ...baseConsumerShape,
    /**
     * Topic -> tag expression, as for the push consumer (subscribe mode: the group's queues are shared by rebalance).
     * Leave it out to `assign()` queues yourself (assign mode).
     */
    subscriptions: subscriptionsSchema.optional(),
    /**
     * Commit the offsets of polled messages every `autoCommitIntervalMs` and at `close()`; `false`: only `commit()`
     * commits (Java autoCommit).
     * @defaultValue true
     */
    autoCommit: z.boolean().default(true),
    /**
     * Interval of the automatic commit, in ms (Java autoCommitIntervalMillis).
     * @defaultValue 5000
     */
    autoCommitIntervalMs: timerMs().default(5_000),
    /**
     * Upper bound of messages cached over all queues, waiting for `poll()` (Java pullThresholdForAll).
     * @defaultValue 10000
     */
    maxCachedMessages: z.number().int().positive().max(1_000_000_000).default(10_000),
    /**
     * How long `poll()` waits for a first message by default, in ms; 0 returns at once (Java pollTimeoutMillis).
     * @defaultValue 5000
     */
    pollTimeoutMs: timerMs(0).default(5_000),
})
    .strict();
/** Deliveries of a failing message before the DLQ in concurrent consumption when `maxReconsumeTimes` is unset or -1 (Java: 16). */
export const CONCURRENT_MAX_RECONSUME_TIMES = 16;
/**
 * Every consumer option's default, read from the schemas (the one place a default is stated), plus the two
 * `maxReconsumeTimes` defaults that depend on `ordering`.
 */
export const CONSUMER_DEFAULTS = Object.freeze({
    ...schemaDefaults(pushConsumerOptionsSchema.innerType().shape),
    ...schemaDefaults(pullConsumerOptionsSchema.shape),
    /** Deliveries of a failing message before the DLQ with `ordering: 'none'` (Java: 16). */
    maxReconsumeTimes: CONCURRENT_MAX_RECONSUME_TIMES,
    /** Deliveries of a failing message before the DLQ in the ordered modes: unbounded (Java orderly). */
    orderedMaxReconsumeTimes: Number.POSITIVE_INFINITY,
});
// ------------------------------------------------------------------ the proxy (gRPC) transport
/**
 * Measured on the kit's 5.5.0 proxy (test/integration/secured-proxy.test.ts): rocketmq-client-nodejs sends the
 * namespace as a header but asks for the plain topic's route, and the proxy answers for the plain topic, so a
 * namespaced topic (`ns%T`, as the Java client and our remoting transport name it) is never found.
 */
const PROXY_NAMESPACE_REFUSED = 'is not available through the proxy: rocketmq-client-nodejs with the 5.x proxy reads the plain topic, not <namespace>%<topic> as the Java client and the remoting transport do; use the remoting transport (nameServer) for namespaced topics';
/** `proxy` of PushConsumer: consume through a RocketMQ 5.x proxy's gRPC endpoint (rocketmq-client-nodejs). */
export const proxyOptionsSchema = z
    .object({
    /** The proxy's gRPC endpoint(s): 'host:port', 'host:port;host:port' or an array. */
    endpoints: z
        .union([z.string(), z.array(z.string()).nonempty()], {
        errorMap: () => ({ message: "must be the proxy's gRPC address, e.g. '127.0.0.1:8081'" }),
    })
        .transform((v, ctx) => {
        const list = (Array.isArray(v) ? v : v.split(/[;,]/)).map((s) => s.trim()).filter(Boolean);
        if (list.length === 0) {
            ctx.addIssue({ code: z.ZodIssueCode.custom, message: "give the proxy's gRPC address, e.g. '127.0.0.1:8081'" });
            return z.NEVER;
        }
        return list.join(';');
    }),
    /**
     * TLS to the proxy, verified against the system CAs (a proxy with permissive TLS accepts both); same as the
     * consumer's `tls: true`.
     * @defaultValue false
     */
    sslEnabled: z.boolean().default(false),
    /**
     * Refused when not empty (see PROXY_NAMESPACE_REFUSED): give the consumer's `namespace` instead.
     * @defaultValue ''
     */
    namespace: z.string().max(0, PROXY_NAMESPACE_REFUSED).default(''),
    /** ACL credentials for the proxy (rocketmq-client-nodejs sessionCredentials); same as the consumer's `credentials`. */
    credentials: z
        .object({
        /** The access key (ACL 2.0: the user name). */
        accessKey: z.string().min(1),
        /** The secret key (ACL 2.0: the password); it keys the signature, it is never sent. */
        accessSecret: z.string().min(1),
        /** Session token of temporary credentials. */
        securityToken: z.string().min(1).optional(),
    })
        .strict()
        .optional(),
    /**
     * How long a received message stays hidden from other members, in ms; renewed while its handler runs. At least
     * 10000 (the proxy refuses shorter).
     * @defaultValue 30000
     */
    invisibleDurationMs: z.number().int().min(10_000, 'must be at least 10000 (the proxy refuses shorter)').max(12 * 3_600_000).default(30_000),
    /**
     * Delay before a failed message is delivered again, in ms, by attempt (the last entry repeats): the broker's delay
     * levels 3..18.
     * @defaultValue [10000, 30000, 60000, 120000, ..., 7200000]
     */
    retryDelaysMs: z.array(timerMs(0)).nonempty().default([...PROXY_RETRY_DELAYS_MS]),
    /**
     * Receive calls (long polls) in flight at once; each asks one broker behind the proxy (round robin).
     * @defaultValue 2
     */
    receivers: z.number().int().min(1).max(64).default(2),
})
    .strict();
const PROXY_TLS_REFUSED = {
    ca: 'tls.ca (a custom CA)',
    cert: 'tls.cert (a client certificate, mutual TLS)',
    key: 'tls.key (a client certificate, mutual TLS)',
};
const remotingOnly = (what) => z.undefined({ errorMap: () => ({ message: `${what} is not available through the proxy (gRPC); it needs the remoting transport (nameServer)` }) });
/**
 * PushConsumer options when `proxy` is given: the push options minus what POP through the proxy cannot honour.
 * Each of those fails with ERR_INVALID_OPTION naming the field (checked here, once, before anything connects).
 */
export const proxyPushConsumerOptionsSchema = pushConsumerOptionsSchema
    .innerType()
    .extend({
    proxy: proxyOptionsSchema,
    nameServer: z.undefined({ errorMap: () => ({ message: 'give either nameServer (remoting transport) or proxy (gRPC), not both' }) }),
    model: z.literal('clustering', { errorMap: () => ({ message: "'broadcasting' is not available through the proxy (gRPC, POP consumption); it needs the remoting transport (nameServer)" }) }).default('clustering'),
    allocation: z.literal('averagely', { errorMap: () => ({ message: 'queue allocation is not available through the proxy (the broker hands out messages, POP); it needs the remoting transport (nameServer)' }) }).default('averagely'),
    consumeFrom: z.literal('last', { errorMap: () => ({ message: "only 'last' (a new group starts where the broker says) is available through the proxy; 'first' and timestamps need the remoting transport (nameServer)" }) }).default('last'),
    ordering: z.literal('none', {
        errorMap: () => ({ message: "ordered consumption ('queue' / 'key') needs broker queue locks, which the proxy (gRPC) does not offer; use the remoting transport (nameServer)" }),
    }).default('none'),
    suspendMs: remotingOnly('suspendMs (ordered consumption)'),
    maxReconsumeTimes: z.literal(16, { errorMap: () => ({ message: "through the proxy the broker applies the group's retryMaxTimes (default 16); set it on the group, or use the remoting transport (nameServer)" }) }).default(16),
    pullBatchSize: z.number().int().min(1).max(32, 'is at most 32 through the proxy (the broker POP limit)').default(32),
    /**
     * The receive long poll. Default 5 s, the proxy's minimum (it refuses less): the broker was seen to leave a POP
     * parked for a whole long poll despite a backlog now and then, so a short poll bounds that stall.
     */
    brokerSuspendMs: z.number().int().min(5000, 'is at least 5000 through the proxy (its minimum long-polling time)').max(60_000).default(5000),
    allocationOptions: remotingOnly('allocationOptions'),
    onAssign: remotingOnly('onAssign (queue ownership)'),
    onRevoke: remotingOnly('onRevoke (queue ownership)'),
    readFromBrokerId: remotingOnly('readFromBrokerId (slave reads)'),
    hookTimeoutMs: remotingOnly('hookTimeoutMs (queue ownership hooks)'),
    undecodable: remotingOnly('undecodable (the gRPC client decodes messages itself)'),
    codec: remotingOnly('codec (typed payloads: not yet through the proxy)'),
    invalidPayload: remotingOnly('invalidPayload (typed payloads: not yet through the proxy)'),
    dedupe: remotingOnly('dedupe (not yet through the proxy)'),
    pop: remotingOnly('pop (POP over remoting; through the proxy consumption is always POP)'),
    revokeTimeoutMs: remotingOnly('revokeTimeoutMs (queue ownership)'),
    offsetStoreDir: remotingOnly('offsetStoreDir (local offsets)'),
    trace: remotingOnly('trace (RocketMQ message trace records)'),
    persistOffsetIntervalMs: remotingOnly('persistOffsetIntervalMs (consume offsets)'),
    rebalanceIntervalMs: remotingOnly('rebalanceIntervalMs (rebalance)'),
    pullThresholdForQueue: remotingOnly('pullThresholdForQueue (per-queue flow control)'),
    pullThresholdSizeForQueueMiB: remotingOnly('pullThresholdSizeForQueueMiB (per-queue flow control)'),
    pullThresholdForTopic: remotingOnly('pullThresholdForTopic (per-queue flow control)'),
    pullThresholdSizeForTopicMiB: remotingOnly('pullThresholdSizeForTopicMiB (per-queue flow control)'),
    maxMessageBytes: remotingOnly('maxMessageBytes (the gRPC client decodes bodies itself)'),
    heartbeatIntervalMs: remotingOnly('heartbeatIntervalMs (the gRPC client heartbeats every 10 s)'),
    pollNameServerIntervalMs: remotingOnly('pollNameServerIntervalMs'),
    instanceName: remotingOnly('instanceName (the gRPC client makes its own client id)'),
    clientIp: remotingOnly('clientIp (the gRPC client makes its own client id)'),
    namespace: z.undefined({ errorMap: () => ({ message: PROXY_NAMESPACE_REFUSED }) }),
    // The same security options as the remoting transport, mapped onto rocketmq-client-nodejs: credentials become its
    // sessionCredentials, `tls: true` its sslEnabled (`namespace` is refused above). It verifies the proxy against the
    // system CAs only, so anything else in `tls` is refused here, naming the field.
    tls: z
        .custom()
        .superRefine((v, ctx) => {
        if (v === undefined || typeof v === 'boolean')
            return;
        if (typeof v !== 'object' || v === null) {
            ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'must be true or false through the proxy' });
            return;
        }
        for (const [key, value] of Object.entries(v)) {
            if (value === undefined || (key === 'rejectUnauthorized' && value === true))
                continue;
            const what = PROXY_TLS_REFUSED[key] ?? `tls.${key}`;
            ctx.addIssue({
                code: z.ZodIssueCode.custom,
                path: [key],
                message: key === 'rejectUnauthorized'
                    ? 'tls.rejectUnauthorized: false is not available through the proxy (rocketmq-client-nodejs always verifies against the system CAs); use the remoting transport (nameServer)'
                    : `${what} is not available through the proxy: rocketmq-client-nodejs verifies the proxy against the system CAs only; use the remoting transport (nameServer) for it`,
            });
        }
    })
        .optional(),
})
    .strict()
    .superRefine(exactlyOneHandler)
    .superRefine((o, ctx) => {
    if (o.credentials !== undefined && o.proxy.credentials !== undefined) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['credentials'], message: 'give credentials or proxy.credentials, not both' });
    }
});
//# sourceMappingURL=consumer.js.map