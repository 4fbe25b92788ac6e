import { describe, expect, it } from 'vitest'
import { unwrapQueue, unwrapView, withoutNamespace, wrapNamespace, wrapQueue } from '../../src/protocol/namespace.js'
import type { MessageView } from '../../src/protocol/message.js'

/** Printed by org.apache.rocketmq.remoting.protocol.NamespaceUtil of rocketmq-remoting 5.5.0 with namespace ns1. */
const JAVA: Array<[resource: string, wrapped: string, without: string]> = [
  ['T', 'ns1%T', 'T'],
  ['%RETRY%G', '%RETRY%ns1%G', '%RETRY%G'],
  ['%DLQ%G', '%DLQ%ns1%G', '%DLQ%G'],
  ['ns1%T', 'ns1%T', 'T'],
  ['%RETRY%ns1%G', '%RETRY%ns1%G', '%RETRY%G'],
  ['%DLQ%ns1%G', '%DLQ%ns1%G', '%DLQ%G'],
  ['RMQ_SYS_TRACE_TOPIC', 'RMQ_SYS_TRACE_TOPIC', 'RMQ_SYS_TRACE_TOPIC'],
  ['TBW102', 'TBW102', 'TBW102'],
  ['rmq_sys_x', 'rmq_sys_x', 'rmq_sys_x'],
  ['CID_RMQ_SYS_X', 'CID_RMQ_SYS_X', 'CID_RMQ_SYS_X'],
  ['SCHEDULE_TOPIC_XXXX', 'SCHEDULE_TOPIC_XXXX', 'SCHEDULE_TOPIC_XXXX'],
  ['ns2%T', 'ns1%ns2%T', 'ns2%T'],
  ['a|b', 'ns1%a|b', 'a|b'],
]

describe('namespace mapping (Java NamespaceUtil)', () => {
  it.each(JAVA)('%s -> %s, without -> %s', (resource, wrapped, without) => {
    expect(wrapNamespace('ns1', resource)).toBe(wrapped)
    expect(withoutNamespace('ns1', resource)).toBe(without)
  })

  it('no namespace changes nothing', () => {
    expect(wrapNamespace(undefined, 'T')).toBe('T')
    expect(withoutNamespace('', 'ns1%T')).toBe('ns1%T')
  })

  it('maps queues both ways', () => {
    const q = { topic: 'T', brokerName: 'broker-a', queueId: 3 }
    expect(wrapQueue('ns1', q)).toEqual({ topic: 'ns1%T', brokerName: 'broker-a', queueId: 3 })
    expect(unwrapQueue('ns1', wrapQueue('ns1', q))).toEqual(q)
  })

  it('hands the application a view with the plain topic and leaves the wire view alone', () => {
    class View {
      topic = 'ns1%Orders'
      queueOffset = 7
      get queue() {
        return { topic: this.topic, queueOffset: this.queueOffset }
      }
    }
    const wire = new View() as unknown as MessageView
    const app = unwrapView('ns1', wire)
    expect(app.topic).toBe('Orders')
    expect(app.queueOffset).toBe(7)
    expect((app as unknown as View).queue).toEqual({ topic: 'Orders', queueOffset: 7 })
    expect(wire.topic).toBe('ns1%Orders')
    expect(unwrapView(undefined, wire)).toBe(wire)
  })
})
