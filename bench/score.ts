/**
 * Scores what newsdedup collapsed against a generated corpus's truth, word by word. Also a command,
 * for an output made by hand:  node bench/dist/score.js <corpus dir> <out dir>
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CopyKind, Truth } from './generate.js';
import { COPY_KINDS } from './generate.js';
// newsdedup's own reading of a dateline, from the build (this file runs from bench/dist).
const { storyAfterDateline } = (await import(new URL('../../dist/text/dateline.js', import.meta.url).href)) as typeof import('../dist/text/dateline.js');

/** What the scorer reads of a report. */
export interface ReportShape {
  totals: { sharedPct: number; blocks: number };
  articles: { path: string; duplicateOf?: string; spans: ({ kind: 'block'; block: string; start: number; end: number } | { kind: 'chrome'; start: number; end: number })[] }[];
  /** Exact duplicates and their originals: both stand whole in another article. */
  duplicates?: { path: string; of: string }[];
}

/** The scores of one run. Shares are in [0, 1]; `null` where the corpus holds nothing of the kind. */
export interface Scores {
  /** Collapsed words that are injected shared text, over all injected shared words. */
  recall: number;
  /** Injected shared words among all collapsed words (figure-changed sentences and table rows collapsed count against it). */
  precision: number;
  /** Removed chrome words over all injected chrome words. */
  chromeRecall: number;
  /** Recall of shared words by how their copy stands, and of chrome. */
  recallByKind: Record<CopyKind | 'chrome', number | null>;
  /** Injected backgrounds whose copies' collapsed words all fall in spans of one block id, over all backgrounds. */
  blocksWhole: number | null;
  /** The same, over the backgrounds none of whose copies has a figure changed. */
  blocksWholeWithoutFigures: number | null;
  /** Sentences copied with one figure changed that stay whole in their article (no word collapsed or removed). */
  figuresKept: number | null;
  /** Table rows that stay whole in their article. */
  tablesKept: number | null;
  figures: number;
  tableRows: number;
}

/** Walks spans `[start, end)` sorted by start with positions that only grow: which span holds each position. */
function cursor(spans: readonly number[]): (at: number) => number {
  let index = 0;
  return (at) => {
    while (index < spans.length && (spans[index + 1] ?? 0) <= at) index += 2;
    return index < spans.length && at >= (spans[index] ?? 0) ? index / 2 : -1;
  };
}

/**
 * The changed-figure spans narrowed to the sentence that holds the figure: the generator's sentence
 * (from the bbc chain) sometimes holds two ("… 4.25%. However, there for?"), and the other one,
 * unchanged, is rightly collapsed with its block.
 */
function figureSpans(text: string, spans: readonly number[]): number[] {
  const narrowed: number[] = [];
  for (let i = 0; i + 1 < spans.length; i += 2) {
    const start = spans[i] ?? 0;
    const end = spans[i + 1] ?? 0;
    const digit = text.slice(start, end).search(/\d/);
    if (digit < 0) {
      narrowed.push(start, end);
      continue;
    }
    let from = start;
    let to = end;
    for (const boundary of text.slice(start, end).matchAll(/[.!?]["'”’)]*\s+(?=["“]?[A-Z])/g)) {
      const at = start + boundary.index + boundary[0].length;
      if (at <= start + digit) from = at;
      else {
        to = start + boundary.index + boundary[0].trimEnd().length;
        break;
      }
    }
    narrowed.push(from, to);
  }
  return narrowed;
}

/**
 * Per article, the sentences run into an inline heading of a background that no copy shows with
 * its heading on a line of its own. Issue 14 forbids splitting a sentence at such a lead: the
 * sentence stays whole (or goes whole, where another copy runs the same lead in), so either is
 * right, and these sentences are left out of the scores.
 */
function unconfirmedLeads(truth: Truth, textOf: (path: string) => string): Map<string, number[]> {
  // The shared span that follows each heading: inline when the heading ends on the same line.
  const inline: { path: string; background: number; start: number; end: number }[] = [];
  const confirmed = new Set<number>();
  for (const article of truth.articles) {
    if (article.headings.length === 0) continue;
    const text = textOf(article.path);
    for (let i = 0; i + 1 < article.headings.length; i += 2) {
      const end = article.headings[i + 1] ?? 0;
      const next = article.shared.findIndex((start, at) => at % 2 === 0 && start >= end);
      if (next < 0) continue;
      const background = article.sharedBlock?.[next / 2] ?? -1;
      if (background < 0) continue;
      if (/^[ \t]*\r?\n/.test(text.slice(end, (article.shared[next] ?? end) + 1))) confirmed.add(background);
      else inline.push({ path: article.path, background, start: article.shared[next] ?? 0, end: article.shared[next + 1] ?? 0 });
    }
  }
  const left = new Map<string, number[]>();
  for (const entry of inline) {
    if (confirmed.has(entry.background)) continue;
    const list = left.get(entry.path) ?? [];
    list.push(entry.start, entry.end);
    left.set(entry.path, list);
  }
  return left;
}

/**
 * The datelines that open an article's shared spans ("ISLAMABAD, Feb 6 (APP): " of a copied lede).
 * A dateline is the article's own line, left in place above a copy that does not open with it
 * word for word, and taken with two copies that do: either is right, so its words are left out
 * of the scores, as a heading's are.
 */
function sharedDatelines(text: string, shared: readonly number[]): number[] {
  const spans: number[] = [];
  for (let i = 0; i + 1 < shared.length; i += 2) {
    const start = shared[i] ?? 0;
    const opening = text.slice(start, shared[i + 1] ?? start);
    const story = storyAfterDateline(opening);
    if (story > 0) spans.push(start, start + story);
  }
  return spans;
}

/** Two sorted lists of `[start, end)` pairs as one, sorted by start (overlaps allowed: `cursor` takes the first that holds a position). */
function mergeSpans(a: readonly number[], b: readonly number[]): number[] {
  const pairs: [number, number][] = [];
  for (const list of [a, b]) for (let i = 0; i + 1 < list.length; i += 2) pairs.push([list[i] ?? 0, list[i + 1] ?? 0]);
  return pairs.sort((x, y) => x[0] - y[0]).flat();
}

/** Word-level scores of collapsed text against the injected truth. */
export function score(truth: Truth, report: ReportShape, textOf: (path: string) => string): Scores {
  const byPath = new Map(report.articles.map((article) => [article.path, article]));
  // A duplicate is replaced whole by a marker, and the report lists it with its original
  // (`duplicates`): every word of either that is not chrome counts as found, in no block. The
  // original's text stays, as a kept canonical copy's does; it is measured against the rest only.
  const copies = new Set((report.duplicates ?? []).flatMap((entry) => [entry.path, entry.of]));
  let truePositive = 0;
  let falsePositive = 0;
  let falseNegative = 0;
  const kindTotal = new Map<string, number>();
  const kindFound = new Map<string, number>();
  const count = (map: Map<string, number>, key: string): void => void map.set(key, (map.get(key) ?? 0) + 1);
  // Per background: the block ids its collapsed words fall in.
  const blockIds = new Map<number, Set<string>>();
  const withFigures = new Set<number>();
  let figures = 0;
  let figuresKept = 0;
  let tableRows = 0;
  let tablesKept = 0;
  const unconfirmed = unconfirmedLeads(truth, textOf);
  for (const article of truth.articles) {
    const text = textOf(article.path);
    const found = byPath.get(article.path.replace(/^articles\//, ''));
    const spans = [...(found?.spans ?? [])].sort((x, y) => x.start - y.start);
    const blockSpans = spans.filter((span) => span.kind === 'block');
    const inBlock = cursor(blockSpans.flatMap((span) => [span.start, span.end]));
    const inChrome = cursor(spans.filter((span) => span.kind === 'chrome').flatMap((span) => [span.start, span.end]));
    const inHeading = cursor(article.headings);
    const inIgnore = cursor(mergeSpans(article.ignore ?? [], [...(unconfirmed.get(article.path) ?? []), ...sharedDatelines(text, article.shared)]));
    const inShared = cursor(article.shared);
    const inTruthChrome = cursor(article.chrome);
    const inFigure = cursor(figureSpans(text, article.figures ?? []));
    const inTable = cursor(article.tables ?? []);
    const figureTouched = new Set<number>();
    const tableTouched = new Set<number>();
    for (const word of text.matchAll(/\S+/g)) {
      const at = word.index;
      const block = inBlock(at);
      const chrome = inChrome(at);
      const shared = inShared(at);
      const truthChrome = inTruthChrome(at);
      const figure = inFigure(at);
      const table = inTable(at);
      if (inHeading(at) >= 0 || inIgnore(at) >= 0) continue;
      const predicted = block >= 0 || (copies.has(found?.path ?? '') && chrome < 0);
      if (shared >= 0 && predicted) truePositive += 1;
      else if (predicted) falsePositive += 1;
      else if (shared >= 0) falseNegative += 1;
      if (shared >= 0) {
        const kind = article.sharedKind?.[shared] ?? 'verbatim';
        count(kindTotal, kind);
        if (predicted) count(kindFound, kind);
        const background = article.sharedBlock?.[shared] ?? -1;
        if (background >= 0) {
          const ids = blockIds.get(background) ?? new Set<string>();
          blockIds.set(background, ids);
          const span = blockSpans[block];
          if (span !== undefined) ids.add(span.block);
        }
      }
      if (truthChrome >= 0) {
        count(kindTotal, 'chrome');
        if (chrome >= 0) count(kindFound, 'chrome');
      }
      if (figure >= 0 && (predicted || chrome >= 0)) figureTouched.add(figure);
      if (table >= 0 && (predicted || chrome >= 0)) tableTouched.add(table);
    }
    for (const background of article.figureBlock ?? []) withFigures.add(background);
    figures += (article.figures ?? []).length / 2;
    figuresKept += (article.figures ?? []).length / 2 - figureTouched.size;
    tableRows += (article.tables ?? []).length / 2;
    tablesKept += (article.tables ?? []).length / 2 - tableTouched.size;
  }
  const share = (kind: string): number | null => {
    const total = kindTotal.get(kind) ?? 0;
    return total === 0 ? null : (kindFound.get(kind) ?? 0) / total;
  };
  const recallByKind = Object.fromEntries([...COPY_KINDS, 'chrome'].map((kind) => [kind, share(kind)])) as Record<CopyKind | 'chrome', number | null>;
  const whole = [...blockIds.values()].filter((ids) => ids.size === 1).length;
  const plain = [...blockIds].filter(([background]) => !withFigures.has(background));
  const plainWhole = plain.filter(([, ids]) => ids.size === 1).length;
  return {
    recall: truePositive + falseNegative === 0 ? 1 : truePositive / (truePositive + falseNegative),
    precision: truePositive + falsePositive === 0 ? 1 : truePositive / (truePositive + falsePositive),
    chromeRecall: recallByKind.chrome ?? 1,
    recallByKind,
    blocksWhole: blockIds.size === 0 ? null : whole / blockIds.size,
    blocksWholeWithoutFigures: plain.length === 0 ? null : plainWhole / plain.length,
    figuresKept: figures === 0 ? null : figuresKept / figures,
    tablesKept: tableRows === 0 ? null : tablesKept / tableRows,
    figures,
    tableRows,
  };
}

/** Reads a corpus's truth and texts and an output's report, and scores them. */
export async function scoreOutput(corpusDir: string, outDir: string): Promise<Scores> {
  const truth = JSON.parse(await readFile(join(corpusDir, 'truth.json'), 'utf8')) as Truth;
  const report = JSON.parse(await readFile(join(outDir, 'report.json'), 'utf8')) as ReportShape;
  // One article's text at a time: at 1 GB, holding every text would double the scorer's memory.
  return score(truth, report, (path) => readFileSync(join(corpusDir, path), 'utf8'));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [corpusDir, outDir] = process.argv.slice(2);
  if (corpusDir === undefined || outDir === undefined) throw new Error('usage: node bench/dist/score.js <corpus dir> <out dir>');
  process.stdout.write(`${JSON.stringify(await scoreOutput(corpusDir, outDir))}\n`);
}
