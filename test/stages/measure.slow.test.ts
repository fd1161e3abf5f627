/**
 * The case at the measure step: 20,000 short articles that all hold one furniture line,
 * about 200 million pairs, which the step must count and rank without visiting them one by one.
 */
import { describe, expect, it } from 'vitest';
import { topPairs } from '../../src/stages/measure.js';
import { bruteForcePairs, buildLayout, measureLayout, pathOf } from './measure-layout.js';
import type { Layout } from './measure-layout.js';

const FURNITURE = 0;
const STORY = 1;
const REPRINT = 2;
const HOLDERS = 20_000;
// Articles 20,000 to 20,002 do not hold the furniture line: they share a reprint with article 7.
const words = Array.from({ length: HOLDERS + 3 }, (_, article) => 30 + ((article * 7919) % 200));
const holds = words.map((_, article) => [
  ...(article < HOLDERS ? [{ block: FURNITURE, words: 16 }] : []),
  ...([10, 500, 19_999].includes(article) ? [{ block: STORY, words: 20 }] : []),
  ...(article === 7 || article >= HOLDERS ? [{ block: REPRINT, words: 25 }] : []),
]);
const layout: Layout = { blocks: 3, words, holds };

describe('measure with one furniture line in 20,000 articles', () => {
  const maxPairs = 1000;
  const report = measureLayout(layout, maxPairs);

  it('counts every pair exactly: the line’s, and the reprint’s outside it', () => {
    const { blocks, occurrences } = buildLayout(layout);
    expect(topPairs(report.articles, blocks, occurrences, maxPairs).exact).toBe(true);
    expect(report.totals.pairs).toBe((HOLDERS * (HOLDERS - 1)) / 2 + 3 + 3);
  });

  it('lists the pairs a brute-force walk over the leading articles lists', () => {
    // A pair that shares only the line is beaten by the pair of its better article with any article
    // that ranks above its worse one (by share of the line, then path), so the leading pairs lie
    // among the maxPairs + 1 leading articles and those that hold more than the line.
    const byShare = words
      .map((count, article) => ({ article, share: article < HOLDERS ? 16 / count : -1 }))
      .sort((x, y) => y.share - x.share || x.article - y.article)
      .slice(0, maxPairs + 1)
      .map((entry) => entry.article);
    const chosen = [...new Set([...byShare, 7, 10, 500, 19_999, HOLDERS, HOLDERS + 1, HOLDERS + 2])].sort((x, y) => x - y);
    const sub: Layout = { blocks: 3, words: chosen.map((article) => words[article] ?? 0), holds: chosen.map((article) => holds[article] ?? []) };
    const expected = bruteForcePairs(sub, (index) => pathOf(chosen[index] ?? -1)).slice(0, maxPairs);
    expect(report.pairs).toHaveLength(maxPairs);
    expect(report.pairs).toEqual(expected);
  });
});
