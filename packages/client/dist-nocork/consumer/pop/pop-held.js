import { toRocketMQError } from '../../errors.js';
import { consumerSendMessageBack } from '../../cluster/broker-api.js';
import { POP_CK, formatPopReceipt } from '../../protocol/pop.js';
import { matchesTags } from '../../protocol/tag.js';
import { Notifier, withTimeout } from '../../util/async.js';
/** The sweep that renews invisibility runs this often. */
export const SWEEP_MS = 1000;
export class HeldMessages {
    d;
    /** Signalled whenever room for another POP may have appeared (a message settled, a request came back). */
    changes = new Notifier();
    held = new Set();
    settling = new Set();
    /** POP requests in flight count against maxInFlight with the batch they asked for. */
    reserved = 0;
    /** Held messages not yet settled (waiting for or running in a handler): what maxInFlight bounds. */
    active = 0;
    consumed = 0;
    failed = 0;
    constructor(d) {
        this.d = d;
    }
    /** Messages a POP request may still ask for. */
    room() {
        return this.d.maxInFlight - this.active - this.reserved;
    }
    /** A POP request asks for `n` messages (released when it comes back, whatever it brought). */
    reserve(n) {
        this.reserved += n;
    }
    unreserve(n) {
        this.reserved -= n;
    }
    /** Unsettled messages (waiting for or running in a handler). */
    get unsettled() {
        return this.active;
    }
    /** Bytes of the bodies of unsettled messages. */
    unsettledBytes() {
        let bytes = 0;
        for (const h of this.held)
            if (!h.done)
                bytes += h.view.body.length;
        return bytes;
    }
    /** A POP answer: messages that do not match the tags are acked at once (Java does too); the rest go to handlers. */
    accept(r) {
        const now = Date.now();
        let batch = [];
        const submit = () => {
            const first = batch[0];
            this.d.submit({ queue: { topic: first.view.topic, brokerName: first.receipt.brokerName, queueId: first.view.queueId }, messages: batch.map((h) => h.view), held: batch });
            batch = [];
        };
        for (let i = 0; i < r.messages.length; i++) {
            const view = r.messages[i];
            const receipt = r.receipts[i];
            const sub = this.d.subscriptions.get(view.topic);
            if (sub && !matchesTags(sub, view.tags)) {
                this.track(this.d.acker.ack(view.topic, receipt));
                continue;
            }
            const h = { view, receipt, hiddenUntil: now + r.invisibleTime, op: Promise.resolve(), done: false };
            this.held.add(h);
            this.active++;
            batch.push(h);
            if (batch.length === this.d.options.batchSize)
                submit();
        }
        if (batch.length > 0)
            submit();
    }
    /** A handler finished: ack, or hand the messages back for a retry (the pool slot frees at once; settling goes on). */
    finish(job, error) {
        if (error === undefined)
            this.consumed += job.held.length;
        else {
            this.failed += job.held.length;
            if (this.d.events.listenerCount('handler.error') > 0) {
                const dlq = job.held.every((h) => h.view.reconsumeTimes >= this.d.maxReconsumeTimes);
                this.d.events.emit('handler.error', { messages: job.messages, error, retry: !dlq, queue: job.queue, ...(dlq ? { dlq } : {}) });
            }
        }
        for (const h of job.held)
            this.settle(h, error === undefined ? () => this.d.acker.ack(h.view.topic, h.receipt) : () => this.retryLater(h));
    }
    settle(h, run) {
        h.done = true;
        // Its handler is done: room for the next POP now, while the ack or retry goes out.
        this.active--;
        this.changes.notify();
        h.op = h.op.then(run).then(() => undefined, (e) => this.d.ctx.report(toRocketMQError(e, 'ERR_BROKER', 'settling a popped message failed')));
        this.track(h.op.finally(() => {
            this.held.delete(h);
            this.changes.notify();
        }));
    }
    track(p) {
        this.settling.add(p);
        void p.finally(() => this.settling.delete(p));
    }
    /** Hide the message for the retry delay of its attempt; after the last attempt, move it to the DLQ. */
    async retryLater(h) {
        const m = h.view;
        if (m.reconsumeTimes >= this.d.maxReconsumeTimes) {
            await this.d.acker.deadLetter(m, h.receipt, this.d.maxReconsumeTimes);
            return;
        }
        const delays = this.d.pop.retryDelaysMs;
        await this.d.acker.changeInvisible(m.topic, h.receipt, delays[Math.min(m.reconsumeTimes, delays.length - 1)], `handing ${m.msgId} back for a retry`);
    }
    /** invalidPayload 'dlq': the message of a running job goes to the DLQ; the job then succeeds and acks it. */
    async deadLetterNow(m) {
        const h = [...this.held].find((x) => x.view === m);
        if (!h)
            return;
        const cluster = this.d.ctx.cluster;
        const address = await cluster.findMasterAddressOrRefresh(h.receipt.brokerName, m.topic);
        await consumerSendMessageBack(cluster.remoting, address, {
            group: this.d.options.group,
            commitLogOffset: m.commitLogOffset,
            delayLevel: -1,
            originMsgId: m.msgId,
            originTopic: m.topic,
            maxReconsumeTimes: this.d.maxReconsumeTimes,
            brokerName: h.receipt.brokerName,
        });
    }
    /** Renew held messages whose invisibility ends within a third of the invisible time (and at least 2 sweeps). */
    sweep() {
        const now = Date.now();
        const invisible = this.d.pop.invisibleTimeMs;
        const margin = Math.max(invisible / 3, 2 * SWEEP_MS);
        for (const h of this.held) {
            if (h.done || h.hiddenUntil - now > margin)
                continue;
            h.hiddenUntil = now + invisible;
            h.op = h.op.then(async () => {
                if (h.done)
                    return;
                const next = await this.d.acker.changeInvisible(h.view.topic, h.receipt, invisible, `renewing the invisibility of ${h.view.msgId}`);
                if (next) {
                    h.receipt = next;
                    h.view.setProperty(POP_CK, formatPopReceipt(next));
                }
            });
        }
    }
    /** At close: jobs that will never run (or were abandoned) stop being held; their messages come back after their invisible time. */
    release(jobs) {
        for (const job of jobs) {
            for (const h of job.held) {
                if (!h.done)
                    this.active--;
                h.done = true;
                this.held.delete(h);
            }
        }
        this.changes.notify();
    }
    /** Waits up to `timeoutMs` for the acks and retries under way (an ack saves a redelivery). */
    async settled(timeoutMs) {
        if (this.settling.size > 0)
            await withTimeout(Promise.allSettled([...this.settling]), timeoutMs);
    }
}
//# sourceMappingURL=pop-held.js.map