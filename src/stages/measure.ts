import { percent } from '../lib/percent.js';
import type { ArticleReport, BlockReport, PairReport, Problem, Report, ReportSettings, ReportSpan } from '../types.js';
import type { Block, Occurrence } from './assemble.js';
import type { ChromeMark } from './classify-chrome.js';

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

/**
 * An article's report, its members in the report's order: a record's id, title, date and source
 * and a duplicate's original only when set. Built member by member, not spread from a partial
 * object: a corpus has as many as it has articles.
 */
function articleReport(article: MeasureArticle, words: number, uniqueWords: number, sharedWords: number, sharedPct: number, chromeWords: number, blocks: readonly string[], spans: readonly ReportSpan[]): ArticleReport {
  const report: { -readonly [K in keyof ArticleReport]?: ArticleReport[K] } = { path: article.path };
  if (article.id !== undefined) report.id = article.id;
  if (article.title !== undefined) report.title = article.title;
  if (article.date !== undefined) report.date = article.date;
  if (article.source !== undefined) report.source = article.source;
  if (article.duplicateOf !== undefined) report.duplicateOf = article.duplicateOf;
  report.words = words;
  report.uniqueWords = uniqueWords;
  report.sharedWords = sharedWords;
  report.sharedPct = sharedPct;
  report.chromeWords = chromeWords;
  report.blocks = blocks;
  report.spans = spans;
  return report as ArticleReport;
}


/** Builds the report from the assembled blocks: per article, per block, per pair and in total. */
export function measure(
  articles: readonly MeasureArticle[],
  blocks: readonly Block[],
  occurrences: readonly (readonly Occurrence[])[],
  chrome: readonly (readonly ChromeMark[])[],
  problems: readonly Problem[],
  settings: ReportSettings & { readonly maxPairs: number },
  budget: PairBudget = PAIR_BUDGET,
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
    // A duplicate is wholly shared: it holds no block of its own, its original holds them.
    if (article.duplicateOf !== undefined) return articleReport(article, words, 0, words, words === 0 ? 0 : 100, 0, [], []);
    return articleReport(article, words, Math.max(0, words - sharedWords - chromeWords), sharedWords, percent(sharedWords, words), chromeWords, ids, spans.sort((x, y) => x.start - y.start));
  });

  const { pairs, pairCount } = topPairs(articleReports, blocks, occurrences, settings.maxPairs, budget);

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
 * What counting and ranking the pairs may spend before it changes method; see `topPairs`. The
 * defaults keep each part to some tens of millions of simple steps.
 */
export interface PairBudget {
  /** Pairs visited one by one, summed over the narrow blocks (a block in k articles makes k(k−1)/2). */
  readonly narrowPairs: number;
  /** Steps to count the pairs of one group of wide blocks exactly: D² for D distinct sets of wide blocks, or 2^L·L for L wide blocks. */
  readonly groupSteps: number;
}

/** The budget `measure` uses unless told otherwise. */
export const PAIR_BUDGET: PairBudget = { narrowPairs: 2 ** 24, groupSteps: 2 ** 24 };

type Ranked = { readonly high: number; readonly low: number; readonly a: number; readonly b: number };
const rankOrder = (x: Ranked, y: Ranked): number => y.high - x.high || y.low - x.low || x.a - y.a || x.b - y.b;

/**
 * The pairs of articles that share text, the `limit` that share most (by the larger of the two
 * percentages, then the smaller, then by path), and how many pairs there are in all, without
 * visiting every pair: a block in k articles makes k(k−1)/2 of them.
 *
 * Blocks are narrow or wide by reach: the smallest blocks are narrow for as long as their pairs,
 * summed, stay within `budget.narrowPairs`; the rest (site furniture in thousands of articles) are
 * wide. Pairs that share a narrow block are visited one by one, counted and ranked exactly.
 *
 * Pairs that share a wide block are counted through each article's set of wide blocks (its
 * signature): wide blocks that meet in some article form a group, and the pairs sharing a block of
 * the group are Σ over signatures σ of count(σ)·(articles whose signature meets σ − 1), halved. That
 * is exact when the group's distinct signatures can be compared two by two, or its wide blocks are
 * few enough to sum over subsets (2^L·L steps); otherwise it is estimated from an even sample of the
 * signatures (counting pairs of intersecting sets is, in general, as hard as visiting them). Pairs
 * that share both kinds are counted once.
 *
 * Pairs that share only wide blocks are ranked from a bound: an article's share of a pair is at most
 * its share in all its wide blocks. Articles are taken by that bound, highest first, and each one's
 * partners in its wide blocks likewise, so the walk stops as soon as no pair left could enter the
 * list. Rankings are exact; only `pairCount` may be estimated, and `exact` says which.
 */
export function topPairs(
  reports: readonly ArticleReport[],
  blocks: readonly Block[],
  occurrences: readonly (readonly Occurrence[])[],
  limit: number,
  budget: PairBudget = PAIR_BUDGET,
): { pairs: PairReport[]; pairCount: number; exact: boolean } {
  const count = reports.length;
  const wordsOf = reports.map((report) => report.words);
  // Each article's distinct blocks, ascending, with its own words in each.
  const heldIds: Int32Array[] = [];
  const heldWords: Float64Array[] = [];
  for (let article = 0; article < count; article += 1) {
    const words = new Map<number, number>();
    for (const occurrence of occurrences[article] ?? []) {
      if (blocks[occurrence.block] === undefined) continue;
      words.set(occurrence.block, (words.get(occurrence.block) ?? 0) + occurrence.words);
    }
    const ids = Int32Array.from(words.keys()).sort();
    heldIds.push(ids);
    heldWords.push(Float64Array.from(ids, (id) => words.get(id) ?? 0));
  }

  // The smallest blocks are narrow while their pairs fit the budget; once one is wide, every block
  // after it in this order is too.
  const wide = new Uint8Array(blocks.length);
  const byReach = blocks.map((_, index) => index).sort((x, y) => (blocks[x]?.articles.length ?? 0) - (blocks[y]?.articles.length ?? 0) || x - y);
  let narrowBudget = budget.narrowPairs;
  for (const index of byReach) {
    const reach = blocks[index]?.articles.length ?? 0;
    const pairs = (reach * (reach - 1)) / 2;
    if (narrowBudget >= pairs) narrowBudget -= pairs;
    else narrowBudget = -1;
    if (narrowBudget < 0) wide[index] = 1;
  }

  // What two articles share: the words of each in the blocks both hold, and of which kinds.
  let sharedA = 0;
  let sharedB = 0;
  let sharesNarrow = false;
  let sharesWide = false;
  const compare = (a: number, b: number): void => {
    const idsA = heldIds[a] ?? EMPTY_IDS;
    const idsB = heldIds[b] ?? EMPTY_IDS;
    const wordsA = heldWords[a] ?? EMPTY_WORDS;
    const wordsB = heldWords[b] ?? EMPTY_WORDS;
    sharedA = 0;
    sharedB = 0;
    sharesNarrow = false;
    sharesWide = false;
    for (let i = 0, j = 0; i < idsA.length && j < idsB.length; ) {
      const x = idsA[i] ?? 0;
      const y = idsB[j] ?? 0;
      if (x < y) i += 1;
      else if (y < x) j += 1;
      else {
        sharedA += wordsA[i] ?? 0;
        sharedB += wordsB[j] ?? 0;
        if (wide[x] === 1) sharesWide = true;
        else sharesNarrow = true;
        i += 1;
        j += 1;
      }
    }
  };

  let kept: (Ranked & { readonly pair: PairReport })[] = [];
  // Once the list has been cut to `limit`, its last pair: a pair that does not rank above it is only counted.
  let floor: Ranked | undefined;
  // After `compare(a, b)`, a < b.
  const offer = (a: number, b: number): void => {
    const aWords = wordsOf[a] ?? 0;
    const bWords = wordsOf[b] ?? 0;
    const aInB = percent(Math.min(sharedA, aWords), aWords);
    const bInA = percent(Math.min(sharedB, bWords), bWords);
    const ranked = { high: Math.max(aInB, bInA), low: Math.min(aInB, bInA), a, b };
    if (floor !== undefined && rankOrder(ranked, floor) >= 0) return;
    kept.push({ ...ranked, pair: { a: reports[a]?.path ?? '', b: reports[b]?.path ?? '', aInB, bInA } });
    if (kept.length >= limit * 2 + 16) {
      kept = kept.sort(rankOrder).slice(0, limit);
      floor = kept[kept.length - 1];
    }
  };

  // Pairs that share a narrow block, one by one.
  let narrowPairs = 0;
  let bothPairs = 0;
  const seen = new Int32Array(count).fill(-1);
  for (let a = 0; a < count; a += 1) {
    for (const id of heldIds[a] ?? EMPTY_IDS) {
      if (wide[id] === 1) continue;
      const holders = blocks[id]?.articles ?? [];
      for (let slot = firstAbove(holders, a); slot < holders.length; slot += 1) {
        const b = holders[slot] ?? count;
        if (b >= count) break;
        if (seen[b] === a) continue;
        seen[b] = a;
        narrowPairs += 1;
        compare(a, b);
        if (sharesWide) bothPairs += 1;
        if (limit > 0) offer(a, b);
      }
    }
  }

  // Each article's wide blocks, and the groups of wide blocks that meet in some article.
  const wideOf = heldIds.map((ids) => ids.filter((id) => wide[id] === 1));
  const parent = Int32Array.from(blocks, (_, index) => index);
  const root = (block: number): number => {
    let at = block;
    while (parent[at] !== at) {
      const up = parent[parent[at] ?? at] ?? at;
      parent[at] = up;
      at = up;
    }
    return at;
  };
  for (const ids of wideOf) for (let i = 1; i < ids.length; i += 1) parent[root(ids[i] ?? 0)] = root(ids[0] ?? 0);
  const groups = new Map<number, Map<string, { count: number; ids: Int32Array }>>();
  for (const ids of wideOf) {
    if (ids.length === 0) continue;
    const group = root(ids[0] ?? 0);
    const signatures = groups.get(group) ?? new Map<string, { count: number; ids: Int32Array }>();
    groups.set(group, signatures);
    const key = ids.join(',');
    const signature = signatures.get(key);
    if (signature === undefined) signatures.set(key, { count: 1, ids });
    else signature.count += 1;
  }
  let widePairs = 0;
  let exact = true;
  for (const signatures of groups.values()) {
    const counted = countGroup([...signatures.values()], budget.groupSteps);
    widePairs += counted.pairs;
    exact &&= counted.exact;
  }

  if (limit > 0) {
    // Pairs that share only wide blocks, from the bound: an article's share in all its wide blocks.
    const bound = wideOf.map((ids, article) => {
      const words = heldWords[article] ?? EMPTY_WORDS;
      const all = heldIds[article] ?? EMPTY_IDS;
      let inWide = 0;
      for (let i = 0; i < all.length; i += 1) if (wide[all[i] ?? 0] === 1) inWide += words[i] ?? 0;
      const own = wordsOf[article] ?? 0;
      return ids.length === 0 ? -1 : percent(Math.min(inWide, own), own);
    });
    const leaders = bound.flatMap((value, article) => (value < 0 ? [] : [article])).sort((x, y) => (bound[y] ?? 0) - (bound[x] ?? 0) || x - y);
    const rank = new Int32Array(count).fill(-1);
    leaders.forEach((article, place) => (rank[article] = place));
    // Each wide block's holders in the leaders' order.
    const holdersByRank = new Map<number, Int32Array>();
    for (let id = 0; id < blocks.length; id += 1) {
      if (wide[id] !== 1) continue;
      const holders = Int32Array.from((blocks[id]?.articles ?? []).filter((article) => (rank[article] ?? -1) >= 0));
      holdersByRank.set(id, holders.sort((x, y) => (rank[x] ?? 0) - (rank[y] ?? 0)));
    }
    for (const x of leaders) {
      const xBound = bound[x] ?? 0;
      if (floor !== undefined && xBound < floor.high) break;
      const streams = [...(wideOf[x] ?? EMPTY_IDS)].map((id) => {
        const holders = holdersByRank.get(id) ?? EMPTY_IDS;
        return { holders, at: firstRankAbove(holders, rank, rank[x] ?? 0) };
      });
      for (;;) {
        // The next partner in the leaders' order: its bound, then its index, only fall from here on.
        let y = -1;
        for (const stream of streams) {
          const head = stream.holders[stream.at];
          if (head !== undefined && (y < 0 || (rank[head] ?? 0) < (rank[y] ?? 0))) y = head;
        }
        if (y < 0) break;
        for (const stream of streams) if (stream.holders[stream.at] === y) stream.at += 1;
        const a = Math.min(x, y);
        const b = Math.max(x, y);
        if (floor !== undefined && rankOrder({ high: xBound, low: bound[y] ?? 0, a, b }, floor) >= 0) break;
        compare(a, b);
        // A pair that shares a narrow block was ranked with those.
        if (!sharesNarrow) offer(a, b);
      }
    }
  }

  return { pairs: limit === 0 ? [] : kept.sort(rankOrder).slice(0, limit).map((ranked) => ranked.pair), pairCount: narrowPairs + widePairs - bothPairs, exact };
}

const EMPTY_IDS = new Int32Array(0);
const EMPTY_WORDS = new Float64Array(0);

/** The first slot of an ascending list that holds a value above `value`. */
function firstAbove(list: readonly number[], value: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((list[middle] ?? 0) <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The first slot of a list in rank order whose article ranks after `place`. */
function firstRankAbove(list: Int32Array, rank: Int32Array, place: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((rank[list[middle] ?? 0] ?? 0) <= place) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The pairs of articles that share a block of one group of wide blocks, from the group's distinct
 * signatures (the wide blocks an article holds, ascending) and how many articles hold each.
 */
function countGroup(signatures: readonly { readonly count: number; readonly ids: Int32Array }[], steps: number): { pairs: number; exact: boolean } {
  const distinct = signatures.length;
  const blockIds = [...new Set(signatures.flatMap((signature) => [...signature.ids]))].sort((x, y) => x - y);
  const width = blockIds.length;
  const total = signatures.reduce((sum, signature) => sum + signature.count, 0);
  // Twice the pairs: each article with the others whose signature meets its own.
  if (distinct * distinct > steps && width <= 30 && 2 ** width * width <= steps) {
    // Few wide blocks: count, for each set of blocks, the articles whose signature lies within it.
    const bit = new Map(blockIds.map((id, index) => [id, index]));
    const maskOf = (ids: Int32Array): number => ids.reduce((mask, id) => mask | (1 << (bit.get(id) ?? 0)), 0);
    const within = new Float64Array(2 ** width);
    for (const signature of signatures) within[maskOf(signature.ids)] = (within[maskOf(signature.ids)] ?? 0) + signature.count;
    for (let b = 0; b < width; b += 1) for (let mask = 0; mask < within.length; mask += 1) if ((mask & (1 << b)) !== 0) within[mask] = (within[mask] ?? 0) + (within[mask ^ (1 << b)] ?? 0);
    const full = within.length - 1;
    let twice = 0;
    for (const signature of signatures) twice += signature.count * (total - (within[full & ~maskOf(signature.ids)] ?? 0) - 1);
    return { pairs: twice / 2, exact: true };
  }
  // Otherwise signature by signature, against all of them: each one when that fits the budget,
  // else an even sample, scaled up by the articles it stands for.
  const stride = Math.max(1, Math.ceil((distinct * distinct) / Math.max(1, steps)));
  let twice = 0;
  let sampled = 0;
  for (let s = 0; s < distinct; s += stride) {
    const signature = signatures[s];
    if (signature === undefined) continue;
    let meeting = 0;
    for (const other of signatures) if (meets(signature.ids, other.ids)) meeting += other.count;
    twice += signature.count * (meeting - 1);
    sampled += signature.count;
  }
  if (stride === 1) return { pairs: twice / 2, exact: true };
  return { pairs: Math.round(((twice / 2) * total) / Math.max(1, sampled)), exact: false };
}

/** Whether two ascending lists share a value. */
function meets(x: Int32Array, y: Int32Array): boolean {
  for (let i = 0, j = 0; i < x.length && j < y.length; ) {
    const a = x[i] ?? 0;
    const b = y[j] ?? 0;
    if (a === b) return true;
    if (a < b) i += 1;
    else j += 1;
  }
  return false;
}
