/**
 * The message trace dispatcher: bounded (a full queue drops and counts, never blocks), batched (at most 20 records per
 * trace message, grouped by traced topic, cut at maxMessageBytes), at most maxInFlight sends at once, never throws
 * into the caller (a sender that throws or rejects is counted as failed), and close() flushes what is queued, bounded
 * by its timeout.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { TraceDispatcher, type TraceSender } from '../../src/observability/trace-dispatcher.js'
import { decodeTraceData, encodeTraceRecord, type TraceRecord } from '../../src/observability/trace-format.js'
import { silentLogger } from '../../src/logger.js'
import { pass, until } from '../support/drive.js'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

let seq = 0
function record(topic = 'T'): TraceRecord {
  const id = `M${String(seq++).padStart(6, '0')}`
  return { type: 'SubBefore', timestamp: 1, regionId: 'R', group: 'G', costTime: 0, success: true, requestId: `Q${id}`, contextCode: 0, beans: [{ topic, msgId: id, keys: `k-${id}`, retryTimes: 0 }] }
}

interface Sent {
  topic: string
  body: string
  keys: readonly string[]
  done: () => void
  fail: (e: unknown) => void
}

/** A sender whose sends stay pending until the test settles them. */
function heldSender(): { send: TraceSender; sent: Sent[] } {
  const sent: Sent[] = []
  const send: TraceSender = (topic, body, keys) =>
    new Promise<void>((resolve, reject) => {
      sent.push({ topic, body: body.toString('utf8'), keys, done: resolve, fail: reject })
    })
  return { send, sent }
}

describe('TraceDispatcher', () => {
  it('a full batch goes out at once; a partial one after flushIntervalMs; records keep their order', async () => {
    const { send, sent } = heldSender()
    const d = new TraceDispatcher({ topic: 'TRACE', send, logger: silentLogger, batchSize: 20, flushIntervalMs: 1000 })
    const rs = Array.from({ length: 25 }, () => record())
    for (const r of rs) expect(d.append(r)).toBe(true)
    await pass(1)
    expect(sent).toHaveLength(1)
    expect(decodeTraceData(sent[0]!.body).map((x) => x.msgId)).toEqual(rs.slice(0, 20).map((r) => r.beans[0]!.msgId))
    expect(sent[0]!.topic).toBe('TRACE')
    expect(sent[0]!.keys).toEqual(rs.slice(0, 20).flatMap((r) => [r.beans[0]!.msgId, r.beans[0]!.keys!]))
    await pass(500)
    expect(sent).toHaveLength(1) // the 5 left wait for the interval
    await pass(600)
    expect(sent).toHaveLength(2)
    expect(decodeTraceData(sent[1]!.body).map((x) => x.msgId)).toEqual(rs.slice(20).map((r) => r.beans[0]!.msgId))
    for (const s of sent) s.done()
    await pass(1)
    expect(d.stats()).toEqual({ topic: 'TRACE', queued: 0, sent: 25, dropped: 0, failed: 0 })
  })

  it('bounded: with every sender busy the queue fills to capacity, then records are dropped and counted, append never throws', async () => {
    const { send, sent } = heldSender()
    const d = new TraceDispatcher({ topic: 'TRACE', send, logger: silentLogger, capacity: 50, batchSize: 10, maxInFlight: 2 })
    let accepted = 0
    let refused = 0
    for (let i = 0; i < 200; i++) {
      if (d.append(record())) accepted++
      else refused++
      if (i % 10 === 9) await pass(1) // let the dispatcher take batches between bursts
    }
    // Two batches of 10 went to the (stalled) senders; no third send starts while they hang.
    expect(sent).toHaveLength(2)
    expect(d.stats().queued).toBe(50)
    expect(accepted).toBe(70)
    expect(refused).toBe(130)
    expect(d.stats().dropped).toBe(130)
    // The senders recover: the queue drains, nothing more is lost.
    for (let round = 0; round < 20 && (d.stats().queued > 0 || sent.length > 0); round++) {
      for (const s of sent.splice(0)) s.done()
      await pass(1)
    }
    expect(d.stats().queued).toBe(0)
    expect(d.stats()).toMatchObject({ sent: 70, dropped: 130, failed: 0 })
  })

  it('a sender that throws synchronously or rejects: counted as failed, nothing reaches the caller', async () => {
    let calls = 0
    const send: TraceSender = () => {
      calls++
      if (calls === 1) throw new Error('sync boom')
      return Promise.reject(new Error('async boom'))
    }
    const warnings: unknown[] = []
    const logger = { ...silentLogger, warn: (o: unknown) => void warnings.push(o) }
    const d = new TraceDispatcher({ topic: 'TRACE', send, logger, batchSize: 5, flushIntervalMs: 1000 })
    for (let i = 0; i < 10; i++) expect(() => d.append(record())).not.toThrow()
    await until(() => d.stats().failed === 10, 'both batches failed', 10_000, 1)
    expect(calls).toBe(2)
    expect(d.stats()).toMatchObject({ sent: 0, failed: 10, dropped: 0, queued: 0 })
    expect(warnings.length).toBeGreaterThanOrEqual(1) // seen, but rate-limited
    expect(warnings.length).toBeLessThan(3)
  })

  it('records are grouped by traced topic (one trace message per topic), as Java groups them', async () => {
    const { send, sent } = heldSender()
    const d = new TraceDispatcher({ topic: 'TRACE', send, logger: silentLogger, batchSize: 4 })
    d.append(record('A'))
    d.append(record('B'))
    d.append(record('A'))
    d.append(record('B'))
    await pass(1)
    expect(sent).toHaveLength(1)
    sent[0]!.done()
    await pass(1)
    expect(sent).toHaveLength(2)
    sent[1]!.done()
    await pass(1)
    expect(sent.map((s) => decodeTraceData(s.body).length)).toEqual([2, 2])
    expect(d.stats().sent).toBe(4)
  })

  it('a trace message holds at most maxMessageBytes of record text (the last record may cross it, as in Java)', async () => {
    const { send, sent } = heldSender()
    const one = Buffer.byteLength(encodeTraceRecord(record()).data)
    const d = new TraceDispatcher({ topic: 'TRACE', send, logger: silentLogger, batchSize: 20, maxMessageBytes: one * 3 })
    for (let i = 0; i < 20; i++) d.append(record())
    for (let i = 0; i < 20 && d.stats().sent < 20; i++) {
      await pass(1)
      for (const s of sent) s.done()
    }
    await until(() => d.stats().sent === 20, 'all sent', 10_000, 1)
    expect(sent.map((s) => decodeTraceData(s.body).length)).toEqual([3, 3, 3, 3, 3, 3, 2])
  })

  it('close() sends what is queued and waits for it; later appends are dropped', async () => {
    const { send, sent } = heldSender()
    const d = new TraceDispatcher({ topic: 'TRACE', send, logger: silentLogger, batchSize: 20, flushIntervalMs: 60_000 })
    for (let i = 0; i < 3; i++) d.append(record())
    let closed = false
    const closing = d.close(5000).then(() => (closed = true))
    await pass(1)
    expect(sent).toHaveLength(1) // the partial batch went out without waiting for the interval
    expect(closed).toBe(false)
    sent[0]!.done()
    await closing
    expect(d.stats()).toMatchObject({ sent: 3, dropped: 0, queued: 0 })
    expect(d.append(record())).toBe(false)
    expect(d.stats().dropped).toBe(1)
  })

  it('close() is bounded: a hanging trace broker cannot hold it past its timeout; what is left counts as dropped', async () => {
    const { send, sent } = heldSender()
    const d = new TraceDispatcher({ topic: 'TRACE', send, logger: silentLogger, batchSize: 5, maxInFlight: 1 })
    for (let i = 0; i < 12; i++) d.append(record())
    let closed = false
    const closing = d.close(2000).then(() => (closed = true))
    await pass(1999)
    expect(closed).toBe(false)
    expect(sent).toHaveLength(1) // one in flight, 7 still queued behind it
    await pass(2)
    await closing
    expect(closed).toBe(true)
    expect(d.stats()).toMatchObject({ queued: 0, dropped: 7, sent: 0 })
  })
})
