/**
 * The long-polling POP loop of one assigned queue (queueId -1: every queue of that broker), as Java's
 * PopMessageService: ask for as many messages as this member has room for (maxInFlight), hand the answer to the held
 * messages, back off after errors, a full broker, or empty answers that come back too fast to be long polling.
 */
import { RocketMQError, isRocketMQError, toRocketMQError } from '../../errors.js';
import { popMessage } from '../../cluster/pop-api.js';
import { MASTER_ID, mqKey } from '../../protocol/route.js';
import { ResponseCode } from '../../remoting/codes.js';
import { backoff, delay } from '../../util/async.js';
/** After a failed POP (Java pullTimeDelayMillsWhenException). */
const POP_DELAY_ON_ERROR_MS = 3000;
/** After the broker's POLLING_FULL or FLOW_CONTROL. */
const POP_DELAY_ON_FULL_MS = 200;
/** Empty answers that come back this fast, again and again, are not long polling: back off. */
const FAST_EMPTY_MS = 100;
/** Runs until the poller is unassigned or the consumer closes. */
export async function popLoop(p, d) {
    const { mq } = p;
    const { ctx, options, held } = d;
    const cluster = ctx.cluster;
    const signal = AbortSignal.any([p.controller.signal, d.stop]);
    const sub = d.subscriptions.get(mq.topic);
    let fastEmpty = 0;
    while (!signal.aborted) {
        const room = held.room();
        if (room < 1) {
            await held.changes.wait(signal);
            continue;
        }
        const want = Math.min(d.pop.batchSize, room);
        held.reserve(want);
        const sentAt = Date.now();
        let address;
        let result;
        try {
            address = cluster.findBrokerAddressInSubscribe(mq.brokerName, MASTER_ID, true)?.address;
            if (address === undefined) {
                cluster.refreshRoutesSoon();
                throw new RocketMQError('ERR_BROKER_NOT_FOUND', `No master address known for broker '${mq.brokerName}' (POP needs the master)`, { retriable: true, context: { broker: mq.brokerName, topic: mq.topic } });
            }
            const suspend = options.brokerSuspendMs;
            result = await popMessage(cluster.remoting, address, {
                group: options.group,
                topic: mq.topic,
                brokerName: mq.brokerName,
                queueId: mq.queueId,
                maxMsgNums: want,
                invisibleTime: d.pop.invisibleTimeMs,
                pollTime: suspend,
                initMode: options.consumeFrom === 'first' ? 0 : 1,
                expressionType: sub.expressionType,
                expression: sub.subString,
            }, { timeoutMs: suspend + 10_000, signal, maxMessageBytes: options.maxMessageBytes });
        }
        catch (e) {
            if (signal.aborted)
                return;
            const err = toRocketMQError(e, 'ERR_BROKER', 'POP failed', { topic: mq.topic, broker: mq.brokerName, queueId: mq.queueId });
            ctx.emit('pull.error', { queue: mq, error: err, brokerAddress: address });
            ctx.logger.warn({ queue: mqKey(mq), address, err }, 'POP failed');
            if (isRocketMQError(err) && (err.code === 'ERR_FORBIDDEN' || err.code === 'ERR_AUTH' || err.code === 'ERR_TOPIC_NOT_FOUND'))
                ctx.report(err);
            const code = err.context.responseCode;
            await delay(code === ResponseCode.FLOW_CONTROL ? POP_DELAY_ON_FULL_MS : POP_DELAY_ON_ERROR_MS, signal);
            continue;
        }
        finally {
            held.unreserve(want);
        }
        if (ctx.listening('pull.completed')) {
            ctx.emit('pull.completed', { queue: mq, status: result.status === 'FOUND' ? 'FOUND' : 'NO_NEW_MSG', messages: result.messages.length, sentAt, durationMs: Date.now() - sentAt, brokerId: MASTER_ID, address, nextOffset: -1 });
        }
        if (result.status === 'POLLING_FULL') {
            await delay(POP_DELAY_ON_FULL_MS, signal);
            continue;
        }
        // Popped after close began (or the queue was unassigned meanwhile): not handled here; they come back after their invisible time.
        if (result.messages.length > 0 && !signal.aborted)
            held.accept(result);
        if (result.messages.length === 0 && Date.now() - sentAt < FAST_EMPTY_MS) {
            await delay(backoff(fastEmpty++, 50, POP_DELAY_ON_ERROR_MS), signal);
        }
        else
            fastEmpty = 0;
    }
}
//# sourceMappingURL=pop-loop.js.map