#!/usr/bin/env node
/** The `rocketmq-ts` command (see cli.ts). */
import { main } from './cli.js';
main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
}, (e) => {
    process.stderr.write(`${String(e)}\n`);
    process.exitCode = 1;
});
//# sourceMappingURL=bin.js.map