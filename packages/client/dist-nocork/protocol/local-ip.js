import { networkInterfaces } from 'node:os';
let cached;
/**
 * The first non-internal IPv4 address of `os.networkInterfaces()`, else `127.0.0.1`.
 * Computed once per process (interfaces rarely change; the client id must stay stable).
 */
export function localIPv4() {
    if (cached !== undefined)
        return cached;
    let found = '127.0.0.1';
    try {
        const ifaces = networkInterfaces();
        outer: for (const name of Object.keys(ifaces)) {
            for (const a of ifaces[name] ?? []) {
                // Node 18.0-18.3 reported family as a number
                const v4 = a.family === 'IPv4' || a.family === 4;
                if (v4 && !a.internal) {
                    found = a.address;
                    break outer;
                }
            }
        }
    }
    catch {
        // some sandboxes forbid interface enumeration: fall back to loopback
    }
    cached = found;
    return found;
}
//# sourceMappingURL=local-ip.js.map