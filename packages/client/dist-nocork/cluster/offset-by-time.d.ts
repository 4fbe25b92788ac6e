import type { MessageQueue } from '../protocol/route.js';
import { type Invoker } from './broker-api.js';
export interface OffsetByTimeOptions {
    /** The consumer group the correction pulls are made for on 4.x (it commits nothing). */
    group: string;
    timeoutMs?: number;
}
/**
 * The first offset of `mq` whose message was stored at or after `timestamp` (ms); the queue's end (max offset) when every
 * message is older. On a 4.x broker the nearest-message answer is corrected (see the file comment).
 */
export declare function offsetAtOrAfter(invoker: Invoker, address: string, mq: MessageQueue, timestamp: number, opts: OffsetByTimeOptions): Promise<number>;
/**
 * Corrects a 4.x broker's nearest-message offset for `timestamp` to the first offset stored at or after it. Used for
 * SEARCH_OFFSET_BY_TIMESTAMP answers and for the offsets a 4.x broker computes for a reset by time.
 */
export declare function correctNearest(invoker: Invoker, address: string, mq: MessageQueue, timestamp: number, nearest: number, opts: OffsetByTimeOptions): Promise<number>;
//# sourceMappingURL=offset-by-time.d.ts.map