#!/usr/bin/env node
/**
 * Packaging checks of the published packages, as a user meets them:
 *  1. `npm pack` each published workspace (its `prepack` builds it); check the tarball's contents: README, LICENSE,
 *     no build info, every source map's sources inside the tarball.
 *  2. publint (strict, every level) and @arethetypeswrong/cli on each tarball. attw's `cjs-resolves-to-esm` is
 *     ignored on purpose: the packages are ESM-only and `engines` admits only Node versions where `require()` of ESM
 *     works; the require() smoke test below proves it.
 *  3. Install the client tarball alone into an empty project with production dependencies only: installed size,
 *     native addons, install scripts, gRPC.
 *  4. A scratch project with every tarball installed: TypeScript (module nodenext; moduleResolution bundler; CommonJS
 *     without esModuleInterop, skipLibCheck off), plain ESM JavaScript, `require()`, the kit's CLI, and an esbuild
 *     bundle of a pull consumer (run against a real broker by test/integration/packaging.test.ts, which decodes LZ4
 *     and zstd messages with it).
 *
 * Usage: node scripts/check-packages.mjs [--out <dir>] [--json <report file>]
 * Exit code 1 when any check fails; the report lists each outcome. Needs the npm cache warm (`npm ci` did it) or
 * registry access for the packages' dependencies.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, posix, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const BIN = join(ROOT, 'node_modules', '.bin')
/** Published workspaces (everything not `private`). */
export const PUBLISHED = readdirSync(join(ROOT, 'packages'))
  .map((d) => join('packages', d))
  .filter((d) => {
    const pkg = JSON.parse(readFileSync(join(ROOT, d, 'package.json'), 'utf8'))
    return pkg.private !== true
  })
  .sort()
/** Installed size limit of @rocketmq-ts/client with its production dependencies (issue 12). */
export const CLIENT_SIZE_LIMIT = 5 * 1024 * 1024

const timings = {}
function run(cmd, args, o = {}) {
  const t0 = Date.now()
  const label = `${cmd.split(/[\\/]/).pop()} ${args.filter((a) => !a.startsWith('-')).slice(0, 2).map((a) => a.split(/[\\/]/).pop()).join(' ')}`
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...o })
  timings[label] = (timings[label] ?? 0) + (Date.now() - t0)
  return { status: r.status ?? (r.error ? -1 : 0), stdout: r.stdout ?? '', stderr: r.stderr ?? (r.error ? String(r.error) : ''), output: `${r.stdout ?? ''}${r.stderr ?? ''}`.trim() }
}

const NPM_QUIET = ['--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error']

function rootDevVersion(name) {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8'))
  const v = lock.packages[`node_modules/${name}`]?.version
  if (v === undefined) throw new Error(`${name} is not in package-lock.json`)
  return v
}

/** Bytes of every regular file under dir (apparent size, as `du --apparent-size -b` counts). */
function treeBytes(dir) {
  let total = 0
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name)
    if (e.isDirectory()) total += treeBytes(p)
    else if (e.isFile()) total += statSync(p).size
  }
  return total
}

function walk(dir, visit) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name)
    if (e.isDirectory()) walk(p, visit)
    else visit(p)
  }
}

/** Installed packages of a node_modules tree: name@version, install scripts, native addons. */
function inspectInstall(nodeModules) {
  const packages = []
  const installScripts = []
  const nativeAddons = []
  walk(nodeModules, (file) => {
    if (file.endsWith('.node') || file.endsWith('binding.gyp')) nativeAddons.push(relative(nodeModules, file))
    if (!file.endsWith(`${posix.sep}package.json`) && !file.endsWith('\\package.json')) return
    const rel = relative(nodeModules, dirname(file)).split(/[\\/]/)
    // only a package's own package.json: node_modules/<name> or node_modules/@scope/<name> (at any depth)
    const last = rel.lastIndexOf('node_modules')
    const tail = rel.slice(last + 1)
    if (!(tail.length === 1 || (tail.length === 2 && tail[0].startsWith('@')))) return
    let pkg
    try {
      pkg = JSON.parse(readFileSync(file, 'utf8'))
    } catch {
      return
    }
    if (typeof pkg.name !== 'string' || pkg.name !== tail.join('/')) return
    packages.push(`${pkg.name}@${pkg.version}`)
    for (const s of ['preinstall', 'install', 'postinstall']) if (pkg.scripts?.[s]) installScripts.push(`${pkg.name}: ${s}: ${pkg.scripts[s]}`)
  })
  return { packages: packages.sort(), installScripts, nativeAddons }
}

function tarList(tgz) {
  return execFileSync('tar', ['-tzf', tgz], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .map((f) => f.replace(/^package\//, ''))
}

function tarRead(tgz, file) {
  return execFileSync('tar', ['-xzOf', tgz, `package/${file}`], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
}

async function checkTarball(dir, tgz, problems) {
  const files = tarList(tgz)
  const pkg = JSON.parse(tarRead(tgz, 'package.json'))
  const has = new Set(files)
  const contents = { files: files.length, readme: has.has('README.md'), license: has.has('LICENSE'), buildInfo: files.filter((f) => /tsbuildinfo$/.test(f)), mapsWithMissingSources: [] }
  for (const f of files.filter((x) => x.endsWith('.map'))) {
    const map = JSON.parse(tarRead(tgz, f))
    for (const s of map.sources ?? []) {
      const target = posix.normalize(posix.join(posix.dirname(f), map.sourceRoot ?? '', s))
      if (!has.has(target)) contents.mapsWithMissingSources.push(`${f} -> ${s}`)
    }
  }
  if (!contents.readme) problems.push(`${pkg.name}: no README.md in the tarball`)
  if (!contents.license) problems.push(`${pkg.name}: no LICENSE in the tarball`)
  if (contents.buildInfo.length > 0) problems.push(`${pkg.name}: build info shipped: ${contents.buildInfo.join(', ')}`)
  if (contents.mapsWithMissingSources.length > 0) problems.push(`${pkg.name}: ${contents.mapsWithMissingSources.length} source map sources not shipped, e.g. ${contents.mapsWithMissingSources[0]}`)
  for (const field of ['repository', 'homepage', 'bugs', 'keywords', 'license', 'engines']) {
    if (pkg[field] === undefined) problems.push(`${pkg.name}: package.json has no ${field}`)
  }
  if (pkg.publishConfig?.access !== 'public') problems.push(`${pkg.name}: publishConfig.access is not 'public'`)
  if (pkg.scripts?.prepack === undefined) problems.push(`${pkg.name}: no prepack script (a fresh clone would pack without dist/)`)

  const { publint } = await import('publint')
  const { formatMessage } = await import('publint/utils')
  const buf = readFileSync(tgz)
  const lint = await publint({ pack: { tarball: buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) }, level: 'suggestion', strict: true })
  const publintMessages = lint.messages.map((m) => `${m.type}: ${formatMessage(m, lint.pkg) ?? m.code}`)
  for (const m of publintMessages) problems.push(`${pkg.name}: publint ${m}`)

  const attw = run(join(BIN, 'attw'), [tgz, '--ignore-rules', 'cjs-resolves-to-esm', '--format', 'json'])
  let attwProblems = []
  try {
    const parsed = JSON.parse(attw.stdout)
    attwProblems = Object.entries(parsed.problems ?? {})
      .filter(([kind]) => kind !== 'CJSResolvesToESM')
      .flatMap(([kind, list]) => list.map((p) => `${kind} (${p.entrypoint ?? ''} ${p.resolutionKind ?? ''})`.trim()))
  } catch {
    attwProblems = [`attw did not answer JSON (exit ${attw.status}): ${attw.output.slice(0, 400)}`]
  }
  if (attw.status !== 0 && attwProblems.length === 0) attwProblems.push(`attw exit ${attw.status}`)
  for (const p of attwProblems) problems.push(`${pkg.name}: arethetypeswrong ${p}`)

  return { name: pkg.name, version: pkg.version, dir, tarball: tgz, packedBytes: statSync(tgz).size, contents, publint: publintMessages, attw: attwProblems }
}

function pack(dir, out) {
  const r = run('npm', ['pack', '--pack-destination', out, '--json', '--loglevel=error'], { cwd: join(ROOT, dir) })
  if (r.status !== 0) throw new Error(`npm pack in ${dir} failed: ${r.output}`)
  const [info] = JSON.parse(r.stdout.slice(r.stdout.indexOf('[')))
  return join(out, info.filename)
}

function writeJson(file, value) {
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`)
}

/** Installs the client tarball alone, production dependencies only, and measures it. */
function measureClient(clientTgz, out, problems) {
  const dir = join(out, 'client-only')
  mkdirSync(dir, { recursive: true })
  writeJson(join(dir, 'package.json'), { name: 'size-probe', private: true, version: '1.0.0' })
  const r = run('npm', ['install', '--omit=dev', '--omit=optional', ...NPM_QUIET, clientTgz], { cwd: dir })
  if (r.status !== 0) {
    problems.push(`installing the client tarball failed: ${r.output.slice(0, 800)}`)
    return undefined
  }
  const nodeModules = join(dir, 'node_modules')
  const bytes = treeBytes(nodeModules)
  const seen = inspectInstall(nodeModules)
  const grpc = seen.packages.filter((p) => /^(@grpc\/|rocketmq-client-nodejs@|protobufjs@|google-protobuf@)/.test(p))
  if (bytes >= CLIENT_SIZE_LIMIT) problems.push(`@rocketmq-ts/client installs ${(bytes / 1048576).toFixed(2)} MB, over the ${CLIENT_SIZE_LIMIT / 1048576} MB limit`)
  if (seen.nativeAddons.length > 0) problems.push(`@rocketmq-ts/client installs native addons: ${seen.nativeAddons.join(', ')}`)
  if (seen.installScripts.length > 0) problems.push(`@rocketmq-ts/client installs packages with install scripts: ${seen.installScripts.join('; ')}`)
  if (grpc.length > 0) problems.push(`@rocketmq-ts/client pulls in gRPC: ${grpc.join(', ')}`)
  return { bytes, mb: Number((bytes / 1048576).toFixed(2)), ...seen, grpc }
}

const SMOKE_TS = `import { PushConsumer, PullConsumer, Producer, RocketMQError, isRocketMQError, type MessageView, type PushConsumerOptions } from '@rocketmq-ts/client'
import { ProxyMessageView, type ProxyPushConsumerOptions } from '@rocketmq-ts/proxy'

const options: PushConsumerOptions = {
  nameServer: '127.0.0.1:9876',
  group: 'smoke_group',
  subscriptions: { SmokeTopic: '*' },
  handler: async (message: MessageView, context) => {
    context.signal.throwIfAborted()
    void message.body.length
  },
}
export const consumer = new PushConsumer(options)
export const pull = new PullConsumer({ nameServer: '127.0.0.1:9876', group: 'smoke_group' })
export const producer = new Producer({ nameServer: '127.0.0.1:9876' })
const proxyOptions: ProxyPushConsumerOptions = { proxy: { endpoints: '127.0.0.1:8081' }, group: 'g', subscriptions: { T: '*' }, handler: async () => {} }
export const viaProxy = new PushConsumer(proxyOptions)
export const isProxyMessage = (m: MessageView): boolean => m instanceof ProxyMessageView
export function code(e: unknown): string | undefined {
  return isRocketMQError(e) ? e.code : e instanceof RocketMQError ? 'never' : undefined
}
`

const SMOKE_ESM = `import { Producer, PushConsumer, RocketMQError } from '@rocketmq-ts/client'
import { parseCli } from '@rocketmq-ts/testkit'
let code
try {
  new PushConsumer({ nameServer: '127.0.0.1:9876', group: 'smoke', subscriptions: { T: 'a | b' }, handler: async () => {} })
} catch (e) {
  code = e instanceof RocketMQError ? e.code : String(e)
}
const producer = new Producer({ nameServer: '127.0.0.1:9876' })
await producer.close()
const proxyOptions = { proxy: { endpoints: '127.0.0.1:8081' }, group: 'smoke', subscriptions: { T: '*' }, handler: async () => {} }
let before
try {
  new PushConsumer(proxyOptions)
} catch (e) {
  before = e.code
}
await import('@rocketmq-ts/proxy')
const proxy = new PushConsumer(proxyOptions).assignment()
console.log(JSON.stringify({ code, testkit: parseCli(['up', '--port-offset', 'auto']).portOffset, proxyBefore: before, proxyAfter: proxy }))
`

const SMOKE_CJS = `const { PushConsumer, RocketMQError } = require('@rocketmq-ts/client')
let code
try {
  new PushConsumer({ nameServer: 'no-port', group: 'smoke', subscriptions: { T: '*' }, handler: async () => {} })
} catch (e) {
  code = e instanceof RocketMQError ? e.code : String(e)
}
console.log(JSON.stringify({ code, kind: typeof PushConsumer }))
`

/** The bundled program: a pull consumer reading one queue from the start, printing what it decoded. */
const BUNDLE_ENTRY = `import { createHash } from 'node:crypto'
import { PullConsumer } from '@rocketmq-ts/client'
const [nameServer, topic, brokerName, expected] = process.argv.slice(2)
const consumer = new PullConsumer({ nameServer, group: 'bundle_probe_' + Date.now().toString(36), autoCommit: false, consumeFrom: 'first' })
await consumer.start()
await consumer.assign([{ topic, brokerName, queueId: 0 }])
const got = []
while (got.length < Number(expected)) {
  const batch = await consumer.poll({ max: 16, timeoutMs: 30000 })
  if (batch.length === 0) break
  got.push(...batch)
}
await consumer.close()
console.log(JSON.stringify(got.map((m) => ({ offset: m.queueOffset, tags: m.tags, length: m.body.length, sha256: createHash('sha256').update(m.body).digest('hex') }))))
`

function tsCheck(dir, name, compilerOptions, files) {
  const cfg = join(dir, `tsconfig.${name}.json`)
  writeJson(cfg, { compilerOptions: { strict: true, noEmit: true, skipLibCheck: false, types: ['node'], target: 'ES2022', ...compilerOptions }, files })
  const r = run(process.execPath, [join(dir, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', cfg], { cwd: dir })
  return { ok: r.status === 0, output: r.output.slice(0, 2000) }
}

/** Installs every tarball into a scratch project and exercises them. */
async function smoke(tarballs, out, problems) {
  const dir = join(out, 'app')
  mkdirSync(dir, { recursive: true })
  writeJson(join(dir, 'package.json'), { name: 'smoke-app', private: true, version: '1.0.0', type: 'module' })
  const dev = ['typescript', '@types/node', 'esbuild'].map((n) => `${n}@${rootDevVersion(n)}`)
  const r = run('npm', ['install', ...NPM_QUIET, ...tarballs, ...dev], { cwd: dir })
  if (r.status !== 0) {
    problems.push(`installing the tarballs into the scratch project failed: ${r.output.slice(0, 800)}`)
    return undefined
  }
  const result = {}
  writeFileSync(join(dir, 'smoke.ts'), SMOKE_TS)
  writeFileSync(join(dir, 'smoke-cjs.cts'), SMOKE_TS.replace(/^import \{ (.*) \} from '@rocketmq-ts\/client'$/m, "import type { MessageView, PushConsumerOptions } from '@rocketmq-ts/client'\nimport client = require('@rocketmq-ts/client')").replace(/new (PushConsumer|PullConsumer|Producer)\(/g, 'new client.$1(').replace(/isRocketMQError\(/g, 'client.isRocketMQError(').replace(/instanceof RocketMQError/g, 'instanceof client.RocketMQError'))
  result.typescriptNodeNext = tsCheck(dir, 'nodenext', { module: 'nodenext', moduleResolution: 'nodenext' }, ['smoke.ts'])
  result.typescriptBundler = tsCheck(dir, 'bundler', { module: 'preserve', moduleResolution: 'bundler' }, ['smoke.ts'])
  result.typescriptNodeNextRequire = tsCheck(dir, 'cts', { module: 'nodenext', moduleResolution: 'nodenext', esModuleInterop: false }, ['smoke-cjs.cts'])
  // The shipped declarations must not need esModuleInterop (a default import of a node: module would, TS1192).
  result.declarationsWithoutInterop = tsCheck(dir, 'no-interop', { module: 'nodenext', moduleResolution: 'nodenext', esModuleInterop: false, allowSyntheticDefaultImports: false }, ['smoke.ts'])
  for (const [k, v] of Object.entries(result)) if (!v.ok) problems.push(`TypeScript ${k} failed: ${v.output.slice(0, 600)}`)

  writeFileSync(join(dir, 'smoke.mjs'), SMOKE_ESM)
  const esm = run(process.execPath, ['smoke.mjs'], { cwd: dir })
  result.esm = { ok: esm.status === 0 && esm.stdout.includes('"code":"ERR_INVALID_OPTION"') && esm.stdout.includes('"testkit":"auto"') && esm.stdout.includes('"proxyBefore":"ERR_INVALID_OPTION","proxyAfter":[]'), output: esm.output.slice(0, 1000) }
  if (!result.esm.ok) problems.push(`plain JavaScript import failed: ${result.esm.output}`)

  writeFileSync(join(dir, 'smoke.cjs'), SMOKE_CJS)
  const cjs = run(process.execPath, ['smoke.cjs'], { cwd: dir })
  result.require = { node: process.version, ok: cjs.status === 0 && cjs.stdout.includes('"code":"ERR_INVALID_OPTION"') && cjs.stdout.includes('"kind":"function"'), output: cjs.output.slice(0, 1000) }
  if (!result.require.ok) problems.push(`require() on Node ${process.version} failed: ${result.require.output}`)

  const cli = run(join(dir, 'node_modules', '.bin', 'rocketmq-testkit'), ['up', '--help'], { cwd: dir })
  result.testkitCli = { ok: cli.status === 0 && cli.stdout.includes('usage: rocketmq-testkit'), output: cli.output.slice(0, 400) }
  if (!result.testkitCli.ok) problems.push(`rocketmq-testkit --help from the tarball failed: ${result.testkitCli.output}`)

  writeFileSync(join(dir, 'bundle-entry.mjs'), BUNDLE_ENTRY)
  const bundleFile = join(dir, 'bundle.mjs')
  const esbuild = run(join(dir, 'node_modules', '.bin', 'esbuild'), ['bundle-entry.mjs', '--bundle', '--platform=node', '--format=esm', '--target=node20', `--outfile=${bundleFile}`, '--log-level=warning'], { cwd: dir })
  result.bundle = { ok: esbuild.status === 0 && existsSync(bundleFile), file: bundleFile, bytes: existsSync(bundleFile) ? statSync(bundleFile).size : 0, output: esbuild.output.slice(0, 2000) }
  if (!result.bundle.ok) problems.push(`esbuild could not bundle @rocketmq-ts/client: ${result.bundle.output}`)
  return { dir, ...result }
}

export async function checkPackages(options = {}) {
  const out = options.out ?? mkdtempSync(join(tmpdir(), 'rocketmq-ts-pack-'))
  mkdirSync(out, { recursive: true })
  const problems = []
  const tarballs = []
  const packages = []
  for (const dir of PUBLISHED) {
    const tgz = pack(dir, out)
    tarballs.push(tgz)
    packages.push(await checkTarball(dir, tgz, problems))
  }
  const clientTgz = packages.find((p) => p.name === '@rocketmq-ts/client')?.tarball
  const client = clientTgz === undefined ? undefined : measureClient(clientTgz, out, problems)
  for (const p of packages) {
    if (p.name === '@rocketmq-ts/client') continue
    const dir = join(out, `${p.name.replace(/[@/]/g, '_')}-only`)
    mkdirSync(dir, { recursive: true })
    writeJson(join(dir, 'package.json'), { name: 'size-probe', private: true, version: '1.0.0' })
    // a peer of the client (same version): install it with the client's tarball, as a user would
    const peers = ['@rocketmq-ts/proxy', '@rocketmq-ts/opentelemetry'].includes(p.name) && clientTgz !== undefined ? [clientTgz] : []
    const r = run('npm', ['install', '--omit=dev', ...NPM_QUIET, p.tarball, ...peers], { cwd: dir })
    p.installed = r.status === 0 ? { bytes: treeBytes(join(dir, 'node_modules')), ...inspectInstall(join(dir, 'node_modules')) } : { error: r.output.slice(0, 400) }
    if (p.installed.bytes !== undefined) p.installed.mb = Number((p.installed.bytes / 1048576).toFixed(2))
    if (p.installed.bytes !== undefined && peers.length > 0 && client !== undefined) p.installed.withClient = true
  }
  const app = await smoke(tarballs, out, problems)
  return { node: process.version, out, packages, client, app, problems, timingsMs: timings }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { out: { type: 'string' }, json: { type: 'string' }, keep: { type: 'boolean' } }, strict: true })
  const report = await checkPackages(values.out === undefined ? {} : { out: resolve(values.out) })
  if (values.json !== undefined) writeJson(resolve(values.json), report)
  for (const p of report.packages) {
    const size = p.installed?.mb !== undefined ? `, installs ${p.installed.mb} MB with ${p.installed.packages.length} packages${p.installed.withClient ? " (with the client, its peer)" : ""}` : ''
    console.log(`${p.name}@${p.version}: ${p.contents.files} files, ${(p.packedBytes / 1024).toFixed(0)} kB packed${size}; publint ${p.publint.length === 0 ? 'clean' : p.publint.length + ' messages'}; attw ${p.attw.length === 0 ? 'clean' : p.attw.length + ' problems'}`)
  }
  if (report.client) console.log(`@rocketmq-ts/client installed (production deps): ${report.client.mb} MB, ${report.client.packages.length} packages (${report.client.packages.join(', ')}), native addons: ${report.client.nativeAddons.length}, install scripts: ${report.client.installScripts.length}`)
  if (report.app) for (const k of ['typescriptNodeNext', 'typescriptBundler', 'typescriptNodeNextRequire', 'declarationsWithoutInterop', 'esm', 'require', 'testkitCli', 'bundle']) console.log(`${k}: ${report.app[k].ok ? 'ok' : 'FAILED'}`)
  console.log(`timings (ms): ${JSON.stringify(report.timingsMs)}`)
  if (report.problems.length > 0) {
    console.log(`\n${report.problems.length} problem(s):\n- ${report.problems.join('\n- ')}`)
    process.exitCode = 1
  } else console.log('\nall packaging checks passed')
  if (values.out === undefined && values.keep !== true && values.json === undefined) rmSync(report.out, { recursive: true, force: true })
}
