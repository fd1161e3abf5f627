import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import porterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { porterStem } from '../../src/lib/porter.js';
import { stem } from '../../src/lib/stemmer.js';
import { RULE_ENDINGS } from './porter-endings.js';

/** The lower-case words of the seed corpus. */
function seedWords(): string[] {
  const folder = join(import.meta.dirname, '..', '..', 'corpus');
  const words = new Set<string>();
  for (const file of readdirSync(folder)) {
    for (const word of readFileSync(join(folder, file), 'utf8').toLowerCase().match(/[a-z]{3,}/g) ?? []) words.add(word);
  }
  return [...words];
}

/** Each word also with endings the stemmer's rules act on. */
function inflected(words: readonly string[]): string[] {
  return words.flatMap((word) => ['', 's', 'es', 'ed', 'ing', 'er', 'ly', 'ness', 'ful', 'ment', 'ation', 'ational', 'ization', 'ity', 'ism', 'ive', 'ical', 'able', 'ably'].map((ending) => word + ending));
}

describe('porterStem', () => {
  it('gives natural’s stem for every word it answers: words built from the rules’ endings, y and doubled letters', () => {
    const stemPart = fc.stringMatching(/^[a-z]{1,9}$/);
    const word = fc.tuple(stemPart, fc.constantFrom('', ...RULE_ENDINGS), fc.constantFrom('', 'y', 'e', 's', 'll', 'ed', 'ing', 'ly')).map(([head, ending, tail]) => `${head}${ending}${tail}`);
    fc.assert(
      fc.property(word, (candidate) => {
        const ported = porterStem(candidate);
        return ported === undefined || ported === porterStemmer.stem(candidate);
      }),
      { numRuns: 60_000 },
    );
  });

  it('gives natural’s stem for the seed corpus’s words and their inflections, and answers nearly all of the words itself', () => {
    const words = seedWords();
    const vocabulary = inflected(words);
    expect(vocabulary.length).toBeGreaterThan(10_000);
    const wrong: string[] = [];
    for (const word of vocabulary) {
      const ported = porterStem(word);
      if (ported !== undefined && ported !== porterStemmer.stem(word)) wrong.push(`${word}: ${ported} ≠ ${porterStemmer.stem(word)}`);
    }
    expect(wrong).toEqual([]);
    const declined = words.filter((word) => porterStem(word) === undefined);
    expect(declined.length / words.length).toBeLessThan(0.01);
  });

  it('follows natural’s quirks: half measures, step 4’s -sion/-tion fallback, and a y after consonants', () => {
    // Each checked against natural itself, so a quirk that differs shows here by name.
    for (const word of ['tyaed', 'ratification', 'conditional', 'relational', 'hopping', 'hoped', 'agreed', 'feed', 'happy', 'sky', 'dying', 'controll', 'generalization', 'adjustment', 'dependent', 'cease', 'rate', 'syzygy', 'fully', 'yelling', 'possessively', 'buzzing', 'fizzed', 'hissing', 'falling']) {
      expect(porterStem(word) ?? porterStemmer.stem(word), word).toBe(porterStemmer.stem(word));
    }
  });

  it('leaves to natural a word two patterns of one step fire on, and stem() then gives natural’s stem', () => {
    for (const word of ['international', 'organization', 'probably', 'operational']) {
      expect(porterStem(word), word).toBeUndefined();
      expect(stem(word)).toBe(porterStemmer.stem(word));
    }
    expect(stem('reporting')).toBe('report');
    expect(porterStem('reporting')).toBe('report');
  });
});
