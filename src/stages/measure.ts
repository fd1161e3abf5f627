import type { ArticleReport, BlockReport, PairReport, Problem, Report, ReportSettings, ReportSpan } from '../types.js';
import type { Block, Occurrence } from './assemble.js';
import type { ChromeMark } from './classify-chrome.js';
import { lastAtOrBelow } from './match.js';

/** What the measure step reads of each article. */
export interface MeasureArticle {
  readonly path: string;
  readonly words: number;
  /** A record's id, title, date and source, shown in the report when set. */
  readonly id?: string | undefined;
  readonly title?: string | undefined;
  readonly date?: string | undefined;
  readonly source?: string | undefined;
  /** The key of the earlier article this one wholly duplicates. */
  readonly duplicateOf?: string | undefined;
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
  settings: ReportSettings & { readonly maxPairs: number },
): Report {

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
    }
    const about = {
      path: article.path,
      ...(article.id === undefined ? {} : { id: article.id }),
      ...(article.title === undefined ? {} : { title: article.title }),
      ...(article.date === undefined ? {} : { date: article.date }),
      ...(article.source === undefined ? {} : { source: article.source }),
    };
    // A duplicate is wholly shared: it holds no block of its own, its original holds them.
    if (article.duplicateOf !== undefined) {
      return { ...about, duplicateOf: article.duplicateOf, words, uniqueWords: 0, sharedWords: words, sharedPct: words === 0 ? 0 : 100, chromeWords: 0, blocks: [], spans: [] };
    }
    return {
      ...about,
      words,
      uniqueWords: Math.max(0, words - sharedWords - chromeWords),
      sharedWords,
      sharedPct: percent(sharedWords, words),
      chromeWords,
      blocks: ids,
      spans: spans.sort((x, y) => x.start - y.start),
    };
  });

  const { pairs, pairCount } = topPairs(articleReports, blocks, occurrences, settings.maxPairs);

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
  const duplicates = articleReports.flatMap((article) => (article.duplicateOf === undefined ? [] : [{ path: article.path, of: article.duplicateOf }]));
  return {
    schema: 1,
    settings: { similarity: settings.similarity, minBlockWords: settings.minBlockWords, chromeMinArticles: settings.chromeMinArticles, shingleSize: settings.shingleSize },
    totals: {
      articles: articleReports.length,
      words,
      uniqueWords: sum(articleReports, 'uniqueWords'),
      sharedWords,
      sharedPct: percent(sharedWords, words),
      chromeWords: sum(articleReports, 'chromeWords'),
      blocks: blockReports.length,
      pairs: pairCount,
    },
    articles: articleReports,
    blocks: blockReports,
    pairs,
    problems,
    ...(duplicates.length === 0 ? {} : { duplicates }),
  };
}

function sum(reports: readonly ArticleReport[], field: 'words' | 'uniqueWords' | 'sharedWords' | 'chromeWords'): number {
  return reports.reduce((total, report) => total + report[field], 0);
}

/**
 * The pairs of articles that share text, the `limit` that share most (by the larger of the two
 * percentages, then the smaller, then by path), and how many pairs there are in all. A block in
 * `n` articles makes n(n-1)/2 pairs, so a large corpus has millions: they are counted one article
 * at a time and only the leaders are kept.
 */
function topPairs(
  reports: readonly ArticleReport[],
  blocks: readonly Block[],
  occurrences: readonly (readonly Occurrence[])[],
  limit: number,
): { pairs: PairReport[]; pairCount: number } {
  // The words each holding article has in each block, aligned with `block.articles` (ascending).
  const wordsIn = blocks.map((block) => new Float64Array(block.articles.length));
  occurrences.forEach((held, article) => {
    for (const occurrence of held) {
      const block = blocks[occurrence.block];
      const words = wordsIn[occurrence.block];
      if (block === undefined || words === undefined) continue;
      const slot = lastAtOrBelow(block.articles.length, (i) => block.articles[i] ?? 0, article);
      words[slot] = (words[slot] ?? 0) + occurrence.words;
    }
  });
  type Ranked = { readonly high: number; readonly low: number; readonly a: number; readonly b: number };
  const order = (x: Ranked, y: Ranked): number => y.high - x.high || y.low - x.low || x.a - y.a || x.b - y.b;
  let kept: (Ranked & { readonly pair: PairReport })[] = [];
  // Once the list is full, the last pair kept: a pair that does not rank above it is only counted.
  let floor: Ranked | undefined;
  let pairCount = 0;
  const aWords = new Map<number, number>();
  const bWords = new Map<number, number>();
  occurrences.forEach((held, a) => {
    aWords.clear();
    bWords.clear();
    const seen = new Set<number>();
    for (const occurrence of held) {
      const block = blocks[occurrence.block];
      const words = wordsIn[occurrence.block];
      if (block === undefined || words === undefined || seen.has(occurrence.block)) continue;
      seen.add(occurrence.block);
      const own = words[lastAtOrBelow(block.articles.length, (i) => block.articles[i] ?? 0, a)] ?? 0;
      block.articles.forEach((b, slot) => {
        if (b <= a) return;
        aWords.set(b, (aWords.get(b) ?? 0) + own);
        bWords.set(b, (bWords.get(b) ?? 0) + (words[slot] ?? 0));
      });
    }
    const aReport = reports[a];
    if (aReport === undefined) return;
    for (const [b, sharedOfA] of aWords) {
      const bReport = reports[b];
      if (bReport === undefined) continue;
      pairCount += 1;
      if (limit === 0) continue;
      const aInB = percent(Math.min(sharedOfA, aReport.words), aReport.words);
      const bInA = percent(Math.min(bWords.get(b) ?? 0, bReport.words), bReport.words);
      const ranked = { high: Math.max(aInB, bInA), low: Math.min(aInB, bInA), a, b };
      if (floor !== undefined && order(ranked, floor) >= 0) continue;
      kept.push({ ...ranked, pair: { a: aReport.path, b: bReport.path, aInB, bInA } });
      if (kept.length >= limit * 2 + 1024) {
        kept = kept.sort(order).slice(0, limit);
        floor = kept[kept.length - 1];
      }
    }
  });
  return { pairs: kept.sort(order).slice(0, limit).map((ranked) => ranked.pair), pairCount };
}
