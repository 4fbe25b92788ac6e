/**
 * Message ids (reference/remoting-protocol.md §6.5, §6.6).
 *
 * - UNIQ_KEY (client id, `MessageClientIDSetter`): ip(4) ‖ pid(short) ‖ random int ‖ ms since the start of
 *   the current month in local time (int) ‖ counter (short), uppercase hex (32 chars for IPv4).
 * - offset msgId: storeHost ip(4|16) ‖ port(int) ‖ commitLogOffset(long), uppercase hex.
 */
import { randomInt } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';
import { RocketMQError } from '../errors.js';
import { localIPv4 } from './local-ip.js';
import { formatIPv6, hex8, longToHex16, parseIP } from './address.js';
const TWO_32 = 4294967296;
// ---- UNIQ_KEY ------------------------------------------------------------------------------
let prefix;
let monthStart = 0;
let nextMonthStart = 0;
/** Last time field used; with `counter` it forms a strictly increasing pair inside one process. */
let lastTime = -1;
let counter = 0;
function initPrefix() {
    const ip = parseIP(localIPv4());
    const b = Buffer.alloc(ip.length + 2 + 4);
    ip.copy(b, 0);
    b.writeUInt16BE(process.pid & 0xffff, ip.length);
    // Java uses the class loader's hashCode; any per-process random int serves (across processes with the
    // same ip and pid-low-16-bits, this is what keeps ids apart)
    b.writeInt32BE(randomInt(-0x80000000, 0x7fffffff), ip.length + 2);
    counter = randomInt(0, 0x10000);
    return b.toString('hex').toUpperCase();
}
function setMonth(now) {
    const d = new Date(now);
    monthStart = new Date(d.getFullYear(), d.getMonth(), 1).getTime();
    nextMonthStart = new Date(d.getFullYear(), d.getMonth() + 1, 1).getTime();
    lastTime = -1;
}
/**
 * A new UNIQ_KEY. The fixed prefix (ip, pid, random) is computed once. Unlike Java, the 16-bit counter
 * never repeats inside one millisecond: when it wraps, the time field is advanced by one (a logical
 * clock), so (time, counter) strictly increases and ids stay unique at any call rate.
 */
export function createUniqId() {
    if (prefix === undefined)
        prefix = initPrefix();
    const now = Date.now();
    if (now >= nextMonthStart || now < monthStart)
        setMonth(now);
    let t = now - monthStart;
    if (t < lastTime)
        t = lastTime; // clock went back (NTP) or we are ahead after wraps
    counter = (counter + 1) & 0xffff;
    if (t === lastTime && counter === firstCounterOfTime) {
        t++; // the counter came around inside this time value: move the logical clock
    }
    if (t !== lastTime) {
        lastTime = t;
        firstCounterOfTime = counter;
    }
    return prefix + hex8(t) + (counter | 0x10000).toString(16).slice(1).toUpperCase();
}
let firstCounterOfTime = 0;
/** ip of a UNIQ_KEY (Java MessageClientIDSetter.getIPStrFromID). */
export function uniqIdIP(id) {
    const b = Buffer.from(id, 'hex');
    return b.length === 28 ? formatIPv6(b, 0) : `${b[0]}.${b[1]}.${b[2]}.${b[3]}`;
}
// ---- offset msgId --------------------------------------------------------------------------
/** storeHost ip ‖ port ‖ commitLogOffset as uppercase hex (32 chars for IPv4, 56 for IPv6). */
export function createOffsetMsgId(ip, port, offset) {
    if (!isIPv4(ip) && !isIPv6(ip))
        throw new RocketMQError('ERR_INVALID_OPTION', `Not an IP address: ${ip}`);
    return parseIP(ip).toString('hex').toUpperCase() + hex8(port) + longToHex16(offset);
}
/** Inverse of createOffsetMsgId (Java MessageDecoder.decodeMessageId: 32 chars = IPv4, else IPv6). */
export function decodeOffsetMsgId(id) {
    if ((id.length !== 32 && id.length !== 56) || !/^[0-9a-fA-F]+$/.test(id)) {
        throw new RocketMQError('ERR_MESSAGE_DECODE', `Not an offset msgId: ${id}`);
    }
    const b = Buffer.from(id, 'hex');
    const ipLen = b.length === 16 ? 4 : 16;
    const ip = ipLen === 4 ? `${b[0]}.${b[1]}.${b[2]}.${b[3]}` : formatIPv6(b, 0);
    const port = b.readInt32BE(ipLen);
    const hi = b.readInt32BE(ipLen + 4);
    const lo = b.readUInt32BE(ipLen + 8);
    if (hi > 0x1fffff || hi < -0x200000)
        throw new RocketMQError('ERR_MESSAGE_DECODE', `Offset in ${id} exceeds 2^53`);
    const offset = hi * TWO_32 + lo;
    return { ip, port, offset, address: ipLen === 4 ? `${ip}:${port}` : `[${ip}]:${port}` };
}
//# sourceMappingURL=message-id.js.map