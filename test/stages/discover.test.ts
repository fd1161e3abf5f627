import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discover } from '../../src/stages/discover.js';
import { temporaryDirectory } from '../helpers.js';

describe('discover', () => {
  it('lists .txt and .md files of a directory recursively, sorted, with ids relative to it', async () => {
    const cwd = temporaryDirectory();
    mkdirSync(join(cwd, 'news', 'b'), { recursive: true });
    for (const name of ['news/b/2.txt', 'news/a.md', 'news/skip.html', 'news/.hidden.txt']) writeFileSync(join(cwd, name), 'x');
    const { files } = await discover(['news'], cwd);
    expect(files.map((file) => file.path)).toEqual(['a.md', 'b/2.txt']);
  });

  it('names a file given by itself by its file name', async () => {
    const cwd = temporaryDirectory();
    mkdirSync(join(cwd, 'deep', 'er'), { recursive: true });
    writeFileSync(join(cwd, 'deep', 'er', 'one.txt'), 'x');
    expect((await discover(['deep/er/one.txt'], cwd)).files.map((file) => file.path)).toEqual(['one.txt']);
  });

  it('lists a file named twice once', async () => {
    const cwd = temporaryDirectory();
    writeFileSync(join(cwd, 'one.txt'), 'x');
    expect((await discover(['one.txt', '.', '*.txt'], cwd)).files.map((file) => file.path)).toEqual(['one.txt']);
  });
});
