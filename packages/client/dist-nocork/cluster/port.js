import { ClientInstance } from './client-instance.js';
export const createClusterClient = (o) => new ClientInstance({
    nameServer: o.nameServer,
    logger: o.logger,
    instanceName: o.instanceName,
    clientIp: o.clientIp,
    requestTimeoutMs: o.requestTimeoutMs,
    heartbeatIntervalMs: o.heartbeatIntervalMs,
    pollNameServerIntervalMs: o.pollNameServerIntervalMs,
    credentials: o.credentials,
    tls: o.tls,
});
//# sourceMappingURL=port.js.map