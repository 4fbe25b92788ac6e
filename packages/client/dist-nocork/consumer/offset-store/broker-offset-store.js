import { queryConsumerOffset, updateConsumerOffset } from '../../cluster/broker-api.js';
import { mqKey } from '../../protocol/route.js';
import { OffsetTable } from './offset-store.js';
/** Clustering: offsets are committed to the master of the queue's broker (Java RemoteBrokerOffsetStore). */
export class BrokerOffsetStore extends OffsetTable {
    client;
    group;
    logger;
    constructor(client, group, logger) {
        super();
        this.client = client;
        this.group = group;
        this.logger = logger;
    }
    async load() { }
    address(mq) {
        return this.client.findQueryAddress(mq.brokerName, mq.topic);
    }
    async fetch(mq) {
        return queryConsumerOffset(this.client.remoting, await this.address(mq), this.group, mq);
    }
    async readStore(mq) {
        const offset = await this.fetch(mq);
        if (offset >= 0) {
            this.update(mq, offset, false);
            this.markPersisted(mq, offset);
        }
        return offset;
    }
    async persist(mq, opts = {}) {
        const e = this.table.get(mqKey(mq));
        if (!e || e.offset < 0)
            return false;
        // The master; while it is down (after one route refresh), any replica of that broker name, as Java does.
        const address = await this.client.findQueryAddress(mq.brokerName, mq.topic).catch(() => undefined);
        if (!address)
            return false;
        const offset = e.offset;
        await updateConsumerOffset(this.client.remoting, address, this.group, mq, offset, { oneway: opts.oneway });
        e.persisted = offset;
        if (opts.verify && !opts.oneway)
            await this.verify(address, mq, offset);
        return true;
    }
    /**
     * The broker runs pulls (which carry a commit offset, PullSysFlag.COMMIT_OFFSET) and offset updates on separate thread
     * pools, so an earlier pull's or periodic commit's lower offset can be applied after our last commit on a loaded
     * broker: the next owner would then re-read messages already handled. Read the offset back and write it once more.
     */
    async verify(address, mq, offset) {
        const stored = await queryConsumerOffset(this.client.remoting, address, this.group, mq).catch(() => offset);
        if (stored >= offset)
            return;
        this.logger.debug({ topic: mq.topic, broker: mq.brokerName, queueId: mq.queueId, stored, offset }, 'an older commit landed after ours; committing again');
        await updateConsumerOffset(this.client.remoting, address, this.group, mq, offset);
    }
    async persistAll(mqs, opts = {}) {
        const done = [];
        await Promise.all(mqs.map(async (mq) => {
            const e = this.table.get(mqKey(mq));
            if (!e || e.offset < 0 || (opts.oneway && e.offset === e.persisted))
                return;
            try {
                if (await this.persist(mq, opts))
                    done.push({ queue: mq, offset: e.offset });
            }
            catch (err) {
                this.logger.warn({ topic: mq.topic, broker: mq.brokerName, queueId: mq.queueId, err }, 'offset commit failed');
            }
        }));
        return done;
    }
}
//# sourceMappingURL=broker-offset-store.js.map