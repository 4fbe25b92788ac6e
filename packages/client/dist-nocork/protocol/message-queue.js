export {};
//# sourceMappingURL=message-queue.js.map