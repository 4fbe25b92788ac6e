/**
 * Four teams, four consumer groups, one topic. Every group gets every paid order; inside a group the queues are shared
 * by its running instances. The handlers are toy versions of what each team does; each is idempotent by order id,
 * because RocketMQ delivers at least once (a rebalance or a crash can hand a message to a member again).
 */
import type { Order } from './order.js'

export const TEAMS = ['stock', 'marketing', 'credit', 'wms'] as const
export type Team = (typeof TEAMS)[number]

export const TEAM_GROUPS: Readonly<Record<Team, string>> = Object.freeze({
  stock: 'stock_consumer_group',
  marketing: 'marketing_consumer_group',
  credit: 'credit_consumer_group',
  wms: 'wms_consumer_group',
})

/** What a team does with a paid order. Throwing makes RocketMQ deliver the message again later. */
export type OrderHandler = (order: Order) => Promise<string | undefined> | string | undefined

/** In-memory state of a team handler (a real service would use its database, keyed by order id). */
export interface TeamState {
  readonly processed: Set<string>
  readonly stock: Map<string, number>
  readonly points: Map<string, number>
  readonly coupons: Map<string, number>
  readonly shipments: string[]
}

export function newTeamState(): TeamState {
  return { processed: new Set(), stock: new Map(), points: new Map(), coupons: new Map(), shipments: [] }
}

/** A handler for the team; returns a short description of what it did (for logs), or undefined for a repeat. */
export function teamHandler(team: Team, state: TeamState = newTeamState()): OrderHandler {
  return (order) => {
    if (state.processed.has(order.orderId)) return undefined // a redelivery: already done
    let what: string
    switch (team) {
      case 'stock':
        for (const i of order.items) state.stock.set(i.sku, (state.stock.get(i.sku) ?? 1000) - i.quantity)
        what = order.items.map((i) => `${i.sku} -${i.quantity}`).join(', ')
        break
      case 'marketing': {
        const coupons = order.amountCents >= 10_000 ? 1 : 0
        state.coupons.set(order.userId, (state.coupons.get(order.userId) ?? 0) + coupons)
        what = coupons ? `coupon for ${order.userId}` : `no coupon (${order.amountCents / 100} CNY)`
        break
      }
      case 'credit': {
        const points = Math.floor(order.amountCents / 100)
        state.points.set(order.userId, (state.points.get(order.userId) ?? 0) + points)
        what = `${order.userId} +${points} points`
        break
      }
      case 'wms':
        state.shipments.push(order.orderId)
        what = `shipment ${state.shipments.length} for ${order.orderId}`
        break
    }
    state.processed.add(order.orderId)
    return what
  }
}
