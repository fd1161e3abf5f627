/**
 * What `newsdedup check` prints, one pure formatter per format that CI systems read. Each takes the
 * verdict and the report it was made from.
 */
import { createRequire } from 'node:module';
import type { XMLBuilder as Builder } from 'fast-xml-parser';

// fast-xml-parser is loaded on the first JUnit report, not by every run: its CommonJS build, so
// that the formatters stay synchronous.
let builderClass: typeof Builder | undefined;
function xmlBuilder(): typeof Builder {
  builderClass ??= (createRequire(import.meta.url)('fast-xml-parser') as { XMLBuilder: typeof Builder }).XMLBuilder;
  return builderClass;
}
import type { CheckResult, Failure } from '../check.js';
import type { Place, Report } from '../types.js';
export type { Place } from '../types.js';
import { isKeyOf } from './formats.js';
import { counted, plural } from '../lib/plural.js';
import { append } from '../lib/append.js';

/** The place of an article, by its key in the report, or of a file, by its path. */
export type PlaceOf = (path: string) => Place;

export interface CheckFormatInput {
  readonly result: CheckResult;
  readonly report: Report;
  readonly placeOf: PlaceOf;
}

/** Every `check` format, keyed by the name `--format` takes. */
export const CHECK_FORMATS = {
  table: checkTable,
  json: checkJson,
  junit: checkJunit,
  github: checkGithub,
  md: checkMarkdown,
} as const satisfies Record<string, (input: CheckFormatInput) => string>;

export type CheckFormatName = keyof typeof CHECK_FORMATS;

/** True when `name` is a format `check` writes. */
export function isCheckFormatName(name: string): name is CheckFormatName {
  return isKeyOf(CHECK_FORMATS, name);
}

function failing(result: CheckResult) {
  return result.articles.filter((article) => article.failures.length > 0);
}

function verdict(result: CheckResult): string {
  if (result.passed) return `PASS: ${counted(result.totals.articles, 'article')}, ${result.totals.sharedPct}% shared.`;
  // What failed: each threshold by the articles that broke it, then the corpus's, then the inputs
  // it could not use (--fail-on-problems).
  const articlesBy = new Map<string, number>();
  for (const article of failing(result)) for (const rule of new Set(article.failures.map((failure) => failure.rule))) articlesBy.set(rule, (articlesBy.get(rule) ?? 0) + 1);
  const problems = result.corpus.filter((failure) => failure.rule === 'fail-on-problems').length;
  const parts = [
    ...[...articlesBy].map(([rule, count]) => `${rule} in ${count} of ${counted(result.totals.articles, 'article')}`),
    ...result.corpus.filter((failure) => failure.rule !== 'fail-on-problems').map((failure) => `${failure.rule} for the corpus`),
    ...(problems > 0 ? [`${counted(problems, 'input problem')} (--fail-on-problems)`] : []),
  ];
  return `FAIL: ${parts.join(', ')}; ${result.totals.sharedPct}% of the corpus shared.`;
}

/** For a terminal: the verdict, then one line a failure. */
function checkTable({ result, placeOf }: CheckFormatInput): string {
  const lines = [`newsdedup check: ${verdict(result)}`];
  for (const failure of result.corpus) lines.push(`  ${failure.path === undefined ? 'corpus' : placeOf(failure.path).name}: ${failure.message} [${failure.rule}]`);
  for (const article of failing(result)) {
    const place = placeOf(article.path);
    // `file:line: ` first, as compilers write it; a record's id after, where the report names it by it.
    for (const failure of article.failures) lines.push(`  ${place.name}: ${failure.message} [${failure.rule}]${place.id === undefined ? '' : ` (${place.id})`}`);
  }
  append(lines, sinceBaseline(result, placeOf));
  return `${lines.join('\n')}\n`;
}

/** What changed since the baseline, as lines: the rise, the first five new blocks, the articles that changed most, the most shared new ones. */
function sinceBaseline(result: CheckResult, placeOf: PlaceOf): string[] {
  const change = result.baseline;
  if (change === undefined) return [];
  return [
    `Since the baseline: ${signed(change.rise)} points (${change.before}% → ${change.after}%), ${change.newBlocks.length} new ${plural(change.newBlocks.length, 'block')}${renamed(change)}.`,
    ...change.newBlocks.slice(0, 5).map((block) => `  new block ${block.id} in ${counted(block.articles, 'article')}: ${block.label}`),
    ...change.renamedBlocks.slice(0, 5).map((block) => `  block ${block.id} was ${block.was}: ${block.label}`),
    ...change.changed.map((article) => `  ${placeOf(article.path).name}: ${article.before}% → ${article.after}% (${signed(article.delta)})`),
    ...(change.newArticles === 0 ? [] : [`${counted(change.newArticles, 'article')} new since the baseline${change.mostSharedNew.length === 0 ? ', none of them shared.' : '; the most shared:'}`]),
    ...change.mostSharedNew.map((article) => `  ${placeOf(article.path).name}: ${article.sharedPct}% (new)`),
  ];
}

/** How many blocks took a new id for text the baseline held as a block, said after the new ones. */
function renamed(change: NonNullable<CheckResult['baseline']>): string {
  const count = change.renamedBlocks.length;
  return count === 0 ? '' : `; ${count} ${plural(count, 'block')} renamed (the baseline held ${count === 1 ? 'its' : 'their'} text under another id)`;
}

function signed(value: number): string {
  return value > 0 ? `+${value}` : String(value);
}

/** The verdict as JSON: thresholds, totals, every article's figures and failures. */
function checkJson({ result }: CheckFormatInput): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}

/**
 * JUnit XML, as Jenkins, GitLab and the GitHub test-report actions import it: one test suite, one
 * test case per article (failing where a threshold fails, with the numbers), and one for the corpus.
 */
function checkJunit({ result, placeOf }: CheckFormatInput): string {
  const failureNode = (failure: Failure) => ({
    '@_message': failure.message,
    '@_type': failure.rule,
    '#text': `${failure.rule}: value ${failure.value}, limit ${failure.limit}${failure.path === undefined ? '' : ` (${failure.path})`}`,
  });
  const testcases = [
    {
      '@_classname': 'newsdedup.corpus',
      '@_name': 'corpus',
      ...(result.corpus.length > 0 ? { failure: result.corpus.map(failureNode) } : {}),
      // What changed since the baseline, where a test report shows a test case's output.
      ...(result.baseline === undefined ? {} : { 'system-out': sinceBaseline(result, placeOf).join('\n') }),
    },
    ...result.articles.map((article) => ({
      '@_classname': 'newsdedup.article',
      '@_name': article.path,
      ...fileAndLine(placeOf(article.path)),
      ...(article.failures.length > 0 ? { failure: article.failures.map(failureNode) } : {}),
    })),
  ];
  const failedCases = testcases.filter((testcase) => 'failure' in testcase).length;
  const builder = new (xmlBuilder())({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, suppressEmptyNode: true });
  const xml = builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    testsuites: {
      '@_name': 'newsdedup check',
      '@_tests': testcases.length,
      '@_failures': failedCases,
      '@_errors': 0,
      testsuite: { '@_name': 'newsdedup', '@_tests': testcases.length, '@_failures': failedCases, '@_errors': 0, '@_skipped': 0, testcase: testcases },
    },
  }) as string;
  // XML 1.0 holds no control character but tab and line breaks, even escaped: a label or key that
  // carries one (from a damaged text) gets the replacement character, and the file stays readable.
  const readable = xml.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd');
  return readable.endsWith('\n') ? readable : `${readable}\n`;
}

/** GitHub Actions workflow commands: an `::error` annotation per failure, on the article's file. */
function checkGithub({ result, placeOf }: CheckFormatInput): string {
  const lines: string[] = [];
  const where = (place: Place): string => `file=${property(place.file)},${place.line === undefined ? '' : `line=${place.line},`}`;
  for (const failure of result.corpus) {
    // An input problem names its file, and its line in a file of lines.
    const file = failure.path === undefined ? '' : where(failure.line === undefined ? placeOf(failure.path) : { ...placeOf(failure.path), line: failure.line });
    lines.push(`::error ${file}title=${property(`newsdedup ${failure.rule}`)}::${data(failure.message)}`);
  }
  for (const article of failing(result)) {
    const place = placeOf(article.path);
    // A record with no line to land on (a JSON array's, a Parquet file's, a compressed file's) is named by its key.
    const which = place.line === undefined && place.name !== place.file ? ` (${place.name})` : '';
    for (const failure of article.failures) lines.push(`::error ${where(place)}title=${property(`newsdedup ${failure.rule}${which}`)}::${data(failure.message)}`);
  }
  const since = sinceBaseline(result, placeOf);
  if (since.length > 0) lines.push(`::notice title=newsdedup since the baseline::${data(since.join('\n'))}`);
  lines.push(`::${result.passed ? 'notice' : 'error'} title=newsdedup check::${data(verdict(result))}`);
  return `${lines.join('\n')}\n`;
}

/** A JUnit test case's file, and its line when its article has one. */
function fileAndLine(place: Place): { '@_file': string; '@_line'?: number } {
  return place.line === undefined ? { '@_file': place.file } : { '@_file': place.file, '@_line': place.line };
}

// Workflow commands escape %, CR and LF in data, and also : and , in properties.
function data(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}
function property(text: string): string {
  return data(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/** Failure rows a Markdown summary shows at most. */
const MARKDOWN_FAILURES = 50;

/** A short Markdown summary for `$GITHUB_STEP_SUMMARY` or a pull-request comment: at most {@link MARKDOWN_FAILURES} failures. */
function checkMarkdown({ result, report, placeOf }: CheckFormatInput): string {
  const { totals } = result;
  const lines = [
    `## newsdedup check: ${result.passed ? '✅ pass' : '❌ fail'}`,
    '',
    `**${totals.articles}** ${plural(totals.articles, 'article')}, **${totals.words}** ${plural(totals.words, 'word')}: **${totals.sharedPct}%** shared in ${counted(totals.blocks, 'block')}. ${verdict(result)}`,
  ];
  const rows = [
    ...result.corpus.map((failure) => ({ where: failure.path === undefined ? 'corpus' : placeOf(failure.path).name, failure })),
    ...failing(result).flatMap((article) => {
      const place = placeOf(article.path);
      return article.failures.map((failure) => ({ where: place.id === undefined ? place.name : `${place.name} (${place.id})`, failure }));
    }),
  ];
  if (rows.length > 0) {
    lines.push('', '### Failures', '', '| where | rule | value | limit | why |', '|---|---|--:|--:|---|');
    // A summary, not a log: the first rows, and where the rest are.
    for (const { where, failure } of rows.slice(0, MARKDOWN_FAILURES)) lines.push(`| ${cell(where)} | ${failure.rule} | ${failure.value} | ${failure.limit} | ${cell(failure.message)} |`);
    if (rows.length > MARKDOWN_FAILURES) lines.push('', `…and ${rows.length - MARKDOWN_FAILURES} more ${plural(rows.length - MARKDOWN_FAILURES, 'failure')}: \`--format json\`, \`junit\` or \`github\` lists every one.`);
  }
  const change = result.baseline;
  if (change !== undefined) {
    lines.push('', '### Since the baseline', '', `Corpus shared: ${change.before}% → ${change.after}% (${signed(change.rise)} points); ${change.newBlocks.length} new ${plural(change.newBlocks.length, 'block')}${renamed(change)}.`);
    if (change.newBlocks.length > 0) {
      lines.push('', '| new block | articles | words | label |', '|---|--:|--:|---|');
      for (const block of change.newBlocks.slice(0, 10)) lines.push(`| ${block.id} | ${block.articles} | ${block.words} | ${cell(block.label)} |`);
    }
    if (change.renamedBlocks.length > 0) {
      lines.push('', '| renamed block | was | label |', '|---|---|---|');
      for (const block of change.renamedBlocks.slice(0, 10)) lines.push(`| ${block.id} | ${block.was} | ${cell(block.label)} |`);
    }
    if (change.changed.length > 0) {
      lines.push('', '| article | before % | after % | change |', '|---|--:|--:|--:|');
      for (const article of change.changed) lines.push(`| ${cell(placeOf(article.path).name)} | ${article.before} | ${article.after} | ${signed(article.delta)} |`);
    }
    if (change.newArticles > 0) {
      lines.push('', `${counted(change.newArticles, 'article')} new since the baseline${change.mostSharedNew.length === 0 ? ', none of them shared.' : '; the most shared:'}`);
      if (change.mostSharedNew.length > 0) {
        lines.push('', '| new article | shared % |', '|---|--:|');
        for (const article of change.mostSharedNew) lines.push(`| ${cell(placeOf(article.path).name)} | ${article.sharedPct} |`);
      }
    }
  }
  const top = report.blocks.slice(0, 5);
  if (top.length > 0) {
    lines.push('', '### Top blocks by reach', '', '| block | articles | words | label |', '|---|--:|--:|---|');
    for (const block of top) lines.push(`| ${block.id} | ${block.articles.length} | ${block.words} | ${cell(block.label)} |`);
  }
  return `${lines.join('\n')}\n`;
}

function cell(text: string): string {
  return text.replaceAll('|', '\\|').replace(/\s+/g, ' ');
}
