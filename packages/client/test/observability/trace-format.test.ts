/**
 * Message trace records against the Java client's TraceDataEncoder layout (apache/rocketmq
 * client/src/main/java/org/apache/rocketmq/client/trace/TraceDataEncoder.java): field order, CONTENT_SPLITOR U+0001
 * between fields, FIELD_SPLITOR U+0002 after each record, `null` for a missing tags/keys, and the keys a trace message
 * is indexed by. The expected strings are written out field by field as Java's StringBuilder chain appends them.
 */
import { describe, expect, it } from 'vitest'
import { CONTENT_SPLITOR, FIELD_SPLITOR, decodeTraceData, encodeTraceRecord, type TraceRecord } from '../../src/observability/trace-format.js'

const C = '\u0001'
const F = '\u0002'
const javaLine = (...fields: Array<string | number | boolean>) => fields.map(String).join(C) + F

describe('separators', () => {
  it('are the Java constants (char) 1 and (char) 2', () => {
    expect(CONTENT_SPLITOR.charCodeAt(0)).toBe(1)
    expect(FIELD_SPLITOR.charCodeAt(0)).toBe(2)
    expect(CONTENT_SPLITOR).toHaveLength(1)
    expect(FIELD_SPLITOR).toHaveLength(1)
  })
})

describe('encodeTraceRecord = TraceDataEncoder.encoderFromContextBean', () => {
  it('Pub: 14 fields in Java order, msgType ordinal, offsetMsgId, success', () => {
    const r: TraceRecord = {
      type: 'Pub',
      timestamp: 1764650000123,
      regionId: 'DefaultRegion',
      group: 'order_producer',
      costTime: 7,
      success: true,
      requestId: '',
      contextCode: 0,
      beans: [
        {
          topic: 'TopicOrderPaySuccess',
          msgId: '7F0000010A2B18B4AAC2720A5F3B0000',
          offsetMsgId: '7F00000100002A9F0000000000001A2B',
          tags: 'paid',
          keys: 'order-1 order-2',
          storeHost: '127.0.0.1:10911',
          bodyLength: 42,
          msgType: 0,
        },
      ],
    }
    const e = encodeTraceRecord(r)
    expect(e.data).toBe(
      javaLine(
        'Pub',
        1764650000123,
        'DefaultRegion',
        'order_producer',
        'TopicOrderPaySuccess',
        '7F0000010A2B18B4AAC2720A5F3B0000',
        'paid',
        'order-1 order-2',
        '127.0.0.1:10911',
        42,
        7,
        0,
        '7F00000100002A9F0000000000001A2B',
        true,
      ),
    )
    expect(e.data.split(C)).toHaveLength(14)
    // transKey: the msgId, then the keys split on ' '
    expect(e.keys).toEqual(['7F0000010A2B18B4AAC2720A5F3B0000', 'order-1', 'order-2'])
  })

  it('Pub without tags and keys writes "null" as Java does for null Strings; a delay message is ordinal 3', () => {
    const e = encodeTraceRecord({
      type: 'Pub',
      timestamp: 1,
      regionId: 'R',
      group: 'P',
      costTime: 0,
      success: false,
      requestId: '',
      contextCode: 0,
      beans: [{ topic: 'T', msgId: 'ID', offsetMsgId: 'OFF', storeHost: 'h:1', bodyLength: 0, msgType: 3 }],
    })
    expect(e.data).toBe(javaLine('Pub', 1, 'R', 'P', 'T', 'ID', 'null', 'null', 'h:1', 0, 0, 3, 'OFF', false))
    expect(e.keys).toEqual(['ID'])
  })

  it('SubBefore: one record per message, sharing timestamp, region, group and requestId', () => {
    const e = encodeTraceRecord({
      type: 'SubBefore',
      timestamp: 1764650000200,
      regionId: 'DefaultRegion',
      group: 'stock_consumer_group',
      costTime: 0,
      success: true,
      requestId: 'REQ1',
      contextCode: 0,
      beans: [
        { topic: 'T', msgId: 'A', keys: 'k1', retryTimes: 0 },
        { topic: 'T', msgId: 'B', retryTimes: 3 },
      ],
    })
    expect(e.data).toBe(
      javaLine('SubBefore', 1764650000200, 'DefaultRegion', 'stock_consumer_group', 'REQ1', 'A', 0, 'k1') +
        javaLine('SubBefore', 1764650000200, 'DefaultRegion', 'stock_consumer_group', 'REQ1', 'B', 3, 'null'),
    )
    expect(e.keys).toEqual(['A', 'k1', 'B'])
  })

  it('SubAfter: requestId, msgId, cost, success, keys, contextCode, then timestamp and group (non-cloud)', () => {
    const e = encodeTraceRecord({
      type: 'SubAfter',
      timestamp: 1764650000300,
      regionId: 'DefaultRegion',
      group: 'stock_consumer_group',
      costTime: 12,
      success: false,
      requestId: 'REQ1',
      contextCode: 2,
      beans: [{ topic: 'T', msgId: 'A', keys: 'k1' }],
    })
    expect(e.data).toBe(javaLine('SubAfter', 'REQ1', 'A', 12, false, 'k1', 2, 1764650000300, 'stock_consumer_group'))
    expect(e.data.split(C)).toHaveLength(9)
  })
})

describe('decodeTraceData = TraceDataEncoder.decoderFromTraceDataString', () => {
  it('reads back what the encoder writes (records concatenated in one body)', () => {
    const body =
      encodeTraceRecord({
        type: 'Pub',
        timestamp: 10,
        regionId: 'DefaultRegion',
        group: 'P',
        costTime: 3,
        success: true,
        requestId: '',
        contextCode: 0,
        beans: [{ topic: 'T', msgId: 'M', offsetMsgId: 'O', tags: 'x', keys: 'k', storeHost: 'b:1', bodyLength: 5, msgType: 0 }],
      }).data +
      encodeTraceRecord({ type: 'SubBefore', timestamp: 11, regionId: 'DefaultRegion', group: 'G', costTime: 0, success: true, requestId: 'Q', contextCode: 0, beans: [{ topic: 'T', msgId: 'M', retryTimes: 2 }] }).data +
      encodeTraceRecord({ type: 'SubAfter', timestamp: 12, regionId: 'DefaultRegion', group: 'G', costTime: 1, success: true, requestId: 'Q', contextCode: 0, beans: [{ topic: 'T', msgId: 'M' }] }).data
    expect(decodeTraceData(body)).toEqual([
      { type: 'Pub', timestamp: 10, regionId: 'DefaultRegion', group: 'P', topic: 'T', msgId: 'M', tags: 'x', keys: 'k', storeHost: 'b:1', bodyLength: 5, costTime: 3, msgType: 0, offsetMsgId: 'O', success: true },
      { type: 'SubBefore', timestamp: 11, regionId: 'DefaultRegion', group: 'G', requestId: 'Q', msgId: 'M', retryTimes: 2, keys: 'null' },
      { type: 'SubAfter', requestId: 'Q', msgId: 'M', costTime: 1, success: true, keys: 'null', contextCode: 0, timestamp: 12, group: 'G' },
    ])
  })

  it('reads the older layouts Java still accepts: a 13-field Pub (no offsetMsgId) and a 6-field SubAfter', () => {
    const body = javaLine('Pub', 1, 'R', 'P', 'T', 'M', 't', 'k', 'h', 1, 2, 0, 'true') + javaLine('SubAfter', 'Q', 'M', 4, 'false', 'k')
    expect(decodeTraceData(body)).toEqual([
      { type: 'Pub', timestamp: 1, regionId: 'R', group: 'P', topic: 'T', msgId: 'M', tags: 't', keys: 'k', storeHost: 'h', bodyLength: 1, costTime: 2, msgType: 0, success: true },
      { type: 'SubAfter', requestId: 'Q', msgId: 'M', costTime: 4, success: false, keys: 'k' },
    ])
  })

  it('skips record types this client does not write (EndTransaction, Recall)', () => {
    const body = javaLine('Recall', 1, 'R', 'P', 'T', 'M', true) + javaLine('SubAfter', 'Q', 'M', 4, true, 'k', 0, 5, 'G')
    expect(decodeTraceData(body).map((d) => d.type)).toEqual(['SubAfter'])
  })
})
