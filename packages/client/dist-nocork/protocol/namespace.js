export const NAMESPACE_SEPARATOR = '%';
/** The retry topic of a group is `%RETRY%<group>`; its dead-letter topic `%DLQ%<group>`. */
export const RETRY_PREFIX = '%RETRY%';
export const DLQ_PREFIX = '%DLQ%';
/** TopicValidator's system topics (plus every `rmq_sys_` topic). */
const SYSTEM_TOPICS = new Set([
    'TBW102',
    'SCHEDULE_TOPIC_XXXX',
    'BenchmarkTest',
    'RMQ_SYS_TRANS_HALF_TOPIC',
    'RMQ_SYS_TRACE_TOPIC',
    'RMQ_SYS_TRANS_OP_HALF_TOPIC',
    'TRANS_CHECK_MAX_TIME_TOPIC',
    'SELF_TEST_TOPIC',
    'OFFSET_MOVED_EVENT',
    'CHECKPOINT_TOPIC',
]);
function isSystemResource(resource) {
    return SYSTEM_TOPICS.has(resource) || resource.startsWith('rmq_sys_') || resource.startsWith('CID_RMQ_SYS_');
}
function splitPrefix(resource) {
    if (resource.startsWith(RETRY_PREFIX))
        return [RETRY_PREFIX, resource.slice(RETRY_PREFIX.length)];
    if (resource.startsWith(DLQ_PREFIX))
        return [DLQ_PREFIX, resource.slice(DLQ_PREFIX.length)];
    return ['', resource];
}
/** NamespaceUtil.wrapNamespace: the name on the wire. */
export function wrapNamespace(namespace, resource) {
    if (namespace === undefined || namespace === '' || resource === '' || isSystemResource(resource))
        return resource;
    const [prefix, rest] = splitPrefix(resource);
    if (rest.startsWith(namespace + NAMESPACE_SEPARATOR))
        return resource;
    return prefix + namespace + NAMESPACE_SEPARATOR + rest;
}
/** NamespaceUtil.withoutNamespace(resource, namespace): strips only this namespace. */
export function withoutNamespace(namespace, resource) {
    if (namespace === undefined || namespace === '' || resource === '')
        return resource;
    const [prefix, rest] = splitPrefix(resource);
    return rest.startsWith(namespace + NAMESPACE_SEPARATOR) ? prefix + rest.slice(namespace.length + 1) : resource;
}
export function wrapQueue(namespace, q) {
    return namespace ? { ...q, topic: wrapNamespace(namespace, q.topic) } : q;
}
export function unwrapQueue(namespace, q) {
    return namespace ? { ...q, topic: withoutNamespace(namespace, q.topic) } : q;
}
/**
 * The view handed to the application: the same message with the namespace-free topic. The original view keeps its
 * wire topic (the consumer core sends failed messages back with it); this one reads everything else through it.
 */
export function unwrapView(namespace, m) {
    if (!namespace)
        return m;
    const topic = withoutNamespace(namespace, m.topic);
    if (topic === m.topic)
        return m;
    return Object.create(m, { topic: { value: topic, enumerable: true, writable: true, configurable: true } });
}
//# sourceMappingURL=namespace.js.map