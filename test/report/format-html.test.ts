import { describe, expect, it } from 'vitest';
import { formatHtml } from '../../src/report/format-html.js';
import { groupBySource } from '../../src/report/group-by-source.js';
import { dedupe } from '../../src/pipeline.js';
import { corpusArticles } from '../helpers.js';
import { largeInput } from './html/large-input.js';

/** The page's embedded data, parsed back. */
function dataOf(html: string): { reader: { text: string }[]; limits: Record<string, number> } {
  const match = /<script type="application\/json" id="newsdedup-data">(.*?)<\/script>/s.exec(html);
  return JSON.parse(match![1]!) as { reader: { text: string }[]; limits: Record<string, number> };
}

describe('formatHtml', () => {
  it('is one self-contained page: no external resource, and a policy that forbids fetching any', async () => {
    const articles = corpusArticles();
    const result = await dedupe(articles);
    const html = formatHtml({ report: result.report, shared: result.shared, texts: new Map(articles.map((a) => [a.path, a.text])) });
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none';`);
    expect(html).not.toMatch(/<(link|img|iframe|object|embed)\b/i);
    expect(html).not.toMatch(/<script[^>]*\bsrc=/i);
    expect(html).not.toMatch(/https?:\/\//);
    expect(dataOf(html).reader.map((entry) => entry.text)).toEqual(articles.map((a) => a.text));
  });

  it('embeds article text that holds </script> and <!-- as data, never as markup', async () => {
    const hostile = 'Breaking: </script><script>document.title="owned"</script> and <!-- a comment --> in the copy.\n';
    const articles = [...corpusArticles(), { path: 'zz-hostile.txt', text: hostile }];
    const result = await dedupe(articles);
    const html = formatHtml({ report: result.report, shared: result.shared, texts: new Map(articles.map((a) => [a.path, a.text])) });
    expect(html.match(/<script\b/g)).toHaveLength(2);
    expect(html).not.toContain('<!-- a comment');
    expect(dataOf(html).reader.at(-1)!.text).toBe(hostile);
  });

  it('stays under 20 MB for 10,000 articles, and says what it left out', () => {
    const input = largeInput();
    const html = formatHtml(input);
    const bytes = Buffer.byteLength(html);
    expect(bytes).toBeLessThan(20 * 1024 * 1024);
    const { limits } = dataOf(html);
    expect(limits['heatmapShown']).toBe(40);
    expect(limits['heatmapOf']).toBe(10_000);
    expect(limits['pairsListed']).toBe(1000);
    expect(limits['pairsTotal']).toBe(60_000);
    // The corpus holds about 27 MB of text; the reader takes what fits its 12 MB.
    const corpusChars = [...input.texts.values()].reduce((sum, text) => sum + text.length, 0);
    expect(corpusChars).toBeGreaterThan(20_000_000);
    expect(limits['readerShown']).toBeGreaterThan(3000);
    expect(limits['readerShown']).toBeLessThan(10_000);
  });

  it('shows shared % to one decimal in its title and by-source table, as the table format does', async () => {
    const articles = corpusArticles();
    const result = await dedupe(articles);
    const html = formatHtml({ report: result.report, shared: result.shared, texts: new Map(articles.map((a) => [a.path, a.text])), bySource: groupBySource(result.report) });
    const shown = result.report.totals.sharedPct.toFixed(1);
    expect(result.report.totals.sharedPct.toFixed(2)).not.toBe(`${shown}0`); // a figure with a second decimal to drop
    expect(html).toContain(`<title>newsdedup report: 5 articles, ${shown}% shared</title>`);
    const row = /<section id="by-source".*?<tbody>\n(<tr>.*?<\/tr>)/s.exec(html)?.[1] ?? '';
    expect(row).toBe(`<tr><th scope="row">(no source)</th><td class="num">5</td><td class="num">${result.report.totals.words}</td><td class="num">${result.report.totals.sharedWords}</td><td class="num">${shown}</td><td class="num">${result.report.totals.chromeWords}</td><td class="num">0</td></tr>`);
  });

  it('shows at most 200 sources and 200 blocks across sources in its by-source section, and says every one is in --format json', async () => {
    const articles = corpusArticles();
    const result = await dedupe(articles);
    const MANY = 300_000;
    const bySource = {
      sources: Array.from({ length: MANY }, (_, i) => ({ source: `site-${String(i).padStart(6, '0')}`, articles: 1, words: MANY - i, sharedWords: 0, sharedPct: 0, chromeWords: 0, duplicates: 0 })),
      sharedAcross: Array.from({ length: MANY }, (_, i) => ({ block: `b${String(i).padStart(10, '0')}`, label: 'A background', words: 40, sources: [{ source: 'site-000000', articles: 1 }, { source: 'site-000001', articles: 1 }] })),
    };
    const html = formatHtml({ report: result.report, shared: result.shared, texts: new Map(articles.map((a) => [a.path, a.text])), bySource });
    const section = /<section id="by-source".*?<\/section>/s.exec(html)?.[0] ?? '';
    expect(section).toContain('The 200 of 300000 sources with most words; every one is in <code>--format json</code>.');
    expect(section).toContain('The 200 of 300000 in most sources; every one is in <code>--format json</code>.');
    expect(section.match(/<tr><th scope="row">/g)).toHaveLength(400);
  });
});
