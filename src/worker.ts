/**
 * The tasks that run on shards of articles, in a worker thread of the pool or in-process. Each reads
 * its articles (from disk, or as given), runs the per-article steps of `shard.ts`, and returns plain
 * data. A file that cannot be read, or that changed since the first pass, is a problem for that file.
 */
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { mkdir, open, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import type { Problem } from './types.js';
import type { ArticlePlan, ArticleScan, GatheredArticle } from './shard.js';
import type { Verdict, VerifyBatch } from './stages/match.js';
import type { PackedSegmentation } from './stages/segment.js';
import type { ChromeList } from './stages/detect-chrome.js';
import { applyArticle, gatherArticle, scanArticle } from './shard.js';
import { compileChromeList } from './stages/detect-chrome.js';
import { verifyBatch } from './stages/match.js';
import type { ReadOutcome } from './stages/read.js';
import { read, readBlocking, readSpan, readSpanBlocking } from './stages/read.js';
import type { FieldOptions } from './records/fields.js';
import { metadataOf } from './records/fields.js';
import { splitFrontMatter } from './records/front-matter.js';
import { createHash } from 'node:crypto';
import { normalizeForComparison, normalizedBytes } from './text/normalize.js';
import { sha1 } from './text/hash.js';

/**
 * An article to work on: a file to read, text already in memory, or a record's text: bytes
 * `[offset, offset + size)` of `absolute`, a spool file that this run wrote (see `stages/spool.ts`).
 */
export interface ArticleRef {
  /** The article's key in the report: a path, or `file#id` / `file:line` for a record. */
  readonly path: string;
  readonly absolute?: string;
  readonly text?: string;
  /** Size in bytes (files, records) or characters (texts), for shard sizes and progress. */
  readonly size: number;
  /** Set for a record: where its text starts in the spool file `absolute`. */
  readonly offset?: number;
  /** With `text`: a Markdown file's front matter, written back before its cleaned text. */
  readonly prefix?: string | undefined;
}

/**
 * An article's text as the first pass read it, held for the passes after it rather than read
 * again (see `RunOptions.textsInMemory`).
 */
export interface HeldText {
  readonly text: string;
  /** A Markdown file's front matter. */
  readonly prefix: string | undefined;
  /** Its segmentation, every sentence's words counted (see `gatherHeld`). */
  readonly segmentation: PackedSegmentation;
  /** Per sentence, whether it starts or ends inside a quotation (see `quotedSentences`). */
  readonly quoted: Uint8Array;
}

/** Settings every task needs. */
export interface TaskSettings {
  readonly shingleSize: number;
  readonly sketchSize: number;
  readonly similarity: number;
  readonly maxHeadingWords: number;
  readonly chromeLines: readonly string[];
  /** Which fields of a Markdown file's front matter give its title, date and source. */
  readonly fields: FieldOptions;
}

/** What the first pass learns of an article besides its fingerprints (Markdown front matter only; records bring theirs). */
export interface ScannedMetadata {
  readonly title: string | undefined;
  readonly date: string | undefined;
  readonly dateMs: number | undefined;
  readonly source: string | undefined;
}

export type Loaded =
  | { readonly ok: true; readonly text: string; readonly digest: string; readonly warning: Problem | undefined; readonly prefix?: string | undefined }
  | { readonly ok: false; readonly problem: Problem };

/** File operations in flight per task: enough to overlap I/O, never enough to run out of descriptors. */
const FILES_IN_FLIGHT = 8;

/** Runs `work` on every item, `FILES_IN_FLIGHT` at a time, and gives the results in item order. */
async function eachLimited<T, R>(items: readonly T[], work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const runner = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(FILES_IN_FLIGHT, items.length) }, runner));
  return results;
}

/**
 * Reads a shard's articles. A worker thread reads them one by one, blocking: it has nothing else
 * to do, and a blocking read is several times faster. The main thread reads a few at a time,
 * without blocking, so that a program that embeds newsdedup stays responsive.
 */
export async function load(refs: readonly ArticleRef[]): Promise<Loaded[]> {
  const loaded = (ref: ArticleRef, outcome: ReadOutcome | undefined): Loaded => {
    if (outcome === undefined) return { ok: true, text: ref.text ?? '', digest: '', warning: undefined, prefix: ref.prefix };
    return outcome.ok ? { ok: true, text: outcome.article.text, digest: outcome.digest, warning: outcome.warning, prefix: outcome.prefix } : outcome;
  };
  const fileOf = (ref: ArticleRef) => (ref.text !== undefined || ref.absolute === undefined ? undefined : { path: ref.path, absolute: ref.absolute });
  if (!isMainThread) {
    return refs.map((ref) => {
      const file = fileOf(ref);
      if (file === undefined) return loaded(ref, undefined);
      return loaded(ref, ref.offset === undefined ? readBlocking(file) : readSpanBlocking(file, ref.offset, ref.size));
    });
  }
  return eachLimited(refs, async (ref) => {
    const file = fileOf(ref);
    if (file === undefined) return loaded(ref, undefined);
    return loaded(ref, ref.offset === undefined ? await read(file) : await readSpan(file, ref.offset, ref.size));
  });
}


/** Reads again an article read in the first pass; a different digest means it changed mid-run. */
async function reload(refs: readonly (ArticleRef & { readonly digest: string })[]): Promise<Loaded[]> {
  const loaded = await load(refs);
  return loaded.map((outcome, index) => {
    const ref = refs[index] as ArticleRef & { digest: string };
    if (outcome.ok && outcome.digest === ref.digest) return outcome;
    // It was read once already: whatever happened to it since, it changed mid-run.
    const what = outcome.ok ? 'changed' : 'vanished or became unreadable';
    return { ok: false, problem: { path: ref.path, code: 'E_CHANGED', severity: 'error', message: `\`${ref.path}\` ${what} while newsdedup was reading it; its output was left out.` } };
  });
}

let compiled: { key: string; list: ChromeList } | undefined;
function chromeList(lines: readonly string[]): ChromeList {
  const key = lines.join('\n');
  if (compiled?.key !== key) compiled = { key, list: compileChromeList(lines) };
  return compiled.list;
}

export type ScanOutcome =
  | {
      readonly ok: true;
      readonly scan: ArticleScan;
      readonly digest: string;
      readonly warning: Problem | undefined;
      /** A digest of the text as compared (`normalizeForComparison`): equal for an article and its duplicate. */
      readonly textDigest: string;
      readonly metadata: ScannedMetadata | undefined;
      /** With the task's `hold`: where the text stands in the shard's `held` (see {@link heldTextOf}). */
      readonly held?: HeldSpan | undefined;
    }
  | { readonly ok: false; readonly problem: Problem };

/** A held text as it travels: `[from, to)` of its shard's `held` string, with what else it needs. */
export interface HeldSpan extends Omit<HeldText, 'text'> {
  readonly from: number;
  readonly to: number;
}

/** What the first pass gives of a shard: each article's outcome, and with `hold` their texts, joined. */
export interface ScannedShard {
  readonly outcomes: ScanOutcome[];
  /**
   * The held texts, end to end: one string rather than one an article, so that the main thread,
   * which holds them until apply, copies one large object (never moved by the young generation's
   * collector) rather than thousands of small ones.
   */
  readonly held: string;
}

/** Step 1, fingerprint: reads and scans each article of a shard. */
export async function scan(task: { readonly refs: readonly ArticleRef[]; readonly settings: TaskSettings; readonly hold?: boolean; readonly move?: boolean }): Promise<ScannedShard> {
  const list = chromeList(task.settings.chromeLines);
  const hold = task.hold === true;
  const texts: string[] = [];
  let length = 0;
  const outcomes = (await load(task.refs)).map((loaded, index): ScanOutcome => {
    if (!loaded.ok) return loaded;
    const { segmentation, quoted, ...scanned } = scanArticle(loaded.text, task.settings, list, hold);
    const ref = task.refs[index] as ArticleRef;
    let held: HeldSpan | undefined;
    if (segmentation !== undefined && quoted !== undefined) {
      held = { from: length, to: length + loaded.text.length, prefix: loaded.prefix, segmentation, quoted };
      texts.push(loaded.text);
      length += loaded.text.length;
    }
    return {
      ok: true,
      scan: scanned,
      digest: loaded.digest,
      warning: loaded.warning ?? (scanned.words === 0 && ref.absolute !== undefined && ref.offset === undefined ? noWords(ref.path) : undefined),
      textDigest: textDigestOf(loaded.text),
      metadata: loaded.prefix === undefined ? undefined : frontMatterMetadata(loaded.prefix, task.settings.fields),
      held,
    };
  });
  // Only a task of newsdedup's own pool moves its result: called in any other thread (a program's
  // own worker that runs `dedupe()`), a task returns plain data.
  if (task.move !== true || isMainThread) return { outcomes, held: texts.join('') };
  const packed = packScans(outcomes);
  return await movedTo({ outcomes: packed.outcomes, held: texts.join('') }, packed.buffers);
}

/**
 * A shard's scans with every typed array copied into two buffers, as views on them: the shard then
 * travels to the main thread as two buffers moved, not thousands of small arrays copied and made
 * again there, one by one. A view keeps its whole buffer, so the fingerprints (let go after the
 * count) and the held segmentations (kept until apply) are packed apart.
 */
function packScans(outcomes: readonly ScanOutcome[]): { outcomes: ScanOutcome[]; buffers: ArrayBuffer[] } {
  let recordWords = 0;
  let recordBytes = 0;
  let heldWords = 0;
  let heldBytes = 0;
  for (const outcome of outcomes) {
    if (!outcome.ok) continue;
    const { scan, held } = outcome;
    recordWords += scan.offsets.length + scan.hashes.length;
    recordBytes += scan.inShortLine.length;
    if (held !== undefined) {
      heldWords += held.segmentation.paragraphs.length + held.segmentation.sentences.length;
      heldBytes += held.quoted.length;
    }
  }
  const records = packer(recordWords, recordBytes);
  const segmentations = packer(heldWords, heldBytes);
  const packed = outcomes.map((outcome): ScanOutcome => {
    if (!outcome.ok) return outcome;
    const { scan, held } = outcome;
    const withScan: ScanOutcome = { ...outcome, scan: { ...scan, offsets: records.unsigned(scan.offsets), hashes: records.unsigned(scan.hashes), inShortLine: records.byte(scan.inShortLine) } };
    if (held === undefined) return withScan;
    const { paragraphs, sentences } = held.segmentation;
    return { ...withScan, held: { ...held, segmentation: { ...held.segmentation, paragraphs: segmentations.unsigned(paragraphs), sentences: segmentations.unsigned(sentences) }, quoted: segmentations.byte(held.quoted) } };
  });
  return { outcomes: packed, buffers: [records.buffer, segmentations.buffer] };
}

/**
 * Typed arrays copied into one new buffer, each as a view on it: `words` four-byte numbers first,
 * so that every view is aligned, then `bytes` bytes. The copies go in the order they are asked for.
 */
function packer(words: number, bytes: number) {
  const buffer = new ArrayBuffer(words * 4 + bytes);
  let wordAt = 0;
  let byteAt = words * 4;
  return {
    buffer,
    unsigned(array: Uint32Array): Uint32Array {
      const view = new Uint32Array(buffer, wordAt * 4, array.length);
      wordAt += array.length;
      view.set(array);
      return view;
    },
    signed(array: Int32Array): Int32Array {
      const view = new Int32Array(buffer, wordAt * 4, array.length);
      wordAt += array.length;
      view.set(array);
      return view;
    },
    byte(array: Uint8Array): Uint8Array {
      const view = new Uint8Array(buffer, byteAt, array.length);
      byteAt += array.length;
      view.set(array);
      return view;
    },
  };
}

/**
 * `value`, marked so that `buffers`, which its typed arrays view, move to the main thread rather
 * than being copied; piscina hands the main thread `value` itself. For a task of the pool only.
 */
async function movedTo<T extends object>(value: T, buffers: ArrayBuffer[]): Promise<T> {
  const piscina = await import('piscina');
  return piscina.move({ [piscina.transferableSymbol]: buffers, [piscina.valueSymbol]: value }) as unknown as T;
}

/** A held text, on the thread that holds it: a slice of its shard's string, which it keeps alive. */
export function heldTextOf(span: HeldSpan, held: string): HeldText {
  return { text: held.slice(span.from, span.to), prefix: span.prefix, segmentation: span.segmentation, quoted: span.quoted };
}

/** A file with no word in it: told, as a record with no text is (see `W_NO_TEXT`), and kept as an article of 0 words. */
function noWords(path: string): Problem {
  return { path, code: 'W_NO_TEXT', severity: 'warning', message: `\`${path}\` holds no words (it is empty, or white space only); read as an article of 0 words.` };
}

/** The digest that tells a duplicate: the same words in the same order, whatever the spacing and punctuation. */
export function textDigestOf(text: string): string {
  // In pieces cut at white space, so that a 50 MB article is never copied whole: normalising
  // folds every run of non-letters to one space, so the pieces joined by a space give the same words.
  const PIECE = 1 << 16;
  // Most articles are one piece: hashed in one call.
  if (text.length <= PIECE) return sha1(normalizedBytes(text), 'base64').slice(0, 20);
  const hash = createHash('sha1');
  let first = true;
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + PIECE);
    while (end < text.length && !/\s/.test(text[end] ?? '')) end += 1;
    const words = normalizeForComparison(text.slice(start, end));
    if (words !== '') {
      hash.update(first ? words : ` ${words}`);
      first = false;
    }
    start = end;
  }
  return hash.digest('base64').slice(0, 20);
}

function frontMatterMetadata(prefix: string, fields: FieldOptions): ScannedMetadata {
  const { title, date, source } = metadataOf(fields, splitFrontMatter(prefix).metadata);
  return { title, date: date?.raw, dateMs: date?.ms, source };
}

export type GatherOutcome = { readonly ok: true; readonly gathered: GatheredArticle } | { readonly ok: false; readonly problem: Problem };

/** Brings back the texts of the sentences that may match, from a shard's articles. */
export async function gather(task: { readonly refs: readonly (ArticleRef & { readonly digest: string; readonly sentences: readonly number[] })[]; readonly move?: boolean }): Promise<GatherOutcome[]> {
  const outcomes = (await reload(task.refs)).map((loaded, index): GatherOutcome => (loaded.ok ? { ok: true, gathered: gatherArticle(loaded.text, task.refs[index]?.sentences ?? []) } : loaded));
  // As the first pass's results (see `scan`): only a task of newsdedup's own pool moves its result.
  if (task.move !== true || isMainThread) return outcomes;
  const packed = packGathered(outcomes);
  return await movedTo(packed.outcomes, [packed.buffer]);
}

/**
 * A shard's gathered articles with their five typed arrays each copied into one buffer, as views
 * on it: the shard travels to the main thread, which keeps it through assemble, as one buffer
 * moved rather than five arrays an article copied and made again there (at 1 GB of input, over a
 * million, each an object and an allocation of its own).
 */
function packGathered(outcomes: readonly GatherOutcome[]): { outcomes: GatherOutcome[]; buffer: ArrayBuffer } {
  let words = 0;
  let bytes = 0;
  for (const outcome of outcomes) {
    if (!outcome.ok) continue;
    const { segmentation, quoted, fragments } = outcome.gathered;
    words += segmentation.paragraphs.length + segmentation.sentences.length;
    if (typeof fragments !== 'string') words += fragments.starts.length + fragments.bounds.length;
    bytes += quoted?.length ?? 0;
  }
  const arrays = packer(words, bytes);
  const packed = outcomes.map((outcome): GatherOutcome => {
    if (!outcome.ok) return outcome;
    const { segmentation, quoted, fragments } = outcome.gathered;
    return {
      ok: true,
      gathered: {
        segmentation: { ...segmentation, paragraphs: arrays.unsigned(segmentation.paragraphs), sentences: arrays.unsigned(segmentation.sentences) },
        ...(quoted === undefined ? {} : { quoted: arrays.byte(quoted) }),
        fragments: typeof fragments === 'string' ? fragments : { text: fragments.text, starts: arrays.signed(fragments.starts), bounds: arrays.signed(fragments.bounds) },
      },
    };
  });
  return { outcomes: packed, buffer: arrays.buffer };
}

/** Verifies candidate pairs of sentences (pure: no files). */
export function verify(task: { readonly batch: VerifyBatch; readonly settings: TaskSettings }): Verdict[] {
  return verifyBatch(task.batch, task.settings);
}

export type ApplyOutcome =
  | {
      readonly ok: true;
      readonly text: string | undefined;
      readonly chrome: readonly string[];
      /** A record's cleaned text, written to the task's `spool` file: its bytes `[offset, offset + length)`. */
      readonly spooled?: { readonly offset: number; readonly length: number } | undefined;
    }
  | { readonly ok: false; readonly problem: Problem };

/**
 * Makes `folder` and its parents up to `root`, but never `root` itself: the output's own folder is
 * made by the main thread, and an interrupted run renames it away to discard it (see
 * `discardUnfinishedOutputs`), after which a task still running fails here rather than make it again.
 */
async function makeFolderUnder(root: string, folder: string): Promise<void> {
  const parts = relative(root, folder).split(sep).filter((part) => part !== '');
  let path = root;
  for (const part of parts) {
    path = join(path, part);
    await mkdir(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
  }
}

/**
 * Step 3, apply: cleans each article of a shard by its plan. With `out`, writes a file's article
 * there (the output's temporary directory), and a record's cleaned text into `spool`, a file of
 * this shard, returning no text; without `out`, returns the text.
 */
export async function apply(task: {
  readonly refs: readonly (ArticleRef & { readonly digest: string; readonly plan: ArticlePlan })[];
  readonly out: string | undefined;
  readonly spool?: string | undefined;
}): Promise<ApplyOutcome[]> {
  const loaded = await reload(task.refs);
  const out = task.out;
  const folders = new Set<string>();
  if (out !== undefined) {
    for (const [index, article] of loaded.entries()) if (article.ok && task.refs[index]?.offset === undefined) folders.add(dirname(join(out, task.refs[index]?.path ?? '')));
    // Made one at a time, before the writes: parents come first in sorted order.
    for (const folder of [...folders].sort()) await makeFolderUnder(out, folder);
  }
  const spool = out !== undefined && task.spool !== undefined && task.refs.some((ref) => ref.offset !== undefined) ? await openSpool(task.spool) : undefined;
  try {
    // Records go into the spool one after another, in order: no more than one at a time.
    const outcomes: ApplyOutcome[] = [];
    const files = await eachLimited(loaded, async (article, index): Promise<ApplyOutcome | undefined> => {
      if (!article.ok) return article;
      const ref = task.refs[index] as (typeof task.refs)[number];
      if (ref.offset !== undefined && out !== undefined) return undefined;
      const cleaned = applyArticle(article.text, ref.plan);
      if (out === undefined) return { ok: true, text: cleaned.text, chrome: cleaned.chrome };
      const content = article.prefix === undefined ? cleaned.text : article.prefix + cleaned.text;
      // Blocking in a worker thread, for the reason `load` gives.
      if (isMainThread) await writeFile(join(out, ref.path), content);
      else writeFileSync(join(out, ref.path), content);
      return { ok: true, text: undefined, chrome: cleaned.chrome };
    });
    for (const [index, outcome] of files.entries()) {
      if (outcome !== undefined) {
        outcomes.push(outcome);
        continue;
      }
      const article = loaded[index] as Extract<Loaded, { ok: true }>;
      const cleaned = applyArticle(article.text, (task.refs[index] as (typeof task.refs)[number]).plan);
      const spooled = await (spool as Spool).append(cleaned.text);
      outcomes.push({ ok: true, text: undefined, chrome: cleaned.chrome, spooled });
    }
    return outcomes;
  } finally {
    await spool?.close();
  }
}

interface Spool {
  append(text: string): Promise<{ offset: number; length: number }>;
  close(): Promise<void>;
}

/** A shard's file of cleaned record texts, written from the start. Blocking in a worker thread. */
async function openSpool(path: string): Promise<Spool> {
  let offset = 0;
  if (!isMainThread) {
    const descriptor = openSync(path, 'w');
    return {
      async append(text) {
        const bytes = Buffer.from(text, 'utf8');
        writeSync(descriptor, bytes);
        const at = offset;
        offset += bytes.length;
        return { offset: at, length: bytes.length };
      },
      async close() {
        closeSync(descriptor);
      },
    };
  }
  const handle = await open(path, 'w');
  return {
    async append(text) {
      const bytes = Buffer.from(text, 'utf8');
      await handle.write(bytes);
      const at = offset;
      offset += bytes.length;
      return { offset: at, length: bytes.length };
    },
    close: () => handle.close(),
  };
}
