/**
 * `npm run bench`: measures `newsdedup clean` against the floor (read every file and split it
 * into words) on seeded corpora of 10 MB, 100 MB and 1 GB, scores what it collapsed against the
 * injected truth, prints a table and writes bench/results.json.
 *
 *   npm run bench                         all tiers (10, 100, 1000 MB)
 *   npm run bench -- --tiers 10,100       chosen tiers, in MB; `real` is the tier of real articles
 *                                         (../shared/news and ../shared/bbc; skipped when absent)
 *   npm run bench -- --shape furniture    twelve sites with their own furniture lines (issue 18);
 *                                         `news` (the default), or both: `--shape news,furniture`
 *   npm run bench -- --text synthetic     article text from the seeded grammar (bench/synthetic.ts);
 *                                         `bbc` from a Markov chain trained on ../shared/bbc; the
 *                                         default, `auto`, is bbc when that folder is there
 *   npm run bench -- --dir ../shared/bbc  any directory (no truth, so no recall or precision)
 *   npm run bench -- --workers 1          the worker count passed to newsdedup
 *   npm run bench -- --cache DIR          where corpora and outputs go (default bench/cache)
 *   npm run bench -- --real-articles N    the real tier from N real articles (default: all)
 *   npm run bench -- --shared DIR         where news/ and bbc/ are (default ../shared)
 *   npm run bench -- --as jsonl           each tier also as one JSON Lines file of the same articles, timed next to it
 *   npm run bench -- --tiers long         long documents (bench/long-documents.ts): a pair of articles of
 *                                         40,000 and of 160,000 sentences, one block each; time may grow
 *                                         no faster than the length (a step quadratic in it fails)
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import fg from 'fast-glob';
import type { RealArticle, Shape, Truth, TruthArticle } from './generate.js';
import { SHAPES, generate } from './generate.js';
import { loadRealTexts } from './real.js';
import type { ReportShape, Scores } from './score.js';
import { scoreOutput } from './score.js';
import { syntheticText } from './synthetic.js';
import { asJsonl } from './as-records.js';
import type { LongDocuments } from './long-documents.js';
import { longDocuments } from './long-documents.js';
import type { TextName, Timed } from './common.js';
import { GENERATOR_VERSION, chooseText, cli, corpusFor as corpusIn, root, round, textSources, timed as timedIn, traceSteps } from './common.js';

const here = dirname(fileURLToPath(import.meta.url));

const DEFAULT_TIERS = '10,100,1000';
const DEFAULT_SHAPE = 'news';

const { values } = parseArgs({
  options: {
    tiers: { type: 'string', default: DEFAULT_TIERS },
    shape: { type: 'string', default: DEFAULT_SHAPE },
    dir: { type: 'string' },
    seed: { type: 'string', default: '20240630' },
    workers: { type: 'string' },
    results: { type: 'string' },
    text: { type: 'string', default: 'auto' },
    cache: { type: 'string', default: join(root, 'bench', 'cache') },
    'real-articles': { type: 'string' },
    shared: { type: 'string', default: resolve(root, '..', 'shared') },
    'no-check-workers': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
    as: { type: 'string' },
  },
});
const cacheDir = resolve(values.cache);
/**
 * Where the figures go: `--results`, else a file named after what ran, so that a run of one tier
 * never overwrites the figures of another set (`bench/results.json` for the default tiers and
 * shape, `bench/results-long.json` for `--tiers long`, `bench/results-dir.json` for `--dir`).
 */
const resultsFile = values.results ?? join(root, 'bench', resultsName(values.dir !== undefined ? undefined : values.tiers, values.shape));

function resultsName(tiers: string | undefined, shape: string): string {
  if (tiers === undefined) return 'results-dir.json';
  if (tiers === DEFAULT_TIERS && shape === DEFAULT_SHAPE) return 'results.json';
  const slug = [...tiers.split(','), ...(shape === DEFAULT_SHAPE ? [] : shape.split(','))].map((part) => part.trim().replace(/[^\w.]+/g, '_')).join('-');
  return `results-${slug}.json`;
}
/** Research data (README's "Scale and the benchmark"): read by the benchmark only, never copied into the repository. */
const shared = resolve(values.shared);
const bbc = join(shared, 'bbc');
const news = join(shared, 'news');
const TEXTS = textSources(bbc);
const timed = (args: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<Timed> => timedIn(cacheDir, args, env);
const corpusFor = (megabytes: number, seed: number, text: TextName, shape: Shape) => corpusIn({ cacheDir, shared }, megabytes, seed, text, shape);

/** Recall per kind of injected text: block copies as they stand, and chrome. */
type KindRecall = Scores['recallByKind'];

interface Row {
  name: string;
  shape: Shape | 'real' | 'dir';
  files: number;
  mb: number;
  floorSeconds: number;
  wallSeconds: number;
  ratioToFloor: number;
  mbPerSecond: number;
  peakRssMb: number;
  floorRssMb: number;
  /** CPU seconds of the run, every thread (user and system). */
  cpuSeconds: number;
  /**
   * The run's CPU seconds spread over every core, as a multiple of the floor: the least `ratioToFloor`
   * this much work could reach, were every core busy from start to end.
   */
  leastRatioToFloor: number;
  recall: number | null;
  precision: number | null;
  chromeRecall: number | null;
  recallByKind: KindRecall | null;
  blocksWhole: number | null;
  blocksWholeWithoutFigures: number | null;
  figuresKept: number | null;
  tablesKept: number | null;
  figures: number;
  tableRows: number;
  blocksFound: number;
  sharedPct: number;
  /** Seconds of each step, from `NEWSDEDUP_TRACE=1` (a step traced twice is summed). */
  steps: Record<string, number>;
}

async function digest(dir: string): Promise<string> {
  const hash = createHash('sha256');
  for (const file of (await fg('**/*', { cwd: dir, onlyFiles: true, dot: true })).sort()) {
    hash.update(file).update('\0').update(await readFile(join(dir, file))).update('\0');
  }
  return hash.digest('hex');
}

function outDir(name: string): string {
  return join(cacheDir, `out-${name.replace(/\s+/g, '-')}`);
}

/** Runs of the floor per tier, of which the least time counts. */
const FLOOR_RUNS = 3;
/**
 * Long documents: time may grow at most as fast as the text. A fixed start-up cost makes it grow
 * slower (about 0.55× linear); a step quadratic in a block's length fails once it costs a sixth of
 * the smaller run (it grows 16-fold where the text grows 4-fold). The round's starting code took
 * 16 times as long there.
 */
const LONG_LIMIT = 1;

async function measure(name: string, shape: Row['shape'], articlesDir: string, truth: Truth | undefined, workers: string | undefined): Promise<Row> {
  const floorScript = join(here, 'floor.js');
  await timed([floorScript, articlesDir]); // warms the page cache for both runs
  // The least of three runs: on a shared machine one run of the floor varied by 40%, and the floor
  // stands for the least work, so its least time is the one to compare with.
  let floor = await timed([floorScript, articlesDir]);
  for (let run = 1; run < FLOOR_RUNS && floor.code === 0; run += 1) {
    const again = await timed([floorScript, articlesDir]);
    if (again.code !== 0 || again.seconds < floor.seconds) floor = again;
  }
  if (floor.code !== 0) throw new Error(`floor failed: ${floor.stderr}`);
  const floorFigures = JSON.parse(floor.stdout) as { files: number; bytes: number };
  const out = outDir(name);
  const workerArgs = workers === undefined ? [] : ['--workers', workers];
  const run = await timed([cli, 'clean', articlesDir, '--out', out, '--format', 'json', '--no-progress', '--quiet', ...workerArgs], { NEWSDEDUP_TRACE: '1' });
  if (run.code > 1) throw new Error(`newsdedup failed (exit ${run.code}): ${run.stderr}`);
  const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as ReportShape;
  const quality = truth === undefined ? undefined : await scoreOutput(dirname(articlesDir), out);
  const mb = floorFigures.bytes / 1e6;
  const share = (value: number | null | undefined): number | null => (value === null || value === undefined ? null : round(value, 4));
  return {
    name,
    shape,
    files: floorFigures.files,
    mb: round(mb, 1),
    floorSeconds: round(floor.seconds, 2),
    wallSeconds: round(run.seconds, 2),
    ratioToFloor: round(run.seconds / floor.seconds, 2),
    mbPerSecond: round(mb / run.seconds, 2),
    peakRssMb: run.rssMb,
    floorRssMb: floor.rssMb,
    cpuSeconds: round(run.cpuSeconds, 2),
    leastRatioToFloor: round(run.cpuSeconds / availableParallelism() / floor.seconds, 2),
    recall: share(quality?.recall),
    precision: share(quality?.precision),
    chromeRecall: share(quality?.chromeRecall),
    recallByKind: quality === undefined ? null : (Object.fromEntries(Object.entries(quality.recallByKind).map(([kind, value]) => [kind, share(value)])) as KindRecall),
    blocksWhole: share(quality?.blocksWhole),
    blocksWholeWithoutFigures: share(quality?.blocksWholeWithoutFigures),
    figuresKept: share(quality?.figuresKept),
    tablesKept: share(quality?.tablesKept),
    figures: quality?.figures ?? 0,
    tableRows: quality?.tableRows ?? 0,
    blocksFound: report.totals.blocks,
    sharedPct: report.totals.sharedPct,
    steps: traceSteps(run.stderr),
  };
}

/**
 * The tier of real articles (issue 15): real bodies, 1 to 3 copies each with the generator's light
 * edits, backgrounds of synthetic sentences (which cannot collide with real text) and chrome
 * injected. Real text repeats itself (one story saved twice, background carried from day to day):
 * newsdedup is first run on one copy of each real article, and the paragraphs it collapses or
 * removes there are left out of the scores, as the truth cannot say whether they are shared.
 * `undefined` when ../shared holds neither folder.
 */
async function realCorpus(seed: number, limit: number | undefined, workers: string | undefined): Promise<{ dir: string; truth: Truth } | undefined> {
  const dir = join(cacheDir, `real-${GENERATOR_VERSION}-s${seed}${limit === undefined ? '' : `-${limit}`}`);
  const truthFile = join(dir, 'truth.json');
  if (!existsSync(truthFile)) {
    const texts = await loadRealTexts(news, bbc, seed, limit);
    if (texts === undefined) return undefined;
    process.stderr.write(`bench: real tier from ${texts.newsRecords} records of ${news} and ${texts.bbcFiles} files of ${bbc} (${texts.duplicates} repeated or short bodies dropped; ${texts.articles.length} articles)…\n`);
    const baseline = join(cacheDir, 'real-baseline');
    const baselineOut = join(cacheDir, 'real-baseline-out');
    await rm(baseline, { recursive: true, force: true });
    await mkdir(baseline, { recursive: true });
    const width = String(texts.articles.length).length;
    const name = (index: number): string => `${String(index).padStart(width, '0')}.txt`;
    // Paragraph offsets in the baseline file: the title, a blank line, paragraphs a blank line apart.
    const starts: number[][] = [];
    for (const [index, article] of texts.articles.entries()) {
      let text = `${article.title}\n\n`;
      const at: number[] = [];
      for (const paragraph of article.paragraphs) {
        at.push(text.length);
        text += `${paragraph}\n\n`;
      }
      starts.push(at);
      await writeFile(join(baseline, name(index)), text);
    }
    const workerArgs = workers === undefined ? [] : ['--workers', workers];
    const run = await timed([cli, 'clean', baseline, '--out', baselineOut, '--format', 'json', '--no-progress', '--quiet', ...workerArgs]);
    if (run.code > 1) throw new Error(`newsdedup failed on the real articles (exit ${run.code}): ${run.stderr}`);
    const report = JSON.parse(await readFile(join(baselineOut, 'report.json'), 'utf8')) as ReportShape;
    const spansOf = new Map(report.articles.map((article) => [article.path, article.spans]));
    let ignored = 0;
    const articles: RealArticle[] = texts.articles.map((article, index) => {
      const spans = spansOf.get(name(index)) ?? [];
      const at = starts[index] ?? [];
      const flags = article.paragraphs.map((paragraph, p) => {
        const start = at[p] ?? 0;
        const end = start + paragraph.length;
        return spans.some((span) => span.start < end && span.end > start);
      });
      ignored += flags.filter(Boolean).length;
      return { title: article.title, paragraphs: article.paragraphs, ignored: flags };
    });
    const paragraphs = texts.articles.reduce((sum, article) => sum + article.paragraphs.length, 0);
    process.stderr.write(`bench: real tier: ${ignored} of ${paragraphs} real paragraphs are repeated in the real text itself and left out of the scores\n`);
    await rm(baseline, { recursive: true, force: true });
    await rm(baselineOut, { recursive: true, force: true });
    await generate({ out: dir, bytes: 0, seed, text: syntheticText(), real: articles });
  }
  return { dir, truth: JSON.parse(await readFile(truthFile, 'utf8')) as Truth };
}

function cell(value: number | null | undefined, digits = 4): string {
  return value === null || value === undefined ? '–' : value.toFixed(digits);
}

function printColumns(header: readonly string[], cells: readonly string[][]): void {
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((row) => (row[column] ?? '').length)));
  for (const row of [header, ...cells]) process.stdout.write(row.map((text, column) => (column === 0 ? text.padEnd(widths[column] ?? 0) : text.padStart(widths[column] ?? 0))).join('  ') + '\n');
}

function printTable(rows: readonly Row[]): void {
  const header = ['corpus', 'files', 'MB', 'floor s', 'wall s', '× floor', 'CPU s', 'least × floor', 'MB/s', 'peak RSS MB', 'recall', 'precision', 'verbatim', 'edited', 'inline', 'chrome', 'blocks whole', 'figures kept', 'tables kept'];
  printColumns(
    header,
    rows.map((row) => [
      row.name,
      String(row.files),
      row.mb.toFixed(1),
      row.floorSeconds.toFixed(2),
      row.wallSeconds.toFixed(2),
      row.ratioToFloor.toFixed(2),
      row.cpuSeconds.toFixed(2),
      row.leastRatioToFloor.toFixed(2),
      row.mbPerSecond.toFixed(1),
      String(row.peakRssMb),
      cell(row.recall),
      cell(row.precision),
      cell(row.recallByKind?.verbatim),
      cell(row.recallByKind?.edited),
      cell(row.recallByKind?.inline),
      cell(row.recallByKind?.chrome),
      cell(row.blocksWhole),
      cell(row.figuresKept),
      cell(row.tablesKept),
    ]),
  );
}

/** Each step's seconds, a column a step, in the order they ran. */
function printSteps(rows: readonly Row[]): string[] {
  const steps = [...new Set(rows.flatMap((row) => Object.keys(row.steps)))];
  if (steps.length === 0) return steps;
  process.stdout.write('\nstep times (s), from NEWSDEDUP_TRACE=1:\n');
  printColumns(['corpus', ...steps], rows.map((row) => [row.name, ...steps.map((step) => cell(row.steps[step], 2))]));
  return steps;
}

/** Issue 14's targets, for each row with a truth: what misses, and by how much. */
function targetMisses(row: Row): string[] {
  const misses: string[] = [];
  const atLeast = (what: string, value: number | null | undefined, target: number): void => {
    if (value !== null && value !== undefined && value < target) misses.push(`${what} ${value.toFixed(4)} < ${target} (short by ${(target - value).toFixed(4)})`);
  };
  for (const [kind, value] of Object.entries(row.recallByKind ?? {})) atLeast(`recall (${kind})`, value, 0.995);
  atLeast('precision', row.precision, 0.995);
  atLeast('blocks whole', row.blocksWhole, 0.95);
  atLeast('figures kept', row.figuresKept, 1);
  atLeast('tables kept', row.tablesKept, 1);
  return misses;
}

function usage(): void {
  process.stdout.write(
    [
      'usage: npm run bench -- [--tiers 10,100,1000,real] [--shape news|furniture|news,furniture] [--text auto|bbc|synthetic]',
      '                        [--workers N] [--cache DIR] [--results FILE] [--seed N] [--real-articles N] [--shared DIR] [--no-check-workers]',
      '       npm run bench -- --dir DIR    (any directory: timings only, no truth)',
      'Tiers are sizes in MB; `real` is the tier of real articles from ../shared/news and ../shared/bbc, skipped when absent.',
      'Figures go to --results FILE, else bench/results.json for the default tiers and shape, else a file named after the tiers',
      '(and shapes) run: bench/results-long.json for --tiers long, bench/results-dir.json for --dir.',
      '',
    ].join('\n'),
  );
}

async function mainBench(): Promise<void> {
  if (values.help) return usage();
  await mkdir(cacheDir, { recursive: true });
  const seed = Number(values.seed);
  const rows: Row[] = [];
  let identical: boolean | null = null;
  let text: TextName | null = null;
  let realNote: string | null = null;
  const shapes = values.shape.split(',').map((shape) => shape.trim());
  for (const shape of shapes) if (!(SHAPES as readonly string[]).includes(shape)) throw new Error(`--shape is ${SHAPES.join(' or ')}, not ${shape}`);
  if (values.dir !== undefined) {
    const dir = resolve(values.dir);
    rows.push(await measure(basename(dir), 'dir', dir, undefined, values.workers));
  } else {
    const tokens = values.tiers.split(',').map((tier) => tier.trim());
    const tiers = tokens.map(Number).filter((tier) => tier > 0);
    const bad = tokens.filter((tier) => tier !== 'real' && tier !== 'long' && !(Number(tier) > 0));
    if (bad.length > 0) throw new Error(`--tiers takes sizes in MB, \`real\` and \`long\`, not ${bad.join(', ')}`);
    if (tiers.length > 0) {
      text = chooseText(values.text, bbc);
      process.stdout.write(`text: ${text}, ${TEXTS[text].description}\n`);
    }
    let firstGenerated: { row: Row; dir: string } | undefined;
    for (const shape of shapes as Shape[]) {
      for (const tier of tiers) {
        const { dir, truth } = await corpusFor(tier, seed, text as TextName, shape);
        const row = await measure(shape === 'news' ? `${tier} MB` : `${shape} ${tier} MB`, shape, join(dir, 'articles'), truth, values.workers);
        rows.push(row);
        firstGenerated ??= { row, dir };
        // The same articles as one file of JSON Lines records, next to them: timings only (the scorer reads files).
        if (values.as === 'jsonl') rows.push(await measure(shape === 'news' ? `${tier} MB jsonl` : `${shape} ${tier} MB jsonl`, shape, await asJsonl(join(dir, 'articles'), join(dir, 'records')), undefined, values.workers));
      }
    }
    if (tokens.includes('real')) {
      const limit = values['real-articles'] === undefined ? undefined : Number(values['real-articles']);
      const corpus = await realCorpus(seed, limit, values.workers);
      if (corpus === undefined) {
        realNote = `real tier skipped: neither ${relative(root, news)} nor ${relative(root, bbc)} is there`;
      } else {
        realNote = `real tier: real articles read from ${relative(root, news)} and ${relative(root, bbc)} (research data, written only to ${relative(root, cacheDir) || cacheDir}, never to the repository)`;
        rows.push(await measure('real', 'real', join(corpus.dir, 'articles'), corpus.truth, values.workers));
        if (values.as === 'jsonl') rows.push(await measure('real jsonl', 'real', await asJsonl(join(corpus.dir, 'articles'), join(corpus.dir, 'records')), undefined, values.workers));
      }
      process.stdout.write(`${realNote}\n`);
    }
    if (!values['no-check-workers'] && firstGenerated !== undefined) {
      // Output must not depend on the number of workers: compare 1 worker with the measured run's.
      const one = join(cacheDir, 'out-one-worker');
      const run = await timed([cli, 'clean', join(firstGenerated.dir, 'articles'), '--out', one, '--format', 'json', '--no-progress', '--quiet', '--workers', '1']);
      if (run.code > 1) throw new Error(`newsdedup --workers 1 failed: ${run.stderr}`);
      identical = (await digest(one)) === (await digest(outDir(firstGenerated.row.name)));
      await rm(one, { recursive: true, force: true });
    }
  }
  if (rows.length > 0) printTable(rows);
  const steps = rows.length > 0 ? printSteps(rows) : [];
  let long: LongDocuments | null = null;
  if (values.dir === undefined && values.tiers.split(',').some((tier) => tier.trim() === 'long')) {
    long = await longDocuments(cacheDir, cli, (args) => timed(args));
    for (const run of long.runs) process.stdout.write(`long documents: 2 articles of ${run.sentences} sentences (${run.mb} MB), ${run.blocks} block of ${run.blockSentences} sentences: ${run.wallSeconds} s, ${run.peakRssMb} MB peak RSS\n`);
    const first = long.runs[0];
    const last = long.runs[long.runs.length - 1];
    if (first !== undefined && last !== undefined) process.stdout.write(`growth long documents ${first.sentences} → ${last.sentences} sentences: time grew ${long.perSizeRatio}× as fast as the text (${long.perSizeRatio <= LONG_LIMIT ? `within ${LONG_LIMIT}×` : `SUPERLINEAR: limit ${LONG_LIMIT}×`})\n`);
    const split = long.runs.filter((run) => run.blocks !== 1);
    if (split.length > 0) process.stdout.write(`long documents: NOT ONE BLOCK at ${split.map((run) => `${run.sentences} sentences (${run.blocks} blocks)`).join(', ')}\n`);
  }
  // Growth from one tier to the next of the same shape: in all, and step by step, so that a superlinear step shows.
  const growth = rows.slice(1).flatMap((row, index) => {
    const previous = rows[index] as Row;
    if (previous.shape !== row.shape || row.shape === 'real') return [];
    const sizeRatio = round(row.mb / previous.mb, 2);
    const timeRatio = round(row.wallSeconds / previous.wallSeconds, 2);
    const stepRatios = Object.fromEntries(steps.filter((step) => (previous.steps[step] ?? 0) > 0 && row.steps[step] !== undefined).map((step) => [step, round((row.steps[step] ?? 0) / (previous.steps[step] ?? 1), 2)]));
    return [{ from: previous.name, to: row.name, sizeRatio, timeRatio, perSizeRatio: round(timeRatio / sizeRatio, 3), steps: stepRatios }];
  });
  for (const step of growth) {
    // Issue 18: 10× the input must cost at most 10.5× the time, i.e. time grows at most 1.05× as fast as size.
    const verdict = step.perSizeRatio <= 1.05 ? 'within 1.05× linear' : `SUPERLINEAR: ${step.perSizeRatio}× linear (limit 1.05×)`;
    process.stdout.write(`growth ${step.from} → ${step.to}: ${step.sizeRatio}× the input took ${step.timeRatio}× the time (${verdict})\n`);
    const over = Object.entries(step.steps).filter(([, ratio]) => ratio / step.sizeRatio > 1.05);
    process.stdout.write(`  by step: ${Object.entries(step.steps).map(([name, ratio]) => `${name} ${ratio}×`).join(', ')}${over.length === 0 ? '' : `; superlinear: ${over.map(([name]) => name).join(', ')}`}\n`);
  }
  for (const row of rows) {
    if (row.recall === null) continue;
    const misses = targetMisses(row);
    process.stdout.write(`targets (issue 14) on ${row.name}: ${misses.length === 0 ? 'all hold' : `MISSED: ${misses.join('; ')}`} (${row.figures} figure-changed sentences, ${row.tableRows} table rows; blocks whole without figure-changed copies: ${cell(row.blocksWholeWithoutFigures)})\n`);
  }
  const measured = values.workers === undefined ? 'the default worker count' : `${values.workers} workers`;
  if (identical !== null) process.stdout.write(`output with 1 worker and with ${measured}: ${identical ? 'byte-identical' : 'DIFFERENT'}\n`);
  const machine = { cpus: availableParallelism(), cpu: cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version };
  const results = { date: new Date().toISOString(), machine, seed, text, shapes, real: realNote, rows, growth, ...(long === null ? {} : { longDocuments: long }), workerOutputIdentical: identical };
  await writeFile(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`wrote ${resultsFile}\n`);
  for (const row of rows) await rm(outDir(row.name), { recursive: true, force: true });
  // The gate: generated corpora only, whose truth is complete; the real tier's is not (see realCorpus).
  const gated = rows.filter((row) => row.shape !== 'real');
  const failed = gated.some((row) => (row.recall !== null && row.recall < 0.99) || (row.precision !== null && row.precision < 0.99)) || identical === false || (long !== null && (long.perSizeRatio > LONG_LIMIT || long.runs.some((run) => run.blocks !== 1)));
  process.exitCode = failed ? 1 : 0;
}

await mainBench();

export type { TruthArticle };
