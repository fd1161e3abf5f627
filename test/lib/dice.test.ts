import fc from 'fast-check';
import stringSimilarity from 'string-similarity';
import { describe, expect, it } from 'vitest';
import { dice, diceAgainst, dicePair } from '../../src/lib/dice.js';

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

describe('diceAgainst', () => {
  it('scores each wording exactly as string-similarity does', () => {
    for (const reference of WORDINGS) {
      const score = diceAgainst(reference);
      for (const other of WORDINGS) expect(score(other)).toBe(stringSimilarity.compareTwoStrings(reference, other));
    }
  });

  it('is the same function as dice for any pair of strings, with several references in use at once', () => {
    // Few letters make repeated bigrams, whose counts the multiset overlap must respect; "ж" is
    // beyond Latin-1, in a reference or only in the other string.
    // Whitespace of every kind \s matches is skipped as string-similarity removes it; U+0085 is not \s.
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', 'é', '\n', 'ж', '\t', '\u00a0', '\u2028', '\u3000', '\ufeff', '\u0085'), maxLength: 40 });
    fc.assert(
      fc.property(text, text, fc.array(text, { maxLength: 8 }), (one, two, others) => {
        const scoreOne = diceAgainst(one);
        const scoreTwo = diceAgainst(two);
        for (const other of others) {
          expect(scoreOne(other)).toBe(dice(one, other));
          expect(scoreTwo(other)).toBe(dice(two, other));
          expect(scoreOne(other)).toBe(dice(one, other));
        }
      }),
    );
  });
});

describe('dicePair', () => {
  it('scores each pair of wordings exactly as string-similarity does', () => {
    for (const one of WORDINGS) {
      for (const two of WORDINGS) expect(dicePair(one, two)).toBe(stringSimilarity.compareTwoStrings(one, two));
    }
  });

  it('is the same function as dice for any pair of strings: repeated bigrams, any whitespace, characters beyond Latin-1', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', 'é', '\n', 'ж', '\u00a0', '\u2028', '\u0085', '\u{1F600}'), maxLength: 40 });
    fc.assert(
      fc.property(text, text, (one, two) => {
        expect(dicePair(one, two)).toBe(dice(one, two));
        // The table is left empty: the next pair is scored from nothing.
        expect(dicePair(two, one)).toBe(dice(two, one));
      }),
    );
  });
});
