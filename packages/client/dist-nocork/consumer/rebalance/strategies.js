/**
 * Queue allocation strategies: which of a topic's queues this consumer owns, computed exactly as the Java
 * client's `AllocateMessageQueue*` classes do, so TypeScript and Java members of one group agree.
 *
 * Every member runs the same function over the same sorted inputs (queues in Java `MessageQueue.compareTo`
 * order, client ids in `String.compareTo` order) and keeps its own share; no coordination is needed as long as
 * the inputs and the algorithm match.
 */
import { ALLOCATION_NAMES } from '../../config/consumer.js';
import { RocketMQError } from '../../errors.js';
import { silentLogger } from '../../logger.js';
import { compareMessageQueues } from '../../protocol/route.js';
import { ConsistentHashRing } from './consistent-hash.js';
/** Java `MessageQueue.compareTo` order, the order `messageQueues` must be in (re-exported from protocol/route). */
export { compareMessageQueues };
/** The built-in strategy names (the list lives with the option schema that checks it). */
export const BUILT_IN_STRATEGIES = ALLOCATION_NAMES;
/** Java `String.compareTo` order (UTF-16 code units), which is also JavaScript's default string order. */
export function compareClientIds(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/** Java `MessageQueue.toString()`, the key the consistent-hash strategy hashes. */
export function messageQueueKey(mq) {
    return `MessageQueue [topic=${mq.topic}, brokerName=${mq.brokerName}, queueId=${mq.queueId}]`;
}
/**
 * Java `AbstractAllocateMessageQueueStrategy.check`. Java throws on an empty client id, queue list or client
 * list; an allocation is only ever asked for with all three, so here they simply own nothing. A client missing
 * from the list (its heartbeat has not reached the broker yet) owns nothing and is reported.
 */
function check(ctx, logger, strategy) {
    if (!ctx.currentClientId || ctx.messageQueues.length === 0 || ctx.clientIds.length === 0)
        return false;
    if (!ctx.clientIds.includes(ctx.currentClientId)) {
        logger.warn({ group: ctx.consumerGroup, topic: ctx.topic, clientId: ctx.currentClientId, clientIds: ctx.clientIds, strategy }, 'this client is not in the group client list yet; it owns no queue until the next rebalance');
        return false;
    }
    return true;
}
function strategy(name, allocate) {
    return Object.freeze({ name, allocate });
}
/**
 * Java `AllocateMessageQueueAveragely` (AVG): contiguous blocks, the first `queues % clients` members one
 * queue larger. 8 queues over 3 clients: [0,1,2] [3,4,5] [6,7].
 */
export function averagely(opts = {}) {
    const logger = opts.logger ?? silentLogger;
    return strategy('AVG', (ctx) => {
        if (!check(ctx, logger, 'AVG'))
            return [];
        const queues = ctx.messageQueues.length;
        const clients = ctx.clientIds.length;
        const index = ctx.clientIds.indexOf(ctx.currentClientId);
        const mod = queues % clients;
        const larger = mod > 0 && index < mod;
        const size = queues <= clients ? 1 : Math.floor(queues / clients) + (larger ? 1 : 0);
        const start = larger ? index * size : index * size + mod;
        const count = Math.min(size, queues - start);
        return count > 0 ? ctx.messageQueues.slice(start, start + count) : [];
    });
}
/** Java `AllocateMessageQueueAveragelyByCircle` (AVG_BY_CIRCLE): queue i goes to client i mod clients. */
export function averagelyByCircle(opts = {}) {
    const logger = opts.logger ?? silentLogger;
    return strategy('AVG_BY_CIRCLE', (ctx) => {
        if (!check(ctx, logger, 'AVG_BY_CIRCLE'))
            return [];
        const clients = ctx.clientIds.length;
        const result = [];
        for (let i = ctx.clientIds.indexOf(ctx.currentClientId); i < ctx.messageQueues.length; i += clients) {
            result.push(ctx.messageQueues[i]);
        }
        return result;
    });
}
/**
 * Java `AllocateMessageQueueConsistentHash` (CONSISTENT_HASH): each client is placed `virtualNodes` times on an
 * MD5 ring (`clientId-i`); a queue belongs to the first ring node at or after the hash of `mq.toString()`.
 */
export function consistentHash(opts = {}) {
    const virtualNodes = opts.virtualNodes ?? 10;
    if (!Number.isInteger(virtualNodes) || virtualNodes < 0) {
        throw new RocketMQError('ERR_INVALID_OPTION', `allocationOptions.virtualNodes must be a non-negative integer (Java default 10), got ${String(virtualNodes)}`, { context: { field: 'allocationOptions.virtualNodes' } });
    }
    const logger = opts.logger ?? silentLogger;
    const hashFunction = opts.hashFunction;
    return strategy('CONSISTENT_HASH', (ctx) => {
        if (!check(ctx, logger, 'CONSISTENT_HASH'))
            return [];
        const ring = new ConsistentHashRing(ctx.clientIds, virtualNodes, hashFunction);
        return ctx.messageQueues.filter((mq) => ring.route(messageQueueKey(mq)) === ctx.currentClientId);
    });
}
/** Java `AllocateMessageQueueByConfig` (CONFIG): always the configured queues, whatever the group looks like. */
export function byConfig(queues) {
    const configured = validateQueues(queues, 'allocationOptions.queues');
    return strategy('CONFIG', () => configured.map((mq) => ({ ...mq })));
}
/** Java `String.split("@")`: trailing empty strings are dropped ("sh@" → ["sh"], "@" → []). */
function javaSplitAt(s) {
    const parts = s.split('@');
    if (s === '')
        return parts;
    while (parts.length > 0 && parts[parts.length - 1] === '')
        parts.pop();
    return parts;
}
/**
 * Java `AllocateMessageQueueByMachineRoom` (MACHINE_ROOM): only queues of brokers named `room@name` whose room is
 * in `consumeRooms` are shared out, in blocks of `floor(n / clients)`, the remainder one each to the first members.
 */
export function machineRoom(opts) {
    const rooms = opts?.consumeRooms;
    if (!Array.isArray(rooms) || rooms.length === 0 || rooms.some((r) => typeof r !== 'string')) {
        throw new RocketMQError('ERR_INVALID_OPTION', "allocationOptions.consumeRooms must be a non-empty array of machine room names for allocation 'machine-room', e.g. ['hz'] for brokers named 'hz@broker-a'", { context: { field: 'allocationOptions.consumeRooms' } });
    }
    const consumeRooms = new Set(rooms);
    const logger = opts.logger ?? silentLogger;
    return strategy('MACHINE_ROOM', (ctx) => {
        if (!check(ctx, logger, 'MACHINE_ROOM'))
            return [];
        const index = ctx.clientIds.indexOf(ctx.currentClientId);
        const clients = ctx.clientIds.length;
        const eligible = ctx.messageQueues.filter((mq) => {
            const parts = javaSplitAt(mq.brokerName);
            return parts.length === 2 && consumeRooms.has(parts[0]);
        });
        const block = Math.floor(eligible.length / clients);
        const rem = eligible.length % clients;
        const result = eligible.slice(block * index, block * index + block);
        if (rem > index)
            result.push(eligible[index + block * clients]);
        return result;
    });
}
/**
 * Java `AllocateMachineRoomNearby` (MACHINE_ROOM_NEARBY-<inner>): queues of a room with live consumers go only to
 * those consumers (shared by `fallback`); queues of a room with none are shared by everyone. Rooms are visited in
 * sorted order, as Java's TreeMap does.
 */
export function machineRoomNearby(opts) {
    const resolver = opts?.resolver;
    if (resolver === null ||
        typeof resolver !== 'object' ||
        typeof resolver.brokerDeployedIn !== 'function' ||
        typeof resolver.consumerDeployedIn !== 'function') {
        throw new RocketMQError('ERR_INVALID_OPTION', "allocationOptions.resolver must be { brokerDeployedIn(mq): string, consumerDeployedIn(clientId): string } for allocation 'machine-room-nearby'", { context: { field: 'allocationOptions.resolver' } });
    }
    const logger = opts.logger ?? silentLogger;
    const inner = opts.fallback ?? averagely({ logger });
    const name = `MACHINE_ROOM_NEARBY-${inner.name}`;
    const roomOf = (room, what) => {
        if (typeof room !== 'string' || room === '') {
            throw new RocketMQError('ERR_INVALID_OPTION', `allocationOptions.resolver returned no machine room for ${what}`, {
                context: { field: 'allocationOptions.resolver' },
            });
        }
        return room;
    };
    return strategy(name, (ctx) => {
        if (!check(ctx, logger, name))
            return [];
        const queuesByRoom = new Map();
        for (const mq of ctx.messageQueues) {
            const room = roomOf(resolver.brokerDeployedIn(mq), messageQueueKey(mq));
            const list = queuesByRoom.get(room);
            if (list)
                list.push(mq);
            else
                queuesByRoom.set(room, [mq]);
        }
        const clientsByRoom = new Map();
        for (const cid of ctx.clientIds) {
            const room = roomOf(resolver.consumerDeployedIn(cid), `consumer ${cid}`);
            const list = clientsByRoom.get(room);
            if (list)
                list.push(cid);
            else
                clientsByRoom.set(room, [cid]);
        }
        const parts = [];
        const myRoom = resolver.consumerDeployedIn(ctx.currentClientId);
        const mine = queuesByRoom.get(myRoom);
        queuesByRoom.delete(myRoom);
        if (mine && mine.length > 0) {
            parts.push(inner.allocate({ ...ctx, messageQueues: mine, clientIds: clientsByRoom.get(myRoom) ?? [] }));
        }
        for (const room of [...queuesByRoom.keys()].sort(compareClientIds)) {
            if (!clientsByRoom.has(room)) {
                parts.push(inner.allocate({ ...ctx, messageQueues: queuesByRoom.get(room) }));
            }
        }
        if (parts.some((p) => p instanceof Promise))
            return Promise.all(parts).then((lists) => lists.flat());
        return parts.flat();
    });
}
function invalidAllocation(detail) {
    return new RocketMQError('ERR_INVALID_OPTION', `allocation ${detail}; use one of ${BUILT_IN_STRATEGIES.map((n) => `'${n}'`).join(', ')}, a function (ctx) => queues, or { name, allocate }`, { context: { field: 'allocation' } });
}
function validateQueues(queues, field) {
    const ok = Array.isArray(queues) &&
        queues.every((q) => q !== null &&
            typeof q === 'object' &&
            typeof q.topic === 'string' &&
            typeof q.brokerName === 'string' &&
            Number.isInteger(q.queueId));
    if (!ok) {
        throw new RocketMQError('ERR_INVALID_OPTION', `${field} must be an array of { topic, brokerName, queueId } for allocation 'by-config', e.g. [{ topic: 'T', brokerName: 'broker-a', queueId: 0 }]`, { context: { field } });
    }
    return queues.map((q) => ({ topic: q.topic, brokerName: q.brokerName, queueId: q.queueId }));
}
/**
 * One member's share of a topic's queues: the queues and client ids sorted as Java sorts them, then the strategy.
 * The rebalancer calls this on every pass and `Admin.explainAllocation` calls it once per member, so a dry run
 * answers exactly what the members compute.
 */
export function allocateQueues(strategy, input) {
    return strategy.allocate({
        consumerGroup: input.group,
        currentClientId: input.clientId,
        messageQueues: [...input.queues].sort(compareMessageQueues),
        clientIds: [...input.clientIds].sort(compareClientIds),
        topic: input.topic,
    });
}
/**
 * Turns the consumer's `allocation` option (and `allocationOptions`) into a strategy: a built-in name, a bare
 * function (named after the function, or 'CUSTOM'), or a `{ name, allocate }` object used as is.
 */
export function resolveStrategy(spec, options = {}) {
    const { logger } = options;
    if (typeof spec === 'function')
        return strategy(spec.name || 'CUSTOM', spec);
    if (typeof spec === 'string') {
        switch (spec) {
            case 'averagely':
                return averagely({ logger });
            case 'averagely-by-circle':
                return averagelyByCircle({ logger });
            case 'consistent-hash':
                return consistentHash({ virtualNodes: options.virtualNodes, hashFunction: options.hashFunction, logger });
            case 'by-config':
                return byConfig(validateQueues(options.queues, 'allocationOptions.queues'));
            case 'machine-room':
                return machineRoom({ consumeRooms: options.consumeRooms, logger });
            case 'machine-room-nearby': {
                const { fallback, ...rest } = options;
                const inner = fallback === undefined ? undefined : resolveStrategy(fallback, rest);
                return machineRoomNearby({ resolver: options.resolver, fallback: inner, logger });
            }
            default:
                throw invalidAllocation(`'${spec}' is not a known strategy`);
        }
    }
    if (spec !== null && typeof spec === 'object' && typeof spec.allocate === 'function' && typeof spec.name === 'string') {
        return spec;
    }
    throw invalidAllocation('must be a strategy name');
}
//# sourceMappingURL=strategies.js.map