/**
 * A new UNIQ_KEY. The fixed prefix (ip, pid, random) is computed once. Unlike Java, the 16-bit counter
 * never repeats inside one millisecond: when it wraps, the time field is advanced by one (a logical
 * clock), so (time, counter) strictly increases and ids stay unique at any call rate.
 */
export declare function createUniqId(): string;
/** ip of a UNIQ_KEY (Java MessageClientIDSetter.getIPStrFromID). */
export declare function uniqIdIP(id: string): string;
/** storeHost ip ‖ port ‖ commitLogOffset as uppercase hex (32 chars for IPv4, 56 for IPv6). */
export declare function createOffsetMsgId(ip: string, port: number, offset: number): string;
/** Inverse of createOffsetMsgId (Java MessageDecoder.decodeMessageId: 32 chars = IPv4, else IPv6). */
export declare function decodeOffsetMsgId(id: string): {
    ip: string;
    port: number;
    offset: number;
    address: string;
};
//# sourceMappingURL=message-id.d.ts.map