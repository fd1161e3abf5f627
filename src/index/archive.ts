/**
 * What a run reads of a lasting index: the archive articles its inputs need as context, as refs to
 * their texts in the index; how many articles each source has beyond the run; and the counts of
 * the inputs' short lines among the archive articles beyond the run.
 */
import type { ArticleRef } from '../worker.js';
import type { ArticleMeta } from '../stages/spool.js';
import type { LineCountsBeyond } from '../stages/count.js';
import { dirname, resolve } from 'node:path';
import type { ArchiveArticle, IndexedArticle, IndexSettings } from './store.js';
import { IndexReader, sourceOfIndexed } from './store.js';
import type { IndexSource } from './backend.js';
import type { HolderLists } from './holders.js';
import { isPostgresUrl } from './url.js';
import { NewsdedupError } from '../errors.js';
import { trace } from '../lib/trace.js';
import type { ContextQuery } from '../stages/context.js';
import { NOT_A_SENTENCE, SENTENCES, holderOf, sentenceOf } from './store.js';
import { compareOrder, digestHash, distinctSorted, selectContext } from '../stages/context.js';
import type { ArticleOrder } from '../stages/spool.js';

/** Archive articles found for a run, in key order: refs to their texts in the index, their metadata, and their sentences that may be copies. */
export interface Matching {
  readonly refs: ArticleRef[];
  readonly metas: ArticleMeta[];
  readonly sentences: Set<number>[];
  /**
   * By whole-sentence hash, for a common short sentence or line of a query's: the keys of the
   * archive articles that hold it verbatim and were not read now.
   */
  readonly unreadCopies: ReadonlyMap<number, readonly string[]>;
}

/** Counts among the archive articles outside a run. */
export interface Beyond {
  /** Per source, its archive articles outside the run. */
  readonly sourcesBeyond: ReadonlyMap<string, number>;
  /** The inputs' short lines, counted among the archive articles outside the run. */
  readonly linesBeyond: LineCountsBeyond;
}

/** The archive as a run sees it (see `stages/context.ts`). */
export interface Archive {
  /** The index as the user named it. */
  readonly name: string;
  /** Current articles in the index. */
  readonly articleCount: number;
  /** The archive articles outside the run (`inRun`, by key) that may hold a copy of a query's sentences or text. */
  matching(queries: readonly ContextQuery[], inRun: ReadonlySet<string>): Promise<Matching>;
  /**
   * For each fingerprint looked up so far, where its holders outside the run stand in run order,
   * ascending, one per article: the earliest and the latest before an article of the run are what
   * a full run's first and latest holders would be, where those are outside.
   */
  holdersOutside(inRun: ReadonlySet<string>): Map<number, readonly ArticleOrder[]>;
  /** Counts among the archive articles outside the run, for the inputs' short lines (`[hash, template, …]`). */
  beyond(lines: readonly number[], inRun: ReadonlySet<string>): Promise<Beyond>;
  /** Keeps the blocks a clean found, with their holders, where the index can be queried. */
  recordBlocks(blocks: readonly { readonly id: string; readonly label: string; readonly articles: readonly string[] }[]): Promise<void>;
  /** Lets the index go (a connection, a spool of texts). */
  close(): Promise<void>;
}

/** Where an archive article stands in a run (see `compareOrder`). */
function orderOfArticle(article: IndexedArticle): ArticleOrder {
  return { file: article.file ?? article.key, ordinal: article.ordinal ?? 0 };
}


export function archiveOf(reader: IndexSource): Archive {
  // Holders of every fingerprint looked up, kept for `holdersOutside`: one set of lists per look-up.
  const looked: HolderLists[] = [];
  const articles = new Map<number, ArchiveArticle>();
  const articleOfHolder = (holder: number): ArchiveArticle => {
    const number = Math.floor(holder / SENTENCES);
    let article = articles.get(number);
    if (article === undefined) {
      article = reader.article(holder);
      articles.set(number, article);
    }
    return article;
  };
  return {
    name: reader.name,
    articleCount: reader.articleCount,
    async matching(queries, inRun) {
      const wanted: number[] = [];
      for (const query of queries) {
        const { offsets, hashes } = query;
        // An input's every fingerprint, though only some may bring articles: `holdersOutside` tells
        // the run which of them a full run's other articles hold first or last. A context article's, of
        // the sentences asked only.
        for (let s = 0; s + 1 < offsets.length; s += 1) {
          if (query.sentences !== undefined && !query.sentences.has(s)) continue;
          for (let h = offsets[s] ?? 0; h < (offsets[s + 1] ?? 0); h += 1) wanted.push(hashes[h] ?? 0);
        }
        // Its digest, for the archive's copies of its whole text.
        if (query.textDigest !== '') wanted.push(digestHash(query.textDigest));
      }
      const holders = await reader.holders(distinctSorted(Uint32Array.from(wanted)));
      looked.push(holders);
      const articleOf = (holder: number): number => Math.floor(holder / SENTENCES);
      const { selected, unread } = selectContext(queries, (hash) => holders.get(hash), { articleOf, sentenceOf });
      // Copies left unread, as the keys of their articles: the run filters out those it reads in
      // any round, and gives them to every sentence of those words it holds, inputs and context alike.
      const unreadCopies = new Map<number, readonly string[]>();
      for (const [hash, copies] of unread) {
        const keys = new Set<string>();
        for (const copy of copies) if (!selected.has(articleOf(copy))) keys.add(articleOfHolder(copy).key);
        if (keys.size > 0) unreadCopies.set(hash, [...keys]);
      }
      const found = [...selected]
        .map(([article, sentences]) => ({ article: articleOfHolder(holderOf(article, 0)), sentences }))
        .filter((entry) => !inRun.has(entry.article.key))
        .sort((a, b) => (a.article.key < b.article.key ? -1 : a.article.key > b.article.key ? 1 : 0));
      return {
        refs: await reader.textRefs(found.map(({ article }) => article)),
        metas: found.map(({ article }) => ({ id: article.id, title: article.title, date: article.date, dateMs: article.dateMs, source: article.source, order: orderOfArticle(article) })),
        sentences: found.map((entry) => entry.sentences),
        unreadCopies,
      };
    },
    holdersOutside(inRun) {
      // Each holding article's place in run order, once: outside the run, its rank; inside, -1.
      const rank = new Map<number, number>();
      for (const lists of looked) for (const holder of lists.allHolders()) if (sentenceOf(holder) !== NOT_A_SENTENCE) rank.set(Math.floor(holder / SENTENCES), -1);
      const outside = [...rank.keys()].map((number) => ({ number, article: articleOfHolder(holderOf(number, 0)) })).filter(({ article }) => !inRun.has(article.key));
      const orders = outside.map(({ article }) => orderOfArticle(article));
      const byOrder = outside.map((_, index) => index).sort((x, y) => compareOrder(orders[x] as ArticleOrder, orders[y] as ArticleOrder));
      byOrder.forEach((index, place) => rank.set(outside[index]?.number ?? -1, place));
      const outsideOf = new Map<number, readonly ArticleOrder[]>();
      for (const lists of looked) {
        lists.forEachList((hash, holders, from, to) => {
          // A fingerprint looked up in two rounds has the same holders in both.
          if (outsideOf.has(hash)) return;
          const places = new Set<number>();
          for (let at = from; at < to; at += 1) {
            const holder = holders[at] as number;
            if (sentenceOf(holder) === NOT_A_SENTENCE) continue;
            const place = rank.get(Math.floor(holder / SENTENCES)) ?? -1;
            if (place >= 0) places.add(place);
          }
          if (places.size > 0) outsideOf.set(hash, [...places].sort((x, y) => x - y).map((place) => orders[byOrder[place] ?? 0] as ArticleOrder));
        });
      }
      return outsideOf;
    },
    async beyond(lines, inRun) {
      // Each source's articles, less those in the run.
      const sourcesBeyond = await reader.sourceCounts();
      for (const article of (await reader.articlesOf([...inRun])).values()) {
        const source = sourceOfIndexed(article);
        sourcesBeyond.set(source, (sourcesBeyond.get(source) ?? 0) - 1);
      }
      const holders = await reader.holders(distinctSorted(Uint32Array.from(lines.filter((hash) => hash !== 0))));
      return { sourcesBeyond, linesBeyond: linesBeyond(holders, articleOfHolder, inRun) };
    },
    recordBlocks: async (blocks) => reader.recordBlocks?.(blocks),
    close: () => reader.close(),
  };
}

/**
 * Short-line counts among the archive articles beyond the run, from the holders of the inputs'
 * line hashes: an article counts for a line or template only when its own short lines hold it.
 */
function linesBeyond(holders: HolderLists, articleOf: (holder: number) => ArchiveArticle, inRun: ReadonlySet<string>): LineCountsBeyond {
  const exact = new Map<string, number>();
  const templates = new Map<string, { articles: number; wordings: Set<number> }>();
  for (const [hash, list] of holders.entries()) {
    for (const holder of list) {
      if (sentenceOf(holder) !== NOT_A_SENTENCE) continue;
      const article = articleOf(holder);
      if (inRun.has(article.key) || article.lines === undefined) continue;
      const source = sourceOfIndexed(article);
      const key = `${source}\u0000${hash}`;
      const lines = article.lines;
      let isLine = false;
      let template: { articles: number; wordings: Set<number> } | undefined;
      for (let i = 0; i + 1 < lines.length; i += 2) {
        if (lines[i] === hash) isLine = true;
        if (lines[i + 1] === hash) {
          template ??= templates.get(key) ?? { articles: 0, wordings: new Set<number>() };
          templates.set(key, template);
          template.wordings.add(lines[i] as number);
        }
      }
      if (isLine) exact.set(key, (exact.get(key) ?? 0) + 1);
      if (template !== undefined) template.articles += 1;
    }
  }
  return {
    exact: (hash, source) => exact.get(`${source}\u0000${hash >>> 0}`) ?? 0,
    template: (hash, source) => templates.get(`${source}\u0000${hash >>> 0}`) ?? { articles: 0, wordings: new Set<number>() },
  };
}

/** The index a run reads, when it names one (see {@link indexRoot} for its article keys). */
export async function openArchive(index: string | undefined, cwd: string, settings: IndexSettings): Promise<Archive | undefined> {
  if (index === undefined) return undefined;
  const source = await openIndexSource(index, cwd);
  trace('index open', `${source.articleCount} articles`);
  if (source.settings.shingleSize !== settings.shingleSize || source.settings.sketchSize !== settings.sketchSize) {
    await source.close();
    throw new NewsdedupError('E_INDEX', `Cannot use the index \`${source.name}\`: it was built with shingle size ${source.settings.shingleSize} and sketch size ${source.settings.sketchSize}; this run uses ${settings.shingleSize} and ${settings.sketchSize}.`);
  }
  return archiveOf(source);
}

/** Opens an index to read: a PostgreSQL URL, or a folder. */
export async function openIndexSource(index: string, cwd: string): Promise<IndexSource> {
  // The PostgreSQL client loads only for a URL.
  if (isPostgresUrl(index)) return (await import('./postgres.js')).PostgresIndex.open(index);
  return (await IndexReader.open(resolve(cwd, index), index)) as IndexReader;
}

/**
 * The folder article keys are relative to with an index: the one that holds the index's folder, or,
 * for PostgreSQL, the current folder, so that every machine runs from the corpus's root.
 */
export function indexRoot(index: string, cwd: string): string {
  return isPostgresUrl(index) ? cwd : dirname(resolve(cwd, index));
}
