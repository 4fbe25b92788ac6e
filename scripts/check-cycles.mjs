// Import cycles in the published packages' sources (run by `npm run lint`). The layer rule in eslint.config.js keeps
// imports from running upward between layers, so a cycle across layers cannot form; this catches the ones inside a
// layer (consumer/a.ts -> consumer/b.ts -> consumer/a.ts), type-only imports included: a cycle of types is still two
// files that cannot be read, changed or moved one without the other.
//   node scripts/check-cycles.mjs [dir ...]     (default: packages/*/src)
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const dirs = process.argv.length > 2 ? process.argv.slice(2).map((d) => resolve(d)) : defaultDirs()

function defaultDirs() {
  const packages = join(ROOT, 'packages')
  return readdirSync(packages)
    .map((p) => join(packages, p, 'src'))
    .filter((d) => statSync(d, { throwIfNoEntry: false })?.isDirectory())
}

function sources(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) sources(p, out)
    else if (p.endsWith('.ts') && !p.endsWith('.d.ts')) out.push(p)
  }
  return out
}

/** Relative imports and re-exports of one file, resolved to .ts paths (static and dynamic `import('./x.js')`). */
function importsOf(file) {
  const text = readFileSync(file, 'utf8')
  const found = []
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'";]*?\bfrom\s+['"](\.{1,2}\/[^'"]+)['"]|\bimport\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g)) {
    const spec = m[1] ?? m[2]
    const target = resolve(dirname(file), spec.replace(/\.js$/, '.ts'))
    found.push(target.endsWith('.ts') ? target : `${target}.ts`)
  }
  return found
}

/** Strongly connected components with more than one file (Tarjan), or a file importing itself. */
function cycles(graph) {
  let next = 0
  const index = new Map()
  const low = new Map()
  const stack = []
  const onStack = new Set()
  const out = []
  const visit = (v) => {
    index.set(v, next)
    low.set(v, next)
    next++
    stack.push(v)
    onStack.add(v)
    for (const w of graph.get(v)) {
      if (!graph.has(w)) continue
      if (!index.has(w)) {
        visit(w)
        low.set(v, Math.min(low.get(v), low.get(w)))
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)))
    }
    if (low.get(v) !== index.get(v)) return
    const component = []
    let w
    do {
      w = stack.pop()
      onStack.delete(w)
      component.push(w)
    } while (w !== v)
    if (component.length > 1 || graph.get(v).includes(v)) out.push(component.reverse())
  }
  for (const v of graph.keys()) if (!index.has(v)) visit(v)
  return out
}

const graph = new Map()
for (const dir of dirs) for (const f of sources(dir)) graph.set(f, importsOf(f))
const found = cycles(graph)
if (found.length === 0) {
  process.stdout.write(`check-cycles: ${graph.size} files, no import cycle\n`)
} else {
  for (const c of found) process.stderr.write(`import cycle: ${c.map((f) => relative(ROOT, f)).join(' -> ')}\n`)
  process.stderr.write(`check-cycles: ${found.length} import cycle(s); break each by moving the shared piece into its own file\n`)
  process.exit(1)
}
