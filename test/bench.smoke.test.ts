import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, temporaryDirectory } from './helpers.js';

// The CI tier of `npm run bench`: about 10 MB, as a smoke test that the benchmark runs and that
// quality holds. It never gates on time; the timings it prints are not asserted.
describe('npm run bench (10 MB tier)', () => {
  it('generates the seeded corpus, scores what newsdedup collapsed, and writes its results', () => {
    const results = join(temporaryDirectory(), 'results.json');
    const run = spawnSync(process.execPath, [join(ROOT, 'bench', 'dist', 'run.js'), '--tiers', '10', '--results', results], { encoding: 'utf8', timeout: 300_000 });
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/recall\s+precision/);
    const written = JSON.parse(readFileSync(results, 'utf8')) as { rows: { recall: number; precision: number; chromeRecall: number; files: number }[]; workerOutputIdentical: boolean };
    expect(written.rows).toHaveLength(1);
    expect(written.rows[0]!.files).toBeGreaterThan(2000);
    expect(written.rows[0]!.recall).toBeGreaterThanOrEqual(0.99);
    expect(written.rows[0]!.precision).toBeGreaterThanOrEqual(0.99);
    expect(written.rows[0]!.chromeRecall).toBeGreaterThanOrEqual(0.99);
    expect(written.workerOutputIdentical).toBe(true);
  }, 300_000);
});
