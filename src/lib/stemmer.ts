// The only module that imports natural. Its index pulls in database clients and prints
// dotenv tips on stdout, so import the Porter stemmer submodule alone.
import porterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';

const cache = new Map<string, string>();
const CACHE_LIMIT = 200_000;

/**
 * Porter stem of a lower-case ASCII word ("remains" → "remain"), so that inflection
 * edits do not change a fingerprint. Other scripts pass through unchanged.
 */
export function stem(word: string): string {
  if (!/^[a-z]{3,}$/.test(word)) return word;
  let stemmed = cache.get(word);
  if (stemmed === undefined) {
    stemmed = porterStemmer.stem(word);
    // A news vocabulary is bounded, but a hostile corpus is not: start over rather than grow forever.
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, stemmed);
  }
  return stemmed;
}
