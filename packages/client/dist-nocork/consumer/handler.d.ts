/**
 * The user's handler contract, shared by both transports (remoting and proxy): call the handler (or batch handler)
 * once and report its outcome exactly once — `undefined` for success, the thrown value otherwise — whether it
 * returns synchronously or a promise. Traced on `rocketmq-ts:process` when someone subscribes.
 */
import type { MessageView } from '../protocol/message.js';
import type { MessageQueue } from '../protocol/route.js';
import { type ProcessTraceContext } from '../observability/channels.js';
/** The second argument of a handler: where the message comes from, and a signal to stop early. */
export interface MessageContext {
    /** Aborted when the handler times out (handlerTimeoutMs) or when close() reaches its deadline. */
    signal: AbortSignal;
    /** The queue the message (or batch) comes from. */
    queue: MessageQueue;
    /** The consumer group (without namespace). */
    group: string;
}
/** A push consumer's handler: resolve (or return) = consumed; throw (or reject) = retried later. */
export type MessageHandler = (message: MessageView, context: MessageContext) => Promise<void> | void;
/** A push consumer's batch handler: up to `batchSize` messages of one queue; the whole batch is retried on a throw. */
export type BatchHandler = (messages: MessageView[], context: MessageContext) => Promise<void> | void;
export interface HandlerOptions {
    handler?: unknown;
    batchHandler?: unknown;
}
export declare function runHandler(options: HandlerOptions, messages: MessageView[], context: MessageContext, settle: (error: unknown) => void, trace?: () => ProcessTraceContext): void;
/**
 * The context of one handler call, shared by both transports: it records when the call started and whether it is
 * finished or abandoned, and creates its AbortSignal only if the handler reads it (no allocation per message
 * otherwise).
 */
export declare class HandlerCall implements MessageContext {
    readonly queue: MessageQueue;
    readonly group: string;
    readonly startedAt: number;
    /** Completed (success, failure or timeout); later outcomes are ignored. */
    done: boolean;
    /** Abandoned by close(): nothing waits for it any more. */
    sealed: boolean;
    private controller?;
    private reason?;
    constructor(queue: MessageQueue, group: string);
    get signal(): AbortSignal;
    abort(reason: unknown): void;
}
//# sourceMappingURL=handler.d.ts.map