/**
 * Store-format message records (reference/remoting-protocol.md §6), split by role:
 * - message-view.ts: the public `MessageView` and the sysFlag / property-name constants;
 * - message-decoder.ts: the hot-path decoder (pull bodies, inner batches, bounded decompression);
 * - properties.ts: the properties codec;
 * - batch-body.ts: the SEND_BATCH body the producer sends;
 * - message-encoder.ts: the store-record encoder for tests and benchmarks only (not re-exported here).
 */
export * from './message-view.js';
export * from './message-decoder.js';
export { encodeProperties, parseProperties } from './properties.js';
//# sourceMappingURL=message.js.map