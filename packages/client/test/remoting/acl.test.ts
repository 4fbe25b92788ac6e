import { describe, expect, it } from 'vitest'
import { BrokerResponseError } from '../../src/remoting/broker-error.js'
import { calculateSignature, signExtFields, signedContent } from '../../src/remoting/acl.js'

/**
 * Vectors printed by the real org.apache.rocketmq.acl.common.AclClientRPCHook of rocketmq-client 5.5.0
 * (doBeforeRequest on a RemotingCommand with these extFields and body), run on this machine.
 */
describe('ACL request signing (AclClientRPCHook)', () => {
  it('signs a route request as the Java client does (no body)', () => {
    const signed = signExtFields({ topic: 'TopicTest', acceptStandardJsonOnly: 'true' }, undefined, { accessKey: 'RocketMQ', secretKey: '12345678' })
    expect(signed).toEqual({ topic: 'TopicTest', acceptStandardJsonOnly: 'true', AccessKey: 'RocketMQ', Signature: 'ZdiR1korMntc8xLq4+f2OdEHGQM=' })
    expect(signedContent({ topic: 'TopicTest', acceptStandardJsonOnly: 'true', AccessKey: 'RocketMQ' }).toString()).toBe('RocketMQtrueTopicTest')
  })

  it('appends the body after the sorted values', () => {
    const signed = signExtFields({ a: 'G', b: 'TopicTest', bname: 'broker-a' }, Buffer.from('hello'), { accessKey: 'RocketMQ', secretKey: '12345678' })
    expect(signed['Signature']).toBe('tz7AtrYtZLnbW48atSAtnEUOXT4=')
  })

  it('sorts by UTF-16 code units, signs the token, UTF-8 values and secret, and binary bodies', () => {
    const signed = signExtFields(
      { topic: 'Tøpic', Zeta: 'Z', alpha: 'é中', _x: 'u' },
      Buffer.from([0, 255, 10]),
      { accessKey: 'alice', secretKey: 's3crét-ü', securityToken: 'tok' },
    )
    expect(signed['SecurityToken']).toBe('tok')
    expect(signed['Signature']).toBe('qgvTQcMPtb7+Q4N0OHfGG7d6Sd8=')
  })

  it('replaces a stale Signature and leaves the input untouched', () => {
    const input = { topic: 'T', Signature: 'old' }
    const signed = signExtFields(input, undefined, { accessKey: 'ak', secretKey: 'sk' })
    expect(input).toEqual({ topic: 'T', Signature: 'old' })
    expect(signed['Signature']).toBe(calculateSignature(Buffer.from('akT'), 'sk'))
  })
})

describe('ACL refusals become typed, non-retriable errors', () => {
  it('maps a missing permission (ACL 2.0, code 16) to ERR_FORBIDDEN naming the topic', () => {
    const e = new BrokerResponseError(16, 'User:bob has no permission to access Topic:Orders from 127.0.0.1, no matched policies.', {
      address: '127.0.0.1:10911',
      requestCode: 34,
    })
    expect(e.code).toBe('ERR_FORBIDDEN')
    expect(e.retriable).toBe(false)
    expect(e.context).toMatchObject({ topic: 'Orders', resource: 'Topic:Orders', subject: 'User:bob', responseCode: 16 })
    expect(e.message).toContain('HEART_BEAT (34) to 127.0.0.1:10911 refused: User:bob has no permission on Topic:Orders')
    expect(e.message).toContain('createAcl')
  })

  it('maps a denied group to ERR_FORBIDDEN naming the group', () => {
    const e = new BrokerResponseError(16, 'User:bob has no permission to access Group:G1 from 10.0.0.2, the decision is deny.', {})
    expect(e.code).toBe('ERR_FORBIDDEN')
    expect(e.context).toMatchObject({ group: 'G1', resource: 'Group:G1' })
  })

  it.each([
    [16, 'check signature failed.'],
    [16, 'User:alice is not found.'],
    [16, 'username cannot be null.'],
    [16, 'User:alice is disabled.'],
    [1, 'org.apache.rocketmq.acl.common.AclException: Check signature failed for accessKey=rocketmq2, at ...'],
  ])('maps authentication failure %i "%s" to ERR_AUTH', (code, remark) => {
    const e = new BrokerResponseError(code, remark, { requestCode: 11 })
    expect(e.code).toBe('ERR_AUTH')
    expect(e.retriable).toBe(false)
    expect(e.message).toContain('PULL_MESSAGE (11)')
    expect(e.message).toContain('credentials.secretKey')
  })

  it('leaves other broker errors alone', () => {
    const e = new BrokerResponseError(1, 'no consumer for this group', {})
    expect(e.code).toBe('ERR_BROKER')
  })
})
