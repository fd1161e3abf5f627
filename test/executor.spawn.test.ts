/**
 * The worker pool (`poolExecutor`, built): tasks run the same after the pool has been let go with
 * `rest`, which a large run does while it assembles, and `close` waits for every thread. Runs the
 * built module in a child process, where `worker.js` sits beside it.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const SCRIPT = `
const { poolExecutor } = await import(process.argv[1]);
const settings = { shingleSize: 3, sketchSize: 8, similarity: 0.8, maxHeadingWords: 8, chromeLines: [], fields: {} };
const texts = [
  'Pakistan and Afghanistan share a border of some 2,600 kilometres.',
  'Pakistan and Afghanistan share a long border of some 2,600 kilometres.',
  'Pakistan and Afghanistan share a border of some 2,400 kilometres.',
  'The weather in Karachi was hot and humid all week.',
];
const batch = { texts, starts: Int32Array.from([0, 0, 0, 0]), pairs: Int32Array.from([0, 1, 0, 0, 2, 0, 0, 3, 0]) };
const verdicts = (executor) => Promise.all([0, 1, 2, 3].map(() => executor.run('verify', { batch, settings })));
// The process's threads, as Linux lists them: two more while the pool runs.
const { existsSync, readdirSync } = await import('node:fs');
const threads = () => (existsSync('/proc/self/task') ? readdirSync('/proc/self/task').length : -1);
const settle = async (wanted) => { for (let i = 0; i < 100 && threads() !== wanted; i += 1) await new Promise((done) => setTimeout(done, 20)); return threads(); };
const before = threads();
const executor = await poolExecutor(2);
const first = await verdicts(executor);
const running = threads() - before;
await executor.rest();
await executor.rest();
const resting = (await settle(before)) - before;
const second = await verdicts(executor);
await executor.rest();
await executor.close();
const after = await executor.run('verify', { batch, settings }).then(() => 'ran', (error) => error.message);
process.stdout.write(JSON.stringify({ first, second, after, running, resting, linux: before > 0 }));
`;

describe('the worker pool', () => {
  it('runs tasks alike before and after it is let go, and refuses them once closed', () => {
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', SCRIPT, pathToFileURL(join(ROOT, 'dist', 'executor.js')).href], { encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const { first, second, after, running, resting, linux } = JSON.parse(run.stdout) as { first: { same: boolean }[][]; second: unknown; after: string; running: number; resting: number; linux: boolean };
    // Where the system lists a process's threads: the pool's two are gone while it rests.
    if (linux) {
      expect(running).toBeGreaterThanOrEqual(2);
      expect(resting).toBe(0);
    }
    // The light edit is the same sentence; the changed figure and the other sentence are not.
    expect(first[0]!.map((verdict) => verdict.same)).toEqual([true, false, false]);
    expect(second).toEqual(first);
    expect(after).toBe('the worker pool is closed');
  });
});
