/**
 * Where a quotation runs across sentences. A sentence ends at a full stop inside a quotation ("He
 * said: “We will go. We will win.” Then he left." is three sentences), so a marker that replaced
 * only the second would leave the first's opening quote unclosed, and the reader could not tell
 * whose words follow. The assemble step reads these flags to keep a block's copy from starting or
 * ending inside a quotation that the article's own text opens or closes.
 *
 * A quotation here opens and closes within one paragraph: curly double quotes, nested, and
 * straight double quotes where every one of the paragraph's reads in turn as opening before a word
 * and closing after one (see `pairStraightQuotes`). A
 * paragraph that only opens one (a long quote carried
 * over paragraphs, each opening with “) runs to its end when the next paragraph opens with “
 * again, as such a quotation is printed; else it has no quotation to cut (a stray “ for a ” is a
 * typo). Single quotes are not read: ’ is also an apostrophe.
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

function isSpaceCode(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0;
}

const OPEN = 0x201c;
const CLOSE = 0x201d;
const STRAIGHT = 0x22;

/** Per sentence of `packed`, {@link OPENS_IN_QUOTE} and {@link ENDS_IN_QUOTE} bits. */
export function quotedSentences(text: string, packed: PackedSegmentation): Uint8Array {
  const { paragraphs, sentences } = packed;
  const flags = new Uint8Array(sentences.length / 4);
  const opens: number[] = [];
  const spans: number[] = [];
  const straights: number[] = [];
  for (let p = 0; p + 3 < paragraphs.length; p += 4) {
    const first = paragraphs[p + 2] as number;
    const endSentence = paragraphs[p + 3] as number;
    // A quotation inside one sentence cuts nothing.
    if (endSentence - first < 2) continue;
    opens.length = 0;
    spans.length = 0;
    straights.length = 0;
    for (let at = paragraphs[p] as number, end = paragraphs[p + 1] as number; at < end; at += 1) {
      const code = text.charCodeAt(at);
      if (code === OPEN) opens.push(at);
      else if (code === CLOSE) {
        const open = opens.pop();
        if (open !== undefined) spans.push(open, at);
      } else if (code === STRAIGHT) straights.push(at);
    }
    // A long quotation carried over paragraphs is left open at each paragraph's end, the next
    // opening with “ again: it runs through this paragraph's last sentence, whose end a copy may
    // stop at (the paragraph's end is the quotation's, as printed).
    const carried = opens[0];
    if (carried !== undefined && opensWithQuote(text, paragraphs[p + 4], paragraphs[p + 5])) spans.push(carried, (sentences[(endSentence - 1) * 4 + 1] as number) - 1);
    pairStraightQuotes(text, straights, paragraphs[p] as number, spans);
    if (spans.length === 0) continue;
    // A position is inside a quotation when more quotations open before it than close before it:
    // one sweep over the sorted opens and closes, as sentence starts (and ends) only grow, so a
    // paragraph of many sentences and quotations costs their number, not its square.
    const openAt: number[] = [];
    const closeAt: number[] = [];
    for (let i = 0; i + 1 < spans.length; i += 2) {
      openAt.push(spans[i] as number);
      closeAt.push(spans[i + 1] as number);
    }
    openAt.sort((x, y) => x - y);
    closeAt.sort((x, y) => x - y);
    const sweep = (field: number, bit: number): void => {
      let opened = 0;
      let closed = 0;
      for (let s = first; s < endSentence; s += 1) {
        const at = sentences[s * 4 + field] as number;
        while (opened < openAt.length && (openAt[opened] as number) < at) opened += 1;
        while (closed < closeAt.length && (closeAt[closed] as number) < at) closed += 1;
        if (opened > closed) flags[s] = (flags[s] as number) | bit;
      }
    };
    sweep(0, OPENS_IN_QUOTE);
    sweep(1, ENDS_IN_QUOTE);
  }
  return flags;
}

/** True when `text[start, end)`, a paragraph (none when `start` is undefined), opens with “ after any spaces. */
function opensWithQuote(text: string, start: number | undefined, end: number | undefined): boolean {
  if (start === undefined || end === undefined) return false;
  let at = start;
  while (at < end && isSpaceCode(text.charCodeAt(at))) at += 1;
  return at < end && text.charCodeAt(at) === OPEN;
}

/**
 * Pairs a paragraph's straight quotes (`at`, ascending) into `spans`, only where they read as
 * quotations throughout: each opens before a word and closes after one, in turn. A straight quote
 * has no side of its own, and one left unpaired or standing between two words would pair the rest
 * wrongly, so such a paragraph's straight quotes are not read at all.
 */
function pairStraightQuotes(text: string, at: readonly number[], paragraphStart: number, spans: number[]): void {
  if (at.length === 0 || at.length % 2 !== 0) return;
  for (let i = 0; i < at.length; i += 1) {
    const position = at[i] as number;
    const before = position > paragraphStart ? text.charCodeAt(position - 1) : 32;
    const after = position + 1 < text.length ? text.charCodeAt(position + 1) : 32;
    const opens = OPENS_AFTER.has(before) && !isSpaceCode(after);
    const closes = !isSpaceCode(before) && !OPENS_AFTER.has(before) && (isSpaceCode(after) || CLOSES_BEFORE.has(after));
    if (i % 2 === 0 ? !opens || closes : !closes || opens) return;
  }
  for (let i = 0; i + 1 < at.length; i += 2) spans.push(at[i] as number, at[i + 1] as number);
}
