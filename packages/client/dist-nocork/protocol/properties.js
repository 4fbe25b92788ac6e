/**
 * The message properties codec (reference/remoting-protocol.md §4.3, §6.2): `name \u0001 value \u0002` pairs,
 * parsed lazily by MessageView. Keys come from any producer, so `__proto__` is stored as data, never as a prototype.
 */
export const NAME_VALUE_SEPARATOR = '\u0001';
export const PROPERTY_SEPARATOR = '\u0002';
/** Set `o[k] = v` as own data even for `__proto__`. */
export function defineData(o, k, v) {
    if (k === '__proto__')
        Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
    else
        o[k] = v;
}
/**
 * Java `MessageDecoder.string2messageProperties` (5.x): split on \u0002; a segment of at least 3 chars
 * is split at its first \u0001; key and value must be non-empty; later duplicates win.
 * Returns a plain object (faster than a null-prototype one); a `__proto__` key is stored as data, never
 * as the prototype. Use `MessageView.getProperty` for lookups by untrusted names (it checks own keys).
 */
export function parseProperties(s) {
    const map = {};
    const len = s.length;
    let index = 0;
    while (index < len) {
        let next = s.indexOf(PROPERTY_SEPARATOR, index);
        if (next < 0)
            next = len;
        if (next - index >= 3) {
            const kv = s.indexOf(NAME_VALUE_SEPARATOR, index);
            if (kv > index && kv < next - 1) {
                const k = s.slice(index, kv);
                if (k === '__proto__') {
                    Object.defineProperty(map, k, { value: s.slice(kv + 1, next), enumerable: true, writable: true, configurable: true });
                }
                else {
                    map[k] = s.slice(kv + 1, next);
                }
            }
        }
        index = next + 1;
    }
    return map;
}
/** Java `messageProperties2String`: `name \u0001 value \u0002` per entry, trailing \u0002 included; null/undefined values skipped. */
export function encodeProperties(p) {
    let s = '';
    for (const name of Object.keys(p)) {
        const v = p[name];
        if (v === undefined || v === null)
            continue;
        s += name + NAME_VALUE_SEPARATOR + v + PROPERTY_SEPARATOR;
    }
    return s;
}
export const NOT_ASCII = Symbol('not-ascii');
/**
 * Find property `name` in the raw UTF-8 properties bytes without decoding the rest.
 * Same rules as parseProperties (the last occurrence wins). Returns NOT_ASCII when the name cannot be
 * compared byte-wise (non-ASCII or contains a separator), so the caller falls back to a full parse.
 */
export function scanProperty(b, start, end, name) {
    const n = name.length;
    if (n === 0)
        return undefined;
    for (let k = 0; k < n; k++) {
        const c = name.charCodeAt(k);
        if (c > 0x7f || c === 1 || c === 2)
            return NOT_ASCII;
    }
    let vStart = -1;
    let vEnd = -1;
    let i = start;
    while (i < end) {
        let segEnd = i;
        while (segEnd < end && b[segEnd] !== 2)
            segEnd++;
        if (segEnd - i > n + 1 && b[i + n] === 1) {
            let k = 0;
            while (k < n && b[i + k] === name.charCodeAt(k))
                k++;
            if (k === n) {
                vStart = i + n + 1;
                vEnd = segEnd;
            }
        }
        i = segEnd + 1;
    }
    return vStart < 0 ? undefined : b.toString('utf8', vStart, vEnd);
}
//# sourceMappingURL=properties.js.map