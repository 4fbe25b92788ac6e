/**
 * How a consumer's life ended, as a promise the application can await (`consumer.closed()`): undefined after a
 * `close()`, the error when it failed for good (start() failed, or the brokers refused it later). Settles once, never
 * rejects, and only after the consumer has stopped.
 */
import { toRocketMQError } from '../errors.js';
export class Ending {
    promise;
    /** The failure that ends the consumer, known before the consumer has finished stopping. */
    failure;
    resolve;
    settled = false;
    constructor() {
        this.promise = new Promise((r) => (this.resolve = r));
    }
    /** The consumer failed for good: remember why (the first failure wins); settle once it has stopped. */
    fail(e) {
        this.failure ??= toRocketMQError(e, 'ERR_CLOSED', 'the consumer failed');
        return this.failure;
    }
    /** The consumer has stopped: settle with the failure, if there was one. */
    stopped() {
        if (this.settled)
            return;
        this.settled = true;
        this.resolve(this.failure);
    }
}
//# sourceMappingURL=ending.js.map