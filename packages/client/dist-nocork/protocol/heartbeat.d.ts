/**
 * HEART_BEAT (34) body and the client id (reference/remoting-protocol.md §7).
 */
import { localIPv4 } from './local-ip.js';
import type { SubscriptionData } from './tag.js';
export { localIPv4 };
export type ConsumeType = 'CONSUME_PASSIVELY' | 'CONSUME_ACTIVELY';
export type MessageModel = 'CLUSTERING' | 'BROADCASTING';
export type ConsumeFromWhere = 'CONSUME_FROM_LAST_OFFSET' | 'CONSUME_FROM_FIRST_OFFSET' | 'CONSUME_FROM_TIMESTAMP';
export interface HeartbeatConsumer {
    groupName: string;
    consumeType: ConsumeType;
    messageModel: MessageModel;
    consumeFromWhere: ConsumeFromWhere;
    subscriptions: readonly SubscriptionData[];
}
export interface HeartbeatInput {
    clientId: string;
    consumers?: readonly HeartbeatConsumer[];
    producers?: ReadonlyArray<{
        groupName: string;
    }>;
}
/**
 * HeartbeatData JSON (fastjson field names). `unitMode` is false; the 5.x heartbeat-v2 fields
 * (`heartbeatFingerprint`, `withoutSub`) are omitted, which every broker reads as v1.
 */
export declare function buildHeartbeatBody(input: HeartbeatInput): Buffer;
/**
 * `ip@instanceName`; the default instance name is `pid#<process.hrtime ns>` like Java's
 * `pid#System.nanoTime()`, so two clients in one process get distinct ids.
 */
export declare function buildClientId(opts?: {
    ip?: string;
    instanceName?: string;
}): string;
//# sourceMappingURL=heartbeat.d.ts.map