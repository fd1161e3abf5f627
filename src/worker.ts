/**
 * The tasks that run on shards of articles, in a worker thread of the pool or in-process. Each reads
 * its articles (from disk, or as given), runs the per-article steps of `shard.ts`, and returns plain
 * data. A file that cannot be read, or that changed since the first pass, is a problem for that file.
 */
import { writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import type { Problem } from './types.js';
import type { ArticlePlan, ArticleScan, GatheredArticle } from './shard.js';
import type { SentenceText, Verdict } from './stages/match.js';
import type { ChromeList } from './stages/detect-chrome.js';
import { applyArticle, gatherArticle, scanArticle } from './shard.js';
import { compileChromeList } from './stages/detect-chrome.js';
import { verifyPair } from './stages/match.js';
import type { ReadOutcome } from './stages/read.js';
import { read, readBlocking } from './stages/read.js';

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
    if (outcome === undefined) return { ok: true, text: ref.text ?? '', digest: '', warning: undefined };
    return outcome.ok ? { ok: true, text: outcome.article.text, digest: outcome.digest, warning: outcome.warning } : outcome;
  };
  const fileOf = (ref: ArticleRef) => (ref.text !== undefined || ref.absolute === undefined ? undefined : { path: ref.path, absolute: ref.absolute });
  if (!isMainThread) {
    return refs.map((ref) => {
      const file = fileOf(ref);
      return loaded(ref, file === undefined ? undefined : readBlocking(file));
    });
  }
  return eachLimited(refs, async (ref) => {
    const file = fileOf(ref);
    return loaded(ref, file === undefined ? undefined : await read(file));
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
  const out = task.out;
  const folders = new Set<string>();
  if (out !== undefined) {
    for (const [index, article] of loaded.entries()) if (article.ok) folders.add(dirname(join(out, task.refs[index]?.path ?? '')));
    // Made one at a time, before the writes: parents come first in sorted order.
    for (const folder of [...folders].sort()) await mkdir(folder, { recursive: true });
  }
  return eachLimited(loaded, async (article, index): Promise<ApplyOutcome> => {
    if (!article.ok) return article;
    const ref = task.refs[index] as (typeof task.refs)[number];
    const cleaned = applyArticle(article.text, ref.plan);
    if (out === undefined) return { ok: true, text: cleaned.text, chrome: cleaned.chrome };
    // Blocking in a worker thread, for the reason `load` gives.
    if (isMainThread) await writeFile(join(out, ref.path), cleaned.text);
    else writeFileSync(join(out, ref.path), cleaned.text);
    return { ok: true, text: undefined, chrome: cleaned.chrome };
  });
}
