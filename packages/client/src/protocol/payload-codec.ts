/**
 * Payload codecs shared by the consumers (decode a body into a typed value before the handler) and the producer
 * (encode `message.value` into the body): JSON checked by a schema (zod or anything with `parse`), UTF-8 text, bytes.
 */
import type { MessageView } from './message-view.js'

/** Turns a body into a value (throw when it is not one) and, for producers, a value into a body. */
export interface Codec<T> {
  /** A short name for errors and events (e.g. 'json'). */
  readonly name?: string
  /** Turns a received body into a value; throws on a body it refuses. */
  decode(body: Buffer, message?: MessageView): T
  /** Turns a value into a body to send (producers); throws on a value it refuses. */
  encode?(value: T): Buffer
}

/** Anything with zod's `parse` (a zod schema, or your own validator): throws on a bad value, returns the typed one. */
export interface SchemaLike<T> {
  /** Returns the value, typed, or throws when it does not fit. */
  parse(value: unknown): T
}

/** A received message whose body was decoded by the consumer's codec. */
export type TypedMessage<T> = MessageView & {
  /** The body as decoded by the codec. */
  readonly value: T
}

/** The built-in codecs. `json(schema)` parses JSON and checks it with the schema (zod or anything with `parse`). */
export const codecs = Object.freeze({
  /** JSON bodies (UTF-8), checked by `schema` when given. */
  json<T = unknown>(schema?: SchemaLike<T>): Codec<T> {
    return {
      name: 'json',
      decode: (body) => {
        const v: unknown = JSON.parse(body.toString('utf8'))
        return schema ? schema.parse(v) : (v as T)
      },
      encode: (value) => Buffer.from(JSON.stringify(schema ? schema.parse(value) : value) ?? 'null', 'utf8'),
    }
  },
  /** UTF-8 text; a body that is not valid UTF-8 is refused. */
  text(): Codec<string> {
    const decoder = new TextDecoder('utf-8', { fatal: true })
    return {
      name: 'text',
      decode: (body) => decoder.decode(body),
      encode: (value) => {
        if (typeof value !== 'string') throw new TypeError(`expected a string, got ${typeof value}`)
        return Buffer.from(value, 'utf8')
      },
    }
  },
  /** The body as is. */
  bytes(): Codec<Buffer> {
    return {
      name: 'bytes',
      decode: (body) => body,
      encode: (value: unknown) => {
        if (Buffer.isBuffer(value)) return value
        if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength)
        throw new TypeError('expected a Buffer or Uint8Array')
      },
    }
  },
})

/** `codec` option: a built-in name, a codec, or a schema (JSON checked by it). */
export type CodecOption<T = unknown> = 'json' | 'text' | 'bytes' | Codec<T> | SchemaLike<T>

/** The value type a `codec` option produces (`never` without a codec). */
export type CodecValue<C> = C extends 'json'
  ? unknown
  : C extends 'text'
    ? string
    : C extends 'bytes'
      ? Buffer
      : C extends Codec<infer T>
        ? T
        : C extends SchemaLike<infer T>
          ? T
          : never

/** The codec an option names. */
export function toCodec<T>(option: CodecOption<T>): Codec<T> {
  if (option === 'json') return codecs.json() as Codec<T>
  if (option === 'text') return codecs.text() as Codec<T>
  if (option === 'bytes') return codecs.bytes() as Codec<T>
  if (typeof (option as Codec<T>).decode === 'function') return option as Codec<T>
  return codecs.json(option as SchemaLike<T>)
}
