import type { AdminIO } from './admin-io.js';
import type { GroupDescription } from './types.js';
/**
 * What a consumer group is doing: its members (client id, address, language, version, subscriptions, the queues
 * each holds) and every queue of its topics with owner, committed offset, broker max offset, lag, last consume
 * time and whether the owner reads it from a slave. A stopped group has no members but still its offsets.
 * `topics`: look at these topics too (default: the members' subscriptions, or every topic the group has offsets
 * for when it is stopped); `includeRetryTopic`: also list `%RETRY%<group>`'s queues.
 */
export declare function describeGroup(io: AdminIO, g: string, options: {
    topics?: string[];
    includeRetryTopic?: boolean;
}): Promise<GroupDescription>;
//# sourceMappingURL=describe-group.d.ts.map