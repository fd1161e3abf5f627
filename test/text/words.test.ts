import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWords, forEachWord, forEachWordHashed, wordsApart } from '../../src/text/words.js';
import { hashString } from '../../src/text/hash.js';

// The definition the hand-written scanner must agree with.
const WORD = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{M}\p{N}]+(?:['’.\-‐\u00ad\u200c\u200d\u2060\ufeff][\p{L}\p{M}\p{N}]+)*/gu;

function byScanner(text: string, from = 0, to = text.length): [number, number][] {
  const words: [number, number][] = [];
  forEachWord(text, from, to, (start, end) => {
    words.push([start, end]);
  });
  return words;
}

function byRegex(text: string, from = 0, to = text.length): [number, number][] {
  const pattern = new RegExp(WORD.source, 'gu');
  pattern.lastIndex = from;
  const words: [number, number][] = [];
  for (let match = pattern.exec(text); match !== null && match.index < to; match = pattern.exec(text)) words.push([match.index, Math.min(match.index + match[0].length, to)]);
  return words;
}

describe('forEachWord', () => {
  it('finds the words of news text in every script the corpus has', () => {
    const text = 'Pakistan’s Tehreek-i-Taliban (TTP) said U.S. aid rose 1.13bn; پاکستان کے تعلقات. 巴基斯坦和阿富汗 Россия — 𠀀x';
    expect(byScanner(text).map(([start, end]) => text.slice(start, end))).toEqual(byRegex(text).map(([start, end]) => text.slice(start, end)));
    expect(countWords('Pakistan’s Tehreek-i-Taliban said so.')).toBe(4);
  });

  it('reads a word with a soft hyphen or a zero-width joiner inside as one word, and a zero-width space as a break', () => {
    const text = 'Incidents are com\u00admon; می\u200cخواهم; Thai\u200bwords; \u00adopen';
    expect(byScanner(text).map(([start, end]) => text.slice(start, end))).toEqual(['Incidents', 'are', 'com\u00admon', 'می\u200cخواهم', 'Thai', 'words', 'open']);
  });

  it('agrees with the regular expression on any text and any range', () => {
    const alphabet = fc.constantFrom(...'aZ9 .,"-’\'‐\n中か\u0301ا\uD800\uDC00\uD83D\uDE00é\u00ad\u200b\u200c\ufeff'.split(''), '\uD840\uDC00');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }).map((chars) => chars.join('')), fc.nat(), fc.nat(), (text, a, b) => {
        let from = text.length === 0 ? 0 : a % (text.length + 1);
        // Ranges start at a character, never between the halves of a surrogate pair.
        if (/[\uDC00-\uDFFF]/.test(text[from] ?? '') && /[\uD800-\uDBFF]/.test(text[from - 1] ?? '')) from -= 1;
        const to = from + (text.length === 0 ? 0 : b % (text.length - from + 1));
        expect(byScanner(text, from, to)).toEqual(byRegex(text, from, to));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('forEachWordHashed', () => {
  it('visits the words forEachWord visits, each with the hash of its code units, on any text and any range', () => {
    const alphabet = fc.constantFrom(...'aZ9 .,"-’\'‐\n中か\u0301ا\uD800\uDC00\uD83D\uDE00é\u00ad\u200b\u200c\ufeff'.split(''), '\uD840\uDC00');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }).map((chars) => chars.join('')), fc.nat(), fc.nat(), (text, a, b) => {
        const from = text.length === 0 ? 0 : a % (text.length + 1);
        const to = from + (text.length === 0 ? 0 : b % (text.length - from + 1));
        const hashed: [number, number, number][] = [];
        forEachWordHashed(text, from, to, (start, end, hash) => {
          hashed.push([start, end, hash]);
        });
        expect(hashed).toEqual(byScanner(text, from, to).map(([start, end]) => [start, end, hashString(text.slice(start, end))]));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('countWords', () => {
  it('counts the words forEachWord visits, up to a limit, on any text and any range', () => {
    const alphabet = fc.constantFrom(...'aZ9 .,"-’\'‐\n中か\u0301ا\uD800\uDC00\uD83D\uDE00é\u00ad\u200b\u200c\ufeff'.split(''), '\uD840\uDC00');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }).map((chars) => chars.join('')), fc.nat(), fc.nat(), fc.integer({ min: 1, max: 12 }), (text, a, b, limit) => {
        const from = text.length === 0 ? 0 : a % (text.length + 1);
        const to = from + (text.length === 0 ? 0 : b % (text.length - from + 1));
        const words = byScanner(text, from, to).length;
        expect(countWords(text, from, to)).toBe(words);
        expect(countWords(text, from, to, limit)).toBe(Math.min(words, limit));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('wordsApart', () => {
  /** Edit distance over words, the whole table. */
  function distance(a: readonly string[], b: readonly string[]): number {
    const table = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= a.length; i += 1) {
      for (let j = 1; j <= b.length; j += 1) table[i]![j] = Math.min(table[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1), table[i - 1]![j]! + 1, table[i]![j - 1]! + 1);
    }
    return table[a.length]![b.length]!;
  }

  it('tells a word or two changed from a sentence reworded', () => {
    expect(wordsApart('he is proving it is best hip hop artist he said', 'he is proving it is best so called artist he said', 2)).toBe(true);
    expect(wordsApart('a public relation officer told app that the dig spoke', 'the dig spoke a public relation officer told app', 2)).toBe(false);
  });

  it('is the whole edit distance over words, at most `most`', () => {
    const words = fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 10 });
    fc.assert(
      fc.property(words, words, fc.integer({ min: 0, max: 3 }), (a, b, most) => {
        expect(wordsApart(a.join(' '), b.join(' '), most)).toBe(distance(a, b) <= most);
      }),
    );
  });
});
