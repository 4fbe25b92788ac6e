/**
 * A pool of Connections keyed by address. A connection that closes (peer drop, bad frame, failed connect) is
 * removed from the pool at once; the next call to that address opens a fresh one.
 */
import { EventEmitter } from 'node:events';
import { RocketMQError } from '../errors.js';
import { childLogger, silentLogger } from '../logger.js';
import { signExtFields } from './acl.js';
import { Connection } from './connection.js';
export class RemotingClient extends EventEmitter {
    connections = new Map();
    log;
    logger;
    opts;
    closed = false;
    constructor(opts = {}) {
        super();
        this.opts = opts;
        this.logger = opts.logger ?? silentLogger;
        this.log = childLogger(this.logger, { component: 'remoting-client' });
    }
    get isClosed() {
        return this.closed;
    }
    /** Addresses with a live (connecting or open) connection. */
    addresses() {
        return [...this.connections.keys()];
    }
    /** The pooled connection for `address`, created (not yet connected) if there is none. */
    getConnection(address) {
        if (this.closed)
            throw this.closedError(address);
        const existing = this.connections.get(address);
        if (existing !== undefined && !existing.isClosed)
            return existing;
        const conn = new Connection({
            address,
            logger: this.logger,
            ...(this.opts.connectTimeoutMs === undefined ? {} : { connectTimeoutMs: this.opts.connectTimeoutMs }),
            ...(this.opts.onRequest === undefined ? {} : { onRequest: this.opts.onRequest }),
            ...(this.opts.maxFrameBytes === undefined ? {} : { maxFrameBytes: this.opts.maxFrameBytes }),
            ...(this.opts.tls === undefined ? {} : { tls: this.opts.tls }),
        });
        conn.on('close', (err) => this.onClosed(address, conn, err));
        this.connections.set(address, conn);
        return conn;
    }
    invoke(address, code, extFields, body, opts) {
        let conn;
        try {
            conn = this.getConnection(address);
        }
        catch (e) {
            return Promise.reject(e);
        }
        return conn.invoke(code, this.sign(extFields, body), body, opts);
    }
    invokeOneway(address, code, extFields, body, opts) {
        let conn;
        try {
            conn = this.getConnection(address);
        }
        catch (e) {
            return Promise.reject(e);
        }
        return conn.invokeOneway(code, this.sign(extFields, body), body, opts);
    }
    /** Close the connection to one address (pending requests fail with ERR_CONNECTION_CLOSED). */
    closeConnection(address, reason) {
        this.connections.get(address)?.close(reason);
    }
    /** Close every connection and wait for the sockets to go away; later calls fail with ERR_CLOSED. Idempotent. */
    async close() {
        this.closed = true;
        const all = [...this.connections.values()];
        for (const conn of all)
            conn.close();
        await Promise.all(all.map((c) => c.waitClosed()));
    }
    onClosed(address, conn, err) {
        if (this.connections.get(address) === conn)
            this.connections.delete(address);
        this.log.debug({ address, err: err?.message }, 'connection removed from pool');
        try {
            this.emit('connectionClosed', address, err);
        }
        catch (e) {
            this.log.error({ address, err: e instanceof Error ? e.message : String(e) }, "a 'connectionClosed' listener threw");
        }
        const hook = this.opts.onConnectionClosed;
        if (hook) {
            try {
                hook(address, err);
            }
            catch (e) {
                this.log.error({ address, err: e instanceof Error ? e.message : String(e) }, 'onConnectionClosed threw');
            }
        }
    }
    /** The last step before a request leaves: nothing may change its extFields or body after this. */
    sign(extFields, body) {
        const c = this.opts.credentials;
        return c === undefined ? extFields : signExtFields(extFields, body, c);
    }
    closedError(address) {
        return new RocketMQError('ERR_CLOSED', 'the remoting client is closed', { context: { address } });
    }
}
//# sourceMappingURL=remoting-client.js.map