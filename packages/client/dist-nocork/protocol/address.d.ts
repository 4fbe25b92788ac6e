export declare function hex8(n: number): string;
/** A safe-integer Number as 16 uppercase hex chars of its two's-complement int64. */
export declare function longToHex16(n: number): string;
/** RFC 5952 text of 16 address bytes (longest run of ≥2 zero groups collapsed to `::`). */
export declare function formatIPv6(b: Uint8Array, p?: number): string;
/** Parse an IPv4 or IPv6 literal into 4 or 16 bytes. */
export declare function parseIP(ip: string): Buffer;
/** Split `ip:port` or `[ipv6]:port` into parts. */
export declare function splitHostPort(hostPort: string): {
    ip: string;
    port: number;
};
//# sourceMappingURL=address.d.ts.map