import { describe, expect, it } from 'vitest'
import { brokerProperties, brokerSpecs, portPlan, rocketmqArtifacts, startCluster, versionFeatures } from '../src/index.js'

describe('RocketMQ versions the kit starts', () => {
  it('knows what 4.x lacks and 5.x has', () => {
    expect(versionFeatures('4.9.7')).toEqual({ version: '4.9.7', major: 4, proxy: false, acl2: false, timer: false, pop: false })
    expect(versionFeatures('5.5.0')).toEqual({ version: '5.5.0', major: 5, proxy: true, acl2: true, timer: true, pop: true })
    expect(versionFeatures('5.1.4').acl2).toBe(false)
  })

  it('fetches no proxy artifact for 4.x', () => {
    expect(rocketmqArtifacts('4.9.7')).not.toContain('rocketmq-proxy')
    expect(rocketmqArtifacts('5.5.0')).toContain('rocketmq-proxy')
  })

  it('writes no timer-store key into a 4.x broker config', () => {
    const spec = brokerSpecs(portPlan(), true)[0]!
    const o = { nameServer: '127.0.0.1:9876', storeRoot: '/tmp/x' }
    expect(brokerProperties(spec, { ...o, version: '4.9.7' })).not.toHaveProperty('mappedFileSizeTimerLog')
    expect(brokerProperties(spec, { ...o, version: '5.5.0' })).toHaveProperty('mappedFileSizeTimerLog')
  })

  it('refuses a proxy or ACL 2.0 on 4.x with a typed error naming the version, before starting anything', async () => {
    await expect(startCluster({ version: '4.9.7', withProxy: true })).rejects.toMatchObject({
      code: 'ERR_TESTKIT_UNSUPPORTED_VERSION',
      message: expect.stringContaining('4.9.7'),
    })
    await expect(startCluster({ version: '4.9.7', withProxy: false, auth: {} })).rejects.toMatchObject({
      code: 'ERR_TESTKIT_UNSUPPORTED_VERSION',
      message: expect.stringContaining('4.9.7'),
    })
  })
})
