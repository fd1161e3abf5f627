import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { variantsText, writeOutput } from '../../src/stages/write.js';
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

  it('refuses an --out that is a file', async () => {
    const parent = temporaryDirectory();
    writeFileSync(join(parent, 'out'), 'a file');
    await expect(writeOutput(join(parent, 'out'), [])).rejects.toThrow(/it is a file, not a directory/);
    expect(existsSync(join(parent, 'out'))).toBe(true);
  });
});

describe('variantsText', () => {
  it('renders a block\'s variants, sentence by sentence and then other headings, from its data', () => {
    const text = variantsText(
      {
        id: 'b1',
        label: 'Port history',
        variants: { sentences: [{ position: 1, canonical: 'It grew.', wordings: [{ text: 'It grew fast.', articles: ['b.txt', 'c.txt'] }] }], headings: [{ article: 'c.txt', text: 'History' }] },
      },
      'a.txt',
    );
    expect(text).toBe(
      [
        'Variants of block b1 "Port history"; the canonical wording is that of a.txt.',
        '',
        'Sentence 2',
        '  canonical (a.txt): It grew.',
        '  in b.txt, c.txt: It grew fast.',
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
