// Deterministic pseudo-random numbers for demo data and benchmarks: every demo database and every
// bench run holds the same rows. Not for anything secret (use node:crypto for that).

/** FNV-1a: a stable 32-bit seed from a text key. */
function hashKey(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i += 1) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export type Random = () => number;

/** mulberry32: small and fast; numbers in [0, 1), the same sequence for the same seed. */
export function seededRandom(seed: number | string): Random {
  let state = typeof seed === 'string' ? hashKey(seed) : seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}
