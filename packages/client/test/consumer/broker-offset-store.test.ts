import { describe, expect, it } from 'vitest'
import { BrokerOffsetStore } from '../../src/consumer/offset-store/broker-offset-store.js'
import type { ClusterPort } from '../../src/cluster/port.js'
import { silentLogger } from '../../src/logger.js'
import type { RemotingCommand } from '../../src/remoting/command.js'
import { RequestCode, ResponseCode } from '../../src/remoting/codes.js'
import type { MessageQueue } from '../../src/protocol/route.js'

const reply = (code: number, extFields: Record<string, string> = {}): RemotingCommand => ({ code, language: 'JAVA', version: 0, opaque: 0, flag: 1, extFields })

/**
 * A broker's offset table as ConsumerOffsetManager.commitOffset keeps it: the group's map for a topic is read, and when
 * there is none a new one is put after a turn (another thread's commit may run in between), so two first commits of
 * one topic processed at once keep only the later one.
 */
function racyBroker() {
  const maps = new Map<string, Map<number, number>>()
  const sent: Array<{ code: number; queueId: number; oneway: boolean }> = []
  const update = async (ext: Record<string, string>) => {
    const key = `${ext.topic}@${ext.consumerGroup}`
    const queueId = Number(ext.queueId)
    const offset = Number(ext.commitOffset)
    const map = maps.get(key)
    await new Promise((r) => setImmediate(r))
    if (map) map.set(queueId, offset)
    else maps.set(key, new Map([[queueId, offset]]))
  }
  const remoting = {
    async invoke(_address: string, code: number, ext: Record<string, string> = {}) {
      sent.push({ code, queueId: Number(ext.queueId), oneway: false })
      if (code === RequestCode.UPDATE_CONSUMER_OFFSET) {
        await update(ext)
        return reply(ResponseCode.SUCCESS)
      }
      if (code === RequestCode.QUERY_CONSUMER_OFFSET) {
        const v = maps.get(`${ext.topic}@${ext.consumerGroup}`)?.get(Number(ext.queueId))
        return v === undefined ? reply(ResponseCode.QUERY_NOT_FOUND) : reply(ResponseCode.SUCCESS, { offset: String(v) })
      }
      throw new Error(`unexpected request ${code}`)
    },
    async invokeOneway(_address: string, code: number, ext: Record<string, string> = {}) {
      sent.push({ code, queueId: Number(ext.queueId), oneway: true })
      void update(ext)
    },
  }
  const cluster = { remoting, findQueryAddress: async () => '127.0.0.1:10911' } as unknown as ClusterPort
  return { maps, sent, cluster }
}

const queues = (topic: string, brokerName: string, n: number): MessageQueue[] => Array.from({ length: n }, (_, queueId) => ({ topic, brokerName, queueId }))

describe('BrokerOffsetStore.persistAll', () => {
  it('a new group on a broker: the first commit of each topic is answered before the others go, so the broker keeps every queue', async () => {
    const broker = racyBroker()
    const store = new BrokerOffsetStore(broker.cluster, 'G', silentLogger)
    const mqs = [...queues('T1', 'broker-a', 4), ...queues('T2', 'broker-a', 2)]
    mqs.forEach((mq, i) => store.update(mq, 10 + i, false))
    const done = await store.persistAll(mqs)
    expect(done.map((d) => d.offset).sort((a, b) => a - b)).toEqual([10, 11, 12, 13, 14, 15])
    for (const [i, mq] of mqs.entries()) expect(await store.fetch(mq)).toBe(10 + i)
  })

  it('the periodic oneway commit sends its first commit per topic two-way, the rest oneway; later rounds all oneway', async () => {
    const broker = racyBroker()
    const store = new BrokerOffsetStore(broker.cluster, 'G', silentLogger)
    const mqs = queues('T', 'broker-a', 4)
    mqs.forEach((mq, i) => store.update(mq, 5 + i, false))
    await store.persistAll(mqs, { oneway: true })
    await new Promise((r) => setImmediate(r))
    expect(broker.sent.filter((s) => s.code === RequestCode.UPDATE_CONSUMER_OFFSET).map((s) => s.oneway)).toEqual([false, true, true, true])
    expect([...broker.maps.get('T@G')!.entries()].sort(([a], [b]) => a - b)).toEqual([[0, 5], [1, 6], [2, 7], [3, 8]])
    broker.sent.length = 0
    mqs.forEach((mq, i) => store.update(mq, 50 + i, false))
    await store.persistAll(mqs, { oneway: true })
    expect(broker.sent.map((s) => s.oneway)).toEqual([true, true, true, true])
  })

  it('the race the ordering avoids is real in this model: four first commits at once keep fewer than four offsets', async () => {
    const broker = racyBroker()
    const store = new BrokerOffsetStore(broker.cluster, 'G', silentLogger)
    const mqs = queues('T', 'broker-a', 4)
    mqs.forEach((mq, i) => store.update(mq, i, false))
    await Promise.all(mqs.map((mq) => store.persist(mq)))
    expect(broker.maps.get('T@G')!.size).toBeLessThan(4)
  })
})
