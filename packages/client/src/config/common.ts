import { z } from 'zod'
import { RocketMQError } from '../errors.js'
import type { Logger } from '../logger.js'

/** 'host:port;host:port', 'host:port,host:port' or an array of 'host:port'. */
export const nameServerSchema = z
  .union([z.string(), z.array(z.string()).nonempty()])
  .transform((v, ctx) => {
    const list = (Array.isArray(v) ? v : v.split(/[;,]/)).map((s) => s.trim()).filter(Boolean)
    if (list.length === 0) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "give at least one NameServer address, e.g. '127.0.0.1:9876'" })
      return z.NEVER
    }
    for (const a of list) {
      if (!/^[^\s:]+:\d{1,5}$/.test(a) && !/^\[[0-9a-fA-F:]+\]:\d{1,5}$/.test(a)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `'${a}' is not 'host:port' (e.g. '127.0.0.1:9876')` })
        return z.NEVER
      }
    }
    return list
  })

const loggerSchema = z.custom<Logger>(
  (v) =>
    typeof v === 'object' &&
    v !== null &&
    ['debug', 'info', 'warn', 'error'].every((k) => typeof (v as Record<string, unknown>)[k] === 'function'),
  { message: 'must be a pino-shaped logger with debug/info/warn/error methods' },
)

/** Java's TopicValidator / group charset: letters, digits, %, |, _ and -. */
export const NAME_PATTERN = /^[%|a-zA-Z0-9_-]+$/

export const groupSchema = z
  .string({ required_error: 'is required (the consumer group name, e.g. "stock_consumer_group")' })
  .min(1, 'must not be empty (the consumer group name, e.g. "stock_consumer_group")')
  .max(255, 'must be at most 255 characters')
  .regex(NAME_PATTERN, 'may contain only letters, digits, %, |, _ and -')

export const topicSchema = z
  .string()
  .min(1, 'topic must not be empty')
  .max(127, 'topic must be at most 127 characters')
  .regex(NAME_PATTERN, 'topic may contain only letters, digits, %, |, _ and -')

export const clientOptionsShape = {
  nameServer: nameServerSchema,
  logger: loggerSchema.optional(),
  /** Distinguishes clients in one process; defaults to `pid#hrtime`. */
  instanceName: z.string().min(1).optional(),
  /** The IP announced in the client id; defaults to the first non-internal IPv4. */
  clientIp: z.string().min(1).optional(),
  requestTimeoutMs: z.number().int().positive().default(3000),
  heartbeatIntervalMs: z.number().int().positive().default(30_000),
  pollNameServerIntervalMs: z.number().int().positive().default(30_000),
} as const

export const clientOptionsSchema = z.object(clientOptionsShape).strict()
export type ClientOptionsInput = z.input<typeof clientOptionsSchema>
export type ClientOptions = z.output<typeof clientOptionsSchema>

/**
 * Parse options once, up front. A wrong option throws `ERR_INVALID_OPTION` naming the field and the fix.
 */
export function parseOptions<S extends z.ZodTypeAny>(schema: S, input: unknown, what: string): z.output<S> {
  const result = schema.safeParse(input)
  if (result.success) return result.data
  const lines = result.error.issues.map((i) => {
    const field = i.path.length ? i.path.join('.') : '(options)'
    if (i.code === z.ZodIssueCode.unrecognized_keys) return `${field}: unknown option(s) ${i.keys.map((k) => `'${k}'`).join(', ')}; check the spelling`
    return `${field}: ${i.message}`
  })
  const fields = result.error.issues.map((i) => i.path.join('.')).filter(Boolean)
  throw new RocketMQError('ERR_INVALID_OPTION', `Invalid ${what} options: ${lines.join('; ')}`, {
    context: { fields },
  })
}
