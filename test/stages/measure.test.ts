import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { topPairs } from '../../src/stages/measure.js';
import { percent } from '../../src/lib/percent.js';
import type { PairBudget } from '../../src/stages/measure.js';
import { bruteForcePairs, buildLayout, measureLayout } from './measure-layout.js';
import type { Layout } from './measure-layout.js';
import { dedupe } from '../../src/pipeline.js';

describe('percent', () => {
  it('rounds to two decimals and gives 0 for an empty whole', () => {
    expect(percent(1, 3)).toBe(33.33);
    expect(percent(2, 3)).toBe(66.67);
    expect(percent(0, 0)).toBe(0);
    expect(percent(5, 5)).toBe(100);
  });
});

const block = 'The ceasefire was agreed in Doha after four days of talks between the two delegations. It took effect at midnight on Friday.';
const { report } = await dedupe([
  { path: 'short.txt', text: `Short title\n\n${block}` },
  { path: 'long.txt', text: `Long title\n\nA long report of its own that runs on for a good many words before it comes to the point at last.\n\n${block}` },
  { path: 'apart.txt', text: 'Nothing shared here at all, only local weather news for the coast.' },
]);

describe('measure', () => {
  it('gives each pair both directions, as shares of each article', () => {
    expect(report.pairs).toHaveLength(1);
    const [pair] = report.pairs;
    expect(pair).toMatchObject({ a: 'long.txt', b: 'short.txt' });
    const long = report.articles.find((a) => a.path === 'long.txt')!;
    const short = report.articles.find((a) => a.path === 'short.txt')!;
    expect(pair!.aInB).toBe(percent(long.sharedWords, long.words));
    expect(pair!.bInA).toBe(percent(short.sharedWords, short.words));
    expect(pair!.bInA).toBeGreaterThan(pair!.aInB);
  });

  it('writes an article’s members in the report’s order: a record’s metadata only when set, a duplicate’s original before its words', async () => {
    const text = `Title\n\n${block}`;
    const records = await dedupe([
      { path: 'feed.jsonl#1', text, id: '1', title: 'Ceasefire', date: '2025-01-02', source: 'wire' },
      { path: 'feed.jsonl#2', text, id: '2', date: '2025-01-03' },
      { path: 'plain.txt', text: 'Nothing shared here at all, only local weather news for the coast.' },
    ]);
    const keys = (path: string) => Object.keys(records.report.articles.find((a) => a.path === path)!);
    const counts = ['words', 'uniqueWords', 'sharedWords', 'sharedPct', 'chromeWords', 'blocks', 'spans'];
    expect(keys('feed.jsonl#1')).toEqual(['path', 'id', 'title', 'date', 'source', ...counts]);
    expect(keys('feed.jsonl#2')).toEqual(['path', 'id', 'date', 'duplicateOf', ...counts]);
    expect(keys('plain.txt')).toEqual(['path', ...counts]);
  });

  it('sums totals over articles', () => {
    expect(report.totals).toMatchObject({ articles: 3, blocks: 1, sharedWords: report.articles.reduce((sum, a) => sum + a.sharedWords, 0) });
  });
});

describe('measure with many pairs', () => {
  // 1,200 articles that hold the block, each with its own padding: about 720,000 pairs, more than
  // the kept list ever holds at once, so the leaders are chosen while counting. Every other copy
  // is lightly edited, so that a block in every article is a shared background, not site furniture.
  const edited = block.replace('four days of talks', 'four long days of talks');
  const articles = Array.from({ length: 1200 }, (_, i) => ({
    path: `${String(i).padStart(4, '0')}.txt`,
    text: `Story ${i}\n\n${'Own words of this story alone. '.repeat(i % 37)}\n\n${i % 2 === 0 ? block : edited}\n`,
  }));
  const all = dedupe(articles, { maxPairs: 1_000_000 });
  const top = dedupe(articles, { maxPairs: 25 });

  it('counts every pair and lists the ones that share most, as a full sort would', async () => {
    const full = (await all).report;
    const limited = (await top).report;
    expect(full.totals.pairs).toBe((1200 * 1199) / 2);
    expect(limited.totals.pairs).toBe(full.totals.pairs);
    expect(full.pairs).toHaveLength(full.totals.pairs);
    expect(limited.pairs).toEqual(full.pairs.slice(0, 25));
  }, 60_000);
});

/** A random layout: up to 40 articles, up to 8 blocks, some held by most articles and some by few. */
const layout = fc
  .record({
    blocks: fc.integer({ min: 1, max: 8 }),
    articles: fc.array(fc.record({ words: fc.integer({ min: 0, max: 60 }), picks: fc.array(fc.record({ block: fc.nat(), words: fc.integer({ min: 0, max: 30 }) }), { maxLength: 4 }) }), { minLength: 2, maxLength: 40 }),
    wide: fc.nat(7),
  })
  .map(({ blocks, articles, wide }): Layout => ({
    blocks,
    words: articles.map((article) => article.words),
    // Blocks below `wide` are furniture: most articles hold them.
    holds: articles.map((article, index) => [...(index % 4 !== 0 && wide < blocks ? [{ block: wide, words: 5 }] : []), ...article.picks.map((pick) => ({ block: pick.block % blocks, words: pick.words }))]),
  }));

/** Budgets that send every block, some or none down each path: one by one, by subsets, by signatures compared two by two, by sample. */
const budgets: readonly (PairBudget | undefined)[] = [
  undefined,
  { narrowPairs: 0, groupSteps: 2 ** 24 },
  { narrowPairs: 30, groupSteps: 2 ** 24 },
  { narrowPairs: 0, groupSteps: 25 },
  { narrowPairs: 0, groupSteps: 0 },
  { narrowPairs: 30, groupSteps: 40 },
];

describe('measure on random block layouts', () => {
  it.each(budgets.map((budget) => [JSON.stringify(budget ?? 'default'), budget] as const))('finds the pairs a brute-force walk finds (budget %s)', (_, budget) => {
    fc.assert(
      fc.property(layout, fc.integer({ min: 1, max: 30 }), (generated, maxPairs) => {
        const all = bruteForcePairs(generated);
        const report = measureLayout(generated, maxPairs, budget);
        expect(report.pairs).toEqual(all.slice(0, maxPairs));
        const { blocks, occurrences } = buildLayout(generated);
        const counted = topPairs(report.articles, blocks, occurrences, maxPairs, budget);
        expect(counted.pairCount).toBe(report.totals.pairs);
        if (counted.exact) expect(report.totals.pairs).toBe(all.length);
        else expect(Number.isInteger(report.totals.pairs) && report.totals.pairs >= 0).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
