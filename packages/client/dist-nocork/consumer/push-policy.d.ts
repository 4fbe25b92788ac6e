/**
 * Concurrent push consumption (Java ConsumeMessageConcurrentlyService): pulled messages go to the shared handler pool
 * in batches of `batchSize`; a success moves the queue's consumed offset to its lowest unfinished message; a failure
 * is sent back to the broker for a later retry (clustering; kept and retried here after 5 s if that fails) or
 * reported and skipped (broadcasting). Also answers the console's running-info and consume-directly requests.
 */
import type { EventEmitter } from 'node:events';
import { type PushConsumerOptions } from '../config/consumer.js';
import type { MessageView } from '../protocol/message.js';
import type { MessageQueue } from '../protocol/route.js';
import { HandlerPool, type PoolJob } from './handler-pool.js';
import type { HandlerPolicy, PolicyHost } from './policy.js';
import type { ProcessQueue } from './process-queue.js';
import type { PushConsumerEvents } from './types.js';
/** `maxReconsumeTimes` of concurrent consumption: unset or -1 = 16 (Java); the ordered modes default to unbounded. */
export declare const concurrentMaxReconsumeTimes: (v: number | undefined) => number;
/** The events a push policy emits: the push consumer's (types.ts). */
export type PushEvents = PushConsumerEvents;
interface Job extends PoolJob {
    readonly pq: ProcessQueue;
}
export declare class PushPolicy implements HandlerPolicy {
    private readonly host;
    private readonly options;
    private readonly events;
    readonly consumeType = "CONSUME_PASSIVELY";
    readonly readsRetryTopic = true;
    readonly commitOnPull = true;
    readonly sendSubscriptionOnPull = false;
    readonly maxSpan = 2000;
    readonly registration: {
        runningInfo: () => {
            properties: Record<string, string>;
            subscriptionSet: ReturnType<PolicyHost["subscriptions"]>;
            mqTable: Array<[MessageQueue, Record<string, unknown>]>;
        };
        consumeMessageDirectly: (m: MessageView) => Promise<{
            consumeResult: string;
            remark?: string;
            spentTimeMills: number;
        }>;
    };
    readonly pool: HandlerPool<Job>;
    private consumed;
    private failed;
    constructor(host: PolicyHost, options: PushConsumerOptions, events: EventEmitter<PushEvents>);
    canPull(): boolean;
    deliver(pq: ProcessQueue, messages: MessageView[]): void;
    markConsumed(pq: ProcessQueue, offset: number): void;
    drain(pqs: readonly ProcessQueue[], signal: AbortSignal): Promise<void>;
    releaseOffset(pq: ProcessQueue): number;
    close(deadline: AbortSignal): Promise<{
        drained: number;
        abandoned: number;
    }>;
    private succeeded;
    private failedJob;
    private sendBack;
    private runningInfo;
    private consumeDirectly;
}
/**
 * The answer to the console's GET_CONSUMER_RUNNING_INFO, shared by the concurrent and the ordered push policies
 * (the property names are the Java client's ConsumerRunningInfo keys).
 */
export declare function consoleRunningInfo(o: Pick<PushConsumerOptions, 'group' | 'pullBatchSize' | 'nameServer'> & Partial<Pick<PushConsumerOptions, 'concurrency' | 'batchSize'>>, host: PolicyHost, info: {
    orderly: boolean;
    consumeType?: 'CONSUME_PASSIVELY' | 'CONSUME_ACTIVELY';
    maxReconsumeTimes?: number;
    consumed: number;
    failed: number;
    suspendMs?: number;
    locked?: (mq: MessageQueue) => boolean;
}): {
    properties: Record<string, string>;
    subscriptionSet: ReturnType<PolicyHost['subscriptions']>;
    mqTable: Array<[MessageQueue, Record<string, unknown>]>;
};
export {};
//# sourceMappingURL=push-policy.d.ts.map