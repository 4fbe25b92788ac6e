import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { homedir } from 'node:os'
import { basename, dirname, join, resolve } from 'node:path'

/**
 * The project root: the nearest ancestor of `start` (default: the working directory) holding a `.git` entry or a
 * `package-lock.json`; the start directory itself if there is none.
 */
export function projectRoot(start: string = process.cwd()): string {
  let dir = resolve(start)
  for (;;) {
    if (existsSync(join(dir, '.git')) || existsSync(join(dir, 'package-lock.json'))) return dir
    const parent = dirname(dir)
    if (parent === dir) return resolve(start)
    dir = parent
  }
}

/**
 * The per-user cache folder of the kit: jars (`rocketmq/<version>/lib`, ~100 MB per version, shared by every project
 * of the user) and the CLI's cluster records (`cli/`). `ROCKETMQ_TESTKIT_CACHE` overrides it; otherwise
 * `$XDG_CACHE_HOME/rocketmq-ts` or `~/.cache/rocketmq-ts` (Linux and other Unix), `~/Library/Caches/rocketmq-ts`
 * (macOS), `%LOCALAPPDATA%\rocketmq-ts\Cache` (Windows). Nothing is written into the project.
 */
export function defaultCacheDir(): string {
  const env = process.env['ROCKETMQ_TESTKIT_CACHE']
  if (env !== undefined && env !== '') return resolve(env)
  const home = homedir()
  if (process.platform === 'darwin') return join(home, 'Library', 'Caches', 'rocketmq-ts')
  if (process.platform === 'win32') return join(process.env['LOCALAPPDATA'] || join(home, 'AppData', 'Local'), 'rocketmq-ts', 'Cache')
  const xdg = process.env['XDG_CACHE_HOME']
  return join(xdg !== undefined && xdg !== '' && xdg.startsWith('/') ? xdg : join(home, '.cache'), 'rocketmq-ts')
}

/**
 * `<root>/.rmq-run`: one directory per running cluster (configs, stores, logs, state.json), removed when the cluster
 * stops. Git-ignore it. `ROCKETMQ_TESTKIT_RUN_ROOT` overrides it; outside any project (no `.git` or
 * `package-lock.json` above the working directory) it is `<cache>/runs`.
 */
export function defaultRunRoot(root: string = projectRoot()): string {
  const env = process.env['ROCKETMQ_TESTKIT_RUN_ROOT']
  if (env !== undefined && env !== '') return resolve(env)
  const inProject = existsSync(join(root, '.git')) || existsSync(join(root, 'package-lock.json'))
  return inProject ? join(root, '.rmq-run') : join(defaultCacheDir(), 'runs')
}

/** The CLI's record of the cluster `up` started for this project: `<cache>/cli/<project name>-<hash>.json`. */
export function cliStateFile(root: string = projectRoot()): string {
  const hash = createHash('sha256').update(resolve(root)).digest('hex').slice(0, 12)
  const name = basename(root).replace(/[^A-Za-z0-9._-]/g, '_') || 'root'
  return join(defaultCacheDir(), 'cli', `${name}-${hash}.json`)
}
