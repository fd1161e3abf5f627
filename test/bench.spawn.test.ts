import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, temporaryDirectory } from './helpers.js';

// The CI tier of `npm run bench`: about 3 MB (some 880 articles, 22 background blocks, copies with
// a figure changed, small tables), as a smoke
// test that the benchmark runs and that quality holds. The text always comes from the seeded
// grammar in bench/synthetic.ts, so that the test behaves the same in any clone, with or without
// the research data folder beside the repository; a Markov chain trained on the five articles in
// corpus/ repeats its own sentences by chance, and those repeats are rightly collapsed, which no scoring can tell from a fault. Two
// workers are asked for, so that the comparison with one worker means the same on any machine.
// It never gates on time; the timings it prints are not asserted.
describe('npm run bench (3 MB tier)', () => {
  it('generates the seeded corpus, scores what newsdedup collapsed, and writes its results', () => {
    const scratch = temporaryDirectory();
    const results = join(scratch, 'results.json');
    const args = ['--tiers', '3', '--text', 'synthetic', '--workers', '2', '--cache', join(scratch, 'cache'), '--results', results];
    const run = spawnSync(process.execPath, [join(ROOT, 'bench', 'dist', 'run.js'), ...args], { encoding: 'utf8', timeout: 300_000 });
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^text: synthetic, /m);
    expect(run.stdout).toMatch(/recall\s+precision\s+verbatim\s+edited\s+inline\s+chrome\s+blocks whole\s+figures kept/);
    expect(run.stdout).toMatch(/^step times \(s\)/m);
    type Written = {
      text: string;
      rows: { recall: number; precision: number; chromeRecall: number; files: number; recallByKind: Record<string, number>; blocksWhole: number; figuresKept: number; tablesKept: number; figures: number; tableRows: number; steps: Record<string, number>; wallSeconds: number; floorSeconds: number; cpuSeconds: number; leastRatioToFloor: number }[];
      workerOutputIdentical: boolean;
    };
    const written = JSON.parse(readFileSync(results, 'utf8')) as Written;
    expect(written.text).toBe('synthetic');
    expect(written.rows).toHaveLength(1);
    expect(written.rows[0]!.files).toBeGreaterThan(700);
    expect(written.rows[0]!.recall).toBeGreaterThanOrEqual(0.99);
    expect(written.rows[0]!.precision).toBeGreaterThanOrEqual(0.99);
    expect(written.rows[0]!.chromeRecall).toBeGreaterThanOrEqual(0.99);
    const row = written.rows[0]!;
    // Issue 14's columns: every kind of copy is in the corpus, and each score is a share.
    expect(Object.keys(row.recallByKind).sort()).toEqual(['chrome', 'edited', 'inline', 'verbatim']);
    for (const value of [...Object.values(row.recallByKind), row.blocksWhole, row.figuresKept, row.tablesKept]) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(1);
    }
    expect(row.figures).toBeGreaterThan(0);
    expect(row.tableRows).toBeGreaterThan(0);
    // A sentence whose copy differs only in a figure is the article's own reporting, and a table row is never chrome.
    expect(row.figuresKept).toBe(1);
    expect(row.tablesKept).toBe(1);
    // Each step's time, from NEWSDEDUP_TRACE=1.
    expect(Object.keys(row.steps)).toEqual(expect.arrayContaining(['fingerprint', 'assemble']));
    // The run's CPU seconds (two workers and the main thread) are measured, and the least ratio
    // they allow is that work spread over this machine's cores, against the floor.
    expect(row.cpuSeconds).toBeGreaterThan(0);
    // (The floor's seconds are rounded to two places: a tenth's leeway.)
    const least = row.cpuSeconds / availableParallelism() / row.floorSeconds;
    expect(Math.abs(row.leastRatioToFloor - least)).toBeLessThanOrEqual(least / 10);
    expect(run.stdout).toMatch(/CPU s\s+least × floor/);
    expect(written.workerOutputIdentical).toBe(true);
  }, 300_000);
});
