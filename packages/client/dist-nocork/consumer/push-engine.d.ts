/**
 * One push engine per transport behind the PushConsumer facade: the remoting engine (remoting-engine.ts: queue
 * ownership, long-polling pulls, offsets) and the proxy engine (src/grpc: POP through the 5.x proxy). Both run the
 * application's handler on the shared HandlerPool (handler-pool.ts). The proxy engine lives in the package
 * @rocketmq-ts/proxy and registers itself here when it is imported, so this package never loads gRPC.
 */
import type { ConsumerMetrics } from './metrics.js';
import type { EventEmitter } from 'node:events';
import type { MessageQueue } from '../protocol/route.js';
import type { PushEvents } from './push-policy.js';
import type { CloseResult } from './types.js';
export type { CloseResult } from './types.js';
export interface PushEngine {
    /** The parsed options (remoting or proxy shape). */
    readonly options: {
        readonly group: string;
    };
    /** The client id (the proxy engine knows it after start). */
    readonly clientId: string;
    /** Connect and resolve once consumption runs (remoting: after the first rebalance). */
    start(): Promise<void>;
    /** Queues owned now ([] through the proxy: the broker hands out messages, not queues). */
    assignment(): MessageQueue[];
    /** Owned queues' offsets, lag and cache (no queues through the proxy). */
    metrics(): ConsumerMetrics;
    /** Rebalance now (nothing through the proxy). */
    rebalance(): Promise<void>;
    /** Stop, drain up to `timeoutMs`, settle, disconnect; idempotent. */
    close(opts: {
        timeoutMs?: number;
    }): Promise<CloseResult>;
}
/** Builds an engine from the user's options (checked by the engine's own schema) and the facade's emitter. */
export type PushEngineFactory = (options: unknown, events: EventEmitter<PushEvents>) => PushEngine;
/** Called by @rocketmq-ts/proxy when it is loaded. */
export declare function registerProxyEngine(factory: PushEngineFactory): void;
export declare function createProxyEngine(options: unknown, events: EventEmitter<PushEvents>): PushEngine;
//# sourceMappingURL=push-engine.d.ts.map