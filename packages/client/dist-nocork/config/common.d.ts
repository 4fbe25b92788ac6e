import type { ConnectionOptions as TlsConnectionOptions } from 'node:tls';
import { z } from 'zod';
import type { Logger } from '../logger.js';
/** 'host:port;host:port', 'host:port,host:port' or an array of 'host:port'. */
export declare const nameServerSchema: z.ZodEffects<z.ZodUnion<[z.ZodString, z.ZodArray<z.ZodString, "atleastone">]>, string[], string | [string, ...string[]]>;
/** Node's timers fire at once for a delay of 2^31 ms or more (TimeoutOverflowWarning): every timer option stays below. */
export declare const MAX_TIMER_MS = 2147483647;
/** A duration in ms used for a timer: an integer in [min, 2^31-1]. */
export declare function timerMs(min?: number): z.ZodNumber;
/** Why `a` is not a usable `host:port` / `[v6]:port` (port 1..65535, host an IP literal or a DNS name), or undefined. */
export declare function addressProblem(a: string): string | undefined;
/** Java's TopicValidator / group charset: letters, digits, %, |, _ and -. */
export declare const NAME_PATTERN: RegExp;
export declare const groupSchema: z.ZodString;
export declare const topicSchema: z.ZodString;
/**
 * RocketMQ message trace (what `mqadmin queryMsgTraceById` and the dashboard show): `true` writes trace records to
 * RMQ_SYS_TRACE_TOPIC, `{ topic }` to that topic (it must exist, or the brokers need traceTopicEnable). Sent in the
 * background, batched; never delays or fails a send or a handler (records are dropped and counted when it lags).
 */
export declare const traceSchema: z.ZodOptional<z.ZodUnion<[z.ZodBoolean, z.ZodObject<{
    /** The topic trace records go to; default RMQ_SYS_TRACE_TOPIC. */
    topic: z.ZodOptional<z.ZodString>;
}, "strict", z.ZodTypeAny, {
    topic?: string | undefined;
}, {
    topic?: string | undefined;
}>]>>;
/** ACL credentials: every request is signed as the Java client's AclClientRPCHook signs it. */
export declare const credentialsSchema: z.ZodObject<{
    /** ACL 2.0: the user name. */
    accessKey: z.ZodString;
    /** ACL 2.0: the user's password. Never sent; it keys the HMAC. */
    secretKey: z.ZodString;
    /** ACL 1.0 with temporary credentials (STS): the session token sent with every request. */
    securityToken: z.ZodOptional<z.ZodString>;
}, "strict", z.ZodTypeAny, {
    accessKey: string;
    secretKey: string;
    securityToken?: string | undefined;
}, {
    accessKey: string;
    secretKey: string;
    securityToken?: string | undefined;
}>;
export type CredentialsInput = z.input<typeof credentialsSchema>;
/** TLS to NameServers and brokers: `true` (system CAs, verified) or node:tls options. */
export declare const tlsSchema: z.ZodUnion<[z.ZodBoolean, z.ZodEffects<z.ZodObject<{
    /** CA certificate(s) to trust instead of the system roots (PEM). */
    ca: z.ZodOptional<z.ZodUnion<[z.ZodString, z.ZodType<Buffer<ArrayBufferLike>, z.ZodTypeDef, Buffer<ArrayBufferLike>>, z.ZodArray<z.ZodUnion<[z.ZodString, z.ZodType<Buffer<ArrayBufferLike>, z.ZodTypeDef, Buffer<ArrayBufferLike>>]>, "atleastone">]>>;
    /** Client certificate chain for mutual TLS (PEM). */
    cert: z.ZodOptional<z.ZodUnion<[z.ZodString, z.ZodType<Buffer<ArrayBufferLike>, z.ZodTypeDef, Buffer<ArrayBufferLike>>, z.ZodArray<z.ZodUnion<[z.ZodString, z.ZodType<Buffer<ArrayBufferLike>, z.ZodTypeDef, Buffer<ArrayBufferLike>>]>, "atleastone">]>>;
    /** Client private key for mutual TLS (PEM). */
    key: z.ZodOptional<z.ZodUnion<[z.ZodString, z.ZodType<Buffer<ArrayBufferLike>, z.ZodTypeDef, Buffer<ArrayBufferLike>>, z.ZodArray<z.ZodUnion<[z.ZodString, z.ZodType<Buffer<ArrayBufferLike>, z.ZodTypeDef, Buffer<ArrayBufferLike>>]>, "atleastone">]>>;
    /** Passphrase of an encrypted `key`. */
    passphrase: z.ZodOptional<z.ZodString>;
    /** Name to verify the server certificate against (and to send as SNI); default the host connected to. */
    servername: z.ZodOptional<z.ZodString>;
    /**
     * Verify the server certificate. `false` accepts any server certificate: for tests only (logged once as a warning).
     * @defaultValue true
     */
    rejectUnauthorized: z.ZodOptional<z.ZodBoolean>;
    /** Replaces the host name check of the server certificate (node:tls `checkServerIdentity`); return an Error to refuse. */
    checkServerIdentity: z.ZodOptional<z.ZodType<(host: string, cert: unknown) => Error | undefined, z.ZodTypeDef, (host: string, cert: unknown) => Error | undefined>>;
    /** Lowest TLS version accepted; default node:tls's (TLSv1.2). */
    minVersion: z.ZodOptional<z.ZodEnum<["TLSv1.2", "TLSv1.3"]>>;
}, "strict", z.ZodTypeAny, {
    servername?: string | undefined;
    key?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
    ca?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
    cert?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
    passphrase?: string | undefined;
    rejectUnauthorized?: boolean | undefined;
    checkServerIdentity?: ((host: string, cert: unknown) => Error | undefined) | undefined;
    minVersion?: "TLSv1.2" | "TLSv1.3" | undefined;
}, {
    servername?: string | undefined;
    key?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
    ca?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
    cert?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
    passphrase?: string | undefined;
    rejectUnauthorized?: boolean | undefined;
    checkServerIdentity?: ((host: string, cert: unknown) => Error | undefined) | undefined;
    minVersion?: "TLSv1.2" | "TLSv1.3" | undefined;
}>, {
    servername?: string | undefined;
    key?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
    ca?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
    cert?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
    passphrase?: string | undefined;
    rejectUnauthorized?: boolean | undefined;
    checkServerIdentity?: ((host: string, cert: unknown) => Error | undefined) | undefined;
    minVersion?: "TLSv1.2" | "TLSv1.3" | undefined;
}, {
    servername?: string | undefined;
    key?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
    ca?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
    cert?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
    passphrase?: string | undefined;
    rejectUnauthorized?: boolean | undefined;
    checkServerIdentity?: ((host: string, cert: unknown) => Error | undefined) | undefined;
    minVersion?: "TLSv1.2" | "TLSv1.3" | undefined;
}>]>;
export type TlsInput = z.input<typeof tlsSchema>;
/** The connection options every client has (consumers, producer, admin). */
export declare const clientOptionsShape: {
    /**
     * The NameServer address(es): `'host:port'`, several joined by `;` (or `,`), or an array (Java namesrvAddr).
     * Required (except for a push consumer given `proxy`).
     */
    readonly nameServer: z.ZodEffects<z.ZodUnion<[z.ZodString, z.ZodArray<z.ZodString, "atleastone">]>, string[], string | [string, ...string[]]>;
    /**
     * A pino-shaped logger (`debug` / `info` / `warn` / `error`, optional `child`), e.g. pino or `consoleLogger('info')`.
     * Default silent; background errors nobody listens to still show as a process warning.
     */
    readonly logger: z.ZodOptional<z.ZodType<Logger, z.ZodTypeDef, Logger>>;
    /**
     * Distinguishes clients in one process and names a broadcasting member's offset folder (Java instanceName).
     * Default `pid#hrtime`, unique per client.
     */
    readonly instanceName: z.ZodOptional<z.ZodString>;
    /** The IP announced in the client id (Java clientIP). Default the first non-internal IPv4 of this host. */
    readonly clientIp: z.ZodOptional<z.ZodEffects<z.ZodString, string, string>>;
    /**
     * Deadline of one request to a NameServer or broker, in ms (Java mqClientApiTimeout); pulls add `brokerSuspendMs`.
     * @defaultValue 3000
     */
    readonly requestTimeoutMs: z.ZodDefault<z.ZodNumber>;
    /**
     * Interval of the heartbeat to every broker, in ms (Java heartbeatBrokerInterval).
     * @defaultValue 30000
     */
    readonly heartbeatIntervalMs: z.ZodDefault<z.ZodNumber>;
    /**
     * Interval of the route refresh from the NameServer, in ms (Java pollNameServerInterval).
     * @defaultValue 30000
     */
    readonly pollNameServerIntervalMs: z.ZodDefault<z.ZodNumber>;
    /** Sign requests for an ACL-enabled cluster (ACL 2.0 user name + password, or ACL 1.0 access/secret key). */
    readonly credentials: z.ZodOptional<z.ZodObject<{
        /** ACL 2.0: the user name. */
        accessKey: z.ZodString;
        /** ACL 2.0: the user's password. Never sent; it keys the HMAC. */
        secretKey: z.ZodString;
        /** ACL 1.0 with temporary credentials (STS): the session token sent with every request. */
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
    /** Connect with TLS (verified against `ca` or the system roots); `true` = defaults. */
    readonly tls: z.ZodOptional<z.ZodUnion<[z.ZodBoolean, z.ZodEffects<z.ZodObject<{
        /** CA certificate(s) to trust instead of the system roots (PEM). */
        ca: z.ZodOptional<z.ZodUnion<[z.ZodString, z.ZodType<Buffer<ArrayBufferLike>, z.ZodTypeDef, Buffer<ArrayBufferLike>>, z.ZodArray<z.ZodUnion<[z.ZodString, z.ZodType<Buffer<ArrayBufferLike>, z.ZodTypeDef, Buffer<ArrayBufferLike>>]>, "atleastone">]>>;
        /** Client certificate chain for mutual TLS (PEM). */
        cert: z.ZodOptional<z.ZodUnion<[z.ZodString, z.ZodType<Buffer<ArrayBufferLike>, z.ZodTypeDef, Buffer<ArrayBufferLike>>, z.ZodArray<z.ZodUnion<[z.ZodString, z.ZodType<Buffer<ArrayBufferLike>, z.ZodTypeDef, Buffer<ArrayBufferLike>>]>, "atleastone">]>>;
        /** Client private key for mutual TLS (PEM). */
        key: z.ZodOptional<z.ZodUnion<[z.ZodString, z.ZodType<Buffer<ArrayBufferLike>, z.ZodTypeDef, Buffer<ArrayBufferLike>>, z.ZodArray<z.ZodUnion<[z.ZodString, z.ZodType<Buffer<ArrayBufferLike>, z.ZodTypeDef, Buffer<ArrayBufferLike>>]>, "atleastone">]>>;
        /** Passphrase of an encrypted `key`. */
        passphrase: z.ZodOptional<z.ZodString>;
        /** Name to verify the server certificate against (and to send as SNI); default the host connected to. */
        servername: z.ZodOptional<z.ZodString>;
        /**
         * Verify the server certificate. `false` accepts any server certificate: for tests only (logged once as a warning).
         * @defaultValue true
         */
        rejectUnauthorized: z.ZodOptional<z.ZodBoolean>;
        /** Replaces the host name check of the server certificate (node:tls `checkServerIdentity`); return an Error to refuse. */
        checkServerIdentity: z.ZodOptional<z.ZodType<(host: string, cert: unknown) => Error | undefined, z.ZodTypeDef, (host: string, cert: unknown) => Error | undefined>>;
        /** Lowest TLS version accepted; default node:tls's (TLSv1.2). */
        minVersion: z.ZodOptional<z.ZodEnum<["TLSv1.2", "TLSv1.3"]>>;
    }, "strict", z.ZodTypeAny, {
        servername?: string | undefined;
        key?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        ca?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        cert?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        passphrase?: string | undefined;
        rejectUnauthorized?: boolean | undefined;
        checkServerIdentity?: ((host: string, cert: unknown) => Error | undefined) | undefined;
        minVersion?: "TLSv1.2" | "TLSv1.3" | undefined;
    }, {
        servername?: string | undefined;
        key?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        ca?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        cert?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        passphrase?: string | undefined;
        rejectUnauthorized?: boolean | undefined;
        checkServerIdentity?: ((host: string, cert: unknown) => Error | undefined) | undefined;
        minVersion?: "TLSv1.2" | "TLSv1.3" | undefined;
    }>, {
        servername?: string | undefined;
        key?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        ca?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        cert?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        passphrase?: string | undefined;
        rejectUnauthorized?: boolean | undefined;
        checkServerIdentity?: ((host: string, cert: unknown) => Error | undefined) | undefined;
        minVersion?: "TLSv1.2" | "TLSv1.3" | undefined;
    }, {
        servername?: string | undefined;
        key?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        ca?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        cert?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        passphrase?: string | undefined;
        rejectUnauthorized?: boolean | undefined;
        checkServerIdentity?: ((host: string, cert: unknown) => Error | undefined) | undefined;
        minVersion?: "TLSv1.2" | "TLSv1.3" | undefined;
    }>]>>;
    /**
     * Prefix topics and groups as the Java client's namespace does (`ns%Topic`, `%RETRY%ns%Group`); the application
     * keeps using the plain names, and messages arrive with them.
     */
    readonly namespace: z.ZodOptional<z.ZodString>;
};
export declare const clientOptionsSchema: z.ZodObject<{
    /**
     * The NameServer address(es): `'host:port'`, several joined by `;` (or `,`), or an array (Java namesrvAddr).
     * Required (except for a push consumer given `proxy`).
     */
    readonly nameServer: z.ZodEffects<z.ZodUnion<[z.ZodString, z.ZodArray<z.ZodString, "atleastone">]>, string[], string | [string, ...string[]]>;
    /**
     * A pino-shaped logger (`debug` / `info` / `warn` / `error`, optional `child`), e.g. pino or `consoleLogger('info')`.
     * Default silent; background errors nobody listens to still show as a process warning.
     */
    readonly logger: z.ZodOptional<z.ZodType<Logger, z.ZodTypeDef, Logger>>;
    /**
     * Distinguishes clients in one process and names a broadcasting member's offset folder (Java instanceName).
     * Default `pid#hrtime`, unique per client.
     */
    readonly instanceName: z.ZodOptional<z.ZodString>;
    /** The IP announced in the client id (Java clientIP). Default the first non-internal IPv4 of this host. */
    readonly clientIp: z.ZodOptional<z.ZodEffects<z.ZodString, string, string>>;
    /**
     * Deadline of one request to a NameServer or broker, in ms (Java mqClientApiTimeout); pulls add `brokerSuspendMs`.
     * @defaultValue 3000
     */
    readonly requestTimeoutMs: z.ZodDefault<z.ZodNumber>;
    /**
     * Interval of the heartbeat to every broker, in ms (Java heartbeatBrokerInterval).
     * @defaultValue 30000
     */
    readonly heartbeatIntervalMs: z.ZodDefault<z.ZodNumber>;
    /**
     * Interval of the route refresh from the NameServer, in ms (Java pollNameServerInterval).
     * @defaultValue 30000
     */
    readonly pollNameServerIntervalMs: z.ZodDefault<z.ZodNumber>;
    /** Sign requests for an ACL-enabled cluster (ACL 2.0 user name + password, or ACL 1.0 access/secret key). */
    readonly credentials: z.ZodOptional<z.ZodObject<{
        /** ACL 2.0: the user name. */
        accessKey: z.ZodString;
        /** ACL 2.0: the user's password. Never sent; it keys the HMAC. */
        secretKey: z.ZodString;
        /** ACL 1.0 with temporary credentials (STS): the session token sent with every request. */
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
    /** Connect with TLS (verified against `ca` or the system roots); `true` = defaults. */
    readonly tls: z.ZodOptional<z.ZodUnion<[z.ZodBoolean, z.ZodEffects<z.ZodObject<{
        /** CA certificate(s) to trust instead of the system roots (PEM). */
        ca: z.ZodOptional<z.ZodUnion<[z.ZodString, z.ZodType<Buffer<ArrayBufferLike>, z.ZodTypeDef, Buffer<ArrayBufferLike>>, z.ZodArray<z.ZodUnion<[z.ZodString, z.ZodType<Buffer<ArrayBufferLike>, z.ZodTypeDef, Buffer<ArrayBufferLike>>]>, "atleastone">]>>;
        /** Client certificate chain for mutual TLS (PEM). */
        cert: z.ZodOptional<z.ZodUnion<[z.ZodString, z.ZodType<Buffer<ArrayBufferLike>, z.ZodTypeDef, Buffer<ArrayBufferLike>>, z.ZodArray<z.ZodUnion<[z.ZodString, z.ZodType<Buffer<ArrayBufferLike>, z.ZodTypeDef, Buffer<ArrayBufferLike>>]>, "atleastone">]>>;
        /** Client private key for mutual TLS (PEM). */
        key: z.ZodOptional<z.ZodUnion<[z.ZodString, z.ZodType<Buffer<ArrayBufferLike>, z.ZodTypeDef, Buffer<ArrayBufferLike>>, z.ZodArray<z.ZodUnion<[z.ZodString, z.ZodType<Buffer<ArrayBufferLike>, z.ZodTypeDef, Buffer<ArrayBufferLike>>]>, "atleastone">]>>;
        /** Passphrase of an encrypted `key`. */
        passphrase: z.ZodOptional<z.ZodString>;
        /** Name to verify the server certificate against (and to send as SNI); default the host connected to. */
        servername: z.ZodOptional<z.ZodString>;
        /**
         * Verify the server certificate. `false` accepts any server certificate: for tests only (logged once as a warning).
         * @defaultValue true
         */
        rejectUnauthorized: z.ZodOptional<z.ZodBoolean>;
        /** Replaces the host name check of the server certificate (node:tls `checkServerIdentity`); return an Error to refuse. */
        checkServerIdentity: z.ZodOptional<z.ZodType<(host: string, cert: unknown) => Error | undefined, z.ZodTypeDef, (host: string, cert: unknown) => Error | undefined>>;
        /** Lowest TLS version accepted; default node:tls's (TLSv1.2). */
        minVersion: z.ZodOptional<z.ZodEnum<["TLSv1.2", "TLSv1.3"]>>;
    }, "strict", z.ZodTypeAny, {
        servername?: string | undefined;
        key?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        ca?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        cert?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        passphrase?: string | undefined;
        rejectUnauthorized?: boolean | undefined;
        checkServerIdentity?: ((host: string, cert: unknown) => Error | undefined) | undefined;
        minVersion?: "TLSv1.2" | "TLSv1.3" | undefined;
    }, {
        servername?: string | undefined;
        key?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        ca?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        cert?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        passphrase?: string | undefined;
        rejectUnauthorized?: boolean | undefined;
        checkServerIdentity?: ((host: string, cert: unknown) => Error | undefined) | undefined;
        minVersion?: "TLSv1.2" | "TLSv1.3" | undefined;
    }>, {
        servername?: string | undefined;
        key?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        ca?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        cert?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        passphrase?: string | undefined;
        rejectUnauthorized?: boolean | undefined;
        checkServerIdentity?: ((host: string, cert: unknown) => Error | undefined) | undefined;
        minVersion?: "TLSv1.2" | "TLSv1.3" | undefined;
    }, {
        servername?: string | undefined;
        key?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        ca?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        cert?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        passphrase?: string | undefined;
        rejectUnauthorized?: boolean | undefined;
        checkServerIdentity?: ((host: string, cert: unknown) => Error | undefined) | undefined;
        minVersion?: "TLSv1.2" | "TLSv1.3" | undefined;
    }>]>>;
    /**
     * Prefix topics and groups as the Java client's namespace does (`ns%Topic`, `%RETRY%ns%Group`); the application
     * keeps using the plain names, and messages arrive with them.
     */
    readonly namespace: z.ZodOptional<z.ZodString>;
}, "strict", z.ZodTypeAny, {
    nameServer: string[];
    requestTimeoutMs: number;
    heartbeatIntervalMs: number;
    pollNameServerIntervalMs: number;
    tls?: boolean | {
        servername?: string | undefined;
        key?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        ca?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        cert?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        passphrase?: string | undefined;
        rejectUnauthorized?: boolean | undefined;
        checkServerIdentity?: ((host: string, cert: unknown) => Error | undefined) | undefined;
        minVersion?: "TLSv1.2" | "TLSv1.3" | undefined;
    } | undefined;
    instanceName?: string | undefined;
    credentials?: {
        accessKey: string;
        secretKey: string;
        securityToken?: string | undefined;
    } | undefined;
    logger?: Logger | undefined;
    clientIp?: string | undefined;
    namespace?: string | undefined;
}, {
    nameServer: string | [string, ...string[]];
    tls?: boolean | {
        servername?: string | undefined;
        key?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        ca?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        cert?: string | Buffer<ArrayBufferLike> | [string | Buffer<ArrayBufferLike>, ...(string | Buffer<ArrayBufferLike>)[]] | undefined;
        passphrase?: string | undefined;
        rejectUnauthorized?: boolean | undefined;
        checkServerIdentity?: ((host: string, cert: unknown) => Error | undefined) | undefined;
        minVersion?: "TLSv1.2" | "TLSv1.3" | undefined;
    } | undefined;
    instanceName?: string | undefined;
    credentials?: {
        accessKey: string;
        secretKey: string;
        securityToken?: string | undefined;
    } | undefined;
    logger?: Logger | undefined;
    clientIp?: string | undefined;
    requestTimeoutMs?: number | undefined;
    heartbeatIntervalMs?: number | undefined;
    pollNameServerIntervalMs?: number | undefined;
    namespace?: string | undefined;
}>;
export type ClientOptionsInput = z.input<typeof clientOptionsSchema>;
export type ClientOptions = z.output<typeof clientOptionsSchema>;
/**
 * Parse options once, up front. A wrong option throws `ERR_INVALID_OPTION` naming the field and the fix.
 */
export declare function parseOptions<S extends z.ZodTypeAny>(schema: S, input: unknown, what: string): z.output<S>;
/**
 * The remoting security of a client: credentials as given, and node:tls options (undefined = plaintext).
 * Turning certificate verification off is logged once per client, as a warning.
 */
export declare function remotingSecurity(o: {
    credentials?: z.output<typeof credentialsSchema> | undefined;
    tls?: z.output<typeof tlsSchema> | undefined;
}, logger: Logger | undefined): {
    credentials?: z.output<typeof credentialsSchema>;
    tls?: TlsConnectionOptions;
};
/** Keys of a zod object shape whose field has a default. */
type DefaultedKeys<S extends z.ZodRawShape> = {
    [K in keyof S]: S[K] extends z.ZodDefault<z.ZodTypeAny> ? K : never;
}[keyof S];
/**
 * The default of every field of a zod object shape that has one, read from the schema itself, so that a default is
 * stated once (in the schema) and the exported `*_DEFAULTS` tables cannot drift from it.
 */
export declare function schemaDefaults<S extends z.ZodRawShape>(shape: S): {
    readonly [K in keyof Pick<S, DefaultedKeys<S>>]: z.output<S[K]>;
};
/** `codec`: a built-in name, a `{ decode }` codec or a schema with `parse`. */
export declare const codecSchema: z.ZodUnion<[z.ZodEnum<["json", "text", "bytes"]>, z.ZodType<object, z.ZodTypeDef, object>]>;
export {};
//# sourceMappingURL=common.d.ts.map