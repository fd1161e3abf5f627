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

const wordCache = new Map<string, string>();
const WORD_CACHE_LIMIT = 500_000;

/** A word as a fingerprint sees it: lower case, inner punctuation dropped, English words stemmed. */
export function normalizeWord(word: string): string {
  let normalized = wordCache.get(word);
  if (normalized === undefined) {
    normalized = stem(word.normalize('NFKC').toLowerCase().replace(/['’.\-‐]/g, ''));
    // A news vocabulary is bounded, but a hostile corpus is not: start over rather than grow forever.
    if (wordCache.size >= WORD_CACHE_LIMIT) wordCache.clear();
    wordCache.set(word, normalized);
  }
  return normalized;
}
