import { processChannel, traced, tracing } from '../observability/channels.js';
function callHandler(options, messages, context) {
    return options.batchHandler
        ? options.batchHandler(messages, context)
        : options.handler(messages[0], context);
}
export function runHandler(options, messages, context, settle, trace) {
    let result;
    try {
        if (trace && tracing(processChannel)) {
            result = traced(processChannel, trace(), () => callHandler(options, messages, context));
        }
        else {
            result = callHandler(options, messages, context);
        }
    }
    catch (e) {
        settle(e ?? new Error('handler threw'));
        return;
    }
    if (result !== null && typeof result === 'object' && typeof result.then === 'function') {
        ;
        result.then(() => settle(undefined), (e) => settle(e ?? new Error('handler rejected')));
    }
    else {
        settle(undefined);
    }
}
/**
 * The context of one handler call, shared by both transports: it records when the call started and whether it is
 * finished or abandoned, and creates its AbortSignal only if the handler reads it (no allocation per message
 * otherwise).
 */
export class HandlerCall {
    queue;
    group;
    startedAt = Date.now();
    /** Completed (success, failure or timeout); later outcomes are ignored. */
    done = false;
    /** Abandoned by close(): nothing waits for it any more. */
    sealed = false;
    controller;
    reason;
    constructor(queue, group) {
        this.queue = queue;
        this.group = group;
    }
    get signal() {
        if (!this.controller) {
            this.controller = new AbortController();
            if (this.reason !== undefined)
                this.controller.abort(this.reason);
        }
        return this.controller.signal;
    }
    abort(reason) {
        if (this.reason !== undefined)
            return;
        this.reason = reason;
        this.controller?.abort(reason);
    }
}
//# sourceMappingURL=handler.js.map