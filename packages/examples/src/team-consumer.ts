/**
 * One generic consumer for the four teams: a PushConsumer in the team's group, subscribed to every payment channel,
 * running the team's handler on each order. The order schema is its codec (the handler gets a typed Order; a
 * malformed body goes to the DLQ without retries) and `dedupe` by order id skips redeliveries this member handled.
 */
import { PushConsumer, type Logger, type MessageQueue, type MessageView, type PushConsumerOptions } from '@rocketmq-ts/client'
import { ORDER_TOPIC, orderSchema } from './order.js'
import { TEAM_GROUPS, teamHandler, type OrderHandler, type Team } from './teams.js'

export interface RunConsumerOptions {
  nameServer: PushConsumerOptions['nameServer']
  topic?: string
  /** Consumer group; default the team's (e.g. stock_consumer_group). */
  group?: string
  /** Tag expression; default every channel. */
  tags?: string
  /** Where a group with no committed offset starts; default 'first' (the example topic is its own). */
  consumeFrom?: 'first' | 'last'
  handler?: OrderHandler
  /** Called after each message is handled (also for malformed ones, which go to the group's DLQ). */
  onConsumed?: (message: MessageView, result: string | undefined) => void
  /** Called for a redelivered order this member already handled: dedupe skipped it (the handler did not run). */
  onDeduplicated?: (message: MessageView, orderId: string) => void
  /** Called when this member's queues of the topic change (after start and after each rebalance). */
  onAssignment?: (queues: MessageQueue[]) => void
  logger?: Logger
  rebalanceIntervalMs?: number
}

/** Create and start a team's consumer; resolves once it owns its first queues. */
export async function runConsumer(team: Team, opts: RunConsumerOptions): Promise<PushConsumer> {
  const handle = opts.handler ?? teamHandler(team)
  const topic = opts.topic ?? ORDER_TOPIC
  const consumer = new PushConsumer({
    nameServer: opts.nameServer,
    group: opts.group ?? TEAM_GROUPS[team],
    subscriptions: { [topic]: opts.tags ?? '*' },
    consumeFrom: opts.consumeFrom ?? 'first',
    ...(opts.logger ? { logger: opts.logger } : {}),
    ...(opts.rebalanceIntervalMs ? { rebalanceIntervalMs: opts.rebalanceIntervalMs } : {}),
    // The body is JSON checked by the order schema before the handler runs: `message.value` is a typed Order. A body
    // that fails the schema can never succeed, so it is not retried: it goes to %DLQ%<group> (payload.rejected below).
    codec: orderSchema,
    // A redelivered order (a rebalance, an offset reset) that this member already handled is not handled twice.
    dedupe: { key: (m) => m.keys[0], max: 100_000 },
    handler: async (message) => {
      const result = await handle(message.value) // a throw here means "retry later"
      opts.onConsumed?.(message, result)
    },
  })
  if (opts.onDeduplicated) consumer.on('message.deduplicated', ({ message, key }) => opts.onDeduplicated?.(message, key))
  consumer.on('payload.rejected', ({ message, error }) => {
    opts.logger?.warn({ msgId: message.msgId, error: error.message }, 'malformed order message moved to the DLQ')
    opts.onConsumed?.(message, `rejected: ${error.message}`)
  })
  // Report the order topic's queues only (the assignment also lists the group's %RETRY% queues), once per change.
  let last: string | undefined
  const report = (all: MessageQueue[]) => {
    const mine = all.filter((q) => q.topic === topic)
    const key = formatQueues(mine)
    if (key === last) return
    last = key
    opts.onAssignment?.(mine)
  }
  if (opts.onAssignment) consumer.on('rebalance.completed', (e) => report(e.assignment))
  await consumer.start()
  if (opts.onAssignment) report(consumer.assignment())
  return consumer
}

/** "broker-a:0 broker-a:1" */
export function formatQueues(queues: readonly MessageQueue[]): string {
  return queues.map((q) => `${q.brokerName}:${q.queueId}`).join(' ')
}
