import { stem } from '../lib/stemmer.js';

/**
 * Text for comparing two wordings: NFKC, lower case, and every run of characters that is not a
 * letter, mark or digit folded to one space. Quotes, dashes and spacing then never decide a match.
 */
export function normalizeForComparison(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['’‘`´]/g, '')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim();
}

/** A word as a fingerprint sees it: lower case, inner punctuation dropped, English words stemmed. */
export function normalizeWord(word: string): string {
  const folded = word.normalize('NFKC').toLowerCase().replace(/['’.\-‐]/g, '');
  return stem(folded);
}
