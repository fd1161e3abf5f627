import { existsSync, mkdirSync, readFileSync, readdirSync, truncateSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FENCE_STEP, IndexReader, IndexWriter, NOT_A_SENTENCE, SENTENCES, sortPostings } from '../../src/index/store.js';
import { temporaryDirectory } from '../helpers.js';
import type { HolderList } from '../../src/stages/context.js';

const SETTINGS = { shingleSize: 3, sketchSize: 8 };

/** An article to add: `sentences` sentences of fingerprints from `hashes`, one a sentence. */
function article(key: string, hashes: readonly number[], others: readonly number[] = []) {
  return {
    article: { key, digest: `d-${key}`, source: 'desk' },
    text: `Text of ${key}.`,
    offsets: Uint32Array.from({ length: hashes.length + 1 }, (_, i) => i),
    hashes: Uint32Array.from(hashes),
    others: Uint32Array.from(others),
  };
}

async function indexWith(directory: string, articles: ReturnType<typeof article>[]): Promise<void> {
  const writer = await IndexWriter.begin(directory, 'test.index', SETTINGS);
  for (const entry of articles) await writer.add(entry);
  await writer.commit();
}

function articlesOf(reader: IndexReader, holders: HolderList | undefined): string[] {
  return [...(holders ?? [])].map((holder) => `${reader.article(holder).key}@${holder % SENTENCES}`).sort();
}

describe('the index store', () => {
  it('finds every holder of a fingerprint, with its sentence, across segments', async () => {
    const directory = join(temporaryDirectory(), 'news.index');
    await indexWith(directory, [article('a.txt', [10, 20, 30]), article('b.txt', [30, 40], [99])]);
    await indexWith(directory, [article('c.txt', [5, 30])]);
    const reader = (await IndexReader.open(directory, 'news.index')) as IndexReader;
    expect(reader.articleCount).toBe(3);
    const holders = await reader.holders(Uint32Array.from([30, 40, 99, 7]));
    expect(articlesOf(reader, holders.get(30))).toEqual(['a.txt@2', 'b.txt@0', 'c.txt@1']);
    expect(articlesOf(reader, holders.get(40))).toEqual(['b.txt@1']);
    expect(articlesOf(reader, holders.get(99))).toEqual([`b.txt@${NOT_A_SENTENCE}`]);
    expect(holders.get(7)).toBeUndefined();
    expect(readFileSync(reader.article(holders.get(40)![0]!).textsFile, 'utf8')).toContain('Text of b.txt.');
  });

  it('finds holders whose postings span several blocks of the fence', async () => {
    const directory = join(temporaryDirectory(), 'news.index');
    // One fingerprint in more articles than a block holds, among others below and above it.
    const many = Array.from({ length: FENCE_STEP * 2 + 7 }, (_, i) => article(`a${String(i).padStart(4, '0')}.txt`, [1000, i % 3 === 0 ? 999 : 1001]));
    await indexWith(directory, many);
    const reader = (await IndexReader.open(directory, 'news.index')) as IndexReader;
    const holders = await reader.holders(Uint32Array.from([999, 1000, 1001]));
    expect(holders.get(1000)).toHaveLength(many.length);
    expect(holders.get(999)!.length + holders.get(1001)!.length).toBe(many.length);
  });

  it('lets a later copy of a key replace the earlier one', async () => {
    const directory = join(temporaryDirectory(), 'news.index');
    await indexWith(directory, [article('a.txt', [10, 20])]);
    await indexWith(directory, [{ ...article('a.txt', [20, 30]), article: { key: 'a.txt', digest: 'new', source: 'desk' } }]);
    const reader = (await IndexReader.open(directory, 'news.index')) as IndexReader;
    expect(reader.articleCount).toBe(1);
    expect(reader.byKey.get('a.txt')?.digest).toBe('new');
    const holders = await reader.holders(Uint32Array.from([10, 20, 30]));
    expect(holders.get(10)).toBeUndefined();
    expect(holders.get(30)).toHaveLength(1);
  });

  it('sorts postings by hash, then holder, as a comparison sort would', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat({ max: 2 ** 32 - 1 }), fc.nat({ max: 2 ** 32 - 1 })), { maxLength: 300 }), (pairs) => {
        // Holders are pushed in ascending order; the sort keeps that order within a hash.
        const ordered = pairs.map(([hash], index) => [hash, index] as const);
        const sorted = sortPostings(Uint32Array.from(ordered, ([hash]) => hash), Uint32Array.from(ordered, ([, holder]) => holder));
        const expected = [...ordered].sort((x, y) => x[0] - y[0] || x[1] - y[1]).flat();
        expect([...sorted]).toEqual(expected);
      }),
    );
  });
});

describe('an index that is interrupted, shared or damaged', () => {
  it('keeps the previous index when an add is abandoned, and the next add cleans up after it', async () => {
    const directory = join(temporaryDirectory(), 'news.index');
    await indexWith(directory, [article('a.txt', [10])]);
    // A writer that dies mid-add: its segment is written, its manifest never is, its lock stays.
    const writer = await IndexWriter.begin(directory, 'news.index', SETTINGS);
    for (let i = 0; i < 3; i += 1) await writer.add(article(`b${i}.txt`, [10, 20 + i]));
    await (writer as unknown as { flush(): Promise<void> }).flush();
    writeFileSync(join(directory, 'lock'), JSON.stringify({ pid: 2 ** 22 + 12_345, host: hostname() }));
    const orphans = readdirSync(directory).filter((name) => name.startsWith('s2-'));
    expect(orphans.length).toBeGreaterThan(0);

    const reader = (await IndexReader.open(directory, 'news.index')) as IndexReader;
    expect([...reader.byKey.keys()]).toEqual(['a.txt']);
    // The dead writer's lock is taken over; its files go, and nothing of its articles is left.
    await indexWith(directory, [article('c.txt', [10])]);
    const articleFiles = readdirSync(directory).filter((name) => name.endsWith('.articles'));
    expect(articleFiles.map((name) => readFileSync(join(directory, name), 'utf8')).join('')).not.toContain('b0.txt');
    const after = (await IndexReader.open(directory, 'news.index')) as IndexReader;
    expect([...after.byKey.keys()].sort()).toEqual(['a.txt', 'c.txt']);
    expect(existsSync(join(directory, 'lock'))).toBe(false);
  });

  it('refuses a second writer while the first is alive', async () => {
    const directory = join(temporaryDirectory(), 'news.index');
    const first = await IndexWriter.begin(directory, 'news.index', SETTINGS);
    await expect(IndexWriter.begin(directory, 'news.index', SETTINGS)).rejects.toThrow(/another newsdedup \(pid \d+ on .*\) is adding to it/);
    await first.add(article('a.txt', [1]));
    await first.commit();
    // The lock went with the commit: a new writer may begin.
    const second = await IndexWriter.begin(directory, 'news.index', SETTINGS);
    await second.abort();
    expect(((await IndexReader.open(directory, 'news.index')) as IndexReader).articleCount).toBe(1);
  });

  it('refuses a damaged, foreign or newer index in one sentence', async () => {
    const root = temporaryDirectory();
    const damaged = join(root, 'damaged.index');
    await indexWith(damaged, [article('a.txt', [10, 20])]);
    const postings = readdirSync(damaged).find((name) => name.endsWith('.postings'))!;
    truncateSync(join(damaged, postings), 4);
    await expect(IndexReader.open(damaged, 'damaged.index')).rejects.toThrow(/^Cannot use the index `damaged.index`: its file s1-1.postings is 4 bytes, not the \d+ its manifest says: it is damaged\.$/);

    const garbled = join(root, 'garbled.index');
    await indexWith(garbled, [article('a.txt', [10])]);
    writeFileSync(join(garbled, 'manifest.json'), '{"format": "newsdedup-in');
    await expect(IndexReader.open(garbled, 'garbled.index')).rejects.toThrow('its manifest.json is not JSON: the index is damaged');

    const newer = join(root, 'newer.index');
    await indexWith(newer, [article('a.txt', [10])]);
    const manifest = JSON.parse(readFileSync(join(newer, 'manifest.json'), 'utf8'));
    writeFileSync(join(newer, 'manifest.json'), JSON.stringify({ ...manifest, version: 99 }));
    await expect(IndexReader.open(newer, 'newer.index')).rejects.toThrow('it is format version 99, newer than this newsdedup reads (6); upgrade newsdedup');

    // Version 5 split a word at a soft hyphen: built again, not read otherwise than a full run.
    const older = join(root, 'older.index');
    await indexWith(older, [article('a.txt', [10])]);
    writeFileSync(join(older, 'manifest.json'), JSON.stringify({ ...manifest, version: 5 }));
    await expect(IndexReader.open(older, 'older.index')).rejects.toThrow('it is format version 5, from an earlier newsdedup (this one reads 6); build it again: move it aside and run `newsdedup index add` on its inputs');

    const foreign = join(root, 'photos');
    mkdirSync(foreign);
    writeFileSync(join(foreign, 'holiday.jpg'), 'not an index');
    await expect(IndexReader.open(foreign, 'photos')).rejects.toThrow('the folder holds other files and no manifest.json: it is not a newsdedup index');
    await expect(IndexReader.open(join(root, 'missing.index'), 'missing.index')).rejects.toThrow('there is no index there; create one with `newsdedup index add <inputs...> --index missing.index`');
  });

  it('refuses to add to an index built with other fingerprint settings', async () => {
    const directory = join(temporaryDirectory(), 'news.index');
    await indexWith(directory, [article('a.txt', [10])]);
    await expect(IndexWriter.begin(directory, 'news.index', { shingleSize: 4, sketchSize: 8 })).rejects.toThrow('it was built with shingle size 3 and sketch size 8; this run uses 4 and 8');
  });
});
