/**
 * Settling popped messages with their brokers: acks (batched per broker into one BATCH_ACK_MESSAGE every few ms, or
 * one ACK_MESSAGE each), invisibility changes (renewal while a handler runs, the retry delay after a failure) and the
 * dead-letter move after the last retry (CONSUMER_SEND_MSG_BACK with delay level -1, then an ack: what the 5.x proxy
 * does for gRPC clients). Every request goes to the master of the broker named in the receipt.
 */
import { type RocketMQError } from '../../errors.js';
import type { ClusterPort } from '../../cluster/port.js';
import type { MessageView } from '../../protocol/message.js';
import { type PopReceipt } from '../../protocol/pop.js';
export interface AckerDeps {
    cluster: ClusterPort;
    group: string;
    batch: boolean;
    requestTimeoutMs: number;
    report(err: RocketMQError): void;
}
export declare class PopAcker {
    private readonly d;
    /** brokerName -> acks waiting for their batch. */
    private readonly queued;
    private timer?;
    private batch;
    constructor(d: AckerDeps);
    private master;
    /** Ack one message; resolves when it is acked or given up (reported; the broker then delivers it again). */
    ack(topic: string, receipt: PopReceipt): Promise<void>;
    /** Send every queued batch now. */
    flush(): void;
    private flushBroker;
    private sendBatch;
    private ackOne;
    /**
     * Hide the message for `ms` from now (a renewal, or a retry delay). Returns the new receipt, or undefined when the
     * broker no longer holds it (then it was acked, or it already came back to the group) or the change failed
     * (reported; it comes back when its current invisibility ends).
     */
    changeInvisible(topic: string, receipt: PopReceipt, ms: number, what: string): Promise<PopReceipt | undefined>;
    /** After the last retry: store the message in %DLQ%<group> (the broker's send-back with level -1), then ack it. */
    deadLetter(m: MessageView, receipt: PopReceipt, maxReconsumeTimes: number): Promise<boolean>;
    /** Send what is queued and stop batching (close). */
    close(): void;
}
//# sourceMappingURL=pop-acker.d.ts.map