import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { FieldOptions } from '../../src/records/fields.js';
import { formatOfName, type RecordFormat } from '../../src/records/format.js';
import { decodedText, decodeLenient, readRecords, type ArticleRecord, type RecordOutcome } from '../../src/records/read-records.js';
import fc from 'fast-check';
import type { Problem } from '../../src/types.js';
import { ROOT, temporaryDirectory } from '../helpers.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'records-news');

function formatOf(path: string): RecordFormat {
  const result = formatOfName(path);
  if (!result.ok) throw new Error(`no format for ${path}`);
  return result.format;
}

async function readAll(path: string, options: FieldOptions = {}) {
  const outcomes: RecordOutcome[] = [];
  for await (const outcome of readRecords(path, path.split('/').pop() ?? path, formatOf(path), options)) outcomes.push(outcome);
  const records: ArticleRecord[] = [];
  const problems: Problem[] = [];
  for (const outcome of outcomes) {
    if (outcome.kind === 'record') {
      records.push(outcome.record);
      if (outcome.warning !== undefined) problems.push(outcome.warning);
    } else if (outcome.kind === 'problem') problems.push(outcome.problem);
  }
  return { outcomes, records, problems };
}

function write(dir: string, name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('readRecords', () => {
  it('reads scraped news records with the default fields', async () => {
    const { outcomes, records, problems } = await readAll(join(FIXTURES, 'news.jsonl'));
    expect(outcomes[0]).toMatchObject({ kind: 'shape', fields: { text: 'content', id: 'link', title: 'title', date: 'date_published', source: 'source' } });
    expect(problems).toEqual([]);
    expect(records.map((record) => [record.ordinal, record.location, record.id, record.source, record.date?.ms])).toEqual([
      [0, 1, 'https://www.coastalwire.example/business/harbour-cranes/', 'Coastal Wire', Date.UTC(2025, 2, 3, 9, 30)],
      [1, 2, 'https://www.coastalwire.example/national/river-flows/', 'Coastal Wire', undefined],
      // No source field value: the host of the link stands in.
      [2, 3, 'https://news.example.org/compact', 'news.example.org', undefined],
    ]);
    expect(records[0]?.text.startsWith('PORTVILLE, Mar 3: The eastern port')).toBe(true);
    expect(records[0]?.title).toBe('Harbour crane fleet doubles at eastern port');
    expect(records[2]?.text).toBe('A short item written compactly, with "quotes" and a tab\there.');
  });

  it('reads a zstd-compressed file made by the zstd tool', async () => {
    const plain = await readAll(join(FIXTURES, 'news.jsonl'));
    const compressed = await readAll(join(FIXTURES, 'news.jsonl.zst'));
    expect(compressed.problems).toEqual([]);
    expect(compressed.records).toEqual(plain.records);
  });

  it('reads a gzip-compressed file as the same records', async () => {
    const dir = temporaryDirectory();
    const path = write(dir, 'news.jsonl.gz', gzipSync(readFileSync(join(FIXTURES, 'news.jsonl'))));
    const plain = await readAll(join(FIXTURES, 'news.jsonl'));
    expect((await readAll(path)).records).toEqual(plain.records);
  });

  it('reads an empty compressed file as an empty plain one: no records, a warning that says so', async () => {
    const dir = temporaryDirectory();
    for (const name of ['empty.jsonl', 'empty.jsonl.gz', 'empty.jsonl.zst', 'empty.csv.gz']) {
      const { records, problems } = await readAll(write(dir, name, ''));
      expect([name, records, problems.map((problem) => problem.code)]).toEqual([name, [], ['W_NO_RECORDS']]);
    }
  });

  it('reports a malformed JSON line with file and line, and goes on with the other records', async () => {
    const dir = temporaryDirectory();
    const path = write(dir, 'bad.jsonl', '{"text": "one"}\n\n{"text": "two",\n[1, 2]\n{"text": "three"}\n');
    const { records, problems } = await readAll(path);
    expect(records.map((record) => [record.text, record.location, record.id])).toEqual([
      ['one', 1, 'bad.jsonl:1'],
      ['three', 5, 'bad.jsonl:5'],
    ]);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatchObject({ path: 'bad.jsonl', code: 'E_RECORD_SYNTAX', severity: 'error' });
    expect(problems[0]?.message).toMatch(/^`bad\.jsonl` line 3: not valid JSON \(.+\); skipped\.$/);
    expect(problems[1]?.message).toBe('`bad.jsonl` line 4: a JSON array, not an object; skipped.');
  });

  it('reports a CSV row with the wrong number of fields at the line it starts, and goes on', async () => {
    const dir = temporaryDirectory();
    const path = write(dir, 'rows.csv', 'id,text\n1,"first\nrow"\n2,too,many\n3,third\n');
    const { records, problems } = await readAll(path);
    expect(records.map((record) => [record.id, record.text, record.location])).toEqual([
      ['1', 'first\nrow', 2],
      ['3', 'third', 5],
    ]);
    expect(problems).toEqual([{ path: 'rows.csv', code: 'E_RECORD_SYNTAX', severity: 'error', message: '`rows.csv` line 4: 3 fields where the header has 2; skipped.', line: 4 }]);
  });

  it.each([
    ['an empty JSON Lines file', 'empty.jsonl', ''],
    ['a JSON Lines file of blank lines', 'blank.jsonl', '\n  \n\n'],
    ['an empty JSON array', 'empty.json', '[]'],
    ['a CSV of a header alone', 'header.csv', 'id,text\n'],
  ])('warns that %s holds no records, rather than say nothing', async (_, name, content) => {
    const { records, problems } = await readAll(write(temporaryDirectory(), name, content));
    expect(records).toEqual([]);
    expect(problems.map((problem) => [problem.code, problem.severity, problem.message])).toEqual([['W_NO_RECORDS', 'warning', `\`${name}\` holds no records; it adds no article.`]]);
  });

  it.each(['empty.jsonl', 'empty.csv'])('warns that %s holds no records when a text field is named too, rather than that the field is missing', async (name) => {
    const { records, problems } = await readAll(write(temporaryDirectory(), name, ''), { textField: 'story_body' });
    expect(records).toEqual([]);
    expect(problems.map((problem) => problem.code)).toEqual(['W_NO_RECORDS']);
  });

  it('says nothing of "no records" in a file whose records are all bad: each bad one is reported', async () => {
    const { records, problems } = await readAll(write(temporaryDirectory(), 'bad.csv', 'id,text\n1,"unclosed\n'));
    expect(records).toEqual([]);
    expect(problems.map((problem) => problem.code)).not.toContain('W_NO_RECORDS');
    expect(problems.length).toBeGreaterThan(0);
  });

  it('reads a record with no text field, or an empty one, as an article of 0 words with a warning', async () => {
    const dir = temporaryDirectory();
    const path = write(dir, 'gaps.jsonl', '{"id": 1, "text": "words"}\n{"id": 2}\n{"id": 3, "text": ""}\n{"id": 4, "text": null}\n{"id": 5, "text": 12}\n');
    const { records, problems } = await readAll(path);
    expect(records.map((record) => [record.id, record.text, record.textField])).toEqual([
      ['1', 'words', 'text'],
      ['2', '', undefined],
      ['3', '', 'text'],
      ['4', '', undefined],
      ['5', '', undefined],
    ]);
    expect(problems.map((problem) => [problem.code, problem.severity, problem.message])).toEqual([
      ['W_NO_TEXT', 'warning', '`gaps.jsonl` line 2 has no `text`; read as an article of 0 words.'],
      ['W_NO_TEXT', 'warning', '`gaps.jsonl` line 3 has an empty `text`; read as an article of 0 words.'],
      ['W_NO_TEXT', 'warning', '`gaps.jsonl` line 4 has a `text` of null; read as an article of 0 words.'],
      ['W_NO_TEXT', 'warning', '`gaps.jsonl` line 5 has a `text` that is not a string; read as an article of 0 words.'],
    ]);
  });

  it('warns once a file where records give a date it does not read, naming the first, and reads them undated', async () => {
    const path = write(temporaryDirectory(), 'dated.csv', 'id,published,text\n1,10/03/2025,One.\n2,2025-03-11,Two.\n3,11/03/2025,Three.\n4,,Four.\n');
    const { records, problems } = await readAll(path);
    expect(records.map((record) => record.date?.ms === undefined)).toEqual([true, false, true, true]);
    expect(problems.map((problem) => [problem.code, problem.severity, problem.message])).toEqual([
      ['W_NO_DATE', 'warning', '`dated.csv` has 2 records whose `published` is no date newsdedup reads (first at line 2: `10/03/2025`); they are read as undated. Dates read: 2025-03-10 or 2025-03-10T08:00:00Z; Mon, 10 Mar 2025 08:00:00 +0000; March 10, 2025; 10 March 2025.'],
    ]);
  });

  it('gives one error, listing its fields, for a file none of whose fields is a text field, not a warning per record', async () => {
    const dir = temporaryDirectory();
    const path = write(dir, 'pages.csv', 'id,title,body_html\n1,First,<p>one</p>\n2,Second,<p>two</p>\n3,Third,<p>three</p>\n');
    const { records, problems } = await readAll(path);
    expect(records).toEqual([]);
    expect(problems).toEqual([
      { path: 'pages.csv', code: 'E_RECORD_FIELD', severity: 'error', message: '`pages.csv` has no text field (`text`, `content`, `body`, `article`; name one with --text-field); it has `id`, `title`, `body_html`; skipped.' },
    ]);
  });

  it('says which records it looked at when a long JSON Lines file opens without a text field', async () => {
    const dir = temporaryDirectory();
    const lines = Array.from({ length: 150 }, (_, i) => JSON.stringify(i < 120 ? { id: i, body_html: '<p>x</p>' } : { id: i, text: 'Late text.' }));
    const { records, problems } = await readAll(write(dir, 'late.jsonl', `${lines.join('\n')}\n`));
    expect(records).toEqual([]);
    expect(problems.map((problem) => problem.message)).toEqual(['`late.jsonl` has no text field (`text`, `content`, `body`, `article`; name one with --text-field); its first 100 records have `id`, `body_html`; skipped.']);
  });

  it('gives an error for a .jsonl file that holds no JSON, never a one-article read', async () => {
    const dir = temporaryDirectory();
    const path = write(dir, 'prose.jsonl', 'This is an article in plain text.\nIt has two lines.\n');
    const { records, problems, outcomes } = await readAll(path);
    expect(records).toEqual([]);
    expect(outcomes.some((outcome) => outcome.kind === 'shape')).toBe(false);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ path: 'prose.jsonl', code: 'E_RECORD_FORMAT', severity: 'error' });
    expect(problems[0]?.message).toMatch(/^`prose\.jsonl` holds no JSON Lines: line 1: not valid JSON \(.+\); skipped\.$/);
  });

  it.each(['tool.csv', 'tool.jsonl', 'tool.json', 'tool.jsonl.gz'])('refuses a binary file named %j as binary, in one line, reading no record', async (name) => {
    const dir = temporaryDirectory();
    // An executable's first bytes: a magic number, then NUL bytes.
    const binary = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0]), Buffer.from('text,id\n"a",1\n')]);
    const { records, problems } = await readAll(write(dir, name, name.endsWith('.gz') ? gzipSync(binary) : binary));
    expect(records).toEqual([]);
    expect(problems).toEqual([{ path: name, code: 'E_BINARY', severity: 'error', message: `Cannot use \`${name}\`: control bytes from byte 0 mean it is binary, not text; skipped.` }]);
  });

  it('reads on past one stray NUL byte in a record: that record’s own problem, not a binary file', async () => {
    const dir = temporaryDirectory();
    const lines = Array.from({ length: 50 }, (_, index) => JSON.stringify({ id: index, text: `Article ${index} says something.` }));
    lines[3] = '{"id": 3, "text": "Article 3 \u0000 is damaged."';
    const { records, problems } = await readAll(write(dir, 'stray.jsonl', `${lines.join('\n')}\n`));
    expect(records).toHaveLength(49);
    expect(problems.map((problem) => [problem.code, problem.line])).toEqual([['E_RECORD_SYNTAX', 4]]);
  });

  it('says a UTF-16 file of records, with its byte-order mark or without, is UTF-16, to save as UTF-8, rather than calling it binary', async () => {
    const dir = temporaryDirectory();
    for (const [name, bytes] of [
      ['wide.jsonl', Buffer.from('\ufeff{"text": "hello"}\n', 'utf16le')],
      ['unmarked.csv', Buffer.from('id,text\n1,"hello there, a short article"\n', 'utf16le')],
    ] as const) {
      const { records, problems } = await readAll(write(dir, name, bytes));
      expect(records).toEqual([]);
      expect(problems).toEqual([{ path: name, code: 'E_RECORD_FORMAT', severity: 'error', message: `\`${name}\` is UTF-16, and files of records are read as UTF-8: save it as UTF-8; skipped.` }]);
    }
  });

  it('gives an error for a .json file that is an object, not an array', async () => {
    const dir = temporaryDirectory();
    const { records, problems } = await readAll(write(dir, 'one.json', '{"text": "a"}'));
    expect(records).toEqual([]);
    expect(problems).toEqual([{ path: 'one.json', code: 'E_RECORD_FORMAT', severity: 'error', message: '`one.json` holds no JSON array of records: line 1: a JSON object, not an array of records; skipped.' }]);
  });

  it('reads a JSON array, with ids by row when there is no id field', async () => {
    const dir = temporaryDirectory();
    const { records, problems } = await readAll(write(dir, 'all.json', '[{"body": "first"},\n {"body": "second", "title": 7}]'));
    expect(problems).toEqual([]);
    expect(records.map((record) => [record.id, record.text, record.title, record.location])).toEqual([
      ['all.json#1', 'first', undefined, 1],
      ['all.json#2', 'second', '7', 2],
    ]);
  });

  it('gives a one-line error for a truncated .gz file, keeping the records before it', async () => {
    const dir = temporaryDirectory();
    const lines = Array.from({ length: 2000 }, (_, index) => JSON.stringify({ id: index, text: `Article ${index} says something about item ${index * 7}.` })).join('\n');
    const whole = gzipSync(lines);
    const path = write(dir, 'cut.jsonl.gz', whole.subarray(0, Math.floor(whole.length * 0.6)));
    const { records, problems } = await readAll(path);
    expect(records.length).toBeLessThan(2000);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ path: 'cut.jsonl.gz', code: 'E_COMPRESSED', severity: 'error' });
    expect(problems[0]?.message).toMatch(new RegExp(`^\`cut\\.jsonl\\.gz\`: gzip data is cut short or corrupt \\(.+\\); the ${records.length} records before it were read\\.$`));
    expect(problems[0]?.message).not.toContain('\n');
  });

  it('keeps the whole records before the damage in a small truncated .gz file, as far as it decodes', async () => {
    const dir = temporaryDirectory();
    const lines = Array.from({ length: 10 }, (_, index) => JSON.stringify({ id: index, text: `Record ${index} says the harbour reopened after the storm.` })).join('\n');
    const whole = gzipSync(`${lines}\n`);
    const path = write(dir, 'small.jsonl.gz', whole.subarray(0, whole.length - 12));
    const { records, problems } = await readAll(path);
    expect(records.length).toBeGreaterThanOrEqual(8);
    expect(records.length).toBeLessThan(10);
    expect(problems[0]?.message).toContain(`the ${records.length} records before it were read`);
  });

  it('gives a one-line error for a truncated .zst file', async () => {
    const dir = temporaryDirectory();
    const whole = readFileSync(join(FIXTURES, 'news.jsonl.zst'));
    const path = write(dir, 'cut.jsonl.zst', whole.subarray(0, whole.length - 40));
    const { problems } = await readAll(path);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ path: 'cut.jsonl.zst', code: 'E_COMPRESSED', severity: 'error' });
    expect(problems[0]?.message).toMatch(/^`cut\.jsonl\.zst`: zstd data is cut short or corrupt \(.+\); the 0 records before it were read\.$/);
  });

  it('gives a one-line error for a named field that the file does not have', async () => {
    const { records, problems } = await readAll(join(FIXTURES, 'articles.csv'), { textField: 'story' });
    expect(records).toEqual([]);
    expect(problems).toEqual([
      { path: 'articles.csv', code: 'E_RECORD_FIELD', severity: 'error', message: '`articles.csv` has no field `story` (--text-field); it has `id`, `headline`, `body`, `published`, `outlet`, `score`; skipped.' },
    ]);
  });

  it('reads CSV with the default fields and plain dates', async () => {
    const { records, problems } = await readAll(join(FIXTURES, 'articles.csv'));
    expect(records.map((record) => [record.id, record.title, record.date?.ms, record.source, record.location])).toEqual([
      ['a1', 'Market opens, then dips', Date.UTC(2025, 0, 2), 'Ledger Daily', 2],
      ['a2', 'Rain delays the final', Date.UTC(2025, 0, 3), 'Sports Page', 4],
      ['a3', 'Empty body', Date.UTC(2025, 0, 4), 'Ledger Daily', 5],
    ]);
    expect(records[0]?.text).toBe('Shares opened higher on Monday.\nTraders then sold ahead of the holiday.');
    expect(problems.map((problem) => problem.message)).toEqual(['`articles.csv` line 5 has an empty `body`; read as an article of 0 words.']);
  });

  it('reads Markdown front matter as metadata, not text, with the body\'s offset', async () => {
    const path = join(FIXTURES, 'story.md');
    const { records } = await readAll(path);
    const whole = readFileSync(path, 'utf8');
    expect(records).toHaveLength(1);
    const record = records[0] as ArticleRecord;
    expect(record.text.startsWith('The town council voted')).toBe(true);
    expect(whole.slice(record.textStart)).toBe(record.text);
    expect([record.id, record.title, record.source, record.date?.ms]).toEqual(['story.md', 'Town council approves the new bridge', 'Valley Herald', Date.UTC(2025, 1, 11)]);
  });

  it('never modifies the input on disk', async () => {
    const dir = temporaryDirectory();
    mkdirSync(join(dir, 'in'));
    const path = write(dir, 'in/news.jsonl', readFileSync(join(FIXTURES, 'news.jsonl')));
    const before = { bytes: readFileSync(path), mtime: statSync(path).mtimeMs };
    await readAll(path);
    expect(readFileSync(path).equals(before.bytes)).toBe(true);
    expect(statSync(path).mtimeMs).toBe(before.mtime);
  });

  it('streams a large .jsonl.gz with bounded memory', async () => {
    const dir = temporaryDirectory();
    const paragraph = 'The committee met again on Thursday to discuss the budget, and members said more talks would follow. '.repeat(20);
    const count = 25_000;
    const lines: string[] = [];
    for (let index = 0; index < count; index += 1) lines.push(JSON.stringify({ id: `n${index}`, text: `${index} ${paragraph}` }));
    const raw = Buffer.from(lines.join('\n') + '\n');
    lines.length = 0;
    expect(raw.length).toBeGreaterThan(50_000_000);
    const path = write(dir, 'big.jsonl.gz', gzipSync(raw, { level: 1 }));
    global.gc?.();
    const start = process.memoryUsage().heapUsed;
    let peak = start;
    let read = 0;
    for await (const outcome of readRecords(path, 'big.jsonl.gz', formatOf(path), {})) {
      if (outcome.kind !== 'record') continue;
      read += 1;
      if (read % 1000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    expect(read).toBe(count);
    // Loosely: the 50 MB text never stands in memory at once (garbage may lag behind).
    expect(peak - start).toBeLessThan(raw.length * 0.6);
  });
});

describe('records that are not UTF-8', () => {
  // "Café owners in Zürich react – “calm”." in Windows-1252.
  const legacy = Buffer.from([...Buffer.from('Caf'), 0xe9, ...Buffer.from(' owners in Z'), 0xfc, ...Buffer.from('rich react '), 0x96, 0x20, 0x93, ...Buffer.from('calm'), 0x94, 0x2e]);
  const decoded = 'Café owners in Zürich react – “calm”.';

  it('reads a JSON line that is not UTF-8 as Windows-1252, as a text file is, and says at which line', async () => {
    const dir = temporaryDirectory();
    const path = write(dir, 'legacy.jsonl', Buffer.concat([Buffer.from('{"id":"a","text":"Plain first line."}\n{"id":"b","title":"Caf'), Buffer.from([0xe9]), Buffer.from('","text":"'), legacy, Buffer.from('"}\n')]));
    const { records, problems } = await readAll(path);
    expect(records.map((record) => record.text)).toEqual(['Plain first line.', decoded]);
    expect(records[1]?.title).toBe('Café');
    expect(problems).toEqual([{ path: 'legacy.jsonl', code: 'W_NOT_UTF8', severity: 'warning', message: '`legacy.jsonl` is not valid UTF-8, first at line 2; its bytes that are not were read as Windows-1252, and it is written back as UTF-8.' }]);
  });

  it('reads a CSV file that is not UTF-8 as Windows-1252, and says at which byte', async () => {
    const dir = temporaryDirectory();
    const path = write(dir, 'legacy.csv', Buffer.concat([Buffer.from('id,title,text\r\nc1,Caf'), Buffer.from([0xe9]), Buffer.from(',"'), legacy, Buffer.from('"\r\n')]));
    const { records, problems } = await readAll(path);
    expect(records.map((record) => [record.title, record.text])).toEqual([['Café', decoded]]);
    expect(problems).toEqual([expect.objectContaining({ code: 'W_NOT_UTF8', message: expect.stringContaining('first at byte 21;') })]);
  });

  it('reads a UTF-8 CSV with one stray legacy byte: only that byte is read as Windows-1252', async () => {
    const dir = temporaryDirectory();
    const path = write(dir, 'mostly.csv', Buffer.concat([Buffer.from('id,text\nc1,"Caf'), Buffer.from([0xe9]), Buffer.from('"\nc2,"Zürich – “calm”, and a mid-file \ufeffmark."\n')]));
    const { records, problems } = await readAll(path);
    expect(records.map((record) => record.text)).toEqual(['Café', 'Zürich – “calm”, and a mid-file \ufeffmark.']);
    expect(problems).toEqual([expect.objectContaining({ code: 'W_NOT_UTF8', message: expect.stringContaining('first at byte 15;') })]);
  });

  it('decodes any bytes cut anywhere into chunks as the whole file is decoded, and tells the first bad byte', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 40 }), fc.boolean(), fc.array(fc.nat(60), { maxLength: 6 }), async (body, bom, cuts) => {
        const bytes = Buffer.concat([Buffer.from(bom ? [0xef, 0xbb, 0xbf] : []), body]);
        const at = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
        const chunks = [0, ...at].map((from, i) => bytes.subarray(from, [...at, bytes.length][i]));
        const invalid: number[] = [];
        const boms: boolean[] = [];
        let joined = '';
        for await (const piece of decodedText((async function* () { yield* chunks; })(), (seen) => boms.push(seen), (byte) => invalid.push(byte))) joined += piece;
        const whole = decodeLenient(body);
        expect(joined).toBe(whole.text);
        expect(invalid[0] ?? -1).toBe(whole.invalidAt < 0 ? -1 : whole.invalidAt + (bom ? 3 : 0));
        expect(boms).toEqual([bom]);
      }),
      { numRuns: 1000 },
    );
  });

  it('decodes UTF-8 cut anywhere into chunks as a whole, with no warning', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.array(fc.nat(200), { maxLength: 6 }), async (text, cuts) => {
        const bytes = Buffer.from(`\ufeff${text}`);
        const at = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
        const chunks = [0, ...at].map((from, i) => bytes.subarray(from, [...at, bytes.length][i]));
        const invalid: number[] = [];
        let joined = '';
        for await (const piece of decodedText((async function* () { yield* chunks; })(), () => undefined, (byte) => invalid.push(byte))) joined += piece;
        expect(joined).toBe(text);
        expect(invalid).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});
