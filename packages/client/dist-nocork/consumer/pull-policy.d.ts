/**
 * Pull consumption (Java DefaultLitePullConsumer): readers fill the queues' caches up to a total bound; `take` hands
 * cached messages to poll(), rotating over the queues, and records the position after them (what commit() stores;
 * also the offset store's with auto-commit). Idle polls wait on a notifier that forgets them when they end.
 */
import type { PullConsumerOptions } from '../config/consumer.js';
import type { MessageView } from '../protocol/message.js';
import { type MessageQueue } from '../protocol/route.js';
import { Notifier } from '../util/async.js';
import type { ConsumptionPolicy, PolicyHost } from './policy.js';
import type { ProcessQueue } from './process-queue.js';
export declare class PullPolicy implements ConsumptionPolicy {
    private readonly host;
    private readonly options;
    readonly consumeType = "CONSUME_ACTIVELY";
    readonly readsRetryTopic = false;
    readonly commitOnPull = false;
    /** Always sent (as Java's lite pull does), so assigned queues need no registered subscription. */
    readonly sendSubscriptionOnPull = true;
    readonly maxSpan: number;
    /** Position after the last message handed out, per queue (what commit() stores). */
    readonly polled: Map<string, {
        mq: MessageQueue;
        offset: number;
    }>;
    /** Wakes waiting polls when messages arrive (and at close / resume). */
    readonly arrivals: Notifier;
    private rotation;
    /** Messages handed out by poll() (the console's consumedMessages). */
    private handedOut;
    /** GET_CONSUMER_RUNNING_INFO (the console, Admin.describeGroup): this member's queues and settings. */
    readonly registration: {
        runningInfo: () => {
            properties: Record<string, string>;
            subscriptionSet: ReturnType<PolicyHost["subscriptions"]>;
            mqTable: Array<[MessageQueue, Record<string, unknown>]>;
        };
    };
    constructor(host: PolicyHost, options: PullConsumerOptions);
    /** Readers stop fetching while the total cache is at `maxCachedMessages` (Java pullThresholdForAll). */
    canPull(): boolean;
    private cached;
    deliver(): void;
    markConsumed(pq: ProcessQueue, offset: number): void;
    /** Nothing runs on the application's behalf: a handed-out message is consumed. */
    drain(): Promise<void>;
    /** With auto-commit, releasing a queue commits what was handed out; without, only what commit() stored is kept. */
    releaseOffset(pq: ProcessQueue): number;
    /** Hand out up to `max` cached messages, rotating over the queues; marks them consumed. */
    take(max: number): MessageView[];
    /** commit(offsets): remember exactly these positions. */
    setPosition(mq: MessageQueue, offset: number): void;
    /** commit(): store every position handed out so far. */
    storePositions(): void;
}
//# sourceMappingURL=pull-policy.d.ts.map