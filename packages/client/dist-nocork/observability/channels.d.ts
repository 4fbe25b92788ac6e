/**
 * Tracing through `node:diagnostics_channel`, named and shaped for OpenTelemetry's messaging conventions
 * (`messaging.*` attributes, RocketMQ section). An APM agent or your own code subscribes; when nobody does, the cost is
 * one `hasSubscribers` check per batch.
 *
 *   import { tracingChannel, type TracingChannel } from 'node:diagnostics_channel'
 *   tracingChannel('rocketmq-ts:process').subscribe({ start(ctx) {}, asyncEnd(ctx) {}, error(ctx) {} })
 *
 * Channels: `rocketmq-ts:process` (a handler call: kind CONSUMER) and `rocketmq-ts:send` (a producer send: kind PRODUCER).
 * The context object carries `attributes` (OTel names) and, on failure, `error` (with `error.type` = our error code).
 *
 * Trace context propagation: on `send`, the context carries the outgoing `messages` and a writable `properties` record;
 * what a `start` subscriber puts there (e.g. W3C `traceparent`/`tracestate`) is added to every message's properties
 * before it is encoded. On `process`, the context carries the delivered `messages` (MessageView, with `properties`), so a
 * subscriber can extract the producer's context (`traceparent` user property, or `TRACE_CONTEXT` from gRPC clients).
 */
import { type TracingChannel } from 'node:diagnostics_channel';
import type { MessageView } from '../protocol/message.js';
import type { Message } from '../protocol/send-message.js';
/** The tracing channel of handler calls (`tracingChannel(PROCESS_CHANNEL)`): one event per handler call, kind CONSUMER. */
export declare const PROCESS_CHANNEL = "rocketmq-ts:process";
/** The tracing channel of sends (`tracingChannel(SEND_CHANNEL)`): one event per send, kind PRODUCER. */
export declare const SEND_CHANNEL = "rocketmq-ts:send";
/** OpenTelemetry messaging attributes by their OTel names, e.g. `messaging.destination.name`. */
export type MessagingAttributes = Record<string, string | number | string[] | undefined>;
/** What every tracing event carries. */
export interface TraceContext {
    /** `{operation} {destination}`, the OTel span name. */
    name: string;
    /** OTel messaging attributes (`messaging.system: 'rocketmq'`, destination, consumer group, message id, ...). */
    attributes: MessagingAttributes;
    /** Set on failure (the `error` event): what was thrown; `attributes['error.type']` holds its code. */
    error?: unknown;
    /** Set on success (`asyncEnd`): the handler's or the send's result. */
    result?: unknown;
}
/** The context of a `rocketmq-ts:process` event: one handler call. */
export interface ProcessTraceContext extends TraceContext {
    /** The messages given to the handler (one, or a batch); read `properties` to extract the producer's trace context. */
    messages: readonly MessageView[];
}
/** The context of a `rocketmq-ts:send` event: one send (single, batch or oneway). */
export interface SendTraceContext extends TraceContext {
    /** The messages being sent, as the application gave them. */
    messages: readonly Message[];
    /**
     * Properties to add to every message sent (write them in `start`, e.g. `traceparent`). Names RocketMQ reserves are
     * ignored; a property the message already has is kept.
     */
    properties: Record<string, string>;
}
export declare const processChannel: TracingChannel<unknown, ProcessTraceContext>;
export declare const sendChannel: TracingChannel<unknown, SendTraceContext>;
/** True when someone listens on any of the tracing channel's events. */
export declare function tracing(channel: typeof processChannel | typeof sendChannel): boolean;
export declare function processContext(messages: readonly MessageView[], group: string, model: 'clustering' | 'broadcasting'): ProcessTraceContext;
export declare function sendContext(messages: readonly Message[], group: string): SendTraceContext;
/** Low-cardinality `error.type`: our error code, else `_OTHER`. */
export declare function errorType(e: unknown): string;
/** Run `fn` inside the tracing channel (start/end/asyncStart/asyncEnd/error), recording `error.type` on failure. */
export declare function traced<T, C extends TraceContext>(channel: TracingChannel<unknown, C>, ctx: C, fn: () => T | Promise<T>): Promise<T>;
//# sourceMappingURL=channels.d.ts.map