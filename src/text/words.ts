/**
 * A word: one Han, Hiragana or Katakana character (those scripts use no spaces), or a run of
 * letters, marks and digits that may hold inner apostrophes, hyphens, dots or invisible joiners
 * ("Pakistan’s", "Tehreek-i-Taliban", "U.S", "1.13bn", "com\u00admon"). This is the regular expression
 * `[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{M}\p{N}]+(?:['’.\-‐\u00ad\u200c\u200d\u2060\ufeff][\p{L}\p{M}\p{N}]+)*`,
 * scanned by hand with a table for the Basic Multilingual Plane: it is the hottest loop of a run.
 */
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const SPACELESS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

// Per BMP code unit: 0 not yet known, 1 not a word character, 2 a word character, 3 a word of its own.
const classes = new Uint8Array(65536);

function classify(code: number): number {
  const char = String.fromCharCode(code);
  return SPACELESS.test(char) ? 3 : WORD_CHAR.test(char) ? 2 : 1;
}

/** Class of the character at `i` and its length in code units (2 for a surrogate pair). */
function classAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) ? 2 : 1;
  const low = code >= 0xd800 && code <= 0xdbff ? text.charCodeAt(i + 1) : 0;
  if (low >= 0xdc00 && low <= 0xdfff) {
    const char = String.fromCodePoint(text.codePointAt(i) ?? code);
    return (SPACELESS.test(char) ? 3 : WORD_CHAR.test(char) ? 2 : 1) + 4;
  }
  let known = classes[code] ?? 0;
  if (known === 0) {
    known = classify(code);
    classes[code] = known;
  }
  return known;
}

/** Per ASCII code unit: 1 for a letter or digit (class 2 of `classAt`), else 0. The fast path of the scans below. */
const ASCII_WORD = new Uint8Array(128);
for (let code = 0; code < 128; code += 1) ASCII_WORD[code] = (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) ? 1 : 0;

/**
 * True for what joins the parts of a word when a word character follows: an apostrophe, a dot, a
 * hyphen, and the invisible joiners that outlets leave inside words (a soft hyphen, the zero-width
 * joiner and non-joiner of Persian, Urdu and Indic spelling, the word joiner, a byte-order mark
 * as the zero-width no-break space). A zero-width space is a break, as in Thai. Comparison drops
 * the invisible ones (see `normalizeForComparison`), so "com\u00admon" is "common".
 */
function isConnector(code: number): boolean {
  if (code < 128) return code === 39 || code === 46 || code === 45;
  return code === 0x2019 || code === 0x2010 || isInvisibleJoiner(code);
}

/** A soft hyphen, zero-width (non-)joiner, word joiner or zero-width no-break space. */
export function isInvisibleJoiner(code: number): boolean {
  return code === 0xad || code === 0x200c || code === 0x200d || code === 0x2060 || code === 0xfeff;
}

/** Calls `visit(start, end)` for every word inside `[from, to)` of `text`, in order, until it returns `false`. */
export function forEachWord(text: string, from: number, to: number, visit: (start: number, end: number) => void | false): void {
  const limit = text.length;
  let i = from;
  while (i < to) {
    const found = classAt(text, i);
    const kind = found & 3;
    const width = found > 4 ? 2 : 1;
    if (kind === 1) {
      i += width;
      continue;
    }
    const start = i;
    i += width;
    if (kind === 2) {
      // A run of word characters, through connectors that have a word character after them.
      while (i < limit) {
        const next = classAt(text, i);
        if ((next & 3) >= 2) {
          i += next > 4 ? 2 : 1;
          continue;
        }
        if (isConnector(text.charCodeAt(i)) && i + 1 < limit && (classAt(text, i + 1) & 3) >= 2) {
          i += 1;
          continue;
        }
        break;
      }
    }
    if (visit(start, Math.min(i, to)) === false) return;
  }
}

/** Number of words in `[from, to)` of `text`, or `limit` when there are at least that many (it stops counting there). */
export function countWords(text: string, from = 0, to = text.length, limit = Infinity): number {
  // forEachWord's scan, without a visitor: it runs on every sentence of every article read back.
  const end = Math.min(to, text.length);
  let count = 0;
  let i = from;
  while (i < end) {
    // ASCII first, without `classAt` (see forEachWordHashed).
    const first = text.charCodeAt(i);
    if (first < 128) {
      i += 1;
      if (ASCII_WORD[first] === 0) continue;
    } else {
      const found = classAt(text, i);
      i += found > 4 ? 2 : 1;
      if ((found & 3) === 1) continue;
      if ((found & 3) === 3) {
        count += 1;
        if (count >= limit) return count;
        continue;
      }
    }
    count += 1;
    if (count >= limit) return count;
    // The rest of the word; past `end` nothing more of it counts, so the scan stops there.
    while (i < end) {
      const code = text.charCodeAt(i);
      if (code < 128) {
        if (ASCII_WORD[code] === 1) {
          i += 1;
          continue;
        }
        if (!isConnector(code)) break;
      }
      const next = classAt(text, i);
      if ((next & 3) >= 2) i += next > 4 ? 2 : 1;
      else if (isConnector(code) && i + 1 < text.length && (classAt(text, i + 1) & 3) >= 2) i += 1;
      else break;
    }
  }
  return count;
}

/**
 * {@link forEachWord}, for the hottest loop of a run: also hands `visit` a hash of the word's code
 * units (FNV-1a, for a cache slot: equal words get equal hashes), taken in the same pass.
 */
export function forEachWordHashed(text: string, from: number, to: number, visit: (start: number, end: number, hash: number) => void): void {
  const limit = text.length;
  let i = from;
  while (i < to) {
    // ASCII first, without `classAt`: a space or punctuation is skipped at once.
    const first = text.charCodeAt(i);
    if (first < 128 && ASCII_WORD[first] === 0) {
      i += 1;
      continue;
    }
    const found = classAt(text, i);
    const width = found > 4 ? 2 : 1;
    if ((found & 3) === 1) {
      i += width;
      continue;
    }
    const start = i;
    let hash = 0x811c9dc5;
    for (let k = 0; k < width; k += 1) hash = Math.imul(hash ^ text.charCodeAt(i + k), 0x01000193);
    i += width;
    if ((found & 3) === 2) {
      // As in forEachWord; past `to` nothing more of the word is visited, so the scan stops there.
      while (i < to) {
        // An ASCII letter or digit goes on the word; any other ASCII but a connector ends it.
        const code = text.charCodeAt(i);
        if (code < 128) {
          if (ASCII_WORD[code] === 1) {
            hash = Math.imul(hash ^ code, 0x01000193);
            i += 1;
            continue;
          }
          if (!isConnector(code)) break;
        }
        const next = classAt(text, i);
        if ((next & 3) >= 2) {
          const nextWidth = next > 4 ? 2 : 1;
          for (let k = 0; k < nextWidth; k += 1) hash = Math.imul(hash ^ text.charCodeAt(i + k), 0x01000193);
          i += nextWidth;
          continue;
        }
        if (isConnector(code) && i + 1 < limit && (classAt(text, i + 1) & 3) >= 2) {
          hash = Math.imul(hash ^ code, 0x01000193);
          i += 1;
          continue;
        }
        break;
      }
    }
    if (i > to) {
      // A surrogate pair across `to`: the word ends at `to`, and so does its hash.
      hash = 0x811c9dc5;
      for (let k = start; k < to; k += 1) hash = Math.imul(hash ^ text.charCodeAt(k), 0x01000193);
    }
    visit(start, Math.min(i, to), hash >>> 0);
  }
}

/** True when the words of two normalised texts differ by at most `most` inserted, dropped or replaced words. */
export function wordsApart(a: string, b: string, most: number): boolean {
  const x = a === '' ? [] : a.split(' ');
  const y = b === '' ? [] : b.split(' ');
  if (Math.abs(x.length - y.length) > most) return false;
  // Edit distance over words, within a band of `most` either side of the diagonal.
  const width = 2 * most + 1;
  let previous = new Array<number>(width).fill(most + 1);
  for (let d = 0; d <= most; d += 1) previous[most + d] = d;
  for (let i = 1; i <= x.length; i += 1) {
    const current = new Array<number>(width).fill(most + 1);
    let best = most + 1;
    for (let offset = -most; offset <= most; offset += 1) {
      const j = i + offset;
      if (j < 0 || j > y.length) continue;
      const slot = offset + most;
      let cost = most + 1;
      if (j === 0) cost = i;
      else {
        const diagonal = previous[slot] ?? most + 1;
        cost = diagonal + (x[i - 1] === y[j - 1] ? 0 : 1);
        cost = Math.min(cost, (previous[slot + 1] ?? most + 1) + 1, (current[slot - 1] ?? most + 1) + 1);
      }
      current[slot] = Math.min(cost, most + 1);
      best = Math.min(best, current[slot] ?? most + 1);
    }
    if (best > most) return false;
    previous = current;
  }
  return (previous[y.length - x.length + most] ?? most + 1) <= most;
}
