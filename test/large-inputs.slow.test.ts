/**
 * Inputs far from the seed corpus in size and count, run through the real binary: a 20 MB article
 * on one line, a sentence of 100,000 words, and 10,000 tiny files read under a limit of 256 open
 * files. Memory is read from the child process itself (bench/peak-rss preloaded), never timed. Each
 * run names its worker count, because memory grows with it (the 100,000-file corpus this test used
 * to take peaked at 790 MB with 2 workers and at 1,157 MB with 16).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../src/types.js';
import { ROOT, temporaryDirectory, tree } from './helpers.js';

const CLI = join(ROOT, 'dist', 'cli.js');
const PEAK_RSS = join(ROOT, 'bench', 'dist', 'peak-rss.js');

/** Most open files the CLI may hold at once here: far fewer than the files of a large corpus. */
const OPEN_FILES = 256;

/**
 * Runs the CLI with two workers, under a limit of `OPEN_FILES` open files (bash's `ulimit -n`,
 * then `exec`, so that the limit is the CLI's own); gives its exit code, report and peak resident
 * memory in MB.
 */
function runMeasured(cwd: string, ...args: string[]) {
  const rssFile = join(cwd, 'peak-rss.txt');
  const command = ['-c', `ulimit -n ${OPEN_FILES} && exec "$0" "$@"`, process.execPath, '--import', PEAK_RSS, CLI, ...args, '--workers', '2', '--format', 'json'];
  const { status, stdout, stderr } = spawnSync('bash', command, {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, NEWSDEDUP_BENCH_RSS: rssFile },
  });
  return { status, stderr, report: (status === 0 ? JSON.parse(stdout) : undefined) as Report | undefined, peakMb: Number(readFileSync(rssFile, 'utf8').split(' ')[0]) };
}

/** Seeded words, so that the texts are the same on every run. */
function words(count: number, seed: number): string[] {
  let state = seed;
  const out: string[] = [];
  for (let i = 0; i < count; i += 1) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    out.push(`w${(state >>> 8) % 5000}`);
  }
  return out;
}

describe('large inputs', () => {
  it('takes a 20 MB article on one line and a sentence of 100,000 words with bounded memory', () => {
    const cwd = temporaryDirectory();
    mkdirSync(join(cwd, 'in'));
    // 20 MB on one line: sentences of 12 words, capitalised, never a line break; built in chunks.
    const chunks: string[] = [];
    for (let chunk = 0; chunk < 40; chunk += 1) {
      const vocabulary = words(90_000, 7 + chunk);
      const sentences: string[] = [];
      for (let i = 0; i < vocabulary.length; i += 12) sentences.push(`W${vocabulary.slice(i, i + 12).join(' ')}.`);
      chunks.push(sentences.join(' '));
    }
    const line = chunks.join(' ');
    writeFileSync(join(cwd, 'in', 'one-line.txt'), line);
    // One sentence of 100,000 words: no stop anywhere.
    writeFileSync(join(cwd, 'in', 'one-sentence.txt'), words(100_000, 11).join(' '));
    const { status, stderr, report, peakMb } = runMeasured(cwd, 'report', 'in');
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(line.length).toBeGreaterThan(20_000_000);
    expect(report!.articles.map((a) => a.words)).toEqual([3_600_000, 100_000]);
    // The text is 21 MB; the run holds it, its sentences and their fingerprints, and no more: about
    // 240 MB seen, some 140 MB of it Node and two workers, and about 5 MB for each MB of text
    // (359 MB for 53 MB). The ceiling allows twice that for each MB of text.
    expect(peakMb).toBeLessThan(350);
  }, 120_000);

  it('cleans a corpus of more than 32 MB alike with one thread, with two workers, and with two it lets go while it assembles', () => {
    // Reading its texts again, a run collects garbage between steps, and lets the worker threads go
    // after verifying and starts them again to apply; holding them, it keeps both. Within assemble,
    // garbage is collected past 256 MB of growth. None of it may change the output.
    const cwd = temporaryDirectory();
    const backgrounds = Array.from({ length: 40 }, (_, b) => {
      const vocabulary = words(60, 1000 + b);
      return [0, 15, 30, 45].map((at) => `B${vocabulary.slice(at, at + 15).join(' ')}.`).join(' ');
    });
    for (let folder = 0; folder < 4; folder += 1) {
      mkdirSync(join(cwd, 'in', `site-${folder}`), { recursive: true });
      for (let file = 0; file < 500; file += 1) {
        const own = words(3_000, folder * 1000 + file);
        const paragraphs: string[] = [];
        for (let i = 0; i < own.length; i += 120) {
          const sentences: string[] = [];
          for (let j = i; j < Math.min(own.length, i + 120); j += 12) sentences.push(`S${own.slice(j, j + 12).join(' ')}.`);
          paragraphs.push(sentences.join(' '));
        }
        paragraphs.splice(5, 0, backgrounds[(folder * 7 + file) % backgrounds.length]!);
        paragraphs.push(`Follow site ${folder} for more.`);
        writeFileSync(join(cwd, 'in', `site-${folder}`, `${file}.txt`), `${paragraphs.join('\n\n')}\n`);
      }
    }
    const bytes = Object.keys(tree(join(cwd, 'in'))).reduce((sum, name) => sum + statSync(join(cwd, 'in', name)).size, 0);
    expect(bytes).toBeGreaterThan(32 << 20);
    const outputs = [['1', 'yes'], ['2', 'yes'], ['2', 'no']].map(([workers, held]) => {
      const out = `out-${workers}-${held}`;
      const { status, stderr } = spawnSync(process.execPath, [CLI, 'clean', 'in', '--out', out, '--workers', workers!, '--texts-in-memory', held!, '--quiet'], { cwd, encoding: 'utf8' });
      expect(stderr).toBe('');
      expect(status).toBe(0);
      return tree(join(cwd, out));
    });
    const report = JSON.parse(readFileSync(join(cwd, 'out-2-yes', 'report.json'), 'utf8')) as Report;
    expect(report.totals.words).toBeGreaterThan(5_000_000);
    expect(report.totals.blocks).toBe(40);
    expect(Object.keys(outputs[1]!).filter((name) => /^site-\d\/\d+\.txt$/.test(name))).toHaveLength(2_000);
    expect(outputs[1]).toEqual(outputs[0]);
    expect(outputs[2]).toEqual(outputs[0]);
  }, 300_000);

  it(`takes 10,000 tiny files without running out of file descriptors (${OPEN_FILES} allowed)`, () => {
    const cwd = temporaryDirectory();
    for (let folder = 0; folder < 10; folder += 1) {
      mkdirSync(join(cwd, 'in', `f${folder}`), { recursive: true });
      for (let file = 0; file < 1000; file += 1) writeFileSync(join(cwd, 'in', `f${folder}`, `${file}.txt`), `Brief ${folder}-${file}. Nothing else happened today.\n`);
    }
    const { status, stderr, report, peakMb } = runMeasured(cwd, 'report', 'in', '--max-pairs', '0');
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(report!.totals.articles).toBe(10_000);
    expect(report!.articles[0]!.words).toBe(6);
    // About 190 MB seen: Node and two workers, and a record of 5 to 8 KB per article on the main
    // thread (240 MB for 20,000 articles, 844 MB for 100,000). The ceiling allows about twice that
    // per article. 10,000 files are 39 times the open files allowed: any leak or unbounded fan-out
    // of open files fails with EMFILE here, whatever the machine's own limit.
    expect(peakMb).toBeLessThan(300);
  }, 300_000);
});
