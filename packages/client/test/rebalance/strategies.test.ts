import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { RocketMQError } from '../../src/errors.js'
import type { Logger } from '../../src/logger.js'
import { ConsistentHashRing, md5Hash } from '../../src/consumer/rebalance/consistent-hash.js'
import {
  BUILT_IN_STRATEGIES,
  averagely,
  averagelyByCircle,
  byConfig,
  compareClientIds,
  compareMessageQueues,
  consistentHash,
  machineRoom,
  machineRoomNearby,
  messageQueueKey,
  resolveStrategy,
  type AllocationContext,
  type AllocationStrategy,
  type MachineRoomResolver,
  type MessageQueue,
} from '../../src/consumer/rebalance/strategies.js'

/** Produced by bench/java/alloc/AllocDump.java running the real org.apache.rocketmq:rocketmq-client classes. */
interface JavaFixture {
  rocketmqClient: string
  consumerGroup: string
  queueSets: { topic: string; given: [string, number][]; sorted: [string, number][] }[]
  clientSets: { given: string[]; sorted: string[] }[]
  cases: {
    strategy: string
    name: string
    params: { virtualNodes?: number; consumeRooms?: string[]; fallback?: string; resolver?: 'suffix'; configured?: number[] }
    queueSet: number
    clientSet: number
    /** Per client of clientSets[clientSet].sorted: indexes into queueSets[queueSet].sorted. */
    allocations: number[][]
  }[]
}

const fixture = JSON.parse(
  readFileSync(new URL('./java-allocations.json', import.meta.url), 'utf8'),
) as JavaFixture

/** The resolver the Java driver uses: the room is the text before the first '@'. */
const prefixResolver: MachineRoomResolver = {
  brokerDeployedIn: (mq) => mq.brokerName.split('@')[0] as string,
  consumerDeployedIn: (cid) => cid.split('@')[0] as string,
}

/** The driver's second resolver: the room is the text after the last '@'. */
const suffixResolver: MachineRoomResolver = {
  brokerDeployedIn: (mq) => mq.brokerName.slice(mq.brokerName.lastIndexOf('@') + 1),
  consumerDeployedIn: (cid) => cid.slice(cid.lastIndexOf('@') + 1),
}

function toQueues(topic: string, pairs: [string, number][]): MessageQueue[] {
  return pairs.map(([brokerName, queueId]) => ({ topic, brokerName, queueId }))
}

function strategyFor(c: JavaFixture['cases'][number], sortedQueues: MessageQueue[]): AllocationStrategy {
  switch (c.strategy) {
    case 'by-config':
      return byConfig((c.params.configured ?? []).map((i) => sortedQueues[i] as MessageQueue))
    case 'machine-room':
      return machineRoom({ consumeRooms: c.params.consumeRooms ?? [] })
    case 'machine-room-nearby':
      return resolveStrategy('machine-room-nearby', {
        resolver: c.params.resolver === 'suffix' ? suffixResolver : prefixResolver,
        fallback: c.params.fallback,
      })
    default:
      return resolveStrategy(c.strategy, { virtualNodes: c.params.virtualNodes })
  }
}

function ctxFor(queues: readonly MessageQueue[], clientIds: readonly string[], currentClientId: string): AllocationContext {
  return { consumerGroup: 'GID_TS', currentClientId, messageQueues: queues, clientIds, topic: queues[0]?.topic ?? 'T' }
}

async function allocateAll(s: AllocationStrategy, queues: readonly MessageQueue[], clientIds: readonly string[]) {
  const out: MessageQueue[][] = []
  for (const cid of clientIds) out.push(await s.allocate(ctxFor(queues, clientIds, cid)))
  return out
}

function queues(n: number, brokers: string[] = ['broker-a'], topic = 'TopicTs'): MessageQueue[] {
  const out: MessageQueue[] = []
  for (let j = 0; j < brokers.length; j++) {
    const count = Math.floor(n / brokers.length) + (j < n % brokers.length ? 1 : 0)
    for (let i = 0; i < count; i++) out.push({ topic, brokerName: brokers[j] as string, queueId: i })
  }
  return out.sort(compareMessageQueues)
}

const ids = (qs: MessageQueue[]) => qs.map((q) => `${q.brokerName}:${q.queueId}`)

describe('fixture from the Java client', () => {
  it('was produced by a 5.x rocketmq-client and covers every kind', () => {
    expect(fixture.rocketmqClient).toMatch(/^V5_/)
    const kinds = new Set(fixture.cases.map((c) => c.strategy))
    expect([...kinds].sort()).toEqual([...BUILT_IN_STRATEGIES].sort())
    expect(fixture.cases.length).toBeGreaterThan(1000)
  })

  it('sorts every queue set and client set exactly as Java Collections.sort does', () => {
    for (const qs of fixture.queueSets) {
      const given = toQueues(qs.topic, qs.given)
      const reversed = [...given].reverse()
      expect(ids(given.sort(compareMessageQueues))).toEqual(ids(toQueues(qs.topic, qs.sorted)))
      expect(ids(reversed.sort(compareMessageQueues))).toEqual(ids(toQueues(qs.topic, qs.sorted)))
    }
    for (const cs of fixture.clientSets) {
      expect([...cs.given].sort(compareClientIds)).toEqual(cs.sorted)
      expect([...cs.given].reverse().sort(compareClientIds)).toEqual(cs.sorted)
    }
  })
})

for (const kind of BUILT_IN_STRATEGIES) {
  const cases = fixture.cases.filter((c) => c.strategy === kind)
  describe(`${kind} equals Java`, () => {
    it.each(cases.map((c, i) => [i, c] as const))('case %i', async (_i, c) => {
      const qs = fixture.queueSets[c.queueSet]
      const cs = fixture.clientSets[c.clientSet]
      if (!qs || !cs) throw new Error('fixture refers to a missing set')
      const sorted = toQueues(qs.topic, qs.sorted)
      const s = strategyFor(c, sorted)
      expect(s.name).toBe(c.name)
      const got = await allocateAll(s, sorted, cs.sorted)
      const expected = c.allocations.map((idx) => idx.map((i) => sorted[i] as MessageQueue))
      expect(got.map(ids)).toEqual(expected.map(ids))
    })
  })
}

describe('partition properties', () => {
  const partitioning: [string, () => AllocationStrategy][] = [
    ['averagely', () => averagely()],
    ['averagely-by-circle', () => averagelyByCircle()],
    ['consistent-hash', () => consistentHash()],
    ['consistent-hash/1', () => consistentHash({ virtualNodes: 1 })],
  ]
  for (const [label, make] of partitioning) {
    it(`${label}: every queue owned exactly once, for 1..40 queues over 1..5 brokers and 1..9 clients`, async () => {
      const s = make()
      let checked = 0
      for (let n = 1; n <= 40; n += 3) {
        for (let b = 1; b <= 5; b++) {
          const qs = queues(n, ['broker-c', 'broker-a', 'broker-b', 'broker-e', 'broker-d'].slice(0, b))
          for (let c = 1; c <= 9; c++) {
            const cids = Array.from({ length: c }, (_, i) => `10.9.${i}.1@${4000 + i}`).sort(compareClientIds)
            const owned = (await allocateAll(s, qs, cids)).flatMap(ids)
            expect(new Set(owned).size).toBe(owned.length)
            expect([...owned].sort()).toEqual(ids(qs).sort())
            checked++
          }
        }
      }
      expect(checked).toBe(14 * 5 * 9)
    }, 60_000) // exhaustive (630 allocations per strategy): seconds on a loaded machine
  }

  it('averagely and by-circle shares differ by at most one queue', async () => {
    for (const s of [averagely(), averagelyByCircle()]) {
      for (let n = 1; n <= 30; n++) {
        for (let c = 1; c <= 7; c++) {
          const cids = Array.from({ length: c }, (_, i) => `c${i}`)
          const sizes = (await allocateAll(s, queues(n, ['broker-a', 'broker-b']), cids)).map((q) => q.length)
          expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1)
        }
      }
    }
  })
})

describe('known allocations', () => {
  it('averagely: 8 queues over 3 consumers is [0,1,2] [3,4,5] [6,7]', async () => {
    const got = await allocateAll(averagely(), queues(8), ['c1', 'c2', 'c3'])
    expect(got.map((qs) => qs.map((q) => q.queueId))).toEqual([[0, 1, 2], [3, 4, 5], [6, 7]])
  })

  it('averagely: more consumers than queues leaves the last ones idle', async () => {
    const got = await allocateAll(averagely(), queues(2), ['c1', 'c2', 'c3', 'c4'])
    expect(got.map((qs) => qs.length)).toEqual([1, 1, 0, 0])
  })

  it('averagely-by-circle: 8 queues over 3 consumers is [0,3,6] [1,4,7] [2,5]', async () => {
    const got = await allocateAll(averagelyByCircle(), queues(8), ['c1', 'c2', 'c3'])
    expect(got.map((qs) => qs.map((q) => q.queueId))).toEqual([[0, 3, 6], [1, 4, 7], [2, 5]])
  })

  it('integration scenario: 4 queues on broker-a/broker-b split 2/2 over two clients, then 2/1/1 over three', async () => {
    const qs = queues(4, ['broker-b', 'broker-a'])
    expect(ids(qs)).toEqual(['broker-a:0', 'broker-a:1', 'broker-b:0', 'broker-b:1'])
    const two = await allocateAll(averagely(), qs, ['10.1.0.2@31000', '10.1.0.9@31113'])
    expect(two.map(ids)).toEqual([['broker-a:0', 'broker-a:1'], ['broker-b:0', 'broker-b:1']])
    const three = await allocateAll(averagely(), qs, ['10.1.0.16@31226', '10.1.0.2@31000', '10.1.0.9@31113'])
    expect(three.map(ids)).toEqual([['broker-a:0', 'broker-a:1'], ['broker-b:0'], ['broker-b:1']])
  })

  it('machine-room: Java split semantics decide which brokers are eligible', async () => {
    const qs: MessageQueue[] = ['hz@broker-a', 'hz@', '@x', 'a@b@c', 'plain', 'sh@broker-b']
      .map((brokerName) => ({ topic: 'T', brokerName, queueId: 0 }))
      .sort(compareMessageQueues)
    const got = await allocateAll(machineRoom({ consumeRooms: ['hz', '', 'sh'] }), qs, ['c1'])
    expect(ids(got[0] ?? []).sort()).toEqual(['@x:0', 'hz@broker-a:0', 'sh@broker-b:0'])
  })

  it('machine-room-nearby: a room without consumers is shared by all; a room with consumers keeps its queues', async () => {
    const qs: MessageQueue[] = [
      ...queues(4, ['hz@a']),
      ...queues(2, ['sh@b']),
      ...queues(2, ['bj@c']),
    ].sort(compareMessageQueues)
    const cids = ['hz@1', 'hz@2', 'sh@3']
    const got = await allocateAll(machineRoomNearby({ resolver: prefixResolver }), qs, cids)
    expect(got.map(ids)).toEqual([
      ['hz@a:0', 'hz@a:1', 'bj@c:0'],
      ['hz@a:2', 'hz@a:3', 'bj@c:1'],
      ['sh@b:0', 'sh@b:1'],
    ])
  })

  it('machine-room-nearby: an async fallback makes the allocation async and keeps Java order', async () => {
    const inner: AllocationStrategy = { name: 'ASYNC_AVG', allocate: async (ctx) => averagely().allocate(ctx) }
    const s = machineRoomNearby({ resolver: prefixResolver, fallback: inner })
    expect(s.name).toBe('MACHINE_ROOM_NEARBY-ASYNC_AVG')
    const qs = [...queues(2, ['hz@a']), ...queues(2, ['bj@c'])].sort(compareMessageQueues)
    const result = s.allocate(ctxFor(qs, ['hz@1'], 'hz@1'))
    expect(result).toBeInstanceOf(Promise)
    expect(ids(await result)).toEqual(['hz@a:0', 'hz@a:1', 'bj@c:0', 'bj@c:1'])
  })

  it('machine-room-nearby: a resolver that returns no room is an ERR_INVALID_OPTION', () => {
    const s = machineRoomNearby({ resolver: { brokerDeployedIn: () => '', consumerDeployedIn: () => 'hz' } })
    expect(() => s.allocate(ctxFor(queues(2), ['c1'], 'c1'))).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_OPTION' }) as unknown as Error,
    )
  })

  it('by-config returns the configured queues for every member, as copies', async () => {
    const configured = queues(3).slice(1)
    const s = byConfig(configured)
    expect(s.name).toBe('CONFIG')
    const got = await allocateAll(s, queues(6), ['c1', 'c2'])
    expect(got.map(ids)).toEqual([ids(configured), ids(configured)])
    expect(got[0]?.[0]).not.toBe(configured[0])
  })
})

describe('validation as Java check() does it', () => {
  const all = [averagely(), averagelyByCircle(), consistentHash(), machineRoom({ consumeRooms: ['hz'] }), machineRoomNearby({ resolver: prefixResolver })]

  it('a client missing from the client list owns nothing and a warning is logged', async () => {
    for (const base of [averagely, averagelyByCircle, consistentHash]) {
      const warnings: object[] = []
      const logger: Logger = { debug: () => {}, info: () => {}, warn: (o) => warnings.push(o), error: () => {} }
      const s = base({ logger })
      expect(await s.allocate(ctxFor(queues(4), ['c1', 'c2'], 'c3'))).toEqual([])
      expect(warnings).toEqual([expect.objectContaining({ clientId: 'c3', group: 'GID_TS', strategy: s.name })])
    }
  })

  it('empty client id, queue list or client list gives an empty allocation', async () => {
    for (const s of all) {
      expect(await s.allocate(ctxFor(queues(4), ['c1'], ''))).toEqual([])
      expect(await s.allocate(ctxFor([], ['c1'], 'c1'))).toEqual([])
      expect(await s.allocate(ctxFor(queues(4), [], 'c1'))).toEqual([])
    }
  })

  it('consistent-hash with 0 virtual nodes owns nothing (an empty ring), like Java', async () => {
    expect(await consistentHash({ virtualNodes: 0 }).allocate(ctxFor(queues(4), ['c1'], 'c1'))).toEqual([])
  })
})

describe('consistent hash ring', () => {
  it('md5Hash reads the first four digest bytes big-endian as a non-negative long', () => {
    expect(md5Hash('')).toBe(0xd41d8cd9n) // md5('') = d41d8cd98f00b204...
    expect(md5Hash('abc')).toBe(0x90015098n) // md5('abc') = 900150983cd24fb0...
  })

  it('hashes mq.toString() as Java prints it', () => {
    expect(messageQueueKey({ topic: 'T', brokerName: 'broker-a', queueId: 3 })).toBe(
      'MessageQueue [topic=T, brokerName=broker-a, queueId=3]',
    )
  })

  it('orders ring keys as signed Java longs and wraps past the largest', () => {
    const table: Record<string, bigint> = { 'x-0': -10n, 'y-0': 2n ** 63n - 1n, k0: 0n, kneg: -20n, kwrap: 2n ** 64n - 1n }
    const ring = new ConsistentHashRing(['x', 'y'], 1, (k) => table[k] ?? 0n)
    expect(ring.route('kneg')).toBe('x')
    expect(ring.route('k0')).toBe('y') // 0 > -10, next key is Long.MAX_VALUE
    expect(ring.route('kwrap')).toBe('y') // 2^64-1 is -1 as a long
    expect(new ConsistentHashRing(['x', 'y'], 1, (k) => (k === 'y-0' ? 5n : k === 'x-0' ? 1n : 6n)).route('q')).toBe('x')
  })

  it('a later node overwrites an earlier one on a hash collision, and duplicates continue their replica numbering', () => {
    const seen: string[] = []
    const ring = new ConsistentHashRing(['a', 'b', 'a'], 2, (k) => {
      seen.push(k)
      return 7n
    })
    expect(ring.size).toBe(1)
    expect(ring.route('anything')).toBe('a')
    // 'a' had 0 replicas left on the ring after 'b' overwrote it, so it restarts at 0
    expect(seen).toEqual(['a-0', 'a-1', 'b-0', 'b-1', 'a-0', 'a-1', 'anything'])
  })
})

describe('resolveStrategy', () => {
  it('maps every built-in name to its Java getName()', () => {
    const names = BUILT_IN_STRATEGIES.map(
      (n) =>
        resolveStrategy(n, {
          queues: queues(1),
          consumeRooms: ['hz'],
          resolver: prefixResolver,
          fallback: 'averagely-by-circle',
        }).name,
    )
    expect(names).toEqual(['AVG', 'AVG_BY_CIRCLE', 'CONSISTENT_HASH', 'CONFIG', 'MACHINE_ROOM', 'MACHINE_ROOM_NEARBY-AVG_BY_CIRCLE'])
    expect(resolveStrategy('machine-room-nearby', { resolver: prefixResolver }).name).toBe('MACHINE_ROOM_NEARBY-AVG')
  })

  it('wraps a function and passes a strategy object through', async () => {
    const mine = (ctx: AllocationContext) => ctx.messageQueues.slice(0, 1)
    const s = resolveStrategy(mine)
    expect(s.name).toBe('mine')
    expect(ids(await s.allocate(ctxFor(queues(3), ['c'], 'c')))).toEqual(['broker-a:0'])
    const obj: AllocationStrategy = { name: 'MINE', allocate: mine }
    expect(resolveStrategy(obj)).toBe(obj)
  })

  it('rejects an unknown name with ERR_INVALID_OPTION naming the field and the valid names', () => {
    let err: unknown
    try {
      resolveStrategy('round-robin')
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(RocketMQError)
    const e = err as RocketMQError
    expect(e.code).toBe('ERR_INVALID_OPTION')
    expect(e.context.field).toBe('allocation')
    expect(e.message).toContain("'round-robin'")
    for (const n of BUILT_IN_STRATEGIES) expect(e.message).toContain(`'${n}'`)
    expect(() => resolveStrategy(42 as unknown as string)).toThrow(/allocation/)
    expect(() => resolveStrategy({ name: 'x' } as unknown as AllocationStrategy)).toThrow(/allocation/)
  })

  it('rejects missing or bad options for the strategies that need them, naming the option', () => {
    const fieldOf = (f: () => unknown): unknown => {
      try {
        f()
      } catch (e) {
        return e instanceof RocketMQError && e.code === 'ERR_INVALID_OPTION' ? e.context.field : e
      }
      return 'no error'
    }
    expect(fieldOf(() => resolveStrategy('by-config'))).toBe('allocationOptions.queues')
    expect(fieldOf(() => resolveStrategy('by-config', { queues: [{ topic: 'T' } as MessageQueue] }))).toBe('allocationOptions.queues')
    expect(fieldOf(() => resolveStrategy('machine-room'))).toBe('allocationOptions.consumeRooms')
    expect(fieldOf(() => resolveStrategy('machine-room', { consumeRooms: [] }))).toBe('allocationOptions.consumeRooms')
    expect(fieldOf(() => resolveStrategy('machine-room-nearby'))).toBe('allocationOptions.resolver')
    expect(fieldOf(() => resolveStrategy('consistent-hash', { virtualNodes: -1 }))).toBe('allocationOptions.virtualNodes')
    expect(fieldOf(() => resolveStrategy('consistent-hash', { virtualNodes: 1.5 }))).toBe('allocationOptions.virtualNodes')
    expect(fieldOf(() => resolveStrategy('machine-room-nearby', { resolver: prefixResolver, fallback: 'nope' }))).toBe('allocation')
  })
})
