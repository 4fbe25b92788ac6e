/**
 * A hash from a key to a Java `long`. Results are normalised to signed 64-bit (`BigInt.asIntN(64, …)`) so the
 * ring orders them exactly as Java's `TreeMap<Long, …>` does, negative values first.
 */
export type HashFunction = (key: string) => bigint | number;
/**
 * The Java client's default hash: MD5 of the key's UTF-8 bytes, the first four digest bytes read big-endian
 * into a non-negative long (0 .. 2^32-1). Java's `getBytes(UTF_8)` encodes an unpaired surrogate as '?',
 * where Node would write U+FFFD, so those are replaced first.
 */
export declare function md5Hash(key: string): bigint;
/**
 * A hash ring of physical nodes, each placed `virtualNodes` times under the keys `${node}-${i}`.
 * Nodes are added in the given order and a later node overwrites an earlier one on a hash collision,
 * like `TreeMap.put`.
 */
export declare class ConsistentHashRing {
    private readonly hashes;
    private readonly owners;
    private readonly hash;
    constructor(nodes: readonly string[], virtualNodes: number, hash?: HashFunction);
    get size(): number;
    /** The node owning `key`: the first ring entry at or after its hash, wrapping to the first; undefined if empty. */
    route(key: string): string | undefined;
}
//# sourceMappingURL=consistent-hash.d.ts.map