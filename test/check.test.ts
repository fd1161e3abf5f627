import { describe, expect, it } from 'vitest';
import { check, parseBaseline } from '../src/check.js';
import { dedupe } from '../src/pipeline.js';
import { corpusArticles } from './helpers.js';

const { report } = await dedupe(corpusArticles());
const failingPaths = (result: ReturnType<typeof check>) => result.articles.filter((a) => a.failures.length > 0).map((a) => a.path.slice(0, 3));

describe('check on corpus/', () => {
  it('passes with no thresholds', () => {
    expect(check(report, {})).toMatchObject({ passed: true, failures: 0 });
  });

  it('--max-shared-pct 50 fails 000, whose background is about half of it, and passes the others', () => {
    const result = check(report, { maxSharedPct: 50 });
    expect(result.passed).toBe(false);
    expect(failingPaths(result)).toEqual(['000']);
    expect(result.articles[0]!.failures[0]).toMatchObject({ rule: 'max-shared-pct', value: 59.53, limit: 50 });
    expect(check(report, { maxSharedPct: 60 }).passed).toBe(true);
  });

  it('--max-corpus-shared-pct fails the corpus as a whole, not an article', () => {
    const result = check(report, { maxCorpusSharedPct: 25 });
    expect(result.corpus).toEqual([expect.objectContaining({ rule: 'max-corpus-shared-pct', value: 28.43, limit: 25, path: undefined })]);
    expect(failingPaths(result)).toEqual([]);
    expect(check(report, { maxCorpusSharedPct: 30 }).passed).toBe(true);
  });

  it('--min-unique-words fails the articles left with too little of their own', () => {
    expect(failingPaths(check(report, { minUniqueWords: 400 }))).toEqual(['000', '003']);
    expect(check(report, { minUniqueWords: 200 }).passed).toBe(true);
  });

  it('--fail-on-problems fails on a skipped file, and only when asked', () => {
    const withProblem = { ...report, problems: [{ path: 'x.png.txt', code: 'E_BINARY' as const, severity: 'error' as const, message: 'binary' }] };
    expect(check(withProblem, {}).passed).toBe(true);
    expect(check(withProblem, { failOnProblems: true }).corpus).toEqual([expect.objectContaining({ rule: 'fail-on-problems', path: 'x.png.txt' })]);
    const warningOnly = { ...report, problems: [{ path: 'w.txt', code: 'W_NOT_UTF8' as const, severity: 'warning' as const, message: 'decoded' }] };
    expect(check(warningOnly, { failOnProblems: true }).passed).toBe(true);
  });

  it('refuses thresholds out of range', () => {
    expect(() => check(report, { maxSharedPct: 120 })).toThrow(/maxSharedPct must be a percentage/);
    expect(() => check(report, { minUniqueWords: -1 })).toThrow(/minUniqueWords/);
  });
});

// The corpus before 002 came in: what a baseline report would hold.
const before = await dedupe(corpusArticles().filter((article) => !article.path.startsWith('002')));

describe('check against a baseline', () => {
  it('reports the rise, the new blocks and the articles that changed most', () => {
    const result = check(report, {}, before.report);
    expect(result.baseline).toMatchObject({ before: 26.7, after: 28.43, rise: 1.73 });
    expect(result.baseline!.newBlocks.map((block) => block.label)).toEqual([expect.stringMatching(/^Last week, the Foreign Office/), expect.stringMatching(/^Inter-Services Public Relations/)]);
    // 002 is new: it has no shared % to change from, and is listed apart.
    expect(result.baseline!.changed.map((article) => [article.path.slice(0, 3), article.delta])).toEqual([['000', 5.06], ['001', 4.83]]);
    expect(result.baseline!.newArticles).toBe(1);
    expect(result.baseline!.mostSharedNew.map((article) => [article.path.slice(0, 3), article.sharedPct])).toEqual([['002', 26.29]]);
    expect(result.baseline!.renamedBlocks).toEqual([]);
  });

  it('tells a block the baseline held under another id from a new one: 000 runs the heading inline, and the background takes it into its first sentence', async () => {
    // Before 000: 001 and 002 share the background and its closing "Last week…" sentence as one block.
    const without000 = await dedupe(corpusArticles().filter((article) => !article.path.startsWith('000')));
    expect(without000.report.blocks).toHaveLength(1);
    const was = without000.report.blocks[0]!.id;
    const change = check(report, {}, without000.report).baseline!;
    // The background now opens with "Pak-Afghan relations", and "Last week…" is a block of its own: both were shared before.
    expect(change.renamedBlocks.map((block) => [block.label.slice(0, 20), block.was])).toEqual([
      ['Pak-Afghan relations', was],
      ['Last week, the Forei', was],
    ]);
    // Only the sentence 000 shares with 002 is new shared text.
    expect(change.newBlocks.map((block) => block.label)).toEqual([expect.stringMatching(/^Inter-Services Public Relations/)]);
  });

  it('counts a block as new when the baseline held its articles but not its text as a block', () => {
    // The same articles, every block's spans taken away from the baseline: nothing was shared then.
    const unshared = { ...report, blocks: [], articles: report.articles.map((article) => ({ ...article, spans: article.spans.filter((span) => span.kind !== 'block') })) };
    const change = check(report, {}, unshared).baseline!;
    expect(change.renamedBlocks).toEqual([]);
    expect(change.newBlocks).toHaveLength(report.blocks.length);
  });

  it('fails with --max-rise below the rise, and passes at or above it', () => {
    expect(check(report, { maxRise: 1 }, before.report).corpus).toEqual([expect.objectContaining({ rule: 'max-rise', value: 1.73, limit: 1 })]);
    expect(check(report, { maxRise: 2 }, before.report).passed).toBe(true);
  });

  it('warns when the baseline’s ids are not this run’s, as when a folder was added above the articles', async () => {
    expect(check(report, {}, before.report).baseline).toMatchObject({ matched: 4 });
    expect(check(report, {}, before.report).baseline?.warning).toBeUndefined();
    const moved = await dedupe(corpusArticles().map((article) => ({ ...article, path: `monday/${article.path}` })));
    const change = check(moved.report, {}, before.report).baseline!;
    expect(change.matched).toBe(0);
    expect(change.warning).toBe("only 0 of this run's 5 articles are in the baseline by id: its ids may come from another root (inputs named otherwise, or a folder added); with --index, ids are paths from the index's folder and stay the same as the corpus grows");
  });

  it('refuses a baseline that is not a report', () => {
    expect(() => parseBaseline('{"schema": 2}', 'old.json')).toThrow(/Cannot use the baseline `old.json`: it is not a newsdedup report.json of schema 1/);
    expect(() => parseBaseline('not json', 'old.json')).toThrow(/it is not JSON/);
    expect(parseBaseline(JSON.stringify(before.report), 'old.json')).toEqual(before.report);
  });
});
