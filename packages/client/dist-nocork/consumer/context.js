import { warnUnheard } from '../logger.js';
import { createClusterClient } from '../cluster/port.js';
import { remotingSecurity } from '../config/common.js';
/** The consumer's cluster client (the real client instance unless a test passes a factory), from its options. */
export function consumerCluster(o, logger, factory = createClusterClient) {
    return factory({
        nameServer: o.nameServer,
        logger,
        instanceName: o.instanceName,
        clientIp: o.clientIp,
        requestTimeoutMs: o.requestTimeoutMs,
        heartbeatIntervalMs: o.heartbeatIntervalMs,
        pollNameServerIntervalMs: o.pollNameServerIntervalMs,
        ...remotingSecurity(o, logger),
    });
}
export function createContext(options, cluster, logger, events) {
    const emitter = events;
    const warned = new Set();
    return {
        group: options.group,
        broadcasting: options.model === 'broadcasting',
        options,
        logger,
        cluster,
        listening: (event) => emitter.listenerCount(event) > 0,
        emit: (event, ...args) => {
            if (emitter.listenerCount(event) > 0)
                emitter.emit(event, ...args);
        },
        report: (err) => {
            logger.error({ group: options.group, err }, err.message);
            if (emitter.listenerCount('error') > 0)
                emitter.emit('error', err);
            else
                warnUnheard(err, logger, warned, `RocketMQ consumer ${options.group}`);
        },
    };
}
//# sourceMappingURL=context.js.map