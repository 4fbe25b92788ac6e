import { RocketMQError, isRocketMQError, isTransportError } from '../errors.js';
import { parseTopicRoute } from '../protocol/route.js';
import { getRouteInfo } from './broker-api.js';
/**
 * Sends one NameServer request on `address`, and sends it once more when the connection closed under it
 * (ERR_CONNECTION_CLOSED): a NameServer, or the OS, closes idle connections, and a request that goes out on one just as
 * it closes is lost although the NameServer is fine; the pool has already dropped that connection, so the second try
 * opens a fresh one. NameServer requests are reads, so sending one twice is harmless. Refused connects (ERR_CONNECTION),
 * timeouts and answers are not retried here (the caller fails over to the next address).
 */
export async function askNameServer(address, request, logger) {
    try {
        return await request(address);
    }
    catch (e) {
        if (!isRocketMQError(e) || e.code !== 'ERR_CONNECTION_CLOSED')
            throw e;
        logger.debug({ address, err: e.message }, 'NameServer connection closed under a request; sending it again on a fresh connection');
        return await request(address);
    }
}
/**
 * Talks to the NameServers: round-robin from a random start, fails over to the next address on a connection
 * error (after one fresh connection if the first closed under the request: {@link askNameServer}), and reports every
 * address tried when none answers.
 */
export class NameServerClient {
    invoker;
    addresses;
    timeoutMs;
    logger;
    index;
    constructor(invoker, addresses, timeoutMs, logger) {
        this.invoker = invoker;
        this.addresses = addresses;
        this.timeoutMs = timeoutMs;
        this.logger = logger;
        this.index = Math.floor(Math.random() * addresses.length);
    }
    /** The topic's route, or undefined when the NameServer does not know the topic. */
    async getTopicRoute(topic, timeoutMs = this.timeoutMs) {
        const errors = [];
        for (let i = 0; i < this.addresses.length; i++) {
            const address = this.addresses[(this.index + i) % this.addresses.length];
            try {
                const body = await askNameServer(address, (a) => getRouteInfo(this.invoker, a, topic, timeoutMs), this.logger);
                this.index = (this.index + i) % this.addresses.length;
                return body === undefined ? undefined : parseTopicRoute(body);
            }
            catch (e) {
                // A NameServer that answered with an error is authoritative; only transport failures fail over. A peer that
                // sends bytes which are not RocketMQ frames (another service on that port) counts as unreachable.
                if (isRocketMQError(e) && !isTransportError(e))
                    throw e;
                const notRocketMQ = isRocketMQError(e) && (e.code === 'ERR_FRAME_TOO_LARGE' || e.code === 'ERR_MALFORMED_FRAME');
                errors.push(`${address}: ${notRocketMQ ? 'answered with something that is not the RocketMQ protocol (another service on that port?)' : e instanceof Error ? e.message : String(e)}`);
                this.logger.warn({ address, topic, err: e }, 'NameServer request failed; trying the next one');
            }
        }
        throw new RocketMQError('ERR_NAMESERVER_UNREACHABLE', `No NameServer answered (${errors.join('; ')}). Check the 'nameServer' option and that a NameServer is running there.`, { retriable: true, context: { topic, addresses: [...this.addresses] } });
    }
}
//# sourceMappingURL=name-server.js.map