/**
 * natural's Porter stemmer (`natural/lib/natural/stemmers/porter_stemmer.js`), step for step, with
 * string operations in place of its regular expressions: natural builds and runs a dozen regular
 * expressions a word, about 3.6 µs, and each worker thread stems a news vocabulary's 100,000
 * spellings afresh. natural's output is the definition, quirks included (step 2 tries every
 * pattern in turn; a measure may be a half; step 4 falls back to -sion/-tion when its first
 * suffix leaves too short a stem). Where natural would take a path this port does not follow
 * (more than one pattern of step 2 or 3 firing on one word), it returns `undefined` and natural
 * stems the word (see `stem`, `src/lib/stemmer.ts`). Property-tested against natural.
 *
 * Words are lower-case ASCII letters (what `stem` hands on); as natural, it leaves a word of fewer than three alone.
 */
export function porterStem(word: string): string | undefined {
  if (word.length < 3) return word;
  const two = step2(step1c(step1b(step1a(word))));
  if (two === undefined) return undefined;
  const three = step3(two);
  if (three === undefined) return undefined;
  return step5b(step5a(step4(three)));
}

/** a, e, i, o, u: natural's vowels, y aside. */
function isVowel(code: number): boolean {
  return code === 97 || code === 101 || code === 105 || code === 111 || code === 117;
}

const Y = 121;

// What `readGroups` found of a token, read without building natural's string of groups.
let groupCount = 0;
let vowelGroups = 0;
let firstIsC = false;
let lastIsV = false;

/**
 * Reads natural's `categorizeGroups` of a token: consonants then a y become "CV"
 * (`/[^aeiouy]+y/g`), a run of vowels one V, and any other run one C (runs of C merge; a V of
 * "CV" and a run of vowels after it stay two V).
 */
function readGroups(token: string): void {
  groupCount = 0;
  vowelGroups = 0;
  firstIsC = false;
  lastIsV = false;
  let i = 0;
  while (i < token.length) {
    const code = token.charCodeAt(i);
    if (isVowel(code)) {
      while (i < token.length && isVowel(token.charCodeAt(i))) i += 1;
      addV();
    } else if (code === Y) {
      addC();
      i += 1;
    } else {
      while (i < token.length && !isVowel(token.charCodeAt(i)) && token.charCodeAt(i) !== Y) i += 1;
      addC();
      if (i < token.length && token.charCodeAt(i) === Y) {
        addV();
        i += 1;
      }
    }
  }
}

/** A C group: one more, unless it follows a C (`/[^V]+/g` merges them). */
function addC(): void {
  if (groupCount > 0 && !lastIsV) return;
  if (groupCount === 0) firstIsC = true;
  groupCount += 1;
  lastIsV = false;
}

/** A V group. */
function addV(): void {
  groupCount += 1;
  vowelGroups += 1;
  lastIsV = true;
}

/** natural's `measure`: the groups less a leading C and then a trailing V, halved (a half when two V stand side by side); -1 for no word. */
function measure(token: string | undefined): number {
  if (token === undefined || token === '') return -1;
  readGroups(token);
  let length = groupCount - (firstIsC ? 1 : 0);
  if (length > 0 && lastIsV) length -= 1;
  return length / 2;
}

/** natural's `categorizeGroups(token).indexOf('V') >= 0`. */
function hasVowelGroup(token: string): boolean {
  readGroups(token);
  return vowelGroups > 0;
}

/**
 * True when natural's `categorizeChars` marks character `i` V: a vowel, or a y after a consonant
 * (`/[^aeiouy]y/g` gives "CV": a y that ends a match can start none, so matches never overlap).
 */
function charIsV(token: string, i: number): boolean {
  const code = token.charCodeAt(i);
  if (isVowel(code)) return true;
  if (code !== Y || i === 0) return false;
  const before = token.charCodeAt(i - 1);
  return !isVowel(before) && before !== Y;
}

/** natural's `categorizeChars(token).substr(from, 3) === 'CVC'` (with `substr`'s negative start). */
function cvcAt(token: string, from: number): boolean {
  const at = from < 0 ? Math.max(token.length + from, 0) : from;
  return at + 3 <= token.length && !charIsV(token, at) && charIsV(token, at + 1) && !charIsV(token, at + 2);
}

function step1a(token: string): string {
  if (token.endsWith('sses') || token.endsWith('ies')) return token.slice(0, -2);
  if (token.endsWith('s') && token[token.length - 2] !== 's' && token.length > 2) return token.slice(0, -1);
  return token;
}

const STEP1B: readonly (readonly [string, string])[] = [
  ['at', 'ate'],
  ['bl', 'ble'],
  ['iz', 'ize'],
];

function step1b(token: string): string {
  if (token.endsWith('eed')) return measure(token.slice(0, -3)) > 0 ? token.slice(0, -1) : token;
  const suffix = token.endsWith('ed') ? 2 : token.endsWith('ing') ? 3 : 0;
  if (suffix === 0) return token;
  const stripped = token.slice(0, -suffix);
  if (stripped === '' || !hasVowelGroup(stripped)) return token;
  let replaced = stripped;
  for (const [pattern, replacement] of STEP1B) if (replaced.endsWith(pattern)) replaced = replaced.slice(0, -pattern.length) + replacement;
  if (replaced !== stripped) return replaced;
  const last = stripped.charCodeAt(stripped.length - 1);
  // A double consonant, but for l, s and z, loses one.
  if (stripped.length >= 2 && last === stripped.charCodeAt(stripped.length - 2) && !isVowel(last) && last !== 108 && last !== 115 && last !== 122) return stripped.slice(0, -1);
  if (measure(stripped) === 1 && cvcAt(stripped, -3) && last !== 119 && last !== 120 && last !== Y) return `${stripped}e`;
  return stripped;
}

function step1c(token: string): string {
  if (!token.endsWith('y')) return token;
  // A V among the groups but the last, the y's own.
  readGroups(token);
  return vowelGroups - (lastIsV ? 1 : 0) > 0 ? `${token.slice(0, -1)}i` : token;
}

const STEP2: readonly (readonly [string, string])[] = [
  ['ational', 'ate'],
  ['tional', 'tion'],
  ['enci', 'ence'],
  ['anci', 'ance'],
  ['izer', 'ize'],
  ['abli', 'able'],
  ['bli', 'ble'],
  ['alli', 'al'],
  ['entli', 'ent'],
  ['eli', 'e'],
  ['ousli', 'ous'],
  ['ization', 'ize'],
  ['ation', 'ate'],
  ['ator', 'ate'],
  ['alism', 'al'],
  ['iveness', 'ive'],
  ['fulness', 'ful'],
  ['ousness', 'ous'],
  ['aliti', 'al'],
  ['iviti', 'ive'],
  ['biliti', 'ble'],
  ['logi', 'log'],
];

const STEP3: readonly (readonly [string, string])[] = [
  ['icate', 'ic'],
  ['ative', ''],
  ['alize', 'al'],
  ['iciti', 'ic'],
  ['ical', 'ic'],
  ['ful', ''],
  ['ness', ''],
];

/** Entries by the code of the last letter of their suffix, in their order: a word is tried against those it may end with. */
function byLast<T>(entries: readonly T[], suffixOf: (entry: T) => string): ReadonlyMap<number, readonly T[]> {
  const map = new Map<number, T[]>();
  for (const entry of entries) {
    const suffix = suffixOf(entry);
    const last = suffix.charCodeAt(suffix.length - 1);
    map.set(last, [...(map.get(last) ?? []), entry]);
  }
  return map;
}

type ByLast = ReadonlyMap<number, readonly (readonly [string, string])[]>;

const STEP2_BY_LAST: ByLast = byLast(STEP2, ([pattern]) => pattern);
const STEP3_BY_LAST: ByLast = byLast(STEP3, ([pattern]) => pattern);

/**
 * natural's `replacePatterns` with a measure above 0: each pattern the word ends with, whose stem
 * has a measure above 0, rewrites the word. Only the one-pattern case is followed here.
 */
function replaceOne(token: string, patterns: ByLast): string | undefined {
  const candidates = patterns.get(token.charCodeAt(token.length - 1));
  if (candidates === undefined) return token;
  let result = token;
  let fired = 0;
  for (const [pattern, replacement] of candidates) {
    if (!token.endsWith(pattern) || measure(token.slice(0, -pattern.length)) <= 0) continue;
    fired += 1;
    if (fired > 1) return undefined;
    const replaced = token.slice(0, -pattern.length) + replacement;
    if (replaced !== '') result = replaced;
  }
  return result;
}

function step2(token: string): string | undefined {
  return replaceOne(token, STEP2_BY_LAST);
}

function step3(token: string): string | undefined {
  return replaceOne(token, STEP3_BY_LAST);
}

// Step 4's suffixes, longest first: `/^(.+?)(al|…|ize)$/` takes the earliest start, the longest suffix.
const STEP4 = ['al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent', 'ou', 'ism', 'ate', 'iti', 'ous', 'ive', 'ize'].sort((a, b) => b.length - a.length);
const STEP4_BY_LAST = byLast(STEP4, (suffix) => suffix);

function step4(token: string): string {
  for (const suffix of STEP4_BY_LAST.get(token.charCodeAt(token.length - 1)) ?? []) {
    // At least one letter before the suffix.
    if (suffix.length >= token.length || !token.endsWith(suffix)) continue;
    const stem = token.slice(0, -suffix.length);
    if (measure(stem) > 1) return stem;
    break;
  }
  if (token.length >= 5 && (token.endsWith('sion') || token.endsWith('tion'))) {
    const stem = token.slice(0, -3);
    if (measure(stem) > 1) return stem;
  }
  return token;
}

function step5a(token: string): string {
  const base = token.endsWith('e') ? token.slice(0, -1) : token;
  const m = measure(base);
  if (m > 1) return base;
  if (m !== 1) return token;
  const before = token.charCodeAt(token.length - 2);
  const cvc = cvcAt(token, -4) && token.length >= 2 && before !== 119 && before !== 120 && before !== Y;
  return cvc ? token : base;
}

function step5b(token: string): string {
  return token.endsWith('ll') && measure(token) > 1 ? token.slice(0, -1) : token;
}
