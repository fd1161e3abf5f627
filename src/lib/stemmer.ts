// The only module that imports natural. Its index pulls in database clients and prints
// dotenv tips on stdout, so import the Porter stemmer submodule alone.
import porterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { porterStem } from './porter.js';

const cache = new Map<string, string>();
const CACHE_LIMIT = 200_000;

/**
 * Porter stem of a lower-case ASCII word ("remains" → "remain"), so that inflection
 * edits do not change a fingerprint. Other scripts pass through unchanged.
 */
export function stem(word: string): string {
  if (!/^[a-z]{3,}$/.test(word) || porterLeavesAlone(word)) return word;
  let stemmed = cache.get(word);
  if (stemmed === undefined) {
    // natural's rules, run as string operations where they can be (`porterStem`), else by natural.
    stemmed = porterStem(word) ?? porterStemmer.stem(word);
    // A news vocabulary is bounded, but a hostile corpus is not: start over rather than grow forever.
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, stemmed);
  }
  return stemmed;
}

// Final letters no step of natural's Porter stemmer removes or rewrites a word at.
const NO_RULE_ENDS = new Set('abfhjkopqvwxz');

/**
 * True for a lower-case word that natural's Porter stemmer returns as it is, told from its ending
 * alone. Every rule of the stemmer (steps 1a to 5b) fires only on a word that ends with one of its
 * suffixes: -s, -ed, -ing, -y, -ational … -logi, -icate … -ness, -al … -ize, -ion, a final -e,
 * -ll. A word whose ending is none of them, nor the end of one, is left alone, and the stemmer's
 * regular expressions, a few microseconds a word, are not run. Half a news vocabulary is such
 * words: names, figures spelled out, "said", "war", "should". Property-tested against the
 * stemmer itself.
 */
export function porterLeavesAlone(word: string): boolean {
  const last = word[word.length - 1] as string;
  if (NO_RULE_ENDS.has(last)) return true;
  switch (last) {
    case 'n':
      return !word.endsWith('ion');
    case 'r':
      return !word.endsWith('er') && !word.endsWith('or');
    case 'm':
      return !word.endsWith('ism');
    case 't':
      return !word.endsWith('nt');
    case 'd':
      return !word.endsWith('ed');
    case 'g':
      return !word.endsWith('ing');
    case 'c':
      return !word.endsWith('ic');
    case 'l':
      return !word.endsWith('al') && !word.endsWith('ul') && !word.endsWith('ll');
    case 'u':
      return !word.endsWith('ou');
    case 'i':
      return !word.endsWith('ci') && !word.endsWith('li') && !word.endsWith('ti') && !word.endsWith('gi');
    default:
      // -s, -y and -e: nearly every such word meets a rule.
      return false;
  }
}
