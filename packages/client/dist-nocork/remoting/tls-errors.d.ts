/**
 * Turns node:tls / OpenSSL failures into one typed, non-retriable ERR_TLS that names the certificate problem and
 * what to check. Anything that is not a TLS failure returns undefined (the caller keeps its own error).
 */
import { RocketMQError } from '../errors.js';
export declare function tlsError(e: unknown, address: string): RocketMQError | undefined;
//# sourceMappingURL=tls-errors.d.ts.map