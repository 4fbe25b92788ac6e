/**
 * Request signing as the Java client's `AclClientRPCHook` does it (reference/wave2-protocol.md §1.2), accepted by
 * ACL 2.0 brokers (5.3+: the access key is the user name, the secret key its password) and by plain ACL 1.0.
 *
 * Signed data = the values of all extFields sorted by key (Java TreeMap: UTF-16 code-unit order), concatenated
 * without separators, as UTF-8, followed by the raw body. Signature = base64(HmacSHA1(secretKey, data)).
 * It must run after every other extField is final: the broker verifies exactly the strings it decoded.
 */
import { createHmac } from 'node:crypto';
export const ACCESS_KEY_FIELD = 'AccessKey';
export const SECURITY_TOKEN_FIELD = 'SecurityToken';
export const SIGNATURE_FIELD = 'Signature';
/** Java String.compareTo: UTF-16 code units (what `<` on JS strings compares too). */
function byCodeUnits(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/** The bytes the signature covers: sorted extField values (without `Signature`) then the body. */
export function signedContent(extFields, body) {
    const keys = Object.keys(extFields)
        .filter((k) => k !== SIGNATURE_FIELD)
        .sort(byCodeUnits);
    let text = '';
    for (const k of keys)
        text += extFields[k] ?? '';
    const head = Buffer.from(text, 'utf8');
    return body !== undefined && body.length > 0 ? Buffer.concat([head, body]) : head;
}
export function calculateSignature(content, secretKey) {
    return createHmac('sha1', Buffer.from(secretKey, 'utf8')).update(content).digest('base64');
}
/** A new extFields object with `AccessKey`, `SecurityToken` (if any) and `Signature` added; the input is untouched. */
export function signExtFields(extFields, body, credentials) {
    const out = { ...(extFields ?? {}) };
    delete out[SIGNATURE_FIELD];
    out[ACCESS_KEY_FIELD] = credentials.accessKey;
    if (credentials.securityToken !== undefined && credentials.securityToken !== '')
        out[SECURITY_TOKEN_FIELD] = credentials.securityToken;
    out[SIGNATURE_FIELD] = calculateSignature(signedContent(out, body), credentials.secretKey);
    return out;
}
//# sourceMappingURL=acl.js.map