/**
 * Loading: the proxy package does not load rocketmq-client-nodejs (gRPC) on import, only when a proxy consumer starts;
 * the remoting transport never loads it. No cluster: the endpoints are unreachable on purpose. Runs a child process
 * so the module cache is fresh (needs the packages built, like the other tests of this package).
 */
import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'

describe('the proxy transport module', () => {
  it('rocketmq-client-nodejs is loaded only when a proxy consumer starts (not by importing @rocketmq-ts/proxy, never by the remoting transport)', () => {
    const script = `
      import { createRequire } from 'node:module'
      import { PushConsumer } from '@rocketmq-ts/client'
      import '@rocketmq-ts/proxy'
      const loaded = () => Object.keys(createRequire(import.meta.url).cache).some((k) => k.includes('rocketmq-client-nodejs'))
      const opts = { group: 'g', subscriptions: { T: '*' }, handler: () => {} }
      new PushConsumer({ ...opts, nameServer: '127.0.0.1:1' })
      const proxy = new PushConsumer({ ...opts, proxy: { endpoints: '127.0.0.1:1' } })
      const before = loaded()
      proxy.start().catch(() => {})
      while (!loaded()) await new Promise((r) => setTimeout(r, 10))
      process.stdout.write(JSON.stringify({ before, after: loaded() }))
      process.exit(0)`
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: process.cwd(), encoding: 'utf8', timeout: 20_000 })
    expect(JSON.parse(out)).toEqual({ before: false, after: true })
  }, 30_000) // a child Node process loading the gRPC client: seconds on a loaded machine (the child's own limit is 20 s)
})
