/**
 * RocketMQ 4.x answers QUERY_CONSUMER_OFFSET for a group without an offset with offset 0 (not QUERY_NOT_FOUND) while
 * the queue's first message is still in memory: it ignores the `setZeroIfNotFound=false` header 5.x understands
 * (4.9.7 ConsumerManageProcessor). A new group with `consumeFrom: 'last'` would then read a young queue from its start.
 * When a 4.x broker answers 0, the broker's offset table (GET_ALL_CONSUMER_OFFSET, `{"offsetTable":{"topic@group":
 * {queueId:offset}}}`) tells whether the 0 is stored. That table holds every group of the broker, so one answer per
 * broker serves every queue asked about within a short time (a rebalance pass starts all its queues at once).
 */
import { malformedResponse } from '../errors.js';
import { RequestCode, ResponseCode } from '../remoting/codes.js';
import { mapEntries, parseLenientJson } from '../protocol/fastjson.js';
/** How long one broker's offset table answers for (ms). */
const TABLE_TTL_MS = 2000;
/** address -> the broker's `topic@group` keys with their stored queue ids, and when it was asked. */
const tables = new Map();
async function fetchTable(invoke, address, timeoutMs) {
    const res = await invoke(address, RequestCode.GET_ALL_CONSUMER_OFFSET, {}, undefined, { timeoutMs });
    const context = { address, requestCode: RequestCode.GET_ALL_CONSUMER_OFFSET, responseCode: res.code };
    if (res.code !== ResponseCode.SUCCESS)
        throw malformedResponse(`GET_ALL_CONSUMER_OFFSET answered ${res.code} (${res.remark ?? ''})`, context);
    let parsed;
    try {
        parsed = parseLenientJson(res.body?.toString('utf8') ?? '{}');
    }
    catch (e) {
        throw malformedResponse(`GET_ALL_CONSUMER_OFFSET body is not JSON: ${e instanceof Error ? e.message : String(e)}`, context);
    }
    const out = new Map();
    const offsetTable = parsed !== null && typeof parsed === 'object' ? parsed.offsetTable : undefined;
    for (const [key, queues] of mapEntries(offsetTable)) {
        if (typeof key !== 'string')
            continue;
        out.set(key, new Set(mapEntries(queues).map(([id]) => Number(id))));
    }
    return out;
}
/** Whether a 4.x broker stores an offset of `group` for `mq` (its offset table, cached for 2 s per broker). */
export async function hasStoredOffset(invoke, address, group, mq, timeoutMs) {
    const now = Date.now();
    let entry = tables.get(address);
    if (entry === undefined || now - entry.at > TABLE_TTL_MS) {
        entry = { at: now, table: fetchTable(invoke, address, timeoutMs) };
        tables.set(address, entry);
        const mine = entry;
        mine.table.catch(() => {
            if (tables.get(address) === mine)
                tables.delete(address);
        });
    }
    return (await entry.table).get(`${mq.topic}@${group}`)?.has(mq.queueId) ?? false;
}
//# sourceMappingURL=legacy-offset.js.map