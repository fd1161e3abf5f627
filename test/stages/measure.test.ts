import { describe, expect, it } from 'vitest';
import { percent } from '../../src/stages/measure.js';
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

  it('sums totals over articles', () => {
    expect(report.totals).toMatchObject({ articles: 3, blocks: 1, sharedWords: report.articles.reduce((sum, a) => sum + a.sharedWords, 0) });
  });
});

describe('measure with many pairs', () => {
  // 1,200 articles that hold the block, each with its own padding: about 720,000 pairs, more than
  // the kept list ever holds at once, so the leaders are chosen while counting.
  const articles = Array.from({ length: 1200 }, (_, i) => ({
    path: `${String(i).padStart(4, '0')}.txt`,
    text: `Story ${i}\n\n${'Own words of this story alone. '.repeat(i % 37)}\n\n${block}\n`,
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
