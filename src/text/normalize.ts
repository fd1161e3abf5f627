import { stem } from '../lib/stemmer.js';

// Apostrophes, and the invisible joiners outlets leave inside words (see `isInvisibleJoiner`).
const REMOVED = /['’‘`´\u00ad\u200c\u200d\u2060\ufeff]/g;
const NOT_WORD = /[^\p{L}\p{M}\p{N}]+/gu;

/** The definition of {@link normalizeForComparison}, for text outside its fast path. */
function normalizeSlowly(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(REMOVED, '').replace(NOT_WORD, ' ').trim();
}

// The fast path's table, per UTF-16 code unit below FAST_LIMIT: 0 not on the fast path, 1 a
// separator, 2 dropped, else a word character's lower-case form (below 256, so one latin1 byte).
// Derived from `normalizeSlowly` itself, one character at a time: a character is on the fast path
// when NFKC leaves it alone, or turns it into separators only (no-break space, "…"). None of them
// composes with a neighbour under NFKC (no combining marks, no Hangul), so a text made only of
// them normalises character by character. That is nearly all of English news text.
const FAST_LIMIT = 0x2030;
const FAST_EXTRA = [0x2013, 0x2014, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2026];
const fastClass = new Uint8Array(FAST_LIMIT);
for (const code of [...Array.from({ length: 256 }, (_, code) => code), ...FAST_EXTRA]) {
  const char = String.fromCharCode(code);
  const alone = normalizeSlowly(`a${char}b`);
  if (alone === 'ab') fastClass[code] = 2;
  else if (alone === 'a b') fastClass[code] = 1;
  else if (char.normalize('NFKC') === char && alone.length === 3 && alone === `a${char.toLowerCase()}b` && alone.charCodeAt(1) < 256) fastClass[code] = alone.charCodeAt(1);
}
const SCRATCH_LIMIT = 1 << 17;
let scratch = Buffer.alloc(1024);

/**
 * Text for comparing two wordings: NFKC, lower case, and every run of characters that is not a
 * letter, mark or digit folded to one space. Quotes, dashes and spacing then never decide a match.
 */
export function normalizeForComparison(text: string): string {
  const length = writeLatin1(text);
  return length < 0 ? normalizeSlowly(text) : written.toString('latin1', 0, length);
}

/**
 * {@link normalizeForComparison}'s text as UTF-8 bytes, built without the string: for a digest of
 * it. Valid until the next call.
 */
export function normalizedBytes(text: string): Uint8Array {
  const length = writeUtf8(text);
  return length < 0 ? Buffer.from(normalizeSlowly(text)) : written.subarray(0, length);
}

/** Where the fast path wrote: the scratch buffer, or a buffer of its own for a long text. */
let written = scratch;

/** A buffer of at least `needed` bytes to write into: the scratch buffer, grown up to a long paragraph's size, or one of its own. */
function bufferFor(needed: number): Buffer {
  if (scratch.length < needed && needed <= SCRATCH_LIMIT) scratch = Buffer.alloc(Math.min(needed * 2, SCRATCH_LIMIT));
  written = scratch.length < needed ? Buffer.allocUnsafe(needed) : scratch;
  return written;
}

/**
 * The fast path of {@link normalizeForComparison}: called on every paragraph, sentence and pair a
 * run compares, text made only of characters that normalise one by one is built in one pass,
 * without the three Unicode passes, into `written`, each character one latin1 byte. Returns how
 * many bytes, or -1 for a text off the fast path.
 */
function writeLatin1(text: string): number {
  const out = bufferFor(text.length);
  let length = 0;
  let pendingSpace = false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    const kind = code < FAST_LIMIT ? (fastClass[code] as number) : 0;
    if (kind > 2) {
      if (pendingSpace && length > 0) out[length++] = 32;
      pendingSpace = false;
      out[length++] = kind;
    } else if (kind === 1) pendingSpace = true;
    else if (kind === 0) return -1;
  }
  return length;
}

/**
 * {@link writeLatin1}, writing UTF-8. A function of its own, not a flag: it reads whole articles
 * (the digest of each), where `writeLatin1` reads lines and sentences cut out of them, and V8
 * optimises a loop for the kinds of string it has seen: one loop for both ran at half speed on
 * the articles.
 */
function writeUtf8(text: string): number {
  const out = bufferFor(text.length * 2);
  let length = 0;
  let pendingSpace = false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    const kind = code < FAST_LIMIT ? (fastClass[code] as number) : 0;
    if (kind > 2) {
      if (pendingSpace && length > 0) out[length++] = 32;
      pendingSpace = false;
      if (kind >= 0x80) {
        out[length++] = 0xc0 | (kind >> 6);
        out[length++] = 0x80 | (kind & 0x3f);
      } else out[length++] = kind;
    } else if (kind === 1) pendingSpace = true;
    else if (kind === 0) return -1;
  }
  return length;
}

/**
 * True when `text` as compared ({@link normalizeForComparison}) is surely longer than `length`:
 * more than `length` of its letters and digits come before any character off the fast path. Each
 * of those gives at least one character of the compared text (NFKC may join a mark to one, never
 * two letters into one). False when it is not, or when that cannot be told cheaply.
 */
export function comparesLongerThan(text: string, length: number): boolean {
  let letters = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    const kind = code < FAST_LIMIT ? (fastClass[code] as number) : 0;
    if (kind === 0) return false;
    if (kind > 2) {
      letters += 1;
      if (letters > length) return true;
    }
  }
  return false;
}

const wordCache = new Map<string, string>();
const WORD_CACHE_LIMIT = 500_000;

// Dropped inside a word: apostrophes, full stops, hyphens and invisible joiners.
const INNER_MARKS = /['’.\-‐\u00ad\u200c\u200d\u2060\ufeff]/g;

/** True for a word of ASCII without an apostrophe, full stop or hyphen: NFKC and dropping leave it as it is. */
function isPlainAscii(word: string): boolean {
  for (let i = 0; i < word.length; i += 1) {
    const code = word.charCodeAt(i);
    if (code >= 128 || code === 39 || code === 46 || code === 45) return false;
  }
  return true;
}

/** A word as a fingerprint sees it: lower case, inner punctuation dropped, English words stemmed. */
export function normalizeWord(word: string): string {
  let normalized = wordCache.get(word);
  if (normalized === undefined) {
    normalized = stem(isPlainAscii(word) ? word.toLowerCase() : word.normalize('NFKC').toLowerCase().replace(INNER_MARKS, ''));
    // A news vocabulary is bounded, but a hostile corpus is not: start over rather than grow forever.
    if (wordCache.size >= WORD_CACHE_LIMIT) wordCache.clear();
    wordCache.set(word, normalized);
  }
  return normalized;
}
