import { describe, expect, it } from 'vitest'
import {
  compareMessageQueues,
  mqKey,
  parseTopicRoute,
  publishQueues,
  subscribeQueues,
  type MessageQueue,
} from '../../src/protocol/route.js'

/** Standard JSON as a 4.9.4+/5.x NameServer sends it with acceptStandardJsonOnly. */
const STANDARD = JSON.stringify({
  brokerDatas: [
    { brokerAddrs: { '0': '10.0.0.2:10911', '1': '10.0.0.3:10911' }, brokerName: 'broker-b', cluster: 'C', enableActingMaster: false },
    { brokerAddrs: { '0': '10.0.0.1:10911' }, brokerName: 'broker-a', cluster: 'C', zoneName: 'z1' },
  ],
  filterServerTable: {},
  queueDatas: [
    { brokerName: 'broker-b', perm: 6, readQueueNums: 2, topicSysFlag: 0, writeQueueNums: 2 },
    { brokerName: 'broker-a', perm: 6, readQueueNums: 3, topicSysFlag: 1, writeQueueNums: 2 },
  ],
})

/** fastjson default dialect from a pre-4.9 NameServer: unquoted numeric keys and topicSynFlag. */
const LEGACY =
  '{"brokerDatas":[{"brokerAddrs":{0:"10.0.0.1:10911",1:"10.0.0.4:10911"},"brokerName":"broker-a","cluster":"DefaultCluster"}],' +
  '"filterServerTable":{},"queueDatas":[{"brokerName":"broker-a","perm":6,"readQueueNums":4,"topicSynFlag":3,"writeQueueNums":4}]}'

describe('parseTopicRoute', () => {
  it('standard JSON', () => {
    const r = parseTopicRoute(Buffer.from(STANDARD))
    expect(r.brokerDatas[0]!.brokerAddrs).toEqual(new Map([[0, '10.0.0.2:10911'], [1, '10.0.0.3:10911']]))
    expect(r.brokerDatas[0]!.enableActingMaster).toBe(false)
    expect(r.brokerDatas[1]!.zoneName).toBe('z1')
    expect(r.queueDatas[1]).toEqual({ brokerName: 'broker-a', perm: 6, readQueueNums: 3, writeQueueNums: 2, topicSysFlag: 1 })
    expect(r.orderTopicConf).toBeUndefined()
  })

  it('unquoted numeric keys and topicSynFlag', () => {
    const r = parseTopicRoute(LEGACY)
    expect(r.brokerDatas).toHaveLength(1)
    expect(r.brokerDatas[0]!.cluster).toBe('DefaultCluster')
    expect(r.brokerDatas[0]!.brokerAddrs.get(0)).toBe('10.0.0.1:10911')
    expect(r.brokerDatas[0]!.brokerAddrs.get(1)).toBe('10.0.0.4:10911')
    expect(r.queueDatas[0]!.topicSysFlag).toBe(3)
  })

  it('non-ASCII escaped by BrowserCompatible', () => {
    const r = parseTopicRoute('{"brokerDatas":[{"brokerAddrs":{"0":"1.1.1.1:1"},"brokerName":"\\u8BA2\\u5355","cluster":"c"}],"queueDatas":[]}')
    expect(r.brokerDatas[0]!.brokerName).toBe('订单')
  })

  it.each(['not json', '[]', '{"queueDatas":[{"brokerName":1}]}', '{"brokerDatas":[{"brokerName":"a","brokerAddrs":{"x":"1"}}]}'])(
    'rejects %j with ERR_MALFORMED_RESPONSE',
    (s) => {
      expect(() => parseTopicRoute(s)).toThrowError(expect.objectContaining({ code: 'ERR_MALFORMED_RESPONSE' }))
    },
  )
})

describe('queues from a route', () => {
  it('subscribeQueues: readable QueueData, 0..readQueueNums-1, sorted', () => {
    const r = parseTopicRoute(STANDARD)
    expect(subscribeQueues('T', r).map(mqKey)).toEqual(['T@broker-a@0', 'T@broker-a@1', 'T@broker-a@2', 'T@broker-b@0', 'T@broker-b@1'])
    r.queueDatas[0]!.perm = 2 // write-only broker-b
    expect(subscribeQueues('T', r).map((q) => q.brokerName)).toEqual(['broker-a', 'broker-a', 'broker-a'])
  })

  it('publishQueues: sorted by brokerName, writable, with a master', () => {
    const r = parseTopicRoute(STANDARD)
    expect(publishQueues('T', r).map(mqKey)).toEqual(['T@broker-a@0', 'T@broker-a@1', 'T@broker-b@0', 'T@broker-b@1'])
    r.brokerDatas[1]!.brokerAddrs.delete(0) // broker-a lost its master
    expect(publishQueues('T', r).map(mqKey)).toEqual(['T@broker-b@0', 'T@broker-b@1'])
    r.queueDatas[0]!.perm = 4 // broker-b read-only
    expect(publishQueues('T', r)).toEqual([])
  })

  it('publishQueues: orderTopicConf wins', () => {
    const r = parseTopicRoute(JSON.stringify({ ...JSON.parse(STANDARD), orderTopicConf: 'broker-b:2;broker-a:1' }))
    expect(r.orderTopicConf).toBe('broker-b:2;broker-a:1')
    expect(publishQueues('T', r).map(mqKey)).toEqual(['T@broker-b@0', 'T@broker-b@1', 'T@broker-a@0'])
  })

  it('compareMessageQueues is Java order: topic, brokerName, queueId (numeric)', () => {
    const qs: MessageQueue[] = [
      { topic: 'b', brokerName: 'a', queueId: 0 },
      { topic: 'a', brokerName: 'b', queueId: 10 },
      { topic: 'a', brokerName: 'b', queueId: 2 },
      { topic: 'a', brokerName: 'B', queueId: 5 },
      { topic: '%RETRY%g', brokerName: 'a', queueId: 0 },
    ]
    expect(qs.sort(compareMessageQueues).map(mqKey)).toEqual(['%RETRY%g@a@0', 'a@B@5', 'a@b@2', 'a@b@10', 'b@a@0'])
  })
})
