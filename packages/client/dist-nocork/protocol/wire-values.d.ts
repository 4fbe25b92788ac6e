import { type ErrorContext } from '../errors.js';
/** An integer given as a JSON number or as decimal text (extFields are strings), within [min, max]. */
export declare function wireInt(v: unknown, min: number, max: number, what: string, context?: ErrorContext): number;
/** Largest queue offset / commit-log offset we accept (a Number must hold it exactly). */
export declare const MAX_OFFSET: number;
/** Largest queue id accepted from a broker (Java's are ints; real topics have at most a few thousand queues). */
export declare const MAX_QUEUE_ID = 65534;
/**
 * `host:port` or `[v6]:port` as a broker or NameServer announces itself: a port in 1..65535 and a host that is an
 * IP literal or a plausible DNS name (no spaces, no brackets, no ':'), at most 255 characters.
 */
export declare function hostPortProblem(address: string): string | undefined;
//# sourceMappingURL=wire-values.d.ts.map