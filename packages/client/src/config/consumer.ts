import { z } from 'zod'
import { clientOptionsShape, codecSchema, schemaDefaults, timerMs, groupSchema, topicSchema } from './common.js'

export const ALLOCATION_NAMES = Object.freeze([
  'averagely',
  'averagely-by-circle',
  'consistent-hash',
  'by-config',
  'machine-room',
  'machine-room-nearby',
] as const)
export type AllocationName = (typeof ALLOCATION_NAMES)[number]

/**
 * The one check of a tag expression ('*', 'TagA', 'TagA || TagB'); undefined when it is fine. Java accepts almost
 * anything (it skips empty pieces); we refuse what can only be a mistake: an empty expression, one with `||` but no
 * tag, a lone `|` (the user meant `||`; Java would subscribe to a tag literally named `A | B`), `*` mixed with tags
 * (Java would treat it as a literal tag), and control characters (\u0001/\u0002 separate properties on the wire, so
 * a stored TAGS value never has them).
 */
export function tagExpressionProblem(expr: string): string | undefined {
  const t = expr.trim()
  if (t === '') return "is empty; use '*' for every tag or 'TagA || TagB'"
  if (t === '*') return undefined
  if (/(^|[^|])\|([^|]|$)/.test(t) || /\|{3,}/.test(t)) return `'${expr}' has a lone '|'; separate tags with '||', e.g. 'TagA || TagB'`
  const parts = t.split('||').map((s) => s.trim())
  if (parts.every((p) => p === '')) return `'${expr}' names no tag; use '*' or 'TagA || TagB'`
  if (parts.some((p) => p === '*')) return `'${expr}' mixes '*' with tags; use '*' alone`
  if (/[\u0000-\u001f]/.test(t)) return `'${expr}' contains a control character`
  return undefined
}

const subscriptionExpression = z.union([
  z.string().superRefine((s, ctx) => {
    const p = tagExpressionProblem(s)
    if (p) ctx.addIssue({ code: z.ZodIssueCode.custom, message: p })
  }),
  z.object({ sql: z.string().min(1, 'SQL92 expression must not be empty') }).strict(),
])
export type SubscriptionExpression = z.infer<typeof subscriptionExpression>

export const subscriptionsSchema = z
  .record(topicSchema, subscriptionExpression, {
    invalid_type_error: "must be an object of topic -> tag expression, e.g. { TopicOrderPaySuccess: '*' }",
    required_error: "is required, e.g. { TopicOrderPaySuccess: '*' }",
  })
  .refine((r) => Object.keys(r).length > 0, { message: "subscribe to at least one topic, e.g. { TopicOrderPaySuccess: '*' }" })

const fn = <T extends (...args: never[]) => unknown>(what: string) =>
  z.custom<T>((v) => typeof v === 'function', { message: `must be a function (${what})` })

const allocationSchema = z.union(
  [
    z.enum(ALLOCATION_NAMES, {
      errorMap: () => ({ message: `unknown allocation strategy; use one of ${ALLOCATION_NAMES.join(', ')}, or a function` }),
    }),
    fn<(...args: never[]) => unknown>('({ consumerGroup, currentClientId, messageQueues, clientIds }) => queues'),
    z.object({ name: z.string(), allocate: fn<(...args: never[]) => unknown>('allocate(ctx)') }).passthrough(),
  ],
  {
    errorMap: () => ({
      message: `unknown allocation strategy; use one of ${ALLOCATION_NAMES.join(', ')}, a function or { name, allocate }`,
    }),
  },
)

/** Largest timestamp accepted (the last ms of year 9999): beyond it a timestamp is a mistake, not a point in time. */
const MAX_TIMESTAMP_MS = 253_402_300_799_999

export const consumeFromSchema = z
  .union([
    z.enum(['first', 'last']),
    z
      .object({
        timestamp: z.union([
          z.number().int().min(0).max(MAX_TIMESTAMP_MS),
          z.date().refine((d) => !Number.isNaN(d.getTime()) && d.getTime() >= 0 && d.getTime() <= MAX_TIMESTAMP_MS),
        ]),
      })
      .strict(),
  ], { errorMap: () => ({ message: "must be 'first', 'last' or { timestamp: <ms since epoch | Date> }" }) })
  .default('last')

/** A push consumer (either transport) needs exactly one of handler / batchHandler. */
function exactlyOneHandler(o: { handler?: unknown; batchHandler?: unknown }, ctx: z.RefinementCtx): void {
  if (!o.handler && !o.batchHandler) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['handler'], message: 'is required: async (message, context) => { ... } (or batchHandler)' })
  }
  if (o.handler && o.batchHandler) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['batchHandler'], message: 'give either handler or batchHandler, not both' })
  }
}

/** Options shared by the push and pull consumers. */
export const baseConsumerShape = {
  ...clientOptionsShape,
  group: groupSchema,
  model: z.enum(['clustering', 'broadcasting'], { errorMap: () => ({ message: "must be 'clustering' or 'broadcasting'" }) }).default('clustering'),
  subscriptions: subscriptionsSchema,
  allocation: allocationSchema.default('averagely'),
  /** Options for strategies that need them (by-config queues, machine-room rooms, nearby resolver). */
  allocationOptions: z.record(z.unknown()).optional(),
  consumeFrom: consumeFromSchema,
  onAssign: fn<(...args: never[]) => unknown>('async (queues) => void | offsets').optional(),
  onRevoke: fn<(...args: never[]) => unknown>('async (queues, { signal }) => void').optional(),
  /** Messages pulled per request (Java pullBatchSize). */
  pullBatchSize: z.number().int().min(1).max(1024).default(32),
  /** Flow control per queue: cached message count and bytes (Java pullThresholdForQueue / SizeForQueue). */
  pullThresholdForQueue: z.number().int().positive().max(1_000_000_000).default(1000),
  pullThresholdSizeForQueueMiB: z.number().positive().finite().max(1024 * 1024).default(100),
  /** Optional per-topic cache limits, split over the queues this member owns. */
  pullThresholdForTopic: z.number().int().positive().max(1_000_000_000).optional(),
  pullThresholdSizeForTopicMiB: z.number().positive().finite().max(1024 * 1024).optional(),
  /** How long the broker may hold an empty pull (long polling). */
  brokerSuspendMs: z.number().int().min(1000).max(60_000).default(15_000),
  rebalanceIntervalMs: timerMs().default(20_000),
  persistOffsetIntervalMs: timerMs().default(5_000),
  /** Directory for broadcasting offsets (one file per member); default ~/.rocketmq_offsets. */
  offsetStoreDir: z.string().min(1).optional(),
  /** Read from this broker id regardless of the broker's advice (0 = master); default follows suggestWhichBrokerId. */
  readFromBrokerId: z.number().int().nonnegative().max(2_147_483_647).optional(),
  /**
   * Largest decoded (decompressed) message body accepted, checked while inflating; a larger one is ERR_MESSAGE_DECODE.
   * Default 16 MiB: 4x the broker's 4 MiB message limit, which Java producers apply before compressing.
   */
  maxMessageBytes: z.number().int().min(1024).max(1024 * 1024 * 1024).default(16 * 1024 * 1024),
  /**
   * A message that cannot be decoded (corrupt record, decompression bomb, bad header value): `'stall'` (default) keeps
   * the queue at that offset and tries again with back-off (3 s doubling to 60 s), `'skip'` moves past it; a function
   * `({ queue, offset, error, attempts }) => 'stall' | 'skip'` decides per attempt (e.g. skip once an operator agreed).
   * Either way every attempt is reported as an `error` event (ERR_MESSAGE_DECODE with topic, queue and offset).
   */
  undecodable: z
    .union([z.enum(['stall', 'skip']), fn<(...args: never[]) => unknown>("({ queue, offset, error, attempts }) => 'stall' | 'skip'")], {
      errorMap: () => ({ message: "must be 'stall', 'skip' or a function returning one of them" }),
    })
    .default('stall'),
  /** How long a rebalance awaits `onAssign` / `onRevoke` before it aborts their signal and goes on (was a fixed 30 s). */
  hookTimeoutMs: timerMs().default(30_000),
  /**
   * How long a rebalance waits for the in-flight messages of a revoked queue before it commits and releases the queue
   * (messages still running then are not committed; the next owner receives them again).
   */
  revokeTimeoutMs: timerMs().default(30_000),
} as const

const baseConsumerSchema = z.object(baseConsumerShape)
/** The parsed options every consumer part reads (both consumers' options extend these). */
export type BaseConsumerOptions = Omit<z.output<typeof baseConsumerSchema>, 'subscriptions'> & {
  /** Optional for the pull consumer in assign mode. */
  subscriptions?: z.output<typeof subscriptionsSchema>
}

export const pushConsumerOptionsSchema = z
  .object({
    ...baseConsumerShape,
    handler: fn<(...args: never[]) => unknown>('async (message, context) => void').optional(),
    batchHandler: fn<(...args: never[]) => unknown>('async (messages, context) => void').optional(),
    /** Handlers running at once (Java consumeThreadMax). */
    concurrency: z.number().int().min(1, 'must be at least 1').max(1000).default(20),
    /** Messages per batchHandler call (Java consumeMessageBatchMaxSize). */
    batchSize: z.number().int().min(1).max(1024).default(1),
    /**
     * Deliveries of a failing message before it goes to %DLQ%<group>. Default 16 with `ordering: 'none'` (Java
     * concurrently) and unbounded in the ordered modes (Java orderly); -1 means that default.
     */
    maxReconsumeTimes: z.number().int().min(-1).max(10_000).optional(),
    /**
     * `'none'`: concurrent consumption. `'queue'`: one message (or batch) at a time per queue, in queue order, only
     * while this member holds the queue's broker lock (Java MessageListenerOrderly). `'key'`: locked queues as in
     * `'queue'`, but messages with different ordering keys (`__SHARDINGKEY`, else the first key) run in parallel up to
     * `concurrency`, and one key's messages strictly in order.
     */
    ordering: z.enum(['none', 'queue', 'key'], { errorMap: () => ({ message: "must be 'none', 'queue' or 'key'" }) }).default('none'),
    /** Ordered modes: how long a queue pauses after a failed message before it is handled again (Java suspendCurrentQueueTimeMillis). */
    suspendMs: z.number().int().min(10).max(30_000).default(1000),
    /** After this long a handler's signal is aborted and the message is retried (Java consumeTimeout, 15 min). */
    handlerTimeoutMs: timerMs().default(15 * 60_000),
    /** Default deadline of close() for draining in-flight messages. */
    closeTimeoutMs: timerMs(0).default(30_000),
    /**
     * Decode (and check) each body before the handler runs; the handler reads `message.value`. 'json', 'text',
     * 'bytes', a schema with `parse` (zod: JSON checked by it) or a `{ decode(body) }` codec. A body that does not
     * decode is not retried: see `invalidPayload`.
     */
    codec: codecSchema.optional(),
    /** A body the codec refuses: 'dlq' (default) moves it to %DLQ%<group> at once; a function receives it instead. */
    invalidPayload: z
      .union([z.literal('dlq'), fn<(...args: never[]) => unknown>('async (message, error) => void')], {
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
            key: fn<(...args: never[]) => unknown>('(message) => string | undefined').optional(),
            max: z.number().int().min(1).max(10_000_000).default(10_000),
            ttlMs: timerMs().default(3_600_000),
          })
          .strict(),
      ], { errorMap: () => ({ message: 'must be true, false or { key?, max?, ttlMs? }' }) })
      .optional(),
  })
  .strict()
  .superRefine(exactlyOneHandler)

export type PushConsumerOptionsInput = z.input<typeof pushConsumerOptionsSchema>
export type PushConsumerOptions = z.output<typeof pushConsumerOptionsSchema>

export const pullConsumerOptionsSchema = z
  .object({
    ...baseConsumerShape,
    subscriptions: subscriptionsSchema.optional(),
    autoCommit: z.boolean().default(true),
    autoCommitIntervalMs: timerMs().default(5_000),
    /** Upper bound of messages cached over all queues (Java pullThresholdForAll). */
    maxCachedMessages: z.number().int().positive().max(1_000_000_000).default(10_000),
    pollTimeoutMs: timerMs(0).default(5_000),
  })
  .strict()

export type PullConsumerOptionsInput = z.input<typeof pullConsumerOptionsSchema>
export type PullConsumerOptions = z.output<typeof pullConsumerOptionsSchema>

/** Deliveries of a failing message before the DLQ in concurrent consumption when `maxReconsumeTimes` is unset or -1 (Java: 16). */
export const CONCURRENT_MAX_RECONSUME_TIMES = 16

/**
 * Every consumer option's default, read from the schemas (the one place a default is stated), plus the two
 * `maxReconsumeTimes` defaults that depend on `ordering`.
 */
export const CONSUMER_DEFAULTS = Object.freeze({
  ...schemaDefaults(pushConsumerOptionsSchema.innerType().shape),
  ...schemaDefaults(pullConsumerOptionsSchema.shape),
  maxReconsumeTimes: CONCURRENT_MAX_RECONSUME_TIMES,
  orderedMaxReconsumeTimes: Number.POSITIVE_INFINITY,
})

// ------------------------------------------------------------------ the proxy (gRPC) transport

/** Retry delays of the remoting path (broker delay levels 3..18), reused by the proxy transport. */
export const PROXY_RETRY_DELAYS_MS = Object.freeze([
  10_000, 30_000, 60_000, 120_000, 180_000, 240_000, 300_000, 360_000, 420_000, 480_000, 540_000, 600_000, 1_200_000,
  1_800_000, 3_600_000, 7_200_000,
])

/**
 * Measured on the kit's 5.5.0 proxy (test/integration/secured-proxy.test.ts): rocketmq-client-nodejs sends the
 * namespace as a header but asks for the plain topic's route, and the proxy answers for the plain topic, so a
 * namespaced topic (`ns%T`, as the Java client and our remoting transport name it) is never found.
 */
const PROXY_NAMESPACE_REFUSED =
  'is not available through the proxy: rocketmq-client-nodejs with the 5.x proxy reads the plain topic, not <namespace>%<topic> as the Java client and the remoting transport do; use the remoting transport (nameServer) for namespaced topics'

/** `proxy` of PushConsumer: consume through a RocketMQ 5.x proxy's gRPC endpoint (rocketmq-client-nodejs). */
export const proxyOptionsSchema = z
  .object({
    /** The proxy's gRPC endpoint(s): 'host:port', 'host:port;host:port' or an array. */
    endpoints: z
      .union([z.string(), z.array(z.string()).nonempty()], {
        errorMap: () => ({ message: "must be the proxy's gRPC address, e.g. '127.0.0.1:8081'" }),
      })
      .transform((v, ctx) => {
        const list = (Array.isArray(v) ? v : v.split(/[;,]/)).map((s) => s.trim()).filter(Boolean)
        if (list.length === 0) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, message: "give the proxy's gRPC address, e.g. '127.0.0.1:8081'" })
          return z.NEVER
        }
        return list.join(';')
      }),
    /** TLS to the proxy. Default false (plaintext; a proxy with permissive TLS accepts both). */
    sslEnabled: z.boolean().default(false),
    /** Refused when not empty: see PROXY_NAMESPACE_REFUSED. */
    namespace: z.string().max(0, PROXY_NAMESPACE_REFUSED).default(''),
    credentials: z
      .object({ accessKey: z.string().min(1), accessSecret: z.string().min(1), securityToken: z.string().min(1).optional() })
      .strict()
      .optional(),
    /** How long a received message stays hidden from other members; renewed while its handler runs. Min 10 s (the proxy's). */
    invisibleDurationMs: z.number().int().min(10_000, 'must be at least 10000 (the proxy refuses shorter)').max(12 * 3_600_000).default(30_000),
    /** Delay before a failed message is delivered again, by attempt (the last entry repeats). */
    retryDelaysMs: z.array(timerMs(0)).nonempty().default([...PROXY_RETRY_DELAYS_MS] as [number, ...number[]]),
    /** Receive calls (long polls) in flight at once; each asks one broker behind the proxy (round robin). */
    receivers: z.number().int().min(1).max(64).default(2),
  })
  .strict()

export type ProxyOptionsInput = z.input<typeof proxyOptionsSchema>
export type ProxyOptions = z.output<typeof proxyOptionsSchema>

const PROXY_TLS_REFUSED: Readonly<Record<string, string>> = {
  ca: 'tls.ca (a custom CA)',
  cert: 'tls.cert (a client certificate, mutual TLS)',
  key: 'tls.key (a client certificate, mutual TLS)',
}


const remotingOnly = (what: string) =>
  z.undefined({ errorMap: () => ({ message: `${what} is not available through the proxy (gRPC); it needs the remoting transport (nameServer)` }) })

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
    revokeTimeoutMs: remotingOnly('revokeTimeoutMs (queue ownership)'),
    offsetStoreDir: remotingOnly('offsetStoreDir (local offsets)'),
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
      .custom<boolean | { rejectUnauthorized?: true }>()
      .superRefine((v, ctx) => {
        if (v === undefined || typeof v === 'boolean') return
        if (typeof v !== 'object' || v === null) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'must be true or false through the proxy' })
          return
        }
        for (const [key, value] of Object.entries(v as Record<string, unknown>)) {
          if (value === undefined || (key === 'rejectUnauthorized' && value === true)) continue
          const what = PROXY_TLS_REFUSED[key] ?? `tls.${key}`
          ctx.addIssue({
            code: z.ZodIssueCode.custom,
            path: [key],
            message:
              key === 'rejectUnauthorized'
                ? 'tls.rejectUnauthorized: false is not available through the proxy (rocketmq-client-nodejs always verifies against the system CAs); use the remoting transport (nameServer)'
                : `${what} is not available through the proxy: rocketmq-client-nodejs verifies the proxy against the system CAs only; use the remoting transport (nameServer) for it`,
          })
        }
      })
      .optional(),
  })
  .strict()
  .superRefine(exactlyOneHandler)
  .superRefine((o, ctx) => {
    if (o.credentials !== undefined && o.proxy.credentials !== undefined) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['credentials'], message: 'give credentials or proxy.credentials, not both' })
    }
  })

export type ProxyPushConsumerOptionsInput = z.input<typeof proxyPushConsumerOptionsSchema>
export type ProxyPushConsumerParsedOptions = z.output<typeof proxyPushConsumerOptionsSchema>
