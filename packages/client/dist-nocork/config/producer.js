import { z } from 'zod';
import { clientOptionsShape, codecSchema, groupSchema, schemaDefaults, timerMs, topicSchema, traceSchema } from './common.js';
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
    .strict();
/** Every producer option's default, read from the schema (the one place a default is stated). */
export const PRODUCER_DEFAULTS = schemaDefaults(producerOptionsSchema.shape);
/**
 * The extra options of a TransactionProducer (beside every Producer option; `group` becomes required because the
 * broker routes check-backs by it).
 */
export const transactionOptionsSchema = z
    .object({
    group: groupSchema,
    /**
     * Answers the broker's check-back (CHECK_TRANSACTION_STATE) for a half message whose transaction this member did
     * not end (it returned 'unknown', threw, or the producer that sent it died): look the transaction up (e.g. the
     * order row by `message.keys`) and return 'commit', 'rollback', or 'unknown' to be asked again later.
     */
    checker: z.custom((v) => typeof v === 'function', {
        message: "must be a function (message) => 'commit' | 'rollback' | 'unknown' (or a promise of one)",
    }),
    /**
     * Topics this producer sends transactional messages to: start() learns their brokers and heartbeats them at once,
     * so check-backs for half messages left by an earlier (crashed) member of the group reach this one before its
     * first send. Without it, a broker learns about this member on its first send to it.
     */
    topics: z.array(topicSchema).max(1024).optional(),
    /** Called after each check-back is answered (or could not be): { msgId, transactionId, topic, broker, state, error? }. */
    onCheck: z.custom((v) => typeof v === 'function', { message: 'must be a function (event) => void' }).optional(),
    /** Check-backs answered at the same time; more wait in a queue of up to 2000 (beyond, dropped: the broker asks again). */
    maxConcurrentChecks: z.number().int().min(1).max(1024).default(8),
})
    .strict();
//# sourceMappingURL=producer.js.map