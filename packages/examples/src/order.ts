/**
 * The message every team consumes: "an order was paid". The order id is the message key (so the broker can look it
 * up), the payment channel is the tag (so a team can subscribe to one channel), and the body is JSON checked by zod.
 */
import { z } from 'zod'
import type { Message, MessageView } from '@rocketmq-ts/client'

export const ORDER_TOPIC = 'TopicOrderPaySuccess'

/** Tags: one per payment channel. Subscribe with e.g. `'alipay || wechat'` to get only those. */
export const PAY_CHANNELS = ['alipay', 'wechat', 'card'] as const
export type PayChannel = (typeof PAY_CHANNELS)[number]

export const orderItemSchema = z
  .object({
    sku: z.string().min(1),
    quantity: z.number().int().positive(),
    priceCents: z.number().int().nonnegative(),
  })
  .strict()

export const orderSchema = z
  .object({
    orderId: z.string().min(1),
    userId: z.string().min(1),
    channel: z.enum(PAY_CHANNELS),
    amountCents: z.number().int().nonnegative(),
    currency: z.literal('CNY'),
    items: z.array(orderItemSchema).min(1),
    /** ISO time of the payment. */
    paidAt: z.string().datetime(),
  })
  .strict()

export type Order = z.infer<typeof orderSchema>

/** A deterministic fake order number `seq` (what a real order system would read from its database). */
export function makeOrder(seq: number, now: Date = new Date()): Order {
  const channel = PAY_CHANNELS[seq % PAY_CHANNELS.length]!
  const items = [{ sku: `SKU-${(seq * 7) % 50}`, quantity: 1 + (seq % 3), priceCents: 990 + ((seq * 131) % 9000) }]
  if (seq % 4 === 0) items.push({ sku: `SKU-${(seq * 11) % 50}`, quantity: 1, priceCents: 1990 })
  return {
    orderId: `O${String(seq).padStart(8, '0')}`,
    userId: `U${(seq * 17) % 1000}`,
    channel,
    amountCents: items.reduce((s, i) => s + i.quantity * i.priceCents, 0),
    currency: 'CNY',
    items,
    paidAt: now.toISOString(),
  }
}

/** The message for an order: key = order id, tag = payment channel, JSON body. */
export function orderMessage(order: Order, topic: string = ORDER_TOPIC): Message {
  return {
    topic,
    keys: order.orderId,
    tags: order.channel,
    body: JSON.stringify(orderSchema.parse(order)),
  }
}

export type ParsedOrder = { ok: true; order: Order } | { ok: false; error: string }

/** Parse and check a consumed message's body. Never throws: a malformed body is a value, not an exception. */
export function parseOrder(message: MessageView): ParsedOrder {
  let json: unknown
  try {
    json = JSON.parse(message.body.toString('utf8'))
  } catch (e) {
    return { ok: false, error: `body is not JSON: ${(e as Error).message}` }
  }
  const r = orderSchema.safeParse(json)
  if (!r.success) return { ok: false, error: r.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ') }
  return { ok: true, order: r.data }
}
