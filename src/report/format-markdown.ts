import type { Report } from '../types.js';
import { append } from '../lib/append.js';
import { TABLE_ROWS, copiesLast, duplicatesLine, indexLine, shownArticles, sinceOf } from './format-table.js';
import { counted, plural } from '../lib/plural.js';

/** A Markdown summary: totals, then articles, blocks and pairs as tables. */
export function formatMarkdown(report: Report): string {
  const { totals } = report;
  const titled = report.articles.some((article) => article.title !== undefined);
  const shown = shownArticles(report);
  const lines = [
    '# newsdedup report',
    '',
    `**${totals.articles}** ${plural(totals.articles, 'article')}, **${totals.words}** ${plural(totals.words, 'word')}: **${totals.sharedPct}%** shared in ${counted(totals.blocks, 'block')}; ${counted(totals.chromeWords, 'word')} of chrome removed.`,
    ...(report.index === undefined ? [] : ['', indexLine(report.index)]),
    ...duplicatesLine(report, (value) => `${value}%`).flatMap((line) => ['', line]),
    '',
    shown.length < report.articles.length ? `## Articles: the ${shown.length} of ${report.articles.length} most shared${copiesLast(report)}` : '## Articles',
    '',
    ...(shown.length < report.articles.length ? ['Every article is in the json and csv formats, and in clean\'s report.json.', ''] : []),
    `| article | words | unique | shared | shared % | chrome | blocks |${titled ? ' title |' : ''}`,
    `|---|--:|--:|--:|--:|--:|--:|${titled ? '---|' : ''}`,
    ...shown.map((a) => `| ${cell(a.path)} | ${a.words} | ${a.uniqueWords} | ${a.sharedWords} | ${a.sharedPct} | ${a.chromeWords} | ${a.blocks.length} |${titled ? ` ${cell(a.title ?? '')} |` : ''}`),
  ];
  if (report.blocks.length > 0) {
    const since = sinceOf(report);
    const blocks = report.blocks.slice(0, TABLE_ROWS);
    lines.push('', blocks.length < report.blocks.length ? `## Blocks: the ${blocks.length} of ${report.blocks.length} that reach furthest` : '## Blocks', '', `| block | label | articles | sentences | words | variants | min Dice |${since === undefined ? '' : ' since |'}`, `|---|---|--:|--:|--:|--:|--:|${since === undefined ? '' : '---|'}`);
    append(lines, blocks.map((b) => `| \`${b.id}\` | ${cell(b.label)} | ${b.articles.length} | ${b.sentences} | ${b.words} | ${b.variants} | ${b.minSimilarity} |${since === undefined ? '' : ` ${since(b.id)} |`}`));
  }
  if (report.pairs.length > 0) {
    const pairs = report.pairs.slice(0, TABLE_ROWS);
    const which = pairs.length < report.totals.pairs ? ` (the ${pairs.length} of ${report.totals.pairs} that share most)` : '';
    lines.push('', `## Pairs${which}`, '', '| a | b | a in b % | b in a % |', '|---|---|--:|--:|');
    append(lines, pairs.map((p) => `| ${cell(p.a)} | ${cell(p.b)} | ${p.aInB} | ${p.bInA} |`));
  }
  if (report.problems.length > 0) {
    lines.push('', '## Problems', '');
    append(lines, report.problems.map((p) => `- \`${p.code}\` ${cell(p.message)}`));
  }
  return lines.join('\n') + '\n';
}

function cell(text: string): string {
  return text.replaceAll('|', '\\|').replace(/\s+/g, ' ');
}
