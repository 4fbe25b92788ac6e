/**
 * A consumer that fails for good says so in a way the application can await: `closed()` resolves with the error (and
 * with undefined after an ordinary close()), `consumer.failed` is emitted, and the consumer has stopped by then.
 * Against the scripted fake broker with fake timers; the refusal is what ClientInstance reports when a periodic
 * heartbeat is refused by the broker ACL.
 */
import { describe, expect, it } from 'vitest'
import { PushConsumer } from '../../src/consumer/push-consumer.js'
import { PullConsumer } from '../../src/consumer/pull-consumer.js'
import { RocketMQError } from '../../src/errors.js'
import { RequestCode } from '../../src/remoting/codes.js'
import type { MessageQueue } from '../../src/protocol/route.js'
import { FakeBroker } from '../support/fake-cluster.js'
import { pass, until, useFakeBroker } from '../support/drive.js'

let broker: FakeBroker
const Q0: MessageQueue = { topic: 'T', brokerName: 'broker-a', queueId: 0 }
const open: Array<PushConsumer | PullConsumer> = []

useFakeBroker((b) => {
  broker = b
  b.topic('T', ['broker-a'], 1)
}, open)

const push = (extra: Record<string, unknown> = {}, handled: string[] = []) => {
  const c = new PushConsumer(
    { nameServer: '127.0.0.1:9876', group: 'G', subscriptions: { T: '*' }, consumeFrom: 'first', handler: (m) => void handled.push(m.body.toString()), ...extra },
    { cluster: broker.factory('c1') },
  )
  open.push(c)
  return c
}

/** Settles `p` while fake time runs; returns its value. */
async function settle<T>(p: Promise<T>, what: string): Promise<T> {
  let out: { v: T } | undefined
  void p.then((v) => (out = { v }))
  await until(() => out !== undefined, what)
  return out!.v
}

const pulls = () => broker.requestsOf(RequestCode.PULL_MESSAGE, 'c1').length

describe('push consumer', () => {
  it('refused by the brokers after start: consumer.failed, then it stops (no pulls, out of the group) and closed() resolves with the error', async () => {
    broker.append(Q0, 'a')
    const handled: string[] = []
    const c = push({}, handled)
    const order: string[] = []
    c.on('error', (e) => order.push(`error ${e.code}`))
    c.on('consumer.failed', (e) => order.push(`consumer.failed ${e.code}`))
    void c.closed().then((e) => order.push(`closed() ${e?.code}`))
    await c.start()
    await until(() => handled.length === 1, 'the first message handled')
    expect(broker.memberIds('G')).toEqual(['c1'])

    const refusal = new RocketMQError('ERR_AUTH', 'the broker refused the signature')
    broker.refuse('c1', refusal)
    expect(await settle(c.closed(), 'closed() settles')).toBe(refusal)
    expect(order).toEqual(['error ERR_AUTH', 'consumer.failed ERR_AUTH', 'closed() ERR_AUTH'])
    expect(broker.memberIds('G')).toEqual([]) // unregistered
    expect(broker.committedOffset('G', Q0)).toBe(1) // what it handled was committed on the way out
    const before = pulls()
    broker.append(Q0, 'b')
    await pass(60_000)
    expect(pulls()).toBe(before)
    expect(handled).toEqual(['a'])
    // close() afterwards is the close that already ran; start() is refused
    expect((await settle(c.close(), 'close()')).committed).toEqual([{ queue: Q0, offset: 1 }])
    await expect(c.start()).rejects.toMatchObject({ code: 'ERR_CLOSED' })
  })

  it('a failed start() is failing for good: closed() resolves with the same error', async () => {
    const c = push({ subscriptions: { Missing: '*' } })
    const err = await c.start().then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(err).toMatchObject({ code: 'ERR_TOPIC_NOT_FOUND' })
    expect(await settle(c.closed(), 'closed()')).toBe(err)
  })

  it('an ordinary close(): closed() resolves with undefined once the consumer has stopped', async () => {
    const c = push()
    await c.start()
    let membersAtClosed: string[] | undefined
    const closed = c.closed().then((e) => {
      membersAtClosed = broker.memberIds('G')
      return e
    })
    await pass(1000)
    expect(membersAtClosed).toBeUndefined() // still running: nothing settled
    void c.close()
    expect(await settle(closed, 'closed()')).toBeUndefined()
    expect(membersAtClosed).toEqual([]) // it had left the group by then
  })
})

describe('pull consumer', () => {
  it('refused after start: consumer.failed, closed() resolves with the error, poll() says why it is closed', async () => {
    broker.append(Q0, 'a')
    const c = new PullConsumer({ nameServer: '127.0.0.1:9876', group: 'G', subscriptions: { T: '*' }, consumeFrom: 'first' }, { cluster: broker.factory('c1') })
    open.push(c)
    const failed: RocketMQError[] = []
    c.on('consumer.failed', (e) => failed.push(e))
    await c.start()
    const refusal = new RocketMQError('ERR_FORBIDDEN', 'group G denied')
    broker.refuse('c1', refusal)
    expect(await settle(c.closed(), 'closed() settles')).toBe(refusal)
    expect(failed).toEqual([refusal])
    expect(broker.memberIds('G')).toEqual([])
    const e = await c.poll({ timeoutMs: 0 }).then(
      () => undefined,
      (x: unknown) => x as RocketMQError,
    )
    expect(e?.code).toBe('ERR_CLOSED')
    expect(e?.message).toContain('group G denied')
    expect(e?.cause).toBe(refusal)
  })
})
