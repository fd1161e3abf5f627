/**
 * Where a quotation runs across sentences. A sentence ends at a full stop inside a quotation ("He
 * said: “We will go. We will win.” Then he left." is three sentences), so a marker that replaced
 * only the second would leave the first's opening quote unclosed, and the reader could not tell
 * whose words follow. The assemble step reads these flags to keep a block's copy from starting or
 * ending inside a quotation that the article's own text opens or closes.
 *
 * A quotation here opens and closes within one paragraph: curly double quotes, nested, and
 * straight double quotes, paired in order. A paragraph that only opens one (a long quote carried
 * over paragraphs, each opening with “) has no quotation to cut. Single quotes are not read: ’ is
 * also an apostrophe.
 */
import type { PackedSegmentation } from '../stages/segment.js';

/** The sentence starts inside a quotation opened earlier in its paragraph. */
export const OPENS_IN_QUOTE = 1;
/** The sentence ends inside a quotation that closes later in its paragraph. */
export const ENDS_IN_QUOTE = 2;

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
        if (straight < 0) straight = at;
        else {
          spans.push(straight, at);
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
