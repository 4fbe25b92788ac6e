/** One RemotingCommand as it travels on the wire (see reference/remoting-protocol.md §1). */
export interface RemotingCommand {
    code: number;
    language: string;
    version: number;
    opaque: number;
    /** bit0 = response, bit1 = oneway */
    flag: number;
    remark?: string;
    /** The custom header. Every value is a string on the wire. */
    extFields?: Record<string, string>;
    /** Raw body: a view into the received frame (never copied on decode). */
    body?: Buffer;
}
export declare const FLAG_RESPONSE = 1;
export declare const FLAG_ONEWAY = 2;
export declare const SERIALIZE_JSON = 0;
export declare const SERIALIZE_ROCKETMQ = 1;
/** Version we announce: V4_9_4 (401) gets standard JSON routes and stays below the GO_AWAY thresholds. */
export declare const CLIENT_VERSION = 401;
export declare const CLIENT_LANGUAGE = "JAVA";
/** MQVersion.Version.V5_0_0.ordinal(): a server whose responses carry a version at or above it is a 5.x server. */
export declare const V5_0_0 = 413;
/** A response from a RocketMQ 4.x server (a version of 0 is unknown, e.g. a test double: taken as current). */
export declare function fromLegacyServer(res: Pick<RemotingCommand, 'version'>): boolean;
export declare const MAX_FRAME_BYTES: number;
export declare function isResponse(cmd: RemotingCommand): boolean;
export declare function isOneway(cmd: RemotingCommand): boolean;
/** A request command with our language/version; the Connection assigns the opaque when it sends it. */
export declare function createRequestCommand(code: number, extFields?: Record<string, string>, body?: Buffer): RemotingCommand;
/**
 * A response command, e.g. returned from a `RequestHandler` for a request the broker sent us.
 * The Connection sets the opaque of the request it answers.
 */
export declare function createResponseCommand(code: number, remark?: string, extFields?: Record<string, string>, body?: Buffer): RemotingCommand;
//# sourceMappingURL=command.d.ts.map