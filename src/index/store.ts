/**
 * The lasting index on disk (the embedded default): a folder that nothing but newsdedup writes.
 *
 *   manifest.json     format, version, settings, and the segments in force (renamed into place last)
 *   lock              while an `index add` runs: its pid and host
 *   <segment>.articles  one JSON line per article: key, metadata, digests, where its text is
 *   <segment>.texts     the articles' texts, UTF-8, one after another
 *   <segment>.postings  (hash, holder) pairs as little-endian uint32, sorted by hash then holder; a
 *                       holder is article × 4096 + sentence (4095: a short line or the digest)
 *   <segment>.fence     every FENCE_STEP-th posting's hash: a lookup reads one block of postings
 *
 * Segments are written once and never changed; an add writes new ones and then a new manifest,
 * so an add that is interrupted leaves the previous index in force. A key added again with other
 * text replaces the earlier copy (the later segment wins).
 */
import { closeSync, openSync, readSync, rmSync } from 'node:fs';
import { mkdir, open, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { NewsdedupError } from '../errors.js';
import type { IndexSink, IndexSource } from './backend.js';
import type { HolderLists } from './holders.js';
import { HolderListsBuilder } from './holders.js';
import { lowerBound } from '../lib/lower-bound.js';
import type { ArticleRef } from '../worker.js';
import { sourceOfPath } from '../stages/classify-chrome.js';

export const INDEX_FORMAT = 'newsdedup-index';
/**
 * The folder index's format. 2: an article's lines include its dated sign-off (see
 * `SIGN_OFF_WORDS`). 3: sentences no longer end after the abbreviations of South Asian news
 * ("Engr.", "Ch."). 4: a sentence ends after an abbreviation that a sentence's opening word
 * follows ("… the U.S. The …"). 5: no sentence ends at an ellipsis in brackets that opens a quote ("“[…] Key …"). 6: a soft hyphen
 * or an invisible joiner inside a word no longer splits it ("com\u00admon"). Each
 * changes some sentences' fingerprints: an index of an earlier version would match otherwise than
 * a full run, so it is refused, to be built again.
 */
export const INDEX_VERSION = 6;
/** Postings per fence entry: a lookup reads one block of this many (hash, article) pairs. */
export const FENCE_STEP = 256;

/** An archive article as the index keeps it. */
export interface IndexedArticle {
  /** Its key: the path relative to the index's root (the folder that holds the index), or `file#id` for a record. */
  readonly key: string;
  /** For a record: its file of records' path (relative to the index's root) and its place there, which order a run. */
  readonly file?: string | undefined;
  readonly ordinal?: number | undefined;
  readonly id?: string | undefined;
  readonly title?: string | undefined;
  readonly date?: string | undefined;
  readonly dateMs?: number | undefined;
  readonly source?: string | undefined;
  /** The digest of its text as read (see `read.ts`): the same key with another digest is a new version. */
  readonly digest: string;
  /** Its short lines (chrome candidates) as `[hash, template, …]` pairs: what chrome counts read without its text. */
  readonly lines?: readonly number[] | undefined;
  /** Where its text is in its segment's `.texts` file, in bytes. */
  readonly offset: number;
  readonly size: number;
}

/** The source an indexed article is counted in: its own, else its file's top folder (a record's file of records), as for a run's articles. */
export function sourceOfIndexed(article: IndexedArticle): string {
  return article.source ?? sourceOfPath(article.file ?? article.key);
}

/** The settings fingerprints depend on: an index answers only runs that fingerprint alike. */
export interface IndexSettings {
  readonly shingleSize: number;
  readonly sketchSize: number;
}

interface SegmentEntry {
  readonly name: string;
  readonly articles: number;
  readonly postings: number;
  /** Sizes of its files, checked on open: a truncated or foreign file is refused. */
  readonly bytes: { readonly articles: number; readonly texts: number; readonly postings: number; readonly fence: number };
}

interface Manifest {
  readonly format: typeof INDEX_FORMAT;
  readonly version: number;
  readonly generation: number;
  readonly created: string;
  readonly updated: string;
  readonly settings: IndexSettings;
  readonly segments: readonly SegmentEntry[];
}

/** An archive article found by a lookup: its entry and where its text is. */
export interface ArchiveArticle extends IndexedArticle {
  /** The `.texts` file that holds it. */
  readonly textsFile: string;
}

const MANIFEST = 'manifest.json';
const LOCK = 'lock';

function fail(path: string, problem: string, cause?: unknown): never {
  throw new NewsdedupError('E_INDEX', `Cannot use the index \`${path}\`: ${problem}.`, cause === undefined ? undefined : { cause });
}

/** An index opened for reading: its articles' metadata in memory, its postings on disk. */
export class IndexReader implements IndexSource {
  /** Per segment: its articles, and which of them are current (not replaced by a later copy of their key). */
  private readonly segments: { readonly entry: SegmentEntry; readonly articles: IndexedArticle[]; readonly current: Uint8Array; readonly fence: Uint32Array }[];
  /** Current articles by key. */
  readonly byKey: ReadonlyMap<string, ArchiveArticle>;

  private constructor(
    readonly directory: string,
    readonly name: string,
    readonly manifest: Manifest,
    segments: { entry: SegmentEntry; articles: IndexedArticle[]; fence: Uint32Array }[],
  ) {
    const byKey = new Map<string, ArchiveArticle>();
    const where = new Map<string, { segment: number; ordinal: number }>();
    segments.forEach((segment, s) => {
      const textsFile = join(directory, `${segment.entry.name}.texts`);
      segment.articles.forEach((article, ordinal) => {
        byKey.set(article.key, { ...article, textsFile });
        where.set(article.key, { segment: s, ordinal });
      });
    });
    this.segments = segments.map((segment) => ({ ...segment, current: new Uint8Array(segment.articles.length) }));
    for (const { segment, ordinal } of where.values()) (this.segments[segment] as { current: Uint8Array }).current[ordinal] = 1;
    this.byKey = byKey;
  }

  /** Opens the index in `directory` (`name` as the user wrote it, for messages). A missing index is an error unless `create`. */
  static async open(directory: string, name: string, options: { readonly create?: boolean } = {}): Promise<IndexReader | undefined> {
    const manifest = await readManifest(directory, name, options.create === true);
    if (manifest === undefined) return undefined;
    const segments = await Promise.all(
      manifest.segments.map(async (entry) => {
        for (const kind of ['articles', 'texts', 'postings', 'fence'] as const) {
          const size = await stat(join(directory, `${entry.name}.${kind}`)).then((info) => info.size, () => -1);
          if (size < 0) fail(name, `its file ${entry.name}.${kind} is missing`);
          if (size !== entry.bytes[kind]) fail(name, `its file ${entry.name}.${kind} is ${size} bytes, not the ${entry.bytes[kind]} its manifest says: it is damaged`);
        }
        const articles = parseArticles(await readFile(join(directory, `${entry.name}.articles`), 'utf8'), `${entry.name}.articles`, name);
        if (articles.length !== entry.articles) fail(name, `${entry.name}.articles holds ${articles.length} articles, not ${entry.articles}`);
        const fenceBytes = await readFile(join(directory, `${entry.name}.fence`));
        const fence = new Uint32Array(fenceBytes.buffer, fenceBytes.byteOffset, fenceBytes.byteLength >>> 2);
        if (fence.length !== Math.ceil(entry.postings / FENCE_STEP)) fail(name, `${entry.name}.fence does not fit its postings`);
        return { entry, articles, fence };
      }),
    );
    return new IndexReader(directory, name, manifest, segments);
  }

  get articleCount(): number {
    return this.byKey.size;
  }

  get settings(): IndexSettings {
    return this.manifest.settings;
  }

  /**
   * The current holders of each of `hashes` (sorted, distinct): {@link holderOf} numbers, which
   * {@link IndexReader.article} and {@link sentenceOf} read. Reads one block of postings per run of
   * nearby hashes: its cost follows the hashes asked and their holders, not the size of the index.
   */
  async holders(hashes: Uint32Array): Promise<HolderLists> {
    return this.holdersNow(hashes);
  }

  /** {@link holders}, blocking. */
  holdersNow(hashes: Uint32Array): HolderLists {
    const builder = new HolderListsBuilder(hashes);
    let base = 0;
    for (const segment of this.segments) {
      const { entry, fence, current } = segment;
      const segmentBase = base;
      base += segment.articles.length;
      if (entry.postings === 0) continue;
      const descriptor = openSync(join(this.directory, `${entry.name}.postings`), 'r');
      const block = new Uint32Array(FENCE_STEP * 2);
      const bytes = new Uint8Array(block.buffer);
      let loaded = -1;
      let loadedCount = 0;
      const load = (index: number): void => {
        if (loaded === index) return;
        const first = index * FENCE_STEP;
        loadedCount = Math.min(FENCE_STEP, entry.postings - first);
        const read = readSync(descriptor, bytes, 0, loadedCount * 8, first * 8);
        if (read !== loadedCount * 8) fail(this.name, `${entry.name}.postings is shorter than its manifest says`);
        loaded = index;
      };
      try {
        for (let asked = 0; asked < hashes.length; asked += 1) {
          const hash = hashes[asked] as number;
          // The last block whose first hash is below `hash`: copies of `hash` may begin in it.
          for (let at = Math.max(0, lowerBound(fence, hash) - 1); at < fence.length; at += 1) {
            if (at > 0 && (fence[at] as number) > hash) break;
            load(at);
            let past = false;
            for (let i = 0; i < loadedCount; i += 1) {
              const value = block[i * 2] as number;
              if (value < hash) continue;
              if (value > hash) {
                past = true;
                break;
              }
              const holder = block[i * 2 + 1] as number;
              const ordinal = Math.floor(holder / SENTENCES);
              if (current[ordinal] !== 1) continue;
              builder.addAt(asked, holderOf(segmentBase + ordinal, holder % SENTENCES));
            }
            if (past) break;
          }
        }
      } finally {
        closeSync(descriptor);
      }
    }
    return builder.build();
  }

  async sourceCounts(): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    for (const article of this.byKey.values()) {
      const source = sourceOfIndexed(article);
      counts.set(source, (counts.get(source) ?? 0) + 1);
    }
    return counts;
  }

  async articlesOf(keys: readonly string[]): Promise<Map<string, IndexedArticle>> {
    const found = new Map<string, IndexedArticle>();
    for (const key of keys) {
      const article = this.byKey.get(key);
      if (article !== undefined) found.set(key, article);
    }
    return found;
  }

  async textRefs(articles: readonly ArchiveArticle[]): Promise<ArticleRef[]> {
    return articles.map((article) => ({ path: article.key, absolute: article.textsFile, offset: article.offset, size: article.size }));
  }

  async close(): Promise<void> {}

  /** The article a holder number names (see {@link holders}). */
  article(holder: number): ArchiveArticle {
    let ordinal = Math.floor(holder / SENTENCES);
    for (const segment of this.segments) {
      if (ordinal < segment.articles.length) return { ...(segment.articles[ordinal] as IndexedArticle), textsFile: join(this.directory, `${segment.entry.name}.texts`) };
      ordinal -= segment.articles.length;
    }
    return fail(this.name, 'a posting names an article it does not hold: the index is damaged');
  }
}

/** Sentences a holder number tells apart; later sentences share the last but one, and the last stands for a short line or a digest. */
export const SENTENCES = 4096;
/** The sentence number of a short line's or a digest's posting. */
export const NOT_A_SENTENCE = SENTENCES - 1;

/** A holder number: an article (its place in the whole index) and one of its sentences. */
export function holderOf(article: number, sentence: number): number {
  return article * SENTENCES + Math.min(sentence, NOT_A_SENTENCE);
}

/** The sentence of a holder number ({@link NOT_A_SENTENCE} for a short line or a digest). */
export function sentenceOf(holder: number): number {
  return holder % SENTENCES;
}

/** The index of the last fence entry below `hash`, or 0. */

async function readManifest(directory: string, name: string, create: boolean): Promise<Manifest | undefined> {
  let text: string;
  try {
    text = await readFile(join(directory, MANIFEST), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') fail(name, (error as Error).message, error);
    const exists = await stat(directory).then((info) => info, () => undefined);
    if (exists !== undefined && !exists.isDirectory()) fail(name, 'it is a file, not an index folder');
    if (exists !== undefined && (await readdir(directory)).some((entry) => !entry.startsWith('.') && entry !== LOCK && !isSegmentFile(entry))) fail(name, 'the folder holds other files and no manifest.json: it is not a newsdedup index');
    if (create) return undefined;
    return fail(name, 'there is no index there; create one with `newsdedup index add <inputs...> --index ' + name + '`');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    fail(name, 'its manifest.json is not JSON: the index is damaged');
  }
  const manifest = parsed as Partial<Manifest>;
  if (typeof manifest !== 'object' || manifest === null || manifest.format !== INDEX_FORMAT) fail(name, 'its manifest.json is not a newsdedup index manifest');
  if (manifest.version !== INDEX_VERSION) {
    const version = manifest.version;
    fail(
      name,
      typeof version === 'number' && version > INDEX_VERSION
        ? `it is format version ${version}, newer than this newsdedup reads (${INDEX_VERSION}); upgrade newsdedup`
        : typeof version === 'number' && version >= 1
          ? `it is format version ${version}, from an earlier newsdedup (this one reads ${INDEX_VERSION}); build it again: move it aside and run \`newsdedup index add\` on its inputs`
          : `its format version ${String(version)} is not one this newsdedup reads (${INDEX_VERSION})`,
    );
  }
  if (!Array.isArray(manifest.segments) || typeof manifest.generation !== 'number' || typeof manifest.settings?.shingleSize !== 'number' || typeof manifest.settings.sketchSize !== 'number') fail(name, 'its manifest.json is incomplete: the index is damaged');
  return manifest as Manifest;
}

function isSegmentFile(entry: string): boolean {
  return /^s\d+-\d+\.(?:articles|texts|postings|fence)$/.test(entry);
}

function parseArticles(text: string, file: string, name: string): IndexedArticle[] {
  const articles: IndexedArticle[] = [];
  let line = 0;
  for (const row of text.split('\n')) {
    line += 1;
    if (row === '') continue;
    let article: IndexedArticle;
    try {
      article = JSON.parse(row) as IndexedArticle;
    } catch {
      return fail(name, `${file} line ${line} is not JSON: the index is damaged`);
    }
    if (typeof article.key !== 'string' || typeof article.offset !== 'number' || typeof article.size !== 'number' || typeof article.digest !== 'string') fail(name, `${file} line ${line} is not an article entry: the index is damaged`);
    articles.push(article);
  }
  return articles;
}

/** An article to add: its entry without the place of its text, its text, and the hashes it is found by. */
export interface ArticleToAdd {
  readonly article: Omit<IndexedArticle, 'offset' | 'size'>;
  readonly text: string;
  /** Sentence `i`'s fingerprints are `hashes[offsets[i] .. offsets[i + 1])`. */
  readonly offsets: Uint32Array;
  readonly hashes: Uint32Array;
  /** Hashes found with no sentence: its short lines and digest. */
  readonly others: Uint32Array;
}

/**
 * The one writer of an index: holds its lock from {@link IndexWriter.begin} to `commit` or `abort`.
 * Adds go into new segments; `commit` writes the new manifest (renamed into place, the one step
 * that makes them count) and lets the lock go.
 */
export class IndexWriter implements IndexSink {
  private readonly added: SegmentEntry[] = [];
  private articles: string[] = [];
  private textChunks: Buffer[] = [];
  private textBytes = 0;
  private postingHashes = new GrowingUint32();
  private postingArticles = new GrowingUint32();

  private constructor(
    readonly directory: string,
    readonly name: string,
    private readonly previous: Manifest | undefined,
    readonly settings: IndexSettings,
    private readonly before: IndexReader | undefined,
  ) {}

  async digestsOf(keys: readonly string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for (const key of keys) {
      const article = this.before?.byKey.get(key);
      if (article !== undefined) found.set(key, article.digest);
    }
    return found;
  }

  async articleCount(): Promise<number> {
    return this.before?.articleCount ?? 0;
  }

  /** Takes the lock (refusing while another live writer holds it) and begins an add. */
  static async begin(directory: string, name: string, settings: IndexSettings): Promise<IndexWriter> {
    const existing = await stat(directory).catch(() => undefined);
    if (existing !== undefined && !existing.isDirectory()) fail(name, 'it is a file, not an index folder');
    await mkdir(directory, { recursive: true }).catch((error: unknown) => fail(name, (error as NodeJS.ErrnoException).code === 'EACCES' ? 'permission denied' : (error as Error).message, error));
    // The lock first, then the manifest: what was in force when the lock was taken is what this add builds on.
    await takeLock(directory, name);
    let previous: Manifest | undefined;
    let before: IndexReader | undefined;
    try {
      previous = await readManifest(directory, name, true);
      if (previous !== undefined && (previous.settings.shingleSize !== settings.shingleSize || previous.settings.sketchSize !== settings.sketchSize)) {
        fail(name, `it was built with shingle size ${previous.settings.shingleSize} and sketch size ${previous.settings.sketchSize}; this run uses ${settings.shingleSize} and ${settings.sketchSize}`);
      }
      before = await IndexReader.open(directory, name, { create: true });
    } catch (error) {
      await releaseLock(directory);
      throw error;
    }
    const writer = new IndexWriter(directory, name, previous, settings, before);
    // Files of an add that was interrupted: no manifest names them.
    const inForce = new Set((previous?.segments ?? []).map((segment) => segment.name));
    for (const entry of await readdir(directory)) {
      if (isSegmentFile(entry) && !inForce.has(entry.slice(0, entry.indexOf('.')))) await rm(join(directory, entry), { force: true });
    }
    return writer;
  }

  private get generation(): number {
    return (this.previous?.generation ?? 0) + 1;
  }

  /** Adds one article; a segment is written out once it holds enough postings. */
  async add(entry: ArticleToAdd): Promise<void> {
    const bytes = Buffer.from(entry.text, 'utf8');
    const ordinal = this.articles.length;
    this.articles.push(JSON.stringify({ ...entry.article, offset: this.textBytes, size: bytes.length }));
    this.textChunks.push(bytes);
    this.textBytes += bytes.length;
    for (let sentence = 0; sentence + 1 < entry.offsets.length; sentence += 1) {
      const holder = ordinal * SENTENCES + Math.min(sentence, NOT_A_SENTENCE - 1);
      for (let h = entry.offsets[sentence] ?? 0; h < (entry.offsets[sentence + 1] ?? 0); h += 1) {
        this.postingHashes.push(entry.hashes[h] as number);
        this.postingArticles.push(holder);
      }
    }
    for (const hash of entry.others) {
      this.postingHashes.push(hash);
      this.postingArticles.push(ordinal * SENTENCES + NOT_A_SENTENCE);
    }
    // A holder number keeps an article's place in 20 bits.
    if (this.postingHashes.length >= SEGMENT_POSTINGS || this.articles.length >= SEGMENT_ARTICLES) await this.flush();
  }

  /** Writes the articles added since the last flush as one segment. */
  private async flush(): Promise<void> {
    if (this.articles.length === 0) return;
    const name = `s${this.generation}-${this.added.length + 1}`;
    const count = this.postingHashes.length;
    const postings = sortPostings(this.postingHashes.view(), this.postingArticles.view());
    const fence = new Uint32Array(Math.ceil(count / FENCE_STEP));
    for (let i = 0; i < fence.length; i += 1) fence[i] = postings[i * FENCE_STEP * 2] as number;
    const articles = `${this.articles.join('\n')}\n`;
    const files = {
      articles: Buffer.from(articles, 'utf8'),
      texts: Buffer.concat(this.textChunks, this.textBytes),
      postings: Buffer.from(postings.buffer, postings.byteOffset, postings.byteLength),
      fence: Buffer.from(fence.buffer, fence.byteOffset, fence.byteLength),
    };
    for (const [kind, content] of Object.entries(files)) await writeDurably(join(this.directory, `${name}.${kind}`), content, this.name);
    this.added.push({ name, articles: this.articles.length, postings: count, bytes: { articles: files.articles.length, texts: files.texts.length, postings: files.postings.length, fence: files.fence.length } });
    this.articles = [];
    this.textChunks = [];
    this.textBytes = 0;
    this.postingHashes = new GrowingUint32();
    this.postingArticles = new GrowingUint32();
  }

  /** Makes the added articles count: writes the last segment, then the new manifest, and lets the lock go. */
  async commit(): Promise<void> {
    try {
      await this.flush();
      const now = new Date().toISOString();
      const manifest: Manifest = {
        format: INDEX_FORMAT,
        version: INDEX_VERSION,
        generation: this.generation,
        created: this.previous?.created ?? now,
        updated: now,
        settings: this.settings,
        segments: [...(this.previous?.segments ?? []), ...this.added],
      };
      const temporary = join(this.directory, `.${MANIFEST}.${process.pid}.tmp`);
      await writeDurably(temporary, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), this.name);
      await rename(temporary, join(this.directory, MANIFEST));
    } finally {
      await this.release();
    }
  }

  /** Leaves the index as it was: the segments written so far are removed, and the lock let go. */
  /** Removes what this add wrote and lets the lock go; nothing once it has committed or aborted. */
  async abort(): Promise<void> {
    if (!held.has(join(this.directory, LOCK))) return;
    for (const segment of this.added) for (const kind of ['articles', 'texts', 'postings', 'fence']) await rm(join(this.directory, `${segment.name}.${kind}`), { force: true });
    await this.release();
  }

  private async release(): Promise<void> {
    await releaseLock(this.directory);
  }
}

/** A Uint32Array that grows as values are pushed. */
class GrowingUint32 {
  private values = new Uint32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.values.length) {
      const larger = new Uint32Array(this.values.length * 2);
      larger.set(this.values);
      this.values = larger;
    }
    this.values[this.length] = value;
    this.length += 1;
  }

  view(): Uint32Array {
    return this.values.subarray(0, this.length);
  }
}

/**
 * The postings as (hash, article) pairs, sorted by hash and then article: a stable radix sort by
 * hash, 16 bits a pass, of pairs pushed in article order. Linear, with no comparator calls.
 */
export function sortPostings(hashes: Uint32Array, articles: Uint32Array): Uint32Array {
  let fromHashes = Uint32Array.from(hashes);
  let fromArticles = Uint32Array.from(articles);
  let toHashes = new Uint32Array(hashes.length);
  let toArticles = new Uint32Array(hashes.length);
  for (const shift of [0, 16]) {
    const starts = new Uint32Array(65_537);
    for (const hash of fromHashes) {
      const digit = ((hash >>> shift) & 0xffff) + 1;
      starts[digit] = (starts[digit] as number) + 1;
    }
    for (let digit = 1; digit < starts.length; digit += 1) starts[digit] = (starts[digit] as number) + (starts[digit - 1] as number);
    for (let i = 0; i < fromHashes.length; i += 1) {
      const hash = fromHashes[i] as number;
      const at = starts[(hash >>> shift) & 0xffff] as number;
      starts[(hash >>> shift) & 0xffff] = at + 1;
      toHashes[at] = hash;
      toArticles[at] = fromArticles[i] as number;
    }
    [fromHashes, toHashes] = [toHashes, fromHashes];
    [fromArticles, toArticles] = [toArticles, fromArticles];
  }
  const pairs = new Uint32Array(hashes.length * 2);
  for (let i = 0; i < fromHashes.length; i += 1) {
    pairs[i * 2] = fromHashes[i] as number;
    pairs[i * 2 + 1] = fromArticles[i] as number;
  }
  return pairs;
}

/** Postings a segment holds before it is written out: bounds an add's memory (about 24 bytes each while sorting). */
const SEGMENT_POSTINGS = 8_000_000;
/** Articles a segment holds at most: a holder number keeps an article's place in 20 bits. */
const SEGMENT_ARTICLES = 2 ** 32 / SENTENCES;

async function writeDurably(path: string, content: Buffer, name: string): Promise<void> {
  try {
    const handle = await open(path, 'w');
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw new NewsdedupError('E_WRITE', `Cannot write the index \`${name}\`: ${(error as Error).message.replace(/, \w+ '.*'$/, '')}.`, { cause: error });
  }
}

/** Lock files this process holds, for {@link releaseIndexLocks}. */
const held = new Set<string>();

/**
 * Lets go of every index lock this process holds, at once: for a process interrupted by a signal.
 * Its segments stay behind, named in no manifest, and the next add removes them.
 */
export function releaseIndexLocks(): void {
  for (const path of held) rmSync(path, { force: true });
  held.clear();
}

/** Creates the lock file, or refuses: a live writer holds it. A lock whose writer is gone (same host, no such pid) is taken over. */
async function takeLock(directory: string, name: string): Promise<void> {
  const path = join(directory, LOCK);
  const mine = JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() });
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      await writeFile(path, mine, { flag: 'wx' });
      held.add(path);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') fail(name, (error as Error).message, error);
    }
    const holder = await readFile(path, 'utf8').then((text) => JSON.parse(text) as { pid?: number; host?: string }, () => ({}) as { pid?: number; host?: string });
    const alive = holder.host !== hostname() || holder.pid === undefined || isAlive(holder.pid);
    if (alive) fail(name, `another newsdedup (pid ${holder.pid ?? '?'} on ${holder.host ?? '?'}) is adding to it; wait for it to finish, or remove ${join(name, LOCK)} if that process is gone`);
    // A dead writer's lock: renamed away, which one process only can do; the others find it gone.
    await rename(path, join(directory, `.${LOCK}.stale.${process.pid}`)).then(
      () => rm(join(directory, `.${LOCK}.stale.${process.pid}`), { force: true }),
      () => undefined,
    );
  }
  fail(name, 'its lock could not be taken');
}

/** Lets this process's lock on the index in `directory` go, if it holds it. */
async function releaseLock(directory: string): Promise<void> {
  const path = join(directory, LOCK);
  if (!held.has(path)) return;
  held.delete(path);
  await rm(path, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
