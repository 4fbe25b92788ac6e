import type { Logger } from '../logger.js';
import { type RemotingCommand } from '../remoting/command.js';
import type { ConsumeFromWhere } from '../protocol/heartbeat.js';
import { type MessageView } from '../protocol/message.js';
import type { MessageQueue } from '../protocol/route.js';
import type { SubscriptionData } from '../protocol/tag.js';
export interface ConsumerRegistration {
    readonly group: string;
    readonly consumeType: 'CONSUME_PASSIVELY' | 'CONSUME_ACTIVELY';
    readonly messageModel: 'CLUSTERING' | 'BROADCASTING';
    readonly consumeFromWhere: ConsumeFromWhere;
    subscriptions(): SubscriptionData[];
    /** A broker says the group's members changed (NOTIFY_CONSUMER_IDS_CHANGED). */
    onConsumerIdsChanged(): void;
    /**
     * RESET_CONSUMER_CLIENT_OFFSET from a broker or an admin tool. `byTime` is set when a 4.x broker computed the offsets
     * for a reset by time (its nearest message to `timestamp`, which the member corrects); `address` is that broker.
     */
    onResetOffset?(topic: string, offsets: Array<[MessageQueue, number]>, byTime?: {
        timestamp: number;
        address: string;
    }): Promise<void>;
    /** GET_CONSUMER_STATUS_FROM_CLIENT: committed offsets of a topic. */
    consumerStatus?(topic: string): Array<[MessageQueue, number]>;
    /** GET_CONSUMER_RUNNING_INFO body (a console asks for it). */
    runningInfo?(): {
        properties: Record<string, string>;
        subscriptionSet: SubscriptionData[];
        mqTable: Array<[MessageQueue, Record<string, unknown>]>;
        statusTable?: Record<string, unknown>;
    };
    /** CONSUME_MESSAGE_DIRECTLY: run the handler on one message a console sends. */
    consumeMessageDirectly?(message: MessageView): Promise<{
        consumeResult: string;
        remark?: string;
        spentTimeMills: number;
    }>;
}
export declare function answerBrokerRequest(cmd: RemotingCommand, consumers: ReadonlyMap<string, ConsumerRegistration>, logger: Logger, from?: string): Promise<RemotingCommand | undefined>;
//# sourceMappingURL=broker-requests.d.ts.map