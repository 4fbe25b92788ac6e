/**
 * One client instance (Java MQClientInstance): a client id, a connection pool, the route cache and broker address
 * book, heartbeats, and the requests brokers send to the client (answered in broker-requests.ts). Each consumer and producer owns one instance, so
 * two consumers in one process are two distinct members of their group.
 *
 * Why just over 400 lines: the instance's lifecycle (start, the heartbeat and route timers, close) shares the state
 * below; the broker's requests to the client are already answered in broker-requests.ts.
 */
import { EventEmitter } from 'node:events';
import type { ConnectionOptions as TlsConnectionOptions } from 'node:tls';
import type { Credentials } from '../remoting/acl.js';
import { RocketMQError } from '../errors.js';
import { type Logger } from '../logger.js';
import { RemotingClient } from '../remoting/remoting-client.js';
import { type MessageView } from '../protocol/message.js';
import { type MessageQueue, type TopicRouteData } from '../protocol/route.js';
import { NameServerClient } from './name-server.js';
import { type ConsumerRegistration } from './broker-requests.js';
export type { ConsumerRegistration } from './broker-requests.js';
/** CHECK_TRANSACTION_STATE (39): a broker asks how a half message's transaction ended. */
export interface TransactionCheckRequest {
    /** The address of the broker connection the check came on (the answer goes back there). */
    readonly address: string;
    /** The half message (topic and queue restored to the real ones). */
    readonly message: MessageView;
    /** Header `topic` (5.x; may be the half topic), passed back as is. */
    readonly topic: string | undefined;
    readonly tranStateTableOffset: string;
    readonly commitLogOffset: string;
    readonly transactionId: string | undefined;
    readonly brokerName: string | undefined;
}
export interface ProducerRegistration {
    readonly group: string;
    /** Answers CHECK_TRANSACTION_STATE for this group (transactional producers). Must not throw. */
    checkTransaction?(request: TransactionCheckRequest): void;
}
export interface ClientInstanceOptions {
    nameServer: readonly string[];
    logger: Logger;
    instanceName?: string;
    clientIp?: string;
    requestTimeoutMs: number;
    heartbeatIntervalMs: number;
    pollNameServerIntervalMs: number;
    /** Sign every request (ACL). */
    credentials?: Credentials | undefined;
    /** TLS to NameServers and brokers (node:tls options); undefined = plaintext. */
    tls?: TlsConnectionOptions | undefined;
}
export interface BrokerAddress {
    address: string;
    brokerId: number;
}
export declare class ClientInstance extends EventEmitter<{
    accessDenied: [RocketMQError];
    refused: [RocketMQError];
}> {
    readonly options: ClientInstanceOptions;
    readonly clientId: string;
    readonly remoting: RemotingClient;
    readonly nameServer: NameServerClient;
    readonly logger: Logger;
    private readonly routes;
    /** brokerName -> (brokerId -> address) */
    private readonly brokerAddrs;
    private readonly consumers;
    private readonly producers;
    private readonly timers;
    private readonly routeInflight;
    /** Subscribed topics the broker ACL refused (ERR_FORBIDDEN): left out of heartbeats and rebalancing. */
    private readonly deniedTopics;
    private lastUnreachableRefresh;
    private started;
    private closed;
    constructor(options: ClientInstanceOptions);
    get isClosed(): boolean;
    /** Starts the route-refresh and heartbeat timers (idempotent). */
    start(): void;
    /**
     * The timer's heartbeat. What fails start() (authentication failed, group denied, every topic denied) is final
     * here too: it is emitted as 'refused' (the consumer then fails for good) instead of being logged every interval.
     */
    private periodicHeartbeat;
    /** A repeating task whose failures are reported, never thrown out of the timer. */
    every(intervalMs: number, task: () => Promise<unknown> | unknown): NodeJS.Timeout;
    registerConsumer(reg: ConsumerRegistration): void;
    /** Heartbeats name the group, so brokers can send its check-backs here; a later call replaces the registration. */
    registerProducer(group: string, reg?: ProducerRegistration): void;
    /** The cached route, fetched from the NameServer when missing or when `refresh` is set. */
    getRoute(topic: string, refresh?: boolean, timeoutMs?: number): Promise<TopicRouteData | undefined>;
    private applyRoute;
    /** Queues a consumer may read (perm READ), sorted in Java's order. */
    subscribeQueues(topic: string, refresh?: boolean): Promise<MessageQueue[]>;
    /** Queues a producer may write (perm WRITE, master present). */
    publishQueues(topic: string, refresh?: boolean, timeoutMs?: number): Promise<MessageQueue[]>;
    refreshAllRoutes(): Promise<void>;
    private onConnectionClosed;
    /** Re-fetch routes now (throttled), e.g. after a pull failed to reach a broker. */
    refreshRoutesSoon(): void;
    findMasterAddress(brokerName: string): string | undefined;
    findMasterAddressOrRefresh(brokerName: string, topic: string): Promise<string>;
    /**
     * An address for queries about a queue's broker (offsets, min/max): the master, else any replica of that broker name
     * (Java reads offsets from the slave while the master is down). Refreshes the route once when none is known.
     */
    findQueryAddress(brokerName: string, topic: string): Promise<string>;
    /**
     * Java findBrokerAddressInSubscribe: the exact id if known; for a slave id that is missing, the next id; otherwise
     * any address of that broker (so a consumer keeps reading from the slave while the master is down).
     */
    findBrokerAddressInSubscribe(brokerName: string, brokerId: number, onlyThisBroker?: boolean): BrokerAddress | undefined;
    /** Some broker serving the topic (master preferred), for group-wide requests such as the member list. */
    anyBrokerOfTopic(topic: string): Promise<string | undefined>;
    /** Members of a group as a broker of the topic sees them (sorted). */
    consumerIdList(group: string, topic: string): Promise<string[]>;
    heartbeatBody(): Buffer;
    /**
     * Heartbeat every known broker address (masters and slaves when consuming; masters only for producers).
     * Other failures are logged (the next heartbeat retries), but an ACL refusal is not something time fixes:
     * - a subscribed topic the user may not read (ERR_FORBIDDEN naming it) is dropped from the heartbeats and from
     *   rebalancing, reported once as 'accessDenied', and the heartbeat is sent again for the remaining topics;
     * - a failed authentication, a denied group, or every topic denied rejects (the consumer's start() fails with it).
     */
    sendHeartbeatToAllBrokers(): Promise<void>;
    onAccessDenied(listener: (err: RocketMQError) => void): void;
    onRefused(listener: (err: RocketMQError) => void): void;
    /** Topics the broker ACL refused to this client (see sendHeartbeatToAllBrokers). */
    deniedTopic(topic: string): RocketMQError | undefined;
    /** One heartbeat round; returns the ACL refusals (ERR_AUTH / ERR_FORBIDDEN), logs other failures. */
    private heartbeatOnce;
    /**
     * CHECK_TRANSACTION_STATE (39), oneway: the answer is a separate END_TRANSACTION to the same broker. The group is the
     * half message's PGROUP property (Java ClientRemotingProcessor.checkTransactionState).
     */
    private checkTransactionState;
    /** Unregisters groups from every broker and closes all connections. Idempotent, bounded by the request timeout. */
    close(): Promise<void>;
}
/** brokerAddrs may be a Map or a plain object keyed by the id. */
export declare function brokerAddrEntries(addrs: Map<number, string> | Record<string | number, string>): Array<[number, string]>;
//# sourceMappingURL=client-instance.d.ts.map