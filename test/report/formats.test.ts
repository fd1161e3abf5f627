import { describe, expect, it } from 'vitest';
import { dedupe } from '../../src/pipeline.js';
import { formatHtml } from '../../src/report/format-html.js';
import { formatReport } from '../../src/report/formats.js';
import { corpusArticles } from '../helpers.js';

const { report } = await dedupe(corpusArticles());

describe('formatReport', () => {
  it('json parses back to the report', () => {
    expect(JSON.parse(formatReport(report, 'json'))).toEqual(report);
  });

  it('csv has a header and one row per article, with quoted fields where needed', () => {
    const rows = formatReport(report, 'csv').trimEnd().split('\r\n');
    expect(rows[0]).toBe('path,words,uniqueWords,sharedWords,sharedPct,chromeWords,blocks');
    expect(rows).toHaveLength(report.articles.length + 1);
    const first = rows[1]!.split(',');
    expect(first[0]).toBe(report.articles[0]!.path);
    expect(Number(first[4])).toBe(report.articles[0]!.sharedPct);
    expect(first[6]!.split(' ')).toEqual(report.articles[0]!.blocks);
  });

  it('md has a table row per article and per block', () => {
    const md = formatReport(report, 'md');
    expect(md).toContain('| article | words | unique | shared | shared % | chrome | blocks |');
    for (const article of report.articles) expect(md).toContain(`| ${article.path} | ${article.words} |`);
    for (const block of report.blocks) expect(md).toContain(`| \`${block.id}\` |`);
  });

  it('md counts one block as one block', () => {
    const one = { ...report, totals: { ...report.totals, blocks: 1 } };
    expect(formatReport(one, 'md')).toContain(' shared in 1 block; ');
    expect(formatReport(report, 'md')).toContain(` shared in ${report.totals.blocks} blocks; `);
  });

  it('every summary counts one article, word or block in the singular', () => {
    const one = { ...report, totals: { ...report.totals, articles: 1, words: 1, blocks: 1, chromeWords: 1 } };
    expect(formatReport(one, 'table').split('\n')[0]).toBe(`1 article, 1 word: ${report.totals.sharedPct.toFixed(1)}% shared in 1 block, 1 word of chrome removed.`);
    expect(formatReport(one, 'md')).toContain('**1** article, **1** word: ');
    expect(formatReport(one, 'md')).toContain(' shared in 1 block; 1 word of chrome removed.');
    expect(formatHtml({ report: one, shared: [], texts: new Map() })).toContain('<title>newsdedup report: 1 article, ');
  });

  it('table opens with the totals and lists every article, block and pair', () => {
    const table = formatReport(report, 'table');
    expect(table.split('\n')[0]).toBe(`5 articles, ${report.totals.words} words: ${report.totals.sharedPct.toFixed(1)}% shared in ${report.blocks.length} blocks, ${report.totals.chromeWords} words of chrome removed.`);
    for (const article of report.articles) expect(table).toContain(article.path);
    for (const block of report.blocks) expect(table).toContain(block.id);
    expect(table).toContain('Pairs that share text');
  });
});

describe('tables of a large corpus', () => {
  // 250 articles, every fifth one shared: more than a table shows.
  const many = {
    ...report,
    articles: Array.from({ length: 250 }, (_, n) => ({ ...report.articles[0]!, path: `big/${String(n).padStart(3, '0')}.txt`, sharedPct: n % 5 === 0 ? 50 : n % 7, blocks: [] })),
    totals: { ...report.totals, articles: 250 },
  };

  it('table shows the 200 most shared articles, ties in order, and says where every one is', () => {
    const table = formatReport(many, 'table');
    expect(table).toContain("Articles, the 200 of 250 most shared (every one is in --format json and --format csv, and in clean's report.json):");
    const rows = table.split('\n').filter((line) => line.startsWith('big/'));
    expect(rows).toHaveLength(200);
    expect(rows[0]).toMatch(/^big\/000\.txt /);
    expect(rows[49]).toMatch(/^big\/245\.txt /);
    expect(rows[50]).toMatch(/^big\/006\.txt /);
  });

  it('table and md show the 200 blocks of most reach and the 200 pairs that share most, and say so', () => {
    const blocks = Array.from({ length: 230 }, (_, n) => ({ ...report.blocks[0]!, id: `b${String(n).padStart(10, '0')}` }));
    const pairs = Array.from({ length: 230 }, (_, n) => ({ a: `big/${String(n).padStart(3, '0')}.txt`, b: 'big/249.txt', aInB: 10, bInA: 10 }));
    const wide = { ...many, blocks, pairs, totals: { ...many.totals, blocks: 230, pairs: 5000 } };
    const table = formatReport(wide, 'table');
    expect(table).toContain('Blocks, the 200 of 230 that reach furthest (articles × words):');
    expect(table).toContain('b0000000199');
    expect(table).not.toContain('b0000000200');
    expect(table).toContain('Pairs that share text, the 200 of 5000 that share most');
    expect(table.split('\n').filter((line) => /^big\/\d{3}\.txt\s+big\/249\.txt\s/.test(line))).toHaveLength(200);
    const md = formatReport(wide, 'md');
    expect(md).toContain('## Blocks: the 200 of 230 that reach furthest');
    expect(md).toContain('## Pairs (the 200 of 5000 that share most)');
    expect(md.split('\n').filter((line) => line.startsWith('| `b'))).toHaveLength(200);
  });

  it('table and md count the copies of earlier articles under the totals, give the others’ share, and list the copies last', () => {
    // 30 articles of 100 words, every other one half shared; 220 copies of 10 words, each 100% shared.
    const articles = Array.from({ length: 250 }, (_, n) => {
      const path = `big/${String(n).padStart(3, '0')}.txt`;
      if (n >= 30) return { ...report.articles[0]!, path, words: 10, sharedWords: 10, sharedPct: 100, blocks: [], duplicateOf: 'big/000.txt' };
      return { ...report.articles[0]!, path, words: 100, sharedWords: n % 2 === 1 ? 50 : 0, sharedPct: n % 2 === 1 ? 50 : 0, blocks: [] };
    });
    const copied = { ...report, articles, duplicates: articles.slice(30).map((article) => ({ path: article.path, of: 'big/000.txt' })), totals: { ...report.totals, articles: 250, words: 5200, sharedWords: 2950, sharedPct: 56.73 } };
    const table = formatReport(copied, 'table');
    expect(table.split('\n')[1]).toBe('220 articles are copies of earlier ones (2200 words); the other articles are 25.0% shared.');
    expect(table).toContain('Articles, the 200 of 250 most shared, copies of earlier articles last (every one');
    const rows = table.split('\n').filter((line) => line.startsWith('big/'));
    expect(rows[0]).toMatch(/^big\/001\.txt /);
    expect(rows[15]).toMatch(/^big\/000\.txt /);
    expect(rows[30]).toMatch(/^big\/030\.txt /);
    expect(formatReport(copied, 'md')).toContain('\n\n220 articles are copies of earlier ones (2200 words); the other articles are 25% shared.\n\n## Articles: the 200 of 250 most shared, copies of earlier articles last\n');
    expect(formatReport(many, 'table')).not.toContain('copies of earlier');
  });

  it('md shows the same 200, and a corpus of 200 articles or fewer whole', () => {
    expect(formatReport(many, 'md')).toContain("## Articles: the 200 of 250 most shared\n\nEvery article is in the json and csv formats, and in clean's report.json.");
    expect(formatReport(many, 'md').split('\n').filter((line) => line.startsWith('| big/'))).toHaveLength(200);
    expect(formatReport(report, 'md')).toContain('## Articles\n\n| article |');
  });
});

describe('formatTable with long record keys', () => {
  it('cuts a long key in its middle, keeping the file and the end of the URL', () => {
    const path = `news.jsonl#https://www.example.com/national/${'very-long-slug-'.repeat(8)}end/`;
    const long = { ...report, articles: [{ ...report.articles[0]!, path }] };
    const line = formatReport(long, 'table').split('\n').find((row) => row.startsWith('news.jsonl#'))!;
    expect(line.split('  ')[0]).toBe(`${path.slice(0, 32)}…${path.slice(path.length - 31)}`);
    expect(line.split('  ')[0]).toHaveLength(64);
  });
});
