/**
 * Files of records end to end, through the CLI in-process: every format round-trips through
 * `clean`, bad input is a problem naming file and line, and the metadata is used.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { main } from '../src/main.js';
import { readRecords } from '../src/records/read-records.js';
import { formatOfName } from '../src/records/format.js';
import type { Report } from '../src/types.js';
import { captureIo, temporaryDirectory } from './helpers.js';
import { jsonlOf, seedRecords, writeSeedRecords } from './records-corpus.js';

async function run(cwd: string, ...argv: string[]) {
  const captured = captureIo(cwd);
  const code = await main(argv, captured.io);
  return { code, stdout: captured.stdout, stderr: captured.stderr };
}

/** Every record of a file, as `readRecords` parses it, with `newsdedup_*` fields apart. */
async function recordsOf(path: string) {
  const named = formatOfName(path);
  if (!named.ok) throw new Error(`not a records file: ${path}`);
  const records: { fields: Record<string, unknown>; text: string; added: Record<string, unknown> }[] = [];
  for await (const outcome of readRecords(path, path, named.format, { textField: 'body' })) {
    if (outcome.kind !== 'record') continue;
    const fields: Record<string, unknown> = {};
    const added: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(outcome.record.fields)) {
      if (key.startsWith('newsdedup_')) added[key] = value;
      else if (key !== 'body') fields[key] = value;
    }
    records.push({ fields, text: outcome.record.text, added });
  }
  return records;
}

const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('clean: files of records round-trip', () => {
  it.each(['news.jsonl', 'news.json', 'news.csv', 'news.tsv', 'news.parquet', 'news.jsonl.gz', 'news.csv.zst'])(
    '%s: every field as it was but the cleaned text, with the added fields, and the input untouched',
    async (name) => {
      const cwd = temporaryDirectory();
      const input = writeSeedRecords(cwd, name);
      const before = sha(input);
      const result = await run(cwd, 'clean', name, '--out', 'out', '--text-field', 'body', '--format', 'json');
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(sha(input)).toBe(before);
      const report = JSON.parse(result.stdout) as Report;
      const inputs = await recordsOf(input);
      const outputs = await recordsOf(join(cwd, 'out', name));
      expect(outputs.map((record) => record.fields)).toEqual(inputs.map((record) => record.fields));
      // The seed's background block is collapsed somewhere, and its own text stays elsewhere.
      expect(report.totals.blocks).toBeGreaterThan(0);
      outputs.forEach((record, index) => {
        const article = report.articles[index]!;
        expect(article.path).toBe(`${name}#s${index}`);
        expect(article.id).toBe(`s${index}`);
        expect(article.title).toBe(`Seed “${index}”, with a comma`);
        expect(Number(record.added['newsdedup_words'])).toBe(article.words);
        expect(Number(record.added['newsdedup_shared_pct'])).toBe(article.sharedPct);
        const blocks = record.added['newsdedup_blocks'];
        expect(Array.isArray(blocks) ? blocks : String(blocks ?? '').split(' ').filter(Boolean)).toEqual(article.blocks);
        const collapsed = article.spans.some((span) => span.kind === 'block');
        if (!collapsed && article.chromeWords === 0) expect(record.text).toBe(inputs[index]!.text);
      });
      expect(outputs.some((record) => record.text.includes('[shared block '))).toBe(true);
    },
  );

  it('keeps a JSON line byte for byte but for the text literal, and adds the fields after the last member', async () => {
    const cwd = temporaryDirectory();
    writeSeedRecords(cwd, 'news.jsonl');
    expect((await run(cwd, 'clean', 'news.jsonl', '--out', 'out', '--text-field', 'body', '--keep', 'none')).code).toBe(0);
    const inputLines = readFileSync(join(cwd, 'news.jsonl'), 'utf8').split('\n');
    const outputLines = readFileSync(join(cwd, 'out', 'news.jsonl'), 'utf8').split('\n');
    inputLines.forEach((line, index) => {
      if (line === '') return;
      const literal = JSON.stringify(seedRecords()[index]!.body);
      const [head, tail] = line.split(literal) as [string, string];
      const output = outputLines[index]!;
      expect(output.startsWith(head)).toBe(true);
      // What follows the text is the same members, then the added ones.
      const rest = output.slice(head.length);
      const after = rest.slice(rest.indexOf('"published"') - (tail.startsWith(', ') ? 2 : 1));
      expect(after.startsWith(tail.slice(0, -1))).toBe(true);
      expect(after.slice(tail.length - 1)).toMatch(/^,\s?"newsdedup_words"/);
    });
  });

  it('--output-format jsonl writes JSON Lines out of CSV in, at the same relative path', async () => {
    const cwd = temporaryDirectory();
    writeSeedRecords(cwd, 'news.csv');
    const result = await run(cwd, 'clean', 'news.csv', '--out', 'out', '--text-field', 'body', '--output-format', 'jsonl');
    expect(result.code).toBe(0);
    expect(readdirSync(join(cwd, 'out')).filter((name) => name.startsWith('news'))).toEqual(['news.jsonl']);
    const outputs = await recordsOf(join(cwd, 'out', 'news.jsonl'));
    expect(outputs.map((record) => record.fields)).toEqual((await recordsOf(join(cwd, 'news.csv'))).map((record) => record.fields));
  });

  it('reads a Markdown file’s front matter as metadata and writes it back ahead of the cleaned body', async () => {
    const cwd = temporaryDirectory();
    writeFileSync(join(cwd, 'story.md'), '---\ntitle: The bridge\ndate: 2025-02-11\nsource: Valley Herald\n---\nThe town council voted on Tuesday to approve the new bridge.\n');
    const result = await run(cwd, 'clean', 'story.md', '--out', 'out', '--format', 'json');
    expect(result.code).toBe(0);
    const article = (JSON.parse(result.stdout) as Report).articles[0]!;
    expect(article).toMatchObject({ path: 'story.md', title: 'The bridge', source: 'Valley Herald', words: 11 });
    expect(readFileSync(join(cwd, 'out', 'story.md'), 'utf8')).toBe(readFileSync(join(cwd, 'story.md'), 'utf8'));
  });
});

describe('records: the metadata, used', () => {
  it('keeps a block in place in its earliest-published article with --keep first (the default with dates), markers in the later ones', async () => {
    const cwd = temporaryDirectory();
    writeSeedRecords(cwd, 'news.jsonl');
    const result = await run(cwd, 'clean', 'news.jsonl', '--out', 'out', '--text-field', 'body', '--format', 'json');
    const report = JSON.parse(result.stdout) as Report;
    const outputs = await recordsOf(join(cwd, 'out', 'news.jsonl'));
    const inputs = seedRecords();
    // The background block of 000, 001 and 002: its earliest holder is 002 (dates run backwards).
    const background = report.blocks.find((block) => block.articles.length === 3)!;
    expect(background.articles).toEqual(['news.jsonl#s0', 'news.jsonl#s1', 'news.jsonl#s2']);
    const canonical = readFileSync(join(cwd, 'out', '_shared', `${background.id}.txt`), 'utf8');
    expect(outputs[2]!.text).not.toContain(`[shared block ${background.id}`);
    expect(outputs[2]!.text).toContain(canonical.split('\n').at(-1)!.trim() === '' ? canonical.split('\n')[1]! : canonical.split('\n').at(-1)!);
    expect(outputs[0]!.text).toContain(`[shared block ${background.id}`);
    expect(outputs[1]!.text).toContain(`[shared block ${background.id}`);
    // --keep none: every copy moved out.
    await run(cwd, 'clean', 'news.jsonl', '--out', 'none', '--text-field', 'body', '--keep', 'none');
    const none = await recordsOf(join(cwd, 'none', 'news.jsonl'));
    for (const index of [0, 1, 2]) expect(none[index]!.text).toContain(`[shared block ${background.id}`);
    expect(inputs[2]!.body.length).toBeGreaterThan(none[2]!.text.length);
  });

  it('takes a block’s canonical wording from its earliest-published copy, and from the first in order without dates', async () => {
    const cwd = temporaryDirectory();
    const background = ['The harbour authority said the new cranes would double the port’s capacity by next spring.', 'Officials added that the expansion had been planned since the floods of two years ago.', 'Shipping lines have welcomed the plan, which the government funds in full.'];
    const edited = background.map((sentence) => sentence.replace('harbour', 'harbor'));
    const records = [
      { id: 'late', text: `Cranes arrive at the port on Monday morning under grey skies.\n\n${background.join(' ')}`, date: '2025-03-05' },
      { id: 'early', text: `The port opened bids for new cranes on a quiet Friday.\n\n${edited.join(' ')}`, date: '2025-03-01' },
    ];
    writeFileSync(join(cwd, 'dated.jsonl'), records.map((record) => JSON.stringify(record)).join('\n') + '\n');
    writeFileSync(join(cwd, 'undated.jsonl'), records.map(({ id, text }) => JSON.stringify({ id, text })).join('\n') + '\n');
    for (const [name, expected] of [['dated.jsonl', 'harbor'], ['undated.jsonl', 'harbour']] as const) {
      const result = await run(cwd, 'clean', name, '--out', `out-${name}`);
      expect(result.code).toBe(0);
      const shared = readdirSync(join(cwd, `out-${name}`, '_shared')).filter((file) => !file.includes('variants'));
      expect(shared).toHaveLength(1);
      expect(readFileSync(join(cwd, `out-${name}`, '_shared', shared[0]!), 'utf8')).toContain(`The ${expected} authority`);
    }
  });

  it('reports a wholly duplicated record as a duplicate of its earliest copy; check fails the copy, not the original', async () => {
    const cwd = temporaryDirectory();
    const records = seedRecords();
    // 003 saved again, later, with its spacing changed.
    const copy = { ...records[3]!, id: 's3-again', published: '2025-04-01', body: records[3]!.body.replaceAll('\n\n', '\n\n\n') };
    writeFileSync(join(cwd, 'news.jsonl'), jsonlOf([copy, ...records]));
    const result = await run(cwd, 'clean', 'news.jsonl', '--out', 'out', '--text-field', 'body', '--format', 'json');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.duplicates).toEqual([{ path: 'news.jsonl#s3-again', of: 'news.jsonl#s3' }]);
    const original = report.articles.find((article) => article.path === 'news.jsonl#s3')!;
    expect(original.sharedPct).toBeLessThan(50);
    expect(report.articles.find((article) => article.path === 'news.jsonl#s3-again')).toMatchObject({ sharedPct: 100, duplicateOf: 'news.jsonl#s3' });
    const outputs = await recordsOf(join(cwd, 'out', 'news.jsonl'));
    expect(outputs[0]!.added['newsdedup_duplicate_of']).toBe('s3');
    expect(outputs[0]!.text).toBe('[duplicate of s3]\n');
    expect(outputs[4]!.added['newsdedup_duplicate_of']).toBeNull();
    const checked = await run(cwd, 'check', 'news.jsonl', '--text-field', 'body', '--max-shared-pct', '60', '--format', 'json');
    expect(checked.code).toBe(1);
    const verdict = JSON.parse(checked.stdout) as { articles: { path: string; failures: unknown[] }[] };
    const failing = verdict.articles.filter((article) => article.failures.length > 0).map((article) => article.path);
    expect(failing).toContain('news.jsonl#s3-again');
    expect(failing).not.toContain('news.jsonl#s3');
  });

  it('points a skipped record’s annotation at its file and line', async () => {
    const cwd = temporaryDirectory();
    mkdirSync(join(cwd, 'feeds'));
    const lines = jsonlOf(seedRecords()).split('\n');
    lines.splice(2, 0, '{"id": "broken", "body": "no end');
    writeFileSync(join(cwd, 'feeds', 'news.jsonl'), `${lines.join('\n')}\n`);
    const github = await run(cwd, 'check', 'feeds/news.jsonl', '--text-field', 'body', '--fail-on-problems', '--format', 'github');
    expect(github.code).toBe(1);
    expect(github.stdout).toMatch(/^::error file=feeds\/news\.jsonl,line=3,title=newsdedup fail-on-problems::E_RECORD_SYNTAX: /m);
  });

  it('names a failing record by its line and, in the table and Markdown, by the id the report knows it by', async () => {
    const cwd = temporaryDirectory();
    const records = seedRecords();
    const copy = { ...records[3]!, id: 's3-again', published: '2025-04-01' };
    // The last record has no id: the report knows it by its line, said once.
    const unnamed = { body: records[3]!.body, published: '2025-04-02' };
    writeFileSync(join(cwd, 'news.jsonl'), `${jsonlOf([...records, copy])}${JSON.stringify(unnamed)}\n`);
    const table = await run(cwd, 'check', 'news.jsonl', '--text-field', 'body', '--max-shared-pct', '60');
    expect(table.code).toBe(1);
    expect(table.stdout).toMatch(new RegExp(`\\n  news\\.jsonl:${records.length + 1}: [^\\n]* \\[max-shared-pct\\] \\(#s3-again\\)\\n`));
    expect(table.stdout).toMatch(new RegExp(`\\n  news\\.jsonl:${records.length + 2}: [^\\n]* \\[max-shared-pct\\]\\n`));
    const markdown = await run(cwd, 'check', 'news.jsonl', '--text-field', 'body', '--max-shared-pct', '60', '--format', 'md');
    expect(markdown.stdout).toContain(`| news.jsonl:${records.length + 1} (#s3-again) | max-shared-pct |`);
    expect(markdown.stdout).toContain(`| news.jsonl:${records.length + 2} | max-shared-pct |`);
  });

  it('points check’s annotations at a record’s file of records and its line, whatever its id holds', async () => {
    const cwd = temporaryDirectory();
    mkdirSync(join(cwd, 'feeds'));
    const records = seedRecords();
    // An id that is a URL: its `//` must reach the report as it is, and no annotation may name it as a file.
    const copy = { ...records[3]!, id: 'https://paper.example/story/3-again', published: '2025-04-01', body: records[3]!.body.replaceAll('\n\n', '\n\n\n') };
    writeFileSync(join(cwd, 'feeds', 'news.jsonl'), `${jsonlOf([...records, copy])}\n`);
    const line = records.length + 1;
    const github = await run(cwd, 'check', 'feeds/news.jsonl', '--text-field', 'body', '--max-shared-pct', '60', '--format', 'github');
    expect(github.code).toBe(1);
    expect(github.stdout).toContain(`::error file=feeds/news.jsonl,line=${line},title=newsdedup max-shared-pct::`);
    expect(github.stdout).not.toContain('file=feeds/news.jsonl#');
    const table = await run(cwd, 'check', 'feeds/news.jsonl', '--text-field', 'body', '--max-shared-pct', '60');
    expect(table.stdout).toContain(`\n  feeds/news.jsonl:${line}: `);
    const junit = await run(cwd, 'check', 'feeds/news.jsonl', '--text-field', 'body', '--max-shared-pct', '60', '--format', 'junit');
    // The test case is named by the record's key in the report, the input's folder being its root.
    expect(junit.stdout).toContain('name="news.jsonl#https://paper.example/story/3-again"');
    expect(junit.stdout).toContain(`file="feeds/news.jsonl" line="${line}"`);
  });

  it('names the original by its key when the duplicate has the same id (one record saved in two files)', async () => {
    const cwd = temporaryDirectory();
    const records = seedRecords();
    writeFileSync(join(cwd, 'a.jsonl'), jsonlOf(records));
    writeFileSync(join(cwd, 'b.jsonl'), jsonlOf([records[3]!]));
    const result = await run(cwd, 'clean', 'a.jsonl', 'b.jsonl', '--out', 'out', '--text-field', 'body', '--format', 'json');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.duplicates).toEqual([{ path: 'b.jsonl#s3', of: 'a.jsonl#s3' }]);
    const [copy] = await recordsOf(join(cwd, 'out', 'b.jsonl'));
    expect(copy!.added['newsdedup_duplicate_of']).toBe('a.jsonl#s3');
    expect(copy!.text).toBe('[duplicate of a.jsonl#s3]\n');
  });

  it('--group-by source gives the shared % per source and which sources share which blocks', async () => {
    const cwd = temporaryDirectory();
    writeSeedRecords(cwd, 'news.jsonl');
    const json = await run(cwd, 'report', 'news.jsonl', '--text-field', 'body', '--source-field', 'outlet', '--group-by', 'source', '--format', 'json');
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as Report & { bySource: { sources: { source: string; articles: number; sharedPct: number }[]; sharedAcross: { block: string; sources: { source: string; articles: number }[] }[] } };
    expect(report.bySource.sources.map((source) => [source.source, source.articles]).sort()).toEqual([['Herald', 2], ['Ledger', 3]]);
    const ledger = report.articles.filter((article) => article.source === 'Ledger');
    const sharedPct = Math.round((ledger.reduce((sum, a) => sum + a.sharedWords, 0) / ledger.reduce((sum, a) => sum + a.words, 0)) * 10_000) / 100;
    expect(report.bySource.sources.find((source) => source.source === 'Ledger')!.sharedPct).toBe(sharedPct);
    const background = report.blocks.find((block) => block.articles.length === 3)!;
    expect(report.bySource.sharedAcross.find((entry) => entry.block === background.id)!.sources).toEqual([{ source: 'Ledger', articles: 2 }, { source: 'Herald', articles: 1 }]);
    const table = await run(cwd, 'report', 'news.jsonl', '--text-field', 'body', '--source-field', 'outlet', '--group-by', 'source');
    expect(table.stdout).toMatch(/By source:\n\nsource +articles +words +shared +shared% +chrome +duplicates\n/);
    const html = await run(cwd, 'report', 'news.jsonl', '--text-field', 'body', '--source-field', 'outlet', '--group-by', 'source', '--format', 'html');
    expect(html.stdout).toContain('<h2 id="by-source-title">By source</h2>');
    expect(html.stdout).toContain('Seed “1”, with a comma');
  });
});

describe('records: --group-by source without a source field', () => {
  it('groups a record by its file\'s top folder, never by a slash in its id', async () => {
    const cwd = temporaryDirectory();
    const text = (i: number) => `Story ${i} about the harbour and the ferries that cross it every morning.`;
    const lines = (ids: string[]) => ids.map((id, i) => JSON.stringify({ id, text: text(i) })).join('\n') + '\n';
    writeFileSync(join(cwd, 'feed.jsonl'), lines(['2024/05/1', '2024/05/2', '2023/11/7']));
    mkdirSync(join(cwd, 'wire'));
    writeFileSync(join(cwd, 'wire', 'feed.jsonl'), lines(['https://wire.example/a', 'https://wire.example/b']));
    const result = await run(cwd, 'report', 'feed.jsonl', 'wire', '--group-by', 'source', '--format', 'json');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { bySource: { sources: { source: string; articles: number }[] } };
    expect(report.bySource.sources.map((source) => [source.source, source.articles]).sort()).toEqual([
      ['(no source)', 3],
      ['wire', 2],
    ]);
  });
});

describe('records: bad input, a problem or an error each', () => {
  it('a malformed JSON line is a problem naming file and line; the other records go on (exit 1)', async () => {
    const cwd = temporaryDirectory();
    const lines = jsonlOf(seedRecords()).split('\n');
    lines.splice(2, 0, '{"id": "broken", "body": "no end');
    writeFileSync(join(cwd, 'news.jsonl'), lines.join('\n'));
    const result = await run(cwd, 'report', 'news.jsonl', '--text-field', 'body', '--format', 'json');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^newsdedup: error: `news\.jsonl` line 3: not valid JSON \(.*\); skipped\.\n$/);
    expect((JSON.parse(result.stdout) as Report).articles).toHaveLength(5);
  });

  it('a CSV row with the wrong number of fields is a problem naming file and line (exit 1)', async () => {
    const cwd = temporaryDirectory();
    writeFileSync(join(cwd, 'a.csv'), 'id,text\nr1,"One line of text,\nover two lines."\nr2,two,three\nr3,Three.\n');
    const result = await run(cwd, 'report', 'a.csv', '--format', 'json');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('newsdedup: error: `a.csv` line 4: 3 fields where the header has 2; skipped.\n');
    expect((JSON.parse(result.stdout) as Report).articles.map((article) => article.path)).toEqual(['a.csv#r1', 'a.csv#r3']);
  });

  it('a record with no text, or an empty one, is an article of 0 words with a warning (exit 0)', async () => {
    const cwd = temporaryDirectory();
    writeFileSync(join(cwd, 'a.jsonl'), '{"id": "x", "text": ""}\n{"id": "y"}\n{"id": "z", "text": "Some words."}\n');
    const result = await run(cwd, 'report', 'a.jsonl', '--format', 'json');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('newsdedup: warning: `a.jsonl` line 1 has an empty `text`; read as an article of 0 words.\nnewsdedup: warning: `a.jsonl` line 2 has no `text`; read as an article of 0 words.\n');
    expect((JSON.parse(result.stdout) as Report).articles.map((article) => article.words)).toEqual([0, 0, 2]);
  });

  it('a .jsonl that holds no JSON is an error for that file, never one article; the others go on', async () => {
    const cwd = temporaryDirectory();
    writeFileSync(join(cwd, 'notes.jsonl'), 'These are plain notes,\nnot JSON at all.\n');
    writeSeedRecords(cwd, 'news.jsonl');
    const result = await run(cwd, 'report', 'notes.jsonl', 'news.jsonl', '--text-field', 'body', '--format', 'json');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.problems.map((problem) => [problem.path, problem.code])).toEqual([['notes.jsonl', 'E_RECORD_FORMAT']]);
    expect(report.articles.every((article) => article.path.startsWith('news.jsonl#'))).toBe(true);
  });

  it.each(['gz', 'zst'])('a truncated .jsonl.%s is a one-line problem; the records before the damage are kept', async (extension) => {
    const cwd = temporaryDirectory();
    const whole = readFileSync(writeSeedRecords(cwd, `whole.jsonl.${extension}`));
    // The Zstandard frame is stored: cutting it mid-way leaves the first records whole.
    const cut = extension === 'gz' ? gzipSync(Buffer.from(jsonlOf(seedRecords()))).subarray(0, whole.length - 12) : whole.subarray(0, Math.floor(whole.length * 0.6));
    writeFileSync(join(cwd, `cut.jsonl.${extension}`), cut);
    const result = await run(cwd, 'report', `cut.jsonl.${extension}`, '--text-field', 'body', '--format', 'json');
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(result.stderr).toMatch(new RegExp(`^newsdedup: error: \`cut\\.jsonl\\.${extension}\`: .*(cut short|corrupt|truncated|end).*; the \\d+ records? before it (was|were) read\\.\\n$`));
  });

  it('a field named that a file lacks is a one-line problem for the file; one field for two roles is a usage error (exit 2)', async () => {
    const cwd = temporaryDirectory();
    writeSeedRecords(cwd, 'news.jsonl');
    const missing = await run(cwd, 'report', 'news.jsonl', '--text-field', 'content');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^newsdedup: error: `news\.jsonl` has no field `content` \(--text-field\); it has `id`, `title`, `body`.*; skipped\.\n$/);
    const twice = await run(cwd, 'report', 'news.jsonl', '--text-field', 'body', '--title-field', 'body');
    expect(twice.code).toBe(2);
    expect(twice.stderr).toBe('newsdedup: Field `body` is named both by --text-field and by --title-field; a field plays one role.\n');
  });

  it('a name newsdedup refuses is a one-line error (exit 2); bad --keep and --output-format values too', async () => {
    const cwd = temporaryDirectory();
    writeFileSync(join(cwd, 'news.parquet.gz'), 'x');
    writeSeedRecords(cwd, 'news.jsonl');
    const refused = await run(cwd, 'report', 'news.parquet.gz');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^newsdedup: Cannot read `.*news\.parquet\.gz`: Parquet compresses its own pages; decompress the file to `\.parquet` first\.\n$/);
    expect((await run(cwd, 'clean', 'news.jsonl', '--out', 'out', '--keep', 'last')).stderr).toBe('newsdedup: --keep must be first, none or auto; got `last`.\n');
    expect((await run(cwd, 'clean', 'news.jsonl', '--out', 'out', '--output-format', 'xml')).code).toBe(2);
  });
});

describe('records: options from the config file', () => {
  it('takes the field names, keep policy and output format from newsdedup.config.json; flags override them', async () => {
    const cwd = temporaryDirectory();
    writeSeedRecords(cwd, 'news.csv');
    writeFileSync(join(cwd, 'newsdedup.config.json'), JSON.stringify({ textField: 'body', sourceField: 'outlet', outputFormat: 'jsonl', keep: 'none', groupBy: 'source' }));
    const result = await run(cwd, 'clean', 'news.csv', '--out', 'out', '--format', 'json');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as Report & { bySource?: unknown };
    expect(report.articles[0]!.source).toBe('Ledger');
    expect(report.bySource).toBeDefined();
    expect(readdirSync(join(cwd, 'out'))).toContain('news.jsonl');
    const overridden = await run(cwd, 'report', 'news.csv', '--text-field', 'title', '--source-field', 'note');
    expect(overridden.code).toBe(0);
    writeFileSync(join(cwd, 'newsdedup.config.json'), JSON.stringify({ keep: 'sometimes' }));
    expect((await run(cwd, 'report', 'news.csv')).stderr).toMatch(/keep/);
  });
});
