import type { Segmentation } from '../types.js';
import { combineHash, hashString } from '../text/hash.js';
import { normalizeWord } from '../text/normalize.js';
import { countWords, forEachWord } from '../text/words.js';

/**
 * The fingerprints of one article, as flat typed arrays (the plain data that the count step reads).
 */
export interface ArticleFingerprints {
  /**
   * Sentence `i`'s fingerprints are `hashes[offsets[i] .. offsets[i + 1])`: its sketch, ascending,
   * then the hash of the whole sentence.
   */
  readonly offsets: Uint32Array;
  readonly hashes: Uint32Array;
  /** Words in each sentence (counted here, so that the text is scanned for words once). */
  readonly words: Uint32Array;
}

// A direct-mapped cache from a word's raw spelling to the hash of its normalised form, looked up
// without slicing the text: this is the hottest loop of a run. The spelling is compared in full, so
// a collision only costs a miss.
const CACHE_BITS = 17;
const cachedWords: (string | undefined)[] = new Array<string | undefined>(1 << CACHE_BITS).fill(undefined);
const cachedHashes = new Int32Array(1 << CACHE_BITS);

/** Hash of the word `text[from, to)` as fingerprints see it (see `normalizeWord`). */
function wordHashAt(text: string, from: number, to: number): number {
  let raw = 0x811c9dc5 ^ (to - from);
  for (let i = from; i < to; i += 1) raw = Math.imul(raw ^ text.charCodeAt(i), 0x01000193);
  const slot = (raw ^ (raw >>> 15)) & ((1 << CACHE_BITS) - 1);
  const cached = cachedWords[slot];
  if (cached !== undefined && cached.length === to - from && text.startsWith(cached, from)) return (cachedHashes[slot] ?? 0) >>> 0;
  const word = text.slice(from, to);
  const hash = hashString(normalizeWord(word));
  cachedWords[slot] = word;
  cachedHashes[slot] = hash;
  return hash >>> 0;
}

/** Hash of one shingle: the word hashes of a window, in order (rotated by position), mixed once. */
function shingleHash(window: readonly number[], from: number, size: number, length: number): number {
  let hash = size;
  for (let j = 0; j < size; j += 1) {
    const word = window[(from + j) % length] ?? 0;
    const shift = (j * 11) & 31;
    hash ^= (word << shift) | (word >>> (32 - shift));
  }
  return combineHash(hash, size);
}

/**
 * Fingerprints each sentence with a bottom-k sketch of its word-shingle hashes: the `sketchSize`
 * smallest distinct ones. Two sentences that share most shingles share most of their sketch, so the
 * sketch finds lightly edited copies while the index stays a few numbers per sentence. A sentence
 * shorter than a shingle gets one fingerprint of all its words. Sentences for which `skip` is true
 * (chrome), and sentences with no words, get none. `segmentation`'s word counts are not read.
 */
export function fingerprint(
  text: string,
  segmentation: Segmentation,
  settings: { readonly shingleSize: number; readonly sketchSize: number },
  skip: (sentence: number) => boolean = () => false,
): ArticleFingerprints {
  const { sentences } = segmentation;
  const size = settings.shingleSize;
  const k = settings.sketchSize;
  const offsets = new Uint32Array(sentences.length + 1);
  const words = new Uint32Array(sentences.length);
  const collected: number[] = [];
  const window: number[] = new Array<number>(size).fill(0);
  const sketch: number[] = [];
  sentences.forEach((sentence, index) => {
    offsets[index] = collected.length;
    if (skip(index)) {
      words[index] = countWords(text, sentence.start, sentence.end);
      return;
    }
    sketch.length = 0;
    let seen = 0;
    let whole = 0x2545f491;
    forEachWord(text, sentence.start, sentence.end, (from, to) => {
      window[seen % size] = wordHashAt(text, from, to);
      whole = combineHash(whole, window[seen % size] ?? 0);
      seen += 1;
      if (seen >= size) insertBottomK(sketch, shingleHash(window, seen - size, size, size), k);
    });
    words[index] = seen;
    if (seen === 0) return;
    if (seen < size) {
      let hash = seen;
      for (let j = 0; j < seen; j += 1) hash = combineHash(hash, window[j] ?? 0);
      insertBottomK(sketch, hash, k);
    }
    for (const hash of sketch) collected.push(hash);
    // Last, unsorted: the hash of the whole sentence, so that a verbatim copy is always found,
    // however many of its shingles are common phrases held first by other sentences.
    collected.push(combineHash(whole, seen));
  });
  offsets[sentences.length] = collected.length;

  return { offsets, hashes: Uint32Array.from(collected), words };
}

/** Keeps `sketch` the ascending list of the `k` smallest distinct values offered. */
function insertBottomK(sketch: number[], value: number, k: number): void {
  const last = sketch.length - 1;
  if (sketch.length === k && value >= (sketch[last] ?? 0)) return;
  let at = sketch.length;
  while (at > 0 && (sketch[at - 1] ?? 0) > value) at -= 1;
  if (at > 0 && sketch[at - 1] === value) return;
  sketch.splice(at, 0, value);
  if (sketch.length > k) sketch.pop();
}
