import { type ProducerOptionsInput, type TransactionState } from '../config/producer.js';
import { RocketMQError } from '../errors.js';
import { type SendResult } from '../cluster/broker-api.js';
import type { ClientDeps } from '../cluster/port.js';
import type { MessageView } from '../protocol/message.js';
import type { Message } from './message.js';
import { Producer, type OutgoingMessage, type SendOptions } from './producer.js';
export type { TransactionState } from '../config/producer.js';
/** Answers a check-back: how did the transaction of this half message end? */
export type TransactionChecker = (message: MessageView) => TransactionState | Promise<TransactionState>;
/** The application's local transaction, run after the half message is stored. */
export type LocalTransaction = (context: LocalTransactionContext) => TransactionState | Promise<TransactionState>;
/** What the local transaction function is given: the half message as sent and its send result. */
export interface LocalTransactionContext {
    /** The message as sent (with the codec, its encoded body). */
    readonly message: Message;
    /** The half message's send result; `transactionId` is what the checker will see as the message's msgId. */
    readonly result: SendResult & {
        /** The transaction id (the half message's UNIQ_KEY). */
        transactionId: string;
    };
}
/** Options of `new TransactionProducer(...)`: the producer's options plus the transaction ones. */
export type TransactionProducerOptions = ProducerOptionsInput & {
    /** Required: the broker sends check-backs to a live member of this group. */
    group: string;
    /** Answers the broker's check-backs for undecided half messages: 'commit', 'rollback' or 'unknown' (asked again later). */
    checker: TransactionChecker;
    /** Topics whose brokers start() registers this member with at once, so check-backs reach it before its first send. */
    topics?: readonly string[];
    /** Check-backs answered at once (more wait in a bounded queue). Default 8. */
    maxConcurrentChecks?: number;
    /** Called after each check-back is answered (or could not be). */
    onCheck?: (event: TransactionCheckEvent) => void;
};
export interface TransactionSendResult extends SendResult {
    transactionId: string;
    /**
     * The decision sent to the broker. 'rollback' without running the local transaction when the broker stored the half
     * message with a status other than SEND_OK (as Java). 'unknown': nothing sent; the checker decides later.
     */
    state: TransactionState;
    /**
     * END_TRANSACTION could not be written (e.g. the connection dropped). The decision did not reach the broker, which
     * will ask the checker instead: make sure it answers the same.
     */
    endError?: RocketMQError;
}
/** A check-back answered (or failed), given to the `onCheck` option. */
export interface TransactionCheckEvent {
    /** The transaction id the broker asked about. */
    transactionId: string;
    /** The half message's id. */
    msgId: string;
    /** The half message's topic. */
    topic: string;
    /** The broker that asked (undefined when its name was not in the request). */
    broker: string | undefined;
    /** The answer sent: 'commit', 'rollback' or 'unknown'. */
    state: TransactionState;
    /** The checker threw or returned something else ('unknown' is then assumed), or the answer could not be sent. */
    error?: RocketMQError;
}
/**
 * Sends messages inside a local transaction: `sendInTransaction(message, localTransaction)`. Also a full Producer
 * (send, sendBatch, ...), sending under the same group.
 */
export declare class TransactionProducer extends Producer {
    private readonly checker;
    private readonly topics;
    private readonly maxConcurrentChecks;
    private readonly onChecked;
    /** The group as the broker knows it (with the namespace). */
    private readonly wireGroup;
    private readonly heartbeated;
    private checksRunning;
    private readonly checkQueue;
    private txStartPromise?;
    /** Checks the options (ERR_INVALID_OPTION naming the field); connects lazily, like Producer. */
    constructor(options: TransactionProducerOptions, deps?: ClientDeps);
    /**
     * Starts heartbeats and, with `topics`, registers this member with their brokers now, so check-backs for half
     * messages an earlier member left undecided come here. Optional: the first send does it for its broker.
     */
    start(): Promise<void>;
    /**
     * Sends `message` as a half message, runs `localTransaction`, then commits or rolls back as it says:
     * - 'commit': consumers receive the message; 'rollback': they never do;
     * - 'unknown' (or a throw, which rejects this call with the error): nothing is sent; the broker asks the checker
     *   later (after its transactionTimeOut, 6 s by default, then every transactionCheckInterval).
     * A half send that fails rejects without running the local transaction. delayLevel / deliverAt / delayMs are refused.
     * With the producer's `codec`, give `value` instead of `body` (a value the codec refuses is ERR_PAYLOAD_INVALID and
     * nothing is sent).
     */
    sendInTransaction(outgoing: OutgoingMessage, localTransaction: LocalTransaction, opts?: SendOptions): Promise<TransactionSendResult>;
    private endFromProducer;
    private ensureHeartbeat;
    private onCheck;
    private runCheck;
    private answerCheck;
}
//# sourceMappingURL=transaction-producer.d.ts.map