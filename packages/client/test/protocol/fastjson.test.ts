import { describe, expect, it } from 'vitest'
import {
  LenientMap,
  mapEntries,
  parseLenientJson,
  parseMessageQueueMap,
  stringifyLenientJson,
  stringifyMessageQueueMap,
} from '../../src/protocol/fastjson.js'

describe('parseLenientJson', () => {
  it('parses standard JSON like JSON.parse', () => {
    const samples = [
      '{"a":1,"b":[true,false,null],"c":{"d":"e\\u0001\\n\\"x\\""},"n":-1.5e3}',
      '[]',
      '{}',
      '"str"',
      '  42  ',
      '{"__proto__":{"polluted":true}}',
    ]
    for (const s of samples) expect(parseLenientJson(s)).toEqual(JSON.parse(s))
    const o = parseLenientJson('{"__proto__":{"polluted":true}}') as Record<string, unknown>
    expect(Object.getPrototypeOf(o)).toBe(Object.prototype)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('accepts unquoted numeric keys', () => {
    expect(parseLenientJson('{0:"10.0.0.1:10911",1:"10.0.0.2:10911"}')).toEqual({ '0': '10.0.0.1:10911', '1': '10.0.0.2:10911' })
    expect(parseLenientJson('{ -1 : "x" }')).toEqual({ '-1': 'x' })
  })

  it('returns a LenientMap for object keys (fastjson Map<MessageQueue, …>)', () => {
    const v = parseLenientJson(
      '{"offsetTable":{{"brokerName":"broker-a","queueId":0,"topic":"T"}:12,{"brokerName":"broker-a","queueId":1,"topic":"T"}:7}}',
    ) as { offsetTable: LenientMap }
    expect(v.offsetTable).toBeInstanceOf(LenientMap)
    expect(v.offsetTable.size).toBe(2)
    expect(v.offsetTable.entries).toEqual([
      [{ brokerName: 'broker-a', queueId: 0, topic: 'T' }, 12],
      [{ brokerName: 'broker-a', queueId: 1, topic: 'T' }, 7],
    ])
  })

  it('keys with nested braces inside strings and values (where string splitting fails)', () => {
    const v = parseLenientJson('{{"topic":"a},{b","brokerName":"x:y","queueId":3}:{"k":"},{"}}') as LenientMap
    expect(v.entries).toEqual([[{ topic: 'a},{b', brokerName: 'x:y', queueId: 3 }, { k: '},{' }]])
  })

  it('tolerates whitespace, trailing commas and single quotes', () => {
    expect(parseLenientJson(" { 'a' : [ 1 , 2 , ] , } ")).toEqual({ a: [1, 2] })
  })

  it.each(['{', '{"a"}', '{"a":}', '[1 2]', '"unterminated', 'tru', '{"a":1} x', '{"a":"\\q"}', ''])('rejects %j', (s) => {
    expect(() => parseLenientJson(s)).toThrowError(/Invalid JSON at \d+/)
  })

  it('bounds nesting depth', () => {
    expect(() => parseLenientJson('['.repeat(10000))).toThrowError(/nesting too deep/)
  })
})

describe('MessageQueue maps', () => {
  const mqs = [
    { topic: 'T', brokerName: 'broker-a', queueId: 0 },
    { topic: 'T', brokerName: 'broker-b', queueId: 1 },
  ]

  it('stringifyMessageQueueMap writes the fastjson dialect (alphabetical MessageQueue fields)', () => {
    const s = stringifyMessageQueueMap([
      [mqs[0]!, 12],
      [mqs[1]!, { commitOffset: 7, locked: false }],
    ])
    expect(s).toBe(
      '{{"brokerName":"broker-a","queueId":0,"topic":"T"}:12,{"brokerName":"broker-b","queueId":1,"topic":"T"}:{"commitOffset":7,"locked":false}}',
    )
    expect(parseMessageQueueMap(parseLenientJson(s))).toEqual([
      [mqs[0], 12],
      [mqs[1], { commitOffset: 7, locked: false }],
    ])
    expect(stringifyMessageQueueMap([])).toBe('{}')
  })

  it('parseMessageQueueMap accepts LenientMap, empty objects, gson-style arrays; drops non-queue keys', () => {
    expect(parseMessageQueueMap(parseLenientJson('{}'))).toEqual([])
    expect(parseMessageQueueMap(parseLenientJson('[[{"topic":"T","brokerName":"b","queueId":"2"},5]]'))).toEqual([
      [{ topic: 'T', brokerName: 'b', queueId: 2 }, 5],
    ])
    expect(parseMessageQueueMap(parseLenientJson('{{"x":1}:2}'))).toEqual([])
    expect(mapEntries({ a: 1 })).toEqual([['a', 1]])
  })

  it('stringifyLenientJson nests object-key maps (GET_CONSUMER_RUNNING_INFO body shape)', () => {
    const body = stringifyLenientJson({
      properties: { PROP_CONSUME_TYPE: 'CONSUME_PASSIVELY' },
      mqTable: new LenientMap([[mqs[0], { cachedMsgCount: 3 }]]),
      statusTable: new Map([['T', { pullTPS: 1.5 }]]),
      subscriptionSet: new Set([{ topic: 'T' }]),
      skipped: undefined,
      big: 12345678901234567890n,
    })
    expect(body).toBe(
      '{"properties":{"PROP_CONSUME_TYPE":"CONSUME_PASSIVELY"},' +
        '"mqTable":{{"brokerName":"broker-a","queueId":0,"topic":"T"}:{"cachedMsgCount":3}},' +
        '"statusTable":{"T":{"pullTPS":1.5}},"subscriptionSet":[{"topic":"T"}],"big":12345678901234567890}',
    )
    const back = parseLenientJson(body!) as { mqTable: LenientMap }
    expect(parseMessageQueueMap(back.mqTable)).toEqual([[mqs[0], { cachedMsgCount: 3 }]])
  })
})
