/**
 * `newsdedup index add`: discover → spool → fingerprint, a slice at a time → the index's writer.
 */
import type { LoadOptions, OpenedCorpus } from '../corpus.js';
import { byPath, fieldOptionsOf, openCorpus, withChromeFile } from '../corpus.js';
import type { RunOptions } from '../pipeline.js';
import { makeRun, scanArticles, withExecutor } from '../pipeline.js';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Problem } from '../types.js';
import type { DedupeOptions } from '../options.js';
import type { FieldOptions } from '../records/fields.js';
import { resolveOptions } from '../options.js';
import { chunk } from '../chunk.js';
import { NewsdedupError } from '../errors.js';
import { discover, isInside } from '../stages/discover.js';
import { trace } from '../lib/trace.js';
import { load } from '../worker.js';
import { IndexWriter } from './store.js';
import type { IndexSink } from './backend.js';
import { isPostgresUrl } from './url.js';
import { indexRoot } from './archive.js';
import { lineAndDigestHashes, shortLinesOf } from '../stages/context.js';

/** Options of {@link addToIndex}. */
export interface AddToIndexOptions extends DedupeOptions, LoadOptions, RunOptions, FieldOptions {
  /** The index: a folder, created when missing, or a PostgreSQL URL (`postgres://…`), whose tables are created on first use. */
  readonly index: string;
  readonly chromeFile?: string;
}

/** What {@link addToIndex} did. */
export interface AddToIndexResult {
  /** Articles new to the index. */
  readonly added: number;
  /** Articles whose key was indexed with other text: the new text replaces it. */
  readonly replaced: number;
  /** Articles indexed already, with the same text: left as they were. */
  readonly unchanged: number;
  /** Articles in the index now. */
  readonly articles: number;
  readonly problems: readonly Problem[];
  /** The folder that article keys are relative to: the one that holds the index's folder, or the current folder for PostgreSQL. */
  readonly base: string;
}

/**
 * Adds articles to a lasting index (creating it): each article's text, metadata and the hashes it
 * is found by (see `stages/context.ts`). Runs the fingerprint step only, so it costs about what
 * reading and fingerprinting the new articles costs. One writer at a time; an add that fails or is
 * interrupted leaves the index as it was.
 */
export async function addToIndex(inputs: readonly string[], options: AddToIndexOptions): Promise<AddToIndexResult> {
  const cwd = options.cwd ?? process.cwd();
  const fields = fieldOptionsOf(options);
  const settings = resolveOptions(await withChromeFile(options));
  const root = indexRoot(options.index, cwd);
  const discovery = await discover(inputs, cwd, root);
  if (!isPostgresUrl(options.index)) {
    const directory = resolve(cwd, options.index);
    if ((await stat(directory).catch(() => undefined))?.isFile() === true) throw new NewsdedupError('E_INDEX', `Cannot use the index \`${options.index}\`: it is a file, not an index folder.`);
    for (const file of discovery.files) {
      if (isInside(file.absolute, directory)) throw new NewsdedupError('E_USAGE', `Refusing to add \`${file.path}\`: it is inside the index \`${options.index}\`.`);
    }
  }
  const indexSettings = { shingleSize: settings.shingleSize, sketchSize: settings.sketchSize };
  // The PostgreSQL client loads only for a URL.
  const writer: IndexSink = isPostgresUrl(options.index) ? await (await import('./postgres.js')).PostgresWriter.begin(options.index, indexSettings) : await IndexWriter.begin(resolve(cwd, options.index), options.index, indexSettings);
  let corpus: OpenedCorpus | undefined;
  try {
    const before = await writer.articleCount();
    trace('index open', `${before} articles`);
    corpus = await openCorpus(discovery.files, fields);
    const opened = corpus;
    const counts = await withExecutor(opened.refs, options, async (executor, refs) => {
      // Texts are not held from the scan: each is read again below, 64 at a time, and only when its
      // digest says it is new or changed (most of a day's re-add is unchanged).
      const run = makeRun(refs, settings, opened.problems, executor, fields, { ...options, textsInMemory: false });
      let added = 0;
      let replaced = 0;
      let unchanged = 0;
      // A slice at a time, scanned in workers and then written, so that memory follows the slice.
      let sliceStart = 0;
      for (const slice of chunk(refs, { bytes: INDEX_SLICE })) {
        const scanned = await scanArticles(run, slice, opened.metas.slice(sliceStart, sliceStart + slice.length), false);
        sliceStart += slice.length;
        const known = await writer.digestsOf(scanned.map((entry) => entry.kept.ref.path));
        const BATCH = 64;
        for (let start = 0; start < scanned.length; start += BATCH) {
          const batch = scanned.slice(start, start + BATCH).filter((entry) => {
            const digest = known.get(entry.kept.ref.path);
            if (digest === undefined || digest !== entry.kept.digest) return true;
            unchanged += 1;
            return false;
          });
          const texts = await load(batch.map((entry) => entry.kept.ref));
          for (const [i, entry] of batch.entries()) {
            const { ref, meta, digest } = entry.kept;
            const text = texts[i];
            if (text === undefined || !text.ok || text.digest !== digest) {
              run.problems.push({ path: ref.path, code: 'E_CHANGED', severity: 'error', message: `\`${ref.path}\` changed while newsdedup was reading it; it was not added to the index.` });
              continue;
            }
            if (known.has(ref.path)) replaced += 1;
            else added += 1;
            const shortLines = shortLinesOf(entry.kept);
            await writer.add({
              article: { key: ref.path, ...(meta.order === undefined ? {} : { file: meta.order.file, ordinal: meta.order.ordinal }), id: meta.id, title: meta.title, date: meta.date, dateMs: meta.dateMs, source: meta.source, digest, lines: shortLines },
              text: text.text,
              offsets: entry.records.offsets,
              hashes: entry.records.hashes,
              others: lineAndDigestHashes(shortLines, entry.textDigest),
            });
          }
        }
      }
      return { added, replaced, unchanged, problems: run.problems.sort(byPath), articles: before + added };
    });
    // A shared index says what it added itself: another add may have added some of these first.
    const committed = await writer.commit();
    const final = committed === undefined ? counts : { ...counts, added: committed.added, replaced: committed.replaced, unchanged: counts.added + counts.replaced + counts.unchanged - committed.added - committed.replaced, articles: committed.articles ?? counts.articles - counts.added + committed.added };
    trace('index add', `${final.added} added, ${final.replaced} replaced, ${final.unchanged} unchanged`);
    return { ...final, base: root };
  } catch (error) {
    await writer.abort();
    throw error;
  } finally {
    await corpus?.temporary?.remove();
  }
}

/** Bytes of articles `addToIndex` scans before it writes them: its memory follows this, not the input. */
const INDEX_SLICE = 64 << 20;


