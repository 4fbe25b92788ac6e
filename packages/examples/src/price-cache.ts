/**
 * Broadcasting: every instance gets every message. Here each machine keeps an in-memory price cache and refreshes
 * it from TopicPriceChange. Offsets are per instance, in a local file (not on the broker), so give each instance a
 * stable `instanceName` if it should resume where it stopped after a restart.
 */
import { hostname } from 'node:os'
import { PushConsumer, type Logger, type MessageView, type Producer, type PushConsumerOptions, type SendResult } from '@rocketmq-ts/client'
import { z } from 'zod'

export const PRICE_TOPIC = 'TopicPriceChange'

export const priceChangeSchema = z.object({ sku: z.string().min(1), priceCents: z.number().int().nonnegative(), version: z.number().int() }).strict()
export type PriceChange = z.infer<typeof priceChangeSchema>

export interface PriceCacheOptions {
  nameServer: PushConsumerOptions['nameServer']
  topic?: string
  group?: string
  /** Names this instance's offset file; default `<hostname>-<pid>` (a new file, i.e. a fresh start, per process). */
  instanceName?: string
  /** Directory of the local offset files; default ~/.rocketmq_offsets. */
  offsetStoreDir?: string
  /** Where an instance without a local offset starts; default 'first' (a cache wants the whole history). */
  consumeFrom?: 'first' | 'last'
  onChange?: (change: PriceChange) => void
  logger?: Logger
}

export interface PriceCache {
  readonly consumer: PushConsumer
  /** sku -> price in cents (latest version wins, so out-of-order or repeated updates are harmless). */
  readonly prices: ReadonlyMap<string, number>
  close(): Promise<void>
}

export async function startPriceCache(opts: PriceCacheOptions): Promise<PriceCache> {
  const prices = new Map<string, number>()
  const versions = new Map<string, number>()
  const consumer = new PushConsumer({
    nameServer: opts.nameServer,
    group: opts.group ?? 'price_cache_broadcast_group',
    model: 'broadcasting',
    subscriptions: { [opts.topic ?? PRICE_TOPIC]: '*' },
    consumeFrom: opts.consumeFrom ?? 'first',
    instanceName: opts.instanceName ?? `${hostname()}-${process.pid}`,
    ...(opts.offsetStoreDir ? { offsetStoreDir: opts.offsetStoreDir } : {}),
    ...(opts.logger ? { logger: opts.logger } : {}),
    handler: (message: MessageView) => {
      const r = priceChangeSchema.safeParse(JSON.parse(message.body.toString('utf8')))
      if (!r.success) return // broadcasting does not retry failed messages anyway
      const change = r.data
      if ((versions.get(change.sku) ?? -1) >= change.version) return
      versions.set(change.sku, change.version)
      prices.set(change.sku, change.priceCents)
      opts.onChange?.(change)
    },
  })
  await consumer.start()
  return {
    consumer,
    prices,
    close: async () => {
      await consumer.close()
    },
  }
}

/** Publish a price change (key = sku). */
export function publishPriceChange(producer: Producer, change: PriceChange, topic: string = PRICE_TOPIC): Promise<SendResult> {
  return producer.send({ topic, keys: change.sku, tags: 'price', body: JSON.stringify(priceChangeSchema.parse(change)) })
}
