/**
 * The handler pool both push transports share: jobs (a batch of messages) wait in a FIFO, at most `concurrency` run
 * at once, one timer sweeps handler deadlines (no timer per message), `drain` waits for the jobs of some queues, and
 * `close` waits for every running job up to a deadline and then abandons (seals) the rest. What a finished job means
 * (commit, send back, ack) is the transport's `settle` callback.
 */
import { RocketMQError } from '../errors.js';
import type { MessageView } from '../protocol/message.js';
import type { MessageQueue } from '../protocol/route.js';
import type { MessageTracer, SubToken } from '../observability/message-tracer.js';
import { HandlerCall, type HandlerOptions } from './handler.js';
export interface PoolJob {
    readonly queue: MessageQueue;
    readonly messages: MessageView[];
}
/** A running job; also the handler's context. */
export declare class RunningJob<J extends PoolJob> extends HandlerCall {
    readonly job: J;
    /** The call's SubBefore record, when message trace is on. */
    trace: SubToken | undefined;
    constructor(job: J, group: string);
}
export interface HandlerPoolOptions<J extends PoolJob> {
    handlers: HandlerOptions;
    group: string;
    model: 'clustering' | 'broadcasting';
    concurrency: number;
    handlerTimeoutMs: number;
    /** A job finished (error undefined = success); the slot stays taken until the returned promise settles. */
    settle(job: J, error: unknown): Promise<void> | void;
    /** A job that should no longer start (its queue was revoked); it is dropped unstarted. */
    stale?(job: J): boolean;
    report(err: RocketMQError): void;
    /** Message trace: a SubBefore record as a job starts, a SubAfter as it finishes. */
    tracer?: MessageTracer | undefined;
}
export declare class HandlerPool<J extends PoolJob> {
    private readonly o;
    private readonly pending;
    private head;
    readonly running: Set<RunningJob<J>>;
    private readonly changes;
    private sweepTimer?;
    private closed;
    constructor(o: HandlerPoolOptions<J>);
    /** Jobs waiting for a slot. */
    get queued(): number;
    submit(job: J): void;
    /** Forget the jobs that have not started; returns them. */
    clearPending(): J[];
    private pump;
    private run;
    /** Complete a running job once: success, failure or timeout (whichever comes first). */
    private finish;
    /** One timer checks handler deadlines for all running jobs; it stops when nothing runs. */
    private ensureSweep;
    /** Time out handlers past handlerTimeoutMs (their signal aborts; the job settles with ERR_HANDLER_TIMEOUT). */
    sweep(now?: number): void;
    /** Wait until no (unsealed) running job matches, or until the signal aborts. */
    drain(matches: (job: J) => boolean, signal: AbortSignal): Promise<void>;
    /**
     * Stop starting jobs, wait for the running ones until `deadline` aborts, then abandon the rest: their signals abort
     * and their late outcomes are ignored. Returns how many messages finished and how many were abandoned.
     */
    close(deadline: AbortSignal): Promise<{
        drained: number;
        abandoned: number;
        abandonedJobs: J[];
    }>;
}
//# sourceMappingURL=handler-pool.d.ts.map