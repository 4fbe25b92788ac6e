import { z } from 'zod'
import { clientOptionsShape, codecSchema, groupSchema, schemaDefaults, timerMs } from './common.js'

export const producerOptionsSchema = z
  .object({
    ...clientOptionsShape,
    group: groupSchema.default('DEFAULT_PRODUCER'),
    sendTimeoutMs: timerMs().default(3000),
    /** Extra attempts on another broker after a failed sync send (Java retryTimesWhenSendFailed). */
    retries: z.number().int().min(0).max(16).default(2),
    /** Bodies at least this large are zlib-compressed (Java compressMsgBodyOverHowmuch). */
    compressOverBytes: z.number().int().positive().max(2_147_483_647).default(4096),
    maxMessageBytes: z.number().int().positive().max(1024 * 1024 * 1024).default(4 * 1024 * 1024),
    /**
     * Avoid for a while a broker that failed a send or answered slowly (Java sendLatencyFaultEnable), and give each
     * attempt only half of the remaining sendTimeoutMs while another broker could still be tried. Default true.
     */
    latencyFaultAvoidance: z.boolean().default(true),
    /**
     * Encode `message.value` into the body on send ('json', 'text', 'bytes', a schema with `parse` such as zod - the
     * value is checked by it first - or a `{ encode(value) }` codec); a value it refuses is ERR_PAYLOAD_INVALID.
     */
    codec: codecSchema.optional(),
  })
  .strict()

export type ProducerOptionsInput = z.input<typeof producerOptionsSchema>
export type ProducerOptions = z.output<typeof producerOptionsSchema>

/** Every producer option's default, read from the schema (the one place a default is stated). */
export const PRODUCER_DEFAULTS = schemaDefaults(producerOptionsSchema.shape)
