/**
 * Range checks for numbers and addresses read off the wire (frame headers, routes, pull/send responses).
 * A bad value is the peer's fault: `ERR_MALFORMED_RESPONSE` (retriable), never `ERR_INVALID_OPTION`.
 */
import { isIP } from 'node:net'
import { malformedResponse, type ErrorContext } from '../errors.js'

const INTEGER_TEXT = /^-?\d{1,16}$/

/**
 * An integer given as a JSON number or as decimal text (extFields are strings), within [min, max]. `context` may be a
 * function: on hot paths (three numbers per pull response) it is then built only for the error.
 */
export function wireInt(v: unknown, min: number, max: number, what: string, context: ErrorContext | (() => ErrorContext) = {}): number {
  let n: number
  if (typeof v === 'number') n = v
  else if (typeof v === 'string' && INTEGER_TEXT.test(v)) n = Number(v)
  else throw malformedResponse(`${what} is not an integer: ${preview(v)}`, fieldContext(context, what))
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw malformedResponse(`${what} ${preview(v)} is out of range [${min}, ${max}]`, fieldContext(context, what))
  }
  return n
}

function fieldContext(context: ErrorContext | (() => ErrorContext), field: string): ErrorContext {
  return { ...(typeof context === 'function' ? context() : context), field }
}

/** Largest queue offset / commit-log offset we accept (a Number must hold it exactly). */
export const MAX_OFFSET = Number.MAX_SAFE_INTEGER
/** Largest queue id accepted from a broker (Java's are ints; real topics have at most a few thousand queues). */
export const MAX_QUEUE_ID = 65534

/**
 * `host:port` or `[v6]:port` as a broker or NameServer announces itself: a port in 1..65535 and a host that is an
 * IP literal or a plausible DNS name (no spaces, no brackets, no ':'), at most 255 characters.
 */
export function hostPortProblem(address: string): string | undefined {
  if (address.length > 300) return 'too long'
  const i = address.lastIndexOf(':')
  if (i <= 0) return "not 'host:port'"
  let host = address.slice(0, i)
  const portText = address.slice(i + 1)
  if (!/^\d{1,5}$/.test(portText)) return `bad port '${portText}'`
  const port = Number(portText)
  if (port < 1 || port > 65535) return `port ${port} is outside 1-65535`
  if (host.startsWith('[')) {
    if (!host.endsWith(']')) return 'unbalanced brackets'
    host = host.slice(1, -1)
    return isIP(host) === 6 ? undefined : `'${host}' is not an IPv6 address`
  }
  if (isIP(host) !== 0) return undefined
  if (host.length > 255 || !/^[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_])?$/.test(host)) return `'${host}' is not an IP address or host name`
  // an all-numeric dotted name must be a valid IPv4 address
  if (/^[\d.]+$/.test(host)) return `'${host}' is not a valid IPv4 address`
  return undefined
}

function preview(v: unknown): string {
  const s = typeof v === 'string' ? JSON.stringify(v) : String(v)
  return s.length > 40 ? `${s.slice(0, 40)}...` : s
}
