/**
 * Every format, of `report` and of `check`, takes a report of a million articles: no spread of a
 * corpus-sized array into a call (which overflows the call stack), no quadratic step.
 */
import { describe, expect, it } from 'vitest';
import type { ArticleReport, BlockReport, Report } from '../../src/types.js';
import { formatReport } from '../../src/report/formats.js';
import { CHECK_FORMATS, type CheckFormatName } from '../../src/report/check-formats.js';
import { check } from '../../src/check.js';
import { jsonChunks } from '../../src/report/format-json.js';

const ARTICLES = 1_000_000;

function millionArticleReport(): Report {
  const articles: ArticleReport[] = new Array<ArticleReport>(ARTICLES);
  for (let i = 0; i < ARTICLES; i += 1) {
    const shared = i % 2 === 0 ? 40 : 0;
    articles[i] = { path: `site-${i % 12}/${String(i).padStart(7, '0')}.txt`, words: 200, uniqueWords: 200 - shared, sharedWords: shared, sharedPct: shared / 2, chromeWords: 0, blocks: shared > 0 ? ['b0000000001'] : [], spans: [] };
  }
  const block: BlockReport = { id: 'b0000000001', label: 'The background', sentences: 2, words: 40, articles: articles.filter((a) => a.sharedWords > 0).map((a) => a.path), variants: 1, minSimilarity: 1 };
  return {
    schema: 1,
    settings: { similarity: 0.8, minBlockWords: 8, chromeMinArticles: 3, shingleSize: 5 },
    totals: { articles: ARTICLES, words: 200 * ARTICLES, uniqueWords: 180 * ARTICLES, sharedWords: 20 * ARTICLES, sharedPct: 10, chromeWords: 0, blocks: 1, pairs: (ARTICLES / 2) * (ARTICLES / 2 - 1) / 2 },
    articles,
    blocks: [block],
    pairs: [{ a: articles[0]!.path, b: articles[2]!.path, aInB: 20, bInA: 20 }],
    problems: [],
  };
}

const report = millionArticleReport();

describe('report formats at a million articles', () => {
  it('csv lists every article', () => {
    const text = formatReport(report, 'csv');
    expect(text).toContain(report.articles[ARTICLES - 1]!.path);
    let lines = 0;
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines += 1;
    expect(lines).toBeGreaterThan(ARTICLES);
  });

  it.each(['table', 'md'] as const)('%s shows the 200 most shared articles, and says where the rest are', (format) => {
    const text = formatReport(report, format);
    expect(text).toContain(format === 'table' ? 'Articles, the 200 of 1000000 most shared' : '## Articles: the 200 of 1000000 most shared');
    // The most shared are the even ones, in order.
    expect(text).toContain(report.articles[398]!.path);
    expect(text).not.toContain(report.articles[400]!.path);
    expect(text).not.toContain(report.articles[1]!.path);
    expect(text.split('\n').length).toBeLessThan(300);
  });

  it('json, as the CLI writes it (in pieces), lists every article', () => {
    let paths = 0;
    let last = '';
    for (const piece of jsonChunks(report)) {
      for (let at = piece.indexOf('"path": '); at >= 0; at = piece.indexOf('"path": ', at + 1)) paths += 1;
      last = piece;
    }
    expect(paths).toBe(ARTICLES);
    expect(last).toContain('"problems": []');
  });

  it.each(Object.keys(CHECK_FORMATS) as CheckFormatName[])('check --format %s judges every article', (format) => {
    const result = check(report, { maxSharedPct: 15 });
    expect(result.articles.filter((article) => article.failures.length > 0)).toHaveLength(ARTICLES / 2);
    const text = CHECK_FORMATS[format]({ result, report, placeOf: (path) => ({ file: path, name: path }) });
    expect(text.length).toBeGreaterThan(0);
    if (format !== 'table' && format !== 'md') expect(text).toContain(report.articles[ARTICLES - 2]!.path);
  }, 180_000);
});
