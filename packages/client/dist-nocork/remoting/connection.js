/**
 * One TCP connection to a NameServer or broker, speaking remoting frames (reference/remoting-protocol.md §1.8).
 *
 * A Connection is single-use: once its socket is gone (closed by us, by the peer, by a bad frame or by a failed
 * connect) it stays closed, and `RemotingClient` makes a new one on the next call.
 *
 * Why one file over 400 lines: connect, the pending-request table (opaque, timers, aborts), writes, frame dispatch and
 * close all read and change the same state (socket, state, pending) and must agree on one ordering of close versus
 * timeout versus response; apart they would pass that state around. What stands alone already lives elsewhere:
 * frames (codec.ts), commands (command.ts), TLS error mapping (tls-errors.ts), the pool (remoting-client.ts).
 */
import { EventEmitter } from 'node:events';
// Default imports for the runtime calls (unit tests replace net.createConnection on the module object); the
// exported types below use the named type import, so the shipped .d.ts needs no esModuleInterop.
// eslint-disable-next-line no-restricted-syntax
import net from 'node:net';
// eslint-disable-next-line no-restricted-syntax
import tls from 'node:tls';
import { RocketMQError } from '../errors.js';
import { childLogger, silentLogger } from '../logger.js';
import { encodeCommand, encodeFramePrefix, FrameDecoder } from './codec.js';
import { CLIENT_LANGUAGE, CLIENT_VERSION, FLAG_ONEWAY, FLAG_RESPONSE, createResponseCommand, isOneway, isResponse, } from './command.js';
import { ResponseCode, requestCodeName } from './codes.js';
import { tlsError } from './tls-errors.js';
export const DEFAULT_CONNECT_TIMEOUT_MS = 3000;
export const DEFAULT_INVOKE_TIMEOUT_MS = 3000;
/** Bodies at least this large are written after the header under cork, instead of being copied into one frame. */
const SEPARATE_BODY_WRITE_BYTES = 16 * 1024;
const KEEPALIVE_INITIAL_DELAY_MS = 30_000;
/** Errors that describe the connection itself: pending requests fail with them as they are. */
const PASS_THROUGH_CODES = new Set(['ERR_CONNECTION', 'ERR_MALFORMED_FRAME', 'ERR_FRAME_TOO_LARGE', 'ERR_TLS']);
export function parseAddress(address) {
    const i = address.lastIndexOf(':');
    const bad = () => new RocketMQError('ERR_INVALID_OPTION', `address "${address}" is not "host:port"`, { context: { address } });
    if (i <= 0)
        throw bad();
    let host = address.slice(0, i).trim();
    const portText = address.slice(i + 1).trim();
    if (host.startsWith('[') && host.endsWith(']'))
        host = host.slice(1, -1);
    const port = Number(portText);
    if (host === '' || !/^\d+$/.test(portText) || port < 1 || port > 65535)
        throw bad();
    return { host, port };
}
const noop = () => { };
export class Connection extends EventEmitter {
    address;
    host;
    port;
    connectTimeoutMs;
    log;
    onRequest;
    closeOnTimeout;
    decoder;
    tlsOptions;
    /** Whether any frame arrived: a peer that drops us before the first one may be refusing plaintext. */
    received = false;
    pending = new Map();
    state = 'idle';
    socket;
    /** Whether writes of this turn are being gathered (see coalesce). */
    corked = false;
    connectPromise;
    failConnect;
    lastOpaque = 0;
    socketError;
    closeReason;
    socketGone = Promise.resolve();
    constructor(opts) {
        super();
        const { host, port } = parseAddress(opts.address);
        this.address = opts.address;
        this.host = host;
        this.port = port;
        this.connectTimeoutMs = opts.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
        this.log = childLogger(opts.logger ?? silentLogger, { component: 'remoting', address: opts.address });
        this.onRequest = opts.onRequest;
        this.closeOnTimeout = opts.closeOnTimeout ?? true;
        this.decoder = new FrameDecoder(opts.maxFrameBytes === undefined ? {} : { maxFrameBytes: opts.maxFrameBytes });
        this.tlsOptions = opts.tls;
    }
    get isOpen() {
        return this.state === 'open';
    }
    get isClosed() {
        return this.state === 'closed';
    }
    /** Requests sent (or waiting to be sent) and not yet answered. */
    get pendingCount() {
        return this.pending.size;
    }
    /** The error that closed this connection, if any. */
    get closeError() {
        return this.closeReason;
    }
    /** Resolves once the socket is fully closed (immediately if it was never opened). Never rejects. */
    waitClosed() {
        return this.socketGone;
    }
    /** Idempotent; concurrent callers share one attempt. Rejects with retriable ERR_CONNECTION on failure or timeout. */
    connect(signal) {
        if (this.state === 'open')
            return Promise.resolve();
        if (this.state === 'closed')
            return Promise.reject(this.closedError());
        if (signal?.aborted)
            return Promise.reject(this.abortedError(undefined, signal));
        if (this.connectPromise === undefined) {
            this.connectPromise = this.startConnect();
            this.connectPromise.catch(noop); // the callers below observe it
        }
        if (signal === undefined)
            return this.connectPromise;
        const shared = this.connectPromise;
        return new Promise((resolve, reject) => {
            const onAbort = () => reject(this.abortedError(undefined, signal));
            signal.addEventListener('abort', onAbort, { once: true });
            shared.then(() => {
                signal.removeEventListener('abort', onAbort);
                resolve();
            }, (err) => {
                signal.removeEventListener('abort', onAbort);
                reject(err);
            });
        });
    }
    startConnect() {
        this.state = 'connecting';
        return new Promise((resolve, reject) => {
            let settled = false;
            const fail = (err) => {
                if (settled)
                    return;
                settled = true;
                clearTimeout(timer);
                this.failConnect = undefined;
                reject(err);
                this.close(err);
            };
            this.failConnect = fail;
            const timer = setTimeout(() => {
                fail(new RocketMQError('ERR_CONNECTION', `connect to ${this.address} timed out after ${this.connectTimeoutMs} ms`, {
                    retriable: true,
                    context: { address: this.address },
                }));
            }, this.connectTimeoutMs);
            let socket;
            const tcp = { host: this.host, port: this.port, noDelay: true, keepAlive: true, keepAliveInitialDelay: KEEPALIVE_INITIAL_DELAY_MS };
            try {
                socket =
                    this.tlsOptions === undefined
                        ? net.createConnection(tcp)
                        : tls.connect({
                            ...tcp,
                            // SNI must be a host name (RFC 6066); node verifies an IP against the certificate's IP SANs itself.
                            ...(net.isIP(this.host) === 0 ? { servername: this.host } : {}),
                            ...this.tlsOptions,
                        });
            }
            catch (e) {
                fail(this.connectError(e));
                return;
            }
            this.socket = socket;
            this.socketGone = new Promise((done) => socket.once('close', () => done()));
            socket.once(this.tlsOptions === undefined ? 'connect' : 'secureConnect', () => {
                if (settled)
                    return;
                settled = true;
                clearTimeout(timer);
                this.failConnect = undefined;
                this.state = 'open';
                socket.setNoDelay(true);
                socket.setKeepAlive(true, KEEPALIVE_INITIAL_DELAY_MS);
                this.log.debug({}, 'connected');
                resolve();
            });
            socket.on('error', (e) => {
                this.socketError = e;
                if (!settled)
                    fail(this.connectError(e));
            });
            socket.on('data', (chunk) => this.onData(chunk));
            socket.on('close', () => {
                if (this.state === 'closed')
                    return;
                const cause = this.socketError;
                const tlsErr = cause === undefined ? undefined : tlsError(cause, this.address);
                if (tlsErr !== undefined) {
                    this.close(tlsErr);
                    return;
                }
                // A server in TLS 'enforcing' mode drops a plaintext connection at its first byte, without an answer.
                const hint = this.tlsOptions === undefined && !this.received && this.pending.size > 0
                    ? ' before answering anything; if it requires TLS (tls.server.mode=enforcing), set the `tls` option'
                    : '';
                this.close(new RocketMQError('ERR_CONNECTION_CLOSED', cause ? `connection to ${this.address} lost: ${cause.message}${hint}` : `connection to ${this.address} closed by peer${hint}`, { retriable: true, cause, context: { address: this.address } }));
            });
        });
    }
    /**
     * Send a request and resolve with the response, whatever its response code (callers check it).
     * Rejects with ERR_TIMEOUT, ERR_ABORTED, ERR_CONNECTION, ERR_CONNECTION_CLOSED or a frame error.
     */
    invoke(code, extFields, body, opts = {}) {
        return new Promise((resolve, reject) => {
            const signal = opts.signal;
            if (signal?.aborted) {
                reject(this.abortedError(code, signal));
                return;
            }
            if (this.state === 'closed') {
                reject(this.closedError(code));
                return;
            }
            const timeoutMs = opts.timeoutMs ?? DEFAULT_INVOKE_TIMEOUT_MS;
            const p = {
                opaque: this.nextOpaque(),
                code,
                resolve,
                reject,
                timer: undefined,
                signal,
                onAbort: undefined,
                done: false,
            };
            this.pending.set(p.opaque, p);
            p.timer = setTimeout(() => {
                const err = new RocketMQError('ERR_TIMEOUT', `${requestCodeName(code)} (${code}) to ${this.address} timed out after ${timeoutMs} ms`, { retriable: true, context: { address: this.address, requestCode: code, timeoutMs } });
                this.settle(p, err);
                this.closeAfterTimeout(err);
            }, timeoutMs);
            if (signal) {
                p.onAbort = () => this.settle(p, this.abortedError(code, signal));
                signal.addEventListener('abort', p.onAbort, { once: true });
            }
            const send = () => {
                if (p.done)
                    return;
                try {
                    this.write(this.requestCommand(code, p.opaque, 0, extFields, body));
                }
                catch (e) {
                    this.settle(p, e instanceof Error ? e : new Error(String(e)));
                }
            };
            if (this.state === 'open')
                send();
            else {
                this.connect().then(send, (err) => this.settle(p, err instanceof Error ? err : new Error(String(err))));
            }
        });
    }
    /** Send a oneway request (flag=2); resolves once the frame is handed to the kernel. */
    async invokeOneway(code, extFields, body, opts = {}) {
        const signal = opts.signal;
        if (signal?.aborted)
            throw this.abortedError(code, signal);
        if (this.state === 'closed')
            throw this.closedError(code);
        if (this.state !== 'open')
            await this.connect(signal);
        const cmd = this.requestCommand(code, this.nextOpaque(), FLAG_ONEWAY, extFields, body);
        const timeoutMs = opts.timeoutMs ?? DEFAULT_INVOKE_TIMEOUT_MS;
        await new Promise((resolve, reject) => {
            let done = false;
            const finish = (err) => {
                if (done)
                    return;
                done = true;
                clearTimeout(timer);
                signal?.removeEventListener('abort', onAbort);
                if (err)
                    reject(err);
                else
                    resolve();
            };
            const onAbort = () => finish(this.abortedError(code, signal));
            const timer = setTimeout(() => {
                const err = new RocketMQError('ERR_TIMEOUT', `oneway ${requestCodeName(code)} (${code}) to ${this.address} not written within ${timeoutMs} ms`, {
                    retriable: true,
                    context: { address: this.address, requestCode: code, timeoutMs },
                });
                finish(err);
                this.closeAfterTimeout(err);
            }, timeoutMs);
            signal?.addEventListener('abort', onAbort, { once: true });
            try {
                this.write(cmd, (err) => {
                    if (err)
                        finish(this.closedError(code, err));
                    else
                        finish();
                });
            }
            catch (e) {
                finish(e instanceof Error ? e : new Error(String(e)));
            }
        });
    }
    /**
     * A request that got no answer in time means the peer is stalled, or we are out of step with its byte stream (a
     * length prefix that promised more than it sent swallows every later response). Either way this socket cannot be
     * trusted again: close it (its other pending requests fail with retriable ERR_CONNECTION_CLOSED) so the pool
     * opens a fresh one on the next call. Java does the same (clientCloseSocketIfTimeout).
     */
    closeAfterTimeout(timeout) {
        if (!this.closeOnTimeout || this.state !== 'open')
            return;
        this.close(new RocketMQError('ERR_CONNECTION_CLOSED', `connection to ${this.address} closed after a request timed out: ${timeout.message}`, {
            retriable: true,
            cause: timeout,
            context: { address: this.address, reason: 'timeout' },
        }));
    }
    /** Idempotent. Fails every pending request (ERR_CONNECTION_CLOSED, or the frame/connect error that caused it). */
    close(reason) {
        if (this.state === 'closed')
            return;
        this.state = 'closed';
        const err = reason === undefined
            ? undefined
            : reason instanceof RocketMQError
                ? reason
                : new RocketMQError('ERR_CONNECTION_CLOSED', `connection to ${this.address} closed: ${reason.message}`, {
                    retriable: true,
                    cause: reason,
                    context: { address: this.address },
                });
        this.closeReason = err;
        if (err)
            this.log.warn({ err: err.message, code: err.code }, 'connection closed');
        else
            this.log.debug({}, 'connection closed');
        const failConnect = this.failConnect;
        if (failConnect)
            failConnect(this.closedError());
        const passThrough = err !== undefined && PASS_THROUGH_CODES.has(err.code) ? err : undefined;
        for (const p of [...this.pending.values()])
            this.settle(p, passThrough ?? this.closedError(p.code));
        this.socket?.destroy();
        try {
            this.emit('close', err);
        }
        catch (e) {
            this.log.error({ err: e instanceof Error ? e.message : String(e) }, "a 'close' listener threw");
        }
    }
    // -------------------------------------------------------------------------------------------------------------
    nextOpaque() {
        do {
            this.lastOpaque = (this.lastOpaque + 1) | 0; // wraps from 2^31-1 to -2^31, still a valid int32
        } while (this.pending.has(this.lastOpaque));
        return this.lastOpaque;
    }
    requestCommand(code, opaque, flag, extFields, body) {
        const cmd = { code, language: CLIENT_LANGUAGE, version: CLIENT_VERSION, opaque, flag };
        if (extFields !== undefined)
            cmd.extFields = extFields;
        if (body !== undefined)
            cmd.body = body;
        return cmd;
    }
    /** Throws (typed) if the connection is not open or the frame is too large; `cb` gets the socket's write result. */
    /**
     * Requests issued in one turn of the event loop (e.g. the pulls of every queue whose response arrived in one
     * read) leave in one writev instead of one syscall each: the socket is corked until the turn's nextTick queue
     * runs, which is after the microtasks that issue them. Fewer syscalls and fewer wake-ups of the broker per message.
     */
    coalesce(socket) {
        if (this.corked)
            return;
        this.corked = true;
        socket.cork();
        process.nextTick(() => {
            this.corked = false;
            socket.uncork();
        });
    }
    write(cmd, cb) {
        const socket = this.socket;
        if (this.state !== 'open' || socket === undefined || socket.destroyed)
            throw this.closedError(cmd.code);
        // no cork
        const body = cmd.body;
        if (body !== undefined && body.length >= SEPARATE_BODY_WRITE_BYTES) {
            const prefix = encodeFramePrefix(cmd);
            socket.cork();
            socket.write(prefix);
            socket.write(body, cb);
            socket.uncork();
        }
        else {
            socket.write(encodeCommand(cmd), cb);
        }
    }
    settle(p, err, response) {
        if (p.done)
            return;
        p.done = true;
        if (this.pending.get(p.opaque) === p)
            this.pending.delete(p.opaque);
        if (p.timer !== undefined)
            clearTimeout(p.timer);
        if (p.signal && p.onAbort)
            p.signal.removeEventListener('abort', p.onAbort);
        if (err)
            p.reject(err);
        else
            p.resolve(response);
    }
    onData(chunk) {
        if (this.state === 'closed')
            return;
        this.received = true;
        try {
            this.decoder.append(chunk);
            for (;;) {
                const cmd = this.decoder.next();
                if (cmd === undefined)
                    break;
                this.dispatch(cmd);
                if (this.state === 'closed')
                    return;
            }
        }
        catch (e) {
            const cause = e instanceof RocketMQError ? e : undefined;
            const err = new RocketMQError(cause?.code ?? 'ERR_MALFORMED_FRAME', `bad frame from ${this.address}: ${e instanceof Error ? e.message : String(e)}`, { cause: e, context: { ...cause?.context, address: this.address } });
            this.close(err);
        }
    }
    dispatch(cmd) {
        if (isResponse(cmd)) {
            const p = this.pending.get(cmd.opaque);
            if (p === undefined) {
                this.log.debug({ opaque: cmd.opaque, code: cmd.code }, 'response for an unknown or expired request dropped');
                return;
            }
            this.settle(p, undefined, cmd);
            return;
        }
        this.handleRequest(cmd);
    }
    handleRequest(cmd) {
        if (this.listenerCount('request') > 0) {
            try {
                this.emit('request', cmd);
            }
            catch (e) {
                this.log.error({ err: e instanceof Error ? e.message : String(e) }, "a 'request' listener threw");
            }
        }
        const oneway = isOneway(cmd);
        const handler = this.onRequest;
        const notSupported = () => createResponseCommand(ResponseCode.REQUEST_CODE_NOT_SUPPORTED, `request code ${cmd.code} not supported`);
        if (handler === undefined) {
            if (!oneway)
                this.respond(cmd, notSupported());
            return;
        }
        const onError = (e) => {
            const message = e instanceof Error ? e.message : String(e);
            this.log.warn({ code: cmd.code, err: message }, 'request handler failed');
            if (!oneway)
                this.respond(cmd, createResponseCommand(ResponseCode.SYSTEM_ERROR, message));
        };
        let result;
        try {
            result = handler(cmd, this);
        }
        catch (e) {
            onError(e);
            return;
        }
        void Promise.resolve(result)
            .then((response) => {
            if (!oneway)
                this.respond(cmd, response ?? notSupported());
        }, onError)
            .catch((e) => this.log.error({ err: e instanceof Error ? e.message : String(e) }, 'responding failed'));
    }
    respond(request, response) {
        const out = {
            ...response,
            language: response.language ?? CLIENT_LANGUAGE,
            version: response.version ?? CLIENT_VERSION,
            opaque: request.opaque,
            flag: ((response.flag ?? 0) | FLAG_RESPONSE) & ~FLAG_ONEWAY,
        };
        try {
            this.write(out);
        }
        catch (e) {
            this.log.debug({ code: request.code, err: e instanceof Error ? e.message : String(e) }, 'could not send a response');
        }
    }
    connectError(e) {
        const t = tlsError(e, this.address);
        if (t !== undefined)
            return t;
        const message = e instanceof Error ? e.message : String(e);
        return new RocketMQError('ERR_CONNECTION', `cannot connect to ${this.address}: ${message}`, {
            retriable: true,
            cause: e,
            context: { address: this.address },
        });
    }
    closedError(requestCode, cause) {
        const reason = this.closeReason;
        return new RocketMQError('ERR_CONNECTION_CLOSED', `connection to ${this.address} is closed${reason ? ` (${reason.message})` : ''}`, {
            retriable: true,
            cause: cause ?? reason,
            context: requestCode === undefined ? { address: this.address } : { address: this.address, requestCode },
        });
    }
    abortedError(requestCode, signal) {
        const what = requestCode === undefined ? 'connect' : `${requestCodeName(requestCode)} (${requestCode})`;
        return new RocketMQError('ERR_ABORTED', `${what} to ${this.address} aborted`, {
            cause: signal?.reason,
            context: requestCode === undefined ? { address: this.address } : { address: this.address, requestCode },
        });
    }
}
//# sourceMappingURL=connection.js.map