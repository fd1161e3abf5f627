/**
 * Names that two wordings swap: "in Karachi" and "in Quetta", "to Azerbaijan" and "to the UAE".
 * Two wordings alike but for a name put in another's place are two reports, not one sentence
 * lightly edited, as two with another figure are (see `sameFigures`). Found on `../shared/news`,
 * where a place, an official or a squad's players changed in one word or two passed as light edits.
 *
 * A name here is a word that opens with a capital letter, holds no digit, is no month nor day (the
 * figures read those), and opens neither a sentence nor a quote. Only where the two wordings
 * differ is read (`differingStretch`), aligned word by word: a swap is a short stretch of one
 * (five words at most) put in place of a short stretch of the other, each holding a name that the
 * other wording lacks. A longer stretch rewritten is a paraphrase, whose names say nothing of a
 * swap; a name one wording only adds or drops ("Mohsin Naqvi" and "Naqvi") changes nothing. Nor
 * do these, which name the same thing:
 * - another title or first name before the same name: "Mr Naqvi" and "Interior Minister Naqvi";
 *   a title one side alone gives ("Mr Khan", "Imran");
 * - an acronym and the words it stands for: "KP" and "Khyber Pakhtunkhwa", "CJP" and "Chief
 *   Justice"; or one acronym inside another ("CAA", "PCAA");
 * - two spellings of one name: the same consonants in order, "s" for "z" ("Mohammad", "Muhammad";
 *   "Immunisation", "Immunization"); one the other's start ("Feb", "Pakistani"); one written as
 *   two words ("Mastikhel", "Masti Khel").
 * Known limits: a first name for a surname ("Shehbaz", "Sharif"), or an institution for its
 * acronym in another language's words ("Fund", "IMF"), reads as a swap; a first name swapped
 * before the same surname ("Nawaz Sharif", "Shehbaz Sharif") does not. A text with no lower-case
 * letter (a shouted headline) names nothing this way.
 */
import { differingStretch, isDateWord } from './figures.js';

/** A word, with what joins its parts: a hyphen, a dot, an apostrophe, a soft hyphen. */
const WORD = /[\p{L}\p{M}\p{N}\u00ad]+(?:[-'’.][\p{L}\p{M}\p{N}\u00ad]+)*/gu;
/** Before a word, what opens a sentence or a quote: the word's capital then says nothing. */
const OPENS = new Set([...'.!?:;"“‘\'([{—–-…•|']);
/** What a word's key drops: a possessive's "'s", hyphens, dots, apostrophes. */
const JOINERS = /[-.'’]/u;
/** A number in capital Roman numerals ("III", "IV"), which names nothing. */
const ROMAN = /^[IVX]+$/u;
/** Lower-case words an acronym's letters skip ("Pakistan Tehreek-i-Insaf", "Bank of England"). */
const SKIPPED = new Set(['of', 'and', 'for', 'the', 'e', 'i', 'ul', 'al', 'el', 'de', 'on', 'in']);
/** Titles that say who is named, not whom: one side alone giving one is another way of naming the same person. */
const TITLES = new Set(
  (
    'mr mrs ms miss dr prof sir maulana mufti syed sardar sheikh mian hazrat begum justice judge gen general lt col brig maj capt ' +
    'president premier prime pm minister governor chairman chairperson chairwoman chief senator ambassador king queen prince princess ' +
    'sultan amir emir highness majesty secretary director dg ig igp dig ssp sp dc cjp coas mna mpa speaker deputy commissioner mayor pope'
  ).split(' '),
);
/** The most words of a stretch put in another's place that may be a swap of names, not a paraphrase. */
const SWAP_WORDS = 5;
/** Past this many words either side, the stretches are not aligned, and no swap is read. */
const ALIGN_WORDS = 120;

interface Word {
  /** Lower case, without a possessive "'s", hyphens, dots nor soft hyphens. */
  readonly key: string;
  /** Opens with a capital letter. */
  readonly capital: boolean;
  /** A capital where no sentence nor quote opens, no digit, no Roman numeral, no month nor day. */
  readonly name: boolean;
  /** Its letters in capitals when it is an acronym ("PTI", "PML-N", "IoK", "CNICs" without the plural's "s"), else ''. */
  readonly acronym: string;
  /** The capitals its parts open with: "T" for "Taliban", "TT" for "Tehreek-i-Taliban". */
  readonly initials: string;
  /** Only white space between it and the word before. */
  readonly joined: boolean;
}

/**
 * True when `a` and `b` differ where a short stretch of one, holding a name the other lacks, stands
 * in place of a short stretch of the other holding such a name, and no rule above pairs them.
 */
export function namesSwapped(a: string, b: string): boolean {
  if (a === b) return false;
  const { from, endA, endB, start, tail } = differingStretch(a, b);
  // Most edits are of lower-case words: with no capital in the runs of characters where the two
  // differ (a word elsewhere both hold), no name is swapped.
  if (!capitalIn(a, runStart(a, start), runEnd(a, a.length - tail)) || !capitalIn(b, runStart(b, start), runEnd(b, b.length - tail))) return false;
  if (!/\p{Ll}/u.test(a) || !/\p{Ll}/u.test(b)) return false;
  const x = wordsOf(a, from, endA);
  const y = wordsOf(b, from, endB);
  if (x.length > ALIGN_WORDS || y.length > ALIGN_WORDS) return false;
  const heldByX = new Set(x.map((word) => word.key));
  const heldByY = new Set(y.map((word) => word.key));
  // A swap needs a name on each side that the other lacks: most pairs have none, and are not aligned.
  if (!x.some((word) => word.name && !heldByY.has(word.key)) || !y.some((word) => word.name && !heldByX.has(word.key))) return false;
  return replacedStretches(x, y).some(([fromX, toX, fromY, toY]) => {
    if (toX - fromX > SWAP_WORDS || toY - fromY > SWAP_WORDS) return false;
    const stretchX = x.slice(fromX, toX);
    const stretchY = y.slice(fromY, toY);
    // Another title or first name before the same name: the same person.
    const next = x[toX];
    if (next !== undefined && next.name && next.joined && y[toY]?.joined === true) return false;
    // A title one side alone gives ("Mr Khan", "Imran"; "Tarar", "the Minister"; "President Zardari",
    // "the president of Pakistan"): the same person named two ways.
    if (hasTitle(stretchX) !== hasTitle(stretchY) || hasTitle(x.slice(Math.max(0, fromX - 1), toX)) !== hasTitle(y.slice(Math.max(0, fromY - 1), toY))) return false;
    const onlyX = new Set(stretchX.flatMap((word) => (word.name && !TITLES.has(word.key) && !heldByY.has(word.key) ? [word.key] : [])));
    const onlyY = new Set(stretchY.flatMap((word) => (word.name && !TITLES.has(word.key) && !heldByX.has(word.key) ? [word.key] : [])));
    if (onlyX.size === 0 || onlyY.size === 0) return false;
    dropAcronyms(stretchX, onlyX, stretchY, onlyY);
    dropAcronyms(stretchY, onlyY, stretchX, onlyX);
    dropSpellings(onlyX, onlyY);
    return onlyX.size > 0 && onlyY.size > 0;
  });
}

/** Where the run of non-space characters that holds `at` starts. */
function runStart(text: string, at: number): number {
  let i = Math.min(at, text.length);
  while (i > 0 && !isSpace(text.charCodeAt(i - 1))) i -= 1;
  return i;
}

/** Where the run of non-space characters that holds `at - 1` ends. */
function runEnd(text: string, at: number): number {
  let i = Math.max(at, 0);
  while (i < text.length && !isSpace(text.charCodeAt(i))) i += 1;
  return i;
}

/** True when `text[from, to)` holds a capital letter (or a letter past ASCII, which may be one). */
function capitalIn(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i += 1) {
    const code = text.charCodeAt(i);
    if ((code >= 65 && code <= 90) || (code >= 0xc0 && code !== 0xd7 && code !== 0xf7 && code !== 0xad && !(code >= 0x2000 && code <= 0x206f))) return true;
  }
  return false;
}

/** The words of `text[from, to)`. */
function wordsOf(text: string, from: number, to: number): Word[] {
  const words: Word[] = [];
  const stretch = text.slice(from, to);
  let previousEnd = -1;
  WORD.lastIndex = 0;
  for (let match = WORD.exec(stretch); match !== null; match = WORD.exec(stretch)) {
    const raw = match[0];
    const spelled = raw.includes('\u00ad') ? raw.replaceAll('\u00ad', '') : raw;
    const first = spelled[0] ?? '';
    const capital = first !== first.toLowerCase() && first === first.toUpperCase();
    const lower = spelled.toLowerCase();
    const key = JOINERS.test(lower) ? lower.replace(/['’]s$/u, '').replace(/[-.'’]/gu, '') : lower;
    const joined = previousEnd >= 0 && onlySpaces(stretch, previousEnd, match.index);
    previousEnd = match.index + raw.length;
    // What only a capital may be is read of a capital alone: most words are lower case.
    if (!capital) {
      words.push({ key, capital, name: false, acronym: '', initials: '', joined });
      continue;
    }
    words.push({
      key,
      capital,
      name: key.length > 1 && !/\p{N}/u.test(key) && !ROMAN.test(spelled) && !isDateWord(key) && !opensSentence(text, from + match.index),
      acronym: acronymOf(spelled),
      initials: spelled
        .split('-')
        .map((part) => part[0] ?? '')
        .filter((initial) => initial !== initial.toLowerCase())
        .join(''),
      joined,
    });
  }
  return words;
}

/** True when `text[from, to)` is white space only, and not empty. */
function onlySpaces(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i += 1) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || (code >= 0x2000 && code <= 0x200a) || code === 0x202f || code === 0x205f || code === 0x3000;
}

/**
 * An acronym's letters in capitals ("PML-N": "PMLN"), or '' for a word that is none: two to six
 * letters, at least two of them and at least half capitals ("IoK"), once a plural's "s" is dropped ("CNICs").
 */
function acronymOf(spelled: string): string {
  const letters = spelled
    .replace(/['’].*$/u, '')
    .replace(/[-.]/gu, '')
    .replace(/(?<=\p{Lu})s$/u, '');
  const capitals = letters.replace(/[^\p{Lu}]/gu, '').length;
  return letters.length >= 2 && letters.length <= 6 && capitals >= 2 && capitals * 2 >= letters.length ? letters.toUpperCase() : '';
}

/** True when the word at `at` opens the text, a sentence or a quote: the last character before it, past white space, says so. */
function opensSentence(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && isSpace(text.charCodeAt(i))) i -= 1;
  return i < 0 || OPENS.has(text[i] ?? '');
}

function hasTitle(words: readonly Word[]): boolean {
  return words.some((word) => word.capital && TITLES.has(word.key));
}

/**
 * Where `x` and `y` differ, as `[fromX, toX, fromY, toY]` word ranges between words they share in
 * order (the longest such, by key), each with at least one word on one side.
 */
function replacedStretches(x: readonly Word[], y: readonly Word[]): [number, number, number, number][] {
  const width = y.length + 1;
  // Longest common subsequence lengths of the suffixes, then one walk from the start.
  const longest = new Uint16Array((x.length + 1) * width);
  for (let i = x.length - 1; i >= 0; i -= 1) {
    for (let j = y.length - 1; j >= 0; j -= 1) {
      longest[i * width + j] = x[i]?.key === y[j]?.key ? (longest[(i + 1) * width + j + 1] ?? 0) + 1 : Math.max(longest[(i + 1) * width + j] ?? 0, longest[i * width + j + 1] ?? 0);
    }
  }
  const stretches: [number, number, number, number][] = [];
  let i = 0;
  let j = 0;
  let fromX = 0;
  let fromY = 0;
  const close = (): void => {
    if (i > fromX || j > fromY) stretches.push([fromX, i, fromY, j]);
  };
  while (i < x.length && j < y.length) {
    if (x[i]?.key === y[j]?.key) {
      close();
      i += 1;
      j += 1;
      fromX = i;
      fromY = j;
    } else if ((longest[(i + 1) * width + j] ?? 0) >= (longest[i * width + j + 1] ?? 0)) i += 1;
    else j += 1;
  }
  i = x.length;
  j = y.length;
  close();
  return stretches;
}

/**
 * Takes out of `acronyms` (names of `acronymWords`) each acronym that stands for words of `words`,
 * and those words out of `spelled`: a run of them whose capitals spell it, or all but its last
 * letter ("CJP", "Chief Justice"); names whose capitals stand in it in order, the last one its
 * last letter ("IMF", "Fund"; "IIOJK", "Kashmir"); or another acronym that stands in it in order,
 * or it in the other ("PCAA", "CAA"; "IoK", "IIOJK").
 */
function dropAcronyms(acronymWords: readonly Word[], acronyms: Set<string>, words: readonly Word[], spelled: Set<string>): void {
  for (const word of acronymWords) {
    const letters = word.acronym;
    if (letters === '' || !acronyms.has(word.key)) continue;
    const other = words.find((candidate) => candidate.acronym !== '' && (within(candidate.acronym, letters) || within(letters, candidate.acronym)));
    const names = words.filter((candidate) => spelled.has(candidate.key));
    const initials = names.map((candidate) => candidate.initials).join('');
    const standsFor = initials !== '' && within(initials, letters) && initials.endsWith(letters.slice(-1));
    const run = other !== undefined ? [other.key] : standsFor ? names.map((candidate) => candidate.key) : runSpelling(letters, words);
    if (run === undefined) continue;
    acronyms.delete(word.key);
    for (const key of run) spelled.delete(key);
  }
}

/** True when the letters of `small` stand in `large` in order. */
function within(small: string, large: string): boolean {
  let at = 0;
  for (const letter of large) if (letter === small[at]) at += 1;
  return at === small.length;
}

/** The keys of a run of capitalised words in `words` whose capitals spell `letters`, or all but its last (lower-case words of {@link SKIPPED} between them), or undefined. */
function runSpelling(letters: string, words: readonly Word[]): string[] | undefined {
  for (let start = 0; start < words.length; start += 1) {
    const run: string[] = [];
    let spelled = '';
    for (let at = start; at < words.length && spelled.length < letters.length; at += 1) {
      const word = words[at] as Word;
      if (!word.capital) {
        if (run.length > 0 && SKIPPED.has(word.key)) continue;
        break;
      }
      if (!letters.startsWith(spelled + word.initials)) break;
      run.push(word.key);
      spelled += word.initials;
    }
    if (spelled.length >= 2 && (spelled === letters || spelled.length === letters.length - 1)) return run;
  }
  return undefined;
}

/**
 * Takes out the names of `x` and `y` that are one written as two ("Mastikhel", "Masti Khel";
 * "Tranche-III", "Tranche III"), then those that are spellings of one another (see {@link sameName}).
 */
function dropSpellings(x: Set<string>, y: Set<string>): void {
  for (const [one, other] of [[x, y], [y, x]] as const) {
    const parts = [...other];
    for (let start = 0; start < parts.length; start += 1) {
      for (let end = start + 2; end <= parts.length; end += 1) {
        const joined = parts.slice(start, end).join('');
        const match = [...one].find((key) => key === joined || sameName(key, joined));
        if (match === undefined) continue;
        one.delete(match);
        for (const part of parts.slice(start, end)) other.delete(part);
      }
    }
  }
  for (const key of [...x]) {
    for (const other of y) {
      if (!sameName(key, other)) continue;
      x.delete(key);
      y.delete(other);
      break;
    }
  }
}

/**
 * True when two names are spellings of one: one the other's start (three letters at least), or
 * their consonants in order ("s" for "z", "k" for "q") the same, or, three or more of them, the same but for
 * one after the first ("Ramazan", "Ramadan"; "Chaghi", "Chagi"; not "Iran", "Iraq", nor "Oman", "Yemen").
 */
function sameName(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= 3 && long.startsWith(short)) return true;
  const x = skeleton(a);
  const y = skeleton(b);
  if (x === y) return x.length >= 2;
  return Math.max(x.length, y.length) >= 3 && x[0] === y[0] && oneEditApart(x, y);
}

/** True when one letter inserted, dropped or replaced turns `a` into `b`. */
function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length < b.length ? a.slice(i) === b.slice(i + 1) : a.slice(i + 1) === b.slice(i);
}

function skeleton(word: string): string {
  return word.replace(/[aeiou]/gu, '').replaceAll('z', 's').replaceAll('q', 'k').replace(/(.)\1+/gu, '$1');
}

/** The names `text` holds (see {@link namesSwapped}), sorted, one space between. */
export function namesOf(text: string): string {
  const names = new Set(wordsOf(text, 0, text.length).flatMap((word) => (word.name ? [word.key] : [])));
  return [...names].sort().join(' ');
}
