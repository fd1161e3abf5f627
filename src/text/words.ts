/**
 * A word: one Han, Hiragana or Katakana character (those scripts use no spaces), or a run of
 * letters, marks and digits that may hold inner apostrophes, hyphens or dots
 * ("Pakistan’s", "Tehreek-i-Taliban", "U.S", "1.13bn").
 */
const WORD = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{M}\p{N}]+(?:['’.\-‐][\p{L}\p{M}\p{N}]+)*/gu;

/** Calls `visit(start, end)` for every word inside `[from, to)` of `text`, in order. */
export function forEachWord(text: string, from: number, to: number, visit: (start: number, end: number) => void): void {
  const pattern = new RegExp(WORD.source, 'gu');
  pattern.lastIndex = from;
  for (let match = pattern.exec(text); match !== null && match.index < to; match = pattern.exec(text)) {
    const end = Math.min(match.index + match[0].length, to);
    visit(match.index, end);
  }
}

/** Number of words in `[from, to)` of `text`. */
export function countWords(text: string, from = 0, to = text.length): number {
  let count = 0;
  forEachWord(text, from, to, () => {
    count += 1;
  });
  return count;
}
