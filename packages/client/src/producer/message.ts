import { RocketMQError } from '../errors.js'
import type { Message } from '../protocol/send-message.js'

export type { Message } from '../protocol/send-message.js'

/** Property names that RocketMQ reserves (MessageConst.STRING_HASH_SET); a user property may not use them. */
export const RESERVED_PROPERTIES = new Set([
  'KEYS', 'TAGS', 'WAIT', 'DELAY', 'RETRY_TOPIC', 'REAL_TOPIC', 'REAL_QID', 'TRAN_MSG', 'PGROUP', 'MIN_OFFSET', 'MAX_OFFSET',
  'BUYER_ID', 'ORIGIN_MESSAGE_ID', 'TRANSFER_FLAG', 'CORRECTION_FLAG', 'MQ2_FLAG', 'RECONSUME_TIME', 'MSG_REGION', 'TRACE_ON',
  'UNIQ_KEY', 'MAX_RECONSUME_TIMES', 'CONSUME_START_TIME', 'TRAN_PREPARED_QUEUE_OFFSET', 'TRANSACTION_CHECK_TIMES',
  'CHECK_IMMUNITY_TIME_IN_SECONDS', 'SHARDING_KEY', '__SHARDINGKEY', 'TIMER_DELIVER_MS', 'TIMER_DELAY_SEC', 'TIMER_DELAY_MS',
  'INSTANCE_ID', 'CORRELATION_ID', 'REPLY_TO_CLIENT', 'TTL', 'ARRIVE_TIME', 'PUSH_REPLY_TIME', 'CLUSTER', 'MSG_TYPE',
  'INNER_NUM', 'INNER_BASE', '__transactionId__',
])

export function bodyToBuffer(body: Message['body']): Buffer {
  if (Buffer.isBuffer(body)) return body
  if (typeof body === 'string') return Buffer.from(body, 'utf8')
  return Buffer.from(body.buffer, body.byteOffset, body.byteLength)
}

/** Build the wire properties of a message (without UNIQ_KEY, which the producer adds). */
export function messageProperties(m: Message): Record<string, string> {
  const props: Record<string, string> = {}
  if (m.properties) {
    for (const [k, v] of Object.entries(m.properties)) {
      if (RESERVED_PROPERTIES.has(k)) {
        throw new RocketMQError('ERR_INVALID_OPTION', `Property '${k}' is reserved by RocketMQ; use the message's own field (keys, tags, delayLevel) or another name`, { context: { topic: m.topic } })
      }
      if (typeof v !== 'string') throw new RocketMQError('ERR_INVALID_OPTION', `Property '${k}' must be a string`, { context: { topic: m.topic } })
      props[k] = v
    }
  }
  if (m.keys !== undefined) {
    const keys = typeof m.keys === 'string' ? [m.keys] : m.keys
    const joined = keys.filter((k) => k.length > 0).join(' ')
    if (joined) props.KEYS = joined
  }
  if (m.tags) props.TAGS = m.tags
  if (m.delayLevel !== undefined) {
    if (!Number.isInteger(m.delayLevel) || m.delayLevel < 0 || m.delayLevel > 18) {
      throw new RocketMQError('ERR_INVALID_OPTION', `delayLevel must be an integer 0..18, got ${m.delayLevel}`, { context: { topic: m.topic } })
    }
    if (m.delayLevel > 0) props.DELAY = String(m.delayLevel)
  }
  props.WAIT = 'true'
  return props
}
