/**
 * The data an HTML report page holds, built from a report, the blocks' texts and (some of) the
 * articles' texts. Pure. Articles and blocks are referred to by index, so that a corpus of 10,000
 * articles gives a page that stays small; what does not fit a limit is left out and counted.
 */
import { createRequire } from 'node:module';
import type { diffWords as DiffWords } from 'diff';

// jsdiff is loaded on the first HTML page, not by every run (its CommonJS build, so that the
// page model stays synchronous).
let diffWordsOnce: typeof DiffWords | undefined;
function diffWords(...args: Parameters<typeof DiffWords>): ReturnType<typeof DiffWords> {
  diffWordsOnce ??= (createRequire(import.meta.url)('diff') as { diffWords: typeof DiffWords }).diffWords;
  return diffWordsOnce(...args);
}
import type { Report, SharedBlockText } from '../../types.js';

/** How much one page may hold. */
export interface PageLimits {
  /** Articles in the heatmap: all of them up to this many, else the ones that overlap most. */
  readonly heatmapArticles: number;
  /** UTF-16 code units of article text for the reader, taken in path order. */
  readonly readerChars: number;
  /** UTF-16 code units of block texts (canonical wording and variants), taken in order of reach. */
  readonly blockChars: number;
  /** Articles on the page at all: beyond this many, those with the most shared words. */
  readonly articles: number;
  /** Bytes of the page's data: the reader gets what the figures and blocks leave of it. */
  readonly pageBytes: number;
}

export const DEFAULT_PAGE_LIMITS: PageLimits = { heatmapArticles: 40, readerChars: 12_000_000, blockChars: 4_000_000, articles: 50_000, pageBytes: 19_000_000 };

/** A diff piece: 0 the same in both, 1 only in the variant (inserted), -1 only in the canonical wording (deleted). */
export type DiffPiece = readonly [op: 0 | 1 | -1, text: string];

export interface PageArticle {
  readonly path: string;
  /** A record's title, when it has one. */
  readonly title?: string;
  readonly words: number;
  readonly unique: number;
  readonly shared: number;
  readonly chrome: number;
  readonly pct: number;
  /** Indices into `blocks`, in reading order. */
  readonly blocks: readonly number[];
}

export interface PageBlock {
  readonly id: string;
  readonly label: string;
  readonly words: number;
  readonly sentences: number;
  /** Indices into `articles` of those on the page; the first holds the canonical wording. */
  readonly articles: readonly number[];
  /** How many articles hold the block, on the page or not. */
  readonly holders: number;
  readonly reach: number;
  readonly variants: number;
  readonly minSimilarity: number;
  /** With an index: `new` since the index was last updated, or `archive` (an archive block the inputs joined). */
  readonly since?: 'new' | 'archive';
  /** The canonical wording; undefined when it is beyond `blockChars`. */
  readonly text?: string;
  readonly variantSentences?: readonly {
    readonly position: number;
    readonly canonical: string;
    readonly wordings: readonly { readonly articles: readonly number[]; readonly diff: readonly DiffPiece[] }[];
  }[];
  readonly headings?: readonly { readonly article: number; readonly text: string }[];
}

/** A span of a reader text: 0 a block occurrence (with its block's index), 1 a chrome line. */
export type PageSpan = readonly [kind: 0 | 1, block: number, start: number, end: number];

export interface PageModel {
  readonly totals: Report['totals'];
  /** With an index: what the run read of it (see the report's `index`). */
  readonly index?: Report['index'];
  readonly settings: Report['settings'];
  readonly articles: readonly PageArticle[];
  readonly blocks: readonly PageBlock[];
  /** The report's pairs: `[a, b, aInB, bInA]` with article indices. */
  readonly pairs: readonly (readonly [number, number, number, number])[];
  /** Article indices in the heatmap, in the order of its rows and columns. */
  readonly heatmap: readonly number[];
  readonly reader: readonly { readonly article: number; readonly text: string; readonly spans: readonly PageSpan[] }[];
  readonly problems: Report['problems'];
  /** What the limits left out, so the page can say so. */
  readonly limits: {
    readonly articlesShown: number;
    readonly articlesOf: number;
    readonly pairsListed: number;
    readonly pairsTotal: number;
    readonly heatmapShown: number;
    readonly heatmapOf: number;
    readonly readerShown: number;
    readonly blockTextsShown: number;
  };
}

/** What a page is made from: the report, the blocks' texts, and the texts of the articles to read. */
export interface HtmlInput {
  readonly report: Report;
  readonly shared: readonly SharedBlockText[];
  /** Decoded article texts by path, as the run read them; articles missing here are not in the reader. */
  readonly texts: ReadonlyMap<string, string>;
  readonly limits?: Partial<PageLimits>;
}

/** Builds the page's data. */
export function pageModel(input: HtmlInput): PageModel {
  const limits = { ...DEFAULT_PAGE_LIMITS, ...input.limits };
  const { report } = input;
  const kept = pageArticles(report, limits.articles);
  const articleIndex = new Map(kept.map((article, index) => [article.path, index]));
  const blockIndex = new Map(report.blocks.map((block, index) => [block.id, index]));
  const indexOf = (path: string): number => articleIndex.get(path) ?? -1;
  const onPage = (paths: readonly string[]): number[] => paths.map(indexOf).filter((index) => index >= 0);

  const articles = kept.map((article) => ({
    path: article.path,
    ...(article.title === undefined ? {} : { title: article.title }),
    words: article.words,
    unique: article.uniqueWords,
    shared: article.sharedWords,
    chrome: article.chromeWords,
    pct: article.sharedPct,
    blocks: article.blocks.map((id) => blockIndex.get(id) ?? -1),
  }));

  const texts = new Map(input.shared.map((block) => [block.id, block]));
  let blockBudget = limits.blockChars;
  let blockTextsShown = 0;
  const joined = report.index === undefined ? undefined : new Set(report.index.joinedBlocks);
  const blocks = report.blocks.map((block): PageBlock => {
    const base = {
      id: block.id,
      label: block.label,
      words: block.words,
      sentences: block.sentences,
      articles: onPage(block.articles),
      holders: block.articles.length,
      reach: block.articles.length * block.words,
      variants: block.variants,
      minSimilarity: block.minSimilarity,
      ...(joined === undefined ? {} : { since: joined.has(block.id) ? ('archive' as const) : ('new' as const) }),
    };
    const shared = texts.get(block.id);
    if (shared === undefined) return base;
    const size = shared.text.length + shared.variantsText.length;
    if (size > blockBudget) return base;
    blockBudget -= size;
    blockTextsShown += 1;
    return {
      ...base,
      text: shared.text,
      variantSentences: shared.variants.sentences.map((sentence) => ({
        position: sentence.position,
        canonical: sentence.canonical,
        wordings: sentence.wordings.map((wording) => ({ articles: onPage(wording.articles), diff: wordDiff(sentence.canonical, wording.text) })),
      })),
      headings: shared.variants.headings.map((heading) => ({ article: indexOf(heading.article), text: heading.text })).filter((heading) => heading.article >= 0),
    };
  });

  const pairs = report.pairs.map((pair) => [indexOf(pair.a), indexOf(pair.b), pair.aInB, pair.bInA] as const).filter(([a, b]) => a >= 0 && b >= 0);

  // The reader takes what is left of the page's bytes once everything else is in.
  const rest = Buffer.byteLength(JSON.stringify({ articles, blocks, pairs, problems: report.problems }));
  let readerChars = limits.readerChars;
  let readerBytes = limits.pageBytes - rest;
  const reader: { article: number; text: string; spans: PageSpan[] }[] = [];
  kept.forEach((article, index) => {
    const text = input.texts.get(article.path);
    if (text === undefined || text.length > readerChars) return;
    // A text that no longer fits its spans (changed since the run) is left out rather than misread.
    if (article.spans.some((span) => span.end > text.length)) return;
    const bytes = Buffer.byteLength(text) + 16 * article.spans.length + 32;
    if (bytes > readerBytes) return;
    readerChars -= text.length;
    readerBytes -= bytes;
    reader.push({
      article: index,
      text,
      spans: article.spans.map((span): PageSpan => (span.kind === 'block' ? [0, blockIndex.get(span.block) ?? -1, span.start, span.end] : [1, -1, span.start, span.end])),
    });
  });

  const heatmap = heatmapArticles(kept.length, pairs, limits.heatmapArticles);
  return {
    totals: report.totals,
    ...(report.index === undefined ? {} : { index: report.index }),
    settings: report.settings,
    articles,
    blocks,
    pairs,
    heatmap,
    reader,
    problems: report.problems,
    limits: {
      articlesShown: kept.length,
      articlesOf: report.articles.length,
      pairsListed: report.pairs.length,
      pairsTotal: report.totals.pairs,
      heatmapShown: heatmap.length,
      heatmapOf: kept.length,
      readerShown: reader.length,
      blockTextsShown,
    },
  };
}

/**
 * The articles a page holds, in path order: all of them up to `limit`, else the `limit` with the
 * most shared words (the first in path order among equals). The rest are in `report.json` only.
 */
export function pageArticles(report: Report, limit = DEFAULT_PAGE_LIMITS.articles): readonly Report['articles'][number][] {
  if (report.articles.length <= limit) return report.articles;
  const order = report.articles.map((_, index) => index);
  order.sort((a, b) => (report.articles[b]?.sharedWords ?? 0) - (report.articles[a]?.sharedWords ?? 0) || a - b);
  return order
    .slice(0, limit)
    .sort((a, b) => a - b)
    .map((index) => report.articles[index]!);
}

/** Word-level differences between a canonical sentence and another wording of it. */
export function wordDiff(canonical: string, variant: string): DiffPiece[] {
  return diffWords(canonical, variant).map((change): DiffPiece => [change.added ? 1 : change.removed ? -1 : 0, change.value]);
}

/**
 * The heatmap's articles: every article when there are at most `limit`; otherwise the articles of
 * the pairs that share most, taken pair by pair (the report lists pairs most-sharing first) until
 * `limit` are in, so that the cells shown are the largest. Those come in the order they were
 * taken, which puts the two articles of a pair side by side and its cells next to the diagonal.
 */
function heatmapArticles(count: number, pairs: readonly (readonly [number, number, number, number])[], limit: number): number[] {
  if (count <= limit) return Array.from({ length: count }, (_, index) => index);
  const chosen = new Set<number>();
  for (const [a, b] of pairs) {
    if (chosen.size + (chosen.has(a) ? 0 : 1) + (chosen.has(b) ? 0 : 1) > limit) break;
    chosen.add(a).add(b);
  }
  return [...chosen];
}
