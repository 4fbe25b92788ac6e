/**
 * Issue 12: the documentation of every option reaches the editor and the README. The language service resolves each
 * public options type from src/index.ts (through the zod-derived types); every property must carry a doc comment, every
 * option the schema gives a default must state it (`@defaultValue`, checked against the schema's value), the types must
 * list exactly the schemas' options, and the README's option tables must be the ones generated from these comments.
 * Adding an option without documenting it, or changing a default without its doc, fails here.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { adminOptionsSchema, createTopicOptionsSchema } from '../../src/config/admin.js'
import { popOptionsSchema, proxyOptionsSchema, proxyPushConsumerOptionsSchema, pullConsumerOptionsSchema, pushConsumerOptionsSchema } from '../../src/config/consumer.js'
import { producerOptionsSchema } from '../../src/config/producer.js'
import { OPTION_TYPES, extractOptionDocs, readmeOptionTables, renderOptionTables, type OptionDoc, type OptionTypeName } from '../support/option-docs.js'

let docs: Record<OptionTypeName, OptionDoc[]>
beforeAll(() => {
  docs = extractOptionDocs()
}, 120_000)

/** The object schema under refinements. */
function shapeOf(schema: z.ZodTypeAny): z.ZodRawShape {
  let s: z.ZodTypeAny = schema
  while (s instanceof z.ZodEffects) s = s.innerType()
  if (!(s instanceof z.ZodObject)) throw new Error('not an object schema')
  return s.shape as z.ZodRawShape
}

const SCHEMAS: Partial<Record<OptionTypeName, z.ZodTypeAny>> = {
  PushConsumerOptions: pushConsumerOptionsSchema,
  ProxyPushConsumerOptions: proxyPushConsumerOptionsSchema,
  PullConsumerOptions: pullConsumerOptionsSchema,
  ProducerOptions: producerOptionsSchema,
  AdminOptions: adminOptionsSchema,
  ProxyOptions: proxyOptionsSchema,
  PopOptions: popOptionsSchema,
  CreateTopicOptions: createTopicOptionsSchema,
}

/** What a `@defaultValue` tag must say for a schema default. */
function expectedTag(value: unknown): (tag: string) => boolean {
  const t = (tag: string) => tag.replace(/`/g, '').trim()
  if (typeof value === 'string') return (tag) => t(tag) === `'${value}'`
  if (typeof value === 'number' || typeof value === 'boolean') return (tag) => t(tag) === String(value) || t(tag).startsWith(`${String(value)} `)
  if (Array.isArray(value)) return (tag) => t(tag).startsWith(`[${String(value[0])},`)
  throw new Error(`no rule for a default of type ${typeof value}`)
}

describe('options documentation (what an editor shows)', () => {
  it.each(OPTION_TYPES)('%s: every option has a doc comment', (name) => {
    const props = docs[name]
    expect(props.length).toBeGreaterThan(0)
    expect(props.filter((p) => p.doc.length < 10).map((p) => p.name)).toEqual([])
  })

  it.each(Object.keys(SCHEMAS) as OptionTypeName[])('%s: the type lists exactly the options its schema checks', (name) => {
    const shape = shapeOf(SCHEMAS[name]!)
    // with `proxy`, the remoting-only options are refused by the schema (z.undefined) and `never` in the type
    const accepted = Object.keys(shape).filter((k) => !(shape[k] instanceof z.ZodUndefined))
    const listed = docs[name].map((p) => p.name)
    const extra = name === 'PushConsumerOptions' ? ['proxy'] : [] // `proxy?: undefined`: the discriminant
    expect([...listed].sort()).toEqual([...accepted, ...extra].sort())
  })

  it.each(Object.keys(SCHEMAS) as OptionTypeName[])('%s: every default of the schema is stated by @defaultValue', (name) => {
    const shape = shapeOf(SCHEMAS[name]!)
    const wrong: string[] = []
    for (const [key, field] of Object.entries(shape)) {
      if (!(field instanceof z.ZodDefault)) continue
      const value: unknown = (field._def as { defaultValue: () => unknown }).defaultValue()
      const tag = docs[name].find((p) => p.name === key)?.defaultValue
      if (tag === undefined || !expectedTag(value)(tag)) wrong.push(`${key}: schema default ${JSON.stringify(value)}, doc says ${tag ?? '(nothing)'}`)
    }
    expect(wrong).toEqual([])
  })

  it('the README option tables are the ones generated from the doc comments', () => {
    const inReadme = readmeOptionTables()
    expect(inReadme, 'README.md has no <!-- options:start --> ... <!-- options:end --> block').toBeDefined()
    // on failure: npx tsx packages/client/test/support/option-docs.ts --write
    expect(inReadme).toBe(renderOptionTables(docs))
  })
})
