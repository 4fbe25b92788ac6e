import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { decodeLockedQueues, encodeQueueLockBody, lockBatchMQ, unlockBatchMQ } from '../../src/cluster/queue-locks.js'
import type { Invoker } from '../../src/cluster/broker-api.js'
import type { RemotingCommand } from '../../src/remoting/command.js'
import { RequestCode } from '../../src/remoting/codes.js'

/** Bodies written by the Java 5.5.0 client (bench/java LockBodyDump). */
const golden = JSON.parse(readFileSync(new URL('../fixtures/queue-locks.json', import.meta.url), 'utf8')) as {
  request: { group: string; clientId: string; queues: Array<{ topic: string; brokerName: string; queueId: number }> }
  lockBody: string
  unlockBody: string
  lockResponseBody: string
}

interface Call {
  address: string
  code: number
  body?: Buffer
  oneway: boolean
  timeoutMs?: number
}

function fakeInvoker(answer: Partial<RemotingCommand>): Invoker & { calls: Call[] } {
  const calls: Call[] = []
  return {
    calls,
    invoke: async (address, code, _ext, body, opts) => {
      calls.push({ address, code, body, oneway: false, timeoutMs: opts?.timeoutMs })
      return { code: 0, flag: 0, opaque: 1, version: 0, language: 'JAVA', ...answer } as RemotingCommand
    },
    invokeOneway: async (address, code, _ext, body) => {
      calls.push({ address, code, body, oneway: true })
    },
  }
}

describe('queue lock bodies (LOCK_BATCH_MQ / UNLOCK_BATCH_MQ)', () => {
  it('encodes the request byte for byte as the Java client', () => {
    expect(encodeQueueLockBody(golden.request).toString('utf8')).toBe(golden.lockBody)
    expect(golden.unlockBody).toBe(golden.lockBody)
  })

  it('decodes the Java lock response', () => {
    expect(decodeLockedQueues(Buffer.from(golden.lockResponseBody))).toEqual([
      { topic: 'TopicOrder', brokerName: 'broker-a', queueId: 0 },
      { topic: 'TopicOrder', brokerName: 'broker-a', queueId: 1 },
    ])
  })

  it('reads an empty or absent set as nothing locked', () => {
    expect(decodeLockedQueues(undefined)).toEqual([])
    expect(decodeLockedQueues(Buffer.from('{"lockOKMQSet":[]}'))).toEqual([])
    expect(decodeLockedQueues(Buffer.from('{}'))).toEqual([])
  })

  it('rejects malformed responses with ERR_MALFORMED_FRAME', () => {
    expect(() => decodeLockedQueues(Buffer.from('{"lockOKMQSet":'))).toThrow(expect.objectContaining({ code: 'ERR_MALFORMED_FRAME' }))
    expect(() => decodeLockedQueues(Buffer.from('{"lockOKMQSet":{}}'))).toThrow(expect.objectContaining({ code: 'ERR_MALFORMED_FRAME' }))
    expect(() => decodeLockedQueues(Buffer.from('{"lockOKMQSet":[{"topic":"T"}]}'))).toThrow(expect.objectContaining({ code: 'ERR_MALFORMED_FRAME' }))
  })

  it('lock: code 41, 1 s default timeout, returns the granted queues; a failure code is a typed error', async () => {
    const inv = fakeInvoker({ body: Buffer.from(golden.lockResponseBody) })
    const got = await lockBatchMQ(inv, '10.0.0.1:10911', golden.request)
    expect(got).toHaveLength(2)
    expect(inv.calls).toEqual([{ address: '10.0.0.1:10911', code: RequestCode.LOCK_BATCH_MQ, body: Buffer.from(golden.lockBody), oneway: false, timeoutMs: 1000 }])
    const bad = fakeInvoker({ code: 1, remark: 'boom' })
    await expect(lockBatchMQ(bad, 'x:1', golden.request)).rejects.toMatchObject({ code: 'ERR_BROKER', context: { requestCode: 41, responseCode: 1 } })
  })

  it('unlock: code 42, oneway or awaited', async () => {
    const inv = fakeInvoker({})
    await unlockBatchMQ(inv, 'a:1', golden.request, { oneway: true })
    await unlockBatchMQ(inv, 'a:1', golden.request)
    expect(inv.calls.map((c) => [c.code, c.oneway])).toEqual([
      [RequestCode.UNLOCK_BATCH_MQ, true],
      [RequestCode.UNLOCK_BATCH_MQ, false],
    ])
    expect(inv.calls[0]!.body!.toString()).toBe(golden.unlockBody)
  })
})
