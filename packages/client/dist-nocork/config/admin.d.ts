import { z } from 'zod';
import { groupSchema, topicSchema } from './common.js';
/**
 * `new Admin(options)`: the same connection options as the consumers and the producer (nameServer, credentials, tls,
 * requestTimeoutMs, logger, instanceName, clientIp).
 */
export declare const adminOptionsSchema: z.ZodObject<{
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
    logger?: import("../logger.js").Logger | undefined;
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
    logger?: import("../logger.js").Logger | undefined;
    clientIp?: string | undefined;
    requestTimeoutMs?: number | undefined;
    heartbeatIntervalMs?: number | undefined;
    pollNameServerIntervalMs?: number | undefined;
    namespace?: string | undefined;
}>;
/**
 * Options of `new Admin(options)`: the connection options of every client.
 * @useDeclaredType
 */
export type AdminOptionsInput = z.input<typeof adminOptionsSchema>;
export type AdminOptions = z.output<typeof adminOptionsSchema>;
export declare const createTopicOptionsSchema: z.ZodObject<{
    /** Queues on each master (read and write queue counts). */
    queuesPerBroker: z.ZodNumber;
    /** Broker names (e.g. ['broker-a']); default every broker of the cluster(s) the NameServer knows. */
    brokers: z.ZodOptional<z.ZodArray<z.ZodString, "atleastone">>;
    /**
     * Permission of the topic: 6 = read + write, 4 = read only, 2 = write only.
     * @defaultValue 6
     */
    perm: z.ZodOptional<z.ZodUnion<[z.ZodLiteral<2>, z.ZodLiteral<4>, z.ZodLiteral<6>]>>;
    /**
     * An ordered topic: also writes the NameServer's ORDER_TOPIC_CONFIG (`broker-a:4;broker-b:4`), as `mqadmin updateTopic -o true`.
     * @defaultValue false
     */
    order: z.ZodOptional<z.ZodBoolean>;
    /**
     * How long to wait for the NameServer to list the topic on every broker, in ms.
     * @defaultValue 15000
     */
    timeoutMs: z.ZodOptional<z.ZodNumber>;
}, "strict", z.ZodTypeAny, {
    queuesPerBroker: number;
    perm?: 2 | 6 | 4 | undefined;
    timeoutMs?: number | undefined;
    order?: boolean | undefined;
    brokers?: [string, ...string[]] | undefined;
}, {
    queuesPerBroker: number;
    perm?: 2 | 6 | 4 | undefined;
    timeoutMs?: number | undefined;
    order?: boolean | undefined;
    brokers?: [string, ...string[]] | undefined;
}>;
/**
 * Options of `admin.createTopic(topic, options)`.
 * @useDeclaredType
 */
export type CreateTopicOptions = z.input<typeof createTopicOptionsSchema>;
export declare const resetTargetSchema: z.ZodUnion<[z.ZodObject<{
    /** Per queue, the first message stored at or after this time: ms since the epoch, or a Date. */
    timestamp: z.ZodUnion<[z.ZodNumber, z.ZodDate]>;
}, "strict", z.ZodTypeAny, {
    timestamp: number | Date;
}, {
    timestamp: number | Date;
}>, z.ZodObject<{
    /** Exact offsets, per queue. */
    offsets: z.ZodArray<z.ZodObject<{
        /** The queue (a MessageQueue; the topic is the one reset). */
        queue: z.ZodObject<{
            /** The broker name. */
            brokerName: z.ZodString;
            /** The queue id. */
            queueId: z.ZodNumber;
        }, "passthrough", z.ZodTypeAny, z.objectOutputType<{
            /** The broker name. */
            brokerName: z.ZodString;
            /** The queue id. */
            queueId: z.ZodNumber;
        }, z.ZodTypeAny, "passthrough">, z.objectInputType<{
            /** The broker name. */
            brokerName: z.ZodString;
            /** The queue id. */
            queueId: z.ZodNumber;
        }, z.ZodTypeAny, "passthrough">>;
        /** Its new offset: the next message the group consumes. */
        offset: z.ZodNumber;
    }, "strict", z.ZodTypeAny, {
        offset: number;
        queue: {
            queueId: number;
            brokerName: string;
        } & {
            [k: string]: unknown;
        };
    }, {
        offset: number;
        queue: {
            queueId: number;
            brokerName: string;
        } & {
            [k: string]: unknown;
        };
    }>, "atleastone">;
}, "strict", z.ZodTypeAny, {
    offsets: [{
        offset: number;
        queue: {
            queueId: number;
            brokerName: string;
        } & {
            [k: string]: unknown;
        };
    }, ...{
        offset: number;
        queue: {
            queueId: number;
            brokerName: string;
        } & {
            [k: string]: unknown;
        };
    }[]];
}, {
    offsets: [{
        offset: number;
        queue: {
            queueId: number;
            brokerName: string;
        } & {
            [k: string]: unknown;
        };
    }, ...{
        offset: number;
        queue: {
            queueId: number;
            brokerName: string;
        } & {
            [k: string]: unknown;
        };
    }[]];
}>]>;
/**
 * Where `admin.resetOffset` moves a group: `{ timestamp }` (ms since the epoch, or a Date: the first message stored at
 * or after it, per queue) or `{ offsets: [{ queue, offset }] }` (exact offsets).
 * @useDeclaredType
 */
export type ResetTarget = z.input<typeof resetTargetSchema>;
export { groupSchema as adminGroupSchema, topicSchema as adminTopicSchema };
//# sourceMappingURL=admin.d.ts.map