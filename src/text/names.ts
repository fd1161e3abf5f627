/**
 * Names that two wordings swap: "in Karachi" and "in Quetta", "to Azerbaijan" and "to the UAE".
 * Two wordings alike but for a name put in another's place are two reports, not one sentence
 * lightly edited, as two with another figure are (see `sameFigures`). Found on `../shared/news`,
 * where a place, an official or a squad's players changed in one word or two passed as light edits.
 *
 * A name here is a word that opens with a capital letter, holds no digit, is no month nor day (the
 * figures read those), and opens neither a sentence nor a quote. Only where the two wordings
 * differ is read (`differingStretch`), aligned word by word: a swap is a short stretch of one
 * (five words at most) put in place of a stretch of the other (ten at most), each holding a name that the
 * other wording lacks anywhere; or two lists reordered, each holding a name the other lacks (a squad
 * with one player changed). A longer stretch rewritten is a paraphrase, whose names say nothing
 * of a swap; a name one wording only adds, drops or moves ("Mohsin Naqvi" and "Naqvi") changes
 * nothing. Nor do these, which name one thing two ways:
 * - a title on one side only: "Imran" and "Mr Khan", "Tarar" and "the Minister";
 * - an acronym and the words it stands for: "KP" and "Khyber Pakhtunkhwa", "CJP" and "Chief
 *   Justice"; or one acronym the other with a letter more at an end ("CAA", "PCAA");
 * - two spellings: the same first letter and consonants ("Moqim", "Muqeem"), a letter or two apart
 *   by length ("Shehbaz", "Shahbaz"), one the other with an ending ("Pakistan", "Pakistani"), two
 *   words run together ("Masti Khel", "Mastikhel"), accents aside ("Peña", "Pena").
 * A title-case headline's capitals say nothing. Known limits: one thing named two ways reads as a
 * swap ("Imran's", "Khan's"; "the Fund", "the IMF"; "US", "American"); two names whose spellings
 * the rules above join do not ("Hassan", "Hussain"; "Niger", "Nigeria").
 */
import { differingStretch, isDateWord } from './figures.js';
import type { Stretch } from './figures.js';
import { memoize } from '../lib/memo.js';
import { editDistance } from '../lib/edit-distance.js';

/** A word, with what joins its parts: a hyphen, a dot, an apostrophe, a soft hyphen. */
const WORD = /[\p{L}\p{M}\p{N}\u00ad]+(?:[-'’.][\p{L}\p{M}\p{N}\u00ad]+)*/gu;
/** Before a word, what opens a sentence or a quote: the word's capital then says nothing. */
const OPENS = new Set([...'.!?:;"“‘\'([{—–-…•|']);
/** Before a straight quote, what makes it an opening one (else it closes a quote). */
const OPENS_BEFORE_QUOTE = new Set([...'([{—–-']);
/** Before a full stop, a title's or a name's abbreviation: the stop ends no sentence. */
const ABBREVIATION = /(?:^|[^\p{L}])(?:Mr|Mrs|Ms|Dr|St|Mt|Gen|Lt|Col|Maj|Capt|Brig|Prof|Sen|Rep|Gov|Jr|Sr|No|\p{Lu})$/u;
/** "I'd", "I'll": the pronoun, no name. */
const PRONOUN = /^I['’]/u;
/** What a word's key drops: a possessive's "'s", hyphens, dots, apostrophes. */
const JOINERS = /[-.'’]/u;
/** A number in capital Roman numerals ("III", "IV"), which names nothing. */
const ROMAN = /^[IVX]+$/u;
/** Lower-case words an acronym's letters skip ("Pakistan Tehreek-i-Insaf", "Bank of England"). */
const SKIPPED = new Set(['of', 'and', 'for', 'the', 'e', 'i', 'ul', 'al', 'el', 'de', 'on', 'in']);
/** Titles that say who is named, not whom: one side alone giving one is another way of naming the same person. */
const TITLES = new Set(
  (
    'mr mrs ms miss dr prof sir maulana mufti syed sardar sheikh mian hazrat begum justice judge gen lt col brig maj capt ' +
    'president prime pm minister governor chairman chairperson chairwoman chief senator ambassador king queen prince princess ' +
    'sultan amir emir highness majesty secretary director dg ig igp dig ssp sp dc cjp coas mna mpa speaker deputy commissioner mayor pope'
  ).split(' '),
);
/** Most letters a spelling adds at a name's end ("Pakistan", "Pakistani"; "Iran", "Iranian"), unless the name is {@link LONG_START} letters long ("Bangla", "Bangladeshi"). */
const ENDING_LETTERS = 3;
const LONG_START = 6;
/** The most words of a stretch put in another's place that may be a swap of names, not a paraphrase. */
const SWAP_WORDS = 5;
/** Past this many words either side, the stretches are not aligned, and no swap is read. */
const ALIGN_WORDS = 120;

interface Word {
  /** Lower case, without accents, a possessive "'s", hyphens, dots nor soft hyphens ("Peña's": "pena"). */
  readonly key: string;
  /** Opens with a capital letter. */
  readonly capital: boolean;
  /** A capital where no sentence nor quote opens, no digit, no Roman numeral, no month nor day (nor a range of them). */
  readonly name: boolean;
  /** As written, soft hyphens dropped. */
  readonly spelled: string;
}

/**
 * True when `a` and `b` differ where a short stretch of one, holding a name the other lacks, stands
 * in place of a short stretch of the other holding such a name, and no rule above pairs them.
 */
export function namesSwapped(a: string, b: string): boolean {
  if (a === b) return false;
  // Read in one order whichever is given, so that the answer is the same both ways: the shorter
  // first (most pairs differ in length, and are ordered at once), else the lesser.
  const inOrder = a.length !== b.length ? a.length < b.length : a < b;
  const stretch = differingStretch(a, b);
  return inOrder ? swappedIn(a, b, stretch) : swappedIn(b, a, { ...stretch, endA: stretch.endB, endB: stretch.endA });
}

function swappedIn(a: string, b: string, { from, endA, endB, start, tail }: Stretch): boolean {
  // Most edits are of lower-case words: with no capital in the runs of characters where the two
  // differ (a word elsewhere both hold), no name is swapped.
  if (!mayName(a, runStart(a, start), runEnd(a, a.length - tail)) || !mayName(b, runStart(b, start), runEnd(b, b.length - tail))) return false;
  if (headlineCase(a) || headlineCase(b)) return false;
  const x = wordsOf(a, from, endA, ALIGN_WORDS + 1);
  const y = wordsOf(b, from, endB, ALIGN_WORDS + 1);
  if (x.length > ALIGN_WORDS || y.length > ALIGN_WORDS) return false;
  const heldByX = new Set(x.map((word) => word.key));
  const heldByY = new Set(y.map((word) => word.key));
  // A swap needs a name on each side that the other lacks: most pairs have none, and are not aligned.
  if (!x.some((word) => word.name && !heldByY.has(word.key)) || !y.some((word) => word.name && !heldByX.has(word.key))) return false;
  // A list reordered with one name put in another's place ("Squad: Rizwan, Babar, Imam, …" and
  // "Squad: Babar, Rizwan, Fakhar, …"): no stretch aligns the two, but each list holds a name the
  // other lacks anywhere.
  if (isList(a, from, endA) && isList(b, from, endB) && eachHoldsOwnName(a, x, b, y)) return true;
  return replacedStretches(x, y).some(([fromX, toX, fromY, toY]) => {
    // One side short, the other at most twice as long: "with Azerbaijan." and "with the UAE and
    // other global partners, it was added." put one name in the other's place, and add a clause.
    if (Math.min(toX - fromX, toY - fromY) > SWAP_WORDS || Math.max(toX - fromX, toY - fromY) > 2 * SWAP_WORDS) return false;
    const stretchX = x.slice(fromX, toX);
    const stretchY = y.slice(fromY, toY);
    // A title one side alone gives ("Mr Khan", "Imran"; "Tarar", "the Minister"; "President Zardari",
    // "the president of Pakistan"): the same person named two ways.
    if (hasTitle(stretchX) !== hasTitle(stretchY) || hasTitle(x.slice(Math.max(0, fromX - 1), toX)) !== hasTitle(y.slice(Math.max(0, fromY - 1), toY))) return false;
    // A name the other wording holds anywhere, inside the stretch or out, is moved, not swapped.
    return eachHoldsOwnName(a, stretchX, b, stretchY);
  });
}

/** Items of names a list holds where two wordings differ, at least. */
const LIST_ITEMS = 3;
/** An item of a list: a name of up to six words, titles in it allowed, a bracketed note after it ("Tom Latham (wk)", "Portuguese President Marcelo Rebelo de Sousa"). */
const NAME_ITEM = /^(?:\p{Lu}[\p{L}\p{M}'’.-]*)(?:\s+(?:\p{Lu}[\p{L}\p{M}'’.-]*|ul|al|de|van|der|bin|ibn|el))?(?:\s+(?:\p{Lu}[\p{L}\p{M}'’.-]*|ul|al|de|van|der|bin|ibn|el)){0,4}(?:\s*\([^)]{1,20}\))?\.?$/u;

/** True when `text[from, end)` holds a list of names: {@link LIST_ITEMS} items or more, between commas, semicolons or "and". */
function isList(text: string, from: number, end: number): boolean {
  let items = 0;
  for (const item of text.slice(from, end).split(/[,;]|\band\b/u)) {
    if (NAME_ITEM.test(item.trim())) items += 1;
    if (items >= LIST_ITEMS) return true;
  }
  return false;
}

/**
 * True when each of two stretches (`x` of `a`, `y` of `b`) holds a name its other wording lacks
 * anywhere, once titles, acronyms and spellings are set aside.
 */
function eachHoldsOwnName(a: string, x: readonly Word[], b: string, y: readonly Word[]): boolean {
  const onlyX = new Set(x.flatMap((word) => (word.name && !TITLES.has(word.key) && !keysOf(b).has(word.key) ? [word.key] : [])));
  const onlyY = new Set(y.flatMap((word) => (word.name && !TITLES.has(word.key) && !keysOf(a).has(word.key) ? [word.key] : [])));
  if (onlyX.size === 0 || onlyY.size === 0) return false;
  dropAcronyms(x, onlyX, y, onlyY);
  dropAcronyms(y, onlyY, x, onlyX);
  dropSpellings(onlyX, x, onlyY, y);
  return onlyX.size > 0 && onlyY.size > 0;
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

/**
 * True for a headline in title case ("Govt Announces Relief Package"): every word of four letters
 * or more opens with a capital, with fewer than two commas (a list of names has them). Its
 * capitals say nothing of names.
 */
function headlineCase(text: string): boolean {
  if (!/\p{Ll}/u.test(text)) return true;
  let words = 0;
  for (const match of text.matchAll(LONG_WORD)) {
    const first = match[0][0] ?? '';
    if (first === first.toLowerCase()) return false;
    words += 1;
  }
  return words >= 2 && (text.match(/,/gu)?.length ?? 0) < 2;
}
const LONG_WORD = /\p{L}{4,}/gu;

/**
 * False when no word of `text[from, to)` may be a name: none opens with a capital but a month's or
 * a day's name ("July-December") and "I". A cheap look before the words are read: a word with a
 * letter past ASCII may be one.
 */
function mayName(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i += 1) {
    const code = text.charCodeAt(i);
    if (code >= 0x80 && code !== 0xa0 && code !== 0xad && !(code >= 0x2000 && code <= 0x206f)) return true;
    if (code < 65 || code > 90 || isLetterCode(text.charCodeAt(i - 1))) continue;
    let end = i + 1;
    while (end < to && (isLetterCode(text.charCodeAt(end)) || text.charCodeAt(end) === 45)) end += 1;
    const word = text.slice(i, end);
    if (word !== 'I' && !datesOnly(word)) return true;
    i = end - 1;
  }
  return false;
}

function isLetterCode(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** The words of `text[from, to)`, the first `most` of them. */
function wordsOf(text: string, from: number, to: number, most = Infinity): Word[] {
  const words: Word[] = [];
  const stretch = text.slice(from, to);
  WORD.lastIndex = 0;
  for (let match = WORD.exec(stretch); match !== null && words.length < most; match = WORD.exec(stretch)) {
    const raw = match[0];
    const spelled = raw.includes('\u00ad') ? raw.replaceAll('\u00ad', '') : raw;
    const first = spelled[0] ?? '';
    const capital = first !== first.toLowerCase() && first === first.toUpperCase();
    const key = keyOf(spelled);
    // What only a capital may be is read of a capital alone: most words are lower case.
    if (!capital) {
      words.push({ key, spelled, capital, name: false });
      continue;
    }
    const dates = spelled.includes('-') ? datesOnly(spelled) : isDateWord(key);
    words.push({ key, spelled, capital, name: key.length > 1 && !dates && !/\p{N}/u.test(key) && !ROMAN.test(spelled) && !PRONOUN.test(spelled) && !opensSentence(text, from + match.index) });
  }
  return words;
}

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || (code >= 0x2000 && code <= 0x200a) || code === 0x202f || code === 0x205f || code === 0x3000;
}

/**
 * An acronym's letters in capitals ("PML-N": "PMLN"), or '' for a word that is none: two to six
 * letters, at least two of them and at least half capitals ("IoK"), once a plural's "s" is dropped ("CNICs").
 */
function acronymOf(word: Word): string {
  if (!word.capital) return '';
  const letters = word.spelled
    .replace(/['’].*$/u, '')
    .replace(/[-.]/gu, '')
    .replace(/(?<=\p{Lu})s$/u, '');
  const capitals = letters.replace(/[^\p{Lu}]/gu, '').length;
  return letters.length >= 2 && letters.length <= 6 && capitals >= 2 && capitals * 2 >= letters.length ? letters.toUpperCase() : '';
}

/** True for a month's or a day's name, or several joined by hyphens ("July-December"). */
function datesOnly(spelled: string): boolean {
  return spelled.split('-').every((part) => isDateWord(keyOf(part)));
}

/** The keys of all of a text's words: read for a pair's last question only, and kept for the next. */
const keysOf = memoize((text: string): ReadonlySet<string> => new Set(wordsOf(text, 0, text.length).map((word) => word.key)), 64);

/** A word's key (see `Word.key`). */
function keyOf(spelled: string): string {
  let key = spelled.toLowerCase();
  if (JOINERS.test(key)) key = key.replace(/['’]s$/u, '').replace(/[-.'’]/gu, '');
  // "Peña" and "Pena", and one text in two Unicode forms, are one name.
  for (let i = 0; i < key.length; i += 1) if (key.charCodeAt(i) > 0x7f) return key.normalize('NFKD').replace(/\p{M}/gu, '');
  return key;
}

/** The capitals a word's parts open with: "T" for "Taliban", "TT" for "Tehreek-i-Taliban". */
function initialsOf(word: Word): string {
  let initials = '';
  for (const part of word.spelled.split('-')) {
    const first = part[0] ?? '';
    if (first !== first.toLowerCase()) initials += first;
  }
  return initials;
}

/** True when the word at `at` opens the text, a sentence or a quote: the last character before it, past white space, says so. */
function opensSentence(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && isSpace(text.charCodeAt(i))) i -= 1;
  if (i < 0) return true;
  const mark = text[i] ?? '';
  // A straight quote after a word or a comma closes a quote: what follows opens a sentence only
  // if the quote closed one ("… win," Khan said; "… won." Khan said).
  if ((mark === '"' || mark === "'") && i > 0 && !isSpace(text.charCodeAt(i - 1)) && !OPENS_BEFORE_QUOTE.has(text[i - 1] ?? '')) return /[.!?]/u.test(text[i - 1] ?? '');
  // The full stop of "Mr.", "Dr.", "Gen." or an initial ("J. Smith") ends no sentence.
  if (mark === '.' && ABBREVIATION.test(text.slice(Math.max(0, i - 6), i))) return false;
  return OPENS.has(mark);
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
 * letter ("CJP", "Chief Justice"); two names or more whose capitals stand in it in order, the
 * last one its last letter ("IIOJK", "Jammu Kashmir"); or another acronym it is with one letter
 * more or less at an end ("PCAA", "CAA"; "CNIC", "NIC").
 */
function dropAcronyms(acronymWords: readonly Word[], acronyms: Set<string>, words: readonly Word[], spelled: Set<string>): void {
  for (const word of acronymWords) {
    const letters = acronymOf(word);
    if (letters === '' || !acronyms.has(word.key)) continue;
    const other = words.find((candidate) => {
      const theirs = acronymOf(candidate);
      return theirs !== '' && (oneLetterMore(theirs, letters) || oneLetterMore(letters, theirs));
    });
    const names = words.filter((candidate) => spelled.has(candidate.key));
    const initials = names.map(initialsOf).join('');
    const standsFor = initials.length >= 2 && within(initials, letters) && initials.endsWith(letters.slice(-1));
    const run = other !== undefined ? [other.key] : standsFor ? names.map((candidate) => candidate.key) : runSpelling(letters, words);
    if (run === undefined) continue;
    acronyms.delete(word.key);
    for (const key of run) spelled.delete(key);
  }
}

/** True when `large` is `small` with one letter more before or after it ("CAA", "PCAA"; "IG", "IGP"; not "SC", "SHC"). */
function oneLetterMore(small: string, large: string): boolean {
  return small.length >= 2 && large.length === small.length + 1 && (large.startsWith(small) || large.endsWith(small));
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
      const initials = initialsOf(word);
      if (!letters.startsWith(spelled + initials)) break;
      run.push(word.key);
      spelled += initials;
    }
    if (spelled.length >= 2 && (spelled === letters || spelled.length === letters.length - 1)) return run;
  }
  return undefined;
}

/**
 * Takes out the names of `x` and `y` that are one written as two ("Mastikhel", "Masti Khel";
 * "Tranche-III", "Tranche III"), then those that are spellings of one another (see {@link sameName}).
 */
function dropSpellings(x: Set<string>, stretchX: readonly Word[], y: Set<string>, stretchY: readonly Word[]): void {
  for (const [one, other, words] of [[x, y, stretchY], [y, x, stretchX]] as const) {
    // Words of the stretch in a row, run together: one of them may be held elsewhere ("Super
    // Highway" beside "National Highway"), and so not among the names to take out.
    for (let start = 0; start < words.length; start += 1) {
      let joined = words[start]?.key ?? '';
      for (let end = start + 1; end < words.length; end += 1) {
        joined += words[end]?.key ?? '';
        const match = [...one].find((key) => key === joined || sameName(key, joined));
        if (match === undefined) continue;
        one.delete(match);
        for (const word of words.slice(start, end + 1)) other.delete(word.key);
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
 * True when two names are spellings of one: one the other with an ending of at most three letters
 * ("Pakistan", "Pakistani"; "Program", "Programme"), or any when it has six ("Bangla",
 * "Bangladeshi"; not "Islam", "Islamabad"); the same first letter and consonants in order,
 * a vowel's spelling aside ("Moqim", "Muqeem"; "Aaqib", "Aqib"; "Centre", "Center"; so "Hassan",
 * "Hussain" too, a known limit); or a letter or two apart, "s" read for "z" and "k" for "q": none
 * for up to four letters ("Kazi", "Qazi"; not "Iran", "Iraq"), one up to seven ("Shehbaz",
 * "Shahbaz"; "Ramazan", "Ramadan"; not "Austria", "Australia"), two from eight ("Mohammed", "Muhammad").
 */
function sameName(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= 4 && long.startsWith(short) && (short.length >= LONG_START || long.length - short.length <= ENDING_LETTERS)) return true;
  const x = spelling(a);
  const y = spelling(b);
  const consonants = skeleton(x);
  if (x[0] === y[0] && consonants.length >= 2 && consonants === skeleton(y)) return true;
  const shortest = Math.min(x.length, y.length);
  const most = shortest <= 4 ? 0 : shortest <= 7 ? 1 : 2;
  return Math.abs(x.length - y.length) <= most && editDistance(x, y) <= most;
}

/** A name's consonants in order, each run of one letter once ("muqeem": "mqm"). */
function skeleton(word: string): string {
  return word.replace(/[aeiou]/gu, '').replace(/(.)\1+/gu, '$1');
}

function spelling(word: string): string {
  return word.replaceAll('z', 's').replaceAll('q', 'k');
}

/** The names `text` holds (see {@link namesSwapped}), sorted, one space between. */
export function namesOf(text: string): string {
  const names = new Set(wordsOf(text, 0, text.length).flatMap((word) => (word.name ? [word.key] : [])));
  return [...names].sort().join(' ');
}
