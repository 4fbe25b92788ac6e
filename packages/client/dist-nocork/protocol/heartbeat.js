/**
 * HEART_BEAT (34) body and the client id (reference/remoting-protocol.md §7).
 */
import { localIPv4 } from './local-ip.js';
export { localIPv4 };
/**
 * HeartbeatData JSON (fastjson field names). `unitMode` is false; the 5.x heartbeat-v2 fields
 * (`heartbeatFingerprint`, `withoutSub`) are omitted, which every broker reads as v1.
 */
export function buildHeartbeatBody(input) {
    const data = {
        clientID: input.clientId,
        consumerDataSet: (input.consumers ?? []).map((c) => ({
            groupName: c.groupName,
            consumeType: c.consumeType,
            messageModel: c.messageModel,
            consumeFromWhere: c.consumeFromWhere,
            unitMode: false,
            subscriptionDataSet: c.subscriptions.map((s) => ({
                classFilterMode: false,
                codeSet: s.codeSet,
                expressionType: s.expressionType,
                subString: s.subString,
                subVersion: s.subVersion,
                tagsSet: s.tagsSet,
                topic: s.topic,
            })),
        })),
        producerDataSet: (input.producers ?? []).map((p) => ({ groupName: p.groupName })),
    };
    return Buffer.from(JSON.stringify(data), 'utf8');
}
/**
 * `ip@instanceName`; the default instance name is `pid#<process.hrtime ns>` like Java's
 * `pid#System.nanoTime()`, so two clients in one process get distinct ids.
 */
export function buildClientId(opts = {}) {
    const ip = opts.ip ?? localIPv4();
    const instance = opts.instanceName ?? `${process.pid}#${process.hrtime.bigint()}`;
    return `${ip}@${instance}`;
}
//# sourceMappingURL=heartbeat.js.map