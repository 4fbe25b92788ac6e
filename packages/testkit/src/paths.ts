import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

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

/** `<root>/.cache`: jars (`rocketmq/<version>/lib`) and the CLI's `cluster.json`. Git-ignored. */
export function defaultCacheDir(root: string = projectRoot()): string {
  return process.env['ROCKETMQ_TESTKIT_CACHE'] ?? join(root, '.cache')
}

/** `<root>/.rmq-run`: one directory per running cluster (configs, stores, logs, state.json). Git-ignored. */
export function defaultRunRoot(root: string = projectRoot()): string {
  return process.env['ROCKETMQ_TESTKIT_RUN_ROOT'] ?? join(root, '.rmq-run')
}
