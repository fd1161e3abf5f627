import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { holdsSorted, lowerBound } from '../../src/lib/lower-bound.js';

describe('lowerBound', () => {
  it('finds the first place whose value is not below the one asked, as a scan from the start does', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(50), { maxLength: 40 }), fc.integer({ min: -5, max: 55 }), (values, value) => {
        const sorted = Uint32Array.from(values).sort();
        const scanned = sorted.findIndex((entry) => entry >= value);
        expect(lowerBound(sorted, value)).toBe(scanned < 0 ? sorted.length : scanned);
        expect(holdsSorted(sorted, value)).toBe(values.includes(value));
        // A plain array reads the same.
        expect(lowerBound([...sorted], value)).toBe(lowerBound(sorted, value));
      }),
    );
  });

  it('says where a fence of block starts puts a hash that repeats across blocks', () => {
    // Blocks start at 3, 7, 7, 9: copies of 7 may begin in the block before the first 7.
    const fence = Uint32Array.of(3, 7, 7, 9);
    expect(lowerBound(fence, 7)).toBe(1);
    expect(lowerBound(fence, 10)).toBe(4);
    expect(lowerBound(fence, 0)).toBe(0);
    expect(holdsSorted(fence, 8)).toBe(false);
  });
});
