/**
 * A pool of Connections keyed by address. A connection that closes (peer drop, bad frame, failed connect) is
 * removed from the pool at once; the next call to that address opens a fresh one.
 */
import { EventEmitter } from 'node:events';
import type { ConnectionOptions as TlsConnectionOptions } from 'node:tls';
import { RocketMQError } from '../errors.js';
import { type Logger } from '../logger.js';
import type { RemotingCommand } from './command.js';
import { type Credentials } from './acl.js';
import { Connection, type InvokeOptions, type RequestHandler } from './connection.js';
export interface RemotingClientOptions {
    logger?: Logger;
    connectTimeoutMs?: number;
    /** Handles requests any broker sends on any pooled connection. */
    onRequest?: RequestHandler;
    /** Called (after the 'connectionClosed' event) whenever a pooled connection closes. */
    onConnectionClosed?: (address: string, err: RocketMQError | undefined) => void;
    maxFrameBytes?: number;
    /** Sign every request (ACL; AclClientRPCHook), after all its extFields are final. */
    credentials?: Credentials;
    /** Connect with TLS (NameServer and brokers alike, as the Java client's useTLS). */
    tls?: TlsConnectionOptions;
}
export type RemotingClientEvents = {
    /** A pooled connection closed; it is already out of the pool. `err` is undefined for a deliberate close. */
    connectionClosed: [address: string, err: RocketMQError | undefined];
};
export declare class RemotingClient extends EventEmitter<RemotingClientEvents> {
    private readonly connections;
    private readonly log;
    private readonly logger;
    private readonly opts;
    private closed;
    constructor(opts?: RemotingClientOptions);
    get isClosed(): boolean;
    /** Addresses with a live (connecting or open) connection. */
    addresses(): string[];
    /** The pooled connection for `address`, created (not yet connected) if there is none. */
    getConnection(address: string): Connection;
    invoke(address: string, code: number, extFields?: Record<string, string>, body?: Buffer, opts?: InvokeOptions): Promise<RemotingCommand>;
    invokeOneway(address: string, code: number, extFields?: Record<string, string>, body?: Buffer, opts?: InvokeOptions): Promise<void>;
    /** Close the connection to one address (pending requests fail with ERR_CONNECTION_CLOSED). */
    closeConnection(address: string, reason?: Error): void;
    /** Close every connection and wait for the sockets to go away; later calls fail with ERR_CLOSED. Idempotent. */
    close(): Promise<void>;
    private onClosed;
    /** The last step before a request leaves: nothing may change its extFields or body after this. */
    private sign;
    private closedError;
}
//# sourceMappingURL=remoting-client.d.ts.map