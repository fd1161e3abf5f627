import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { ChromeLine, DedupeResult, Problem, Report, SharedBlockText, SourceArticle } from './types.js';
import type { DedupeOptions, ResolvedOptions } from './options.js';
import type { ArticlePlan, ArticleScan } from './shard.js';
import { gatherHeld } from './shard.js';
import type { ArticleRef, HeldText, ScannedMetadata, TaskSettings } from './worker.js';
import { heldTextOf } from './worker.js';
import type { ArticleMeta, ArticleOrder } from './stages/spool.js';
import type { SpooledText } from './stages/write-records.js';
import type { FieldOptions } from './records/fields.js';
import type { Executor } from './executor.js';
import type { Assembly } from './stages/assemble.js';
import type { FingerprintRecords, LineCountsBeyond } from './stages/count.js';
import type { Candidates, GatheredArticle, OutsideHolders, SentenceRequest } from './stages/match.js';
import type { LineRecord } from './stages/detect-chrome.js';
import type { ChromeMark } from './stages/classify-chrome.js';
import { earliestOf, findDuplicates, originalName } from './stages/duplicates.js';
import { append } from './lib/append.js';
import { resolveOptions } from './options.js';
import { NewsdedupError } from './errors.js';
import { defaultThreads, inProcessExecutor, poolExecutor, runInOrder } from './executor.js';
import { chunk } from './chunk.js';
import { compileChromeList } from './stages/detect-chrome.js';
import { FingerprintCounts, RepeatIndex, ShortLineCounts } from './stages/count.js';
import { articlesOfSentences, candidateFinder, verifyCandidates } from './stages/match.js';
import { assemble } from './stages/assemble.js';
import { ChromeTally, classifyChrome, separateFurniture, sourceOfPath } from './stages/classify-chrome.js';
import { markerFor } from './stages/collapse.js';
import { measure } from './stages/measure.js';
import { discover, isInside } from './stages/discover.js';
import { beginOutput, checkOutFolder, checkReserved, extraFiles, variantsText } from './stages/write.js';
import { collectGarbage, collectGarbageIfGrown } from './lib/collect.js';
import { trace } from './lib/trace.js';
import { dateOfValue, textOfValue } from './records/fields.js';
import { OUTPUT_FORMATS, outputPathOf } from './records/format.js';
import type { OutputFormat } from './records/format.js';
import { cleanedSpoolPath } from './stages/write-records.js';
import type { Archive, Beyond } from './index/archive.js';
import type { ContextQuery } from './stages/context.js';
import { compareOrder, restrictReport, shortLinesOf } from './stages/context.js';

import type { CorpusResult, LoadOptions } from './corpus.js';
import { byPath, fieldOptionsOf, fileOfArticle, openCorpus, recordsOf, uniqueRefs, withChromeFile, writeRecordFiles } from './corpus.js';
import { groupBySource } from './report/group-by-source.js';
import { indexRoot, openArchive } from './index/archive.js';

export { trace } from './lib/trace.js';

/** How far a run has got: sent after every shard of every pass. */
export interface ProgressEvent {
  /** `read`: first pass (fingerprint); `match`: reading back the sentences that may match; `write`: apply. */
  readonly phase: 'read' | 'match' | 'write';
  /** Articles done and in all: a file each, or a record each of a file of records. */
  readonly files: number;
  readonly totalFiles: number;
  readonly bytes: number;
  readonly totalBytes: number;
}

/** How a corpus run is carried out. None of these change the output. */
export interface RunOptions {
  /**
   * Worker threads. `1` runs everything in this thread. By default, one per core for a corpus of
   * more than a few hundred files, else this thread.
   */
  readonly workers?: number;
  /** Called as the run goes on (for a progress bar). */
  readonly onProgress?: (event: ProgressEvent) => void;
  /**
   * Keeps each article's text in memory from the first pass to the last, rather than reading it
   * again to match and to write: faster, at the cost of memory about the corpus's size. A file
   * that changes while the run goes on is then cleaned as the first pass read it; read again, it
   * is left out with `E_CHANGED`. By default, for a corpus of up to 64 MB: held, the texts cost two
   * to four times their size at the peak (JavaScript strings of mostly two bytes a character,
   * and apply's tasks carrying their texts to the workers), and the run keeps its worker threads
   * and their heaps from the first pass to the last; read again, it lets them go between steps.
   */
  readonly textsInMemory?: boolean;
  /**
   * Counts each article's fingerprints, and finds its candidate pairs, as the first pass reads it,
   * while the workers go on, rather than once the first pass has read every article: the count is
   * done when the first pass is, at the cost of a table for every fingerprint rather than only
   * those that repeat (one to three times the input's size, 32 MB at most; a text too dense in
   * words met once for it is counted after the first pass). By default, for a corpus of up to
   * 64 MB. A run with an index counts after the first pass, once it has read its context.
   */
  readonly countAsRead?: boolean;
}

/** What a corpus run gives. `cleaned` is filled only by {@link dedupe}; `clean` writes it instead. */
export interface PipelineOutput {
  readonly report: Report;
  readonly shared: readonly SharedBlockText[];
  readonly chrome: readonly ChromeLine[];
  readonly cleaned: readonly { readonly path: string; readonly text: string }[];
  /** Per article of the report, where `clean` spooled a record's cleaned text (see {@link writeRecordFiles}). */
  readonly spooled: readonly (SpooledText | undefined)[];
  /** Per article of the report, what its record or front matter said of it. */
  readonly metas: readonly ArticleMeta[];
  /** The id of each article that another wholly duplicates, by key (an archive article's too). */
  readonly originalIds: ReadonlyMap<string, string | undefined>;
}


/** Where a run writes: `out` (clean), `collect` (dedupe), and a temporary directory for the cleaned texts of records. */
interface Sink {
  readonly out: string | undefined;
  readonly collect: boolean;
  readonly spool?: string | undefined;
}

/** Within assemble, garbage is collected when the heap has grown by this much since the last collection. */
const GROWN_BYTES = 256 << 20;
/** With the texts held, apply tasks handed to each thread at once, while the report is measured. */
const APPLY_AHEAD = 16;
/** Up to this many bytes of input, texts are held in memory between passes by default (see `RunOptions.textsInMemory`). */
const HOLD_TEXTS_BYTES = 64 << 20;
/** A corpus smaller than this runs in this thread by default: starting workers would cost more. */
const SMALL_CORPUS = { files: 400, bytes: 2 << 20 };

/**
 * Deduplicates a corpus held in memory, in this thread. Pure: no file system, no clock, and the
 * same articles give the same result in any order.
 */
export async function dedupe(articles: readonly SourceArticle[], options: DedupeOptions = {}, problems: readonly Problem[] = []): Promise<DedupeResult> {
  checkArticles(articles);
  const settings = resolveOptions(options);
  const sorted = [...articles].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const refs = sortedRefs(sorted.map((article) => ({ path: article.path, text: article.text, size: article.text.length })));
  const metas = sorted.map(metaOfSource);
  // A date given that newsdedup does not read is said, as a file of records' is (`W_NO_DATE`).
  const undated = sorted.flatMap((article, index): Problem[] => {
    const date = metas[index]?.date;
    return date !== undefined && metas[index]?.dateMs === undefined && date.trim() !== ''
      ? [{ path: article.path, code: 'W_NO_DATE', severity: 'warning', message: `\`${article.path}\`'s date \`${date.length > 40 ? `${date.slice(0, 40)}…` : date}\` is no date newsdedup reads; it is read as undated. Dates read: 2025-03-10 or 2025-03-10T08:00:00Z; Mon, 10 Mar 2025 08:00:00 +0000; March 10, 2025; 10 March 2025.` }]
      : [];
  });
  const executor = inProcessExecutor();
  const output = await runPipeline(refs, metas, settings, [...problems, ...undated], executor, { out: undefined, collect: true });
  return { report: output.report, cleaned: output.cleaned, shared: output.shared, chrome: output.chrome };
}

/** Throws `E_USAGE` naming the first article given in memory that is not `{ path: string, text: string }` (a caller in plain JavaScript may pass anything). */
function checkArticles(articles: readonly SourceArticle[]): void {
  if (!Array.isArray(articles)) throw new NewsdedupError('E_USAGE', `dedupe() takes an array of articles, got ${describe(articles)}.`);
  articles.forEach((article: unknown, index) => {
    const { path, text } = (typeof article === 'object' && article !== null ? article : {}) as { path?: unknown; text?: unknown };
    if (typeof path !== 'string') throw new NewsdedupError('E_USAGE', `dedupe(): article ${index} has ${describe(path)} for its path; a path is a string.`);
    if (typeof text !== 'string') throw new NewsdedupError('E_USAGE', `dedupe(): article ${index} (\`${path}\`) has ${describe(text)} for its text; a text is a string.`);
  });
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  return Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** What an article given in memory says of itself. */
function metaOfSource(article: SourceArticle): ArticleMeta {
  const date = article.date === undefined ? undefined : dateOfValue(article.date);
  return { id: textOfValue(article.id), title: textOfValue(article.title), date: date?.raw, dateMs: date?.ms, source: textOfValue(article.source) };
}

/** What every step of one run shares. */
export interface Run {
  readonly executor: Executor;
  readonly settings: ResolvedOptions;
  readonly taskSettings: TaskSettings;
  readonly problems: Problem[];
  /** Articles a later pass could not read again: left out of the output. */
  readonly dropped: Set<number>;
  readonly progress: (phase: ProgressEvent['phase'], refs: readonly { readonly size: number }[]) => void;
  /** Collects garbage between steps when the run reads its texts again (see `collectGarbage`); else nothing. */
  readonly betweenSteps: () => void;
  /** When the run reads its texts again, lets the worker threads and their heaps go while the corpus-wide steps run; else nothing. */
  readonly restWorkers: () => Promise<void>;
  /** True when the first pass hands back each text, held in `held` until apply (see `RunOptions.textsInMemory`). */
  readonly hold: boolean;
  /** By article, the texts held from the first pass; emptied once apply is done. */
  readonly held: (HeldText | undefined)[];
  /** True when the count goes on as the first pass reads (see `RunOptions.countAsRead`). */
  readonly countAsRead: boolean;
}

/** An article the first pass could read: what later steps need of it. */
export interface Kept {
  readonly ref: ArticleRef;
  readonly digest: string;
  readonly words: number;
  readonly lines: readonly LineRecord[];
  readonly meta: ArticleMeta;
  /** The earlier article it wholly duplicates (see the duplicates stage), by index. */
  duplicateOf: number | undefined;
  /** An archive article read from the index for an index run: matched with the inputs, never written or reported. */
  readonly context: boolean;
}

/** What the fingerprint and count steps leave for the rest of the run. */
interface Counted {
  readonly kept: readonly Kept[];
  /** Short lines' counts, per source, for chrome. */
  readonly shortLines: ShortLineCounts;
  /** Candidate pairs of sentences, found from the fingerprints' first holders as the count went (see `candidateFinder`). */
  readonly candidates: Candidates;
  /** With an index: per source, its archive articles outside the run. */
  readonly sourcesBeyond: ReadonlyMap<string, number> | undefined;
  /** With an index: by global sentence id, the keys of archive articles that hold a common short line verbatim, left unread. */
  readonly unreadCopies: ReadonlyMap<number, readonly string[]>;
  /** Each article's source (see `sourceOf`), told once: read for every candidate pair and in every step after. */
  readonly sources: readonly string[];
}

/** The blocks and the chrome: the corpus-wide plan that apply carries out. */
interface Plan extends Assembly {
  readonly chrome: readonly (readonly ChromeMark[])[];
}

/**
 * The three steps over a corpus, with a plain-data boundary between them:
 * 1. fingerprint, per shard (in workers): segment, list chrome candidates, fingerprint sentences;
 * 2. count (an order-free reduction), then match, assemble blocks and classify chrome, over the corpus;
 * 3. apply, per shard (in workers): collapse each article by the plan the corpus made.
 * Results are always taken in article order, so the output does not depend on the executor. Each
 * step is a function of its own, so that what it held is let go when it returns.
 */
async function runPipeline(
  refs: readonly ArticleRef[],
  metas: readonly ArticleMeta[],
  settings: ResolvedOptions,
  initialProblems: readonly Problem[],
  executor: Executor,
  sink: Sink,
  options: RunOptions = {},
  fields: FieldOptions = {},
  archive?: Archive,
): Promise<PipelineOutput> {
  // Compiled here first, so that a bad pattern is an error before any work starts.
  compileChromeList(settings.chromeLines);
  const run = makeRun(refs, settings, initialProblems, executor, fields, options);
  const { betweenSteps } = run;

  const counted = await fingerprintAndCount(run, refs, metas, archive);
  betweenSteps();
  const plan = await matchAndPlan(run, counted);
  betweenSteps();
  const keep = settings.keep === 'auto' ? (counted.kept.some((entry) => entry.meta.dateMs !== undefined) ? 'first' : 'none') : settings.keep;
  const { kept } = counted;
  // With the texts held, the workers are handed enough apply tasks to go on with while the report
  // is measured (a fraction of a second's work each), not all: each task carries its shard's
  // texts, copied once more on the way. Read again, apply's tasks go a few at a time, and the
  // report waits for them.
  const applying = apply(run, kept, plan, sink, keep, run.hold ? executor.threads * APPLY_AHEAD : undefined);
  // Awaited below, once the report is measured.
  applying.catch(() => undefined);
  const measured = run.hold ? measureRun(run, kept, plan, archive) : undefined;
  const applied = await applying;
  run.held.length = 0;
  // The last task has run: let the worker threads and their heaps go before the report is built.
  await executor.close();
  trace('apply');
  betweenSteps();
  // Measured after apply when texts are read again: apply may find a file changed since the first
  // pass, whose problem the report then holds. A held text cannot change.
  const { report, shared } = measured ?? measureRun(run, kept, plan, archive);
  const inputs = kept.flatMap((entry, article) => (entry.context ? [] : [article]));
  const spooled = archive === undefined ? applied.spooled : inputs.map((article) => applied.spooled[article]);
  const originalIds = new Map(kept.flatMap((entry) => (entry.duplicateOf === undefined ? [] : [[kept[entry.duplicateOf]?.ref.path ?? '', kept[entry.duplicateOf]?.meta.id] as const])));
  return { report, shared, chrome: applied.chrome, cleaned: applied.cleaned, spooled, metas: inputs.map((article) => (kept[article] as Kept).meta), originalIds };
}

/** The report of a run and its shared blocks' texts, from the plan (nothing apply finds but problems). */
function measureRun(run: Run, kept: readonly Kept[], plan: Plan, archive: Archive | undefined): { report: Report; shared: SharedBlockText[] } {
  const { settings } = run;
  // Context articles are measured empty: they hold no block, so pairs are the inputs' own.
  const isContext = (article: number): boolean => kept[article]?.context === true;
  const measured = measure(
    kept.map((entry) => ({
      path: entry.ref.path,
      words: entry.words,
      id: entry.meta.id,
      title: entry.meta.title,
      date: entry.meta.date,
      source: entry.meta.source,
      duplicateOf: entry.duplicateOf === undefined ? undefined : kept[entry.duplicateOf]?.ref.path,
    })),
    plan.blocks,
    archive === undefined ? plan.occurrences : plan.occurrences.map((held, article) => (isContext(article) ? [] : held)),
    archive === undefined ? plan.chrome : plan.chrome.map((marks, article) => (isContext(article) ? [] : marks)),
    [...run.problems].sort(byPath),
    { similarity: settings.similarity, minBlockWords: settings.minBlockWords, chromeMinArticles: settings.chromeMinArticles, shingleSize: settings.shingleSize, maxPairs: settings.maxPairs },
  );
  const contextPaths = new Set(kept.flatMap((entry) => (entry.context ? [entry.ref.path] : [])));
  const report = archive === undefined ? measured : restrictReport(measured, (path) => contextPaths.has(path), { path: archive.name, archiveArticles: archive.articleCount, contextArticles: contextPaths.size });
  const held = new Set(report.blocks.map((block) => block.id));
  const pathOf = (article: number): string => kept[article]?.ref.path ?? '';
  const shared = plan.blocks
    .filter((block) => archive === undefined || held.has(block.id))
    .map((block) => ({ id: block.id, text: block.canonicalText, variantsText: variantsText({ ...block, variants: block.variantWordings }, pathOf(block.canonical)), variants: block.variantWordings }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  trace('measure');
  return { report, shared };
}

/**
 * Steps 1 and 2a: fingerprints every article (shards in any order, taken in article order), counts
 * the fingerprints, and finds each article's candidate pairs as it is counted: a small run as each
 * shard comes back (see `countAsRead`), any other once every shard is in, only the fingerprints
 * that repeat (marked in a bitset as they come, then counted in article order). The records and
 * the counts, the largest things a run holds, are let go on return.
 */
async function fingerprintAndCount(run: Run, refs: readonly ArticleRef[], metas: readonly ArticleMeta[], archive: Archive | undefined): Promise<Counted> {
  // A small run without an index counts each article as its shard comes back (see `countAsRead`).
  // Else, without an index, fingerprints are marked as each shard comes back, while the workers go
  // on (marking is order-free); with one, once the context is read too, for the table's size.
  const asRead = archive === undefined && run.countAsRead ? countAsRead(Math.min(Math.ceil(bytesOf(refs) / AS_READ_BYTES_EACH), AS_READ_FINGERPRINTS)) : undefined;
  let repeats = archive === undefined && asRead === undefined ? new RepeatIndex(repeatsExpected(refs)) : undefined;
  let scanned = await scanArticles(run, refs, metas, false, (entry) => (asRead === undefined ? repeats?.mark(entry.records.hashes) : asRead.add(entry)));
  let beyond: Beyond | undefined;
  let outside: Map<number, readonly ArticleOrder[]> | undefined;
  let unreadByHash: Map<number, readonly string[]> | undefined;
  if (archive !== undefined) {
    const inputs = scanned;
    const read = await readContext(run, archive, inputs);
    const context = read.context;
    unreadByHash = read.unread;
    scanned = [...inputs, ...context].sort((a, b) => compareOrder(orderOf(a.kept), orderOf(b.kept)));
    const lines: number[] = [];
    for (const entry of inputs) append(lines, shortLinesOf(entry.kept));
    const inRun = new Set(scanned.map((entry) => entry.kept.ref.path));
    beyond = await archive.beyond(lines, inRun);
    outside = archive.holdersOutside(inRun);
    trace('context', `${context.length} archive articles of ${archive.articleCount}`);
  }
  const kept = scanned.map((entry) => entry.kept);
  const sources = sourcesOf(kept);
  for (const entry of scanned) run.held.push(entry.held);
  const records: FingerprintRecords[] = scanned.map((entry) => entry.records);
  const textDigests = scanned.map((entry) => entry.textDigest);
  const sentenceBase: number[] = [0];
  scanned.forEach((entry, article) => sentenceBase.push((sentenceBase[article] ?? 0) + entry.sentences));
  scanned = [];
  const counted = asRead?.finish();
  if (counted !== undefined) {
    trace('fingerprint', `${kept.length} articles, ${counted.candidates.sentenceBase[kept.length] ?? 0} sentences, ${counted.fingerprints} distinct fingerprints, counted as read`);
    trace('count', `${counted.candidates.pairs.length / 2} candidate pairs`);
    return { kept, shortLines: counted.shortLines, candidates: counted.candidates, sourcesBeyond: undefined, unreadCopies: new Map(), sources };
  }
  if (repeats === undefined) {
    repeats = new RepeatIndex(repeatsExpected(kept.map((entry) => entry.ref)));
    for (const articleRecords of records) repeats.mark(articleRecords.hashes);
  }
  trace('fingerprint', `${kept.length} articles, ${sentenceBase[kept.length] ?? 0} sentences, ${repeats.table.size} repeated fingerprints`);
  findDuplicates(textDigests, earliestOfKept(kept)).forEach((original, article) => {
    if (original !== undefined) (kept[article] as Kept).duplicateOf = original;
  });
  // A fingerprint whose earliest holder, or whose latest before the article counted, is an
  // archive article the run did not read votes for nobody there, as in a full run.
  const outsideHolders = outside === undefined ? undefined : { first: (hash: number, holderArticle: number): boolean => {
    const earliest = outside.get(hash)?.[0];
    const holder = kept[holderArticle];
    return earliest !== undefined && holder !== undefined && compareOrder(earliest, orderOf(holder)) < 0;
  }, latest: (hash: number, holderArticle: number, article: number): boolean => {
    const orders = outside.get(hash);
    const holder = kept[holderArticle];
    const counted = kept[article];
    if (orders === undefined || holder === undefined || counted === undefined) return false;
    // The latest outside holder before the article counted, by bisection: after the run's latest, it is the full run's.
    const before = orderOf(counted);
    let low = 0;
    let high = orders.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (compareOrder(orders[middle] as ArticleOrder, before) < 0) low = middle + 1;
      else high = middle;
    }
    return low > 0 && compareOrder(orders[low - 1] as ArticleOrder, orderOf(holder)) > 0;
  } };
  // Counted in article order, each article's candidates are found as it is counted: its
  // fingerprints' first holders in earlier articles are settled by then (see `candidateFinder`).
  // A duplicate is left out of the counts: it would only match its original, which holds the blocks.
  const articleOf = articlesOfSentences(kept.length, sentenceBase);
  const counter = inOrderCounter(records, articleOf, sentenceBase, beyond?.linesBeyond, outsideHolders);
  records.forEach((articleRecords, article) => {
    const entry = kept[article] as Kept;
    if (entry.duplicateOf !== undefined) counter.duplicate(article);
    else counter.count(article, sources[article] ?? '', entry.lines, (holders) => repeats.count(article, articleRecords, holders));
  });
  const { shortLines } = counter;
  const candidates: Candidates = { articleCount: kept.length, sentenceBase, articleOf, ...counter.pairs() };
  trace('count', `${candidates.pairs.length / 2} candidate pairs`);
  // By global sentence id: the archive articles that hold a common short line verbatim, left
  // unread; every sentence of those words has them, an input's or a context article's.
  const unreadCopies = new Map<number, readonly string[]>();
  if (unreadByHash !== undefined && unreadByHash.size > 0) {
    records.forEach(({ offsets, hashes }, article) => {
      for (let s = 0; s + 1 < offsets.length; s += 1) {
        const to = offsets[s + 1] ?? 0;
        if (to === (offsets[s] ?? 0)) continue;
        const keys = unreadByHash?.get(hashes[to - 1] ?? 0);
        if (keys !== undefined) unreadCopies.set((sentenceBase[article] ?? 0) + s, keys);
      }
    });
  }
  return { kept, shortLines, candidates, sourcesBeyond: beyond?.sourcesBeyond, unreadCopies, sources };
}

/** Input up to this size is counted as it is read by default (see `RunOptions.countAsRead`). */
const COUNT_AS_READ_BYTES = 64 << 20;
/**
 * Most distinct fingerprints a run counts as it reads: a table of 2^21 slots, 32 MB. Past them it
 * counts after the first pass, as a large run does (a text of many words met once, such as one
 * article of 20 MB, would need far more).
 */
const AS_READ_FINGERPRINTS = 1_400_000;
/**
 * Bytes of input for each distinct fingerprint a run counted as read makes room for: a news
 * sentence of 25 words gives nine fingerprints in about 150 bytes, and a corpus repeats many of
 * them (the bench's real tier holds one a 46 bytes, the BBC's articles one a 18). A text denser
 * than this in words met once is counted after the first pass.
 */
const AS_READ_BYTES_EACH = 16;

/**
 * Counts each article and finds its candidates as its shard comes back from the workers, in
 * article order, while the workers go on: the count is then done when the first pass is. Every
 * fingerprint goes in the table, not only those that repeat (there is no marking first: a
 * fingerprint held once is only ever its own first holder, which votes for nothing), so it is for
 * a small run, and for `most` distinct fingerprints at most, for which the table is sized once (16
 * bytes a slot, at most 70% full; made at the first article counted, not before). A
 * whole-text duplicate is told as it comes, the copy that came first being its original, as
 * `findDuplicates` tells it; should a later copy be dated before the one that came first, that
 * copy, counted already, would be the duplicate. Then, or past `most` fingerprints, `finish` gives
 * undefined, and the run counts again once every article is read, as a large one does. The
 * counts, candidates and duplicates are the same either way.
 */
function countAsRead(most: number): { add(entry: Scanned): void; finish(): { shortLines: ShortLineCounts; candidates: Candidates; fingerprints: number } | undefined } {
  // Made when the first article is counted, so that a run that gives up at once never makes it.
  let table: FingerprintCounts | undefined;
  const kept: Kept[] = [];
  // As counted: a duplicate's records are empty, as in the count after the first pass.
  const records: FingerprintRecords[] = [];
  const sentenceBase: number[] = [0];
  const articleOf: number[] = [];
  const earliest = earliestOfKept(kept);
  const state = { counter: inOrderCounter(records, articleOf, sentenceBase), firstOfText: new Map<string, number>() };
  let counting: typeof state | undefined = state;
  // All that is counted so far is let go: the run counts again after the first pass.
  const giveUp = (): void => {
    counting = undefined;
    table = undefined;
    kept.length = 0;
    records.length = 0;
    sentenceBase.length = 0;
    articleOf.length = 0;
  };
  return {
    add(entry) {
      if (counting === undefined) return;
      const { counter, firstOfText } = counting;
      const article = kept.length;
      kept.push(entry.kept);
      const { hashes } = entry.records;
      const original = entry.textDigest === '' ? undefined : firstOfText.get(entry.textDigest);
      if (original === undefined ? (table?.size ?? 0) + hashes.length > most : earliest([original, article]) !== original) {
        giveUp();
        return;
      }
      sentenceBase.push((sentenceBase[article] ?? 0) + entry.sentences);
      for (let s = 0; s < entry.sentences; s += 1) articleOf.push(article);
      records.push(entry.records);
      if (original !== undefined) {
        entry.kept.duplicateOf = original;
        counter.duplicate(article);
        return;
      }
      if (entry.textDigest !== '') firstOfText.set(entry.textDigest, article);
      const counts = (table ??= new FingerprintCounts(most));
      counter.count(article, sourceOf(entry.kept), entry.kept.lines, (holders) => counts.addInOrder(article, entry.records, holders));
    },
    finish() {
      if (counting === undefined) return undefined;
      const candidates: Candidates = { articleCount: kept.length, sentenceBase, articleOf: Int32Array.from(articleOf), ...counting.counter.pairs() };
      return { shortLines: counting.counter.shortLines, candidates, fingerprints: table?.size ?? 0 };
    },
  };
}

/** What fills `holders.out` and `holders.latest` with an article's fingerprints' first and latest holders, counting it. */
type CountInOrder = (holders: { readonly out: Int32Array; readonly latest: Int32Array; readonly sentenceBase: ArrayLike<number> }) => void;

/**
 * Step 2a for articles handed in article order, whichever way they are counted: each article's
 * short lines counted in its source, and its candidates found from the holders its count tells.
 * A duplicate's records become empty (it is left out of the counts: it would only match its
 * original, which holds the blocks), so it finds no candidates and none finds it.
 */
function inOrderCounter(records: FingerprintRecords[], articleOf: ArrayLike<number>, sentenceBase: ArrayLike<number>, beyond?: LineCountsBeyond, outside?: OutsideHolders) {
  const shortLines = new ShortLineCounts(beyond);
  const finder = candidateFinder(articleOf, (article) => records[article] as FingerprintRecords, sentenceBase, outside);
  const holders = { out: new Int32Array(1024), latest: new Int32Array(1024), sentenceBase };
  return {
    shortLines,
    pairs: () => finder.pairs(),
    duplicate(article: number): void {
      records[article] = { offsets: new Uint32Array((records[article] as FingerprintRecords).offsets.length), hashes: new Uint32Array(0) };
      finder.add(article, holders.out, holders.latest);
    },
    count(article: number, source: string, lines: readonly LineRecord[], count: CountInOrder): void {
      const length = (records[article] as FingerprintRecords).hashes.length;
      if (holders.out.length < length) {
        holders.out = new Int32Array(length * 2);
        holders.latest = new Int32Array(length * 2);
      }
      count(holders);
      shortLines.add(source, article, lines);
      finder.add(article, holders.out, holders.latest);
    },
  };
}

function bytesOf(refs: readonly ArticleRef[]): number {
  let bytes = 0;
  for (const ref of refs) bytes += ref.size;
  return bytes;
}

/** Rounds of context at most: copies of copies of an input's sentences, and so on (see `stages/context.ts`). */
const CONTEXT_ROUNDS = 4;

/**
 * The archive articles an index run reads beside its inputs, scanned: those that may hold a copy
 * of an input's sentence or text, then those that may hold a copy of those copies, and so on, as
 * the match step's clusters join copies of copies.
 */
async function readContext(run: Run, archive: Archive, inputs: readonly Scanned[]): Promise<{ context: Scanned[]; unread: Map<number, readonly string[]> }> {
  const inRun = new Set(inputs.map((entry) => entry.kept.ref.path));
  const context: Scanned[] = [];
  // By whole-sentence hash: archive articles that hold a common short line verbatim, not read in
  // the round that found them (some may be read in a later one).
  const found = new Map<number, readonly string[]>();
  let queries: ContextQuery[] = inputs.map((entry) => ({ offsets: entry.records.offsets, hashes: entry.records.hashes, inShortLine: entry.inShortLine, textDigest: entry.textDigest }));
  for (let round = 0; round < CONTEXT_ROUNDS && queries.length > 0; round += 1) {
    const matching = await archive.matching(queries, inRun);
    for (const [hash, keys] of matching.unreadCopies) if (!found.has(hash)) found.set(hash, keys);
    const sentencesOf = new Map(matching.refs.map((ref, index) => [ref.path, matching.sentences[index]]));
    const scanned = await scanArticles(run, matching.refs, matching.metas, true);
    for (const entry of scanned) inRun.add(entry.kept.ref.path);
    append(context, scanned);
    trace(`context ${round + 1}`, `${scanned.length} archive articles`);
    // A context article is looked up by its sentences that may be copies only, and never for copies of its whole text.
    queries = scanned.map((entry) => ({ offsets: entry.records.offsets, hashes: entry.records.hashes, inShortLine: entry.inShortLine, textDigest: '', sentences: sentencesOf.get(entry.kept.ref.path) ?? new Set() }));
  }
  // Copies left unread are those no round read.
  const unread = new Map<number, readonly string[]>();
  for (const [hash, keys] of found) {
    const left = keys.filter((key) => !inRun.has(key));
    if (left.length > 0) unread.set(hash, left);
  }
  return { context, unread };
}

/** One article as the fingerprint step leaves it. */
export interface Scanned {
  readonly kept: Kept;
  readonly records: FingerprintRecords;
  readonly textDigest: string;
  readonly sentences: number;
  readonly inShortLine: Uint8Array;
  /** Its text, when the run holds texts (see `Run.hold`). */
  readonly held: HeldText | undefined;
}

/** About how many fingerprints articles of these sizes give: a sketch of a sentence every 20 bytes or so (see `RepeatIndex`). */
function repeatsExpected(refs: readonly ArticleRef[]): number {
  return Math.ceil(bytesOf(refs) / 20);
}

/**
 * Step 1 on some articles, in workers: each scanned, in the order given; an unreadable one becomes
 * a problem. `onScanned` is handed each article, in order, as its shard comes back.
 */
export async function scanArticles(run: Run, refs: readonly ArticleRef[], metas: readonly ArticleMeta[], context: boolean, onScanned?: (entry: Scanned) => void): Promise<Scanned[]> {
  const scanned: Scanned[] = [];
  let next = 0;
  // An archive article read as context is matched, never applied: its text is read again if need be, not held.
  const hold = run.hold && !context;
  await runInOrder(run.executor, 'scan', chunk(refs), (refsOfShard) => ({ refs: refsOfShard, settings: run.taskSettings, hold, move: run.executor.pooled }), ({ outcomes, held }, shardRefs) => {
    outcomes.forEach((outcome, i) => {
      const ref = shardRefs[i] as ArticleRef;
      const meta = metas[next + i] ?? {};
      if (!outcome.ok) {
        run.problems.push(outcome.problem);
        return;
      }
      if (outcome.warning !== undefined) run.problems.push(outcome.warning);
      const scan: ArticleScan = outcome.scan;
      const entry: Scanned = {
        kept: { ref, digest: outcome.digest, words: scan.words, lines: scan.lines, meta: withFrontMatter(meta, outcome.metadata), duplicateOf: undefined, context },
        records: { offsets: scan.offsets, hashes: scan.hashes },
        textDigest: scan.words === 0 ? '' : outcome.textDigest,
        sentences: scan.sentences,
        inShortLine: scan.inShortLine,
        held: outcome.held === undefined ? undefined : heldTextOf(outcome.held, held),
      };
      scanned.push(entry);
      onScanned?.(entry);
    });
    next += shardRefs.length;
    if (!context) run.progress('read', shardRefs);
  });
  return scanned;
}

/** A Markdown file's front matter fills what its ref's metadata does not say. */
function withFrontMatter(meta: ArticleMeta, scanned: ScannedMetadata | undefined): ArticleMeta {
  if (scanned === undefined) return meta;
  return { ...meta, title: meta.title ?? scanned.title, date: meta.date ?? scanned.date, dateMs: meta.dateMs ?? scanned.dateMs, source: meta.source ?? scanned.source };
}

/**
 * The outlet an article comes from: its record's source, else the top folder of its file (see
 * `sourceOfPath`): a record's file of records, never its key, whose id may hold a slash.
 */
function sourceOf(entry: Kept): string {
  return entry.meta.source ?? sourceOfPath(orderOf(entry).file);
}

/** Each article's source, one string for each source, so that two are compared by reference. */
function sourcesOf(kept: readonly Kept[]): string[] {
  const interned = new Map<string, string>();
  return kept.map((entry) => {
    const source = sourceOf(entry);
    const one = interned.get(source);
    if (one !== undefined) return one;
    interned.set(source, source);
    return source;
  });
}

/** The earliest of some articles, by date and then article order (see the duplicates stage). */
function earliestOfKept(kept: readonly Kept[]): (holders: readonly number[]) => number {
  return earliestOf((article) => kept[article]?.meta.dateMs);
}

/**
 * Step 2b: matches sentences (reading back, in workers, only the sentences that may match, and
 * verifying pairs in workers), assembles the blocks and classifies the chrome.
 */
async function matchAndPlan(run: Run, counted: Counted): Promise<Plan> {
  const { kept, candidates } = counted;
  const { sentenceBase } = candidates;
  const sourceOfArticle = (article: number): string => counted.sources[article] ?? '';
  const { matches, articles } = await verifyCandidates(
    candidates,
    {
      fetch: (requests) => fetchSentences(run, kept, requests),
      verify: (batches, pairsOf, take) =>
        runInOrder(run.executor, 'verify', batches, (batch) => ({ batch: pairsOf(batch), settings: run.taskSettings }), (verdicts, batch) => take(batch, verdicts)),
      done: (part, detail) => {
        trace(part, detail);
        if (part === 'fetch') run.betweenSteps();
      },
      sourceOf: sourceOfArticle,
    },
  );
  // Workers are not needed again until apply: on a large corpus, their heaps go meanwhile.
  await run.restWorkers();
  const lines = (article: number): readonly LineRecord[] => kept[article]?.lines ?? [];
  // Without dates, the earliest holder is the first: assemble's default.
  const dated = kept.some((entry) => entry.meta.dateMs !== undefined);
  const unread = counted.unreadCopies;
  const assembled = assemble(
    {
      articleCount: kept.length,
      matched: articles,
      sentenceBase,
      pathOf: (article) => kept[article]?.ref.path ?? '',
      lines,
      ...(dated ? { earliest: earliestOfKept(kept) } : {}),
      ...(unread.size === 0 ? {} : { unreadCopies: (id: number) => unread.get(id) }),
      between: () => collectGarbageIfGrown(GROWN_BYTES),
      titled: (article) => kept[article]?.meta.title !== undefined,
      sourceOf: sourceOfArticle,
    },
    matches,
    run.settings,
  );
  const pathOf = (article: number): string => kept[article]?.ref.path ?? '';
  // With an index, a source's share counts its archive articles too, as a full run would.
  const beyondRun = counted.sourcesBeyond;
  const templateFrequency = (template: number, article: number) => counted.shortLines.templateFrequency(template, article);
  const { assembly, furniture } = separateFurniture(assembled, {
    articleCount: kept.length,
    sourceOf: sourceOfArticle,
    pathOf,
    lines,
    templateFrequency,
    sentenceBase,
    lineFrequency: (hash, article) => counted.shortLines.documentFrequency(hash, article),
    minArticles: run.settings.chromeMinArticles,
    ...(beyondRun === undefined ? {} : { beyondRun }),
  });
  trace('assemble', `${assembly.blocks.length} blocks`);
  // Articles per source, an index's archive articles beyond the run counted, as furniture counts them.
  const sourceSizes = new Map<string, number>(beyondRun ?? []);
  for (const source of counted.sources) sourceSizes.set(source, (sourceSizes.get(source) ?? 0) + 1);
  const chrome = classifyChrome(
    {
      ...assembly,
      articleCount: kept.length,
      lines,
      sentenceBase,
      shortLineFrequency: (hash, article) => counted.shortLines.documentFrequency(hash, article),
      templateFrequency,
      segmentationOf: (article) => articles.get(article)?.segmentation,
      furniture,
      sourceSize: (article) => sourceSizes.get(sourceOfArticle(article)) ?? 0,
    },
    run.settings.chromeMinArticles,
  );
  return { ...assembly, chrome };
}

/**
 * The requested sentences of each article: from its text held since the first pass, or read
 * again, in workers (an article that changed since is dropped).
 */
async function fetchSentences(run: Run, kept: readonly Kept[], requests: readonly SentenceRequest[]): Promise<Map<number, GatheredArticle>> {
  const gathered = new Map<number, GatheredArticle>();
  const items: (SentenceRequest & { readonly size: number })[] = [];
  for (const request of requests) {
    const held = run.held[request.article];
    if (held === undefined) items.push({ ...request, size: kept[request.article]?.ref.size ?? 0 });
    else gathered.set(request.article, gatherHeld(held.text, held.segmentation, held.quoted, request.sentences));
  }
  if (gathered.size > 0) run.progress('match', requests.flatMap((request) => (gathered.has(request.article) ? [{ size: kept[request.article]?.ref.size ?? 0 }] : [])));
  await runInOrder(
    run.executor,
    'gather',
    chunk(items),
    (shardItems) => ({ refs: shardItems.map(({ article, sentences }) => ({ ...(kept[article] as Kept).ref, digest: (kept[article] as Kept).digest, sentences })), move: run.executor.pooled }),
    (outcomes, shardItems) => {
      outcomes.forEach((outcome, i) => {
        const article = shardItems[i]?.article ?? -1;
        if (outcome.ok) gathered.set(article, outcome.gathered);
        else {
          run.problems.push(outcome.problem);
          run.dropped.add(article);
        }
      });
      run.progress('match', shardItems);
    },
  );
  return gathered;
}

/**
 * Step 3: applies each article's plan, in workers, writing into `sink.out` or collecting the
 * cleaned texts, and tallies the chrome lines removed.
 */
async function apply(
  run: Run,
  kept: readonly Kept[],
  plan: Plan,
  sink: Sink,
  keep: 'first' | 'none',
  inFlight?: number,
): Promise<{ cleaned: { path: string; text: string }[]; chrome: ChromeLine[]; spooled: (SpooledText | undefined)[] }> {
  const cleaned: { path: string; text: string }[] = [];
  const spooled: (SpooledText | undefined)[] = [];
  const tally = new ChromeTally();
  if (sink.out === undefined && !sink.collect) return { cleaned, chrome: tally.lines(), spooled };
  // An article that changed or vanished since the first pass has its problem already, and no output.
  const articles = kept.flatMap((entry, article) => (run.dropped.has(article) || entry.context ? [] : [{ article, size: entry.ref.size }]));
  const shards = chunk(articles);
  const shardOf = new Map(shards.map((items, index) => [items, index]));
  const spoolOf = (items: (typeof articles)[number][]): string | undefined => (sink.spool === undefined ? undefined : cleanedSpoolPath(sink.spool, shardOf.get(items) ?? 0));
  const options = { markers: run.settings.markers, keep };
  try {
    await runInOrder(
      run.executor,
      'apply',
      shards,
      (items) => ({ refs: items.map(({ article }) => ({ ...refOf(run, kept, article), plan: planFor(plan, kept, article, options) })), out: sink.out, spool: spoolOf(items) }),
      (outcomes, items) => {
        outcomes.forEach((outcome, i) => {
          const article = items[i]?.article ?? 0;
          if (!outcome.ok) {
            run.problems.push(outcome.problem);
            return;
          }
          if (outcome.text !== undefined) cleaned.push({ path: kept[article]?.ref.path ?? '', text: outcome.text });
          if (outcome.spooled !== undefined) spooled[article] = { shard: shardOf.get(items) ?? 0, ...outcome.spooled };
          tally.add(outcome.chrome, plan.chrome[article] ?? []);
        });
        run.progress('write', items);
      },
      inFlight,
    );
  } catch (error) {
    if (error instanceof NewsdedupError) throw error;
    // A worker's error loses its class on the way back; a failed write is still a write error.
    throw new NewsdedupError('E_WRITE', `Cannot write the cleaned articles: ${(error as Error).message}`, { cause: error });
  }
  return { cleaned, chrome: tally.lines(), spooled };
}

/** An article as apply reads it: its text held since the first pass, or its file with the digest it had then. */
function refOf(run: Run, kept: readonly Kept[], article: number): ArticleRef & { readonly digest: string } {
  const entry = kept[article] as Kept;
  const held = run.held[article];
  if (held === undefined) return { ...entry.ref, digest: entry.digest };
  // A text given in the task has no digest to compare (see `load`), and needs no file name: the
  // fields are written out rather than spread, once per article of the corpus.
  const { path, size, offset } = entry.ref;
  const ref = { path, size, text: held.text, prefix: held.prefix, digest: '' };
  return offset === undefined ? ref : { ...ref, offset };
}

/**
 * What apply does to one article: its block occurrences, with markers (with `keep: 'first'`, not
 * those of the blocks it is the earliest holder of, which stay in place), and its chrome
 * paragraphs. A duplicate becomes one marker naming its original.
 */
function planFor(plan: Plan, kept: readonly Kept[], article: number, options: { readonly markers: boolean; readonly keep: 'first' | 'none' }): ArticlePlan {
  const original = kept[article]?.duplicateOf;
  if (original !== undefined) {
    const of = kept[original];
    return { regions: [], chrome: [], replace: options.markers ? `[duplicate of ${originalName(of?.meta.id, of?.ref.path ?? '', kept[article]?.meta.id)}]\n` : '' };
  }
  const regions = (plan.occurrences[article] ?? []).flatMap((occurrence) => {
    const block = plan.blocks[occurrence.block];
    if (options.keep === 'first' && block?.canonical === article) return [];
    // With keep first, what this article first holds of the block stays too: only the stretches around it go.
    const pieces = options.keep === 'first' ? (occurrence.pieces ?? [occurrence]) : [occurrence];
    return pieces.map((piece) => ({ start: piece.start, end: piece.end, marker: options.markers && block !== undefined ? markerFor(block, piece) : undefined }));
  });
  return { regions, chrome: (plan.chrome[article] ?? []).map((mark) => ({ start: mark.start, end: mark.end })) };
}

/** What every step of a run shares, for these articles. */
export function makeRun(refs: readonly ArticleRef[], settings: ResolvedOptions, initialProblems: readonly Problem[], executor: Executor, fields: FieldOptions, options: RunOptions): Run {
  const taskSettings: TaskSettings = {
    shingleSize: settings.shingleSize,
    sketchSize: settings.sketchSize,
    similarity: settings.similarity,
    maxHeadingWords: settings.maxHeadingWords,
    chromeLines: settings.chromeLines,
    fields,
  };
  const totalBytes = bytesOf(refs);
  const hold = options.textsInMemory ?? totalBytes <= HOLD_TEXTS_BYTES;
  // A run that reads its texts again has chosen memory over speed: each step's garbage, which V8
  // would hold on to, is collected in between, and the worker threads and their heaps go while the
  // corpus-wide steps run. A run that holds its texts keeps both: starting the threads again for
  // apply, and collecting between steps, cost the real tier 0.5–1 s of its 11–14 (see README).
  const betweenSteps = hold ? () => undefined : collectGarbage;
  const restWorkers = hold ? async () => undefined : () => executor.rest();
  const asRead = options.countAsRead ?? totalBytes <= COUNT_AS_READ_BYTES;
  return { executor, settings, taskSettings, problems: [...initialProblems], dropped: new Set(), progress: makeProgress(refs.length, totalBytes, options.onProgress), betweenSteps, restWorkers, hold, held: [], countAsRead: asRead };
}

function makeProgress(totalFiles: number, totalBytes: number, onProgress: ((event: ProgressEvent) => void) | undefined) {
  const done = { read: { files: 0, bytes: 0 }, match: { files: 0, bytes: 0 }, write: { files: 0, bytes: 0 } };
  return (phase: ProgressEvent['phase'], refs: readonly { readonly size: number }[]): void => {
    if (onProgress === undefined) return;
    done[phase].files += refs.length;
    done[phase].bytes += refs.reduce((sum, ref) => sum + ref.size, 0);
    onProgress({ phase, files: done[phase].files, totalFiles, bytes: done[phase].bytes, totalBytes });
  };
}

/** The order articles run in: by key, as strings compare (not by locale). */
function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Where an article stands in a run's order: its file's path, then its place among the file's records. */
function orderOf(entry: Kept): ArticleOrder {
  return entry.meta.order ?? { file: entry.ref.path, ordinal: 0 };
}

function sortedRefs(refs: readonly ArticleRef[]): ArticleRef[] {
  const sorted = [...refs].sort((a, b) => compareKeys(a.path, b.path));
  uniqueRefs(sorted);
  return sorted;
}

/** Options of {@link reportCorpus}. */
export interface ReportCorpusOptions extends DedupeOptions, LoadOptions, RunOptions, FieldOptions {
  /** A file of extra chrome lines, one a line (see {@link DedupeOptions.chromeLines}). */
  readonly chromeFile?: string;
  /**
   * A lasting index (a folder, see {@link addToIndex}): the inputs are matched against its articles
   * as well as each other, and article keys are paths relative to the folder that holds the index.
   */
  readonly index?: string | undefined;
}

/** Formats that `clean` can write files of records in (see {@link CleanCorpusOptions.outputFormat}). */
export { OUTPUT_FORMATS } from './records/format.js';
export type { OutputFormat } from './records/format.js';

/** Options of {@link cleanCorpus}. */
export interface CleanCorpusOptions extends ReportCorpusOptions {
  /** The output directory; refused when it would overwrite or hold an input. */
  readonly out: string;
  /**
   * The format of the cleaned files of records; their compression stays that of the input
   * (none for Parquet). Text and Markdown files stay as they are. @default each input's own format
   */
  readonly outputFormat?: OutputFormat | undefined;
  /**
   * `source`: `report.json` (and the result) also holds `bySource`, the report grouped by each
   * article's source (see `groupBySource`), as `--group-by source` asks. @default none
   */
  readonly groupBy?: 'source' | undefined;
}

/** Reads a corpus from disk and deduplicates it, writing nothing. Streams: texts are read, not kept. */
export async function reportCorpus(inputs: readonly string[], options: ReportCorpusOptions = {}): Promise<CorpusResult> {
  const cwd = options.cwd ?? process.cwd();
  const fields = fieldOptionsOf(options);
  const settings = resolveOptions(await withChromeFile(options));
  const discovery = await discover(inputs, cwd, options.index === undefined ? undefined : indexRoot(options.index, cwd));
  const corpus = await openCorpus(discovery.files, fields);
  let archive: Archive | undefined;
  try {
    archive = await openArchive(options.index, cwd, settings);
    const opened = archive;
    return await withExecutor(corpus.refs, options, async (executor, refs) => {
      const output = await runPipeline(refs, corpus.metas, settings, corpus.problems, executor, { out: undefined, collect: false }, options, fields, opened);
      return { report: output.report, shared: output.shared, chrome: output.chrome, base: discovery.base, ...recordsOf(corpus, output, fields) };
    });
  } finally {
    await archive?.close();
    await corpus.temporary?.remove();
  }
}

/**
 * Reads a corpus, deduplicates it and writes the output directory: cleaned articles at their
 * relative paths (files of records as files of records, in their format or `outputFormat`),
 * `_shared/<block id>.txt`, `_chrome.txt` and `report.json`. All of it is written into a
 * temporary directory beside `out` and renamed into place at the end.
 */
export async function cleanCorpus(inputs: readonly string[], options: CleanCorpusOptions): Promise<CorpusResult> {
  const cwd = options.cwd ?? process.cwd();
  const out = resolve(cwd, options.out);
  const fields = fieldOptionsOf(options);
  if (options.outputFormat !== undefined && !(OUTPUT_FORMATS as readonly string[]).includes(options.outputFormat)) {
    throw new NewsdedupError('E_BAD_OPTION', `outputFormat must be one of ${OUTPUT_FORMATS.join(', ')}, got ${String(options.outputFormat)}`);
  }
  const settings = resolveOptions(await withChromeFile(options));
  const discovery = await discover(inputs, cwd, options.index === undefined ? undefined : indexRoot(options.index, cwd));
  for (const root of discovery.roots) {
    if (root.kind !== 'file' && isInside(out, root.absolute)) {
      throw new NewsdedupError('E_OUT_OVERLAPS_INPUT', `Refusing --out \`${options.out}\`: it is inside the input \`${root.absolute}\`, so its files would be read back as articles.`);
    }
  }
  for (const file of discovery.files) {
    if (isInside(file.absolute, out)) {
      // Named as the user named --out: from the working folder, or whole when --out was.
      const shown = isAbsolute(options.out) ? file.absolute : relative(cwd, file.absolute).split(sep).join('/') || file.path;
      throw new NewsdedupError('E_OUT_OVERLAPS_INPUT', `Refusing --out \`${options.out}\`: it holds the input \`${shown}\`, which would be overwritten.`);
    }
    checkReserved(outputPathOf(file.path, options.outputFormat));
  }
  await checkOutFolder(out, options.out);
  const corpus = await openCorpus(discovery.files, fields);
  let archive: Archive | undefined;
  try {
    archive = await openArchive(options.index, cwd, settings);
    const opened = archive;
    const output = await beginOutput(out);
    try {
      const result = await withExecutor(corpus.refs, options, async (executor, refs) => {
        const run = await runPipeline(refs, corpus.metas, settings, corpus.problems, executor, { out: output.directory, collect: false, spool: corpus.temporary?.directory }, options, fields, opened);
        const records = recordsOf(corpus, run, fields);
        if (records.records !== undefined) await writeRecordFiles(run, records.records, output.directory, corpus.temporary?.directory ?? '', options.outputFormat);
        return { report: run.report, shared: run.shared, chrome: run.chrome, base: discovery.base, ...records };
      });
      const bySource = options.groupBy === 'source' ? groupBySource(result.report, fileOfArticle(result)) : undefined;
      for (const file of extraFiles(result, bySource)) await output.write(file);
      await output.commit();
      // With a PostgreSQL index, which articles hold which block, for queries: a failure there is a warning, the output stands.
      await archive?.recordBlocks(result.report.blocks).catch((error: unknown) => {
        (result.report.problems as Problem[]).push({ path: archive?.name ?? '', code: 'W_INDEX_BLOCKS', severity: 'warning', message: `${(error as Error).message.replace(/\.$/, '')}; the blocks of this run were not kept in the index.` });
      });
      trace('write report');
      return bySource === undefined ? result : { ...result, bySource };
    } catch (error) {
      await output.abort();
      throw error;
    }
  } finally {
    await archive?.close();
    await corpus.temporary?.remove();
  }
}

export async function withExecutor<T>(refs: readonly ArticleRef[], options: RunOptions, work: (executor: Executor, refs: readonly ArticleRef[]) => Promise<T>): Promise<T> {
  const totalBytes = refs.reduce((sum, ref) => sum + ref.size, 0);
  const small = refs.length < SMALL_CORPUS.files && totalBytes < SMALL_CORPUS.bytes;
  const threads = options.workers ?? (small ? 1 : defaultThreads());
  if (!Number.isInteger(threads) || threads < 1) throw new NewsdedupError('E_BAD_OPTION', `workers must be a whole number of at least 1, got ${String(threads)}`);
  const executor = threads === 1 ? inProcessExecutor() : await poolExecutor(threads);
  try {
    return await work(executor, refs);
  } finally {
    await executor.close();
  }
}

export { RESERVED_OUTPUT, outputFiles } from './stages/write.js';

