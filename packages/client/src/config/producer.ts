import { z } from 'zod'
import { clientOptionsShape, codecSchema, groupSchema, schemaDefaults, timerMs, topicSchema, traceSchema } from './common.js'

export const producerOptionsSchema = z
  .object({
    ...clientOptionsShape,
    /**
     * The producer group (Java producerGroup): names the producer to the broker; transactional producers need their own.
     * @defaultValue 'DEFAULT_PRODUCER'
     */
    group: groupSchema.default('DEFAULT_PRODUCER'),
    /**
     * Deadline of one `send()` over all its attempts, in ms (Java sendMsgTimeout).
     * @defaultValue 3000
     */
    sendTimeoutMs: timerMs().default(3000),
    /**
     * Extra attempts on another broker after a failed sync send (Java retryTimesWhenSendFailed).
     * @defaultValue 2
     */
    retries: z.number().int().min(0).max(16).default(2),
    /**
     * Bodies of at least this many bytes are zlib-compressed (Java compressMsgBodyOverHowmuch).
     * @defaultValue 4096
     */
    compressOverBytes: z.number().int().positive().max(2_147_483_647).default(4096),
    /**
     * Largest body accepted by `send()`, in bytes, before compression; a larger one is ERR_MESSAGE_ENCODE (Java
     * maxMessageSize; the broker's own limit is 4 MiB too).
     * @defaultValue 4194304
     */
    maxMessageBytes: z.number().int().positive().max(1024 * 1024 * 1024).default(4 * 1024 * 1024),
    /**
     * Avoid for a while a broker that failed a send or answered slowly (Java sendLatencyFaultEnable), and give each
     * attempt only half of the remaining sendTimeoutMs while another broker could still be tried. Java's default is
     * false.
     * @defaultValue true
     */
    latencyFaultAvoidance: z.boolean().default(true),
    /** RocketMQ message trace: a Pub record per sent message (`true` = RMQ_SYS_TRACE_TOPIC, or `{ topic }`). Default off. */
    trace: traceSchema,
    /**
     * The furthest a timed message (deliverAt / delayMs) may be scheduled, in ms. Set it to the broker's
     * timerMaxDelaySec * 1000 (default 259200 s = 3 days); a send beyond it fails with ERR_INVALID_OPTION before it
     * leaves. Raising it above the broker's limit only moves the refusal to the broker (also ERR_INVALID_OPTION).
     * @defaultValue 259200000
     */
    maxDelayMs: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).default(259_200_000),
    /**
     * Encode `message.value` into the body on send ('json', 'text', 'bytes', a schema with `parse` such as zod - the
     * value is checked by it first - or a `{ encode(value) }` codec); a value it refuses is ERR_PAYLOAD_INVALID.
     */
    codec: codecSchema.optional(),
  })
  .strict()

/**
 * Options of `new Producer(options)`: the connection options plus the producer's own.
 * @useDeclaredType
 */
export type ProducerOptionsInput = z.input<typeof producerOptionsSchema>
export type ProducerOptions = z.output<typeof producerOptionsSchema>

/** Every producer option's default, read from the schema (the one place a default is stated). */
export const PRODUCER_DEFAULTS = schemaDefaults(producerOptionsSchema.shape)
