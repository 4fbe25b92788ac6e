/**
 * The first non-internal IPv4 address of `os.networkInterfaces()`, else `127.0.0.1`.
 * Computed once per process (interfaces rarely change; the client id must stay stable).
 */
export declare function localIPv4(): string;
//# sourceMappingURL=local-ip.d.ts.map