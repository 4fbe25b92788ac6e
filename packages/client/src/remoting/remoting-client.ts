/**
 * A pool of Connections keyed by address. A connection that closes (peer drop, bad frame, failed connect) is
 * removed from the pool at once; the next call to that address opens a fresh one.
 */
import { EventEmitter } from 'node:events'
import type { ConnectionOptions as TlsConnectionOptions } from 'node:tls'
import { RocketMQError } from '../errors.js'
import { childLogger, silentLogger, type Logger } from '../logger.js'
import type { RemotingCommand } from './command.js'
import { signExtFields, type Credentials } from './acl.js'
import { Connection, type InvokeOptions, type RequestHandler } from './connection.js'

export interface RemotingClientOptions {
  logger?: Logger
  connectTimeoutMs?: number
  /** Handles requests any broker sends on any pooled connection. */
  onRequest?: RequestHandler
  /** Called (after the 'connectionClosed' event) whenever a pooled connection closes. */
  onConnectionClosed?: (address: string, err: RocketMQError | undefined) => void
  maxFrameBytes?: number
  /** Sign every request (ACL; AclClientRPCHook), after all its extFields are final. */
  credentials?: Credentials
  /** Connect with TLS (NameServer and brokers alike, as the Java client's useTLS). */
  tls?: TlsConnectionOptions
}

export type RemotingClientEvents = {
  /** A pooled connection closed; it is already out of the pool. `err` is undefined for a deliberate close. */
  connectionClosed: [address: string, err: RocketMQError | undefined]
}

export class RemotingClient extends EventEmitter<RemotingClientEvents> {
  private readonly connections = new Map<string, Connection>()
  private readonly log: Logger
  private readonly logger: Logger
  private readonly opts: RemotingClientOptions
  private closed = false

  constructor(opts: RemotingClientOptions = {}) {
    super()
    this.opts = opts
    this.logger = opts.logger ?? silentLogger
    this.log = childLogger(this.logger, { component: 'remoting-client' })
  }

  get isClosed(): boolean {
    return this.closed
  }

  /** Addresses with a live (connecting or open) connection. */
  addresses(): string[] {
    return [...this.connections.keys()]
  }

  /** The pooled connection for `address`, created (not yet connected) if there is none. */
  getConnection(address: string): Connection {
    if (this.closed) throw this.closedError(address)
    const existing = this.connections.get(address)
    if (existing !== undefined && !existing.isClosed) return existing
    const conn = new Connection({
      address,
      logger: this.logger,
      ...(this.opts.connectTimeoutMs === undefined ? {} : { connectTimeoutMs: this.opts.connectTimeoutMs }),
      ...(this.opts.onRequest === undefined ? {} : { onRequest: this.opts.onRequest }),
      ...(this.opts.maxFrameBytes === undefined ? {} : { maxFrameBytes: this.opts.maxFrameBytes }),
      ...(this.opts.tls === undefined ? {} : { tls: this.opts.tls }),
    })
    conn.on('close', (err) => this.onClosed(address, conn, err))
    this.connections.set(address, conn)
    return conn
  }

  invoke(
    address: string,
    code: number,
    extFields?: Record<string, string>,
    body?: Buffer,
    opts?: InvokeOptions,
  ): Promise<RemotingCommand> {
    let conn: Connection
    try {
      conn = this.getConnection(address)
    } catch (e) {
      return Promise.reject(e)
    }
    return conn.invoke(code, this.sign(extFields, body), body, opts)
  }

  invokeOneway(
    address: string,
    code: number,
    extFields?: Record<string, string>,
    body?: Buffer,
    opts?: InvokeOptions,
  ): Promise<void> {
    let conn: Connection
    try {
      conn = this.getConnection(address)
    } catch (e) {
      return Promise.reject(e)
    }
    return conn.invokeOneway(code, this.sign(extFields, body), body, opts)
  }

  /** Close the connection to one address (pending requests fail with ERR_CONNECTION_CLOSED). */
  closeConnection(address: string, reason?: Error): void {
    this.connections.get(address)?.close(reason)
  }

  /** Close every connection and wait for the sockets to go away; later calls fail with ERR_CLOSED. Idempotent. */
  async close(): Promise<void> {
    this.closed = true
    const all = [...this.connections.values()]
    for (const conn of all) conn.close()
    await Promise.all(all.map((c) => c.waitClosed()))
  }

  private onClosed(address: string, conn: Connection, err: RocketMQError | undefined): void {
    if (this.connections.get(address) === conn) this.connections.delete(address)
    this.log.debug({ address, err: err?.message }, 'connection removed from pool')
    try {
      this.emit('connectionClosed', address, err)
    } catch (e) {
      this.log.error({ address, err: e instanceof Error ? e.message : String(e) }, "a 'connectionClosed' listener threw")
    }
    const hook = this.opts.onConnectionClosed
    if (hook) {
      try {
        hook(address, err)
      } catch (e) {
        this.log.error({ address, err: e instanceof Error ? e.message : String(e) }, 'onConnectionClosed threw')
      }
    }
  }

  /** The last step before a request leaves: nothing may change its extFields or body after this. */
  private sign(extFields: Record<string, string> | undefined, body: Buffer | undefined): Record<string, string> | undefined {
    const c = this.opts.credentials
    return c === undefined ? extFields : signExtFields(extFields, body, c)
  }

  private closedError(address: string): RocketMQError {
    return new RocketMQError('ERR_CLOSED', 'the remoting client is closed', { context: { address } })
  }
}
