/**
 * What every part of a consumer receives from the member that wires it (DESIGN.md "Splitting the consumer"): the
 * group, the parsed options, the cluster port, the logger, typed events and one way to report a failure. A part never
 * imports the member; a unit test builds a part with a context of its own.
 */
import type { EventEmitter } from 'node:events';
import type { RocketMQError } from '../errors.js';
import { type Logger } from '../logger.js';
import { type ClusterFactory, type ClusterPort } from '../cluster/port.js';
import type { BaseConsumerOptions } from '../config/consumer.js';
import type { ConsumerEvents } from './types.js';
export interface ConsumerContext {
    readonly group: string;
    readonly broadcasting: boolean;
    readonly options: BaseConsumerOptions;
    readonly logger: Logger;
    readonly cluster: ClusterPort;
    /** Whether anyone listens (build an event's payload only then). */
    listening(event: keyof ConsumerEvents): boolean;
    emit<K extends keyof ConsumerEvents>(event: K, ...args: ConsumerEvents[K]): void;
    /**
     * A background failure: logged and emitted as `error` (never thrown out of a timer or socket callback); with neither
     * an `error` listener nor a logger, the first of each code becomes a process warning (warnUnheard).
     */
    report(err: RocketMQError): void;
}
/** The consumer's cluster client (the real client instance unless a test passes a factory), from its options. */
export declare function consumerCluster(o: BaseConsumerOptions, logger: Logger, factory?: ClusterFactory): ClusterPort;
export declare function createContext(options: BaseConsumerOptions, cluster: ClusterPort, logger: Logger, events: EventEmitter<ConsumerEvents>): ConsumerContext;
//# sourceMappingURL=context.d.ts.map