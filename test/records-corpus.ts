/**
 * A corpus of records made from the five seed articles, written in every format newsdedup reads,
 * for the tests of records end to end (test/pipeline-records.test.ts, test/main-records.test.ts).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { corpusArticles } from './helpers.js';

/** One record: the seed's text, and fields of every kind that must come back unchanged. */
export interface SeedRecord {
  readonly id: string;
  readonly title: string;
  readonly body: string;
  readonly published: string;
  readonly outlet: string;
  readonly score: number;
  readonly note: string;
}

/** The five seed articles as records. Dates run backwards, so that the earliest is the last in file order. */
export function seedRecords(): SeedRecord[] {
  return corpusArticles().map((article, index) => ({
    id: `s${index}`,
    title: `Seed “${index}”, with a comma`,
    body: article.text,
    published: `2025-03-0${9 - index}`,
    outlet: index % 2 === 0 ? 'Ledger' : 'Herald',
    score: index + 0.5,
    note: index === 1 ? 'café – ‘quoted’, "double", and\ta tab' : '',
  }));
}

const COLUMNS = ['id', 'title', 'body', 'published', 'outlet', 'score', 'note'] as const;

export function jsonlOf(records: readonly SeedRecord[]): string {
  // Two styles of separator, as scrapers write them.
  return records.map((record, index) => (index % 2 === 0 ? JSON.stringify(record) : JSON.stringify(record, null, 0).replaceAll('","', '", "'))).join('\n') + '\n';
}

function csvCell(value: string | number, delimiter: string): string {
  const text = String(value);
  return /["\r\n]/.test(text) || text.includes(delimiter) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvOf(records: readonly SeedRecord[], delimiter = ','): string {
  const rows = [COLUMNS.join(delimiter), ...records.map((record) => COLUMNS.map((column) => csvCell(record[column], delimiter)).join(delimiter))];
  return rows.join('\r\n') + '\r\n';
}

export function parquetOf(records: readonly SeedRecord[]): Uint8Array {
  return new Uint8Array(
    parquetWriteBuffer({
      columnData: [
        ...(['id', 'title', 'body', 'published', 'outlet', 'note'] as const).map((name) => ({ name, data: records.map((record) => record[name]), type: 'STRING' as const })),
        { name: 'score', data: records.map((record) => record.score), type: 'DOUBLE' as const },
      ],
    }),
  );
}

/** Writes the seed records as `name` (its extension says the format) into `directory`; gives the path. */
export function writeSeedRecords(directory: string, name: string, records: readonly SeedRecord[] = seedRecords()): string {
  const path = join(directory, name);
  const plain = name.replace(/\.(gz|zst)$/, '');
  let bytes: Uint8Array;
  if (plain.endsWith('.jsonl')) bytes = Buffer.from(jsonlOf(records));
  else if (plain.endsWith('.json')) bytes = Buffer.from(`[\n${records.map((record) => JSON.stringify(record, null, 2)).join(',\n')}\n]\n`);
  else if (plain.endsWith('.csv')) bytes = Buffer.from(csvOf(records));
  else if (plain.endsWith('.tsv')) bytes = Buffer.from(csvOf(records, '\t'));
  else if (plain.endsWith('.parquet')) bytes = parquetOf(records);
  else throw new Error(`no writer for ${name}`);
  if (name.endsWith('.gz')) bytes = gzipSync(bytes);
  if (name.endsWith('.zst')) bytes = zstdStored(bytes);
  writeFileSync(path, bytes);
  return path;
}

/** A Zstandard frame of raw blocks: what any zstd reads, made without a compressor. */
function zstdStored(bytes: Uint8Array): Uint8Array {
  const parts: Buffer[] = [Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x00])]; // magic; frame header: no content size, window below
  // Frame header descriptor 0x00 needs a window descriptor byte: 2^(10+ (0x58>>3)) = 2^21 = 2 MiB window.
  parts.push(Buffer.from([0x58]));
  const BLOCK = 128 * 1024;
  for (let at = 0; at < bytes.length || at === 0; at += BLOCK) {
    const piece = bytes.subarray(at, at + BLOCK);
    const last = at + BLOCK >= bytes.length ? 1 : 0;
    const header = (piece.length << 3) | (0 << 1) | last;
    parts.push(Buffer.from([header & 0xff, (header >> 8) & 0xff, (header >> 16) & 0xff]), Buffer.from(piece));
    if (last === 1) break;
  }
  return Buffer.concat(parts);
}
