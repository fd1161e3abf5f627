/**
 * The output edge for files of records: each input file is streamed again (`readRecords`) and each
 * record written (`openRecordWriter`) with its cleaned text, read back from the apply pass's spool,
 * and the fields newsdedup adds. What each record gets is decided by the caller.
 */
import { mkdir, open } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { FieldOptions } from '../records/fields.js';
import type { RecordFormat } from '../records/format.js';
import type { AddedValue } from '../records/write-records.js';
import type { RecordFile } from './spool.js';
import { readRecords } from '../records/read-records.js';
import { openRecordWriter } from '../records/write-records.js';

/** A cleaned record's text: bytes `[offset, offset + length)` of the apply pass's spool file of shard `shard`. */
export interface SpooledText {
  readonly shard: number;
  readonly offset: number;
  readonly length: number;
}

/** Where one input file of records is written, and in which format. */
export interface RecordOutput {
  readonly file: RecordFile;
  readonly target: string;
  readonly format: RecordFormat;
}

/** What one record is written with; `id` must match the record's as read again, else the file changed. */
export interface RecordWrite {
  readonly id: string | undefined;
  readonly cleaned: SpooledText;
  readonly added: Readonly<Record<string, AddedValue>>;
}

/** Bytes of a cleaned-texts spool read at a time. */
const SPOOL_CHUNK = 1 << 20;

/** The spool file of shard `shard`'s cleaned record texts. */
export function cleanedSpoolPath(spool: string, shard: number): string {
  return join(spool, `cleaned-${shard}.txt`);
}

/**
 * Writes every file of records. `recordFor(file, ordinal)` says what a record is written with, or
 * `undefined` to leave it out (a record the run could not use). Gives the files whose records
 * changed since the first pass (their changed records are left out).
 */
export async function writeRecords(outputs: readonly RecordOutput[], fields: FieldOptions, spool: string, recordFor: (file: number, ordinal: number) => RecordWrite | undefined): Promise<RecordFile[]> {
  // Records come in spool order within a shard: its texts are read a megabyte at a time, not with
  // a read (a trip through the thread pool) for each record.
  let shard: { index: number; handle: Awaited<ReturnType<typeof open>>; chunk: Buffer; from: number; length: number } | undefined;
  const cleanedText = async (at: SpooledText): Promise<string> => {
    if (shard?.index !== at.shard) {
      await shard?.handle.close();
      shard = { index: at.shard, handle: await open(cleanedSpoolPath(spool, at.shard), 'r'), chunk: Buffer.alloc(0), from: 0, length: 0 };
    }
    if (at.offset < shard.from || at.offset + at.length > shard.from + shard.length) {
      const size = Math.max(at.length, SPOOL_CHUNK);
      if (shard.chunk.length < size) shard.chunk = Buffer.alloc(size);
      const { bytesRead } = await shard.handle.read(shard.chunk, 0, size, at.offset);
      shard.from = at.offset;
      shard.length = bytesRead;
    }
    const start = at.offset - shard.from;
    return shard.chunk.toString('utf8', start, start + at.length);
  };
  const changedFiles: RecordFile[] = [];
  try {
    for (const [fileIndex, { file, target, format }] of outputs.entries()) {
      await mkdir(dirname(target), { recursive: true });
      let writer: Awaited<ReturnType<typeof openRecordWriter>> | undefined;
      let changed = false;
      try {
        for await (const outcome of readRecords(file.absolute, file.path, file.format, fields)) {
          if (outcome.kind === 'shape') {
            writer = await openRecordWriter(target, format, outcome.shape);
            continue;
          }
          if (outcome.kind !== 'record' || writer === undefined) continue;
          const write = recordFor(fileIndex, outcome.record.ordinal);
          if (write === undefined) continue;
          if (write.id !== outcome.record.id) {
            changed = true;
            continue;
          }
          await writer.write(outcome.record, await cleanedText(write.cleaned), write.added);
        }
      } finally {
        await writer?.close();
      }
      if (changed) changedFiles.push(file);
    }
  } finally {
    await shard?.handle.close();
  }
  return changedFiles;
}
