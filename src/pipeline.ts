import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ChromeLine, DedupeResult, Problem, SourceArticle } from './types.js';
import type { DedupeOptions, ResolvedOptions } from './options.js';
import { resolveOptions } from './options.js';
import { NewsdedupError } from './errors.js';
import { normalizeForComparison } from './text/normalize.js';
import { segment } from './stages/segment.js';
import { compileChromeList, detectChrome } from './stages/detect-chrome.js';
import { fingerprint } from './stages/fingerprint.js';
import { count } from './stages/count.js';
import { match } from './stages/match.js';
import { assemble } from './stages/assemble.js';
import { collapse } from './stages/collapse.js';
import { measure } from './stages/measure.js';
import { discover, isInside } from './stages/discover.js';
import { read } from './stages/read.js';
import type { OutputFile } from './stages/write.js';
import { writeOutput } from './stages/write.js';

/**
 * Deduplicates a corpus held in memory. Pure: no file system, no clock, and the same articles give
 * the same result in any order.
 *
 * segment → detect chrome → fingerprint → count → match → assemble → collapse → measure
 */
export function dedupe(articles: readonly SourceArticle[], options: DedupeOptions = {}, problems: readonly Problem[] = []): DedupeResult {
  const settings = resolveOptions(options);
  const sorted = [...articles].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  sorted.forEach((article, index) => {
    if (index > 0 && sorted[index - 1]?.path === article.path) {
      throw new NewsdedupError('E_USAGE', `Two articles have the same path \`${article.path}\`; paths identify articles and must differ.`);
    }
  });
  const chromeList = compileChromeList(settings.chromeLines);

  const segmented = sorted.map((article) => {
    const segmentation = segment(article.text);
    const listChrome = detectChrome(article.text, segmentation, chromeList);
    const fingerprints = fingerprint(article.text, segmentation, settings, (s) => listChrome[segmentation.sentences[s]?.paragraph ?? -1] !== undefined);
    return { ...article, segmentation, listChrome, fingerprints };
  });
  const counts = count(segmented.map((article) => article.fingerprints));
  const matches = match(segmented, counts, settings);
  const { blocks, occurrences, chrome } = assemble(segmented, counts, matches, settings);

  const cleaned = segmented.map((article, index) => ({
    path: article.path,
    text: collapse(article.text, article.segmentation, occurrences[index] ?? [], chrome[index] ?? [], blocks, settings.markers),
  }));
  const report = measure(segmented, blocks, occurrences, chrome, [...problems].sort(byPath), reportSettings(settings));
  const shared = blocks.map((block) => ({ id: block.id, text: block.canonicalText, variantsText: block.variantsText })).sort((a, b) => (a.id < b.id ? -1 : 1));
  return { report, cleaned, shared, chrome: chromeLines(segmented, chrome) };
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

/** Resolves inputs and reads every file; a bad file becomes a problem and the rest go on. */
export async function loadCorpus(inputs: readonly string[], options: LoadOptions = {}): Promise<LoadedCorpus> {
  const discovery = await discover(inputs, options.cwd ?? process.cwd());
  const articles: SourceArticle[] = [];
  const problems: Problem[] = [];
  // Read a few files at a time: enough to overlap I/O, never enough to run out of descriptors.
  const outcomes = await mapLimited(discovery.files, 16, read);
  for (const outcome of outcomes) {
    if (outcome.ok) {
      articles.push(outcome.article);
      if (outcome.warning !== undefined) problems.push(outcome.warning);
    } else problems.push(outcome.problem);
  }
  return { articles, problems, discovery };
}

/** Options of {@link reportCorpus}. */
export interface ReportCorpusOptions extends DedupeOptions, LoadOptions {
  /** A file of extra chrome lines, one a line (see {@link DedupeOptions.chromeLines}). */
  readonly chromeFile?: string;
}

/** Options of {@link cleanCorpus}. */
export interface CleanCorpusOptions extends ReportCorpusOptions {
  /** The output directory; refused when it would overwrite or hold an input. */
  readonly out: string;
}

/** Reads a corpus and deduplicates it, writing nothing. */
export async function reportCorpus(inputs: readonly string[], options: ReportCorpusOptions = {}): Promise<DedupeResult> {
  const corpus = await loadCorpus(inputs, options);
  return dedupe(corpus.articles, await withChromeFile(options), corpus.problems);
}

/**
 * Reads a corpus, deduplicates it and writes the output directory: cleaned articles at their
 * relative paths, `_shared/<block id>.txt`, `_chrome.txt` and `report.json`.
 */
export async function cleanCorpus(inputs: readonly string[], options: CleanCorpusOptions): Promise<DedupeResult> {
  const cwd = options.cwd ?? process.cwd();
  const out = resolve(cwd, options.out);
  const corpus = await loadCorpus(inputs, options);
  for (const root of corpus.discovery.roots) {
    if (root.kind !== 'file' && isInside(out, root.absolute)) {
      throw new NewsdedupError('E_OUT_OVERLAPS_INPUT', `Refusing --out \`${options.out}\`: it is inside the input \`${root.absolute}\`, so its files would be read back as articles.`);
    }
  }
  for (const file of corpus.discovery.files) {
    if (isInside(file.absolute, out)) {
      throw new NewsdedupError('E_OUT_OVERLAPS_INPUT', `Refusing --out \`${options.out}\`: it holds the input \`${file.path}\`, which would be overwritten.`);
    }
  }
  const result = dedupe(corpus.articles, await withChromeFile(options), corpus.problems);
  await writeOutput(out, outputFiles(result));
  return result;
}

/** Names newsdedup writes beside the cleaned articles. */
export const RESERVED_OUTPUT = { report: 'report.json', shared: '_shared', chrome: '_chrome.txt' } as const;

/** The files of an output directory, in a fixed order. */
export function outputFiles(result: DedupeResult): OutputFile[] {
  const files: OutputFile[] = [];
  for (const article of result.cleaned) {
    const top = article.path.split('/')[0];
    if (article.path === RESERVED_OUTPUT.report || article.path === RESERVED_OUTPUT.chrome || top === RESERVED_OUTPUT.shared) {
      throw new NewsdedupError('E_USAGE', `The article \`${article.path}\` would collide with newsdedup's own output; rename it or leave it out.`);
    }
    files.push({ path: article.path, content: article.text });
  }
  for (const block of result.shared) {
    files.push({ path: `${RESERVED_OUTPUT.shared}/${block.id}.txt`, content: block.text });
    if (block.variantsText !== '') files.push({ path: `${RESERVED_OUTPUT.shared}/${block.id}.variants.txt`, content: block.variantsText });
  }
  if (result.chrome.length > 0) {
    const lines = result.chrome.map((line) => `${line.articles}\t${line.reason}\t${line.text}`);
    files.push({ path: RESERVED_OUTPUT.chrome, content: `articles\treason\tline\n${lines.join('\n')}\n` });
  }
  files.push({ path: RESERVED_OUTPUT.report, content: `${JSON.stringify(result.report, null, 2)}\n` });
  return files;
}

async function withChromeFile(options: ReportCorpusOptions): Promise<DedupeOptions> {
  if (options.chromeFile === undefined) return options;
  const path = resolve(options.cwd ?? process.cwd(), options.chromeFile);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new NewsdedupError('E_CHROME_LIST', `Cannot read the chrome list \`${options.chromeFile}\`: ${(error as Error).message}`, { cause: error });
  }
  const lines = text.split(/\r?\n/);
  // Compile here too, so that a bad pattern names the file it came from.
  compileChromeList(lines, `\`${options.chromeFile}\``);
  return { ...options, chromeLines: [...(options.chromeLines ?? []), ...lines] };
}

function reportSettings(settings: ResolvedOptions) {
  return {
    similarity: settings.similarity,
    minBlockWords: settings.minBlockWords,
    chromeMinArticles: settings.chromeMinArticles,
    shingleSize: settings.shingleSize,
  };
}

function chromeLines(
  articles: readonly { text: string; segmentation: { paragraphs: readonly { start: number; end: number }[] } }[],
  chrome: readonly (readonly (ChromeLine['reason'] | undefined)[])[],
): ChromeLine[] {
  const lines = new Map<string, { text: string; reason: ChromeLine['reason']; articles: Set<number> }>();
  articles.forEach((article, index) => {
    article.segmentation.paragraphs.forEach((paragraph, p) => {
      const reason = chrome[index]?.[p];
      if (reason === undefined) return;
      const text = article.text.slice(paragraph.start, paragraph.end);
      const key = normalizeForComparison(text);
      const entry = lines.get(key) ?? { text, reason, articles: new Set<number>() };
      entry.articles.add(index);
      lines.set(key, entry);
    });
  });
  return [...lines.values()]
    .map((entry) => ({ text: entry.text, reason: entry.reason, articles: entry.articles.size }))
    .sort((a, b) => b.articles - a.articles || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
}

function byPath(a: Problem, b: Problem): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : a.code < b.code ? -1 : 1;
}

async function mapLimited<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
