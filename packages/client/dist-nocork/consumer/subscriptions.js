import { buildSubscriptionData, matchesTags } from '../protocol/tag.js';
import { RETRY_PREFIX } from '../protocol/namespace.js';
export class Subscriptions {
    table = new Map();
    retryTopic;
    /**
     * `withRetryTopic`: also read `%RETRY%<group>` (Java's automatic subscription of clustering push consumers; the
     * pull consumer never sends messages back, so it has none, as Java's lite pull).
     */
    constructor(group, subscriptions, withRetryTopic) {
        this.retryTopic = RETRY_PREFIX + group;
        const version = Date.now();
        for (const [topic, expr] of Object.entries(subscriptions))
            this.table.set(topic, buildSubscriptionData(topic, expr, version));
        if (withRetryTopic && this.table.size > 0)
            this.table.set(this.retryTopic, buildSubscriptionData(this.retryTopic, '*', version));
    }
    get(topic) {
        return this.table.get(topic);
    }
    has(topic) {
        return this.table.has(topic);
    }
    topics() {
        return this.table.keys();
    }
    list() {
        return [...this.table.values()];
    }
    /** Topics whose route must exist at start (the retry topic appears with the first retried message). */
    requiredTopics() {
        return [...this.table.keys()].filter((t) => t !== this.retryTopic);
    }
    /** Read a topic with every tag (assign mode: queues given by hand). */
    addAll(topic) {
        if (!this.table.has(topic))
            this.table.set(topic, buildSubscriptionData(topic, '*', Date.now()));
    }
    /** Messages of one pull that match the subscription; a retried message gets its original topic back. */
    accept(topic, messages) {
        const sub = this.table.get(topic);
        const retry = topic === this.retryTopic;
        // The common case (no tag filter, not the retry topic) reads nothing of the messages: the batch as pulled.
        if (!retry && (!sub || matchesTags(sub, undefined)))
            return messages;
        const kept = [];
        for (const m of messages) {
            if (sub && !matchesTags(sub, m.tags))
                continue;
            if (retry) {
                const real = m.getProperty('RETRY_TOPIC');
                if (real)
                    m.topic = real;
            }
            kept.push(m);
        }
        return kept;
    }
}
//# sourceMappingURL=subscriptions.js.map