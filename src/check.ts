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
}

/** Which threshold a failure broke. */
export type Rule = 'max-shared-pct' | 'min-unique-words' | 'max-corpus-shared-pct' | 'fail-on-problems';

/** One threshold an article, or the corpus, failed. */
export interface Failure {
  readonly rule: Rule;
  /** The article, or undefined for the corpus as a whole. */
  readonly path: string | undefined;
  readonly value: number;
  readonly limit: number;
  readonly message: string;
}

/** What `check` found: every article's figures and failures, and the corpus's. */
export interface CheckResult {
  readonly passed: boolean;
  readonly thresholds: Thresholds;
  readonly totals: Report['totals'];
  readonly articles: readonly { readonly path: string; readonly words: number; readonly uniqueWords: number; readonly sharedPct: number; readonly failures: readonly Failure[] }[];
  /** Failures of the corpus as a whole (corpus shared %, problems). */
  readonly corpus: readonly Failure[];
  readonly failures: number;
}

/** Checks that every threshold is a number in its range; throws `E_BAD_OPTION` naming the first that is not. */
export function validateThresholds(thresholds: Thresholds): Thresholds {
  const percent = (name: string, value: number | undefined): void => {
    if (value !== undefined && (!Number.isFinite(value) || value < 0 || value > 100)) throw new NewsdedupError('E_BAD_OPTION', `${name} must be a percentage from 0 to 100, got ${String(value)}`);
  };
  percent('maxSharedPct', thresholds.maxSharedPct);
  percent('maxCorpusSharedPct', thresholds.maxCorpusSharedPct);
  const { minUniqueWords } = thresholds;
  if (minUniqueWords !== undefined && (!Number.isInteger(minUniqueWords) || minUniqueWords < 0)) {
    throw new NewsdedupError('E_BAD_OPTION', `minUniqueWords must be a whole number of at least 0, got ${String(minUniqueWords)}`);
  }
  return thresholds;
}

/** Judges `report` against `thresholds`. */
export function check(report: Report, thresholds: Thresholds): CheckResult {
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
      corpus.push({ rule: 'fail-on-problems', path: problem.path, value: 1, limit: 0, message: `${problem.code}: ${problem.message}` });
    }
  }
  const failures = corpus.length + articles.reduce((sum, article) => sum + article.failures.length, 0);
  return { passed: failures === 0, thresholds, totals: report.totals, articles, corpus, failures };
}
