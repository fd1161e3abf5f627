/**
 * The same corpus gives the same bytes on disk, whatever order its files are named or created in,
 * on every run and with any number of workers, and the output names no absolute path or time.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { random } from '../bench/generate.js';
import { main } from '../src/main.js';
import { captureIo, CLI, corpusArticles, temporaryDirectory, tree } from './helpers.js';

/** The five seed articles and 36 more built from their paragraphs, in three desks' folders. */
function buildCorpus(): { path: string; text: string }[] {
  const seeds = corpusArticles();
  const paragraphs = seeds.flatMap((article) => article.text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== ''));
  const next = random(20240630);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const files = seeds.map((article) => ({ path: `desk-a/${article.path}`, text: article.text }));
  for (let i = 0; i < 36; i += 1) {
    const count = 2 + Math.floor(next() * 6);
    const body = Array.from({ length: count }, () => {
      const words = pick(paragraphs).split(' ');
      if (next() < 0.3 && words.length > 4) words.splice(Math.floor(next() * words.length), 1); // a light edit
      return words.join(' ');
    });
    body.splice(Math.floor(next() * body.length), 0, `Own reporting number ${i}: ${'word '.repeat(8 + i).trim()}.`);
    files.push({ path: `desk-${pick(['a', 'b', 'c'])}/story-${String(i).padStart(2, '0')}.txt`, text: body.join(pick(['\n', '\n\n', '\r\n'])) + '\n' });
  }
  return files;
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const next = random(seed);
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(next() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** A scratch directory with the corpus written under `news/`, file by file in the given order. */
function workspace(files: readonly { path: string; text: string }[]): string {
  const cwd = temporaryDirectory();
  for (const file of files) {
    const path = join(cwd, 'news', file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.text);
  }
  return cwd;
}


/** Runs the real binary, so that `--workers` starts real worker threads. */
function clean(cwd: string, ...args: string[]): Record<string, string> {
  const { status, stderr } = spawnSync(process.execPath, [CLI, 'clean', ...args, '--out', 'out', '--quiet'], { cwd, encoding: 'utf8' });
  expect(status, stderr).toBe(0);
  return tree(join(cwd, 'out'));
}

describe('determinism on disk', () => {
  const files = buildCorpus();

  it('writes byte-identical report.json, cleaned files and _shared/ for any file order, run and worker count', () => {
    const inOrder = workspace(files);
    const first = clean(inOrder, 'news');
    expect(Object.keys(first)).toEqual(expect.arrayContaining(['report.json', '_chrome.txt']));
    expect(Object.keys(first).filter((name) => name.startsWith('_shared/')).length).toBeGreaterThan(3);
    expect(Object.keys(first).filter((name) => name.startsWith('desk-')).length).toBe(files.length);

    // The files created in another order, named one by one in a shuffled order, with one worker.
    const reversed = workspace([...files].reverse());
    const named = shuffled(files, 7).map((file) => `news/${file.path}`);
    expect(named).not.toEqual(files.map((file) => `news/${file.path}`));
    expect(clean(reversed, ...named, '--workers', '1')).toEqual(first);

    // Again, in the same place, with two workers.
    expect(clean(inOrder, 'news', '--workers', '2')).toEqual(first);

    // The texts read again by each pass, in workers and in one thread, rather than held since the first.
    expect(clean(inOrder, 'news', '--workers', '2', '--texts-in-memory', 'no')).toEqual(first);
    expect(clean(reversed, 'news', '--workers', '1', '--texts-in-memory', 'no')).toEqual(first);
  });

  it('names no absolute path and no time in report.json', async () => {
    // In process: what report.json holds does not depend on how the CLI is started.
    const cwd = workspace(files);
    const captured = captureIo(cwd);
    expect(await main(['clean', 'news', '--out', 'out', '--quiet'], captured.io), captured.stderr).toBe(0);
    const report = readFileSync(join(cwd, 'out', 'report.json'), 'utf8');
    expect(report).toContain('"desk-b/');
    expect(report).not.toContain(cwd);
    expect(report).not.toContain(tmpdir());
    expect(report).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    expect(report).not.toMatch(/"(absolute|base|cwd|created|time|timestamp|date)"/i);
  });
});
