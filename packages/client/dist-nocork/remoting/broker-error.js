/**
 * A broker's or NameServer's non-success answer as a RocketMQError: `BrokerResponseError` and the classification of
 * ACL refusals (ERR_AUTH / ERR_FORBIDDEN) from a response code and remark.
 */
import { RocketMQError } from '../errors.js';
import { ResponseCode, requestCodeName } from './codes.js';
/** A broker or NameServer answered with a non-success response code. */
export class BrokerResponseError extends RocketMQError {
    /** `'BrokerResponseError'`. */
    name = 'BrokerResponseError';
    /** The server's response code (e.g. 17 TOPIC_NOT_EXIST, 16 NO_PERMISSION). */
    responseCode;
    /**
     * The error for a non-success answer; an ACL refusal gets ERR_AUTH or ERR_FORBIDDEN and a message that says what to grant.
     * @param responseCode the server's response code
     * @param remark the server's error text
     * @param context where it happened
     * @param code the error code when it is not an ACL refusal (those become ERR_AUTH / ERR_FORBIDDEN)
     */
    constructor(responseCode, remark, context = {}, code = 'ERR_BROKER') {
        const where = context.address ? ` from ${context.address}` : '';
        const denied = accessDenial(responseCode, remark);
        if (denied !== undefined) {
            super(denied.code, denied.message(context), { retriable: false, context: { ...context, responseCode, remark, ...denied.context } });
        }
        else {
            super(code, `RocketMQ response code ${responseCode}${where}: ${remark ?? '(no remark)'}`, {
                retriable: RETRIABLE_RESPONSE_CODES.has(responseCode),
                context: { ...context, responseCode, remark },
            });
        }
        this.responseCode = responseCode;
    }
}
function operation(context) {
    const rc = context.requestCode;
    const name = typeof context['operation'] === 'string' ? context['operation'] : rc === undefined ? 'the request' : `${requestCodeName(rc)} (${rc})`;
    return `${name}${context.address ? ` to ${context.address}` : ''}`;
}
/**
 * Classifies an ACL refusal from its remark (reference/wave2-protocol.md §1.6): ACL 2.0 brokers answer code 16,
 * ACL 1.0 brokers and the remoting proxy answer code 1 with the exception text. undefined = not an ACL refusal.
 */
export function accessDenial(responseCode, remark) {
    if (responseCode !== ResponseCode.NO_PERMISSION && responseCode !== ResponseCode.SYSTEM_ERROR)
        return undefined;
    const r = remark ?? '';
    // ACL 2.0: "User:<name> has no permission to access Topic:<t> from <ip>, no matched policies." (or "the decision is deny.")
    const forbidden = /(User:\S+) has no permission to access (\w+):(\S+?)(?: from \S+?)?,/.exec(r);
    if (forbidden !== null) {
        const [, subject, type, name] = forbidden;
        return {
            code: 'ERR_FORBIDDEN',
            context: { subject, resource: `${type}:${name}`, ...(type.toLowerCase() === 'topic' ? { topic: name } : type.toLowerCase() === 'group' ? { group: name } : {}) },
            message: (c) => `${operation(c)} refused: ${subject} has no permission on ${type}:${name} (${r.trim().replace(/\.$/, '')}). ` +
                `Grant it on the broker, e.g. mqadmin createAcl -s ${subject} -r ${type}:${name} -a ${type.toLowerCase() === 'topic' ? 'Pub,Sub' : 'Sub'} -d Allow, or use credentials that have it`,
        };
    }
    const acl1Forbidden = /No default permission for (topic|group):(\S+)|Need admin permission for request code=\d+/i.exec(r);
    if (acl1Forbidden !== null) {
        const type = acl1Forbidden[1];
        const name = acl1Forbidden[2];
        return {
            code: 'ERR_FORBIDDEN',
            context: type === undefined || name === undefined ? {} : { resource: `${type}:${name}`, ...(type.toLowerCase() === 'topic' ? { topic: name } : { group: name }) },
            message: (c) => `${operation(c)} refused by the broker's ACL: ${r.trim()}. Grant the permission to the access key, or use credentials that have it`,
        };
    }
    const auth = /check signature failed|username cannot be null|User:\S+ is not found|User:\S+ is disabled|No acl config for|No accessKey is configured|Check signature failed|authenticationMetadataProvider is not configured/i.exec(r);
    if (auth !== null || (responseCode === ResponseCode.NO_PERMISSION && /authentic/i.test(r))) {
        return {
            code: 'ERR_AUTH',
            context: {},
            message: (c) => `${operation(c)} failed authentication: ${r.trim().replace(/\.$/, '') || '(no remark)'}. Check credentials.accessKey and credentials.secretKey ` +
                `(ACL 2.0: a user name and its password, created with mqadmin createUser on every broker); without credentials the broker refuses every request`,
        };
    }
    return undefined;
}
/** Response codes after which the same request may succeed if repeated. */
const RETRIABLE_RESPONSE_CODES = new Set([
    ResponseCode.SYSTEM_BUSY,
    ResponseCode.FLUSH_DISK_TIMEOUT,
    ResponseCode.SLAVE_NOT_AVAILABLE,
    ResponseCode.FLUSH_SLAVE_TIMEOUT,
    ResponseCode.SERVICE_NOT_AVAILABLE,
    ResponseCode.PULL_RETRY_IMMEDIATELY,
    ResponseCode.FLOW_CONTROL,
    ResponseCode.GO_AWAY,
]);
//# sourceMappingURL=broker-error.js.map