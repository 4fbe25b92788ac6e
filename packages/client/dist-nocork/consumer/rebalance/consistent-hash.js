import { createHash } from 'node:crypto';
const SURROGATE = /[\uD800-\uDFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/**
 * The Java client's default hash: MD5 of the key's UTF-8 bytes, the first four digest bytes read big-endian
 * into a non-negative long (0 .. 2^32-1). Java's `getBytes(UTF_8)` encodes an unpaired surrogate as '?',
 * where Node would write U+FFFD, so those are replaced first.
 */
export function md5Hash(key) {
    const text = SURROGATE.test(key) ? key.replace(LONE_SURROGATE, '?') : key;
    return BigInt(createHash('md5').update(text, 'utf8').digest().readUInt32BE(0));
}
function toLong(h) {
    return BigInt.asIntN(64, typeof h === 'bigint' ? h : BigInt(h));
}
/**
 * A hash ring of physical nodes, each placed `virtualNodes` times under the keys `${node}-${i}`.
 * Nodes are added in the given order and a later node overwrites an earlier one on a hash collision,
 * like `TreeMap.put`.
 */
export class ConsistentHashRing {
    hashes;
    owners;
    hash;
    constructor(nodes, virtualNodes, hash = md5Hash) {
        this.hash = hash;
        const ring = new Map();
        const replicas = new Map(); // ring entries per node, as Java's getExistingReplicas counts them
        for (const node of nodes) {
            // A duplicated id continues its numbering from the replicas it already has on the ring.
            const existing = replicas.get(node) ?? 0;
            for (let i = 0; i < virtualNodes; i++) {
                const h = toLong(hash(`${node}-${i + existing}`));
                const previous = ring.get(h);
                if (previous !== undefined)
                    replicas.set(previous, (replicas.get(previous) ?? 1) - 1);
                ring.set(h, node);
                replicas.set(node, (replicas.get(node) ?? 0) + 1);
            }
        }
        const keys = [...ring.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        this.hashes = keys;
        this.owners = keys.map((k) => ring.get(k));
    }
    get size() {
        return this.hashes.length;
    }
    /** The node owning `key`: the first ring entry at or after its hash, wrapping to the first; undefined if empty. */
    route(key) {
        if (this.hashes.length === 0)
            return undefined;
        const h = toLong(this.hash(key));
        let lo = 0;
        let hi = this.hashes.length;
        while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            if (this.hashes[mid] < h)
                lo = mid + 1;
            else
                hi = mid;
        }
        return this.owners[lo === this.hashes.length ? 0 : lo];
    }
}
//# sourceMappingURL=consistent-hash.js.map