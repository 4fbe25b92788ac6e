export function consumerMetrics(group, pqs, offsets, policy) {
    const queues = [];
    let lag = 0;
    let cachedCount = 0;
    let cachedBytes = 0;
    for (const pq of pqs) {
        if (pq.dropped)
            continue;
        // Before the first message of a new group is consumed the store has no offset: the lowest cached offset, or
        // where the next pull starts when nothing was ever cached, is the consumed position then.
        let consumed = offsets.readMemory(pq.mq);
        if (consumed < 0)
            consumed = pq.consumedOffset() >= 0 ? pq.consumedOffset() : pq.nextOffset;
        const max = pq.brokerMaxOffset;
        const q = {
            queue: { topic: pq.mq.topic, brokerName: pq.mq.brokerName, queueId: pq.mq.queueId },
            committedOffset: offsets.committed(pq.mq),
            consumedOffset: consumed,
            brokerMaxOffset: max,
            lag: consumed < 0 || max < 0 ? -1 : Math.max(0, max - consumed),
            cachedCount: pq.count,
            cachedBytes: pq.bytes,
            lastPullTimestamp: pq.lastPullTimestamp,
            lastConsumeTimestamp: pq.lastConsumeTimestamp,
            paused: pq.paused,
        };
        const locked = policy.locked?.(pq);
        if (locked !== undefined)
            q.locked = locked;
        if (q.lag > 0)
            lag += q.lag;
        cachedCount += pq.count;
        cachedBytes += pq.bytes;
        queues.push(q);
    }
    queues.sort((a, b) => (a.queue.topic < b.queue.topic ? -1 : a.queue.topic > b.queue.topic ? 1 : a.queue.brokerName < b.queue.brokerName ? -1 : a.queue.brokerName > b.queue.brokerName ? 1 : a.queue.queueId - b.queue.queueId));
    return { group, queues, lag, cachedCount, cachedBytes };
}
//# sourceMappingURL=metrics.js.map