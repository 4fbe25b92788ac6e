import type { GroupDescription } from './admin/types.js';
/** Left-aligned columns, two spaces apart. */
export declare function table(header: string[], rows: string[][]): string;
export declare function renderGroup(d: GroupDescription): string;
export declare function main(argv: string[], io?: {
    out: (s: string) => void;
    err: (s: string) => void;
}): Promise<number>;
//# sourceMappingURL=cli.d.ts.map