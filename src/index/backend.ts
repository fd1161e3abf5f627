/**
 * Where an index is kept: a folder (the embedded default, `store.ts`) or PostgreSQL
 * (`postgres.ts`). Both answer runs and adds through these two interfaces.
 */
import type { ArticleRef } from '../worker.js';
import type { ArchiveArticle, ArticleToAdd, IndexedArticle, IndexSettings } from './store.js';
import type { HolderLists } from './holders.js';

/** An index opened to read: what a run against it asks. */
export interface IndexSource {
  /** The index as the user named it, without a password. */
  readonly name: string;
  readonly settings: IndexSettings;
  /** Current articles. */
  readonly articleCount: number;
  /**
   * The current holders of each of `hashes` (sorted, distinct): `holderOf(article, sentence)`
   * numbers, ascending, in typed arrays. The articles they name can then be read with {@link article}.
   */
  holders(hashes: Uint32Array): Promise<HolderLists>;
  /** The article a holder number names, once {@link holders} has given it. */
  article(holder: number): ArchiveArticle;
  /** Current articles per source: their `source`, else their key's top folder. */
  sourceCounts(): Promise<Map<string, number>>;
  /** The current articles of these keys. */
  articlesOf(keys: readonly string[]): Promise<Map<string, IndexedArticle>>;
  /** Where to read these articles' texts: byte ranges of files (a PostgreSQL index writes them to a spool first). */
  textRefs(articles: readonly ArchiveArticle[]): Promise<ArticleRef[]>;
  /** Keeps, where the index can be queried (PostgreSQL), which articles a clean found in which block. */
  recordBlocks?(blocks: readonly { readonly id: string; readonly label: string; readonly articles: readonly string[] }[]): Promise<void>;
  close(): Promise<void>;
}

/** An index opened to add to: one writer's batch, which counts once committed, all of it or none. */
export interface IndexSink {
  /** The digests of the current articles of these keys, as the index held them when the add began. */
  digestsOf(keys: readonly string[]): Promise<Map<string, string>>;
  /** Current articles when the add began. */
  articleCount(): Promise<number>;
  add(entry: ArticleToAdd): Promise<void>;
  /** Makes the add count. A sink that others write to at once gives what it added and replaced, as it found the index, and the articles the index then held. */
  commit(): Promise<void | { readonly added: number; readonly replaced: number; readonly articles?: number }>;
  abort(): Promise<void>;
}
