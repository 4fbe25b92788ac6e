/**
 * The consumers' options: one zod schema per consumer with every option's default, bounds and doc comment (the
 * published types and the API docs carry these comments).
 *
 * Why over 400 lines: most of it is the doc comments; the checks between options (refinements) sit beside the fields
 * they relate, so an option is documented and checked in one place.
 */
import { z } from 'zod';
export declare const ALLOCATION_NAMES: readonly ["averagely", "averagely-by-circle", "consistent-hash", "by-config", "machine-room", "machine-room-nearby"];
export type AllocationName = (typeof ALLOCATION_NAMES)[number];
/**
 * The one check of a tag expression ('*', 'TagA', 'TagA || TagB'); undefined when it is fine. Java accepts almost
 * anything (it skips empty pieces); we refuse what can only be a mistake: an empty expression, one with `||` but no
 * tag, a lone `|` (the user meant `||`; Java would subscribe to a tag literally named `A | B`), `*` mixed with tags
 * (Java would treat it as a literal tag), and control characters (\u0001/\u0002 separate properties on the wire, so
 * a stored TAGS value never has them).
 */
export declare function tagExpressionProblem(expr: string): string | undefined;
declare const subscriptionExpression: z.ZodUnion<[z.ZodEffects<z.ZodString, string, string>, z.ZodObject<{
    /** A SQL92 filter over the message properties, e.g. `"region = 'east' AND amount > 100"` (the broker must enable it). */
    sql: z.ZodString;
}, "strict", z.ZodTypeAny, {
    sql: string;
}, {
    sql: string;
}>]>;
export type SubscriptionExpression = z.infer<typeof subscriptionExpression>;
export declare const subscriptionsSchema: z.ZodEffects<z.ZodRecord<z.ZodString, z.ZodUnion<[z.ZodEffects<z.ZodString, string, string>, z.ZodObject<{
    /** A SQL92 filter over the message properties, e.g. `"region = 'east' AND amount > 100"` (the broker must enable it). */
    sql: z.ZodString;
}, "strict", z.ZodTypeAny, {
    sql: string;
}, {
    sql: string;
}>]>>, Record<string, string | {
    sql: string;
}>, Record<string, string | {
    sql: string;
}>>;
export declare const consumeFromSchema: z.ZodDefault<z.ZodUnion<[z.ZodEnum<["first", "last"]>, z.ZodObject<{
    /** Start at the first message stored at or after this time: ms since the epoch, or a Date. */
    timestamp: z.ZodUnion<[z.ZodNumber, z.ZodEffects<z.ZodDate, Date, Date>]>;
}, "strict", z.ZodTypeAny, {
    timestamp: number | Date;
}, {
    timestamp: number | Date;
}>]>>;
/** Options shared by the push and pull consumers. */
export declare const baseConsumerShape: {
    /** The consumer group: one name per consuming system, e.g. `'stock_consumer_group'` (Java consumerGroup). Required. */
    readonly group: z.ZodString;
    /**
     * `'clustering'`: each message goes to one member of the group, offsets on the broker. `'broadcasting'`: every member
     * gets every message, offsets in a local file (Java messageModel).
     * @defaultValue 'clustering'
     */
    readonly model: z.ZodDefault<z.ZodEnum<["clustering", "broadcasting"]>>;
    /**
     * Topic -> tag expression: `'*'`, `'TagA || TagB'`, or `{ sql: 'a > 5' }` (SQL92, the broker must enable it), e.g.
     * `{ TopicOrderPaySuccess: '*' }` (Java subscribe()). Required for the push consumer; the pull consumer may `assign()`
     * queues instead.
     */
    readonly subscriptions: z.ZodEffects<z.ZodRecord<z.ZodString, z.ZodUnion<[z.ZodEffects<z.ZodString, string, string>, z.ZodObject<{
        /** A SQL92 filter over the message properties, e.g. `"region = 'east' AND amount > 100"` (the broker must enable it). */
        sql: z.ZodString;
    }, "strict", z.ZodTypeAny, {
        sql: string;
    }, {
        sql: string;
    }>]>>, Record<string, string | {
        sql: string;
    }>, Record<string, string | {
        sql: string;
    }>>;
    /**
     * How the group's members share a topic's queues: a built-in name (`'averagely'`, `'averagely-by-circle'`,
     * `'consistent-hash'`, `'by-config'`, `'machine-room'`, `'machine-room-nearby'`), a function
     * `({ consumerGroup, currentClientId, messageQueues, clientIds }) => queues`, or `{ name, allocate }`
     * (Java allocateMessageQueueStrategy). Every member of a group must use the same strategy.
     * @defaultValue 'averagely'
     */
    readonly allocation: z.ZodDefault<z.ZodUnion<[z.ZodEnum<["averagely", "averagely-by-circle", "consistent-hash", "by-config", "machine-room", "machine-room-nearby"]>, z.ZodType<(...args: never[]) => unknown, z.ZodTypeDef, (...args: never[]) => unknown>, z.ZodObject<{
        /** The strategy's name, reported to the broker and in events. */
        name: z.ZodString;
        /** `(context) => queues`: this member's share of the topic's queues. */
        allocate: z.ZodType<(...args: never[]) => unknown, z.ZodTypeDef, (...args: never[]) => unknown>;
    }, "passthrough", z.ZodTypeAny, z.objectOutputType<{
        /** The strategy's name, reported to the broker and in events. */
        name: z.ZodString;
        /** `(context) => queues`: this member's share of the topic's queues. */
        allocate: z.ZodType<(...args: never[]) => unknown, z.ZodTypeDef, (...args: never[]) => unknown>;
    }, z.ZodTypeAny, "passthrough">, z.objectInputType<{
        /** The strategy's name, reported to the broker and in events. */
        name: z.ZodString;
        /** `(context) => queues`: this member's share of the topic's queues. */
        allocate: z.ZodType<(...args: never[]) => unknown, z.ZodTypeDef, (...args: never[]) => unknown>;
    }, z.ZodTypeAny, "passthrough">>]>>;
    /**
     * Options of the strategies that need them: `queues` for `'by-config'`, `rooms` for `'machine-room'`, `resolver`
     * (and a fallback strategy) for `'machine-room-nearby'`, `virtualNodes` for `'consistent-hash'`.
     */
    readonly allocationOptions: z.ZodOptional<z.ZodRecord<z.ZodString, z.ZodUnknown>>;
    /**
     * Where a group with no committed offset starts on a queue: `'last'` (new messages only), `'first'` (everything the
     * broker still has), or `{ timestamp }` (ms since the epoch, or a Date) (Java consumeFromWhere / consumeTimestamp).
     * A group that has committed offsets always resumes there.
     * @defaultValue 'last'
     */
    readonly consumeFrom: z.ZodDefault<z.ZodUnion<[z.ZodEnum<["first", "last"]>, z.ZodObject<{
        /** Start at the first message stored at or after this time: ms since the epoch, or a Date. */
        timestamp: z.ZodUnion<[z.ZodNumber, z.ZodEffects<z.ZodDate, Date, Date>]>;
    }, "strict", z.ZodTypeAny, {
        timestamp: number | Date;
    }, {
        timestamp: number | Date;
    }>]>>;
    /**
     * `async (queues, { seek, signal }) => void`: awaited (up to `hookTimeoutMs`) before newly assigned queues are pulled;
     * `seek(queue, offset)` sets where a queue starts. A hook that throws is reported on `error`; the queues stay assigned.
     */
    readonly onAssign: z.ZodOptional<z.ZodType<(...args: never[]) => unknown, z.ZodTypeDef, (...args: never[]) => unknown>>;
    /**
     * `async (queues, { signal }) => void`: awaited (up to `hookTimeoutMs`) after the revoked queues' in-flight messages
     * finished and their offsets were committed, before the queues are released.
     */
    readonly onRevoke: z.ZodOptional<z.ZodType<(...args: never[]) => unknown, z.ZodTypeDef, (...args: never[]) => unknown>>;
    /**
     * Messages asked for per pull request (Java pullBatchSize).
     * @defaultValue 32
     */
    readonly pullBatchSize: z.ZodDefault<z.ZodNumber>;
    /**
     * Flow control: a queue stops pulling while it caches more than this many messages (Java pullThresholdForQueue).
     * @defaultValue 1000
     */
    readonly pullThresholdForQueue: z.ZodDefault<z.ZodNumber>;
    /**
     * Flow control: a queue stops pulling while its cached bodies take more than this many MiB
     * (Java pullThresholdSizeForQueue).
     * @defaultValue 100
     */
    readonly pullThresholdSizeForQueueMiB: z.ZodDefault<z.ZodNumber>;
    /**
     * Flow control per topic: cached messages over all owned queues of a topic, split evenly over them; overrides
     * `pullThresholdForQueue` (Java pullThresholdForTopic). Default unset (no topic limit).
     */
    readonly pullThresholdForTopic: z.ZodOptional<z.ZodNumber>;
    /**
     * Flow control per topic: cached MiB over all owned queues of a topic, split evenly over them; overrides
     * `pullThresholdSizeForQueueMiB` (Java pullThresholdSizeForTopic). Default unset (no topic limit).
     */
    readonly pullThresholdSizeForTopicMiB: z.ZodOptional<z.ZodNumber>;
    /**
     * How long the broker may hold a pull that finds nothing (long polling), in ms (Java brokerSuspendMaxTimeMillis).
     * @defaultValue 15000
     */
    readonly brokerSuspendMs: z.ZodDefault<z.ZodNumber>;
    /**
     * Interval of the periodic rebalance pass, in ms; a broker's "the group changed" notice also starts one at once
     * (Java rocketmq.client.rebalance.waitInterval).
     * @defaultValue 20000
     */
    readonly rebalanceIntervalMs: z.ZodDefault<z.ZodNumber>;
    /**
     * Interval of the periodic offset commit (to the broker, or the local file in broadcasting), in ms
     * (Java persistConsumerOffsetInterval).
     * @defaultValue 5000
     */
    readonly persistOffsetIntervalMs: z.ZodDefault<z.ZodNumber>;
    /**
     * Folder of the broadcasting offset files (`<dir>/<ip>@<instanceName>/<group>/offsets.json`; Java
     * rocketmq.client.localOffsetStoreDir). Default `~/.rocketmq_offsets`.
     */
    readonly offsetStoreDir: z.ZodOptional<z.ZodString>;
    /**
     * Pull from this broker id whatever the master suggests (0 = the master, 1 = the first slave). Default unset: follow
     * the broker's suggestWhichBrokerId.
     */
    readonly readFromBrokerId: z.ZodOptional<z.ZodNumber>;
    /**
     * Largest decoded (decompressed) message body accepted, checked while inflating; a larger one is ERR_MESSAGE_DECODE.
     * In bytes; 16 MiB = 4x the broker's 4 MiB message limit, which Java producers apply before compressing.
     * @defaultValue 16777216
     */
    readonly maxMessageBytes: z.ZodDefault<z.ZodNumber>;
    /**
     * A message that cannot be decoded (corrupt record, decompression bomb, bad header value): `'stall'` (default) keeps
     * the queue at that offset and tries again with back-off (3 s doubling to 60 s), `'skip'` moves past it; a function
     * `({ queue, offset, error, attempts }) => 'stall' | 'skip'` decides per attempt (e.g. skip once an operator agreed).
     * Either way every attempt is reported as an `error` event (ERR_MESSAGE_DECODE with topic, queue and offset).
     * @defaultValue 'stall'
     */
    readonly undecodable: z.ZodDefault<z.ZodUnion<[z.ZodEnum<["stall", "skip"]>, z.ZodType<(...args: never[]) => unknown, z.ZodTypeDef, (...args: never[]) => unknown>]>>;
    /**
     * How long a rebalance awaits `onAssign` / `onRevoke`, in ms; then their signal aborts, ERR_TIMEOUT is reported on
     * `error`, and the rebalance goes on.
     * @defaultValue 30000
     */
    readonly hookTimeoutMs: z.ZodDefault<z.ZodNumber>;
    /**
     * How long a rebalance waits for the in-flight messages of a revoked queue before it commits and releases the queue
     * (messages still running then are not committed; the next owner receives them again), in ms.
     * @defaultValue 30000
     */
    readonly revokeTimeoutMs: z.ZodDefault<z.ZodNumber>;
    /**
     * RocketMQ message trace: SubBefore/SubAfter records per handler call (push) or per poll (pull), with the group,
     * cost, outcome and retry count (`true` = RMQ_SYS_TRACE_TOPIC, or `{ topic }`). Default off.
     */
    readonly trace: z.ZodOptional<z.ZodUnion<[z.ZodBoolean, z.ZodObject<{
        topic: z.ZodOptional<z.ZodString>;
    }, "strict", z.ZodTypeAny, {
        topic?: string | undefined;
    }, {
        topic?: string | undefined;
    }>]>>;
    readonly nameServer: z.ZodEffects<z.ZodUnion<[z.ZodString, z.ZodArray<z.ZodString, "atleastone">]>, string[], string | [string, ...string[]]>;
    readonly logger: z.ZodOptional<z.ZodType<import("../logger.js").Logger, z.ZodTypeDef, import("../logger.js").Logger>>;
    readonly instanceName: z.ZodOptional<z.ZodString>;
    readonly clientIp: z.ZodOptional<z.ZodEffects<z.ZodString, string, string>>;
    readonly requestTimeoutMs: z.ZodDefault<z.ZodNumber>;
    readonly heartbeatIntervalMs: z.ZodDefault<z.ZodNumber>;
    readonly pollNameServerIntervalMs: z.ZodDefault<z.ZodNumber>;
    readonly credentials: z.ZodOptional<z.ZodObject<{
        accessKey: z.ZodString;
        secretKey: z.ZodString;
        securityToken: z.ZodOptional<z.ZodString>;
    }, "strict", z.ZodTypeAny, {
        accessKey: string;
        secretKey: string;
        securityToken?: string | undefined;
    }, {
        accessKey: string;
        secretKey: string;
        securityToken?: string | undefined;
    }>>;
    readonly tls: z.ZodOptional<z.ZodUnion<[z.ZodBoolean, z.ZodEffects<z.ZodObject<{
        ca: z.ZodOptional<z.ZodUnion<[z.ZodString, z.ZodType<Buffer<ArrayBufferLike>, z.ZodTypeDef, Buffer<ArrayBufferLike>>, z.ZodArray<z.ZodUnion<[z.ZodString, z.ZodType<Buffer<ArrayBufferLike>, z.ZodTypeDef, Buffer<ArrayBufferLike>>]>, "atleastone">]>>;
        cert: z.ZodOptional<z.ZodUnion<[z.ZodString, z.ZodType<Buffer<ArrayBufferLike>, z.ZodTypeDef, Buffer<ArrayBufferLike>>, z.ZodArray<z.ZodUnion<[z.ZodString, z.ZodType<Buffer<ArrayBufferLike>, z.ZodTypeDef, Buffer<ArrayBufferLike>>]>, "atleastone">]>>;
        key: z.ZodOptional<z.ZodUnion<[z.ZodString, z.ZodType<Buffer<ArrayBufferLike>, z.ZodTypeDef, Buffer<ArrayBufferLike>>, z.ZodArray<z.ZodUnion<[z.ZodString, z.ZodType<Buffer<ArrayBufferLike>, z.ZodTypeDef, Buffer<ArrayBufferLike>>]>, "atleastone">]>>;
        passphrase: z.ZodOptional<z.ZodString>;
        servername: z.ZodOptional<z.ZodString>;
        rejectUnauthorized: z.ZodOptional<z.ZodBoolean>;
        checkServerIdentity: z.ZodOptional<z.ZodType<(host: string, cert: unknown) => Error | undefined, z.ZodTypeDef, (host: string, cert: unknown) => Error | undefined>>;
        minVersion: z.ZodOptional<z.ZodEnum<["TLSv1.2", "TLSv1.3"]>>;
    }, "strict", z.ZodTypeAny, {
        servername?: string | undefined;
        ca?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        cert?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        key?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        passphrase?: string | undefined;
        rejectUnauthorized?: boolean | undefined;
        checkServerIdentity?: ((host: string, cert: unknown) => Error | undefined) | undefined;
        minVersion?: "TLSv1.2" | "TLSv1.3" | undefined;
    }, {
        servername?: string | undefined;
        ca?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        cert?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        key?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        passphrase?: string | undefined;
        rejectUnauthorized?: boolean | undefined;
        checkServerIdentity?: ((host: string, cert: unknown) => Error | undefined) | undefined;
        minVersion?: "TLSv1.2" | "TLSv1.3" | undefined;
    }>, {
        servername?: string | undefined;
        ca?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        cert?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        key?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        passphrase?: string | undefined;
        rejectUnauthorized?: boolean | undefined;
        checkServerIdentity?: ((host: string, cert: unknown) => Error | undefined) | undefined;
        minVersion?: "TLSv1.2" | "TLSv1.3" | undefined;
    }, {
        servername?: string | undefined;
        ca?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        cert?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        key?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        passphrase?: string | undefined;
        rejectUnauthorized?: boolean | undefined;
        checkServerIdentity?: ((host: string, cert: unknown) => Error | undefined) | undefined;
        minVersion?: "TLSv1.2" | "TLSv1.3" | undefined;
    }>]>>;
    readonly namespace: z.ZodOptional<z.ZodString>;
};
declare const baseConsumerSchema: z.ZodObject<{
    /** The consumer group: one name per consuming system, e.g. `'stock_consumer_group'` (Java consumerGroup). Required. */
    readonly group: z.ZodString;
    /**
     * `'clustering'`: each message goes to one member of the group, offsets on the broker. `'broadcasting'`: every member
     * gets every message, offsets in a local file (Java messageModel).
     * @defaultValue 'clustering'
     */
    readonly model: z.ZodDefault<z.ZodEnum<["clustering", "broadcasting"]>>;
    /**
     * Topic -> tag expression: `'*'`, `'TagA || TagB'`, or `{ sql: 'a > 5' }` (SQL92, the broker must enable it), e.g.
     * `{ TopicOrderPaySuccess: '*' }` (Java subscribe()). Required for the push consumer; the pull consumer may `assign()`
     * queues instead.
     */
    readonly subscriptions: z.ZodEffects<z.ZodRecord<z.ZodString, z.ZodUnion<[z.ZodEffects<z.ZodString, string, string>, z.ZodObject<{
        /** A SQL92 filter over the message properties, e.g. `"region = 'east' AND amount > 100"` (the broker must enable it). */
        sql: z.ZodString;
    }, "strict", z.ZodTypeAny, {
        sql: string;
    }, {
        sql: string;
    }>]>>, Record<string, string | {
        sql: string;
    }>, Record<string, string | {
        sql: string;
    }>>;
    /**
     * How the group's members share a topic's queues: a built-in name (`'averagely'`, `'averagely-by-circle'`,
     * `'consistent-hash'`, `'by-config'`, `'machine-room'`, `'machine-room-nearby'`), a function
     * `({ consumerGroup, currentClientId, messageQueues, clientIds }) => queues`, or `{ name, allocate }`
     * (Java allocateMessageQueueStrategy). Every member of a group must use the same strategy.
     * @defaultValue 'averagely'
     */
    readonly allocation: z.ZodDefault<z.ZodUnion<[z.ZodEnum<["averagely", "averagely-by-circle", "consistent-hash", "by-config", "machine-room", "machine-room-nearby"]>, z.ZodType<(...args: never[]) => unknown, z.ZodTypeDef, (...args: never[]) => unknown>, z.ZodObject<{
        /** The strategy's name, reported to the broker and in events. */
        name: z.ZodString;
        /** `(context) => queues`: this member's share of the topic's queues. */
        allocate: z.ZodType<(...args: never[]) => unknown, z.ZodTypeDef, (...args: never[]) => unknown>;
    }, "passthrough", z.ZodTypeAny, z.objectOutputType<{
        /** The strategy's name, reported to the broker and in events. */
        name: z.ZodString;
        /** `(context) => queues`: this member's share of the topic's queues. */
        allocate: z.ZodType<(...args: never[]) => unknown, z.ZodTypeDef, (...args: never[]) => unknown>;
    }, z.ZodTypeAny, "passthrough">, z.objectInputType<{
        /** The strategy's name, reported to the broker and in events. */
        name: z.ZodString;
        /** `(context) => queues`: this member's share of the topic's queues. */
        allocate: z.ZodType<(...args: never[]) => unknown, z.ZodTypeDef, (...args: never[]) => unknown>;
    }, z.ZodTypeAny, "passthrough">>]>>;
    /**
     * Options of the strategies that need them: `queues` for `'by-config'`, `rooms` for `'machine-room'`, `resolver`
     * (and a fallback strategy) for `'machine-room-nearby'`, `virtualNodes` for `'consistent-hash'`.
     */
    readonly allocationOptions: z.ZodOptional<z.ZodRecord<z.ZodString, z.ZodUnknown>>;
    /**
     * Where a group with no committed offset starts on a queue: `'last'` (new messages only), `'first'` (everything the
     * broker still has), or `{ timestamp }` (ms since the epoch, or a Date) (Java consumeFromWhere / consumeTimestamp).
     * A group that has committed offsets always resumes there.
     * @defaultValue 'last'
     */
    readonly consumeFrom: z.ZodDefault<z.ZodUnion<[z.ZodEnum<["first", "last"]>, z.ZodObject<{
        /** Start at the first message stored at or after this time: ms since the epoch, or a Date. */
        timestamp: z.ZodUnion<[z.ZodNumber, z.ZodEffects<z.ZodDate, Date, Date>]>;
    }, "strict", z.ZodTypeAny, {
        timestamp: number | Date;
    }, {
        timestamp: number | Date;
    }>]>>;
    /**
     * `async (queues, { seek, signal }) => void`: awaited (up to `hookTimeoutMs`) before newly assigned queues are pulled;
     * `seek(queue, offset)` sets where a queue starts. A hook that throws is reported on `error`; the queues stay assigned.
     */
    readonly onAssign: z.ZodOptional<z.ZodType<(...args: never[]) => unknown, z.ZodTypeDef, (...args: never[]) => unknown>>;
    /**
     * `async (queues, { signal }) => void`: awaited (up to `hookTimeoutMs`) after the revoked queues' in-flight messages
     * finished and their offsets were committed, before the queues are released.
     */
    readonly onRevoke: z.ZodOptional<z.ZodType<(...args: never[]) => unknown, z.ZodTypeDef, (...args: never[]) => unknown>>;
    /**
     * Messages asked for per pull request (Java pullBatchSize).
     * @defaultValue 32
     */
    readonly pullBatchSize: z.ZodDefault<z.ZodNumber>;
    /**
     * Flow control: a queue stops pulling while it caches more than this many messages (Java pullThresholdForQueue).
     * @defaultValue 1000
     */
    readonly pullThresholdForQueue: z.ZodDefault<z.ZodNumber>;
    /**
     * Flow control: a queue stops pulling while its cached bodies take more than this many MiB
     * (Java pullThresholdSizeForQueue).
     * @defaultValue 100
     */
    readonly pullThresholdSizeForQueueMiB: z.ZodDefault<z.ZodNumber>;
    /**
     * Flow control per topic: cached messages over all owned queues of a topic, split evenly over them; overrides
     * `pullThresholdForQueue` (Java pullThresholdForTopic). Default unset (no topic limit).
     */
    readonly pullThresholdForTopic: z.ZodOptional<z.ZodNumber>;
    /**
     * Flow control per topic: cached MiB over all owned queues of a topic, split evenly over them; overrides
     * `pullThresholdSizeForQueueMiB` (Java pullThresholdSizeForTopic). Default unset (no topic limit).
     */
    readonly pullThresholdSizeForTopicMiB: z.ZodOptional<z.ZodNumber>;
    /**
     * How long the broker may hold a pull that finds nothing (long polling), in ms (Java brokerSuspendMaxTimeMillis).
     * @defaultValue 15000
     */
    readonly brokerSuspendMs: z.ZodDefault<z.ZodNumber>;
    /**
     * Interval of the periodic rebalance pass, in ms; a broker's "the group changed" notice also starts one at once
     * (Java rocketmq.client.rebalance.waitInterval).
     * @defaultValue 20000
     */
    readonly rebalanceIntervalMs: z.ZodDefault<z.ZodNumber>;
    /**
     * Interval of the periodic offset commit (to the broker, or the local file in broadcasting), in ms
     * (Java persistConsumerOffsetInterval).
     * @defaultValue 5000
     */
    readonly persistOffsetIntervalMs: z.ZodDefault<z.ZodNumber>;
    /**
     * Folder of the broadcasting offset files (`<dir>/<ip>@<instanceName>/<group>/offsets.json`; Java
     * rocketmq.client.localOffsetStoreDir). Default `~/.rocketmq_offsets`.
     */
    readonly offsetStoreDir: z.ZodOptional<z.ZodString>;
    /**
     * Pull from this broker id whatever the master suggests (0 = the master, 1 = the first slave). Default unset: follow
     * the broker's suggestWhichBrokerId.
     */
    readonly readFromBrokerId: z.ZodOptional<z.ZodNumber>;
    /**
     * Largest decoded (decompressed) message body accepted, checked while inflating; a larger one is ERR_MESSAGE_DECODE.
     * In bytes; 16 MiB = 4x the broker's 4 MiB message limit, which Java producers apply before compressing.
     * @defaultValue 16777216
     */
    readonly maxMessageBytes: z.ZodDefault<z.ZodNumber>;
    /**
     * A message that cannot be decoded (corrupt record, decompression bomb, bad header value): `'stall'` (default) keeps
     * the queue at that offset and tries again with back-off (3 s doubling to 60 s), `'skip'` moves past it; a function
     * `({ queue, offset, error, attempts }) => 'stall' | 'skip'` decides per attempt (e.g. skip once an operator agreed).
     * Either way every attempt is reported as an `error` event (ERR_MESSAGE_DECODE with topic, queue and offset).
     * @defaultValue 'stall'
     */
    readonly undecodable: z.ZodDefault<z.ZodUnion<[z.ZodEnum<["stall", "skip"]>, z.ZodType<(...args: never[]) => unknown, z.ZodTypeDef, (...args: never[]) => unknown>]>>;
    /**
     * How long a rebalance awaits `onAssign` / `onRevoke`, in ms; then their signal aborts, ERR_TIMEOUT is reported on
     * `error`, and the rebalance goes on.
     * @defaultValue 30000
     */
    readonly hookTimeoutMs: z.ZodDefault<z.ZodNumber>;
    /**
     * How long a rebalance waits for the in-flight messages of a revoked queue before it commits and releases the queue
     * (messages still running then are not committed; the next owner receives them again), in ms.
     * @defaultValue 30000
     */
    readonly revokeTimeoutMs: z.ZodDefault<z.ZodNumber>;
    /**
     * RocketMQ message trace: SubBefore/SubAfter records per handler call (push) or per poll (pull), with the group,
     * cost, outcome and retry count (`true` = RMQ_SYS_TRACE_TOPIC, or `{ topic }`). Default off.
     */
    readonly trace: z.ZodOptional<z.ZodUnion<[z.ZodBoolean, z.ZodObject<{
        topic: z.ZodOptional<z.ZodString>;
    }, "strict", z.ZodTypeAny, {
        topic?: string | undefined;
    }, {
        topic?: string | undefined;
    }>]>>;
    readonly nameServer: z.ZodEffects<z.ZodUnion<[z.ZodString, z.ZodArray<z.ZodString, "atleastone">]>, string[], string | [string, ...string[]]>;
    readonly logger: z.ZodOptional<z.ZodType<import("../logger.js").Logger, z.ZodTypeDef, import("../logger.js").Logger>>;
    readonly instanceName: z.ZodOptional<z.ZodString>;
    readonly clientIp: z.ZodOptional<z.ZodEffects<z.ZodString, string, string>>;
    readonly requestTimeoutMs: z.ZodDefault<z.ZodNumber>;
    readonly heartbeatIntervalMs: z.ZodDefault<z.ZodNumber>;
    readonly pollNameServerIntervalMs: z.ZodDefault<z.ZodNumber>;
    readonly credentials: z.ZodOptional<z.ZodObject<{
        accessKey: z.ZodString;
        secretKey: z.ZodString;
        securityToken: z.ZodOptional<z.ZodString>;
    }, "strict", z.ZodTypeAny, {
        accessKey: string;
        secretKey: string;
        securityToken?: string | undefined;
    }, {
        accessKey: string;
        secretKey: string;
        securityToken?: string | undefined;
    }>>;
    readonly tls: z.ZodOptional<z.ZodUnion<[z.ZodBoolean, z.ZodEffects<z.ZodObject<{
        ca: z.ZodOptional<z.ZodUnion<[z.ZodString, z.ZodType<Buffer<ArrayBufferLike>, z.ZodTypeDef, Buffer<ArrayBufferLike>>, z.ZodArray<z.ZodUnion<[z.ZodString, z.ZodType<Buffer<ArrayBufferLike>, z.ZodTypeDef, Buffer<ArrayBufferLike>>]>, "atleastone">]>>;
        cert: z.ZodOptional<z.ZodUnion<[z.ZodString, z.ZodType<Buffer<ArrayBufferLike>, z.ZodTypeDef, Buffer<ArrayBufferLike>>, z.ZodArray<z.ZodUnion<[z.ZodString, z.ZodType<Buffer<ArrayBufferLike>, z.ZodTypeDef, Buffer<ArrayBufferLike>>]>, "atleastone">]>>;
        key: z.ZodOptional<z.ZodUnion<[z.ZodString, z.ZodType<Buffer<ArrayBufferLike>, z.ZodTypeDef, Buffer<ArrayBufferLike>>, z.ZodArray<z.ZodUnion<[z.ZodString, z.ZodType<Buffer<ArrayBufferLike>, z.ZodTypeDef, Buffer<ArrayBufferLike>>]>, "atleastone">]>>;
        passphrase: z.ZodOptional<z.ZodString>;
        servername: z.ZodOptional<z.ZodString>;
        rejectUnauthorized: z.ZodOptional<z.ZodBoolean>;
        checkServerIdentity: z.ZodOptional<z.ZodType<(host: string, cert: unknown) => Error | undefined, z.ZodTypeDef, (host: string, cert: unknown) => Error | undefined>>;
        minVersion: z.ZodOptional<z.ZodEnum<["TLSv1.2", "TLSv1.3"]>>;
    }, "strict", z.ZodTypeAny, {
        servername?: string | undefined;
        ca?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        cert?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        key?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        passphrase?: string | undefined;
        rejectUnauthorized?: boolean | undefined;
        checkServerIdentity?: ((host: string, cert: unknown) => Error | undefined) | undefined;
        minVersion?: "TLSv1.2" | "TLSv1.3" | undefined;
    }, {
        servername?: string | undefined;
        ca?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        cert?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        key?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        passphrase?: string | undefined;
        rejectUnauthorized?: boolean | undefined;
        checkServerIdentity?: ((host: string, cert: unknown) => Error | undefined) | undefined;
        minVersion?: "TLSv1.2" | "TLSv1.3" | undefined;
    }>, {
        servername?: string | undefined;
        ca?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        cert?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        key?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        passphrase?: string | undefined;
        rejectUnauthorized?: boolean | undefined;
        checkServerIdentity?: ((host: string, cert: unknown) => Error | undefined) | undefined;
        minVersion?: "TLSv1.2" | "TLSv1.3" | undefined;
    }, {
        servername?: string | undefined;
        ca?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        cert?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        key?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        passphrase?: string | undefined;
        rejectUnauthorized?: boolean | undefined;
        checkServerIdentity?: ((host: string, cert: unknown) => Error | undefined) | undefined;
        minVersion?: "TLSv1.2" | "TLSv1.3" | undefined;
    }>]>>;
    readonly namespace: z.ZodOptional<z.ZodString>;
}, "strip", z.ZodTypeAny, {
    group: string;
    maxMessageBytes: number;
    model: "clustering" | "broadcasting";
    subscriptions: Record<string, string | {
        sql: string;
    }>;
    allocation: "averagely" | "averagely-by-circle" | "consistent-hash" | "by-config" | "machine-room" | "machine-room-nearby" | ((...args: never[]) => unknown) | z.objectOutputType<{
        /** The strategy's name, reported to the broker and in events. */
        name: z.ZodString;
        /** `(context) => queues`: this member's share of the topic's queues. */
        allocate: z.ZodType<(...args: never[]) => unknown, z.ZodTypeDef, (...args: never[]) => unknown>;
    }, z.ZodTypeAny, "passthrough">;
    consumeFrom: "first" | "last" | {
        timestamp: number | Date;
    };
    pullBatchSize: number;
    pullThresholdForQueue: number;
    pullThresholdSizeForQueueMiB: number;
    brokerSuspendMs: number;
    rebalanceIntervalMs: number;
    persistOffsetIntervalMs: number;
    undecodable: "stall" | "skip" | ((...args: never[]) => unknown);
    hookTimeoutMs: number;
    revokeTimeoutMs: number;
    nameServer: string[];
    requestTimeoutMs: number;
    heartbeatIntervalMs: number;
    pollNameServerIntervalMs: number;
    instanceName?: string | undefined;
    credentials?: {
        accessKey: string;
        secretKey: string;
        securityToken?: string | undefined;
    } | undefined;
    tls?: boolean | {
        servername?: string | undefined;
        ca?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        cert?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        key?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        passphrase?: string | undefined;
        rejectUnauthorized?: boolean | undefined;
        checkServerIdentity?: ((host: string, cert: unknown) => Error | undefined) | undefined;
        minVersion?: "TLSv1.2" | "TLSv1.3" | undefined;
    } | undefined;
    allocationOptions?: Record<string, unknown> | undefined;
    onAssign?: ((...args: never[]) => unknown) | undefined;
    onRevoke?: ((...args: never[]) => unknown) | undefined;
    pullThresholdForTopic?: number | undefined;
    pullThresholdSizeForTopicMiB?: number | undefined;
    offsetStoreDir?: string | undefined;
    readFromBrokerId?: number | undefined;
    trace?: boolean | {
        topic?: string | undefined;
    } | undefined;
    logger?: import("../logger.js").Logger | undefined;
    clientIp?: string | undefined;
    namespace?: string | undefined;
}, {
    group: string;
    subscriptions: Record<string, string | {
        sql: string;
    }>;
    nameServer: string | [string, ...string[]];
    maxMessageBytes?: number | undefined;
    instanceName?: string | undefined;
    credentials?: {
        accessKey: string;
        secretKey: string;
        securityToken?: string | undefined;
    } | undefined;
    tls?: boolean | {
        servername?: string | undefined;
        ca?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        cert?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        key?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        passphrase?: string | undefined;
        rejectUnauthorized?: boolean | undefined;
        checkServerIdentity?: ((host: string, cert: unknown) => Error | undefined) | undefined;
        minVersion?: "TLSv1.2" | "TLSv1.3" | undefined;
    } | undefined;
    model?: "clustering" | "broadcasting" | undefined;
    allocation?: "averagely" | "averagely-by-circle" | "consistent-hash" | "by-config" | "machine-room" | "machine-room-nearby" | ((...args: never[]) => unknown) | z.objectInputType<{
        /** The strategy's name, reported to the broker and in events. */
        name: z.ZodString;
        /** `(context) => queues`: this member's share of the topic's queues. */
        allocate: z.ZodType<(...args: never[]) => unknown, z.ZodTypeDef, (...args: never[]) => unknown>;
    }, z.ZodTypeAny, "passthrough"> | undefined;
    allocationOptions?: Record<string, unknown> | undefined;
    consumeFrom?: "first" | "last" | {
        timestamp: number | Date;
    } | undefined;
    onAssign?: ((...args: never[]) => unknown) | undefined;
    onRevoke?: ((...args: never[]) => unknown) | undefined;
    pullBatchSize?: number | undefined;
    pullThresholdForQueue?: number | undefined;
    pullThresholdSizeForQueueMiB?: number | undefined;
    pullThresholdForTopic?: number | undefined;
    pullThresholdSizeForTopicMiB?: number | undefined;
    brokerSuspendMs?: number | undefined;
    rebalanceIntervalMs?: number | undefined;
    persistOffsetIntervalMs?: number | undefined;
    offsetStoreDir?: string | undefined;
    readFromBrokerId?: number | undefined;
    undecodable?: "stall" | "skip" | ((...args: never[]) => unknown) | undefined;
    hookTimeoutMs?: number | undefined;
    revokeTimeoutMs?: number | undefined;
    trace?: boolean | {
        topic?: string | undefined;
    } | undefined;
    logger?: import("../logger.js").Logger | undefined;
    clientIp?: string | undefined;
    requestTimeoutMs?: number | undefined;
    heartbeatIntervalMs?: number | undefined;
    pollNameServerIntervalMs?: number | undefined;
    namespace?: string | undefined;
}>;
/** The parsed options every consumer part reads (both consumers' options extend these). */
export type BaseConsumerOptions = Omit<z.output<typeof baseConsumerSchema>, 'subscriptions'> & {
    /** Optional for the pull consumer in assign mode. */
    subscriptions?: z.output<typeof subscriptionsSchema>;
};
/** Retry delays of the remoting path (broker delay levels 3..18), reused by the proxy transport and POP (Java popDelayLevel). */
export declare const PROXY_RETRY_DELAYS_MS: readonly number[];
/** `pop` of PushConsumer (remoting): consume by POP (RocketMQ 5.x) instead of owning queues. */
export declare const popOptionsSchema: z.ZodObject<{
    /**
     * How long a popped message stays hidden from the group's other members, in ms; renewed while its handler runs.
     * An un-acked message (its member died) comes back after it. Java popInvisibleTime; Java's range [5000, 300000].
     * @defaultValue 60000
     */
    invisibleTimeMs: z.ZodDefault<z.ZodNumber>;
    /**
     * Messages asked for per POP request, at most 32 (the broker's limit; Java popBatchNums).
     * @defaultValue 32
     */
    batchSize: z.ZodDefault<z.ZodNumber>;
    /**
     * Popped messages this member holds unfinished at once (waiting for or running in a handler); a POP waits while
     * it is full (a small bound shares a backlog between members; Java's popThresholdForQueue is 96 per queue).
     * Default: `concurrency * batchSize` of the consumer plus one POP batch.
     */
    maxInFlight: z.ZodOptional<z.ZodNumber>;
    /**
     * Delay before a failed message is delivered again, in ms, by attempt (`reconsumeTimes`; the last entry repeats):
     * Java's POP retry levels, 10 s ... 2 h.
     * @defaultValue [10000, 30000, 60000, 120000, ..., 7200000]
     */
    retryDelaysMs: z.ZodDefault<z.ZodArray<z.ZodNumber, "atleastone">>;
    /**
     * At start, tell every broker of each subscribed topic to hand it out to this group by POP
     * (SET_MESSAGE_REQUEST_MODE, as `mqadmin setConsumeMode -m POP`); `false`: leave the group's mode as it is (the
     * broker's default is PULL: each member then pops only the queues the broker assigns it).
     * @defaultValue true
     */
    setRequestMode: z.ZodDefault<z.ZodBoolean>;
    /**
     * With `setRequestMode`: 0 = every member pops every queue (the broker picks: one POP covers all queues of a
     * broker); N > 0 = each member pops its own queues and those of the next N members (Java popShareQueueNum).
     * @defaultValue 0
     */
    shareQueues: z.ZodDefault<z.ZodNumber>;
    /**
     * Ack finished messages in batches (BATCH_ACK_MESSAGE, one request per broker every few ms) instead of one
     * ACK_MESSAGE per message.
     * @defaultValue true
     */
    batchAck: z.ZodDefault<z.ZodBoolean>;
}, "strict", z.ZodTypeAny, {
    invisibleTimeMs: number;
    batchSize: number;
    retryDelaysMs: [number, ...number[]];
    setRequestMode: boolean;
    shareQueues: number;
    batchAck: boolean;
    maxInFlight?: number | undefined;
}, {
    invisibleTimeMs?: number | undefined;
    batchSize?: number | undefined;
    maxInFlight?: number | undefined;
    retryDelaysMs?: [number, ...number[]] | undefined;
    setRequestMode?: boolean | undefined;
    shareQueues?: number | undefined;
    batchAck?: boolean | undefined;
}>;
/** `pop` as given: `true` (the defaults) or the settings. @useDeclaredType */
export type PopOptionsInput = z.input<typeof popOptionsSchema>;
export type PopOptions = z.output<typeof popOptionsSchema>;
export declare const pushConsumerOptionsSchema: z.ZodEffects<z.ZodObject<{
    /**
     * `async (message, { signal, queue, group }) => void`: resolve = consumed; throw = retried later (clustering) or
     * reported and skipped (broadcasting) (Java MessageListenerConcurrently). Give `handler` or `batchHandler`.
     */
    handler: z.ZodOptional<z.ZodType<(...args: never[]) => unknown, z.ZodTypeDef, (...args: never[]) => unknown>>;
    /** `async (messages, context) => void`: up to `batchSize` messages of one queue at a time, retried together. */
    batchHandler: z.ZodOptional<z.ZodType<(...args: never[]) => unknown, z.ZodTypeDef, (...args: never[]) => unknown>>;
    /**
     * Handlers running at once (Java consumeThreadMax).
     * @defaultValue 20
     */
    concurrency: z.ZodDefault<z.ZodNumber>;
    /**
     * Messages per `batchHandler` call (Java consumeMessageBatchMaxSize).
     * @defaultValue 1
     */
    batchSize: z.ZodDefault<z.ZodNumber>;
    /**
     * Deliveries of a failing message before it goes to %DLQ%<group>. Default 16 with `ordering: 'none'` (Java
     * concurrently) and unbounded in the ordered modes (Java orderly); -1 means that default (Java maxReconsumeTimes).
     * @defaultValue 16 (ordering 'none'), unbounded (ordering 'queue' / 'key')
     */
    maxReconsumeTimes: z.ZodOptional<z.ZodNumber>;
    /**
     * `'none'`: concurrent consumption. `'queue'`: one message (or batch) at a time per queue, in queue order, only
     * while this member holds the queue's broker lock (Java MessageListenerOrderly). `'key'`: locked queues as in
     * `'queue'`, but messages with different ordering keys (`__SHARDINGKEY`, else the first key) run in parallel up to
     * `concurrency`, and one key's messages strictly in order.
     * @defaultValue 'none'
     */
    ordering: z.ZodDefault<z.ZodEnum<["none", "queue", "key"]>>;
    /**
     * Ordered modes: how long a queue pauses after a failed message before it is handled again, in ms
     * (Java suspendCurrentQueueTimeMillis).
     * @defaultValue 1000
     */
    suspendMs: z.ZodDefault<z.ZodNumber>;
    /**
     * After this many ms a handler's signal is aborted and the message is retried (Java consumeTimeout, 15 min).
     * @defaultValue 900000
     */
    handlerTimeoutMs: z.ZodDefault<z.ZodNumber>;
    /**
     * Default deadline of `close()` for draining in-flight messages, in ms (Java awaitTerminationMillisWhenShutdown).
     * @defaultValue 30000
     */
    closeTimeoutMs: z.ZodDefault<z.ZodNumber>;
    /**
     * Decode (and check) each body before the handler runs; the handler reads `message.value`. 'json', 'text',
     * 'bytes', a schema with `parse` (zod: JSON checked by it) or a `{ decode(body) }` codec. A body that does not
     * decode is not retried: see `invalidPayload`.
     */
    codec: z.ZodOptional<z.ZodUnion<[z.ZodEnum<["json", "text", "bytes"]>, z.ZodType<object, z.ZodTypeDef, object>]>>;
    /** A body the codec refuses: 'dlq' (default) moves it to %DLQ%<group> at once; a function receives it instead. */
    invalidPayload: z.ZodDefault<z.ZodUnion<[z.ZodLiteral<"dlq">, z.ZodType<(...args: never[]) => unknown, z.ZodTypeDef, (...args: never[]) => unknown>]>>;
    /**
     * Skip a message whose key this member already handled successfully (best effort, per member; see the README).
     * `true` keys by message id; `{ key, max, ttlMs }` by your business key.
     */
    dedupe: z.ZodOptional<z.ZodUnion<[z.ZodBoolean, z.ZodObject<{
        /** The business key of a message (e.g. an order id); `undefined` = never deduplicated. Default: the message id. */
        key: z.ZodOptional<z.ZodType<(...args: never[]) => unknown, z.ZodTypeDef, (...args: never[]) => unknown>>;
        /** Keys remembered (least recently used dropped first). */
        max: z.ZodDefault<z.ZodNumber>;
        /** How long a key is remembered, in ms. */
        ttlMs: z.ZodDefault<z.ZodNumber>;
    }, "strict", z.ZodTypeAny, {
        max: number;
        ttlMs: number;
        key?: ((...args: never[]) => unknown) | undefined;
    }, {
        key?: ((...args: never[]) => unknown) | undefined;
        max?: number | undefined;
        ttlMs?: number | undefined;
    }>]>>;
    /**
     * Consume by POP (RocketMQ 5.x brokers): the broker hands messages, not queues, to any member, each hidden from the
     * others for `invisibleTimeMs`; a member acks what it finished and what it does not ack comes back. More members
     * than queues all work, and a dead member holds nothing for long. `true` for the defaults, or
     * `{ invisibleTimeMs, batchSize, ... }`. Default off (queue ownership).
     */
    pop: z.ZodEffects<z.ZodOptional<z.ZodUnion<[z.ZodBoolean, z.ZodObject<{
        /**
         * How long a popped message stays hidden from the group's other members, in ms; renewed while its handler runs.
         * An un-acked message (its member died) comes back after it. Java popInvisibleTime; Java's range [5000, 300000].
         * @defaultValue 60000
         */
        invisibleTimeMs: z.ZodDefault<z.ZodNumber>;
        /**
         * Messages asked for per POP request, at most 32 (the broker's limit; Java popBatchNums).
         * @defaultValue 32
         */
        batchSize: z.ZodDefault<z.ZodNumber>;
        /**
         * Popped messages this member holds unfinished at once (waiting for or running in a handler); a POP waits while
         * it is full (a small bound shares a backlog between members; Java's popThresholdForQueue is 96 per queue).
         * Default: `concurrency * batchSize` of the consumer plus one POP batch.
         */
        maxInFlight: z.ZodOptional<z.ZodNumber>;
        /**
         * Delay before a failed message is delivered again, in ms, by attempt (`reconsumeTimes`; the last entry repeats):
         * Java's POP retry levels, 10 s ... 2 h.
         * @defaultValue [10000, 30000, 60000, 120000, ..., 7200000]
         */
        retryDelaysMs: z.ZodDefault<z.ZodArray<z.ZodNumber, "atleastone">>;
        /**
         * At start, tell every broker of each subscribed topic to hand it out to this group by POP
         * (SET_MESSAGE_REQUEST_MODE, as `mqadmin setConsumeMode -m POP`); `false`: leave the group's mode as it is (the
         * broker's default is PULL: each member then pops only the queues the broker assigns it).
         * @defaultValue true
         */
        setRequestMode: z.ZodDefault<z.ZodBoolean>;
        /**
         * With `setRequestMode`: 0 = every member pops every queue (the broker picks: one POP covers all queues of a
         * broker); N > 0 = each member pops its own queues and those of the next N members (Java popShareQueueNum).
         * @defaultValue 0
         */
        shareQueues: z.ZodDefault<z.ZodNumber>;
        /**
         * Ack finished messages in batches (BATCH_ACK_MESSAGE, one request per broker every few ms) instead of one
         * ACK_MESSAGE per message.
         * @defaultValue true
         */
        batchAck: z.ZodDefault<z.ZodBoolean>;
    }, "strict", z.ZodTypeAny, {
        invisibleTimeMs: number;
        batchSize: number;
        retryDelaysMs: [number, ...number[]];
        setRequestMode: boolean;
        shareQueues: number;
        batchAck: boolean;
        maxInFlight?: number | undefined;
    }, {
        invisibleTimeMs?: number | undefined;
        batchSize?: number | undefined;
        maxInFlight?: number | undefined;
        retryDelaysMs?: [number, ...number[]] | undefined;
        setRequestMode?: boolean | undefined;
        shareQueues?: number | undefined;
        batchAck?: boolean | undefined;
    }>]>>, {
        invisibleTimeMs: number;
        batchSize: number;
        retryDelaysMs: [number, ...number[]];
        setRequestMode: boolean;
        shareQueues: number;
        batchAck: boolean;
        maxInFlight?: number | undefined;
    } | undefined, boolean | {
        invisibleTimeMs?: number | undefined;
        batchSize?: number | undefined;
        maxInFlight?: number | undefined;
        retryDelaysMs?: [number, ...number[]] | undefined;
        setRequestMode?: boolean | undefined;
        shareQueues?: number | undefined;
        batchAck?: boolean | undefined;
    } | undefined>;
    group: z.ZodString;
    model: z.ZodDefault<z.ZodEnum<["clustering", "broadcasting"]>>;
    subscriptions: z.ZodEffects<z.ZodRecord<z.ZodString, z.ZodUnion<[z.ZodEffects<z.ZodString, string, string>, z.ZodObject<{
        /** A SQL92 filter over the message properties, e.g. `"region = 'east' AND amount > 100"` (the broker must enable it). */
        sql: z.ZodString;
    }, "strict", z.ZodTypeAny, {
        sql: string;
    }, {
        sql: string;
    }>]>>, Record<string, string | {
        sql: string;
    }>, Record<string, string | {
        sql: string;
    }>>;
    allocation: z.ZodDefault<z.ZodUnion<[z.ZodEnum<["averagely", "averagely-by-circle", "consistent-hash", "by-config", "machine-room", "machine-room-nearby"]>, z.ZodType<(...args: never[]) => unknown, z.ZodTypeDef, (...args: never[]) => unknown>, z.ZodObject<{
        /** The strategy's name, reported to the broker and in events. */
        name: z.ZodString;
        /** `(context) => queues`: this member's share of the topic's queues. */
        allocate: z.ZodType<(...args: never[]) => unknown, z.ZodTypeDef, (...args: never[]) => unknown>;
    }, "passthrough", z.ZodTypeAny, z.objectOutputType<{
        /** The strategy's name, reported to the broker and in events. */
        name: z.ZodString;
        /** `(context) => queues`: this member's share of the topic's queues. */
        allocate: z.ZodType<(...args: never[]) => unknown, z.ZodTypeDef, (...args: never[]) => unknown>;
    }, z.ZodTypeAny, "passthrough">, z.objectInputType<{
        /** The strategy's name, reported to the broker and in events. */
        name: z.ZodString;
        /** `(context) => queues`: this member's share of the topic's queues. */
        allocate: z.ZodType<(...args: never[]) => unknown, z.ZodTypeDef, (...args: never[]) => unknown>;
    }, z.ZodTypeAny, "passthrough">>]>>;
    allocationOptions: z.ZodOptional<z.ZodRecord<z.ZodString, z.ZodUnknown>>;
    consumeFrom: z.ZodDefault<z.ZodUnion<[z.ZodEnum<["first", "last"]>, z.ZodObject<{
        /** Start at the first message stored at or after this time: ms since the epoch, or a Date. */
        timestamp: z.ZodUnion<[z.ZodNumber, z.ZodEffects<z.ZodDate, Date, Date>]>;
    }, "strict", z.ZodTypeAny, {
        timestamp: number | Date;
    }, {
        timestamp: number | Date;
    }>]>>;
    onAssign: z.ZodOptional<z.ZodType<(...args: never[]) => unknown, z.ZodTypeDef, (...args: never[]) => unknown>>;
    onRevoke: z.ZodOptional<z.ZodType<(...args: never[]) => unknown, z.ZodTypeDef, (...args: never[]) => unknown>>;
    pullBatchSize: z.ZodDefault<z.ZodNumber>;
    pullThresholdForQueue: z.ZodDefault<z.ZodNumber>;
    pullThresholdSizeForQueueMiB: z.ZodDefault<z.ZodNumber>;
    pullThresholdForTopic: z.ZodOptional<z.ZodNumber>;
    pullThresholdSizeForTopicMiB: z.ZodOptional<z.ZodNumber>;
    brokerSuspendMs: z.ZodDefault<z.ZodNumber>;
    rebalanceIntervalMs: z.ZodDefault<z.ZodNumber>;
    persistOffsetIntervalMs: z.ZodDefault<z.ZodNumber>;
    offsetStoreDir: z.ZodOptional<z.ZodString>;
    readFromBrokerId: z.ZodOptional<z.ZodNumber>;
    maxMessageBytes: z.ZodDefault<z.ZodNumber>;
    undecodable: z.ZodDefault<z.ZodUnion<[z.ZodEnum<["stall", "skip"]>, z.ZodType<(...args: never[]) => unknown, z.ZodTypeDef, (...args: never[]) => unknown>]>>;
    hookTimeoutMs: z.ZodDefault<z.ZodNumber>;
    revokeTimeoutMs: z.ZodDefault<z.ZodNumber>;
    trace: z.ZodOptional<z.ZodUnion<[z.ZodBoolean, z.ZodObject<{
        topic: z.ZodOptional<z.ZodString>;
    }, "strict", z.ZodTypeAny, {
        topic?: string | undefined;
    }, {
        topic?: string | undefined;
    }>]>>;
    nameServer: z.ZodEffects<z.ZodUnion<[z.ZodString, z.ZodArray<z.ZodString, "atleastone">]>, string[], string | [string, ...string[]]>;
    logger: z.ZodOptional<z.ZodType<import("../logger.js").Logger, z.ZodTypeDef, import("../logger.js").Logger>>;
    instanceName: z.ZodOptional<z.ZodString>;
    clientIp: z.ZodOptional<z.ZodEffects<z.ZodString, string, string>>;
    requestTimeoutMs: z.ZodDefault<z.ZodNumber>;
    heartbeatIntervalMs: z.ZodDefault<z.ZodNumber>;
    pollNameServerIntervalMs: z.ZodDefault<z.ZodNumber>;
    credentials: z.ZodOptional<z.ZodObject<{
        accessKey: z.ZodString;
        secretKey: z.ZodString;
        securityToken: z.ZodOptional<z.ZodString>;
    }, "strict", z.ZodTypeAny, {
        accessKey: string;
        secretKey: string;
        securityToken?: string | undefined;
    }, {
        accessKey: string;
        secretKey: string;
        securityToken?: string | undefined;
    }>>;
    tls: z.ZodOptional<z.ZodUnion<[z.ZodBoolean, z.ZodEffects<z.ZodObject<{
        ca: z.ZodOptional<z.ZodUnion<[z.ZodString, z.ZodType<Buffer<ArrayBufferLike>, z.ZodTypeDef, Buffer<ArrayBufferLike>>, z.ZodArray<z.ZodUnion<[z.ZodString, z.ZodType<Buffer<ArrayBufferLike>, z.ZodTypeDef, Buffer<ArrayBufferLike>>]>, "atleastone">]>>;
        cert: z.ZodOptional<z.ZodUnion<[z.ZodString, z.ZodType<Buffer<ArrayBufferLike>, z.ZodTypeDef, Buffer<ArrayBufferLike>>, z.ZodArray<z.ZodUnion<[z.ZodString, z.ZodType<Buffer<ArrayBufferLike>, z.ZodTypeDef, Buffer<ArrayBufferLike>>]>, "atleastone">]>>;
        key: z.ZodOptional<z.ZodUnion<[z.ZodString, z.ZodType<Buffer<ArrayBufferLike>, z.ZodTypeDef, Buffer<ArrayBufferLike>>, z.ZodArray<z.ZodUnion<[z.ZodString, z.ZodType<Buffer<ArrayBufferLike>, z.ZodTypeDef, Buffer<ArrayBufferLike>>]>, "atleastone">]>>;
        passphrase: z.ZodOptional<z.ZodString>;
        servername: z.ZodOptional<z.ZodString>;
        rejectUnauthorized: z.ZodOptional<z.ZodBoolean>;
        checkServerIdentity: z.ZodOptional<z.ZodType<(host: string, cert: unknown) => Error | undefined, z.ZodTypeDef, (host: string, cert: unknown) => Error | undefined>>;
        minVersion: z.ZodOptional<z.ZodEnum<["TLSv1.2", "TLSv1.3"]>>;
    }, "strict", z.ZodTypeAny, {
        servername?: string | undefined;
        ca?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        cert?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        key?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        passphrase?: string | undefined;
        rejectUnauthorized?: boolean | undefined;
        checkServerIdentity?: ((host: string, cert: unknown) => Error | undefined) | undefined;
        minVersion?: "TLSv1.2" | "TLSv1.3" | undefined;
    }, {
        servername?: string | undefined;
        ca?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        cert?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        key?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        passphrase?: string | undefined;
        rejectUnauthorized?: boolean | undefined;
        checkServerIdentity?: ((host: string, cert: unknown) => Error | undefined) | undefined;
        minVersion?: "TLSv1.2" | "TLSv1.3" | undefined;
    }>, {
        servername?: string | undefined;
        ca?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        cert?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        key?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        passphrase?: string | undefined;
        rejectUnauthorized?: boolean | undefined;
        checkServerIdentity?: ((host: string, cert: unknown) => Error | undefined) | undefined;
        minVersion?: "TLSv1.2" | "TLSv1.3" | undefined;
    }, {
        servername?: string | undefined;
        ca?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        cert?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        key?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        passphrase?: string | undefined;
        rejectUnauthorized?: boolean | undefined;
        checkServerIdentity?: ((host: string, cert: unknown) => Error | undefined) | undefined;
        minVersion?: "TLSv1.2" | "TLSv1.3" | undefined;
    }>]>>;
    namespace: z.ZodOptional<z.ZodString>;
}, "strict", z.ZodTypeAny, {
    group: string;
    maxMessageBytes: number;
    batchSize: number;
    concurrency: number;
    ordering: "key" | "none" | "queue";
    suspendMs: number;
    handlerTimeoutMs: number;
    closeTimeoutMs: number;
    invalidPayload: "dlq" | ((...args: never[]) => unknown);
    model: "clustering" | "broadcasting";
    subscriptions: Record<string, string | {
        sql: string;
    }>;
    allocation: "averagely" | "averagely-by-circle" | "consistent-hash" | "by-config" | "machine-room" | "machine-room-nearby" | ((...args: never[]) => unknown) | z.objectOutputType<{
        /** The strategy's name, reported to the broker and in events. */
        name: z.ZodString;
        /** `(context) => queues`: this member's share of the topic's queues. */
        allocate: z.ZodType<(...args: never[]) => unknown, z.ZodTypeDef, (...args: never[]) => unknown>;
    }, z.ZodTypeAny, "passthrough">;
    consumeFrom: "first" | "last" | {
        timestamp: number | Date;
    };
    pullBatchSize: number;
    pullThresholdForQueue: number;
    pullThresholdSizeForQueueMiB: number;
    brokerSuspendMs: number;
    rebalanceIntervalMs: number;
    persistOffsetIntervalMs: number;
    undecodable: "stall" | "skip" | ((...args: never[]) => unknown);
    hookTimeoutMs: number;
    revokeTimeoutMs: number;
    nameServer: string[];
    requestTimeoutMs: number;
    heartbeatIntervalMs: number;
    pollNameServerIntervalMs: number;
    maxReconsumeTimes?: number | undefined;
    instanceName?: string | undefined;
    credentials?: {
        accessKey: string;
        secretKey: string;
        securityToken?: string | undefined;
    } | undefined;
    tls?: boolean | {
        servername?: string | undefined;
        ca?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        cert?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        key?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        passphrase?: string | undefined;
        rejectUnauthorized?: boolean | undefined;
        checkServerIdentity?: ((host: string, cert: unknown) => Error | undefined) | undefined;
        minVersion?: "TLSv1.2" | "TLSv1.3" | undefined;
    } | undefined;
    pop?: {
        invisibleTimeMs: number;
        batchSize: number;
        retryDelaysMs: [number, ...number[]];
        setRequestMode: boolean;
        shareQueues: number;
        batchAck: boolean;
        maxInFlight?: number | undefined;
    } | undefined;
    handler?: ((...args: never[]) => unknown) | undefined;
    batchHandler?: ((...args: never[]) => unknown) | undefined;
    codec?: object | "json" | "text" | "bytes" | undefined;
    dedupe?: boolean | {
        max: number;
        ttlMs: number;
        key?: ((...args: never[]) => unknown) | undefined;
    } | undefined;
    allocationOptions?: Record<string, unknown> | undefined;
    onAssign?: ((...args: never[]) => unknown) | undefined;
    onRevoke?: ((...args: never[]) => unknown) | undefined;
    pullThresholdForTopic?: number | undefined;
    pullThresholdSizeForTopicMiB?: number | undefined;
    offsetStoreDir?: string | undefined;
    readFromBrokerId?: number | undefined;
    trace?: boolean | {
        topic?: string | undefined;
    } | undefined;
    logger?: import("../logger.js").Logger | undefined;
    clientIp?: string | undefined;
    namespace?: string | undefined;
}, {
    group: string;
    subscriptions: Record<string, string | {
        sql: string;
    }>;
    nameServer: string | [string, ...string[]];
    maxMessageBytes?: number | undefined;
    maxReconsumeTimes?: number | undefined;
    instanceName?: string | undefined;
    credentials?: {
        accessKey: string;
        secretKey: string;
        securityToken?: string | undefined;
    } | undefined;
    tls?: boolean | {
        servername?: string | undefined;
        ca?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        cert?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        key?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        passphrase?: string | undefined;
        rejectUnauthorized?: boolean | undefined;
        checkServerIdentity?: ((host: string, cert: unknown) => Error | undefined) | undefined;
        minVersion?: "TLSv1.2" | "TLSv1.3" | undefined;
    } | undefined;
    pop?: boolean | {
        invisibleTimeMs?: number | undefined;
        batchSize?: number | undefined;
        maxInFlight?: number | undefined;
        retryDelaysMs?: [number, ...number[]] | undefined;
        setRequestMode?: boolean | undefined;
        shareQueues?: number | undefined;
        batchAck?: boolean | undefined;
    } | undefined;
    batchSize?: number | undefined;
    handler?: ((...args: never[]) => unknown) | undefined;
    batchHandler?: ((...args: never[]) => unknown) | undefined;
    concurrency?: number | undefined;
    ordering?: "key" | "none" | "queue" | undefined;
    suspendMs?: number | undefined;
    handlerTimeoutMs?: number | undefined;
    closeTimeoutMs?: number | undefined;
    codec?: object | "json" | "text" | "bytes" | undefined;
    invalidPayload?: "dlq" | ((...args: never[]) => unknown) | undefined;
    dedupe?: boolean | {
        key?: ((...args: never[]) => unknown) | undefined;
        max?: number | undefined;
        ttlMs?: number | undefined;
    } | undefined;
    model?: "clustering" | "broadcasting" | undefined;
    allocation?: "averagely" | "averagely-by-circle" | "consistent-hash" | "by-config" | "machine-room" | "machine-room-nearby" | ((...args: never[]) => unknown) | z.objectInputType<{
        /** The strategy's name, reported to the broker and in events. */
        name: z.ZodString;
        /** `(context) => queues`: this member's share of the topic's queues. */
        allocate: z.ZodType<(...args: never[]) => unknown, z.ZodTypeDef, (...args: never[]) => unknown>;
    }, z.ZodTypeAny, "passthrough"> | undefined;
    allocationOptions?: Record<string, unknown> | undefined;
    consumeFrom?: "first" | "last" | {
        timestamp: number | Date;
    } | undefined;
    onAssign?: ((...args: never[]) => unknown) | undefined;
    onRevoke?: ((...args: never[]) => unknown) | undefined;
    pullBatchSize?: number | undefined;
    pullThresholdForQueue?: number | undefined;
    pullThresholdSizeForQueueMiB?: number | undefined;
    pullThresholdForTopic?: number | undefined;
    pullThresholdSizeForTopicMiB?: number | undefined;
    brokerSuspendMs?: number | undefined;
    rebalanceIntervalMs?: number | undefined;
    persistOffsetIntervalMs?: number | undefined;
    offsetStoreDir?: string | undefined;
    readFromBrokerId?: number | undefined;
    undecodable?: "stall" | "skip" | ((...args: never[]) => unknown) | undefined;
    hookTimeoutMs?: number | undefined;
    revokeTimeoutMs?: number | undefined;
    trace?: boolean | {
        topic?: string | undefined;
    } | undefined;
    logger?: import("../logger.js").Logger | undefined;
    clientIp?: string | undefined;
    requestTimeoutMs?: number | undefined;
    heartbeatIntervalMs?: number | undefined;
    pollNameServerIntervalMs?: number | undefined;
    namespace?: string | undefined;
}>, {
    group: string;
    maxMessageBytes: number;
    batchSize: number;
    concurrency: number;
    ordering: "key" | "none" | "queue";
    suspendMs: number;
    handlerTimeoutMs: number;
    closeTimeoutMs: number;
    invalidPayload: "dlq" | ((...args: never[]) => unknown);
    model: "clustering" | "broadcasting";
    subscriptions: Record<string, string | {
        sql: string;
    }>;
    allocation: "averagely" | "averagely-by-circle" | "consistent-hash" | "by-config" | "machine-room" | "machine-room-nearby" | ((...args: never[]) => unknown) | z.objectOutputType<{
        /** The strategy's name, reported to the broker and in events. */
        name: z.ZodString;
        /** `(context) => queues`: this member's share of the topic's queues. */
        allocate: z.ZodType<(...args: never[]) => unknown, z.ZodTypeDef, (...args: never[]) => unknown>;
    }, z.ZodTypeAny, "passthrough">;
    consumeFrom: "first" | "last" | {
        timestamp: number | Date;
    };
    pullBatchSize: number;
    pullThresholdForQueue: number;
    pullThresholdSizeForQueueMiB: number;
    brokerSuspendMs: number;
    rebalanceIntervalMs: number;
    persistOffsetIntervalMs: number;
    undecodable: "stall" | "skip" | ((...args: never[]) => unknown);
    hookTimeoutMs: number;
    revokeTimeoutMs: number;
    nameServer: string[];
    requestTimeoutMs: number;
    heartbeatIntervalMs: number;
    pollNameServerIntervalMs: number;
    maxReconsumeTimes?: number | undefined;
    instanceName?: string | undefined;
    credentials?: {
        accessKey: string;
        secretKey: string;
        securityToken?: string | undefined;
    } | undefined;
    tls?: boolean | {
        servername?: string | undefined;
        ca?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        cert?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        key?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        passphrase?: string | undefined;
        rejectUnauthorized?: boolean | undefined;
        checkServerIdentity?: ((host: string, cert: unknown) => Error | undefined) | undefined;
        minVersion?: "TLSv1.2" | "TLSv1.3" | undefined;
    } | undefined;
    pop?: {
        invisibleTimeMs: number;
        batchSize: number;
        retryDelaysMs: [number, ...number[]];
        setRequestMode: boolean;
        shareQueues: number;
        batchAck: boolean;
        maxInFlight?: number | undefined;
    } | undefined;
    handler?: ((...args: never[]) => unknown) | undefined;
    batchHandler?: ((...args: never[]) => unknown) | undefined;
    codec?: object | "json" | "text" | "bytes" | undefined;
    dedupe?: boolean | {
        max: number;
        ttlMs: number;
        key?: ((...args: never[]) => unknown) | undefined;
    } | undefined;
    allocationOptions?: Record<string, unknown> | undefined;
    onAssign?: ((...args: never[]) => unknown) | undefined;
    onRevoke?: ((...args: never[]) => unknown) | undefined;
    pullThresholdForTopic?: number | undefined;
    pullThresholdSizeForTopicMiB?: number | undefined;
    offsetStoreDir?: string | undefined;
    readFromBrokerId?: number | undefined;
    trace?: boolean | {
        topic?: string | undefined;
    } | undefined;
    logger?: import("../logger.js").Logger | undefined;
    clientIp?: string | undefined;
    namespace?: string | undefined;
}, {
    group: string;
    subscriptions: Record<string, string | {
        sql: string;
    }>;
    nameServer: string | [string, ...string[]];
    maxMessageBytes?: number | undefined;
    maxReconsumeTimes?: number | undefined;
    instanceName?: string | undefined;
    credentials?: {
        accessKey: string;
        secretKey: string;
        securityToken?: string | undefined;
    } | undefined;
    tls?: boolean | {
        servername?: string | undefined;
        ca?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        cert?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        key?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        passphrase?: string | undefined;
        rejectUnauthorized?: boolean | undefined;
        checkServerIdentity?: ((host: string, cert: unknown) => Error | undefined) | undefined;
        minVersion?: "TLSv1.2" | "TLSv1.3" | undefined;
    } | undefined;
    pop?: boolean | {
        invisibleTimeMs?: number | undefined;
        batchSize?: number | undefined;
        maxInFlight?: number | undefined;
        retryDelaysMs?: [number, ...number[]] | undefined;
        setRequestMode?: boolean | undefined;
        shareQueues?: number | undefined;
        batchAck?: boolean | undefined;
    } | undefined;
    batchSize?: number | undefined;
    handler?: ((...args: never[]) => unknown) | undefined;
    batchHandler?: ((...args: never[]) => unknown) | undefined;
    concurrency?: number | undefined;
    ordering?: "key" | "none" | "queue" | undefined;
    suspendMs?: number | undefined;
    handlerTimeoutMs?: number | undefined;
    closeTimeoutMs?: number | undefined;
    codec?: object | "json" | "text" | "bytes" | undefined;
    invalidPayload?: "dlq" | ((...args: never[]) => unknown) | undefined;
    dedupe?: boolean | {
        key?: ((...args: never[]) => unknown) | undefined;
        max?: number | undefined;
        ttlMs?: number | undefined;
    } | undefined;
    model?: "clustering" | "broadcasting" | undefined;
    allocation?: "averagely" | "averagely-by-circle" | "consistent-hash" | "by-config" | "machine-room" | "machine-room-nearby" | ((...args: never[]) => unknown) | z.objectInputType<{
        /** The strategy's name, reported to the broker and in events. */
        name: z.ZodString;
        /** `(context) => queues`: this member's share of the topic's queues. */
        allocate: z.ZodType<(...args: never[]) => unknown, z.ZodTypeDef, (...args: never[]) => unknown>;
    }, z.ZodTypeAny, "passthrough"> | undefined;
    allocationOptions?: Record<string, unknown> | undefined;
    consumeFrom?: "first" | "last" | {
        timestamp: number | Date;
    } | undefined;
    onAssign?: ((...args: never[]) => unknown) | undefined;
    onRevoke?: ((...args: never[]) => unknown) | undefined;
    pullBatchSize?: number | undefined;
    pullThresholdForQueue?: number | undefined;
    pullThresholdSizeForQueueMiB?: number | undefined;
    pullThresholdForTopic?: number | undefined;
    pullThresholdSizeForTopicMiB?: number | undefined;
    brokerSuspendMs?: number | undefined;
    rebalanceIntervalMs?: number | undefined;
    persistOffsetIntervalMs?: number | undefined;
    offsetStoreDir?: string | undefined;
    readFromBrokerId?: number | undefined;
    undecodable?: "stall" | "skip" | ((...args: never[]) => unknown) | undefined;
    hookTimeoutMs?: number | undefined;
    revokeTimeoutMs?: number | undefined;
    trace?: boolean | {
        topic?: string | undefined;
    } | undefined;
    logger?: import("../logger.js").Logger | undefined;
    clientIp?: string | undefined;
    requestTimeoutMs?: number | undefined;
    heartbeatIntervalMs?: number | undefined;
    pollNameServerIntervalMs?: number | undefined;
    namespace?: string | undefined;
}>;
export type PushConsumerOptionsInput = z.input<typeof pushConsumerOptionsSchema>;
export type PushConsumerOptions = z.output<typeof pushConsumerOptionsSchema>;
export declare const pullConsumerOptionsSchema: z.ZodObject<{
    /**
     * Topic -> tag expression, as for the push consumer (subscribe mode: the group's queues are shared by rebalance).
     * Leave it out to `assign()` queues yourself (assign mode).
     */
    subscriptions: z.ZodOptional<z.ZodEffects<z.ZodRecord<z.ZodString, z.ZodUnion<[z.ZodEffects<z.ZodString, string, string>, z.ZodObject<{
        /** A SQL92 filter over the message properties, e.g. `"region = 'east' AND amount > 100"` (the broker must enable it). */
        sql: z.ZodString;
    }, "strict", z.ZodTypeAny, {
        sql: string;
    }, {
        sql: string;
    }>]>>, Record<string, string | {
        sql: string;
    }>, Record<string, string | {
        sql: string;
    }>>>;
    /**
     * Commit the offsets of polled messages every `autoCommitIntervalMs` and at `close()`; `false`: only `commit()`
     * commits (Java autoCommit).
     * @defaultValue true
     */
    autoCommit: z.ZodDefault<z.ZodBoolean>;
    /**
     * Interval of the automatic commit, in ms (Java autoCommitIntervalMillis).
     * @defaultValue 5000
     */
    autoCommitIntervalMs: z.ZodDefault<z.ZodNumber>;
    /**
     * Upper bound of messages cached over all queues, waiting for `poll()` (Java pullThresholdForAll).
     * @defaultValue 10000
     */
    maxCachedMessages: z.ZodDefault<z.ZodNumber>;
    /**
     * How long `poll()` waits for a first message by default, in ms; 0 returns at once (Java pollTimeoutMillis).
     * @defaultValue 5000
     */
    pollTimeoutMs: z.ZodDefault<z.ZodNumber>;
    group: z.ZodString;
    model: z.ZodDefault<z.ZodEnum<["clustering", "broadcasting"]>>;
    allocation: z.ZodDefault<z.ZodUnion<[z.ZodEnum<["averagely", "averagely-by-circle", "consistent-hash", "by-config", "machine-room", "machine-room-nearby"]>, z.ZodType<(...args: never[]) => unknown, z.ZodTypeDef, (...args: never[]) => unknown>, z.ZodObject<{
        /** The strategy's name, reported to the broker and in events. */
        name: z.ZodString;
        /** `(context) => queues`: this member's share of the topic's queues. */
        allocate: z.ZodType<(...args: never[]) => unknown, z.ZodTypeDef, (...args: never[]) => unknown>;
    }, "passthrough", z.ZodTypeAny, z.objectOutputType<{
        /** The strategy's name, reported to the broker and in events. */
        name: z.ZodString;
        /** `(context) => queues`: this member's share of the topic's queues. */
        allocate: z.ZodType<(...args: never[]) => unknown, z.ZodTypeDef, (...args: never[]) => unknown>;
    }, z.ZodTypeAny, "passthrough">, z.objectInputType<{
        /** The strategy's name, reported to the broker and in events. */
        name: z.ZodString;
        /** `(context) => queues`: this member's share of the topic's queues. */
        allocate: z.ZodType<(...args: never[]) => unknown, z.ZodTypeDef, (...args: never[]) => unknown>;
    }, z.ZodTypeAny, "passthrough">>]>>;
    allocationOptions: z.ZodOptional<z.ZodRecord<z.ZodString, z.ZodUnknown>>;
    consumeFrom: z.ZodDefault<z.ZodUnion<[z.ZodEnum<["first", "last"]>, z.ZodObject<{
        /** Start at the first message stored at or after this time: ms since the epoch, or a Date. */
        timestamp: z.ZodUnion<[z.ZodNumber, z.ZodEffects<z.ZodDate, Date, Date>]>;
    }, "strict", z.ZodTypeAny, {
        timestamp: number | Date;
    }, {
        timestamp: number | Date;
    }>]>>;
    onAssign: z.ZodOptional<z.ZodType<(...args: never[]) => unknown, z.ZodTypeDef, (...args: never[]) => unknown>>;
    onRevoke: z.ZodOptional<z.ZodType<(...args: never[]) => unknown, z.ZodTypeDef, (...args: never[]) => unknown>>;
    pullBatchSize: z.ZodDefault<z.ZodNumber>;
    pullThresholdForQueue: z.ZodDefault<z.ZodNumber>;
    pullThresholdSizeForQueueMiB: z.ZodDefault<z.ZodNumber>;
    pullThresholdForTopic: z.ZodOptional<z.ZodNumber>;
    pullThresholdSizeForTopicMiB: z.ZodOptional<z.ZodNumber>;
    brokerSuspendMs: z.ZodDefault<z.ZodNumber>;
    rebalanceIntervalMs: z.ZodDefault<z.ZodNumber>;
    persistOffsetIntervalMs: z.ZodDefault<z.ZodNumber>;
    offsetStoreDir: z.ZodOptional<z.ZodString>;
    readFromBrokerId: z.ZodOptional<z.ZodNumber>;
    maxMessageBytes: z.ZodDefault<z.ZodNumber>;
    undecodable: z.ZodDefault<z.ZodUnion<[z.ZodEnum<["stall", "skip"]>, z.ZodType<(...args: never[]) => unknown, z.ZodTypeDef, (...args: never[]) => unknown>]>>;
    hookTimeoutMs: z.ZodDefault<z.ZodNumber>;
    revokeTimeoutMs: z.ZodDefault<z.ZodNumber>;
    trace: z.ZodOptional<z.ZodUnion<[z.ZodBoolean, z.ZodObject<{
        topic: z.ZodOptional<z.ZodString>;
    }, "strict", z.ZodTypeAny, {
        topic?: string | undefined;
    }, {
        topic?: string | undefined;
    }>]>>;
    nameServer: z.ZodEffects<z.ZodUnion<[z.ZodString, z.ZodArray<z.ZodString, "atleastone">]>, string[], string | [string, ...string[]]>;
    logger: z.ZodOptional<z.ZodType<import("../logger.js").Logger, z.ZodTypeDef, import("../logger.js").Logger>>;
    instanceName: z.ZodOptional<z.ZodString>;
    clientIp: z.ZodOptional<z.ZodEffects<z.ZodString, string, string>>;
    requestTimeoutMs: z.ZodDefault<z.ZodNumber>;
    heartbeatIntervalMs: z.ZodDefault<z.ZodNumber>;
    pollNameServerIntervalMs: z.ZodDefault<z.ZodNumber>;
    credentials: z.ZodOptional<z.ZodObject<{
        accessKey: z.ZodString;
        secretKey: z.ZodString;
        securityToken: z.ZodOptional<z.ZodString>;
    }, "strict", z.ZodTypeAny, {
        accessKey: string;
        secretKey: string;
        securityToken?: string | undefined;
    }, {
        accessKey: string;
        secretKey: string;
        securityToken?: string | undefined;
    }>>;
    tls: z.ZodOptional<z.ZodUnion<[z.ZodBoolean, z.ZodEffects<z.ZodObject<{
        ca: z.ZodOptional<z.ZodUnion<[z.ZodString, z.ZodType<Buffer<ArrayBufferLike>, z.ZodTypeDef, Buffer<ArrayBufferLike>>, z.ZodArray<z.ZodUnion<[z.ZodString, z.ZodType<Buffer<ArrayBufferLike>, z.ZodTypeDef, Buffer<ArrayBufferLike>>]>, "atleastone">]>>;
        cert: z.ZodOptional<z.ZodUnion<[z.ZodString, z.ZodType<Buffer<ArrayBufferLike>, z.ZodTypeDef, Buffer<ArrayBufferLike>>, z.ZodArray<z.ZodUnion<[z.ZodString, z.ZodType<Buffer<ArrayBufferLike>, z.ZodTypeDef, Buffer<ArrayBufferLike>>]>, "atleastone">]>>;
        key: z.ZodOptional<z.ZodUnion<[z.ZodString, z.ZodType<Buffer<ArrayBufferLike>, z.ZodTypeDef, Buffer<ArrayBufferLike>>, z.ZodArray<z.ZodUnion<[z.ZodString, z.ZodType<Buffer<ArrayBufferLike>, z.ZodTypeDef, Buffer<ArrayBufferLike>>]>, "atleastone">]>>;
        passphrase: z.ZodOptional<z.ZodString>;
        servername: z.ZodOptional<z.ZodString>;
        rejectUnauthorized: z.ZodOptional<z.ZodBoolean>;
        checkServerIdentity: z.ZodOptional<z.ZodType<(host: string, cert: unknown) => Error | undefined, z.ZodTypeDef, (host: string, cert: unknown) => Error | undefined>>;
        minVersion: z.ZodOptional<z.ZodEnum<["TLSv1.2", "TLSv1.3"]>>;
    }, "strict", z.ZodTypeAny, {
        servername?: string | undefined;
        ca?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        cert?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        key?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        passphrase?: string | undefined;
        rejectUnauthorized?: boolean | undefined;
        checkServerIdentity?: ((host: string, cert: unknown) => Error | undefined) | undefined;
        minVersion?: "TLSv1.2" | "TLSv1.3" | undefined;
    }, {
        servername?: string | undefined;
        ca?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        cert?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        key?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        passphrase?: string | undefined;
        rejectUnauthorized?: boolean | undefined;
        checkServerIdentity?: ((host: string, cert: unknown) => Error | undefined) | undefined;
        minVersion?: "TLSv1.2" | "TLSv1.3" | undefined;
    }>, {
        servername?: string | undefined;
        ca?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        cert?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        key?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        passphrase?: string | undefined;
        rejectUnauthorized?: boolean | undefined;
        checkServerIdentity?: ((host: string, cert: unknown) => Error | undefined) | undefined;
        minVersion?: "TLSv1.2" | "TLSv1.3" | undefined;
    }, {
        servername?: string | undefined;
        ca?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        cert?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        key?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        passphrase?: string | undefined;
        rejectUnauthorized?: boolean | undefined;
        checkServerIdentity?: ((host: string, cert: unknown) => Error | undefined) | undefined;
        minVersion?: "TLSv1.2" | "TLSv1.3" | undefined;
    }>]>>;
    namespace: z.ZodOptional<z.ZodString>;
}, "strict", z.ZodTypeAny, {
    group: string;
    maxMessageBytes: number;
    model: "clustering" | "broadcasting";
    allocation: "averagely" | "averagely-by-circle" | "consistent-hash" | "by-config" | "machine-room" | "machine-room-nearby" | ((...args: never[]) => unknown) | z.objectOutputType<{
        /** The strategy's name, reported to the broker and in events. */
        name: z.ZodString;
        /** `(context) => queues`: this member's share of the topic's queues. */
        allocate: z.ZodType<(...args: never[]) => unknown, z.ZodTypeDef, (...args: never[]) => unknown>;
    }, z.ZodTypeAny, "passthrough">;
    consumeFrom: "first" | "last" | {
        timestamp: number | Date;
    };
    pullBatchSize: number;
    pullThresholdForQueue: number;
    pullThresholdSizeForQueueMiB: number;
    brokerSuspendMs: number;
    rebalanceIntervalMs: number;
    persistOffsetIntervalMs: number;
    undecodable: "stall" | "skip" | ((...args: never[]) => unknown);
    hookTimeoutMs: number;
    revokeTimeoutMs: number;
    nameServer: string[];
    requestTimeoutMs: number;
    heartbeatIntervalMs: number;
    pollNameServerIntervalMs: number;
    autoCommit: boolean;
    autoCommitIntervalMs: number;
    maxCachedMessages: number;
    pollTimeoutMs: number;
    instanceName?: string | undefined;
    credentials?: {
        accessKey: string;
        secretKey: string;
        securityToken?: string | undefined;
    } | undefined;
    tls?: boolean | {
        servername?: string | undefined;
        ca?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        cert?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        key?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        passphrase?: string | undefined;
        rejectUnauthorized?: boolean | undefined;
        checkServerIdentity?: ((host: string, cert: unknown) => Error | undefined) | undefined;
        minVersion?: "TLSv1.2" | "TLSv1.3" | undefined;
    } | undefined;
    subscriptions?: Record<string, string | {
        sql: string;
    }> | undefined;
    allocationOptions?: Record<string, unknown> | undefined;
    onAssign?: ((...args: never[]) => unknown) | undefined;
    onRevoke?: ((...args: never[]) => unknown) | undefined;
    pullThresholdForTopic?: number | undefined;
    pullThresholdSizeForTopicMiB?: number | undefined;
    offsetStoreDir?: string | undefined;
    readFromBrokerId?: number | undefined;
    trace?: boolean | {
        topic?: string | undefined;
    } | undefined;
    logger?: import("../logger.js").Logger | undefined;
    clientIp?: string | undefined;
    namespace?: string | undefined;
}, {
    group: string;
    nameServer: string | [string, ...string[]];
    maxMessageBytes?: number | undefined;
    instanceName?: string | undefined;
    credentials?: {
        accessKey: string;
        secretKey: string;
        securityToken?: string | undefined;
    } | undefined;
    tls?: boolean | {
        servername?: string | undefined;
        ca?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        cert?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        key?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        passphrase?: string | undefined;
        rejectUnauthorized?: boolean | undefined;
        checkServerIdentity?: ((host: string, cert: unknown) => Error | undefined) | undefined;
        minVersion?: "TLSv1.2" | "TLSv1.3" | undefined;
    } | undefined;
    model?: "clustering" | "broadcasting" | undefined;
    subscriptions?: Record<string, string | {
        sql: string;
    }> | undefined;
    allocation?: "averagely" | "averagely-by-circle" | "consistent-hash" | "by-config" | "machine-room" | "machine-room-nearby" | ((...args: never[]) => unknown) | z.objectInputType<{
        /** The strategy's name, reported to the broker and in events. */
        name: z.ZodString;
        /** `(context) => queues`: this member's share of the topic's queues. */
        allocate: z.ZodType<(...args: never[]) => unknown, z.ZodTypeDef, (...args: never[]) => unknown>;
    }, z.ZodTypeAny, "passthrough"> | undefined;
    allocationOptions?: Record<string, unknown> | undefined;
    consumeFrom?: "first" | "last" | {
        timestamp: number | Date;
    } | undefined;
    onAssign?: ((...args: never[]) => unknown) | undefined;
    onRevoke?: ((...args: never[]) => unknown) | undefined;
    pullBatchSize?: number | undefined;
    pullThresholdForQueue?: number | undefined;
    pullThresholdSizeForQueueMiB?: number | undefined;
    pullThresholdForTopic?: number | undefined;
    pullThresholdSizeForTopicMiB?: number | undefined;
    brokerSuspendMs?: number | undefined;
    rebalanceIntervalMs?: number | undefined;
    persistOffsetIntervalMs?: number | undefined;
    offsetStoreDir?: string | undefined;
    readFromBrokerId?: number | undefined;
    undecodable?: "stall" | "skip" | ((...args: never[]) => unknown) | undefined;
    hookTimeoutMs?: number | undefined;
    revokeTimeoutMs?: number | undefined;
    trace?: boolean | {
        topic?: string | undefined;
    } | undefined;
    logger?: import("../logger.js").Logger | undefined;
    clientIp?: string | undefined;
    requestTimeoutMs?: number | undefined;
    heartbeatIntervalMs?: number | undefined;
    pollNameServerIntervalMs?: number | undefined;
    namespace?: string | undefined;
    autoCommit?: boolean | undefined;
    autoCommitIntervalMs?: number | undefined;
    maxCachedMessages?: number | undefined;
    pollTimeoutMs?: number | undefined;
}>;
export type PullConsumerOptionsInput = z.input<typeof pullConsumerOptionsSchema>;
export type PullConsumerOptions = z.output<typeof pullConsumerOptionsSchema>;
/** Deliveries of a failing message before the DLQ in concurrent consumption when `maxReconsumeTimes` is unset or -1 (Java: 16). */
export declare const CONCURRENT_MAX_RECONSUME_TIMES = 16;
/**
 * Every consumer option's default, read from the schemas (the one place a default is stated), plus the two
 * `maxReconsumeTimes` defaults that depend on `ordering`.
 */
export declare const CONSUMER_DEFAULTS: Readonly<{
    /** Deliveries of a failing message before the DLQ with `ordering: 'none'` (Java: 16). */
    maxReconsumeTimes: 16;
    /** Deliveries of a failing message before the DLQ in the ordered modes: unbounded (Java orderly). */
    orderedMaxReconsumeTimes: number;
    maxMessageBytes: number;
    model: "clustering" | "broadcasting";
    allocation: "averagely" | "averagely-by-circle" | "consistent-hash" | "by-config" | "machine-room" | "machine-room-nearby" | ((...args: never[]) => unknown) | z.objectOutputType<{
        /** The strategy's name, reported to the broker and in events. */
        name: z.ZodString;
        /** `(context) => queues`: this member's share of the topic's queues. */
        allocate: z.ZodType<(...args: never[]) => unknown, z.ZodTypeDef, (...args: never[]) => unknown>;
    }, z.ZodTypeAny, "passthrough">;
    consumeFrom: "first" | "last" | {
        timestamp: number | Date;
    };
    pullBatchSize: number;
    pullThresholdForQueue: number;
    pullThresholdSizeForQueueMiB: number;
    brokerSuspendMs: number;
    rebalanceIntervalMs: number;
    persistOffsetIntervalMs: number;
    undecodable: "stall" | "skip" | ((...args: never[]) => unknown);
    hookTimeoutMs: number;
    revokeTimeoutMs: number;
    requestTimeoutMs: number;
    heartbeatIntervalMs: number;
    pollNameServerIntervalMs: number;
    autoCommit: boolean;
    autoCommitIntervalMs: number;
    maxCachedMessages: number;
    pollTimeoutMs: number;
    batchSize: number;
    concurrency: number;
    ordering: "key" | "none" | "queue";
    suspendMs: number;
    handlerTimeoutMs: number;
    closeTimeoutMs: number;
    invalidPayload: "dlq" | ((...args: never[]) => unknown);
}>;
/** `proxy` of PushConsumer: consume through a RocketMQ 5.x proxy's gRPC endpoint (rocketmq-client-nodejs). */
export declare const proxyOptionsSchema: z.ZodObject<{
    /** The proxy's gRPC endpoint(s): 'host:port', 'host:port;host:port' or an array. */
    endpoints: z.ZodEffects<z.ZodUnion<[z.ZodString, z.ZodArray<z.ZodString, "atleastone">]>, string, string | [string, ...string[]]>;
    /**
     * TLS to the proxy, verified against the system CAs (a proxy with permissive TLS accepts both); same as the
     * consumer's `tls: true`.
     * @defaultValue false
     */
    sslEnabled: z.ZodDefault<z.ZodBoolean>;
    /**
     * Refused when not empty (see PROXY_NAMESPACE_REFUSED): give the consumer's `namespace` instead.
     * @defaultValue ''
     */
    namespace: z.ZodDefault<z.ZodString>;
    /** ACL credentials for the proxy (rocketmq-client-nodejs sessionCredentials); same as the consumer's `credentials`. */
    credentials: z.ZodOptional<z.ZodObject<{
        /** The access key (ACL 2.0: the user name). */
        accessKey: z.ZodString;
        /** The secret key (ACL 2.0: the password); it keys the signature, it is never sent. */
        accessSecret: z.ZodString;
        /** Session token of temporary credentials. */
        securityToken: z.ZodOptional<z.ZodString>;
    }, "strict", z.ZodTypeAny, {
        accessKey: string;
        accessSecret: string;
        securityToken?: string | undefined;
    }, {
        accessKey: string;
        accessSecret: string;
        securityToken?: string | undefined;
    }>>;
    /**
     * How long a received message stays hidden from other members, in ms; renewed while its handler runs. At least
     * 10000 (the proxy refuses shorter).
     * @defaultValue 30000
     */
    invisibleDurationMs: z.ZodDefault<z.ZodNumber>;
    /**
     * Delay before a failed message is delivered again, in ms, by attempt (the last entry repeats): the broker's delay
     * levels 3..18.
     * @defaultValue [10000, 30000, 60000, 120000, ..., 7200000]
     */
    retryDelaysMs: z.ZodDefault<z.ZodArray<z.ZodNumber, "atleastone">>;
    /**
     * Receive calls (long polls) in flight at once; each asks one broker behind the proxy (round robin).
     * @defaultValue 2
     */
    receivers: z.ZodDefault<z.ZodNumber>;
}, "strict", z.ZodTypeAny, {
    retryDelaysMs: [number, ...number[]];
    namespace: string;
    endpoints: string;
    sslEnabled: boolean;
    invisibleDurationMs: number;
    receivers: number;
    credentials?: {
        accessKey: string;
        accessSecret: string;
        securityToken?: string | undefined;
    } | undefined;
}, {
    endpoints: string | [string, ...string[]];
    credentials?: {
        accessKey: string;
        accessSecret: string;
        securityToken?: string | undefined;
    } | undefined;
    retryDelaysMs?: [number, ...number[]] | undefined;
    namespace?: string | undefined;
    sslEnabled?: boolean | undefined;
    invisibleDurationMs?: number | undefined;
    receivers?: number | undefined;
}>;
/**
 * `proxy` of `new PushConsumer({ proxy, ... })`: the RocketMQ 5.x proxy's gRPC endpoint and the POP settings.
 * @useDeclaredType
 */
export type ProxyOptionsInput = z.input<typeof proxyOptionsSchema>;
export type ProxyOptions = z.output<typeof proxyOptionsSchema>;
/**
 * PushConsumer options when `proxy` is given: the push options minus what POP through the proxy cannot honour.
 * Each of those fails with ERR_INVALID_OPTION naming the field (checked here, once, before anything connects).
 */
export declare const proxyPushConsumerOptionsSchema: z.ZodEffects<z.ZodEffects<z.ZodObject<{
    handler: z.ZodOptional<z.ZodType<(...args: never[]) => unknown, z.ZodTypeDef, (...args: never[]) => unknown>>;
    batchHandler: z.ZodOptional<z.ZodType<(...args: never[]) => unknown, z.ZodTypeDef, (...args: never[]) => unknown>>;
    concurrency: z.ZodDefault<z.ZodNumber>;
    batchSize: z.ZodDefault<z.ZodNumber>;
    handlerTimeoutMs: z.ZodDefault<z.ZodNumber>;
    closeTimeoutMs: z.ZodDefault<z.ZodNumber>;
    group: z.ZodString;
    subscriptions: z.ZodEffects<z.ZodRecord<z.ZodString, z.ZodUnion<[z.ZodEffects<z.ZodString, string, string>, z.ZodObject<{
        /** A SQL92 filter over the message properties, e.g. `"region = 'east' AND amount > 100"` (the broker must enable it). */
        sql: z.ZodString;
    }, "strict", z.ZodTypeAny, {
        sql: string;
    }, {
        sql: string;
    }>]>>, Record<string, string | {
        sql: string;
    }>, Record<string, string | {
        sql: string;
    }>>;
    logger: z.ZodOptional<z.ZodType<import("../logger.js").Logger, z.ZodTypeDef, import("../logger.js").Logger>>;
    requestTimeoutMs: z.ZodDefault<z.ZodNumber>;
    credentials: z.ZodOptional<z.ZodObject<{
        accessKey: z.ZodString;
        secretKey: z.ZodString;
        securityToken: z.ZodOptional<z.ZodString>;
    }, "strict", z.ZodTypeAny, {
        accessKey: string;
        secretKey: string;
        securityToken?: string | undefined;
    }, {
        accessKey: string;
        secretKey: string;
        securityToken?: string | undefined;
    }>>;
} & {
    proxy: z.ZodObject<{
        /** The proxy's gRPC endpoint(s): 'host:port', 'host:port;host:port' or an array. */
        endpoints: z.ZodEffects<z.ZodUnion<[z.ZodString, z.ZodArray<z.ZodString, "atleastone">]>, string, string | [string, ...string[]]>;
        /**
         * TLS to the proxy, verified against the system CAs (a proxy with permissive TLS accepts both); same as the
         * consumer's `tls: true`.
         * @defaultValue false
         */
        sslEnabled: z.ZodDefault<z.ZodBoolean>;
        /**
         * Refused when not empty (see PROXY_NAMESPACE_REFUSED): give the consumer's `namespace` instead.
         * @defaultValue ''
         */
        namespace: z.ZodDefault<z.ZodString>;
        /** ACL credentials for the proxy (rocketmq-client-nodejs sessionCredentials); same as the consumer's `credentials`. */
        credentials: z.ZodOptional<z.ZodObject<{
            /** The access key (ACL 2.0: the user name). */
            accessKey: z.ZodString;
            /** The secret key (ACL 2.0: the password); it keys the signature, it is never sent. */
            accessSecret: z.ZodString;
            /** Session token of temporary credentials. */
            securityToken: z.ZodOptional<z.ZodString>;
        }, "strict", z.ZodTypeAny, {
            accessKey: string;
            accessSecret: string;
            securityToken?: string | undefined;
        }, {
            accessKey: string;
            accessSecret: string;
            securityToken?: string | undefined;
        }>>;
        /**
         * How long a received message stays hidden from other members, in ms; renewed while its handler runs. At least
         * 10000 (the proxy refuses shorter).
         * @defaultValue 30000
         */
        invisibleDurationMs: z.ZodDefault<z.ZodNumber>;
        /**
         * Delay before a failed message is delivered again, in ms, by attempt (the last entry repeats): the broker's delay
         * levels 3..18.
         * @defaultValue [10000, 30000, 60000, 120000, ..., 7200000]
         */
        retryDelaysMs: z.ZodDefault<z.ZodArray<z.ZodNumber, "atleastone">>;
        /**
         * Receive calls (long polls) in flight at once; each asks one broker behind the proxy (round robin).
         * @defaultValue 2
         */
        receivers: z.ZodDefault<z.ZodNumber>;
    }, "strict", z.ZodTypeAny, {
        retryDelaysMs: [number, ...number[]];
        namespace: string;
        endpoints: string;
        sslEnabled: boolean;
        invisibleDurationMs: number;
        receivers: number;
        credentials?: {
            accessKey: string;
            accessSecret: string;
            securityToken?: string | undefined;
        } | undefined;
    }, {
        endpoints: string | [string, ...string[]];
        credentials?: {
            accessKey: string;
            accessSecret: string;
            securityToken?: string | undefined;
        } | undefined;
        retryDelaysMs?: [number, ...number[]] | undefined;
        namespace?: string | undefined;
        sslEnabled?: boolean | undefined;
        invisibleDurationMs?: number | undefined;
        receivers?: number | undefined;
    }>;
    nameServer: z.ZodUndefined;
    model: z.ZodDefault<z.ZodLiteral<"clustering">>;
    allocation: z.ZodDefault<z.ZodLiteral<"averagely">>;
    consumeFrom: z.ZodDefault<z.ZodLiteral<"last">>;
    ordering: z.ZodDefault<z.ZodLiteral<"none">>;
    suspendMs: z.ZodUndefined;
    maxReconsumeTimes: z.ZodDefault<z.ZodLiteral<16>>;
    pullBatchSize: z.ZodDefault<z.ZodNumber>;
    brokerSuspendMs: z.ZodDefault<z.ZodNumber>;
    allocationOptions: z.ZodUndefined;
    onAssign: z.ZodUndefined;
    onRevoke: z.ZodUndefined;
    readFromBrokerId: z.ZodUndefined;
    hookTimeoutMs: z.ZodUndefined;
    undecodable: z.ZodUndefined;
    codec: z.ZodUndefined;
    invalidPayload: z.ZodUndefined;
    dedupe: z.ZodUndefined;
    pop: z.ZodUndefined;
    revokeTimeoutMs: z.ZodUndefined;
    offsetStoreDir: z.ZodUndefined;
    trace: z.ZodUndefined;
    persistOffsetIntervalMs: z.ZodUndefined;
    rebalanceIntervalMs: z.ZodUndefined;
    pullThresholdForQueue: z.ZodUndefined;
    pullThresholdSizeForQueueMiB: z.ZodUndefined;
    pullThresholdForTopic: z.ZodUndefined;
    pullThresholdSizeForTopicMiB: z.ZodUndefined;
    maxMessageBytes: z.ZodUndefined;
    heartbeatIntervalMs: z.ZodUndefined;
    pollNameServerIntervalMs: z.ZodUndefined;
    instanceName: z.ZodUndefined;
    clientIp: z.ZodUndefined;
    namespace: z.ZodUndefined;
    tls: z.ZodOptional<z.ZodEffects<z.ZodType<boolean | {
        rejectUnauthorized?: true;
    }, z.ZodTypeDef, boolean | {
        rejectUnauthorized?: true;
    }>, boolean | {
        rejectUnauthorized?: true;
    }, boolean | {
        rejectUnauthorized?: true;
    }>>;
}, "strict", z.ZodTypeAny, {
    group: string;
    maxReconsumeTimes: 16;
    batchSize: number;
    concurrency: number;
    ordering: "none";
    handlerTimeoutMs: number;
    closeTimeoutMs: number;
    model: "clustering";
    subscriptions: Record<string, string | {
        sql: string;
    }>;
    allocation: "averagely";
    consumeFrom: "last";
    pullBatchSize: number;
    brokerSuspendMs: number;
    requestTimeoutMs: number;
    proxy: {
        retryDelaysMs: [number, ...number[]];
        namespace: string;
        endpoints: string;
        sslEnabled: boolean;
        invisibleDurationMs: number;
        receivers: number;
        credentials?: {
            accessKey: string;
            accessSecret: string;
            securityToken?: string | undefined;
        } | undefined;
    };
    maxMessageBytes?: undefined;
    instanceName?: undefined;
    credentials?: {
        accessKey: string;
        secretKey: string;
        securityToken?: string | undefined;
    } | undefined;
    tls?: boolean | {
        rejectUnauthorized?: true;
    } | undefined;
    pop?: undefined;
    handler?: ((...args: never[]) => unknown) | undefined;
    batchHandler?: ((...args: never[]) => unknown) | undefined;
    suspendMs?: undefined;
    codec?: undefined;
    invalidPayload?: undefined;
    dedupe?: undefined;
    allocationOptions?: undefined;
    onAssign?: undefined;
    onRevoke?: undefined;
    pullThresholdForQueue?: undefined;
    pullThresholdSizeForQueueMiB?: undefined;
    pullThresholdForTopic?: undefined;
    pullThresholdSizeForTopicMiB?: undefined;
    rebalanceIntervalMs?: undefined;
    persistOffsetIntervalMs?: undefined;
    offsetStoreDir?: undefined;
    readFromBrokerId?: undefined;
    undecodable?: undefined;
    hookTimeoutMs?: undefined;
    revokeTimeoutMs?: undefined;
    trace?: undefined;
    nameServer?: undefined;
    logger?: import("../logger.js").Logger | undefined;
    clientIp?: undefined;
    heartbeatIntervalMs?: undefined;
    pollNameServerIntervalMs?: undefined;
    namespace?: undefined;
}, {
    group: string;
    subscriptions: Record<string, string | {
        sql: string;
    }>;
    proxy: {
        endpoints: string | [string, ...string[]];
        credentials?: {
            accessKey: string;
            accessSecret: string;
            securityToken?: string | undefined;
        } | undefined;
        retryDelaysMs?: [number, ...number[]] | undefined;
        namespace?: string | undefined;
        sslEnabled?: boolean | undefined;
        invisibleDurationMs?: number | undefined;
        receivers?: number | undefined;
    };
    maxMessageBytes?: undefined;
    maxReconsumeTimes?: 16 | undefined;
    instanceName?: undefined;
    credentials?: {
        accessKey: string;
        secretKey: string;
        securityToken?: string | undefined;
    } | undefined;
    tls?: boolean | {
        rejectUnauthorized?: true;
    } | undefined;
    pop?: undefined;
    batchSize?: number | undefined;
    handler?: ((...args: never[]) => unknown) | undefined;
    batchHandler?: ((...args: never[]) => unknown) | undefined;
    concurrency?: number | undefined;
    ordering?: "none" | undefined;
    suspendMs?: undefined;
    handlerTimeoutMs?: number | undefined;
    closeTimeoutMs?: number | undefined;
    codec?: undefined;
    invalidPayload?: undefined;
    dedupe?: undefined;
    model?: "clustering" | undefined;
    allocation?: "averagely" | undefined;
    allocationOptions?: undefined;
    consumeFrom?: "last" | undefined;
    onAssign?: undefined;
    onRevoke?: undefined;
    pullBatchSize?: number | undefined;
    pullThresholdForQueue?: undefined;
    pullThresholdSizeForQueueMiB?: undefined;
    pullThresholdForTopic?: undefined;
    pullThresholdSizeForTopicMiB?: undefined;
    brokerSuspendMs?: number | undefined;
    rebalanceIntervalMs?: undefined;
    persistOffsetIntervalMs?: undefined;
    offsetStoreDir?: undefined;
    readFromBrokerId?: undefined;
    undecodable?: undefined;
    hookTimeoutMs?: undefined;
    revokeTimeoutMs?: undefined;
    trace?: undefined;
    nameServer?: undefined;
    logger?: import("../logger.js").Logger | undefined;
    clientIp?: undefined;
    requestTimeoutMs?: number | undefined;
    heartbeatIntervalMs?: undefined;
    pollNameServerIntervalMs?: undefined;
    namespace?: undefined;
}>, {
    group: string;
    maxReconsumeTimes: 16;
    batchSize: number;
    concurrency: number;
    ordering: "none";
    handlerTimeoutMs: number;
    closeTimeoutMs: number;
    model: "clustering";
    subscriptions: Record<string, string | {
        sql: string;
    }>;
    allocation: "averagely";
    consumeFrom: "last";
    pullBatchSize: number;
    brokerSuspendMs: number;
    requestTimeoutMs: number;
    proxy: {
        retryDelaysMs: [number, ...number[]];
        namespace: string;
        endpoints: string;
        sslEnabled: boolean;
        invisibleDurationMs: number;
        receivers: number;
        credentials?: {
            accessKey: string;
            accessSecret: string;
            securityToken?: string | undefined;
        } | undefined;
    };
    maxMessageBytes?: undefined;
    instanceName?: undefined;
    credentials?: {
        accessKey: string;
        secretKey: string;
        securityToken?: string | undefined;
    } | undefined;
    tls?: boolean | {
        rejectUnauthorized?: true;
    } | undefined;
    pop?: undefined;
    handler?: ((...args: never[]) => unknown) | undefined;
    batchHandler?: ((...args: never[]) => unknown) | undefined;
    suspendMs?: undefined;
    codec?: undefined;
    invalidPayload?: undefined;
    dedupe?: undefined;
    allocationOptions?: undefined;
    onAssign?: undefined;
    onRevoke?: undefined;
    pullThresholdForQueue?: undefined;
    pullThresholdSizeForQueueMiB?: undefined;
    pullThresholdForTopic?: undefined;
    pullThresholdSizeForTopicMiB?: undefined;
    rebalanceIntervalMs?: undefined;
    persistOffsetIntervalMs?: undefined;
    offsetStoreDir?: undefined;
    readFromBrokerId?: undefined;
    undecodable?: undefined;
    hookTimeoutMs?: undefined;
    revokeTimeoutMs?: undefined;
    trace?: undefined;
    nameServer?: undefined;
    logger?: import("../logger.js").Logger | undefined;
    clientIp?: undefined;
    heartbeatIntervalMs?: undefined;
    pollNameServerIntervalMs?: undefined;
    namespace?: undefined;
}, {
    group: string;
    subscriptions: Record<string, string | {
        sql: string;
    }>;
    proxy: {
        endpoints: string | [string, ...string[]];
        credentials?: {
            accessKey: string;
            accessSecret: string;
            securityToken?: string | undefined;
        } | undefined;
        retryDelaysMs?: [number, ...number[]] | undefined;
        namespace?: string | undefined;
        sslEnabled?: boolean | undefined;
        invisibleDurationMs?: number | undefined;
        receivers?: number | undefined;
    };
    maxMessageBytes?: undefined;
    maxReconsumeTimes?: 16 | undefined;
    instanceName?: undefined;
    credentials?: {
        accessKey: string;
        secretKey: string;
        securityToken?: string | undefined;
    } | undefined;
    tls?: boolean | {
        rejectUnauthorized?: true;
    } | undefined;
    pop?: undefined;
    batchSize?: number | undefined;
    handler?: ((...args: never[]) => unknown) | undefined;
    batchHandler?: ((...args: never[]) => unknown) | undefined;
    concurrency?: number | undefined;
    ordering?: "none" | undefined;
    suspendMs?: undefined;
    handlerTimeoutMs?: number | undefined;
    closeTimeoutMs?: number | undefined;
    codec?: undefined;
    invalidPayload?: undefined;
    dedupe?: undefined;
    model?: "clustering" | undefined;
    allocation?: "averagely" | undefined;
    allocationOptions?: undefined;
    consumeFrom?: "last" | undefined;
    onAssign?: undefined;
    onRevoke?: undefined;
    pullBatchSize?: number | undefined;
    pullThresholdForQueue?: undefined;
    pullThresholdSizeForQueueMiB?: undefined;
    pullThresholdForTopic?: undefined;
    pullThresholdSizeForTopicMiB?: undefined;
    brokerSuspendMs?: number | undefined;
    rebalanceIntervalMs?: undefined;
    persistOffsetIntervalMs?: undefined;
    offsetStoreDir?: undefined;
    readFromBrokerId?: undefined;
    undecodable?: undefined;
    hookTimeoutMs?: undefined;
    revokeTimeoutMs?: undefined;
    trace?: undefined;
    nameServer?: undefined;
    logger?: import("../logger.js").Logger | undefined;
    clientIp?: undefined;
    requestTimeoutMs?: number | undefined;
    heartbeatIntervalMs?: undefined;
    pollNameServerIntervalMs?: undefined;
    namespace?: undefined;
}>, {
    group: string;
    maxReconsumeTimes: 16;
    batchSize: number;
    concurrency: number;
    ordering: "none";
    handlerTimeoutMs: number;
    closeTimeoutMs: number;
    model: "clustering";
    subscriptions: Record<string, string | {
        sql: string;
    }>;
    allocation: "averagely";
    consumeFrom: "last";
    pullBatchSize: number;
    brokerSuspendMs: number;
    requestTimeoutMs: number;
    proxy: {
        retryDelaysMs: [number, ...number[]];
        namespace: string;
        endpoints: string;
        sslEnabled: boolean;
        invisibleDurationMs: number;
        receivers: number;
        credentials?: {
            accessKey: string;
            accessSecret: string;
            securityToken?: string | undefined;
        } | undefined;
    };
    maxMessageBytes?: undefined;
    instanceName?: undefined;
    credentials?: {
        accessKey: string;
        secretKey: string;
        securityToken?: string | undefined;
    } | undefined;
    tls?: boolean | {
        rejectUnauthorized?: true;
    } | undefined;
    pop?: undefined;
    handler?: ((...args: never[]) => unknown) | undefined;
    batchHandler?: ((...args: never[]) => unknown) | undefined;
    suspendMs?: undefined;
    codec?: undefined;
    invalidPayload?: undefined;
    dedupe?: undefined;
    allocationOptions?: undefined;
    onAssign?: undefined;
    onRevoke?: undefined;
    pullThresholdForQueue?: undefined;
    pullThresholdSizeForQueueMiB?: undefined;
    pullThresholdForTopic?: undefined;
    pullThresholdSizeForTopicMiB?: undefined;
    rebalanceIntervalMs?: undefined;
    persistOffsetIntervalMs?: undefined;
    offsetStoreDir?: undefined;
    readFromBrokerId?: undefined;
    undecodable?: undefined;
    hookTimeoutMs?: undefined;
    revokeTimeoutMs?: undefined;
    trace?: undefined;
    nameServer?: undefined;
    logger?: import("../logger.js").Logger | undefined;
    clientIp?: undefined;
    heartbeatIntervalMs?: undefined;
    pollNameServerIntervalMs?: undefined;
    namespace?: undefined;
}, {
    group: string;
    subscriptions: Record<string, string | {
        sql: string;
    }>;
    proxy: {
        endpoints: string | [string, ...string[]];
        credentials?: {
            accessKey: string;
            accessSecret: string;
            securityToken?: string | undefined;
        } | undefined;
        retryDelaysMs?: [number, ...number[]] | undefined;
        namespace?: string | undefined;
        sslEnabled?: boolean | undefined;
        invisibleDurationMs?: number | undefined;
        receivers?: number | undefined;
    };
    maxMessageBytes?: undefined;
    maxReconsumeTimes?: 16 | undefined;
    instanceName?: undefined;
    credentials?: {
        accessKey: string;
        secretKey: string;
        securityToken?: string | undefined;
    } | undefined;
    tls?: boolean | {
        rejectUnauthorized?: true;
    } | undefined;
    pop?: undefined;
    batchSize?: number | undefined;
    handler?: ((...args: never[]) => unknown) | undefined;
    batchHandler?: ((...args: never[]) => unknown) | undefined;
    concurrency?: number | undefined;
    ordering?: "none" | undefined;
    suspendMs?: undefined;
    handlerTimeoutMs?: number | undefined;
    closeTimeoutMs?: number | undefined;
    codec?: undefined;
    invalidPayload?: undefined;
    dedupe?: undefined;
    model?: "clustering" | undefined;
    allocation?: "averagely" | undefined;
    allocationOptions?: undefined;
    consumeFrom?: "last" | undefined;
    onAssign?: undefined;
    onRevoke?: undefined;
    pullBatchSize?: number | undefined;
    pullThresholdForQueue?: undefined;
    pullThresholdSizeForQueueMiB?: undefined;
    pullThresholdForTopic?: undefined;
    pullThresholdSizeForTopicMiB?: undefined;
    brokerSuspendMs?: number | undefined;
    rebalanceIntervalMs?: undefined;
    persistOffsetIntervalMs?: undefined;
    offsetStoreDir?: undefined;
    readFromBrokerId?: undefined;
    undecodable?: undefined;
    hookTimeoutMs?: undefined;
    revokeTimeoutMs?: undefined;
    trace?: undefined;
    nameServer?: undefined;
    logger?: import("../logger.js").Logger | undefined;
    clientIp?: undefined;
    requestTimeoutMs?: number | undefined;
    heartbeatIntervalMs?: undefined;
    pollNameServerIntervalMs?: undefined;
    namespace?: undefined;
}>;
export type ProxyPushConsumerOptionsInput = z.input<typeof proxyPushConsumerOptionsSchema>;
export type ProxyPushConsumerParsedOptions = z.output<typeof proxyPushConsumerOptionsSchema>;
export {};
//# sourceMappingURL=consumer.d.ts.map