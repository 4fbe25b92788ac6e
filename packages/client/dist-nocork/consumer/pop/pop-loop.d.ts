import type { PopOptions, PushConsumerOptions } from '../../config/consumer.js';
import { type MessageQueue } from '../../protocol/route.js';
import type { ConsumerContext } from '../context.js';
import type { Subscriptions } from '../subscriptions.js';
import type { HeldMessages } from './pop-held.js';
/** A POP loop of one assigned queue (queueId -1 = all queues of that broker). */
export interface Poller {
    readonly mq: MessageQueue;
    readonly controller: AbortController;
}
export interface PopLoopDeps {
    readonly ctx: ConsumerContext;
    readonly options: PushConsumerOptions;
    readonly pop: PopOptions;
    readonly subscriptions: Subscriptions;
    readonly held: HeldMessages;
    /** Aborted at close. */
    readonly stop: AbortSignal;
}
/** Runs until the poller is unassigned or the consumer closes. */
export declare function popLoop(p: Poller, d: PopLoopDeps): Promise<void>;
//# sourceMappingURL=pop-loop.d.ts.map