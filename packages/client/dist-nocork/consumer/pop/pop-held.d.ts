/**
 * The messages a POP member holds: popped and not yet settled (waiting for a handler, running, or being acked).
 *
 * - Flow control: `maxInFlight` bounds unsettled messages plus the batches that POP requests in flight asked for.
 * - Hand-off: a POP answer becomes handler-pool jobs of `batchSize`; messages the subscription's tags refuse are acked
 *   at once (Java does too).
 * - Settling, exactly once per message: ack on success; on failure the message is hidden for the retry delay of its
 *   attempt (the broker delivers it again with reconsumeTimes + 1), or moved to %DLQ%<group> after the last attempt.
 * - Renewal: a sweep extends the invisibility of held messages before it ends, so a long handler keeps its message.
 *   What this member never settles (it died, or close() abandoned it) comes back after the invisible time.
 */
import type { EventEmitter } from 'node:events';
import type { PopOptions, PushConsumerOptions } from '../../config/consumer.js';
import type { PopResult } from '../../cluster/pop-api.js';
import type { MessageView } from '../../protocol/message.js';
import { type PopReceipt } from '../../protocol/pop.js';
import { Notifier } from '../../util/async.js';
import type { ConsumerContext } from '../context.js';
import type { PoolJob } from '../handler-pool.js';
import type { PushEvents } from '../push-policy.js';
import type { Subscriptions } from '../subscriptions.js';
import type { PopAcker } from './pop-acker.js';
/** The sweep that renews invisibility runs this often. */
export declare const SWEEP_MS = 1000;
/** One popped message while this member holds it (queued, running, or being settled). */
export interface Held {
    readonly view: MessageView;
    /** Replaced by each invisibility change. */
    receipt: PopReceipt;
    /** When its invisibility ends unless renewed (local clock). */
    hiddenUntil: number;
    /** Serializes renewals and the final ack / retry on this message's receipt. */
    op: Promise<void>;
    done: boolean;
}
export interface PopJob extends PoolJob {
    readonly held: Held[];
}
export interface HeldDeps {
    readonly ctx: ConsumerContext;
    readonly options: PushConsumerOptions;
    readonly pop: PopOptions;
    readonly subscriptions: Subscriptions;
    readonly acker: PopAcker;
    readonly events: EventEmitter<PushEvents>;
    readonly maxInFlight: number;
    readonly maxReconsumeTimes: number;
    /** Hands a job to the handler pool. */
    readonly submit: (job: PopJob) => void;
}
export declare class HeldMessages {
    private readonly d;
    /** Signalled whenever room for another POP may have appeared (a message settled, a request came back). */
    readonly changes: Notifier;
    private readonly held;
    private readonly settling;
    /** POP requests in flight count against maxInFlight with the batch they asked for. */
    private reserved;
    /** Held messages not yet settled (waiting for or running in a handler): what maxInFlight bounds. */
    private active;
    consumed: number;
    failed: number;
    constructor(d: HeldDeps);
    /** Messages a POP request may still ask for. */
    room(): number;
    /** A POP request asks for `n` messages (released when it comes back, whatever it brought). */
    reserve(n: number): void;
    unreserve(n: number): void;
    /** Unsettled messages (waiting for or running in a handler). */
    get unsettled(): number;
    /** Bytes of the bodies of unsettled messages. */
    unsettledBytes(): number;
    /** A POP answer: messages that do not match the tags are acked at once (Java does too); the rest go to handlers. */
    accept(r: PopResult): void;
    /** A handler finished: ack, or hand the messages back for a retry (the pool slot frees at once; settling goes on). */
    finish(job: PopJob, error: unknown): void;
    private settle;
    private track;
    /** Hide the message for the retry delay of its attempt; after the last attempt, move it to the DLQ. */
    private retryLater;
    /** invalidPayload 'dlq': the message of a running job goes to the DLQ; the job then succeeds and acks it. */
    deadLetterNow(m: MessageView): Promise<void>;
    /** Renew held messages whose invisibility ends within a third of the invisible time (and at least 2 sweeps). */
    sweep(): void;
    /** At close: jobs that will never run (or were abandoned) stop being held; their messages come back after their invisible time. */
    release(jobs: PopJob[]): void;
    /** Waits up to `timeoutMs` for the acks and retries under way (an ack saves a redelivery). */
    settled(timeoutMs: number): Promise<void>;
}
//# sourceMappingURL=pop-held.d.ts.map