/**
 * The message properties codec (reference/remoting-protocol.md §4.3, §6.2): `name \u0001 value \u0002` pairs,
 * parsed lazily by MessageView. Keys come from any producer, so `__proto__` is stored as data, never as a prototype.
 */
export declare const NAME_VALUE_SEPARATOR = "\u0001";
export declare const PROPERTY_SEPARATOR = "\u0002";
/** Set `o[k] = v` as own data even for `__proto__`. */
export declare function defineData(o: Record<string, string>, k: string, v: string): void;
/**
 * Java `MessageDecoder.string2messageProperties` (5.x): split on \u0002; a segment of at least 3 chars
 * is split at its first \u0001; key and value must be non-empty; later duplicates win.
 * Returns a plain object (faster than a null-prototype one); a `__proto__` key is stored as data, never
 * as the prototype. Use `MessageView.getProperty` for lookups by untrusted names (it checks own keys).
 */
export declare function parseProperties(s: string): Record<string, string>;
/** Java `messageProperties2String`: `name \u0001 value \u0002` per entry, trailing \u0002 included; null/undefined values skipped. */
export declare function encodeProperties(p: Readonly<Record<string, string | undefined | null>>): string;
export declare const NOT_ASCII: unique symbol;
/**
 * Find property `name` in the raw UTF-8 properties bytes without decoding the rest.
 * Same rules as parseProperties (the last occurrence wins). Returns NOT_ASCII when the name cannot be
 * compared byte-wise (non-ASCII or contains a separator), so the caller falls back to a full parse.
 */
export declare function scanProperty(b: Buffer, start: number, end: number, name: string): string | undefined | typeof NOT_ASCII;
//# sourceMappingURL=properties.d.ts.map