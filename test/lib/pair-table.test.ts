import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PairTable } from '../../src/lib/pair-table.js';

describe('PairTable', () => {
  it('holds what a map of the pairs holds, through growth, for ids up to 2^31 − 1', () => {
    const id = fc.oneof(fc.nat(50), fc.integer({ min: 0x7fffff00, max: 0x7fffffff }), fc.nat());
    const write = fc.tuple(id, id, fc.integer({ min: -5, max: 1_000_000 }));
    fc.assert(
      fc.property(fc.array(write, { maxLength: 300 }), fc.nat(40), (writes, expected) => {
        const table = new PairTable(expected);
        const plain = new Map<string, number>();
        for (const [a, b, value] of writes) {
          table.set(a, b, value);
          plain.set(`${a},${b}`, value);
        }
        expect(table.size).toBe(plain.size);
        for (const [a, b] of writes) {
          expect(table.has(a, b)).toBe(true);
          expect(table.get(a, b)).toBe(plain.get(`${a},${b}`));
          // The other way round is another pair, held only if written.
          expect(table.get(b, a, -7)).toBe(plain.get(`${b},${a}`) ?? -7);
        }
      }),
    );
  });

  it('counts side by side: a pair read and written back many times keeps its own count', () => {
    const table = new PairTable();
    for (let round = 0; round < 5; round += 1) {
      for (let a = 0; a < 100; a += 1) table.set(a, a + 1, table.get(a, a + 1, 0) + 1);
    }
    expect(table.size).toBe(100);
    expect(table.get(7, 8)).toBe(5);
    expect(table.get(8, 7)).toBe(-1);
  });

  it('tells apart pairs that share one id, the first or the second', () => {
    const table = new PairTable();
    for (let b = 0; b < 2000; b += 1) {
      table.set(42, b, b * 3);
      table.set(b, 42, b * 5);
    }
    expect(table.size).toBe(3999);
    for (let b = 0; b < 2000; b += 1) {
      if (b === 42) continue;
      expect(table.get(42, b)).toBe(b * 3);
      expect(table.get(b, 42)).toBe(b * 5);
    }
  });

  it('refuses an id that is no non-negative 32-bit number', () => {
    const table = new PairTable();
    expect(() => table.set(-1, 2, 0)).toThrow(RangeError);
    expect(() => table.get(1, 2 ** 31)).toThrow(RangeError);
  });
});
