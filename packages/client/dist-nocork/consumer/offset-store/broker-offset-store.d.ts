import type { Logger } from '../../logger.js';
import type { ClusterPort } from '../../cluster/port.js';
import { type MessageQueue } from '../../protocol/route.js';
import { OffsetTable, type OffsetStore, type PersistOptions } from './offset-store.js';
/** Clustering: offsets are committed to the master of the queue's broker (Java RemoteBrokerOffsetStore). */
export declare class BrokerOffsetStore extends OffsetTable implements OffsetStore {
    private readonly client;
    private readonly group;
    private readonly logger;
    constructor(client: ClusterPort, group: string, logger: Logger);
    load(): Promise<void>;
    private address;
    fetch(mq: MessageQueue): Promise<number>;
    readStore(mq: MessageQueue): Promise<number>;
    persist(mq: MessageQueue, opts?: PersistOptions): Promise<boolean>;
    /**
     * The broker runs pulls (which carry a commit offset, PullSysFlag.COMMIT_OFFSET) and offset updates on separate thread
     * pools, so an earlier pull's or periodic commit's lower offset can be applied after our last commit on a loaded
     * broker: the next owner would then re-read messages already handled. Read the offset back and write it once more.
     */
    private verify;
    persistAll(mqs: readonly MessageQueue[], opts?: PersistOptions): Promise<Array<{
        queue: MessageQueue;
        offset: number;
    }>>;
}
//# sourceMappingURL=broker-offset-store.d.ts.map