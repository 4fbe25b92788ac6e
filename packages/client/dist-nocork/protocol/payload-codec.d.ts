/**
 * Payload codecs shared by the consumers (decode a body into a typed value before the handler) and the producer
 * (encode `message.value` into the body): JSON checked by a schema (zod or anything with `parse`), UTF-8 text, bytes.
 */
import type { MessageView } from './message-view.js';
/** Turns a body into a value (throw when it is not one) and, for producers, a value into a body. */
export interface Codec<T> {
    /** A short name for errors and events (e.g. 'json'). */
    readonly name?: string;
    /** Turns a received body into a value; throws on a body it refuses. */
    decode(body: Buffer, message?: MessageView): T;
    /** Turns a value into a body to send (producers); throws on a value it refuses. */
    encode?(value: T): Buffer;
}
/** Anything with zod's `parse` (a zod schema, or your own validator): throws on a bad value, returns the typed one. */
export interface SchemaLike<T> {
    /** Returns the value, typed, or throws when it does not fit. */
    parse(value: unknown): T;
}
/** A received message whose body was decoded by the consumer's codec. */
export type TypedMessage<T> = MessageView & {
    /** The body as decoded by the codec. */
    readonly value: T;
};
/** The built-in codecs. `json(schema)` parses JSON and checks it with the schema (zod or anything with `parse`). */
export declare const codecs: Readonly<{
    /** JSON bodies (UTF-8), checked by `schema` when given. */
    json<T = unknown>(schema?: SchemaLike<T>): Codec<T>;
    /** UTF-8 text; a body that is not valid UTF-8 is refused. */
    text(): Codec<string>;
    /** The body as is. */
    bytes(): Codec<Buffer>;
}>;
/** `codec` option: a built-in name, a codec, or a schema (JSON checked by it). */
export type CodecOption<T = unknown> = 'json' | 'text' | 'bytes' | Codec<T> | SchemaLike<T>;
/** The value type a `codec` option produces (`never` without a codec). */
export type CodecValue<C> = C extends 'json' ? unknown : C extends 'text' ? string : C extends 'bytes' ? Buffer : C extends Codec<infer T> ? T : C extends SchemaLike<infer T> ? T : never;
/** The codec an option names. */
export declare function toCodec<T>(option: CodecOption<T>): Codec<T>;
//# sourceMappingURL=payload-codec.d.ts.map