import { describe, expect, it } from 'vitest'
import { buildSubscriptionData, javaHashCode, matchesTags } from '../../src/protocol/tag.js'
import { tagExpressionProblem } from '../../src/config/consumer.js'

describe('javaHashCode', () => {
  it('matches Java String.hashCode', () => {
    expect(javaHashCode('TagA')).toBe(2598919)
    expect(javaHashCode('TagB')).toBe(2598920)
    expect(javaHashCode('*')).toBe(42)
    expect(javaHashCode('tag-订单')).toBe(-880163066)
    expect(javaHashCode('')).toBe(0)
    // overflow wraps like a Java int: "polygenelubricants".hashCode() == Integer.MIN_VALUE
    expect(javaHashCode('polygenelubricants')).toBe(-2147483648)
    // surrogate pairs hash per UTF-16 code unit: "😀" = \uD83D\uDE00 -> 55357*31 + 56832
    expect(javaHashCode('😀')).toBe(55357 * 31 + 56832)
  })
})

describe('buildSubscriptionData', () => {
  it('splits on ||, trims, skips empty pieces', () => {
    expect(buildSubscriptionData('TopicTest', 'TagA || TagB', 1718000000000)).toEqual({
      topic: 'TopicTest',
      subString: 'TagA || TagB',
      tagsSet: ['TagA', 'TagB'],
      codeSet: [2598919, 2598920],
      expressionType: 'TAG',
      subVersion: 1718000000000,
      classFilterMode: false,
    })
    expect(buildSubscriptionData('T', 'A||||B|| ', 1).tagsSet).toEqual(['A', 'B'])
    expect(buildSubscriptionData('T', 'A || A', 1).codeSet).toEqual([javaHashCode('A')])
  })

  it('* or empty means everything', () => {
    for (const e of ['*', '', '  ', ' * ']) {
      const s = buildSubscriptionData('T', e, 5)
      expect(s.subString).toBe('*')
      expect(s.tagsSet).toEqual([])
      expect(s.codeSet).toEqual([])
      expect(s.expressionType).toBe('TAG')
    }
  })

  it('SQL92', () => {
    expect(buildSubscriptionData('T', { sql: 'a > 5' }, 9)).toEqual({
      topic: 'T',
      subString: 'a > 5',
      tagsSet: [],
      codeSet: [],
      expressionType: 'SQL92',
      subVersion: 9,
      classFilterMode: false,
    })
  })
})

describe('tagExpressionProblem (the one tag-expression check, used by the options schema)', () => {
  it.each(['*', 'TagA', 'TagA || TagB', 'A||B', ' A || B || ', 'tag-订单'])('accepts %j', (e) => {
    expect(tagExpressionProblem(e)).toBeUndefined()
  })

  it.each([
    ['', /is empty/],
    ['  ', /is empty/],
    ['|| ||', /names no tag/],
    ['||', /names no tag/],
    ['A ||| B', /lone '\|'/],
    ['A | B', /lone '\|'/],
    ['* || A', /mixes '\*'/],
    ['A\u0001B', /control character/],
  ])('rejects %j', (e, re) => {
    expect(tagExpressionProblem(e)).toMatch(re)
  })
})

describe('matchesTags (client-side re-check)', () => {
  const sub = buildSubscriptionData('T', 'TagA || TagB', 1)
  it('keeps only listed tags', () => {
    expect(matchesTags(sub, 'TagA')).toBe(true)
    expect(matchesTags(sub, 'TagB')).toBe(true)
    expect(matchesTags(sub, 'TagC')).toBe(false)
    expect(matchesTags(sub, undefined)).toBe(false)
  })
  it('* and SQL92 keep everything', () => {
    expect(matchesTags(buildSubscriptionData('T', '*', 1), undefined)).toBe(true)
    expect(matchesTags(buildSubscriptionData('T', '*', 1), 'x')).toBe(true)
    expect(matchesTags(buildSubscriptionData('T', { sql: 'a=1' }, 1), undefined)).toBe(true)
  })
})
