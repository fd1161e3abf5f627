import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decompress } from 'fzstd';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { formatOfName, type RecordFormat } from '../../src/records/format.js';
import { readRecords, type ArticleRecord, type FileShape } from '../../src/records/read-records.js';
import { NEWSDEDUP_FIELDS, openRecordWriter, type AddedValue } from '../../src/records/write-records.js';
import { ROOT, temporaryDirectory } from '../helpers.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'records-news');

function formatOf(path: string): RecordFormat {
  const result = formatOfName(path);
  if (!result.ok) throw new Error(`no format for ${path}`);
  return result.format;
}

async function readAll(path: string): Promise<{ shape: FileShape; records: ArticleRecord[] }> {
  let shape: FileShape | undefined;
  const records: ArticleRecord[] = [];
  for await (const outcome of readRecords(path, 'in', formatOf(path), {})) {
    if (outcome.kind === 'shape') shape = outcome.shape;
    else if (outcome.kind === 'record') records.push(outcome.record);
    else if (outcome.problem.severity === 'error') throw new Error(outcome.problem.message);
  }
  if (shape === undefined) throw new Error('no shape');
  return { shape, records };
}

const cleanedOf = (record: ArticleRecord) => (record.text === '' ? '' : `CLEANED ${record.ordinal}: ${record.text.slice(0, 12)}`);
const addedOf = (record: ArticleRecord): Record<string, AddedValue> => ({
  newsdedup_words: 10 + record.ordinal,
  newsdedup_shared_pct: 12.5,
  newsdedup_chrome_words: 0,
  newsdedup_blocks: record.ordinal === 0 ? ['b0001', 'b0002'] : [],
  newsdedup_duplicate_of: record.ordinal === 1 ? 'a-first' : null,
});

/** Reads `input`, writes it to `output` (cleaned, or unchanged with no added fields), and reads the output back. */
async function roundTrip(input: string, output: string, change: boolean) {
  const before = await readAll(input);
  const writer = await openRecordWriter(output, formatOf(output), before.shape, change ? NEWSDEDUP_FIELDS : []);
  for (const record of before.records) await writer.write(record, change ? cleanedOf(record) : record.text, change ? addedOf(record) : {});
  await writer.close();
  return { before, after: await readAll(output) };
}

function withoutText(fields: Readonly<Record<string, unknown>>, textField: string | undefined) {
  return Object.fromEntries(Object.entries(fields).filter(([key]) => key !== textField && !key.startsWith('newsdedup_')));
}

describe('openRecordWriter', () => {
  it.each(['news.jsonl', 'articles.csv', 'articles.tsv', 'story.md'])('writes %s back byte for byte when the text is unchanged', async (name) => {
    const dir = temporaryDirectory();
    await roundTrip(join(FIXTURES, name), join(dir, name), false);
    expect(readFileSync(join(dir, name), 'utf8')).toBe(readFileSync(join(FIXTURES, name), 'utf8'));
  });

  it('keeps every other byte of a JSON line, splicing only the text and appending the added fields', async () => {
    const dir = temporaryDirectory();
    const { before } = await roundTrip(join(FIXTURES, 'news.jsonl'), join(dir, 'news.jsonl'), true);
    const inputLines = readFileSync(join(FIXTURES, 'news.jsonl'), 'utf8').split('\n');
    const outputLines = readFileSync(join(dir, 'news.jsonl'), 'utf8').split('\n');
    const first = before.records[0] as ArticleRecord;
    const original = inputLines[0] as string;
    const textLiteral = JSON.stringify(first.text);
    const at = original.indexOf(textLiteral);
    expect(outputLines[0]).toBe(
      original.slice(0, at) + JSON.stringify(cleanedOf(first)) + original.slice(at + textLiteral.length, -1) +
        ', "newsdedup_words": 10, "newsdedup_shared_pct": 12.5, "newsdedup_chrome_words": 0, "newsdedup_blocks": ["b0001","b0002"], "newsdedup_duplicate_of": null}',
    );
    expect(outputLines[2]).toContain('"nested":{"a":[1,2,{"b":"}"}]},"count":7,"newsdedup_words":12,');
  });

  it.each([
    ['news.jsonl', 'news.jsonl'],
    ['news.jsonl', 'news.jsonl.gz'],
    ['news.jsonl.zst', 'news.jsonl.zst'],
    ['news.jsonl', 'news.json'],
    ['articles.csv', 'articles.csv'],
    ['articles.tsv', 'articles.tsv.gz'],
    ['articles.csv', 'articles.jsonl'],
    ['news.jsonl', 'news.parquet'],
  ])('round-trips %s to %s: every field the same but the cleaned text, plus the added fields', async (inputName, outputName) => {
    const dir = temporaryDirectory();
    const { before, after } = await roundTrip(join(FIXTURES, inputName), join(dir, outputName), true);
    expect(after.records).toHaveLength(before.records.length);
    for (const [index, record] of before.records.entries()) {
      const out = after.records[index] as ArticleRecord;
      expect(out.text).toBe(cleanedOf(record));
      expect(out.id).toBe(record.id);
      const crossesTypes = outputName.endsWith('.parquet');
      if (!crossesTypes) expect(withoutText(out.fields, out.textField)).toEqual(withoutText(record.fields, record.textField));
      else for (const [key, value] of Object.entries(withoutText(record.fields, record.textField))) expect(out.fields[key] ?? null).toEqual(typeof value === 'string' || value === null || value === undefined ? (value ?? null) : JSON.stringify(value));
      expect(Number(out.fields['newsdedup_words'])).toBe(10 + index);
      expect(Number(out.fields['newsdedup_shared_pct'])).toBe(12.5);
    }
  });

  it('writes added lists as JSON arrays in JSON, and as space-separated ids in CSV', async () => {
    const dir = temporaryDirectory();
    const { after: json } = await roundTrip(join(FIXTURES, 'articles.csv'), join(dir, 'a.jsonl'), true);
    expect(json.records[0]?.fields['newsdedup_blocks']).toEqual(['b0001', 'b0002']);
    expect(json.records[1]?.fields['newsdedup_duplicate_of']).toBe('a-first');
    expect(json.records[0]?.fields['newsdedup_duplicate_of']).toBeNull();
    const { after: csv } = await roundTrip(join(FIXTURES, 'articles.csv'), join(dir, 'a.csv'), true);
    expect(csv.records[0]?.fields['newsdedup_blocks']).toBe('b0001 b0002');
    expect(csv.records[0]?.fields['newsdedup_duplicate_of']).toBe('');
    expect(readFileSync(join(dir, 'a.csv'), 'utf8').split('\n')[0]).toBe('id,headline,body,published,outlet,score,newsdedup_words,newsdedup_shared_pct,newsdedup_chrome_words,newsdedup_blocks,newsdedup_duplicate_of');
  });

  it('replaces the added fields, rather than adding them twice, when run on its own output', async () => {
    const dir = temporaryDirectory();
    await roundTrip(join(FIXTURES, 'news.jsonl'), join(dir, 'once.jsonl'), true);
    await roundTrip(join(dir, 'once.jsonl'), join(dir, 'twice.jsonl'), true);
    const line = readFileSync(join(dir, 'twice.jsonl'), 'utf8').split('\n')[0] as string;
    expect(line.match(/"newsdedup_words"/g)).toHaveLength(1);
    await roundTrip(join(dir, 'once.jsonl'), join(dir, 'once.csv'), true);
    await roundTrip(join(dir, 'once.csv'), join(dir, 'twice.csv'), true);
    expect(readFileSync(join(dir, 'twice.csv'), 'utf8').split('\n')[0]?.match(/newsdedup_words/g)).toHaveLength(1);
  });

  it('keeps the escaping of a JSON line whose text was written as ASCII', async () => {
    const dir = temporaryDirectory();
    const input = join(dir, 'ascii.jsonl');
    writeFileSync(input, '{"text": "It\\u2019s here", "id": "x"}\n');
    const { records } = await readAll(input);
    const writer = await openRecordWriter(join(dir, 'out.jsonl'), formatOf('out.jsonl'), (await readAll(input)).shape, []);
    await writer.write(records[0] as ArticleRecord, 'It’s gone', {});
    await writer.close();
    expect(readFileSync(join(dir, 'out.jsonl'), 'utf8')).toBe('{"text": "It\\u2019s gone", "id": "x"}\n');
  });

  it('writes .gz and .zst outputs that any decoder reads', async () => {
    const dir = temporaryDirectory();
    await roundTrip(join(FIXTURES, 'news.jsonl'), join(dir, 'a.jsonl.gz'), false);
    await roundTrip(join(FIXTURES, 'news.jsonl'), join(dir, 'a.jsonl.zst'), false);
    const original = readFileSync(join(FIXTURES, 'news.jsonl'));
    expect(gunzipSync(readFileSync(join(dir, 'a.jsonl.gz'))).equals(original)).toBe(true);
    expect(Buffer.from(decompress(readFileSync(join(dir, 'a.jsonl.zst')))).equals(original)).toBe(true);
  });

  it('round-trips Parquet: the schema and every value but the text, with the added columns after', async () => {
    const dir = temporaryDirectory();
    const input = join(dir, 'in.parquet');
    const buffer = parquetWriteBuffer({
      columnData: [
        { name: 'id', data: ['p1', 'p2', 'p3'], type: 'STRING' },
        { name: 'text', data: ['First text here.', 'Second text.', null], type: 'STRING' },
        { name: 'views', data: [1, 2, 3], type: 'INT32' },
        { name: 'bytes', data: [10n, 20n, 9007199254740993n], type: 'INT64' },
        { name: 'score', data: [0.5, null, 2.25], type: 'DOUBLE' },
        { name: 'live', data: [true, false, true], type: 'BOOLEAN' },
      ],
    });
    writeFileSync(input, new Uint8Array(buffer));
    const output = join(dir, 'out.parquet');
    const { before } = await roundTrip(input, output, true);
    const bytes = readFileSync(output);
    const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    const metadata = parquetMetadata(arrayBuffer);
    const inputBytes = readFileSync(input);
    const inputMetadata = parquetMetadata(inputBytes.buffer.slice(inputBytes.byteOffset, inputBytes.byteOffset + inputBytes.byteLength));
    expect(metadata.schema.slice(1, 7)).toEqual(inputMetadata.schema.slice(1, 7));
    expect(metadata.schema.slice(7).map((element) => element.name)).toEqual(NEWSDEDUP_FIELDS.map((field) => field.name));
    const rows = await parquetReadObjects({ file: arrayBuffer });
    expect(rows.map((row) => [row['id'], row['text'], row['views'], row['bytes'], row['score'], row['live'], row['newsdedup_blocks']])).toEqual([
      ['p1', cleanedOf(before.records[0] as ArticleRecord), 1, 10n, 0.5, true, 'b0001 b0002'],
      ['p2', cleanedOf(before.records[1] as ArticleRecord), 2, 20n, null, false, ''],
      ['p3', null, 3, 9007199254740993n, 2.25, true, ''],
    ]);
  });
});
