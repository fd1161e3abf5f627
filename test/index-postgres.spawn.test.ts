/**
 * The index on PostgreSQL, against a real server (a throwaway cluster, see postgres-server.ts):
 * shards added by three processes at once, a killed add, a lost connection, bad credentials, and
 * the same output as the embedded index and as one machine's run.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../bench/generate.js';
import { syntheticText } from '../bench/synthetic.js';
import { CLI, corpusArticles, temporaryDirectory } from './helpers.js';
import type { PostgresServer } from '../bench/postgres-server.js';
import { loadPg, postgresUnavailable, startPostgres } from '../bench/postgres-server.js';

const cli = (cwd: string, args: readonly string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
const running = (cwd: string, args: readonly string[]) => {
  const child = spawn(process.execPath, [CLI, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let stdout = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  // 'close': after the process exits and its output is all read.
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; stdout: string }>((done) => child.on('close', (code, signal) => done({ code, signal, stderr, stdout })));
  return { child, exited };
};

/** Every file under `directory`, relative, sorted. */
function files(directory: string): string[] {
  return readdirSync(directory, { recursive: true }).map(String).filter((name) => name.endsWith('.txt')).sort();
}

let server: PostgresServer;
let databases = 0;

/** A fresh database of the test server, as a URL: each test its own index. */
async function freshIndex(): Promise<string> {
  databases += 1;
  const name = `shard_test_${databases}`;
  const client = new (loadPg().Client)(server.url);
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  return server.url.replace(/\/[^/]+$/, `/${name}`);
}

async function articleCount(url: string): Promise<number> {
  const client = new (loadPg().Client)(url);
  await client.connect();
  try {
    const present = await client.query<{ present: boolean }>("SELECT to_regclass('newsdedup_articles') IS NOT NULL AS present");
    if (present.rows[0]?.present !== true) return 0;
    const rows = await client.query<{ count: string }>('SELECT count(*) AS count FROM newsdedup_articles WHERE current');
    return Number(rows.rows[0]?.count ?? 0);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  const missing = postgresUnavailable();
  if (missing !== undefined) throw new Error(`these tests need PostgreSQL's server programs (apt-get install postgresql): ${missing}`);
  server = await startPostgres();
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

describe('an index on PostgreSQL shared by several machines', () => {
  let corpus: string;
  let shards: string[][];
  beforeAll(async () => {
    // Twelve sites' articles of our own words: backgrounds, edits, figures, tables and furniture.
    const generated = temporaryDirectory();
    await generate({ out: generated, bytes: 700_000, seed: 17, text: syntheticText(), shape: 'furniture' });
    corpus = join(generated, 'articles');
    const all = files(corpus);
    shards = [0, 1, 2].map((shard) => all.filter((_, index) => index % 3 === shard));
  }, 60_000);

  it('takes three shards added at once, and each shard cleaned against it is byte for byte what one machine gives', async () => {
    const url = await freshIndex();
    // Three machines, each adding its shard, at the same time.
    const adds = shards.map((shard) => running(corpus, ['index', 'add', ...shard, '--index', url]));
    const added = await Promise.all(adds.map((add) => add.exited));
    for (const result of added) {
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
    }
    expect(await articleCount(url)).toBe(shards.flat().length);
    // Each add says how many articles the index held once it was in: the last to commit, all of them.
    const inAll = added.map((result) => Number(/; (\d+) articles in all/.exec(result.stdout)?.[1]));
    expect(Math.max(...inAll)).toBe(shards.flat().length);

    // Each machine cleans its shard against the whole index; one machine cleans everything.
    const out = temporaryDirectory();
    shards.forEach((shard, index) => {
      const cleaned = cli(corpus, ['clean', ...shard, '--index', url, '--out', join(out, `shard-${index}`)]);
      expect(cleaned.stderr).toBe('');
      expect(cleaned.status).toBe(0);
    });
    const whole = cli(corpus, ['clean', '.', '--out', join(out, 'whole')]);
    expect(whole.status).toBe(0);
    let compared = 0;
    shards.forEach((shard, index) => {
      for (const file of shard) {
        expect(readFileSync(join(out, `shard-${index}`, file), 'utf8'), file).toBe(readFileSync(join(out, 'whole', file), 'utf8'));
        compared += 1;
      }
    });
    expect(compared).toBe(shards.flat().length);
    // Not a vacuous equality: the shards share blocks across machines.
    const report = JSON.parse(readFileSync(join(out, 'shard-0', 'report.json'), 'utf8')) as { index: { joinedBlocks: string[] }; totals: { sharedWords: number } };
    expect(report.totals.sharedWords).toBeGreaterThan(0);
    expect(report.index.joinedBlocks.length).toBeGreaterThan(0);
    // A newsroom's question, asked of the tables: which articles share this block?
    const block = (JSON.parse(readFileSync(join(out, 'whole', 'report.json'), 'utf8')) as { blocks: { id: string; articles: string[] }[] }).blocks.find((candidate) => report.index.joinedBlocks.includes(candidate.id));
    expect(block).toBeDefined();
    const client = new (loadPg().Client)(url);
    await client.connect();
    const holders = await client.query<{ key: string }>('SELECT key FROM newsdedup_blocks WHERE block = $1 ORDER BY key', [block?.id]);
    await client.end();
    expect(holders.rows.map((row) => row.key)).toEqual([...(block?.articles ?? [])].sort());
  }, 120_000);

  it('gives the same output as the embedded index', async () => {
    const url = await freshIndex();
    const archive = [...(shards[0] ?? []), ...(shards[1] ?? [])];
    expect(cli(corpus, ['index', 'add', ...archive, '--index', url]).status).toBe(0);
    expect(cli(corpus, ['index', 'add', ...archive, '--index', '.newsdedup']).status).toBe(0);
    const out = temporaryDirectory();
    const today = shards[2] ?? [];
    const viaPostgres = cli(corpus, ['clean', ...today, '--index', url, '--out', join(out, 'postgres'), '--format', 'json']);
    const viaFolder = cli(corpus, ['clean', ...today, '--index', '.newsdedup', '--out', join(out, 'folder'), '--format', 'json']);
    expect(viaPostgres.status).toBe(0);
    expect(viaFolder.status).toBe(0);
    const withoutPath = (stdout: string) => {
      const report = JSON.parse(stdout) as { index: { path: string } };
      return { ...report, index: { ...report.index, path: '' } };
    };
    expect(withoutPath(viaPostgres.stdout)).toEqual(withoutPath(viaFolder.stdout));
    for (const file of today) expect(readFileSync(join(out, 'postgres', file), 'utf8')).toBe(readFileSync(join(out, 'folder', file), 'utf8'));
  }, 120_000);
});

describe('faults on a PostgreSQL index', () => {
  /** Many small articles: the seeds, each copy with a line of its own. */
  function manyArticles(folder: string, count: number): void {
    mkdirSync(folder, { recursive: true });
    const articles = corpusArticles();
    for (let i = 0; i < count; i += 1) writeFileSync(join(folder, `${String(i).padStart(5, '0')}.txt`), `Copy ${i} of the story, filed at desk ${i * 7919}.\n${articles[i % articles.length]!.text}`);
  }

  it('commits nothing of an add killed midway, and the same add run again completes it', async () => {
    const url = await freshIndex();
    const cwd = temporaryDirectory();
    manyArticles(join(cwd, 'shard'), 3000);
    const add = running(cwd, ['index', 'add', 'shard', '--index', url, '--workers', '2']);
    await new Promise((done) => setTimeout(done, 1500));
    add.child.kill('SIGKILL');
    expect((await add.exited).signal).toBe('SIGKILL');
    expect(await articleCount(url)).toBe(0);
    const again = cli(cwd, ['index', 'add', 'shard', '--index', url]);
    expect(again.stderr).toBe('');
    expect(again.stdout).toMatch(/^added 3000 articles to postgres:\/\/newsdedup@127\.0\.0\.1:\d+\/shard_test_\d+ \(0 replaced with new text, 0 indexed already\); 3000 articles in all\n$/);
    // Idempotent: a shard added twice is added once.
    expect(cli(cwd, ['index', 'add', 'shard', '--index', url]).stdout).toMatch(/added 0 articles .*3000 indexed already\); 3000 articles in all/);
    expect(await articleCount(url)).toBe(3000);
  }, 120_000);

  it('creates the tables once when six adds start at once on a new database', async () => {
    const cwd = temporaryDirectory();
    for (let shard = 0; shard < 6; shard += 1) {
      mkdirSync(join(cwd, `s${shard}`));
      writeFileSync(join(cwd, `s${shard}`, 'a.txt'), `Article ${shard} of its own words about the harbour, the trains and the weather.\n`);
    }
    for (let round = 0; round < 3; round += 1) {
      const url = await freshIndex();
      const adds = await Promise.all([0, 1, 2, 3, 4, 5].map((shard) => running(cwd, ['index', 'add', `s${shard}`, '--index', url]).exited));
      for (const add of adds) expect(add).toMatchObject({ code: 0, stderr: '' });
      expect(await articleCount(url)).toBe(6);
    }
  }, 120_000);

  it('refuses an index of an earlier schema, saying to build it again, and leaves it as it was', async () => {
    const url = await freshIndex();
    const cwd = temporaryDirectory();
    manyArticles(join(cwd, 'archive'), 10);
    manyArticles(join(cwd, 'today'), 2);
    expect(cli(cwd, ['index', 'add', 'archive', '--index', url]).status).toBe(0);
    const client = new (loadPg().Client)(url);
    await client.connect();
    try {
      // Schema 6 split a word at a soft hyphen inside it.
      await client.query('UPDATE newsdedup_meta SET version = 6');
      const refused = cli(cwd, ['report', 'today', '--index', url]);
      expect(refused.status).toBe(2);
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toMatch(/^newsdedup: Cannot use the index `postgres:\/\/[^`]*`: its schema is version 6, from an earlier newsdedup \(this one reads 7\); build it again: drop its newsdedup_\* tables, or use another database, and run `newsdedup index add` on its inputs\.\n$/);
      expect((await client.query<{ version: number }>('SELECT version FROM newsdedup_meta')).rows).toEqual([{ version: 6 }]);
    } finally {
      await client.end();
    }
  }, 120_000);

  it('counts once the articles that two adds of the same shard bring at once', async () => {
    const url = await freshIndex();
    const cwd = temporaryDirectory();
    manyArticles(join(cwd, 'shard'), 300);
    const both = await Promise.all([running(cwd, ['index', 'add', 'shard', '--index', url]), running(cwd, ['index', 'add', 'shard', '--index', url])].map((add) => add.exited));
    for (const result of both) expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(await articleCount(url)).toBe(300);
  }, 120_000);

  it('says in one line that the connection was lost (exit 2), and a run again goes through', async () => {
    const url = await freshIndex();
    const cwd = temporaryDirectory();
    manyArticles(join(cwd, 'shard'), 400);
    // A proxy that cuts the connection once the client has sent 200 KB: mid-COPY.
    const target = new URL(url);
    const sockets = new Set<Socket>();
    const proxy: Server = createServer((client) => {
      const upstream = createConnection(Number(target.port), target.hostname);
      sockets.add(client).add(upstream);
      let sent = 0;
      client.on('data', (chunk) => {
        sent += chunk.length;
        if (sent > 200_000) {
          client.destroy();
          upstream.destroy();
          return;
        }
        upstream.write(chunk);
      });
      upstream.on('data', (chunk) => client.write(chunk));
      for (const socket of [client, upstream]) socket.on('error', () => undefined).on('close', () => (client.destroy(), upstream.destroy()));
    });
    await new Promise<void>((done) => proxy.listen(0, '127.0.0.1', done));
    const port = (proxy.address() as { port: number }).port;
    const viaProxy = url.replace(`:${target.port}/`, `:${port}/`);
    // Spawned, not run synchronously: the proxy lives in this process's event loop.
    const cut = await running(cwd, ['index', 'add', 'shard', '--index', viaProxy]).exited;
    proxy.close();
    for (const socket of sockets) socket.destroy();
    expect(cut.code).toBe(2);
    expect(cut.stderr).toMatch(/^newsdedup: Cannot use the index `postgres:\/\/newsdedup@127\.0\.0\.1:\d+\/shard_test_\d+`: the connection to the server was lost; nothing of this run was committed, so run it again\.\n$/);
    expect(await articleCount(url)).toBe(0);
    const resumed = cli(cwd, ['index', 'add', 'shard', '--index', url]);
    expect(resumed.status).toBe(0);
    expect(await articleCount(url)).toBe(400);
  }, 120_000);

  it('refuses bad credentials in one line that never prints the password', async () => {
    const url = await freshIndex();
    const cwd = temporaryDirectory();
    manyArticles(join(cwd, 'shard'), 3);
    const wrong = url.replace(/:([^:@/]+)@/, ':not-the-password-42@');
    for (const args of [['index', 'add', 'shard', '--index', wrong], ['report', 'shard', '--index', wrong]]) {
      const refused = cli(cwd, args);
      expect(refused.status).toBe(2);
      expect(refused.stderr).toMatch(/^newsdedup: Cannot use the index `postgres:\/\/newsdedup@127\.0\.0\.1:\d+\/shard_test_\d+`: the server refused the user name or password\.\n$/);
      expect(refused.stderr).not.toContain('not-the-password-42');
    }
    // A password given as a parameter is never printed either.
    const asParameter = `${url.replace(/:([^:@/]+)@/, '@')}?password=not-the-password-43`;
    const refused = cli(cwd, ['report', 'shard', '--index', asParameter]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/the server refused the user name or password\.\n$/);
    expect(refused.stderr).not.toContain('not-the-password-43');
    const nowhere = cli(cwd, ['report', 'shard', '--index', 'postgres://someone:secret@127.0.0.1:1/none']);
    expect(nowhere.status).toBe(2);
    expect(nowhere.stderr).toBe('newsdedup: Cannot use the index `postgres://someone@127.0.0.1:1/none`: the server refused the connection (is it running, and on that port?).\n');
    // A database with no index in it yet: reading it is a usage error, not a crash.
    const empty = cli(cwd, ['report', 'shard', '--index', url]);
    expect(empty.status).toBe(2);
    expect(empty.stderr).toMatch(/the database holds no newsdedup index; create one with `newsdedup index add <inputs\.\.\.> --index postgres:\/\/newsdedup@/);
  }, 60_000);
});
