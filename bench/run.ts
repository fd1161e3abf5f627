/**
 * `npm run bench`: measures `newsdedup clean` against the floor (read every file and split it
 * into words) on seeded corpora of 10 MB, 100 MB and 1 GB, scores what it collapsed against the
 * injected truth, prints a table and writes bench/results.json.
 *
 *   npm run bench                         all tiers (10, 100, 1000 MB)
 *   npm run bench -- --tiers 10,100       chosen tiers, in MB
 *   npm run bench -- --dir ../shared/bbc  any directory (no truth, so no recall or precision)
 *   npm run bench -- --workers 1          the worker count passed to newsdedup
 *   npm run bench -- --as jsonl           the same articles as one JSON Lines file (no recall or precision)
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import fg from 'fast-glob';
import type { Truth, TruthArticle } from './generate.js';
import { generate, trainChain } from './generate.js';
import type { ReportShape } from './score.js';
import { scoreOutput } from './score.js';
import { asJsonl } from './as-records.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const cli = join(root, 'dist', 'cli.js');
const cacheDir = join(root, 'bench', 'cache');

const { values } = parseArgs({
  options: {
    tiers: { type: 'string', default: '10,100,1000' },
    dir: { type: 'string' },
    seed: { type: 'string', default: '20240630' },
    workers: { type: 'string' },
    results: { type: 'string', default: join(root, 'bench', 'results.json') },
    'no-check-workers': { type: 'boolean', default: false },
    as: { type: 'string' },
  },
});

interface Row {
  name: string;
  files: number;
  mb: number;
  floorSeconds: number;
  wallSeconds: number;
  ratioToFloor: number;
  mbPerSecond: number;
  peakRssMb: number;
  floorRssMb: number;
  recall: number | null;
  precision: number | null;
  chromeRecall: number | null;
  blocksFound: number;
  sharedPct: number;
}

interface Timed {
  seconds: number;
  stdout: string;
  stderr: string;
  code: number;
  rssMb: number;
}

async function timed(args: readonly string[]): Promise<Timed> {
  const rssFile = join(cacheDir, `rss-${process.pid}.txt`);
  await rm(rssFile, { force: true });
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, ['--import', join(here, 'peak-rss.js'), ...args], {
    env: { ...process.env, NEWSDEDUP_BENCH_RSS: rssFile },
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
  const rssMb = existsSync(rssFile) ? Number(await readFile(rssFile, 'utf8')) : Number.NaN;
  await rm(rssFile, { force: true });
  return { seconds, stdout, stderr, code, rssMb };
}

async function digest(dir: string): Promise<string> {
  const hash = createHash('sha256');
  for (const file of (await fg('**/*', { cwd: dir, onlyFiles: true, dot: true })).sort()) {
    hash.update(file).update('\0').update(await readFile(join(dir, file))).update('\0');
  }
  return hash.digest('hex');
}

async function measure(name: string, articlesDir: string, truth: Truth | undefined, workers: string | undefined): Promise<Row> {
  const floorScript = join(here, 'floor.js');
  await timed([floorScript, articlesDir]); // warms the page cache for both runs
  const floor = await timed([floorScript, articlesDir]);
  if (floor.code !== 0) throw new Error(`floor failed: ${floor.stderr}`);
  const floorFigures = JSON.parse(floor.stdout) as { files: number; bytes: number };
  const out = join(cacheDir, `out-${name}`);
  const workerArgs = workers === undefined ? [] : ['--workers', workers];
  const run = await timed([cli, 'clean', articlesDir, '--out', out, '--format', 'json', '--no-progress', '--quiet', ...workerArgs]);
  if (run.code > 1) throw new Error(`newsdedup failed (exit ${run.code}): ${run.stderr}`);
  const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as ReportShape;
  const quality = truth === undefined ? undefined : await scoreOutput(dirname(articlesDir), out);
  const mb = floorFigures.bytes / 1e6;
  return {
    name,
    files: floorFigures.files,
    mb: round(mb, 1),
    floorSeconds: round(floor.seconds, 2),
    wallSeconds: round(run.seconds, 2),
    ratioToFloor: round(run.seconds / floor.seconds, 2),
    mbPerSecond: round(mb / run.seconds, 2),
    peakRssMb: run.rssMb,
    floorRssMb: floor.rssMb,
    recall: quality === undefined ? null : round(quality.recall, 4),
    precision: quality === undefined ? null : round(quality.precision, 4),
    chromeRecall: quality === undefined ? null : round(quality.chromeRecall, 4),
    blocksFound: report.totals.blocks,
    sharedPct: report.totals.sharedPct,
  };
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

async function corpusFor(megabytes: number, seed: number): Promise<{ dir: string; truth: Truth }> {
  const bbc = resolve(root, '..', 'shared', 'bbc');
  const source = existsSync(bbc) ? 'bbc' : 'corpus';
  const dir = join(cacheDir, `${source}-s${seed}-${megabytes}mb`);
  const truthFile = join(dir, 'truth.json');
  if (!existsSync(truthFile)) {
    process.stderr.write(`bench: generating ${megabytes} MB (seed ${seed}, chain trained on ${source}/)…\n`);
    const chain = await trainChain([source === 'bbc' ? bbc : join(root, 'corpus')]);
    await mkdir(cacheDir, { recursive: true });
    await generate({ out: dir, bytes: megabytes * 1e6, seed: seed + megabytes, chain });
  }
  return { dir, truth: JSON.parse(await readFile(truthFile, 'utf8')) as Truth };
}

function printTable(rows: readonly Row[]): void {
  const header = ['corpus', 'files', 'MB', 'floor s', 'wall s', '× floor', 'MB/s', 'peak RSS MB', 'recall', 'precision', 'chrome recall'];
  const cells = rows.map((row) => [
    row.name,
    String(row.files),
    row.mb.toFixed(1),
    row.floorSeconds.toFixed(2),
    row.wallSeconds.toFixed(2),
    row.ratioToFloor.toFixed(2),
    row.mbPerSecond.toFixed(1),
    String(row.peakRssMb),
    row.recall === null ? '–' : row.recall.toFixed(4),
    row.precision === null ? '–' : row.precision.toFixed(4),
    row.chromeRecall === null ? '–' : row.chromeRecall.toFixed(4),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((row) => (row[column] ?? '').length)));
  for (const row of [header, ...cells]) process.stdout.write(row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ') + '\n');
}

async function mainBench(): Promise<void> {
  await mkdir(cacheDir, { recursive: true });
  const seed = Number(values.seed);
  const rows: Row[] = [];
  let identical: boolean | null = null;
  if (values.dir !== undefined) {
    const dir = resolve(values.dir);
    rows.push(await measure(basename(dir), dir, undefined, values.workers));
  } else {
    const tiers = values.tiers.split(',').map(Number).filter((tier) => tier > 0);
    for (const tier of tiers) {
      const { dir, truth } = await corpusFor(tier, seed);
      if (values.as === 'jsonl') rows.push(await measure(`${tier} MB jsonl`, await asJsonl(join(dir, 'articles'), join(dir, 'records')), undefined, values.workers));
      else rows.push(await measure(`${tier} MB`, join(dir, 'articles'), truth, values.workers));
    }
    if (!values['no-check-workers'] && values.as === undefined && tiers.length > 0) {
      // Output must not depend on the number of workers: compare 1 worker with the default.
      const smallest = Math.min(...tiers);
      const { dir } = await corpusFor(smallest, seed);
      const one = join(cacheDir, 'out-one-worker');
      const run = await timed([cli, 'clean', join(dir, 'articles'), '--out', one, '--format', 'json', '--no-progress', '--quiet', '--workers', '1']);
      if (run.code > 1) throw new Error(`newsdedup --workers 1 failed: ${run.stderr}`);
      identical = (await digest(one)) === (await digest(join(cacheDir, `out-${smallest} MB`)));
      await rm(one, { recursive: true, force: true });
    }
  }
  printTable(rows);
  const growth = rows.slice(1).map((row, index) => {
    const previous = rows[index] as Row;
    return { from: previous.name, to: row.name, sizeRatio: round(row.mb / previous.mb, 2), timeRatio: round(row.wallSeconds / previous.wallSeconds, 2) };
  });
  for (const step of growth) process.stdout.write(`growth ${step.from} → ${step.to}: ${step.sizeRatio}× the input took ${step.timeRatio}× the time\n`);
  if (identical !== null) process.stdout.write(`output with 1 worker and with the default worker count: ${identical ? 'byte-identical' : 'DIFFERENT'}\n`);
  const machine = { cpus: availableParallelism(), cpu: cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version };
  const results = { date: new Date().toISOString(), machine, seed, rows, growth, workerOutputIdentical: identical };
  await writeFile(values.results, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`wrote ${values.results}\n`);
  for (const row of rows) await rm(join(cacheDir, `out-${row.name}`), { recursive: true, force: true });
  const failed = rows.some((row) => (row.recall !== null && row.recall < 0.99) || (row.precision !== null && row.precision < 0.99)) || identical === false;
  process.exitCode = failed ? 1 : 0;
}

await mainBench();

export type { TruthArticle };
