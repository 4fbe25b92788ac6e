/**
 * Turns node:tls / OpenSSL failures into one typed, non-retriable ERR_TLS that names the certificate problem and
 * what to check. Anything that is not a TLS failure returns undefined (the caller keeps its own error).
 */
import { RocketMQError } from '../errors.js';
/** OpenSSL X509 verification results node reports as `err.code`, with what they mean for the user. */
const VERIFY_PROBLEMS = {
    UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'the server certificate is not signed by a trusted CA',
    UNABLE_TO_GET_ISSUER_CERT: 'the issuer of the server certificate is not trusted',
    UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'the issuer of the server certificate is not trusted',
    SELF_SIGNED_CERT_IN_CHAIN: 'the server certificate chain ends in a self-signed CA that is not trusted',
    DEPTH_ZERO_SELF_SIGNED_CERT: 'the server certificate is self-signed and not trusted',
    CERT_SIGNATURE_FAILURE: 'the server certificate signature is invalid',
    CERT_HAS_EXPIRED: 'the server certificate has expired',
    CERT_NOT_YET_VALID: 'the server certificate is not valid yet',
    CERT_REVOKED: 'the server certificate is revoked',
    CERT_UNTRUSTED: 'the server certificate is not trusted',
    CERT_REJECTED: 'the server certificate is rejected',
    INVALID_CA: 'a CA certificate in the chain is invalid',
    ERR_TLS_CERT_ALTNAME_INVALID: "the server certificate does not name the host connected to (its subjectAltNames do not match)",
    HOSTNAME_MISMATCH: 'the server certificate does not name the host connected to',
};
const FIX_TRUST = 'give the CA that signed the server certificate as tls.ca (PEM), or, for a test server only, tls.rejectUnauthorized: false';
export function tlsError(e, address) {
    if (!(e instanceof Error))
        return undefined;
    const code = e.code ?? '';
    const at = { address, tlsCode: code };
    const verify = VERIFY_PROBLEMS[code];
    if (verify !== undefined) {
        const fix = code.includes('ALTNAME') || code === 'HOSTNAME_MISMATCH' ? 'connect by a name the certificate lists, or set tls.servername / tls.checkServerIdentity' : FIX_TRUST;
        return new RocketMQError('ERR_TLS', `TLS to ${address} refused: ${verify} (${code}: ${e.message}); ${fix}`, { cause: e, context: at });
    }
    if (/CERTIFICATE_REQUIRED/.test(code) || /certificate required/i.test(e.message)) {
        return new RocketMQError('ERR_TLS', `TLS to ${address} refused by the server: it requires a client certificate (mutual TLS); give tls.cert and tls.key (${e.message})`, { cause: e, context: at });
    }
    if (/ALERT_(BAD_CERTIFICATE|UNKNOWN_CA|CERTIFICATE_UNKNOWN|UNSUPPORTED_CERTIFICATE|DECRYPT_ERROR)/.test(code)) {
        return new RocketMQError('ERR_TLS', `TLS to ${address} refused by the server: it does not accept the client certificate (${code}); check that tls.cert is signed by a CA the server trusts (tls.server.trustCertPath) and matches tls.key`, { cause: e, context: at });
    }
    if (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || /wrong version number/i.test(e.message)) {
        return new RocketMQError('ERR_TLS', `TLS to ${address} failed: the server does not speak TLS on this port (${e.message}); remove the tls option, or enable TLS on the server (tls.server.mode=permissive or enforcing)`, { cause: e, context: at });
    }
    if (/before secure TLS connection was established/.test(e.message)) {
        return new RocketMQError('ERR_TLS', `TLS to ${address} failed: the server closed the connection during the handshake; check that it accepts TLS (tls.server.mode permissive or enforcing) and, if it requires mutual TLS, give tls.cert and tls.key`, { cause: e, context: at });
    }
    if (code.startsWith('ERR_SSL_') || code.startsWith('ERR_OSSL_') || code.startsWith('ERR_TLS_')) {
        return new RocketMQError('ERR_TLS', `TLS to ${address} failed: ${e.message} (${code}); check tls.ca, tls.cert and tls.key (PEM)`, {
            cause: e,
            context: at,
        });
    }
    return undefined;
}
//# sourceMappingURL=tls-errors.js.map