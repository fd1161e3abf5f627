import fc from 'fast-check';
import stringSimilarity from 'string-similarity';
import { describe, expect, it } from 'vitest';
import { dice, diceAgainst } from '../../src/lib/dice.js';

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

  it('is the same function as dice for any pair of strings, reused across many calls', () => {
    // Few letters make repeated bigrams, whose counts the multiset overlap must respect.
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', 'é', '\n'), maxLength: 40 });
    fc.assert(
      fc.property(text, fc.array(text, { maxLength: 8 }), (reference, others) => {
        const score = diceAgainst(reference);
        for (const other of others) expect(score(other)).toBe(dice(reference, other));
      }),
    );
  });
});
