import { RocketMQError } from '../errors.js';
import type { MessageView } from '../protocol/message.js';
import type { MessageQueue } from '../protocol/route.js';
import { type CodecValue, type TypedMessage } from '../protocol/payload-codec.js';
/** What a handler receives: the message, with `value` when the consumer has a codec. */
export type HandlerMessage<C> = [CodecValue<C>] extends [never] ? MessageView : TypedMessage<CodecValue<C>>;
/** `dedupe` of a push consumer: which key makes two messages the same, and how long it is remembered. */
export interface DedupeOptions {
    /** The business key of a message (e.g. an order id); `undefined` = never deduplicated. Default: the message id. */
    key?: (message: MessageView) => string | undefined;
    /** Keys remembered (least recently used dropped first). Default 10,000. */
    max?: number;
    /** How long a key is remembered. Default 1 hour. */
    ttlMs?: number;
}
/** The events of a push consumer's payload handling (codec and dedupe). */
export interface PayloadEvents {
    /** A body the codec refused: moved to %DLQ%<group> (`dlq: true`), given to `invalidPayload`, or (broadcasting) skipped. */
    'payload.rejected': [
        {
            /** The message refused. */
            message: MessageView;
            /** Why (the codec's error). */
            error: RocketMQError;
            /** Its queue. */
            queue: MessageQueue;
            /** Moved to %DLQ%<group>. */
            dlq: boolean;
        }
    ];
    /** A message whose key this member already handled successfully: not handed to the handler again. */
    'message.deduplicated': [
        {
            /** The message skipped. */
            message: MessageView;
            /** Its dedupe key. */
            key: string;
            /** Its queue. */
            queue: MessageQueue;
        }
    ];
}
export interface PayloadHooks {
    /** Move a message to %DLQ%<group> now (remoting: send-back with delay level -1); undefined = not possible (broadcasting). */
    deadLetter?: (message: MessageView) => Promise<void>;
    /** Emit an event (when someone listens; otherwise log it). */
    emit<K extends keyof PayloadEvents>(name: K, ...args: PayloadEvents[K]): void;
}
interface PayloadInput {
    handler?: unknown;
    batchHandler?: unknown;
    codec?: unknown;
    invalidPayload?: unknown;
    dedupe?: unknown;
}
/** The handlers with the codec and dedupe applied; the options as they were when neither is set (no cost then). */
export declare function withPayload<O extends PayloadInput>(o: O, hooks: PayloadHooks): O;
export {};
//# sourceMappingURL=payload.d.ts.map