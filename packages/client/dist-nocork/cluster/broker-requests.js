/**
 * Requests a broker (or a console through it) sends to the client (reference/remoting-protocol.md §11): members
 * changed, offset reset, consumer status, running info, consume-directly. Answered from the registrations of this
 * client instance's consumers; an unknown code gets undefined (the connection answers REQUEST_CODE_NOT_SUPPORTED).
 */
import { toRocketMQError } from '../errors.js';
import { fromLegacyServer } from '../remoting/command.js';
import { RequestCode, ResponseCode } from '../remoting/codes.js';
import { decodeMessage } from '../protocol/message.js';
import { parseLenientJson, parseMessageQueueMap, stringifyMessageQueueMap } from '../protocol/fastjson.js';
export async function answerBrokerRequest(cmd, consumers, logger, from) {
    const ext = cmd.extFields ?? {};
    const reply = (code, remark, body) => ({
        code,
        language: 'JAVA',
        version: 0,
        opaque: cmd.opaque,
        flag: 1,
        remark,
        body,
    });
    switch (cmd.code) {
        case RequestCode.NOTIFY_CONSUMER_IDS_CHANGED: {
            const c = consumers.get(ext.consumerGroup ?? '');
            logger.info({ group: ext.consumerGroup }, 'broker notified: consumer ids changed');
            c?.onConsumerIdsChanged();
            return undefined;
        }
        case RequestCode.RESET_CONSUMER_CLIENT_OFFSET: {
            const c = consumers.get(ext.group ?? '');
            if (c?.onResetOffset && cmd.body) {
                const entries = parseOffsetTable(cmd.body);
                const timestamp = Number(ext.timestamp ?? -1);
                const byTime = fromLegacyServer(cmd) && Number.isSafeInteger(timestamp) && timestamp >= 0 && from !== undefined ? { timestamp, address: from } : undefined;
                await c.onResetOffset(ext.topic ?? '', entries, byTime);
            }
            return undefined;
        }
        case RequestCode.GET_CONSUMER_STATUS_FROM_CLIENT: {
            const c = consumers.get(ext.group ?? '');
            const entries = c?.consumerStatus?.(ext.topic ?? '') ?? [];
            return reply(ResponseCode.SUCCESS, undefined, Buffer.from(`{"messageQueueTable":${stringifyMessageQueueMap(entries)}}`));
        }
        case RequestCode.GET_CONSUMER_RUNNING_INFO: {
            const c = consumers.get(ext.consumerGroup ?? '');
            if (!c?.runningInfo)
                return reply(ResponseCode.SYSTEM_ERROR, `The Consumer Group <${ext.consumerGroup}> not exist in this consumer`);
            const info = c.runningInfo();
            const body = `{"properties":${JSON.stringify(info.properties)},"subscriptionSet":${JSON.stringify(info.subscriptionSet)},` +
                `"mqTable":${stringifyMessageQueueMap(info.mqTable)},"statusTable":${JSON.stringify(info.statusTable ?? {})},"jstack":""}`;
            return reply(ResponseCode.SUCCESS, undefined, Buffer.from(body, 'utf8'));
        }
        case RequestCode.CONSUME_MESSAGE_DIRECTLY: {
            const c = consumers.get(ext.consumerGroup ?? '');
            if (!c?.consumeMessageDirectly || !cmd.body)
                return reply(ResponseCode.SYSTEM_ERROR, `The Consumer Group <${ext.consumerGroup}> not exist in this consumer`);
            try {
                const msg = decodeMessage(cmd.body);
                if (ext.brokerName)
                    msg.brokerName = ext.brokerName;
                const r = await c.consumeMessageDirectly(msg);
                const body = { order: false, autoCommit: true, consumeResult: r.consumeResult, remark: r.remark ?? null, spentTimeMills: r.spentTimeMills };
                return reply(ResponseCode.SUCCESS, undefined, Buffer.from(JSON.stringify(body)));
            }
            catch (e) {
                throw toRocketMQError(e, 'ERR_MESSAGE_DECODE', 'CONSUME_MESSAGE_DIRECTLY failed');
            }
        }
        default:
            return undefined;
    }
}
/** ResetOffsetBody {"offsetTable":{{mq}:offset,...}} in fastjson's object-key dialect. */
function parseOffsetTable(body) {
    const parsed = parseLenientJson(body.toString('utf8'));
    return parseMessageQueueMap(parsed?.offsetTable).map(([mq, v]) => [mq, Number(v)]);
}
//# sourceMappingURL=broker-requests.js.map