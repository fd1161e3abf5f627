/** The shapes of input file newsdedup reads: plain text, Markdown, or files of records. */
export type RecordKind = 'text' | 'markdown' | 'jsonl' | 'json' | 'csv' | 'tsv' | 'parquet';

/** How a file's bytes are wrapped: not at all, gzip (`.gz`) or Zstandard (`.zst`). */
export type Compression = 'none' | 'gzip' | 'zstd';

/** A file's format, read from its name. */
export interface RecordFormat {
  readonly kind: RecordKind;
  readonly compression: Compression;
}

/** What a file name says: a format, a name newsdedup does not read, or a name it refuses with a reason. */
export type FormatOfName =
  | { readonly ok: true; readonly format: RecordFormat }
  | { readonly ok: false; readonly reason: 'unsupported' }
  | { readonly ok: false; readonly reason: 'refused'; readonly message: string };

const KINDS: Readonly<Record<string, RecordKind>> = {
  txt: 'text',
  md: 'markdown',
  markdown: 'markdown',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
  json: 'json',
  csv: 'csv',
  tsv: 'tsv',
  parquet: 'parquet',
};

const COMPRESSIONS: Readonly<Record<string, Compression>> = { gz: 'gzip', zst: 'zstd' };

/**
 * The format a file's name announces, from its last one or two extensions (case-insensitive):
 * `news.jsonl.gz` is gzip-compressed JSON Lines. Parquet compresses inside, so `.parquet.gz` and
 * `.parquet.zst` are refused with a reason rather than read.
 */
export function formatOfName(path: string): FormatOfName {
  const name = (path.split(/[\\/]/).pop() ?? path).toLowerCase();
  const parts = name.split('.');
  if (parts.length < 2) return { ok: false, reason: 'unsupported' };
  const last = parts[parts.length - 1] ?? '';
  const compression = COMPRESSIONS[last];
  const kindExtension = compression === undefined ? last : parts.length >= 3 ? (parts[parts.length - 2] ?? '') : '';
  const kind = KINDS[kindExtension];
  if (kind === undefined) return { ok: false, reason: 'unsupported' };
  if (kind === 'parquet' && compression !== undefined) {
    return { ok: false, reason: 'refused', message: `\`${path}\`: Parquet compresses its own pages; decompress the file to \`.parquet\` first.` };
  }
  return { ok: true, format: { kind, compression: compression ?? 'none' } };
}

/** {@link formatOfName}, or `undefined` for a name newsdedup does not read or refuses. */
export function recordFormatOf(path: string): RecordFormat | undefined {
  const result = formatOfName(path);
  return result.ok ? result.format : undefined;
}

/** True for the formats that hold many records (every kind but plain text and Markdown). */
export function holdsRecords(kind: RecordKind): boolean {
  return kind !== 'text' && kind !== 'markdown';
}

/** The file name extension of a format, compression included: `.jsonl.gz`. */
export function extensionOf(format: RecordFormat): string {
  const base = { text: '.txt', markdown: '.md', jsonl: '.jsonl', json: '.json', csv: '.csv', tsv: '.tsv', parquet: '.parquet' }[format.kind];
  return base + { none: '', gzip: '.gz', zstd: '.zst' }[format.compression];
}

/** The formats `--output-format` can write. */
export const OUTPUT_FORMATS = ['jsonl', 'json', 'csv', 'tsv', 'parquet'] as const satisfies readonly RecordKind[];
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

const PLAIN_TEXT = /\.(?:txt|md)$/i;

/** The format of a file of records (or of a compressed file), or `undefined` for a plain text or Markdown article. */
export function recordFormat(path: string): RecordFormat | undefined {
  if (PLAIN_TEXT.test(path)) return undefined;
  const named = formatOfName(path);
  if (!named.ok || (!holdsRecords(named.format.kind) && named.format.compression === 'none')) return undefined;
  return named.format;
}

/** The output path of an input file: its own, or with the extension of `outputFormat` for a file of records. */
export function outputPathOf(path: string, outputFormat: OutputFormat | undefined): string {
  const format = outputFormat === undefined ? undefined : formatOfName(path);
  if (format === undefined || !format.ok || !holdsRecords(format.format.kind)) return path;
  return path.slice(0, path.length - extensionOf(format.format).length) + extensionOf(outputFormatOf(format.format, outputFormat));
}

/** The format a file of records is written in: its own, or `outputFormat` (Parquet compresses itself). */
export function outputFormatOf(input: RecordFormat, outputFormat: OutputFormat | undefined): RecordFormat {
  if (outputFormat === undefined || !holdsRecords(input.kind)) return input;
  return { kind: outputFormat, compression: outputFormat === 'parquet' ? 'none' : input.compression };
}
