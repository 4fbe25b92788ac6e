import { type ClientDeps } from '../cluster/port.js';
import { type AdminOptionsInput, type CreateTopicOptions, type ResetTarget } from '../config/admin.js';
import type { AllocationExplanation, ExplainAllocationInput, GroupDescription, ResetOffsetResult, TopicRouteInfo, TopicStats } from './types.js';
/**
 * Operations on a RocketMQ cluster over remoting: create/delete topics, read routes and queue offsets, describe a
 * consumer group (members, queue owners, lag), reset a group's offsets, and dry-run a queue allocation.
 *
 * ```ts
 * const admin = new Admin({ nameServer: '127.0.0.1:9876' })
 * await admin.createTopic('TopicOrderPaySuccess', { queuesPerBroker: 2 })
 * const g = await admin.describeGroup('stock_consumer_group')
 * await admin.close()
 * ```
 * Every failure is a `RocketMQError` (`ERR_TOPIC_NOT_FOUND`, `ERR_GROUP_NOT_FOUND`, `ERR_BROKER_NOT_FOUND`,
 * `ERR_UNSUPPORTED_VERSION`, `ERR_FORBIDDEN`, ...).
 */
export declare class Admin {
    private readonly options;
    private readonly cluster;
    private readonly logger;
    private closed;
    /**
     * Checks the options (ERR_INVALID_OPTION names a wrong one); connects on first use.
     * @param options the connection options, as the consumers' (see {@link AdminOptions})
     * @param deps test seam: a scripted cluster instead of the network
     */
    constructor(options: AdminOptionsInput, deps?: ClientDeps);
    private get timeout();
    private check;
    /**
     * Runs `fn` on the NameServers in order until one answers (transport failures move on, after one fresh connection if
     * the first closed under the request; a broker answer is final).
     */
    private onNameServer;
    private clusterInfo;
    private route;
    /**
     * Creates (or updates) a topic with `queuesPerBroker` read and write queues on each master of `brokers` (default:
     * every broker the NameServer knows), and on their slaves, then waits until the NameServer routes it on all of
     * them. Returns the route.
     */
    createTopic(topic: string, options: CreateTopicOptions): Promise<TopicRouteInfo>;
    /** Deletes a topic from every broker (masters and slaves) and every NameServer, as `mqadmin deleteTopic -c` does. */
    deleteTopic(topic: string): Promise<void>;
    /** The topic's route: brokers (master and replica addresses), queue counts and permissions, consumer queues. */
    topicRoute(topic: string): Promise<TopicRouteInfo>;
    /** Per queue: the lowest and next offset, and the store time of the last message (GET_TOPIC_STATS_INFO). */
    topicStats(topic: string): Promise<TopicStats>;
    /**
     * What a consumer group is doing: its members (client id, address, language, version, subscriptions, the queues
     * each holds) and every queue of its topics with owner, committed offset, broker max offset, lag, last consume
     * time and whether the owner reads it from a slave. A stopped group has no members but still its offsets.
     * `topics`: look at these topics too (default: the members' subscriptions, or every topic the group has offsets
     * for when it is stopped); `includeRetryTopic`: also list `%RETRY%<group>`'s queues.
     */
    describeGroup(group: string, options?: {
        topics?: string[];
        includeRetryTopic?: boolean;
    }): Promise<GroupDescription>;
    /**
     * Moves a group's consume offsets on `topic`, for a running group (its members continue from there) and for a
     * stopped one (it starts from there), as `mqadmin resetOffsetByTime` does:
     * - `{ timestamp }` (ms or Date): every queue to its first message stored at or after that time
     *   (INVOKE_BROKER_TO_RESET_OFFSET; the 5.x broker moves the offsets itself, a 4.9 broker tells the running members;
     *   a group without members gets its offsets written directly).
     * - `{ offsets: [{ queue: { brokerName, queueId }, offset }] }`: those queues to those offsets. A running group needs
     *   5.x brokers (server-side reset); on 4.9 this is `ERR_UNSUPPORTED_VERSION` unless the group is stopped.
     */
    resetOffset(group: string, topic: string, target: ResetTarget): Promise<ResetOffsetResult>;
    /**
     * How the brokers hand out `topic` to `group` (SET_MESSAGE_REQUEST_MODE on every master that serves the topic, as
     * `mqadmin setConsumeMode -c` does; 5.x brokers, which keep it across restarts): `'pop'` = messages to any member
     * (POP consumption; `popShareQueueNum` 0 = every member pops every queue, N = its own queues and those of the next N
     * members), `'pull'` = queues to members (the default). A `PushConsumer` with `pop` sets `'pop'` at start by itself.
     * Returns the brokers it was set on.
     */
    setMessageRequestMode(group: string, topic: string, mode: 'pop' | 'pull', popShareQueueNum?: number): Promise<string[]>;
    /** What the group and offset operations (describe-group.ts, reset-offset.ts) need from this Admin. */
    private io;
    /**
     * A dry run of a queue allocation: which of `topic`'s queues each of `members` (client ids) would own under
     * `strategy` (a built-in name, a function or `{ name, allocate }`; default 'averagely'). It runs the consumers' own
     * code (the same sort and strategy call as every rebalance), on the topic's current route.
     */
    explainAllocation(input: ExplainAllocationInput): Promise<AllocationExplanation>;
    /** Closes the connections. Idempotent. */
    close(): Promise<void>;
    /** `await using admin = new Admin(...)`: `close()` at the end of the scope. */
    [Symbol.asyncDispose](): Promise<void>;
}
//# sourceMappingURL=admin.d.ts.map