/**
 * A report of 10,000 articles of a realistic size (about 2,400 characters, as in the BBC corpus),
 * 2,000 blocks with variants, and 1,000 listed pairs of 60,000: what the HTML page must survive.
 * Built directly, not by a run, so that tests of the page's growth take a second.
 */
import type { HtmlInput } from '../../../src/report/html/model.js';
import type { ArticleReport, BlockReport, PairReport, Report, SharedBlockText } from '../../../src/types.js';

export function largeInput(count = 10_000, blockCount = 2_000): HtmlInput {
  const sentence = (n: number) => `Sentence ${n} of the story says what happened in the capital today, and why it matters to readers. `;
  const pathOf = (i: number) => `desk-${i % 7}/story-${String(i).padStart(5, '0')}.txt`;
  const paths = Array.from({ length: count }, (_, i) => pathOf(i)).sort();
  const blockText = (b: number) => `Background ${b}. ${sentence(b).repeat(4)}`;
  const texts = new Map<string, string>();
  const articles: ArticleReport[] = paths.map((path, i) => {
    const block = i % blockCount;
    const own = sentence(i).repeat(20);
    const shared = blockText(block);
    texts.set(path, `${own}\n\n${shared}\n\nShare this article\n`);
    const words = 400;
    const sharedWords = 72;
    return {
      path,
      words,
      uniqueWords: words - sharedWords - 3,
      sharedWords,
      sharedPct: Math.round((10_000 * sharedWords) / words) / 100,
      chromeWords: 3,
      blocks: [`b${String(block).padStart(10, '0')}`],
      spans: [
        { kind: 'block', block: `b${String(block).padStart(10, '0')}`, start: own.length + 2, end: own.length + 2 + shared.length },
        { kind: 'chrome', start: own.length + 4 + shared.length, end: own.length + 4 + shared.length + 18 },
      ],
    };
  });
  const blocks: BlockReport[] = Array.from({ length: blockCount }, (_, b) => ({
    id: `b${String(b).padStart(10, '0')}`,
    label: `Background ${b}`,
    sentences: 5,
    words: 72,
    articles: paths.filter((_, i) => i % blockCount === b),
    variants: 2,
    minSimilarity: 0.91,
  }));
  const shared: SharedBlockText[] = blocks.map((block, b) => ({
    id: block.id,
    text: blockText(b),
    variantsText: `Variants of block ${block.id}\n${sentence(b)}\n`,
    variants: {
      sentences: [{ position: 1, canonical: sentence(b).trim(), canonicalIn: block.articles[0] ?? '', wordings: [{ text: sentence(b).replace('today', 'on Tuesday').trim(), articles: block.articles.slice(1, 3) }] }],
      headings: [],
    },
  }));
  const pairs: PairReport[] = Array.from({ length: 1000 }, (_, k) => ({ a: paths[k]!, b: paths[k + blockCount]!, aInB: 18, bInA: 18 }));
  const totalWords = count * 400;
  const report: Report = {
    schema: 1,
    settings: { similarity: 0.8, minBlockWords: 8, chromeMinArticles: 3, shingleSize: 3 },
    totals: { articles: count, words: totalWords, uniqueWords: count * 325, sharedWords: count * 72, sharedPct: 18, chromeWords: count * 3, blocks: blockCount, pairs: 60_000 },
    articles,
    blocks,
    pairs,
    problems: [],
  } as Report;
  return { report, shared, texts };
}
