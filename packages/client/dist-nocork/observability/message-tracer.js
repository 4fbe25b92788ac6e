import { MessageConst } from '../protocol/message-view.js';
import { createUniqId } from '../protocol/message-id.js';
import { withoutNamespace } from '../protocol/namespace.js';
import { clusterTraceSender, TraceDispatcher } from './trace-dispatcher.js';
import { ConsumeReturnType, DEFAULT_REGION, MessageType, TRACE_TOPIC } from './trace-format.js';
export class MessageTracer {
    group;
    namespace;
    logger;
    dispatcher;
    constructor(group, namespace, dispatcher, logger) {
        this.group = group;
        this.namespace = namespace;
        this.logger = logger;
        this.dispatcher = dispatcher;
    }
    /** A tracer sending over `cluster`'s connections; `kind` names the trace producer group as Java does (PRODUCE / CONSUME). */
    static create(option, cluster, group, namespace, kind, logger) {
        const plain = withoutNamespace(namespace, group);
        const dispatcher = new TraceDispatcher({ topic: option.topic, send: clusterTraceSender(cluster, `_INNER_TRACE_PRODUCER-${plain}-${kind}`), logger });
        return new MessageTracer(plain, namespace, dispatcher, logger);
    }
    stats() {
        return this.dispatcher.stats();
    }
    /**
     * A send succeeded: one Pub record per message (a batch gives one per message, each with its own msgId, so
     * queryMsgTraceById finds each; Java writes one record with the joined ids). `traceOn` false (the broker's
     * TRACE_ON) skips it, as Java does.
     */
    pub(started, ok, regionId, traceOn, messages) {
        try {
            if (!traceOn)
                return;
            const now = Date.now();
            const cost = now - started;
            for (const m of messages) {
                if (m.topic === this.dispatcher.topic)
                    continue;
                this.dispatcher.append({
                    type: 'Pub',
                    timestamp: started,
                    regionId: regionId || DEFAULT_REGION,
                    group: this.group,
                    costTime: cost,
                    success: ok,
                    requestId: '',
                    contextCode: 0,
                    beans: [
                        {
                            topic: withoutNamespace(this.namespace, m.topic),
                            msgId: m.msgId,
                            offsetMsgId: m.offsetMsgId,
                            tags: m.tags,
                            keys: m.keys,
                            storeHost: m.storeHost,
                            bodyLength: m.bodyLength,
                            msgType: m.delayed ? MessageType.Delay : MessageType.Normal,
                        },
                    ],
                });
            }
        }
        catch (e) {
            this.logger.warn({ err: e }, 'message trace: Pub record failed');
        }
    }
    /** A handler call starts: the SubBefore record (messages with TRACE_ON=false are left out). */
    before(messages) {
        try {
            const beans = [];
            let regionId;
            for (const m of messages) {
                if (m.getProperty(MessageConst.TRACE_ON) === 'false')
                    continue;
                regionId = m.getProperty(MessageConst.MSG_REGION) ?? regionId;
                beans.push({
                    topic: withoutNamespace(this.namespace, m.topic),
                    msgId: m.msgId,
                    tags: m.tags,
                    keys: m.getProperty(MessageConst.KEYS),
                    retryTimes: m.reconsumeTimes,
                });
            }
            if (beans.length === 0)
                return undefined;
            const record = {
                type: 'SubBefore',
                timestamp: Date.now(),
                regionId: regionId ?? DEFAULT_REGION,
                group: this.group,
                costTime: 0,
                success: true,
                requestId: createUniqId(),
                contextCode: 0,
                beans,
            };
            this.dispatcher.append(record);
            return { record, count: messages.length };
        }
        catch (e) {
            this.logger.warn({ err: e }, 'message trace: SubBefore record failed');
            return undefined;
        }
    }
    /** The handler call ended: `error` undefined = consumed; ERR_HANDLER_TIMEOUT = TIME_OUT, any other = EXCEPTION. */
    after(token, error) {
        if (token === undefined)
            return;
        try {
            const before = token.record;
            const now = Date.now();
            const code = error === undefined ? ConsumeReturnType.SUCCESS : error?.code === 'ERR_HANDLER_TIMEOUT' ? ConsumeReturnType.TIME_OUT : ConsumeReturnType.EXCEPTION;
            this.dispatcher.append({
                type: 'SubAfter',
                timestamp: now,
                regionId: before.regionId,
                group: before.group,
                costTime: Math.floor((now - before.timestamp) / token.count),
                success: error === undefined,
                requestId: before.requestId,
                contextCode: code,
                beans: before.beans,
            });
        }
        catch (e) {
            this.logger.warn({ err: e }, 'message trace: SubAfter record failed');
        }
    }
    /** Pull consumer: messages handed out by poll() are consumed (Java lite pull writes SubBefore and SubAfter at once). */
    polled(messages) {
        if (messages.length > 0)
            this.after(this.before(messages), undefined);
    }
    close(timeoutMs) {
        return this.dispatcher.close(timeoutMs);
    }
}
/** The option as given: `true`, `{ topic }`, or off. */
export function traceOption(v) {
    if (v === undefined || v === false)
        return undefined;
    return { topic: v === true ? TRACE_TOPIC : (v.topic ?? TRACE_TOPIC) };
}
//# sourceMappingURL=message-tracer.js.map