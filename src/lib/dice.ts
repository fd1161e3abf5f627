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

// The table `diceOf` fills from one text's differing stretch and empties as it walks the other's.
const pairTable = new Int32Array(1 << 16);
let pairFilled = new Int32Array(1024);

/**
 * {@link dice}, counted only where two texts differ: `diceOf(a, b) === dice(a, b)`. Two wordings
 * of one block, or a sentence and its lightly edited copy, differ in a stretch: the bigrams of
 * their common opening and common ending are common to both, so only the stretch between is
 * counted, in a table. (Of two multisets that share a part C, the overlap is |C| plus the overlap
 * of the rest, as min(c + x, c + y) = c + min(x, y).) Whitespace is skipped in place, as
 * string-similarity removes it, and on this path nothing is allocated. When the first text's
 * differing stretch holds a character beyond Latin-1, string-similarity itself scores the pair.
 */
export function diceOf(a: string, b: string): number {
  if (a === b) return 1;
  const shorter = Math.min(a.length, b.length);
  // The common opening: its letters, and where its last letter stands.
  let prefix = 0;
  let openingLetters = 0;
  let lastOpening = -1;
  while (prefix < shorter) {
    const code = a.charCodeAt(prefix);
    if (code !== b.charCodeAt(prefix)) break;
    if (!isWhitespace(code)) {
      openingLetters += 1;
      lastOpening = prefix;
    }
    prefix += 1;
  }
  // The common ending, apart from the opening: its letters, and where its first letter stands (from the end).
  let suffix = 0;
  let endingLetters = 0;
  let firstEnding = -1;
  while (suffix < shorter - prefix) {
    const code = a.charCodeAt(a.length - 1 - suffix);
    if (code !== b.charCodeAt(b.length - 1 - suffix)) break;
    if (!isWhitespace(code)) {
      endingLetters += 1;
      firstEnding = suffix;
    }
    suffix += 1;
  }
  // Each middle runs from the opening's last letter to the ending's first, so that the bigrams
  // crossing into them are counted there.
  const from = lastOpening >= 0 ? lastOpening : 0;
  const stretch = middleOverlap(a, from, firstEnding >= 0 ? a.length - firstEnding : a.length, b, from, firstEnding >= 0 ? b.length - firstEnding : b.length);
  // The first text's stretch goes beyond Latin-1: string-similarity itself scores the pair.
  if (stretch.overlap < 0) return dice(a, b);
  const first = openingLetters + endingLetters + stretch.firstLetters - (lastOpening >= 0 ? 1 : 0) - (firstEnding >= 0 ? 1 : 0);
  const second = openingLetters + endingLetters + stretch.secondLetters - (lastOpening >= 0 ? 1 : 0) - (firstEnding >= 0 ? 1 : 0);
  if (first < 2 || second < 2) return a.replace(WHITESPACE, '') === b.replace(WHITESPACE, '') ? 1 : 0;
  const common = Math.max(0, openingLetters - 1) + Math.max(0, endingLetters - 1);
  return (2 * (common + stretch.overlap)) / (first + second - 2);
}

const middle = { overlap: 0, firstLetters: 0, secondLetters: 0 };

/**
 * The multiset overlap of the bigrams of the letters of `x[xFrom, xTo)` and `y[yFrom, yTo)` (their
 * whitespace skipped), and how many letters each stretch holds; an overlap of -1 when the first
 * stretch holds a character beyond Latin-1, whose bigrams the table cannot count.
 */
function middleOverlap(x: string, xFrom: number, xTo: number, y: string, yFrom: number, yTo: number): typeof middle {
  if (pairFilled.length < xTo - xFrom) pairFilled = new Int32Array((xTo - xFrom) * 2);
  let filled = 0;
  let letters = 0;
  let previous = -1;
  let wide = false;
  for (let i = xFrom; i < xTo; i += 1) {
    const next = x.charCodeAt(i);
    if (isWhitespace(next)) continue;
    letters += 1;
    if (next > 255) wide = true;
    if (previous >= 0 && !wide) {
      const code = (previous << 8) | next;
      pairTable[code] = (pairTable[code] ?? 0) + 1;
      pairFilled[filled] = code;
      filled += 1;
    }
    previous = next;
  }
  middle.firstLetters = letters;
  if (wide) {
    for (let j = 0; j < filled; j += 1) pairTable[pairFilled[j] ?? 0] = 0;
    middle.overlap = -1;
    return middle;
  }
  let overlap = 0;
  letters = 0;
  previous = -1;
  for (let i = yFrom; i < yTo; i += 1) {
    const next = y.charCodeAt(i);
    if (isWhitespace(next)) continue;
    letters += 1;
    // A bigram with a character beyond Latin-1 is not the first stretch's.
    if (previous >= 0 && previous < 256 && next < 256) {
      const code = (previous << 8) | next;
      if ((pairTable[code] ?? 0) > 0) {
        pairTable[code] = (pairTable[code] ?? 0) - 1;
        overlap += 1;
      }
    }
    previous = next;
  }
  for (let j = 0; j < filled; j += 1) pairTable[pairFilled[j] ?? 0] = 0;
  middle.overlap = overlap;
  middle.secondLetters = letters;
  return middle;
}

/** True for the characters `\s` matches. */
function isWhitespace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 0xa0) return false;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

