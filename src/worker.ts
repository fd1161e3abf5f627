/**
 * The tasks that run on shards of articles, in a worker thread of the pool or in-process. Each reads
 * its articles (from disk, or as given), runs the per-article steps of `shard.ts`, and returns plain
 * data. A file that cannot be read, or that changed since the first pass, is a problem for that file.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Problem } from './types.js';
import type { ArticlePlan, ArticleScan, GatheredArticle } from './shard.js';
import type { SentenceText, Verdict } from './stages/match.js';
import type { ChromeList } from './stages/detect-chrome.js';
import { applyArticle, gatherArticle, scanArticle } from './shard.js';
import { compileChromeList } from './stages/detect-chrome.js';
import { verifyPair } from './stages/match.js';
import { read } from './stages/read.js';

/** An article to work on: a file to read, or text already in memory. */
export interface ArticleRef {
  readonly path: string;
  readonly absolute?: string;
  readonly text?: string;
  /** Size in bytes (files) or characters (texts), for shard sizes and progress. */
  readonly size: number;
}

/** Settings every task needs. */
export interface TaskSettings {
  readonly shingleSize: number;
  readonly sketchSize: number;
  readonly similarity: number;
  readonly maxHeadingWords: number;
  readonly chromeLines: readonly string[];
}

export type Loaded = { readonly ok: true; readonly text: string; readonly digest: string; readonly warning: Problem | undefined } | { readonly ok: false; readonly problem: Problem };

const READS_IN_FLIGHT = 8;

/** Reads a shard's articles a few at a time: enough to overlap I/O, never enough to run out of descriptors. */
export async function load(refs: readonly ArticleRef[]): Promise<Loaded[]> {
  const loaded = new Array<Loaded>(refs.length);
  let next = 0;
  const reader = async (): Promise<void> => {
    while (next < refs.length) {
      const index = next;
      next += 1;
      const ref = refs[index] as ArticleRef;
      if (ref.text !== undefined || ref.absolute === undefined) {
        loaded[index] = { ok: true, text: ref.text ?? '', digest: '', warning: undefined };
        continue;
      }
      const outcome = await read({ path: ref.path, absolute: ref.absolute });
      loaded[index] = outcome.ok ? { ok: true, text: outcome.article.text, digest: outcome.digest, warning: outcome.warning } : outcome;
    }
  };
  await Promise.all(Array.from({ length: Math.min(READS_IN_FLIGHT, refs.length) }, reader));
  return loaded;
}

/** Reads again an article read in the first pass; a different digest means it changed mid-run. */
async function reload(refs: readonly (ArticleRef & { readonly digest: string })[]): Promise<Loaded[]> {
  const loaded = await load(refs);
  return loaded.map((outcome, index) => {
    const ref = refs[index] as ArticleRef & { digest: string };
    if (!outcome.ok || outcome.digest === ref.digest) return outcome;
    return { ok: false, problem: { path: ref.path, code: 'E_CHANGED', severity: 'error', message: `\`${ref.path}\` changed while newsdedup was reading it; its output was left out.` } };
  });
}

let compiled: { key: string; list: ChromeList } | undefined;
function chromeList(lines: readonly string[]): ChromeList {
  const key = lines.join('\n');
  if (compiled?.key !== key) compiled = { key, list: compileChromeList(lines) };
  return compiled.list;
}

export type ScanOutcome =
  | { readonly ok: true; readonly scan: ArticleScan; readonly digest: string; readonly warning: Problem | undefined }
  | { readonly ok: false; readonly problem: Problem };

/** Step 1, fingerprint: reads and scans each article of a shard. */
export async function scan(task: { readonly refs: readonly ArticleRef[]; readonly settings: TaskSettings }): Promise<ScanOutcome[]> {
  const list = chromeList(task.settings.chromeLines);
  return (await load(task.refs)).map((loaded) => (loaded.ok ? { ok: true, scan: scanArticle(loaded.text, task.settings, list), digest: loaded.digest, warning: loaded.warning } : loaded));
}

export type GatherOutcome = { readonly ok: true; readonly gathered: GatheredArticle } | { readonly ok: false; readonly problem: Problem };

/** Brings back the texts of the sentences that may match, from a shard's articles. */
export async function gather(task: { readonly refs: readonly (ArticleRef & { readonly digest: string; readonly sentences: readonly number[] })[] }): Promise<GatherOutcome[]> {
  return (await reload(task.refs)).map((loaded, index) => (loaded.ok ? { ok: true, gathered: gatherArticle(loaded.text, task.refs[index]?.sentences ?? []) } : loaded));
}

/** Verifies candidate pairs of sentences (pure: no files). */
export function verify(task: { readonly pairs: readonly (readonly [SentenceText, SentenceText])[]; readonly settings: TaskSettings }): Verdict[] {
  return task.pairs.map(([a, b]) => verifyPair(a, b, task.settings));
}

export type ApplyOutcome = { readonly ok: true; readonly text: string | undefined; readonly chrome: readonly string[] } | { readonly ok: false; readonly problem: Problem };

/**
 * Step 3, apply: cleans each article of a shard by its plan. With `out`, writes it there (the
 * output's temporary directory) and returns no text; without, returns the text.
 */
export async function apply(task: { readonly refs: readonly (ArticleRef & { readonly digest: string; readonly plan: ArticlePlan })[]; readonly out: string | undefined }): Promise<ApplyOutcome[]> {
  const loaded = await reload(task.refs);
  const outcomes: ApplyOutcome[] = [];
  const made = new Set<string>();
  for (const [index, article] of loaded.entries()) {
    const ref = task.refs[index];
    if (ref === undefined) continue;
    if (!article.ok) {
      outcomes.push(article);
      continue;
    }
    const cleaned = applyArticle(article.text, ref.plan);
    if (task.out === undefined) {
      outcomes.push({ ok: true, text: cleaned.text, chrome: cleaned.chrome });
      continue;
    }
    const target = join(task.out, ref.path);
    const folder = dirname(target);
    if (!made.has(folder)) {
      await mkdir(folder, { recursive: true });
      made.add(folder);
    }
    await writeFile(target, cleaned.text);
    outcomes.push({ ok: true, text: undefined, chrome: cleaned.chrome });
  }
  return outcomes;
}
