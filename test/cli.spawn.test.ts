import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dedupe } from '../src/pipeline.js';
import { CLI, corpusArticles, ROOT, temporaryDirectory } from './helpers.js';

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

describe('dist/cli.js interrupted', () => {
  /**
   * A corpus that takes a few seconds to clean: the seed articles many times, each with its own
   * line. Written once for both signals: an interrupted run leaves the folder as it found it (which
   * is what each test checks), so the second test starts where the first did.
   */
  let corpus: string | undefined;
  function slowCorpus(): string {
    if (corpus !== undefined) return corpus;
    const dir = temporaryDirectory();
    const articles = corpusArticles();
    // In folders of folders, as a scraper lays out a site: apply makes the output's folders as it goes.
    for (let i = 0; i < 6000; i += 1) {
      const article = articles[i % articles.length]!;
      const folder = join(dir, 'in', `y${2020 + (i % 3)}`, `m${String(1 + (i % 12)).padStart(2, '0')}`);
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, `${String(i).padStart(5, '0')}.txt`), `Copy ${i} of the story, filed at desk ${i * 7919}.\n${article.text}`);
    }
    mkdirSync(join(dir, 'out'));
    // A previous output: newsdedup replaces a folder that holds its report.json, and no other.
    writeFileSync(join(dir, 'out', 'previous.txt'), 'the last run’s output\n');
    writeFileSync(join(dir, 'out', 'report.json'), '{}\n');
    corpus = dir;
    return dir;
  }

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('on %s exits %i, leaves the previous output untouched and no temporary directory', async (signal, code) => {
    const dir = slowCorpus();
    const child = spawn(process.execPath, [CLI, 'clean', 'in', '--out', 'out', '--workers', '2'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<number | null>((done) => child.on('exit', (status) => done(status)));
    // Wait until the run is writing articles into its temporary output (their folders made), then
    // interrupt it: the workers still writing must not make the discarded folder again.
    const temporary = () => readdirSync(dir).filter((name) => name.endsWith('.tmp'));
    const writing = () => temporary().some((name) => readdirSync(join(dir, name)).some((entry) => entry.startsWith('y')));
    for (let waited = 0; !writing() && waited < 30_000; waited += 20) await new Promise((done) => setTimeout(done, 20));
    expect(temporary()).toHaveLength(1);
    child.kill(signal);
    expect(await exited).toBe(code);
    expect(stderr).toContain(`interrupted by ${signal}`);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['previous.txt', 'report.json']);
    expect(readFileSync(join(dir, 'out', 'previous.txt'), 'utf8')).toBe('the last run’s output\n');
    expect(readdirSync(dir).sort()).toEqual(['in', 'out']);
  }, 60_000);
});

describe('dist/cli.js when stdout fails', () => {
  it('exits 2 with one line when stdout is a full disk', () => {
    const full = openSync('/dev/full', 'w');
    const { status, stderr } = spawnSync(process.execPath, [CLI, 'report', 'corpus', '--format', 'json'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', full, 'pipe'] });
    closeSync(full);
    expect(status).toBe(2);
    expect(stderr).toBe('newsdedup: cannot write the report to stdout: ENOSPC.\n');
  });

  it('stops quietly with 141, as a program stopped by SIGPIPE does, when the reader of stdout has gone', async () => {
    const child = spawn(process.execPath, [CLI, 'report', 'corpus', '--format', 'json'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const status = await new Promise<number | null>((done) => child.on('close', (code) => done(code)));
    expect(status).toBe(141);
    expect(stderr).toBe('');
  });
});
