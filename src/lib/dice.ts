// The only module that imports string-similarity.
import stringSimilarity from 'string-similarity';

/**
 * Dice coefficient of two strings on character bigrams, in [0, 1].
 * O(length): call it to verify candidates an index found, never to search.
 */
export function dice(a: string, b: string): number {
  if (a === b) return 1;
  return stringSimilarity.compareTwoStrings(a, b);
}

const WHITESPACE = /\s+/g;

// The table `dicePair` fills from its first string and empties as it walks the second.
const pairTable = new Int32Array(1 << 16);
let pairFilled = new Int32Array(1024);

/**
 * {@link dice}, for one pair, without string-similarity's substrings: the first string's bigrams
 * are counted in a table of 2^16 (Latin-1, as text normalised for comparison nearly always is),
 * and the second's are taken from it. Nothing is allocated, and no text is walked twice.
 */
export function dicePair(a: string, b: string): number {
  if (a === b) return 1;
  if (pairFilled.length < a.length) pairFilled = new Int32Array(a.length * 2);
  let filled = 0;
  let first = 0;
  let previous = -1;
  for (let i = 0; i < a.length; i += 1) {
    const next = a.charCodeAt(i);
    if (isWhitespace(next)) continue;
    if (next > 255) {
      for (let j = 0; j < filled; j += 1) pairTable[pairFilled[j] ?? 0] = 0;
      return dice(a, b);
    }
    first += 1;
    if (previous >= 0) {
      const code = (previous << 8) | next;
      pairTable[code] = (pairTable[code] ?? 0) + 1;
      pairFilled[filled] = code;
      filled += 1;
    }
    previous = next;
  }
  let overlap = 0;
  let second = 0;
  previous = -1;
  for (let i = 0; i < b.length; i += 1) {
    const next = b.charCodeAt(i);
    if (isWhitespace(next)) continue;
    second += 1;
    // A bigram with a character beyond Latin-1 is not the first string's.
    if (previous >= 0 && previous < 256 && next < 256) {
      const code = (previous << 8) | next;
      if ((pairTable[code] ?? 0) > 0) {
        pairTable[code] = (pairTable[code] ?? 0) - 1;
        overlap += 1;
      }
    }
    previous = next;
  }
  for (let j = 0; j < filled; j += 1) pairTable[pairFilled[j] ?? 0] = 0;
  // Equal texts have every bigram in common, so they score 1 as string-similarity's equality test
  // says; only texts of under two letters need that test itself.
  if (first < 2 || second < 2) return a.replace(WHITESPACE, '') === b.replace(WHITESPACE, '') ? 1 : 0;
  return (2 * overlap) / (first + second - 2);
}

/** A text as {@link diceStripped} reads it: its whitespace removed, as string-similarity removes it. */
export function stripWhitespace(text: string): string {
  return text.replace(WHITESPACE, '');
}

/**
 * {@link dice} of two texts whose whitespace is removed already (see {@link stripWhitespace}):
 * `diceStripped(stripWhitespace(a), stripWhitespace(b)) === dice(a, b)`. Two wordings of one block
 * differ in a few sentences: the bigrams of their common opening and common ending are common to
 * both, so only the stretch between is counted, in a table. (Of two multisets that share a part C,
 * the overlap is |C| plus the overlap of the rest, as min(c + x, c + y) = c + min(x, y).)
 */
export function diceStripped(x: string, y: string): number {
  if (x === y) return 1;
  if (x.length < 2 || y.length < 2) return 0;
  const shorter = Math.min(x.length, y.length);
  let prefix = 0;
  while (prefix < shorter && x.charCodeAt(prefix) === y.charCodeAt(prefix)) prefix += 1;
  let suffix = 0;
  while (suffix < shorter - prefix && x.charCodeAt(x.length - 1 - suffix) === y.charCodeAt(y.length - 1 - suffix)) suffix += 1;
  // Bigrams wholly inside the common opening or ending; the rest are those of each middle, which
  // takes one character of the opening and of the ending to keep the bigrams that cross into them.
  const common = Math.max(0, prefix - 1) + Math.max(0, suffix - 1);
  const from = Math.max(0, prefix - 1);
  const middle = middleOverlap(x, from, Math.min(x.length, x.length - suffix + 1), y, from, Math.min(y.length, y.length - suffix + 1));
  return (2 * (common + middle)) / (x.length + y.length - 2);
}

/** Multiset overlap of the bigrams of `x[xFrom, xTo)` and `y[yFrom, yTo)`. */
function middleOverlap(x: string, xFrom: number, xTo: number, y: string, yFrom: number, yTo: number): number {
  if (xTo - xFrom < 2 || yTo - yFrom < 2) return 0;
  if (pairFilled.length < xTo - xFrom) pairFilled = new Int32Array((xTo - xFrom) * 2);
  let filled = 0;
  for (let i = xFrom; i + 1 < xTo; i += 1) {
    const one = x.charCodeAt(i);
    const two = x.charCodeAt(i + 1);
    if (one > 255 || two > 255) {
      for (let j = 0; j < filled; j += 1) pairTable[pairFilled[j] ?? 0] = 0;
      return mapOverlap(x.slice(xFrom, xTo))(y.slice(yFrom, yTo));
    }
    const code = (one << 8) | two;
    pairTable[code] = (pairTable[code] ?? 0) + 1;
    pairFilled[filled] = code;
    filled += 1;
  }
  let overlap = 0;
  for (let i = yFrom; i + 1 < yTo; i += 1) {
    const one = y.charCodeAt(i);
    const two = y.charCodeAt(i + 1);
    if (one > 255 || two > 255) continue;
    const code = (one << 8) | two;
    if ((pairTable[code] ?? 0) > 0) {
      pairTable[code] = (pairTable[code] ?? 0) - 1;
      overlap += 1;
    }
  }
  for (let j = 0; j < filled; j += 1) pairTable[pairFilled[j] ?? 0] = 0;
  return overlap;
}

/** True for the characters `\s` matches. */
function isWhitespace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 0xa0) return false;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

function mapOverlap(first: string): (second: string) => number {
  // Each distinct bigram of the reference gets a slot; `available` holds its count.
  const slotOf = new Map<number, number>();
  const counts: number[] = [];
  for (let i = 0; i + 1 < first.length; i += 1) {
    const bigram = first.charCodeAt(i) * 0x10000 + first.charCodeAt(i + 1);
    const slot = slotOf.get(bigram);
    if (slot === undefined) {
      slotOf.set(bigram, counts.length);
      counts.push(1);
    } else counts[slot] = (counts[slot] ?? 0) + 1;
  }
  const available = Int32Array.from(counts);
  const taken = new Int32Array(available.length);
  const touched: number[] = [];
  return (second: string): number => {
    let overlap = 0;
    for (let i = 0; i + 1 < second.length; i += 1) {
      const slot = slotOf.get(second.charCodeAt(i) * 0x10000 + second.charCodeAt(i + 1));
      if (slot === undefined) continue;
      const used = taken[slot] ?? 0;
      if (used >= (available[slot] ?? 0)) continue;
      if (used === 0) touched.push(slot);
      taken[slot] = used + 1;
      overlap += 1;
    }
    for (const slot of touched) taken[slot] = 0;
    touched.length = 0;
    return overlap;
  };
}
