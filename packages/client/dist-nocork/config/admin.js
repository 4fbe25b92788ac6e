import { z } from 'zod';
import { clientOptionsShape, groupSchema, topicSchema } from './common.js';
/**
 * `new Admin(options)`: the same connection options as the consumers and the producer (nameServer, credentials, tls,
 * requestTimeoutMs, logger, instanceName, clientIp).
 */
export const adminOptionsSchema = z.object(clientOptionsShape).strict();
/** PermName bits: 6 = read + write, 4 = read only, 2 = write only. */
const permSchema = z.union([z.literal(2), z.literal(4), z.literal(6)], { errorMap: () => ({ message: 'must be 6 (read+write), 4 (read only) or 2 (write only)' }) });
export const createTopicOptionsSchema = z
    .object({
    /** Queues on each master (read and write queue counts). */
    queuesPerBroker: z.number({ required_error: 'is required (queues on each master, e.g. 4)' }).int().min(1).max(1024),
    /** Broker names (e.g. ['broker-a']); default every broker of the cluster(s) the NameServer knows. */
    brokers: z.array(z.string().min(1)).nonempty().optional(),
    /**
     * Permission of the topic: 6 = read + write, 4 = read only, 2 = write only.
     * @defaultValue 6
     */
    perm: permSchema.optional(),
    /**
     * An ordered topic: also writes the NameServer's ORDER_TOPIC_CONFIG (`broker-a:4;broker-b:4`), as `mqadmin updateTopic -o true`.
     * @defaultValue false
     */
    order: z.boolean().optional(),
    /**
     * How long to wait for the NameServer to list the topic on every broker, in ms.
     * @defaultValue 15000
     */
    timeoutMs: z.number().int().positive().optional(),
})
    .strict();
const queueRef = z
    .object({
    /** The broker name. */
    brokerName: z.string().min(1),
    /** The queue id. */
    queueId: z.number().int().min(0),
})
    .passthrough();
export const resetTargetSchema = z.union([
    z
        .object({
        /** Per queue, the first message stored at or after this time: ms since the epoch, or a Date. */
        timestamp: z.union([z.number().int(), z.date()]),
    })
        .strict(),
    z
        .object({
        /** Exact offsets, per queue. */
        offsets: z
            .array(z
            .object({
            /** The queue (a MessageQueue; the topic is the one reset). */
            queue: queueRef,
            /** Its new offset: the next message the group consumes. */
            offset: z.number().int().min(0),
        })
            .strict())
            .nonempty(),
    })
        .strict(),
], { errorMap: () => ({ message: 'must be { timestamp } (ms since the epoch, or a Date) or { offsets: [{ queue: { brokerName, queueId }, offset }] }' }) });
export { groupSchema as adminGroupSchema, topicSchema as adminTopicSchema };
//# sourceMappingURL=admin.js.map