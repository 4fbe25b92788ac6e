import type { ClusterPort } from '../cluster/port.js';
import type { MessageQueue } from '../protocol/route.js';
import type { BaseConsumerOptions } from '../config/consumer.js';
import type { OffsetStore } from './offset-store/offset-store.js';
export declare function resolveStartOffset(mq: MessageQueue, deps: {
    cluster: ClusterPort;
    group: string;
    offsets: OffsetStore;
    consumeFrom: BaseConsumerOptions['consumeFrom'];
}): Promise<number>;
//# sourceMappingURL=start-offset.d.ts.map