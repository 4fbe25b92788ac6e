/**
 * Queue allocation strategies: which of a topic's queues this consumer owns, computed exactly as the Java
 * client's `AllocateMessageQueue*` classes do, so TypeScript and Java members of one group agree.
 *
 * Every member runs the same function over the same sorted inputs (queues in Java `MessageQueue.compareTo`
 * order, client ids in `String.compareTo` order) and keeps its own share; no coordination is needed as long as
 * the inputs and the algorithm match.
 */
import { type AllocationName } from '../../config/consumer.js';
import { type Logger } from '../../logger.js';
import { compareMessageQueues, type MessageQueue } from '../../protocol/route.js';
import { type HashFunction } from './consistent-hash.js';
export type { MessageQueue };
/** Java `MessageQueue.compareTo` order, the order `messageQueues` must be in (re-exported from protocol/route). */
export { compareMessageQueues };
/** What an allocation strategy is given: one topic's queues and the group's members. */
export interface AllocationContext {
    /** The consumer group. */
    consumerGroup: string;
    /** The client id of the member asking (its share is the result). */
    currentClientId: string;
    /** Every queue of the topic, sorted by Java order (see `compareMessageQueues`). */
    messageQueues: readonly MessageQueue[];
    /** Every live client id of the group, sorted. */
    clientIds: readonly string[];
    /** The topic being shared. */
    topic: string;
}
/** A strategy as a function: `(context) => this member's queues` (sync or async). */
export type AllocationFunction = (ctx: AllocationContext) => MessageQueue[] | Promise<MessageQueue[]>;
/** A named strategy (the name is what the Java client's `getName()` would say, shown in the broker's console). */
export interface AllocationStrategy {
    /** The Java `getName()` of the equivalent strategy (AVG, AVG_BY_CIRCLE, …) or the custom strategy's name. */
    readonly name: string;
    /** This member's share of the topic's queues. */
    allocate: AllocationFunction;
}
/** The built-in strategy names (the list lives with the option schema that checks it). */
export declare const BUILT_IN_STRATEGIES: readonly ["averagely", "averagely-by-circle", "consistent-hash", "by-config", "machine-room", "machine-room-nearby"];
export type BuiltInStrategyName = AllocationName;
/** Options every built-in strategy accepts: where to report a client that is not in the client list. */
export interface StrategyOptions {
    /** Where a client missing from the client list is reported (warn). Default silent. */
    logger?: Logger;
}
/** Tells `machine-room-nearby` where brokers and consumers run. */
export interface MachineRoomResolver {
    /** The machine room a queue's broker runs in; must not be empty. */
    brokerDeployedIn(mq: MessageQueue): string;
    /** The machine room a consumer runs in; must not be empty. */
    consumerDeployedIn(clientId: string): string;
}
/** What `resolveStrategy` reads for the built-ins that need more than a name (the consumer's `allocationOptions`). */
export interface ResolveStrategyOptions extends StrategyOptions {
    /** consistent-hash: virtual nodes per client (Java default 10). */
    virtualNodes?: number;
    /** consistent-hash: replace the MD5 ring hash (must match every other member of the group). */
    hashFunction?: HashFunction;
    /** by-config: the queues this member consumes. */
    queues?: MessageQueue[];
    /** machine-room: the rooms whose brokers this group consumes (broker names are `room@name`). */
    consumeRooms?: string[];
    /** machine-room-nearby: maps brokers and consumers to rooms. */
    resolver?: MachineRoomResolver;
    /** machine-room-nearby: the strategy used inside a room (default 'averagely'). */
    fallback?: string | AllocationFunction | AllocationStrategy;
}
/** Java `String.compareTo` order (UTF-16 code units), which is also JavaScript's default string order. */
export declare function compareClientIds(a: string, b: string): number;
/** Java `MessageQueue.toString()`, the key the consistent-hash strategy hashes. */
export declare function messageQueueKey(mq: MessageQueue): string;
/**
 * Java `AllocateMessageQueueAveragely` (AVG): contiguous blocks, the first `queues % clients` members one
 * queue larger. 8 queues over 3 clients: [0,1,2] [3,4,5] [6,7].
 */
export declare function averagely(opts?: StrategyOptions): AllocationStrategy;
/** Java `AllocateMessageQueueAveragelyByCircle` (AVG_BY_CIRCLE): queue i goes to client i mod clients. */
export declare function averagelyByCircle(opts?: StrategyOptions): AllocationStrategy;
/**
 * Java `AllocateMessageQueueConsistentHash` (CONSISTENT_HASH): each client is placed `virtualNodes` times on an
 * MD5 ring (`clientId-i`); a queue belongs to the first ring node at or after the hash of `mq.toString()`.
 */
export declare function consistentHash(opts?: {
    virtualNodes?: number;
    hashFunction?: HashFunction;
} & StrategyOptions): AllocationStrategy;
/** Java `AllocateMessageQueueByConfig` (CONFIG): always the configured queues, whatever the group looks like. */
export declare function byConfig(queues: MessageQueue[]): AllocationStrategy;
/**
 * Java `AllocateMessageQueueByMachineRoom` (MACHINE_ROOM): only queues of brokers named `room@name` whose room is
 * in `consumeRooms` are shared out, in blocks of `floor(n / clients)`, the remainder one each to the first members.
 */
export declare function machineRoom(opts: {
    consumeRooms: string[];
} & StrategyOptions): AllocationStrategy;
/**
 * Java `AllocateMachineRoomNearby` (MACHINE_ROOM_NEARBY-<inner>): queues of a room with live consumers go only to
 * those consumers (shared by `fallback`); queues of a room with none are shared by everyone. Rooms are visited in
 * sorted order, as Java's TreeMap does.
 */
export declare function machineRoomNearby(opts: {
    fallback?: AllocationStrategy;
    resolver: MachineRoomResolver;
} & StrategyOptions): AllocationStrategy;
/**
 * One member's share of a topic's queues: the queues and client ids sorted as Java sorts them, then the strategy.
 * The rebalancer calls this on every pass and `Admin.explainAllocation` calls it once per member, so a dry run
 * answers exactly what the members compute.
 */
export declare function allocateQueues(strategy: AllocationStrategy, input: {
    group: string;
    topic: string;
    queues: readonly MessageQueue[];
    clientIds: readonly string[];
    clientId: string;
}): MessageQueue[] | Promise<MessageQueue[]>;
/**
 * Turns the consumer's `allocation` option (and `allocationOptions`) into a strategy: a built-in name, a bare
 * function (named after the function, or 'CUSTOM'), or a `{ name, allocate }` object used as is.
 */
export declare function resolveStrategy(spec: string | AllocationFunction | AllocationStrategy, options?: ResolveStrategyOptions): AllocationStrategy;
//# sourceMappingURL=strategies.d.ts.map