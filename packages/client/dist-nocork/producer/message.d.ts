import type { Message } from '../protocol/send-message.js';
export type { Message } from '../protocol/send-message.js';
/** Property names that RocketMQ reserves (MessageConst.STRING_HASH_SET); a user property may not use them. */
export declare const RESERVED_PROPERTIES: Set<string>;
export declare function bodyToBuffer(body: Message['body']): Buffer;
/** The broker's default timer limit: MessageStoreConfig.timerMaxDelaySec = 259200 s (3 days). */
export declare const DEFAULT_MAX_DELAY_MS = 259200000;
/** Build the wire properties of a message (without UNIQ_KEY, which the producer adds). */
export declare function messageProperties(m: Message, maxDelayMs?: number, now?: number): Record<string, string>;
//# sourceMappingURL=message.d.ts.map