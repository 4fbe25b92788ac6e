import { RocketMQError } from '../errors.js';
import { MessageView } from '../protocol/message.js';
import { unwrapQueue, unwrapView, withoutNamespace, wrapNamespace, wrapQueue } from '../protocol/namespace.js';
export class NamespaceEdge {
    namespace;
    constructor(namespace) {
        this.namespace = namespace;
    }
    /** undefined when there is no namespace: callers then skip the edge entirely. */
    static of(namespace) {
        return namespace ? new NamespaceEdge(namespace) : undefined;
    }
    wrap(name) {
        return wrapNamespace(this.namespace, name);
    }
    unwrap(name) {
        return withoutNamespace(this.namespace, name);
    }
    wrapQueue(q) {
        return wrapQueue(this.namespace, q);
    }
    unwrapQueue(q) {
        return unwrapQueue(this.namespace, q);
    }
    /**
     * A copy of a RocketMQError with the namespace taken out of `context.topic` / `context.group` and of the message
     * (except the ACL resource to grant); any other value is returned as is.
     */
    error(e) {
        if (!(e instanceof RocketMQError))
            return e;
        const ctx = e.context;
        const topic = typeof ctx.topic === 'string' ? this.unwrap(ctx.topic) : ctx.topic;
        const group = typeof ctx.group === 'string' ? this.unwrap(ctx.group) : ctx.group;
        const message = this.text(e.message);
        if (topic === ctx.topic && group === ctx.group && message === e.message)
            return e;
        const copy = Object.create(Object.getPrototypeOf(e));
        Object.defineProperties(copy, Object.getOwnPropertyDescriptors(e));
        Object.defineProperty(copy, 'message', { value: message, writable: true, configurable: true, enumerable: false });
        if (typeof e.stack === 'string')
            Object.defineProperty(copy, 'stack', { value: e.stack.replace(e.message, message), writable: true, configurable: true, enumerable: false });
        Object.defineProperty(copy, 'context', {
            value: { ...ctx, ...(topic === undefined ? {} : { topic }), ...(group === undefined ? {} : { group }), namespace: this.namespace },
            writable: false,
            configurable: true,
            enumerable: true,
        });
        return copy;
    }
    /** `ns%` removed from a text, except right after `-r <Type>:` (the ACL resource of an mqadmin command). */
    text(s) {
        const ns = this.namespace.replace(/[|\\{}()[\]^$+*?.-]/g, '\\$&');
        return s.replace(new RegExp(`(?<!-r \\w+:(?:%RETRY%|%DLQ%)?)(?<![\\w|-])${ns}%`, 'g'), '');
    }
    /**
     * An event argument as the application sees it: messages and queues unwrapped, errors copied without the namespace,
     * arrays and plain objects mapped field by field (`topic` and `group` strings unwrapped). Other values pass through.
     */
    payload(v) {
        if (v === null || typeof v !== 'object')
            return v;
        if (v instanceof MessageView)
            return unwrapView(this.namespace, v);
        if (v instanceof RocketMQError)
            return this.error(v);
        if (Array.isArray(v))
            return v.map((x) => this.payload(x));
        const proto = Object.getPrototypeOf(v);
        if (proto !== Object.prototype && proto !== null)
            return v;
        const out = {};
        for (const [k, x] of Object.entries(v))
            out[k] = (k === 'topic' || k === 'group') && typeof x === 'string' ? this.unwrap(x) : this.payload(x);
        return out;
    }
    /**
     * What the consumer's parts emit into: forwards to the public emitter with every argument mapped by `payload`.
     * The parts only call `listenerCount` and `emit` (context.ts, the policies).
     */
    events(target) {
        const emitter = target;
        const adapter = {
            listenerCount: (event) => emitter.listenerCount(event),
            emit: (event, ...args) => emitter.emit(event, ...args.map((a) => this.payload(a))),
        };
        return adapter;
    }
    onAssign(fn) {
        if (fn === undefined)
            return undefined;
        return (queues, c) => fn(queues.map((q) => this.unwrapQueue(q)), {
            get signal() {
                return c.signal;
            },
            seek: (q, offset) => c.seek(this.wrapQueue(q), offset),
        });
    }
    onRevoke(fn) {
        if (fn === undefined)
            return undefined;
        return (queues, c) => fn(queues.map((q) => this.unwrapQueue(q)), c);
    }
    /**
     * An allocation the application wrote (a function or `{ name, allocate }`) sees plain names and answers with plain
     * queues. Built-in strategies (a name) run on the wire names, as in Java (consistent hashing hashes them).
     */
    allocation(spec) {
        if (typeof spec === 'string' || spec === undefined || spec === null)
            return spec;
        const custom = spec;
        const allocate = typeof custom === 'function' ? custom : custom.allocate.bind(custom);
        const name = typeof custom === 'function' ? custom.name || 'CUSTOM' : custom.name;
        const mapped = {
            name,
            allocate: (input) => {
                const answer = allocate({
                    ...input,
                    consumerGroup: this.unwrap(input.consumerGroup),
                    topic: this.unwrap(input.topic),
                    messageQueues: input.messageQueues.map((q) => this.unwrapQueue(q)),
                });
                const wrapAll = (qs) => qs.map((q) => this.wrapQueue(q));
                return answer instanceof Promise ? answer.then(wrapAll) : wrapAll(answer);
            },
        };
        return mapped;
    }
    undecodable(choice) {
        if (typeof choice !== 'function')
            return choice;
        const fn = choice;
        const mapped = (info) => fn({ ...info, queue: this.unwrapQueue(info.queue), error: this.error(info.error) });
        return mapped;
    }
}
//# sourceMappingURL=namespace-edge.js.map