import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { cliStateFile, defaultCacheDir, defaultRunRoot, projectRoot } from '../src/paths.js'

const saved = { ...process.env }
afterEach(() => {
  for (const k of ['ROCKETMQ_TESTKIT_CACHE', 'ROCKETMQ_TESTKIT_RUN_ROOT', 'XDG_CACHE_HOME']) {
    if (saved[k] === undefined) delete process.env[k]
    else process.env[k] = saved[k]
  }
})

describe('where the kit writes', () => {
  it('keeps the jar cache in a per-user folder, outside the project', () => {
    delete process.env['ROCKETMQ_TESTKIT_CACHE']
    delete process.env['XDG_CACHE_HOME']
    const dir = defaultCacheDir()
    expect(dir.startsWith(homedir())).toBe(true)
    expect(dir.startsWith(projectRoot())).toBe(false)
    if (process.platform === 'linux') {
      expect(dir).toBe(join(homedir(), '.cache', 'rocketmq-ts'))
      process.env['XDG_CACHE_HOME'] = '/var/cache/someone'
      expect(defaultCacheDir()).toBe('/var/cache/someone/rocketmq-ts')
    }
  })

  it('takes ROCKETMQ_TESTKIT_CACHE and ROCKETMQ_TESTKIT_RUN_ROOT over the defaults', () => {
    process.env['ROCKETMQ_TESTKIT_CACHE'] = 'relative/cache'
    expect(defaultCacheDir()).toBe(resolve('relative/cache'))
    process.env['ROCKETMQ_TESTKIT_RUN_ROOT'] = '/tmp/runs-here'
    expect(defaultRunRoot()).toBe('/tmp/runs-here')
  })

  it('puts run dirs under the project when there is one, else under the cache; the CLI record is per project', () => {
    delete process.env['ROCKETMQ_TESTKIT_RUN_ROOT']
    process.env['ROCKETMQ_TESTKIT_CACHE'] = '/tmp/kit-cache'
    expect(defaultRunRoot()).toBe(join(projectRoot(), '.rmq-run'))
    expect(defaultRunRoot('/')).toBe('/tmp/kit-cache/runs')
    const a = cliStateFile('/work/a/shop')
    expect(a).toMatch(/^\/tmp\/kit-cache\/cli\/shop-[0-9a-f]{12}\.json$/)
    expect(cliStateFile('/work/b/shop')).not.toBe(a)
  })
})
