/** A queue of a topic on one broker group (Java MessageQueue). */
export interface MessageQueue {
    /** The topic (without namespace in the public API). */
    topic: string;
    /** The broker name (master and slaves share it), e.g. `broker-a`. */
    brokerName: string;
    /** The queue's index on that broker, from 0. */
    queueId: number;
}
/** A queue and an offset in it: a committed (or to-be-committed) position, the offset of the next message to read. */
export interface QueueOffset {
    /** The queue. */
    queue: MessageQueue;
    /** The offset in the queue. */
    offset: number;
}
//# sourceMappingURL=message-queue.d.ts.map