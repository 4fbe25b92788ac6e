/**
 * Settling popped messages with their brokers: acks (batched per broker into one BATCH_ACK_MESSAGE every few ms, or
 * one ACK_MESSAGE each), invisibility changes (renewal while a handler runs, the retry delay after a failure) and the
 * dead-letter move after the last retry (CONSUMER_SEND_MSG_BACK with delay level -1, then an ack: what the 5.x proxy
 * does for gRPC clients). Every request goes to the master of the broker named in the receipt.
 */
import { isRocketMQError, toRocketMQError } from '../../errors.js';
import { consumerSendMessageBack } from '../../cluster/broker-api.js';
import { ackMessage, batchAckMessage, changeInvisibleTime } from '../../cluster/pop-api.js';
import { MASTER_ID } from '../../protocol/route.js';
import { ResponseCode } from '../../remoting/codes.js';
import { popRealTopic } from '../../protocol/pop.js';
import { delay } from '../../util/async.js';
/** Acks wait this long for company before a batch goes out. */
const BATCH_WINDOW_MS = 5;
/** A batch goes out at once when it reaches this many receipts. */
const BATCH_MAX = 256;
const ACK_ATTEMPTS = 3;
const ACK_RETRY_MS = 500;
export class PopAcker {
    d;
    /** brokerName -> acks waiting for their batch. */
    queued = new Map();
    timer;
    batch;
    constructor(d) {
        this.d = d;
        this.batch = d.batch;
    }
    async master(brokerName, topic) {
        const found = this.d.cluster.findBrokerAddressInSubscribe(brokerName, MASTER_ID, true);
        if (found)
            return found.address;
        return this.d.cluster.findMasterAddressOrRefresh(brokerName, topic);
    }
    /** Ack one message; resolves when it is acked or given up (reported; the broker then delivers it again). */
    ack(topic, receipt) {
        if (!this.batch)
            return this.ackOne(topic, receipt);
        return new Promise((resolve) => {
            let list = this.queued.get(receipt.brokerName);
            if (!list)
                this.queued.set(receipt.brokerName, (list = []));
            list.push({ topic, receipt, resolve });
            if (list.length >= BATCH_MAX)
                this.flushBroker(receipt.brokerName);
            else
                this.timer ??= setTimeout(() => this.flush(), BATCH_WINDOW_MS);
        });
    }
    /** Send every queued batch now. */
    flush() {
        if (this.timer)
            clearTimeout(this.timer);
        this.timer = undefined;
        for (const broker of [...this.queued.keys()])
            this.flushBroker(broker);
    }
    flushBroker(brokerName) {
        const list = this.queued.get(brokerName);
        if (!list || list.length === 0)
            return;
        this.queued.delete(brokerName);
        const byTopic = new Map();
        for (const p of list) {
            let l = byTopic.get(p.topic);
            if (!l)
                byTopic.set(p.topic, (l = []));
            l.push(p);
        }
        for (const [topic, ps] of byTopic)
            void this.sendBatch(brokerName, topic, ps);
    }
    async sendBatch(brokerName, topic, ps) {
        try {
            const address = await this.master(brokerName, topic);
            await batchAckMessage(this.d.cluster.remoting, address, this.d.group, topic, ps.map((p) => p.receipt), this.d.requestTimeoutMs);
            for (const p of ps)
                p.resolve();
        }
        catch (e) {
            // A broker without BATCH_ACK (or a failed batch): ack one by one from now on / for these.
            if (isRocketMQError(e) && e.context.responseCode === ResponseCode.REQUEST_CODE_NOT_SUPPORTED)
                this.batch = false;
            await Promise.all(ps.map((p) => this.ackOne(p.topic, p.receipt).then(p.resolve)));
        }
    }
    async ackOne(topic, receipt) {
        for (let attempt = 1;; attempt++) {
            try {
                const address = await this.master(receipt.brokerName, topic);
                // false: the broker no longer has it (acked already, or its queue truncated): nothing to do.
                await ackMessage(this.d.cluster.remoting, address, this.d.group, topic, receipt, this.d.requestTimeoutMs);
                return;
            }
            catch (e) {
                if (attempt >= ACK_ATTEMPTS) {
                    this.d.report(toRocketMQError(e, 'ERR_BROKER', `ack failed; the broker delivers the message again after its invisible time`, ctx(this.d.group, topic, receipt)));
                    return;
                }
                await delay(ACK_RETRY_MS * attempt);
            }
        }
    }
    /**
     * Hide the message for `ms` from now (a renewal, or a retry delay). Returns the new receipt, or undefined when the
     * broker no longer holds it (then it was acked, or it already came back to the group) or the change failed
     * (reported; it comes back when its current invisibility ends).
     */
    async changeInvisible(topic, receipt, ms, what) {
        try {
            const address = await this.master(receipt.brokerName, topic);
            return await changeInvisibleTime(this.d.cluster.remoting, address, this.d.group, topic, receipt, ms, this.d.requestTimeoutMs);
        }
        catch (e) {
            this.d.report(toRocketMQError(e, 'ERR_BROKER', `${what} failed; the message comes back when its current invisibility ends`, ctx(this.d.group, topic, receipt)));
            return undefined;
        }
    }
    /** After the last retry: store the message in %DLQ%<group> (the broker's send-back with level -1), then ack it. */
    async deadLetter(m, receipt, maxReconsumeTimes) {
        const topic = m.topic;
        try {
            const address = await this.master(receipt.brokerName, topic);
            await consumerSendMessageBack(this.d.cluster.remoting, address, {
                group: this.d.group,
                commitLogOffset: m.commitLogOffset,
                delayLevel: -1,
                originMsgId: m.msgId,
                originTopic: popRealTopic(topic, this.d.group, receipt.retryFlag),
                maxReconsumeTimes,
                brokerName: receipt.brokerName,
            });
        }
        catch (e) {
            this.d.report(toRocketMQError(e, 'ERR_BROKER', `moving ${m.msgId} to %DLQ%${this.d.group} failed; it comes back after its invisible time`, ctx(this.d.group, topic, receipt)));
            return false;
        }
        await this.ack(topic, receipt);
        return true;
    }
    /** Send what is queued and stop batching (close). */
    close() {
        this.flush();
        this.batch = false;
    }
}
function ctx(group, topic, r) {
    return { group, topic, broker: r.brokerName, queueId: r.queueId, offset: r.queueOffset };
}
//# sourceMappingURL=pop-acker.js.map