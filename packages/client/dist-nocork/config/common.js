import { isIP } from 'node:net';
import { z } from 'zod';
import { RocketMQError } from '../errors.js';
/** 'host:port;host:port', 'host:port,host:port' or an array of 'host:port'. */
export const nameServerSchema = z
    .union([z.string(), z.array(z.string()).nonempty()])
    .transform((v, ctx) => {
    const list = (Array.isArray(v) ? v : v.split(/[;,]/)).map((s) => s.trim()).filter(Boolean);
    if (list.length === 0) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: "give at least one NameServer address, e.g. '127.0.0.1:9876'" });
        return z.NEVER;
    }
    for (const a of list) {
        const problem = addressProblem(a);
        if (problem !== undefined) {
            ctx.addIssue({ code: z.ZodIssueCode.custom, message: `'${a}' is not 'host:port' (${problem}; e.g. '127.0.0.1:9876')` });
            return z.NEVER;
        }
    }
    return list;
});
/** Node's timers fire at once for a delay of 2^31 ms or more (TimeoutOverflowWarning): every timer option stays below. */
export const MAX_TIMER_MS = 2_147_483_647;
/** A duration in ms used for a timer: an integer in [min, 2^31-1]. */
export function timerMs(min = 1) {
    return z
        .number()
        .int()
        .min(min, min === 0 ? 'must not be negative' : `must be at least ${min}`)
        .max(MAX_TIMER_MS, `must be at most ${MAX_TIMER_MS} (2^31-1 ms, about 24.8 days: Node's timer limit)`);
}
/** Why `a` is not a usable `host:port` / `[v6]:port` (port 1..65535, host an IP literal or a DNS name), or undefined. */
export function addressProblem(a) {
    const m = /^(?:\[([^\]]*)\]|([^\s:\[\]]+)):(\d{1,5})$/.exec(a);
    if (!m)
        return "expected 'host:port' or '[v6]:port'";
    const port = Number(m[3]);
    if (port < 1 || port > 65535)
        return `port ${port} is outside 1-65535`;
    if (m[1] !== undefined)
        return isIP(m[1]) === 6 ? undefined : `'${m[1]}' is not an IPv6 address`;
    const host = m[2];
    if (isIP(host) !== 0)
        return undefined;
    if (/^[\d.]+$/.test(host))
        return `'${host}' is not a valid IPv4 address`;
    if (host.length > 253 || !/^[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_])?$/.test(host))
        return `'${host}' is not a host name`;
    return undefined;
}
const loggerSchema = z.custom((v) => typeof v === 'object' &&
    v !== null &&
    ['debug', 'info', 'warn', 'error'].every((k) => typeof v[k] === 'function'), { message: 'must be a pino-shaped logger with debug/info/warn/error methods' });
/** Java's TopicValidator / group charset: letters, digits, %, |, _ and -. */
export const NAME_PATTERN = /^[%|a-zA-Z0-9_-]+$/;
export const groupSchema = z
    .string({ required_error: 'is required (the consumer group name, e.g. "stock_consumer_group")' })
    .min(1, 'must not be empty (the consumer group name, e.g. "stock_consumer_group")')
    .max(255, 'must be at most 255 characters')
    .regex(NAME_PATTERN, 'may contain only letters, digits, %, |, _ and -');
export const topicSchema = z
    .string()
    .min(1, 'topic must not be empty')
    .max(127, 'topic must be at most 127 characters')
    .regex(NAME_PATTERN, 'topic may contain only letters, digits, %, |, _ and -');
/**
 * RocketMQ message trace (what `mqadmin queryMsgTraceById` and the dashboard show): `true` writes trace records to
 * RMQ_SYS_TRACE_TOPIC, `{ topic }` to that topic (it must exist, or the brokers need traceTopicEnable). Sent in the
 * background, batched; never delays or fails a send or a handler (records are dropped and counted when it lags).
 */
export const traceSchema = z
    .union([
    z.boolean(),
    z
        .object({
        /** The topic trace records go to; default RMQ_SYS_TRACE_TOPIC. */
        topic: topicSchema.optional(),
    })
        .strict(),
], {
    errorMap: () => ({ message: "must be true, false or { topic: 'RMQ_SYS_TRACE_TOPIC' }" }),
})
    .optional();
const pem = z.union([z.string().min(1), z.instanceof(Buffer), z.array(z.union([z.string().min(1), z.instanceof(Buffer)])).nonempty()], {
    errorMap: () => ({ message: 'must be PEM text, a Buffer, or an array of them (read the file first, e.g. fs.readFileSync(path))' }),
});
/** ACL credentials: every request is signed as the Java client's AclClientRPCHook signs it. */
export const credentialsSchema = z
    .object({
    /** ACL 2.0: the user name. */
    accessKey: z.string({ required_error: 'is required (ACL 2.0: the user name)' }).min(1, 'must not be empty (ACL 2.0: the user name)'),
    /** ACL 2.0: the user's password. Never sent; it keys the HMAC. */
    secretKey: z.string({ required_error: "is required (ACL 2.0: the user's password)" }).min(1, "must not be empty (ACL 2.0: the user's password)"),
    /** ACL 1.0 with temporary credentials (STS): the session token sent with every request. */
    securityToken: z.string().min(1).optional(),
})
    .strict();
/** TLS to NameServers and brokers: `true` (system CAs, verified) or node:tls options. */
export const tlsSchema = z.union([
    z.boolean(),
    z
        .object({
        /** CA certificate(s) to trust instead of the system roots (PEM). */
        ca: pem.optional(),
        /** Client certificate chain for mutual TLS (PEM). */
        cert: pem.optional(),
        /** Client private key for mutual TLS (PEM). */
        key: pem.optional(),
        /** Passphrase of an encrypted `key`. */
        passphrase: z.string().optional(),
        /** Name to verify the server certificate against (and to send as SNI); default the host connected to. */
        servername: z.string().min(1).optional(),
        /**
         * Verify the server certificate. `false` accepts any server certificate: for tests only (logged once as a warning).
         * @defaultValue true
         */
        rejectUnauthorized: z.boolean().optional(),
        /** Replaces the host name check of the server certificate (node:tls `checkServerIdentity`); return an Error to refuse. */
        checkServerIdentity: z.custom((v) => typeof v === 'function', { message: 'must be a function (host, cert) => Error | undefined' }).optional(),
        /** Lowest TLS version accepted; default node:tls's (TLSv1.2). */
        minVersion: z.enum(['TLSv1.2', 'TLSv1.3']).optional(),
    })
        .strict()
        .superRefine((o, ctx) => {
        if ((o.cert === undefined) !== (o.key === undefined)) {
            ctx.addIssue({ code: z.ZodIssueCode.custom, path: [o.cert === undefined ? 'cert' : 'key'], message: 'mutual TLS needs both tls.cert and tls.key' });
        }
    }),
], { errorMap: () => ({ message: 'must be true, false or { ca?, cert?, key?, servername?, rejectUnauthorized? }' }) });
/** The connection options every client has (consumers, producer, admin). */
export const clientOptionsShape = {
    /**
     * The NameServer address(es): `'host:port'`, several joined by `;` (or `,`), or an array (Java namesrvAddr).
     * Required (except for a push consumer given `proxy`).
     */
    nameServer: nameServerSchema,
    /**
     * A pino-shaped logger (`debug` / `info` / `warn` / `error`, optional `child`), e.g. pino or `consoleLogger('info')`.
     * Default silent; background errors nobody listens to still show as a process warning.
     */
    logger: loggerSchema.optional(),
    /**
     * Distinguishes clients in one process and names a broadcasting member's offset folder (Java instanceName).
     * Default `pid#hrtime`, unique per client.
     */
    instanceName: z.string().min(1).optional(),
    /** The IP announced in the client id (Java clientIP). Default the first non-internal IPv4 of this host. */
    clientIp: z
        .string()
        .refine((v) => isIP(v) !== 0, { message: "must be an IPv4 or IPv6 address, e.g. '10.0.0.5'" })
        .optional(),
    /**
     * Deadline of one request to a NameServer or broker, in ms (Java mqClientApiTimeout); pulls add `brokerSuspendMs`.
     * @defaultValue 3000
     */
    requestTimeoutMs: timerMs().default(3000),
    /**
     * Interval of the heartbeat to every broker, in ms (Java heartbeatBrokerInterval).
     * @defaultValue 30000
     */
    heartbeatIntervalMs: timerMs().default(30_000),
    /**
     * Interval of the route refresh from the NameServer, in ms (Java pollNameServerInterval).
     * @defaultValue 30000
     */
    pollNameServerIntervalMs: timerMs().default(30_000),
    /** Sign requests for an ACL-enabled cluster (ACL 2.0 user name + password, or ACL 1.0 access/secret key). */
    credentials: credentialsSchema.optional(),
    /** Connect with TLS (verified against `ca` or the system roots); `true` = defaults. */
    tls: tlsSchema.optional(),
    /**
     * Prefix topics and groups as the Java client's namespace does (`ns%Topic`, `%RETRY%ns%Group`); the application
     * keeps using the plain names, and messages arrive with them.
     */
    namespace: z
        .string()
        .min(1, 'must not be empty (leave it out for no namespace)')
        .max(64)
        .regex(/^[|a-zA-Z0-9_-]+$/, "may contain only letters, digits, |, _ and - (no '%': it separates the namespace)")
        .optional(),
};
export const clientOptionsSchema = z.object(clientOptionsShape).strict();
/**
 * Parse options once, up front. A wrong option throws `ERR_INVALID_OPTION` naming the field and the fix.
 */
export function parseOptions(schema, input, what) {
    const result = schema.safeParse(input);
    if (result.success)
        return result.data;
    const lines = result.error.issues.map((i) => {
        const field = i.path.length ? i.path.join('.') : '(options)';
        if (i.code === z.ZodIssueCode.unrecognized_keys)
            return `${field}: unknown option(s) ${i.keys.map((k) => `'${k}'`).join(', ')}; check the spelling`;
        return `${field}: ${i.message}`;
    });
    const fields = result.error.issues.map((i) => i.path.join('.')).filter(Boolean);
    throw new RocketMQError('ERR_INVALID_OPTION', `Invalid ${what} options: ${lines.join('; ')}`, {
        context: { fields },
    });
}
/**
 * The remoting security of a client: credentials as given, and node:tls options (undefined = plaintext).
 * Turning certificate verification off is logged once per client, as a warning.
 */
export function remotingSecurity(o, logger) {
    const out = {};
    if (o.credentials !== undefined)
        out.credentials = o.credentials;
    if (o.tls === true)
        out.tls = {};
    else if (o.tls !== undefined && o.tls !== false) {
        const t = {};
        for (const [k, v] of Object.entries(o.tls))
            if (v !== undefined)
                t[k] = v;
        out.tls = t;
        if (o.tls.rejectUnauthorized === false) {
            logger?.warn({ option: 'tls.rejectUnauthorized' }, 'TLS certificate verification is OFF (tls.rejectUnauthorized: false): any server can impersonate the cluster; give tls.ca instead outside tests');
        }
    }
    return out;
}
/**
 * The default of every field of a zod object shape that has one, read from the schema itself, so that a default is
 * stated once (in the schema) and the exported `*_DEFAULTS` tables cannot drift from it.
 */
export function schemaDefaults(shape) {
    const out = {};
    for (const [key, field] of Object.entries(shape))
        if (field instanceof z.ZodDefault)
            out[key] = field._def.defaultValue();
    return Object.freeze(out);
}
/** `codec`: a built-in name, a `{ decode }` codec or a schema with `parse`. */
export const codecSchema = z.union([
    z.enum(['json', 'text', 'bytes']),
    z.custom((v) => v !== null && typeof v === 'object' && (typeof v.decode === 'function' || typeof v.parse === 'function')),
], { errorMap: () => ({ message: "must be 'json', 'text', 'bytes', a schema with parse() (e.g. zod) or { decode(body) }" }) });
//# sourceMappingURL=common.js.map