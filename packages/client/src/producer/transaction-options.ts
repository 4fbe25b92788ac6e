/**
 * The TransactionProducer's own options (beside every Producer option) and the types its callbacks see. In the
 * producer layer, not config/, because they name a received message (MessageView) and the producer's check event.
 */
import { z } from 'zod'
import { groupSchema, topicSchema } from '../config/common.js'
import type { RocketMQError } from '../errors.js'
import type { MessageView } from '../protocol/message.js'

/** What a local transaction or a check-back decided: publish the message, drop it, or ask again later. */
export type TransactionState = 'commit' | 'rollback' | 'unknown'

/**
 * The extra options of a TransactionProducer (beside every Producer option; `group` becomes required because the
 * broker routes check-backs by it).
 */
export const transactionOptionsSchema = z
  .object({
    group: groupSchema,
    /**
     * Answers the broker's check-back (CHECK_TRANSACTION_STATE) for a half message whose transaction this member did
     * not end (it returned 'unknown', threw, or the producer that sent it died): look the transaction up (e.g. the
     * order row by `message.keys`) and return 'commit', 'rollback', or 'unknown' to be asked again later.
     */
    checker: z.custom<(message: MessageView) => TransactionState | Promise<TransactionState>>((v) => typeof v === 'function', {
      message: "must be a function (message) => 'commit' | 'rollback' | 'unknown' (or a promise of one)",
    }),
    /**
     * Topics this producer sends transactional messages to: start() learns their brokers and heartbeats them at once,
     * so check-backs for half messages left by an earlier (crashed) member of the group reach this one before its
     * first send. Without it, a broker learns about this member on its first send to it.
     */
    topics: z.array(topicSchema).max(1024).optional(),
    /** Called after each check-back is answered (or could not be): { msgId, transactionId, topic, broker, state, error? }. */
    onCheck: z.custom<(event: TransactionCheckEvent) => void>((v) => typeof v === 'function', { message: 'must be a function (event) => void' }).optional(),
    /** Check-backs answered at the same time; more wait in a queue of up to 2000 (beyond, dropped: the broker asks again). */
    maxConcurrentChecks: z.number().int().min(1).max(1024).default(8),
  })
  .strict()

/** A check-back answered (or failed), given to the `onCheck` option. */
export interface TransactionCheckEvent {
  /** The transaction id the broker asked about. */
  transactionId: string
  /** The half message's id. */
  msgId: string
  /** The half message's topic. */
  topic: string
  /** The broker that asked (undefined when its name was not in the request). */
  broker: string | undefined
  /** The answer sent: 'commit', 'rollback' or 'unknown'. */
  state: TransactionState
  /** The checker threw or returned something else ('unknown' is then assumed), or the answer could not be sent. */
  error?: RocketMQError
}
