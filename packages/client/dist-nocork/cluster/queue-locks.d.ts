import type { MessageQueue } from '../protocol/route.js';
import { type Invoker } from './broker-api.js';
export interface QueueLockRequest {
    group: string;
    clientId: string;
    /** Queues of one broker (the request goes to that broker's master). */
    queues: readonly MessageQueue[];
    /** Java sends false: with the broker's `lockInStrictMode`, the master then also locks on its replicas. */
    onlyThisBroker?: boolean;
}
/** The Java client's default for both requests (RebalanceImpl.lock/lockAll/unlock: 1000 ms). */
export declare const QUEUE_LOCK_TIMEOUT_MS = 1000;
/** The request body, byte for byte as the Java 5.x client encodes LockBatchRequestBody / UnlockBatchRequestBody. */
export declare function encodeQueueLockBody(r: QueueLockRequest): Buffer;
/** The queues of a LockBatchResponseBody; throws ERR_MALFORMED_FRAME on a body that is not one. */
export declare function decodeLockedQueues(body: Buffer | undefined): MessageQueue[];
/** LOCK_BATCH_MQ: returns the subset of `queues` this client holds now (newly locked or renewed). */
export declare function lockBatchMQ(invoker: Invoker, address: string, r: QueueLockRequest, timeoutMs?: number): Promise<MessageQueue[]>;
/** UNLOCK_BATCH_MQ: releases this client's locks on `queues` (oneway on revoke, as Java; awaited on close). */
export declare function unlockBatchMQ(invoker: Invoker, address: string, r: QueueLockRequest, opts?: {
    oneway?: boolean;
    timeoutMs?: number;
}): Promise<void>;
//# sourceMappingURL=queue-locks.d.ts.map