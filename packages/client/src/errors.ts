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
  | 'ERR_PAYLOAD_INVALID'

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

export function isRocketMQError(e: unknown): e is RocketMQError {
  return e instanceof RocketMQError
}

/**
 * The transport failures, stated once: the peer could not be reached, the connection broke, no answer came in time, or
 * the peer does not speak RocketMQ (frame errors). Another NameServer or broker may answer; a peer's own error
 * response is not one of these.
 */
const TRANSPORT_ERROR_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['ERR_CONNECTION', 'ERR_CONNECTION_CLOSED', 'ERR_TIMEOUT', 'ERR_FRAME_TOO_LARGE', 'ERR_MALFORMED_FRAME'])

export function isTransportError(e: unknown): boolean {
  return e instanceof RocketMQError && TRANSPORT_ERROR_CODES.has(e.code)
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
