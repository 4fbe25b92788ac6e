/** The parts of lz4js (CommonJS, untyped) the client uses. */
declare module 'lz4js' {
  /** Compress to one LZ4 frame. */
  export function compress(src: Uint8Array, maxSize?: number): Uint8Array
  /** Decode the block src[sIndex, sIndex+sLength) into dst at dIndex; returns the new end in dst. No bounds checks. */
  export function decompressBlock(src: Uint8Array, dst: Uint8Array, sIndex: number, sLength: number, dIndex: number): number
  const lz4js: { compress: typeof compress; decompressBlock: typeof decompressBlock }
  export default lz4js
}
