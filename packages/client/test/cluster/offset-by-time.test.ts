import { describe, expect, it } from 'vitest'
import { correctNearest, offsetAtOrAfter } from '../../src/cluster/offset-by-time.js'
import { queryConsumerOffset } from '../../src/cluster/broker-api.js'
import type { Invoker } from '../../src/cluster/broker-api.js'
import type { RemotingCommand } from '../../src/remoting/command.js'
import { RequestCode, ResponseCode } from '../../src/remoting/codes.js'
import { encodeStoreMessage } from '../../src/protocol/message-encoder.js'

const mq = { topic: 'T', brokerName: 'broker-a', queueId: 0 }

/**
 * A queue on a broker of `version` (407 = 4.9.7, 513 = 5.5.0) whose messages min..times.length-1 were stored at
 * `times[offset]` (earlier offsets deleted). SEARCH_OFFSET_BY_TIMESTAMP answers `search(ts)`; pulls serve at most 4.
 */
function broker(times: number[], o: { version: number; min?: number; search: (ts: number) => number }): Invoker & { pulls: number } {
  const min = o.min ?? 0
  const max = times.length
  const res = (code: number, extFields: Record<string, string>, body?: Buffer): RemotingCommand => ({ code, language: 'JAVA', version: o.version, opaque: 0, flag: 1, extFields, body })
  const inv = {
    pulls: 0,
    invoke: async (_a: string, code: number, ext: Record<string, string> = {}) => {
      if (code === RequestCode.SEARCH_OFFSET_BY_TIMESTAMP) return res(ResponseCode.SUCCESS, { offset: String(o.search(Number(ext.timestamp))) })
      if (code !== RequestCode.PULL_MESSAGE) throw new Error(`unexpected request ${code}`)
      inv.pulls++
      expect(ext.sysFlag).toBe('4') // subscription only: no commit, no suspend
      const from = Number(ext.queueOffset)
      const offsets = { minOffset: String(min), maxOffset: String(max) }
      if (from < min || from > max) return res(ResponseCode.PULL_OFFSET_MOVED, { ...offsets, nextBeginOffset: String(from < min ? min : max) })
      if (from === max) return res(ResponseCode.PULL_NOT_FOUND, { ...offsets, nextBeginOffset: String(max) })
      const end = Math.min(max, from + Math.min(4, Number(ext.maxMsgNums)))
      const body = Buffer.concat(times.slice(from, end).map((t, i) => encodeStoreMessage({ topic: 'T', body: 'x', queueOffset: from + i, storeTimestamp: t })))
      return res(ResponseCode.SUCCESS, { ...offsets, nextBeginOffset: String(end) }, body)
    },
    invokeOneway: async () => {},
  }
  return inv
}

/** What a 5.x broker answers (boundary LOWER): the first offset stored at or after ts, max when all are older. */
function firstAtOrAfter(times: number[], ts: number, min = 0): number {
  for (let i = min; i < times.length; i++) if (times[i]! >= ts) return i
  return times.length
}

describe('offsetAtOrAfter', () => {
  // Several messages per millisecond, gaps, a long run of one time (longer than a correction pull).
  const times = [100, 100, 100, 105, 110, 110, 120, 120, 120, 120, 120, 120, 120, 120, 120, 130, 131, 200]

  it('on a 4.x broker, corrects any offset the broker answers to the first message at or after the time', async () => {
    for (const min of [0, 3]) {
      for (const ts of [90, 210, ...new Set(times.flatMap((t) => [t - 1, t, t + 1]))]) {
        for (let answer = min; answer < times.length; answer++) {
          const b = broker(times, { version: 407, min, search: () => answer })
          const want = firstAtOrAfter(times, ts, min)
          expect(await offsetAtOrAfter(b, 'a', mq, ts, { group: 'g' }), `ts ${ts}, broker answered ${answer}, min ${min}`).toBe(want)
        }
      }
    }
  })

  it("4.9's nearest answer costs one pull (the 3 messages around it) away from millisecond ties", async () => {
    // 4.9.7 answers the last message before 102 (100 is nearer than 105): the next one is the answer.
    const before = broker(times, { version: 407, search: () => 2 })
    expect(await offsetAtOrAfter(before, 'a', mq, 102, { group: 'g' })).toBe(3)
    expect(before.pulls).toBe(1)
    // It answers 105 for 104 (nearer): the one before it is older.
    const after = broker(times, { version: 407, search: () => 3 })
    expect(await offsetAtOrAfter(after, 'a', mq, 104, { group: 'g' })).toBe(3)
    expect(after.pulls).toBe(1)
  })

  it('an empty queue, and a time after every message: the end of the queue', async () => {
    expect(await offsetAtOrAfter(broker([], { version: 407, search: () => 0 }), 'a', mq, 5, { group: 'g' })).toBe(0)
    // 4.9 answers the last message's offset for a time after everything; 5.x (and we) answer the end.
    expect(await offsetAtOrAfter(broker(times, { version: 407, search: () => times.length - 1 }), 'a', mq, 999, { group: 'g' })).toBe(times.length)
  })

  it('a 5.x answer is taken as it is (no pulls)', async () => {
    const b = broker(times, { version: 513, search: (ts) => firstAtOrAfter(times, ts) })
    expect(await offsetAtOrAfter(b, 'a', mq, 104, { group: 'g' })).toBe(3)
    expect(b.pulls).toBe(0)
  })

  it('correctNearest works on a reset offset the same way', async () => {
    expect(await correctNearest(broker(times, { version: 407, search: () => 0 }), 'a', mq, 120, 10, { group: 'g' })).toBe(6)
  })
})

describe('queryConsumerOffset on a 4.x broker', () => {
  // 4.9.7 answers 0 (not QUERY_NOT_FOUND) for a group without an offset on a queue whose first message is in memory.
  // `broker.table` is the offset table as GET_ALL_CONSUMER_OFFSET answers it at the time of the request.
  function legacy(table: string | undefined): Invoker & { codes: number[]; table: string | undefined } {
    const codes: number[] = []
    const res = (code: number, extFields: Record<string, string> = {}, body?: Buffer): RemotingCommand => ({ code, language: 'JAVA', version: 407, opaque: 0, flag: 1, extFields, body })
    const b = {
      codes,
      table,
      invoke: async (_a: string, code: number) => {
        codes.push(code)
        if (code === RequestCode.QUERY_CONSUMER_OFFSET) return res(ResponseCode.SUCCESS, { offset: '0' })
        const now = b.table
        await new Promise<void>((resolve) => setImmediate(resolve))
        if (now === undefined) return res(ResponseCode.NO_PERMISSION)
        return res(ResponseCode.SUCCESS, {}, Buffer.from(now))
      },
      invokeOneway: async () => {},
    }
    return b
  }
  const q = (queueId: number, topic = 'T1') => ({ topic, brokerName: 'broker-a', queueId })
  const tables = (b: { codes: number[] }) => b.codes.filter((c) => c === RequestCode.GET_ALL_CONSUMER_OFFSET).length

  it("a 0 the broker's offset table does not hold is no offset (-1); a stored 0 stays; queries sent together share one table request", async () => {
    const b = legacy('{"offsetTable":{"T1@g":{0:0,1:7},"T2@other":{0:3}},"dataVersion":{"counter":1,"timestamp":1}}')
    const answers = await Promise.all([queryConsumerOffset(b, 'legacy-1', 'g', q(0)), queryConsumerOffset(b, 'legacy-1', 'g', q(2)), queryConsumerOffset(b, 'legacy-1', 'g', q(0, 'T2'))])
    expect(answers).toEqual([0, -1, -1])
    expect(tables(b)).toBe(1)
  })

  it('a table read before a query was sent does not answer it: a 0 committed in between is seen', async () => {
    const b = legacy('{"offsetTable":{"T1@g":{0:5}}}')
    expect(await queryConsumerOffset(b, 'legacy-3', 'g', q(1))).toBe(-1)
    b.table = '{"offsetTable":{"T1@g":{0:5,1:0}}}' // a member commits 0 on queue 1
    expect(await queryConsumerOffset(b, 'legacy-3', 'g', q(1))).toBe(0)
    expect(tables(b)).toBe(2)
  })

  it("where the table cannot be read (no admin rights), the broker's 0 stands", async () => {
    expect(await queryConsumerOffset(legacy(undefined), 'legacy-2', 'g', q(0))).toBe(0)
  })
})
