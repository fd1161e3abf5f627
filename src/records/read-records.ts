import { readFile } from 'node:fs/promises';
import type { SchemaElement } from 'hyparquet';
import { isUtf8 } from 'node:buffer';
import { binaryProblem, decode, decodeWindows1252, firstControlIfBinary, firstInvalidUtf8 } from '../stages/read.js';
import type { Problem, ProblemCode } from '../types.js';
import { byteChunks, CompressionError } from './byte-source.js';
import { dateOfValue, hostOf, missingFieldMessage, noTextFieldMessage, resolveFields, textOfValue, type FieldOptions, type RecordDate, type ResolvedFields } from './fields.js';
import type { RecordFormat } from './format.js';
import { frontMatterMessage, splitFrontMatter } from './front-matter.js';
import { parseCsv, type LineEnding } from './parse-csv.js';
import { splitJsonArray } from './split-json-array.js';
import { splitLines } from './split-lines.js';

/**
 * What the writer needs to write a record back with every field but the text as it was:
 * - `json`: the record's JSON text exactly as in the file (a JSON line, or one element of an array);
 * - `csv`: its cells in column order, and which of them were quoted;
 * - `parquet`: its row as hyparquet decoded it;
 * - `document`: a text or Markdown file: what stands before the text (the front matter) and the text's end.
 */
export type RecordOriginal =
  | { readonly kind: 'json'; readonly text: string }
  | { readonly kind: 'csv'; readonly cells: readonly string[]; readonly quoted: readonly boolean[] }
  | { readonly kind: 'parquet'; readonly row: Readonly<Record<string, unknown>> }
  | { readonly kind: 'document'; readonly before: string };

/** An article read from a record. */
export interface ArticleRecord {
  /** Its place in the file, from 0, counting only records that were read. */
  readonly ordinal: number;
  /** The physical line it starts on (JSON Lines, JSON, CSV, TSV; 1-based), or its row (Parquet; 1-based). */
  readonly location: number;
  /** The id field's value, else `path:line` (JSON Lines, CSV, TSV), `path#row` (JSON, Parquet) or the path (text, Markdown). */
  readonly id: string;
  /** The article's text: the text field's value, or `''` when it has none. */
  readonly text: string;
  /** Where the text starts in the decoded file: Markdown's body after its front matter, else 0. */
  readonly textStart: number;
  /** The field the text came from, when the record had a string there; the writer replaces only that field. */
  readonly textField: string | undefined;
  readonly title: string | undefined;
  readonly date: RecordDate | undefined;
  /** The source field's value, else the host of the record's URL. */
  readonly source: string | undefined;
  /** Every field of the record, as parsed (CSV cells are strings; the first of two same-named columns wins). */
  readonly fields: Readonly<Record<string, unknown>>;
  readonly original: RecordOriginal;
}

/** What the writer needs to know of a whole file: its columns, schema and layout. */
export type FileShape =
  | { readonly kind: 'jsonl' | 'json'; readonly columns: readonly string[] }
  | { readonly kind: 'csv' | 'tsv'; readonly columns: readonly string[]; readonly columnsQuoted: readonly boolean[]; readonly lineEnding: LineEnding; readonly bom: boolean }
  | { readonly kind: 'parquet'; readonly columns: readonly string[]; readonly schema: readonly SchemaElement[] }
  | { readonly kind: 'text' | 'markdown'; readonly columns: readonly string[] };

/**
 * What reading a records file yields, in order: first its `shape` (once, unless the file cannot be
 * read at all), then each `record` (with a warning when it has no text) or `problem`.
 */
export type RecordOutcome =
  | { readonly kind: 'shape'; readonly shape: FileShape; readonly fields: ResolvedFields }
  | { readonly kind: 'record'; readonly record: ArticleRecord; readonly warning: Problem | undefined }
  | { readonly kind: 'problem'; readonly problem: Problem };

/** How many records of a JSON file are looked at before its fields are resolved, at most. */
const WINDOW_RECORDS = 100;
/** …and how many characters of them. */
const WINDOW_CHARS = 16 * 1024 * 1024;

type RawItem =
  | { readonly ok: true; readonly location: number; readonly value: Readonly<Record<string, unknown>>; readonly original: RecordOriginal; readonly size: number }
  | { readonly ok: false; readonly location: number; readonly message: string; readonly fatal: boolean };

/**
 * Reads a file of records, streaming: at most one record (and, for JSON, the first
 * {@link WINDOW_RECORDS}) is held at a time. Never throws for a bad file: a bad record or a bad file
 * is a `problem`. `displayPath` is the path that messages and ids name.
 */
export async function* readRecords(absolutePath: string, displayPath: string, format: RecordFormat, options: FieldOptions): AsyncGenerator<RecordOutcome> {
  const problem = (code: ProblemCode, message: string, severity: Problem['severity'] = 'error', line?: number): RecordOutcome => ({ kind: 'problem', problem: { path: displayPath, code, severity, message, ...(line === undefined ? {} : { line }) } });
  let read = 0;
  try {
    if (format.kind === 'text' || format.kind === 'markdown') {
      yield* readDocument(absolutePath, displayPath, format, options);
      return;
    }
    const source = format.kind === 'parquet' ? await parquetItems(absolutePath) : await textItems(absolutePath, format);
    const columnsUpFront = 'columns' in source ? source.columns : undefined;
    const items = source.items[Symbol.asyncIterator]();
    // JSON records say which fields they have only one by one: look at the first few before choosing.
    const window: RawItem[] = [];
    let windowChars = 0;
    let done = false;
    // Damage met while looking ahead: the records before it are still read, then it is reported.
    let damaged: CompressionError | undefined;
    if (columnsUpFront === undefined) {
      while (window.length < WINDOW_RECORDS && windowChars < WINDOW_CHARS) {
        let next: IteratorResult<RawItem>;
        try {
          next = await items.next();
        } catch (error) {
          if (!(error instanceof CompressionError)) throw error;
          damaged = error;
          done = true;
          break;
        }
        if (next.done === true) {
          done = true;
          break;
        }
        window.push(next.value);
        if (next.value.ok) windowChars += next.value.size;
        else if (next.value.fatal) break;
      }
      if (damaged !== undefined && window.length === 0) throw damaged;
      const firstBad = window.find((item) => !item.ok);
      if (!window.some((item) => item.ok) && firstBad !== undefined && !firstBad.ok) {
        const what = format.kind === 'jsonl' ? 'holds no JSON Lines' : 'holds no JSON array of records';
        yield problem('E_RECORD_FORMAT', `\`${displayPath}\` ${what}: line ${firstBad.location}: ${firstBad.message}; skipped.`);
        return;
      }
    }
    const shapeOf = source.shape;
    const columns = columnsUpFront ?? unionOfKeys(window);
    // A file with nothing in it holds no records, whatever fields were named for them.
    if (columns.length === 0 && window.length === 0 && (done || columnsUpFront !== undefined)) {
      const next = columnsUpFront === undefined ? undefined : await items.next();
      if (next === undefined || next.done === true) {
        yield problem('W_NO_RECORDS', `\`${displayPath}\` holds no records; it adds no article.`, 'warning');
        return;
      }
      window.push(next.value);
    }
    const resolution = resolveFields(options, columns);
    if (!resolution.ok) {
      yield problem('E_RECORD_FIELD', missingFieldMessage(displayPath, resolution.missing, columns));
      return;
    }
    const fields = resolution.fields;
    // A file none of whose fields is a text field holds no article: one error, not a warning per record.
    // A file with no fields at all is empty: a warning below.
    if (fields.text === undefined && columns.length > 0) {
      const looked = window.filter((item) => item.ok).length;
      yield problem('E_RECORD_FIELD', noTextFieldMessage(displayPath, columns, columnsUpFront === undefined && !done ? `its first ${looked} records have` : 'it has'));
      return;
    }
    yield { kind: 'shape', shape: shapeOf(columns), fields };
    const where = format.kind === 'parquet' ? 'row' : 'line';
    const idMark = format.kind === 'json' || format.kind === 'parquet' ? '#' : ':';
    // Any item, a record or a bad one: a file with none holds no records at all.
    let seen = 0;
    // Dates given that are none newsdedup reads: how many, and the first, for one warning a file.
    let undated = 0;
    let firstUndated: { readonly location: number; readonly raw: string } | undefined;
    const outcomeOf = (item: RawItem): RecordOutcome => {
      seen += 1;
      if (!item.ok) return problem(item.fatal ? 'E_RECORD_FORMAT' : 'E_RECORD_SYNTAX', `\`${displayPath}\` ${where} ${item.location}: ${item.message}${item.fatal ? '' : '; skipped'}.`, 'error', where === 'line' ? item.location : undefined);
      const ordinal = read;
      read += 1;
      const outcome = recordOutcome(displayPath, fields, item, ordinal, format.kind === 'json' ? ordinal + 1 : item.location, idMark, where);
      const date = outcome.kind === 'record' ? outcome.record.date : undefined;
      if (date !== undefined && date.ms === undefined && date.raw.trim() !== '') {
        undated += 1;
        firstUndated ??= { location: item.location, raw: date.raw };
      }
      return outcome;
    };
    for (const item of window) yield outcomeOf(item);
    if (damaged !== undefined) throw damaged;
    if (!done) {
      for (let next = await items.next(); next.done !== true; next = await items.next()) yield outcomeOf(next.value);
    }
    // A file of no records at all (empty, or white space only) adds no article: said, not silent.
    if (seen === 0) yield problem('W_NO_RECORDS', `\`${displayPath}\` holds no records; it adds no article.`, 'warning');
    if (firstUndated !== undefined) {
      const raw = firstUndated.raw.length > 40 ? `${firstUndated.raw.slice(0, 40)}…` : firstUndated.raw;
      yield problem('W_NO_DATE', `\`${displayPath}\` has ${undated} ${undated === 1 ? 'record' : 'records'} whose \`${fields.date ?? 'date'}\` is no date newsdedup reads (first at ${where} ${firstUndated.location}: \`${raw}\`); ${undated === 1 ? 'it is' : 'they are'} read as undated. Dates read: 2025-03-10 or 2025-03-10T08:00:00Z; Mon, 10 Mar 2025 08:00:00 +0000; March 10, 2025; 10 March 2025.`, 'warning');
    }
    const notUtf8 = source.notUtf8?.();
    if (notUtf8 !== undefined) yield problem('W_NOT_UTF8', `\`${displayPath}\` is not valid UTF-8, first at ${notUtf8}; its bytes that are not were read as Windows-1252, and it is written back as UTF-8.`, 'warning');
  } catch (error) {
    if (error instanceof BinaryFileError) {
      if (error.at < 0) yield problem('E_RECORD_FORMAT', `\`${displayPath}\` is UTF-16, and files of records are read as UTF-8: save it as UTF-8; skipped.`);
      else yield problem('E_BINARY', `Cannot use \`${displayPath}\`: control bytes from byte ${error.at} mean it is binary, not text; skipped.`);
      return;
    }
    if (error instanceof CompressionError) {
      yield problem('E_COMPRESSED', `\`${displayPath}\`: ${error.message}; the ${read} record${read === 1 ? '' : 's'} before it ${read === 1 ? 'was' : 'were'} read.`);
      return;
    }
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'it vanished after it was listed' : ((error as Error).message.split('\n')[0] ?? String(error));
    yield problem(format.kind === 'parquet' && read === 0 ? 'E_RECORD_FORMAT' : 'E_READ', `Cannot read \`${displayPath}\`: ${reason}; ${read === 0 ? 'skipped' : `the ${read} records before it were read`}.`);
  }
}

function unionOfKeys(items: readonly RawItem[]): string[] {
  const keys = new Set<string>();
  for (const item of items) if (item.ok) for (const key of Object.keys(item.value)) keys.add(key);
  return [...keys];
}

function recordOutcome(path: string, fields: ResolvedFields, item: Extract<RawItem, { ok: true }>, ordinal: number, idNumber: number, idMark: string, where: string): RecordOutcome {
  const value = item.value;
  const rawText = fields.text === undefined ? undefined : value[fields.text];
  const text = typeof rawText === 'string' ? rawText : '';
  let warning: Problem | undefined;
  if (text.trim() === '') {
    const why = fields.text === undefined ? 'no text field (text, content, body or article)' : rawText === undefined ? `no \`${fields.text}\`` : rawText === null ? `a \`${fields.text}\` of null` : typeof rawText === 'string' ? `an empty \`${fields.text}\`` : `a \`${fields.text}\` that is not a string`;
    warning = { path, code: 'W_NO_TEXT', severity: 'warning', message: `\`${path}\` ${where} ${item.location} has ${why}; read as an article of 0 words.`, ...(where === 'line' ? { line: item.location } : {}) };
  }
  const url = fields.url === undefined ? undefined : textOfValue(value[fields.url]);
  const record: ArticleRecord = {
    ordinal,
    location: item.location,
    id: (fields.id === undefined ? undefined : textOfValue(value[fields.id])) ?? `${path}${idMark}${idNumber}`,
    text,
    textStart: 0,
    textField: typeof rawText === 'string' ? fields.text : undefined,
    title: fields.title === undefined ? undefined : textOfValue(value[fields.title]),
    date: fields.date === undefined ? undefined : dateOfValue(value[fields.date]),
    source: (fields.source === undefined ? undefined : textOfValue(value[fields.source])) ?? (url === undefined ? undefined : hostOf(url)),
    fields: value,
    original: item.original,
  };
  return { kind: 'record', record, warning };
}

interface ItemSource {
  readonly items: AsyncIterable<RawItem>;
  /** Once the items are read: where the file first failed to be UTF-8 ("line 3", "byte 812"); its bytes that are not UTF-8 were read as Windows-1252. */
  readonly notUtf8?: () => string | undefined;
  /** Columns known before the first record (a header, a schema). */
  readonly columns?: readonly string[];
  readonly shape: (columns: readonly string[]) => FileShape;
}

/** UTF-8, a byte-order mark kept as a character (one at the file's start is dropped by the caller). */
const UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * `bytes` as UTF-8, each byte that is not part of a valid sequence read as Windows-1252: a file of
 * records is mostly UTF-8 with a stray legacy byte, or Windows-1252 throughout, and either way
 * each character comes out as meant. `invalidAt`: the first such byte, -1 when there is none.
 */
export function decodeLenient(bytes: Uint8Array): { readonly text: string; readonly invalidAt: number } {
  if (isUtf8(bytes)) return { text: UTF8.decode(bytes), invalidAt: -1 };
  const parts: string[] = [];
  let invalidAt = -1;
  for (let from = 0; from < bytes.length; ) {
    const rest = bytes.subarray(from);
    const bad = firstInvalidUtf8(rest);
    if (bad < 0) {
      parts.push(UTF8.decode(rest));
      break;
    }
    if (invalidAt < 0) invalidAt = from + bad;
    parts.push(UTF8.decode(rest.subarray(0, bad)), decodeWindows1252(rest.subarray(bad, bad + 1)));
    from += bad + 1;
  }
  return { text: parts.join(''), invalidAt };
}

/**
 * Decodes a stream of bytes with {@link decodeLenient}, a character cut by a chunk's end joined
 * with the rest of it; a byte-order mark at the start is dropped (and told to `onBom`), and
 * `onInvalid` is told the offset of each stretch's first byte that is not UTF-8.
 */
export async function* decodedText(chunks: AsyncIterable<Uint8Array>, onBom: (bom: boolean) => void, onInvalid: (byte: number) => void): AsyncGenerator<string> {
  let pending: Uint8Array = new Uint8Array(0);
  // Bytes of the file before `pending`.
  let offset = 0;
  let first = true;
  const decoded = (bytes: Uint8Array): string => {
    const { text, invalidAt } = decodeLenient(bytes);
    if (invalidAt >= 0) onInvalid(offset + invalidAt);
    offset += bytes.length;
    return text;
  };
  for await (const chunk of chunks) {
    let bytes = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    pending = new Uint8Array(0);
    if (first) {
      // Told once three bytes are in, however the file is cut into chunks.
      if (bytes.length < 3) {
        pending = bytes;
        continue;
      }
      const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
      onBom(bom);
      first = false;
      if (bom) {
        bytes = bytes.subarray(3);
        offset = 3;
      }
    }
    const end = completeEnd(bytes);
    pending = bytes.slice(end);
    const text = decoded(bytes.subarray(0, end));
    if (text !== '') yield text;
  }
  if (first) onBom(false);
  // A character cut short by the end of the file, or a file of under three bytes.
  if (pending.length > 0) yield decoded(pending);
}

/** Where the last complete UTF-8 character of `bytes` ends: before a lead byte whose sequence runs past the end. */
function completeEnd(bytes: Uint8Array): number {
  for (let back = 1; back <= 3 && back <= bytes.length; back += 1) {
    const byte = bytes[bytes.length - back] as number;
    if ((byte & 0xc0) === 0x80) continue;
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return length > back ? bytes.length - back : bytes.length;
  }
  return bytes.length;
}

async function textItems(path: string, format: RecordFormat): Promise<ItemSource> {
  const chunks = refusingBinary(byteChunks(path, format.compression));
  let notUtf8: string | undefined;
  const onInvalid = (where: string): void => {
    notUtf8 ??= where;
  };
  const atByte = (byte: number): void => onInvalid(`byte ${byte}`);
  const source: ItemSource =
    format.kind === 'jsonl'
      ? { items: jsonLineItems(chunks, (line) => onInvalid(`line ${line}`)), shape: (columns) => ({ kind: 'jsonl', columns }) }
      : format.kind === 'json'
        ? { items: jsonArrayItems(chunks, atByte), shape: (columns) => ({ kind: 'json', columns }) }
        : await csvSource(chunks, format.kind === 'tsv' ? 'tsv' : 'csv', atByte);
  return { ...source, notUtf8: () => notUtf8 };
}

/**
 * A file of records whose first bytes are binary (`at`: the first NUL or control byte); or, `at`
 * -1, one in UTF-16. Thrown before any record is read.
 */
class BinaryFileError extends Error {
  constructor(readonly at: number) {
    super(at < 0 ? 'UTF-16' : `binary from byte ${at}`);
    this.name = 'BinaryFileError';
  }
}

/** Bytes looked at before a file of records is parsed: as a binary text file is refused, an executable named `.csv` is. */
const BINARY_SNIFF_BYTES = 8192;

/**
 * `chunks` as they come, once their first {@link BINARY_SNIFF_BYTES} are found to be text (else
 * {@link BinaryFileError}, before any is handed on): binary when at least 4 of them, and more than
 * 1%, are NUL or control bytes, as a text file is judged; one stray NUL is a damaged record, told
 * by the record's own problem. UTF-16, with or without its byte-order mark, is told as such.
 */
async function* refusingBinary(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const first: Uint8Array[] = [];
  let seen = 0;
  try {
    for await (const chunk of chunks) {
      if (seen >= BINARY_SNIFF_BYTES) {
        yield chunk;
        continue;
      }
      first.push(chunk);
      seen += chunk.length;
      if (seen < BINARY_SNIFF_BYTES) continue;
      checkText(Buffer.concat(first).subarray(0, BINARY_SNIFF_BYTES));
      yield* first;
    }
  } catch (error) {
    // Damage within the first bytes (a short, cut compressed file): what came before it is still read.
    if (!(error instanceof CompressionError) || seen >= BINARY_SNIFF_BYTES) throw error;
    checkText(Buffer.concat(first));
    yield* first;
    throw error;
  }
  if (seen < BINARY_SNIFF_BYTES) {
    checkText(Buffer.concat(first));
    yield* first;
  }
}

/** Throws {@link BinaryFileError} for the first bytes of a binary or UTF-16 file of records. */
function checkText(bytes: Uint8Array): void {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) throw new BinaryFileError(-1);
  // UTF-16 without its mark: English text has a NUL in every other byte, on one side.
  const nulls = [0, 0];
  for (let i = 0; i < bytes.length; i += 1) if (bytes[i] === 0) nulls[i & 1] = (nulls[i & 1] ?? 0) + 1;
  const half = bytes.length / 2;
  if (half >= 8 && Math.max(nulls[0] ?? 0, nulls[1] ?? 0) > 0.4 * half && Math.min(nulls[0] ?? 0, nulls[1] ?? 0) < 0.05 * half) throw new BinaryFileError(-1);
  // A text file's rule for binary (see `firstControlIfBinary`).
  const first = firstControlIfBinary(bytes);
  if (first >= 0) throw new BinaryFileError(first);
}

/** JSON Lines, one record a line; a line that is not UTF-8 is read with {@link decodeLenient} (`onInvalid` is told its number). */
async function* jsonLineItems(chunks: AsyncIterable<Uint8Array>, onInvalid: (line: number) => void): AsyncGenerator<RawItem> {
  for await (const { line, bytes: raw } of splitLines(chunks)) {
    const bytes = line === 1 && raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf ? raw.subarray(3) : raw;
    const { text, invalidAt } = decodeLenient(bytes);
    if (invalidAt >= 0) onInvalid(line);
    if (text.trim() === '') continue;
    yield jsonItem(text, line);
  }
}

async function* jsonArrayItems(chunks: AsyncIterable<Uint8Array>, onInvalid: (byte: number) => void): AsyncGenerator<RawItem> {
  for await (const piece of splitJsonArray(decodedText(chunks, () => undefined, onInvalid))) {
    if (!piece.ok) yield { ok: false, location: piece.line, message: piece.message, fatal: true };
    else yield jsonItem(piece.text, piece.line);
  }
}

function jsonItem(text: string, location: number): RawItem {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, location, message: `not valid JSON (${(error as Error).message})`, fatal: false };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, location, message: `a JSON ${value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value}, not an object`, fatal: false };
  }
  return { ok: true, location, value: value as Record<string, unknown>, original: { kind: 'json', text }, size: text.length };
}

async function csvSource(chunks: AsyncIterable<Uint8Array>, kind: 'csv' | 'tsv', onInvalid: (byte: number) => void): Promise<ItemSource & { readonly columns: readonly string[] }> {
  let bom = false;
  let lineEnding: LineEnding = '\n';
  const rows = parseCsv(decodedText(chunks, (hasBom) => (bom = hasBom), onInvalid), kind === 'tsv' ? '\t' : ',', (ending) => (lineEnding = ending))[Symbol.asyncIterator]();
  const first = await rows.next();
  const columns = first.done !== true && first.value.ok ? first.value.cells : [];
  const columnsQuoted = first.done !== true && first.value.ok ? first.value.quoted : [];
  async function* items(): AsyncGenerator<RawItem> {
    for (let next = await rows.next(); next.done !== true; next = await rows.next()) {
      const row = next.value;
      if (!row.ok) {
        yield { ok: false, location: row.line, message: row.message, fatal: false };
        continue;
      }
      if (row.cells.length !== columns.length) {
        yield { ok: false, location: row.line, message: `${row.cells.length} field${row.cells.length === 1 ? '' : 's'} where the header has ${columns.length}`, fatal: false };
        continue;
      }
      const value: Record<string, string> = {};
      columns.forEach((column, index) => {
        if (!Object.hasOwn(value, column)) value[column] = row.cells[index] ?? '';
      });
      yield { ok: true, location: row.line, value, original: { kind: 'csv', cells: row.cells, quoted: row.quoted }, size: 0 };
    }
  }
  return { items: items(), columns, shape: (names) => ({ kind, columns: names, columnsQuoted, lineEnding, bom }) };
}

async function parquetItems(path: string): Promise<ItemSource & { readonly columns: readonly string[] }> {
  // Loaded when a Parquet file is read: most runs read none, and start the faster for it.
  const { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } = await import('hyparquet');
  const file = await asyncBufferFromFile(path);
  const metadata = await parquetMetadataAsync(file);
  const root = metadata.schema[0];
  // Top-level columns: the root's children, each followed by its own subtree in the flat schema.
  const columns: string[] = [];
  let at = 1;
  for (let child = 0; child < (root?.num_children ?? 0); child += 1) {
    const element = metadata.schema[at];
    if (element === undefined) break;
    columns.push(element.name);
    at = skipSubtree(metadata.schema, at);
  }
  async function* items(): AsyncGenerator<RawItem> {
    let rowStart = 0;
    for (const group of metadata.row_groups) {
      const rowEnd = rowStart + Number(group.num_rows);
      // One row group at a time: hyparquet fetches only that group's column chunks from the file.
      const rows = await parquetReadObjects({ file, metadata, rowStart, rowEnd });
      for (const [index, row] of rows.entries()) {
        yield { ok: true, location: rowStart + index + 1, value: row, original: { kind: 'parquet', row }, size: 0 };
      }
      rowStart = rowEnd;
    }
  }
  return { items: items(), columns, shape: (names) => ({ kind: 'parquet', columns: names, schema: metadata.schema }) };
}

function skipSubtree(schema: readonly SchemaElement[], index: number): number {
  let next = index + 1;
  for (let child = 0; child < (schema[index]?.num_children ?? 0); child += 1) next = skipSubtree(schema, next);
  return next;
}

async function* readDocument(absolutePath: string, displayPath: string, format: RecordFormat, options: FieldOptions): AsyncGenerator<RecordOutcome> {
  const bytes = format.compression === 'none' ? await readFile(absolutePath) : Buffer.concat(await arrayOf(byteChunks(absolutePath, format.compression)));
  const decoded = decode(bytes);
  if (!decoded.ok) {
    yield { kind: 'problem', problem: binaryProblem(displayPath, decoded) };
    return;
  }
  const front = format.kind === 'markdown' ? splitFrontMatter(decoded.text) : { metadata: {}, bodyStart: 0, error: undefined };
  const columns = Object.keys(front.metadata);
  const resolution = resolveFields({ ...options, textField: undefined }, columns);
  const fields: ResolvedFields = resolution.ok ? resolution.fields : { text: undefined, id: undefined, title: undefined, date: undefined, source: undefined, url: undefined };
  yield { kind: 'shape', shape: { kind: format.kind as 'text' | 'markdown', columns }, fields };
  if (front.error !== undefined) {
    yield { kind: 'problem', problem: { path: displayPath, code: 'W_FRONT_MATTER', severity: 'warning', message: frontMatterMessage(displayPath, front.error) } };
  }
  const value = front.metadata;
  const url = fields.url === undefined ? undefined : textOfValue(value[fields.url]);
  const record: ArticleRecord = {
    ordinal: 0,
    location: 1,
    id: displayPath,
    text: decoded.text.slice(front.bodyStart),
    textStart: front.bodyStart,
    textField: undefined,
    title: fields.title === undefined ? undefined : textOfValue(value[fields.title]),
    date: fields.date === undefined ? undefined : dateOfValue(value[fields.date]),
    source: (fields.source === undefined ? undefined : textOfValue(value[fields.source])) ?? (url === undefined ? undefined : hostOf(url)),
    fields: value,
    original: { kind: 'document', before: decoded.text.slice(0, front.bodyStart) },
  };
  yield { kind: 'record', record, warning: undefined };
}

async function arrayOf<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

