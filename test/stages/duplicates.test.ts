import { describe, expect, it } from 'vitest';
import { earliestOf, findDuplicates } from '../../src/stages/duplicates.js';

describe('earliestOf', () => {
  it('takes the earliest date, undated articles after dated ones, ties by article order', () => {
    const dates = [300, undefined, 100, 100];
    const earliest = earliestOf((article) => dates[article]);
    expect(earliest([0, 1, 2, 3])).toBe(2);
    expect(earliest([0, 1])).toBe(0);
    expect(earliest([1, 3])).toBe(3);
  });
});

describe('findDuplicates', () => {
  it('marks every copy but the earliest, and never an article of no words', () => {
    const dates = [500, 100, undefined, 200, undefined];
    const duplicateOf = findDuplicates(['x', 'x', '', 'y', 'x'], earliestOf((article) => dates[article]));
    expect(duplicateOf).toEqual([1, undefined, undefined, undefined, 1]);
    expect(findDuplicates(['', ''], earliestOf(() => undefined))).toEqual([undefined, undefined]);
  });
});
