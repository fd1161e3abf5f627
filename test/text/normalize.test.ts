import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { comparesLongerThan, normalizeForComparison, normalizedBytes, normalizeWord } from '../../src/text/normalize.js';
import { stem } from '../../src/lib/stemmer.js';

// The definition the one-pass fast path must agree with.
function byDefinition(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['’‘`´\u00ad\u200c\u200d\u2060\ufeff]/g, '')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim();
}

// Fast-path characters (ASCII, Latin-1, typographic punctuation) beside ones that NFKC changes or
// composes: a decomposed accent, a ligature, superscripts, the acute accent, Turkish dotted I, Hangul jamo.
const ALPHABET = [
  ...'aZz09 \t\n.,;:!?\'"`-_()[]/\\@#%&*+=<>|~^$'.split(''),
  ...'\u00a0\u00ad\u00b4\u00a8\u00aa\u00b2\u00b5\u00bc\u00c0\u00c9\u00d7\u00df\u00e9\u00f7\u00ff'.split(''),
  '\u200b', '\u200c', '\ufeff',
  ...'\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u2032\u0301\u0308\ufb01\u0130\u1100\u1161\u212b\u2460\uff21\u0627\u4e2d'.split(''),
  '\ud83d\ude00',
];

describe('normalizeForComparison', () => {
  it.each([
    ['Pakistan’s  “Prime Minister” — said…', 'pakistans prime minister said'],
    ['  Don`t SHOUT!  ', 'dont shout'],
    ['Café\u00a0Crème', 'café crème'],
    ['e\u0301te\u0301', 'été'],
    ['ﬁnal ２０２５', 'final 2025'],
    // A soft hyphen inside a word, as outlets print them, and a zero-width space between two.
    ['com\u00admon in\u200bcricket', 'common in cricket'],
    ['', ''],
  ])('normalises %j to %j', (text, expected) => {
    expect(normalizeForComparison(text)).toBe(expected);
    expect(byDefinition(text)).toBe(expected);
  });

  it('agrees with its definition on any text, fast path or not', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ALPHABET), { maxLength: 40 }), (chars) => {
        const text = chars.join('');
        expect(normalizeForComparison(text)).toBe(byDefinition(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with its definition on every character of the Basic Multilingual Plane, between letters', () => {
    for (let code = 0; code < 0x10000; code += 1) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const text = `Ab${String.fromCharCode(code)}Cd`;
      expect(normalizeForComparison(text)).toBe(byDefinition(text));
    }
  });

  it('agrees with its definition on text longer than its buffers', () => {
    for (const times of [200, 2000]) {
      const text = 'Pakistan’s Army, “they said” — at 10:30. '.repeat(times);
      expect(normalizeForComparison(text)).toBe(byDefinition(text));
    }
  });
});

describe('normalizeWord', () => {
  it('lower-cases, drops inner punctuation and stems English words', () => {
    expect(normalizeWord('Pakistan’s')).toBe(normalizeWord('pakistans'));
    expect(normalizeWord('Remains')).toBe('remain');
  });

  it('gives what NFKC, lower case, dropping inner marks and stemming give, for plain ASCII words and the rest alike', () => {
    const unit = fc.constantFrom('a', 'S', 'e', 'd', 'i', 'n', 'g', 'Z', 'y', '1', "'", '’', '.', '-', '‐', 'é', 'ﬁ', 'İ', '\u00ad', '\u200c', 'Ω');
    fc.assert(
      fc.property(fc.string({ unit, minLength: 1, maxLength: 12 }), (word) => {
        expect(normalizeWord(word)).toBe(stem(word.normalize('NFKC').toLowerCase().replace(/['’.\-‐\u00ad\u200c\u200d\u2060\ufeff]/g, '')));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('normalizeForComparison over lines', () => {
  it('gives for lines joined by line breaks what each line gives, joined by spaces (blocks compare wordings so)', () => {
    const unit = fc.constantFrom('a', 'B', 'é', 'ß', 'Σ', 'ς', '’', "'", '.', ' ', '-', '1', 'ﬁ', '\u0301', 'İ', '…');
    const line = fc.string({ unit, maxLength: 12 });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 6 }), (lines) => {
        expect(lines.map(normalizeForComparison).filter((key) => key !== '').join(' ')).toBe(normalizeForComparison(lines.join('\n')));
      }),
    );
  });
});

describe('normalizedBytes', () => {
  it('gives the UTF-8 bytes of the text as compared, on and off the fast path, short or long', () => {
    const piece = fc.constantFrom('a', 'B', 'é', 'Ü', 'ß', 'ÿ', 'e\u0301', 'ﬁ', '½', '’', ' ', '—', '.', '7', 'Ω', '中', '\u00a0', 'Share this');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.nat(3), (pieces, repeat) => {
        const text = pieces.join('').repeat(1 + repeat * 400);
        expect(Buffer.from(normalizedBytes(text)).equals(Buffer.from(normalizeForComparison(text)))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('comparesLongerThan', () => {
  it('is true only when the text as compared is longer, whatever the marks, ligatures and scripts', () => {
    const piece = fc.constantFrom('a', 'B', 'é', 'e\u0301', '\u0301', 'ﬁ', '½', 'İ', 'ß', '’', "'", ' ', '—', '.', '7', 'Ω', '中', 'ｱ', '\u00a0', 'Share this');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.nat(30), (pieces, length) => {
        const text = pieces.join('');
        if (comparesLongerThan(text, length)) expect(normalizeForComparison(text).length).toBeGreaterThan(length);
      }),
      { numRuns: 3000 },
    );
  });

  it('tells a long English paragraph from its first letters, and a short line not', () => {
    const paragraph = 'Pakistan and Afghanistan share a border of some 2,600 kilometres, most of it mountains.';
    expect(comparesLongerThan(paragraph, 20)).toBe(true);
    expect(comparesLongerThan('Share this article', 20)).toBe(false);
    // Off the fast path before the limit: unsure, so false.
    expect(comparesLongerThan(`ﬁ${paragraph}`, 20)).toBe(false);
  });
});
