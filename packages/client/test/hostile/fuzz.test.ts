/**
 * Fuzz tests (unit tier): seeded, bounded, and failing on any finding - an untyped throw, a typed error with an
 * unexpected code, a hang, a broken invariant, or an unhandled rejection. `npm run fuzz` runs the same fuzzers
 * longer (FUZZ_SCALE, FUZZ_SEED) and prints cases, time and findings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fuzzConnection, fuzzFrameDecoder, fuzzMessageDecoder, fuzzRouteParser, summary, type FuzzReport } from './fuzz.js'

const SCALE = Number(process.env.FUZZ_SCALE ?? 1)
const SEED = Number(process.env.FUZZ_SEED ?? 0x5eed8)
const LONG = SCALE > 1
const TIMEOUT = LONG ? 3_600_000 : 60_000

const unhandled: unknown[] = []
const onUnhandled = (reason: unknown): void => void unhandled.push(reason)
beforeAll(() => process.on('unhandledRejection', onUnhandled))
afterAll(() => {
  process.off('unhandledRejection', onUnhandled)
})

function check(r: FuzzReport): void {
  if (LONG || r.findings.length > 0) console.log(`[fuzz seed ${SEED}] ${summary(r)}`)
  expect(r.findings).toEqual([])
  expect(unhandled).toEqual([])
}

describe('fuzz', () => {
  it('frame decoder: random, mutated, split and truncated frames', { timeout: TIMEOUT }, () => {
    check(fuzzFrameDecoder(SEED, 3000 * SCALE))
  })

  it('message decoder: mutated records of every codec, batches, IPv6 hosts, decompression bombs', { timeout: TIMEOUT }, () => {
    check(fuzzMessageDecoder(SEED, 600 * SCALE))
  })

  it('route parser: mutated and hostile routes', { timeout: TIMEOUT }, () => {
    check(fuzzRouteParser(SEED, 2000 * SCALE))
  })

  it('connection: a hostile peer on loopback (garbage, mutated, split, truncated, desynchronising, silent)', { timeout: TIMEOUT }, async () => {
    check(await fuzzConnection(SEED, 40 * SCALE))
    await new Promise((r) => setImmediate(r))
    expect(unhandled).toEqual([])
  })
})
