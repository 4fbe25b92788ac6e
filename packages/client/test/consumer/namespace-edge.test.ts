/**
 * The namespace edge (consumer/namespace-edge.ts) against the scripted fake broker: on the wire everything is
 * `ns%T` / `ns%G`; everything the application sees - messages, handler context, assignment(), metrics(), close(),
 * every event payload, errors and the callbacks' arguments - says `T` / `G`.
 */
import { describe, expect, it } from 'vitest'
import { PushConsumer } from '../../src/consumer/push-consumer.js'
import { PullConsumer } from '../../src/consumer/pull-consumer.js'
import { NamespaceEdge } from '../../src/consumer/namespace-edge.js'
import { RocketMQError } from '../../src/errors.js'
import { BrokerResponseError } from '../../src/remoting/broker-error.js'
import { RequestCode, ResponseCode } from '../../src/remoting/codes.js'
import type { MessageQueue } from '../../src/protocol/route.js'
import { FakeBroker } from '../support/fake-cluster.js'
import { until, useFakeBroker } from '../support/drive.js'

let broker: FakeBroker
const open: Array<{ close(): Promise<unknown> }> = []
const WIRE: MessageQueue = { topic: 'ns%T', brokerName: 'broker-a', queueId: 0 }
const PLAIN: MessageQueue = { topic: 'T', brokerName: 'broker-a', queueId: 0 }

useFakeBroker((b) => {
  broker = b
  b.topic('ns%T', ['broker-a'], 1)
}, open)

/** Every string anywhere in a value (own enumerable fields, arrays, error messages and contexts). */
function strings(v: unknown, out: string[] = [], seen = new Set<unknown>()): string[] {
  if (typeof v === 'string') out.push(v)
  if (v === null || typeof v !== 'object' || seen.has(v)) return out
  seen.add(v)
  if (v instanceof Error) out.push(v.message)
  for (const x of Object.values(v)) strings(x, out, seen)
  return out
}

describe('namespace edge', () => {
  it('push: messages, context, assignment, metrics, events, hooks, a custom allocation and close() carry the plain names', async () => {
    broker.append(WIRE, 'a', 'b')
    const seen: string[] = []
    const hooks: string[] = []
    const events: Array<[string, unknown]> = []
    const allocated: string[] = []
    const c = new PushConsumer(
      {
        nameServer: '127.0.0.1:9876',
        namespace: 'ns',
        group: 'G',
        subscriptions: { T: '*' },
        consumeFrom: 'first',
        allocation: function mine({ consumerGroup, topic, messageQueues }) {
          allocated.push(consumerGroup, topic, ...messageQueues.map((q) => q.topic))
          return [...messageQueues]
        },
        onAssign: (qs, ctx) => {
          hooks.push(...qs.map((q) => `assign:${q.topic}`))
          ctx.seek(qs[0]!, 0)
        },
        onRevoke: (qs) => void hooks.push(...qs.map((q) => `revoke:${q.topic}`)),
        handler: async (m, ctx) => void seen.push(`${m.topic}|${ctx.queue.topic}|${ctx.group}`),
      },
      { cluster: broker.factory('c1') },
    )
    open.push(c)
    for (const name of ['rebalance.started', 'rebalance.completed', 'pull.completed', 'offset.committed'] as const) c.on(name, (e: unknown) => void events.push([name, e]))
    await c.start()
    await until(() => seen.length === 2, 'both messages')
    expect(seen).toEqual(['T|T|G', 'T|T|G'])
    expect(c.assignment()).toEqual([PLAIN])
    const m = c.metrics()
    expect(m.group).toBe('G')
    expect(m.queues.map((q) => q.queue)).toEqual([PLAIN])
    expect(allocated).toEqual(['G', 'T', 'T'])
    expect(hooks).toEqual(['assign:T'])
    // The broker saw only wire names.
    expect(broker.memberIds('ns%G')).toEqual(['c1'])
    expect(broker.requestsOf(RequestCode.PULL_MESSAGE, 'c1').every((r) => r.ext.topic === 'ns%T' || r.ext.topic === '%RETRY%ns%G')).toBe(true)
    const r = await c.close()
    expect(r.committed).toEqual([{ queue: PLAIN, offset: 2 }])
    expect(broker.committedOffset('ns%G', WIRE)).toBe(2)
    expect(new Set(events.map(([n]) => n))).toEqual(new Set(['rebalance.started', 'rebalance.completed', 'pull.completed', 'offset.committed']))
    const names = events.flatMap(([, e]) => strings(e))
    expect(names.filter((s) => s.includes('ns%'))).toEqual([])
    expect(names).toContain('T')
  })

  it('push: a pull refused by the ACL reaches pull.error every time and error once, with the plain topic; the grant keeps the broker resource', async () => {
    const remark = 'User:bob has no permission to access Topic:ns%T from 127.0.0.1, no matched policies.'
    broker.script.pull = ({ mq }) => (mq.topic === 'ns%T' ? { code: ResponseCode.NO_PERMISSION, language: 'JAVA', version: 0, opaque: 0, flag: 1, extFields: {}, remark } : undefined)
    const pullErrors: RocketMQError[] = []
    const pullQueues: string[] = []
    const c = new PushConsumer(
      { nameServer: '127.0.0.1:9876', namespace: 'ns', group: 'G', subscriptions: { T: '*' }, handler: async () => {} },
      { cluster: broker.factory('c1') },
    )
    open.push(c)
    c.on('pull.error', (e) => {
      pullQueues.push(e.queue.topic)
      pullErrors.push(e.error)
    })
    const reported: RocketMQError[] = []
    c.on('error', (e) => void reported.push(e))
    await c.start()
    await until(() => pullErrors.length >= 3, 'three refused pulls (one every 3 s)')
    expect(reported.map((e) => [e.code, e.context.topic])).toEqual([['ERR_FORBIDDEN', 'T']])
    expect(reported[0]!.message).toMatch(/^PULL_MESSAGE \(11\) .*refused/)
    expect(new Set(pullQueues)).toEqual(new Set(['T']))
    const e = pullErrors[0]!
    expect(e.code).toBe('ERR_FORBIDDEN')
    expect(e).toBeInstanceOf(BrokerResponseError)
    expect(e.context).toMatchObject({ topic: 'T', resource: 'Topic:ns%T', namespace: 'ns' })
    expect(e.message).toMatch(/no permission on Topic:T /)
    expect(e.message).toMatch(/-r Topic:ns%T /)
  })

  it('pull: poll(), assignment(), commit() and offset.committed carry the plain names', async () => {
    broker.append(WIRE, 'a')
    const committedEvents: unknown[] = []
    const c = new PullConsumer({ nameServer: '127.0.0.1:9876', namespace: 'ns', group: 'G', subscriptions: { T: '*' }, consumeFrom: 'first', autoCommit: false }, { cluster: broker.factory('p1') })
    open.push(c)
    c.on('offset.committed', (e) => void committedEvents.push(e))
    await c.start()
    let got: Awaited<ReturnType<PullConsumer['poll']>> = []
    const polling = c.poll({ timeoutMs: 5000 }).then((b) => (got = b))
    await until(() => got.length > 0, 'a message')
    await polling
    expect(got.map((m) => m.topic)).toEqual(['T'])
    expect(c.assignment()).toEqual([PLAIN])
    expect(c.metrics().group).toBe('G')
    const done = await c.commit([{ queue: PLAIN, offset: 1 }])
    expect(done).toEqual([{ queue: PLAIN, offset: 1 }])
    expect(committedEvents).toEqual([{ offsets: [{ queue: PLAIN, offset: 1 }] }])
    expect(broker.committedOffset('ns%G', WIRE)).toBe(1)
    const e = await c.seek({ ...PLAIN, queueId: 7 }, 0).then(
      () => undefined,
      (x: unknown) => x as RocketMQError,
    )
    expect(e?.code).toBe('ERR_NOT_ASSIGNED')
    expect(e?.context.topic).toBe('T')
  })

  it('errors: only this namespace is stripped, retry and DLQ names too; other values pass through', () => {
    const edge = new NamespaceEdge('ns')
    const e = new RocketMQError('ERR_BROKER', 'no route of ns%T, group %RETRY%ns%G, other%T and xns%T', { retriable: true, context: { topic: 'ns%T', group: 'ns%G' } })
    const plain = edge.error(e)
    expect(plain).not.toBe(e)
    expect(plain).toBeInstanceOf(RocketMQError)
    expect(plain.message).toBe('no route of T, group %RETRY%G, other%T and xns%T')
    expect(plain.stack).toContain('no route of T')
    expect(plain).toMatchObject({ code: 'ERR_BROKER', retriable: true, context: { topic: 'T', group: 'G', namespace: 'ns' } })
    expect(e.context.topic).toBe('ns%T')
    const other = new Error('ns%T')
    expect(edge.error(other)).toBe(other)
    expect(edge.payload({ queue: WIRE, n: 1, list: [WIRE], at: new Date(0) })).toEqual({ queue: PLAIN, n: 1, list: [PLAIN], at: new Date(0) })
  })
})
