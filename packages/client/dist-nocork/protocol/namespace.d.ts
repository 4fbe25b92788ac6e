/**
 * Namespaces as the Java client's NamespaceUtil maps them (reference/wave2-protocol.md §3.1), so a Java client with
 * the same `namespace` sees the same topics, groups, retry and DLQ topics:
 *   T -> ns%T, G -> ns%G, %RETRY%G -> %RETRY%ns%G, %DLQ%G -> %DLQ%ns%G; system topics and groups stay as they are.
 * Names are mapped at the edges (options, sends, deliveries); the consumer and producer cores see wrapped names only.
 */
import type { MessageView } from './message.js';
import type { MessageQueue } from './route.js';
export declare const NAMESPACE_SEPARATOR = "%";
/** The retry topic of a group is `%RETRY%<group>`; its dead-letter topic `%DLQ%<group>`. */
export declare const RETRY_PREFIX = "%RETRY%";
export declare const DLQ_PREFIX = "%DLQ%";
/** NamespaceUtil.wrapNamespace: the name on the wire. */
export declare function wrapNamespace(namespace: string | undefined, resource: string): string;
/** NamespaceUtil.withoutNamespace(resource, namespace): strips only this namespace. */
export declare function withoutNamespace(namespace: string | undefined, resource: string): string;
export declare function wrapQueue<Q extends MessageQueue>(namespace: string | undefined, q: Q): Q;
export declare function unwrapQueue<Q extends MessageQueue>(namespace: string | undefined, q: Q): Q;
/**
 * The view handed to the application: the same message with the namespace-free topic. The original view keeps its
 * wire topic (the consumer core sends failed messages back with it); this one reads everything else through it.
 */
export declare function unwrapView(namespace: string | undefined, m: MessageView): MessageView;
//# sourceMappingURL=namespace.d.ts.map