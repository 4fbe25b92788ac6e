import { type MessageQueue } from '../../protocol/route.js';
/** Where a group's consume offsets live: the broker (clustering) or a local file (broadcasting). */
export interface OffsetStore {
    load(): Promise<void>;
    /**
     * Set the in-memory offset; with increaseOnly, never move it backwards. `key` is `mqKey(mq)` when the caller has it
     * (a ProcessQueue's key): the hot path then builds no string per message.
     */
    update(mq: MessageQueue, offset: number, increaseOnly: boolean, key?: string): void;
    /** In-memory offset, or -1. */
    readMemory(mq: MessageQueue): number;
    /** Offset from the backing store (broker or file), or -1 when none is stored. Throws when the store fails. */
    fetch(mq: MessageQueue): Promise<number>;
    /** `fetch`, and adopt a stored offset as the in-memory one. */
    readStore(mq: MessageQueue): Promise<number>;
    /** Write one queue's in-memory offset to the store. */
    persist(mq: MessageQueue, opts?: PersistOptions): Promise<boolean>;
    /** Write the offsets of these queues; returns the ones written. */
    persistAll(mqs: readonly MessageQueue[], opts?: PersistOptions): Promise<Array<{
        queue: MessageQueue;
        offset: number;
    }>>;
    remove(mq: MessageQueue): void;
    /** The offset last written to (or read from) the store, or -1: no request (for metrics()). */
    committed(mq: MessageQueue): number;
}
export interface PersistOptions {
    /** Do not wait for the store (the periodic commit). */
    oneway?: boolean;
    /**
     * Read the stored offset back and write again if it is lower: for the last commit of a queue that leaves the member
     * (close, revoke), which the next owner starts from.
     */
    verify?: boolean;
}
/** In-memory table shared by both stores. */
export declare class OffsetTable {
    protected readonly table: Map<string, {
        mq: MessageQueue;
        offset: number;
        persisted: number;
    }>;
    update(mq: MessageQueue, offset: number, increaseOnly: boolean, key?: string): void;
    readMemory(mq: MessageQueue): number;
    committed(mq: MessageQueue): number;
    protected markPersisted(mq: MessageQueue, offset: number): void;
    remove(mq: MessageQueue): void;
}
//# sourceMappingURL=offset-store.d.ts.map