import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordKeys, spoolRecords } from '../../src/stages/spool.js';
import { temporaryDirectory } from '../helpers.js';

describe('spool', () => {
  it('keys a record by its id when the id is unique in the file, else by its line; a document by its path', () => {
    const jsonl = { path: 'a.jsonl', format: { kind: 'jsonl', compression: 'none' } } as const;
    expect(recordKeys(jsonl, [{ own: 'x', location: 1 }, { own: 'y', location: 2 }, { own: 'x', location: 4 }, { own: undefined, location: 5 }])).toEqual(['a.jsonl:1', 'a.jsonl#y', 'a.jsonl:4', 'a.jsonl:5']);
    expect(recordKeys({ path: 'b.md.gz', format: { kind: 'markdown', compression: 'gzip' } }, [{ own: undefined, location: 1 }])).toEqual(['b.md.gz']);
  });

  it('writes each record’s text as UTF-8 into the spool, a byte range per record, with its metadata; problems apart', async () => {
    const dir = temporaryDirectory();
    const input = join(dir, 'news.jsonl');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(input, '{"id":"a","text":"Café ‘one’.","date":"2025-01-02","source":"X"}\nnot json\n{"id":"b","text":""}\n');
    const spool = join(dir, 'spool.txt');
    const { articles, problems } = await spoolRecords({ path: 'news.jsonl', absolute: input, format: { kind: 'jsonl', compression: 'none' } }, 3, {}, spool);
    expect(problems.map((problem) => [problem.code, problem.message])).toEqual([
      ['E_RECORD_SYNTAX', expect.stringMatching(/^`news\.jsonl` line 2: not valid JSON/)],
      ['W_NO_TEXT', '`news.jsonl` line 3 has an empty `text`; read as an article of 0 words.'],
    ]);
    expect(articles.map((article) => article.ref)).toEqual([
      { path: 'news.jsonl#a', absolute: spool, offset: 0, size: Buffer.byteLength('Café ‘one’.') },
      { path: 'news.jsonl#b', absolute: spool, offset: Buffer.byteLength('Café ‘one’.'), size: 0 },
    ]);
    expect(articles[0]!.meta).toEqual({ id: 'a', title: undefined, date: '2025-01-02', dateMs: Date.UTC(2025, 0, 2), source: 'X', record: { file: 3, ordinal: 0, line: 1 } });
    // The record after a bad line: its ordinal counts records, its line counts lines.
    expect(articles[1]!.meta.record).toEqual({ file: 3, ordinal: 1, line: 3 });
    expect(readFileSync(spool, 'utf8')).toBe('Café ‘one’.');
  });
});
