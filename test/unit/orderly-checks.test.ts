// The checks the ordered-consumption integration tests rely on must be able to fail.
import { describe, expect, it } from 'vitest'
import { checkKeyOrder, overlaps, type HandlerRecord } from '../integration/support/orderly.js'

const rec = (member: string, queue: string, start: number, end: number | undefined, body = 'k:1'): HandlerRecord => ({ member, queue, offset: 0, body, start, end })

describe('overlaps', () => {
  it('finds runs of one queue by two members that overlap, and nothing else', () => {
    expect(overlaps([rec('a', 'q0', 0, 10), rec('b', 'q0', 10, 20), rec('a', 'q0', 20, 30)])).toEqual([])
    expect(overlaps([rec('a', 'q0', 0, 10), rec('b', 'q1', 5, 20)])).toEqual([])
    expect(overlaps([rec('a', 'q0', 0, 10), rec('b', 'q0', 9, 20)])).toHaveLength(1)
    expect(overlaps([rec('a', 'q0', 0, undefined), rec('b', 'q0', 100, 120)])).toHaveLength(1) // never ended
    expect(overlaps([rec('a', 'q0', 0, 50), rec('a', 'q0', 1, 2), rec('b', 'q0', 10, 20)])).toHaveLength(1) // a's long run
  })
})

describe('checkKeyOrder', () => {
  const seq = (...steps: number[]) => steps.map((s, i) => rec('a', 'q', i, i, `k:${s}`))
  it('accepts first handlings in order and repeated suffixes', () => {
    expect(checkKeyOrder(seq(1, 2, 3, 4, 5)).violations).toEqual([])
    const r = checkKeyOrder(seq(1, 2, 3, 2, 3, 4, 5))
    expect(r.violations).toEqual([])
    expect(r.repeats).toBe(2)
  })
  it('rejects a skipped step and a new step before the repeated suffix caught up', () => {
    expect(checkKeyOrder(seq(1, 3, 2)).violations[0]).toMatch(/step 3 handled before step 2/)
    expect(checkKeyOrder(seq(1, 2, 3, 2, 4)).violations[0]).toMatch(/step 4 before the repeated steps 3..3/)
  })
})
