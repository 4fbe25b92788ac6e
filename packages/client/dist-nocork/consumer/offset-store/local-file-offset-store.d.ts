import { type MessageQueue } from '../../protocol/route.js';
import { OffsetTable, type OffsetStore } from './offset-store.js';
/**
 * Broadcasting: every member keeps its own offsets in a local JSON file
 * (`<dir>/<memberId>/<group>/offsets.json`), written atomically (temp file + rename).
 */
export declare class LocalFileOffsetStore extends OffsetTable implements OffsetStore {
    readonly path: string;
    private stored;
    private writing;
    constructor(dir: string | undefined, memberId: string, group: string);
    load(): Promise<void>;
    fetch(mq: MessageQueue): Promise<number>;
    committed(mq: MessageQueue): number;
    readStore(mq: MessageQueue): Promise<number>;
    persist(mq: MessageQueue): Promise<boolean>;
    persistAll(mqs: readonly MessageQueue[]): Promise<Array<{
        queue: MessageQueue;
        offset: number;
    }>>;
}
//# sourceMappingURL=local-file-offset-store.d.ts.map