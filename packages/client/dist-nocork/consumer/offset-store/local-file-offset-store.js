import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { homedir } from 'node:os';
import { mqKey } from '../../protocol/route.js';
import { OffsetTable } from './offset-store.js';
/**
 * Broadcasting: every member keeps its own offsets in a local JSON file
 * (`<dir>/<memberId>/<group>/offsets.json`), written atomically (temp file + rename).
 */
export class LocalFileOffsetStore extends OffsetTable {
    path;
    stored = new Map();
    writing = Promise.resolve();
    constructor(dir, memberId, group) {
        super();
        const safe = (s) => s.replace(/[^a-zA-Z0-9@._%|-]/g, '_');
        this.path = join(dir ?? join(homedir(), '.rocketmq_offsets'), safe(memberId), safe(group), 'offsets.json');
    }
    async load() {
        let text;
        try {
            text = await readFile(this.path, 'utf8');
        }
        catch (e) {
            if (e.code === 'ENOENT')
                return;
            throw e;
        }
        const data = JSON.parse(text);
        for (const r of data.offsetTable ?? []) {
            const mq = { topic: r.topic, brokerName: r.brokerName, queueId: r.queueId };
            this.stored.set(mqKey(mq), r.offset);
            this.update(mq, r.offset, false);
        }
    }
    async fetch(mq) {
        return this.stored.get(mqKey(mq)) ?? -1;
    }
    committed(mq) {
        return this.stored.get(mqKey(mq)) ?? -1;
    }
    async readStore(mq) {
        const v = await this.fetch(mq);
        if (v >= 0)
            this.update(mq, v, false);
        return v;
    }
    async persist(mq) {
        return (await this.persistAll([mq])).length > 0;
    }
    async persistAll(mqs) {
        const done = [];
        for (const mq of mqs) {
            const e = this.table.get(mqKey(mq));
            if (!e || e.offset < 0)
                continue;
            this.stored.set(mqKey(mq), e.offset);
            done.push({ queue: mq, offset: e.offset });
        }
        if (done.length === 0)
            return done;
        const snapshot = {
            offsetTable: [...this.stored.entries()].map(([k, offset]) => {
                const [topic, brokerName, queueId] = k.split('@');
                return { topic, brokerName, queueId: Number(queueId), offset };
            }),
        };
        // Serialize writes so an older snapshot never lands after a newer one.
        this.writing = this.writing.then(async () => {
            await mkdir(dirname(this.path), { recursive: true });
            const tmp = `${this.path}.${process.pid}.tmp`;
            await writeFile(tmp, JSON.stringify(snapshot, null, 1));
            await rename(tmp, this.path);
        });
        await this.writing;
        return done;
    }
}
//# sourceMappingURL=local-file-offset-store.js.map