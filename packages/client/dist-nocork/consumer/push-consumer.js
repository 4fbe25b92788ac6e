import { EventEmitter } from 'node:events';
import { createProxyEngine } from './push-engine.js';
import { RemotingPushEngine } from './remoting-engine.js';
import { PopPushEngine } from './pop/pop-engine.js';
import { Ending } from './ending.js';
/**
 * A push consumer (Java DefaultMQPushConsumer): the broker's messages reach a bounded pool of handlers.
 * Resolve = consumed; throw = retried later through the broker (clustering) or reported and skipped (broadcasting).
 */
export class PushConsumer extends EventEmitter {
    engine;
    ending = new Ending();
    closing;
    /**
     * Checks the options (ERR_INVALID_OPTION names a wrong one) and picks the transport: `nameServer` (remoting) or
     * `proxy` (gRPC, needs `@rocketmq-ts/proxy` imported). Nothing connects before `start()`.
     * @param options see {@link PushConsumerOptions} and {@link ProxyPushConsumerOptions}
     * @param deps test seam: a scripted cluster instead of the network
     */
    constructor(options, deps = {}) {
        super();
        const viaProxy = options !== null && typeof options === 'object' && options.proxy !== undefined;
        // Engines emit the events they know (push events; ordered ones add lock events): the facade is their emitter.
        const events = this;
        // `pop` (remoting, 5.x brokers): the broker hands out messages instead of queues (consumer/pop/pop-engine.ts).
        const viaPop = !viaProxy && options !== null && typeof options === 'object' && options.pop !== undefined && options.pop !== false;
        const onFailed = (err) => this.failed(err);
        this.engine = viaProxy ? createProxyEngine(options, events) : viaPop ? new PopPushEngine(options, events, deps, onFailed) : new RemotingPushEngine(options, events, deps, onFailed);
    }
    /** Failed for good after start (the engine reported it as `consumer.failed`): close, then settle closed(). */
    failed(err) {
        this.ending.fail(err);
        this.close().catch(() => undefined);
    }
    /** The parsed options with their defaults (through the proxy the remoting-only ones are undefined). */
    get options() {
        return this.engine.options;
    }
    /** This member's client id (`ip@instance`), as the broker and the other members see it (through the proxy: known after `start()`). */
    get clientId() {
        return this.engine.clientId;
    }
    /** The consumer group (without namespace). */
    get group() {
        return this.engine.options.group;
    }
    /** Connects, registers the group and resolves once consumption runs (remoting: after the first rebalance). */
    start() {
        return this.engine.start().catch((e) => {
            // A failed start leaves the consumer closed (the engine undid it): that is failing for good.
            if (!this.closing) {
                this.ending.fail(e);
                this.ending.stopped();
            }
            throw e;
        });
    }
    /**
     * Resolves once the consumer has stopped, for whatever reason: with `undefined` after `close()`, with the error when
     * it failed for good (start() failed, or the brokers refused it later: see the `consumer.failed` event). Never
     * rejects. `const err = await consumer.closed(); if (err) process.exitCode = 1`.
     */
    closed() {
        return this.ending.promise;
    }
    /** The queues this member owns now ([] through the proxy). */
    assignment() {
        return this.engine.assignment();
    }
    /**
     * Per owned queue: committed and consumed offsets, the broker's max offset (from the last pull response), lag,
     * cached count/bytes, last pull/consume time, lock state when ordered. From memory only: poll it as often as you like.
     * Through the proxy there are no owned queues (`queues: []`).
     */
    metrics() {
        return this.engine.metrics();
    }
    /** Trigger a rebalance now and wait for it (nothing through the proxy). */
    rebalance() {
        return this.engine.rebalance();
    }
    /**
     * Stop receiving, wait for running handlers up to `timeoutMs` (then abort their signals), commit offsets, unregister.
     * Idempotent: later calls return the same result.
     */
    close(opts = {}) {
        this.closing ??= this.engine.close(opts).finally(() => this.ending.stopped());
        return this.closing;
    }
    /** `await using consumer = new PushConsumer(...)`: `close()` at the end of the scope. */
    async [Symbol.asyncDispose]() {
        await this.close();
    }
}
//# sourceMappingURL=push-consumer.js.map