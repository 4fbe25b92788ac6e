/**
 * POP wire values against golden bytes written by the Java 5.5.0 classes themselves (rocketmq-remoting-5.5.0.jar,
 * rocketmq-common-5.5.0.jar: ExtraInfoUtil.buildExtraInfo, BatchAckMessageRequestBody / QueryAssignmentRequestBody /
 * SetMessageRequestModeRequestBody .encode(), QueryAssignmentResponseBody.encode()), and the POP answer decoding
 * (receipts built from the answer's offset infos, as MQClientAPIImpl.processPopResponse does) against a scripted broker.
 */
import { describe, expect, it } from 'vitest'
import {
  bitSetBase64,
  decodeQueryAssignment,
  encodeBatchAck,
  encodeQueryAssignment,
  encodeSetMessageRequestMode,
  formatPopReceipt,
  parsePopOffsetInfo,
  parsePopReceipt,
  popRealTopic,
  popRetryFlag,
  type PopReceipt,
} from '../../src/protocol/pop.js'
import { ackMessage, changeInvisibleTime, popMessage } from '../../src/cluster/pop-api.js'
import { encodeStoreMessage } from '../../src/protocol/message-encoder.js'
import type { Invoker } from '../../src/cluster/broker-api.js'
import type { RemotingCommand } from '../../src/remoting/command.js'
import { RequestCode } from '../../src/remoting/codes.js'

const receipt: PopReceipt = { ckQueueOffset: 100, popTime: 1764670000000, invisibleTime: 60000, reviveQid: 3, retryFlag: '1', brokerName: 'broker-a', queueId: 0, queueOffset: 105 }

describe('POP receipt (POP_CK)', () => {
  it('formats as Java ExtraInfoUtil.buildExtraInfo(100, popTime, 60000, 3, "%RETRY%g_T", "broker-a", 0, 105)', () => {
    expect(formatPopReceipt(receipt)).toBe('100 1764670000000 60000 3 1 broker-a 0 105')
    expect(parsePopReceipt('100 1764670000000 60000 3 1 broker-a 0 105')).toEqual(receipt)
  })

  it('refuses what is not a receipt', () => {
    expect(() => parsePopReceipt('1 2 3')).toThrow(/8/)
    expect(() => parsePopReceipt('100 x 60000 3 0 broker-a 0 105')).toThrow(/integer/)
    expect(() => parsePopReceipt('100 1 60000 3 7 broker-a 0 105')).toThrow(/retry flag/)
  })

  it('knows the retry topics (KeyBuilder V1 "_" and V2 "+")', () => {
    expect(popRetryFlag('T')).toBe('0')
    expect(popRetryFlag('%RETRY%g_T')).toBe('1')
    expect(popRetryFlag('%RETRY%g+T')).toBe('2')
    expect(popRealTopic('T', 'g', '0')).toBe('T')
    expect(popRealTopic('T', 'g', '1')).toBe('%RETRY%g_T')
    expect(popRealTopic('T', 'g', '2')).toBe('%RETRY%g+T')
  })

  it('parses offset infos keyed flag@queueId', () => {
    expect(parsePopOffsetInfo('0 3 100;1 0 57')).toEqual(
      new Map([
        ['0@3', [100]],
        ['1@0', [57]],
      ]),
    )
    expect(parsePopOffsetInfo('0 3 100,101,105')).toEqual(new Map([['0@3', [100, 101, 105]]]))
    expect(parsePopOffsetInfo(undefined).size).toBe(0)
    expect(() => parsePopOffsetInfo('0 3')).toThrow()
    expect(() => parsePopOffsetInfo('0 3 1;0 3 2')).toThrow(/Duplicate/)
  })
})

describe('POP bodies', () => {
  it('BATCH_ACK body is byte-identical to Java BatchAckMessageRequestBody.encode() (bits {0, 1, 9, 31})', () => {
    expect(bitSetBase64([0, 1, 9, 31])).toBe('AwIAgA==')
    expect(bitSetBase64([])).toBe('')
    const base = { ckQueueOffset: 100, popTime: 1764670000000, invisibleTime: 60000, reviveQid: 3, retryFlag: '0' as const, brokerName: 'broker-a', queueId: 2 }
    const body = encodeBatchAck('g', 'T', [0, 1, 9, 31].map((d) => ({ ...base, queueOffset: 100 + d })))
    expect(body.toString('utf8')).toBe('{"acks":[{"b":"AwIAgA==","c":"g","it":60000,"pt":1764670000000,"q":2,"r":"0","rq":3,"so":100,"t":"T"}],"brokerName":"broker-a"}')
  })

  it('BATCH_ACK groups receipts by retry flag, queue, checkpoint and pop time, and refuses two brokers', () => {
    const a = { ...receipt, retryFlag: '0' as const }
    const body = JSON.parse(encodeBatchAck('g', 'T', [a, { ...a, queueOffset: 101 }, { ...a, queueId: 1 }, { ...a, popTime: 1 }]).toString()) as { acks: unknown[] }
    expect(body.acks).toHaveLength(3)
    expect(() => encodeBatchAck('g', 'T', [a, { ...a, brokerName: 'broker-b' }])).toThrow(/one broker/)
  })

  it('QUERY_ASSIGNMENT and SET_MESSAGE_REQUEST_MODE bodies are byte-identical to Java', () => {
    expect(encodeQueryAssignment({ topic: 'T', group: 'g', clientId: '1.2.3.4@x', strategyName: 'AVG', messageModel: 'CLUSTERING' }).toString()).toBe(
      '{"clientId":"1.2.3.4@x","consumerGroup":"g","messageModel":"CLUSTERING","strategyName":"AVG","topic":"T"}',
    )
    expect(encodeSetMessageRequestMode({ topic: 'T', group: 'g', mode: 'POP', popShareQueueNum: 0 }).toString()).toBe('{"consumerGroup":"g","mode":"POP","popShareQueueNum":0,"topic":"T"}')
  })

  it('decodes Java QueryAssignmentResponseBody.encode(); a null set is "no answer", not "nothing"', () => {
    const java = Buffer.from('{"messageQueueAssignments":[{"messageQueue":{"brokerName":"broker-a","queueId":-1,"topic":"T"},"mode":"POP"}]}')
    expect(decodeQueryAssignment(java)).toEqual([{ queue: { topic: 'T', brokerName: 'broker-a', queueId: -1 }, mode: 'POP' }])
    expect(decodeQueryAssignment(Buffer.from('{}'))).toBeUndefined()
    expect(decodeQueryAssignment(Buffer.from('{"messageQueueAssignments":[]}'))).toEqual([])
    expect(() => decodeQueryAssignment(Buffer.from('{"messageQueueAssignments":[{"mode":"POP"}]}'))).toThrow(/without a queue/)
  })
})

/** An invoker that answers each request with `answer(code, ext)` and records what it was sent. */
function scripted(answer: (code: number, ext: Record<string, string>) => Partial<RemotingCommand>) {
  const sent: Array<{ code: number; ext: Record<string, string>; body?: Buffer }> = []
  const invoker: Invoker = {
    invoke: async (_address, code, ext = {}, body) => {
      sent.push({ code, ext, body })
      return { code: 0, language: 'JAVA', version: 0, opaque: 0, flag: 1, ...answer(code, ext) }
    },
    invokeOneway: async () => undefined,
  }
  return { invoker, sent }
}

describe('POP requests', () => {
  it('POP_MESSAGE: receipts from startOffsetInfo; retried messages get the subscribed topic back', async () => {
    const body = Buffer.concat([
      encodeStoreMessage({ topic: 'T', body: 'a', queueId: 2, queueOffset: 10 }),
      encodeStoreMessage({ topic: 'T', body: 'b', queueId: 2, queueOffset: 12 }),
      encodeStoreMessage({ topic: '%RETRY%g_T', body: 'c', queueId: 0, queueOffset: 7, reconsumeTimes: 1 }),
    ])
    const { invoker, sent } = scripted(() => ({
      extFields: { popTime: '1764670000000', invisibleTime: '60000', reviveQid: '5', restNum: '4', startOffsetInfo: '0 2 10;1 0 7', msgOffsetInfo: '0 2 10,12;1 0 7' },
      body,
    }))
    const r = await popMessage(
      invoker,
      'b:1',
      { group: 'g', topic: 'T', brokerName: 'broker-a', queueId: -1, maxMsgNums: 32, invisibleTime: 60000, pollTime: 15000, initMode: 1, expressionType: 'TAG', expression: '*' },
      { timeoutMs: 1000 },
    )
    expect(sent[0]!.code).toBe(RequestCode.POP_MESSAGE)
    expect(sent[0]!.ext).toMatchObject({ consumerGroup: 'g', topic: 'T', queueId: '-1', maxMsgNums: '32', invisibleTime: '60000', pollTime: '15000', initMode: '1', expType: 'TAG', exp: '*', order: 'false', bname: 'broker-a' })
    expect(Math.abs(Number(sent[0]!.ext.bornTime) - Date.now())).toBeLessThan(5000)
    expect(r.status).toBe('FOUND')
    expect(r.restNum).toBe(4)
    expect(r.messages.map((m) => m.getProperty('POP_CK'))).toEqual([
      '10 1764670000000 60000 5 0 broker-a 2 10',
      '10 1764670000000 60000 5 0 broker-a 2 12',
      '7 1764670000000 60000 5 1 broker-a 0 7',
    ])
    expect(r.messages.map((m) => m.topic)).toEqual(['T', 'T', 'T'])
    expect(r.messages[2]!.reconsumeTimes).toBe(1)
    expect(r.messages[0]!.getProperty('1ST_POP_TIME')).toBe('1764670000000')
  })

  it('POP_MESSAGE: a retried message comes rewritten to the subscribed topic with the broker\'s own POP_CK, which is kept', async () => {
    // What the 5.5.0 broker sends for a message read from %RETRY%g_T (PopMessageProcessor recodes it).
    const body = encodeStoreMessage({ topic: 'T', body: 'r', queueId: 0, queueOffset: 3, reconsumeTimes: 1, properties: { POP_CK: '3 1764670000000 60000 5 1 broker-a 0 3' } })
    const { invoker } = scripted(() => ({ extFields: { popTime: '1764670000000', invisibleTime: '60000', reviveQid: '5', restNum: '0', startOffsetInfo: '1 0 3', msgOffsetInfo: '1 0 3' }, body }))
    const r = await popMessage(
      invoker,
      'b:1',
      { group: 'g', topic: 'T', brokerName: 'broker-a', queueId: -1, maxMsgNums: 32, invisibleTime: 60000, pollTime: 15000, initMode: 1, expressionType: 'TAG', expression: '*' },
      { timeoutMs: 1000 },
    )
    expect(r.receipts).toEqual([{ ckQueueOffset: 3, popTime: 1764670000000, invisibleTime: 60000, reviveQid: 5, retryFlag: '1', brokerName: 'broker-a', queueId: 0, queueOffset: 3 }])
    expect(r.messages[0]!.topic).toBe('T')
  })

  it('POP_MESSAGE: POLLING_TIMEOUT / PULL_NOT_FOUND are "nothing", POLLING_FULL is its own status, others throw', async () => {
    const h = { group: 'g', topic: 'T', brokerName: 'broker-a', queueId: 0, maxMsgNums: 1, invisibleTime: 60000, pollTime: 1000, initMode: 1 as const, expressionType: 'TAG' as const, expression: '*' }
    for (const [code, status] of [
      [210, 'NO_NEW_MSG'],
      [19, 'NO_NEW_MSG'],
      [209, 'POLLING_FULL'],
    ] as const) {
      const { invoker } = scripted(() => ({ code }))
      expect((await popMessage(invoker, 'b:1', h, { timeoutMs: 1000 })).status).toBe(status)
    }
    const { invoker } = scripted(() => ({ code: 17, remark: 'topic[T] not exist' }))
    await expect(popMessage(invoker, 'b:1', h, { timeoutMs: 1000 })).rejects.toMatchObject({ code: 'ERR_TOPIC_NOT_FOUND' })
  })

  it('ACK_MESSAGE goes to the real (retry) topic; CHANGE_MESSAGE_INVISIBLETIME returns the new receipt', async () => {
    const { invoker, sent } = scripted((code) => (code === RequestCode.CHANGE_MESSAGE_INVISIBLETIME ? { extFields: { popTime: '1764670009999', invisibleTime: '30000', reviveQid: '2' } } : {}))
    expect(await ackMessage(invoker, 'b:1', 'g', 'T', receipt)).toBe(true)
    expect(sent[0]!.ext).toEqual({ consumerGroup: 'g', topic: '%RETRY%g_T', queueId: '0', extraInfo: '100 1764670000000 60000 3 1 broker-a 0 105', offset: '105', bname: 'broker-a' })
    const next = await changeInvisibleTime(invoker, 'b:1', 'g', 'T', receipt, 30000)
    expect(sent[1]!.ext).toMatchObject({ topic: '%RETRY%g_T', invisibleTime: '30000', offset: '105' })
    expect(formatPopReceipt(next!)).toBe('105 1764670009999 30000 2 1 broker-a 0 105')
    const gone = scripted(() => ({ code: 208 }))
    expect(await ackMessage(gone.invoker, 'b:1', 'g', 'T', receipt)).toBe(false)
    expect(await changeInvisibleTime(gone.invoker, 'b:1', 'g', 'T', receipt, 1000)).toBeUndefined()
  })
})
