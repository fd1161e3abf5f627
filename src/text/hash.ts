import * as crypto from 'node:crypto';

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

// One-shot hashing (Node 20.12 and later) costs a fraction of a Hash object's for a small text.
const oneShot = (crypto as { hash?: (algorithm: string, data: string | Uint8Array, encoding: 'base64' | 'hex') => string }).hash;

/** SHA-1 of `data` (a string as UTF-8), in `encoding`: what `createHash('sha1').update(data).digest(encoding)` gives. */
export function sha1(data: string | Uint8Array, encoding: 'base64' | 'hex'): string {
  return oneShot === undefined ? crypto.createHash('sha1').update(data).digest(encoding) : oneShot('sha1', data, encoding);
}
