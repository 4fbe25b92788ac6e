import type { MessageQueue } from './message-queue.js';
/** Most queues one broker may declare for one topic (read or write); a larger count is a malformed route. */
export declare const MAX_QUEUES_PER_BROKER = 65535;
/** Most queues a whole route may declare (summed over brokers): bounds what a route can make us allocate. */
export declare const MAX_QUEUES_PER_ROUTE = 262144;
export type { MessageQueue } from './message-queue.js';
/** PermName bits. */
export declare const Perm: {
    readonly PRIORITY: 8;
    readonly READ: 4;
    readonly WRITE: 2;
    readonly INHERIT: 1;
};
/** The broker id of a master; slaves have ids >= 1. */
export declare const MASTER_ID = 0;
export interface QueueData {
    brokerName: string;
    readQueueNums: number;
    writeQueueNums: number;
    perm: number;
    /** `topicSysFlag` (spelled `topicSynFlag` before 4.9.0; both accepted). */
    topicSysFlag: number;
}
export interface BrokerData {
    cluster: string;
    brokerName: string;
    /** brokerId → `ip:port`; id 0 is the master. */
    brokerAddrs: Map<number, string>;
    enableActingMaster?: boolean;
    zoneName?: string;
}
export interface TopicRouteData {
    queueDatas: QueueData[];
    brokerDatas: BrokerData[];
    /** e.g. `broker-a:4;broker-b:4` for KV-configured order topics. */
    orderTopicConf?: string;
    filterServerTable: Record<string, string[]>;
}
/**
 * Parse TopicRouteData JSON: standard JSON (`"brokerAddrs":{"0":"…"}`) or fastjson's default dialect with
 * unquoted numeric keys (`{0:"…"}`), QueueData `topicSysFlag` or the pre-4.9 `topicSynFlag`.
 * Throws ERR_MALFORMED_RESPONSE when the body is not a route or a count, id or address in it is out of range.
 */
export declare function parseTopicRoute(body: Buffer | string): TopicRouteData;
/** Stable string key of a queue (for Maps/Sets). */
export declare function mqKey(mq: MessageQueue): string;
/** Java MessageQueue.compareTo: topic, then brokerName, then queueId. */
export declare function compareMessageQueues(a: MessageQueue, b: MessageQueue): number;
/**
 * Queues a consumer may read (Java topicRouteData2TopicSubscribeInfo): for each QueueData with READ
 * permission, queues 0..readQueueNums-1; no master check. Sorted with compareMessageQueues.
 */
export declare function subscribeQueues(topic: string, route: TopicRouteData): MessageQueue[];
/**
 * `broker:count;broker:count` (KV-configured order topics). Each count is checked like a route's queue count;
 * a malformed item is ERR_MALFORMED_RESPONSE.
 */
export declare function parseOrderTopicConf(conf: string): Array<{
    brokerName: string;
    queues: number;
}>;
/**
 * Queues a producer may write (Java topicRouteData2TopicPublishInfo): `orderTopicConf` when set
 * (`broker:count;…`), else QueueData sorted by brokerName with WRITE permission and a master address.
 */
export declare function publishQueues(topic: string, route: TopicRouteData): MessageQueue[];
//# sourceMappingURL=route.d.ts.map