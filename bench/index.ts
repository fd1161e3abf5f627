/**
 * `npm run bench:index`: the lasting index (issue 16). On a generated corpus of `--tier` MB, all
 * but about `--today` MB of its articles are the archive and the rest are today's. It measures,
 * each as its own process with its peak RSS:
 *
 *   build     `index add archive`                  the index of the archive
 *   alone     `clean today`                        today's articles by themselves
 *   against   `clean today --index`                today's articles against the archive
 *   add       `index add today`                    today's articles into the index
 *   full      `clean archive today` (--check)      the run `against` must equal for today's articles
 *
 * and prints them with the index's size. The target: `add` takes at most twice `alone`, plus the
 * time to open the index. With `--real`, the archive is ../shared/news's first two months and
 * today the first `--today-records` records of the third (research data, read here only).
 *
 *   npm run bench:index -- --tier 1000 --today 1      the figures (about 20 minutes)
 *   npm run bench:index -- --tier 100 --check         and compares today's output with a full run
 *   npm run bench:index -- --tier 1000 --no-against   build, alone and add only
 */
import { existsSync } from 'node:fs';
import { link, mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import fg from 'fast-glob';
import type { Shape } from './generate.js';
import type { Timed } from './common.js';
import { chooseText, cli, corpusFor, root, round, timed, traceSteps } from './common.js';

const { values } = parseArgs({
  options: {
    tier: { type: 'string', default: '100' },
    today: { type: 'string', default: '1' },
    shape: { type: 'string', default: 'news' },
    text: { type: 'string', default: 'auto' },
    seed: { type: 'string', default: '20240630' },
    workers: { type: 'string' },
    check: { type: 'boolean', default: false },
    'no-against': { type: 'boolean', default: false },
    real: { type: 'boolean', default: false },
    'today-records': { type: 'string', default: '300' },
    cache: { type: 'string', default: join(root, 'bench', 'cache') },
    shared: { type: 'string', default: resolve(root, '..', 'shared') },
    results: { type: 'string', default: join(root, 'bench', 'index-results.json') },
  },
});
const cacheDir = resolve(values.cache);
const places = { cacheDir, shared: resolve(values.shared) };
const workerArgs = values.workers === undefined ? [] : ['--workers', values.workers];
const quiet = ['--no-progress', '--quiet'];

interface Step {
  readonly step: string;
  readonly seconds: number;
  readonly peakRssMb: number;
  readonly steps: Record<string, number>;
}

function step(name: string, run: Timed): Step {
  if (run.code > 1) throw new Error(`${name} failed (exit ${run.code}): ${run.stderr}`);
  return { step: name, seconds: round(run.seconds, 2), peakRssMb: run.rssMb, steps: traceSteps(run.stderr) };
}

async function sizeOf(directory: string): Promise<number> {
  let bytes = 0;
  for (const name of await readdir(directory)) bytes += (await stat(join(directory, name))).size;
  return bytes;
}

/** Hard links of `files` (relative to `from`) under `to`: a split of a cached corpus that copies nothing. */
async function linkAll(from: string, files: readonly string[], to: string): Promise<void> {
  for (const file of files) {
    const target = join(to, file);
    await mkdir(join(target, '..'), { recursive: true });
    await link(join(from, file), target);
  }
}

/** The work folder: `archive/` and `today/` (hard links, or the real files' records), the index beside them. */
async function prepare(work: string): Promise<{ description: string; mb: number; todayMb: number; articles: number; todayArticles: number }> {
  await rm(work, { recursive: true, force: true });
  await mkdir(join(work, 'archive'), { recursive: true });
  await mkdir(join(work, 'today'), { recursive: true });
  if (values.real) {
    const news = join(places.shared, 'news');
    if (!existsSync(news)) throw new Error(`--real needs ${news}`);
    const files = (await readdir(news)).filter((name) => name.endsWith('.jsonl')).sort();
    const months = [...new Set(files.map((name) => name.replace(/^.*-(\d{4}-\d{2})\.jsonl$/, '$1')))].sort();
    const last = months.at(-1) ?? '';
    let articles = 0;
    let todayArticles = 0;
    let bytes = 0;
    let todayBytes = 0;
    const limit = Number(values['today-records']);
    for (const name of files) {
      const text = await readFile(join(news, name), 'utf8');
      const lines = text.split('\n').filter((line) => line.trim() !== '');
      if (!name.includes(last)) {
        await writeFile(join(work, 'archive', name), `${lines.join('\n')}\n`);
        articles += lines.length;
        bytes += Buffer.byteLength(text);
      } else {
        const taken = lines.slice(0, Math.ceil(limit / 2));
        await writeFile(join(work, 'today', name), `${taken.join('\n')}\n`);
        todayArticles += taken.length;
        todayBytes += Buffer.byteLength(taken.join('\n'));
      }
    }
    return { description: `real news: ${relativeToRoot(news)}, all months but ${last} as the archive, ${todayArticles} records of ${last} as today's`, mb: round(bytes / 1e6, 1), todayMb: round(todayBytes / 1e6, 2), articles, todayArticles };
  }
  const tier = Number(values.tier);
  const text = chooseText(values.text, join(places.shared, 'bbc'));
  const { dir } = await corpusFor(places, tier, Number(values.seed), text, values.shape as Shape);
  const articlesDir = join(dir, 'articles');
  const files = (await fg('**/*', { cwd: articlesDir, onlyFiles: true })).sort();
  // Today's articles: an even spread over the corpus, about `--today` MB of them.
  const sizes = await Promise.all(files.map(async (file) => (await stat(join(articlesDir, file))).size));
  const total = sizes.reduce((sum, size) => sum + size, 0);
  const every = Math.max(2, Math.round(total / (Number(values.today) * 1e6)));
  const today = files.filter((_, index) => index % every === every - 1);
  const archive = files.filter((_, index) => index % every !== every - 1);
  await linkAll(articlesDir, archive, join(work, 'archive'));
  await linkAll(articlesDir, today, join(work, 'today'));
  const todayBytes = sizes.filter((_, index) => index % every === every - 1).reduce((sum, size) => sum + size, 0);
  return { description: `generated ${tier} MB (${values.shape}, text ${text}), every ${every}th article as today's`, mb: round((total - todayBytes) / 1e6, 1), todayMb: round(todayBytes / 1e6, 2), articles: archive.length, todayArticles: today.length };
}

function relativeToRoot(path: string): string {
  return path.startsWith(root) ? path.slice(root.length + 1) : path;
}

async function benchIndex(): Promise<void> {
  await mkdir(cacheDir, { recursive: true });
  const work = join(cacheDir, values.real ? 'index-real' : `index-${values.shape}-${values.tier}mb`);
  const corpus = await prepare(work);
  process.stdout.write(`corpus: ${corpus.description}; archive ${corpus.articles} articles (${corpus.mb} MB), today ${corpus.todayArticles} (${corpus.todayMb} MB)\n`);
  const index = join(work, 'news.index');
  const inWork = (args: readonly string[]) => timed(cacheDir, [cli, ...args], { NEWSDEDUP_TRACE: '1' });
  const steps: Step[] = [];
  steps.push(step('build', await inWork(['index', 'add', join(work, 'archive'), '--index', index, ...quiet, ...workerArgs])));
  const indexBytes = await sizeOf(index);
  steps.push(step('alone', await inWork(['clean', join(work, 'today'), '--out', join(work, 'out-alone'), '--format', 'json', ...quiet, ...workerArgs])));
  let report = { index: { contextArticles: Number.NaN, newBlocks: [] as string[], joinedBlocks: [] as string[] } };
  if (!values['no-against']) {
    steps.push(step('against', await inWork(['clean', join(work, 'today'), '--out', join(work, 'out-against'), '--format', 'json', '--index', index, ...quiet, ...workerArgs])));
    report = JSON.parse(await readFile(join(work, 'out-against', 'report.json'), 'utf8')) as typeof report;
  }
  // The add last, so that `against` read the archive alone.
  steps.push(step('add', await inWork(['index', 'add', join(work, 'today'), '--index', index, ...quiet, ...workerArgs])));
  let identical: { same: number; of: number; rowsSame: number; rowsSpansSame: number; rows: number } | null = null;
  if (values.check && !values['no-against']) {
    steps.push(step('full', await inWork(['clean', join(work, 'archive'), join(work, 'today'), '--out', join(work, 'out-full'), '--format', 'json', ...quiet, ...workerArgs])));
    const todays = (await fg('**/*', { cwd: join(work, 'out-against', 'today'), onlyFiles: true })).sort();
    let same = 0;
    for (const file of todays) if ((await readFile(join(work, 'out-against', 'today', file))).equals(await readFile(join(work, 'out-full', 'today', file)))) same += 1;
    // Article by article: the whole report row, and what was taken out of it (spans, shared and chrome words).
    type Row = { path: string; sharedWords: number; chromeWords: number; spans: { kind: string; start: number; end: number }[] };
    const rowsOf = async (out: string) => (JSON.parse(await readFile(join(work, out, 'report.json'), 'utf8')) as { articles: Row[] }).articles;
    const full = new Map((await rowsOf('out-full')).map((row) => [row.path, row]));
    const against = await rowsOf('out-against');
    const taken = (row: Row | undefined) => JSON.stringify([row?.sharedWords, row?.chromeWords, row?.spans.map((span) => [span.kind, span.start, span.end])]);
    const rowsSame = against.filter((row) => JSON.stringify(row) === JSON.stringify(full.get(row.path))).length;
    const rowsSpansSame = against.filter((row) => taken(row) === taken(full.get(row.path))).length;
    identical = { same, of: todays.length, rowsSame, rowsSpansSame, rows: against.length };
  }
  const byName = new Map(steps.map((entry) => [entry.step, entry]));
  const alone = byName.get('alone') as Step;
  const add = byName.get('add') as Step;
  const open = add.steps['index open'] ?? 0;
  process.stdout.write('\nstep      seconds  peak RSS MB  note\n');
  for (const entry of steps) {
    const note =
      entry.step === 'build' ? `index of ${corpus.mb} MB: ${round(indexBytes / 1e6, 1)} MB on disk (${round(indexBytes / 1e6 / corpus.mb, 2)} MB per MB of corpus)`
      : entry.step === 'against' ? `read ${report.index.contextArticles} of ${corpus.articles} archive articles as context; ${report.index.newBlocks.length} new blocks, ${report.index.joinedBlocks.length} archive blocks joined`
      : entry.step === 'add' ? `${round(entry.seconds / alone.seconds, 2)}× the clean alone`
      : '';
    process.stdout.write(`${entry.step.padEnd(8)} ${entry.seconds.toFixed(2).padStart(8)}  ${String(entry.peakRssMb).padStart(11)}  ${note}\n`);
  }
  const target = add.seconds <= 2 * alone.seconds + open;
  process.stdout.write(`target (issue 16): add ≤ 2 × alone + index open: ${add.seconds} s ≤ 2 × ${alone.seconds} + ${open} s: ${target ? 'holds' : 'MISSED'}\n`);
  if (identical !== null) {
    process.stdout.write(`today's cleaned files against the index and in the full run: ${identical.same} of ${identical.of} byte-identical\n`);
    process.stdout.write(`today's articles: ${identical.rowsSame} of ${identical.rows} with the same report row; ${identical.rowsSpansSame} with the same text taken out (shared and chrome spans)\n`);
  }
  const machine = { cpus: availableParallelism(), cpu: cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version };
  await writeFile(values.results, `${JSON.stringify({ date: new Date().toISOString(), machine, corpus, indexBytes, steps, contextArticles: report.index.contextArticles, targetHolds: target, identical }, null, 2)}\n`);
  process.stdout.write(`wrote ${values.results}\n`);
  for (const out of ['out-alone', 'out-against', 'out-full']) await rm(join(work, out), { recursive: true, force: true });
  process.exitCode = target && (identical === null || identical.rowsSpansSame === identical.rows) ? 0 : 1;
}

await benchIndex();
