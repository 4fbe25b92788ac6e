/**
 * Bytes <-> RemotingCommand (reference/remoting-protocol.md §1).
 *
 * Frame: int32 totalLength (not counting itself) | int32 (serializeType << 24 | headerLength) | header | body.
 * We always send JSON headers; we decode both JSON and ROCKETMQ (binary) headers, because a broker answers in
 * the type it is configured with, not in the type of the request.
 */
import { RocketMQError } from '../errors.js';
import { MAX_FRAME_BYTES, SERIALIZE_JSON, SERIALIZE_ROCKETMQ } from './command.js';
/** LanguageCode ordinals (§1.6): the binary header carries the ordinal, the JSON header the name. */
export const LANGUAGE_CODES = Object.freeze([
    'JAVA',
    'CPP',
    'DOTNET',
    'PYTHON',
    'DELPHI',
    'ERLANG',
    'RUBY',
    'OTHER',
    'HTTP',
    'GO',
    'PHP',
    'OMS',
    'RUST',
    'NODE_JS',
]);
const LANGUAGE_OTHER = 7;
function languageName(ordinal) {
    return LANGUAGE_CODES[ordinal] ?? `UNKNOWN(${ordinal})`;
}
function languageOrdinal(name) {
    const i = LANGUAGE_CODES.indexOf(name);
    return i < 0 ? LANGUAGE_OTHER : i;
}
function malformed(message, cause) {
    return new RocketMQError('ERR_MALFORMED_FRAME', message, { cause });
}
function tooLarge(bytes, max) {
    return new RocketMQError('ERR_FRAME_TOO_LARGE', `frame of ${bytes} bytes exceeds the limit of ${max} bytes`, {
        context: { frameBytes: bytes, maxFrameBytes: max },
    });
}
/** Drop undefined/null, stringify the rest: the wire form of a custom header (every value a string). */
export function toExtFields(obj) {
    const out = {};
    for (const key of Object.keys(obj)) {
        const v = obj[key];
        if (v === undefined || v === null)
            continue;
        out[key] = typeof v === 'string' ? v : String(v);
    }
    return out;
}
// ---------------------------------------------------------------------------------------------------------------
// Encoding
function jsonHeader(cmd) {
    // Key order is irrelevant to the receiver; this one keeps the §1.2 vector byte-identical.
    const h = {
        code: cmd.code,
        language: cmd.language,
        version: cmd.version,
        opaque: cmd.opaque,
        flag: cmd.flag,
    };
    if (cmd.remark !== undefined && cmd.remark !== null)
        h.remark = cmd.remark;
    if (cmd.extFields !== undefined && cmd.extFields !== null)
        h.extFields = cmd.extFields;
    h.serializeTypeCurrentRPC = 'JSON';
    return JSON.stringify(h);
}
function checkFrameSize(headerLength, bodyLength) {
    if (headerLength > 0xffffff)
        throw tooLarge(headerLength, 0xffffff);
    const totalLength = 4 + headerLength + bodyLength;
    if (totalLength + 4 > MAX_FRAME_BYTES)
        throw tooLarge(totalLength + 4, MAX_FRAME_BYTES);
    return totalLength;
}
/**
 * Everything of a JSON frame except the body: length prefix, header word and header. Writing this and then the
 * body (under cork) avoids copying a large body into a fresh frame buffer.
 */
export function encodeFramePrefix(cmd) {
    const json = jsonHeader(cmd);
    const headerLength = Buffer.byteLength(json, 'utf8');
    const bodyLength = cmd.body?.length ?? 0;
    const totalLength = checkFrameSize(headerLength, bodyLength);
    const buf = Buffer.allocUnsafe(8 + headerLength);
    buf.writeInt32BE(totalLength, 0);
    buf.writeInt32BE(((SERIALIZE_JSON << 24) | headerLength) >>> 0, 4);
    buf.write(json, 8, headerLength, 'utf8');
    return buf;
}
/** One full frame (length prefix included) with a JSON header. */
export function encodeCommand(cmd) {
    const json = jsonHeader(cmd);
    const headerLength = Buffer.byteLength(json, 'utf8');
    const body = cmd.body;
    const bodyLength = body?.length ?? 0;
    const totalLength = checkFrameSize(headerLength, bodyLength);
    const buf = Buffer.allocUnsafe(4 + totalLength);
    buf.writeInt32BE(totalLength, 0);
    buf.writeInt32BE(((SERIALIZE_JSON << 24) | headerLength) >>> 0, 4);
    buf.write(json, 8, headerLength, 'utf8');
    if (body !== undefined && bodyLength > 0)
        body.copy(buf, 8 + headerLength);
    return buf;
}
/** One full frame (length prefix included) with a ROCKETMQ binary header (§1.5). */
export function encodeCommandBinary(cmd) {
    if (cmd.code < -32768 || cmd.code > 32767) {
        throw new RocketMQError('ERR_INVALID_OPTION', `code ${cmd.code} does not fit the ROCKETMQ header (short)`);
    }
    if (cmd.version < -32768 || cmd.version > 32767) {
        throw new RocketMQError('ERR_INVALID_OPTION', `version ${cmd.version} does not fit the ROCKETMQ header (short)`);
    }
    const remark = cmd.remark === undefined || cmd.remark === null || cmd.remark === '' ? undefined : Buffer.from(cmd.remark, 'utf8');
    const entries = [];
    let extLength = 0;
    if (cmd.extFields) {
        for (const key of Object.keys(cmd.extFields)) {
            const value = cmd.extFields[key];
            if (value === undefined || value === null)
                continue;
            const k = Buffer.from(key, 'utf8');
            const v = Buffer.from(String(value), 'utf8');
            if (k.length > 32767)
                throw new RocketMQError('ERR_INVALID_OPTION', `extFields key too long: ${k.length} bytes`);
            entries.push([k, v]);
            extLength += 2 + k.length + 4 + v.length;
        }
    }
    const headerLength = 2 + 1 + 2 + 4 + 4 + 4 + (remark?.length ?? 0) + 4 + extLength;
    const body = cmd.body;
    const bodyLength = body?.length ?? 0;
    const totalLength = checkFrameSize(headerLength, bodyLength);
    const buf = Buffer.allocUnsafe(4 + totalLength);
    let o = 0;
    o = buf.writeInt32BE(totalLength, o);
    o = buf.writeInt32BE(((SERIALIZE_ROCKETMQ << 24) | headerLength) >>> 0, o);
    o = buf.writeInt16BE(cmd.code, o);
    o = buf.writeUInt8(languageOrdinal(cmd.language), o);
    o = buf.writeInt16BE(cmd.version, o);
    o = buf.writeInt32BE(cmd.opaque | 0, o);
    o = buf.writeInt32BE(cmd.flag | 0, o);
    o = buf.writeInt32BE(remark?.length ?? 0, o);
    if (remark)
        o += remark.copy(buf, o);
    o = buf.writeInt32BE(extLength, o);
    for (const [k, v] of entries) {
        o = buf.writeInt16BE(k.length, o);
        o += k.copy(buf, o);
        o = buf.writeInt32BE(v.length, o);
        o += v.copy(buf, o);
    }
    if (body !== undefined && bodyLength > 0)
        body.copy(buf, o);
    return buf;
}
// ---------------------------------------------------------------------------------------------------------------
// Decoding
function asInt(value, field) {
    if (typeof value !== 'number' || !Number.isInteger(value))
        throw malformed(`JSON header field "${field}" is not an integer`);
    return value;
}
function decodeJsonHeader(frame, start, end) {
    let parsed;
    try {
        parsed = JSON.parse(frame.toString('utf8', start, end));
    }
    catch (e) {
        throw malformed(`JSON header is not valid JSON: ${e instanceof Error ? e.message : String(e)}`, e);
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
        throw malformed('JSON header is not an object');
    const h = parsed;
    const cmd = {
        code: asInt(h.code, 'code'),
        language: typeof h.language === 'string' ? h.language : typeof h.language === 'number' ? languageName(h.language) : 'OTHER',
        version: h.version === undefined || h.version === null ? 0 : asInt(h.version, 'version'),
        opaque: asInt(h.opaque, 'opaque'),
        flag: h.flag === undefined || h.flag === null ? 0 : asInt(h.flag, 'flag'),
    };
    if (typeof h.remark === 'string')
        cmd.remark = h.remark;
    const ext = h.extFields;
    if (ext !== undefined && ext !== null) {
        if (typeof ext !== 'object' || Array.isArray(ext))
            throw malformed('JSON header field "extFields" is not an object');
        const out = {};
        for (const [k, v] of Object.entries(ext)) {
            if (v === undefined || v === null)
                continue;
            out[k] = typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
        }
        cmd.extFields = out;
    }
    return cmd;
}
function decodeBinaryHeader(frame, start, end) {
    const need = (o, n, what) => {
        if (o + n > end)
            throw malformed(`ROCKETMQ header truncated reading ${what}`);
    };
    let o = start;
    need(o, 17, 'fixed fields');
    const code = frame.readInt16BE(o);
    const language = languageName(frame.readUInt8(o + 2));
    const version = frame.readInt16BE(o + 3);
    const opaque = frame.readInt32BE(o + 5);
    const flag = frame.readInt32BE(o + 9);
    const remarkLength = frame.readInt32BE(o + 13);
    o += 17;
    if (remarkLength < 0)
        throw malformed(`ROCKETMQ header has a negative remark length ${remarkLength}`);
    need(o, remarkLength, 'remark');
    const cmd = { code, language, version, opaque, flag };
    if (remarkLength > 0)
        cmd.remark = frame.toString('utf8', o, o + remarkLength);
    o += remarkLength;
    need(o, 4, 'extFields length');
    const extLength = frame.readInt32BE(o);
    o += 4;
    if (extLength < 0)
        throw malformed(`ROCKETMQ header has a negative extFields length ${extLength}`);
    need(o, extLength, 'extFields');
    if (extLength > 0) {
        const extEnd = o + extLength;
        const ext = {};
        while (o < extEnd) {
            if (o + 2 > extEnd)
                throw malformed('ROCKETMQ header extFields truncated (key length)');
            const kl = frame.readInt16BE(o);
            o += 2;
            if (kl < 0 || o + kl > extEnd)
                throw malformed('ROCKETMQ header extFields truncated (key)');
            const key = frame.toString('utf8', o, o + kl);
            o += kl;
            if (o + 4 > extEnd)
                throw malformed('ROCKETMQ header extFields truncated (value length)');
            const vl = frame.readInt32BE(o);
            o += 4;
            if (vl < 0 || o + vl > extEnd)
                throw malformed('ROCKETMQ header extFields truncated (value)');
            ext[key] = frame.toString('utf8', o, o + vl);
            o += vl;
        }
        cmd.extFields = ext;
    }
    return cmd;
}
/**
 * Decode one frame given WITHOUT its 4-byte length prefix. `body` is a view into `frame` (no copy), so keep in
 * mind that holding the body holds the frame.
 */
export function decodeCommand(frame) {
    if (frame.length < 4)
        throw malformed(`frame of ${frame.length} bytes is shorter than the header word`);
    const word = frame.readUInt32BE(0);
    const serializeType = word >>> 24;
    const headerLength = word & 0xffffff;
    if (4 + headerLength > frame.length) {
        throw malformed(`header length ${headerLength} exceeds the frame (${frame.length - 4} bytes after the header word)`);
    }
    const headerEnd = 4 + headerLength;
    let cmd;
    if (serializeType === SERIALIZE_JSON)
        cmd = decodeJsonHeader(frame, 4, headerEnd);
    else if (serializeType === SERIALIZE_ROCKETMQ)
        cmd = decodeBinaryHeader(frame, 4, headerEnd);
    else
        throw malformed(`unknown serialize type ${serializeType}`);
    if (headerEnd < frame.length)
        cmd.body = frame.subarray(headerEnd);
    return cmd;
}
/**
 * Turns TCP chunks into commands. Chunks are queued, not concatenated: a frame that lies within one chunk is a
 * view of it; a frame that spans chunks is assembled once into a buffer of its exact size. So every byte is
 * copied at most once, whatever the chunking.
 *
 * After an error the decoder is poisoned: every later call throws the same error.
 */
export class FrameDecoder {
    maxFrameBytes;
    chunks = [];
    /** Read position inside chunks[0]. */
    offset = 0;
    buffered = 0;
    /** Length of the frame whose prefix was consumed, or -1 while waiting for a prefix. */
    pendingLength = -1;
    failure;
    constructor(opts = {}) {
        this.maxFrameBytes = opts.maxFrameBytes ?? MAX_FRAME_BYTES;
    }
    /** Bytes received and not yet returned as commands (including a consumed length prefix's frame so far). */
    get bufferedBytes() {
        return this.buffered;
    }
    /** Append a chunk and return every command it completes. */
    push(chunk) {
        this.append(chunk);
        const out = [];
        for (let cmd = this.next(); cmd !== undefined; cmd = this.next())
            out.push(cmd);
        return out;
    }
    /** Append a chunk without decoding; pair with `next()` to handle each frame before decoding the following one. */
    append(chunk) {
        if (this.failure)
            throw this.failure;
        if (chunk.length === 0)
            return;
        this.chunks.push(chunk);
        this.buffered += chunk.length;
    }
    /** The next complete command, or undefined when more bytes are needed. Throws a typed error on a bad frame. */
    next() {
        if (this.failure)
            throw this.failure;
        try {
            if (this.pendingLength < 0) {
                if (this.buffered < 4)
                    return undefined;
                const length = this.readPrefix();
                if (length < 4)
                    throw malformed(`invalid frame length ${length}`);
                if (length + 4 > this.maxFrameBytes)
                    throw tooLarge(length + 4, this.maxFrameBytes);
                this.pendingLength = length;
            }
            if (this.buffered < this.pendingLength)
                return undefined;
            const frame = this.take(this.pendingLength);
            this.pendingLength = -1;
            return decodeCommand(frame);
        }
        catch (e) {
            this.failure =
                e instanceof RocketMQError ? e : malformed(`frame decoding failed: ${e instanceof Error ? e.message : String(e)}`, e);
            this.chunks.length = 0;
            this.buffered = 0;
            this.offset = 0;
            throw this.failure;
        }
    }
    readPrefix() {
        const first = this.chunks[0];
        let value;
        if (first.length - this.offset >= 4) {
            value = first.readInt32BE(this.offset);
            this.offset += 4;
            this.buffered -= 4;
            if (this.offset === first.length)
                this.dropFirst();
            return value;
        }
        const four = this.take(4);
        return four.readInt32BE(0);
    }
    dropFirst() {
        this.chunks.shift();
        this.offset = 0;
    }
    /** Remove exactly n bytes (n <= buffered): a view when they lie in one chunk, else one assembled copy. */
    take(n) {
        const first = this.chunks[0];
        const available = first.length - this.offset;
        if (available >= n) {
            const view = first.subarray(this.offset, this.offset + n);
            this.offset += n;
            this.buffered -= n;
            if (this.offset === first.length)
                this.dropFirst();
            return view;
        }
        const out = Buffer.allocUnsafe(n);
        let written = 0;
        while (written < n) {
            const c = this.chunks[0];
            const want = n - written;
            const have = c.length - this.offset;
            if (have <= want) {
                c.copy(out, written, this.offset);
                written += have;
                this.dropFirst();
            }
            else {
                c.copy(out, written, this.offset, this.offset + want);
                written += want;
                this.offset += want;
            }
        }
        this.buffered -= n;
        return out;
    }
}
//# sourceMappingURL=codec.js.map