import type { Paragraph, Segmentation, Sentence, Span } from '../types.js';
import { countWords } from '../text/words.js';

// Titles and honorifics: always followed by a name or an office, never the end of a sentence
// ("Gen. Faiz", "Engr. Ali", "Ch. Shujaat": the South Asian ones found on ../shared/news; "Brown vs. The Board").
const TITLES = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'cpt', 'sgt', 'cpl', 'adm', 'cmdr', 'gov', 'sen', 'rep', 'rev', 'hon', 'pres',
  'supt', 'insp', 'det', 'engr', 'ch', 'brig', 'mst', 'messrs', 'dy', 'addl', 'asst', 'secy', 'sqn', 'ldr', 'wg', 'cdr', 'mohd', 'muhd', 'vs',
]);
// Words after which a full stop does not end a sentence unless a sentence's opening word follows
// ("Nov. 14", "No. 5", "Pvt. Ltd.", "Brig. (retd.) Ahmed"), and the titles.
const ABBREVIATIONS = new Set([
  ...TITLES,
  'st', 'jr', 'sr', 'no', 'nos', 'vol', 'fig', 'op', 'inc', 'ltd', 'co', 'corp', 'bros', 'dept', 'univ', 'assn', 'approx', 'etc', 'al',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mt', 'ft', 'rs', 'pvt', 'retd',
]);
// Abbreviations that are words too, taken as such only capitalised and before a number or a
// bracket ("Art. 184(3)", "Sec. 144", not "works of art." nor "the Museum of Modern Art. Critics …"):
const CAPITALISED_ABBREVIATIONS = new Set(['Art', 'Sec', 'Para', 'Dist', 'Cl']);
const NUMBER_OR_BRACKET = /[\d(]/;
// Words that open a sentence and never a name: after an abbreviation, they end the sentence.
const SENTENCE_OPENER = /^(?:The|It|Its|He|She|They|We|This|That|These|Those|There|Their|His|Her|Our|However|Meanwhile|But|In|On|At|After|Before|When|While|If|Earlier|Later)[\s,]/;
const HONORIFICS = new Set(['H.E', 'H.H', 'H.R.H', 'H.M', 'H.I.H']);

// Sentence-final punctuation, then any closing quotes or brackets.
const TERMINATOR = /[.!?…。！？؟۔]+["'”’»)\]]*/g;
// Full-width terminators end a sentence even with no space after them (Chinese, Japanese).
const FULL_WIDTH_END = /[。！？]/;
const HAS_WORD = /[\p{L}\p{N}]/u;
const ENDS_WITH_TERMINATOR = /[.!?…。！？؟۔:;"'”’»)\]]$/u;
const STARTS_LOWER_CASE = /^\p{Ll}/u;
const WHITE_SPACE = /\s/;
const WORD_OR_DOT = /[\p{L}.]/u;
const ONE_CAPITAL = /^\p{Lu}$/u;

/** `WHITE_SPACE.test(text[i])`, without making a string of the character (false past the end). */
function isSpaceAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return code === code && WHITE_SPACE.test(text[i] as string);
}

interface Line {
  /** First non-white-space character. */
  readonly start: number;
  /** One past the last non-white-space character; equals `start` for a blank line. */
  readonly end: number;
}

/** An article's paragraphs without their sentences: what collapsing it needs. */
export interface Layout {
  readonly paragraphs: readonly Span[];
  /** The article's first line terminator, used when a marker needs a line of its own. */
  readonly lineEnding: Segmentation['lineEnding'];
}

/**
 * Splits an article into paragraphs and sentences, with offsets into `text`.
 *
 * A paragraph is a line (001's layout, and 002's with blank lines between), except that a line
 * that does not end a sentence, followed by one that starts in lower case, continues it (hard-wrapped text).
 * Sentences never cross paragraphs. Everything outside the sentences is white space.
 * With `countWords: false`, every sentence's `words` is left 0 for a caller that counts them itself.
 */
export function segment(text: string, options: { readonly countWords?: boolean } = {}): Segmentation {
  const { paragraphs: spans, lineEnding } = layout(text);
  const sentences: Sentence[] = [];
  const counting = options.countWords ?? true;
  const paragraphs: Paragraph[] = spans.map((span, index) => {
    const firstSentence = sentences.length;
    splitSentences(text, span.start, span.end, index, sentences, counting);
    return { start: span.start, end: span.end, firstSentence, endSentence: sentences.length };
  });
  return { paragraphs, sentences, lineEnding };
}

/** The paragraphs of {@link segment}, without splitting them into sentences: a fraction of the work. */
export function layout(text: string): Layout {
  const paragraphs: Span[] = [];
  let open: { start: number; end: number } | undefined;
  let previousLineBlank = true;
  for (const line of splitLines(text)) {
    if (line.start === line.end) {
      if (open !== undefined) paragraphs.push(open);
      open = undefined;
      previousLineBlank = true;
      continue;
    }
    const continues =
      open !== undefined &&
      !previousLineBlank &&
      !ENDS_WITH_TERMINATOR.test(text.slice(Math.max(open.end - 1, open.start), open.end)) &&
      STARTS_LOWER_CASE.test(text.slice(line.start, line.start + 2));
    if (continues && open !== undefined) open.end = line.end;
    else {
      if (open !== undefined) paragraphs.push(open);
      open = { start: line.start, end: line.end };
    }
    previousLineBlank = false;
  }
  if (open !== undefined) paragraphs.push(open);
  return { paragraphs, lineEnding: detectLineEnding(text) };
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const pushLine = (from: number, to: number): void => {
    let start = from;
    let end = to;
    while (start < end && isSpaceAt(text, start)) start += 1;
    while (end > start && isSpaceAt(text, end - 1)) end -= 1;
    lines.push({ start, end });
  };
  let lineStart = 0;
  if (!text.includes('\r')) {
    // Nearly every text: its lines are found natively.
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', lineStart)) {
      pushLine(lineStart, at);
      lineStart = at + 1;
    }
  } else {
    for (let i = 0; i < text.length; i += 1) {
      const code = text.charCodeAt(i);
      if (code === 10 || code === 13) {
        pushLine(lineStart, i);
        if (code === 13 && text.charCodeAt(i + 1) === 10) i += 1;
        lineStart = i + 1;
      }
    }
  }
  if (lineStart < text.length) pushLine(lineStart, text.length);
  return lines;
}

function splitSentences(text: string, start: number, end: number, paragraph: number, into: Sentence[], counting: boolean): void {
  const pushSentence = (from: number, to: number): void => {
    into.push({ start: from, end: to, paragraph, words: counting ? countWords(text, from, to) : 0 });
  };
  let sentenceStart = start;
  // The module's own expression: nothing below runs another scan with it.
  const terminator = TERMINATOR;
  terminator.lastIndex = start;
  for (let match = terminator.exec(text); match !== null; match = terminator.exec(text)) {
    const at = match.index;
    const after = at + match[0].length;
    if (after >= end) break;
    if (!endsSentence(text, sentenceStart, at, after, match[0], end)) continue;
    let next = after;
    while (next < end && isSpaceAt(text, next)) next += 1;
    pushSentence(sentenceStart, after);
    sentenceStart = next;
    terminator.lastIndex = next;
  }
  pushSentence(sentenceStart, end);
}

function endsSentence(text: string, sentenceStart: number, at: number, after: number, mark: string, end: number): boolean {
  if (FULL_WIDTH_END.test(mark[0] ?? '')) return true;
  if (!isSpaceAt(text, after)) return false;
  // "[…]" or "(...)" that opens a quote marks words left out before it, not a sentence's end:
  // "“[…] Key factors included …”, it noted". Between two words it may stand for a sentence's end
  // ("… real estate […] From a real estate perspective, …"), and is read as the full stop would be.
  if ((mark.startsWith('…') || mark.startsWith('...')) && (text[at - 1] === '[' || text[at - 1] === '(') && !HAS_WORD.test(text.slice(sentenceStart, at - 1))) return false;
  let next = after;
  while (next < end && isSpaceAt(text, next)) next += 1;
  if (STARTS_LOWER_CASE.test(text.slice(next, next + 2))) return false;
  if (mark === '.' || mark.startsWith('.') && mark.length > 1 && !mark.startsWith('..')) {
    // The word before the full stop: an initial ("J."), a dotted abbreviation ("U.S."), or a listed one.
    let wordStart = at;
    while (wordStart > sentenceStart && WORD_OR_DOT.test(text[wordStart - 1] ?? '')) wordStart -= 1;
    const word = text.slice(wordStart, at);
    // An abbreviation ends a sentence only when a word that opens sentences, not names, follows
    // ("… in the U.S. The company said", "… by AT&T. It said", "at 10 a.m. The train"), never a
    // name or a noun ("U.S. President", "Dr. A. K. Khan", "Ltd. Shares").
    if (ONE_CAPITAL.test(word) || word.includes('.') || ABBREVIATIONS.has(word.toLowerCase())) {
      // A title or an honorific goes with what follows, whatever it is ("Prof. In Lee", "H.E. The President", "Brown vs. The Board").
      if (TITLES.has(word.toLowerCase()) || HONORIFICS.has(word.toUpperCase())) return false;
      return SENTENCE_OPENER.test(text.slice(next, next + 12));
    }
    if (CAPITALISED_ABBREVIATIONS.has(word) && NUMBER_OR_BRACKET.test(text[next] ?? '')) return false;
  }
  return true;
}

function detectLineEnding(text: string): '\n' | '\r\n' | '\r' {
  const newline = text.indexOf('\n');
  const carriageReturn = text.indexOf('\r');
  if (carriageReturn < 0) return '\n';
  if (newline >= 0 && newline < carriageReturn) return '\n';
  return text[carriageReturn + 1] === '\n' ? '\r\n' : '\r';
}

/** A segmentation as flat typed arrays: cheap to pass between threads and to hold for many articles. */
export interface PackedSegmentation {
  /** `(start, end, firstSentence, endSentence)` per paragraph. */
  readonly paragraphs: Uint32Array;
  /** `(start, end, paragraph, words)` per sentence. */
  readonly sentences: Uint32Array;
  readonly lineEnding: Segmentation['lineEnding'];
}

export function packSegmentation(segmentation: Segmentation): PackedSegmentation {
  const paragraphs = new Uint32Array(segmentation.paragraphs.length * 4);
  segmentation.paragraphs.forEach((p, i) => {
    paragraphs[i * 4] = p.start;
    paragraphs[i * 4 + 1] = p.end;
    paragraphs[i * 4 + 2] = p.firstSentence;
    paragraphs[i * 4 + 3] = p.endSentence;
  });
  const sentences = new Uint32Array(segmentation.sentences.length * 4);
  segmentation.sentences.forEach((s, i) => {
    sentences[i * 4] = s.start;
    sentences[i * 4 + 1] = s.end;
    sentences[i * 4 + 2] = s.paragraph;
    sentences[i * 4 + 3] = s.words;
  });
  return { paragraphs, sentences, lineEnding: segmentation.lineEnding };
}

/** Sentence `i` of a packed segmentation, or undefined past the end. */
export function sentenceAt(packed: PackedSegmentation, i: number): Sentence | undefined {
  const at = i * 4;
  if (i < 0 || at + 3 >= packed.sentences.length) return undefined;
  const { sentences } = packed;
  return { start: sentences[at] ?? 0, end: sentences[at + 1] ?? 0, paragraph: sentences[at + 2] ?? 0, words: sentences[at + 3] ?? 0 };
}

/** Paragraph `p` of a packed segmentation, or undefined past the end. */
export function paragraphAt(packed: PackedSegmentation, p: number): Paragraph | undefined {
  const at = p * 4;
  if (p < 0 || at + 3 >= packed.paragraphs.length) return undefined;
  const { paragraphs } = packed;
  return { start: paragraphs[at] ?? 0, end: paragraphs[at + 1] ?? 0, firstSentence: paragraphs[at + 2] ?? 0, endSentence: paragraphs[at + 3] ?? 0 };
}
