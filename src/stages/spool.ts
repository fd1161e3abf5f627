/**
 * The records edge: streams each file of records once (`readRecords`) and writes each record's text,
 * as UTF-8, into a spool file of a temporary directory, so that every later pass reads an article
 * as a byte range (`ArticleRef.offset`, `size`) and never parses JSON, CSV or Parquet, or
 * decompresses, again. Each record becomes one article, with its metadata.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import type { Problem } from '../types.js';
import type { ArticleRef } from '../worker.js';
import type { FieldOptions } from '../records/fields.js';
import type { RecordFormat } from '../records/format.js';
import { textOfValue } from '../records/fields.js';
import { holdsRecords } from '../records/format.js';
import { readRecords } from '../records/read-records.js';

/** What the pipeline knows of an article besides its text: from its record, or its Markdown front matter. */
export interface ArticleMeta {
  /** The record's id (its id field, else `file:line` / `file#row`). */
  readonly id?: string | undefined;
  readonly title?: string | undefined;
  /** The date as written in the record. */
  readonly date?: string | undefined;
  /** The date in epoch milliseconds, when it names one. */
  readonly dateMs?: number | undefined;
  readonly source?: string | undefined;
  /** Where it stands in a run: its file of records' path and its ordinal there; a text file's own path and 0 when not given. */
  readonly order?: ArticleOrder | undefined;
  /**
   * For a record: which file of records it came from (an index into the run's record files), its
   * ordinal there, and in a file of lines (JSON Lines, CSV, TSV, not compressed) the line it starts on.
   */
  readonly record?: { readonly file: number; readonly ordinal: number; readonly line?: number } | undefined;
}

/** Where an article stands in a run: files by path, then records in file order. */
export interface ArticleOrder {
  readonly file: string;
  readonly ordinal: number;
}

/** A file of records read into the spool. */
export interface RecordFile {
  /** Its path relative to the input root, `/`-separated. */
  readonly path: string;
  readonly absolute: string;
  readonly format: RecordFormat;
}

/** One spooled article: where its text is, and what its record said. */
export interface SpooledArticle {
  readonly ref: ArticleRef;
  readonly meta: ArticleMeta;
}

/** Bytes a spool's stream buffers before its writer waits for the disk. */
const WRITE_BUFFER = 1 << 20;

/**
 * Spools the records of `file` (the `fileIndex`-th record file of the run) into `spoolPath`.
 * A bad record or a bad file is a problem; the other records go on. An article's key is
 * `file#id` when its id field's value is unique in the file, else `file:line` (`file:row` for
 * Parquet), so that a story saved twice under one URL stays two articles.
 */
export async function spoolRecords(file: RecordFile, fileIndex: number, fields: FieldOptions, spoolPath: string): Promise<{ articles: SpooledArticle[]; problems: Problem[] }> {
  const problems: Problem[] = [];
  const drafts: { offset: number; size: number; own: string | undefined; location: number; meta: ArticleMeta }[] = [];
  // A megabyte buffered, not the default 16 KB: a wait for the disk every few records was half the step.
  const stream = createWriteStream(spoolPath, { highWaterMark: WRITE_BUFFER });
  let failure: Error | undefined;
  stream.on('error', (error) => (failure = error));
  let offset = 0;
  let idField: string | undefined;
  // A record's location is its line in a file of lines; what a reader opens is the file as it is, so not a compressed one.
  const lined = (file.format.kind === 'jsonl' || file.format.kind === 'csv' || file.format.kind === 'tsv') && file.format.compression === 'none';
  try {
    for await (const outcome of readRecords(file.absolute, file.path, file.format, fields)) {
      if (outcome.kind === 'shape') {
        idField = outcome.fields.id;
        continue;
      }
      if (outcome.kind === 'problem') {
        problems.push(outcome.problem);
        continue;
      }
      const { record, warning } = outcome;
      if (warning !== undefined) problems.push(warning);
      const bytes = Buffer.from(record.text, 'utf8');
      if (failure !== undefined) throw failure;
      if (!stream.write(bytes)) await once(stream, 'drain');
      drafts.push({
        offset,
        size: bytes.length,
        own: idField === undefined ? undefined : textOfValue(record.fields[idField]),
        location: record.location,
        meta: { id: record.id, title: record.title, date: record.date?.raw, dateMs: record.date?.ms, source: record.source, record: { file: fileIndex, ordinal: record.ordinal, ...(lined ? { line: record.location } : {}) } },
      });
      offset += bytes.length;
    }
  } finally {
    stream.end();
    await once(stream, 'close').catch(() => undefined);
  }
  if (failure !== undefined) throw failure;
  const keys = recordKeys(file, drafts);
  const articles = drafts.map((draft, index) => ({ ref: { path: keys[index] ?? file.path, absolute: spoolPath, offset: draft.offset, size: draft.size }, meta: draft.meta }));
  return { articles, problems };
}

/**
 * The keys of a file's records, in order: `file#id` when the id field's value (`own`) is unique in
 * the file, else `file:line` (`file:row` for Parquet); a text or Markdown file is its path.
 */
export function recordKeys(file: Pick<RecordFile, 'path' | 'format'>, records: readonly { readonly own: string | undefined; readonly location: number }[]): string[] {
  if (!holdsRecords(file.format.kind)) return records.map(() => file.path);
  const seen = new Map<string, number>();
  for (const record of records) if (record.own !== undefined) seen.set(record.own, (seen.get(record.own) ?? 0) + 1);
  return records.map((record) => (record.own !== undefined && seen.get(record.own) === 1 ? `${file.path}#${record.own}` : `${file.path}:${record.location}`));
}

/** The spool file of the `index`-th record file, in the run's temporary directory. */
export function spoolPathOf(directory: string, index: number): string {
  return join(directory, `records-${index}.txt`);
}
