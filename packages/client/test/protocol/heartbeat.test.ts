import { isIPv4 } from 'node:net'
import { describe, expect, it } from 'vitest'
import { buildClientId, buildHeartbeatBody, localIPv4 } from '../../src/protocol/heartbeat.js'
import { buildSubscriptionData } from '../../src/protocol/tag.js'

describe('buildHeartbeatBody', () => {
  it('produces the §7.1 JSON', () => {
    const body = buildHeartbeatBody({
      clientId: '10.0.0.5@12345#873450981234567',
      consumers: [
        {
          groupName: 'GID_demo',
          consumeType: 'CONSUME_PASSIVELY',
          messageModel: 'CLUSTERING',
          consumeFromWhere: 'CONSUME_FROM_LAST_OFFSET',
          subscriptions: [
            buildSubscriptionData('TopicTest', 'TagA || TagB', 1718000000000),
            buildSubscriptionData('%RETRY%GID_demo', '*', 1718000000001),
          ],
        },
      ],
      producers: [{ groupName: 'CLIENT_INNER_PRODUCER' }],
    })
    expect(Buffer.isBuffer(body)).toBe(true)
    expect(JSON.parse(body.toString('utf8'))).toEqual({
      clientID: '10.0.0.5@12345#873450981234567',
      consumerDataSet: [
        {
          consumeFromWhere: 'CONSUME_FROM_LAST_OFFSET',
          consumeType: 'CONSUME_PASSIVELY',
          groupName: 'GID_demo',
          messageModel: 'CLUSTERING',
          unitMode: false,
          subscriptionDataSet: [
            {
              classFilterMode: false,
              codeSet: [2598919, 2598920],
              expressionType: 'TAG',
              subString: 'TagA || TagB',
              subVersion: 1718000000000,
              tagsSet: ['TagA', 'TagB'],
              topic: 'TopicTest',
            },
            {
              classFilterMode: false,
              codeSet: [],
              expressionType: 'TAG',
              subString: '*',
              subVersion: 1718000000001,
              tagsSet: [],
              topic: '%RETRY%GID_demo',
            },
          ],
        },
      ],
      producerDataSet: [{ groupName: 'CLIENT_INNER_PRODUCER' }],
    })
  })

  it('producer-only and empty heartbeats', () => {
    expect(JSON.parse(buildHeartbeatBody({ clientId: 'c', producers: [{ groupName: 'P' }] }).toString())).toEqual({
      clientID: 'c',
      consumerDataSet: [],
      producerDataSet: [{ groupName: 'P' }],
    })
  })
})

describe('client id', () => {
  it('ip@pid#hrtime, distinct per call', () => {
    const a = buildClientId()
    const b = buildClientId()
    expect(a).toMatch(new RegExp(`^${localIPv4().replace(/\./g, '\\.')}@${process.pid}#\\d+$`))
    expect(a).not.toBe(b)
  })

  it('explicit ip and instance name', () => {
    expect(buildClientId({ ip: '10.1.1.1', instanceName: 'inst' })).toBe('10.1.1.1@inst')
  })

  it('localIPv4 is an IPv4 address and stable', () => {
    expect(isIPv4(localIPv4())).toBe(true)
    expect(localIPv4()).toBe(localIPv4())
  })
})
