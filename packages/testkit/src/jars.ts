/**
 * Fetches the RocketMQ server jars from Maven Central with `mvn dependency:copy-dependencies` into
 * `<cacheDir>/rocketmq/<version>/lib` once; a `.complete` marker makes later calls free.
 * Concurrent fetches (two test runs, CLI + tests) are serialised by a lock directory.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { TestkitError } from './errors.js'
import { isAlive, pollUntil } from './proc.js'

/** Artifacts copied with all their runtime dependencies (rocketmq-client is there for a Java benchmark). */
export const ROCKETMQ_ARTIFACTS = ['rocketmq-namesrv', 'rocketmq-broker', 'rocketmq-proxy', 'rocketmq-tools', 'rocketmq-client'] as const

/** The major version of a RocketMQ version string ('4.9.7' -> 4); NaN when it does not start with a number. */
export function rocketmqMajor(version: string): number {
  return Number.parseInt(version, 10)
}

/** The artifacts a version has: RocketMQ 4.x has no proxy (rocketmq-proxy starts at 5.0.0). */
export function rocketmqArtifacts(version: string): readonly string[] {
  return rocketmqMajor(version) < 5 ? ROCKETMQ_ARTIFACTS.filter((a) => a !== 'rocketmq-proxy') : ROCKETMQ_ARTIFACTS
}

/** Receives human-readable progress lines (jar download, process starts). */
export type ProgressSink = (line: string) => void

/** Options of `ensureJars()`. */
export interface EnsureJarsOptions {
  /** The RocketMQ version, e.g. `5.3.1`. */
  version: string
  /** The jar cache folder (a per-version folder is made in it). */
  cacheDir: string
  /** Called with human-readable progress lines. Silent when absent. */
  onProgress?: ProgressSink
  /** Maven executable. Default: env MVN or `mvn`. */
  mvn?: string
  /** Give up waiting for another process's fetch after this long. Default 15 min. */
  timeoutMs?: number
}

/** The jars of one RocketMQ version, ready to run. */
export interface JarSet {
  /** The RocketMQ version. */
  version: string
  /** The folder holding every jar. */
  libDir: string
  /** Java classpath: `<libDir>/*` */
  classpath: string
  /** How many jars are there. */
  jarCount: number
  /** true if this call downloaded them */
  fetched: boolean
  /** How long finding or downloading them took, in ms. */
  fetchMs: number
}

export function versionDir(cacheDir: string, version: string): string {
  return join(cacheDir, 'rocketmq', version)
}

function pom(version: string): string {
  const deps = rocketmqArtifacts(version).map(
    (a) => `    <dependency><groupId>org.apache.rocketmq</groupId><artifactId>${a}</artifactId><version>${version}</version></dependency>`,
  ).join('\n')
  return `<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.rocketmq-ts.testkit</groupId><artifactId>rocketmq-dist</artifactId><version>${version}</version>
  <packaging>pom</packaging>
  <dependencies>
${deps}
  </dependencies>
</project>
`
}

function jarSet(version: string, dir: string, fetched: boolean, fetchMs: number): JarSet {
  const libDir = join(dir, 'lib')
  return { version, libDir, classpath: `${libDir}/*`, jarCount: readdirSync(libDir).filter((f) => f.endsWith('.jar')).length, fetched, fetchMs }
}

/** Takes the lock directory or returns false if a live process holds it (a dead holder's lock is broken). */
function tryLock(lockDir: string): boolean {
  try {
    mkdirSync(lockDir)
    writeFileSync(join(lockDir, 'pid'), String(process.pid))
    return true
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
    let holder = NaN
    try {
      holder = Number(readFileSync(join(lockDir, 'pid'), 'utf8'))
    } catch {
      // pid file not written yet: treat as held unless the lock is old
      const age = Date.now() - statSync(lockDir).mtimeMs
      if (age < 30_000) return false
    }
    if (Number.isInteger(holder) && isAlive(holder)) return false
    rmSync(lockDir, { recursive: true, force: true })
    return tryLock(lockDir)
  }
}

/**
 * The RocketMQ jars of a version from Maven Central (`mvn dependency:copy-dependencies`), cached per version; concurrent
 * callers (several test runs) share one download through a lock file.
 */
export async function ensureJars(options: EnsureJarsOptions): Promise<JarSet> {
  const { version, onProgress } = options
  const dir = versionDir(options.cacheDir, version)
  const marker = join(dir, '.complete')
  if (existsSync(marker)) return jarSet(version, dir, false, 0)
  mkdirSync(dir, { recursive: true })
  const lockDir = join(dir, '.lock')
  const started = Date.now()
  if (!tryLock(lockDir)) {
    onProgress?.(`[testkit] another process is fetching RocketMQ ${version} jars; waiting`)
    await pollUntil(() => existsSync(marker) || tryLock(lockDir), { timeoutMs: options.timeoutMs ?? 15 * 60_000, intervalMs: 500, what: `the jar fetch lock ${lockDir}` })
    if (existsSync(marker)) {
      rmSync(lockDir, { recursive: true, force: true })
      return jarSet(version, dir, false, Date.now() - started)
    }
  }
  try {
    const tmp = join(dir, `lib.tmp-${process.pid}`)
    rmSync(tmp, { recursive: true, force: true })
    writeFileSync(join(dir, 'pom.xml'), pom(version))
    onProgress?.(`[testkit] fetching Apache RocketMQ ${version} jars from Maven Central into ${join(dir, 'lib')}`)
    const mvn = options.mvn ?? process.env['MVN'] ?? 'mvn'
    const args = ['-B', '-f', join(dir, 'pom.xml'), 'dependency:copy-dependencies', `-DoutputDirectory=${tmp}`, '-DincludeScope=runtime']
    const tail: string[] = []
    let downloaded = 0
    const code = await new Promise<number>((resolve, reject) => {
      const child = spawn(mvn, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] })
      child.on('error', (e) => {
        reject(new TestkitError('ERR_TESTKIT_JAR_FETCH', `cannot run Maven ("${mvn}"): ${e.message}. Install Maven 3 or set MVN.`, { cause: e }))
      })
      const onLine = (line: string): void => {
        tail.push(line)
        if (tail.length > 40) tail.shift()
        if (line.includes('Downloaded from')) {
          downloaded++
          const m = /\/([^/]+\.(?:jar|pom)) \(([^)]*)\)/.exec(line)
          if (m !== null && m[1]!.endsWith('.jar')) onProgress?.(`[testkit] #${downloaded} ${m[1]} (${m[2]!.split(' at ')[0]})`)
        }
      }
      createInterface({ input: child.stdout }).on('line', onLine)
      createInterface({ input: child.stderr }).on('line', onLine)
      child.on('close', (c) => resolve(c ?? 1))
    })
    if (code !== 0) {
      rmSync(tmp, { recursive: true, force: true })
      throw new TestkitError(
        'ERR_TESTKIT_JAR_FETCH',
        `mvn could not fetch Apache RocketMQ ${version} (exit ${code}). Last output:\n${tail.filter((l) => /ERROR|FAIL|Could not/.test(l)).slice(0, 8).join('\n') || tail.join('\n')}`,
        { context: { version } },
      )
    }
    rmSync(join(dir, 'lib'), { recursive: true, force: true })
    renameSync(tmp, join(dir, 'lib'))
    const fetchMs = Date.now() - started
    const set = jarSet(version, dir, true, fetchMs)
    writeFileSync(marker, JSON.stringify({ version, jars: set.jarCount, fetchMs, at: new Date().toISOString() }) + '\n')
    onProgress?.(`[testkit] ${set.jarCount} jars ready in ${(fetchMs / 1000).toFixed(1)} s`)
    return set
  } finally {
    rmSync(lockDir, { recursive: true, force: true })
  }
}
