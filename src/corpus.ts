/**
 * The corpus edge: from inputs to articles (files read by workers, records streamed into a spool),
 * and back (records written with their cleaned texts, texts read again for the HTML report).
 */
import { originalName } from './stages/duplicates.js';
import type { PipelineOutput } from './pipeline.js';
import { join, relative, resolve, sep } from 'node:path';
import type { ChromeLine, Place, Problem, Report, SharedBlockText, SourceArticle } from './types.js';
import type { DedupeOptions } from './options.js';
import type { ArticleRef } from './worker.js';
import type { ArticleMeta, RecordFile } from './stages/spool.js';
import type { BySource } from './report/group-by-source.js';
import type { FieldOptions } from './records/fields.js';
import type { AddedValue } from './records/write-records.js';
import { append } from './lib/append.js';
import { NewsdedupError } from './errors.js';
import { compileChromeList } from './stages/detect-chrome.js';
import { discover } from './stages/discover.js';
import { readChromeList } from './stages/read.js';
import { trace } from './lib/trace.js';
import { load } from './worker.js';
import { recordKeys, spoolPathOf, spoolRecords } from './stages/spool.js';
import { temporaryDirectory } from './stages/write.js';
import { metadataOf, textOfValue, validateFieldOptions } from './records/fields.js';
import { splitFrontMatter } from './records/front-matter.js';
import { outputFormatOf, outputPathOf, recordFormat } from './records/format.js';
import type { OutputFormat } from './records/format.js';
import { readRecords } from './records/read-records.js';
import type { RecordOutput } from './stages/write-records.js';
import { writeRecords } from './stages/write-records.js';

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
export async function loadCorpus(inputs: readonly string[], options: LoadOptions & FieldOptions = {}): Promise<LoadedCorpus> {
  const fields = fieldOptionsOf(options);
  const discovery = await discover(inputs, options.cwd ?? process.cwd());
  const articles: SourceArticle[] = [];
  const problems: Problem[] = [];
  const textFiles = discovery.files.filter((file) => recordFormat(file.path) === undefined);
  const loaded = await load(textFiles.map((file) => ({ path: file.path, absolute: file.absolute, size: file.size ?? 0 })));
  const byPath = new Map<string, SourceArticle[]>();
  loaded.forEach((outcome, index) => {
    const path = textFiles[index]?.path ?? '';
    if (outcome.ok) {
      // A Markdown file's front matter gives its title, date and source, as in a run; its text is the body.
      const front = outcome.prefix === undefined ? undefined : metadataOf(fields, splitFrontMatter(outcome.prefix).metadata);
      // A date given as a number stays a number, as a record's does (see `dateValue`).
      const date = front?.date?.raw !== undefined && /^-?\d+(?:\.\d+)?$/.test(front.date.raw) ? Number(front.date.raw) : front?.date?.raw;
      byPath.set(path, [{ path, text: outcome.text, ...(front === undefined ? {} : { title: front.title, date, source: front.source }) }]);
      if (outcome.warning !== undefined) problems.push(outcome.warning);
    } else problems.push(outcome.problem);
  });
  for (const file of discovery.files) {
    const format = recordFormat(file.path);
    if (format === undefined) continue;
    const read: { article: Omit<SourceArticle, 'path'>; own: string | undefined; location: number }[] = [];
    let idField: string | undefined;
    let dateField: string | undefined;
    for await (const outcome of readRecords(file.absolute, file.path, format, fields)) {
      if (outcome.kind === 'shape') ({ id: idField, date: dateField } = outcome.fields);
      else if (outcome.kind === 'problem') problems.push(outcome.problem);
      else {
        const { record, warning } = outcome;
        if (warning !== undefined) problems.push(warning);
        read.push({
          article: { text: record.text, id: record.id, title: record.title, date: dateValue(dateField === undefined ? undefined : record.fields[dateField], record.date?.raw), source: record.source },
          own: idField === undefined ? undefined : textOfValue(record.fields[idField]),
          location: record.location,
        });
      }
    }
    const keys = recordKeys({ path: file.path, format }, read);
    byPath.set(file.path, read.map((entry, index) => ({ path: keys[index] ?? file.path, ...entry.article })));
  }
  // File order, then record order (dedupe() sorts by key again: keys of one file sort by id).
  for (const file of discovery.files) append(articles, byPath.get(file.path) ?? []);
  return { articles, problems, discovery };
}

/** Names that are surely a plain article (most of a folder of articles): no need to look further. */

/** A record's date as an article in memory takes it: a number as it is (epoch ms or seconds), else its text. */
function dateValue(value: unknown, raw: string | undefined): string | number | undefined {
  return typeof value === 'number' ? value : raw;
}

/** The format of a file that is read as records (a file of records, or a compressed file); `undefined` for a plain text or Markdown file. */
/**
 * Reads again the texts of a run's articles (all, or `paths`), in order, until `budget` UTF-16 code
 * units are read: the reader of the HTML report. Articles that cannot be read now are left out.
 * A record's text is read from its file of records again, each file streamed once.
 */
export async function readTexts(
  result: Pick<CorpusResult, 'report' | 'base'> & { readonly records?: CorpusResult['records'] },
  budget = Number.POSITIVE_INFINITY,
  paths: readonly string[] = result.report.articles.map((article) => article.path),
): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  const records = result.records;
  const BATCH = 64;
  let left = budget;
  const fromFiles = records === undefined ? paths : paths.filter((path) => !records.articles.has(path));
  for (let start = 0; start < fromFiles.length && left > 0; start += BATCH) {
    const batch = fromFiles.slice(start, start + BATCH);
    const loaded = await load(batch.map((path) => ({ path, absolute: join(result.base, ...path.split('/')), size: 0 })));
    for (const [index, outcome] of loaded.entries()) {
      if (!outcome.ok || outcome.text.length > left) continue;
      texts.set(batch[index] ?? '', outcome.text);
      left -= outcome.text.length;
    }
  }
  if (records === undefined) return texts;
  // Records: the wanted ordinals of each file, read in one pass over it.
  const wanted = new Map<number, Map<number, string>>();
  for (const path of paths) {
    const at = records.articles.get(path);
    if (at === undefined) continue;
    const ordinals = wanted.get(at.file) ?? new Map<number, string>();
    ordinals.set(at.ordinal, path);
    wanted.set(at.file, ordinals);
  }
  for (const [fileIndex, ordinals] of [...wanted].sort((a, b) => a[0] - b[0])) {
    const file = records.files[fileIndex];
    if (file === undefined || left <= 0) continue;
    for await (const outcome of readRecords(file.absolute, file.path, file.format, records.fields)) {
      if (outcome.kind !== 'record') continue;
      const path = ordinals.get(outcome.record.ordinal);
      if (path === undefined || outcome.record.text.length > left) continue;
      texts.set(path, outcome.record.text);
      left -= outcome.record.text.length;
    }
  }
  // In the order asked for.
  return new Map(paths.flatMap((path) => (texts.has(path) ? [[path, texts.get(path) ?? '']] : [])));
}

/** What {@link reportCorpus} and {@link cleanCorpus} give: the report, the blocks, and (clean only) the chrome lines removed. */
export interface CorpusResult {
  readonly report: Report;
  readonly shared: readonly SharedBlockText[];
  readonly chrome: readonly ChromeLine[];
  /** The absolute folder that article paths are relative to (for tools that point at files). */
  readonly base: string;
  /** Where the articles that came from files of records are: for {@link readTexts}. */
  readonly records?: {
    readonly files: readonly RecordFile[];
    readonly fields: FieldOptions;
    readonly articles: ReadonlyMap<string, { readonly file: number; readonly ordinal: number; readonly line?: number }>;
  };
  /** The report grouped by source, when `cleanCorpus` was asked for it (`groupBy: 'source'`); it is in `report.json` too. */
  readonly bySource?: BySource;
}

/** The field options of `options`, checked before anything runs. */
export function fieldOptionsOf(options: FieldOptions): FieldOptions {
  const fields: FieldOptions = { textField: options.textField, idField: options.idField, titleField: options.titleField, dateField: options.dateField, sourceField: options.sourceField };
  validateFieldOptions(fields);
  return fields;
}

/** A corpus ready to run: one ref per article (a file, or a record in the spool), in order. */
export interface OpenedCorpus {
  readonly refs: readonly ArticleRef[];
  readonly metas: readonly ArticleMeta[];
  readonly problems: readonly Problem[];
  readonly recordFiles: readonly RecordFile[];
  /** The spool, while there is one (removed by the caller). */
  readonly temporary: { readonly directory: string; remove(): Promise<void> } | undefined;
}

/**
 * Turns discovered files into articles: a text or Markdown file is one article, read by the
 * workers; a file of records (or a compressed file) is streamed once into the spool, one article
 * per record. Articles come in file order, then record order.
 */
export async function openCorpus(files: readonly { readonly absolute: string; readonly path: string; readonly size?: number }[], fields: FieldOptions): Promise<OpenedCorpus> {
  const refs: ArticleRef[] = [];
  const metas: ArticleMeta[] = [];
  const problems: Problem[] = [];
  const recordFiles: RecordFile[] = [];
  let temporary: OpenedCorpus['temporary'];
  try {
    for (const file of files) {
      const format = recordFormat(file.path);
      if (format === undefined) {
        refs.push({ path: file.path, absolute: file.absolute, size: file.size ?? 0 });
        metas.push({});
        continue;
      }
      temporary ??= await temporaryDirectory();
      const index = recordFiles.length;
      const recordFile: RecordFile = { path: file.path, absolute: file.absolute, format };
      recordFiles.push(recordFile);
      const spooled = await spoolRecords(recordFile, index, fields, spoolPathOf(temporary.directory, index));
      append(problems, spooled.problems);
      for (const article of spooled.articles) {
        refs.push(article.ref);
        metas.push({ ...article.meta, order: { file: file.path, ordinal: article.meta.record?.ordinal ?? 0 } });
      }
    }
    trace('spool', `${refs.length} articles, ${recordFiles.length} files of records`);
    uniqueRefs(refs);

  } catch (error) {
    await temporary?.remove();
    throw error;
  }
  return { refs, metas, problems, recordFiles, temporary };
}

/** A record's file of records (its path there) and its line, by the record's key; `undefined` for an article of its own file. */
function recordFileOf(records: CorpusResult['records'], key: string): { readonly path: string; readonly line?: number } | undefined {
  const record = records?.articles.get(key);
  const file = record === undefined ? undefined : records?.files[record.file]?.path;
  return record === undefined || file === undefined ? undefined : { path: file, ...(record.line === undefined ? {} : { line: record.line }) };
}

/** An article's file, by its path in the report: a record's file of records, else the path itself. */
export function fileOfArticle(result: Pick<CorpusResult, 'records'>): (path: string) => string {
  return (path) => recordFileOf(result.records, path)?.path ?? path;
}

/**
 * Where an article is (by its key in the report) or a file (by its path), for a reader in `cwd`: a
 * record's file of records, with the line it starts on in a file of lines, and named so
 * (`feed.jsonl:52`), or by its key when it has no line (`feed.parquet#id`).
 */
export function placeOfArticle(result: Pick<CorpusResult, 'records' | 'base'>, cwd: string): (path: string) => Place {
  const fromCwd = (path: string): string => relative(cwd, join(result.base, path)).split(sep).join('/');
  return (path) => {
    const record = recordFileOf(result.records, path);
    if (record === undefined) {
      const shown = fromCwd(path);
      return { file: shown, name: shown };
    }
    const shown = fromCwd(record.path);
    // The key's own part (`#id`, `:line`) as it is: an id may hold slashes that a path would fold.
    const own = path.slice(record.path.length);
    if (record.line === undefined) return { file: shown, name: `${shown}${own}` };
    // Named by its line, so that an editor or a terminal jumps to it; its id, when its key is one, said too.
    return { file: shown, line: record.line, name: `${shown}:${record.line}`, ...(own.startsWith('#') ? { id: own } : {}) };
  };
}

export function recordsOf(corpus: OpenedCorpus, output: PipelineOutput, fields: FieldOptions): Pick<CorpusResult, 'records'> {
  if (corpus.recordFiles.length === 0) return {};
  const articles = new Map<string, { file: number; ordinal: number; line?: number }>();
  output.report.articles.forEach((article, index) => {
    const record = output.metas[index]?.record;
    if (record !== undefined) articles.set(article.path, record);
  });
  return { records: { files: corpus.recordFiles, fields, articles } };
}

/**
 * The last step of `clean` for files of records: what each record is written with (its cleaned
 * text, spooled by apply, and the added fields from the report), for the write-records stage.
 */
export async function writeRecordFiles(output: PipelineOutput, records: NonNullable<CorpusResult['records']>, directory: string, spool: string, outputFormat: OutputFormat | undefined): Promise<void> {
  const { report } = output;
  // Per file of records, by ordinal: the article.
  const articleOf: number[][] = records.files.map(() => []);
  output.metas.forEach((meta, index) => {
    if (meta.record !== undefined) (articleOf[meta.record.file] ??= [])[meta.record.ordinal] = index;
  });
  const outputs: RecordOutput[] = records.files.map((file) => ({ file, target: join(directory, ...outputPathOf(file.path, outputFormat).split('/')), format: outputFormatOf(file.format, outputFormat) }));
  const changed = await writeRecords(outputs, records.fields, spool, (fileIndex, ordinal) => {
    const article = articleOf[fileIndex]?.[ordinal];
    const entry = article === undefined ? undefined : report.articles[article];
    const at = article === undefined ? undefined : output.spooled[article];
    if (article === undefined || entry === undefined || at === undefined) return undefined;
    const added: Record<string, AddedValue> = {
      newsdedup_words: entry.words,
      newsdedup_shared_pct: entry.sharedPct,
      newsdedup_chrome_words: entry.chromeWords,
      newsdedup_blocks: entry.blocks,
      newsdedup_duplicate_of: entry.duplicateOf === undefined ? null : originalName(output.originalIds.get(entry.duplicateOf), entry.duplicateOf, output.metas[article]?.id),
    };
    return { id: output.metas[article]?.id, cleaned: at, added };
  });
  const problems = report.problems as Problem[];
  for (const file of changed) {
    problems.push({ path: file.path, code: 'E_CHANGED', severity: 'error', message: `\`${file.path}\` changed while newsdedup was reading it; the records that changed were left out of its output.` });
  }
  problems.sort(byPath);
  trace('write records');
}

/** Refuses two articles of one key: keys identify articles in the report. */
export function uniqueRefs(refs: readonly ArticleRef[]): void {
  const seen = new Set<string>();
  for (const ref of refs) {
    if (seen.has(ref.path)) throw new NewsdedupError('E_USAGE', `Two articles have the same path \`${ref.path}\`; paths identify articles and must differ.`);
    seen.add(ref.path);
  }
}

export async function withChromeFile(options: DedupeOptions & LoadOptions & { readonly chromeFile?: string | undefined }): Promise<DedupeOptions> {
  if (options.chromeFile === undefined) return options;
  const path = resolve(options.cwd ?? process.cwd(), options.chromeFile);
  const lines = await readChromeList(path, options.chromeFile);
  // Compile here, so that a bad pattern names the file it came from.
  compileChromeList(lines, `\`${options.chromeFile}\``);
  return { ...options, chromeLines: [...(options.chromeLines ?? []), ...lines] };
}


/** Problems in path order, then by code. */
export function byPath(a: Problem, b: Problem): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : a.code < b.code ? -1 : 1;
}
