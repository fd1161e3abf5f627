/**
 * Where a quotation runs across sentences. A sentence ends at a full stop inside a quotation ("He
 * said: “We will go. We will win.” Then he left." is three sentences), so a marker that replaced
 * only the second would leave the first's opening quote unclosed, and the reader could not tell
 * whose words follow. The assemble step reads these flags to keep a block's copy from starting or
 * ending inside a quotation that the article's own text opens or closes.
 *
 * A quotation here opens and closes within one paragraph: curly double quotes, nested, and
 * straight double quotes, each told opening or closing by what stands either side of it (one that
 * opens before a word, at a paragraph's start or after a colon or a dash, one that closes after a
 * word), a closing one paired with the last opened, at
 * most {@link STRAIGHT_SPAN} characters before it. A
 * paragraph that only opens one (a long quote carried
 * over paragraphs, each opening with “) has no quotation to cut. Single quotes are not read: ’ is
 * also an apostrophe.
 */
import type { PackedSegmentation } from '../stages/segment.js';

/** The sentence starts inside a quotation opened earlier in its paragraph. */
export const OPENS_IN_QUOTE = 1;
/** The sentence ends inside a quotation that closes later in its paragraph. */
export const ENDS_IN_QUOTE = 2;

/** What a straight quote that opens a quotation follows: a space, a line's start, a bracket, a dash, a colon. */
const OPENS_AFTER = new Set([32, 9, 10, 13, 0xa0, 0x28, 0x5b, 0x2014, 0x2013, 0x2d, 0x3a]);
/** What may follow a straight quote that closes one, besides a space: punctuation. */
const CLOSES_BEFORE = new Set([...'.,;:!?)]—–-…'].map((char) => char.charCodeAt(0)));

/** True when the straight quote at `at` opens its paragraph or follows a colon, a dash or a bracket (white space between allowed). */
function opensQuotation(text: string, at: number, paragraphStart: number): boolean {
  let i = at - 1;
  while (i >= paragraphStart && isSpaceCode(text.charCodeAt(i))) i -= 1;
  return i < paragraphStart || QUOTATION_AFTER.has(text.charCodeAt(i));
}
const QUOTATION_AFTER = new Set([0x3a, 0x2014, 0x2013, 0x2d, 0x28, 0x5b]);

function isSpaceCode(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0;
}

/** The longest quotation in straight quotes read, in characters: a few sentences. */
const STRAIGHT_SPAN = 400;

const OPEN = 0x201c;
const CLOSE = 0x201d;
const STRAIGHT = 0x22;

/** Per sentence of `packed`, {@link OPENS_IN_QUOTE} and {@link ENDS_IN_QUOTE} bits. */
export function quotedSentences(text: string, packed: PackedSegmentation): Uint8Array {
  const { paragraphs, sentences } = packed;
  const flags = new Uint8Array(sentences.length / 4);
  const opens: number[] = [];
  const spans: number[] = [];
  for (let p = 0; p + 3 < paragraphs.length; p += 4) {
    const first = paragraphs[p + 2] as number;
    const endSentence = paragraphs[p + 3] as number;
    // A quotation inside one sentence cuts nothing.
    if (endSentence - first < 2) continue;
    opens.length = 0;
    spans.length = 0;
    let straight = -1;
    for (let at = paragraphs[p] as number, end = paragraphs[p + 1] as number; at < end; at += 1) {
      const code = text.charCodeAt(at);
      if (code === OPEN) opens.push(at);
      else if (code === CLOSE) {
        const open = opens.pop();
        if (open !== undefined) spans.push(open, at);
      } else if (code === STRAIGHT) {
        // A straight quote opens before a word and closes after one: told by what stands either
        // side, not by counting, so that one left unpaired pairs no other.
        const before = at > paragraphs[p]! ? text.charCodeAt(at - 1) : 32;
        const after = at + 1 < text.length ? text.charCodeAt(at + 1) : 32;
        // A quotation of sentences opens a paragraph or follows a colon or a dash ('He said: "…');
        // one inside a sentence ('as "the win …') quotes a phrase.
        const opens = OPENS_AFTER.has(before) && !isSpaceCode(after) && opensQuotation(text, at, paragraphs[p]!);
        const closes = !isSpaceCode(before) && !OPENS_AFTER.has(before) && (isSpaceCode(after) || CLOSES_BEFORE.has(after));
        if (opens && !closes) straight = at;
        else if (closes && !opens && straight >= 0) {
          // Unlike a curly pair, two straight quotes far apart are as likely two stray ones.
          if (at - straight <= STRAIGHT_SPAN) spans.push(straight, at);
          straight = -1;
        }
      }
    }
    if (spans.length === 0) continue;
    for (let s = first; s < endSentence; s += 1) {
      const start = sentences[s * 4] as number;
      const end = sentences[s * 4 + 1] as number;
      let flag = 0;
      for (let i = 0; i + 1 < spans.length; i += 2) {
        const open = spans[i] as number;
        const close = spans[i + 1] as number;
        if (open < start && close >= start) flag |= OPENS_IN_QUOTE;
        if (open < end && close >= end) flag |= ENDS_IN_QUOTE;
      }
      flags[s] = flag;
    }
  }
  return flags;
}
