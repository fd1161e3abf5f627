import { countWords } from './words.js';
import { HEADING_WORDS } from '../options.js';
import { isMostlyNumbers } from './figures.js';

/** A short line that reads like a heading: no sentence-final punctuation, not starting in lower case. */
export function isHeadingLike(text: string): boolean {
  const trimmed = text.trim().replace(/^#+\s*/, '');
  const words = countWords(trimmed);
  if (words === 0 || words > HEADING_WORDS || isMostlyNumbers(trimmed)) return false;
  if (/[.!?…,;:"'”’。！？؟۔]$/u.test(trimmed)) return false;
  return !/^[\p{Ll}\p{P}]/u.test(trimmed);
}
