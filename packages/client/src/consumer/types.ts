/** Public types shared by both consumers: rebalance hooks, their contexts, and the typed events. */
import type { RocketMQError } from '../errors.js'
import type { PullResult } from '../cluster/broker-api.js'
import type { MessageQueue } from '../protocol/route.js'
import type { AllocationName } from '../config/consumer.js'
import type { AllocationFunction, AllocationStrategy } from './rebalance/strategies.js'

export interface AssignContext {
  /** Start this queue at `offset` instead of the committed offset. */
  seek(queue: MessageQueue, offset: number): void
  /** Aborted when the hook passes `hookTimeoutMs`; the rebalance then goes on without waiting for it. */
  signal: AbortSignal
}

export interface RevokeContext {
  /** Aborted when the hook passes `hookTimeoutMs`; the rebalance then goes on without waiting for it. */
  signal: AbortSignal
}

/** What `close()` reports, for the push consumer (either transport) and the pull consumer alike. */
export interface CloseResult {
  /** Push: messages whose handlers finished during close. Pull: always 0 (no handler runs inside the consumer). */
  drained: number
  /**
   * Push: messages still running at the deadline; their signals were aborted and they will be delivered again.
   * Pull: messages fetched ahead but never handed out by `poll()`; the next owner of their queue reads them.
   */
  abandoned: number
  /** Offsets committed by close ([] through the proxy: no offsets there). */
  committed: Array<{ queue: MessageQueue; offset: number }>
}

export interface RebalanceEvent {
  added: MessageQueue[]
  removed: MessageQueue[]
  assignment: MessageQueue[]
}

/** What `undecodable` is told about a message that cannot be decoded. */
export interface UndecodableInfo {
  queue: MessageQueue
  /** The queue offset of the message (the queue stays there while the answer is 'stall'). */
  offset: number
  /** ERR_MESSAGE_DECODE with the decoder's reason. */
  error: RocketMQError
  /** 1 for the first attempt at this offset. */
  attempts: number
}

export type UndecodableAction = 'stall' | 'skip'

/** Option fields whose types zod cannot express precisely; the consumers' public option types use these. */
export interface TypedConsumerCallbacks {
  /** A built-in strategy name, a function, or a `{ name, allocate }` strategy. */
  allocation?: AllocationName | AllocationFunction | AllocationStrategy
  /** Awaited (up to `hookTimeoutMs`) before the new queues are pulled; `seek` sets a start offset per queue. */
  onAssign?: (queues: MessageQueue[], context: AssignContext) => Promise<void> | void
  /**
   * Awaited (up to `hookTimeoutMs`) after the queues' in-flight messages finished (or `revokeTimeoutMs` passed) and
   * their offsets were committed, before they are released.
   */
  onRevoke?: (queues: MessageQueue[], context: RevokeContext) => Promise<void> | void
  /** 'stall' (default), 'skip', or a function deciding per attempt; every attempt is reported on `error`. */
  undecodable?: UndecodableAction | ((info: UndecodableInfo) => UndecodableAction | Promise<UndecodableAction>)
}

/**
 * Consumer events (typed; emitted only when someone listens). One naming scheme: `<subject>.<what happened>` (a past
 * participle, or `error` for a failure of that subject), e.g. `pull.completed`, `offset.committed`, `lock.lost`; the
 * subjects are `rebalance`, `pull`, `offset`, `handler`, `lock` and `consumer`. Node's own `error` event keeps its name.
 */
export interface ConsumerEvents {
  /** A rebalance is about to revoke `removed` and assign `added` (before the hooks run). */
  'rebalance.started': [{ added: MessageQueue[]; removed: MessageQueue[] }]
  /** A rebalance finished: `removed` were released, `added` are being pulled, `assignment` is what this member owns now. */
  'rebalance.completed': [RebalanceEvent]
  /** A pull failed (network, broker error, malformed answer); the queue retries after 3 s. */
  'pull.error': [{ queue: MessageQueue; error: RocketMQError; brokerAddress?: string }]
  /** Offsets were committed (to the broker, or the local file in broadcasting). */
  'offset.committed': [{ offsets: Array<{ queue: MessageQueue; offset: number }> }]
  /** Flow control held back a queue's pull: it caches too many messages or bytes, or spans too many offsets (at most once a second). */
  'pull.throttled': [{ queue: MessageQueue; cachedCount: number; cachedBytes: number; span: number }]
  /** The master suggested another broker id (a slave, or back to the master); the queue's next pulls go there. */
  'pull.redirected': [{ queue: MessageQueue; fromBrokerId: number; toBrokerId: number; address: string }]
  /** The broker moved the queue's offset (OFFSET_ILLEGAL or an admin reset); pulling resumes at `nextOffset`. */
  'offset.moved': [{ queue: MessageQueue; nextOffset: number }]
  /** Every pull result: when the request left, how long the broker held it, what came back and from which broker id. */
  'pull.completed': [{ queue: MessageQueue; status: PullResult['status']; messages: number; sentAt: number; durationMs: number; brokerId: number; address: string; nextOffset: number }]
  /**
   * The consumer failed for good and closes itself: the brokers refuse it (authentication failed, the group denied,
   * every subscribed topic denied; what fails start() fails a running consumer the same way). `closed()` resolves
   * with the same error once it has stopped. Retriable failures are never this event: they are `error` and retried.
   */
  'consumer.failed': [RocketMQError]
  error: [RocketMQError]
}
