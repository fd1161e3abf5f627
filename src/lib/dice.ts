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
  const latin1 = /^[\u0000-\u00ff]*$/.test(first);
  const overlapWith = latin1 ? latin1Overlap(first) : mapOverlap(first);
  return (other: string): number => {
    if (other === reference) return 1;
    const second = other.replace(WHITESPACE, '');
    if (first === second) return 1;
    if (first.length < 2 || second.length < 2) return 0;
    return (2 * overlapWith(second)) / (first.length + second.length - 2);
  };
}

// Text normalised for comparison is nearly always Latin-1: its bigrams index one table of 2^16
// counts, shared by every reference and filled by whichever reference scores last.
const table = new Int32Array(1 << 16);
let tableOwner: readonly number[] | undefined;

function latin1Overlap(first: string): (second: string) => number {
  const codes: number[] = [];
  for (let i = 0; i + 1 < first.length; i += 1) codes.push((first.charCodeAt(i) << 8) | first.charCodeAt(i + 1));
  const taken: number[] = [];
  return (second: string): number => {
    if (tableOwner !== codes) {
      if (tableOwner !== undefined) for (const code of tableOwner) table[code] = 0;
      for (const code of codes) table[code] = (table[code] ?? 0) + 1;
      tableOwner = codes;
    }
    let overlap = 0;
    let previous = second.charCodeAt(0);
    for (let i = 1; i < second.length; i += 1) {
      const next = second.charCodeAt(i);
      // A bigram with a character beyond Latin-1 is not the reference's.
      if (previous < 256 && next < 256) {
        const code = (previous << 8) | next;
        if ((table[code] ?? 0) > 0) {
          table[code] = (table[code] ?? 0) - 1;
          taken.push(code);
          overlap += 1;
        }
      }
      previous = next;
    }
    for (const code of taken) table[code] = (table[code] ?? 0) + 1;
    taken.length = 0;
    return overlap;
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
