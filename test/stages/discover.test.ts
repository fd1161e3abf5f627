import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
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

  it('lists a directory’s files whose extensions have capitals, sorted by id as any other; a glob matches as written', async () => {
    const cwd = temporaryDirectory();
    mkdirSync(join(cwd, 'news', 'sub'), { recursive: true });
    const names = ['A.TXT', 'b.txt', 'C.Txt', 'NOTES.MD', 'FEED.JSONL', 'X.CSV.GZ', 'W.Tsv.Zst', 'Z.Parquet', 'sub/Y.NDJSON'];
    for (const name of [...names, 'skip.HTML', 'settings.JSON']) writeFileSync(join(cwd, 'news', name), 'x');
    const { files } = await discover(['news'], cwd);
    expect(files.map((file) => file.path)).toEqual(['A.TXT', 'C.Txt', 'FEED.JSONL', 'NOTES.MD', 'W.Tsv.Zst', 'X.CSV.GZ', 'Z.Parquet', 'b.txt', 'sub/Y.NDJSON']);
    expect((await discover(['news/*.txt'], cwd)).files.map((file) => file.path)).toEqual(['b.txt']);
  });

  it('refuses a directory’s compressed Parquet file whatever the case of its name', async () => {
    const cwd = temporaryDirectory();
    mkdirSync(join(cwd, 'news'));
    writeFileSync(join(cwd, 'news', 'a.txt'), 'x');
    writeFileSync(join(cwd, 'news', 'T.PARQUET.GZ'), 'x');
    await expect(discover(['news'], cwd)).rejects.toThrow('Parquet compresses its own pages');
  });

  it('names a file given by itself by its file name', async () => {
    const cwd = temporaryDirectory();
    mkdirSync(join(cwd, 'deep', 'er'), { recursive: true });
    writeFileSync(join(cwd, 'deep', 'er', 'one.txt'), 'x');
    expect((await discover(['deep/er/one.txt'], cwd)).files.map((file) => file.path)).toEqual(['one.txt']);
  });

  it('reads an absolute glob, ids relative to its fixed part, and says so when it matches nothing', async () => {
    const cwd = temporaryDirectory();
    mkdirSync(join(cwd, 'news', 'b'), { recursive: true });
    for (const name of ['news/a1.txt', 'news/b/a2.txt', 'news/c.txt']) writeFileSync(join(cwd, name), 'x');
    const elsewhere = temporaryDirectory();
    const { files, base } = await discover([`${cwd}/news/**/a*.txt`], elsewhere);
    expect(files.map((file) => file.path)).toEqual(['a1.txt', 'b/a2.txt']);
    expect(base).toBe(join(cwd, 'news'));
    await expect(discover([`${cwd}/nothing/*.txt`], elsewhere)).rejects.toThrow(`Input \`${cwd}/nothing/*.txt\` matches no file.`);
  });

  it('lists a file named twice once', async () => {
    const cwd = temporaryDirectory();
    writeFileSync(join(cwd, 'one.txt'), 'x');
    expect((await discover(['one.txt', '.', '*.txt'], cwd)).files.map((file) => file.path)).toEqual(['one.txt']);
  });
});

describe('discover on awkward trees', () => {
  it('reads a symbolic link to a file, and does not follow a link to a directory, so a loop cannot trap it', async () => {
    const cwd = temporaryDirectory();
    mkdirSync(join(cwd, 'news', 'a'), { recursive: true });
    writeFileSync(join(cwd, 'news', 'a', 'story.txt'), 'x');
    symlinkSync('story.txt', join(cwd, 'news', 'a', 'alias.txt'));
    symlinkSync('..', join(cwd, 'news', 'a', 'loop'));
    symlinkSync(join(cwd, 'news', 'a'), join(cwd, 'news', 'self'));
    symlinkSync('missing.txt', join(cwd, 'news', 'dangling.txt'));
    const { files } = await discover(['news'], cwd);
    expect(files.map((file) => file.path)).toEqual(['a/alias.txt', 'a/story.txt']);
  });

  it('gives each file its size in bytes, and a link the size of its target, across more files than one batch of sizes', async () => {
    const cwd = temporaryDirectory();
    mkdirSync(join(cwd, 'news'));
    const sizes = new Map<string, number>();
    for (let i = 0; i < 2500; i += 1) {
      const name = `${String(i).padStart(4, '0')}.txt`;
      writeFileSync(join(cwd, 'news', name), 'é'.repeat(i % 7));
      sizes.set(name, (i % 7) * 2);
    }
    symlinkSync('0006.txt', join(cwd, 'news', 'link.txt'));
    sizes.set('link.txt', 12);
    const { files } = await discover(['news'], cwd);
    expect(new Map(files.map((file) => [file.path, file.size]))).toEqual(sizes);
  });

  it('finds a file forty folders deep, with spaces and non-Latin letters in its name', async () => {
    const cwd = temporaryDirectory();
    const folders = Array.from({ length: 40 }, (_, i) => `level ${i}`);
    mkdirSync(join(cwd, 'news', ...folders), { recursive: true });
    writeFileSync(join(cwd, 'news', ...folders, 'خبر новость 新闻.txt'), 'x');
    const { files } = await discover(['news'], cwd);
    expect(files.map((file) => file.path)).toEqual([[...folders, 'خبر новость 新闻.txt'].join('/')]);
  });
});
