import { describe, expect, it } from 'vitest';
import { FingerprintCounts, RepeatIndex } from '../../src/stages/count.js';

describe('FingerprintCounts', () => {
  it('counts distinct articles and keeps the first holder', () => {
    const counts = new FingerprintCounts();
    counts.add(42, 0, 7);
    counts.add(42, 0, 8);
    counts.add(42, 3, 90);
    expect(counts.documentFrequency(42)).toBe(2);
    expect(counts.firstHolder(42)).toBe(7);
    expect(counts.documentFrequency(43)).toBe(0);
    expect(counts.firstHolder(43)).toBe(-1);
  });

  it('keeps every count when it grows far past its first capacity, the zero hash included', () => {
    const counts = new FingerprintCounts(4);
    for (let article = 0; article < 3; article += 1) {
      for (let hash = 0; hash < 5000; hash += 1) counts.add(Math.imul(hash, 2654435761) >>> 0, article, article * 10_000 + hash);
    }
    expect(counts.size).toBe(5000);
    expect(counts.documentFrequency(0)).toBe(3);
    expect(counts.documentFrequency(Math.imul(4999, 2654435761) >>> 0)).toBe(3);
    expect(counts.firstHolder(Math.imul(4999, 2654435761) >>> 0)).toBe(4999);
  });
});

describe('RepeatIndex', () => {
  it('tables only fingerprints met twice, and gives their first holder in article order', () => {
    const index = new RepeatIndex(100);
    index.mark(Uint32Array.from([1, 2, 2, 3]));
    index.mark(Uint32Array.from([3, 4]));
    index.mark(Uint32Array.from([4, 5, 3]));
    expect([1, 5].map((hash) => index.table.has(hash))).toEqual([false, false]);
    expect([3, 4].map((hash) => index.table.has(hash))).toEqual([true, true]);
    // Met twice in one article: tabled, but only ever held by that one article.
    expect(index.holderFor(2, 0, 12)).toBe(12);
    expect(index.table.documentFrequency(2)).toBe(1);
    expect(index.holderFor(3, 0, 10)).toBe(10);
    expect(index.holderFor(3, 1, 20)).toBe(10);
    expect(index.holderFor(4, 1, 21)).toBe(21);
    expect(index.holderFor(4, 2, 30)).toBe(21);
    expect(index.holderFor(1, 0, 11)).toBe(-1);
    expect(index.table.documentFrequency(3)).toBe(2);
  });
});
