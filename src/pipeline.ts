import { join, resolve } from 'node:path';
import type { ChromeLine, DedupeResult, Problem, Report, SharedBlockText, SourceArticle } from './types.js';
import type { DedupeOptions, ResolvedOptions } from './options.js';
import type { ArticlePlan, ArticleScan } from './shard.js';
import type { ArticleRef, TaskSettings } from './worker.js';
import type { Executor } from './executor.js';
import type { Assembly } from './stages/assemble.js';
import type { FingerprintRecords } from './stages/count.js';
import type { Candidates, GatheredArticle, SentenceRequest } from './stages/match.js';
import type { LineRecord } from './stages/detect-chrome.js';
import type { ChromeMark } from './stages/classify-chrome.js';
import { resolveOptions } from './options.js';
import { NewsdedupError } from './errors.js';
import { defaultThreads, inProcessExecutor, poolExecutor, runInOrder } from './executor.js';
import { chunk } from './chunk.js';
import { compileChromeList } from './stages/detect-chrome.js';
import { FingerprintCounts, RepeatIndex } from './stages/count.js';
import { candidatesOf, verifyCandidates } from './stages/match.js';
import { assemble } from './stages/assemble.js';
import { ChromeTally, classifyChrome, separateFurniture, sourceOfPath } from './stages/classify-chrome.js';
import { markerFor } from './stages/collapse.js';
import { measure } from './stages/measure.js';
import { discover, isInside } from './stages/discover.js';
import { beginOutput, checkReserved, extraFiles, variantsText } from './stages/write.js';
import { readChromeList } from './stages/read.js';
import { collectGarbage } from './lib/collect.js';
import { trace } from './lib/trace.js';
import { load } from './worker.js';

export { trace } from './lib/trace.js';

/** How far a run has got: sent after every shard of every pass. */
export interface ProgressEvent {
  /** `read`: first pass (fingerprint); `match`: reading back the sentences that may match; `write`: apply. */
  readonly phase: 'read' | 'match' | 'write';
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
}

/** What a corpus run gives. `cleaned` is filled only by {@link dedupe}; `clean` writes it instead. */
interface PipelineOutput {
  readonly report: Report;
  readonly shared: readonly SharedBlockText[];
  readonly chrome: readonly ChromeLine[];
  readonly cleaned: readonly { readonly path: string; readonly text: string }[];
}

/** From this many bytes of input, garbage is collected between steps (see `collectGarbage`). */
const COLLECT_FROM_BYTES = 32 << 20;
/** A corpus smaller than this runs in this thread by default: starting workers would cost more. */
const SMALL_CORPUS = { files: 400, bytes: 2 << 20 };

/**
 * Deduplicates a corpus held in memory, in this thread. Pure: no file system, no clock, and the
 * same articles give the same result in any order.
 */
export async function dedupe(articles: readonly SourceArticle[], options: DedupeOptions = {}, problems: readonly Problem[] = []): Promise<DedupeResult> {
  const settings = resolveOptions(options);
  const refs = sortedRefs(articles.map((article) => ({ path: article.path, text: article.text, size: article.text.length })));
  const executor = inProcessExecutor();
  const output = await runPipeline(refs, settings, problems, executor, { out: undefined, collect: true });
  return { report: output.report, cleaned: output.cleaned, shared: output.shared, chrome: output.chrome };
}

/** What every step of one run shares. */
interface Run {
  readonly executor: Executor;
  readonly settings: ResolvedOptions;
  readonly taskSettings: TaskSettings;
  readonly problems: Problem[];
  /** Articles a later pass could not read again: left out of the output. */
  readonly dropped: Set<number>;
  readonly progress: (phase: ProgressEvent['phase'], refs: readonly { readonly size: number }[]) => void;
  /** Collects garbage between steps on a large corpus (see `collectGarbage`); else nothing. */
  readonly betweenSteps: () => void;
}

/** An article the first pass could read: what later steps need of it. */
interface Kept {
  readonly ref: ArticleRef;
  readonly digest: string;
  readonly words: number;
  readonly lines: readonly LineRecord[];
}

/** What the fingerprint and count steps leave for the rest of the run. */
interface Counted {
  readonly kept: readonly Kept[];
  /** Short lines' counts, for chrome. */
  readonly shortLines: FingerprintCounts;
  /** Candidate pairs of sentences, found in the settled counts of the fingerprints. */
  readonly candidates: Candidates;
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
  settings: ResolvedOptions,
  initialProblems: readonly Problem[],
  executor: Executor,
  sink: { readonly out: string | undefined; readonly collect: boolean },
  onProgress?: (event: ProgressEvent) => void,
): Promise<PipelineOutput> {
  // Compiled here first, so that a bad pattern is an error before any work starts.
  compileChromeList(settings.chromeLines);
  const taskSettings: TaskSettings = {
    shingleSize: settings.shingleSize,
    sketchSize: settings.sketchSize,
    similarity: settings.similarity,
    maxHeadingWords: settings.maxHeadingWords,
    chromeLines: settings.chromeLines,
  };
  const totalBytes = refs.reduce((sum, ref) => sum + ref.size, 0);
  // On a large corpus each step leaves garbage that V8 would hold on to: collect it in between.
  const betweenSteps = totalBytes >= COLLECT_FROM_BYTES ? collectGarbage : () => undefined;
  const run: Run = { executor, settings, taskSettings, problems: [...initialProblems], dropped: new Set(), progress: makeProgress(refs.length, totalBytes, onProgress), betweenSteps };

  const counted = await fingerprintAndCount(run, refs, totalBytes);
  betweenSteps();
  const plan = await matchAndPlan(run, counted);
  betweenSteps();
  const applied = await apply(run, counted.kept, plan, sink);
  // The last task has run: let the worker threads and their heaps go before the report is built.
  await executor.close();
  trace('apply');
  betweenSteps();

  const report = measure(
    counted.kept.map((entry) => ({ path: entry.ref.path, words: entry.words })),
    plan.blocks,
    plan.occurrences,
    plan.chrome,
    run.problems.sort(byPath),
    { similarity: settings.similarity, minBlockWords: settings.minBlockWords, chromeMinArticles: settings.chromeMinArticles, shingleSize: settings.shingleSize, maxPairs: settings.maxPairs },
  );
  const pathOf = (article: number): string => counted.kept[article]?.ref.path ?? '';
  const shared = plan.blocks
    .map((block) => ({ id: block.id, text: block.canonicalText, variantsText: variantsText({ ...block, variants: block.variantWordings }, pathOf(block.articles[0] ?? 0)), variants: block.variantWordings }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  trace('measure');
  return { report, shared, chrome: applied.chrome, cleaned: applied.cleaned };
}

/**
 * Steps 1 and 2a: fingerprints every article (shards in any order, taken in article order), counts
 * the fingerprints that repeat (marked in a bitset as they come, then counted), and finds the
 * candidate pairs in the settled counts. The records and the counts, the largest things a run
 * holds, are let go on return.
 */
async function fingerprintAndCount(run: Run, refs: readonly ArticleRef[], totalBytes: number): Promise<Counted> {
  const kept: Kept[] = [];
  const records: FingerprintRecords[] = [];
  const sentenceBase: number[] = [0];
  const repeats = new RepeatIndex(Math.ceil(totalBytes / 20));
  const shortLines = new FingerprintCounts();
  await runInOrder(run.executor, 'scan', chunk(refs), (refsOfShard) => ({ refs: refsOfShard, settings: run.taskSettings }), (outcomes, shardRefs) => {
    outcomes.forEach((outcome, i) => {
      const ref = shardRefs[i] as ArticleRef;
      if (!outcome.ok) {
        run.problems.push(outcome.problem);
        return;
      }
      if (outcome.warning !== undefined) run.problems.push(outcome.warning);
      const article = kept.length;
      const scan: ArticleScan = outcome.scan;
      kept.push({ ref, digest: outcome.digest, words: scan.words, lines: scan.lines });
      records.push({ offsets: scan.offsets, hashes: scan.hashes });
      sentenceBase.push((sentenceBase[article] ?? 0) + scan.sentences);
      repeats.mark(scan.hashes);
      shortLines.addLines(article, scan.lines.filter((line) => line.short));
    });
    run.progress('read', shardRefs);
  });
  trace('fingerprint', `${kept.length} articles, ${sentenceBase[kept.length] ?? 0} sentences, ${repeats.table.size} repeated fingerprints`);
  records.forEach((articleRecords, article) => repeats.count(article, articleRecords));
  trace('count');
  const candidates = candidatesOf({ articleCount: kept.length, sentenceBase, records: (article) => records[article] as FingerprintRecords, counts: repeats.table });
  trace('candidates', `${candidates.pairs.length / 2} pairs`);
  return { kept, shortLines, candidates };
}

/**
 * Step 2b: matches sentences (reading back, in workers, only the sentences that may match, and
 * verifying pairs in workers), assembles the blocks and classifies the chrome.
 */
async function matchAndPlan(run: Run, counted: Counted): Promise<Plan> {
  const { kept, candidates } = counted;
  const { sentenceBase } = candidates;
  const { matches, articles } = await verifyCandidates(
    candidates,
    {
      fetch: (requests) => fetchSentences(run, kept, requests),
      verify: (batches, pairsOf, take) =>
        runInOrder(run.executor, 'verify', Array.from({ length: batches }, (_, batch) => batch), (batch) => ({ pairs: pairsOf(batch), settings: run.taskSettings }), (verdicts, batch) => take(batch, verdicts)),
      done: (part, detail) => {
        trace(part, detail);
        if (part === 'fetch') run.betweenSteps();
      },
    },
  );
  const lines = (article: number): readonly LineRecord[] => kept[article]?.lines ?? [];
  const assembled = assemble({ articleCount: kept.length, matched: articles, sentenceBase, pathOf: (article) => kept[article]?.ref.path ?? '', lines }, matches, run.settings);
  const { assembly, furniture } = separateFurniture(assembled, { articleCount: kept.length, sourceOf: (article) => sourceOfPath(kept[article]?.ref.path ?? ''), pathOf: (article) => kept[article]?.ref.path ?? '' });
  trace('assemble', `${assembly.blocks.length} blocks`);
  const chrome = classifyChrome(
    { ...assembly, articleCount: kept.length, lines, sentenceBase, shortLineFrequency: (hash) => counted.shortLines.documentFrequency(hash), segmentationOf: (article) => articles.get(article)?.segmentation, furniture },
    run.settings.chromeMinArticles,
  );
  return { ...assembly, chrome };
}

/** Reads again, in workers, the requested sentences of each article; an article that changed since is dropped. */
async function fetchSentences(run: Run, kept: readonly Kept[], requests: readonly SentenceRequest[]): Promise<Map<number, GatheredArticle>> {
  const gathered = new Map<number, GatheredArticle>();
  const items = requests.map((request) => ({ ...request, size: kept[request.article]?.ref.size ?? 0 }));
  await runInOrder(
    run.executor,
    'gather',
    chunk(items),
    (shardItems) => ({ refs: shardItems.map(({ article, sentences }) => ({ ...(kept[article] as Kept).ref, digest: (kept[article] as Kept).digest, sentences })) }),
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
  sink: { readonly out: string | undefined; readonly collect: boolean },
): Promise<{ cleaned: { path: string; text: string }[]; chrome: ChromeLine[] }> {
  const cleaned: { path: string; text: string }[] = [];
  const tally = new ChromeTally();
  if (sink.out === undefined && !sink.collect) return { cleaned, chrome: tally.lines() };
  // An article that changed or vanished since the first pass has its problem already, and no output.
  const articles = kept.flatMap((entry, article) => (run.dropped.has(article) ? [] : [{ article, size: entry.ref.size }]));
  try {
    await runInOrder(
      run.executor,
      'apply',
      chunk(articles),
      (items) => ({ refs: items.map(({ article }) => ({ ...(kept[article] as Kept).ref, digest: (kept[article] as Kept).digest, plan: planFor(plan, article, run.settings.markers) })), out: sink.out }),
      (outcomes, items) => {
        outcomes.forEach((outcome, i) => {
          const article = items[i]?.article ?? 0;
          if (!outcome.ok) {
            run.problems.push(outcome.problem);
            return;
          }
          if (outcome.text !== undefined) cleaned.push({ path: kept[article]?.ref.path ?? '', text: outcome.text });
          tally.add(outcome.chrome, plan.chrome[article] ?? []);
        });
        run.progress('write', items);
      },
    );
  } catch (error) {
    if (error instanceof NewsdedupError) throw error;
    // A worker's error loses its class on the way back; a failed write is still a write error.
    throw new NewsdedupError('E_WRITE', `Cannot write the cleaned articles: ${(error as Error).message}`, { cause: error });
  }
  return { cleaned, chrome: tally.lines() };
}

/** What apply does to one article: its block occurrences, with markers, and its chrome paragraphs. */
function planFor(plan: Plan, article: number, markers: boolean): ArticlePlan {
  const regions = (plan.occurrences[article] ?? []).map((occurrence) => {
    const block = plan.blocks[occurrence.block];
    return { start: occurrence.start, end: occurrence.end, marker: markers && block !== undefined ? markerFor(block, occurrence) : undefined };
  });
  return { regions, chrome: (plan.chrome[article] ?? []).map((mark) => ({ start: mark.start, end: mark.end })) };
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

function sortedRefs(refs: readonly ArticleRef[]): ArticleRef[] {
  const sorted = [...refs].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  sorted.forEach((ref, index) => {
    if (index > 0 && sorted[index - 1]?.path === ref.path) {
      throw new NewsdedupError('E_USAGE', `Two articles have the same path \`${ref.path}\`; paths identify articles and must differ.`);
    }
  });
  return sorted;
}

/** Options for reading a corpus from disk. */
export interface LoadOptions {
  /** Directory that relative inputs are resolved against. @default process.cwd() */
  readonly cwd?: string;
}

/** A corpus read from disk: the articles that could be used, and a problem for each file that could not. */
export interface LoadedCorpus {
  readonly articles: readonly SourceArticle[];
  readonly problems: readonly Problem[];
  readonly discovery: Awaited<ReturnType<typeof discover>>;
}

/**
 * Resolves inputs and reads every file into memory; a bad file becomes a problem and the rest go
 * on. For {@link dedupe}; `reportCorpus` and `cleanCorpus` stream instead.
 */
export async function loadCorpus(inputs: readonly string[], options: LoadOptions = {}): Promise<LoadedCorpus> {
  const discovery = await discover(inputs, options.cwd ?? process.cwd());
  const articles: SourceArticle[] = [];
  const problems: Problem[] = [];
  const loaded = await load(discovery.files.map((file) => ({ path: file.path, absolute: file.absolute, size: file.size ?? 0 })));
  loaded.forEach((outcome, index) => {
    if (outcome.ok) {
      articles.push({ path: discovery.files[index]?.path ?? '', text: outcome.text });
      if (outcome.warning !== undefined) problems.push(outcome.warning);
    } else problems.push(outcome.problem);
  });
  return { articles, problems, discovery };
}

/**
 * Reads again the texts of a run's articles (all, or `paths`), in order, until `budget` UTF-16 code
 * units are read: the reader of the HTML report. Articles that cannot be read now are left out.
 */
export async function readTexts(
  result: Pick<CorpusResult, 'report' | 'base'>,
  budget = Number.POSITIVE_INFINITY,
  paths: readonly string[] = result.report.articles.map((article) => article.path),
): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  const BATCH = 64;
  let left = budget;
  for (let start = 0; start < paths.length && left > 0; start += BATCH) {
    const batch = paths.slice(start, start + BATCH);
    const loaded = await load(batch.map((path) => ({ path, absolute: join(result.base, ...path.split('/')), size: 0 })));
    for (const [index, outcome] of loaded.entries()) {
      if (!outcome.ok || outcome.text.length > left) continue;
      texts.set(batch[index] ?? '', outcome.text);
      left -= outcome.text.length;
    }
  }
  return texts;
}

/** Options of {@link reportCorpus}. */
export interface ReportCorpusOptions extends DedupeOptions, LoadOptions, RunOptions {
  /** A file of extra chrome lines, one a line (see {@link DedupeOptions.chromeLines}). */
  readonly chromeFile?: string;
}

/** Options of {@link cleanCorpus}. */
export interface CleanCorpusOptions extends ReportCorpusOptions {
  /** The output directory; refused when it would overwrite or hold an input. */
  readonly out: string;
}

/** What {@link reportCorpus} and {@link cleanCorpus} give: the report, the blocks, and (clean only) the chrome lines removed. */
export interface CorpusResult {
  readonly report: Report;
  readonly shared: readonly SharedBlockText[];
  readonly chrome: readonly ChromeLine[];
  /** The absolute folder that article paths are relative to (for tools that point at files). */
  readonly base: string;
}

/** Reads a corpus from disk and deduplicates it, writing nothing. Streams: texts are read, not kept. */
export async function reportCorpus(inputs: readonly string[], options: ReportCorpusOptions = {}): Promise<CorpusResult> {
  const cwd = options.cwd ?? process.cwd();
  const settings = resolveOptions(await withChromeFile(options));
  const discovery = await discover(inputs, cwd);
  return withExecutor(discovery.files, options, async (executor, refs) => {
    const output = await runPipeline(refs, settings, [], executor, { out: undefined, collect: false }, options.onProgress);
    return { report: output.report, shared: output.shared, chrome: output.chrome, base: discovery.base };
  });
}

/**
 * Reads a corpus, deduplicates it and writes the output directory: cleaned articles at their
 * relative paths, `_shared/<block id>.txt`, `_chrome.txt` and `report.json`. All of it is written
 * into a temporary directory beside `out` and renamed into place at the end.
 */
export async function cleanCorpus(inputs: readonly string[], options: CleanCorpusOptions): Promise<CorpusResult> {
  const cwd = options.cwd ?? process.cwd();
  const out = resolve(cwd, options.out);
  const settings = resolveOptions(await withChromeFile(options));
  const discovery = await discover(inputs, cwd);
  for (const root of discovery.roots) {
    if (root.kind !== 'file' && isInside(out, root.absolute)) {
      throw new NewsdedupError('E_OUT_OVERLAPS_INPUT', `Refusing --out \`${options.out}\`: it is inside the input \`${root.absolute}\`, so its files would be read back as articles.`);
    }
  }
  for (const file of discovery.files) {
    if (isInside(file.absolute, out)) {
      throw new NewsdedupError('E_OUT_OVERLAPS_INPUT', `Refusing --out \`${options.out}\`: it holds the input \`${file.path}\`, which would be overwritten.`);
    }
    checkReserved(file.path);
  }
  const output = await beginOutput(out);
  try {
    const result = await withExecutor(discovery.files, options, async (executor, refs) => {
      const run = await runPipeline(refs, settings, [], executor, { out: output.directory, collect: false }, options.onProgress);
      return { report: run.report, shared: run.shared, chrome: run.chrome, base: discovery.base };
    });
    for (const file of extraFiles(result)) await output.write(file);
    await output.commit();
    trace('write report');
    return result;
  } catch (error) {
    await output.abort();
    throw error;
  }
}

async function withExecutor<T>(
  files: readonly { readonly absolute: string; readonly path: string; readonly size?: number }[],
  options: RunOptions,
  work: (executor: Executor, refs: readonly ArticleRef[]) => Promise<T>,
): Promise<T> {
  const refs = sortedRefs(files.map((file) => ({ path: file.path, absolute: file.absolute, size: file.size ?? 0 })));
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

async function withChromeFile(options: ReportCorpusOptions): Promise<DedupeOptions> {
  if (options.chromeFile === undefined) return options;
  const path = resolve(options.cwd ?? process.cwd(), options.chromeFile);
  const lines = await readChromeList(path, options.chromeFile);
  // Compile here, so that a bad pattern names the file it came from.
  compileChromeList(lines, `\`${options.chromeFile}\``);
  return { ...options, chromeLines: [...(options.chromeLines ?? []), ...lines] };
}

function byPath(a: Problem, b: Problem): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : a.code < b.code ? -1 : 1;
}
