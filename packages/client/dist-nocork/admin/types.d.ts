/** The typed results of `Admin`. */
import type { RocketMQError } from '../errors.js';
import type { MessageQueue } from '../protocol/route.js';
import type { AllocationFunction, AllocationStrategy } from '../consumer/rebalance/strategies.js';
/** `admin.getTopicRoute(topic)`: where a topic's queues live, as the NameServer knows it. */
export interface TopicRouteInfo {
    /** The topic (without namespace). */
    topic: string;
    /** One entry per broker name that has queues of the topic, sorted by name. */
    brokers: Array<{
        /** The broker name (master and slaves share it), e.g. `broker-a`. */
        brokerName: string;
        /** The cluster the broker belongs to. */
        cluster: string;
        /** The master's address; undefined while the master is down. */
        master: string | undefined;
        /** Every registered node of this broker name, master (id 0) first. */
        replicas: Array<{
            /** 0 for the master, 1.. for slaves. */
            brokerId: number;
            /** `host:port` of the node. */
            address: string;
        }>;
        /** Queues consumers read on this broker. */
        readQueues: number;
        /** Queues producers write on this broker. */
        writeQueues: number;
        /** PermName bits: 6 = read+write, 4 = read only, 2 = write only. */
        perm: number;
    }>;
    /** The queues consumers share, in Java's order. */
    queues: MessageQueue[];
    /** The NameServer's order configuration (`broker-a:4;broker-b:4`) of an ordered topic. */
    orderTopicConf?: string;
}
/** `admin.getTopicStats(topic)`: the offsets of every queue of a topic. */
export interface TopicStats {
    /** The topic (without namespace). */
    topic: string;
    /** One entry per queue, in Java's queue order. */
    queues: Array<{
        /** The queue. */
        queue: MessageQueue;
        /** The lowest offset still stored. */
        minOffset: number;
        /** The offset the next message will get (= messages ever written to the queue). */
        maxOffset: number;
        /** Store time of the last message (ms); undefined for an empty queue. */
        lastStoreTimestamp: number | undefined;
    }>;
}
/** One online member of a consumer group (`GroupDescription.members`). */
export interface GroupMember {
    /** `ip@instance` (the member's client id). */
    clientId: string;
    /** The member's socket address as the broker sees it. */
    address: string;
    /** The language the member announces (JAVA for this SDK, as the Java client). */
    language: string;
    /** The client version the member announces, e.g. 'V4_9_4'. */
    version: string;
    /** What the member subscribed to, as its heartbeat says. */
    subscriptions: Array<{
        /** The topic (without namespace). */
        topic: string;
        /** The tag expression or SQL92 filter. */
        expression: string;
        /** How `expression` is read. */
        type: 'TAG' | 'SQL92';
    }>;
    /** The queues the member says it holds (its own assignment). */
    queues: MessageQueue[];
    /** Set when the member did not answer GET_CONSUMER_RUNNING_INFO (its queues are then unknown). */
    runningInfoError?: RocketMQError;
}
/** A consumer group's progress on one queue (`GroupDescription.queues`). */
export interface QueueProgress {
    /** The queue. */
    queue: MessageQueue;
    /** Client id of the member holding the queue; undefined when none does (or it did not say). */
    owner: string | undefined;
    /** The broker's max offset (next offset to be written). */
    brokerOffset: number;
    /** The group's committed offset (0 when none is stored, as the broker reports it). */
    committedOffset: number;
    /** brokerOffset - committedOffset. */
    lag: number;
    /** Pulled but not yet committed (broker's pull offset - committed). */
    inflight: number;
    /** Store time of the last consumed message (ms); undefined when nothing was consumed. */
    lastConsumeTimestamp: number | undefined;
    /** true when the owner pulls the queue from a slave (members of this SDK say so; others: undefined). */
    readFromSlave: boolean | undefined;
}
/** `admin.describeGroup(group)`: members, their subscriptions and queues, and the lag of every queue. */
export interface GroupDescription {
    /** The consumer group (without namespace). */
    group: string;
    /** 'running' when at least one member is online. */
    state: 'running' | 'stopped';
    /** `CONSUME_PASSIVELY` (push) or `CONSUME_ACTIVELY` (pull), as the members announce it; undefined with no member. */
    consumeType?: string | undefined;
    /** `CLUSTERING` or `BROADCASTING`, as the members announce it; undefined with no member. */
    messageModel?: string | undefined;
    /** Where a new member starts (`CONSUME_FROM_LAST_OFFSET`, ...), as the members announce it; undefined with no member. */
    consumeFromWhere?: string | undefined;
    /** Sorted by client id. */
    members: GroupMember[];
    /** Every queue of the group's topics (not `%RETRY%` unless asked), in Java's queue order. */
    queues: QueueProgress[];
    /** The sum of every queue's lag: messages written but not yet committed by the group. */
    totalLag: number;
    /** Messages per second pulled by the group, as the brokers count them. */
    consumeTps: number;
}
/** `admin.resetOffset(group, topic, target)`: what was reset, and how. */
export interface ResetOffsetResult {
    /** The consumer group (without namespace). */
    group: string;
    /** The topic (without namespace). */
    topic: string;
    /** The new offset of every queue that was reset. */
    queues: Array<{
        /** The queue. */
        queue: MessageQueue;
        /** Its new committed offset. */
        offset: number;
    }>;
    /**
     * How each broker's queues were reset: 'broker' (5.x server-side reset: running members pick it up on their next
     * pull), 'members' (the broker told the running members, 4.9 style), 'direct' (no member online: offsets written).
     */
    brokers: Array<{
        /** The broker name. */
        brokerName: string;
        /** The broker's version, e.g. `V5_3_1`. */
        brokerVersion: string;
        /** How its queues were reset (see above). */
        method: 'broker' | 'members' | 'direct';
    }>;
}
/** `admin.explainAllocation(input)`: a dry run of a strategy over given members. */
export interface ExplainAllocationInput {
    /** The topic whose queues are shared. */
    topic: string;
    /** Client ids of the members (e.g. describeGroup's members plus hypothetical ones). */
    members: string[];
    /** A built-in name ('averagely', ...), a function, or { name, allocate }. Default 'averagely'. */
    strategy?: string | AllocationFunction | AllocationStrategy;
    /** The consumers' `allocationOptions` (by-config queues, machine-room rooms, nearby resolver). */
    allocationOptions?: Record<string, unknown>;
    /** The group name passed to the strategy (only custom strategies look at it). */
    group?: string;
}
/** The result of `admin.explainAllocation`: which member would own which queue. */
export interface AllocationExplanation {
    /** The topic whose queues are shared. */
    topic: string;
    /** The strategy's name. */
    strategy: string;
    /** Every queue consumers share, in Java's order. */
    queues: MessageQueue[];
    /** Sorted by client id. */
    members: Array<{
        /** The member's client id. */
        clientId: string;
        /** The queues it would own. */
        queues: MessageQueue[];
    }>;
    /** Queues nobody would own. */
    unassigned: MessageQueue[];
}
//# sourceMappingURL=types.d.ts.map