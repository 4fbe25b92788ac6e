/**
 * The message trace hooks of one client (Java SendMessageTraceHookImpl / ConsumeMessageTraceHookImpl): they build the
 * Pub, SubBefore and SubAfter records and hand them to the client's TraceDispatcher. Every hook is synchronous and
 * catches everything: tracing never fails or delays a send or a handler.
 */
import type { Logger } from '../logger.js';
import type { ClusterPort } from '../cluster/port.js';
import type { MessageView } from '../protocol/message.js';
import { TraceDispatcher, type TraceStats } from './trace-dispatcher.js';
import { type TraceRecord } from './trace-format.js';
/** The parsed `trace` option: undefined = off. */
export interface TraceOption {
    topic: string;
}
/** One message of a successful send, as the Pub record needs it. */
export interface PubInput {
    /** As sent (possibly with the namespace; it is stripped). */
    topic: string;
    msgId: string;
    offsetMsgId: string;
    tags: string | undefined;
    keys: string | undefined;
    storeHost: string;
    bodyLength: number;
    delayed: boolean;
}
/** A started handler call: its SubBefore, kept until the SubAfter. */
export interface SubToken {
    readonly record: TraceRecord;
    readonly count: number;
}
export declare class MessageTracer {
    private readonly group;
    private readonly namespace;
    private readonly logger;
    readonly dispatcher: TraceDispatcher;
    constructor(group: string, namespace: string | undefined, dispatcher: TraceDispatcher, logger: Logger);
    /** A tracer sending over `cluster`'s connections; `kind` names the trace producer group as Java does (PRODUCE / CONSUME). */
    static create(option: TraceOption, cluster: ClusterPort, group: string, namespace: string | undefined, kind: 'PRODUCE' | 'CONSUME', logger: Logger): MessageTracer;
    stats(): TraceStats;
    /**
     * A send succeeded: one Pub record per message (a batch gives one per message, each with its own msgId, so
     * queryMsgTraceById finds each; Java writes one record with the joined ids). `traceOn` false (the broker's
     * TRACE_ON) skips it, as Java does.
     */
    pub(started: number, ok: boolean, regionId: string | undefined, traceOn: boolean, messages: readonly PubInput[]): void;
    /** A handler call starts: the SubBefore record (messages with TRACE_ON=false are left out). */
    before(messages: readonly MessageView[]): SubToken | undefined;
    /** The handler call ended: `error` undefined = consumed; ERR_HANDLER_TIMEOUT = TIME_OUT, any other = EXCEPTION. */
    after(token: SubToken | undefined, error: unknown): void;
    /** Pull consumer: messages handed out by poll() are consumed (Java lite pull writes SubBefore and SubAfter at once). */
    polled(messages: readonly MessageView[]): void;
    close(timeoutMs: number): Promise<void>;
}
/** The option as given: `true`, `{ topic }`, or off. */
export declare function traceOption(v: boolean | {
    topic?: string | undefined;
} | undefined): TraceOption | undefined;
//# sourceMappingURL=message-tracer.d.ts.map