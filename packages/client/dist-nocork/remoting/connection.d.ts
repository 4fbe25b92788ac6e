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
import type { ConnectionOptions as TlsConnectionOptions } from 'node:tls';
import { RocketMQError } from '../errors.js';
import { type Logger } from '../logger.js';
import { type RemotingCommand } from './command.js';
/**
 * Handles a request the broker sends us (§11). Return the response for a non-oneway request (the Connection sets
 * flag=1 and the request's opaque), or undefined when the code is not handled (answered with code 3).
 * A throw is answered with SYSTEM_ERROR (1). Oneway requests are never answered.
 */
export type RequestHandler = (cmd: RemotingCommand, conn: Connection) => Promise<RemotingCommand | undefined> | RemotingCommand | undefined;
export interface ConnectionOptions {
    /** `'host:port'`, or `'[v6-address]:port'`. */
    address: string;
    /** Default 3000. */
    connectTimeoutMs?: number;
    logger?: Logger;
    onRequest?: RequestHandler;
    /** Largest accepted frame including the length prefix. Default 16 MiB (the broker's limit). */
    maxFrameBytes?: number;
    /** Close (and so replace) the connection when a request times out. Default true, as Java's client. */
    closeOnTimeout?: boolean;
    /** Speak TLS (node:tls options: ca, cert, key, servername, rejectUnauthorized, ...); see tls-errors.ts. */
    tls?: TlsConnectionOptions;
}
export interface InvokeOptions {
    /** Covers connecting (if needed), writing and waiting for the response. Default 3000. */
    timeoutMs?: number;
    signal?: AbortSignal;
}
export type ConnectionEvents = {
    /** The connection is closed for good. `err` is undefined for a plain `close()`. */
    close: [err: RocketMQError | undefined];
    /** A request from the peer arrived (before `onRequest` runs). */
    request: [cmd: RemotingCommand];
};
export declare const DEFAULT_CONNECT_TIMEOUT_MS = 3000;
export declare const DEFAULT_INVOKE_TIMEOUT_MS = 3000;
export declare function parseAddress(address: string): {
    host: string;
    port: number;
};
export declare class Connection extends EventEmitter<ConnectionEvents> {
    readonly address: string;
    private readonly host;
    private readonly port;
    private readonly connectTimeoutMs;
    private readonly log;
    private readonly onRequest;
    private readonly closeOnTimeout;
    private readonly decoder;
    private readonly tlsOptions;
    /** Whether any frame arrived: a peer that drops us before the first one may be refusing plaintext. */
    private received;
    private readonly pending;
    private state;
    private socket;
    /** Whether writes of this turn are being gathered (see coalesce). */
    private corked;
    private connectPromise;
    private failConnect;
    private lastOpaque;
    private socketError;
    private closeReason;
    private socketGone;
    constructor(opts: ConnectionOptions);
    get isOpen(): boolean;
    get isClosed(): boolean;
    /** Requests sent (or waiting to be sent) and not yet answered. */
    get pendingCount(): number;
    /** The error that closed this connection, if any. */
    get closeError(): RocketMQError | undefined;
    /** Resolves once the socket is fully closed (immediately if it was never opened). Never rejects. */
    waitClosed(): Promise<void>;
    /** Idempotent; concurrent callers share one attempt. Rejects with retriable ERR_CONNECTION on failure or timeout. */
    connect(signal?: AbortSignal): Promise<void>;
    private startConnect;
    /**
     * Send a request and resolve with the response, whatever its response code (callers check it).
     * Rejects with ERR_TIMEOUT, ERR_ABORTED, ERR_CONNECTION, ERR_CONNECTION_CLOSED or a frame error.
     */
    invoke(code: number, extFields?: Record<string, string>, body?: Buffer, opts?: InvokeOptions): Promise<RemotingCommand>;
    /** Send a oneway request (flag=2); resolves once the frame is handed to the kernel. */
    invokeOneway(code: number, extFields?: Record<string, string>, body?: Buffer, opts?: InvokeOptions): Promise<void>;
    /**
     * A request that got no answer in time means the peer is stalled, or we are out of step with its byte stream (a
     * length prefix that promised more than it sent swallows every later response). Either way this socket cannot be
     * trusted again: close it (its other pending requests fail with retriable ERR_CONNECTION_CLOSED) so the pool
     * opens a fresh one on the next call. Java does the same (clientCloseSocketIfTimeout).
     */
    private closeAfterTimeout;
    /** Idempotent. Fails every pending request (ERR_CONNECTION_CLOSED, or the frame/connect error that caused it). */
    close(reason?: Error): void;
    private nextOpaque;
    private requestCommand;
    /** Throws (typed) if the connection is not open or the frame is too large; `cb` gets the socket's write result. */
    /**
     * Requests issued in one turn of the event loop (e.g. the pulls of every queue whose response arrived in one
     * read) leave in one writev instead of one syscall each: the socket is corked until the turn's nextTick queue
     * runs, which is after the microtasks that issue them. Fewer syscalls and fewer wake-ups of the broker per message.
     */
    private coalesce;
    private write;
    private settle;
    private onData;
    private dispatch;
    private handleRequest;
    private respond;
    private connectError;
    private closedError;
    private abortedError;
}
//# sourceMappingURL=connection.d.ts.map