/**
 * The CI gate: judges a report against thresholds. Pure: a report in, a verdict out, so that a
 * pipeline can gate on a report it made itself.
 */
import type { Report } from './types.js';
import { NewsdedupError } from './errors.js';

/** Thresholds of `newsdedup check`. Each is off when not given. */
export interface Thresholds {
  /** An article with more than this % of its words shared fails. */
  readonly maxSharedPct?: number;
  /** The corpus fails when more than this % of all its words is shared. */
  readonly maxCorpusSharedPct?: number;
  /** An article left with fewer unique words than this fails. */
  readonly minUniqueWords?: number;
  /** Any input file that could not be used as it is (an error in `problems`) fails the corpus. */
  readonly failOnProblems?: boolean;
  /** With a baseline: the corpus fails when its shared % rose by more than this many points. */
  readonly maxRise?: number;
}

/** Which threshold a failure broke. */
export type Rule = 'max-shared-pct' | 'min-unique-words' | 'max-corpus-shared-pct' | 'fail-on-problems' | 'max-rise';

/** One threshold an article, or the corpus, failed. */
export interface Failure {
  readonly rule: Rule;
  /** The article, or undefined for the corpus as a whole. */
  readonly path: string | undefined;
  readonly value: number;
  readonly limit: number;
  readonly message: string;
  /** For an input problem in a file of lines, the line it is about (see `Problem.line`). */
  readonly line?: number;
}

/** What `check` found: every article's figures and failures, and the corpus's. */
export interface CheckResult {
  readonly passed: boolean;
  readonly thresholds: Thresholds;
  readonly totals: Report['totals'];
  readonly articles: readonly { readonly path: string; readonly words: number; readonly uniqueWords: number; readonly sharedPct: number; readonly failures: readonly Failure[] }[];
  /** Failures of the corpus as a whole (corpus shared %, problems, rise since the baseline). */
  readonly corpus: readonly Failure[];
  readonly failures: number;
  /** What changed since the baseline report, when one was given. */
  readonly baseline?: BaselineChange;
}

/** What changed since an earlier report of the same corpus. */
export interface BaselineChange {
  readonly before: number;
  readonly after: number;
  /** Points of corpus shared % gained (negative when it fell). */
  readonly rise: number;
  /** Blocks whose id the baseline does not have, and whose text it did not hold as a block either, by reach. */
  readonly newBlocks: readonly { readonly id: string; readonly label: string; readonly articles: number; readonly words: number }[];
  /**
   * Blocks whose id the baseline does not have, though it held most of their text as a block of
   * another id, in the same articles: a block whose text grew or shrank at an edge (a heading read
   * into its first sentence once a copy runs it inline) takes a new id, but is no new shared text.
   * `was` is the baseline's block that held most of it.
   */
  readonly renamedBlocks: readonly { readonly id: string; readonly was: string; readonly label: string }[];
  /** Of the articles the baseline holds too, those whose shared % changed most (at most ten). */
  readonly changed: readonly { readonly path: string; readonly before: number; readonly after: number; readonly delta: number }[];
  /** Articles the baseline lacks, by id (path): how many, and the most shared of them (at most ten). */
  readonly newArticles: number;
  readonly mostSharedNew: readonly { readonly path: string; readonly sharedPct: number }[];
  /** Articles of this run that the baseline has, by id (path). */
  readonly matched: number;
  /**
   * Set when fewer than half of this run's articles are in the baseline: its ids likely come from
   * another root (inputs named differently, a folder added), so every article counts as new.
   */
  readonly warning?: string;
}

/**
 * Checks that every threshold is a number in its range; throws `E_BAD_OPTION` naming the first that
 * is not, by `nameOf` its key (the CLI names its flag, `--max-shared-pct`; by default the key).
 */
export function validateThresholds(thresholds: Thresholds, nameOf: (key: keyof Thresholds) => string = (key) => key): Thresholds {
  const { maxRise } = thresholds;
  if (maxRise !== undefined && (!Number.isFinite(maxRise) || maxRise < 0)) throw new NewsdedupError('E_BAD_OPTION', `${nameOf('maxRise')} must be a number of points of at least 0, got ${String(maxRise)}`);
  const percent = (key: 'maxSharedPct' | 'maxCorpusSharedPct', value: number | undefined): void => {
    if (value !== undefined && (!Number.isFinite(value) || value < 0 || value > 100)) throw new NewsdedupError('E_BAD_OPTION', `${nameOf(key)} must be a percentage from 0 to 100, got ${String(value)}`);
  };
  percent('maxSharedPct', thresholds.maxSharedPct);
  percent('maxCorpusSharedPct', thresholds.maxCorpusSharedPct);
  const { minUniqueWords } = thresholds;
  if (minUniqueWords !== undefined && (!Number.isInteger(minUniqueWords) || minUniqueWords < 0)) {
    throw new NewsdedupError('E_BAD_OPTION', `${nameOf('minUniqueWords')} must be a whole number of at least 0, got ${String(minUniqueWords)}`);
  }
  return thresholds;
}

/** Judges `report` against `thresholds`, and against `baseline`, an earlier report, when given. */
export function check(report: Report, thresholds: Thresholds, baseline?: Report): CheckResult {
  validateThresholds(thresholds);
  const articles = report.articles.map((article) => {
    const failures: Failure[] = [];
    const { maxSharedPct, minUniqueWords } = thresholds;
    if (maxSharedPct !== undefined && article.sharedPct > maxSharedPct) {
      failures.push({ rule: 'max-shared-pct', path: article.path, value: article.sharedPct, limit: maxSharedPct, message: `${article.sharedPct}% of its words are shared, over the limit of ${maxSharedPct}%` });
    }
    if (minUniqueWords !== undefined && article.uniqueWords < minUniqueWords) {
      failures.push({ rule: 'min-unique-words', path: article.path, value: article.uniqueWords, limit: minUniqueWords, message: `${article.uniqueWords} unique words are left, under the minimum of ${minUniqueWords}` });
    }
    return { path: article.path, words: article.words, uniqueWords: article.uniqueWords, sharedPct: article.sharedPct, failures };
  });
  const corpus: Failure[] = [];
  const { maxCorpusSharedPct } = thresholds;
  if (maxCorpusSharedPct !== undefined && report.totals.sharedPct > maxCorpusSharedPct) {
    corpus.push({ rule: 'max-corpus-shared-pct', path: undefined, value: report.totals.sharedPct, limit: maxCorpusSharedPct, message: `${report.totals.sharedPct}% of the corpus is shared, over the limit of ${maxCorpusSharedPct}%` });
  }
  if (thresholds.failOnProblems === true) {
    for (const problem of report.problems) {
      if (problem.severity !== 'error') continue;
      corpus.push({ rule: 'fail-on-problems', path: problem.path, value: 1, limit: 0, message: `${problem.code}: ${problem.message}`, ...(problem.line === undefined ? {} : { line: problem.line }) });
    }
  }
  const change = baseline === undefined ? undefined : compare(report, baseline);
  if (change !== undefined && thresholds.maxRise !== undefined && change.rise > thresholds.maxRise) {
    corpus.push({ rule: 'max-rise', path: undefined, value: change.rise, limit: thresholds.maxRise, message: `the corpus's shared % rose by ${change.rise} points since the baseline (${change.before}% → ${change.after}%), over the limit of ${thresholds.maxRise}` });
  }
  const failures = corpus.length + articles.reduce((sum, article) => sum + article.failures.length, 0);
  return { passed: failures === 0, thresholds, totals: report.totals, articles, corpus, failures, ...(change === undefined ? {} : { baseline: change }) };
}

const MOST_CHANGED = 10;

function compare(report: Report, baseline: Report): BaselineChange {
  const before = baseline.totals.sharedPct;
  const after = report.totals.sharedPct;
  const known = new Set(baseline.blocks.map((block) => block.id));
  const renamedBlocks: { id: string; was: string; label: string }[] = [];
  const newBlocks: BaselineChange['newBlocks'][number][] = [];
  const heldBefore = formerBlocks(report, baseline);
  for (const block of report.blocks) {
    if (known.has(block.id)) continue;
    const was = heldBefore(block.id);
    if (was === undefined) newBlocks.push({ id: block.id, label: block.label, articles: block.articles.length, words: block.words });
    else renamedBlocks.push({ id: block.id, was, label: block.label });
  }
  const earlier = new Map(baseline.articles.map((article) => [article.path, article.sharedPct]));
  // An article new since the baseline has no shared % to change from: it is listed apart.
  const changed = report.articles
    .flatMap((article) => {
      const was = earlier.get(article.path);
      return was === undefined ? [] : [{ path: article.path, before: was, after: article.sharedPct, delta: Math.round((article.sharedPct - was) * 100) / 100 }];
    })
    .filter((entry) => entry.delta !== 0)
    .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || (a.path < b.path ? -1 : 1))
    .slice(0, MOST_CHANGED);
  const added = report.articles.filter((article) => !earlier.has(article.path));
  const mostSharedNew = added
    .filter((article) => article.sharedPct > 0)
    .sort((a, b) => b.sharedPct - a.sharedPct || (a.path < b.path ? -1 : 1))
    .slice(0, MOST_CHANGED)
    .map((article) => ({ path: article.path, sharedPct: article.sharedPct }));
  const matched = report.articles.reduce((count, article) => count + (earlier.has(article.path) ? 1 : 0), 0);
  const warning =
    baseline.articles.length > 0 && matched * 2 < report.articles.length
      ? `only ${matched} of this run's ${report.articles.length} articles are in the baseline by id: its ids may come from another root (inputs named otherwise, or a folder added); with --index, ids are paths from the index's folder and stay the same as the corpus grows`
      : undefined;
  return { before, after, rise: Math.round((after - before) * 100) / 100, newBlocks, renamedBlocks, changed, newArticles: added.length, mostSharedNew, matched, ...(warning === undefined ? {} : { warning }) };
}

/**
 * For a block id of `report` the baseline lacks: the baseline's block that held most of its text,
 * when at least half of it, in the articles both reports hold unchanged (the same key and words),
 * was one block occurrence or another of the baseline; else `undefined`. Read from the reports'
 * spans, offsets into each article's text.
 */
function formerBlocks(report: Report, baseline: Report): (id: string) => string | undefined {
  const before = new Map(baseline.articles.map((article) => [article.path, article]));
  // This run's block occurrences in the articles the baseline holds unchanged, by block id.
  const occurrences = new Map<string, { readonly start: number; readonly end: number; readonly old: Report['articles'][number] }[]>();
  for (const article of report.articles) {
    const old = before.get(article.path);
    if (old === undefined || old.words !== article.words) continue;
    for (const span of article.spans) {
      if (span.kind !== 'block') continue;
      let list = occurrences.get(span.block);
      if (list === undefined) occurrences.set(span.block, (list = []));
      list.push({ start: span.start, end: span.end, old });
    }
  }
  return (id) => {
    let length = 0;
    const covered = new Map<string, number>();
    for (const { start, end, old } of occurrences.get(id) ?? []) {
      length += end - start;
      for (const span of old.spans) {
        if (span.kind !== 'block') continue;
        const overlap = Math.min(end, span.end) - Math.max(start, span.start);
        if (overlap > 0) covered.set(span.block, (covered.get(span.block) ?? 0) + overlap);
      }
    }
    let total = 0;
    let most: [string, number] | undefined;
    for (const entry of covered) {
      total += entry[1];
      if (most === undefined || entry[1] > most[1] || (entry[1] === most[1] && entry[0] < most[0])) most = entry;
    }
    return length > 0 && total * 2 >= length ? most?.[0] : undefined;
  };
}

/** Reads a baseline: an earlier `report.json` (schema 1). Throws `E_BASELINE` naming the file when it is not one. */
export function parseBaseline(text: string, name: string): Report {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new NewsdedupError('E_BASELINE', `Cannot use the baseline \`${name}\`: it is not JSON (${(error as Error).message}).`, { cause: error });
  }
  const report = parsed as Partial<Report> | null;
  if (report === null || typeof report !== 'object' || report.schema !== 1 || !Array.isArray(report.articles) || !Array.isArray(report.blocks) || typeof report.totals?.sharedPct !== 'number') {
    throw new NewsdedupError('E_BASELINE', `Cannot use the baseline \`${name}\`: it is not a newsdedup report.json of schema 1.`);
  }
  return report as Report;
}
