import type { MessageQueue } from '../protocol/route.js';
import type { Invoker } from '../cluster/broker-api.js';
export { V5_0_0 } from '../remoting/command.js';
/** MQVersion ordinal -> 'V4_9_7' style name, for the versions this client meets (4.9.x, 5.x). Unknown: the number. */
export declare function versionName(ordinal: number): string;
export interface ClusterBrokers {
    /** brokerName -> (brokerId -> address) */
    brokers: Map<string, {
        cluster: string;
        addrs: Map<number, string>;
    }>;
}
/** GET_BROKER_CLUSTER_INFO (106) from a NameServer. */
export declare function getClusterInfo(invoker: Invoker, nameServer: string, timeoutMs: number): Promise<ClusterBrokers>;
export interface CreateTopicHeader {
    topic: string;
    readQueueNums: number;
    writeQueueNums: number;
    perm: number;
    order: boolean;
}
/** UPDATE_AND_CREATE_TOPIC (17) on one broker (master or slave). */
export declare function createTopicAt(invoker: Invoker, address: string, h: CreateTopicHeader, timeoutMs: number): Promise<void>;
/** DELETE_TOPIC_IN_BROKER (215). */
export declare function deleteTopicAt(invoker: Invoker, address: string, topic: string, timeoutMs: number): Promise<void>;
/** DELETE_TOPIC_IN_NAMESRV (216). */
export declare function deleteTopicInNameServer(invoker: Invoker, nameServer: string, topic: string, timeoutMs: number): Promise<void>;
/** PUT_KV_CONFIG (100) / DELETE_KV_CONFIG (102) on a NameServer (order topic configuration). */
export declare function putKvConfig(invoker: Invoker, nameServer: string, namespace: string, key: string, value: string, timeoutMs: number): Promise<void>;
export declare function deleteKvConfig(invoker: Invoker, nameServer: string, namespace: string, key: string, timeoutMs: number): Promise<void>;
export interface TopicOffsetRow {
    queue: MessageQueue;
    minOffset: number;
    maxOffset: number;
    lastUpdateTimestamp: number;
}
/** GET_TOPIC_STATS_INFO (202): min/max offset and the store time of the last message, per queue of one broker. */
export declare function getTopicStats(invoker: Invoker, address: string, topic: string, timeoutMs: number): Promise<TopicOffsetRow[]>;
export interface ConnectionRow {
    clientId: string;
    clientAddr: string;
    language: string;
    version: number;
}
export interface ConsumerConnectionBody {
    connections: ConnectionRow[];
    /** topic -> { subString, expressionType, tagsSet } */
    subscriptions: Array<{
        topic: string;
        expression: string;
        expressionType: string;
    }>;
    consumeType?: string;
    messageModel?: string;
    consumeFromWhere?: string;
    /** The MQVersion ordinal of the broker that answered. */
    brokerVersion: number;
}
/** GET_CONSUMER_CONNECTION_LIST (203); undefined when the broker says the group is not online (206). */
export declare function getConsumerConnectionList(invoker: Invoker, address: string, group: string, timeoutMs: number): Promise<ConsumerConnectionBody | {
    offline: true;
    brokerVersion: number;
}>;
export interface OffsetWrapperRow {
    queue: MessageQueue;
    brokerOffset: number;
    consumerOffset: number;
    pullOffset: number;
    lastTimestamp: number;
}
/** GET_CONSUME_STATS (208) on one broker: the group's offsets per queue of `topic` (all its topics when omitted). */
export declare function getConsumeStats(invoker: Invoker, address: string, group: string, topic: string | undefined, timeoutMs: number): Promise<{
    rows: OffsetWrapperRow[];
    consumeTps: number;
}>;
export interface RunningInfoBody {
    properties: Record<string, string>;
    /** The queues the member holds, with its ProcessQueueInfo fields. */
    queues: Array<[MessageQueue, Record<string, unknown>]>;
}
/** GET_CONSUMER_RUNNING_INFO (307) through a broker, which forwards it to the member `clientId`. */
export declare function getConsumerRunningInfo(invoker: Invoker, address: string, group: string, clientId: string, timeoutMs: number): Promise<RunningInfoBody>;
export type ResetAnswer = {
    kind: 'reset';
    offsets: Array<[MessageQueue, number]>;
    brokerVersion: number;
} | {
    kind: 'offline';
    remark: string;
    brokerVersion: number;
} | {
    kind: 'no-offsets';
    remark: string;
    brokerVersion: number;
};
/**
 * INVOKE_BROKER_TO_RESET_OFFSET (222), as `mqadmin resetOffsetByTime` sends it. 5.x brokers (useServerSideResetOffset)
 * move the offsets themselves; 4.9 brokers (and 5.x with it off) push RESET_CONSUMER_CLIENT_OFFSET to the running
 * members and answer CONSUMER_NOT_ONLINE when there are none. `queueId`/`offset` are understood by 5.x only.
 */
export declare function invokeBrokerToResetOffset(invoker: Invoker, address: string, h: {
    topic: string;
    group: string;
    timestamp: number;
    queueId?: number;
    offset?: number;
}, timeoutMs: number): Promise<ResetAnswer>;
//# sourceMappingURL=requests.d.ts.map