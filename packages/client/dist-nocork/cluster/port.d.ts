/**
 * The cluster-client port: what consumers and the producer need from a client instance (routes, broker addresses,
 * heartbeats, requests). The real implementation is ClientInstance; unit tests inject a scripted fake broker
 * (packages/client/test/support/fake-cluster.ts) through the same interface. `createClusterClient` is the one place
 * a ClientInstance is built from user options.
 */
import type { ConnectionOptions as TlsConnectionOptions } from 'node:tls';
import type { RocketMQError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Credentials } from '../remoting/acl.js';
import type { MessageQueue, TopicRouteData } from '../protocol/route.js';
import type { Invoker } from './broker-api.js';
import { type BrokerAddress, type ConsumerRegistration, type ProducerRegistration } from './client-instance.js';
export interface ClusterPort {
    readonly clientId: string;
    /** The instance's logger (carries the client id). */
    readonly logger: Logger;
    /** Sends typed requests (cluster/broker-api.ts) to an address. */
    readonly remoting: Invoker;
    readonly isClosed: boolean;
    /** Starts route refresh and heartbeats (idempotent). */
    start(): void;
    /** A repeating task; failures are logged, never thrown out of the timer; stopped by close(). */
    every(intervalMs: number, task: () => Promise<unknown> | unknown): NodeJS.Timeout;
    registerConsumer(reg: ConsumerRegistration): void;
    registerProducer(group: string, reg?: ProducerRegistration): void;
    getRoute(topic: string, refresh?: boolean, timeoutMs?: number): Promise<TopicRouteData | undefined>;
    subscribeQueues(topic: string, refresh?: boolean): Promise<MessageQueue[]>;
    publishQueues(topic: string, refresh?: boolean, timeoutMs?: number): Promise<MessageQueue[]>;
    refreshRoutesSoon(): void;
    findMasterAddressOrRefresh(brokerName: string, topic: string): Promise<string>;
    findQueryAddress(brokerName: string, topic: string): Promise<string>;
    findBrokerAddressInSubscribe(brokerName: string, brokerId: number, onlyThisBroker?: boolean): BrokerAddress | undefined;
    consumerIdList(group: string, topic: string): Promise<string[]>;
    sendHeartbeatToAllBrokers(): Promise<void>;
    /** Calls `listener` when the broker ACL refuses a subscribed topic (it is then left out; see ClientInstance). */
    onAccessDenied?(listener: (err: RocketMQError) => void): void;
    /**
     * Calls `listener` when a periodic heartbeat is refused for good (ERR_AUTH, the group denied, or every subscribed
     * topic denied: what fails start()); the consumer then fails for good.
     */
    onRefused?(listener: (err: RocketMQError) => void): void;
    /** Unregisters and closes every connection; idempotent and bounded. */
    close(): Promise<void>;
}
/** The client-instance options every consumer and producer accepts (config/common.ts). */
export interface ClusterClientOptions {
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
/** Builds a port from user options; the default factory of every consumer and of the producer. */
export type ClusterFactory = (options: ClusterClientOptions) => ClusterPort;
export declare const createClusterClient: ClusterFactory;
/** Dependencies a test may replace (the cluster port): the consumers' and the producer's second constructor argument. */
export interface ClientDeps {
    cluster?: ClusterFactory;
}
//# sourceMappingURL=port.d.ts.map