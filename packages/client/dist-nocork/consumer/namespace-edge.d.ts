import type { MessageQueue } from '../protocol/route.js';
import type { AssignContext, RevokeContext } from './types.js';
export declare class NamespaceEdge {
    readonly namespace: string;
    constructor(namespace: string);
    /** undefined when there is no namespace: callers then skip the edge entirely. */
    static of(namespace: string | undefined): NamespaceEdge | undefined;
    wrap(name: string): string;
    unwrap(name: string): string;
    wrapQueue<Q extends MessageQueue>(q: Q): Q;
    unwrapQueue<Q extends MessageQueue>(q: Q): Q;
    /**
     * A copy of a RocketMQError with the namespace taken out of `context.topic` / `context.group` and of the message
     * (except the ACL resource to grant); any other value is returned as is.
     */
    error<E>(e: E): E;
    /** `ns%` removed from a text, except right after `-r <Type>:` (the ACL resource of an mqadmin command). */
    private text;
    /**
     * An event argument as the application sees it: messages and queues unwrapped, errors copied without the namespace,
     * arrays and plain objects mapped field by field (`topic` and `group` strings unwrapped). Other values pass through.
     */
    payload(v: unknown): unknown;
    /**
     * What the consumer's parts emit into: forwards to the public emitter with every argument mapped by `payload`.
     * The parts only call `listenerCount` and `emit` (context.ts, the policies).
     */
    events<T extends object>(target: T): T;
    onAssign(fn: ((queues: MessageQueue[], c: AssignContext) => unknown) | undefined): ((queues: MessageQueue[], c: AssignContext) => unknown) | undefined;
    onRevoke(fn: ((queues: MessageQueue[], c: RevokeContext) => unknown) | undefined): ((queues: MessageQueue[], c: RevokeContext) => unknown) | undefined;
    /**
     * An allocation the application wrote (a function or `{ name, allocate }`) sees plain names and answers with plain
     * queues. Built-in strategies (a name) run on the wire names, as in Java (consistent hashing hashes them).
     */
    allocation<A>(spec: A): A;
    undecodable<A>(choice: A): A;
}
//# sourceMappingURL=namespace-edge.d.ts.map