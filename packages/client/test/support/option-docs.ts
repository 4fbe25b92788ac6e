/**
 * What an editor shows for the public options types: every property of each type as the TypeScript language service
 * resolves it from `src/index.ts` (through the zod-derived types), with its doc comment and `@defaultValue` tag.
 * Used by test/docs/option-docs.test.ts and, with `--write`, to regenerate the option tables in the README:
 *
 *   npx tsx packages/client/test/support/option-docs.ts --write
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

const CLIENT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
export const README = resolve(CLIENT, '../../README.md')

/** The public options types, by their exported name. */
export const OPTION_TYPES = [
  'PushConsumerOptions',
  'ProxyPushConsumerOptions',
  'PullConsumerOptions',
  'ProducerOptions',
  'AdminOptions',
  'ProxyOptions',
  'PopOptions',
  'CreateTopicOptions',
  'PollOptions',
  'SendOptions',
] as const
export type OptionTypeName = (typeof OPTION_TYPES)[number]

export interface OptionDoc {
  name: string
  /** The doc comment's text ('' when there is none). */
  doc: string
  /** The `@defaultValue` tag's text, if any. */
  defaultValue?: string
  optional: boolean
  /** The property's type as the editor prints it. */
  type: string
}

/** The documented properties of every public options type, as the language service resolves them. */
export function extractOptionDocs(): Record<OptionTypeName, OptionDoc[]> {
  const configFile = join(CLIENT, 'tsconfig.json')
  const parsed = ts.getParsedCommandLineOfConfigFile(configFile, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })
  if (parsed === undefined) throw new Error(`cannot read ${configFile}`)
  const entry = join(CLIENT, 'src', 'index.ts')
  const program = ts.createProgram({ rootNames: [entry], options: { ...parsed.options, noEmit: true, composite: false, incremental: false } })
  const checker = program.getTypeChecker()
  const source = program.getSourceFile(entry)
  if (source === undefined) throw new Error('src/index.ts not in the program')
  const moduleSymbol = checker.getSymbolAtLocation(source)!
  const exports = new Map(checker.getExportsOfModule(moduleSymbol).map((s) => [s.getName(), s]))
  const out = {} as Record<OptionTypeName, OptionDoc[]>
  for (const name of OPTION_TYPES) {
    const exported = exports.get(name)
    if (exported === undefined) throw new Error(`${name} is not exported from src/index.ts`)
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported
    const type = checker.getDeclaredTypeOfSymbol(symbol)
    const props: OptionDoc[] = []
    for (const prop of checker.getPropertiesOfType(type)) {
      const propType = checker.getTypeOfSymbol(prop)
      // `{ nameServer?: never }` on the proxy options: a marker that the option does not exist there, not an option
      if (propType.flags & ts.TypeFlags.Never || (propType.flags & ts.TypeFlags.Undefined && name === 'ProxyPushConsumerOptions')) continue
      const doc = ts.displayPartsToString(prop.getDocumentationComment(checker)).trim()
      const tag = prop.getJsDocTags(checker).find((t) => t.name === 'defaultValue')
      const entry: OptionDoc = {
        name: prop.getName(),
        doc,
        optional: (prop.flags & ts.SymbolFlags.Optional) !== 0,
        type: checker.typeToString(checker.getNonNullableType(propType), undefined, ts.TypeFormatFlags.NoTruncation),
      }
      if (tag !== undefined) entry.defaultValue = ts.displayPartsToString(tag.text).trim()
      props.push(entry)
    }
    out[name] = props
  }
  return out
}

/** Which README table lists which options: each option once, in the first table whose type has it. */
const TABLES: Array<{ title: string; type: OptionTypeName; without?: OptionTypeName[] }> = [
  { title: 'Connection (every client: `PushConsumer`, `PullConsumer`, `Producer`, `Admin`)', type: 'AdminOptions' },
  { title: '`PushConsumer` (remoting) and `PullConsumer`', type: 'PushConsumerOptions', without: ['AdminOptions'] },
  { title: '`PullConsumer` only', type: 'PullConsumerOptions', without: ['AdminOptions', 'PushConsumerOptions'] },
  { title: '`Producer`', type: 'ProducerOptions', without: ['AdminOptions'] },
  { title: '`PushConsumer({ proxy })`: `proxy`', type: 'ProxyOptions' },
  { title: '`PushConsumer({ pop })` (remoting, 5.x brokers): `pop`', type: 'PopOptions' },
  { title: '`admin.createTopic(topic, options)`', type: 'CreateTopicOptions' },
  { title: '`pullConsumer.poll(options)`', type: 'PollOptions' },
  { title: '`producer.send(message, options)`', type: 'SendOptions' },
]

const cell = (s: string): string => s.replace(/\{@link (\w+)\}/g, "`$1`").replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|')

/** The README's option tables, generated from the doc comments. */
export function renderOptionTables(docs: Record<OptionTypeName, OptionDoc[]>): string {
  const lines: string[] = [
    '<!-- options:start (generated from the doc comments by `npx tsx packages/client/test/support/option-docs.ts --write`; test/docs/option-docs.test.ts keeps it in step) -->',
  ]
  const pushOnly = new Set(docs.PushConsumerOptions.map((o) => o.name))
  const pullNames = new Set(docs.PullConsumerOptions.map((o) => o.name))
  for (const t of TABLES) {
    const skip = new Set((t.without ?? []).flatMap((w) => docs[w].map((o) => o.name)))
    const rows = docs[t.type].filter((o) => !skip.has(o.name))
    lines.push('', `**${t.title}**`, '', '| Option | Default | Meaning |', '| --- | --- | --- |')
    for (const o of rows) {
      const where = t.type === 'PushConsumerOptions' && !pullNames.has(o.name) ? ' *(push only)*' : ''
      const required = o.optional ? '' : ' **(required)**'
      lines.push(`| \`${o.name}\`${required}${where} | ${o.defaultValue === undefined ? '' : cell(`\`${o.defaultValue}\``)} | ${cell(o.doc)} |`)
    }
  }
  void pushOnly
  lines.push('', '<!-- options:end -->')
  return lines.join('\n')
}

const START = /<!-- options:start[^>]*-->/
const END = '<!-- options:end -->'

/** The generated block as it stands in the README, or undefined when the markers are missing. */
export function readmeOptionTables(text: string = readFileSync(README, 'utf8')): string | undefined {
  const m = START.exec(text)
  const end = text.indexOf(END)
  if (m === null || end < m.index) return undefined
  return text.slice(m.index, end + END.length)
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const tables = renderOptionTables(extractOptionDocs())
  if (process.argv.includes('--write')) {
    const text = readFileSync(README, 'utf8')
    const current = readmeOptionTables(text)
    if (current === undefined) throw new Error(`README.md has no ${END} block`)
    writeFileSync(README, text.replace(current, tables))
  } else process.stdout.write(`${tables}\n`)
}
