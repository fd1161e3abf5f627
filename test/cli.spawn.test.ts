import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dedupe } from '../src/pipeline.js';
import { corpusArticles, ROOT } from './helpers.js';

// The real binary, as a user runs it (built by `npm test`'s pretest step).
const CLI = join(ROOT, 'dist', 'cli.js');
const runCli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });

describe('dist/cli.js', () => {
  it('prints nothing but the report on stdout with --format json', async () => {
    const { status, stdout, stderr } = runCli('report', 'corpus', '--format', 'json');
    expect(stderr).toBe('');
    expect(status).toBe(0);
    // natural prints dotenv tips on stdout when its index is imported; none may reach here.
    expect(JSON.parse(stdout)).toEqual((await dedupe(corpusArticles())).report);
  });

  it('exits 2 with a one-line message and no stack trace when no file matches', () => {
    const { status, stdout, stderr } = runCli('report', 'corpus/*.nothing');
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('newsdedup: Input `corpus/*.nothing` matches no file.\n');
  });
});
