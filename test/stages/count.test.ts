import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FingerprintRecords } from '../../src/stages/count.js';
import { countFingerprints, FingerprintCounts, mergeCounts, RepeatIndex } from '../../src/stages/count.js';

/** One article's records from its sentences' fingerprints. */
function records(...sentences: number[][]): FingerprintRecords {
  const offsets = [0];
  for (const sentence of sentences) offsets.push(offsets[offsets.length - 1]! + sentence.length);
  return { offsets: Uint32Array.from(offsets), hashes: Uint32Array.from(sentences.flat()) };
}

/** Every count, by fingerprint: what two counts must agree on. */
function settled(counts: FingerprintCounts): [number, number, number, number][] {
  return [...counts.entries()].map((entry): [number, number, number, number] => [entry.fingerprint, entry.documents, entry.firstArticle, entry.firstSentence]).sort((a, b) => a[0] - b[0]);
}

describe('FingerprintCounts', () => {
  it('counts distinct articles and keeps the first holder', () => {
    const counts = new FingerprintCounts();
    counts.addArticle(3, records([42], [42]));
    counts.addArticle(0, records([5], [42, 6], [42]));
    expect(counts.documentFrequency(42)).toBe(2);
    // Article 0, sentence 1: global id 1 when article 0 starts at 0.
    expect(counts.firstHolder(42, [0, 3, 3, 3])).toBe(1);
    expect(counts.firstHolder(42, [10, 13, 13, 13])).toBe(11);
    expect(counts.documentFrequency(43)).toBe(0);
    expect(counts.firstHolder(43, [0])).toBe(-1);
  });

  it('keeps every count when it grows far past its first capacity, the zero hash included', () => {
    const counts = new FingerprintCounts(4);
    const hashes = Array.from({ length: 5000 }, (_, hash) => Math.imul(hash, 2654435761) >>> 0);
    for (let article = 0; article < 3; article += 1) counts.addArticle(article, records(...hashes.map((hash) => [hash])));
    expect(counts.size).toBe(5000);
    expect(counts.documentFrequency(0)).toBe(3);
    expect(counts.documentFrequency(hashes[4999]!)).toBe(3);
    expect(counts.firstHolder(hashes[4999]!, [0, 5000, 10_000, 15_000])).toBe(4999);
  });

  it('counts lines by article, each once, held first by the least paragraph', () => {
    const counts = new FingerprintCounts();
    counts.addLines(1, [{ hash: 9, paragraph: 4 }, { hash: 9, paragraph: 2 }]);
    counts.addLines(2, [{ hash: 9, paragraph: 0 }]);
    expect(counts.documentFrequency(9)).toBe(2);
    expect(counts.firstHolder(9, [0, 0, 100])).toBe(2);
  });
});

describe('FingerprintCounts.filterLookups', () => {
  it('answers every look-up as the table does without it, for keys held, absent and put in later', () => {
    const key = fc.integer({ min: 0, max: 2 ** 32 - 1 });
    fc.assert(
      fc.property(fc.array(key, { maxLength: 300 }), fc.array(key, { maxLength: 50 }), fc.array(key, { maxLength: 300 }), (held, later, probes) => {
        const plain = new FingerprintCounts();
        const filtered = new FingerprintCounts();
        for (const table of [plain, filtered]) table.addArticle(0, records(held));
        filtered.filterLookups();
        // Keys counted after the filter is made are found too (the table grows past its first capacity).
        for (const table of [plain, filtered]) table.addArticle(1, records(later));
        for (const probe of [...held, ...later, ...probes, 0]) {
          expect(filtered.has(probe)).toBe(plain.has(probe));
          expect(filtered.documentFrequency(probe)).toBe(plain.documentFrequency(probe));
          expect(filtered.firstHolder(probe, [0, 1000])).toBe(plain.firstHolder(probe, [0, 1000]));
        }
      }),
    );
  });
});

describe('FingerprintCounts.addArticle with holders', () => {
  it('tells, counting in article order, each fingerprint’s first holder: settled when it is an earlier article', () => {
    const key = fc.integer({ min: 0, max: 40 });
    fc.assert(
      fc.property(fc.array(fc.array(key, { minLength: 1, maxLength: 30 }), { minLength: 1, maxLength: 12 }), (articles) => {
        const sentenceBase = articles.map((_, article) => article * 100);
        const settled = new FingerprintCounts();
        articles.forEach((hashes, article) => settled.addArticle(article, records(hashes)));
        const inOrder = new FingerprintCounts();
        articles.forEach((hashes, article) => {
          const told = { out: new Int32Array(hashes.length).fill(-2), sentenceBase };
          inOrder.addArticle(article, records(hashes), false, told);
          const base = sentenceBase[article]!;
          hashes.forEach((hash, h) => {
            const holder = told.out[h]!;
            const final = settled.firstHolder(hash, sentenceBase);
            // An earlier article's holder is the one the whole count settles on; else neither is earlier.
            if (holder < base) expect(holder).toBe(final);
            else expect(final).toBeGreaterThanOrEqual(base);
          });
        });
      }),
    );
  });
});

describe('FingerprintCounts.addInOrder', () => {
  it('tells, counting in article order, each fingerprint’s first holder so far and its latest in an earlier article: the first sentence there', () => {
    const key = fc.integer({ min: 0, max: 30 });
    const sentence = fc.array(key, { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(fc.array(fc.array(sentence, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 12 }), (articles) => {
        const sentenceBase = articles.map((_, article) => article * 100);
        const counts = new FingerprintCounts();
        const plain = new FingerprintCounts();
        articles.forEach((sentences, article) => {
          const hashes = sentences.flat();
          const told = { out: new Int32Array(hashes.length).fill(-2), latest: new Int32Array(hashes.length).fill(-2), sentenceBase };
          counts.addInOrder(article, records(...sentences), told);
          plain.addArticle(article, records(...sentences));
          // By hand: the first sentence holding the hash in the first article (this one included), and in the last earlier one.
          const holderIn = (from: number, to: number, step: number, hash: number): number => {
            for (let other = from; other !== to; other += step) {
              const s = articles[other]!.findIndex((words) => words.includes(hash));
              if (s >= 0) return sentenceBase[other]! + s;
            }
            return -1;
          };
          hashes.forEach((hash, h) => {
            expect(told.out[h]).toBe(holderIn(0, article + 1, 1, hash));
            expect(told.latest[h]).toBe(holderIn(article - 1, -1, -1, hash));
          });
        });
        // The documents are counted as by addArticle.
        for (const hash of new Set(articles.flat(2))) expect(counts.documentFrequency(hash)).toBe(plain.documentFrequency(hash));
      }),
    );
  });
});

describe('RepeatIndex', () => {
  it('tables only fingerprints met twice, and counts them with their first holder', () => {
    const index = new RepeatIndex(100);
    const articles = [records([1, 2], [2, 3]), records([3, 4]), records([4, 5, 3])];
    articles.forEach((article) => index.mark(article.hashes));
    expect([1, 5].map((hash) => index.table.has(hash))).toEqual([false, false]);
    expect([2, 3, 4].map((hash) => index.table.has(hash))).toEqual([true, true, true]);
    // Counted in any order, once every article is marked.
    [2, 0, 1].forEach((article) => index.count(article, articles[article]!));
    const sentenceBase = [0, 2, 3, 4];
    // Met twice in one article: tabled, but only ever held by that one article.
    expect(index.table.documentFrequency(2)).toBe(1);
    expect(index.table.firstHolder(2, sentenceBase)).toBe(0);
    expect(index.table.documentFrequency(3)).toBe(3);
    expect(index.table.firstHolder(3, sentenceBase)).toBe(1);
    expect(index.table.firstHolder(4, sentenceBase)).toBe(2);
    expect(index.table.firstHolder(1, sentenceBase)).toBe(-1);
  });
});

describe('mergeCounts', () => {
  // A corpus of articles, each of sentences, each of a few fingerprints from a small range (so that
  // they repeat within and across articles), split into two parts counted in any order.
  const corpus = fc
    .array(fc.array(fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 6 }), { maxLength: 6 }), { minLength: 1, maxLength: 14 })
    .chain((articles) =>
      fc.record({
        articles: fc.constant(articles.map((sentences) => records(...sentences))),
        part: fc.array(fc.boolean(), { minLength: articles.length, maxLength: articles.length }),
        order: fc.array(fc.double({ noNaN: true }), { minLength: articles.length, maxLength: articles.length }),
      }),
    );

  it('gives, from two parts of a corpus counted apart in any order, exactly the counts of the whole', () => {
    fc.assert(
      fc.property(corpus, ({ articles, part, order }) => {
        const whole = countFingerprints(articles.map((article, index) => ({ article: index, records: article })));
        const shuffled = articles.map((article, index) => ({ article: index, records: article })).sort((a, b) => order[a.article]! - order[b.article]!);
        const first = countFingerprints(shuffled.filter(({ article }) => part[article]));
        const second = countFingerprints(shuffled.filter(({ article }) => !part[article]));
        expect(settled(mergeCounts(first, second))).toEqual(settled(whole));
        expect(settled(mergeCounts(second, first))).toEqual(settled(whole));
      }),
    );
  });

  it('is associative: three parts merged either way give the same counts', () => {
    fc.assert(
      fc.property(corpus, fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 14, maxLength: 14 }), ({ articles }, partOf) => {
        const parts = [0, 1, 2].map((p) => countFingerprints(articles.flatMap((article, index) => (partOf[index] === p ? [{ article: index, records: article }] : []))));
        const [a, b, c] = parts as [FingerprintCounts, FingerprintCounts, FingerprintCounts];
        expect(settled(mergeCounts(mergeCounts(a, b), c))).toEqual(settled(mergeCounts(a, mergeCounts(b, c))));
      }),
    );
  });

  it('agrees with a plain count of distinct articles and least (article, sentence) holder', () => {
    fc.assert(
      fc.property(corpus, ({ articles }) => {
        const holders = new Map<number, { articles: Set<number>; first: [number, number] }>();
        articles.forEach(({ offsets, hashes }, article) => {
          for (let s = 0; s + 1 < offsets.length; s += 1) {
            for (let h = offsets[s]!; h < offsets[s + 1]!; h += 1) {
              const entry = holders.get(hashes[h]!) ?? { articles: new Set<number>(), first: [article, s] };
              entry.articles.add(article);
              holders.set(hashes[h]!, entry);
            }
          }
        });
        const expected = [...holders].map(([hash, entry]) => [hash, entry.articles.size, ...entry.first]).sort((a, b) => a[0]! - b[0]!);
        const counted = countFingerprints(articles.map((article, index) => ({ article: index, records: article })));
        expect(settled(counted)).toEqual(expected);
      }),
    );
  });
});
