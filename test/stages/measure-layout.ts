/** Block layouts built straight at the measure step's input, and pair figures found by brute force. */
import type { Block, Occurrence } from '../../src/stages/assemble.js';
import { measure } from '../../src/stages/measure.js';
import { percent } from '../../src/lib/percent.js';
import type { PairBudget } from '../../src/stages/measure.js';
import type { PairReport, Report } from '../../src/types.js';

/** Articles by their words, and what each holds: one entry per block occurrence (a block may recur). */
export interface Layout {
  readonly words: readonly number[];
  readonly holds: readonly (readonly { readonly block: number; readonly words: number }[])[];
  readonly blocks: number;
}

export const pathOf = (article: number): string => `${String(article).padStart(6, '0')}.txt`;

/** The measure step's input for a layout. */
export function buildLayout(layout: Layout): { articles: { path: string; words: number }[]; blocks: Block[]; occurrences: Occurrence[][] } {
  const articles = layout.words.map((words, index) => ({ path: pathOf(index), words }));
  const holders = Array.from({ length: layout.blocks }, () => new Set<number>());
  const occurrences: Occurrence[][] = layout.holds.map((held, article) =>
    held.map((occurrence, index) => {
      holders[occurrence.block]?.add(article);
      return { block: occurrence.block, sentences: [], clusters: 1, heading: undefined, start: index * 10, end: index * 10 + 5, words: occurrence.words };
    }),
  );
  const blocks: Block[] = holders.map((set, index) => ({
    id: `b${String(index).padStart(10, '0')}`,
    label: `block ${index}`,
    articles: [...set].sort((x, y) => x - y),
    canonical: Math.min(...set),
    sentences: 1,
    words: 1,
    canonicalText: '',
    variants: 1,
    minSimilarity: 1,
    variantWordings: { sentences: [], headings: [] },
  }));
  return { articles, blocks, occurrences };
}

/** The report `measure` makes of a layout. */
export function measureLayout(layout: Layout, maxPairs: number, budget?: PairBudget): Report {
  const { articles, blocks, occurrences } = buildLayout(layout);
  const settings = { similarity: 0.8, minBlockWords: 8, chromeMinArticles: 3, shingleSize: 3, maxPairs };
  return measure(articles, blocks, occurrences, [], [], settings, budget);
}

/** Every pair that shares a block, with both percentages, in the report's order: visited one by one. */
export function bruteForcePairs(layout: Layout, pathAt: (article: number) => string = pathOf): PairReport[] {
  const own = layout.holds.map((held) => {
    const words = new Map<number, number>();
    for (const occurrence of held) words.set(occurrence.block, (words.get(occurrence.block) ?? 0) + occurrence.words);
    return words;
  });
  const ranked: { high: number; low: number; a: number; b: number; pair: PairReport }[] = [];
  for (let a = 0; a < layout.words.length; a += 1) {
    for (let b = a + 1; b < layout.words.length; b += 1) {
      let sharedA = 0;
      let sharedB = 0;
      let shares = false;
      for (const [block, words] of own[a] ?? []) {
        const other = own[b]?.get(block);
        if (other === undefined) continue;
        shares = true;
        sharedA += words;
        sharedB += other;
      }
      if (!shares) continue;
      const aWords = layout.words[a] ?? 0;
      const bWords = layout.words[b] ?? 0;
      const aInB = percent(Math.min(sharedA, aWords), aWords);
      const bInA = percent(Math.min(sharedB, bWords), bWords);
      ranked.push({ high: Math.max(aInB, bInA), low: Math.min(aInB, bInA), a, b, pair: { a: pathAt(a), b: pathAt(b), aInB, bInA } });
    }
  }
  return ranked.sort((x, y) => y.high - x.high || y.low - x.low || x.a - y.a || x.b - y.b).map((entry) => entry.pair);
}
