import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { beginOutput, BLOCKS_FILE, BLOCKS_FILE_FROM, extraFiles, variantsText, writeOutput } from '../../src/stages/write.js';
import { NewsdedupError } from '../../src/errors.js';
import { temporaryDirectory } from '../helpers.js';

describe('writeOutput', () => {
  it('writes nested files and leaves no temporary directory behind', async () => {
    const parent = temporaryDirectory();
    await writeOutput(join(parent, 'out'), [{ path: 'a/b.txt', content: 'kept' }, { path: 'report.json', content: '{}' }]);
    expect(readFileSync(join(parent, 'out', 'a', 'b.txt'), 'utf8')).toBe('kept');
    expect(readdirSync(parent)).toEqual(['out']);
  });

  it('leaves the previous output untouched when writing fails', async () => {
    const parent = temporaryDirectory();
    mkdirSync(join(parent, 'out'));
    writeFileSync(join(parent, 'out', 'old.txt'), 'old');
    // A path below a file cannot be created.
    await expect(writeOutput(join(parent, 'out'), [{ path: 'x.txt', content: 'x' }, { path: 'x.txt/y.txt', content: 'y' }])).rejects.toThrow(NewsdedupError);
    expect(readFileSync(join(parent, 'out', 'old.txt'), 'utf8')).toBe('old');
    expect(readdirSync(parent)).toEqual(['out']);
  });

  it('writes a file that comes in pieces byte for byte: characters of several bytes across each megabyte, and a piece larger than one', async () => {
    const parent = temporaryDirectory();
    const pieces = ['é'.repeat(300_001), '中'.repeat(200_001), 'x'.repeat(3_000_000), '🙂', 'z'.repeat(1_048_575), '\n'];
    const output = await beginOutput(join(parent, 'out'));
    await output.write({ path: 'report.json', content: pieces });
    await output.commit();
    expect(readFileSync(join(parent, 'out', 'report.json'), 'utf8')).toBe(pieces.join(''));
  });

  it('replaces a previous output of many files in nested folders, and removes a link in it without following it', async () => {
    const parent = temporaryDirectory();
    const out = join(parent, 'out');
    for (let folder = 0; folder < 3; folder += 1) {
      mkdirSync(join(out, `desk-${folder}`, 'inner'), { recursive: true });
      for (let file = 0; file < 150; file += 1) writeFileSync(join(out, `desk-${folder}`, file % 2 === 0 ? '' : 'inner', `${file}.txt`), 'old');
    }
    writeFileSync(join(out, 'report.json'), '{}');
    mkdirSync(join(parent, 'elsewhere'));
    writeFileSync(join(parent, 'elsewhere', 'keep.txt'), 'not ours');
    symlinkSync(join(parent, 'elsewhere'), join(out, 'link'));
    await writeOutput(out, [{ path: 'report.json', content: '{"new":true}' }]);
    expect(readdirSync(out)).toEqual(['report.json']);
    expect(readFileSync(join(out, 'report.json'), 'utf8')).toBe('{"new":true}');
    expect(readFileSync(join(parent, 'elsewhere', 'keep.txt'), 'utf8')).toBe('not ours');
    expect(readdirSync(parent).sort()).toEqual(['elsewhere', 'out']);
  });

  it('refuses an --out that is a file', async () => {
    const parent = temporaryDirectory();
    writeFileSync(join(parent, 'out'), 'a file');
    await expect(writeOutput(join(parent, 'out'), [])).rejects.toThrow(/it is a file, not a directory/);
    expect(existsSync(join(parent, 'out'))).toBe(true);
  });
});

describe('variantsText', () => {
  it('renders a block\'s variants, sentence by sentence and then other headings, from its data, and says where a copy lacks a sentence', () => {
    const text = variantsText(
      {
        id: 'b1',
        label: 'Port history',
        variants: {
          // a.txt's copy lacks the sentence: its canonical wording is the next holder's.
          sentences: [{ position: 1, canonical: 'It grew.', canonicalIn: 'e.txt', wordings: [{ text: 'It grew fast.', articles: ['b.txt', 'c.txt'] }, { text: '', articles: ['a.txt', 'd.txt'] }] }],
          headings: [{ article: 'c.txt', text: 'History' }],
        },
      },
      'a.txt',
    );
    expect(text).toBe(
      [
        'Variants of block b1 "Port history"; the canonical wording is that of a.txt.',
        '',
        'Sentence 2',
        '  canonical (e.txt): It grew.',
        '  in b.txt, c.txt: It grew fast.',
        '  in a.txt, d.txt: (not in this copy of the block)',
        '',
        'Other headings',
        '  in c.txt: History',
        '',
      ].join('\n'),
    );
  });

  it('is empty for a block worded alike everywhere', () => {
    expect(variantsText({ id: 'b1', label: 'x', variants: { sentences: [], headings: [] } }, 'a.txt')).toBe('');
  });
});

describe('extraFiles', () => {
  const report = { schema: 1 } as unknown as Parameters<typeof extraFiles>[0]['report'];
  const blocks = (count: number) => Array.from({ length: count }, (_, i) => ({ id: `b${String(i).padStart(10, '0')}`, text: `Block ${i}.\n`, variantsText: i % 2 === 0 ? '' : `Variants of block ${i}\n`, variants: { sentences: [], headings: [] } }));
  const paths = (count: number) => [...extraFiles({ report, shared: blocks(count), chrome: [] })].map((file) => file.path);

  it('writes a file per block, and one per block with other wordings, for a small corpus', () => {
    expect(paths(3)).toEqual(['_shared/b0000000000.txt', '_shared/b0000000001.txt', '_shared/b0000000001.variants.txt', '_shared/b0000000002.txt', '_chrome.txt', 'report.json']);
  });

  it(`writes one _shared/${BLOCKS_FILE} from ${BLOCKS_FILE_FROM} blocks, a block a line with its variants`, () => {
    const files = [...extraFiles({ report, shared: blocks(BLOCKS_FILE_FROM), chrome: [] })];
    expect(files.map((file) => file.path)).toEqual([`_shared/${BLOCKS_FILE}`, '_chrome.txt', 'report.json']);
    const lines = [...(files[0]!.content as Iterable<string>)].join('').trimEnd().split('\n').map((line) => JSON.parse(line) as { id: string; text: string; variants: string | null });
    expect(lines).toHaveLength(BLOCKS_FILE_FROM);
    expect(lines[1]).toEqual({ id: 'b0000000001', text: 'Block 1.\n', variants: 'Variants of block 1\n' });
    expect(lines[2]!.variants).toBeNull();
  });

  it('writes _chrome.txt with its header alone when no chrome was removed, so that it is never missing', () => {
    const file = [...extraFiles({ report, shared: [], chrome: [] })].find((entry) => entry.path === '_chrome.txt');
    expect(file?.content).toBe('articles\treason\tline\n');
  });

  it('writes _chrome.txt one entry a line, furniture over several paragraphs included', () => {
    const chrome = [
      { text: 'Share this story', reason: 'short line', articles: 40 },
      { text: 'LEGAL NOTICE: reuse needs leave.\n\nAbout us: a desk of\tten, C:\\news.\r', reason: 'site furniture', articles: 25 },
    ] as unknown as Parameters<typeof extraFiles>[0]['chrome'];
    const file = [...extraFiles({ report, shared: [], chrome })].find((entry) => entry.path === '_chrome.txt');
    const rows = String(file?.content).trimEnd().split('\n').map((line) => line.split('\t'));
    expect(rows).toEqual([
      ['articles', 'reason', 'line'],
      ['40', 'short line', 'Share this story'],
      ['25', 'site furniture', 'LEGAL NOTICE: reuse needs leave.\\n\\nAbout us: a desk of\\tten, C:\\\\news.\\r'],
    ]);
  });
});
