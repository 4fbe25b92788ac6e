/** What the Admin operations split into their own files (describe-group.ts, reset-offset.ts) get from the Admin. */
import type { Invoker } from '../cluster/broker-api.js';
import type { TopicRouteData } from '../protocol/route.js';
import type { ClusterBrokers } from './requests.js';
export interface AdminIO {
    readonly remoting: Invoker;
    /** The request timeout (requestTimeoutMs). */
    readonly timeout: number;
    /** GET_BROKER_CLUSTER_INFO from the first NameServer that answers. */
    clusterInfo(): Promise<ClusterBrokers>;
    /** A fresh route, or undefined when the topic has none. */
    getRoute(topic: string): Promise<TopicRouteData | undefined>;
    /** A fresh route; ERR_TOPIC_NOT_FOUND when there is none. */
    route(topic: string): Promise<TopicRouteData>;
}
//# sourceMappingURL=admin-io.d.ts.map