import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distinctWordings } from '../../src/stages/assemble.js';

// Rows of sentence ids over a table of keys (the sentences' normalised texts); -1 is a sentence the
// holder lacks, as `keyOf` gives '' for it.
function rowsOf(rows: readonly (readonly number[])[]) {
  return rows.map((ids, slot) => ({ slot, ids }));
}

// The definition: each wording is its keys, the empty ones left out, joined by a space.
function byDefinition(rows: readonly (readonly number[])[], keys: readonly string[]): { count: number; first: string } {
  const joined = rows.map((ids) => ids.map((id) => (id < 0 ? '' : (keys[id] ?? ''))).filter((key) => key !== '').join(' '));
  return { count: new Set(joined).size, first: joined[0] ?? '' };
}

describe('distinctWordings', () => {
  const keys = ['the talks resumed', 'in doha on monday', 'the talks', 'resumed in doha on monday', 'officials said'];
  const keyOf = (id: number): string => (id < 0 ? '' : (keys[id] ?? ''));

  it('counts a wording cut at other sentence ends as the same wording', () => {
    // "the talks resumed" + "in doha on monday" and "the talks" + "resumed in doha on monday" read alike.
    expect(distinctWordings(rowsOf([[0, 1], [2, 3]]), keyOf)).toEqual({ count: 1, first: 'the talks resumed in doha on monday' });
  });

  it('counts a wording that lacks a sentence, or adds one, as another', () => {
    expect(distinctWordings(rowsOf([[0, 1], [0, -1], [0, 1, 4], [2, 3]]), keyOf)).toEqual({ count: 3, first: 'the talks resumed in doha on monday' });
  });

  it('counts two wordings whose hashes meet as two, told by their text', () => {
    // "wl0v0" and "w5ajak" have the same 32-bit hash as wordings are hashed.
    const colliding = ['wl0v0', 'w5ajak'];
    expect(distinctWordings(rowsOf([[0], [1]]), (id) => colliding[id] ?? '')).toEqual({ count: 2, first: 'wl0v0' });
  });

  it('agrees with joining every wording, on rows whose keys split and join in many ways', () => {
    // Keys over two words and a space, so that different cuts often join into one text.
    const key = fc.array(fc.constantFrom('a', 'b', 'a b', 'b a', 'a a'), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(key, fc.array(fc.array(fc.integer({ min: -1, max: 5 }), { maxLength: 6 }), { minLength: 1, maxLength: 12 }), (table, rows) => {
        const bounded = rows.map((ids) => ids.map((id) => (id < table.length ? id : -1)));
        const keyOfTable = (id: number): string => (id < 0 ? '' : (table[id] ?? ''));
        expect(distinctWordings(rowsOf(bounded), keyOfTable)).toEqual(byDefinition(bounded, table));
      }),
      { numRuns: 2000 },
    );
  });
});
