/** IP address and `ip:port` helpers shared by the message codec and the id functions. */
import { isIPv4, isIPv6 } from 'node:net';
import { RocketMQError } from '../errors.js';
const TWO_32 = 4294967296;
export function hex8(n) {
    return (n >>> 0).toString(16).toUpperCase().padStart(8, '0');
}
/** A safe-integer Number as 16 uppercase hex chars of its two's-complement int64. */
export function longToHex16(n) {
    const hi = Math.floor(n / TWO_32);
    const lo = n - hi * TWO_32;
    return hex8(hi) + hex8(lo);
}
/** RFC 5952 text of 16 address bytes (longest run of ≥2 zero groups collapsed to `::`). */
export function formatIPv6(b, p = 0) {
    const g = [];
    for (let i = 0; i < 8; i++)
        g.push((b[p + 2 * i] << 8) | b[p + 2 * i + 1]);
    let bestStart = -1;
    let bestLen = 0;
    for (let i = 0; i < 8;) {
        if (g[i] !== 0) {
            i++;
            continue;
        }
        let j = i;
        while (j < 8 && g[j] === 0)
            j++;
        if (j - i > bestLen && j - i >= 2) {
            bestStart = i;
            bestLen = j - i;
        }
        i = j;
    }
    const hex = (from, to) => g
        .slice(from, to)
        .map((x) => x.toString(16))
        .join(':');
    if (bestStart < 0)
        return hex(0, 8);
    return `${hex(0, bestStart)}::${hex(bestStart + bestLen, 8)}`;
}
/** Parse an IPv4 or IPv6 literal into 4 or 16 bytes. */
export function parseIP(ip) {
    if (isIPv4(ip))
        return Buffer.from(ip.split('.').map((x) => Number(x)));
    if (!isIPv6(ip))
        throw new RocketMQError('ERR_INVALID_OPTION', `Not an IP address: ${ip}`);
    let s = ip;
    const pct = s.indexOf('%');
    if (pct >= 0)
        s = s.slice(0, pct);
    const out = Buffer.alloc(16);
    // embedded IPv4 tail (e.g. ::ffff:1.2.3.4)
    let tail = [];
    const lastColon = s.lastIndexOf(':');
    if (s.indexOf('.', lastColon) >= 0) {
        const v4 = s.slice(lastColon + 1).split('.').map((x) => Number(x));
        tail = [(v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]];
        s = s.slice(0, lastColon + 1) + '0:0';
    }
    const [head, rest] = s.split('::');
    const parse = (part) => (part === '' ? [] : part.split(':').map((h) => parseInt(h, 16)));
    const hs = parse(head);
    const rs = rest === undefined ? [] : parse(rest);
    const groups = rest === undefined ? hs : [...hs, ...new Array(8 - hs.length - rs.length).fill(0), ...rs];
    if (tail.length === 2) {
        groups[6] = tail[0];
        groups[7] = tail[1];
    }
    for (let i = 0; i < 8; i++)
        out.writeUInt16BE(groups[i], 2 * i);
    return out;
}
/** Split `ip:port` or `[ipv6]:port` into parts. */
export function splitHostPort(hostPort) {
    let ip;
    let portStr;
    if (hostPort.startsWith('[')) {
        const close = hostPort.indexOf(']');
        ip = hostPort.slice(1, close);
        portStr = hostPort.slice(close + 2);
    }
    else {
        const c = hostPort.lastIndexOf(':');
        ip = hostPort.slice(0, c);
        portStr = hostPort.slice(c + 1);
    }
    const port = Number(portStr);
    if (!Number.isInteger(port) || port < 0 || port > 65535 || (!isIPv4(ip) && !isIPv6(ip))) {
        throw new RocketMQError('ERR_INVALID_OPTION', `Not an ip:port address: ${hostPort}`);
    }
    return { ip, port };
}
//# sourceMappingURL=address.js.map