/** 32-bit FNV-1a of a string's UTF-16 code units. Fast and stable across runs and platforms. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Combines a running hash with the next value (order-sensitive), then finalises with murmur3's mixer. */
export function combineHash(running: number, next: number): number {
  let hash = Math.imul(running ^ next, 0x9e3779b1) ^ ((running << 13) | (running >>> 19));
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}
