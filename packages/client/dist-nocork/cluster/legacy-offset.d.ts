import type { RemotingCommand } from '../remoting/command.js';
import type { MessageQueue } from '../protocol/route.js';
type Invoke = (address: string, code: number, extFields?: Record<string, string>, body?: Buffer, opts?: {
    timeoutMs?: number;
}) => Promise<RemotingCommand>;
/** Whether a 4.x broker stores an offset of `group` for `mq` (its offset table, cached for 2 s per broker). */
export declare function hasStoredOffset(invoke: Invoke, address: string, group: string, mq: MessageQueue, timeoutMs: number): Promise<boolean>;
export {};
//# sourceMappingURL=legacy-offset.d.ts.map