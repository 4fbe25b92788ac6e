/**
 * One error root for the whole SDK. `code` is the stable contract (match on it, not on messages);
 * `retriable` says whether the same call may succeed if repeated; `context` names where it happened.
 */
export type ErrorCode = 'ERR_INVALID_OPTION' | 'ERR_CONNECTION' | 'ERR_CONNECTION_CLOSED' | 'ERR_TIMEOUT' | 'ERR_ABORTED' | 'ERR_MALFORMED_FRAME' | 'ERR_MALFORMED_RESPONSE' | 'ERR_FRAME_TOO_LARGE' | 'ERR_NAMESERVER_UNREACHABLE' | 'ERR_TOPIC_NOT_FOUND' | 'ERR_NO_ROUTE' | 'ERR_BROKER_NOT_FOUND' | 'ERR_BROKER' | 'ERR_SEND_FAILED' | 'ERR_OFFSET_OUT_OF_RANGE' | 'ERR_MESSAGE_DECODE' | 'ERR_MESSAGE_ENCODE' | 'ERR_NOT_STARTED' | 'ERR_CLOSED' | 'ERR_HANDLER_TIMEOUT' | 'ERR_NOT_ASSIGNED' | 'ERR_GRPC' | 'ERR_AUTH' | 'ERR_FORBIDDEN' | 'ERR_TLS' | 'ERR_GROUP_NOT_FOUND' | 'ERR_UNSUPPORTED_VERSION' | 'ERR_INVALID_SUBSCRIPTION' | 'ERR_PAYLOAD_INVALID';
/** Where an error happened; each field is set when known (more fields may be present, e.g. `offset`, `attempts`). */
export interface ErrorContext {
    /** The broker name, e.g. `broker-a`. */
    broker?: string;
    /** The NameServer or broker address, `host:port`. */
    address?: string;
    /** The topic. */
    topic?: string;
    /** The queue id. */
    queueId?: number;
    /** The consumer or producer group. */
    group?: string;
    /** The remoting request code sent. */
    requestCode?: number;
    /** The response code the server answered. */
    responseCode?: number;
    /** The server's remark (its error text). */
    remark?: string;
    /** Anything else that locates the failure. */
    [key: string]: unknown;
}
/** The optional parts of a RocketMQError. */
export interface RocketMQErrorOptions {
    /** Whether the same call may succeed if repeated. Default false. */
    retriable?: boolean;
    /** The underlying error. */
    cause?: unknown;
    /** Where it happened. */
    context?: ErrorContext;
}
/**
 * Every error the SDK throws, rejects with or emits. Match on `code` (stable), not on the message.
 *
 * ```ts
 * try { await producer.send(m) } catch (e) { if (isRocketMQError(e) && e.retriable) ... }
 * ```
 */
export declare class RocketMQError extends Error {
    /** `'RocketMQError'`, or the subclass's name. */
    readonly name: string;
    /** The stable error code, e.g. `ERR_TIMEOUT`. */
    readonly code: ErrorCode;
    /** Whether the same call may succeed if repeated (a timeout, a broker busy, a lost connection). */
    readonly retriable: boolean;
    /** Where it happened (broker, topic, queue, group, ...). */
    readonly context: ErrorContext;
    /**
     * An error with a stable code.
     * @param code the stable code
     * @param message what happened and, where possible, what to do
     * @param options retriable, cause, context
     */
    constructor(code: ErrorCode, message: string, options?: RocketMQErrorOptions);
}
/** Whether `e` is a RocketMQError (also a BrokerResponseError). */
export declare function isRocketMQError(e: unknown): e is RocketMQError;
export declare function isTransportError(e: unknown): boolean;
/**
 * A well-formed frame whose content is not what the protocol allows: a number out of range or not a number, a
 * missing required field, a route with an impossible queue count or broker address. The peer (broker or
 * NameServer) is at fault, never the caller's options. Retriable: back off and ask again (a broker in a bad state
 * may recover, another NameServer may answer correctly); the previous good state (route, offset) is kept.
 */
export declare function malformedResponse(message: string, context?: ErrorContext, retriable?: boolean): RocketMQError;
/** Wrap anything thrown into a RocketMQError without losing the original. */
export declare function toRocketMQError(e: unknown, code: ErrorCode, message: string, context?: ErrorContext): RocketMQError;
//# sourceMappingURL=errors.d.ts.map