import { mqKey } from '../protocol/route.js';
import { Notifier } from '../util/async.js';
import { consoleRunningInfo } from './push-policy.js';
export class PullPolicy {
    host;
    options;
    consumeType = 'CONSUME_ACTIVELY';
    readsRetryTopic = false;
    commitOnPull = false;
    /** Always sent (as Java's lite pull does), so assigned queues need no registered subscription. */
    sendSubscriptionOnPull = true;
    maxSpan = Infinity;
    /** Position after the last message handed out, per queue (what commit() stores). */
    polled = new Map();
    /** Wakes waiting polls when messages arrive (and at close / resume). */
    arrivals = new Notifier();
    rotation = 0;
    /** Messages handed out by poll() (the console's consumedMessages). */
    handedOut = 0;
    /** GET_CONSUMER_RUNNING_INFO (the console, Admin.describeGroup): this member's queues and settings. */
    registration = {
        runningInfo: () => consoleRunningInfo(this.options, this.host, { orderly: false, consumeType: 'CONSUME_ACTIVELY', consumed: this.handedOut, failed: 0 }),
    };
    constructor(host, options) {
        this.host = host;
        this.options = options;
    }
    /** Readers stop fetching while the total cache is at `maxCachedMessages` (Java pullThresholdForAll). */
    canPull() {
        return this.cached() < this.options.maxCachedMessages;
    }
    cached() {
        let n = 0;
        for (const pq of this.host.queues())
            n += pq.count;
        return n;
    }
    deliver() {
        this.arrivals.notify();
    }
    markConsumed(pq, offset) {
        if (offset < 0 || pq.dropped)
            return;
        const cur = this.polled.get(pq.key);
        if (!cur || offset > cur.offset)
            this.polled.set(pq.key, { mq: pq.mq, offset });
        if (this.options.autoCommit)
            this.host.offsets.update(pq.mq, offset, true, pq.key);
    }
    /** Nothing runs on the application's behalf: a handed-out message is consumed. */
    async drain() { }
    /** With auto-commit, releasing a queue commits what was handed out; without, only what commit() stored is kept. */
    releaseOffset(pq) {
        return this.options.autoCommit ? pq.consumedOffset() : -1;
    }
    /** Hand out up to `max` cached messages, rotating over the queues; marks them consumed. */
    take(max) {
        const out = [];
        const pqs = [...this.host.queues()];
        if (pqs.length === 0)
            return out;
        this.rotation = (this.rotation + 1) % pqs.length;
        for (let i = 0; i < pqs.length && out.length < max; i++) {
            const pq = pqs[(this.rotation + i) % pqs.length];
            if (pq.dropped || pq.paused || pq.count === 0)
                continue;
            const from = out.length;
            pq.takeOldest(max - out.length, out);
            this.markConsumed(pq, pq.consumedOffset());
            if (this.host.tracer)
                this.host.tracer.polled(out.slice(from));
        }
        if (out.length > 0)
            for (const pq of pqs)
                pq.notify(); // readers blocked on the total cache limit
        this.handedOut += out.length;
        return out;
    }
    /** commit(offsets): remember exactly these positions. */
    setPosition(mq, offset) {
        this.polled.set(mqKey(mq), { mq, offset });
        this.host.offsets.update(mq, offset, false);
    }
    /** commit(): store every position handed out so far. */
    storePositions() {
        for (const { mq, offset } of this.polled.values())
            this.host.offsets.update(mq, offset, false);
    }
}
//# sourceMappingURL=pull-policy.js.map