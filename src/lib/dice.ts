// string-similarity's Dice coefficient (compareTwoStrings), computed without a string or a map
// entry per bigram: it runs on every candidate pair. test/lib/dice.test.ts holds it to the library.
const WHITE_SPACE = /\s+/g;
let bigramsA = new Int32Array(256);
let bigramsB = new Int32Array(256);

/** The character bigrams of `text` as sorted numbers (two UTF-16 code units each), in `into`. */
function sortedBigrams(text: string, into: Int32Array): Int32Array {
  const bigrams = into.subarray(0, text.length - 1);
  let previous = text.charCodeAt(0);
  for (let i = 1; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    bigrams[i - 1] = (previous << 16) | code;
    previous = code;
  }
  return bigrams.sort();
}

/**
 * Dice coefficient of two strings on character bigrams, in [0, 1]: white space is ignored, and a
 * bigram counts as often as both strings hold it.
 * O(length log length): call it to verify candidates an index found, never to search.
 */
export function dice(a: string, b: string): number {
  if (a === b) return 1;
  const first = a.replace(WHITE_SPACE, '');
  const second = b.replace(WHITE_SPACE, '');
  if (first === second) return 1;
  if (first.length < 2 || second.length < 2) return 0;
  if (bigramsA.length < first.length) bigramsA = new Int32Array(first.length * 2);
  if (bigramsB.length < second.length) bigramsB = new Int32Array(second.length * 2);
  const x = sortedBigrams(first, bigramsA);
  const y = sortedBigrams(second, bigramsB);
  // The size of the multiset intersection, by a merge of the two sorted lists.
  let shared = 0;
  for (let i = 0, j = 0; i < x.length && j < y.length; ) {
    const p = x[i] as number;
    const q = y[j] as number;
    if (p === q) {
      shared += 1;
      i += 1;
      j += 1;
    } else if (p < q) i += 1;
    else j += 1;
  }
  return (2.0 * shared) / (first.length + second.length - 2);
}
