import type { MessageQueue } from './message-queue.js';
/** An object-keyed map as written by fastjson; `entries` keeps the wire order. */
export declare class LenientMap {
    readonly entries: Array<[unknown, unknown]>;
    constructor(entries?: Array<[unknown, unknown]>);
    get size(): number;
}
/** Parse standard JSON or fastjson's non-standard map dialects. Throws ERR_MALFORMED_FRAME on bad input. */
export declare function parseLenientJson(text: string): unknown;
/** Entries of a parsed map, whatever dialect it came in: LenientMap, plain object, or gson-style `[[k, v], …]`. */
export declare function mapEntries(v: unknown): Array<[unknown, unknown]>;
/**
 * A `Map<MessageQueue, V>` field (e.g. ResetOffsetBody.offsetTable) as typed entries. Entries whose key is not a
 * MessageQueue are dropped. Accepts every form `mapEntries` does.
 */
export declare function parseMessageQueueMap(v: unknown): Array<[MessageQueue, unknown]>;
/**
 * fastjson's object-key dialect for `Map<MessageQueue, V>`: `{{"brokerName":…,"queueId":…,"topic":…}:value,…}`.
 * Values are written with `stringifyLenientJson` (so they may themselves contain LenientMaps).
 */
export declare function stringifyMessageQueueMap(entries: ReadonlyArray<readonly [MessageQueue, unknown]>): string;
/**
 * JSON.stringify with fastjson's extensions: a `LenientMap` (or a JS `Map` with object keys) is written
 * in the object-key dialect; bigint becomes a bare integer; undefined properties are omitted.
 * Returns undefined for an undefined/function top-level value, like JSON.stringify.
 */
export declare function stringifyLenientJson(v: unknown): string | undefined;
//# sourceMappingURL=fastjson.d.ts.map