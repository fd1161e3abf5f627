/**
 * The HTML report of corpus/, opened in a real browser: Debian's Chromium, driven by
 * playwright-core. The page is made by the built CLI, as a user makes it.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import axe from 'axe-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/types.js';
import { formatHtml } from '../../src/report/format-html.js';
import { CLI, ROOT, temporaryDirectory } from '../helpers.js';
import { largeInput } from './html/large-input.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(ROOT, 'test', '.artifacts');

/** Runs the CLI on corpus/ and resolves to stdout. */
function report(format: string): Promise<string> {
  const child = spawn(process.execPath, [CLI, 'report', 'corpus', '--format', format], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((done, fail) =>
    child.on('close', (status) => (status === 0 ? done(stdout) : fail(new Error(`report --format ${format} exited ${status}: ${stderr}`)))),
  );
}

describe('the HTML report in Chromium', () => {
  let context: BrowserContext;
  let page: Page;
  let json: Report;
  let url: string;
  const errors: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install -y chromium (as .ci/run does)`).toBe(true);
    // The two reports and the browser start at once: none waits for another.
    const [jsonText, html] = await Promise.all([
      report('json'),
      report('html'),
      chromium.launchPersistentContext(temporaryDirectory(), {
        executablePath: CHROMIUM,
        headless: true,
        viewport: { width: 1366, height: 900 },
        args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      }).then((launched) => (context = launched)),
    ]);
    json = JSON.parse(jsonText) as Report;
    const file = join(temporaryDirectory(), 'report.html');
    writeFileSync(file, html);
    url = pathToFileURL(file).href;
    context.setDefaultTimeout(10_000);
    page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') errors.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(url);
    await page.locator('#reader-text .article-text').waitFor();
  }, 60_000);

  afterAll(async () => {
    await context?.close();
  });

  it('loads with no console error and makes no request but for the file itself', async () => {
    expect(await page.locator('#totals-cards .card').count()).toBe(7);
    expect(await page.locator('#totals-cards').innerText()).toContain('28.4%');
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
  });

  it('shows each article’s shared % to one decimal, as the table format does, and the corpus’s too', async () => {
    const cells = await page.locator('table.articles tbody tr').evaluateAll((rows) => rows.map((row) => [row.querySelector('th')?.textContent, row.lastElementChild?.textContent]));
    expect(Object.fromEntries(cells)).toEqual(Object.fromEntries(json.articles.map((article) => [article.path, article.sharedPct.toFixed(1)])));
    expect(cells).toContainEqual(['000_0c4b9f5ff617bffb.txt', '59.5']); // 59.53 in report.json
    const shared = page.locator('#totals-cards .card', { hasText: 'shared' });
    expect(await shared.locator('.card-value').innerText()).toBe(`${json.totals.sharedPct.toFixed(1)}%`);
    expect(await page.title()).toBe(`newsdedup report: 5 articles, ${json.totals.sharedPct.toFixed(1)}% shared`);
  });

  it('shows in each heatmap cell the aInB of report.json’s pairs, both ways', async () => {
    const cells = await page.locator('button.cell').evaluateAll((buttons) =>
      buttons.map((button) => ({ a: button.getAttribute('data-a'), b: button.getAttribute('data-b'), value: button.getAttribute('data-value'), text: button.textContent })),
    );
    const pathOf = (index: string | null) => json.articles[Number(index)]!.path;
    const shown = new Map(cells.filter((cell) => cell.value !== '').map((cell) => [`${pathOf(cell.a)} in ${pathOf(cell.b)}`, { value: Number(cell.value), text: cell.text }]));
    const expected = new Map<string, number>(json.pairs.flatMap((pair): [string, number][] => [[`${pair.a} in ${pair.b}`, pair.aInB], [`${pair.b} in ${pair.a}`, pair.bInA]]));
    expect(json.pairs.length).toBe(3);
    expect(new Map([...shown].map(([key, cell]) => [key, cell.value]))).toEqual(expected);
    for (const [key, cell] of shown) expect(cell.text, key).toBe(String(Math.round(expected.get(key)!)));
    expect(cells).toHaveLength(5 * 4); // every pair of distinct articles has a cell
  });

  it('lists the blocks two articles share when a cell is chosen, by mouse or keyboard', async () => {
    await page.locator('button.cell[data-a="0"][data-b="1"]').click();
    await expect.poll(() => page.locator('#pair-detail').innerText()).toContain('Pak-Afghan relations');
    expect(await page.locator('#pair-detail').innerText()).toContain('54.47% of 000_0c4b9f5ff617bffb.txt’s words stand in 001_8471bf5c255b87a9.txt');

    // Arrow keys move along the row, and Enter chooses.
    await page.locator('button.cell[data-a="0"][data-b="1"]').focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => [document.activeElement?.getAttribute('data-a'), document.activeElement?.getAttribute('data-b')])).toEqual(['0', '2']);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#pair-detail h3').innerText()).toBe('000_0c4b9f5ff617bffb.txt and 002_d7e7be32a90beb73.txt');
    expect(await page.locator('#pair-detail li').allInnerTexts()).toEqual([
      '“Inter-Services Public Relations (ISPR) Director General (DG) Lieutenant…” · 26 words',
      '“Pak-Afghan relations” · 280 words',
    ]);
  });

  it('folds a shared span in the reader, and unfolds and folds it again on a click', async () => {
    await page.locator('#reader-article').selectOption({ label: '001_8471bf5c255b87a9.txt' });
    const fold = page.locator('#reader-text details.fold').first();
    const folded = fold.locator('.folded');
    expect(await fold.getAttribute('open')).toBeNull();
    expect(await folded.isVisible()).toBe(false);
    expect(await fold.locator('summary').innerText()).toMatch(/^Shared block “Pak-Afghan relations” · 280 words · in 3 articles$/);

    await fold.locator('summary').click();
    expect(await folded.isVisible()).toBe(true);
    // The unfolded text is the article's own, from the span's offsets in report.json.
    const article = json.articles.find((candidate) => candidate.path === '001_8471bf5c255b87a9.txt')!;
    const span = article.spans.find((candidate) => candidate.kind === 'block')!;
    const source = readFileSync(join(ROOT, 'corpus', article.path), 'utf8');
    expect(await folded.textContent()).toBe(source.slice(span.start, span.end));
    expect(await folded.textContent()).toContain('banned terrorist Tehreek-i-Taliban Pakistan (TTP) group');

    await fold.locator('summary').click();
    expect(await folded.isVisible()).toBe(false);

    // Unique text stands as it was.
    const unique = source.slice(0, source.indexOf('\n'));
    expect(await page.locator('#reader-text .article-text').innerText()).toMatch(new RegExp(`^${unique.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\n`));
  });

  it('reads the whole corpus, one article after another, for reading or printing it all', async () => {
    await page.locator('#reader-article').selectOption({ label: 'All 5 articles, one after another' });
    expect(await page.locator('#reader-text .reader-article h3').allInnerTexts()).toEqual(json.articles.map((article) => article.path));
    expect(await page.locator('#reader-text details.fold').count()).toBe(json.articles.reduce((sum, article) => sum + article.spans.filter((span) => span.kind === 'block').length, 0));
  });

  it('strikes chrome through in the reader', async () => {
    await page.locator('#reader-article').selectOption({ label: '002_d7e7be32a90beb73.txt' });
    expect(await page.locator('#reader-text s.chrome').allInnerTexts()).toEqual(['Post a Comment', 'Previous Post Next Post']);
    await page.locator('#reader-article').selectOption({ label: '003_f35d691d0a92c864.txt' });
    expect(await page.locator('#reader-text s.chrome').allInnerTexts()).toEqual(['Leave A Reply', 'Your email address will not be published.']);
  });

  it('marks the words 001 inserts into the background block as inserted in the diff', async () => {
    const block = page.locator('article.block', { hasText: 'Pak-Afghan relations' }).first();
    const inserted = await block.locator('.variants ins').allInnerTexts();
    expect(inserted.map((text) => text.trim())).toEqual(['banned terrorist', 'group']);
    expect(await block.locator('.variants del').count()).toBe(0);
    expect(await block.locator('.variant-where').first().innerText()).toBe('in 001_8471bf5c255b87a9.txt, 002_d7e7be32a90beb73.txt: ');
  });

  it('sorts the article bars by a column', async () => {
    const names = () => page.locator('table.articles tbody th').allInnerTexts();
    expect((await names())[0]).toBe('000_0c4b9f5ff617bffb.txt'); // by shared %, most first
    await page.locator('table.articles th[data-key="words"] button').click();
    expect((await names())[0]).toBe('002_d7e7be32a90beb73.txt'); // by words, most first
    expect(await page.locator('table.articles th[data-key="words"]').getAttribute('aria-sort')).toBe('descending');
    expect(await page.locator('table.articles tbody tr').first().locator('.bar').getAttribute('title')).toBe('unique 977 (73.2%), shared 351 (26.3%), chrome 7 (0.5%)');
  });

  it('stays usable with 10,000 articles: pages of bars and blocks, a heatmap of the top 40, a note on each limit', async () => {
    const file = join(temporaryDirectory(), 'large.html');
    writeFileSync(file, formatHtml(largeInput()));
    const large = await context.newPage();
    const problems: string[] = [];
    large.on('pageerror', (error) => problems.push(error.message));
    large.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    await large.goto(pathToFileURL(file).href);
    await large.locator('#reader-text .article-text').waitFor();
    expect(await large.locator('table.articles tbody tr').count()).toBe(100);
    expect(await large.locator('#articles .pager span').innerText()).toBe('Page 1 of 100');
    await large.locator('#articles .pager button', { hasText: 'Next' }).click();
    expect(await large.locator('#articles .pager span').innerText()).toBe('Page 2 of 100');
    expect(await large.locator('table.heatmap tbody tr').count()).toBe(40);
    expect(await large.locator('#heatmap-note').innerText()).toContain('the 40 articles that overlap most, of 10,000');
    expect(await large.locator('ol.blocks > li').count()).toBe(20);
    expect(await large.locator('#reader-note').innerText()).toMatch(/^The reader holds [\d,]+ of 10,000 articles/);
    // Filters find one article among 10,000, and blocks by their words.
    await large.locator('#articles-filter').fill('story-09999');
    expect(await large.locator('table.articles tbody th').allInnerTexts()).toEqual(['desk-3/story-09999.txt']);
    expect(await large.locator('#articles-count').innerText()).toBe('1 of 10,000 articles match.');
    await large.locator('#blocks-filter').fill('Background 1999.');
    expect(await large.locator('article.block h3').allInnerTexts()).toEqual(['2000. Background 1999']);
    // A block link from a heatmap cell opens the page of blocks that holds it, whatever the filter.
    await large.locator('button.cell:not([data-value=""])').first().click();
    await large.locator('#pair-detail a').first().click();
    expect(await large.evaluate(() => document.activeElement?.className)).toBe('block');
    expect(problems).toEqual([]);
    await large.close();
  });

  it('passes axe-core’s accessibility rules (WCAG 2.1 AA, colour contrast included), folds and pair details open', async () => {
    await page.locator('#reader-article').selectOption({ label: '000_0c4b9f5ff617bffb.txt' });
    await page.locator('#reader-text details.fold summary').first().click();
    await page.locator('button.cell[data-a="1"][data-b="0"]').click();
    await page.addScriptTag({ content: axe.source });
    const violations = await page.evaluate(async () => {
      const run = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run;
      const result = await run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }, resultTypes: ['violations'] });
      return result.violations.map((violation) => `${violation.impact} ${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
    });
    expect(violations).toEqual([]);
  });

  it('lets the reader’s text be selected and copied as it stands', async () => {
    await page.locator('#reader-article').selectOption({ label: '004_369858f5ca9101d7.txt' });
    const selected = await page.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.querySelector('#reader-text .article-text')!);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return selection.toString();
    });
    expect(selected.trim()).toBe(readFileSync(join(ROOT, 'corpus', '004_369858f5ca9101d7.txt'), 'utf8').trim());
  });

  it('saves a screenshot of the page as a test artifact', async () => {
    await page.goto(url);
    await page.locator('#reader-text .article-text').waitFor();
    // The state the README's picture shows: a pair chosen, and a block unfolded in the reader.
    await page.locator('button.cell[data-a="0"][data-b="2"]').click();
    await page.locator('#reader-text details.fold summary').first().click();
    mkdirSync(ARTIFACTS, { recursive: true });
    const path = join(ARTIFACTS, 'html-report.png');
    await page.screenshot({ path, fullPage: true });
    expect(readFileSync(path).subarray(1, 4).toString()).toBe('PNG');
    // Printing hides the controls that mean nothing on paper.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('nav.toc').isVisible()).toBe(false);
    expect(await page.locator('#reader-text .article-text').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    expect(errors).toEqual([]);
  });
});
