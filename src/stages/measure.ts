import type { ArticleReport, BlockReport, PairReport, Problem, Report, ReportSettings, ReportSpan } from '../types.js';
import type { Block, ChromeMark, Occurrence } from './assemble.js';

/** What the measure step reads of each article. */
export interface MeasureArticle {
  readonly path: string;
  readonly words: number;
}

/** Percentages carry two decimals, so that reports compare byte for byte. */
export function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 100;
}

/** Builds the report from the assembled blocks: per article, per block, per pair and in total. */
export function measure(
  articles: readonly MeasureArticle[],
  blocks: readonly Block[],
  occurrences: readonly (readonly Occurrence[])[],
  chrome: readonly (readonly ChromeMark[])[],
  problems: readonly Problem[],
  settings: ReportSettings,
): Report {
  const shared = new Map<number, number>();
  const count = articles.length;

  const articleReports: ArticleReport[] = articles.map((article, index) => {
    const { words } = article;
    const held = occurrences[index] ?? [];
    const spans: ReportSpan[] = [];
    let chromeWords = 0;
    for (const mark of chrome[index] ?? []) {
      chromeWords += mark.words;
      // Chrome inside a block occurrence is removed with the block: the block's span covers it.
      if (!held.some((occurrence) => occurrence.start <= mark.start && mark.end <= occurrence.end)) spans.push({ kind: 'chrome', start: mark.start, end: mark.end });
    }
    let sharedWords = 0;
    const ids: string[] = [];
    for (const occurrence of held) {
      const block = blocks[occurrence.block];
      if (block === undefined) continue;
      sharedWords += occurrence.words;
      spans.push({ kind: 'block', block: block.id, start: occurrence.start, end: occurrence.end });
      if (!ids.includes(block.id)) ids.push(block.id);
      for (const other of block.articles) {
        if (other === index) continue;
        const key = index * count + other;
        shared.set(key, (shared.get(key) ?? 0) + occurrence.words);
      }
    }
    return {
      path: article.path,
      words,
      uniqueWords: Math.max(0, words - sharedWords - chromeWords),
      sharedWords,
      sharedPct: percent(sharedWords, words),
      chromeWords,
      blocks: ids,
      spans: spans.sort((x, y) => x.start - y.start),
    };
  });

  const pairs: PairReport[] = [];
  for (const key of [...shared.keys()].sort((x, y) => x - y)) {
    const a = Math.floor(key / count);
    const b = key % count;
    if (a > b) continue;
    const aReport = articleReports[a];
    const bReport = articleReports[b];
    if (aReport === undefined || bReport === undefined) continue;
    pairs.push({
      a: aReport.path,
      b: bReport.path,
      aInB: percent(Math.min(shared.get(key) ?? 0, aReport.words), aReport.words),
      bInA: percent(Math.min(shared.get(b * count + a) ?? 0, bReport.words), bReport.words),
    });
  }

  const blockReports: BlockReport[] = blocks
    .map((block) => ({
      id: block.id,
      label: block.label,
      sentences: block.sentences,
      words: block.words,
      articles: block.articles.map((index) => articles[index]?.path ?? ''),
      variants: block.variants,
      minSimilarity: block.minSimilarity,
    }))
    .sort((x, y) => y.articles.length * y.words - x.articles.length * x.words || (x.id < y.id ? -1 : 1));

  const words = sum(articleReports, 'words');
  const sharedWords = sum(articleReports, 'sharedWords');
  return {
    schema: 1,
    settings,
    totals: {
      articles: articleReports.length,
      words,
      uniqueWords: sum(articleReports, 'uniqueWords'),
      sharedWords,
      sharedPct: percent(sharedWords, words),
      chromeWords: sum(articleReports, 'chromeWords'),
      blocks: blockReports.length,
    },
    articles: articleReports,
    blocks: blockReports,
    pairs,
    problems,
  };
}

function sum(reports: readonly ArticleReport[], field: 'words' | 'uniqueWords' | 'sharedWords' | 'chromeWords'): number {
  return reports.reduce((total, report) => total + report[field], 0);
}
