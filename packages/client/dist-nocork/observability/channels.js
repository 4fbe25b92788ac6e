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
// A named import: a default import would put `import x from 'node:…'` into the shipped .d.ts, which needs esModuleInterop.
import { tracingChannel } from 'node:diagnostics_channel';
/** The tracing channel of handler calls (`tracingChannel(PROCESS_CHANNEL)`): one event per handler call, kind CONSUMER. */
export const PROCESS_CHANNEL = 'rocketmq-ts:process';
/** The tracing channel of sends (`tracingChannel(SEND_CHANNEL)`): one event per send, kind PRODUCER. */
export const SEND_CHANNEL = 'rocketmq-ts:send';
export const processChannel = tracingChannel(PROCESS_CHANNEL);
export const sendChannel = tracingChannel(SEND_CHANNEL);
/** True when someone listens on any of the tracing channel's events. */
export function tracing(channel) {
    // `hasSubscribers` on TracingChannel is Node >= 22; check the sub-channels on Node 20.
    return channel.start.hasSubscribers || channel.end.hasSubscribers || channel.asyncEnd.hasSubscribers || channel.error.hasSubscribers;
}
export function processContext(messages, group, model) {
    const first = messages[0];
    const attributes = {
        'messaging.system': 'rocketmq',
        'messaging.operation.type': 'process',
        'messaging.operation.name': 'process',
        'messaging.destination.name': first.topic,
        'messaging.consumer.group.name': group,
        'messaging.rocketmq.namespace': '',
        'messaging.rocketmq.consumption_model': model,
    };
    if (messages.length === 1) {
        attributes['messaging.message.id'] = first.msgId;
        attributes['messaging.rocketmq.message.tag'] = first.tags;
        attributes['messaging.rocketmq.message.keys'] = first.keys;
    }
    else {
        attributes['messaging.batch.message_count'] = messages.length;
    }
    return { name: `process ${first.topic}`, attributes, messages };
}
export function sendContext(messages, group) {
    const first = messages[0];
    const topic = first.topic;
    const count = messages.length;
    const tags = first.tags;
    const keys = first.keys === undefined ? undefined : typeof first.keys === 'string' ? [first.keys] : [...first.keys];
    const attributes = {
        'messaging.system': 'rocketmq',
        'messaging.operation.type': 'send',
        'messaging.operation.name': 'send',
        'messaging.destination.name': topic,
        'messaging.rocketmq.client_group': group,
        'messaging.rocketmq.namespace': '',
    };
    if (count === 1) {
        attributes['messaging.rocketmq.message.tag'] = tags;
        attributes['messaging.rocketmq.message.keys'] = keys;
    }
    else
        attributes['messaging.batch.message_count'] = count;
    return { name: `send ${topic}`, attributes, messages, properties: {} };
}
/** Low-cardinality `error.type`: our error code, else `_OTHER`. */
export function errorType(e) {
    const code = e?.code;
    return typeof code === 'string' ? code : '_OTHER';
}
/** Run `fn` inside the tracing channel (start/end/asyncStart/asyncEnd/error), recording `error.type` on failure. */
export function traced(channel, ctx, fn) {
    return channel.tracePromise(async () => {
        try {
            return await fn();
        }
        catch (e) {
            ctx.attributes['error.type'] = errorType(e);
            throw e;
        }
    }, ctx);
}
//# sourceMappingURL=channels.js.map