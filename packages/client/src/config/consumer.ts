import { z } from 'zod'
import { clientOptionsShape, groupSchema, topicSchema } from './common.js'

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
 * A tag expression: '*', 'TagA', 'TagA || TagB'. A single '|' is almost always a typo for '||', so it is refused.
 */
export function tagExpressionProblem(expr: string): string | undefined {
  const t = expr.trim()
  if (t === '') return "is empty; use '*' for every tag or 'TagA || TagB'"
  if (t === '*') return undefined
  if (/(^|[^|])\|([^|]|$)/.test(t) || /\|{3,}/.test(t)) return `'${expr}' has a lone '|'; separate tags with '||', e.g. 'TagA || TagB'`
  const parts = t.split('||').map((s) => s.trim())
  if (parts.every((p) => p === '')) return `'${expr}' names no tag; use '*' or 'TagA || TagB'`
  if (parts.some((p) => p === '*')) return `'${expr}' mixes '*' with tags; use '*' alone`
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

export const consumeFromSchema = z
  .union([
    z.enum(['first', 'last']),
    z.object({ timestamp: z.union([z.number().int().nonnegative(), z.date()]) }).strict(),
  ], { errorMap: () => ({ message: "must be 'first', 'last' or { timestamp: <ms since epoch | Date> }" }) })
  .default('last')

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
  pullThresholdForQueue: z.number().int().positive().default(1000),
  pullThresholdSizeForQueueMiB: z.number().positive().default(100),
  /** Optional per-topic cache limits, split over the queues this member owns. */
  pullThresholdForTopic: z.number().int().positive().optional(),
  pullThresholdSizeForTopicMiB: z.number().positive().optional(),
  /** How long the broker may hold an empty pull (long polling). */
  brokerSuspendMs: z.number().int().min(1000).max(60_000).default(15_000),
  rebalanceIntervalMs: z.number().int().positive().default(20_000),
  persistOffsetIntervalMs: z.number().int().positive().default(5_000),
  /** Directory for broadcasting offsets (one file per member); default ~/.rocketmq_offsets. */
  offsetStoreDir: z.string().min(1).optional(),
  /** Read from this broker id regardless of the broker's advice (0 = master); default follows suggestWhichBrokerId. */
  readFromBrokerId: z.number().int().nonnegative().optional(),
} as const

export const pushConsumerOptionsSchema = z
  .object({
    ...baseConsumerShape,
    handler: fn<(...args: never[]) => unknown>('async (message, context) => void').optional(),
    batchHandler: fn<(...args: never[]) => unknown>('async (messages, context) => void').optional(),
    /** Handlers running at once (Java consumeThreadMax). */
    concurrency: z.number().int().min(1, 'must be at least 1').max(1000).default(20),
    /** Messages per batchHandler call (Java consumeMessageBatchMaxSize). */
    batchSize: z.number().int().min(1).max(1024).default(1),
    maxReconsumeTimes: z.number().int().min(-1).max(10_000).default(16),
    /** After this long a handler's signal is aborted and the message is retried (Java consumeTimeout, 15 min). */
    handlerTimeoutMs: z.number().int().positive().default(15 * 60_000),
    /** Default deadline of close() for draining in-flight messages. */
    closeTimeoutMs: z.number().int().nonnegative().default(30_000),
  })
  .strict()
  .superRefine((o, ctx) => {
    if (!o.handler && !o.batchHandler) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['handler'], message: 'is required: async (message, context) => { ... } (or batchHandler)' })
    }
    if (o.handler && o.batchHandler) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['batchHandler'], message: 'give either handler or batchHandler, not both' })
    }
  })

export type PushConsumerOptionsInput = z.input<typeof pushConsumerOptionsSchema>
export type PushConsumerOptions = z.output<typeof pushConsumerOptionsSchema>

export const pullConsumerOptionsSchema = z
  .object({
    ...baseConsumerShape,
    subscriptions: subscriptionsSchema.optional(),
    autoCommit: z.boolean().default(true),
    autoCommitIntervalMs: z.number().int().positive().default(5_000),
    /** Upper bound of messages cached over all queues (Java pullThresholdForAll). */
    maxCachedMessages: z.number().int().positive().default(10_000),
    pollTimeoutMs: z.number().int().nonnegative().default(5_000),
  })
  .strict()

export type PullConsumerOptionsInput = z.input<typeof pullConsumerOptionsSchema>
export type PullConsumerOptions = z.output<typeof pullConsumerOptionsSchema>

export const CONSUMER_DEFAULTS = Object.freeze({
  model: 'clustering',
  allocation: 'averagely',
  consumeFrom: 'last',
  concurrency: 20,
  batchSize: 1,
  pullBatchSize: 32,
  pullThresholdForQueue: 1000,
  pullThresholdSizeForQueueMiB: 100,
  brokerSuspendMs: 15_000,
  rebalanceIntervalMs: 20_000,
  persistOffsetIntervalMs: 5_000,
  maxReconsumeTimes: 16,
  handlerTimeoutMs: 15 * 60_000,
  closeTimeoutMs: 30_000,
  autoCommitIntervalMs: 5_000,
} as const)
