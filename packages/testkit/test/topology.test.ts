import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseLenientJson } from '../src/remoting.js'
import { brokerProperties, brokerSpecs, portPlan, toPropertiesText } from '../src/topology.js'
import { composeFiles } from '../src/write-compose-config.js'
import { projectRoot } from '../src/paths.js'

describe('topology', () => {
  it('plans ports 10 apart so fast (-2) and HA (+1) ports never overlap', () => {
    const plan = portPlan()
    expect(plan.nameServer).toBe(9876)
    expect(plan.brokers).toEqual({ 'broker-a-0': 10911, 'broker-a-1': 10921, 'broker-b-0': 10931, 'broker-b-1': 10941 })
    expect(portPlan({ portOffset: 1000 }).brokers['broker-b-1']).toBe(11941)
    const used = brokerSpecs(plan, true).flatMap((s) => [s.port - 2, s.port, s.port + 1])
    expect(new Set(used).size).toBe(used.length)
  })

  it('writes slave properties without trailing spaces and with the keys the brokers need', () => {
    const spec = brokerSpecs(portPlan(), true).find((s) => s.node === 'broker-b-1')!
    const text = toPropertiesText(brokerProperties(spec, { nameServer: '127.0.0.1:9876', storeRoot: '/s' }))
    expect(text).toContain('brokerName=broker-b\n')
    expect(text).toContain('brokerId=1\n')
    expect(text).toContain('brokerRole=SLAVE\n')
    expect(text).toContain('brokerIP1=127.0.0.1\nbrokerIP2=127.0.0.1\n')
    expect(text).toContain('slaveReadEnable=true\n')
    expect(text).toContain('autoCreateSubscriptionGroup=true\n')
    expect(text).toContain('listenPort=10941\n')
    expect(text).not.toMatch(/ \n/)
  })

  it('keeps the committed docker-compose files identical to the generator output', () => {
    const root = projectRoot(join(import.meta.dirname, '..'))
    for (const [rel, text] of Object.entries(composeFiles())) {
      expect(readFileSync(join(root, rel), 'utf8'), `${rel} is stale: run node packages/testkit/dist/write-compose-config.js`).toBe(text)
    }
  })

  it('parses fastjson maps with unquoted integer keys', () => {
    expect(parseLenientJson<{ a: Record<string, string> }>('{"a":{0:"127.0.0.1:10911",1:"127.0.0.1:10921"}}')).toEqual({
      a: { '0': '127.0.0.1:10911', '1': '127.0.0.1:10921' },
    })
  })
})
