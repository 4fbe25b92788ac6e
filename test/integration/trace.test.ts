/**
 * RocketMQ message trace on the kit's cluster (brokers with traceTopicEnable): what our producer and consumers write
 * to RMQ_SYS_TRACE_TOPIC is read by a tool we did not write, `mqadmin queryMsgTraceById` (the Java TraceDataEncoder
 * decodes it): our producer's Pub and each consumer group's Sub rows, with the right group and status. The raw
 * records (SubBefore included, with the retry count) are read back from the trace topic. With the trace topic's broker
 * paused, sends and handlers go on and the drop counter moves.
 */
import { describe, expect, it } from 'vitest'
import { Producer, PullConsumer, PushConsumer, decodeTraceData, type DecodedTrace, type MessageView } from '@rocketmq-ts/client'
import { uniqueName, waitFor, waitUntil } from './helpers.js'
import { consumerSuite } from './support/consumers.js'
import { ensureJava, runJava } from './support/java-interop.js'

const suite = consumerSuite()

interface ToolRow {
  type: 'Pub' | 'Sub'
  group: string
  costMs: number
  status: string
}

/** `mqadmin queryMsgTraceById` rows: `Pub|Sub  group  clientHost  yyyy-MM-dd HH:mm:ss  <n>ms  success|failed`. */
async function queryTrace(msgId: string, traceTopic?: string): Promise<{ rows: ToolRow[]; output: string }> {
  const args = ['queryMsgTraceById', '-i', msgId, ...(traceTopic ? ['-t', traceTopic] : [])]
  const { output } = await suite.cluster.admin(args)
  const rows: ToolRow[] = []
  for (const line of output.split('\n')) {
    const c = line.trim().split(/\s+/)
    if ((c[0] === 'Pub' || c[0] === 'Sub') && c.length >= 7) rows.push({ type: c[0], group: c[1]!, costMs: Number(c[5]!.replace(/ms$/, '')), status: c[6]! })
  }
  return { rows, output }
}

/** Every record in a trace topic, read with a pull consumer of a fresh group from the first offset. */
async function readTraceTopic(topic: string, until: (records: DecodedTrace[]) => boolean): Promise<DecodedTrace[]> {
  const reader = suite.track(new PullConsumer({ nameServer: suite.cluster.nameServer, group: uniqueName('G_trace_reader'), subscriptions: { [topic]: '*' }, consumeFrom: 'first' }))
  await reader.start()
  const records: DecodedTrace[] = []
  await waitFor(
    async () => {
      for (const m of await reader.poll({ timeoutMs: 1000 })) records.push(...decodeTraceData(m.body.toString('utf8')))
      return until(records)
    },
    { timeoutMs: 60_000, message: 'trace records in the trace topic' },
  )
  await reader.close()
  return records
}

describe('message trace read by mqadmin queryMsgTraceById', () => {
  it("shows our producer's Pub and each group's Sub rows (success; failed then success for a retried message), with SubBefore/SubAfter pairs in the topic", async () => {
    const topic = uniqueName('T_trace')
    const producerGroup = uniqueName('PG_trace')
    const okGroup = uniqueName('G_trace_ok')
    const retryGroup = uniqueName('G_trace_retry')
    await suite.cluster.createTopic(topic, { queuesPerBroker: 1 })

    const handled = { ok: 0, retry: 0 }
    const ok = suite.track(
      new PushConsumer({ nameServer: suite.cluster.nameServer, group: okGroup, subscriptions: { [topic]: '*' }, consumeFrom: 'first', trace: true, handler: () => void handled.ok++ }),
    )
    const retry = suite.track(
      new PushConsumer({
        nameServer: suite.cluster.nameServer,
        group: retryGroup,
        subscriptions: { [topic]: '*' },
        consumeFrom: 'first',
        trace: true,
        handler: (m: MessageView) => {
          handled.retry++
          if (m.reconsumeTimes === 0) throw new Error('stock service down, retry later')
        },
      }),
    )
    await Promise.all([ok.start(), retry.start()])

    const producer = new Producer({ nameServer: suite.cluster.nameServer, group: producerGroup, trace: true })
    const sent = await producer.send({ topic, body: 'order 42 paid', tags: 'paid', keys: ['order-42'] })
    await producer.close() // flushes the Pub record
    expect(producer.metrics().trace).toMatchObject({ sent: 1, dropped: 0, failed: 0 })

    // The retry group handles it twice: failed (sent back to %RETRY%), then again from the retry topic (reconsumeTimes 1).
    await waitUntil(() => handled.ok >= 1 && handled.retry >= 2, 90_000, 'ok group once, retry group twice')
    // Two records (SubBefore, SubAfter) per handler call; at least once delivery may add a copy, so count the calls.
    await waitUntil(() => ok.metrics().trace!.sent === 2 * handled.ok && retry.metrics().trace!.sent === 2 * handled.retry, 30_000, 'SubBefore/SubAfter records sent')

    // The tool (Java's decoder) finds them by msgId.
    const { rows, output } = await waitFor(
      async () => {
        const r = await queryTrace(sent.msgId)
        return r.rows.filter((x) => x.type === 'Sub').length === handled.ok + handled.retry && r.rows.some((x) => x.type === 'Pub') ? r : undefined
      },
      { timeoutMs: 60_000, intervalMs: 1000, message: 'queryMsgTraceById shows the Pub and a Sub row per handler call' },
    )
    console.log(`mqadmin queryMsgTraceById -i ${sent.msgId}\n${output}`)
    const pub = rows.filter((r) => r.type === 'Pub')
    expect(pub.map((r) => [r.group, r.status])).toEqual([[producerGroup, 'success']])
    // the send's own duration: not negative, not NaN (an unparsable column), and within the send timeout (not some other column)
    expect(pub[0]!.costMs).toBeGreaterThanOrEqual(0)
    expect(pub[0]!.costMs).toBeLessThan(30_000)
    const subs = rows.filter((r) => r.type === 'Sub')
    expect(new Set(subs.filter((r) => r.group === okGroup).map((r) => r.status))).toEqual(new Set(['success']))
    expect(new Set(subs.filter((r) => r.group === retryGroup).map((r) => r.status))).toEqual(new Set(['failed', 'success']))
    expect(subs.filter((r) => r.group === retryGroup && r.status === 'failed')).toHaveLength(1)

    // The raw records: SubBefore carries the retry count, SubAfter pairs with it by requestId and says the outcome.
    const expected = 1 + 2 * (handled.ok + handled.retry)
    const mine = (await readTraceTopic('RMQ_SYS_TRACE_TOPIC', (rs) => rs.filter((r) => r.msgId === sent.msgId).length >= expected)).filter((r) => r.msgId === sent.msgId)
    const pubRec = mine.find((r) => r.type === 'Pub')!
    expect(pubRec).toMatchObject({ group: producerGroup, topic, tags: 'paid', keys: 'order-42', offsetMsgId: sent.offsetMsgId, success: true, msgType: 0 })
    expect(pubRec.regionId).toBe('DefaultRegion')
    const befores = mine.filter((r) => r.type === 'SubBefore')
    const afters = mine.filter((r) => r.type === 'SubAfter')
    expect(new Set(befores.map((r) => `${r.group} ${r.retryTimes}`))).toEqual(new Set([`${okGroup} 0`, `${retryGroup} 0`, `${retryGroup} 1`]))
    for (const b of befores) {
      const a = afters.find((x) => x.requestId === b.requestId)!
      expect(a.group).toBe(b.group)
      expect(a.success).toBe(!(b.group === retryGroup && b.retryTimes === 0))
      expect(a.contextCode).toBe(a.success ? 0 : 2)
      expect(a.timestamp!).toBeGreaterThanOrEqual(b.timestamp!)
    }
    expect(afters).toHaveLength(befores.length)
  })

  it('a pull consumer group and a custom trace topic: queryMsgTraceById -t <topic> shows the Pub and the Sub row', async () => {
    const topic = uniqueName('T_trace_pull')
    const traceTopic = uniqueName('T_trace_custom')
    const group = uniqueName('G_trace_pull')
    const producerGroup = uniqueName('PG_trace_pull')
    await suite.cluster.createTopic(topic, { queuesPerBroker: 1 })
    await suite.cluster.createTopic(traceTopic, { queuesPerBroker: 1 })
    const producer = new Producer({ nameServer: suite.cluster.nameServer, group: producerGroup, trace: { topic: traceTopic } })
    const sent = await producer.send({ topic, body: 'pulled', keys: 'k1' })
    await waitUntil(() => producer.metrics().trace!.sent === 1, 30_000, 'the Pub record sent')
    await producer.close()
    const c = suite.track(new PullConsumer({ nameServer: suite.cluster.nameServer, group, subscriptions: { [topic]: '*' }, consumeFrom: 'first', trace: { topic: traceTopic } }))
    await c.start()
    const got: string[] = []
    await waitFor(async () => {
      for (const m of await c.poll({ timeoutMs: 1000 })) got.push(m.msgId)
      return got.includes(sent.msgId)
    })
    await waitUntil(() => c.metrics().trace!.sent === 2 * got.length, 30_000, 'SubBefore and SubAfter sent')
    await c.close()
    let last = ''
    const { rows } = await waitFor(
      async () => {
        const r = await queryTrace(sent.msgId, traceTopic)
        last = r.output
        return r.rows.some((x) => x.type === 'Pub') && r.rows.some((x) => x.type === 'Sub') ? r : undefined
      },
      { timeoutMs: 90_000, intervalMs: 1000, message: 'queryMsgTraceById -t shows Pub and Sub' },
    ).catch((e: unknown) => {
      throw new Error(`${String(e)}\nlast mqadmin output:\n${last}`)
    })
    expect(rows.map((r) => [r.type, r.group, r.status])).toEqual([
      ['Pub', producerGroup, 'success'],
      ...got.map(() => ['Sub', group, 'success']),
    ])
  })
})

describe('beside the Java client with enableMsgTrace (rocketmq-client 5.5.0)', () => {
  it("one trace per message across clients: Java's Pub and our group's Sub, our Pub and Java's group's Sub", async () => {
    await ensureJava()
    const topic = uniqueName('T_trace_java')
    const ourGroup = uniqueName('G_trace_ours')
    const javaGroup = uniqueName('G_trace_java')
    const ourProducerGroup = uniqueName('PG_trace_ours')
    const javaProducerGroup = uniqueName('PG_trace_java')
    await suite.cluster.createTopic(topic, { queuesPerBroker: 1 })
    const side = { security: undefined, nameServer: suite.cluster.nameServer }

    const ours = new Set<string>()
    const c = suite.track(
      new PushConsumer({ nameServer: suite.cluster.nameServer, group: ourGroup, subscriptions: { [topic]: '*' }, consumeFrom: 'first', trace: true, handler: (m: MessageView) => void ours.add(m.msgId) }),
    )
    await c.start()
    // No count: it runs until stdin closes (a redelivered copy must not end it early; delivery is at least once).
    const javaConsumer = await runJava('consume', side, { topic, group: javaGroup, trace: 'true', 'timeout-ms': 120_000 })
    try {
      await javaConsumer.waitLine((l) => l.started === true, 'the Java consumer started')
      const javaProducer = await runJava('produce', side, { topic, group: javaProducerGroup, count: 1, prefix: 'from-java', trace: 'true' })
      const javaMsgId = (await javaProducer.waitLine((l) => l.msgId !== undefined, 'the Java send')).msgId!
      expect(await javaProducer.exited).toBe(0)
      const producer = new Producer({ nameServer: suite.cluster.nameServer, group: ourProducerGroup, trace: true })
      const ourMsgId = (await producer.send({ topic, body: 'from-ts', keys: 'ts-1' })).msgId
      await producer.close()

      await javaConsumer.waitLine((l) => l.msgId === javaMsgId, "the Java consumer received Java's message")
      await javaConsumer.waitLine((l) => l.msgId === ourMsgId, 'the Java consumer received our message')
      await waitUntil(() => ours.has(javaMsgId) && ours.has(ourMsgId), 60_000, 'our group received both')
      await javaConsumer.stop() // its shutdown flushes its SubAfter records

      for (const [msgId, producerGroup] of [
        [javaMsgId, javaProducerGroup],
        [ourMsgId, ourProducerGroup],
      ] as const) {
        const { rows, output } = await waitFor(
          async () => {
            const r = await queryTrace(msgId)
            const subGroups = new Set(r.rows.filter((x) => x.type === 'Sub').map((x) => x.group))
            return r.rows.some((x) => x.type === 'Pub') && subGroups.has(javaGroup) && subGroups.has(ourGroup) ? r : undefined
          },
          { timeoutMs: 60_000, intervalMs: 1000, message: `queryMsgTraceById ${msgId} shows the Pub and a Sub row of each group` },
        )
        console.log(`mqadmin queryMsgTraceById -i ${msgId}\n${output}`)
        expect(rows.filter((r) => r.type === 'Pub').map((r) => [r.group, r.status])).toEqual([[producerGroup, 'success']])
        // One Sub row per delivery (a redelivered copy adds one): every row of both groups says success.
        const subs = rows.filter((r) => r.type === 'Sub')
        expect([...new Set(subs.map((r) => `${r.group} ${r.status}`))].sort()).toEqual([`${javaGroup} success`, `${ourGroup} success`].sort())
      }
    } finally {
      await javaConsumer.stop()
    }
  }, 300_000) // two JVMs and four mqadmin runs: minutes on a loaded 2-core machine
})

describe('trace dispatch never in the way', () => {
  it("with the trace topic's broker paused, sends succeed at once and records are dropped and counted", async () => {
    const topic = uniqueName('T_trace_paused')
    const traceTopic = uniqueName('T_trace_on_b')
    await suite.cluster.createTopic(topic, { queuesPerBroker: 2, brokers: ['broker-a'] })
    await suite.cluster.createTopic(traceTopic, { queuesPerBroker: 1, brokers: ['broker-b'] })
    const producer = new Producer({ nameServer: suite.cluster.nameServer, group: uniqueName('PG_trace_paused'), trace: { topic: traceTopic } })
    try {
      // Warm up: the trace topic's route is known and a record went out.
      await producer.send({ topic, body: 'warm' })
      await waitUntil(() => producer.metrics().trace!.sent === 1, 30_000, 'first trace record sent')
      const before: number[] = []
      for (let i = 0; i < 50; i++) {
        const t0 = performance.now()
        await producer.send({ topic, body: `b${i}` })
        before.push(performance.now() - t0)
      }
      await waitUntil(() => producer.metrics().trace!.queued === 0, 30_000, 'trace queue empty')

      await suite.cluster.pauseBroker('broker-b-0')
      const during: number[] = []
      try {
        // More records than the queue holds (2048) while the trace broker does not answer.
        for (let i = 0; i < 2600; i++) {
          const t0 = performance.now()
          await producer.send({ topic, body: `p${i}` })
          during.push(performance.now() - t0)
        }
        const stats = producer.metrics().trace!
        expect(stats.dropped).toBeGreaterThan(0)
        expect(stats.queued).toBeLessThanOrEqual(2048)
        const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
        const p99 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.99)]!
        console.log(
          `send latency before pause p50 ${p50(before).toFixed(2)} ms p99 ${p99(before).toFixed(2)} ms; trace broker paused: p50 ${p50(during).toFixed(2)} ms p99 ${p99(during).toFixed(2)} ms; trace ${JSON.stringify(stats)}`,
        )
        // Every send succeeded (an await above would have thrown otherwise), all while no trace send could complete.
        expect(during).toHaveLength(2600)
      } finally {
        await suite.cluster.resumeBroker('broker-b-0')
      }
      // After the broker is back the queue drains; nothing is stuck.
      const total = () => {
        const s = producer.metrics().trace!
        return s.sent + s.dropped + s.failed
      }
      await waitUntil(() => producer.metrics().trace!.queued === 0 && total() === 1 + 50 + 2600, 60_000, 'every record sent, dropped or failed after resume')
      console.log(`after resume: ${JSON.stringify(producer.metrics().trace)}`)
    } finally {
      await producer.close()
    }
  })
})
