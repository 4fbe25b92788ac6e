// The shape of a message the application sends: the producer checks and encodes it, tracing reads it.
export {};
//# sourceMappingURL=send-message.js.map