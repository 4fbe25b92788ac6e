import { mqKey } from '../../protocol/route.js';
/** In-memory table shared by both stores. */
export class OffsetTable {
    table = new Map();
    update(mq, offset, increaseOnly, key = mqKey(mq)) {
        const e = this.table.get(key);
        if (!e)
            this.table.set(key, { mq, offset, persisted: -1 });
        else if (!increaseOnly || offset > e.offset)
            e.offset = offset;
    }
    readMemory(mq) {
        return this.table.get(mqKey(mq))?.offset ?? -1;
    }
    committed(mq) {
        return this.table.get(mqKey(mq))?.persisted ?? -1;
    }
    markPersisted(mq, offset) {
        const e = this.table.get(mqKey(mq));
        if (e)
            e.persisted = offset;
    }
    remove(mq) {
        this.table.delete(mqKey(mq));
    }
}
//# sourceMappingURL=offset-store.js.map