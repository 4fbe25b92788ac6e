/**
 * The JSON dialects fastjson 1.x writes (reference/remoting-protocol.md §3.2, §11):
 * - unquoted numeric keys: `{"brokerAddrs":{0:"10.0.0.1:10911"}}` (route data from old NameServers);
 * - object keys for `Map<MessageQueue, …>`: `{{"brokerName":"a","queueId":0,"topic":"T"}:12}`.
 *
 * `parseLenientJson` is a recursive-descent parser over standard JSON plus those keys. An object whose keys
 * are all strings/numbers/identifiers becomes a plain object (numeric keys become their decimal string,
 * as `JSON.parse` would do for `{"0":…}`). An object with at least one object/array key becomes a
 * `LenientMap`: `{ entries: [[key, value], …] }`, keys parsed as values, order kept.
 */
import { RocketMQError } from '../errors.js';
/** An object-keyed map as written by fastjson; `entries` keeps the wire order. */
export class LenientMap {
    entries;
    constructor(entries = []) {
        this.entries = entries;
    }
    get size() {
        return this.entries.length;
    }
}
function syntaxError(text, pos, what) {
    const near = text.slice(Math.max(0, pos - 20), pos + 20);
    return new RocketMQError('ERR_MALFORMED_FRAME', `Invalid JSON at ${pos}: ${what} (near ${JSON.stringify(near)})`, {
        context: { position: pos },
    });
}
/** Parse standard JSON or fastjson's non-standard map dialects. Throws ERR_MALFORMED_FRAME on bad input. */
export function parseLenientJson(text) {
    const p = new Parser(text);
    p.ws();
    const v = p.value(0);
    p.ws();
    if (p.i < text.length)
        throw syntaxError(text, p.i, 'unexpected trailing characters');
    return v;
}
const MAX_DEPTH = 512;
class Parser {
    s;
    i = 0;
    constructor(s) {
        this.s = s;
    }
    ws() {
        const s = this.s;
        while (this.i < s.length) {
            const c = s.charCodeAt(this.i);
            if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09)
                this.i++;
            else
                break;
        }
    }
    value(depth) {
        if (depth > MAX_DEPTH)
            throw syntaxError(this.s, this.i, 'nesting too deep');
        const c = this.s[this.i];
        switch (c) {
            case '{':
                return this.object(depth);
            case '[':
                return this.array(depth);
            case '"':
            case "'":
                return this.string();
            case 't':
                return this.literal('true', true);
            case 'f':
                return this.literal('false', false);
            case 'n':
                return this.literal('null', null);
            default:
                if (c === '-' || (c !== undefined && c >= '0' && c <= '9'))
                    return this.number();
                throw syntaxError(this.s, this.i, c === undefined ? 'unexpected end' : `unexpected ${JSON.stringify(c)}`);
        }
    }
    literal(word, v) {
        if (!this.s.startsWith(word, this.i))
            throw syntaxError(this.s, this.i, `expected ${word}`);
        this.i += word.length;
        return v;
    }
    number() {
        const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(this.s.slice(this.i, this.i + 64));
        if (m === null)
            throw syntaxError(this.s, this.i, 'bad number');
        this.i += m[0].length;
        return Number(m[0]);
    }
    string() {
        const s = this.s;
        const q = s[this.i];
        let i = this.i + 1;
        let out = '';
        let from = i;
        for (;;) {
            if (i >= s.length)
                throw syntaxError(s, this.i, 'unterminated string');
            const c = s[i];
            if (c === q)
                break;
            if (c === '\\') {
                out += s.slice(from, i);
                const e = s[i + 1];
                switch (e) {
                    case '"':
                        out += '"';
                        break;
                    case "'":
                        out += "'";
                        break;
                    case '\\':
                        out += '\\';
                        break;
                    case '/':
                        out += '/';
                        break;
                    case 'b':
                        out += '\b';
                        break;
                    case 'f':
                        out += '\f';
                        break;
                    case 'n':
                        out += '\n';
                        break;
                    case 'r':
                        out += '\r';
                        break;
                    case 't':
                        out += '\t';
                        break;
                    case 'u': {
                        const h = s.slice(i + 2, i + 6);
                        if (!/^[0-9a-fA-F]{4}$/.test(h))
                            throw syntaxError(s, i, 'bad \\u escape');
                        out += String.fromCharCode(parseInt(h, 16));
                        i += 4;
                        break;
                    }
                    default:
                        throw syntaxError(s, i, 'bad escape');
                }
                i += 2;
                from = i;
            }
            else {
                i++;
            }
        }
        out += s.slice(from, i);
        this.i = i + 1;
        return out;
    }
    array(depth) {
        this.i++; // [
        const out = [];
        this.ws();
        if (this.s[this.i] === ']') {
            this.i++;
            return out;
        }
        for (;;) {
            this.ws();
            out.push(this.value(depth + 1));
            this.ws();
            const c = this.s[this.i];
            if (c === ',') {
                this.i++;
                this.ws();
                if (this.s[this.i] === ']') { // tolerate a trailing comma
                    this.i++;
                    return out;
                }
                continue;
            }
            if (c === ']') {
                this.i++;
                return out;
            }
            throw syntaxError(this.s, this.i, "expected ',' or ']'");
        }
    }
    /** A key: string, number, bare identifier, or (fastjson) any object/array value. */
    key(depth) {
        const s = this.s;
        const c = s[this.i];
        if (c === '{' || c === '[')
            return { key: this.value(depth + 1), complex: true };
        if (c === '"' || c === "'")
            return { key: this.string(), complex: false };
        if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
            const start = this.i;
            this.number();
            return { key: s.slice(start, this.i), complex: false }; // keep the spelling, like JSON.parse of "0"
        }
        const m = /^[A-Za-z_$][\w$]*/.exec(s.slice(this.i, this.i + 256));
        if (m === null)
            throw syntaxError(s, this.i, 'expected an object key');
        this.i += m[0].length;
        return { key: m[0], complex: false };
    }
    object(depth) {
        this.i++; // {
        const entries = [];
        let complex = false;
        this.ws();
        if (this.s[this.i] === '}') {
            this.i++;
            return {};
        }
        for (;;) {
            this.ws();
            const k = this.key(depth);
            if (k.complex)
                complex = true;
            this.ws();
            if (this.s[this.i] !== ':')
                throw syntaxError(this.s, this.i, "expected ':'");
            this.i++;
            this.ws();
            entries.push([k.key, this.value(depth + 1)]);
            this.ws();
            const c = this.s[this.i];
            if (c === ',') {
                this.i++;
                this.ws();
                if (this.s[this.i] === '}') {
                    this.i++;
                    break;
                }
                continue;
            }
            if (c === '}') {
                this.i++;
                break;
            }
            throw syntaxError(this.s, this.i, "expected ',' or '}'");
        }
        if (complex)
            return new LenientMap(entries);
        const obj = {};
        for (const [k, v] of entries) {
            // defineProperty: a "__proto__" key is data, never the prototype
            Object.defineProperty(obj, k, { value: v, enumerable: true, writable: true, configurable: true });
        }
        return obj;
    }
}
/** Entries of a parsed map, whatever dialect it came in: LenientMap, plain object, or gson-style `[[k, v], …]`. */
export function mapEntries(v) {
    if (v instanceof LenientMap)
        return v.entries;
    if (Array.isArray(v))
        return v.filter((e) => Array.isArray(e) && e.length === 2);
    if (v !== null && typeof v === 'object')
        return Object.entries(v);
    return [];
}
function asMessageQueue(k) {
    if (k === null || typeof k !== 'object')
        return undefined;
    const o = k;
    const queueId = typeof o.queueId === 'string' ? Number(o.queueId) : o.queueId;
    if (typeof o.topic !== 'string' || typeof o.brokerName !== 'string' || typeof queueId !== 'number' || !Number.isInteger(queueId)) {
        return undefined;
    }
    return { topic: o.topic, brokerName: o.brokerName, queueId };
}
/**
 * A `Map<MessageQueue, V>` field (e.g. ResetOffsetBody.offsetTable) as typed entries. Entries whose key is not a
 * MessageQueue are dropped. Accepts every form `mapEntries` does.
 */
export function parseMessageQueueMap(v) {
    const out = [];
    for (const [k, val] of mapEntries(v)) {
        const mq = asMessageQueue(k);
        if (mq !== undefined)
            out.push([mq, val]);
    }
    return out;
}
function mqJson(mq) {
    // fastjson writes fields alphabetically
    return `{"brokerName":${JSON.stringify(mq.brokerName)},"queueId":${mq.queueId},"topic":${JSON.stringify(mq.topic)}}`;
}
/**
 * fastjson's object-key dialect for `Map<MessageQueue, V>`: `{{"brokerName":…,"queueId":…,"topic":…}:value,…}`.
 * Values are written with `stringifyLenientJson` (so they may themselves contain LenientMaps).
 */
export function stringifyMessageQueueMap(entries) {
    let s = '{';
    let first = true;
    for (const [mq, v] of entries) {
        const val = stringifyLenientJson(v);
        if (val === undefined)
            continue;
        if (!first)
            s += ',';
        first = false;
        s += mqJson(mq) + ':' + val;
    }
    return s + '}';
}
/**
 * JSON.stringify with fastjson's extensions: a `LenientMap` (or a JS `Map` with object keys) is written
 * in the object-key dialect; bigint becomes a bare integer; undefined properties are omitted.
 * Returns undefined for an undefined/function top-level value, like JSON.stringify.
 */
export function stringifyLenientJson(v) {
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol')
        return undefined;
    if (v === null)
        return 'null';
    if (typeof v === 'bigint')
        return v.toString();
    if (typeof v === 'number')
        return Number.isFinite(v) ? String(v) : 'null';
    if (typeof v === 'string' || typeof v === 'boolean')
        return JSON.stringify(v);
    if (v instanceof LenientMap || v instanceof Map) {
        const entries = v instanceof LenientMap ? v.entries : [...v.entries()];
        let s = '{';
        let first = true;
        for (const [k, val] of entries) {
            const vs = stringifyLenientJson(val);
            if (vs === undefined)
                continue;
            const ks = typeof k === 'string' ? JSON.stringify(k) : (asMessageQueue(k) !== undefined ? mqJson(asMessageQueue(k)) : stringifyLenientJson(k));
            if (ks === undefined)
                continue;
            if (!first)
                s += ',';
            first = false;
            s += ks + ':' + vs;
        }
        return s + '}';
    }
    if (v instanceof Set)
        return stringifyLenientJson([...v]);
    if (Array.isArray(v))
        return '[' + v.map((e) => stringifyLenientJson(e) ?? 'null').join(',') + ']';
    const toJSON = v.toJSON;
    if (typeof toJSON === 'function')
        return stringifyLenientJson(toJSON.call(v));
    let s = '{';
    let first = true;
    for (const k of Object.keys(v)) {
        const vs = stringifyLenientJson(v[k]);
        if (vs === undefined)
            continue;
        if (!first)
            s += ',';
        first = false;
        s += JSON.stringify(k) + ':' + vs;
    }
    return s + '}';
}
//# sourceMappingURL=fastjson.js.map