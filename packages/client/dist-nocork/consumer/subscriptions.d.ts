/**
 * The member's subscription table: topic -> SubscriptionData (sent in heartbeats and with pulls), the group's retry
 * topic, and the client-side tag re-check of pulled messages (the broker filters by tag hash only).
 */
import type { MessageView } from '../protocol/message.js';
import { type SubscriptionData } from '../protocol/tag.js';
import type { SubscriptionExpression } from '../config/consumer.js';
export declare class Subscriptions {
    private readonly table;
    readonly retryTopic: string;
    /**
     * `withRetryTopic`: also read `%RETRY%<group>` (Java's automatic subscription of clustering push consumers; the
     * pull consumer never sends messages back, so it has none, as Java's lite pull).
     */
    constructor(group: string, subscriptions: Readonly<Record<string, SubscriptionExpression>>, withRetryTopic: boolean);
    get(topic: string): SubscriptionData | undefined;
    has(topic: string): boolean;
    topics(): IterableIterator<string>;
    list(): SubscriptionData[];
    /** Topics whose route must exist at start (the retry topic appears with the first retried message). */
    requiredTopics(): string[];
    /** Read a topic with every tag (assign mode: queues given by hand). */
    addAll(topic: string): void;
    /** Messages of one pull that match the subscription; a retried message gets its original topic back. */
    accept(topic: string, messages: MessageView[]): MessageView[];
}
//# sourceMappingURL=subscriptions.d.ts.map