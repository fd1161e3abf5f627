import { createWriteStream, type WriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { once } from 'node:events';
import { createGzip } from 'node:zlib';
import type { SchemaElement } from 'hyparquet';
import { textOfValue } from './fields.js';
import type { RecordFormat } from './format.js';
import { isAsciiEscaped, jsonString, layoutJsonObject, spliceJsonObject } from './json-object.js';
import type { LineEnding } from './parse-csv.js';
import type { ArticleRecord, FileShape } from './read-records.js';
import { createZstdStored } from './zstd-stored.js';

/** A value of a field newsdedup adds. In CSV, TSV and Parquet a list is written as its items joined by spaces. */
export type AddedValue = string | number | boolean | null | readonly string[];

/** The type of an added field, for a Parquet schema and for readers of CSV. */
export type AddedType = 'number' | 'string' | 'strings' | 'boolean';

/** A field newsdedup adds to each record it writes. */
export interface AddedField {
  readonly name: string;
  readonly type: AddedType;
}

/**
 * The fields `clean` adds to every record, documented in docs/records.md. All start with
 * `newsdedup_`, so they can be told from the input's own fields and dropped again.
 */
export const NEWSDEDUP_FIELDS = [
  { name: 'newsdedup_words', type: 'number' },
  { name: 'newsdedup_shared_pct', type: 'number' },
  { name: 'newsdedup_chrome_words', type: 'number' },
  { name: 'newsdedup_blocks', type: 'strings' },
  { name: 'newsdedup_duplicate_of', type: 'string' },
] as const satisfies readonly AddedField[];

/** Writes records to one output file, streaming. */
export interface RecordWriter {
  /**
   * Writes one record: every field as it was, the text field replaced by `cleanedText`, and the
   * added fields (replaced where the record already has them, as when `clean` runs on its own output).
   */
  write(record: ArticleRecord, cleanedText: string, added: Readonly<Record<string, AddedValue>>): Promise<void>;
  /** Finishes the file: the closing `]`, the Parquet footer, the end of the compressed stream. */
  close(): Promise<void>;
}

/**
 * Opens a writer of `format` at `absolutePath` for the records of a file of `shape` (from
 * `readRecords`). The output may be of another format than the input: a conversion keeps every
 * field's value, but not the input's bytes.
 */
export async function openRecordWriter(absolutePath: string, format: RecordFormat, shape: FileShape, added: readonly AddedField[] = NEWSDEDUP_FIELDS): Promise<RecordWriter> {
  if (format.kind === 'parquet') return parquetRecordWriter(absolutePath, shape, added);
  const sink = openSink(absolutePath, format.compression);
  let failure: Error | undefined;
  sink.file.on('error', (error) => {
    failure = error;
    if (sink.head !== sink.file) sink.head.destroy(error);
  });
  const put = async (text: string): Promise<void> => {
    if (failure !== undefined) throw failure;
    // `once` rejects when the stream fails while we wait for it to drain.
    if (!sink.head.write(text)) await once(sink.head, 'drain');
  };
  const close = async (tail: string): Promise<void> => {
    if (failure !== undefined) throw failure;
    sink.head.end(tail);
    await once(sink.file, 'close');
    if (failure !== undefined) throw failure;
  };
  switch (format.kind) {
    case 'jsonl':
      return {
        write: (record, cleaned, values) => put(jsonOf(record, cleaned, values) + '\n'),
        close: () => close(''),
      };
    case 'json': {
      let count = 0;
      return {
        write: (record, cleaned, values) => {
          count += 1;
          return put((count === 1 ? '[\n' : ',\n') + jsonOf(record, cleaned, values));
        },
        close: () => close(count === 0 ? '[]\n' : '\n]\n'),
      };
    }
    case 'csv':
    case 'tsv': {
      const table = tableLayout(shape, added, format.kind === 'tsv' ? '\t' : ',');
      let started = false;
      const start = async (): Promise<void> => {
        if (started) return;
        started = true;
        await put((table.bom ? '\ufeff' : '') + table.header + table.lineEnding);
      };
      return {
        write: async (record, cleaned, values) => {
          await start();
          await put(table.row(record, cleaned, values) + table.lineEnding);
        },
        close: async () => {
          await start();
          await close('');
        },
      };
    }
    case 'text':
    case 'markdown':
      return {
        write: (record, cleaned) => put((record.original.kind === 'document' ? record.original.before : '') + cleaned),
        close: () => close(''),
      };
  }
}

function openSink(path: string, compression: RecordFormat['compression']): { readonly head: Writable; readonly file: WriteStream } {
  // A megabyte buffered, not the default 16 KB, so that writing waits for the disk seldom.
  const file = createWriteStream(path, { highWaterMark: 1 << 20 });
  if (compression === 'none') return { head: file, file };
  const head = compression === 'gzip' ? createGzip() : createZstdStored();
  head.pipe(file);
  head.on('error', (error) => file.destroy(error));
  return { head, file };
}

/** A record as one JSON text: its own text with values spliced in when it came from JSON, else built from its fields. */
function jsonOf(record: ArticleRecord, cleaned: string, values: Readonly<Record<string, AddedValue>>): string {
  if (record.original.kind === 'json') {
    const text = record.original.text;
    const layout = layoutJsonObject(text);
    const textMember = [...layout.members].reverse().find((member) => member.key === record.textField);
    const ascii = textMember !== undefined && isAsciiEscaped(text.slice(textMember.valueStart, textMember.valueEnd), record.text);
    const replacements = new Map<string, string>();
    if (record.textField !== undefined) replacements.set(record.textField, jsonString(cleaned, ascii));
    for (const [name, value] of Object.entries(values)) replacements.set(name, typeof value === 'string' ? jsonString(value, ascii) : JSON.stringify(value));
    return spliceJsonObject(text, layout, replacements);
  }
  const object: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(record.fields)) object[name] = jsonValue(value);
  object[record.textField ?? 'text'] = cleaned;
  Object.assign(object, values);
  return JSON.stringify(object);
}

/** A Parquet value as JSON can hold it: a bigint as a number when it fits, else as a string; bytes as base64. */
function jsonValue(value: unknown): unknown {
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(jsonValue);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, jsonValue(inner)]));
  return value;
}

function addedCell(value: AddedValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.join(' ');
  return String(value);
}

interface TableLayout {
  readonly header: string;
  readonly lineEnding: LineEnding;
  readonly bom: boolean;
  row(record: ArticleRecord, cleaned: string, values: Readonly<Record<string, AddedValue>>): string;
}

/**
 * The rows of a CSV or TSV output. A cell is quoted when it was quoted in the input or needs quotes
 * (it holds the delimiter, a quote or a line break), so a cell written as it was read is the same bytes.
 */
function tableLayout(shape: FileShape, added: readonly AddedField[], delimiter: ',' | '\t'): TableLayout {
  const columns = shape.columns;
  const quotedHeader = shape.kind === 'csv' || shape.kind === 'tsv' ? shape.columnsQuoted : [];
  const extra = added.filter((field) => !columns.includes(field.name));
  const cell = (value: string, quoted: boolean): string => (quoted || value.includes(delimiter) || /["\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  const header = [...columns.map((name, index) => cell(name, quotedHeader[index] ?? false)), ...extra.map((field) => cell(field.name, false))].join(delimiter);
  const addedAt = new Map(added.map((field) => [field.name, columns.indexOf(field.name)]));
  return {
    header,
    lineEnding: shape.kind === 'csv' || shape.kind === 'tsv' ? shape.lineEnding : '\n',
    bom: shape.kind === 'csv' || shape.kind === 'tsv' ? shape.bom : false,
    row(record, cleaned, values) {
      const original = record.original;
      const cells = original.kind === 'csv' ? [...original.cells] : columns.map((name) => (typeof record.fields[name] === 'string' ? (record.fields[name] as string) : (textOfValue(jsonValue(record.fields[name])) ?? '')));
      const quoted = original.kind === 'csv' ? [...original.quoted] : columns.map(() => false);
      const textAt = record.textField === undefined ? -1 : columns.indexOf(record.textField);
      if (textAt >= 0) cells[textAt] = cleaned;
      for (const field of added) {
        const at = addedAt.get(field.name) ?? -1;
        if (at >= 0) cells[at] = addedCell(values[field.name]);
      }
      const own = cells.map((value, index) => cell(value, quoted[index] ?? false));
      return [...own, ...extra.map((field) => cell(addedCell(values[field.name]), false))].join(delimiter);
    },
  };
}

/** How many rows a Parquet row group holds at most, and how many characters of text. */
const ROW_GROUP_ROWS = 10_000;
const ROW_GROUP_CHARS = 64 * 1024 * 1024;

async function parquetRecordWriter(path: string, shape: FileShape, added: readonly AddedField[]): Promise<RecordWriter> {
  const fromParquet = shape.kind === 'parquet';
  const columns = shape.columns;
  const extra = added.filter((field) => !columns.includes(field.name));
  const schema: SchemaElement[] = fromParquet
    ? [...shape.schema]
    : [{ name: 'root', num_children: columns.length }, ...columns.map((name): SchemaElement => ({ name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' }))];
  const root = schema[0] as SchemaElement;
  schema[0] = { ...root, num_children: (root.num_children ?? 0) + extra.length };
  for (const field of extra) schema.push(addedElement(field));
  const names = [...columns, ...extra.map((field) => field.name)];
  // Loaded when a Parquet file is written: most runs write none, and start the faster for it.
  const { fileWriter, ParquetWriter } = await import('hyparquet-writer');
  const writer = new ParquetWriter({ writer: fileWriter(path), schema });
  let rows: Record<string, unknown>[] = [];
  let chars = 0;
  const flush = async (): Promise<void> => {
    if (rows.length === 0) return;
    const group = rows;
    rows = [];
    chars = 0;
    await writer.write({ columnData: names.map((name) => ({ name, data: group.map((row) => row[name] ?? null) })), rowGroupSize: group.length });
  };
  const types = new Map(added.map((field) => [field.name, field.type]));
  return {
    async write(record, cleaned, values) {
      const row: Record<string, unknown> = {};
      if (record.original.kind === 'parquet' && fromParquet) Object.assign(row, record.original.row);
      else for (const name of columns) row[name] = typeof record.fields[name] === 'string' ? record.fields[name] : (textOfValue(jsonValue(record.fields[name])) ?? null);
      if (record.textField !== undefined) row[record.textField] = cleaned;
      for (const [name, value] of Object.entries(values)) {
        const type = types.get(name);
        if (type !== undefined) row[name] = Array.isArray(value) ? value.join(' ') : value;
      }
      rows.push(row);
      chars += cleaned.length;
      if (rows.length >= ROW_GROUP_ROWS || chars >= ROW_GROUP_CHARS) await flush();
    },
    async close() {
      await flush();
      await writer.finish();
    },
  };
}

function addedElement(field: AddedField): SchemaElement {
  switch (field.type) {
    case 'number':
      return { name: field.name, type: 'DOUBLE', repetition_type: 'OPTIONAL' };
    case 'boolean':
      return { name: field.name, type: 'BOOLEAN', repetition_type: 'OPTIONAL' };
    case 'string':
    case 'strings':
      return { name: field.name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' };
  }
}
