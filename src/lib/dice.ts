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
