export {};
//# sourceMappingURL=admin-io.js.map