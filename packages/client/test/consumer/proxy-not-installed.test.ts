/**
 * The client alone has no gRPC: `proxy` without the @rocketmq-ts/proxy package is refused at construction with the
 * way to fix it, and nothing of rocketmq-client-nodejs is in the client's dependency list.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { PushConsumer, type RocketMQError } from '../../src/index.js'

describe('PushConsumer with proxy, without @rocketmq-ts/proxy loaded', () => {
  it('throws ERR_INVALID_OPTION telling how to install and load the proxy transport', () => {
    let err: RocketMQError | undefined
    try {
      new PushConsumer({ proxy: { endpoints: '127.0.0.1:8081' }, group: 'g', subscriptions: { T: '*' }, handler: () => {} })
    } catch (e) {
      err = e as RocketMQError
    }
    expect(err?.code).toBe('ERR_INVALID_OPTION')
    expect(err?.message).toContain('npm install @rocketmq-ts/proxy')
    expect(err?.message).toContain("import '@rocketmq-ts/proxy'")
    expect(err?.context).toMatchObject({ fields: ['proxy'] })
  })

  it('the client package declares no gRPC dependency', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> }
    expect(Object.keys(pkg.dependencies).filter((d) => /grpc|rocketmq-client-nodejs|protobuf/.test(d))).toEqual([])
  })
})
