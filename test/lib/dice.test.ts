import fc from 'fast-check';
import stringSimilarity from 'string-similarity';
import { describe, expect, it } from 'vitest';
import { dice } from '../../src/lib/dice.js';

describe('dice', () => {
  it.each([
    ['the talks failed', 'the talks failed', 1],
    ['night', 'nacht', 0.25],
    ['a', 'ab', 0],
    ['', '', 1],
    ['aaaa', 'aa', 0.5],
  ])('scores %j against %j as %d', (a, b, expected) => {
    expect(dice(a, b)).toBe(expected);
  });

  it('gives exactly what string-similarity gives, on any two strings', () => {
    const text = fc.array(fc.constantFrom(...'ab aab\t\n’é中\uD83D\uDE00\uFFFF\u0000\u8000'.split('')), { maxLength: 30 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(dice(a, b)).toBe(stringSimilarity.compareTwoStrings(a, b));
        expect(dice(a, b)).toBe(dice(b, a));
      }),
      { numRuns: 5000 },
    );
  });

  it('gives exactly what string-similarity gives on long sentences', () => {
    const a = 'pakistans bilateral relations with afghanistan have come under strain in recent times '.repeat(8);
    const b = 'pakistans relations with afghanistan came under strain in recent weeks '.repeat(9);
    expect(dice(a, b)).toBe(stringSimilarity.compareTwoStrings(a, b));
  });
});
