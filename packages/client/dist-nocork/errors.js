/**
 * Every error the SDK throws, rejects with or emits. Match on `code` (stable), not on the message.
 *
 * ```ts
 * try { await producer.send(m) } catch (e) { if (isRocketMQError(e) && e.retriable) ... }
 * ```
 */
export class RocketMQError extends Error {
    /** `'RocketMQError'`, or the subclass's name. */
    name = 'RocketMQError';
    /** The stable error code, e.g. `ERR_TIMEOUT`. */
    code;
    /** Whether the same call may succeed if repeated (a timeout, a broker busy, a lost connection). */
    retriable;
    /** Where it happened (broker, topic, queue, group, ...). */
    context;
    /**
     * An error with a stable code.
     * @param code the stable code
     * @param message what happened and, where possible, what to do
     * @param options retriable, cause, context
     */
    constructor(code, message, options = {}) {
        super(message, options.cause === undefined ? undefined : { cause: options.cause });
        this.code = code;
        this.retriable = options.retriable ?? false;
        this.context = options.context ?? {};
    }
}
/** Whether `e` is a RocketMQError (also a BrokerResponseError). */
export function isRocketMQError(e) {
    return e instanceof RocketMQError;
}
/**
 * The transport failures, stated once: the peer could not be reached, the connection broke, no answer came in time, or
 * the peer does not speak RocketMQ (frame errors). Another NameServer or broker may answer; a peer's own error
 * response is not one of these.
 */
const TRANSPORT_ERROR_CODES = new Set(['ERR_CONNECTION', 'ERR_CONNECTION_CLOSED', 'ERR_TIMEOUT', 'ERR_FRAME_TOO_LARGE', 'ERR_MALFORMED_FRAME']);
export function isTransportError(e) {
    return e instanceof RocketMQError && TRANSPORT_ERROR_CODES.has(e.code);
}
/**
 * A well-formed frame whose content is not what the protocol allows: a number out of range or not a number, a
 * missing required field, a route with an impossible queue count or broker address. The peer (broker or
 * NameServer) is at fault, never the caller's options. Retriable: back off and ask again (a broker in a bad state
 * may recover, another NameServer may answer correctly); the previous good state (route, offset) is kept.
 */
export function malformedResponse(message, context = {}, retriable = true) {
    return new RocketMQError('ERR_MALFORMED_RESPONSE', message, { retriable, context });
}
/** Wrap anything thrown into a RocketMQError without losing the original. */
export function toRocketMQError(e, code, message, context) {
    if (e instanceof RocketMQError)
        return e;
    return new RocketMQError(code, `${message}: ${e instanceof Error ? e.message : String(e)}`, { cause: e, context });
}
//# sourceMappingURL=errors.js.map