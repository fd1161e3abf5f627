import type { Report } from '../types.js';
import { TABLE_ROWS, table } from './format-table.js';
import { append } from '../lib/append.js';
import { percent } from '../lib/percent.js';
import { sourceOfPath } from '../stages/classify-chrome.js';

/** One source's figures: its articles' words and how many of them are shared. */
export interface SourceFigures {
  readonly source: string;
  readonly articles: number;
  readonly words: number;
  readonly sharedWords: number;
  readonly sharedPct: number;
  readonly chromeWords: number;
  readonly duplicates: number;
}

/** A block that stands in articles of more than one source. */
export interface BlockAcrossSources {
  readonly block: string;
  readonly label: string;
  readonly words: number;
  /** Sources and how many of their articles hold the block, most first. */
  readonly sources: readonly { readonly source: string; readonly articles: number }[];
}

/** The report grouped by source (`--group-by source`): shared % per outlet, and which outlets share which blocks. */
export interface BySource {
  readonly sources: readonly SourceFigures[];
  /** Blocks in articles of two or more sources, those in most sources first. */
  readonly sharedAcross: readonly BlockAcrossSources[];
}

/** The name an article without a source is grouped under. */
export const NO_SOURCE = '(no source)';

/**
 * Groups a report's articles by their source, else the top folder of their file (see `sourceOfPath`):
 * `fileOf` gives an article's file from its path (a record's file of records; by default the path
 * itself). Pure.
 */
export function groupBySource(report: Report, fileOf: (path: string) => string = (path) => path): BySource {
  const figures = new Map<string, { articles: number; words: number; sharedWords: number; chromeWords: number; duplicates: number }>();
  const sourceOf = new Map<string, string>();
  for (const article of report.articles) {
    // As for site furniture: without a source of its own, an article's source is its file's top folder.
    const source = article.source ?? (sourceOfPath(fileOf(article.path)) || NO_SOURCE);
    sourceOf.set(article.path, source);
    const entry = figures.get(source) ?? { articles: 0, words: 0, sharedWords: 0, chromeWords: 0, duplicates: 0 };
    entry.articles += 1;
    entry.words += article.words;
    entry.sharedWords += article.sharedWords;
    entry.chromeWords += article.chromeWords;
    if (article.duplicateOf !== undefined) entry.duplicates += 1;
    figures.set(source, entry);
  }
  const sources = [...figures]
    .map(([source, entry]) => ({ source, ...entry, sharedPct: percent(entry.sharedWords, entry.words) }))
    .sort((a, b) => b.words - a.words || (a.source < b.source ? -1 : 1))
    .map(({ source, articles, words, sharedWords, sharedPct, chromeWords, duplicates }) => ({ source, articles, words, sharedWords, sharedPct, chromeWords, duplicates }));
  const sharedAcross: BlockAcrossSources[] = [];
  for (const block of report.blocks) {
    const counts = new Map<string, number>();
    for (const path of block.articles) {
      const source = sourceOf.get(path) ?? NO_SOURCE;
      counts.set(source, (counts.get(source) ?? 0) + 1);
    }
    if (counts.size < 2) continue;
    const list = [...counts].map(([source, articles]) => ({ source, articles })).sort((a, b) => b.articles - a.articles || (a.source < b.source ? -1 : 1));
    sharedAcross.push({ block: block.id, label: block.label, words: block.words, sources: list });
  }
  sharedAcross.sort((a, b) => b.sources.length - a.sources.length || b.words - a.words || (a.block < b.block ? -1 : 1));
  return { sources, sharedAcross };
}

/**
 * The grouping as lines of plain text, for the table and Markdown formats: {@link TABLE_ROWS} rows
 * at most of each table, the largest sources and the blocks in most sources, as the other tables
 * are cut (a corpus of 40,000 folders is 40,000 sources); `--format json` holds every one.
 */
export function bySourceLines(grouped: BySource, markdown: boolean): string[] {
  // Markdown rows, or columns aligned as the table format's others are.
  const rows = (header: readonly string[], align: string, body: readonly (readonly (string | number)[])[]): string[] =>
    markdown ? [header, ...body].flatMap((cells, i) => [`| ${cells.join(' | ')} |`, ...(i === 0 ? [align] : [])]) : table(header, body);
  const sources = grouped.sources.slice(0, TABLE_ROWS);
  const lines: string[] = [markdown ? '## By source' : 'By source:', ''];
  if (sources.length < grouped.sources.length) lines.push(`The ${sources.length} of ${grouped.sources.length} sources with most words (every one is in --format json):`, '');
  append(
    lines,
    rows(
      ['source', 'articles', 'words', 'shared', 'shared%', 'chrome', 'duplicates'],
      '|---|---:|---:|---:|---:|---:|---:|',
      sources.map((s) => [s.source, s.articles, s.words, s.sharedWords, `${s.sharedPct.toFixed(1)}%`, s.chromeWords, s.duplicates]),
    ),
  );
  if (grouped.sharedAcross.length > 0) {
    const blocks = grouped.sharedAcross.slice(0, TABLE_ROWS);
    const title = markdown ? '### Blocks shared across sources' : 'Blocks shared across sources:';
    lines.push('', blocks.length < grouped.sharedAcross.length ? `${title.replace(/:$/, '')}, the ${blocks.length} of ${grouped.sharedAcross.length} in most sources (every one is in --format json)${markdown ? '' : ':'}` : title, '');
    append(lines, rows(['block', 'words', 'sources', 'held in (articles)', 'label'], '|---|---:|---:|---|---|', blocks.map((b) => [b.block, b.words, b.sources.length, sourcesCell(b.sources), b.label])));
  }
  return lines;
}

/** Sources a cell of the table names at most; past them, how many more. A block in 2,500 sources must not make a line of 40,000 characters. */
const CELL_SOURCES = 8;

function sourcesCell(sources: BlockAcrossSources['sources']): string {
  const named = sources.slice(0, CELL_SOURCES).map((s) => `${s.source} (${s.articles})`).join(', ');
  return sources.length > CELL_SOURCES ? `${named} and ${sources.length - CELL_SOURCES} more` : named;
}
