import type { ResetTarget } from '../config/admin.js';
import type { AdminIO } from './admin-io.js';
import type { ResetOffsetResult } from './types.js';
/**
 * Moves a group's consume offsets on `topic`, for a running group (its members continue from there) and for a
 * stopped one (it starts from there), as `mqadmin resetOffsetByTime` does:
 * - `{ timestamp }` (ms or Date): every queue to its first message stored at or after that time
 *   (INVOKE_BROKER_TO_RESET_OFFSET; the 5.x broker moves the offsets itself, a 4.9 broker tells the running members;
 *   a group without members gets its offsets written directly).
 * - `{ offsets: [{ queue: { brokerName, queueId }, offset }] }`: those queues to those offsets. A running group needs
 *   5.x brokers (server-side reset); on 4.9 this is `ERR_UNSUPPORTED_VERSION` unless the group is stopped.
 */
export declare function resetOffset(io: AdminIO, g: string, t: string, to: ResetTarget): Promise<ResetOffsetResult>;
//# sourceMappingURL=reset-offset.d.ts.map