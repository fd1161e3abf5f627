/**
 * The figures of a sentence: amounts, counts, tolls, scores, percentages, dates and times, in the
 * order they stand. Two wordings of a sentence whose figures differ are two reports, not one
 * sentence lightly edited: a wire service's daily template with new figures each day, or a death
 * toll updated inside an old background paragraph.
 *
 * Each figure is reduced to a value, so that the way it is written never counts as a change:
 * - digits lose their grouping and leading zeros: "86,300" = "86300", "01" = "1", "5.0" = "5";
 * - a scale word or suffix multiplies: "Rs10m" = "Rs10 million" = "Rs 10,000,000"; "5bn" = "5 billion";
 *   "3 lakh" = "300,000", "2 crore" = "20,000,000";
 * - units, currencies and the words for per cent are dropped: "25%" = "25 percent" = "25pc";
 *   "Rs10" = "$10" (a changed currency alone is not a changed figure);
 * - ordinals are their number: "2nd" = "2";
 * - a month name next to a number is part of the date: "Jan 1" = "January 1st", but "Jan 1" ≠
 *   "Jan 2" and "Jan 1" ≠ "Feb 1";
 * - number words count as their value: "two" ≠ "three", "twice" ≠ "three times" ("once" is not
 *   one: it is as often "as soon as"); "twenty-six" = "26" is NOT assumed (kept as 20, 6): a
 *   wording that switches between words and digits is rare and then stays; ordinal words too:
 *   "the fifth month in a row" ≠ "the sixth", "second" = "2nd";
 * - a sign counts: "-0.507" ≠ "0.507"; times keep their parts: "10:30" ≠ "10:45", and their half
 *   of the day: "8am" = "8 a.m." ≠ "8pm";
 * - a day or month named alone is a date, as a number word is a figure: "on Monday" ≠ "on
 *   Wednesday", "in January" ≠ "in February", while one only a wording adds ("said on Monday") is
 *   an edit; "may" alone is a verb, and a month only next to a number.
 *
 * A sentence turned around by a negation is a changed report too ("would seek" and "would not
 * seek"): two wordings must say "not", "no", "never" and their kin as often (see {@link sameFigures}).
 * So is one turned to its opposite ("rose" and "fell": see `directions.ts`), and one filed from
 * another place: two sentences that open with datelines of two places.
 */
import { memoize } from '../lib/memo.js';
import { datelinePlace, samePlaces } from './dateline.js';
import { mayTurnAround, turnedAround } from './directions.js';

const SCALE: Readonly<Record<string, number>> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mn: 1e6,
  mln: 1e6,
  million: 1e6,
  millions: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
  billions: 1e9,
  tr: 1e12,
  trillion: 1e12,
  lakh: 1e5,
  lakhs: 1e5,
  lac: 1e5,
  crore: 1e7,
  crores: 1e7,
  cr: 1e7,
};

const WORD_VALUES: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  // How many times: "twice" and "three times" are two counts. Not "once", as often "as soon as".
  twice: 2,
  thrice: 3,
  dozen: 12,
  dozens: 12,
  half: 0.5,
  // Ordinals: "the fifth month in a row" and "the sixth" are two reports; "second" = "2nd".
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
  twentieth: 20,
  thirtieth: 30,
  fortieth: 40,
  fiftieth: 50,
  hundredth: 100,
};

const MONTHS: readonly (readonly string[])[] = [
  ['jan', 'january'],
  ['feb', 'february'],
  ['mar', 'march'],
  ['apr', 'april'],
  ['may'],
  ['jun', 'june'],
  ['jul', 'july'],
  ['aug', 'august'],
  ['sep', 'sept', 'september'],
  ['oct', 'october'],
  ['nov', 'november'],
  ['dec', 'december'],
];
const MONTH_OF = new Map<string, number>(MONTHS.flatMap((names, index) => names.map((name) => [name, index + 1] as const)));
/** Names of a month that alone, with no number beside it, are a date: not "may", nor the short forms ("mar", "dec"). */
const MONTH_ALONE = new Map<string, number>(MONTHS.flatMap((names, index) => names.filter((name) => name.length > 3).map((name) => [name, index + 1] as const)));
const DAY_OF = new Map<string, number>(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].map((name, index) => [name, index + 1] as const));
/** Days named by the day of writing: "adjourned till tomorrow" and "for one month" are two reports. */
const RELATIVE_DAY = new Set(['tomorrow', 'yesterday']);
/** True for a month's or a day's name, in lower case ("march", "feb", "monday"): a date's word, which figures read. */
export function isDateWord(word: string): boolean {
  return MONTH_OF.has(word) || DAY_OF.has(word) || RELATIVE_DAY.has(word);
}
/** Words that turn a statement around. "n't" is read from a word's end ("didn't", "won't"). */
// "Neither" is not counted: "neither … nor" negates once, as "not … or" does.
const NEGATIONS = new Set(['not', 'no', 'never', 'cannot', 'nor', 'none', 'nobody', 'nothing']);

// A token: a number with its grouping, decimals and any letters glued to it ("Rs10m", "2nd", "25pc"),
// a time ("10:30"), or a word. Soft hyphens, which some outlets put inside words, are removed first.
const TOKEN = /[-−]?(?:[\p{L}$€£¥₹]*\d[\d,]*(?:\.\d+)?(?::\d\d)*[\p{L}%]*)|\p{L}+/gu;
const NUMBER = /^([-−]?)([\p{L}$€£¥₹.]*?)(\d[\d,]*(?:\.\d+)?(?::\d\d)*)([\p{L}%]*)$/u;

/** The figures of `text`, each as a canonical string, in order of appearance. */
export function figuresOf(text: string): string[] {
  return readFigures(text).map((figure) => figure.value);
}

/** A figure, and whether it was written as a word ("two") rather than in digits. */
interface Figure {
  value: string;
  readonly word: boolean;
}

const NO_FIGURES: readonly Readonly<Figure>[] = Object.freeze([]);

// Sentences are compared with several others: each text's figures are read once.
const readFigures = memoize(figuresIn);

// A number word, or a day or month named alone, standing as a whole word: a text without one, and without a digit, has no figure.
const NUMBER_WORD = new RegExp(`(?<!\\p{L})(?:${[...Object.keys(WORD_VALUES), ...MONTH_ALONE.keys(), ...DAY_OF.keys(), ...RELATIVE_DAY].join('|')})(?!\\p{L})`, 'u');

function hasDigit(token: string): boolean {
  for (let i = 0; i < token.length; i += 1) {
    const code = token.charCodeAt(i);
    if (code >= 48 && code <= 57) return true;
  }
  return false;
}

function figuresIn(text: string): readonly Readonly<Figure>[] {
  const folded = text.replace(/\u00ad/g, '').toLowerCase();
  // Most sentences hold no figure: the tokens are read only when one may stand.
  if (!/\d/.test(folded) && !NUMBER_WORD.test(folded)) return NO_FIGURES;
  // The tokens and where each starts, read with one regular expression's exec (no match objects kept).
  const tokens: string[] = [];
  const starts: number[] = [];
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(folded); match !== null; match = TOKEN.exec(folded)) {
    tokens.push(match[0]);
    starts.push(match.index);
  }
  const figures: Figure[] = [];
  // Where the last figure's value went, so that a scale word after it ("10 million") can scale it.
  let lastNumber = -1;
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i] as string;
    // Most tokens are words: only a token with a digit can be a number.
    const number = hasDigit(token) ? NUMBER.exec(token) : null;
    if (number !== null) {
      const [, sign = '', , digits = '', suffix = ''] = number;
      // A minus sign stands after a space ("6 -0.507"); a dash between digits is a range or a date ("2024-06").
      const at = starts[i] ?? 0;
      const negative = sign !== '' && (at === 0 || /[\s(]/.test(folded[at - 1] ?? ''));
      // A time of day keeps its half: "8am" and "8 pm" are two times ("a.m." is read as its letters).
      const half = HALF_DAY.has(suffix) ? suffix : halfDayAfter(tokens, i + 1);
      figures.push({ value: valueOf(negative, digits, suffix) + (half === undefined ? '' : ` ${half}`), word: false });
      lastNumber = figures.length - 1;
      const month = MONTH_OF.get(tokens[i - 1] ?? '') ?? MONTH_OF.get(tokens[i + 1] ?? '');
      if (month !== undefined) figures.push({ value: `month ${month}`, word: false });
      continue;
    }
    const scale = Object.hasOwn(SCALE, token) ? SCALE[token] : undefined;
    const last = figures[lastNumber];
    if (scale !== undefined && last !== undefined && lastNumber === figures.length - 1 && i > 0 && NUMBER.test(tokens[i - 1] ?? '')) {
      last.value = canonical(Number(last.value) * scale);
      continue;
    }
    const word = Object.hasOwn(WORD_VALUES, token) ? WORD_VALUES[token] : undefined;
    if (word !== undefined) {
      figures.push({ value: canonical(word), word: true });
      lastNumber = figures.length - 1;
      continue;
    }
    // A day, or a month with no number beside it (one beside a number is part of that date, above).
    const day = DAY_OF.get(token);
    if (day !== undefined) figures.push({ value: `day ${day}`, word: true });
    if (RELATIVE_DAY.has(token)) figures.push({ value: `day ${token}`, word: true });
    const month = MONTH_ALONE.get(token);
    if (month !== undefined && !NUMBER.test(tokens[i - 1] ?? '') && !NUMBER.test(tokens[i + 1] ?? '')) figures.push({ value: `month ${month}`, word: true });
  }
  return figures;
}

const HALF_DAY = new Set(['am', 'pm']);

/** "am" or "pm" when the tokens from `at` say so ("am", or "a" then "m"), else undefined. */
function halfDayAfter(tokens: readonly string[], at: number): string | undefined {
  const next = tokens[at];
  if (next === undefined) return undefined;
  if (HALF_DAY.has(next)) return next;
  const joined = next + (tokens[at + 1] ?? '');
  return (next === 'a' || next === 'p') && HALF_DAY.has(joined) ? joined : undefined;
}

/**
 * True when `a` and `b` hold the same figures in the same order (see {@link figuresOf}). Number
 * words that one wording only adds ("a four-wheeled vehicle", "one of the") are a light edit, not
 * a changed figure; a number word that differs ("two" and "three") is a changed figure.
 */
export function sameFigures(a: string, b: string): boolean {
  // A verbatim copy, the commonest pair, holds its own figures; so does a copy edited only in plain words.
  if (a === b) return true;
  // Two datelines of other places are two reports ("DUBAI, Feb 10 (APP): …" and "LAHORE, Feb 10 (APP): …").
  if (!samePlace(a, b)) return false;
  const stretch = differingStretch(a, b);
  if (plainWords(a, stretch.from, stretch.endA) && plainWords(b, stretch.from, stretch.endB)) return true;
  // Most sentences hold no negation: counted only where one may stand.
  if ((MAY_NEGATE.test(a) || MAY_NEGATE.test(b)) && negationsIn(a) !== negationsIn(b)) return false;
  // "rose" and "fell", "won" and "lost": the same sentence turned around is another report. Only
  // the stretch where the two differ is read: the words they share count the same on both sides.
  if (turnedAround(a.slice(stretch.from, stretch.endA), b.slice(stretch.from, stretch.endB))) return false;
  const x = readFigures(a);
  const y = readFigures(b);
  if (equal(x, y)) return true;
  // Number words that one wording only adds to the other's ("the two men" and "the two men, one
  // of them …") are an edit; any other difference in them is a changed figure.
  const xWords = x.filter((figure) => figure.word).map((figure) => figure.value);
  const yWords = y.filter((figure) => figure.word).map((figure) => figure.value);
  if (!withinOther(xWords, yWords) && !withinOther(yWords, xWords)) return false;
  return equal(
    x.filter((figure) => !figure.word),
    y.filter((figure) => !figure.word),
  );
}

/**
 * What {@link sameFigures} compares of `text`, as one string: its figures, how often it negates,
 * and its dateline's place. Not its direction words: two copies that each differ from one
 * sentence by a figure are one sentence though only one of them adds "after" or "rose".
 */
export function factsOf(text: string): string {
  return `${figuresOf(text).join(' ')}\u0000${negationsIn(text)}\u0000${datelinePlace(text) ?? ''}`;
}

/** False when both texts open with a dateline, of two places. */
function samePlace(a: string, b: string): boolean {
  const placeA = datelinePlace(a);
  if (placeA === undefined) return true;
  const placeB = datelinePlace(b);
  return placeB === undefined || samePlaces(placeA, placeB);
}

/** How many words of `text` negate ("not", "never", "didn't"…): see {@link NEGATIONS}. Read once per text, as figures are. */
const negationsIn = memoize(countNegations);

function countNegations(text: string): number {
  let count = 0;
  let previous = '';
  NEGATION_TOKEN.lastIndex = 0;
  for (let match = NEGATION_TOKEN.exec(text); match !== null; match = NEGATION_TOKEN.exec(text)) {
    const word = match[0].toLowerCase();
    const after = match.index + match[0].length;
    // "No. 45", "FIR no 45": a number's sign, not a negation.
    if (word === 'no' && NUMBER_SIGN.test(text.slice(after, after + 3))) continue;
    if (NEGATIONS.has(word) || /n['’]t$/.test(word)) count += 1;
    // "no less than", "not more than", "no later than": a bound, not a negation.
    else if ((previous === 'no' || previous === 'not') && BOUNDS.has(word)) count -= 1;
    previous = word;
  }
  return count;
}
const NEGATION_TOKEN = /\p{L}+(?:['’]\p{L}+)?/gu;
/** A negation may stand in a text that holds one of these, as a word or a word's end ("didn't"). */
const MAY_NEGATE = /\b(?:not|no|never|cannot|nor|none|nobody|nothing)\b|n['’]t\b/i;
/** After "no": a full stop or a figure, as in "No. 45" or "no 45". */
const NUMBER_SIGN = /^(?:\.|\s*\d)/;
const BOUNDS = new Set(['less', 'more', 'fewer', 'later', 'earlier', 'sooner']);

/**
 * True when `a` and `b` differ only in a stretch where neither holds a digit, a minus sign, a
 * number, scale, day or month word, a negation, a word that may turn it around ("rose", "fell",
 * "unlikely"), nor any character but ASCII and common typographic marks: then their figures are
 * the same, without reading them. Most lightly edited copies differ so. The stretch is
 * widened to white space (a token never spans it) and then by one more run of characters holding a
 * letter or digit on each side, so that the tokens either side of it, which decide a month or a
 * scale next to a number, are the same in both texts.
 */
export function differOnlyInPlainWords(a: string, b: string): boolean {
  const { from, endA, endB } = differingStretch(a, b);
  return plainWords(a, from, endA) && plainWords(b, from, endB);
}

/**
 * Where two texts differ: `a[from, endA)` against `b[from, endB)`, the same opening before and the
 * same ending after. Cut at white space and widened by one run holding a letter or digit each side
 * (see {@link differOnlyInPlainWords}), so no word is cut, and the words either side are read too.
 * `start` is where they first differ, `tail` the length of the ending they share.
 */
export function differingStretch(a: string, b: string): Stretch {
  // Verifying a pair asks for its stretch twice, for figures and for names: the last is kept.
  if (a === lastStretch.a && b === lastStretch.b) return lastStretch.stretch;
  const stretch = stretchOf(a, b);
  lastStretch = { a, b, stretch };
  return stretch;
}

/** Where two texts differ (see {@link differingStretch}). */
export interface Stretch {
  readonly from: number;
  readonly endA: number;
  readonly endB: number;
  readonly start: number;
  readonly tail: number;
}

let lastStretch: { readonly a: string; readonly b: string; readonly stretch: Stretch } = { a: '', b: '', stretch: { from: 0, endA: 0, endB: 0, start: 0, tail: 0 } };

function stretchOf(a: string, b: string): Stretch {
  const limit = Math.min(a.length, b.length);
  let start = 0;
  while (start < limit && a.charCodeAt(start) === b.charCodeAt(start)) start += 1;
  let tail = 0;
  while (tail < limit - start && a.charCodeAt(a.length - 1 - tail) === b.charCodeAt(b.length - 1 - tail)) tail += 1;
  // Both walks go through text the two share: the common opening leftwards, the common ending rightwards.
  const from = widenLeft(a, start);
  const endA = widenRight(a, a.length - tail);
  return { from, endA, endB: endA - a.length + b.length, start, tail };
}

function isSpaceCode(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13);
}

function isAsciiWordCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** From `at`, leftwards: to the start of its run of non-space characters, then over one more run that holds a letter or digit. */
function widenLeft(text: string, at: number): number {
  let i = at;
  while (i > 0 && !isSpaceCode(text.charCodeAt(i - 1))) i -= 1;
  for (;;) {
    while (i > 0 && isSpaceCode(text.charCodeAt(i - 1))) i -= 1;
    let word = false;
    while (i > 0 && !isSpaceCode(text.charCodeAt(i - 1))) {
      if (isAsciiWordCode(text.charCodeAt(i - 1))) word = true;
      i -= 1;
    }
    if (word || i === 0) return i;
  }
}

/** {@link widenLeft}, rightwards from `at`. */
function widenRight(text: string, at: number): number {
  let i = at;
  while (i < text.length && !isSpaceCode(text.charCodeAt(i))) i += 1;
  for (;;) {
    while (i < text.length && isSpaceCode(text.charCodeAt(i))) i += 1;
    let word = false;
    while (i < text.length && !isSpaceCode(text.charCodeAt(i))) {
      if (isAsciiWordCode(text.charCodeAt(i))) word = true;
      i += 1;
    }
    if (word || i === text.length) return i;
  }
}

// Characters past ASCII that neither make nor join a token: quotes, dashes, an ellipsis, a bullet, a no-break space.
const PLAIN_MARKS = new Set([0xa0, 0x2013, 0x2014, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2026]);

/** True when `text[from, to)` holds no digit, no minus sign, no word that is or scales a figure, names a month or a day, negates or gives a direction, and nothing past ASCII but {@link PLAIN_MARKS}. */
function plainWords(text: string, from: number, to: number): boolean {
  let word = '';
  for (let i = from; i <= to; i += 1) {
    const code = i < to ? text.charCodeAt(i) : 32;
    if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) {
      word += String.fromCharCode(code | 32);
      continue;
    }
    if (word !== '') {
      if (Object.hasOwn(WORD_VALUES, word) || Object.hasOwn(SCALE, word) || MONTH_OF.has(word) || DAY_OF.has(word) || RELATIVE_DAY.has(word) || NEGATIONS.has(word) || mayTurnAround(word) || (word === 't' && (text[i - 2] === "'" || text[i - 2] === '’'))) return false;
      word = '';
    }
    if ((code >= 48 && code <= 57) || code === 45 || (code >= 128 && !PLAIN_MARKS.has(code))) return false;
  }
  return true;
}

/** True when every value of `small` stands in `large`, as often (a sub-multiset). */
function withinOther(small: readonly string[], large: readonly string[]): boolean {
  const left = new Map<string, number>();
  for (const value of large) left.set(value, (left.get(value) ?? 0) + 1);
  return small.every((value) => {
    const count = left.get(value) ?? 0;
    left.set(value, count - 1);
    return count > 0;
  });
}

function equal(x: readonly Figure[], y: readonly Figure[]): boolean {
  return x.length === y.length && x.every((figure, i) => figure.value === y[i]?.value);
}

function valueOf(negative: boolean, digits: string, suffix: string): string {
  if (digits.includes(':')) return (negative ? '-' : '') + digits.split(':').map((part) => String(Number(part))).join(':');
  let value = Number(digits.replace(/,/g, ''));
  const scale = Object.hasOwn(SCALE, suffix) ? SCALE[suffix] : undefined;
  if (scale !== undefined) value *= scale;
  return canonical(negative ? -value : value);
}

function canonical(value: number): string {
  // Twelve significant digits: "0.1 million" and "100,000" are one value despite binary fractions.
  return String(Number(value.toPrecision(12)));
}

/**
 * True when most of a line's tokens are figures: a table row or a score line ("Zalmi 7 3 4 6
 * -0.507"). Such a line is the article's own data, never chrome by frequency nor a block's heading.
 */
export function isMostlyNumbers(line: string): boolean {
  // A figure is a token with a digit: a line without one (most lines) has none to count.
  if (!/\d/.test(line)) return false;
  const tokens = line.match(/[-−]?\d[\d,.:]*%?|\p{L}+/gu) ?? [];
  if (tokens.length === 0) return false;
  const numbers = tokens.filter((token) => /\d/.test(token)).length;
  return numbers * 2 > tokens.length;
}
