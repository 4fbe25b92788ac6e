/**
 * Issue 8 #6 at unit level (the real-cluster proof with SIGSTOP is test/integration/stalled-broker.test.ts): a broker
 * that never answers sends must not make sends fail while another broker is healthy. One deadline is shared by
 * the attempts, an attempt gets half of it while another broker is left, and the stalled broker is then avoided.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { Producer } from '../../src/producer/producer.js'
import { LatencyFaultAvoidance } from '../../src/producer/latency-fault.js'
import { RequestCode } from '../../src/remoting/codes.js'
import type { RemotingCommand } from '../../src/remoting/command.js'
import { responseTo, startFakeServer, type FakeServer } from '../remoting/helpers.js'

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

async function fake(onCommand: (cmd: RemotingCommand, peer: { send(c: RemotingCommand): void }) => void): Promise<FakeServer> {
  const s = await startFakeServer(onCommand)
  cleanups.push(() => s.close())
  return s
}

async function cluster(): Promise<{ ns: FakeServer; a: FakeServer; b: FakeServer; sendsTo: { a: number; b: number } }> {
  const sendsTo = { a: 0, b: 0 }
  const broker = (name: 'a' | 'b') => (cmd: RemotingCommand, peer: { send(c: RemotingCommand): void }) => {
    if ((cmd.flag & 3) !== 0) return
    if (cmd.code === RequestCode.SEND_MESSAGE_V2) {
      sendsTo[name]++
      if (name === 'b') return // stalled: never answers
      peer.send(responseTo(cmd, 0, { extFields: { msgId: 'X', queueId: cmd.extFields?.e ?? '0', queueOffset: String(sendsTo.a) } }))
      return
    }
    peer.send(responseTo(cmd, 0))
  }
  const a = await fake(broker('a'))
  const b = await fake(broker('b'))
  const route = JSON.stringify({
    brokerDatas: [
      { brokerName: 'broker-a', cluster: 'C', brokerAddrs: { '0': a.address } },
      { brokerName: 'broker-b', cluster: 'C', brokerAddrs: { '0': b.address } },
    ],
    queueDatas: [
      { brokerName: 'broker-a', perm: 6, readQueueNums: 2, writeQueueNums: 2, topicSysFlag: 0 },
      { brokerName: 'broker-b', perm: 6, readQueueNums: 2, writeQueueNums: 2, topicSysFlag: 0 },
    ],
  })
  const ns = await fake((cmd, peer) => {
    if ((cmd.flag & 3) !== 0) return
    peer.send(responseTo(cmd, 0, cmd.code === RequestCode.GET_ROUTEINFO_BY_TOPIC ? { body: Buffer.from(route) } : {}))
  })
  return { ns, a, b, sendsTo }
}

describe('producer with a stalled broker', () => {
  it('every send succeeds on the healthy broker within one sendTimeoutMs, and the stalled one is then avoided', async () => {
    const { ns, sendsTo } = await cluster()
    const producer = new Producer({ nameServer: ns.address, sendTimeoutMs: 2000 })
    cleanups.push(() => producer.close())
    const results = []
    for (let i = 0; i < 8; i++) results.push(await producer.send({ topic: 'Stall', body: `m${i}` }))
    expect(results.every((r) => r.queue.brokerName === 'broker-a')).toBe(true)
    // broker-b got at most the one attempt that revealed it; afterwards it is avoided
    expect(sendsTo.b).toBe(1)
    expect(sendsTo.a).toBe(8)
    expect(Object.keys(producer.faults!.snapshot())).toEqual(['broker-b'])
  })

  it('without latency fault avoidance, sends still succeed (the shared deadline leaves time for broker-a), but keep trying broker-b', async () => {
    const { ns, sendsTo } = await cluster()
    const producer = new Producer({ nameServer: ns.address, sendTimeoutMs: 2000, latencyFaultAvoidance: false })
    cleanups.push(() => producer.close())
    for (let i = 0; i < 8; i++) expect((await producer.send({ topic: 'Stall', body: `m${i}` })).queue.brokerName).toBe('broker-a')
    expect(sendsTo.b).toBeGreaterThan(1)
  })
})

describe('LatencyFaultAvoidance', () => {
  it('follows the latency table and isolates failed brokers', () => {
    let now = 1_000_000
    const f = new LatencyFaultAvoidance(30_000, () => now)
    f.succeeded('a', 100)
    expect(f.isAvailable('a')).toBe(true)
    f.succeeded('a', 600) // slow: 30 s
    expect(f.isAvailable('a')).toBe(false)
    now += 30_000
    expect(f.isAvailable('a')).toBe(true)
    f.failed('b', 5)
    f.failed('c', 3500) // slow failure: max(isolation, 180 s)
    expect(f.snapshot()).toEqual({ b: now + 30_000, c: now + 180_000 })
    expect(f.leastBad(['c', 'b'])).toBe('b')
    f.succeeded('c', 10)
    expect(f.isAvailable('c')).toBe(true)
    expect(LatencyFaultAvoidance.avoidanceFor(15_000)).toBe(600_000)
  })
})
