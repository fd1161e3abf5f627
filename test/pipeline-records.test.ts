/**
 * Records through the library: `dedupe()` with articles' metadata, `loadCorpus()` and
 * `cleanCorpus()` with files of records and their fields.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanCorpus, dedupe, reportCorpus } from '../src/pipeline.js';
import { loadCorpus, readTexts } from '../src/corpus.js';
import type { SourceArticle } from '../src/types.js';
import { temporaryDirectory } from './helpers.js';
import { seedRecords, writeSeedRecords } from './records-corpus.js';

/** Articles of their own words, each ending in `line` on a line of its own. */
function withLine(line: string, sources: readonly string[]): SourceArticle[] {
  const stories = ['Port traffic in Karachi rose sharply during the spring.', 'Rail freight between Lahore and Peshawar resumed on Monday.', 'Road tolls on the motorway will double next month, officials said.'];
  return sources.map((source, index) => ({ path: `${index}.txt`, source, text: `${stories[index]}\n\n${line}\n` }));
}

describe('dedupe with metadata', () => {
  it('counts chrome per source: a short line in three articles of one outlet is chrome, in three of three outlets it is not', async () => {
    const line = 'Ledger Daily morning edition';
    const one = await dedupe(withLine(line, ['Ledger', 'Ledger', 'Ledger']));
    expect(one.report.articles.map((article) => article.chromeWords)).toEqual([4, 4, 4]);
    const three = await dedupe(withLine(line, ['Ledger', 'Herald', 'Courier']));
    expect(three.report.articles.map((article) => article.chromeWords)).toEqual([0, 0, 0]);
    // Without sources, the corpus is one source, as before.
    const none = await dedupe(withLine(line, ['', '', '']).map(({ path, text }) => ({ path, text })));
    expect(none.report.articles.map((article) => article.chromeWords)).toEqual([4, 4, 4]);
  });

  it('shows an article’s id, title, date and source in the report, and only when it has them', async () => {
    const result = await dedupe([
      { path: 'a', text: 'One article of its own.', id: 'https://example.org/a', title: 'A title', date: '2 Jan 2025', source: 'Example' },
      { path: 'b', text: 'Another article.' },
    ]);
    expect(result.report.articles[0]).toMatchObject({ id: 'https://example.org/a', title: 'A title', date: '2 Jan 2025', source: 'Example' });
    expect(Object.keys(result.report.articles[1]!)).not.toContain('title');
    expect(result.report.duplicates).toBeUndefined();
  });
});

describe('files of records through the library', () => {
  it('loadCorpus reads records with their fields, and dedupe gives what reportCorpus gives', async () => {
    const cwd = temporaryDirectory();
    writeSeedRecords(cwd, 'news.csv');
    const options = { cwd, textField: 'body', sourceField: 'outlet', dateField: 'published' };
    const loaded = await loadCorpus(['news.csv'], options);
    expect(loaded.problems).toEqual([]);
    expect(loaded.articles.map((article) => [article.path, article.source])).toEqual(seedRecords().map((record) => [`news.csv#${record.id}`, record.outlet]));
    const inMemory = await dedupe(loaded.articles);
    const fromDisk = await reportCorpus(['news.csv'], options);
    expect(inMemory.report).toEqual(fromDisk.report);
    // The reader of the HTML page finds a record's text again in its file.
    const texts = await readTexts(fromDisk, Number.POSITIVE_INFINITY, ['news.csv#s3']);
    expect(texts.get('news.csv#s3')).toBe(seedRecords()[3]!.body);
  });

  it('loadCorpus reads a Markdown file’s front matter as its metadata, so dedupe keeps the earliest copy as a run does', async () => {
    const cwd = temporaryDirectory();
    const background = 'The dispute over the river began in the spring when the upstream province started building a new barrage. Talks between the two provincial governments broke down twice over the summer, each side accusing the other of bad faith.';
    // Named against their dates: the later file is the earlier story.
    writeFileSync(join(cwd, 'a.md'), `---\ntitle: "Day two"\ndate: 2025-03-02\nsource: Site A\n---\nFarmers in the delta say the canals have been dry for weeks.\n\n${background}\n`);
    writeFileSync(join(cwd, 'b.md'), `---\ntitle: "Day one"\ndate: 2025-03-01\nsource: Site A\n---\nThe chief minister told the assembly that the province would not accept it.\n\n${background}\n`);
    const loaded = await loadCorpus(['a.md', 'b.md'], { cwd });
    expect(loaded.articles.map((article) => [article.path, article.title, article.date, article.source])).toEqual([
      ['a.md', 'Day two', '2025-03-02', 'Site A'],
      ['b.md', 'Day one', '2025-03-01', 'Site A'],
    ]);
    const inMemory = await dedupe(loaded.articles);
    const fromDisk = await reportCorpus(['a.md', 'b.md'], { cwd });
    expect(inMemory.report).toEqual(fromDisk.report);
    expect(inMemory.cleaned.find((article) => article.path === 'b.md')?.text).toContain(background);
    expect(inMemory.cleaned.find((article) => article.path === 'a.md')?.text).not.toContain(background);
    // A date given as a number (epoch milliseconds) stays one, as a record's does.
    writeFileSync(join(cwd, 'c.md'), `---\ndate: 1740700800000\n---\nA third story, told before the other two.\n\n${background}\n`);
    const three = await loadCorpus(['a.md', 'b.md', 'c.md'], { cwd });
    expect(three.articles.find((article) => article.path === 'c.md')?.date).toBe(1740700800000);
    expect((await dedupe(three.articles)).report).toEqual((await reportCorpus(['a.md', 'b.md', 'c.md'], { cwd })).report);
  });

  it('cleanCorpus writes a duplicate Markdown file as its front matter, the blank line under it, and the marker', async () => {
    const cwd = temporaryDirectory();
    const body = '\n# Canals run dry\n\nFarmers in the delta say the canals have been dry for weeks, and the sowing season is near.\n';
    writeFileSync(join(cwd, 'a.md'), `---\ntitle: "Canals run dry"\ndate: 2025-03-01\n---\n${body}`);
    writeFileSync(join(cwd, 'b.md'), `---\ntitle: "Canals run dry"\ndate: 2025-03-02\n---\n${body}`);
    await cleanCorpus(['a.md', 'b.md'], { cwd, out: 'out' });
    expect(readFileSync(join(cwd, 'out', 'a.md'), 'utf8')).toBe(`---\ntitle: "Canals run dry"\ndate: 2025-03-01\n---\n${body}`);
    expect(readFileSync(join(cwd, 'out', 'b.md'), 'utf8')).toBe('---\ntitle: "Canals run dry"\ndate: 2025-03-02\n---\n\n[duplicate of a.md]\n');
  });

  it('cleanCorpus writes the records back with the added fields, in another format when asked', async () => {
    const cwd = temporaryDirectory();
    writeSeedRecords(cwd, 'news.tsv');
    const result = await cleanCorpus(['news.tsv'], { cwd, out: 'out', textField: 'body', outputFormat: 'json', keep: 'none' });
    const written = JSON.parse(readFileSync(join(cwd, 'out', 'news.json'), 'utf8')) as Record<string, unknown>[];
    expect(written.map((record) => record['id'])).toEqual(['s0', 's1', 's2', 's3', 's4']);
    expect(written.map((record) => record['newsdedup_shared_pct'])).toEqual(result.report.articles.map((article) => article.sharedPct));
    expect(written.map((record) => record['newsdedup_blocks'])).toEqual(result.report.articles.map((article) => article.blocks));
    expect(written[1]!['note']).toBe(seedRecords()[1]!.note);
    // Each record's text read again from the spool by fetch and apply rather than held: the same bytes.
    const reread = await cleanCorpus(['news.tsv'], { cwd, out: 'reread', textField: 'body', outputFormat: 'json', keep: 'none', textsInMemory: false });
    expect(reread.report).toEqual(result.report);
    expect(readFileSync(join(cwd, 'reread', 'news.json'), 'utf8')).toBe(readFileSync(join(cwd, 'out', 'news.json'), 'utf8'));
  });

  it('writes back every record of a file whose cleaned texts span many megabytes of the spool, each its own', async () => {
    const cwd = temporaryDirectory();
    // 600 records of about 9 KB of their own words each (no text shared, so each comes back whole):
    // the apply pass's spool holds several megabytes, read back a megabyte at a time.
    const words = (seed: number, count: number) => Array.from({ length: count }, (_, i) => `w${((seed * 7919 + i * 104729) % 1000003).toString(36)}`).join(' ');
    const records = Array.from({ length: 600 }, (_, n) => ({ id: `r${n}`, text: `${words(n, 700)}.\n\n${words(n + 100_000, 600)}.` }));
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(cwd, 'big.jsonl'), records.map((record) => JSON.stringify(record)).join('\n') + '\n');
    await cleanCorpus(['big.jsonl'], { cwd, out: 'out', keep: 'none', workers: 1 });
    const written = readFileSync(join(cwd, 'out', 'big.jsonl'), 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as { id: string; text: string });
    expect(written.map((record) => record.id)).toEqual(records.map((record) => record.id));
    for (const [n, record] of written.entries()) expect(record.text).toBe(records[n]!.text);
  }, 60_000);

  it('keeps two records of one id as two articles, keyed by line', async () => {
    const cwd = temporaryDirectory();
    const records = seedRecords();
    writeSeedRecords(cwd, 'news.jsonl', [records[0]!, { ...records[3]!, id: 's0' }, records[4]!]);
    const result = await reportCorpus(['news.jsonl'], { cwd, textField: 'body' });
    expect(result.report.articles.map((article) => article.path)).toEqual(['news.jsonl:1', 'news.jsonl:2', 'news.jsonl#s4']);
    expect(result.report.articles.map((article) => article.id)).toEqual(['s0', 's0', 's4']);
  });
});
