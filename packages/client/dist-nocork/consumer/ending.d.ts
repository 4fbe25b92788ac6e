/**
 * How a consumer's life ended, as a promise the application can await (`consumer.closed()`): undefined after a
 * `close()`, the error when it failed for good (start() failed, or the brokers refused it later). Settles once, never
 * rejects, and only after the consumer has stopped.
 */
import { type RocketMQError } from '../errors.js';
export declare class Ending {
    readonly promise: Promise<RocketMQError | undefined>;
    /** The failure that ends the consumer, known before the consumer has finished stopping. */
    failure: RocketMQError | undefined;
    private resolve;
    private settled;
    constructor();
    /** The consumer failed for good: remember why (the first failure wins); settle once it has stopped. */
    fail(e: unknown): RocketMQError;
    /** The consumer has stopped: settle with the failure, if there was one. */
    stopped(): void;
}
//# sourceMappingURL=ending.d.ts.map