import { normalizeWord } from './normalize.js';
import { forEachWord } from './words.js';

/** Words of a sentence as fingerprints see them, with where each starts in the text. */
export interface SentenceTokens {
  readonly words: readonly string[];
  readonly starts: readonly number[];
}

/** The normalised words of `[start, end)` of `text`, with their offsets. */
export function tokenize(text: string, start: number, end: number): SentenceTokens {
  const words: string[] = [];
  const starts: number[] = [];
  forEachWord(text, start, end, (from, to) => {
    words.push(normalizeWord(text.slice(from, to)));
    starts.push(from);
  });
  return { words, starts };
}
