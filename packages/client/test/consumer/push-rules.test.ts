/**
 * The push consumer's rules against the scripted fake broker (fake timers): handler timeout, send-back and its local
 * fallback, broadcasting failures, close accounting, reader crash and restart, back-off on broker faults.
 */
import { describe, expect, it } from 'vitest'
import { PushConsumer } from '../../src/consumer/push-consumer.js'
import { RocketMQError } from '../../src/errors.js'
import type { MessageContext } from '../../src/consumer/handler.js'
import type { MessageView } from '../../src/protocol/message.js'
import { RequestCode, ResponseCode } from '../../src/remoting/codes.js'
import type { MessageQueue } from '../../src/protocol/route.js'
import { FakeBroker } from '../support/fake-cluster.js'
import { gate, pass, until, useFakeBroker } from '../support/drive.js'

let broker: FakeBroker
const open: PushConsumer[] = []
const Q0: MessageQueue = { topic: 'T', brokerName: 'broker-a', queueId: 0 }

useFakeBroker((b) => {
  broker = b
  b.topic('T', ['broker-a'], 1)
}, open, { timeoutMs: 10 })

function consumer(handler: (m: MessageView, ctx: MessageContext) => Promise<void> | void, extra: Record<string, unknown> = {}, id = 'c1') {
  const c = new PushConsumer(
    { nameServer: '127.0.0.1:9876', group: 'G', subscriptions: { T: '*' }, consumeFrom: 'first', handler, ...extra },
    { cluster: broker.factory(id) },
  )
  open.push(c)
  return c
}

const pullsOf = (client = 'c1') => broker.requestsOf(RequestCode.PULL_MESSAGE, client).filter((r) => r.ext.topic === 'T')

describe('handler outcomes', () => {
  it('a handler past handlerTimeoutMs: its signal aborts, handler.error says ERR_HANDLER_TIMEOUT, the message is sent back and the offset moves past it', async () => {
    broker.append(Q0, 'slow', 'next')
    let signal: AbortSignal | undefined
    const c = consumer(
      (m, ctx) => {
        if (m.body.toString() === 'slow') {
          signal = ctx.signal
          return new Promise(() => {})
        }
      },
      { handlerTimeoutMs: 1000 },
    )
    const errors: Array<{ code: unknown; retry: boolean }> = []
    c.on('handler.error', (e) => errors.push({ code: (e.error as RocketMQError).code, retry: e.retry }))
    await c.start()
    await until(() => broker.sentBack.length === 1, 'the timed-out message sent back')
    expect(signal?.aborted).toBe(true)
    expect(errors).toEqual([{ code: 'ERR_HANDLER_TIMEOUT', retry: true }])
    expect(broker.sentBack[0]).toMatchObject({ group: 'G', originTopic: 'T', originMsgId: 'MSG-T@broker-a@0-0' })
    await c.close()
    expect(broker.committedOffset('G', Q0)).toBe(2)
  })

  it('a throw sends the message back (CONSUMER_SEND_MSG_BACK) and the offset moves past it', async () => {
    broker.append(Q0, 'bad', 'good')
    const c = consumer((m) => {
      if (m.body.toString() === 'bad') throw new Error('boom')
    })
    await c.start()
    await until(() => broker.sentBack.length === 1, 'sent back')
    const r = await c.close()
    expect(r.committed).toEqual([{ queue: Q0, offset: 2 }])
  })

  it('when the send-back fails the message stays uncommitted and is handled again here after 5 s with reconsumeTimes + 1', async () => {
    broker.append(Q0, 'bad', 'good')
    broker.script.sendBackCode = ResponseCode.SYSTEM_ERROR
    const seen: Array<[string, number]> = []
    let fail = true
    const c = consumer((m) => {
      seen.push([m.body.toString(), m.reconsumeTimes])
      if (m.body.toString() === 'bad' && fail) {
        fail = false
        throw new Error('boom')
      }
    })
    await c.start()
    await until(() => seen.length === 2, 'both handled once')
    await pass(4000)
    expect(seen).toHaveLength(2) // not before 5 s
    await c.rebalance() // a pass changes nothing
    expect(broker.committedOffset('G', Q0) ?? 0).toBe(0) // 'bad' is still in flight: the offset cannot pass it
    await until(() => seen.length === 3, 'retried locally')
    expect(seen[2]).toEqual(['bad', 1])
    const r = await c.close()
    expect(r.committed).toEqual([{ queue: Q0, offset: 2 }])
  })

  it('broadcasting: a failure is reported (retry false) and skipped, nothing is sent back', async () => {
    broker.append(Q0, 'bad')
    const errors: boolean[] = []
    const c = consumer(
      () => {
        throw new Error('boom')
      },
      { model: 'broadcasting', offsetStoreDir: `/tmp/rmq-unit-${process.pid}-${Date.now()}` },
    )
    c.on('handler.error', (e) => errors.push(e.retry))
    await c.start()
    await until(() => errors.length === 1, 'reported')
    const r = await c.close()
    expect(errors).toEqual([false])
    expect(broker.sentBack).toEqual([])
    expect(r.committed).toEqual([{ queue: Q0, offset: 1 }])
  })
})

describe('close accounting', () => {
  it('counts drained and abandoned messages, aborts the abandoned handler with ERR_CLOSED, commits only before it, and is idempotent', async () => {
    broker.append(Q0, 'a', 'b', 'stuck', 'c')
    const finishB = gate()
    let stuckSignal: AbortSignal | undefined
    const started: string[] = []
    const c = consumer(async (m, ctx) => {
      const body = m.body.toString()
      started.push(body)
      if (body === 'b') await finishB.promise
      if (body === 'stuck') {
        stuckSignal = ctx.signal
        await new Promise(() => {})
      }
    })
    await c.start()
    await until(() => started.length === 4, 'all four started')
    let result: Awaited<ReturnType<PushConsumer['close']>> | undefined
    const closing = c.close({ timeoutMs: 2000 })
    void closing.then((r) => (result = r))
    await pass(100)
    finishB.open()
    await until(() => result !== undefined, 'close resolved')
    expect(result).toEqual({ drained: 1, abandoned: 1, committed: [{ queue: Q0, offset: 2 }] })
    expect((stuckSignal?.reason as RocketMQError).code).toBe('ERR_CLOSED')
    expect(c.close()).toBe(closing)
    await expect(c.start()).rejects.toMatchObject({ code: 'ERR_CLOSED' })
  })
})

describe('queue reader', () => {
  it('a reader that crashes is reported and restarted with back-off; its queue keeps being consumed', async () => {
    broker.append(Q0, 'one')
    let redirect = true
    broker.script.pull = () => {
      if (!redirect) return undefined
      redirect = false
      // a slave suggestion: the reader emits slave.redirect, whose listener below throws (outside the pull's try)
      return { code: ResponseCode.PULL_NOT_FOUND, language: 'JAVA', version: 0, opaque: 0, flag: 1, extFields: { nextBeginOffset: '0', minOffset: '0', maxOffset: '1', suggestWhichBrokerId: '1' } }
    }
    const got: string[] = []
    const c = consumer((m) => void got.push(m.body.toString()))
    const errors: RocketMQError[] = []
    c.on('error', (e) => errors.push(e))
    c.on('pull.redirected', () => {
      throw new Error('listener bug')
    })
    await c.start()
    await until(() => errors.length === 1, 'crash reported')
    expect(errors[0]!.message).toMatch(/queue reader of T@broker-a@0 crashed; restarting in 1000 ms/)
    expect(errors[0]!.context).toMatchObject({ topic: 'T', broker: 'broker-a', queueId: 0 })
    expect(got).toEqual([])
    await until(() => got.length === 1, 'consumed after the restart')
    expect(got).toEqual(['one'])
  })

  it('a broker fault (e.g. a malformed answer the broker API refuses) is reported on pull.error every time and backs off 3 s, no hot loop', async () => {
    broker.script.pull = () => {
      throw new RocketMQError('ERR_BROKER', 'scripted malformed response', { context: { responseCode: 0 } })
    }
    const errors: string[] = []
    const c = consumer(() => {})
    c.on('pull.error', (e) => errors.push(e.error.message))
    await c.start()
    await pass(30_000)
    // 30 s at one attempt per 3 s: about 10 pulls (without back-off it was tens of thousands per second)
    expect(pullsOf().length).toBeGreaterThanOrEqual(9)
    expect(pullsOf().length).toBeLessThanOrEqual(12)
    expect(errors.length).toBe(pullsOf().length)
  })

  it('a broker that answers "nothing new" at once without holding the pull is backed off instead of pulled in a hot loop', async () => {
    broker.script.pull = ({ offset }) => ({
      code: ResponseCode.PULL_NOT_FOUND,
      language: 'JAVA',
      version: 0,
      opaque: 0,
      flag: 1,
      extFields: { nextBeginOffset: String(offset), minOffset: '0', maxOffset: '0', suggestWhichBrokerId: '0' },
    })
    const c = consumer(() => {})
    await c.start()
    await pass(6000)
    // back-off 100 ms doubling to 3 s after 3 fast empties: well under 20 pulls in 6 s (96,940 before, issue 8)
    expect(pullsOf().length).toBeLessThan(20)
    expect(pullsOf().length).toBeGreaterThanOrEqual(5)
  })
})

describe('undecodable messages (issue 8 #4)', () => {
  it("'stall' (default): the queue stays at the message, every attempt is an error with queue and offset, with back-off; nothing after it is delivered", async () => {
    broker.append(Q0, 'm0', 'bad', 'm2')
    broker.corrupt(Q0, 1)
    const got: string[] = []
    const errors: RocketMQError[] = []
    const c = consumer((m) => void got.push(m.body.toString()))
    c.on('error', (e) => errors.push(e))
    await c.start()
    await pass(60_000)
    expect(got).toEqual(['m0'])
    expect(errors.length).toBeGreaterThanOrEqual(4) // 3 s, 6 s, 12 s, 24 s ... within a minute
    expect(errors.length).toBeLessThanOrEqual(6)
    for (const e of errors) {
      expect(e.code).toBe('ERR_MESSAGE_DECODE')
      expect(e.context).toMatchObject({ topic: 'T', broker: 'broker-a', queueId: 0, offset: 1, action: 'stall' })
    }
    expect(errors.map((e) => e.context.attempts)).toEqual(errors.map((_, i) => i + 1))
    const r = await c.close()
    expect(r.committed).toEqual([{ queue: Q0, offset: 1 }])
  })

  it("'skip': the message is reported once and skipped, the rest is consumed and the offset moves past it", async () => {
    broker.append(Q0, 'm0', 'bad', 'm2')
    broker.corrupt(Q0, 1)
    const got: string[] = []
    const errors: RocketMQError[] = []
    const c = consumer((m) => void got.push(m.body.toString()), { undecodable: 'skip' })
    c.on('error', (e) => errors.push(e))
    await c.start()
    await until(() => got.length === 2, 'm2 consumed')
    expect(got).toEqual(['m0', 'm2'])
    expect(errors).toHaveLength(1)
    expect(errors[0]!.context).toMatchObject({ offset: 1, action: 'skip', attempts: 1 })
    const r = await c.close()
    expect(r.committed).toEqual([{ queue: Q0, offset: 3 }])
  })

  it('a function decides per attempt: stall twice, then skip (the application was told)', async () => {
    broker.append(Q0, 'bad', 'm1')
    broker.corrupt(Q0, 0)
    const asked: number[] = []
    const got: string[] = []
    const c = consumer((m) => void got.push(m.body.toString()), {
      undecodable: ({ attempts, offset }: { attempts: number; offset: number }) => {
        asked.push(offset)
        return attempts >= 3 ? 'skip' : 'stall'
      },
    })
    const actions: unknown[] = []
    c.on('error', (e) => actions.push(e.context.action))
    await c.start()
    await until(() => got.length === 1, 'm1 consumed after the skip')
    expect(asked).toEqual([0, 0, 0])
    expect(actions).toEqual(['stall', 'stall', 'skip'])
  })
})
