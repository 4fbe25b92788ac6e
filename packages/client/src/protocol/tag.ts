/**
 * Tag expressions and SubscriptionData (reference/remoting-protocol.md §5.5, §7.1; Java FilterAPI).
 */

export type ExpressionType = 'TAG' | 'SQL92'

/** The subscription as sent in heartbeats (fastjson names of Java SubscriptionData). */
export interface SubscriptionData {
  topic: string
  subString: string
  tagsSet: string[]
  codeSet: number[]
  expressionType: ExpressionType
  subVersion: number
  classFilterMode: false
}

export const SUB_ALL = '*'

/** Java `String.hashCode()` over UTF-16 code units. */
export function javaHashCode(s: string): number {
  let h = 0
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0
  return h
}

/**
 * Java `FilterAPI.buildSubscriptionData`: for TAG expressions, empty or `*` means all
 * (`subString="*"`, empty sets); otherwise split on `||`, trim, skip empty pieces.
 * SQL92 expressions are passed through untouched with empty sets.
 */
export function buildSubscriptionData(
  topic: string,
  expression: string | { sql: string },
  subVersion: number,
): SubscriptionData {
  if (typeof expression !== 'string') {
    return { topic, subString: expression.sql, tagsSet: [], codeSet: [], expressionType: 'SQL92', subVersion, classFilterMode: false }
  }
  const trimmed = expression.trim()
  if (trimmed === '' || trimmed === SUB_ALL) {
    return { topic, subString: SUB_ALL, tagsSet: [], codeSet: [], expressionType: 'TAG', subVersion, classFilterMode: false }
  }
  const tagsSet: string[] = []
  const codeSet: number[] = []
  for (const piece of expression.split('||')) {
    const tag = piece.trim()
    if (tag.length === 0 || tagsSet.includes(tag)) continue // Java uses Sets
    tagsSet.push(tag)
    codeSet.push(javaHashCode(tag))
  }
  return { topic, subString: expression, tagsSet, codeSet, expressionType: 'TAG', subVersion, classFilterMode: false }
}

/**
 * Validate a tag expression before subscribing. Returns an error message, or undefined when it is fine.
 *
 * Java accepts almost anything (it just skips empty pieces). We reject what can only be a mistake:
 * - not a string;
 * - an expression that has `||` separators but no tag at all (e.g. `'|| ||'`);
 * - a lone `|` inside a tag (`A | B`, `A ||| B`): the user meant `||`, and Java would silently subscribe
 *   to a tag literally named `A | B` or `| B`;
 * - `*` mixed with tags (`* || A`): Java would treat `*` as a literal tag, matching nothing extra;
 * - control characters (the property separators \u0001/\u0002 can never appear in a stored TAGS value).
 */
export function validateTagExpression(expr: unknown): string | undefined {
  if (typeof expr !== 'string') return `tag expression must be a string, got ${typeof expr}`
  const t = expr.trim()
  if (t === '' || t === SUB_ALL) return undefined
  const pieces = expr.split('||').map((p) => p.trim())
  const tags = pieces.filter((p) => p.length > 0)
  if (tags.length === 0) return `tag expression ${JSON.stringify(expr)} contains no tag; use '*' to receive everything`
  for (const tag of tags) {
    if (tag.includes('|')) return `tag expression ${JSON.stringify(expr)} has a stray '|' in ${JSON.stringify(tag)}; separate tags with '||'`
    if (tag === SUB_ALL) return `tag expression ${JSON.stringify(expr)} mixes '*' with tags; use '*' alone to receive everything`
    if (/[\u0000-\u001f]/.test(tag)) return `tag ${JSON.stringify(tag)} contains a control character`
  }
  return undefined
}

/**
 * Client-side re-check (§5.5 step 2, Java PullAPIWrapper.processPullResult): with a non-empty tagsSet,
 * keep only messages whose TAGS is in the set (the broker filters by hash code only). SQL92 and `*`
 * subscriptions keep everything.
 */
export function matchesTags(sub: Pick<SubscriptionData, 'tagsSet' | 'expressionType' | 'classFilterMode'>, tag: string | undefined): boolean {
  if (sub.expressionType !== 'TAG' || sub.classFilterMode || sub.tagsSet.length === 0) return true
  return tag !== undefined && sub.tagsSet.includes(tag)
}
