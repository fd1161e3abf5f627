import type { IndexSummary, Report } from '../types.js';
import { append } from '../lib/append.js';
import { counted, plural } from '../lib/plural.js';
import { percent } from '../lib/percent.js';

/** A plain-text report for a terminal: totals, then articles, blocks and pairs as aligned tables. */
export function formatTable(report: Report): string {
  const { totals } = report;
  // Records with titles: a last column, cut short, so that a reader knows the article at a glance.
  const titled = report.articles.some((article) => article.title !== undefined);
  const title = (text: string | undefined): string[] => (titled ? [shorten(text ?? '', TITLE_CHARS)] : []);
  const shown = shownArticles(report);
  const lines: string[] = [
    `${counted(totals.articles, 'article')}, ${counted(totals.words, 'word')}: ${pct(totals.sharedPct)} shared in ${counted(totals.blocks, 'block')}, ${counted(totals.chromeWords, 'word')} of chrome removed.`,
    ...(report.index === undefined ? [] : [indexLine(report.index)]),
    ...duplicatesLine(report, pct),
    '',
    ...(shown.length < report.articles.length ? [`Articles, the ${shown.length} of ${report.articles.length} most shared${copiesLast(report)} (every one is in --format json and --format csv, and in clean's report.json):`, ''] : []),
    ...table(
      ['article', 'words', 'unique', 'shared', 'shared%', 'chrome', 'blocks', ...(titled ? ['title'] : [])],
      [
        ...shown.map((a) => [elide(a.path, KEY_CHARS), a.words, a.uniqueWords, a.sharedWords, pct(a.sharedPct), a.chromeWords, a.blocks.length, ...title(a.title)]),
        ['total', totals.words, totals.uniqueWords, totals.sharedWords, pct(totals.sharedPct), totals.chromeWords, totals.blocks, ...title('')],
      ],
    ),
  ];
  if (report.blocks.length > 0) {
    const blocks = report.blocks.slice(0, TABLE_ROWS);
    lines.push('', blocks.length < report.blocks.length ? `Blocks, the ${blocks.length} of ${report.blocks.length} that reach furthest (articles × words):` : 'Blocks, by reach (articles × words):', '');
    const since = sinceOf(report);
    append(lines, table(['block', 'articles', 'sentences', 'words', 'variants', 'min Dice', ...(since === undefined ? [] : ['since']), 'label'], blocks.map((b) => [b.id, b.articles.length, b.sentences, b.words, b.variants, b.minSimilarity.toFixed(3), ...(since === undefined ? [] : [since(b.id)]), b.label])));
  }
  if (report.pairs.length > 0) {
    const pairs = report.pairs.slice(0, TABLE_ROWS);
    const which = pairs.length < report.totals.pairs ? `the ${pairs.length} of ${report.totals.pairs} that share most` : 'most shared first';
    lines.push('', `Pairs that share text, ${which} (a in b: % of a’s words that stand in b):`, '');
    append(lines, table(['a', 'b', 'a in b', 'b in a'], pairs.map((p) => [elide(p.a, KEY_CHARS), elide(p.b, KEY_CHARS), pct(p.aInB), pct(p.bInA)])));
  }
  if (report.problems.length > 0) {
    lines.push('', 'Problems:', '');
    for (const problem of report.problems) lines.push(`  ${problem.code}  ${problem.message}`);
  }
  return lines.join('\n') + '\n';
}

/**
 * Rows of a table for a reader, at most: a corpus of 40,000 articles printed whole is 40,000 lines
 * no terminal or CI log is read in. The articles shown are then the most shared; every one is in
 * report.json, and in the json and csv formats.
 */
export const TABLE_ROWS = 200;

/**
 * The articles a table shows: all of them, in order, up to {@link TABLE_ROWS}; else the most
 * shared, ties in order, copies of earlier articles after every other (each is 100% shared, and
 * counted in the line under the totals: a corpus saved twice by its scraper would fill the table).
 */
export function shownArticles(report: Report): Report['articles'] {
  if (report.articles.length <= TABLE_ROWS) return report.articles;
  const order = report.articles.map((_, index) => index);
  const copy = (index: number): number => (report.articles[index]?.duplicateOf === undefined ? 0 : 1);
  order.sort((a, b) => copy(a) - copy(b) || (report.articles[b]?.sharedPct ?? 0) - (report.articles[a]?.sharedPct ?? 0) || a - b);
  return order.slice(0, TABLE_ROWS).map((index) => report.articles[index] as Report['articles'][number]);
}

/** How {@link shownArticles} orders copies of earlier articles, when there are any: words for a table's heading. */
export function copiesLast(report: Report): string {
  return report.duplicates === undefined || report.duplicates.length === 0 ? '' : ', copies of earlier articles last';
}

/**
 * Under the totals, when some articles are copies of earlier ones (`duplicates`): how many, their
 * words, and the share of the others, which the copies, each 100% shared, would otherwise hide.
 */
export function duplicatesLine(report: Report, percentText: (value: number) => string): string[] {
  let copies = 0;
  let words = 0;
  let shared = 0;
  for (const article of report.articles) {
    if (article.duplicateOf === undefined) continue;
    copies += 1;
    words += article.words;
    shared += article.sharedWords;
  }
  if (copies === 0) return [];
  const what = `${counted(copies, 'article')} ${copies === 1 ? 'is a copy of an earlier one' : 'are copies of earlier ones'} (${counted(words, 'word')})`;
  if (copies === report.articles.length) return [`${what}.`];
  return [`${what}; the other articles are ${percentText(percent(report.totals.sharedWords - shared, report.totals.words - words))} shared.`];
}

/** What a run against an index read of it, and what is new: one line under the totals. */
export function indexLine(index: IndexSummary): string {
  return `Against the index ${index.path}: ${counted(index.archiveArticles, 'archive article')}, ${index.contextArticles} read as context; ${index.newBlocks.length} new ${plural(index.newBlocks.length, 'block')}, ${index.joinedBlocks.length} archive ${plural(index.joinedBlocks.length, 'block')} joined.`;
}

/** With an index, each block's `since`: `new` since the index was last updated, or `archive` (an archive block the inputs joined). */
export function sinceOf(report: Report): ((id: string) => string) | undefined {
  if (report.index === undefined) return undefined;
  const joined = new Set(report.index.joinedBlocks);
  return (id) => (joined.has(id) ? 'archive' : 'new');
}

const TITLE_CHARS = 60;
/** An article key longer than this (a record's URL) is cut in its middle; report.json has it whole. */
const KEY_CHARS = 64;

/** Keeps the start (the file) and the end (the most telling part of a URL) of a long key. */
function elide(text: string, length: number): string {
  if (text.length <= length) return text;
  const head = Math.ceil((length - 1) / 2);
  return `${text.slice(0, head)}…${text.slice(text.length - (length - 1 - head))}`;
}

function shorten(text: string, length: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= length ? flat : `${flat.slice(0, length - 1)}…`;
}

function pct(value: number): string {
  return `${value.toFixed(1)}%`;
}

/** Left-aligns text columns and right-aligns numeric ones. */
export function table(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string[] {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const numeric = header.map((_, column) => rows.every((row) => typeof row[column] === 'number' || /^[\d.]+%?$/.test(String(row[column]))));
  // A loop, not Math.max(...cells): a spread of a million rows overflows the call stack.
  const widths = header.map(() => 0);
  for (const row of cells) row.forEach((cell, column) => (widths[column] = Math.max(widths[column] ?? 0, cell.length)));
  return cells.map((row) =>
    row
      .map((cell, column) => (numeric[column] ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
}
