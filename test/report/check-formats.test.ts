import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import { dedupe } from '../../src/pipeline.js';
import { CHECK_FORMATS } from '../../src/report/check-formats.js';
import { corpusArticles } from '../helpers.js';

const { report } = await dedupe(corpusArticles());
const placeOf = (path: string) => ({ file: `corpus/${path}`, name: `corpus/${path}` });
const failed = { result: check(report, { maxSharedPct: 50, maxCorpusSharedPct: 20 }), report, placeOf };
const passed = { result: check(report, {}), report, placeOf };

describe('check formats', () => {
  it('junit: valid XML, a test case per article and one for the corpus, failing where a threshold fails', () => {
    const xml = CHECK_FORMATS.junit(failed);
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'testcase' || name === 'failure' }).parse(xml);
    const suite = parsed.testsuites.testsuite;
    expect(suite.testcase).toHaveLength(report.articles.length + 1);
    expect(Number(suite.tests)).toBe(report.articles.length + 1);
    expect(Number(suite.failures)).toBe(2);
    const failing = suite.testcase.filter((testcase: { failure?: unknown[] }) => testcase.failure !== undefined);
    expect(failing.map((testcase: { name: string }) => testcase.name)).toEqual(['corpus', report.articles[0]!.path]);
    expect(failing[1].failure[0]).toMatchObject({ type: 'max-shared-pct', message: expect.stringContaining('59.53%') });
    expect(failing[1].file).toBe(`corpus/${report.articles[0]!.path}`);
    expect(XMLValidator.validate(CHECK_FORMATS.junit(passed))).toBe(true);
  });

  it('junit: stays readable XML when a key or label holds a control character', () => {
    const odd = { ...report, articles: report.articles.map((a, i) => (i === 0 ? { ...a, path: 'bad\u0001key.txt' } : a)) };
    const xml = CHECK_FORMATS.junit({ result: check(odd, { maxSharedPct: 50 }), report: odd, placeOf });
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('name="bad\ufffdkey.txt"');
  });

  it('junit: escapes what XML cannot hold as it is', () => {
    const odd = { ...report, articles: report.articles.map((a, i) => (i === 0 ? { ...a, path: 'a&b <"c">.txt' } : a)) };
    const xml = CHECK_FORMATS.junit({ result: check(odd, { maxSharedPct: 50 }), report: odd, placeOf });
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml).testsuites.testsuite.testcase[1].name).toBe('a&b <"c">.txt');
  });

  it('github: an ::error workflow command per failure, on the article’s file, then the verdict', () => {
    const lines = CHECK_FORMATS.github(failed).trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^::error title=newsdedup max-corpus-shared-pct::28\.43%25 of the corpus/);
    expect(lines[1]).toMatch(new RegExp(`^::error file=corpus/${report.articles[0]!.path},title=newsdedup max-shared-pct::59\\.53%25 of its words`));
    expect(lines[2]).toMatch(/^::error title=newsdedup check::FAIL/);
    expect(CHECK_FORMATS.github(passed)).toMatch(/^::notice title=newsdedup check::PASS/);
  });

  it('md: totals, a table of failures and the top blocks by reach', () => {
    const md = CHECK_FORMATS.md(failed);
    expect(md).toMatch(/^## newsdedup check: ❌ fail/);
    expect(md).toContain('| corpus | max-corpus-shared-pct | 28.43 | 20 |');
    expect(md).toContain(`| corpus/${report.articles[0]!.path} | max-shared-pct | 59.53 | 50 |`);
    expect(md).toContain('| b51d9bfff19 | 3 | 280 | Pak-Afghan relations |');
    expect(CHECK_FORMATS.md(passed)).not.toContain('### Failures');
  });

  it('md: a summary shows the first 50 failures and says where the rest are', () => {
    const many = { ...report, articles: Array.from({ length: 120 }, (_, i) => ({ ...report.articles[0]!, path: `a${String(i).padStart(3, '0')}.txt` })) };
    const md = CHECK_FORMATS.md({ result: check(many, { maxSharedPct: 50 }), report: many, placeOf });
    expect(md.split('\n').filter((line) => line.includes('| max-shared-pct |'))).toHaveLength(50);
    expect(md).toContain('| corpus/a049.txt | max-shared-pct |');
    expect(md).not.toContain('| corpus/a050.txt |');
    expect(md).toContain('…and 70 more failures: `--format json`, `junit` or `github` lists every one.');
  });

  it('lists the articles new since a baseline apart from those that changed, in the table and in Markdown', () => {
    const before = { ...report, articles: report.articles.slice(1) };
    const since = { result: check(report, {}, before), report, placeOf };
    const first = report.articles[0]!;
    expect(CHECK_FORMATS.table(since)).toContain(`1 article new since the baseline; the most shared:\n  corpus/${first.path}: ${first.sharedPct}% (new)`);
    expect(CHECK_FORMATS.table(since)).not.toContain(`corpus/${first.path}: 0% →`);
    expect(CHECK_FORMATS.md(since)).toContain(`| corpus/${first.path} | ${first.sharedPct} |`);
  });

  it('md: counts one block as one block, several as blocks', () => {
    const one = { ...report, totals: { ...report.totals, blocks: 1 } };
    expect(CHECK_FORMATS.md({ result: check(one, {}), report: one, placeOf })).toContain(' shared in 1 block. ');
    expect(CHECK_FORMATS.md(passed)).toContain(` shared in ${report.totals.blocks} blocks. `);
  });

  it('the verdict counts one article in the singular', () => {
    const one = { ...report, articles: report.articles.slice(0, 1), totals: { ...report.totals, articles: 1 } };
    expect(CHECK_FORMATS.table({ result: check(one, {}), report: one, placeOf })).toMatch(/^newsdedup check: PASS: 1 article, /);
    expect(CHECK_FORMATS.table({ result: check(one, { maxSharedPct: 50 }), report: one, placeOf })).toMatch(/^newsdedup check: FAIL: max-shared-pct in 1 of 1 article; /);
  });

  it('the verdict tells threshold failures of articles and of the corpus from input problems', () => {
    const withProblems = { ...report, problems: [{ path: 'x.txt', code: 'E_READ' as const, severity: 'error' as const, message: 'cannot read' }, { path: 'y.txt', code: 'E_BINARY' as const, severity: 'error' as const, message: 'binary' }] };
    const result = check(withProblems, { maxSharedPct: 50, maxCorpusSharedPct: 20, failOnProblems: true });
    expect(CHECK_FORMATS.table({ result, report: withProblems, placeOf })).toMatch(
      new RegExp(`^newsdedup check: FAIL: max-shared-pct in 1 of ${report.totals.articles} articles, max-corpus-shared-pct for the corpus, 2 input problems \\(--fail-on-problems\\); `),
    );
  });

  it('the verdict names each threshold once, with the articles that broke it', () => {
    const result = check(report, { maxSharedPct: 1, minUniqueWords: 100_000 });
    const broke = result.articles.filter((article) => article.failures.some((failure) => failure.rule === 'max-shared-pct')).length;
    expect(CHECK_FORMATS.table({ result, report, placeOf })).toMatch(
      new RegExp(`^newsdedup check: FAIL: max-shared-pct in ${broke} of 5 articles, min-unique-words in 5 of 5 articles; `),
    );
  });

  it('github: a record with no line to land on is named by its key in the title', () => {
    const keyed = (path: string) => ({ file: 'feeds/news.parquet', name: `feeds/news.parquet#${path}` });
    const lines = CHECK_FORMATS.github({ ...failed, placeOf: keyed }).split('\n');
    expect(lines[1]).toMatch(new RegExp(`^::error file=feeds/news.parquet,title=newsdedup max-shared-pct \\(feeds/news.parquet#${report.articles[0]!.path.replace('.', '\\.')}\\)::`));
  });

  it('json: parses back to the verdict', () => {
    expect(JSON.parse(CHECK_FORMATS.json(failed))).toEqual(JSON.parse(JSON.stringify(failed.result)));
  });
});
