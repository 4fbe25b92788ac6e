/**
 * Typed payloads and idempotent handling, as a wrapper around the application's handler (push consumers):
 * - `codec`: the body is decoded (and checked) before the handler runs; the handler reads `message.value`. A body that
 *   does not decode is never retried: it goes to %DLQ%<group> at once (or to the application's `invalidPayload`
 *   function) and is reported as a `payload.rejected` event.
 * - `dedupe`: a message whose key this member already handled successfully (a redelivery after a rebalance, a crash
 *   of another member or an offset reset) is not handed to the handler again; reported as `message.deduplicated`.
 *   Best effort, per member: the keys live in this process's memory (an LRU of `max` keys kept `ttlMs`), so a copy
 *   that reaches another member, or arrives after this member restarted, is handled again.
 */
import { LRUCache } from 'lru-cache';
import { RocketMQError } from '../errors.js';
import { toCodec } from '../protocol/payload-codec.js';
/** The handlers with the codec and dedupe applied; the options as they were when neither is set (no cost then). */
export function withPayload(o, hooks) {
    if (o.codec === undefined && (o.dedupe === undefined || o.dedupe === false))
        return o;
    const codec = o.codec === undefined ? undefined : toCodec(o.codec);
    const dedupe = o.dedupe === undefined || o.dedupe === false ? undefined : o.dedupe === true ? {} : o.dedupe;
    const keyOf = dedupe?.key ?? ((m) => m.msgId);
    const seen = dedupe ? new LRUCache({ max: dedupe.max ?? 10_000, ttl: dedupe.ttlMs ?? 3_600_000 }) : undefined;
    const invalid = o.invalidPayload;
    /** Keys whose handler runs now: a copy that arrives meanwhile waits for the outcome (true = handled). */
    const running = new Map();
    /** The messages the handler should see: decoded, not yet handled here. Rejected ones are settled on the way. */
    const admit = async (messages, context) => {
        const out = [];
        for (const m of messages) {
            if (codec) {
                let value;
                try {
                    value = codec.decode(m.body, m);
                }
                catch (e) {
                    await reject(m, e, context.queue);
                    continue;
                }
                ;
                m.value = value;
            }
            const key = seen ? keyOf(m) : undefined;
            if (key === undefined) {
                out.push({ m });
                continue;
            }
            // Same key earlier in this batch, handled before, or handled by a call running now (and it succeeds): skip.
            const inFlight = running.get(key);
            if (out.some((a) => a.key === key) || seen.has(key) || (inFlight !== undefined && (await inFlight))) {
                hooks.emit('message.deduplicated', { message: m, key, queue: context.queue });
                continue;
            }
            let settle;
            running.set(key, new Promise((resolve) => (settle = resolve)));
            out.push({ m, key, settle });
        }
        return out;
    };
    /** After the handler: remember the keys it handled (ok) and wake the copies waiting for them. */
    const finish = (admitted, ok) => {
        for (const a of admitted) {
            if (a.key === undefined)
                continue;
            if (ok)
                seen.set(a.key, true);
            running.delete(a.key);
            a.settle(ok);
        }
    };
    const reject = async (m, cause, queue) => {
        const reason = cause instanceof Error ? cause.message : String(cause);
        const error = new RocketMQError('ERR_PAYLOAD_INVALID', `Message ${m.msgId} (${m.topic}, queue ${m.brokerName}:${m.queueId}, offset ${m.queueOffset}) does not decode with the ${codec?.name ?? 'given'} codec: ${reason}. It is not retried; fix the producer or the schema`, { cause, context: { topic: m.topic, broker: m.brokerName, queueId: m.queueId, offset: m.queueOffset, msgId: m.msgId } });
        if (typeof invalid === 'function') {
            await invalid(m, error); // a throw here is a handler failure: the message is retried
            hooks.emit('payload.rejected', { message: m, error, queue, dlq: false });
            return;
        }
        if (hooks.deadLetter)
            await hooks.deadLetter(m); // a failure: retried like a failed handler, then tried again
        hooks.emit('payload.rejected', { message: m, error, queue, dlq: hooks.deadLetter !== undefined });
    };
    const call = async (admitted, run) => {
        if (admitted.length === 0)
            return;
        try {
            await run();
        }
        catch (e) {
            finish(admitted, false);
            throw e;
        }
        finish(admitted, true);
    };
    const handler = o.handler;
    const batchHandler = o.batchHandler;
    return {
        ...o,
        ...(handler === undefined
            ? {}
            : {
                handler: async (m, context) => call(await admit([m], context), () => handler(m, context)),
            }),
        ...(batchHandler === undefined
            ? {}
            : {
                batchHandler: async (ms, context) => {
                    const admitted = await admit(ms, context);
                    return call(admitted, () => batchHandler(admitted.map((a) => a.m), context));
                },
            }),
    };
}
//# sourceMappingURL=payload.js.map