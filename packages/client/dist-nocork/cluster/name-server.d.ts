import type { Logger } from '../logger.js';
import { type TopicRouteData } from '../protocol/route.js';
import { type Invoker } from './broker-api.js';
/**
 * Sends one NameServer request on `address`, and sends it once more when the connection closed under it
 * (ERR_CONNECTION_CLOSED): a NameServer, or the OS, closes idle connections, and a request that goes out on one just as
 * it closes is lost although the NameServer is fine; the pool has already dropped that connection, so the second try
 * opens a fresh one. NameServer requests are reads, so sending one twice is harmless. Refused connects (ERR_CONNECTION),
 * timeouts and answers are not retried here (the caller fails over to the next address).
 */
export declare function askNameServer<T>(address: string, request: (address: string) => Promise<T>, logger: Logger): Promise<T>;
/**
 * Talks to the NameServers: round-robin from a random start, fails over to the next address on a connection
 * error (after one fresh connection if the first closed under the request: {@link askNameServer}), and reports every
 * address tried when none answers.
 */
export declare class NameServerClient {
    private readonly invoker;
    readonly addresses: readonly string[];
    private readonly timeoutMs;
    private readonly logger;
    private index;
    constructor(invoker: Invoker, addresses: readonly string[], timeoutMs: number, logger: Logger);
    /** The topic's route, or undefined when the NameServer does not know the topic. */
    getTopicRoute(topic: string, timeoutMs?: number): Promise<TopicRouteData | undefined>;
}
//# sourceMappingURL=name-server.d.ts.map