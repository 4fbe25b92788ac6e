/** The built-in codecs. `json(schema)` parses JSON and checks it with the schema (zod or anything with `parse`). */
export const codecs = Object.freeze({
    /** JSON bodies (UTF-8), checked by `schema` when given. */
    json(schema) {
        return {
            name: 'json',
            decode: (body) => {
                const v = JSON.parse(body.toString('utf8'));
                return schema ? schema.parse(v) : v;
            },
            encode: (value) => Buffer.from(JSON.stringify(schema ? schema.parse(value) : value) ?? 'null', 'utf8'),
        };
    },
    /** UTF-8 text; a body that is not valid UTF-8 is refused. */
    text() {
        const decoder = new TextDecoder('utf-8', { fatal: true });
        return {
            name: 'text',
            decode: (body) => decoder.decode(body),
            encode: (value) => {
                if (typeof value !== 'string')
                    throw new TypeError(`expected a string, got ${typeof value}`);
                return Buffer.from(value, 'utf8');
            },
        };
    },
    /** The body as is. */
    bytes() {
        return {
            name: 'bytes',
            decode: (body) => body,
            encode: (value) => {
                if (Buffer.isBuffer(value))
                    return value;
                if (value instanceof Uint8Array)
                    return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
                throw new TypeError('expected a Buffer or Uint8Array');
            },
        };
    },
});
/** The codec an option names. */
export function toCodec(option) {
    if (option === 'json')
        return codecs.json();
    if (option === 'text')
        return codecs.text();
    if (option === 'bytes')
        return codecs.bytes();
    if (typeof option.decode === 'function')
        return option;
    return codecs.json(option);
}
//# sourceMappingURL=payload-codec.js.map