/**
 * The foundation on the real cluster (issue 2): our Producer writes 1,000 messages with keys, tags and properties to
 * TopicOrderPaySuccess; the low-level PULL_MESSAGE reads every queue of both masters and finds all of them intact at
 * the offsets the broker reported, then the same from each master's slave once replicated; a missing topic and an
 * unreachable NameServer fail with typed errors within their timeouts; and mqadmin (the Java tools, a client we did
 * not write) reads back what our producer sent.
 *
 * Pulls use sysFlag SUBSCRIPTION (0x4) with subscription '*': the broker then takes the filter from the request and
 * needs no heartbeat registration of the group. Without that flag the broker answers 24 SUBSCRIPTION_NOT_EXIST
 * ("the consumer's group info not exist").
 */
import { createHash, randomBytes } from 'node:crypto'
import { readFileSync, rmSync } from 'node:fs'
import { createServer, type Server, type Socket } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Producer, PushConsumer, RocketMQError, type Message, type SendResult } from '@rocketmq-ts/client'
import { versionFeatures, type Cluster } from '@rocketmq-ts/testkit'
import { RemotingClient } from '../../packages/client/src/remoting/remoting-client.js'
import { getMaxOffset, pullMessage, PullSysFlag } from '../../packages/client/src/cluster/broker-api.js'
import type { MessageView } from '../../packages/client/src/protocol/message.js'
import type { MessageQueue } from '../../packages/client/src/protocol/route.js'
import { clusterAddresses, clusterControl, mqadmin, uniqueName, waitFor } from './helpers.js'

const TOPIC = 'TopicOrderPaySuccess'
const COUNT = 1000
const CHANNELS = ['Alipay', 'WeChat', 'UnionPay'] as const
/** Properties a 5.x broker adds to a single message on SEND_MESSAGE_V2 (cluster name, region, trace switch). */
const BROKER_ADDED = new Set(['CLUSTER', 'MSG_REGION', 'TRACE_ON'])

let cluster: Cluster
let producer: Producer
let remoting: RemotingClient
const run = randomBytes(4).toString('hex')
const pullGroup = uniqueName('foundation_pull')

interface Sent {
  i: number
  message: Message & { body: Buffer; keys: string[]; tags: string; properties: Record<string, string> }
  result: SendResult
}

/** msgId (UNIQ_KEY) -> what we sent and what the broker answered. */
const sent = new Map<string, Sent>()

beforeAll(async () => {
  cluster = await clusterControl()
  producer = new Producer({ nameServer: cluster.nameServer, group: uniqueName('foundation_producer') })
  remoting = new RemotingClient()
})

afterAll(async () => {
  await producer?.close()
  await remoting?.close()
})

/** Message i of the run: every 100th has a body over compressOverBytes (4096), which the producer zlib-compresses. */
function messageOf(i: number): Sent['message'] {
  const order = `order-${run}-${i}`
  const base = `{"orderId":"${order}","amount":${(i * 7919) % 100000 / 100},"note":"支付成功 ✓"}`
  const body = i % 100 === 37 ? `${base} ${'padding-for-compression;'.repeat(220)}${i}` : base
  return {
    topic: TOPIC,
    body: Buffer.from(body, 'utf8'),
    keys: [order, `user-${i % 17}`],
    tags: CHANNELS[i % 3]!,
    properties: { runId: run, seq: String(i), region: '华东', channel: CHANNELS[i % 3]! },
    flag: i % 5,
  }
}

/** Every mismatch between a pulled message and what we sent/what the broker reported, as readable strings. */
function mismatches(m: MessageView, s: Sent, where: string): string[] {
  const out: string[] = []
  const want = s.message
  const r = s.result
  const id = `${where} ${m.msgId} (#${s.i})`
  if (m.topic !== TOPIC) out.push(`${id}: topic ${m.topic}`)
  if (m.brokerName !== r.queue.brokerName || m.queueId !== r.queue.queueId) out.push(`${id}: queue ${m.brokerName}/${m.queueId}, sent to ${r.queue.brokerName}/${r.queue.queueId}`)
  if (m.queueOffset !== r.queueOffset) out.push(`${id}: queueOffset ${m.queueOffset}, broker said ${r.queueOffset}`)
  if (m.offsetMsgId !== r.offsetMsgId) out.push(`${id}: offsetMsgId ${m.offsetMsgId}, broker said ${r.offsetMsgId}`)
  if (!m.body.equals(want.body)) out.push(`${id}: body differs (${m.body.length} vs ${want.body.length} bytes)`)
  if (JSON.stringify(m.keys) !== JSON.stringify(want.keys)) out.push(`${id}: keys ${JSON.stringify(m.keys)}`)
  if (m.tags !== want.tags) out.push(`${id}: tags ${m.tags}`)
  if (m.flag !== want.flag) out.push(`${id}: flag ${m.flag}`)
  if (m.reconsumeTimes !== 0) out.push(`${id}: reconsumeTimes ${m.reconsumeTimes}`)
  const props = { ...m.properties }
  // A 4.x broker takes WAIT (waitStoreMsgOK) out of the stored properties (SendMessageProcessor); 5.x keeps it.
  const wait: Record<string, string> = versionFeatures(clusterAddresses().rocketmqVersion).major < 5 ? {} : { WAIT: 'true' }
  const expected: Record<string, string> = { ...want.properties, KEYS: want.keys.join(' '), TAGS: want.tags, UNIQ_KEY: r.msgId, ...wait }
  for (const [k, v] of Object.entries(expected)) if (props[k] !== v) out.push(`${id}: property ${k}=${props[k]}, sent ${v}`)
  for (const k of Object.keys(props)) if (!(k in expected) && !BROKER_ADDED.has(k)) out.push(`${id}: unexpected property ${k}=${props[k]}`)
  const compressed = want.body.length >= 4096
  if (compressed !== ((m.sysFlag & 0x700) === 0x300)) out.push(`${id}: sysFlag 0x${m.sysFlag.toString(16)} (compressed body: ${compressed})`)
  return out
}

/** Low-level pull of [from, to) of one queue at `address`, following nextBeginOffset. */
async function pullRange(address: string, mq: MessageQueue, from: number, to: number): Promise<MessageView[]> {
  const out: MessageView[] = []
  let offset = from
  while (offset < to) {
    const r = await pullMessage(
      remoting,
      address,
      {
        consumerGroup: pullGroup,
        mq,
        queueOffset: offset,
        maxMsgNums: 32,
        sysFlag: PullSysFlag.SUBSCRIPTION,
        commitOffset: 0,
        suspendTimeoutMillis: 0,
        subscription: '*',
        subVersion: 0,
        expressionType: 'TAG',
      },
      { timeoutMs: 5000 },
    )
    if (r.status !== 'FOUND' || r.messages.length === 0) {
      throw new Error(`pull ${mq.brokerName}/${mq.queueId} at ${offset} from ${address}: ${r.status} (min ${r.minOffset}, max ${r.maxOffset})`)
    }
    out.push(...r.messages)
    offset = r.nextBeginOffset
  }
  return out
}

/** The queues the run's messages went to, with the offset range they occupy. */
function rangesByQueue(): Map<string, { mq: MessageQueue; from: number; to: number; count: number }> {
  const ranges = new Map<string, { mq: MessageQueue; from: number; to: number; count: number }>()
  for (const { result: r } of sent.values()) {
    const key = `${r.queue.brokerName}/${r.queue.queueId}`
    const e = ranges.get(key)
    if (e === undefined) ranges.set(key, { mq: { topic: TOPIC, brokerName: r.queue.brokerName, queueId: r.queue.queueId }, from: r.queueOffset, to: r.queueOffset + 1, count: 1 })
    else {
      e.from = Math.min(e.from, r.queueOffset)
      e.to = Math.max(e.to, r.queueOffset + 1)
      e.count++
    }
  }
  return ranges
}

/** Pulls every queue of TopicOrderPaySuccess on both brokers (master or slave role) and checks the run's 1,000. */
async function readAllBack(role: 'master' | 'slave'): Promise<{ found: number; pulled: number; perBroker: Record<string, number> }> {
  const route = await cluster.route(TOPIC)
  expect(route, `route of ${TOPIC}`).not.toBeNull()
  const ranges = rangesByQueue()
  const seen = new Map<string, number>()
  const problems: string[] = []
  const perBroker: Record<string, number> = {}
  let pulled = 0
  for (const brokerName of ['broker-a', 'broker-b'] as const) {
    const address = cluster.brokers[brokerName][role]
    expect(address, `${brokerName} ${role} address`).toBeTruthy()
    const qd = route!.queueDatas.find((q) => q.brokerName === brokerName)
    expect(qd, `${brokerName} in the route of ${TOPIC}`).toBeDefined()
    for (let queueId = 0; queueId < qd!.readQueueNums; queueId++) {
      const range = ranges.get(`${brokerName}/${queueId}`)
      if (range === undefined) continue // nothing of this run went there (not expected with round-robin, asserted below)
      const msgs = await pullRange(address!, range.mq, range.from, range.to)
      pulled += msgs.length
      for (const m of msgs) {
        if (m.getProperty('runId') !== run) continue // another test's message in the shared topic
        const s = sent.get(m.msgId)
        if (s === undefined) {
          problems.push(`${brokerName}/${queueId}@${m.queueOffset}: ${m.msgId} was not sent by this run`)
          continue
        }
        seen.set(m.msgId, (seen.get(m.msgId) ?? 0) + 1)
        perBroker[brokerName] = (perBroker[brokerName] ?? 0) + 1
        problems.push(...mismatches(m, s, `${role} ${brokerName}/${queueId}@${m.queueOffset}`))
      }
    }
  }
  for (const [id, s] of sent) {
    const n = seen.get(id) ?? 0
    if (n !== 1) problems.push(`#${s.i} ${id} (${s.result.queue.brokerName}/${s.result.queue.queueId}@${s.result.queueOffset}) found ${n} times on the ${role}s`)
  }
  expect(problems.slice(0, 20), `${problems.length} problems`).toEqual([])
  return { found: [...seen.values()].reduce((a, b) => a + b, 0), pulled, perBroker }
}

describe(`${COUNT} messages through ${TOPIC}`, () => {
  it('our producer sends them with keys, tags and properties; every send is SEND_OK at a distinct queue offset', async () => {
    const started = Date.now()
    let next = 0
    const worker = async () => {
      for (let i = next++; i < COUNT; i = next++) {
        const message = messageOf(i)
        const result = await producer.send(message)
        sent.set(result.msgId, { i, message, result })
      }
    }
    await Promise.all(Array.from({ length: 32 }, worker))
    const ms = Date.now() - started
    process.stderr.write(`[foundation] sent ${COUNT} messages in ${ms} ms\n`)

    expect(sent.size).toBe(COUNT)
    const results = [...sent.values()].map((s) => s.result)
    expect(results.filter((r) => r.status !== 'SEND_OK')).toEqual([])
    expect(results.every((r) => /^[0-9A-F]{32}$/.test(r.msgId) && /^[0-9A-F]{32}$/.test(r.offsetMsgId))).toBe(true)
    const slots = new Set(results.map((r) => `${r.queue.brokerName}/${r.queue.queueId}@${r.queueOffset}`))
    expect(slots.size).toBe(COUNT)
    const ranges = rangesByQueue()
    // 2 queues on each master; round-robin puts messages on all four
    expect([...ranges.keys()].sort()).toEqual(['broker-a/0', 'broker-a/1', 'broker-b/0', 'broker-b/1'])
  })

  it('a low-level pull of every queue of both masters finds all of them intact (body, keys, tags, properties, offsets)', async () => {
    expect(sent.size).toBe(COUNT)
    const started = Date.now()
    const { found, pulled, perBroker } = await readAllBack('master')
    process.stderr.write(`[foundation] masters: ${found} of ours among ${pulled} pulled in ${Date.now() - started} ms ${JSON.stringify(perBroker)}\n`)
    expect(found).toBe(COUNT)
    expect(perBroker['broker-a']).toBeGreaterThan(0)
    expect(perBroker['broker-b']).toBeGreaterThan(0)
  })

  it('each master’s slave serves the same messages once replicated', async () => {
    expect(sent.size).toBe(COUNT)
    const started = Date.now()
    const ranges = [...rangesByQueue().values()]
    await waitFor(
      async () => {
        for (const r of ranges) {
          const slave = cluster.brokers[r.mq.brokerName as 'broker-a' | 'broker-b'].slave!
          if ((await getMaxOffset(remoting, slave, r.mq)) < r.to) return false
        }
        return true
      },
      { timeoutMs: 30_000, intervalMs: 100, message: 'both slaves to hold the run’s offsets' },
    )
    const replicatedMs = Date.now() - started
    const { found, pulled, perBroker } = await readAllBack('slave')
    process.stderr.write(`[foundation] slaves: replicated after ${replicatedMs} ms; ${found} of ours among ${pulled} pulled ${JSON.stringify(perBroker)}\n`)
    expect(found).toBe(COUNT)
  })
})

// Which timeout ended a call is read from the error (its code, and the timeout its message names), not from the
// wall clock: a bound on elapsed time fails on a loaded machine.
describe('typed errors within their timeouts', () => {
  async function failure(p: Promise<unknown>): Promise<{ err: RocketMQError }> {
    const err = await p.then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(err, 'the call should have failed').toBeInstanceOf(RocketMQError)
    return { err: err as RocketMQError }
  }

  it('a send to a missing topic rejects with ERR_TOPIC_NOT_FOUND naming the topic and the fix', async () => {
    const topic = uniqueName('TopicMissing')
    const p = new Producer({ nameServer: cluster.nameServer, sendTimeoutMs: 3000 })
    try {
      // Not retriable, so the send gives up on the NameServer's answer instead of retrying until sendTimeoutMs.
      const { err } = await failure(p.send({ topic, body: 'x' }))
      expect(err.code).toBe('ERR_TOPIC_NOT_FOUND')
      expect(err.message).toContain(topic)
      expect(err.message).toMatch(/create it first/i)
      expect(err.retriable).toBe(false)
    } finally {
      await p.close()
    }
  })

  it('a push consumer subscribed to a missing topic fails start() with ERR_TOPIC_NOT_FOUND', async () => {
    const topic = uniqueName('TopicMissing')
    const c = new PushConsumer({ nameServer: cluster.nameServer, group: uniqueName('missing'), subscriptions: { [topic]: '*' }, handler: () => undefined, requestTimeoutMs: 3000 })
    try {
      const { err } = await failure(c.start())
      expect(err.code).toBe('ERR_TOPIC_NOT_FOUND')
      expect(err.message).toContain(topic)
    } finally {
      await c.close()
    }
  })

  it('a NameServer that refuses connections: send and start() reject with ERR_NAMESERVER_UNREACHABLE', async () => {
    const p = new Producer({ nameServer: '127.0.0.1:1', sendTimeoutMs: 3000 })
    const c = new PushConsumer({ nameServer: '127.0.0.1:1', group: uniqueName('unreachable'), subscriptions: { [TOPIC]: '*' }, handler: () => undefined, requestTimeoutMs: 3000 })
    try {
      const send = await failure(p.send({ topic: TOPIC, body: 'x' }))
      expect(send.err.code).toBe('ERR_NAMESERVER_UNREACHABLE')
      expect(send.err.message).toContain('127.0.0.1:1')
      expect(send.err.message).toMatch(/check the 'nameServer' option/i)
      expect(send.err.retriable).toBe(true)
      // Refused, not timed out: the connection's failure ends the call.
      expect(send.err.message).toMatch(/ECONNREFUSED/)
      const start = await failure(c.start())
      expect(start.err.code).toBe('ERR_NAMESERVER_UNREACHABLE')
      expect(start.err.message).toMatch(/check the 'nameServer' option/i)
      expect(start.err.message).toMatch(/ECONNREFUSED/)
    } finally {
      await c.close()
      await p.close()
    }
  })

  it('a NameServer that accepts but never answers: both give up after their timeouts with ERR_NAMESERVER_UNREACHABLE', async () => {
    const sockets: Socket[] = []
    const silent: Server = createServer((s) => void sockets.push(s))
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
    const address = silent.address()
    const ns = `127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`
    const p = new Producer({ nameServer: ns, sendTimeoutMs: 2500, requestTimeoutMs: 1000 })
    const c = new PushConsumer({ nameServer: ns, group: uniqueName('silent'), subscriptions: { [TOPIC]: '*' }, handler: () => undefined, requestTimeoutMs: 1000 })
    try {
      const [send, start] = await Promise.all([failure(p.send({ topic: TOPIC, body: 'x' })), failure(c.start())])
      expect(send.err.code).toBe('ERR_NAMESERVER_UNREACHABLE')
      // Each gave up at its request timeout (1000 ms; a send's last attempt may get less of its 2500 ms deadline), as
      // the error says, not at the test's timeout.
      expect(Number(/timed out after (\d+) ms/.exec(send.err.message)?.[1])).toBeLessThanOrEqual(1000)
      expect(start.err.code).toBe('ERR_NAMESERVER_UNREACHABLE')
      expect(start.err.message).toMatch(/timed out after 1000 ms/)
    } finally {
      await c.close()
      await p.close()
      for (const s of sockets) s.destroy()
      await new Promise<void>((resolve) => silent.close(() => resolve()))
    }
  })

  it('with a dead NameServer listed before a live one, sends fail over and succeed', async () => {
    const p = new Producer({ nameServer: ['127.0.0.1:1', cluster.nameServer] })
    try {
      const r = await p.send({ topic: TOPIC, body: `failover-${run}`, tags: 'Failover' })
      expect(r.status).toBe('SEND_OK')
    } finally {
      await p.close()
    }
  })
})

describe('a client we did not write (mqadmin, the Java tools) reads what our producer sent', () => {
  /** Splits mqadmin's printMsg output into one record per message: label -> value. */
  function parseAdmin(output: string): Array<Record<string, string>> {
    const records: Array<Record<string, string>> = []
    // printMsg ends a message with "WARN: No Consumer" without a newline: the next "OffsetID:" follows on that line
    for (const line of output.replaceAll('WARN: No Consumer', '\n').split('\n')) {
      const m = /^(OffsetID|Topic|Tags|Keys|Queue ID|Queue Offset|System Flag|Properties|Message Body Path|Message Body):\s+(.*)$/.exec(line)
      if (m === null) continue
      // a label seen again starts the next message's record
      if (records.length === 0 || records[records.length - 1]![m[1]!] !== undefined) records.push({})
      records[records.length - 1]![m[1]!] = m[2]!
    }
    return records
  }

  it('queryMsgById (by offset id, both plain and compressed) and queryMsgByUniqueKey return the same body, keys and tags', async () => {
    const plain = { topic: TOPIC, body: `{"orderId":"admin-${run}","note":"支付成功 ✓"}`, keys: [`admin-${run}`, 'user-7'], tags: 'WeChat', properties: { runId: run, region: '华东' } }
    const bigBody = `{"orderId":"admin-big-${run}","lines":"${'item-华东;'.repeat(600)}"}`
    const big = { topic: TOPIC, body: bigBody, keys: [`admin-big-${run}`], tags: 'Alipay', properties: { runId: run } }
    expect(Buffer.byteLength(bigBody)).toBeGreaterThan(4096) // our producer zlib-compresses it
    const r1 = await producer.send(plain)
    const r2 = await producer.send(big)

    const five = versionFeatures(clusterAddresses().rocketmqVersion).major >= 5
    const started = Date.now()
    const [byId, byKey] = await Promise.all([
      // 4.9's queryMsgById has no -t (the offset id names the broker and the commit log position) and no -f
      mqadmin(cluster, ['queryMsgById', ...(five ? ['-t', TOPIC, '-f', 'UTF-8'] : []), '-i', `${r1.offsetMsgId},${r2.offsetMsgId}`]),
      // the broker's index is built asynchronously: retry once if the unique key is not indexed yet
      waitFor(
        async () => {
          const res = await mqadmin(cluster, ['queryMsgByUniqueKey', '-t', TOPIC, '-i', r1.msgId])
          return parseAdmin(res.output).length > 0 ? res : false
        },
        // a cold mqadmin JVM takes 5-15 s per call on a loaded 2-core machine
        { timeoutMs: 90_000, intervalMs: 500, message: 'mqadmin queryMsgByUniqueKey to find the message' },
      ),
    ])
    process.stderr.write(`[foundation] mqadmin: queryMsgById ${byId.durationMs} ms, queryMsgByUniqueKey ${byKey.durationMs} ms, ${Date.now() - started} ms wall\n`)

    const records = parseAdmin(byId.output)
    expect(records, byId.output).toHaveLength(2)
    const [a, b] = records as [Record<string, string>, Record<string, string>]
    expect(a['OffsetID']).toBe(r1.offsetMsgId)
    expect(a['Topic']).toBe(TOPIC)
    expect(a['Tags']).toBe('[WeChat]')
    expect(a['Keys']).toBe(`[admin-${run} user-7]`)
    expect(a['Queue ID']).toBe(String(r1.queue.queueId))
    expect(a['Queue Offset']).toBe(String(r1.queueOffset))
    // 5.x prints the body (-f UTF-8); both write it to the file checked byte for byte below
    if (five) expect(a['Message Body']).toBe(plain.body)
    expect(a['Properties']).toContain(`runId=${run}`)
    expect(a['Properties']).toContain('region=华东')
    expect(a['Properties']).toContain(`UNIQ_KEY=${r1.msgId}`)

    expect(b['OffsetID']).toBe(r2.offsetMsgId)
    expect(b['Tags']).toBe('[Alipay]')
    expect(b['Keys']).toBe(`[admin-big-${run}]`)
    expect(b['Queue Offset']).toBe(String(r2.queueOffset))
    if (five) expect(b['Message Body']).toBe(bigBody) // the Java client inflated our zlib body (the file, below, on 4.x)
    expect(Number(b['System Flag']) & 0x700).toBe(0x300) // stored with the zlib compression type

    const k = parseAdmin(byKey.output)[0]!
    expect(k['Topic']).toBe(TOPIC)
    expect(k['Tags']).toBe('[WeChat]')
    expect(k['Keys']).toBe(`[admin-${run} user-7]`)
    expect(k['Queue Offset']).toBe(String(r1.queueOffset))

    // The tools write each body to a file: compare the exact bytes, then remove the files.
    const sha = (x: Buffer) => createHash('sha256').update(x).digest('hex')
    for (const [rec, body] of [[a, plain.body], [b, bigBody], [k, plain.body]] as const) {
      const path = rec['Message Body Path']!
      expect(path).toMatch(/^\/tmp\/rocketmq\/msgbodys\//)
      expect(sha(readFileSync(path))).toBe(sha(Buffer.from(body, 'utf8')))
    }
    for (const rec of [a, b, k]) rmSync(rec['Message Body Path']!, { force: true })
  })
})
