import { describe, expect, it } from 'vitest';
import { pageModel, wordDiff } from '../../../src/report/html/model.js';
import { dedupe } from '../../../src/pipeline.js';
import { corpusArticles } from '../../helpers.js';

const articles = corpusArticles();
const result = await dedupe(articles);
const texts = new Map(articles.map((article) => [article.path, article.text]));
const input = { report: result.report, shared: result.shared, texts };
const BACKGROUND = 'b51d9bfff19';

describe('pageModel', () => {
  it('holds every article, block and pair of corpus/ by index, and every text for the reader', () => {
    const model = pageModel(input);
    expect(model.articles.map((article) => article.path)).toEqual(articles.map((article) => article.path));
    expect(model.heatmap).toEqual([0, 1, 2, 3, 4]);
    expect(model.pairs).toEqual(result.report.pairs.map((pair) => [model.articles.findIndex((a) => a.path === pair.a), model.articles.findIndex((a) => a.path === pair.b), pair.aInB, pair.bInA]));
    expect(model.reader.map((entry) => entry.article)).toEqual([0, 1, 2, 3, 4]);
    expect(model.limits).toEqual({ articlesShown: 5, articlesOf: 5, pairsListed: 3, pairsTotal: 3, heatmapShown: 5, heatmapOf: 5, readerShown: 5, blockTextsShown: 3 });
    const background = model.blocks.findIndex((block) => block.id === BACKGROUND);
    expect(model.articles[0]!.blocks).toContain(background);
    expect(model.blocks[background]!.reach).toBe(3 * 280);
  });

  it('gives the light edit of the background block as inserted words against the canonical wording', () => {
    const block = pageModel(input).blocks.find((candidate) => candidate.id === BACKGROUND)!;
    const [sentence] = block.variantSentences!;
    expect(sentence!.position).toBe(0);
    expect(sentence!.wordings).toHaveLength(1);
    const diff = sentence!.wordings[0]!.diff;
    expect(diff.filter(([op]) => op === 1).map(([, text]) => text.trim())).toEqual(['banned terrorist', 'group']);
    expect(diff.filter(([op]) => op === -1)).toEqual([]);
    // The pieces put back together give both wordings.
    expect(diff.filter(([op]) => op !== 1).map(([, text]) => text).join('')).toBe(sentence!.canonical);
  });

  it('marks deleted and replaced words', () => {
    expect(wordDiff('the talks failed on Monday', 'the talks stalled on Monday')).toEqual([
      [0, 'the talks '],
      [-1, 'failed'],
      [1, 'stalled'],
      [0, ' on Monday'],
    ]);
  });

  it('keeps to its limits and counts what it left out', () => {
    const model = pageModel({ ...input, limits: { heatmapArticles: 2, readerChars: 6000, blockChars: 100 } });
    // 000 and 002 share the most (59.53% of 000 stands in 002).
    expect(model.heatmap).toEqual([0, 2]);
    expect(model.limits.heatmapShown).toBe(2);
    // Texts go in path order, each one that still fits the budget.
    let used = 0;
    const fitting = articles.map((article, index) => ({ index, size: article.text.length })).filter(({ size }) => (used + size <= 6000 ? ((used += size), true) : false));
    expect(model.reader.map((entry) => entry.article)).toEqual(fitting.map(({ index }) => index));
    expect(model.limits.readerShown).toBe(fitting.length);
    expect(model.limits.readerShown).toBeLessThan(5);
    expect(model.blocks.every((block) => block.text === undefined)).toBe(true);
    expect(model.limits.blockTextsShown).toBe(0);
  });

  it('holds, beyond its article limit, the articles with the most shared words, and keeps every reference on the page', () => {
    const model = pageModel({ ...input, limits: { articles: 2 } });
    // 002 (351 shared words) and 001 (322); 000 has 306.
    expect(model.articles.map((article) => article.path)).toEqual(['001_8471bf5c255b87a9.txt', '002_d7e7be32a90beb73.txt']);
    expect(model.limits).toMatchObject({ articlesShown: 2, articlesOf: 5, heatmapOf: 2 });
    const background = model.blocks.find((block) => block.id === BACKGROUND)!;
    expect(background.articles).toEqual([0, 1]);
    expect(background.holders).toBe(3);
    expect(model.pairs).toEqual([[0, 1, 39.85, 23.97]]);
    expect(model.reader.map((entry) => entry.article)).toEqual([0, 1]);
    for (const block of model.blocks) for (const sentence of block.variantSentences ?? []) for (const wording of sentence.wordings) expect(wording.articles.every((index) => index >= 0 && index < 2)).toBe(true);
  });

  it('gives the reader what the page’s byte budget leaves, counting bytes, not characters', () => {
    expect(pageModel({ ...input, limits: { pageBytes: 0 } }).reader).toEqual([]);
    const urdu = 'پاکستان اور افغانستان کے تعلقات میں کشیدگی ہے۔\n'.repeat(40);
    const withUrdu = { ...input, texts: new Map([...texts, ['zz.txt', urdu]]), report: { ...result.report, articles: [...result.report.articles, { ...result.report.articles[4]!, path: 'zz.txt', spans: [] }] } };
    const all = pageModel(withUrdu);
    expect(all.reader).toHaveLength(6);
    // Room for the five English texts and less than the Urdu one's bytes, though more than its characters.
    const rest = Buffer.byteLength(JSON.stringify({ articles: all.articles, blocks: all.blocks, pairs: all.pairs, problems: [] }));
    const english = articles.reduce((sum, article, index) => sum + Buffer.byteLength(article.text) + 16 * result.report.articles[index]!.spans.length + 32, 0);
    const tight = pageModel({ ...withUrdu, limits: { pageBytes: rest + english + urdu.length + 100 } });
    expect(Buffer.byteLength(urdu)).toBeGreaterThan(urdu.length + 100);
    expect(tight.reader.map((entry) => entry.article)).toEqual([0, 1, 2, 3, 4]);
  });

  it('leaves out of the reader a text that no longer fits its spans', () => {
    const changed = new Map(texts);
    changed.set(articles[0]!.path, 'Cut short.');
    expect(pageModel({ ...input, texts: changed }).reader.map((entry) => entry.article)).toEqual([1, 2, 3, 4]);
  });
});
