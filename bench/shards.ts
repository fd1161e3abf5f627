/**
 * `npm run bench:shards`: the index on PostgreSQL (issue 17). A generated corpus of `--tier` MB is
 * cut into three shards (hard links, every third file); then, each step as three processes at once,
 * as three machines would run them:
 *
 *   add     `index add shard-N --index postgres://…`
 *   clean   `clean shard-N --index postgres://…`
 *
 * next to one machine's `clean` over the whole corpus, whose output every shard's must equal byte
 * for byte. It prints each process's wall time and peak RSS, and the PostgreSQL server's peak RSS
 * during each step (the sum over its processes, sampled). Without `--postgres URL` it starts a
 * throwaway cluster (bench/postgres-server.ts), which needs PostgreSQL's server programs.
 *
 *   npm run bench:shards -- --tier 100
 *   npm run bench:shards -- --tier 100 --keep      keep the outputs (bench/cache/shards-*-out, -whole) to compare
 */
import { spawn, spawnSync } from 'node:child_process';
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import fg from 'fast-glob';
import type { Shape } from './generate.js';
import { chooseText, cli, corpusFor, readUsage, root, round } from './common.js';
import { startPostgres } from './postgres-server.js';

const { values } = parseArgs({
  options: {
    tier: { type: 'string', default: '100' },
    shape: { type: 'string', default: 'furniture' },
    text: { type: 'string', default: 'auto' },
    seed: { type: 'string', default: '20240630' },
    postgres: { type: 'string' },
    cache: { type: 'string', default: join(root, 'bench', 'cache') },
    shared: { type: 'string', default: resolve(root, '..', 'shared') },
    results: { type: 'string', default: join(root, 'bench', 'shards-results.json') },
    keep: { type: 'boolean', default: false },
  },
});
const cacheDir = resolve(values.cache);
const SHARDS = 3;

interface Measured {
  readonly seconds: number;
  readonly peakRssMb: number;
  readonly code: number;
  readonly stderr: string;
}

/** Runs newsdedup in `cwd`, with its peak RSS (`peak-rss.js`, worker threads included). */
function measured(cwd: string, args: readonly string[]): Promise<Measured> {
  const rssFile = join(cacheDir, `rss-${process.pid}-${Math.random().toString(36).slice(2)}.txt`);
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, ['--import', join(root, 'bench', 'dist', 'peak-rss.js'), cli, ...args], { cwd, env: { ...process.env, NEWSDEDUP_BENCH_RSS: rssFile }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((done) =>
    child.on('close', async (code) => {
      const seconds = round(Number(process.hrtime.bigint() - started) / 1e9, 2);
      const peakRssMb = (await readUsage(rssFile)).rssMb;
      await rm(rssFile, { force: true });
      done({ seconds, peakRssMb, code: code ?? -1, stderr });
    }),
  );
}

/** The PostgreSQL server's resident memory, summed over its processes, sampled until stopped. */
function sampleServer(): { stop(): number } {
  let peak = 0;
  const sample = (): void => {
    const out = spawnSync('ps', ['-C', 'postgres', '-o', 'rss='], { encoding: 'utf8' }).stdout;
    const kb = out.split('\n').reduce((sum, line) => sum + (Number(line.trim()) || 0), 0);
    peak = Math.max(peak, kb);
  };
  sample();
  const timer = setInterval(sample, 250);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.round(peak / 1024);
    },
  };
}

async function benchShards(): Promise<void> {
  await mkdir(cacheDir, { recursive: true });
  const tier = Number(values.tier);
  const text = chooseText(values.text, join(resolve(values.shared), 'bbc'));
  const { dir } = await corpusFor({ cacheDir, shared: resolve(values.shared) }, tier, Number(values.seed), text, values.shape as Shape);
  const articles = join(dir, 'articles');
  const work = join(cacheDir, `shards-${values.shape}-${tier}mb`);
  await rm(work, { recursive: true, force: true });
  const files = (await fg('**/*', { cwd: articles, onlyFiles: true })).sort();
  for (const [index, file] of files.entries()) {
    const target = join(work, `shard-${index % SHARDS}`, file);
    await mkdir(join(target, '..'), { recursive: true });
    await link(join(articles, file), target);
  }
  const server = values.postgres === undefined ? await startPostgres() : undefined;
  const url = values.postgres ?? server?.url ?? '';
  try {
    process.stdout.write(`corpus: generated ${tier} MB (${values.shape}, text ${text}), ${files.length} files in ${SHARDS} shards; PostgreSQL ${values.postgres === undefined ? 'a throwaway cluster' : 'at --postgres'}\n`);
    const shards = Array.from({ length: SHARDS }, (_, index) => `shard-${index}`);
    const step = async (name: string, args: (shard: string) => string[]) => {
      const server = sampleServer();
      const started = process.hrtime.bigint();
      const runs = await Promise.all(shards.map((shard) => measured(work, args(shard))));
      const wall = round(Number(process.hrtime.bigint() - started) / 1e9, 2);
      const serverRssMb = server.stop();
      for (const [index, run] of runs.entries()) if (run.code !== 0) throw new Error(`${name} of ${shards[index]} failed (exit ${run.code}): ${run.stderr}`);
      return { step: name, wallSeconds: wall, serverPeakRssMb: serverRssMb, processes: runs.map((run, index) => ({ shard: shards[index] ?? "", seconds: run.seconds, peakRssMb: run.peakRssMb })) };
    };
    const add = await step('add', (shard) => ['index', 'add', shard, '--index', url, '--no-progress', '--quiet']);
    const clean = await step('clean', (shard) => ['clean', shard, '--index', url, '--out', join('..', `${work.split('/').pop()}-out`, shard), '--no-progress', '--quiet']);
    const whole = await measured(work, ['clean', '.', '--out', join('..', `${work.split('/').pop()}-whole`), '--no-progress', '--quiet']);
    if (whole.code !== 0) throw new Error(`the one-machine run failed: ${whole.stderr}`);
    let same = 0;
    for (const [index, file] of files.entries()) {
      const key = `shard-${index % SHARDS}/${file}`;
      const shard = key.split('/')[0] ?? '';
      if ((await readFile(join(`${work}-out`, shard, key))).equals(await readFile(join(`${work}-whole`, key)))) same += 1;
    }
    process.stdout.write('\nstep    process   seconds  peak RSS MB\n');
    for (const entry of [add, clean]) {
      for (const run of entry.processes) process.stdout.write(`${entry.step.padEnd(7)} ${run.shard.padEnd(8)} ${run.seconds.toFixed(2).padStart(8)}  ${String(run.peakRssMb).padStart(11)}\n`);
      process.stdout.write(`${entry.step.padEnd(7)} ${'all'.padEnd(8)} ${entry.wallSeconds.toFixed(2).padStart(8)}  ${`server ${entry.serverPeakRssMb}`.padStart(11)}\n`);
    }
    process.stdout.write(`${'one'.padEnd(7)} ${'machine'.padEnd(8)} ${whole.seconds.toFixed(2).padStart(8)}  ${String(whole.peakRssMb).padStart(11)}  (the embedded single-machine run over the whole corpus)\n`);
    process.stdout.write(`the shards' cleaned files and the one machine's: ${same} of ${files.length} byte-identical\n`);
    const machine = { cpus: availableParallelism(), cpu: cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version };
    await writeFile(values.results, `${JSON.stringify({ date: new Date().toISOString(), machine, tier, shape: values.shape, files: files.length, steps: [add, clean], oneMachine: { seconds: whole.seconds, peakRssMb: whole.peakRssMb }, identical: { same, of: files.length } }, null, 2)}\n`);
    process.stdout.write(`wrote ${values.results}\n`);
    process.exitCode = same === files.length ? 0 : 1;
  } finally {
    await server?.stop();
    if (!values.keep) for (const folder of [`${work}-out`, `${work}-whole`]) await rm(folder, { recursive: true, force: true });
  }
}

await benchShards();
