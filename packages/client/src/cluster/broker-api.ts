/**
 * Typed requests to brokers and NameServers (the Java MQClientAPIImpl): builds the custom headers, checks the
 * response code, and turns the answer into plain values. Stateless: addresses are chosen by the caller.
 *
 * Why one file over 400 lines: it is a flat list of one small function per request code (pull, offsets, heartbeat,
 * send, send-back, end-transaction, route), each read on its own; a split by family would only move imports around.
 */
import { RocketMQError, malformedResponse, type ErrorContext } from '../errors.js'
import { BrokerResponseError } from '../remoting/broker-error.js'
import { fromLegacyServer, type RemotingCommand } from '../remoting/command.js'
import { RequestCode, ResponseCode } from '../remoting/codes.js'
import { toExtFields } from '../remoting/codec.js'
import type { MessageQueue } from '../protocol/route.js'
import { decodeMessages, type MessageView } from '../protocol/message.js'
import { MAX_OFFSET, MAX_QUEUE_ID, wireInt } from '../protocol/wire-values.js'
import { hasStoredOffset, queryMark } from './legacy-offset.js'

export interface Invoker {
  invoke(
    address: string,
    code: number,
    extFields?: Record<string, string>,
    body?: Buffer,
    opts?: { timeoutMs?: number; signal?: AbortSignal },
  ): Promise<RemotingCommand>
  invokeOneway(address: string, code: number, extFields?: Record<string, string>, body?: Buffer): Promise<void>
}

export function ensureSuccess(res: RemotingCommand, context: ErrorContext, ok: readonly number[] = [ResponseCode.SUCCESS]): RemotingCommand {
  if (ok.includes(res.code)) return res
  throw new BrokerResponseError(res.code, res.remark, context)
}

/** A required numeric extField, range-checked: missing or out of range is ERR_MALFORMED_RESPONSE. */
function extNumber(res: RemotingCommand, key: string, context: ErrorContext | (() => ErrorContext), min = 0, max = MAX_OFFSET): number {
  const v = res.extFields?.[key]
  // Built only for an error: this runs three times per pull response.
  const full = (): ErrorContext => ({ ...(typeof context === 'function' ? context() : context), responseCode: res.code })
  if (v === undefined) throw malformedResponse(`Response without '${key}' (code ${res.code})`, full())
  return wireInt(v, min, max, key, full)
}

/** Largest broker id a pull response may suggest (ids are 0 for the master, small positive for slaves). */
const MAX_BROKER_ID = 2147483647

/**
 * A pull's outcome: `FOUND` (messages), `NO_NEW_MSG` (nothing after the offset), `NO_MATCHED_MSG` (nothing matched the
 * subscription), `OFFSET_ILLEGAL` (the offset is outside the queue; the consumer corrects it).
 */
export type PullStatus = 'FOUND' | 'NO_NEW_MSG' | 'NO_MATCHED_MSG' | 'OFFSET_ILLEGAL'

export interface PullResult {
  status: PullStatus
  nextBeginOffset: number
  minOffset: number
  maxOffset: number
  suggestWhichBrokerId: number
  messages: MessageView[]
  /** Bytes of the pull body (for flow control accounting). */
  bodyBytes: number
}

export const PullSysFlag = { COMMIT_OFFSET: 0x1, SUSPEND: 0x2, SUBSCRIPTION: 0x4, CLASS_FILTER: 0x8, LITE_PULL: 0x10 } as const

export interface PullRequestHeader {
  consumerGroup: string
  mq: MessageQueue
  queueOffset: number
  maxMsgNums: number
  sysFlag: number
  commitOffset: number
  suspendTimeoutMillis: number
  subscription?: string
  subVersion: number
  expressionType?: string
  maxMsgBytes?: number
}

const PULL_STATUS: Record<number, PullStatus> = {
  [ResponseCode.SUCCESS]: 'FOUND',
  [ResponseCode.PULL_NOT_FOUND]: 'NO_NEW_MSG',
  [ResponseCode.PULL_RETRY_IMMEDIATELY]: 'NO_MATCHED_MSG',
  [ResponseCode.PULL_OFFSET_MOVED]: 'OFFSET_ILLEGAL',
}

export async function pullMessage(
  invoker: Invoker,
  address: string,
  h: PullRequestHeader,
  opts: { timeoutMs: number; signal?: AbortSignal; maxMessageBytes?: number },
): Promise<PullResult> {
  const ext = toExtFields({
    consumerGroup: h.consumerGroup,
    topic: h.mq.topic,
    queueId: h.mq.queueId,
    queueOffset: h.queueOffset,
    maxMsgNums: h.maxMsgNums,
    sysFlag: h.sysFlag,
    commitOffset: h.commitOffset,
    suspendTimeoutMillis: h.suspendTimeoutMillis,
    subscription: h.subscription,
    subVersion: h.subVersion,
    expressionType: h.expressionType ?? 'TAG',
    maxMsgBytes: h.maxMsgBytes,
    bname: h.mq.brokerName,
  })
  const res = await invoker.invoke(address, RequestCode.PULL_MESSAGE, ext, undefined, opts)
  const status = PULL_STATUS[res.code]
  const context = { address, broker: h.mq.brokerName, topic: h.mq.topic, queueId: h.mq.queueId, group: h.consumerGroup }
  if (status === undefined) throw new BrokerResponseError(res.code, res.remark, { ...context, requestCode: RequestCode.PULL_MESSAGE })
  const body = res.body
  // Every number is checked here, where it is parsed: a NaN offset would make the consumer pull the same
  // messages again forever, a bad broker id would spin the pull loop. Java requires all four (@CFNotNull).
  const rc = (): ErrorContext => ({ ...context, requestCode: RequestCode.PULL_MESSAGE, pullOffset: h.queueOffset })
  const nextBeginOffset = extNumber(res, 'nextBeginOffset', rc)
  const minOffset = extNumber(res, 'minOffset', rc)
  const maxOffset = extNumber(res, 'maxOffset', rc)
  const suggestWhichBrokerId = res.extFields?.suggestWhichBrokerId === undefined ? 0 : extNumber(res, 'suggestWhichBrokerId', rc, 0, MAX_BROKER_ID)
  if (minOffset > maxOffset) throw malformedResponse(`pull response has minOffset ${minOffset} > maxOffset ${maxOffset}`, rc())
  if (status === 'FOUND' && nextBeginOffset <= h.queueOffset) {
    throw malformedResponse(`pull response FOUND with nextBeginOffset ${nextBeginOffset} not after the pulled offset ${h.queueOffset}`, rc())
  }
  let messages: MessageView[] = []
  if (status === 'FOUND' && body && body.length > 0) {
    try {
      messages = decodeMessages(body, opts.maxMessageBytes === undefined ? { brokerName: h.mq.brokerName } : { brokerName: h.mq.brokerName, maxMessageBytes: opts.maxMessageBytes })
    } catch (e) {
      if (!(e instanceof RocketMQError)) throw e
      // Name the queue and the offset (of the bad record when it was readable, else the pulled one).
      throw new RocketMQError(e.code, `${e.message} (pull of ${h.mq.topic} ${h.mq.brokerName}/${h.mq.queueId} at offset ${h.queueOffset})`, {
        retriable: e.retriable,
        cause: e.cause,
        context: { ...context, pullOffset: h.queueOffset, nextBeginOffset, ...e.context, offset: e.context.offset ?? h.queueOffset },
      })
    }
  }
  return { status, nextBeginOffset, minOffset, maxOffset, suggestWhichBrokerId, messages, bodyBytes: body?.length ?? 0 }
}

const mqHeader = (mq: MessageQueue) => ({ topic: mq.topic, queueId: mq.queueId, bname: mq.brokerName })

/**
 * Returns the committed offset, or -1 when the broker has none for this group (QUERY_NOT_FOUND). A 4.x broker's 0 is
 * checked against its offset table (it answers 0 instead of QUERY_NOT_FOUND for a young queue: legacy-offset.ts).
 */
export async function queryConsumerOffset(invoker: Invoker, address: string, group: string, mq: MessageQueue, timeoutMs = 5000): Promise<number> {
  const asked = queryMark()
  const res = await invoker.invoke(address, RequestCode.QUERY_CONSUMER_OFFSET, toExtFields({ consumerGroup: group, ...mqHeader(mq), setZeroIfNotFound: false }), undefined, { timeoutMs })
  const context = { address, broker: mq.brokerName, topic: mq.topic, queueId: mq.queueId, group, requestCode: RequestCode.QUERY_CONSUMER_OFFSET }
  if (res.code === ResponseCode.QUERY_NOT_FOUND) return -1
  ensureSuccess(res, context)
  const offset = extNumber(res, 'offset', context, -1)
  if (offset === 0 && fromLegacyServer(res)) {
    // Where the table cannot be read (an ACL without admin rights), the broker's 0 stands, as for the Java 4.x client.
    const stored = await hasStoredOffset((...a) => invoker.invoke(...a), address, group, mq, timeoutMs, asked).catch(() => true)
    if (!stored) return -1
  }
  return offset
}

export async function updateConsumerOffset(
  invoker: Invoker,
  address: string,
  group: string,
  mq: MessageQueue,
  offset: number,
  opts: { oneway?: boolean; timeoutMs?: number } = {},
): Promise<void> {
  const ext = toExtFields({ consumerGroup: group, ...mqHeader(mq), commitOffset: offset })
  if (opts.oneway) return invoker.invokeOneway(address, RequestCode.UPDATE_CONSUMER_OFFSET, ext)
  const res = await invoker.invoke(address, RequestCode.UPDATE_CONSUMER_OFFSET, ext, undefined, { timeoutMs: opts.timeoutMs ?? 5000 })
  ensureSuccess(res, { address, broker: mq.brokerName, topic: mq.topic, queueId: mq.queueId, group, requestCode: RequestCode.UPDATE_CONSUMER_OFFSET })
}

async function offsetRequest(invoker: Invoker, address: string, code: number, mq: MessageQueue, extra: Record<string, string | number | boolean | undefined>, timeoutMs: number): Promise<number> {
  const res = await invoker.invoke(address, code, toExtFields({ ...mqHeader(mq), ...extra }), undefined, { timeoutMs })
  const context = { address, broker: mq.brokerName, topic: mq.topic, queueId: mq.queueId, requestCode: code }
  ensureSuccess(res, context)
  return extNumber(res, 'offset', context)
}

/** The offset the next message of the queue will get. */
export const getMaxOffset = (invoker: Invoker, address: string, mq: MessageQueue, timeoutMs = 6000) =>
  offsetRequest(invoker, address, RequestCode.GET_MAX_OFFSET, mq, { committed: true }, timeoutMs)

export const getMinOffset = (invoker: Invoker, address: string, mq: MessageQueue, timeoutMs = 6000) =>
  offsetRequest(invoker, address, RequestCode.GET_MIN_OFFSET, mq, {}, timeoutMs)

/**
 * SEARCH_OFFSET_BY_TIMESTAMP as the broker answers it, with the version the broker announces on its response. A 5.x
 * broker answers the first offset whose store time is at or after `timestamp` (boundary LOWER); a 4.x broker has no
 * boundary and answers the offset of the message stored nearest to the time (before or after it): use
 * `offsetAtOrAfter` (cluster/offset-by-time.ts), which corrects that.
 */
export async function searchOffsetByTimestampAnswer(
  invoker: Invoker,
  address: string,
  mq: MessageQueue,
  timestamp: number,
  timeoutMs = 6000,
): Promise<{ offset: number; brokerVersion: number }> {
  const code = RequestCode.SEARCH_OFFSET_BY_TIMESTAMP
  const res = await invoker.invoke(address, code, toExtFields({ ...mqHeader(mq), timestamp, boundaryType: 'LOWER' }), undefined, { timeoutMs })
  const context = { address, broker: mq.brokerName, topic: mq.topic, queueId: mq.queueId, requestCode: code }
  ensureSuccess(res, context)
  return { offset: extNumber(res, 'offset', context), brokerVersion: res.version }
}

export async function getConsumerIdList(invoker: Invoker, address: string, group: string, timeoutMs = 3000): Promise<string[]> {
  const res = await invoker.invoke(address, RequestCode.GET_CONSUMER_LIST_BY_GROUP, { consumerGroup: group }, undefined, { timeoutMs })
  // SYSTEM_ERROR "no consumer for this group" when the broker has no member registered yet.
  if (res.code === ResponseCode.SYSTEM_ERROR && /no consumer/i.test(res.remark ?? '')) return []
  ensureSuccess(res, { address, group, requestCode: RequestCode.GET_CONSUMER_LIST_BY_GROUP })
  if (!res.body || res.body.length === 0) return []
  const context = { address, group, requestCode: RequestCode.GET_CONSUMER_LIST_BY_GROUP }
  let parsed: unknown
  try {
    parsed = JSON.parse(res.body.toString('utf8'))
  } catch (e) {
    throw malformedResponse(`consumer list is not JSON: ${e instanceof Error ? e.message : String(e)}`, context)
  }
  const list = parsed !== null && typeof parsed === 'object' ? (parsed as { consumerIdList?: unknown }).consumerIdList : undefined
  if (list === undefined || list === null) return []
  if (!Array.isArray(list) || list.some((x) => typeof x !== 'string')) throw malformedResponse('consumerIdList is not a list of strings', context)
  return list as string[]
}

export async function sendHeartbeat(invoker: Invoker, address: string, body: Buffer, timeoutMs = 3000): Promise<RemotingCommand> {
  const res = await invoker.invoke(address, RequestCode.HEART_BEAT, {}, body, { timeoutMs })
  return ensureSuccess(res, { address, requestCode: RequestCode.HEART_BEAT })
}

export async function unregisterClient(
  invoker: Invoker,
  address: string,
  clientId: string,
  groups: { producerGroup?: string; consumerGroup?: string },
  timeoutMs = 3000,
): Promise<void> {
  const res = await invoker.invoke(address, RequestCode.UNREGISTER_CLIENT, toExtFields({ clientID: clientId, ...groups }), undefined, { timeoutMs })
  ensureSuccess(res, { address, requestCode: RequestCode.UNREGISTER_CLIENT, ...groups })
}

export interface SendBackRequest {
  group: string
  commitLogOffset: number
  delayLevel: number
  originMsgId: string
  originTopic: string
  maxReconsumeTimes: number
  brokerName: string
}

export async function consumerSendMessageBack(invoker: Invoker, address: string, r: SendBackRequest, timeoutMs = 5000): Promise<void> {
  const ext = toExtFields({
    offset: r.commitLogOffset,
    group: r.group,
    delayLevel: r.delayLevel,
    originMsgId: r.originMsgId,
    originTopic: r.originTopic,
    unitMode: false,
    maxReconsumeTimes: r.maxReconsumeTimes,
    bname: r.brokerName,
  })
  const res = await invoker.invoke(address, RequestCode.CONSUMER_SEND_MSG_BACK, ext, undefined, { timeoutMs })
  ensureSuccess(res, { address, broker: r.brokerName, topic: r.originTopic, group: r.group, requestCode: RequestCode.CONSUMER_SEND_MSG_BACK })
}

export interface SendMessageHeader {
  producerGroup: string
  topic: string
  queueId: number
  sysFlag: number
  bornTimestamp: number
  flag: number
  properties: string
  reconsumeTimes?: number
  maxReconsumeTimes?: number
  batch?: boolean
  brokerName: string
}

/**
 * A stored message's status (Java SendStatus): `SEND_OK`, or stored but `FLUSH_DISK_TIMEOUT` (sync flush late),
 * `FLUSH_SLAVE_TIMEOUT` (sync replication late) or `SLAVE_NOT_AVAILABLE` (sync replication impossible).
 */
export type SendStatus = 'SEND_OK' | 'FLUSH_DISK_TIMEOUT' | 'FLUSH_SLAVE_TIMEOUT' | 'SLAVE_NOT_AVAILABLE'

/** What `producer.send()` resolves with: the message is stored on the broker. */
export interface SendResult {
  /** The store status; anything but `SEND_OK` means stored, with weaker durability than asked. */
  status: SendStatus
  /** The client-side unique id (UNIQ_KEY); for a batch, the ids joined by ','. */
  msgId: string
  /** The broker's store id (host, port, commit-log offset). */
  offsetMsgId: string
  /** The queue the message went to. */
  queue: MessageQueue
  /** Its offset in that queue (for a batch, the first message's). */
  queueOffset: number
  /** A transactional (half) message's transaction id as the broker reports it (its UNIQ_KEY). */
  transactionId?: string
}

/** A SendResult with what the broker's response adds for message trace (MSG_REGION, TRACE_ON ext fields). */
export interface BrokerSendResult extends SendResult {
  regionId: string | undefined
  /** false when the broker has message trace switched off (traceOn=false). */
  traceOn: boolean
}

const SEND_STATUS: Record<number, SendStatus> = {
  [ResponseCode.SUCCESS]: 'SEND_OK',
  [ResponseCode.FLUSH_DISK_TIMEOUT]: 'FLUSH_DISK_TIMEOUT',
  [ResponseCode.FLUSH_SLAVE_TIMEOUT]: 'FLUSH_SLAVE_TIMEOUT',
  [ResponseCode.SLAVE_NOT_AVAILABLE]: 'SLAVE_NOT_AVAILABLE',
}

/** SEND_MESSAGE_V2 (310) or SEND_BATCH_MESSAGE (320), single-letter header. */
export async function sendMessage(
  invoker: Invoker,
  address: string,
  h: SendMessageHeader,
  body: Buffer,
  opts: { timeoutMs: number; oneway?: boolean; uniqId: string },
): Promise<BrokerSendResult | undefined> {
  const ext = toExtFields({
    a: h.producerGroup,
    b: h.topic,
    c: 'TBW102',
    d: 4,
    e: h.queueId,
    f: h.sysFlag,
    g: h.bornTimestamp,
    h: h.flag,
    i: h.properties,
    j: h.reconsumeTimes ?? 0,
    k: false,
    l: h.maxReconsumeTimes,
    m: h.batch ?? false,
    n: h.brokerName,
  })
  const code = h.batch ? RequestCode.SEND_BATCH_MESSAGE : RequestCode.SEND_MESSAGE_V2
  if (opts.oneway) {
    await invoker.invokeOneway(address, code, ext, body)
    return undefined
  }
  const res = await invoker.invoke(address, code, ext, body, { timeoutMs: opts.timeoutMs })
  const status = SEND_STATUS[res.code]
  const context = { address, broker: h.brokerName, topic: h.topic, queueId: h.queueId, requestCode: code }
  if (status === undefined) {
    // MESSAGE_ILLEGAL (13): the broker refuses this message itself (a timer beyond timerMaxDelaySec, a body or
    // properties over its limits): the caller's argument, not retriable on another broker.
    const errCode = res.code === ResponseCode.TOPIC_NOT_EXIST ? 'ERR_TOPIC_NOT_FOUND' : res.code === ResponseCode.MESSAGE_ILLEGAL ? 'ERR_INVALID_OPTION' : 'ERR_SEND_FAILED'
    throw new BrokerResponseError(res.code, res.remark, context, errCode)
  }
  const e = res.extFields ?? {}
  // The broker said it stored the message, but we cannot read where: typed, NOT retriable (a retry would store
  // it again), and the error says so.
  const stored = { ...context, responseCode: res.code, stored: true, msgId: opts.uniqId }
  const check = (key: string, min: number, max: number): number => {
    try {
      return wireInt(e[key], min, max, key, stored)
    } catch (err) {
      throw malformedResponse(`${(err as Error).message}; the broker answered ${status}, so the message is probably stored (msgId ${opts.uniqId}) - do not resend blindly`, stored, false)
    }
  }
  const queueId = e.queueId === undefined ? h.queueId : check('queueId', 0, MAX_QUEUE_ID)
  const queueOffset = check('queueOffset', 0, MAX_OFFSET)
  const result: BrokerSendResult = {
    status,
    msgId: opts.uniqId,
    offsetMsgId: e.msgId ?? '',
    queue: { topic: h.topic, brokerName: h.brokerName, queueId },
    queueOffset,
    regionId: e.MSG_REGION,
    traceOn: e.TRACE_ON !== 'false',
  }
  if (e.transactionId !== undefined && e.transactionId !== '') result.transactionId = e.transactionId
  return result
}

/** How a transaction ends (MessageSysFlag TRANSACTION_COMMIT_TYPE / TRANSACTION_ROLLBACK_TYPE). */
export const TransactionEnd = { COMMIT: 8, ROLLBACK: 12 } as const

export interface EndTransactionHeader {
  /** The message's topic (the broker's ACL checks Pub on it when present). */
  topic?: string
  producerGroup: string
  /** The half message's queue offset (send result queueOffset, or the check's tranStateTableOffset). */
  tranStateTableOffset: string
  /** The half message's commit-log offset (from the offset msgId, or the check's commitLogOffset). */
  commitLogOffset: string
  commitOrRollback: (typeof TransactionEnd)[keyof typeof TransactionEnd]
  fromTransactionCheck: boolean
  /** The message's UNIQ_KEY. */
  msgId: string
  transactionId?: string
  brokerName?: string
}

/**
 * END_TRANSACTION (37), oneway as the Java client sends it (MQClientAPIImpl.endTransactionOneway): the broker finds
 * the half message by commitLogOffset, checks the group and queue offset, then stores the real message (commit) or
 * marks it done (rollback). It answers nothing; a lost request leaves the decision to the check-back.
 */
export async function endTransaction(invoker: Invoker, address: string, h: EndTransactionHeader): Promise<void> {
  const ext = toExtFields({
    topic: h.topic,
    producerGroup: h.producerGroup,
    tranStateTableOffset: h.tranStateTableOffset,
    commitLogOffset: h.commitLogOffset,
    commitOrRollback: h.commitOrRollback,
    fromTransactionCheck: h.fromTransactionCheck,
    msgId: h.msgId,
    transactionId: h.transactionId,
    bname: h.brokerName,
  })
  await invoker.invokeOneway(address, RequestCode.END_TRANSACTION, ext)
}

/** GET_ROUTEINFO_BY_TOPIC to one NameServer; returns the raw body or undefined for TOPIC_NOT_EXIST. */
export async function getRouteInfo(invoker: Invoker, address: string, topic: string, timeoutMs = 3000): Promise<Buffer | undefined> {
  const res = await invoker.invoke(address, RequestCode.GET_ROUTEINFO_BY_TOPIC, { topic, acceptStandardJsonOnly: 'true' }, undefined, { timeoutMs })
  if (res.code === ResponseCode.TOPIC_NOT_EXIST) return undefined
  ensureSuccess(res, { address, topic, requestCode: RequestCode.GET_ROUTEINFO_BY_TOPIC })
  return res.body ?? Buffer.alloc(0)
}

/**
 * CHECK_CLIENT_CONFIG (46): the broker compiles a non-TAG subscription (SQL92) as the Java client asks it to at start.
 * A bad expression (SUBSCRIPTION_PARSE_FAILED) or a broker without enablePropertyFilter is ERR_INVALID_SUBSCRIPTION.
 */
export async function checkClientConfig(
  invoker: Invoker,
  address: string,
  r: { clientId: string; group: string; subscription: { topic: string; subString: string; expressionType: string; subVersion: number } },
  timeoutMs = 3000,
): Promise<void> {
  const s = r.subscription
  const body = Buffer.from(
    JSON.stringify({
      clientId: r.clientId,
      group: r.group,
      subscriptionData: { classFilterMode: false, codeSet: [], expressionType: s.expressionType, subString: s.subString, subVersion: s.subVersion, tagsSet: [], topic: s.topic },
    }),
    'utf8',
  )
  const res = await invoker.invoke(address, RequestCode.CHECK_CLIENT_CONFIG, {}, body, { timeoutMs })
  if (res.code === ResponseCode.SUCCESS) return
  const context = { address, group: r.group, topic: s.topic, requestCode: RequestCode.CHECK_CLIENT_CONFIG, expression: s.subString }
  if (res.code === ResponseCode.SUBSCRIPTION_PARSE_FAILED) {
    throw new BrokerResponseError(res.code, `${s.expressionType} expression '${s.subString}' of topic '${s.topic}' does not compile: ${res.remark ?? '(no remark)'}`, context, 'ERR_INVALID_SUBSCRIPTION')
  }
  if (res.code === ResponseCode.SYSTEM_ERROR && /does not support/i.test(res.remark ?? '')) {
    throw new BrokerResponseError(res.code, `${res.remark ?? ''}: start the brokers with enablePropertyFilter=true to use { sql } subscriptions`, context, 'ERR_INVALID_SUBSCRIPTION')
  }
  ensureSuccess(res, context)
}
