/**
 * Scores what newsdedup collapsed against a generated corpus's truth, word by word. Also a command,
 * for an output made by hand:  node bench/dist/score.js <corpus dir> <out dir>
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Truth } from './generate.js';

/** What the scorer reads of a report. */
export interface ReportShape {
  totals: { sharedPct: number; blocks: number };
  articles: { path: string; spans: { kind: 'block' | 'chrome'; start: number; end: number }[] }[];
}

/** Word-level recall and precision of collapsed text against the injected truth. */
export function score(truth: Truth, report: ReportShape, texts: ReadonlyMap<string, string>) {
  const byPath = new Map(report.articles.map((article) => [article.path, article]));
  let truePositive = 0;
  let falsePositive = 0;
  let falseNegative = 0;
  let chromeFound = 0;
  let chromeTotal = 0;
  for (const article of truth.articles) {
    const text = texts.get(article.path) ?? '';
    const found = byPath.get(article.path.replace(/^articles\//, ''));
    const inside = (spans: readonly number[], at: number): boolean => {
      for (let i = 0; i < spans.length; i += 2) if (at >= (spans[i] ?? 0) && at < (spans[i + 1] ?? 0)) return true;
      return false;
    };
    const collapsed = (found?.spans ?? []).filter((span) => span.kind === 'block').flatMap((span) => [span.start, span.end]);
    const chrome = (found?.spans ?? []).filter((span) => span.kind === 'chrome').flatMap((span) => [span.start, span.end]);
    for (const word of text.matchAll(/\S+/g)) {
      const at = word.index;
      if (inside(article.headings, at)) continue;
      const shared = inside(article.shared, at);
      const predicted = inside(collapsed, at);
      if (shared && predicted) truePositive += 1;
      else if (predicted) falsePositive += 1;
      else if (shared) falseNegative += 1;
      if (inside(article.chrome, at)) {
        chromeTotal += 1;
        if (inside(chrome, at)) chromeFound += 1;
      }
    }
  }
  return {
    recall: truePositive + falseNegative === 0 ? 1 : truePositive / (truePositive + falseNegative),
    precision: truePositive + falsePositive === 0 ? 1 : truePositive / (truePositive + falsePositive),
    chromeRecall: chromeTotal === 0 ? 1 : chromeFound / chromeTotal,
  };
}

/** Reads a corpus's truth and texts and an output's report, and scores them. */
export async function scoreOutput(corpusDir: string, outDir: string): Promise<ReturnType<typeof score>> {
  const truth = JSON.parse(await readFile(join(corpusDir, 'truth.json'), 'utf8')) as Truth;
  const report = JSON.parse(await readFile(join(outDir, 'report.json'), 'utf8')) as ReportShape;
  const texts = new Map<string, string>();
  for (const article of truth.articles) texts.set(article.path, await readFile(join(corpusDir, article.path), 'utf8'));
  return score(truth, report, texts);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [corpusDir, outDir] = process.argv.slice(2);
  if (corpusDir === undefined || outDir === undefined) throw new Error('usage: node bench/dist/score.js <corpus dir> <out dir>');
  process.stdout.write(`${JSON.stringify(await scoreOutput(corpusDir, outDir))}\n`);
}
