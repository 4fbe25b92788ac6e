import { type ProducerOptions, type ProducerOptionsInput } from '../config/producer.js';
import { type ClientDeps } from '../cluster/port.js';
import { type SendResult } from '../cluster/broker-api.js';
import type { MessageQueue } from '../protocol/route.js';
import { type Message } from './message.js';
import type { TraceStats } from '../observability/trace-dispatcher.js';
export type { SendResult, SendStatus } from '../cluster/broker-api.js';
/** producer.metrics(): counters of the producer's background work. */
export interface ProducerMetrics {
    /** Message trace counters (records queued, sent, dropped when full, failed); absent when `trace` is off. */
    trace?: TraceStats;
}
/** `(queues, message) => queue`: picks the queue of a message, e.g. by order id, so one order's messages keep their order. */
export type QueueSelector = (queues: readonly MessageQueue[], message: Message) => MessageQueue;
/** A message to send: with `body`, or with `value` encoded by the producer's `codec`. */
export type OutgoingMessage = Message | (Omit<Message, 'body'> & {
    /** The value to encode with the producer's `codec`. */
    value: unknown;
    /** Not with `value`. */
    body?: undefined;
});
/** Options of one `send()` / `sendOneway()` / `sendBatch()`. */
export interface SendOptions {
    /** Send to this exact queue (no retry on another broker). */
    queue?: MessageQueue;
    /** Choose the queue yourself, e.g. by order id so one order's messages stay in order. */
    selector?: QueueSelector;
    /**
     * Messages with the same key go to the same queue (Java SelectMessageQueueByHash), and carry it as their
     * `__SHARDINGKEY` property: a PushConsumer with `ordering: 'key'` keeps one key's messages in order.
     */
    shardingKey?: string;
    /** Deadline of this send over all its attempts, in ms. Default the producer's `sendTimeoutMs`. */
    timeoutMs?: number;
}
/**
 * Sends messages: sync, oneway and batch; keys, tags, properties, delay levels; a queue selector for ordering by key;
 * a failed sync send is retried on another broker. Not an event emitter: every outcome is the promise of the call
 * (send spans are on the `rocketmq-ts:send` diagnostics channel).
 */
export declare class Producer {
    /** The options as parsed: every default filled in. */
    readonly options: ProducerOptions;
    private counter;
    private startPromise?;
    /** Message trace (the `trace` option); undefined when off, so the send path pays one check. */
    private readonly tracer;
    private readonly codec;
    /**
     * Checks the options (ERR_INVALID_OPTION names a wrong one); connects on `start()` or the first send.
     * @param options see {@link ProducerOptions}
     * @param deps test seam: a scripted cluster instead of the network
     */
    constructor(options: ProducerOptionsInput, deps?: ClientDeps);
    /** Counters of background work: message trace records queued, sent, dropped and failed (when `trace` is on). */
    metrics(): ProducerMetrics;
    /** `value` -> `body` through the codec; a value the codec refuses is ERR_PAYLOAD_INVALID and nothing is sent. */
    protected encoded(m: OutgoingMessage): Message;
    /** This producer's client id (`ip@instance`), as the brokers see it. */
    get clientId(): string;
    /** Optional: sends are lazy. Starting early checks nothing on the network; it only starts timers. */
    start(): Promise<void>;
    /**
     * Sends one message and resolves once the broker stored it; a failure is retried on another broker up to
     * `retries` times within `sendTimeoutMs`. Rejects with a RocketMQError (ERR_SEND_FAILED, ERR_TIMEOUT, ERR_FORBIDDEN, ...).
     * @param outgoing topic, body (or `value` with a `codec`), and optional keys, tags, properties, delay
     * @param opts a queue, a selector or a sharding key; a timeout
     * @returns where the message was stored
     */
    send(outgoing: OutgoingMessage, opts?: SendOptions): Promise<SendResult>;
    /**
     * Sends one message without waiting for the broker's answer (Java sendOneway): resolves once it is written to the
     * socket; no retry, no result.
     */
    sendOneway(outgoing: OutgoingMessage, opts?: SendOptions): Promise<void>;
    /** Messages of one topic in one request; they get consecutive offsets in one queue. */
    sendBatch(outgoing: readonly OutgoingMessage[], opts?: SendOptions): Promise<SendResult>;
    /** A send inside `rocketmq-ts:send`: subscribers may add properties (trace context) in `start`. */
    private tracedSend;
    private sendInternal;
    private sendWire;
    /**
     * The queue for this attempt, and whether a broker other than its own could still be tried. Round robin over the
     * topic's queues, skipping brokers that failed earlier in this send and brokers the latency fault avoidance puts
     * aside; when that leaves nothing, brokers not yet failed in this send; when that leaves nothing, any queue.
     */
    private chooseQueue;
    private roundRobin;
    private assertOpen;
    /** Unregisters from the brokers and closes connections. Idempotent. */
    close(): Promise<void>;
    /** `await using producer = new Producer(...)`: `close()` at the end of the scope. */
    [Symbol.asyncDispose](): Promise<void>;
}
//# sourceMappingURL=producer.d.ts.map