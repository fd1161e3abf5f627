import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Problem, Report } from './types.js';
import type { CleanCorpusOptions } from './pipeline.js';
import { OUTPUT_FORMATS, cleanCorpus, reportCorpus, trace } from './pipeline.js';
import type { CorpusResult } from './corpus.js';
import { fileOfArticle, placeOfArticle, readTexts } from './corpus.js';
import type { AddToIndexOptions } from './index/add.js';
import { addToIndex } from './index/add.js';
import { publicName } from './index/url.js';
import type { OutputFormat } from './pipeline.js';
import type { DedupeOptions, KeepPolicy } from './options.js';
import { validateFieldOptions } from './records/fields.js';
import { DEFAULT_PAGE_LIMITS, formatHtml, pageArticles } from './report/format-html.js';
import { NewsdedupError, isNewsdedupError } from './errors.js';
import { DEFAULTS, resolveOptions } from './options.js';
import type { FormatName } from './report/formats.js';
import { FORMATS, formatReport, isFormatName } from './report/formats.js';
import { jsonChunks } from './report/format-json.js';
import { check, parseBaseline, validateThresholds } from './check.js';
import type { Thresholds } from './check.js';
import type { Config } from './config.js';
import { loadConfig } from './config.js';
import type { CheckFormatName } from './report/check-formats.js';
import { CHECK_FORMATS, isCheckFormatName } from './report/check-formats.js';
import { resolve } from 'node:path';
import type { ProgressBar } from './lib/progress.js';
import { progressBar } from './lib/progress.js';
import { counted } from './lib/plural.js';
import { writeFileAtomic } from './stages/write.js';
import { bySourceLines, groupBySource } from './report/group-by-source.js';
import { editDistance } from './lib/edit-distance.js';

/**
 * Writes the pieces in turn, and waits whenever the stream asks to (a pipe its reader empties
 * slowly), so that a large report is never queued whole in memory. A stream that fails is the
 * CLI's to handle (`cli.ts`: one line, exit 2).
 */
async function writePieces(stream: CliIo['stdout'], pieces: Iterable<string>): Promise<void> {
  const drains = stream as Partial<Pick<NodeJS.WritableStream, 'once'>>;
  for (const piece of pieces) {
    if (stream.write(piece) === false && typeof drains.once === 'function') await new Promise<void>((resolve) => drains.once?.('drain', () => resolve()));
  }
}

/** Streams and context the CLI uses; tests pass their own to run it in-process. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  /** A progress bar is drawn only when `stderr` is a terminal (`isTTY`) that can be drawn on (`stream`). */
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean; readonly stream?: NodeJS.WritableStream };
  readonly cwd: string;
  /** The environment (`NEWSDEDUP_INDEX`); `process.env` when not given. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Exit codes, in one place (the README's table says the same):
 * - 0: done (`check`: every threshold holds);
 * - 1: `clean`, `report`: done, but one or more input files were skipped (see `problems`);
 *      `check`: a threshold failed;
 * - 2: usage error or fatal error; no output is left half-written;
 * - 130, 143: interrupted by SIGINT or SIGTERM (see cli.ts).
 */
export const EXIT = { ok: 0, skippedFiles: 1, failed: 1, error: 2 } as const;

interface FlagSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  readonly value?: string;
  readonly description: string;
  readonly commands: readonly Command[];
}

// Flags, declared as data: parsing and --help both read this table.
const FLAGS = {
  out: { type: 'string', short: 'o', value: 'DIR', description: 'Output directory (required for clean).', commands: ['clean'] },
  format: { type: 'string', short: 'f', value: 'FORMAT', description: `Report format: ${Object.keys(FORMATS).join('|')}|html; for check ${Object.keys(CHECK_FORMATS).join('|')} (default table).`, commands: ['clean', 'report', 'check'] },
  'no-markers': { type: 'boolean', description: 'Leave out the one-line marker where a shared block was removed.', commands: ['clean'] },
  chrome: { type: 'string', value: 'FILE', description: 'Extra chrome lines, one a line; /pattern/flags lines are regular expressions.', commands: ['clean', 'report', 'check', 'index'] },
  similarity: { type: 'string', value: 'N', description: `Lowest Dice score for two sentences to count as one (default ${DEFAULTS.similarity}).`, commands: ['clean', 'report', 'check'] },
  'min-block-words': { type: 'string', value: 'N', description: `Shortest repeat collapsed as a block, in words (default ${DEFAULTS.minBlockWords}).`, commands: ['clean', 'report', 'check'] },
  'chrome-min-articles': { type: 'string', value: 'N', description: `A short line in this many articles is chrome (default ${DEFAULTS.chromeMinArticles}).`, commands: ['clean', 'report', 'check'] },
  'text-field': { type: 'string', value: 'NAME', description: 'Records: the field that holds the text (default text, content, body or article).', commands: ['clean', 'report', 'check', 'index'] },
  'id-field': { type: 'string', value: 'NAME', description: 'Records: the field that holds the id (default id, url or link; else file:line).', commands: ['clean', 'report', 'check', 'index'] },
  'title-field': { type: 'string', value: 'NAME', description: 'Records: the field that holds the title (default title or headline).', commands: ['clean', 'report', 'check', 'index'] },
  'date-field': { type: 'string', value: 'NAME', description: 'Records: the publication date; the earliest copy of a block keeps its wording (default date, date_published, published, …).', commands: ['clean', 'report', 'check', 'index'] },
  'source-field': { type: 'string', value: 'NAME', description: 'Records: the outlet; chrome is counted per source (default source, site, domain, outlet; else the URL\'s host).', commands: ['clean', 'report', 'check', 'index'] },
  'output-format': { type: 'string', value: 'FORMAT', description: `Write files of records as ${OUTPUT_FORMATS.join('|')} (default: each input's own format).`, commands: ['clean'] },
  keep: { type: 'string', value: 'POLICY', description: 'first: a shared block stays in its earliest article, markers in the later ones; none: every copy goes to _shared/; auto (default): first when articles have dates, else none.', commands: ['clean'] },
  'group-by': { type: 'string', value: 'source', description: 'Add to the report the shared % per source and which sources share which blocks.', commands: ['clean', 'report'] },
  'max-pairs': { type: 'string', value: 'N', description: `List at most this many pairs of articles, those that share most; 0 lists none (default ${DEFAULTS.maxPairs}).`, commands: ['clean', 'report'] },
  'max-shared-pct': { type: 'string', value: 'N', description: 'check: an article with more than N% of its words shared fails.', commands: ['check'] },
  'max-corpus-shared-pct': { type: 'string', value: 'N', description: 'check: the corpus fails when more than N% of its words are shared.', commands: ['check'] },
  'min-unique-words': { type: 'string', value: 'N', description: 'check: an article left with fewer than N unique words fails.', commands: ['check'] },
  baseline: { type: 'string', value: 'FILE', description: 'check: compare with an earlier report.json: new blocks, articles that changed most.', commands: ['check'] },
  'max-rise': { type: 'string', value: 'N', description: 'check (with --baseline): fail when corpus shared % rose more than N points.', commands: ['check'] },
  junit: { type: 'string', value: 'FILE', description: 'check: also write the JUnit XML verdict to FILE, whatever --format is.', commands: ['check'] },
  summary: { type: 'string', value: 'FILE', description: 'check: also write the Markdown summary to FILE (e.g. "$GITHUB_STEP_SUMMARY").', commands: ['check'] },
  'fail-on-problems': { type: 'boolean', description: 'check: any input file that could not be used fails the corpus.', commands: ['check'] },
  index: { type: 'string', value: 'PATH', description: 'A lasting index (a folder; also NEWSDEDUP_INDEX): match against its archive; keys are relative to the folder holding it. `index add` adds to it.', commands: ['clean', 'report', 'check', 'index'] },
  workers: { type: 'string', short: 'j', value: 'N', description: 'Worker threads (default: one per core for large corpora; 1 runs in one thread).', commands: ['clean', 'report', 'check', 'index'] },
  'texts-in-memory': { type: 'string', value: 'WHEN', description: 'yes: keep the texts in memory between passes rather than read them again (faster; memory two to four times the corpus size more); no: read again; auto (default): yes up to 64 MB of input.', commands: ['clean', 'report', 'check'] },
  config: { type: 'string', value: 'FILE', description: 'Options from FILE (default: newsdedup.config.json, or the "newsdedup" key of package.json); flags override it.', commands: ['clean', 'report', 'check', 'index'] },
  'no-progress': { type: 'boolean', description: 'No progress bar (there is none unless stderr is a terminal).', commands: ['clean', 'report', 'check', 'index'] },
  quiet: { type: 'boolean', short: 'q', description: 'Print nothing on stderr but errors.', commands: ['clean', 'report', 'check', 'index'] },
  debug: { type: 'boolean', description: 'Print stack traces with errors.', commands: ['clean', 'report', 'check', 'index'] },
  help: { type: 'boolean', short: 'h', description: 'Show this help.', commands: ['clean', 'report', 'check', 'index'] },
  version: { type: 'boolean', short: 'V', description: 'Show the version.', commands: ['clean', 'report', 'check', 'index'] },
} as const satisfies Record<string, FlagSpec>;

type Command = 'clean' | 'report' | 'check' | 'index';

/** What parsing gives for each flag: a string for value flags, a boolean for switches. */
type FlagValues = { [Name in keyof typeof FLAGS]?: (typeof FLAGS)[Name]['type'] extends 'string' ? string : boolean };

/** Runs the CLI with `argv` (without node and script) and returns the exit code. Never throws. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let debug = argv.includes('--debug');
  let bar: ProgressBar | undefined;
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.stdout.write(helpText());
      return command === undefined ? EXIT.error : EXIT.ok;
    }
    if (command === '--version' || command === '-V') {
      io.stdout.write(`${version()}\n`);
      return EXIT.ok;
    }
    if (command !== 'clean' && command !== 'report' && command !== 'check' && command !== 'index') {
      throw new NewsdedupError('E_USAGE', `Unknown command \`${command}\`; use \`clean\`, \`report\`, \`check\` or \`index add\` (see newsdedup --help).`);
    }
    const parsed = parseFlags(command, rest);
    const { positionals } = parsed;
    debug = parsed.values.debug === true;
    if (parsed.values.help === true) {
      io.stdout.write(helpText());
      return EXIT.ok;
    }
    if (parsed.values.version === true) {
      io.stdout.write(`${version()}\n`);
      return EXIT.ok;
    }
    // Flags override the config file, key by key.
    const { config, source } = await loadConfig(io.cwd, parsed.values.config);
    // A value is named as the user set it: by its flag, or by its key in the config file it came from.
    const namedAsGiven = (key: string, flag: string): string => ((parsed.values as Record<string, unknown>)[flag.slice(2)] === undefined && source !== undefined ? `\`${key}\` in ${source}` : flag);
    const values: FlagValues = { ...flagsOf(config), ...parsed.values };
    const formatName = namedAsGiven('format', '--format');
    const formatGiven = formatFor(command, parsed.values.format, values.format);
    const format = command === 'check' ? chooseCheckFormat(formatGiven, formatName) : chooseFormat(formatGiven, formatName);
    const thresholds = validateThresholds({
      ...numberFlag('maxSharedPct', values['max-shared-pct'], THRESHOLD_FLAGS.maxSharedPct),
      ...numberFlag('maxCorpusSharedPct', values['max-corpus-shared-pct'], THRESHOLD_FLAGS.maxCorpusSharedPct),
      ...numberFlag('minUniqueWords', values['min-unique-words'], THRESHOLD_FLAGS.minUniqueWords),
      ...(values['fail-on-problems'] === true ? { failOnProblems: true } : {}),
      ...numberFlag('maxRise', values['max-rise'], THRESHOLD_FLAGS.maxRise),
    }, (key) => namedAsGiven(key, THRESHOLD_FLAGS[key]));
    if (thresholds.maxRise !== undefined && values.baseline === undefined) throw new NewsdedupError('E_USAGE', '--max-rise needs --baseline FILE: the earlier report.json to compare with.');
    const baseline = values.baseline === undefined ? undefined : readBaseline(resolve(io.cwd, values.baseline), values.baseline);
    const workers = numberFlag('workers', values.workers);
    if (workers.workers !== undefined && (!Number.isInteger(workers.workers) || workers.workers < 1)) {
      throw new NewsdedupError('E_BAD_OPTION', `--workers takes a whole number of at least 1; got \`${values.workers ?? ''}\`.`);
    }
    const fields = {
      ...(values['text-field'] === undefined ? {} : { textField: values['text-field'] }),
      ...(values['id-field'] === undefined ? {} : { idField: values['id-field'] }),
      ...(values['title-field'] === undefined ? {} : { titleField: values['title-field'] }),
      ...(values['date-field'] === undefined ? {} : { dateField: values['date-field'] }),
      ...(values['source-field'] === undefined ? {} : { sourceField: values['source-field'] }),
    };
    validateFieldOptions(fields);
    const keep = chooseKeep(values.keep);
    const textsInMemory = chooseTextsInMemory(values['texts-in-memory']);
    const index = values.index ?? ((io.env ?? process.env).NEWSDEDUP_INDEX || undefined);
    const outputFormat = chooseOutputFormat(values['output-format']);
    const groupBy = chooseGroupBy(values['group-by']);
    const showProgress = values['no-progress'] !== true && values.quiet !== true && io.stderr.isTTY === true && io.stderr.stream !== undefined;
    bar = showProgress && io.stderr.stream !== undefined ? progressBar(io.stderr.stream) : undefined;
    const options = {
      ...workers,
      ...(bar === undefined ? {} : { onProgress: bar.update }),
      cwd: io.cwd,
      markers: values['no-markers'] !== true,
      ...numberFlag('similarity', values.similarity),
      ...numberFlag('minBlockWords', values['min-block-words'], '--min-block-words'),
      ...numberFlag('chromeMinArticles', values['chrome-min-articles'], '--chrome-min-articles'),
      ...numberFlag('maxPairs', values['max-pairs'], '--max-pairs'),
      ...(values.chrome === undefined ? {} : { chromeFile: values.chrome }),
      ...fields,
      ...(keep === undefined ? {} : { keep }),
      ...(index === undefined ? {} : { index }),
      ...(textsInMemory === undefined ? {} : { textsInMemory }),
    };
    checkOptions(options, (key) => namedAsGiven(key, OPTION_FLAGS[key]));
    if (command === 'index') return await indexCommand(positionals, options, io, values.quiet === true, bar);
    if (command === 'check') {
      const result = await reportCorpus(positionals, options);
      bar?.stop();
      reportProblems(result.report.problems, io, values.quiet === true);
      const verdict = check(result.report, thresholds, baseline);
      if (verdict.baseline?.warning !== undefined) io.stderr.write(`newsdedup: warning: ${printable(verdict.baseline.warning)}.\n`);
      const input = { result: verdict, report: result.report, placeOf: placeOfArticle(result, io.cwd) };
      // The side files are written before stdout, so a CI step that fails still leaves them whole.
      if (values.junit !== undefined) await writeFileAtomic(resolve(io.cwd, values.junit), CHECK_FORMATS.junit(input), values.junit);
      if (values.summary !== undefined) await writeFileAtomic(resolve(io.cwd, values.summary), CHECK_FORMATS.md(input), values.summary);
      io.stdout.write(CHECK_FORMATS[format as CheckFormatName](input));
      return verdict.passed ? EXIT.ok : EXIT.failed;
    }
    let result: CorpusResult;
    if (command === 'clean') {
      if (values.out === undefined) throw new NewsdedupError('E_USAGE', 'clean needs --out DIR: the directory to write cleaned articles to.');
      const cleanOptions: CleanCorpusOptions = { ...options, out: values.out, outputFormat, groupBy };
      result = await cleanCorpus(positionals, cleanOptions);
    } else {
      result = await reportCorpus(positionals, options);
    }
    bar?.stop();
    reportProblems(result.report.problems, io, values.quiet === true);
    // --output-format writes files of records in another format; text and Markdown files stay as they are.
    if (command === 'clean' && outputFormat !== undefined && result.records === undefined && values.quiet !== true) {
      io.stderr.write(`newsdedup: warning: --output-format ${outputFormat} applies to files of records (JSON Lines, JSON, CSV, TSV, Parquet); none of the inputs is one, so each article was written in its own format.\n`);
    }
    // clean grouped its report already, for report.json.
    const grouped = groupBy === 'source' ? (result.bySource ?? groupBySource(result.report, fileOfArticle(result))) : undefined;
    const withGroups = grouped === undefined ? result.report : { ...result.report, bySource: grouped };
    // JSON, the one format that holds every span, goes out in pieces: a large report is never one string.
    if (format === 'json') await writePieces(io.stdout, jsonChunks(withGroups));
    else if (format === 'html') {
      const onPage = pageArticles(result.report).map((article) => article.path);
      io.stdout.write(formatHtml({ report: result.report, shared: result.shared, texts: await readTexts(result, DEFAULT_PAGE_LIMITS.readerChars, onPage), bySource: grouped }));
    } else {
      io.stdout.write(formatReport(result.report, format as FormatName));
      if (grouped !== undefined && format !== 'csv') io.stdout.write(`\n${bySourceLines(grouped, format === 'md').join('\n')}\n`);
    }
    trace('print report');
    // Quiet by default when not on a terminal: a CI log gets warnings and errors, not chatter.
    if (command === 'clean' && values.quiet !== true && io.stderr.isTTY === true) {
      io.stderr.write(`newsdedup: wrote ${counted(result.report.articles.length, 'cleaned article')} and ${counted(result.shared.length, 'shared block')} to ${values.out ?? ''}\n`);
    }
    return result.report.problems.some((problem) => problem.severity === 'error') ? EXIT.skippedFiles : EXIT.ok;
  } catch (error) {
    bar?.stop();
    if (isNewsdedupError(error)) {
      io.stderr.write(`newsdedup: ${printable(error.message)}\n`);
    } else {
      io.stderr.write(`newsdedup: internal error: ${printable((error as Error)?.message ?? String(error))}${debug ? '' : ' (run with --debug for details)'}\n`);
    }
    if (debug && error instanceof Error && error.stack !== undefined) io.stderr.write(`${error.stack}\n`);
    return EXIT.error;
  }
}

/** `newsdedup index add <inputs...> --index PATH`: adds articles to the index and says what it added, on stdout. */
async function indexCommand(positionals: readonly string[], options: Omit<AddToIndexOptions, 'index'> & { readonly index?: string }, io: CliIo, quiet: boolean, bar: ProgressBar | undefined): Promise<number> {
  const [action, ...inputs] = positionals;
  if (action !== 'add') throw new NewsdedupError('E_USAGE', `Unknown index action \`${action ?? ''}\`; use \`newsdedup index add <inputs...> --index PATH\`.`);
  if (options.index === undefined) throw new NewsdedupError('E_USAGE', 'index add needs --index PATH (or NEWSDEDUP_INDEX): the index folder to add to.');
  const result = await addToIndex(inputs, { ...options, index: options.index });
  bar?.stop();
  reportProblems(result.problems, io, quiet);
  io.stdout.write(`added ${counted(result.added, 'article')} to ${publicName(options.index)} (${result.replaced} replaced with new text, ${result.unchanged} indexed already); ${counted(result.articles, 'article')} in all\n`);
  return result.problems.some((problem) => problem.severity === 'error') ? EXIT.skippedFiles : EXIT.ok;
}

function parseFlags(command: Command, args: readonly string[]) {
  const options = Object.fromEntries(
    Object.entries(FLAGS)
      .filter(([, spec]) => (spec.commands as readonly Command[]).includes(command))
      .map(([name, spec]) => [name, 'short' in spec ? { type: spec.type, short: spec.short } : { type: spec.type }]),
  );
  try {
    const parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
    return { values: parsed.values as FlagValues, positionals: parsed.positionals };
  } catch (error) {
    // parseArgs explains itself in a sentence; keep the first line and drop Node's advice.
    const first = (error as Error).message.split('\n')[0] ?? '';
    // A value that starts with a dash reads as a flag: say how to give it.
    const ambiguous = /^Option '(-{1,2}[\w-]+)' argument is ambiguous/.exec(first);
    if (ambiguous !== null) {
      const flag = ambiguous[1] as string;
      const value = args[args.indexOf(flag) + 1] ?? '-1';
      const written = flag.startsWith('--') ? `${flag}=${value}` : `${flag}${value}`;
      throw new NewsdedupError('E_USAGE', `${flag} takes a value; one that starts with a dash is written ${written} (see newsdedup --help)`, { cause: error });
    }
    const message = first.replace(/\. To specify.*$/, '.');
    // An unknown flag: name the flag of this command it most likely meant.
    const unknown = /^Unknown option '--([\w-]+)'/.exec(first)?.[1];
    // A flag of another command ("report --keep none", "report -o out"): say which commands take it.
    const short = /^Unknown option '-(\w)'/.exec(first)?.[1];
    const other = (Object.entries(FLAGS) as [string, FlagSpec][]).find(([flag, spec]) => (flag === unknown || (short !== undefined && spec.short === short)) && !spec.commands.includes(command));
    if (other !== undefined) {
      const [flag, spec] = other;
      const takers = spec.commands.map((taker) => `\`${taker}\``).join(', ').replace(/, ([^,]*)$/, ' and $1');
      const written = short === undefined ? `--${flag}` : `-${short} (--${flag})`;
      throw new NewsdedupError('E_USAGE', `${written} is an option of ${takers}, not of \`${command}\` (see newsdedup --help)`, { cause: error });
    }
    const meant = unknown === undefined ? undefined : nearestFlag(command, unknown);
    if (meant !== undefined) throw new NewsdedupError('E_USAGE', `${message.replace(/\.$/, '')}; did you mean ${meant}? (see newsdedup --help)`, { cause: error });
    throw new NewsdedupError('E_USAGE', `${message} (see newsdedup --help)`, { cause: error });
  }
}

/**
 * The flag of `command` that an unknown `--name` most likely meant, with its value (`--chrome
 * FILE`): the one flag that `name` begins (`--max-shared` is `--max-shared-pct`); else the longest
 * one that `name` begins, followed by a dash (`--chrome-file` is `--chrome`); else the nearest a
 * letter or two away (`--simlarity`); else the one flag of as many dashed parts, all but the last
 * the same and the last with the same first letter (`--max-shared-percent` is `--max-shared-pct`);
 * `undefined` when none is near.
 */
function nearestFlag(command: Command, name: string): string | undefined {
  const flags = (Object.entries(FLAGS) as [string, FlagSpec][]).filter(([, spec]) => spec.commands.includes(command));
  const beginning = flags.filter(([flag]) => flag.startsWith(name));
  const begun = flags.filter(([flag]) => name.startsWith(`${flag}-`)).sort(([a], [b]) => b.length - a.length);
  // A short name takes one letter's slip: `--kep` is `--keep`, but `--fast` is no flag.
  const most = name.length < 6 ? 1 : 2;
  const near = flags
    .map(([flag, spec]) => ({ flag, spec, distance: editDistance(name, flag) }))
    .filter((entry) => entry.distance <= most)
    .sort((a, b) => a.distance - b.distance)
    .map(({ flag, spec }): [string, FlagSpec] => [flag, spec]);
  // Only a name of two parts or more: one part alone would make `--fast` mean `--format`.
  const parts = name.split('-');
  const reworded = parts.length < 2 ? [] : flags.filter(([flag]) => sameButLastWord(parts, flag.split('-')));
  const meant = (beginning.length === 1 ? beginning[0] : undefined) ?? begun[0] ?? near[0] ?? (reworded.length === 1 ? reworded[0] : undefined);
  if (meant === undefined) return undefined;
  const [flag, spec] = meant;
  return spec.value === undefined ? `--${flag}` : `--${flag} ${spec.value}`;
}

/** True when two dashed names have as many parts, all but the last equal and the last begun with the same letter. */
function sameButLastWord(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const last = a.length - 1;
  return a.every((part, i) => (i < last ? part === b[i] : part !== '' && part[0] === b[i]?.[0]));
}

/** The config file's options as the flags that set them, so that both go through one path. */
function flagsOf(config: Config): FlagValues {
  const values: Record<string, string | boolean> = {};
  for (const [key, value] of Object.entries(config)) {
    // `markers: false` and `progress: false` are the `--no-` flags; every other key is its flag in camelCase.
    if (value === undefined) continue;
    if (key === 'markers' || key === 'progress') {
      if (value === false) values[`no-${key}`] = true;
      continue;
    }
    values[key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)] = typeof value === 'number' ? String(value) : value;
  }
  return values as FlagValues;
}

function readBaseline(path: string, name: string): Report {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new NewsdedupError('E_BASELINE', `Cannot read the baseline \`${name}\`: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}.`, { cause: error });
  }
  return parseBaseline(text, name);
}

/**
 * The format a command writes: the flag's, else the config file's when this command writes it. One
 * config file serves every command: its `junit` is check's, its `html` report's, and the other
 * command prints its table. A format no command writes is an error either way.
 */
function formatFor(command: Command, flag: string | undefined, value: string | undefined): string | undefined {
  if (flag !== undefined || value === undefined) return flag ?? value;
  const checks = isCheckFormatName(value);
  const reports = value === 'html' || isFormatName(value);
  if (!checks && !reports) return value;
  return (command === 'check' ? checks : reports) ? value : undefined;
}

function chooseCheckFormat(value: string | undefined, name = '--format'): CheckFormatName {
  if (value === undefined) return 'table';
  if (!isCheckFormatName(value)) throw new NewsdedupError('E_BAD_OPTION', `${name} for check must be one of ${Object.keys(CHECK_FORMATS).join(', ')}; got \`${value}\`.`);
  return value;
}

/** The formats of `clean` and `report`: those of the registry, and `html`, which also needs the texts. */
function chooseFormat(value: string | undefined, name = '--format'): FormatName | 'html' {
  if (value === undefined) return 'table';
  if (value !== 'html' && !isFormatName(value)) throw new NewsdedupError('E_BAD_OPTION', `${name} must be one of ${[...Object.keys(FORMATS), 'html'].join(', ')}; got \`${value}\`.`);
  return value;
}

function chooseKeep(value: string | undefined): KeepPolicy | undefined {
  if (value === undefined) return undefined;
  if (value !== 'first' && value !== 'none' && value !== 'auto') throw new NewsdedupError('E_BAD_OPTION', `--keep must be first, none or auto; got \`${value}\`.`);
  return value;
}

function chooseTextsInMemory(value: string | undefined): boolean | undefined {
  if (value === undefined || value === 'auto') return undefined;
  if (value !== 'yes' && value !== 'no') throw new NewsdedupError('E_BAD_OPTION', `--texts-in-memory must be yes, no or auto; got \`${value}\`.`);
  return value === 'yes';
}

function chooseOutputFormat(value: string | undefined): OutputFormat | undefined {
  if (value === undefined) return undefined;
  if (!(OUTPUT_FORMATS as readonly string[]).includes(value)) throw new NewsdedupError('E_BAD_OPTION', `--output-format must be one of ${OUTPUT_FORMATS.join(', ')}; got \`${value}\`.`);
  return value as OutputFormat;
}

function chooseGroupBy(value: string | undefined): 'source' | undefined {
  if (value === undefined) return undefined;
  if (value !== 'source') throw new NewsdedupError('E_BAD_OPTION', `--group-by takes \`source\`; got \`${value}\`.`);
  return value;
}

/** The flags of the options `resolveOptions` checks, by the option's name in its messages. */
const OPTION_FLAGS = {
  similarity: '--similarity',
  minBlockWords: '--min-block-words',
  chromeMinArticles: '--chrome-min-articles',
  maxPairs: '--max-pairs',
} as const;

/**
 * Checks the run's options as the library will, before any work: a value out of range is an error
 * that names it as the user gave it (`nameOf`), not by the library's option name.
 */
function checkOptions(options: DedupeOptions, nameOf: (key: keyof typeof OPTION_FLAGS) => string): void {
  try {
    resolveOptions(options);
  } catch (error) {
    const key = (Object.keys(OPTION_FLAGS) as (keyof typeof OPTION_FLAGS)[]).find((name) => isNewsdedupError(error) && error.message.startsWith(`${name} `));
    if (key === undefined) throw error;
    throw new NewsdedupError('E_BAD_OPTION', `${nameOf(key)}${(error as Error).message.slice(key.length)}`, { cause: error });
  }
}

/** The flag that sets each threshold (a config file's key of the same name sets it too). */
const THRESHOLD_FLAGS: Record<keyof Thresholds, string> = {
  maxSharedPct: '--max-shared-pct',
  maxCorpusSharedPct: '--max-corpus-shared-pct',
  minUniqueWords: '--min-unique-words',
  failOnProblems: '--fail-on-problems',
  maxRise: '--max-rise',
};

/** A number as a person writes one on a command line: digits, a sign, a decimal point. */
const DECIMAL = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)$/;

function numberFlag<K extends string>(key: K, value: string | undefined, flag = `--${key}`): Partial<Record<K, number>> {
  if (value === undefined) return {};
  // Written in decimal: `Number` would also read "0x10" as 16 and "1e2" as 100.
  const number = DECIMAL.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isFinite(number)) throw new NewsdedupError('E_BAD_OPTION', `${flag} takes a number; got \`${value}\`.`);
  return { [key]: number } as Partial<Record<K, number>>;
}

/**
 * A message as one safe line: control characters (which a message may quote from a bad input, an
 * escape sequence among them) are shown as `\xNN` rather than sent to the terminal.
 */
export function printable(message: string): string {
  return message.replace(/[\u0000-\u001f\u007f-\u009f]/g, (char) => `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

function reportProblems(problems: readonly Problem[], io: CliIo, quiet: boolean): void {
  for (const problem of problems) {
    if (quiet && problem.severity !== 'error') continue;
    io.stderr.write(`newsdedup: ${problem.severity}: ${printable(problem.message)}\n`);
  }
}

function version(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}

function helpText(): string {
  const flagLines = Object.entries(FLAGS).map(([name, spec]) => {
    const short = 'short' in spec ? `-${spec.short}, ` : '    ';
    const value = 'value' in spec ? ` ${spec.value}` : '';
    return `  ${short}--${name}${value}`.padEnd(34) + spec.description;
  });
  return [
    'newsdedup: collapse text repeated across news articles, keep each article’s own reporting.',
    '',
    'Usage:',
    '  newsdedup clean <inputs...> --out DIR [options]   write cleaned articles, _shared/ blocks and report.json',
    '  newsdedup report <inputs...> [options]            print the overlap report to stdout',
    '  newsdedup check <inputs...> [thresholds]          fail (exit 1) when the corpus breaks a threshold',
    '  newsdedup index add <inputs...> --index PATH      add articles to a lasting index (clean, report and',
    '                                                    check take --index PATH to match against it)',
    '',
    'Inputs are files, directories (their .txt, .md, .jsonl, .ndjson, .csv, .tsv and .parquet files,',
    '.gz or .zst too, recursively) or globs; a .json array of records is read when named or globbed.',
    '',
    'Options:',
    ...flagLines,
    '',
    'Exit codes: 0 done (check: all thresholds hold); 1 some input files were skipped (check: a',
    'threshold failed); 2 usage or fatal error; 130/143 interrupted.',
    '',
  ].join('\n');
}
