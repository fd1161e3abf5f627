import { describe, expect, it } from 'vitest';
import { extensionOf, formatOfName, recordFormatOf } from '../../src/records/format.js';

describe('recordFormatOf', () => {
  it.each([
    ['a.txt', 'text', 'none'],
    ['notes/a.md', 'markdown', 'none'],
    ['news.jsonl', 'jsonl', 'none'],
    ['news.ndjson', 'jsonl', 'none'],
    ['NEWS.JSONL.GZ', 'jsonl', 'gzip'],
    ['news.jsonl.zst', 'jsonl', 'zstd'],
    ['dump.json', 'json', 'none'],
    ['dump.json.gz', 'json', 'gzip'],
    ['table.csv', 'csv', 'none'],
    ['table.tsv.zst', 'tsv', 'zstd'],
    ['rows.parquet', 'parquet', 'none'],
    ['a.txt.gz', 'text', 'gzip'],
  ] as const)('reads %s as %s, compression %s', (name, kind, compression) => {
    expect(recordFormatOf(name)).toEqual({ kind, compression });
  });

  it.each(['image.png', 'archive.gz', 'README', 'data.xml.gz', 'a.jsonl.bz2'])('does not read %s', (name) => {
    expect(recordFormatOf(name)).toBeUndefined();
    expect(formatOfName(name)).toEqual({ ok: false, reason: 'unsupported' });
  });

  it('refuses a compressed Parquet file with a reason', () => {
    const result = formatOfName('rows.parquet.gz');
    expect(result.ok).toBe(false);
    expect(result).toMatchObject({ reason: 'refused' });
    expect(!result.ok && result.reason === 'refused' ? result.message : '').toMatch(/`rows\.parquet\.gz`.*Parquet compresses/);
  });
});

describe('extensionOf', () => {
  it('gives the extension back, compression included', () => {
    expect(extensionOf({ kind: 'jsonl', compression: 'gzip' })).toBe('.jsonl.gz');
    expect(extensionOf({ kind: 'tsv', compression: 'none' })).toBe('.tsv');
  });
});
