/**
 * The order system's side: "order paid" is published if and only if the order's database write commits. A
 * TransactionProducer sends the order as a half message (encoded and checked by the order schema, the codec), runs
 * the local transaction (the order row marked paid), then commits; when it cannot say (it crashed in between), the
 * broker asks a live member of the producer group, whose checker looks the order up.
 */
import { TransactionProducer, type Logger, type MessageView, type PushConsumerOptions, type TransactionCheckEvent, type TransactionSendResult, type TransactionState } from '@rocketmq-ts/client'
import { ORDER_TOPIC, makeOrder, orderSchema, type Order } from './order.js'

/** The order system's database, as far as the example needs it. A real one is shared by every producer instance. */
export interface OrderStore {
  /** The local transaction: record the order as paid (throw when the write fails). */
  markPaid(order: Order): Promise<void> | void
  /** The check-back's lookup: was this order recorded as paid? */
  isPaid(orderId: string): Promise<boolean> | boolean
}

/** An in-memory OrderStore (the examples' stand-in for the order database; it dies with the process). */
export function memoryOrderStore(): OrderStore & { readonly paid: ReadonlyMap<string, Order> } {
  const paid = new Map<string, Order>()
  return {
    paid,
    markPaid: (order) => void paid.set(order.orderId, order),
    isPaid: (orderId) => paid.has(orderId),
  }
}

/** A half message whose order is not (yet) paid this long after it was sent is rolled back; younger, asked again. */
export const UNDECIDED_ORDER_MS = 60_000

export interface OrderProducerOptions {
  nameServer: PushConsumerOptions['nameServer']
  topic?: string
  /** Producer group: the broker's check-backs go to a live member of it. Default order_system_tx_group. */
  group?: string
  /** The order database; default a fresh in-memory one. */
  store?: OrderStore
  /** Called after each check-back the broker sent this member was answered. */
  onCheck?: (event: TransactionCheckEvent) => void
  logger?: Logger
}

export interface OrderProducer {
  readonly producer: TransactionProducer
  readonly topic: string
  readonly store: OrderStore
  /**
   * Mark the order paid and publish "order paid", both or neither: resolves when the broker stored the message and
   * the order row is written (state 'commit'); rejects when the write failed (nothing is delivered).
   */
  publish(order: Order): Promise<TransactionSendResult>
  close(): Promise<void>
}

/** The checker's answer for an order message: paid -> commit; not paid -> ask again while young, then roll back. */
export async function checkOrder(store: OrderStore, message: MessageView, now: number = Date.now()): Promise<TransactionState> {
  const orderId = message.keys[0]
  if (orderId === undefined) return 'rollback'
  if (await store.isPaid(orderId)) return 'commit'
  // The local transaction may still be running: a rollback now could lose a payment that commits a moment later.
  return now - message.bornTimestamp < UNDECIDED_ORDER_MS ? 'unknown' : 'rollback'
}

export function createOrderProducer(opts: OrderProducerOptions): OrderProducer {
  const topic = opts.topic ?? ORDER_TOPIC
  const store = opts.store ?? memoryOrderStore()
  const producer = new TransactionProducer({
    nameServer: opts.nameServer,
    group: opts.group ?? 'order_system_tx_group',
    topics: [topic],
    // Orders are encoded as JSON checked by the schema: an order that does not fit is refused before anything is sent.
    codec: orderSchema,
    checker: (message) => checkOrder(store, message),
    ...(opts.onCheck ? { onCheck: opts.onCheck } : {}),
    ...(opts.logger ? { logger: opts.logger } : {}),
  })
  return {
    producer,
    topic,
    store,
    publish: (order) =>
      producer.sendInTransaction({ topic, keys: order.orderId, tags: order.channel, value: order }, async (): Promise<TransactionState> => {
        await store.markPaid(order) // throws -> publish rejects; the half message is left to the checker
        return 'commit'
      }),
    close: () => producer.close(),
  }
}

export interface PublishPacedOptions {
  /** Orders to publish. */
  count: number
  /** Orders per second (0 = as fast as the broker answers, 16 in flight). */
  ratePerSecond?: number
  /** First order sequence number. */
  firstSeq?: number
  signal?: AbortSignal
  /** Called after each stored order. */
  onSent?: (result: TransactionSendResult, order: Order) => void
  /** Called for a send that failed after the producer's retries; without it, a failed send rejects the whole run. */
  onError?: (error: unknown, order: Order) => void
}

/**
 * Publish `count` fake orders at a steady rate. Sends run in small concurrent groups per 100 ms tick, so a slow send
 * does not stall the clock. Resolves with the results in order; stops early (resolving what was sent) on abort.
 */
export async function publishPaced(op: OrderProducer, opts: PublishPacedOptions): Promise<TransactionSendResult[]> {
  const results: TransactionSendResult[] = []
  const first = opts.firstSeq ?? 1
  const rate = opts.ratePerSecond ?? 0
  const started = Date.now()
  let next = 0
  while (next < opts.count && !opts.signal?.aborted) {
    // How many should have been sent by now (all at once in groups of 16 when unpaced)?
    const due = rate > 0 ? Math.min(opts.count, Math.floor(((Date.now() - started) / 1000) * rate) + 1) : Math.min(opts.count, next + 16)
    const batch: Promise<void>[] = []
    for (; next < due; next++) {
      const order = makeOrder(first + next)
      batch.push(
        op.publish(order).then(
          (r) => {
            results.push(r)
            opts.onSent?.(r, order)
          },
          (e: unknown) => {
            if (!opts.onError) throw e
            opts.onError(e, order)
          },
        ),
      )
    }
    await Promise.all(batch)
    if (rate > 0 && next < opts.count) await sleep(100, opts.signal)
  }
  return results
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve()
    const done = () => {
      clearTimeout(t)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    const t = setTimeout(done, ms)
    signal?.addEventListener('abort', done, { once: true })
  })
}
