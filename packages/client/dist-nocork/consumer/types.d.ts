/** Public types shared by both consumers: rebalance hooks, their contexts, and the typed events. */
import type { RocketMQError } from '../errors.js';
import type { PullResult } from '../cluster/broker-api.js';
import type { MessageQueue } from '../protocol/route.js';
import type { QueueOffset } from '../protocol/message-queue.js';
import type { MessageView } from '../protocol/message.js';
import type { PayloadEvents } from './payload.js';
import type { AllocationName } from '../config/consumer.js';
import type { AllocationFunction, AllocationStrategy } from './rebalance/strategies.js';
/** The second argument of `onAssign`. */
export interface AssignContext {
    /** Start this queue at `offset` instead of the committed offset. */
    seek(queue: MessageQueue, offset: number): void;
    /** Aborted when the hook passes `hookTimeoutMs`; the rebalance then goes on without waiting for it. */
    signal: AbortSignal;
}
/** The second argument of `onRevoke`. */
export interface RevokeContext {
    /** Aborted when the hook passes `hookTimeoutMs`; the rebalance then goes on without waiting for it. */
    signal: AbortSignal;
}
/** What `close()` reports, for the push consumer (either transport) and the pull consumer alike. */
export interface CloseResult {
    /** Push: messages whose handlers finished during close. Pull: always 0 (no handler runs inside the consumer). */
    drained: number;
    /**
     * Push: messages still running at the deadline; their signals were aborted and they will be delivered again.
     * Pull: messages fetched ahead but never handed out by `poll()`; the next owner of their queue reads them.
     */
    abandoned: number;
    /** Offsets committed by close ([] through the proxy: no offsets there). */
    committed: QueueOffset[];
}
/** The payload of `rebalance.completed`. */
export interface RebalanceEvent {
    /** Queues this member got in this rebalance (now being pulled). */
    added: MessageQueue[];
    /** Queues this member gave up in this rebalance (released). */
    removed: MessageQueue[];
    /** Every queue this member owns now. */
    assignment: MessageQueue[];
}
/** What `undecodable` is told about a message that cannot be decoded. */
export interface UndecodableInfo {
    /** The queue of the message. */
    queue: MessageQueue;
    /** The queue offset of the message (the queue stays there while the answer is 'stall'). */
    offset: number;
    /** ERR_MESSAGE_DECODE with the decoder's reason. */
    error: RocketMQError;
    /** 1 for the first attempt at this offset. */
    attempts: number;
}
/** What to do with a message that cannot be decoded: `'stall'` (retry at that offset) or `'skip'` (move past it). */
export type UndecodableAction = 'stall' | 'skip';
/** Option fields whose types zod cannot express precisely; the consumers' public option types use these. */
export interface TypedConsumerCallbacks {
    /**
     * How the group's members share a topic's queues: a built-in name (`'averagely'`, `'averagely-by-circle'`,
     * `'consistent-hash'`, `'by-config'`, `'machine-room'`, `'machine-room-nearby'`), a function, or a
     * `{ name, allocate }` strategy (Java allocateMessageQueueStrategy). Every member of a group must use the same one.
     * @defaultValue 'averagely'
     */
    allocation?: AllocationName | AllocationFunction | AllocationStrategy;
    /**
     * Awaited (up to `hookTimeoutMs`) before the new queues are pulled; `seek` sets a start offset per queue. A hook that
     * throws is reported on `error`; the queues stay assigned. Default none.
     */
    onAssign?: (queues: MessageQueue[], context: AssignContext) => Promise<void> | void;
    /**
     * Awaited (up to `hookTimeoutMs`) after the queues' in-flight messages finished (or `revokeTimeoutMs` passed) and
     * their offsets were committed, before they are released. Default none.
     */
    onRevoke?: (queues: MessageQueue[], context: RevokeContext) => Promise<void> | void;
    /**
     * A message that cannot be decoded: `'stall'` keeps the queue at its offset and retries with back-off (3 s doubling
     * to 60 s), `'skip'` moves past it, a function `({ queue, offset, error, attempts })` decides per attempt; every
     * attempt is reported on `error` (ERR_MESSAGE_DECODE).
     * @defaultValue 'stall'
     */
    undecodable?: UndecodableAction | ((info: UndecodableInfo) => UndecodableAction | Promise<UndecodableAction>);
}
/**
 * Consumer events (typed; emitted only when someone listens). One naming scheme: `<subject>.<what happened>` (a past
 * participle, or `error` for a failure of that subject), e.g. `pull.completed`, `offset.committed`, `lock.lost`; the
 * subjects are `rebalance`, `pull`, `offset`, `handler`, `lock` and `consumer`. Node's own `error` event keeps its name.
 */
export interface ConsumerEvents {
    /** A rebalance is about to revoke `removed` and assign `added` (before the hooks run). */
    'rebalance.started': [
        {
            /** Queues about to be assigned to this member. */
            added: MessageQueue[];
            /** Queues about to be revoked from this member. */
            removed: MessageQueue[];
        }
    ];
    /** A rebalance finished: `removed` were released, `added` are being pulled, `assignment` is what this member owns now. */
    'rebalance.completed': [RebalanceEvent];
    /** A pull failed (network, broker error, malformed answer); the queue retries after 3 s. */
    'pull.error': [
        {
            /** The queue whose pull failed. */
            queue: MessageQueue;
            /** Why (ERR_CONNECTION, ERR_TIMEOUT, a broker error, ...). */
            error: RocketMQError;
            /** The broker address pulled from, when known. */
            brokerAddress?: string;
        }
    ];
    /** Offsets were committed (to the broker, or the local file in broadcasting). */
    'offset.committed': [
        {
            /** The committed position of each queue: the offset of its next message to consume. */
            offsets: QueueOffset[];
        }
    ];
    /** Flow control held back a queue's pull: it caches too many messages or bytes, or spans too many offsets (at most once a second). */
    'pull.throttled': [
        {
            /** The queue held back. */
            queue: MessageQueue;
            /** Messages it caches. */
            cachedCount: number;
            /** Body bytes it caches. */
            cachedBytes: number;
            /** Offsets between its first and last cached message. */
            span: number;
        }
    ];
    /** The master suggested another broker id (a slave, or back to the master); the queue's next pulls go there. */
    'pull.redirected': [
        {
            /** The queue redirected. */
            queue: MessageQueue;
            /** The broker id pulled from until now (0 = master). */
            fromBrokerId: number;
            /** The broker id pulled from next. */
            toBrokerId: number;
            /** The address of `toBrokerId`. */
            address: string;
        }
    ];
    /** The broker moved the queue's offset (OFFSET_ILLEGAL or an admin reset); pulling resumes at `nextOffset`. */
    'offset.moved': [
        {
            /** The queue whose offset moved. */
            queue: MessageQueue;
            /** Where pulling resumes. */
            nextOffset: number;
        }
    ];
    /** Every pull result: when the request left, how long the broker held it, what came back and from which broker id. */
    'pull.completed': [
        {
            /** The queue pulled. */
            queue: MessageQueue;
            /** The broker's answer. */
            status: PullResult['status'];
            /** Messages in the answer (before tag filtering). */
            messages: number;
            /** When the request left (epoch ms). */
            sentAt: number;
            /** From request to answer, in ms (includes the broker's long-polling hold). */
            durationMs: number;
            /** The broker id that answered (0 = master). */
            brokerId: number;
            /** Its address. */
            address: string;
            /** The offset of the next pull. */
            nextOffset: number;
        }
    ];
    /**
     * The consumer failed for good and closes itself: the brokers refuse it (authentication failed, the group denied,
     * every subscribed topic denied; what fails start() fails a running consumer the same way). `closed()` resolves
     * with the same error once it has stopped. Retriable failures are never this event: they are `error` and retried.
     */
    'consumer.failed': [RocketMQError];
    /**
     * A background failure (a rebalance, a hook, a commit, a reader loop, an undecodable message, access denied): the
     * consumer goes on. With no listener and no logger, the first of each code is shown as a process warning.
     */
    error: [RocketMQError];
}
/** The push consumer's events: every {@link ConsumerEvents} event, plus the payload's, the handler's and the ordered modes' own. */
export interface PushConsumerEvents extends ConsumerEvents, PayloadEvents {
    /**
     * A handler threw or timed out; `retry` says whether the message will be handled again (sent back to the broker, or
     * in the ordered modes retried in place); `dlq` (ordered modes) that it was moved to %DLQ%<group> instead.
     */
    'handler.error': [
        {
            /** The message, or the batch, the handler failed on. */
            messages: MessageView[];
            /** What the handler threw (ERR_HANDLER_TIMEOUT when it timed out). */
            error: unknown;
            /** Whether the message(s) will be handled again. */
            retry: boolean;
            /** The queue of the message(s). */
            queue: MessageQueue;
            /** Ordered modes: moved to %DLQ%<group> after `maxReconsumeTimes`. */
            dlq?: boolean;
        }
    ];
    /** Ordered modes (clustering): this member got a queue's broker lock. */
    'lock.acquired': [
        {
            /** The queue locked. */
            queue: MessageQueue;
            /** It had lost the lock before. */
            relocked: boolean;
        }
    ];
    /** Ordered modes (clustering): the queue's lock is gone; it stops until relocked. */
    'lock.lost': [
        {
            /** The queue unlocked. */
            queue: MessageQueue;
            /** `refused`: another member holds it; `expired`: no renewal for 30 s. */
            reason: 'refused' | 'expired';
        }
    ];
}
//# sourceMappingURL=types.d.ts.map