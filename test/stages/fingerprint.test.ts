import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { fingerprint, hashedWords } from '../../src/stages/fingerprint.js';
import { hashString } from '../../src/text/hash.js';
import { normalizeWord } from '../../src/text/normalize.js';
import { forEachWord } from '../../src/text/words.js';
import { segment } from '../../src/stages/segment.js';
import { DEFAULTS } from '../../src/options.js';

const sketch = (text: string): Set<number> => new Set(fingerprint(text, segment(text), DEFAULTS).hashes);
const shared = (a: Set<number>, b: Set<number>) => [...a].filter((hash) => b.has(hash)).length;

describe('fingerprint', () => {
  const plain = 'Pakistan’s bilateral relations with Afghanistan have come under strain in recent times as the Tehreek-i-Taliban Pakistan (TTP) remains the main point of contention between the two countries.';
  const edited = 'Pakistan’s bilateral relations with Afghanistan have come under strain in recent times as the banned terrorist Tehreek-i-Taliban Pakistan (TTP) group remains the main point of contention between the two countries.';
  const unrelated = 'Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn for the three months to December, from $639m year-earlier.';

  it('gives a lightly edited sentence most of the same fingerprints', () => {
    expect(shared(sketch(plain), sketch(edited))).toBeGreaterThanOrEqual(4);
  });

  it('gives an unrelated sentence none of them', () => {
    expect(shared(sketch(plain), sketch(unrelated))).toBe(0);
  });

  it('ignores case, quotes and inflection', () => {
    expect(sketch('The talks remain stalled, officials said.')).toEqual(sketch('the talks remains "stalled" officials say'.replace('say', 'said')));
  });

  it('keeps the sketch and the whole-sentence hash per sentence, and none for skipped sentences', () => {
    const text = `${plain} ${unrelated}`;
    const result = fingerprint(text, segment(text), DEFAULTS, (sentence) => sentence === 1);
    expect(result.offsets[1]! - result.offsets[0]!).toBe(DEFAULTS.sketchSize + 1);
    expect(result.offsets[2]! - result.offsets[1]!).toBe(0);
  });

  it('gives a text the same fingerprints whatever was fingerprinted before (the word cache only remembers)', async () => {
    // 60,000 made-up spellings, of one to four letters, fill the cache's slots and make spellings
    // of one length meet in them. A text's fingerprints then must equal those that a fresh copy of
    // the module, its cache empty, gives it.
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const spell = (n: number): string => (n < 26 ? letters[n]! : spell(Math.floor(n / 26) - 1) + letters[n % 26]!);
    const many = Array.from({ length: 6_000 }, (_, s) => `${Array.from({ length: 10 }, (_, w) => spell(((s * 10 + w) * 7919) % 300_000)).join(' ')}.`).join(' ');
    fingerprint(many, segment(many), DEFAULTS);
    vi.resetModules();
    const fresh = (await import('../../src/stages/fingerprint.js')).fingerprint;
    const word = fc.string({ unit: fc.constantFrom(...letters), minLength: 1, maxLength: 5 });
    const probe = fc.array(fc.array(word, { minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 6 }).map((list) => list.map((words) => `${words.join(' ')}.`).join(' '));
    fc.assert(
      fc.property(probe, (text) => {
        const cached = fingerprint(text, segment(text), DEFAULTS);
        const expected = fresh(text, segment(text), DEFAULTS);
        expect([...cached.hashes]).toEqual([...expected.hashes]);
        expect([...cached.words]).toEqual([...expected.words]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('hashedWords', () => {
  it('gives the words forEachWord finds, each with the hash of its normalised form (property)', () => {
    const unit = fc.constantFrom('a', 'B', 'é', '’', "'", '.', ' ', '-', '1', '\u2014', '漢', 'ß', '\n', 'Remains', 'remain', 'U.S.', '😀');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 200 }), (units) => {
        const text = units.join('');
        const expected: [number, number, number][] = [];
        forEachWord(text, 0, text.length, (start, end) => {
          expected.push([start, end, hashString(normalizeWord(text.slice(start, end)))]);
        });
        const words = hashedWords(text);
        expect(Array.from({ length: words.count }, (_, i) => [words.starts[i], words.ends[i], words.hashes[i]])).toEqual(expected);
      }),
    );
  });
});
