/**
 * The second transport: PushConsumer with `proxy` consumes through the cluster-mode proxy's gRPC port
 * (rocketmq-client-nodejs, POP) what our remoting Producer sends straight to the brokers.
 */
import { describe, expect, it } from 'vitest'
import { PushConsumer, RocketMQError, type MessageView, type ProxyPushConsumerOptions } from '@rocketmq-ts/client'
import '@rocketmq-ts/proxy' // registers the proxy (gRPC) push engine with the PushConsumer facade
import { clusterAddresses, uniqueName } from './helpers.js'
import { Collector, consumerSuite, produce } from './support/consumers.js'

const suite = consumerSuite()

function proxyEndpoint(): string {
  const proxy = clusterAddresses().proxy
  if (proxy === null) throw new Error('this cluster has no proxy (the kit starts one unless withProxy is false)')
  return proxy.grpc
}

function consumer(opts: Omit<ProxyPushConsumerOptions, 'proxy'> & { proxy?: Partial<ProxyPushConsumerOptions['proxy']> }): PushConsumer {
  return suite.track(new PushConsumer({ ...opts, proxy: { endpoints: proxyEndpoint(), ...opts.proxy } }))
}

async function topic(prefix: string): Promise<string> {
  const t = uniqueName(prefix)
  await suite.cluster.createTopic(t, { queuesPerBroker: 2 })
  return t
}

describe('PushConsumer through the proxy (gRPC)', () => {
  it('consumes every message the remoting producer sent, with keys, tags, body and properties intact', async () => {
    const t = await topic('TopicProxy')
    const got = new Collector()
    const tags = (i: number) => (i % 2 === 0 ? 'Even' : 'Odd')
    // Half before the group exists (a new group on a fresh topic starts at its beginning), half while it long-polls.
    const ids = await produce(suite.producer, t, 100, { tags })
    const c = consumer({ group: uniqueName('proxy'), subscriptions: { [t]: '*' }, handler: got.add })
    await c.start()
    expect(c.clientId).not.toBe('')
    expect(c.assignment()).toEqual([])
    ids.push(...(await produce(suite.producer, t, 100, { tags, prefix: 'n' })))
    await got.until(() => got.unique === ids.length, 30_000, '200 messages through the proxy')
    expect(got.missing(ids)).toEqual([])
    const byId = new Map(got.messages.map((m) => [m.msgId, m]))
    for (const [i, key] of [[0, 'm-0'], [1, 'm-1'], [199, 'n-99']] as const) {
      const m = byId.get(ids[i]!)!
      expect(m.topic).toBe(t)
      expect(m.keys).toEqual([key])
      expect(m.tags).toBe(i % 2 === 0 ? 'Even' : 'Odd')
      expect(m.body.toString()).toBe(key)
      expect(m.properties['UNIQ_KEY']).toBe(ids[i])
      expect(m.reconsumeTimes).toBe(0)
      expect(m.queueId).toBe(-1)
      expect(m.bornTimestamp).toBeGreaterThan(Date.now() - 120_000)
    }
    const closed = await c.close()
    expect(closed).toEqual({ drained: 0, abandoned: 0, committed: [] })
  })

  it('filters by tag on the broker side', async () => {
    const t = await topic('TopicProxyTags')
    const got = new Collector()
    const channels = ['Alipay', 'WeChat', 'UnionPay']
    const ids = await produce(suite.producer, t, 30, { tags: (i) => channels[i % 3]! })
    const c = consumer({ group: uniqueName('proxytags'), subscriptions: { [t]: 'Alipay || WeChat' }, handler: got.add })
    await c.start()
    const wanted = ids.filter((_, i) => i % 3 !== 2)
    await got.until(() => got.unique >= wanted.length, 30_000, 'tagged messages')
    expect(got.missing(wanted)).toEqual([])
    expect(got.messages.every((m) => m.tags === 'Alipay' || m.tags === 'WeChat')).toBe(true)
  })

  it('a handler that throws gets the message again (reconsumeTimes 1) after the retry delay; handler.error reports it', async () => {
    const t = await topic('TopicProxyRetry')
    const attempts = new Map<string, MessageView[]>()
    const errors: Array<{ msgId: string; retry: boolean }> = []
    const done = new Collector()
    const c = consumer({
      group: uniqueName('proxyretry'),
      subscriptions: { [t]: '*' },
      proxy: { retryDelaysMs: [1000] },
      handler: (m) => {
        const seen = attempts.get(m.msgId) ?? []
        seen.push(m)
        attempts.set(m.msgId, seen)
        if (m.keys[0] === 'm-2' && seen.length === 1) throw new Error('first attempt fails')
        done.add(m)
      },
    })
    c.on('handler.error', (e) => errors.push({ msgId: e.messages[0]!.msgId, retry: e.retry }))
    const ids = await produce(suite.producer, t, 5)
    await c.start()
    await done.until(() => done.unique === 5, 30_000, 'all 5, one of them retried')
    const retried = attempts.get(ids[2]!)!
    expect(retried).toHaveLength(2)
    expect(retried.map((m) => m.reconsumeTimes)).toEqual([0, 1])
    expect(retried[1]!.body.toString()).toBe('m-2')
    expect(errors).toEqual([{ msgId: ids[2], retry: true }])
    for (const id of [ids[0]!, ids[1]!, ids[3]!, ids[4]!]) expect(attempts.get(id)).toHaveLength(1)
  })

  it('close() is bounded: a stuck handler is abandoned at the deadline and its message comes back to another member', async () => {
    const t = await topic('TopicProxyClose')
    const group = uniqueName('proxyclose')
    let started!: () => void
    const handlerStarted = new Promise<void>((resolve) => (started = resolve))
    let signal: AbortSignal | undefined
    const stuck = consumer({
      group,
      subscriptions: { [t]: '*' },
      // The default long poll (5 s) ends before the message reappears, so no receive of this closed member is still open then.
      proxy: { invisibleDurationMs: 10_000 },
      handler: (_m, ctx) => {
        signal = ctx.signal
        started()
        return new Promise<void>(() => {})
      },
    })
    const [id] = await produce(suite.producer, t, 1)
    await stuck.start()
    await handlerStarted
    // The handler never ends on its own: close() resolving with it abandoned and its signal aborted by close
    // (ERR_CLOSED, not a handler timeout) is the deadline at work.
    const result = await stuck.close({ timeoutMs: 500 })
    expect(result).toEqual({ drained: 0, abandoned: 1, committed: [] })
    expect(signal?.aborted).toBe(true)
    expect((signal?.reason as RocketMQError).code).toBe('ERR_CLOSED')
    await expect(stuck.start()).rejects.toMatchObject({ code: 'ERR_CLOSED' })

    // Not acked: once its invisible time runs out the proxy hands it to the group's next member.
    const got = new Collector()
    const next = consumer({ group, subscriptions: { [t]: '*' }, handler: got.add })
    await next.start()
    await got.until(() => got.counts.has(id!), 30_000, 'the abandoned message to come back')
    expect(got.messages.find((m) => m.msgId === id)!.reconsumeTimes).toBeGreaterThanOrEqual(1)
  })

  it('start() against a topic the proxy does not know fails with ERR_TOPIC_NOT_FOUND', async () => {
    const c = consumer({ group: uniqueName('proxynotopic'), subscriptions: { [uniqueName('NoSuchTopic')]: '*' }, handler: () => {} })
    await expect(c.start()).rejects.toMatchObject({ name: 'RocketMQError', code: 'ERR_TOPIC_NOT_FOUND', context: { responseCode: 40402 } })
  })
})
