import fc from 'fast-check';
import stringSimilarity from 'string-similarity';
import { describe, expect, it } from 'vitest';
import { dice, diceOf } from '../../src/lib/dice.js';

// Wordings of one background sentence, as copies edit it.
const WORDINGS = [
  'The province has seen a surge in attacks since the ceasefire ended in November.',
  'The province has seen a sharp surge in attacks since the ceasefire ended last November.',
  'the province has seen a surge in attacks since the ceasefire ended in november',
  'Attacks have surged in the province since the ceasefire ended.',
  '',
  'x',
  '  ',
  'aa aa aa',
];

describe('diceOf', () => {
  it('scores each pair of wordings exactly as string-similarity does', () => {
    for (const one of WORDINGS) {
      for (const two of WORDINGS) expect(diceOf(one, two)).toBe(stringSimilarity.compareTwoStrings(one, two));
    }
  });

  it('is the same function as dice for any pair of strings: repeated bigrams, any whitespace, characters beyond Latin-1', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', 'é', '\n', 'ж', '\u00a0', '\u2028', '\u0085', '\u{1F600}'), maxLength: 40 });
    fc.assert(
      fc.property(text, text, (one, two) => {
        expect(diceOf(one, two)).toBe(dice(one, two));
        // The table is left empty: the next pair is scored from nothing.
        expect(diceOf(two, one)).toBe(dice(two, one));
      }),
      { numRuns: 1000 },
    );
  });

  it('skips exactly the characters string-similarity removes as whitespace, every one of the 65,536 code units', () => {
    for (let code = 0; code < 0x10000; code += 1) {
      const char = String.fromCharCode(code);
      for (const [a, b] of [[`xa${char}by`, 'xaby'], [`xa${char}by`, `xa${char}bz`], ['xaby', `q${char}aby`]] as const) {
        if (diceOf(a, b) !== stringSimilarity.compareTwoStrings(a, b)) expect({ code, a, b, score: diceOf(a, b) }).toEqual({ code, a, b, score: stringSimilarity.compareTwoStrings(a, b) });
      }
    }
  });

  it('is dice for texts that share an opening and an ending, as a block\'s wordings and edited copies do', () => {
    const part = fc.string({ unit: fc.constantFrom('a', 'b', 'ab', 'ba', ' ', '  ', 'é', 'ж', '\n'), maxLength: 25 });
    fc.assert(
      fc.property(part, part, part, part, (opening, one, two, ending) => {
        const a = `${opening}${one}${ending}`;
        const b = `${opening}${two}${ending}`;
        expect(diceOf(a, b)).toBe(stringSimilarity.compareTwoStrings(a, b));
      }),
      { numRuns: 2000 },
    );
  });
});
