/**
 * The dispatch order of one queue in the ordered modes, as a pure data structure (no timers, no I/O):
 * - `'queue'`: one lane; one batch at a time, in offset order (Java MessageListenerOrderly).
 * - `'key'`: one lane per ordering key; a lane runs one batch at a time, in offset order, and different lanes run in
 *   parallel (the caller bounds the total with `concurrency`).
 * A failed batch stays at the head of its lane and is handed out again (in place) once the queue's suspension ends;
 * the messages behind it wait. The queue's consumed offset is the caller's (ProcessQueue: lowest unfinished offset),
 * so it never passes a message that did not finish.
 */
import { MessageConst } from '../../protocol/message.js';
/**
 * The ordering key of a message in `'key'` mode: its sharding-key property `__SHARDINGKEY` (Java
 * MessageConst.PROPERTY_SHARDING_KEY; the 5.x FIFO "message group", and what our Producer writes for
 * `send(message, { shardingKey })`) when present and not empty, else the first of its KEYS, else `''` (keyless
 * messages of a queue share one lane, so they keep their queue order).
 */
export function orderingKey(m) {
    const sharding = m.getProperty(MessageConst.SHARDING_KEY);
    if (sharding !== undefined && sharding !== '')
        return sharding;
    return m.keys[0] ?? '';
}
class Lane {
    items = [];
    head = 0;
    running = false;
    /** Size of the running head batch. */
    inFlight = 0;
    get size() {
        return this.items.length - this.head;
    }
    shift(n) {
        this.head += n;
        if (this.head === this.items.length) {
            this.items = [];
            this.head = 0;
        }
        else if (this.head > 1024 && this.head * 2 > this.items.length) {
            this.items = this.items.slice(this.head);
            this.head = 0;
        }
    }
}
export class OrderedLanes {
    mode;
    batchSize;
    lanes = new Map();
    /** Lanes whose head can be handed out (not running, not empty), in the order they became ready. */
    ready = new Set();
    runningCount = 0;
    bufferedCount = 0;
    /** No batch is handed out before this time (ms since epoch); set by a failure. */
    suspendedUntil = 0;
    constructor(mode, batchSize = 1) {
        this.mode = mode;
        this.batchSize = batchSize;
    }
    laneOf(m) {
        return this.mode === 'queue' ? '' : orderingKey(m);
    }
    /** Messages pulled from the queue, in offset order. */
    push(messages) {
        for (const m of messages) {
            const key = this.laneOf(m);
            let lane = this.lanes.get(key);
            if (!lane) {
                lane = new Lane();
                this.lanes.set(key, lane);
            }
            lane.items.push(m);
            this.bufferedCount++;
            if (!lane.running)
                this.ready.add(key);
        }
    }
    /** Batches running now. */
    get running() {
        return this.runningCount;
    }
    /** Messages not finished (waiting or running). */
    get buffered() {
        return this.bufferedCount;
    }
    /** Whether `take()` would hand out a batch at `now`. */
    canTake(now = Date.now()) {
        if (now < this.suspendedUntil || this.ready.size === 0)
            return false;
        return this.mode === 'key' || this.runningCount === 0;
    }
    /** The next batch to run, or undefined (suspended, nothing ready, or in 'queue' mode a batch is running). */
    take(now = Date.now()) {
        if (!this.canTake(now))
            return undefined;
        const key = this.ready.values().next().value;
        this.ready.delete(key);
        const lane = this.lanes.get(key);
        const n = Math.min(this.batchSize, lane.size);
        const messages = lane.items.slice(lane.head, lane.head + n);
        lane.running = true;
        lane.inFlight = n;
        this.runningCount++;
        return { lane: key, messages };
    }
    /** The batch finished (consumed, or given up on: sent to the DLQ): its lane moves on. */
    finish(batch) {
        const lane = this.lanes.get(batch.lane);
        if (!lane || !lane.running)
            return;
        lane.running = false;
        this.runningCount--;
        lane.shift(batch.messages.length);
        this.bufferedCount -= batch.messages.length;
        if (lane.size > 0)
            this.ready.add(batch.lane);
        else
            this.lanes.delete(batch.lane);
    }
    /** The batch failed: it stays at the head of its lane; nothing of this queue is handed out before `until`. */
    retryLater(batch, until) {
        const lane = this.lanes.get(batch.lane);
        if (!lane || !lane.running)
            return;
        lane.running = false;
        this.runningCount--;
        this.suspendedUntil = Math.max(this.suspendedUntil, until);
        // Back to the front, so the failed lane goes first when the suspension ends.
        const rest = [...this.ready];
        this.ready.clear();
        this.ready.add(batch.lane);
        for (const k of rest)
            this.ready.add(k);
    }
    /** Forget every waiting message (not the running ones); returns how many were dropped. */
    clearWaiting() {
        let dropped = 0;
        for (const [key, lane] of this.lanes) {
            if (lane.running) {
                // Keep only the running head batch; finish() or retryLater() settles it.
                const behind = lane.size - lane.inFlight;
                lane.items = lane.items.slice(lane.head, lane.head + lane.inFlight);
                lane.head = 0;
                dropped += behind;
                continue;
            }
            dropped += lane.size;
            this.lanes.delete(key);
        }
        this.ready.clear();
        this.bufferedCount -= dropped;
        return dropped;
    }
}
//# sourceMappingURL=ordered-lanes.js.map