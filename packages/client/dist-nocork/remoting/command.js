export const FLAG_RESPONSE = 1;
export const FLAG_ONEWAY = 2;
export const SERIALIZE_JSON = 0;
export const SERIALIZE_ROCKETMQ = 1;
/** Version we announce: V4_9_4 (401) gets standard JSON routes and stays below the GO_AWAY thresholds. */
export const CLIENT_VERSION = 401;
export const CLIENT_LANGUAGE = 'JAVA';
/** MQVersion.Version.V5_0_0.ordinal(): a server whose responses carry a version at or above it is a 5.x server. */
export const V5_0_0 = 413;
/** A response from a RocketMQ 4.x server (a version of 0 is unknown, e.g. a test double: taken as current). */
export function fromLegacyServer(res) {
    return res.version > 0 && res.version < V5_0_0;
}
export const MAX_FRAME_BYTES = 16 * 1024 * 1024;
export function isResponse(cmd) {
    return (cmd.flag & FLAG_RESPONSE) === FLAG_RESPONSE;
}
export function isOneway(cmd) {
    return (cmd.flag & FLAG_ONEWAY) === FLAG_ONEWAY;
}
/** A request command with our language/version; the Connection assigns the opaque when it sends it. */
export function createRequestCommand(code, extFields, body) {
    const cmd = { code, language: CLIENT_LANGUAGE, version: CLIENT_VERSION, opaque: 0, flag: 0 };
    if (extFields !== undefined)
        cmd.extFields = extFields;
    if (body !== undefined)
        cmd.body = body;
    return cmd;
}
/**
 * A response command, e.g. returned from a `RequestHandler` for a request the broker sent us.
 * The Connection sets the opaque of the request it answers.
 */
export function createResponseCommand(code, remark, extFields, body) {
    const cmd = { code, language: CLIENT_LANGUAGE, version: CLIENT_VERSION, opaque: 0, flag: FLAG_RESPONSE };
    if (remark !== undefined)
        cmd.remark = remark;
    if (extFields !== undefined)
        cmd.extFields = extFields;
    if (body !== undefined)
        cmd.body = body;
    return cmd;
}
//# sourceMappingURL=command.js.map