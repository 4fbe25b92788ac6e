/** A message to send. */
/** A message to send. */
export interface Message {
    /** The topic (without namespace). */
    topic: string;
    /** The body; or give `value` instead when the producer has a `codec`. */
    body: Buffer | Uint8Array | string;
    /** Business keys (e.g. the order id), indexed by the broker for lookups. */
    keys?: string | readonly string[];
    /** One tag, for consumers' tag expressions (e.g. `'paid'`). */
    tags?: string;
    /** User properties. Names used by RocketMQ itself (UNIQ_KEY, TAGS, KEYS, DELAY, ...) are refused. */
    properties?: Readonly<Record<string, string>>;
    /** Delay level 1..18 (1s 5s 10s 30s 1m 2m 3m 4m 5m 6m 7m 8m 9m 10m 20m 30m 1h 2h). */
    delayLevel?: number;
    /**
     * Timed delivery (RocketMQ 5.x timer messages): deliver at this time, a Date or epoch milliseconds (sent as the
     * `TIMER_DELIVER_MS` property; the broker's clock decides). At most the producer's `maxDelayMs` (the broker's
     * `timerMaxDelaySec`, 3 days by default) ahead; a time already past is delivered at once. At most one of
     * `delayLevel`, `deliverAt` and `delayMs`. A 4.x broker ignores it and delivers at once.
     */
    deliverAt?: Date | number;
    /**
     * Timed delivery (RocketMQ 5.x timer messages): deliver this many milliseconds after the broker stores the message
     * (sent as `TIMER_DELAY_MS`, so the producer's clock does not matter). 0 < delayMs <= the producer's `maxDelayMs`.
     */
    delayMs?: number;
    /** The user flag integer carried with the message. */
    flag?: number;
}
//# sourceMappingURL=send-message.d.ts.map