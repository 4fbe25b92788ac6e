/**
 * A broker's or NameServer's non-success answer as a RocketMQError: `BrokerResponseError` and the classification of
 * ACL refusals (ERR_AUTH / ERR_FORBIDDEN) from a response code and remark.
 */
import { RocketMQError, type ErrorCode, type ErrorContext } from '../errors.js';
/** A broker or NameServer answered with a non-success response code. */
export declare class BrokerResponseError extends RocketMQError {
    /** `'BrokerResponseError'`. */
    readonly name = "BrokerResponseError";
    /** The server's response code (e.g. 17 TOPIC_NOT_EXIST, 16 NO_PERMISSION). */
    readonly responseCode: number;
    /**
     * The error for a non-success answer; an ACL refusal gets ERR_AUTH or ERR_FORBIDDEN and a message that says what to grant.
     * @param responseCode the server's response code
     * @param remark the server's error text
     * @param context where it happened
     * @param code the error code when it is not an ACL refusal (those become ERR_AUTH / ERR_FORBIDDEN)
     */
    constructor(responseCode: number, remark: string | undefined, context?: ErrorContext, code?: ErrorCode);
}
interface Denial {
    code: 'ERR_AUTH' | 'ERR_FORBIDDEN';
    context: ErrorContext;
    message: (context: ErrorContext) => string;
}
/**
 * Classifies an ACL refusal from its remark (reference/wave2-protocol.md §1.6): ACL 2.0 brokers answer code 16,
 * ACL 1.0 brokers and the remoting proxy answer code 1 with the exception text. undefined = not an ACL refusal.
 */
export declare function accessDenial(responseCode: number, remark: string | undefined): Denial | undefined;
export {};
//# sourceMappingURL=broker-error.d.ts.map