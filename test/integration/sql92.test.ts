/**
 * SQL92 subscriptions on the kit's brokers (enablePropertyFilter=true): only matching messages arrive, for number,
 * string and boolean properties, IS NULL, BETWEEN, IN and a combination; a bad expression fails start() with a typed
 * error (the broker compiles it on CHECK_CLIENT_CONFIG, as the Java client asks at start).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Admin, PushConsumer, isRocketMQError, type MessageView } from '@rocketmq-ts/client'
import { uniqueName, waitFor } from './helpers.js'
import { consumerSuite } from './support/consumers.js'

const suite = consumerSuite()
let admin: Admin
const topic = uniqueName('TopicSql92')

interface Props {
  a: number
  region: string | undefined
  vip: boolean
}
const REGIONS = ['cn', 'us', 'eu', undefined]
const N = 40
const messages: Props[] = Array.from({ length: N }, (_, i) => ({ a: i, region: REGIONS[i % 4], vip: i % 3 === 0 }))

const CASES: Array<[string, (p: Props) => boolean]> = [
  ['a > 25', (p) => p.a > 25],
  ['a <= 3 OR a = 17', (p) => p.a <= 3 || p.a === 17],
  ["region = 'cn'", (p) => p.region === 'cn'],
  ["region <> 'cn'", (p) => p.region !== undefined && p.region !== 'cn'],
  ['vip = TRUE', (p) => p.vip],
  ['vip = FALSE AND a < 10', (p) => !p.vip && p.a < 10],
  ['region IS NULL', (p) => p.region === undefined],
  ['region IS NOT NULL AND a > 30', (p) => p.region !== undefined && p.a > 30],
  ['a BETWEEN 10 AND 14', (p) => p.a >= 10 && p.a <= 14],
  ["region IN ('us', 'eu')", (p) => p.region === 'us' || p.region === 'eu'],
  ["a > 5 AND region = 'cn'", (p) => p.a > 5 && p.region === 'cn'],
]

beforeAll(async () => {
  admin = new Admin({ nameServer: suite.cluster.nameServer })
  await admin.createTopic(topic, { queuesPerBroker: 2 })
})
afterAll(async () => {
  await admin.close()
})

describe('SQL92 subscriptions', () => {
  it('deliver only the messages whose properties match, for every kind of expression', async () => {
    const got = new Map<string, MessageView[]>()
    const groups = new Map<string, string>()
    for (const [sql] of CASES) {
      got.set(sql, [])
      groups.set(sql, uniqueName('sql92'))
      const c = suite.track(
        new PushConsumer({
          nameServer: suite.cluster.nameServer,
          group: groups.get(sql)!,
          subscriptions: { [topic]: { sql } },
          consumeFrom: 'first',
          handler: (m) => void got.get(sql)!.push(m),
        }),
      )
      await c.start()
    }
    for (const p of messages) {
      const properties: Record<string, string> = { a: String(p.a), vip: String(p.vip) }
      if (p.region !== undefined) properties['region'] = p.region
      await suite.producer.send({ topic, body: `m${p.a}`, properties })
    }
    for (const [sql, match] of CASES) {
      const want = messages.filter(match).map((p) => p.a)
      expect(want.length, sql).toBeGreaterThan(0)
      expect(want.length, sql).toBeLessThan(N)
      await waitFor(() => got.get(sql)!.length >= want.length, { timeoutMs: 30_000, message: `${want.length} messages for ${sql}` })
    }
    // Proof that nothing else will arrive: every group's committed offset reaches the end of every queue, i.e. the
    // broker's filter has passed over all N messages for each of them.
    for (const [sql] of CASES) {
      const group = groups.get(sql)!
      await waitFor(async () => (await admin.describeGroup(group)).queues.every((q) => q.lag === 0 && q.brokerOffset > 0), {
        timeoutMs: 30_000,
        intervalMs: 500,
        message: `group of ${sql} to have passed every message`,
      })
    }
    for (const [sql, match] of CASES) {
      const want = messages.filter(match).map((p) => p.a)
      const have = got.get(sql)!.map((m) => Number(m.properties['a'])).sort((x, y) => x - y)
      expect({ sql, have: [...new Set(have)] }).toEqual({ sql, have: want })
    }
  })

  it('a syntax error fails start() with ERR_INVALID_SUBSCRIPTION naming the expression', async () => {
    for (const sql of ['a >> 5 AND', "region = 'cn"]) {
      const c = new PushConsumer({ nameServer: suite.cluster.nameServer, group: uniqueName('sql92_bad'), subscriptions: { [topic]: { sql } }, handler: () => {} })
      const err = await c.start().then(
        () => undefined,
        (e: unknown) => e,
      )
      await c.close()
      expect(isRocketMQError(err) && { code: err.code, expression: err.context['expression'], topic: err.context['topic'] }).toEqual({ code: 'ERR_INVALID_SUBSCRIPTION', expression: sql, topic })
      expect(String((err as Error).message)).toMatch(/does not compile/)
    }
  })
})
