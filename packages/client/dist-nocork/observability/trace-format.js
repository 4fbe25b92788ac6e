/**
 * RocketMQ message trace records (RIP-6), in the text format the Java client's `TraceDataEncoder` writes and
 * `mqadmin queryMsgTraceById` / the dashboard read (apache/rocketmq client/.../trace/TraceDataEncoder.java):
 *
 * - one record = fields separated by CONTENT_SPLITOR (U+0001), ended by FIELD_SPLITOR (U+0002); a trace message body
 *   is records concatenated;
 * - `Pub`:       Pub ‖ timestamp ‖ regionId ‖ group ‖ topic ‖ msgId ‖ tags ‖ keys ‖ storeHost ‖ bodyLength ‖ costTime ‖
 *                msgType ordinal ‖ offsetMsgId ‖ success
 * - `SubBefore`: SubBefore ‖ timestamp ‖ regionId ‖ group ‖ requestId ‖ msgId ‖ retryTimes ‖ keys   (one per message)
 * - `SubAfter`:  SubAfter ‖ requestId ‖ msgId ‖ costTime ‖ success ‖ keys ‖ contextCode ‖ timestamp ‖ group  (one per
 *                message; the last two are what Java writes for a non-cloud client)
 *
 * A missing tags or keys value is written as `null`, as Java's StringBuilder writes a null String: Java's decoder
 * splits with `String.split`, which drops trailing empty fields, so an empty last field (SubBefore keys) would make
 * it fail; `null` is what every Java-written record carries there.
 */
export const CONTENT_SPLITOR = '\u0001';
export const FIELD_SPLITOR = '\u0002';
/** The default trace topic (TopicValidator.RMQ_SYS_TRACE_TOPIC). */
export const TRACE_TOPIC = 'RMQ_SYS_TRACE_TOPIC';
/** MixAll.DEFAULT_TRACE_REGION_ID: the region when the broker names none. */
export const DEFAULT_REGION = 'DefaultRegion';
/** Java MessageType, by ordinal (the Pub record carries the ordinal). */
export const MessageType = { Normal: 0, TransHalf: 1, TransCommit: 2, Delay: 3, Order: 4 };
/** Java ConsumeReturnType, by ordinal (the SubAfter record's contextCode). */
export const ConsumeReturnType = { SUCCESS: 0, TIME_OUT: 1, EXCEPTION: 2, RETURNNULL: 3, FAILED: 4 };
const orNull = (v) => (v === undefined ? 'null' : v);
/** TraceDataEncoder.encoderFromContextBean. */
export function encodeTraceRecord(r) {
    const C = CONTENT_SPLITOR;
    const F = FIELD_SPLITOR;
    let data = '';
    switch (r.type) {
        case 'Pub': {
            const b = r.beans[0];
            data =
                `Pub${C}${r.timestamp}${C}${r.regionId}${C}${r.group}${C}${b.topic}${C}${b.msgId}${C}${orNull(b.tags)}${C}${orNull(b.keys)}${C}` +
                    `${orNull(b.storeHost)}${C}${b.bodyLength ?? 0}${C}${r.costTime}${C}${b.msgType ?? 0}${C}${orNull(b.offsetMsgId)}${C}${r.success}${F}`;
            break;
        }
        case 'SubBefore':
            for (const b of r.beans) {
                data += `SubBefore${C}${r.timestamp}${C}${r.regionId}${C}${r.group}${C}${r.requestId}${C}${b.msgId}${C}${b.retryTimes ?? 0}${C}${orNull(b.keys)}${F}`;
            }
            break;
        case 'SubAfter':
            for (const b of r.beans) {
                data += `SubAfter${C}${r.requestId}${C}${b.msgId}${C}${r.costTime}${C}${r.success}${C}${orNull(b.keys)}${C}${r.contextCode}${C}${r.timestamp}${C}${r.group}${F}`;
            }
            break;
    }
    const keys = [];
    for (const b of r.beans) {
        keys.push(b.msgId);
        if (b.keys !== undefined && b.keys.length > 0)
            for (const k of b.keys.split(' '))
                if (k.length > 0)
                    keys.push(k);
    }
    return { data, keys };
}
/**
 * Read a trace message body (records written by this client or by Java's) into records, the way Java's decoder
 * splits it. Records of types this client does not write (EndTransaction, Recall) are skipped.
 */
export function decodeTraceData(body) {
    const out = [];
    for (const record of javaSplit(body, FIELD_SPLITOR)) {
        const f = javaSplit(record, CONTENT_SPLITOR);
        switch (f[0]) {
            case 'Pub': {
                const d = {
                    type: 'Pub',
                    timestamp: Number(f[1]),
                    regionId: f[2],
                    group: f[3],
                    topic: f[4],
                    msgId: f[5],
                    tags: f[6],
                    keys: f[7],
                    storeHost: f[8],
                    bodyLength: Number(f[9]),
                    costTime: Number(f[10]),
                    msgType: Number(f[11]),
                };
                if (f.length === 13)
                    d.success = f[12] === 'true';
                else if (f.length >= 14) {
                    d.offsetMsgId = f[12];
                    d.success = f[13] === 'true';
                }
                out.push(d);
                break;
            }
            case 'SubBefore':
                out.push({ type: 'SubBefore', timestamp: Number(f[1]), regionId: f[2], group: f[3], requestId: f[4], msgId: f[5], retryTimes: Number(f[6]), keys: f[7] });
                break;
            case 'SubAfter': {
                const d = { type: 'SubAfter', requestId: f[1], msgId: f[2], costTime: Number(f[3]), success: f[4] === 'true', keys: f[5] };
                if (f.length >= 7)
                    d.contextCode = Number(f[6]);
                if (f.length >= 9) {
                    d.timestamp = Number(f[7]);
                    d.group = f[8];
                }
                out.push(d);
                break;
            }
            default:
                break;
        }
    }
    return out;
}
/** Java String.split(sep) for a one-character separator: trailing empty strings are removed. */
function javaSplit(s, sep) {
    if (s.length === 0)
        return [];
    const parts = s.split(sep);
    while (parts.length > 0 && parts[parts.length - 1] === '')
        parts.pop();
    return parts;
}
//# sourceMappingURL=trace-format.js.map