export * from './common.js';
export * from './consumer.js';
export * from './producer.js';
//# sourceMappingURL=index.js.map