import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMON_HOLDERS, SHORT_COPIES, compareOrder, digestHash, restrictReport, selectContext } from '../../src/stages/context.js';
import { dedupe } from '../../src/pipeline.js';
import { corpusArticles } from '../helpers.js';

/** Holder numbers as the index gives them: article × 100 + sentence. */
const holder = { articleOf: (found: number) => Math.floor(found / 100), sentenceOf: (found: number) => found % 100 };

/** One query sentence: a sketch of `sketch` entries (1, 2, …) and its whole-sentence hash 1000. */
function query(sketch: number, extra: Partial<Parameters<typeof selectContext>[0][number]> = {}) {
  const hashes = Uint32Array.from([...Array.from({ length: sketch }, (_, i) => i + 1), 1000]);
  return { offsets: Uint32Array.from([0, hashes.length]), hashes, inShortLine: new Uint8Array(1), textDigest: '', ...extra };
}

describe('selectContext', () => {
  it('brings an archive sentence that holds three of eight sketch entries, not one that holds two, nor three spread over sentences', () => {
    const holders = new Map<number, number[]>([
      [1, [501, 702, 803]],
      [2, [501, 702, 804]],
      [3, [501, 805]],
      [4, [900]],
    ]);
    const { selected } = selectContext([query(8)], (hash) => holders.get(hash), holder);
    // 5: sentence 1 holds 1, 2 and 3. 7: two entries. 8: three entries, one in each of three sentences.
    expect([...selected]).toEqual([[5, new Set([1])]]);
  });

  it('brings every verbatim copy, and of a short sentence only its verbatim copies while they are few', () => {
    const holders = new Map<number, number[]>([[1000, [203, 304]], [1, [405]]]);
    expect([...selectContext([query(8)], (hash) => holders.get(hash), holder).selected.keys()].sort()).toEqual([2, 3]);
    // A sentence of two sketch entries: the verbatim copies, not the holder of one entry.
    expect([...selectContext([query(2)], (hash) => holders.get(hash), holder).selected.keys()].sort()).toEqual([2, 3]);
    const common = new Map<number, number[]>([[1000, Array.from({ length: SHORT_COPIES + 1 }, (_, i) => i * 100)]]);
    expect(selectContext([query(2)], (hash) => common.get(hash), holder).selected.size).toBe(0);
    expect(selectContext([query(8)], (hash) => common.get(hash), holder).selected.size).toBe(SHORT_COPIES + 1);
  });

  it('finds the edited copies of a sentence whose verbatim copies outnumber COMMON_HOLDERS, and not of a common phrase', () => {
    // 2,100 verbatim copies hold every entry and the whole hash; article 5000's sentence 3, edited, holds entries 1 to 5.
    const verbatim = Array.from({ length: COMMON_HOLDERS + 100 }, (_, i) => (i + 10) * 100);
    const edited = 5000 * 100 + 3;
    const holders = new Map<number, number[]>([[1000, verbatim], ...[1, 2, 3, 4, 5, 6, 7, 8].map((hash) => [hash, hash <= 5 ? [...verbatim, edited] : verbatim] as [number, number[]])]);
    const { selected } = selectContext([query(8)], (hash) => holders.get(hash), holder);
    expect(selected.get(5000)).toEqual(new Set([3]));
    expect(selected.size).toBe(verbatim.length + 1);
    // The same entries, their holders not verbatim copies (a sentence of common phrases): none found.
    const phrases = new Map<number, number[]>([...holders].filter(([hash]) => hash !== 1000));
    expect(selectContext([query(8)], (hash) => phrases.get(hash), holder).selected.size).toBe(0);
  });

  it('leaves a common short line’s verbatim copies unread, by the line’s hash, once however many inputs hold it', () => {
    // 101 verbatim copies, and article 5000 holding the line's two sketch entries but not its words.
    const verbatim = Array.from({ length: SHORT_COPIES + 1 }, (_, i) => i * 100);
    const common = new Map<number, number[]>([[1000, verbatim], [1, [...verbatim, 500000]], [2, [...verbatim, 500000]]]);
    const { selected, unread } = selectContext([query(2), query(2)], (hash) => common.get(hash), holder);
    expect(selected.size).toBe(0);
    expect([...unread.keys()]).toEqual([1000]);
    expect([...unread.get(1000)!]).toEqual(verbatim);
  });

  it('looks up only the sentences asked, and a whole text’s copies by its digest', () => {
    const holders = new Map<number, number[]>([[1000, [203]], [digestHash('abc'), [7099]]]);
    expect(selectContext([query(8, { sentences: new Set() })], (hash) => holders.get(hash), holder).selected.size).toBe(0);
    expect([...selectContext([query(8, { sentences: new Set(), textDigest: 'abc' })], (hash) => holders.get(hash), holder).selected.keys()]).toEqual([70]);
  });

  it('finds holders through the sketch entries few sentences hold, and a sentence of common phrases by its verbatim copies', () => {
    const common = Array.from({ length: COMMON_HOLDERS + 1 }, (_, i) => (i + 10) * 100);
    // 9's sentence 0 holds entries 1 (rare), 2 and 3 (common): found through 1, counted in all three.
    const holders = new Map<number, number[]>([[1, [900]], [2, [900, ...common]], [3, [900, ...common]], ...[4, 5, 6, 7, 8].map((hash) => [hash, common] as [number, number[]])]);
    expect([...selectContext([query(8)], (hash) => holders.get(hash), holder).selected.keys()]).toEqual([9]);
    // Every entry common: only its verbatim copies.
    const everywhere = new Map<number, number[]>([[1000, [300]], ...[1, 2, 3, 4, 5, 6, 7, 8].map((hash) => [hash, common] as [number, number[]])]);
    expect([...selectContext([query(8)], (hash) => everywhere.get(hash), holder).selected.keys()]).toEqual([3]);
  });
});

describe('selectContext, against counting every holder', () => {
  it('brings exactly the sentences that hold the whole hash or 3/8 of the sketch, whatever their numbers', () => {
    // Holder numbers as a large index makes them (article × 4096 + sentence, past 2^31).
    const big = { articleOf: (found: number) => Math.floor(found / 4096), sentenceOf: (found: number) => found % 4096 };
    const holderNumber = fc.tuple(fc.nat({ max: 40 }), fc.nat({ max: 3 })).map(([article, sentence]) => (2 ** 20 + article) * 4096 + sentence);
    fc.assert(
      fc.property(fc.array(fc.uniqueArray(holderNumber, { maxLength: 30 }), { minLength: 9, maxLength: 9 }), (perEntry) => {
        // Entries 1..8 are the sketch, 1000 the whole sentence's hash.
        const holders = new Map<number, number[]>(perEntry.map((list, i) => [i === 8 ? 1000 : i + 1, [...list].sort((a, b) => a - b)]));
        const expected = new Map<number, Set<number>>();
        const votes = new Map<number, number>();
        for (let entry = 1; entry <= 8; entry += 1) for (const found of holders.get(entry) ?? []) votes.set(found, (votes.get(found) ?? 0) + 1);
        const chosen = new Set([...(holders.get(1000) ?? []), ...[...votes].filter(([, count]) => count >= 3).map(([found]) => found)]);
        for (const found of chosen) expected.set(big.articleOf(found), (expected.get(big.articleOf(found)) ?? new Set()).add(big.sentenceOf(found)));
        const { selected } = selectContext([query(8)], (hash) => holders.get(hash), big);
        expect(new Map([...selected].sort(([a], [b]) => a - b))).toEqual(new Map([...expected].sort(([a], [b]) => a - b)));
      }),
    );
  });
});

describe('selectContext over many inputs', () => {
  it('selects, over inputs whose sketches overlap, exactly what each would select alone', () => {
    const big = { articleOf: (found: number) => Math.floor(found / 4096), sentenceOf: (found: number) => found % 4096 };
    const holderNumber = fc.tuple(fc.nat({ max: 30 }), fc.nat({ max: 2 })).map(([article, sentence]) => (2 ** 20 + article) * 4096 + sentence);
    // Twelve sketch entries and three whole-sentence hashes, each with its holders; inputs take 8 entries of the 12.
    const lists = fc.array(fc.uniqueArray(holderNumber, { maxLength: 25 }), { minLength: 15, maxLength: 15 });
    const sketches = fc.array(fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { minLength: 8, maxLength: 8 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(lists, sketches, (perHash, inputs) => {
        const holders = new Map<number, number[]>(perHash.map((list, i) => [i < 12 ? i + 1 : 1000 + i - 12, [...list].sort((a, b) => a - b)]));
        const queries = inputs.map((sketch, q) => {
          const hashes = Uint32Array.from([...sketch, 1000 + (q % 3)]);
          return { offsets: Uint32Array.from([0, hashes.length]), hashes, inShortLine: new Uint8Array(1), textDigest: '' };
        });
        const expected = new Map<number, Set<number>>();
        for (const { hashes } of queries) {
          const votes = new Map<number, number>();
          for (const entry of hashes.subarray(0, 8)) for (const found of holders.get(entry) ?? []) votes.set(found, (votes.get(found) ?? 0) + 1);
          const chosen = [...(holders.get(hashes[8] ?? 0) ?? []), ...[...votes].filter(([, count]) => count >= 3).map(([found]) => found)];
          for (const found of chosen) expected.set(big.articleOf(found), (expected.get(big.articleOf(found)) ?? new Set()).add(big.sentenceOf(found)));
        }
        const { selected } = selectContext(queries, (hash) => holders.get(hash), big);
        expect(new Map([...selected].sort(([a], [b]) => a - b))).toEqual(new Map([...expected].sort(([a], [b]) => a - b)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('compareOrder', () => {
  it('orders files by path, then records by their place in the file', () => {
    const orders = [{ file: 'b.jsonl', ordinal: 0 }, { file: 'a.jsonl', ordinal: 10 }, { file: 'a.jsonl', ordinal: 2 }];
    expect([...orders].sort(compareOrder)).toEqual([{ file: 'a.jsonl', ordinal: 2 }, { file: 'a.jsonl', ordinal: 10 }, { file: 'b.jsonl', ordinal: 0 }]);
  });
});

describe('restrictReport', () => {
  it('keeps the inputs and the blocks they hold, with every holder, and counts the totals again', async () => {
    const { report } = await dedupe(corpusArticles());
    const archive = new Set(report.articles.filter((article) => !article.path.startsWith('001')).map((article) => article.path));
    const restricted = restrictReport(report, (path) => archive.has(path), { path: 'news.index', archiveArticles: 4, contextArticles: 4 });
    const own = report.articles.find((article) => article.path.startsWith('001'))!;
    expect(restricted.articles).toEqual([own]);
    expect(restricted.totals).toMatchObject({ articles: 1, words: own.words, sharedWords: own.sharedWords, sharedPct: own.sharedPct, blocks: own.blocks.length });
    expect(restricted.blocks.map((block) => block.id).sort()).toEqual([...own.blocks].sort());
    // Pak-Afghan relations: 000 and 002 held it in the archive. "Last week…": 002 alone did.
    const label = (id: string) => restricted.blocks.find((block) => block.id === id)!.label;
    expect(restricted.index.joinedBlocks.map(label)).toEqual(['Pak-Afghan relations']);
    expect(restricted.index.newBlocks.map(label)).toEqual([expect.stringMatching(/^Last week/)]);
    expect(restricted.pairs).toEqual([]);
  });
});
