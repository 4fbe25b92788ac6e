/**
 * Transactional messages (Java TransactionMQProducer): a half message the broker keeps aside, the application's local
 * transaction, then END_TRANSACTION commit (consumers get the message) or rollback (they never do). When the producer
 * cannot say (the local transaction returned 'unknown' or threw, or the process died), the broker asks a live member
 * of the producer group later (CHECK_TRANSACTION_STATE) and the application's checker answers.
 */
import { parseOptions } from '../config/common.js'
import type { ProducerOptionsInput } from '../config/producer.js'
import { RocketMQError, toRocketMQError } from '../errors.js'
import { endTransaction, TransactionEnd, type SendResult } from '../cluster/broker-api.js'
import type { ClientDeps } from '../cluster/port.js'
import type { TransactionCheckRequest } from '../cluster/client-instance.js'
import { decodeOffsetMsgId } from '../protocol/message-id.js'
import type { MessageView } from '../protocol/message.js'
import { withoutNamespace, wrapNamespace } from '../protocol/namespace.js'
import type { Message } from './message.js'
import { Producer, type OutgoingMessage, type SendOptions } from './producer.js'
import { transactionOptionsSchema, type TransactionCheckEvent, type TransactionState } from './transaction-options.js'

export type { TransactionCheckEvent, TransactionState } from './transaction-options.js'

/** Answers a check-back: how did the transaction of this half message end? */
export type TransactionChecker = (message: MessageView) => TransactionState | Promise<TransactionState>

/** The application's local transaction, run after the half message is stored. */
export type LocalTransaction = (context: LocalTransactionContext) => TransactionState | Promise<TransactionState>

/** What the local transaction function is given: the half message as sent and its send result. */
export interface LocalTransactionContext {
  /** The message as sent (with the codec, its encoded body). */
  readonly message: Message
  /** The half message's send result; `transactionId` is what the checker will see as the message's msgId. */
  readonly result: SendResult & {
    /** The transaction id (the half message's UNIQ_KEY). */
    transactionId: string
  }
}

/** Options of `new TransactionProducer(...)`: the producer's options plus the transaction ones. */
export type TransactionProducerOptions = ProducerOptionsInput & {
  /** Required: the broker sends check-backs to a live member of this group. */
  group: string
  /** Answers the broker's check-backs for undecided half messages: 'commit', 'rollback' or 'unknown' (asked again later). */
  checker: TransactionChecker
  /** Topics whose brokers start() registers this member with at once, so check-backs reach it before its first send. */
  topics?: readonly string[]
  /** Check-backs answered at once (more wait in a bounded queue). Default 8. */
  maxConcurrentChecks?: number
  /** Called after each check-back is answered (or could not be). */
  onCheck?: (event: TransactionCheckEvent) => void
}

export interface TransactionSendResult extends SendResult {
  transactionId: string
  /**
   * The decision sent to the broker. 'rollback' without running the local transaction when the broker stored the half
   * message with a status other than SEND_OK (as Java). 'unknown': nothing sent; the checker decides later.
   */
  state: TransactionState
  /**
   * END_TRANSACTION could not be written (e.g. the connection dropped). The decision did not reach the broker, which
   * will ask the checker instead: make sure it answers the same.
   */
  endError?: RocketMQError
}

const STATES: ReadonlySet<unknown> = new Set(['commit', 'rollback', 'unknown'])
const MAX_QUEUED_CHECKS = 2000

/**
 * Sends messages inside a local transaction: `sendInTransaction(message, localTransaction)`. Also a full Producer
 * (send, sendBatch, ...), sending under the same group.
 */
export class TransactionProducer extends Producer {
  private readonly checker: TransactionChecker
  private readonly topics: readonly string[]
  private readonly maxConcurrentChecks: number
  private readonly onChecked: ((event: TransactionCheckEvent) => void) | undefined
  /** The group as the broker knows it (with the namespace). */
  private readonly wireGroup: string
  private readonly heartbeated = new Set<string>()
  private checksRunning = 0
  private readonly checkQueue: TransactionCheckRequest[] = []
  private txStartPromise?: Promise<void>

  /** Checks the options (ERR_INVALID_OPTION naming the field); connects lazily, like Producer. */
  constructor(options: TransactionProducerOptions, deps: ClientDeps = {}) {
    const input = (options ?? {}) as Record<string, unknown>
    const { checker, topics, maxConcurrentChecks, onCheck, ...rest } = input
    const tx = parseOptions(transactionOptionsSchema, { group: rest['group'], checker, topics, maxConcurrentChecks, onCheck }, 'TransactionProducer')
    super(rest as ProducerOptionsInput, deps)
    this.checker = tx.checker
    this.topics = tx.topics ?? []
    this.maxConcurrentChecks = tx.maxConcurrentChecks
    this.onChecked = tx.onCheck
    this.wireGroup = wrapNamespace(this.options.namespace, this.options.group)
    this.client.registerProducer(this.wireGroup, { group: this.wireGroup, checkTransaction: (req) => this.onCheck(req) })
  }

  /**
   * Starts heartbeats and, with `topics`, registers this member with their brokers now, so check-backs for half
   * messages an earlier member left undecided come here. Optional: the first send does it for its broker.
   */
  override async start(): Promise<void> {
    await super.start()
    this.txStartPromise ??= (async () => {
      const ns = this.options.namespace
      await Promise.all(this.topics.map((t) => this.client.getRoute(wrapNamespace(ns, t), true)))
      const brokers = new Set<string>()
      for (const t of this.topics) for (const q of await this.client.publishQueues(wrapNamespace(ns, t))) brokers.add(q.brokerName)
      await this.client.sendHeartbeatToAllBrokers()
      for (const b of brokers) this.heartbeated.add(b)
    })()
    return this.txStartPromise
  }

  /**
   * Sends `message` as a half message, runs `localTransaction`, then commits or rolls back as it says:
   * - 'commit': consumers receive the message; 'rollback': they never do;
   * - 'unknown' (or a throw, which rejects this call with the error): nothing is sent; the broker asks the checker
   *   later (after its transactionTimeOut, 6 s by default, then every transactionCheckInterval).
   * A half send that fails rejects without running the local transaction. delayLevel / deliverAt / delayMs are refused.
   * With the producer's `codec`, give `value` instead of `body` (a value the codec refuses is ERR_PAYLOAD_INVALID and
   * nothing is sent).
   */
  async sendInTransaction(outgoing: OutgoingMessage, localTransaction: LocalTransaction, opts: SendOptions = {}): Promise<TransactionSendResult> {
    if (typeof localTransaction !== 'function') throw new RocketMQError('ERR_INVALID_OPTION', 'sendInTransaction needs a local transaction function', { context: { topic: outgoing?.topic } })
    const message = this.encoded(outgoing)
    if (message.delayLevel || message.deliverAt !== undefined || message.delayMs !== undefined) {
      throw new RocketMQError('ERR_INVALID_OPTION', 'a transactional message cannot have delayLevel, deliverAt or delayMs', { context: { topic: message.topic } })
    }
    const sent = await this.sendHalf(message, opts)
    const result = { ...sent, transactionId: sent.transactionId ?? sent.msgId }
    // The broker checks back only members it has heard a heartbeat from; make sure this one is among them before the
    // decision can be lost.
    await this.ensureHeartbeat(result.queue.brokerName)

    let state: TransactionState
    let localError: unknown
    let hasLocalError = false
    if (result.status !== 'SEND_OK') {
      state = 'rollback'
    } else {
      try {
        const decided = await localTransaction({ message, result })
        if (STATES.has(decided)) state = decided
        else {
          state = 'unknown'
          hasLocalError = true
          localError = new RocketMQError('ERR_INVALID_OPTION', `The local transaction returned ${JSON.stringify(decided)}; expected 'commit', 'rollback' or 'unknown'. Left to the checker.`, {
            context: { topic: message.topic, msgId: result.msgId },
          })
        }
      } catch (e) {
        state = 'unknown'
        hasLocalError = true
        localError = e
      }
    }
    const out: TransactionSendResult = { ...result, state }
    if (state !== 'unknown') {
      try {
        await this.endFromProducer(message, result, state)
      } catch (e) {
        out.endError = toRocketMQError(e, 'ERR_SEND_FAILED', `END_TRANSACTION (${state}) for ${result.msgId} not sent; the broker will ask the checker`, {
          topic: message.topic,
          broker: result.queue.brokerName,
        })
        this.client.logger.warn({ msgId: result.msgId, state, err: out.endError }, 'end transaction failed; left to the check-back')
      }
    }
    if (hasLocalError) {
      this.client.logger.warn({ msgId: result.msgId, err: localError }, 'local transaction failed; left to the check-back')
      throw localError
    }
    return out
  }

  private async endFromProducer(message: Message, result: LocalTransactionContext['result'], state: 'commit' | 'rollback'): Promise<void> {
    const topic = wrapNamespace(this.options.namespace, message.topic)
    const address = await this.client.findMasterAddressOrRefresh(result.queue.brokerName, topic)
    const commitLogOffset = decodeOffsetMsgId(result.offsetMsgId !== '' ? result.offsetMsgId : result.msgId).offset
    await endTransaction(this.client.remoting, address, {
      topic,
      producerGroup: this.wireGroup,
      tranStateTableOffset: String(result.queueOffset),
      commitLogOffset: String(commitLogOffset),
      commitOrRollback: state === 'commit' ? TransactionEnd.COMMIT : TransactionEnd.ROLLBACK,
      fromTransactionCheck: false,
      msgId: result.msgId,
      transactionId: result.transactionId,
      brokerName: result.queue.brokerName,
    })
  }

  private async ensureHeartbeat(brokerName: string): Promise<void> {
    if (this.heartbeated.has(brokerName)) return
    try {
      await this.client.sendHeartbeatToAllBrokers()
      this.heartbeated.add(brokerName)
    } catch (e) {
      // The periodic heartbeat tries again; until then a check-back may go to another member or wait.
      this.client.logger.warn({ broker: brokerName, err: e }, 'heartbeat after a half message failed')
    }
  }

  // ------------------------------------------------------------------ check-backs

  private onCheck(req: TransactionCheckRequest): void {
    if (this.closed) return
    if (this.checksRunning < this.maxConcurrentChecks) {
      this.runCheck(req)
      return
    }
    if (this.checkQueue.length >= MAX_QUEUED_CHECKS) {
      this.client.logger.warn({ msgId: req.message.msgId }, 'too many check-backs waiting; this one is dropped (the broker asks again)')
      return
    }
    this.checkQueue.push(req)
  }

  private runCheck(req: TransactionCheckRequest): void {
    this.checksRunning++
    void this.answerCheck(req)
      .catch((e: unknown) => this.client.logger.error({ err: e }, 'check-back handling failed'))
      .finally(() => {
        this.checksRunning--
        const next = this.checkQueue.shift()
        if (next !== undefined && !this.closed) this.runCheck(next)
      })
  }

  private async answerCheck(req: TransactionCheckRequest): Promise<void> {
    const message = req.message
    const ns = this.options.namespace
    if (ns) message.topic = withoutNamespace(ns, message.topic)
    const msgId = message.properties.UNIQ_KEY ?? message.msgId
    const transactionId = req.transactionId ?? msgId
    let state: TransactionState = 'unknown'
    let error: RocketMQError | undefined
    try {
      const answer = await this.checker(message)
      if (STATES.has(answer)) state = answer
      else error = new RocketMQError('ERR_INVALID_OPTION', `The checker returned ${JSON.stringify(answer)}; expected 'commit', 'rollback' or 'unknown'`, { context: { topic: message.topic, msgId } })
    } catch (e) {
      error = toRocketMQError(e, 'ERR_INVALID_OPTION', `The transaction checker threw for ${msgId}; the broker asks again later`, { topic: message.topic, msgId })
    }
    if (state !== 'unknown' && !this.closed) {
      try {
        await endTransaction(this.client.remoting, req.address, {
          ...(req.topic === undefined ? {} : { topic: req.topic }),
          producerGroup: this.wireGroup,
          tranStateTableOffset: req.tranStateTableOffset,
          commitLogOffset: req.commitLogOffset,
          commitOrRollback: state === 'commit' ? TransactionEnd.COMMIT : TransactionEnd.ROLLBACK,
          fromTransactionCheck: true,
          msgId,
          transactionId,
          ...(req.brokerName === undefined ? {} : { brokerName: req.brokerName }),
        })
      } catch (e) {
        error = toRocketMQError(e, 'ERR_SEND_FAILED', `END_TRANSACTION (${state}) answering a check-back for ${msgId} not sent; the broker asks again later`, { topic: message.topic, msgId })
      }
    }
    if (error !== undefined) this.client.logger.warn({ msgId, err: error }, 'transaction check-back not answered')
    if (this.onChecked !== undefined) {
      const event: TransactionCheckEvent = { transactionId, msgId, topic: message.topic, broker: req.brokerName, state, ...(error === undefined ? {} : { error }) }
      try {
        this.onChecked(event)
      } catch (e) {
        this.client.logger.error({ err: e }, 'onCheck threw')
      }
    }
  }
}
