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

/**
 * {@link dice} of one string against many: `diceAgainst(a)(b) === dice(a, b)` for every `b`.
 * string-similarity counts the bigrams of both strings on every call, as substrings in a Map; a
 * block's lowest similarity compares its wordings with each other, for every block, so here the
 * reference's bigrams are counted once, as numbers, and each other string is only walked. Same
 * definition: whitespace removed, UTF-16 code-unit bigrams, multiset overlap.
 */
export function diceAgainst(reference: string): (other: string) => number {
  const first = reference.replace(WHITESPACE, '');
  if (!/^[\u0000-\u00ff]*$/.test(first)) {
    const overlapWith = mapOverlap(first);
    return (other: string): number => {
      if (other === reference) return 1;
      const second = other.replace(WHITESPACE, '');
      if (first === second) return 1;
      if (first.length < 2 || second.length < 2) return 0;
      return (2 * overlapWith(second)) / (first.length + second.length - 2);
    };
  }
  const overlapWith = latin1Overlap(first);
  return (other: string): number => {
    if (other === reference) return 1;
    // One walk of `other`, its whitespace skipped in place. Equal texts have every bigram in
    // common, so they score 1 as string-similarity's equality test says; only texts of under two
    // letters need that test itself.
    const { overlap, letters } = overlapWith(other);
    if (first.length < 2 || letters < 2) return first === other.replace(WHITESPACE, '') ? 1 : 0;
    return (2 * overlap) / (first.length + letters - 2);
  };
}

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

/** True for the characters `\s` matches. */
function isWhitespace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 0xa0) return false;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

// Text normalised for comparison is nearly always Latin-1: its bigrams index one table of 2^16
// counts, shared by every reference and filled by whichever reference scores last.
const table = new Int32Array(1 << 16);
let tableOwner: Int32Array | undefined;
let taken = new Int32Array(1024);

/** For a Latin-1 reference with its whitespace removed: the overlap of bigrams with another text, and that text's letters (its length without whitespace). */
function latin1Overlap(first: string): (other: string) => { overlap: number; letters: number } {
  const codes = new Int32Array(Math.max(0, first.length - 1));
  for (let i = 0; i + 1 < first.length; i += 1) codes[i] = (first.charCodeAt(i) << 8) | first.charCodeAt(i + 1);
  const result = { overlap: 0, letters: 0 };
  return (other: string) => {
    if (tableOwner !== codes) {
      if (tableOwner !== undefined) for (const code of tableOwner) table[code] = 0;
      for (const code of codes) table[code] = (table[code] ?? 0) + 1;
      tableOwner = codes;
    }
    if (taken.length < other.length) taken = new Int32Array(other.length * 2);
    let overlap = 0;
    let letters = 0;
    let previous = -1;
    for (let i = 0; i < other.length; i += 1) {
      const next = other.charCodeAt(i);
      if (isWhitespace(next)) continue;
      letters += 1;
      // A bigram with a character beyond Latin-1 is not the reference's.
      if (previous >= 0 && previous < 256 && next < 256) {
        const code = (previous << 8) | next;
        if ((table[code] ?? 0) > 0) {
          table[code] = (table[code] ?? 0) - 1;
          taken[overlap] = code;
          overlap += 1;
        }
      }
      previous = next;
    }
    for (let i = 0; i < overlap; i += 1) table[taken[i] ?? 0] = (table[taken[i] ?? 0] ?? 0) + 1;
    result.overlap = overlap;
    result.letters = letters;
    return result;
  };
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
