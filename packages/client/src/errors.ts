import { requestCodeName } from './remoting/codes.js'

/**
 * One error root for the whole SDK. `code` is the stable contract (match on it, not on messages);
 * `retriable` says whether the same call may succeed if repeated; `context` names where it happened.
 */
export type ErrorCode =
  | 'ERR_INVALID_OPTION'
  | 'ERR_CONNECTION'
  | 'ERR_CONNECTION_CLOSED'
  | 'ERR_TIMEOUT'
  | 'ERR_ABORTED'
  | 'ERR_MALFORMED_FRAME'
  | 'ERR_MALFORMED_RESPONSE'
  | 'ERR_FRAME_TOO_LARGE'
  | 'ERR_NAMESERVER_UNREACHABLE'
  | 'ERR_TOPIC_NOT_FOUND'
  | 'ERR_NO_ROUTE'
  | 'ERR_BROKER_NOT_FOUND'
  | 'ERR_BROKER'
  | 'ERR_SEND_FAILED'
  | 'ERR_PULL_OFFSET_MOVED'
  | 'ERR_OFFSET_OUT_OF_RANGE'
  | 'ERR_MESSAGE_DECODE'
  | 'ERR_MESSAGE_ENCODE'
  | 'ERR_NOT_STARTED'
  | 'ERR_CLOSED'
  | 'ERR_HANDLER_TIMEOUT'
  | 'ERR_NOT_ASSIGNED'
  | 'ERR_GRPC'
  | 'ERR_AUTH'
  | 'ERR_FORBIDDEN'
  | 'ERR_TLS'
  | 'ERR_GROUP_NOT_FOUND'
  | 'ERR_UNSUPPORTED_VERSION'
  | 'ERR_INVALID_SUBSCRIPTION'

export interface ErrorContext {
  broker?: string
  address?: string
  topic?: string
  queueId?: number
  group?: string
  requestCode?: number
  responseCode?: number
  remark?: string
  [key: string]: unknown
}

export interface RocketMQErrorOptions {
  retriable?: boolean
  cause?: unknown
  context?: ErrorContext
}

export class RocketMQError extends Error {
  override readonly name: string = 'RocketMQError'
  readonly code: ErrorCode
  readonly retriable: boolean
  readonly context: ErrorContext

  constructor(code: ErrorCode, message: string, options: RocketMQErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.code = code
    this.retriable = options.retriable ?? false
    this.context = options.context ?? {}
  }
}

/** A broker or NameServer answered with a non-success response code. */
export class BrokerResponseError extends RocketMQError {
  override readonly name = 'BrokerResponseError'
  readonly responseCode: number

  constructor(responseCode: number, remark: string | undefined, context: ErrorContext = {}, code: ErrorCode = 'ERR_BROKER') {
    const where = context.address ? ` from ${context.address}` : ''
    const denied = accessDenial(responseCode, remark)
    if (denied !== undefined) {
      super(denied.code, denied.message(context), { retriable: false, context: { ...context, responseCode, remark, ...denied.context } })
    } else {
      super(code, `RocketMQ response code ${responseCode}${where}: ${remark ?? '(no remark)'}`, {
        retriable: RETRIABLE_RESPONSE_CODES.has(responseCode),
        context: { ...context, responseCode, remark },
      })
    }
    this.responseCode = responseCode
  }
}

/** NO_PERMISSION: what an ACL 2.0 broker answers when authentication or authorization fails. */
export const NO_PERMISSION = 16

interface Denial {
  code: 'ERR_AUTH' | 'ERR_FORBIDDEN'
  context: ErrorContext
  message: (context: ErrorContext) => string
}

function operation(context: ErrorContext): string {
  const rc = context.requestCode
  const name = typeof context['operation'] === 'string' ? context['operation'] : rc === undefined ? 'the request' : `${requestCodeName(rc)} (${rc})`
  return `${name}${context.address ? ` to ${context.address}` : ''}`
}

/**
 * Classifies an ACL refusal from its remark (reference/wave2-protocol.md §1.6): ACL 2.0 brokers answer code 16,
 * ACL 1.0 brokers and the remoting proxy answer code 1 with the exception text. undefined = not an ACL refusal.
 */
export function accessDenial(responseCode: number, remark: string | undefined): Denial | undefined {
  if (responseCode !== NO_PERMISSION && responseCode !== 1) return undefined
  const r = remark ?? ''
  // ACL 2.0: "User:<name> has no permission to access Topic:<t> from <ip>, no matched policies." (or "the decision is deny.")
  const forbidden = /(User:\S+) has no permission to access (\w+):(\S+?)(?: from \S+?)?,/.exec(r)
  if (forbidden !== null) {
    const [, subject, type, name] = forbidden as unknown as [string, string, string, string]
    return {
      code: 'ERR_FORBIDDEN',
      context: { subject, resource: `${type}:${name}`, ...(type.toLowerCase() === 'topic' ? { topic: name } : type.toLowerCase() === 'group' ? { group: name } : {}) },
      message: (c) =>
        `${operation(c)} refused: ${subject} has no permission on ${type}:${name} (${r.trim().replace(/\.$/, '')}). ` +
        `Grant it on the broker, e.g. mqadmin createAcl -s ${subject} -r ${type}:${name} -a ${type.toLowerCase() === 'topic' ? 'Pub,Sub' : 'Sub'} -d Allow, or use credentials that have it`,
    }
  }
  const acl1Forbidden = /No default permission for (topic|group):(\S+)|Need admin permission for request code=\d+/i.exec(r)
  if (acl1Forbidden !== null) {
    const type = acl1Forbidden[1]
    const name = acl1Forbidden[2]
    return {
      code: 'ERR_FORBIDDEN',
      context: type === undefined || name === undefined ? {} : { resource: `${type}:${name}`, ...(type.toLowerCase() === 'topic' ? { topic: name } : { group: name }) },
      message: (c) => `${operation(c)} refused by the broker's ACL: ${r.trim()}. Grant the permission to the access key, or use credentials that have it`,
    }
  }
  const auth =
    /check signature failed|username cannot be null|User:\S+ is not found|User:\S+ is disabled|No acl config for|No accessKey is configured|Check signature failed|authenticationMetadataProvider is not configured/i.exec(
      r,
    )
  if (auth !== null || (responseCode === NO_PERMISSION && /authentic/i.test(r))) {
    return {
      code: 'ERR_AUTH',
      context: {},
      message: (c) =>
        `${operation(c)} failed authentication: ${r.trim().replace(/\.$/, '') || '(no remark)'}. Check credentials.accessKey and credentials.secretKey ` +
        `(ACL 2.0: a user name and its password, created with mqadmin createUser on every broker); without credentials the broker refuses every request`,
    }
  }
  return undefined
}

/** SYSTEM_BUSY, FLUSH/SLAVE timeouts, SERVICE_NOT_AVAILABLE, PULL_RETRY_IMMEDIATELY, FLOW_CONTROL, GO_AWAY. */
const RETRIABLE_RESPONSE_CODES = new Set([2, 10, 11, 12, 14, 20, 215, 1500])

export function isRocketMQError(e: unknown): e is RocketMQError {
  return e instanceof RocketMQError
}

/**
 * A well-formed frame whose content is not what the protocol allows: a number out of range or not a number, a
 * missing required field, a route with an impossible queue count or broker address. The peer (broker or
 * NameServer) is at fault, never the caller's options. Retriable: back off and ask again (a broker in a bad state
 * may recover, another NameServer may answer correctly); the previous good state (route, offset) is kept.
 */
export function malformedResponse(message: string, context: ErrorContext = {}, retriable = true): RocketMQError {
  return new RocketMQError('ERR_MALFORMED_RESPONSE', message, { retriable, context })
}

/** Wrap anything thrown into a RocketMQError without losing the original. */
export function toRocketMQError(e: unknown, code: ErrorCode, message: string, context?: ErrorContext): RocketMQError {
  if (e instanceof RocketMQError) return e
  return new RocketMQError(code, `${message}: ${e instanceof Error ? e.message : String(e)}`, { cause: e, context })
}
