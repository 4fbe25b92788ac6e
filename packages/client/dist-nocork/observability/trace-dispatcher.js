import { sendMessage } from '../cluster/broker-api.js';
import { createUniqId } from '../protocol/message-id.js';
import { encodeProperties } from '../protocol/properties.js';
import { encodeTraceRecord } from './trace-format.js';
export class TraceDispatcher {
    o;
    topic;
    capacity;
    batchSize;
    maxInFlight;
    flushIntervalMs;
    maxMessageBytes;
    queue = [];
    head = 0;
    inFlight = 0;
    sending = new Set();
    timer;
    immediate;
    closed = false;
    counts = { sent: 0, dropped: 0, failed: 0 };
    lastWarn = 0;
    constructor(o) {
        this.o = o;
        this.topic = o.topic;
        this.capacity = o.capacity ?? 2048;
        this.batchSize = Math.min(o.batchSize ?? 20, 20);
        this.maxInFlight = o.maxInFlight ?? 4;
        this.flushIntervalMs = o.flushIntervalMs ?? 1000;
        this.maxMessageBytes = o.maxMessageBytes ?? 128_000;
    }
    get queued() {
        return this.queue.length - this.head;
    }
    stats() {
        return { topic: this.topic, queued: this.queued, ...this.counts };
    }
    /** Queue a record; false (and counted) when the queue is full or the dispatcher closed. Never throws. */
    append(record) {
        if (this.closed || this.queued >= this.capacity) {
            this.counts.dropped++;
            this.warn('message trace queue full: records dropped');
            return false;
        }
        this.queue.push(record);
        if (this.queued >= this.batchSize)
            this.schedule(true);
        else
            this.schedule(false);
        return true;
    }
    /** Arrange the next pump: at once (next turn of the event loop) for a full batch, else after the flush interval. */
    schedule(now) {
        if (now) {
            if (this.immediate === undefined && this.inFlight < this.maxInFlight) {
                this.immediate = setImmediate(() => {
                    this.immediate = undefined;
                    this.pump(false);
                });
            }
            return;
        }
        if (this.timer === undefined) {
            this.timer = setTimeout(() => {
                this.timer = undefined;
                this.pump(true);
            }, this.flushIntervalMs);
            this.timer.unref();
        }
    }
    /** Send batches while a sender is free: full ones, and a partial one when `partial`. */
    pump(partial) {
        while (this.inFlight < this.maxInFlight && (this.queued >= this.batchSize || (partial && this.queued > 0))) {
            const n = Math.min(this.batchSize, this.queued);
            const batch = this.queue.slice(this.head, this.head + n);
            this.head += n;
            if (this.head === this.queue.length) {
                this.queue = [];
                this.head = 0;
            }
            else if (this.head > 1024) {
                this.queue = this.queue.slice(this.head);
                this.head = 0;
            }
            this.inFlight++;
            const p = this.sendBatch(batch).finally(() => {
                this.inFlight--;
                this.sending.delete(p);
                if (this.queued >= this.batchSize || (this.closed && this.queued > 0))
                    this.pump(this.closed);
                else if (this.queued > 0)
                    this.schedule(false);
            });
            this.sending.add(p);
        }
        if (this.queued > 0 && this.inFlight >= this.maxInFlight)
            return; // a finishing send pumps again
        if (this.queued > 0)
            this.schedule(false);
    }
    /** Records grouped by traced topic (as Java does), cut into messages of at most maxMessageBytes. Never rejects. */
    async sendBatch(batch) {
        const byTopic = new Map();
        for (const r of batch) {
            const t = r.beans[0]?.topic ?? '';
            let list = byTopic.get(t);
            if (!list)
                byTopic.set(t, (list = []));
            list.push(r);
        }
        for (const records of byTopic.values()) {
            let text = '';
            let keys = new Set();
            let count = 0;
            for (const r of records) {
                try {
                    const e = encodeTraceRecord(r);
                    text += e.data;
                    for (const k of e.keys)
                        keys.add(k);
                    count++;
                }
                catch (err) {
                    this.counts.failed++;
                    this.warn('message trace record could not be encoded', err);
                    continue;
                }
                if (Buffer.byteLength(text) >= this.maxMessageBytes) {
                    await this.sendOne(text, keys, count);
                    text = '';
                    keys = new Set();
                    count = 0;
                }
            }
            if (count > 0)
                await this.sendOne(text, keys, count);
        }
    }
    async sendOne(text, keys, count) {
        try {
            await this.o.send(this.topic, Buffer.from(text, 'utf8'), [...keys]);
            this.counts.sent += count;
        }
        catch (err) {
            this.counts.failed += count;
            this.warn('message trace send failed: records lost', err);
        }
    }
    /** At most one warning per flush interval (a paused trace broker must not flood the log). */
    warn(msg, err) {
        const now = Date.now();
        if (now - this.lastWarn < Math.max(this.flushIntervalMs, 1000))
            return;
        this.lastWarn = now;
        this.o.logger.warn({ topic: this.topic, ...this.counts, queued: this.queued, err }, msg);
    }
    /**
     * Stop accepting, send everything queued and wait for it up to `timeoutMs`; what is still queued then is counted
     * as dropped. Never rejects; idempotent.
     */
    async close(timeoutMs) {
        if (!this.closed) {
            this.closed = true;
            if (this.timer)
                clearTimeout(this.timer);
            if (this.immediate)
                clearImmediate(this.immediate);
            this.timer = undefined;
            this.immediate = undefined;
            this.pump(true);
        }
        let timer;
        const deadline = new Promise((resolve) => {
            timer = setTimeout(resolve, timeoutMs);
            timer.unref();
        });
        try {
            for (;;) {
                if (this.sending.size === 0 && this.queued > 0)
                    this.pump(true);
                if (this.sending.size === 0)
                    break;
                const progressed = await Promise.race([Promise.race([...this.sending]).then(() => true), deadline.then(() => false)]);
                if (!progressed)
                    break;
            }
        }
        finally {
            clearTimeout(timer);
        }
        if (this.queued > 0) {
            this.counts.dropped += this.queued;
            this.queue = [];
            this.head = 0;
        }
    }
}
/** A TraceSender over a client's own connections (so ACL and TLS apply): round robin over the trace topic's queues. */
export function clusterTraceSender(cluster, producerGroup, timeoutMs = 5000) {
    let counter = Math.floor(Math.random() * 1024);
    return async (topic, body, keys) => {
        const queues = await cluster.publishQueues(topic, false, timeoutMs);
        if (queues.length === 0)
            throw new Error(`trace topic '${topic}' has no writable queue (is traceTopicEnable set on the brokers, or the topic created?)`);
        const q = queues[counter++ % queues.length];
        const address = await cluster.findMasterAddressOrRefresh(q.brokerName, topic);
        const uniqId = createUniqId();
        const props = { UNIQ_KEY: uniqId, WAIT: 'true' };
        if (keys.length > 0)
            props.KEYS = keys.join(' ');
        await sendMessage(cluster.remoting, address, { producerGroup, topic, queueId: q.queueId, sysFlag: 0, bornTimestamp: Date.now(), flag: 0, properties: encodeProperties(props), brokerName: q.brokerName }, body, { timeoutMs, uniqId });
    };
}
//# sourceMappingURL=trace-dispatcher.js.map