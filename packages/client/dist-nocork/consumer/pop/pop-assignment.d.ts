import type { PopOptions, PushConsumerOptions } from '../../config/consumer.js';
import { type MessageQueue } from '../../protocol/route.js';
import type { ConsumerContext } from '../context.js';
import type { Subscriptions } from '../subscriptions.js';
import type { Poller } from './pop-loop.js';
/**
 * REQUEST_CODE_NOT_SUPPORTED to a POP request: a 4.x broker, or the 5.x proxy's remoting port (it forwards neither
 * SET_MESSAGE_REQUEST_MODE nor QUERY_ASSIGNMENT, and answers no ACK_MESSAGE): ERR_UNSUPPORTED_VERSION saying so.
 */
export declare function popUnsupported(e: unknown, address: string): unknown;
export interface AssignmentDeps {
    readonly ctx: ConsumerContext;
    readonly options: PushConsumerOptions;
    readonly pop: PopOptions;
    readonly subscriptions: Subscriptions;
    readonly isRunning: () => boolean;
    /** Starts the POP loop of a newly assigned queue (its controller aborts it when the queue is taken away). */
    readonly startLoop: (p: Poller) => void;
}
export declare class PopAssignment {
    private readonly d;
    private readonly pollers;
    private chain;
    private pending;
    constructor(d: AssignmentDeps);
    /** The assigned POP queues, sorted (queueId -1: every queue of that broker). */
    queues(): MessageQueue[];
    /** SET_MESSAGE_REQUEST_MODE POP on every master that serves the topic (what `mqadmin setConsumeMode -c` does). */
    setRequestMode(topic: string): Promise<void>;
    /** Asks for a pass soon (folded into one already queued). */
    trigger(reason: string): void;
    /** One pass now (after the one under way). At start (`first`), a server that does not do POP at all throws. */
    pass(first?: boolean): Promise<boolean>;
    /** Stops every POP loop (close). */
    stopLoops(): void;
    /** Resolves when the pass under way and those queued, if any, are over. */
    idle(): Promise<void>;
    private serialize;
    /** One QUERY_ASSIGNMENT per topic; start and stop POP loops to match. Resolves true when every topic answered. */
    private assign;
    /** Ask a broker of the topic (a random master first, the others if it fails). undefined: no answer yet. */
    private queryTopic;
}
//# sourceMappingURL=pop-assignment.d.ts.map