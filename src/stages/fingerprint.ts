import type { Segmentation, Sentence } from '../types.js';
import { combineHash, hashString } from '../text/hash.js';
import { normalizeWord } from '../text/normalize.js';
import { countWords, forEachWordHashed } from '../text/words.js';

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

// A two-way cache from a word's raw spelling to the hash of its normalised form, looked up without
// slicing the text: this is the hottest loop of a run. The spelling is compared in full, so a
// collision only costs a miss. A slot is 32 bytes of one typed array (length, hash, and the
// spelling of a word of up to 12 code units, two to an entry), so that a lookup touches one cache
// line rather than an array, a string and a second array; a longer spelling is kept as a string.
// The two slots a spelling may take are side by side, in one 64-byte line. A new spelling takes
// the first and moves the one there to the second, so two common words whose hashes meet no
// longer evict each other word after word.
const CACHE_BITS = 17;
const SLOT = 8;
const INLINE = (SLOT - 2) * 2;
const cache = new Int32Array((1 << CACHE_BITS) * SLOT);
const longWords: string[] = new Array<string>(1 << CACHE_BITS).fill('');

/** True when slot `slot` holds the spelling `text[from, from + length)`. */
function holds(slot: number, text: string, from: number, length: number): boolean {
  const base = slot * SLOT;
  if (cache[base] !== length) return false;
  if (length > INLINE) return text.startsWith(longWords[slot] as string, from);
  for (let j = 0, at = base + 2; j < length; j += 2, at += 1) {
    const pair = text.charCodeAt(from + j) | (j + 1 < length ? text.charCodeAt(from + j + 1) << 16 : 0);
    if (pair !== cache[at]) return false;
  }
  return true;
}

/** Hash of the word `text[from, to)` as fingerprints see it (see `normalizeWord`); `raw` is its spelling's hash. */
function wordHashAt(text: string, from: number, to: number, raw: number): number {
  const first = (raw ^ (raw >>> 15)) & ((1 << CACHE_BITS) - 2);
  const length = to - from;
  if (holds(first, text, from, length)) return (cache[first * SLOT + 1] as number) >>> 0;
  const second = first + 1;
  if (holds(second, text, from, length)) return (cache[second * SLOT + 1] as number) >>> 0;
  const word = text.slice(from, to);
  const hash = hashString(normalizeWord(word));
  // The first slot's spelling moves to the second; the new one takes the first.
  cache.copyWithin(second * SLOT, first * SLOT, first * SLOT + SLOT);
  longWords[second] = longWords[first] as string;
  const base = first * SLOT;
  cache[base] = length;
  cache[base + 1] = hash;
  if (length <= INLINE) {
    for (let j = 0, at = base + 2; j < length; j += 2, at += 1) cache[at] = text.charCodeAt(from + j) | (j + 1 < length ? text.charCodeAt(from + j + 1) << 16 : 0);
  } else longWords[first] = word;
  return hash >>> 0;
}

/**
 * Hash of one shingle: the word hashes of a window, in order (rotated by position), mixed once.
 * `window` is a ring of `size` word hashes whose oldest is at `oldest`. Only the 32 bits of a word
 * hash are read, so it may be held signed.
 */
function shingleHash(window: Int32Array, oldest: number, size: number): number {
  let hash = size;
  for (let j = 0, at = oldest; j < size; j += 1, at = at + 1 === size ? 0 : at + 1) {
    const word = window[at] as number;
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
  // At most a sketch and the whole-sentence hash per sentence: no array grows here.
  const hashes = new Uint32Array(sentences.length * (k + 1));
  let used = 0;
  const window = new Int32Array(size);
  const sketch = new Uint32Array(k);
  let kept = 0;
  let seen = 0;
  // Where the next word hash goes in `window`: `seen % size`, kept without dividing.
  let next = 0;
  let whole = 0;
  // One visitor for every sentence, on the state above: the hottest loop of a run allocates nothing.
  const visit = (from: number, to: number, raw: number): void => {
    const word = wordHashAt(text, from, to, raw);
    window[next] = word;
    next = next + 1 === size ? 0 : next + 1;
    whole = combineHash(whole, word);
    seen += 1;
    // The window is full: its oldest word is where the next one goes.
    if (seen >= size) kept = insertBottomK(sketch, kept, shingleHash(window, next, size));
  };
  for (let index = 0; index < sentences.length; index += 1) {
    const sentence = sentences[index] as Sentence;
    offsets[index] = used;
    if (skip(index)) {
      words[index] = countWords(text, sentence.start, sentence.end);
      continue;
    }
    kept = 0;
    seen = 0;
    next = 0;
    whole = 0x2545f491;
    forEachWordHashed(text, sentence.start, sentence.end, visit);
    words[index] = seen;
    if (seen === 0) continue;
    if (seen < size) {
      let hash = seen;
      for (let j = 0; j < seen; j += 1) hash = combineHash(hash, window[j] ?? 0);
      kept = insertBottomK(sketch, kept, hash);
    }
    hashes.set(sketch.subarray(0, kept), used);
    used += kept;
    // Last, unsorted: the hash of the whole sentence, so that a verbatim copy is always found,
    // however many of its shingles are common phrases held first by other sentences.
    hashes[used] = combineHash(whole, seen);
    used += 1;
  }
  offsets[sentences.length] = used;

  return { offsets, hashes: hashes.slice(0, used), words };
}

/** The words of a text as fingerprints see them: where each stands, and the hash of its normalised form. */
export interface HashedWords {
  readonly count: number;
  readonly starts: Uint32Array;
  readonly ends: Uint32Array;
  /** Per word, `hashString(normalizeWord(word))`, through the same cache as {@link fingerprint}. */
  readonly hashes: Uint32Array;
}

/** The words of `text` with their hashes (see {@link HashedWords}), in one pass that slices no word it has seen before. */
export function hashedWords(text: string): HashedWords {
  // A word needs at least one character: the text's length bounds their number.
  let starts = new Uint32Array(Math.min(text.length, 64));
  let ends = new Uint32Array(starts.length);
  let hashes = new Uint32Array(starts.length);
  let count = 0;
  forEachWordHashed(text, 0, text.length, (from, to, raw) => {
    if (count === starts.length) {
      const grown = Math.min(text.length, starts.length * 2);
      starts = grownTo(starts, grown);
      ends = grownTo(ends, grown);
      hashes = grownTo(hashes, grown);
    }
    starts[count] = from;
    ends[count] = to;
    hashes[count] = wordHashAt(text, from, to, raw);
    count += 1;
  });
  return { count, starts, ends, hashes };
}

function grownTo(array: Uint32Array<ArrayBuffer>, length: number): Uint32Array<ArrayBuffer> {
  const grown = new Uint32Array(length);
  grown.set(array);
  return grown;
}

/**
 * Offers `value` to `sketch[0, kept)`, the ascending list of the smallest distinct values offered
 * so far, at most `sketch.length` of them; returns the new count.
 */
function insertBottomK(sketch: Uint32Array, kept: number, value: number): number {
  const k = sketch.length;
  if (kept === k && value >= (sketch[k - 1] ?? 0)) return kept;
  let at = kept;
  while (at > 0 && (sketch[at - 1] ?? 0) > value) at -= 1;
  if (at > 0 && sketch[at - 1] === value) return kept;
  const count = kept < k ? kept + 1 : k;
  for (let j = count - 1; j > at; j -= 1) sketch[j] = sketch[j - 1] ?? 0;
  sketch[at] = value;
  return count;
}
