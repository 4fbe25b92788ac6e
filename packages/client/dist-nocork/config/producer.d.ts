import { z } from 'zod';
export declare const producerOptionsSchema: z.ZodObject<{
    /**
     * The producer group (Java producerGroup): names the producer to the broker; transactional producers need their own.
     * @defaultValue 'DEFAULT_PRODUCER'
     */
    group: z.ZodDefault<z.ZodString>;
    /**
     * Deadline of one `send()` over all its attempts, in ms (Java sendMsgTimeout).
     * @defaultValue 3000
     */
    sendTimeoutMs: z.ZodDefault<z.ZodNumber>;
    /**
     * Extra attempts on another broker after a failed sync send (Java retryTimesWhenSendFailed).
     * @defaultValue 2
     */
    retries: z.ZodDefault<z.ZodNumber>;
    /**
     * Bodies of at least this many bytes are zlib-compressed (Java compressMsgBodyOverHowmuch).
     * @defaultValue 4096
     */
    compressOverBytes: z.ZodDefault<z.ZodNumber>;
    /**
     * Largest body accepted by `send()`, in bytes, before compression; a larger one is ERR_MESSAGE_ENCODE (Java
     * maxMessageSize; the broker's own limit is 4 MiB too).
     * @defaultValue 4194304
     */
    maxMessageBytes: z.ZodDefault<z.ZodNumber>;
    /**
     * Avoid for a while a broker that failed a send or answered slowly (Java sendLatencyFaultEnable), and give each
     * attempt only half of the remaining sendTimeoutMs while another broker could still be tried. Java's default is
     * false.
     * @defaultValue true
     */
    latencyFaultAvoidance: z.ZodDefault<z.ZodBoolean>;
    /** RocketMQ message trace: a Pub record per sent message (`true` = RMQ_SYS_TRACE_TOPIC, or `{ topic }`). Default off. */
    trace: z.ZodOptional<z.ZodUnion<[z.ZodBoolean, z.ZodObject<{
        topic: z.ZodOptional<z.ZodString>;
    }, "strict", z.ZodTypeAny, {
        topic?: string | undefined;
    }, {
        topic?: string | undefined;
    }>]>>;
    /**
     * The furthest a timed message (deliverAt / delayMs) may be scheduled, in ms. Set it to the broker's
     * timerMaxDelaySec * 1000 (default 259200 s = 3 days); a send beyond it fails with ERR_INVALID_OPTION before it
     * leaves. Raising it above the broker's limit only moves the refusal to the broker (also ERR_INVALID_OPTION).
     * @defaultValue 259200000
     */
    maxDelayMs: z.ZodDefault<z.ZodNumber>;
    /**
     * Encode `message.value` into the body on send ('json', 'text', 'bytes', a schema with `parse` such as zod - the
     * value is checked by it first - or a `{ encode(value) }` codec); a value it refuses is ERR_PAYLOAD_INVALID.
     */
    codec: z.ZodOptional<z.ZodUnion<[z.ZodEnum<["json", "text", "bytes"]>, z.ZodType<object, z.ZodTypeDef, object>]>>;
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
    nameServer: string[];
    requestTimeoutMs: number;
    heartbeatIntervalMs: number;
    pollNameServerIntervalMs: number;
    sendTimeoutMs: number;
    retries: number;
    compressOverBytes: number;
    latencyFaultAvoidance: boolean;
    maxDelayMs: number;
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
    codec?: object | "json" | "text" | "bytes" | undefined;
    trace?: boolean | {
        topic?: string | undefined;
    } | undefined;
    logger?: import("../logger.js").Logger | undefined;
    clientIp?: string | undefined;
    namespace?: string | undefined;
}, {
    nameServer: string | [string, ...string[]];
    group?: string | undefined;
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
    codec?: object | "json" | "text" | "bytes" | undefined;
    trace?: boolean | {
        topic?: string | undefined;
    } | undefined;
    logger?: import("../logger.js").Logger | undefined;
    clientIp?: string | undefined;
    requestTimeoutMs?: number | undefined;
    heartbeatIntervalMs?: number | undefined;
    pollNameServerIntervalMs?: number | undefined;
    namespace?: string | undefined;
    sendTimeoutMs?: number | undefined;
    retries?: number | undefined;
    compressOverBytes?: number | undefined;
    latencyFaultAvoidance?: boolean | undefined;
    maxDelayMs?: number | undefined;
}>;
/**
 * Options of `new Producer(options)`: the connection options plus the producer's own.
 * @useDeclaredType
 */
export type ProducerOptionsInput = z.input<typeof producerOptionsSchema>;
export type ProducerOptions = z.output<typeof producerOptionsSchema>;
/** Every producer option's default, read from the schema (the one place a default is stated). */
export declare const PRODUCER_DEFAULTS: {
    readonly group: string;
    readonly maxMessageBytes: number;
    readonly requestTimeoutMs: number;
    readonly heartbeatIntervalMs: number;
    readonly pollNameServerIntervalMs: number;
    readonly sendTimeoutMs: number;
    readonly retries: number;
    readonly compressOverBytes: number;
    readonly latencyFaultAvoidance: boolean;
    readonly maxDelayMs: number;
};
/** What a local transaction or a check-back decided: publish the message, drop it, or ask again later. */
export type TransactionState = 'commit' | 'rollback' | 'unknown';
/**
 * The extra options of a TransactionProducer (beside every Producer option; `group` becomes required because the
 * broker routes check-backs by it).
 */
export declare const transactionOptionsSchema: z.ZodObject<{
    group: z.ZodString;
    /**
     * Answers the broker's check-back (CHECK_TRANSACTION_STATE) for a half message whose transaction this member did
     * not end (it returned 'unknown', threw, or the producer that sent it died): look the transaction up (e.g. the
     * order row by `message.keys`) and return 'commit', 'rollback', or 'unknown' to be asked again later.
     */
    checker: z.ZodType<(message: import("../protocol/message.js").MessageView) => TransactionState | Promise<TransactionState>, z.ZodTypeDef, (message: import("../protocol/message.js").MessageView) => TransactionState | Promise<TransactionState>>;
    /**
     * Topics this producer sends transactional messages to: start() learns their brokers and heartbeats them at once,
     * so check-backs for half messages left by an earlier (crashed) member of the group reach this one before its
     * first send. Without it, a broker learns about this member on its first send to it.
     */
    topics: z.ZodOptional<z.ZodArray<z.ZodString, "many">>;
    /** Called after each check-back is answered (or could not be): { msgId, transactionId, topic, broker, state, error? }. */
    onCheck: z.ZodOptional<z.ZodType<(event: import("../producer/transaction-producer.js").TransactionCheckEvent) => void, z.ZodTypeDef, (event: import("../producer/transaction-producer.js").TransactionCheckEvent) => void>>;
    /** Check-backs answered at the same time; more wait in a queue of up to 2000 (beyond, dropped: the broker asks again). */
    maxConcurrentChecks: z.ZodDefault<z.ZodNumber>;
}, "strict", z.ZodTypeAny, {
    group: string;
    checker: (message: import("../protocol/message.js").MessageView) => TransactionState | Promise<TransactionState>;
    maxConcurrentChecks: number;
    topics?: string[] | undefined;
    onCheck?: ((event: import("../producer/transaction-producer.js").TransactionCheckEvent) => void) | undefined;
}, {
    group: string;
    checker: (message: import("../protocol/message.js").MessageView) => TransactionState | Promise<TransactionState>;
    topics?: string[] | undefined;
    maxConcurrentChecks?: number | undefined;
    onCheck?: ((event: import("../producer/transaction-producer.js").TransactionCheckEvent) => void) | undefined;
}>;
//# sourceMappingURL=producer.d.ts.map