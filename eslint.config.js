import path from 'node:path'
import tseslint from 'typescript-eslint'

// The layer order of packages/client/src (DESIGN.md "Layers"): a file may import from its own layer and the layers
// before it in this list, never from a later one. Data flows socket -> remoting -> protocol -> cluster -> consumer.
// The entry points (index.ts, internal.ts, cli.ts, bin.ts) may import anything; nothing imports them back.
const CLIENT_LAYERS = ['errors', 'logger', 'config', 'util', 'remoting', 'protocol', 'cluster', 'observability', 'consumer', 'producer', 'admin']
const CLIENT_ENTRIES = ['index', 'internal', 'cli', 'bin']
const CLIENT_SRC = path.join(import.meta.dirname, 'packages/client/src')

/** The layer of a file under packages/client/src: its first folder, or its name for a top-level file. */
function layerOf(file) {
  const rel = path.relative(CLIENT_SRC, file)
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined
  const [first] = rel.split(path.sep)
  return first.replace(/\.(d\.)?[jt]s$/, '')
}

const layers = {
  rules: {
    order: {
      meta: { type: 'problem', schema: [], messages: { upward: '{{from}}/ may not import {{to}}/ ({{source}}): layers run {{order}}; move the code or invert the dependency.', entry: '{{source}} is an entry point ({{to}}); library code must not import it.', proxyDeep: "{{source}}: the proxy package reaches the client only through '@rocketmq-ts/client' or '@rocketmq-ts/client/internal'.", clientProxy: '{{source}}: the client must not depend on @rocketmq-ts/proxy (the proxy registers itself with the client).' } },
      create(context) {
        const file = context.filename
        const inProxy = file.includes(`${path.sep}packages${path.sep}proxy${path.sep}src${path.sep}`)
        const from = layerOf(file)
        const check = (node, source) => {
          if (typeof source !== 'string') return
          if (inProxy) {
            if (source.startsWith('.') && path.resolve(path.dirname(file), source).includes(`${path.sep}packages${path.sep}client${path.sep}`)) context.report({ node, messageId: 'proxyDeep', data: { source } })
            else if (source.startsWith('@rocketmq-ts/client/') && source !== '@rocketmq-ts/client/internal') context.report({ node, messageId: 'proxyDeep', data: { source } })
            return
          }
          if (from === undefined) return
          if (source.startsWith('@rocketmq-ts/proxy')) return context.report({ node, messageId: 'clientProxy', data: { source } })
          if (!source.startsWith('.')) return
          const to = layerOf(path.resolve(path.dirname(file), source))
          if (to === undefined || to === from || CLIENT_ENTRIES.includes(from)) return
          if (CLIENT_ENTRIES.includes(to)) return context.report({ node, messageId: 'entry', data: { source, to } })
          const fi = CLIENT_LAYERS.indexOf(from)
          const ti = CLIENT_LAYERS.indexOf(to)
          if (fi === -1 || ti === -1 || ti > fi) context.report({ node, messageId: 'upward', data: { from, to, source, order: CLIENT_LAYERS.join(' > ') } })
        }
        return {
          ImportDeclaration: (node) => check(node, node.source.value),
          ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
          ExportAllDeclaration: (node) => check(node, node.source.value),
          ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
          // `import('../x.js').T` in a type position is a dependency too
          TSImportType: (node) => check(node, (node.argument?.literal ?? node.source)?.value),
        }
      },
    },
  },
}

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.cache/**', '.rmq-run/**', 'bench/java/**', '**/*.js', '**/*.mjs'] },
  {
    files: ['packages/*/src/**/*.ts', 'packages/*/test/**/*.ts', 'test/**/*.ts'],
    extends: [tseslint.configs.base],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      'no-console': 'error',
    },
  },
  // Layer order of the client, and the client/proxy package boundary.
  { files: ['packages/client/src/**/*.ts', 'packages/proxy/src/**/*.ts'], plugins: { layers }, rules: { 'layers/order': 'error' } },
  // Published code: a default import of a node: module would land in the shipped .d.ts, which then needs
  // esModuleInterop in the user's project (TS1192). Import by name or as a namespace.
  {
    files: ['packages/*/src/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportDeclaration[source.value=/^node:/] > ImportDefaultSpecifier',
          message: "Import node: modules by name or as a namespace (import * as x from 'node:x'): a default import in a shipped .d.ts needs esModuleInterop.",
        },
      ],
    },
  },
  // Tests and examples may print figures (the examples are programs, not library code).
  { files: ['packages/*/test/**/*.ts', 'test/**/*.ts', 'packages/examples/src/**/*.ts'], rules: { 'no-console': 'off' } },
)
