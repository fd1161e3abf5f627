/**
 * What the benchmarks share: the text sources corpora are generated from, the cached generated
 * corpora, and a timed run of a child process with its peak RSS and trace steps.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Shape, TextSource, Truth } from './generate.js';
import { chainText, generate, trainChain } from './generate.js';
import { syntheticText } from './synthetic.js';

const here = dirname(fileURLToPath(import.meta.url));
/** The repository's root (this file runs from bench/dist). */
export const root = resolve(here, '..', '..');
export const cli = join(root, 'dist', 'cli.js');
/** Bumped whenever the generator changes what it writes, so that a cached corpus of an older generator is never scored against a newer truth. */
export const GENERATOR_VERSION = 'v4';

/** Where corpora and outputs go, and where the research data is (read by the benchmarks only, never copied into the repository). */
export interface BenchPlaces {
  readonly cacheDir: string;
  readonly shared: string;
}

/** The text sources a corpus can be generated from; research text only when it is there. */
export function textSources(bbc: string) {
  return {
  bbc: { description: 'a Markov chain trained on ../shared/bbc', load: async (): Promise<TextSource> => chainText(await trainChain([bbc]), 'bbc') },
  synthetic: { description: 'a seeded grammar over made-up words (bench/synthetic.ts)', load: async (): Promise<TextSource> => syntheticText() },
  } as const;
}
export type TextName = keyof ReturnType<typeof textSources>;

export function chooseText(choice: string, bbc: string): TextName {
  if (choice === 'auto') return existsSync(bbc) ? 'bbc' : 'synthetic';
  if (choice === 'synthetic') return 'synthetic';
  if (choice === 'bbc') {
    if (!existsSync(bbc)) throw new Error(`--text bbc needs ${bbc}, which is not there; use --text synthetic`);
    return 'bbc';
  }
  throw new Error(`--text is auto, bbc or synthetic, not ${choice}`);
}


export interface Timed {
  seconds: number;
  stdout: string;
  stderr: string;
  code: number;
  rssMb: number;
  /** CPU seconds, user and system, of every thread of the process. */
  cpuSeconds: number;
}

export async function timed(cacheDir: string, args: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<Timed> {
  const rssFile = join(cacheDir, `rss-${process.pid}.txt`);
  await rm(rssFile, { force: true });
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, ['--import', join(here, 'peak-rss.js'), ...args], {
    env: { ...process.env, ...env, NEWSDEDUP_BENCH_RSS: rssFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    if (stdout.length < 1_000_000) stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    if (stderr.length < 100_000) stderr += chunk;
  });
  const code = await new Promise<number>((done) => child.on('close', (exit) => done(exit ?? -1)));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const usage = await readUsage(rssFile);
  await rm(rssFile, { force: true });
  return { seconds, stdout, stderr, code, ...usage };
}

/** What `peak-rss.ts` wrote of a process as it exited: its peak RSS in MB and its CPU seconds (NaN when missing). */
export async function readUsage(file: string): Promise<{ rssMb: number; cpuSeconds: number }> {
  const [rss, cpu] = (await readFile(file, 'utf8').catch(() => '')).split(' ');
  return { rssMb: rss === undefined || rss === '' ? Number.NaN : Number(rss), cpuSeconds: cpu === undefined ? Number.NaN : Number(cpu) };
}

/** Step times from the trace lines `newsdedup trace: <step> <seconds> s …`, in the order the steps ran. */
export function traceSteps(stderr: string): Record<string, number> {
  const steps: Record<string, number> = {};
  for (const match of stderr.matchAll(/^newsdedup trace: (.+?)\s+(-?\d+(?:\.\d+)?) s\b/gm)) {
    const step = match[1] ?? '';
    steps[step] = round((steps[step] ?? 0) + Number(match[2]), 2);
  }
  return steps;
}

export function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

const loadedTexts = new Map<TextName, Promise<TextSource>>();

export async function corpusFor(places: BenchPlaces, megabytes: number, seed: number, text: TextName, shape: Shape): Promise<{ dir: string; truth: Truth }> {
  const { cacheDir } = places;
  const TEXTS = textSources(join(places.shared, 'bbc'));
  const dir = join(cacheDir, `${text}-${shape}-${GENERATOR_VERSION}-s${seed}-${megabytes}mb`);
  const truthFile = join(dir, 'truth.json');
  if (!existsSync(truthFile)) {
    process.stderr.write(`bench: generating ${megabytes} MB, shape ${shape} (seed ${seed}, text from ${TEXTS[text].description})…\n`);
    if (!loadedTexts.has(text)) loadedTexts.set(text, TEXTS[text].load());
    const source = await (loadedTexts.get(text) as Promise<TextSource>);
    await mkdir(cacheDir, { recursive: true });
    await generate({ out: dir, bytes: megabytes * 1e6, seed: seed + megabytes, text: source, shape });
  }
  return { dir, truth: JSON.parse(await readFile(truthFile, 'utf8')) as Truth };
}

