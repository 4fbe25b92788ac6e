/**
 * The namespace edge of a consumer (protocol/namespace.ts has the Java NamespaceUtil mapping). Inside, the member,
 * its parts and the broker see wire names (`ns%Topic`, `ns%group`, `%RETRY%ns%group`); everything the application
 * sees is mapped back here: messages and their queues, `assignment()`, `metrics()`, close results, every event payload
 * (queues, offsets, messages, errors), errors thrown or emitted, and the arguments of the application's callbacks
 * (handler context, onAssign/onRevoke, a custom allocation, undecodable). A queue the application hands in (seek in
 * onAssign, a custom allocation's answer) is wrapped on the way in.
 *
 * Errors keep one wire name on purpose: the ACL resource (`context.resource`, and the `-r` of the suggested mqadmin
 * command), because that is the name an operator has to grant; `context.namespace` says which namespace was stripped.
 */
import type { EventEmitter } from 'node:events'
import { RocketMQError } from '../errors.js'
import { MessageView } from '../protocol/message.js'
import { unwrapQueue, unwrapView, withoutNamespace, wrapNamespace, wrapQueue } from '../protocol/namespace.js'
import type { MessageQueue } from '../protocol/route.js'
import type { AllocationFunction, AllocationStrategy } from './rebalance/strategies.js'
import type { AssignContext, RevokeContext, UndecodableAction, UndecodableInfo } from './types.js'

export class NamespaceEdge {
  constructor(readonly namespace: string) {}

  /** undefined when there is no namespace: callers then skip the edge entirely. */
  static of(namespace: string | undefined): NamespaceEdge | undefined {
    return namespace ? new NamespaceEdge(namespace) : undefined
  }

  wrap(name: string): string {
    return wrapNamespace(this.namespace, name)
  }

  unwrap(name: string): string {
    return withoutNamespace(this.namespace, name)
  }

  wrapQueue<Q extends MessageQueue>(q: Q): Q {
    return wrapQueue(this.namespace, q)
  }

  unwrapQueue<Q extends MessageQueue>(q: Q): Q {
    return unwrapQueue(this.namespace, q)
  }

  /**
   * A copy of a RocketMQError with the namespace taken out of `context.topic` / `context.group` and of the message
   * (except the ACL resource to grant); any other value is returned as is.
   */
  error<E>(e: E): E {
    if (!(e instanceof RocketMQError)) return e
    const ctx = e.context
    const topic = typeof ctx.topic === 'string' ? this.unwrap(ctx.topic) : ctx.topic
    const group = typeof ctx.group === 'string' ? this.unwrap(ctx.group) : ctx.group
    const message = this.text(e.message)
    if (topic === ctx.topic && group === ctx.group && message === e.message) return e
    const copy = Object.create(Object.getPrototypeOf(e) as object) as RocketMQError
    Object.defineProperties(copy, Object.getOwnPropertyDescriptors(e))
    Object.defineProperty(copy, 'message', { value: message, writable: true, configurable: true, enumerable: false })
    if (typeof e.stack === 'string') Object.defineProperty(copy, 'stack', { value: e.stack.replace(e.message, message), writable: true, configurable: true, enumerable: false })
    Object.defineProperty(copy, 'context', {
      value: { ...ctx, ...(topic === undefined ? {} : { topic }), ...(group === undefined ? {} : { group }), namespace: this.namespace },
      writable: false,
      configurable: true,
      enumerable: true,
    })
    return copy as E
  }

  /** `ns%` removed from a text, except right after `-r <Type>:` (the ACL resource of an mqadmin command). */
  private text(s: string): string {
    const ns = this.namespace.replace(/[|\\{}()[\]^$+*?.-]/g, '\\$&')
    return s.replace(new RegExp(`(?<!-r \\w+:(?:%RETRY%|%DLQ%)?)(?<![\\w|-])${ns}%`, 'g'), '')
  }

  /**
   * An event argument as the application sees it: messages and queues unwrapped, errors copied without the namespace,
   * arrays and plain objects mapped field by field (`topic` and `group` strings unwrapped). Other values pass through.
   */
  payload(v: unknown): unknown {
    if (v === null || typeof v !== 'object') return v
    if (v instanceof MessageView) return unwrapView(this.namespace, v)
    if (v instanceof RocketMQError) return this.error(v)
    if (Array.isArray(v)) return v.map((x) => this.payload(x))
    const proto = Object.getPrototypeOf(v) as unknown
    if (proto !== Object.prototype && proto !== null) return v
    const out: Record<string, unknown> = {}
    for (const [k, x] of Object.entries(v)) out[k] = (k === 'topic' || k === 'group') && typeof x === 'string' ? this.unwrap(x) : this.payload(x)
    return out
  }

  /**
   * What the consumer's parts emit into: forwards to the public emitter with every argument mapped by `payload`.
   * The parts only call `listenerCount` and `emit` (context.ts, the policies).
   */
  events<T extends object>(target: T): T {
    const emitter = target as unknown as EventEmitter
    const adapter = {
      listenerCount: (event: string | symbol) => emitter.listenerCount(event),
      emit: (event: string | symbol, ...args: unknown[]) => emitter.emit(event, ...args.map((a) => this.payload(a))),
    }
    return adapter as unknown as T
  }

  onAssign(fn: ((queues: MessageQueue[], c: AssignContext) => unknown) | undefined): ((queues: MessageQueue[], c: AssignContext) => unknown) | undefined {
    if (fn === undefined) return undefined
    return (queues, c) =>
      fn(
        queues.map((q) => this.unwrapQueue(q)),
        {
          get signal() {
            return c.signal
          },
          seek: (q, offset) => c.seek(this.wrapQueue(q), offset),
        },
      )
  }

  onRevoke(fn: ((queues: MessageQueue[], c: RevokeContext) => unknown) | undefined): ((queues: MessageQueue[], c: RevokeContext) => unknown) | undefined {
    if (fn === undefined) return undefined
    return (queues, c) => fn(queues.map((q) => this.unwrapQueue(q)), c)
  }

  /**
   * An allocation the application wrote (a function or `{ name, allocate }`) sees plain names and answers with plain
   * queues. Built-in strategies (a name) run on the wire names, as in Java (consistent hashing hashes them).
   */
  allocation<A>(spec: A): A {
    if (typeof spec === 'string' || spec === undefined || spec === null) return spec
    const custom = spec as unknown as AllocationFunction | AllocationStrategy
    const allocate = typeof custom === 'function' ? custom : custom.allocate.bind(custom)
    const name = typeof custom === 'function' ? custom.name || 'CUSTOM' : custom.name
    const mapped: AllocationStrategy = {
      name,
      allocate: (input) => {
        const answer = allocate({
          ...input,
          consumerGroup: this.unwrap(input.consumerGroup),
          topic: this.unwrap(input.topic),
          messageQueues: input.messageQueues.map((q) => this.unwrapQueue(q)),
        })
        const wrapAll = (qs: MessageQueue[]) => qs.map((q) => this.wrapQueue(q))
        return answer instanceof Promise ? answer.then(wrapAll) : wrapAll(answer)
      },
    }
    return mapped as unknown as A
  }

  undecodable<A>(choice: A): A {
    if (typeof choice !== 'function') return choice
    const fn = choice as unknown as (info: UndecodableInfo) => UndecodableAction | Promise<UndecodableAction>
    const mapped = (info: UndecodableInfo) => fn({ ...info, queue: this.unwrapQueue(info.queue), error: this.error(info.error) })
    return mapped as unknown as A
  }
}
