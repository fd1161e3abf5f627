/**
 * `newsdedup index add` and `--index` as a user runs them: the real binary, killed mid-add, raced
 * by a second writer, and pointed at a damaged index.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, CORPUS, corpusArticles, temporaryDirectory } from './helpers.js';

const run = (cwd: string, args: readonly string[], env: Record<string, string> = {}) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...env } });

/** Many small articles: the seeds, each copy with a line of its own, in `folder`. */
function manyArticles(folder: string, count: number): void {
  mkdirSync(folder, { recursive: true });
  const articles = corpusArticles();
  for (let i = 0; i < count; i += 1) writeFileSync(join(folder, `${String(i).padStart(5, '0')}.txt`), `Copy ${i} of the story, filed at desk ${i * 7919}.\n${articles[i % articles.length]!.text}`);
}

async function waitFor(test: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !test(); waited += 10) {
    if (waited > 30_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 10));
  }
}

describe('newsdedup index add', () => {
  it('adds articles, says so, and clean --index prints what it read of the archive', () => {
    const cwd = temporaryDirectory();
    cpSync(CORPUS, join(cwd, 'news', 'monday'), { recursive: true });
    mkdirSync(join(cwd, 'news', 'tuesday'));
    cpSync(join(cwd, 'news', 'monday', '001_8471bf5c255b87a9.txt'), join(cwd, 'news', 'tuesday', 'a.txt'));
    const added = run(cwd, ['index', 'add', 'news/monday', '--index', 'news/.newsdedup']);
    expect(added.stderr).toBe('');
    expect(added.stdout).toBe('added 5 articles to news/.newsdedup (0 replaced with new text, 0 indexed already); 5 articles in all\n');
    expect(added.status).toBe(0);
    const again = run(cwd, ['index', 'add', 'news/monday', '--index', 'news/.newsdedup']);
    expect(again.stdout).toBe('added 0 articles to news/.newsdedup (0 replaced with new text, 5 indexed already); 5 articles in all\n');

    // The index from the environment; tuesday's article is a copy of monday's 001.
    const cleaned = run(cwd, ['clean', 'news/tuesday', '--out', 'out'], { NEWSDEDUP_INDEX: 'news/.newsdedup' });
    expect(cleaned.status).toBe(0);
    expect(cleaned.stdout).toMatch(/^1 article, \d+ words: 100\.0% shared in 0 blocks, 0 words of chrome removed\.\nAgainst the index news\/\.newsdedup: 5 archive articles, 3 read as context; 0 new blocks, 0 archive blocks joined\.\n1 article is a copy of an earlier one \(808 words\)\.\n/);
    expect(readdirSync(join(cwd, 'out', 'tuesday'))).toEqual(['a.txt']);
  });

  it('leaves the index as it was when killed mid-add, and the same add run again completes it', async () => {
    const cwd = temporaryDirectory();
    manyArticles(join(cwd, 'day1'), 50);
    manyArticles(join(cwd, 'day2'), 3000);
    expect(run(cwd, ['index', 'add', 'day1', '--index', 'news.index']).status).toBe(0);
    const child = spawn(process.execPath, [CLI, 'index', 'add', 'day2', '--index', 'news.index', '--workers', '2'], { cwd, stdio: 'ignore' });
    const exited = new Promise<number | null>((done) => child.on('exit', (_, signal) => done(signal === null ? 0 : 1)));
    // Killed once it holds the lock, with no chance to clean up.
    await waitFor(() => existsSync(join(cwd, 'news.index', 'lock')), 'the lock');
    await new Promise((done) => setTimeout(done, 200));
    child.kill('SIGKILL');
    expect(await exited).toBe(1);
    const between = run(cwd, ['report', 'day1', '--index', 'news.index', '--format', 'json']);
    expect(between.status).toBe(0);
    expect(JSON.parse(between.stdout).index.archiveArticles).toBe(50);

    const rerun = run(cwd, ['index', 'add', 'day2', '--index', 'news.index']);
    expect(rerun.stderr).toBe('');
    expect(rerun.stdout).toBe('added 3000 articles to news.index (0 replaced with new text, 0 indexed already); 3050 articles in all\n');
    expect(existsSync(join(cwd, 'news.index', 'lock'))).toBe(false);
  }, 90_000);

  it('refuses a second writer with one line while the first is adding', async () => {
    const cwd = temporaryDirectory();
    manyArticles(join(cwd, 'big'), 3000);
    manyArticles(join(cwd, 'small'), 5);
    const first = spawn(process.execPath, [CLI, 'index', 'add', 'big', '--index', 'news.index', '--workers', '2'], { cwd, stdio: 'ignore' });
    const exited = new Promise<number | null>((done) => first.on('exit', (status) => done(status)));
    await waitFor(() => existsSync(join(cwd, 'news.index', 'lock')), 'the lock');
    const second = run(cwd, ['index', 'add', 'small', '--index', 'news.index']);
    expect(second.status).toBe(2);
    expect(second.stdout).toBe('');
    expect(second.stderr).toMatch(/^newsdedup: Cannot use the index `news\.index`: another newsdedup \(pid \d+ on .+\) is adding to it; wait for it to finish, or remove news\.index\/lock if that process is gone\.\n$/);
    expect(await exited).toBe(0);
    expect(run(cwd, ['index', 'add', 'small', '--index', 'news.index']).stdout).toBe('added 5 articles to news.index (0 replaced with new text, 0 indexed already); 3005 articles in all\n');
  }, 90_000);

  it('exits 2 with one line naming a damaged index, and never prints a stack', () => {
    const cwd = temporaryDirectory();
    cpSync(CORPUS, join(cwd, 'news'), { recursive: true });
    expect(run(cwd, ['index', 'add', 'news', '--index', 'news.index']).status).toBe(0);
    const texts = readdirSync(join(cwd, 'news.index')).find((name) => name.endsWith('.texts'))!;
    truncateSync(join(cwd, 'news.index', texts), 10);
    const damaged = run(cwd, ['report', 'news', '--index', 'news.index']);
    expect(damaged.status).toBe(2);
    expect(damaged.stdout).toBe('');
    expect(damaged.stderr).toMatch(/^newsdedup: Cannot use the index `news\.index`: its file s1-1\.texts is 10 bytes, not the \d+ its manifest says: it is damaged\.\n$/);
    const missing = run(cwd, ['clean', 'news', '--out', 'out', '--index', 'nowhere.index']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('newsdedup: Cannot use the index `nowhere.index`: there is no index there; create one with `newsdedup index add <inputs...> --index nowhere.index`.\n');
    expect(existsSync(join(cwd, 'out'))).toBe(false);
    const usage = run(cwd, ['index', 'add', 'news']);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toBe('newsdedup: index add needs --index PATH (or NEWSDEDUP_INDEX): the index folder to add to.\n');
    const file = run(cwd, ['index', 'add', 'news', '--index', 'news/000_0c4b9f5ff617bffb.txt']);
    expect(file.status).toBe(2);
    expect(file.stderr).toBe('newsdedup: Cannot use the index `news/000_0c4b9f5ff617bffb.txt`: it is a file, not an index folder.\n');
    // An index whose folder does not hold the inputs cannot name them.
    const elsewhere = run(cwd, ['index', 'add', 'news', '--index', join(cwd, 'other', 'deep', 'news.index')]);
    expect(elsewhere.status).toBe(2);
    expect(elsewhere.stderr).toMatch(/^newsdedup: Input `.*news\/000_0c4b9f5ff617bffb\.txt` is outside `.*other\/deep`, the folder whose paths name articles with this index: keep the index in the corpus's folder, or, for PostgreSQL, run from the corpus's root\.\n$/);
    const url = run(cwd, ['report', 'news', '--index', 'postgres://someone:secret@127.0.0.1:99999/x']);
    expect(url.status).toBe(2);
    expect(url.stderr).toBe('newsdedup: Cannot use the index `postgres://…`: it is not a valid PostgreSQL URL (postgres://user:password@host:port/database).\n');
    // A password with @ and / not percent-encoded: said so, and nothing of it printed.
    const unencoded = run(cwd, ['report', 'news', '--index', 'postgres://someone:p@ss/w0rd@127.0.0.1:5432/x']);
    expect(unencoded.status).toBe(2);
    expect(unencoded.stderr).toBe('newsdedup: Cannot use the index `postgres://…`: its URL holds an @ after its host part; a user name or password with @, :, /, ? or # must be percent-encoded (@ as %40, / as %2F).\n');
  });
});
