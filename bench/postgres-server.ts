// A throwaway PostgreSQL server for tests: initdb into a fresh temporary folder, listen on a free
// loopback port only (no Unix socket), require a password for every connection, create a database
// and a user, and give its URL. `stop()` stops the server and removes the folder.
//
// PostgreSQL refuses to run as root, so when the tests run as root (as here and on CI) every server
// program runs as the `postgres` system user (Debian's package creates it) through `runuser`, and
// the temporary folder, under /tmp, belongs to that user.
//
// A server must not outlive the test process: an 'exit' handler stops any server still running, and
// a small detached watchdog, which holds the read end of a pipe from this process, stops the server
// and removes its folder when that pipe closes, that is when this process dies however it dies
// (even SIGKILL).

import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, appendFileSync, chownSync, constants, existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';

export interface PostgresServer {
  /** postgres://user:password@127.0.0.1:PORT/db */
  readonly url: string;
  readonly port: number;
  /** The temporary folder that holds the cluster (data/) and its log; gone after stop(). */
  readonly folder: string;
  stop(): Promise<void>;
}

/** The database and the (non-superuser, CREATEDB) user that the URL names. */
export const POSTGRES_TEST_DATABASE = 'newsdedup_test';
export const POSTGRES_TEST_USER = 'newsdedup';

// The `pg` client (8.x) ships no types and @types/pg is not installed: load it through require and
// describe the little the helper and the tests use.
export interface PgClient {
  connect(): Promise<void>;
  query<R = Record<string, unknown>>(text: string, values?: unknown[]): Promise<{ rows: R[] }>;
  end(): Promise<void>;
  on(event: 'error', listener: (error: Error) => void): unknown;
}
export interface PgClientConfig {
  connectionString?: string;
  host?: string;
  port?: number;
  user?: string;
  password?: string;
  database?: string;
  connectionTimeoutMillis?: number;
}
export interface PgModule {
  Client: new (config: PgClientConfig | string) => PgClient;
}

const requireHere = createRequire(import.meta.url);

/** The `pg` client module. */
export function loadPg(): PgModule {
  return requireHere('pg') as PgModule;
}

interface Setup {
  readonly bindir: string;
  /** Prefix of every server command: [] or ['runuser', '-u', 'postgres', '--']. */
  readonly runAs: readonly string[];
  /** The owner to give the temporary folder, when running as root. */
  readonly owner: { uid: number; gid: number } | undefined;
}

let setupCache: Setup | string | undefined;

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const serverPrograms = ['initdb', 'pg_ctl', 'postgres'];

function hasServerPrograms(dir: string): boolean {
  return serverPrograms.every((name) => isExecutable(join(dir, name)));
}

/** The folder of initdb, pg_ctl and postgres: pg_config --bindir, else /usr/lib/postgresql/<highest>/bin, else PATH. */
function findBindir(): string | undefined {
  const pgConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const fromConfig = pgConfig.status === 0 ? pgConfig.stdout.trim() : '';
  if (fromConfig !== '' && hasServerPrograms(fromConfig)) return fromConfig;

  const debianRoot = '/usr/lib/postgresql';
  if (existsSync(debianRoot)) {
    const versions = readdirSync(debianRoot)
      .filter((name) => /^\d+(\.\d+)?$/.test(name))
      .sort((a, b) => Number(b) - Number(a));
    for (const version of versions) {
      const dir = join(debianRoot, version, 'bin');
      if (hasServerPrograms(dir)) return dir;
    }
  }

  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    if (dir === '') continue;
    const initdb = join(dir, 'initdb');
    if (!isExecutable(initdb)) continue;
    // /usr/local/bin/initdb may be a symbolic link to the real folder, which also holds postgres.
    const real = dirname(realpathSync(initdb));
    if (hasServerPrograms(real)) return real;
    if (hasServerPrograms(dir)) return dir;
  }
  return undefined;
}

function systemUser(name: string): { uid: number; gid: number } | undefined {
  let passwd: string;
  try {
    passwd = readFileSync('/etc/passwd', 'utf8');
  } catch {
    return undefined;
  }
  for (const line of passwd.split('\n')) {
    const [user, , uid, gid] = line.split(':');
    if (user === name && uid !== undefined && gid !== undefined) return { uid: Number(uid), gid: Number(gid) };
  }
  return undefined;
}

function findRunuser(): string | undefined {
  const dirs = [...(process.env['PATH'] ?? '').split(delimiter), '/usr/sbin', '/sbin', '/usr/bin', '/bin'];
  return dirs
    .filter((dir) => dir.startsWith('/'))
    .map((dir) => join(dir, 'runuser'))
    .find(isExecutable);
}

function setup(): Setup | string {
  if (setupCache !== undefined) return setupCache;
  setupCache = computeSetup();
  return setupCache;
}

function computeSetup(): Setup | string {
  const bindir = findBindir();
  if (bindir === undefined) {
    return 'no PostgreSQL server programs (initdb, pg_ctl, postgres) found: not via pg_config --bindir, not in /usr/lib/postgresql/*/bin, not on PATH (install them with: apt-get install -y postgresql)';
  }
  try {
    requireHere.resolve('pg');
  } catch {
    return 'the pg client package is not installed (npm install pg)';
  }
  if (process.getuid?.() !== 0) return { bindir, runAs: [], owner: undefined };
  const owner = systemUser('postgres');
  if (owner === undefined) return 'running as root, which PostgreSQL refuses, and there is no postgres system user to run it as';
  const runuser = findRunuser();
  if (runuser === undefined) return 'running as root, which PostgreSQL refuses, and runuser (util-linux) is not found to run it as the postgres user';
  return { bindir, runAs: [runuser, '-u', 'postgres', '--'], owner };
}

/** Why no server can be started here (no initdb found, …), or undefined when one can. */
export function postgresUnavailable(): string | undefined {
  const found = setup();
  return typeof found === 'string' ? found : undefined;
}

/** A port that was free a moment ago on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address !== null && typeof address === 'object') resolve(address.port);
        else reject(new Error('could not find a free port'));
      });
    });
  });
}

/** A small, predictable environment: the C locale, no PG* variables. */
function serverEnv(): NodeJS.ProcessEnv {
  return { PATH: process.env['PATH'] ?? '/usr/bin:/bin', LC_ALL: 'C', LANG: 'C' };
}

/** Runs one server program (as postgres when root); rejects with its output when it fails. */
function run(found: Setup, folder: string, program: string, args: readonly string[]): Promise<void> {
  const argv = [...found.runAs, join(found.bindir, program), ...args];
  const [command, ...rest] = argv;
  return new Promise((resolve, reject) => {
    // cwd: a folder the postgres user can reach. stdout is read and dropped: nothing is printed.
    const child = spawn(command ?? program, rest, { cwd: folder, env: serverEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${program} ${args.join(' ')} failed (${signal ?? `exit ${code}`}): ${output.trim()}`));
    });
  });
}

interface Running {
  readonly folder: string;
  readonly stopArgv: readonly string[];
  readonly watchdog: ReturnType<typeof spawn> | undefined;
}

const running = new Set<Running>();
let exitHandlerInstalled = false;

function stopSync(server: Running): void {
  const [command, ...rest] = server.stopArgv;
  if (command !== undefined) spawnSync(command, rest, { cwd: '/', env: serverEnv(), stdio: 'ignore', timeout: 10_000 });
  rmSync(server.folder, { recursive: true, force: true });
  server.watchdog?.kill('SIGKILL');
  running.delete(server);
}

function installExitHandler(): void {
  if (exitHandlerInstalled) return;
  exitHandlerInstalled = true;
  process.on('exit', () => {
    for (const server of [...running]) stopSync(server);
  });
}

/**
 * A detached process that waits for end-of-file on a pipe from this process (which comes when this
 * process exits, even killed), then stops the server and removes its folder.
 */
function startWatchdog(folder: string, stopArgv: readonly string[]): ReturnType<typeof spawn> | undefined {
  const script = 'dir=$1; shift; cat >/dev/null 2>&1; "$@" >/dev/null 2>&1; rm -rf -- "$dir"';
  try {
    const child = spawn('/bin/sh', ['-c', script, 'postgres-watchdog', folder, ...stopArgv], {
      cwd: '/',
      env: serverEnv(),
      detached: true,
      stdio: ['pipe', 'ignore', 'ignore'],
    });
    child.on('error', () => {});
    child.stdin?.on('error', () => {});
    (child.stdin as Socket | null)?.unref();
    child.unref();
    return child;
  } catch {
    return undefined;
  }
}

/** Starts a throwaway cluster: initdb into a fresh temporary folder, listening on loopback only, on a free port; creates a database and a user with a password; gives its URL. */
export async function startPostgres(): Promise<PostgresServer> {
  const found = setup();
  if (typeof found === 'string') throw new Error(`cannot start PostgreSQL: ${found}`);

  // As root the postgres user must reach the folder, so /tmp rather than a TMPDIR under /root.
  const folder = mkdtempSync(join(found.owner === undefined ? tmpdir() : '/tmp', 'newsdedup-pg-'));
  const data = join(folder, 'data');
  const stopArgv = [...found.runAs, join(found.bindir, 'pg_ctl'), 'stop', '-D', data, '-m', 'immediate', '-s', '-w'];
  const server: Running = { folder, stopArgv, watchdog: startWatchdog(folder, stopArgv) };
  running.add(server);
  installExitHandler();

  try {
    if (found.owner !== undefined) chownSync(folder, found.owner.uid, found.owner.gid);
    const superPassword = randomBytes(18).toString('hex');
    const pwfile = join(folder, 'superuser-password');
    writeFileSync(pwfile, `${superPassword}\n`, { mode: 0o600 });
    if (found.owner !== undefined) chownSync(pwfile, found.owner.uid, found.owner.gid);
    await run(found, folder, 'initdb', [
      '-D', data, '-U', 'postgres', '--auth=scram-sha-256', `--pwfile=${pwfile}`,
      '-E', 'UTF8', '--locale=C', '--no-sync',
    ]);
    rmSync(pwfile, { force: true });

    // The port is free when found but may be taken before the server binds it: try a few.
    let port = 0;
    for (let attempt = 1; ; attempt += 1) {
      port = await freePort();
      appendFileSync(
        join(data, 'postgresql.auto.conf'),
        [
          `listen_addresses = '127.0.0.1'`,
          `port = ${port}`,
          `unix_socket_directories = ''`,
          'fsync = off',
          'synchronous_commit = off',
          'full_page_writes = off',
          'max_connections = 50',
          '',
        ].join('\n'),
      );
      try {
        await run(found, folder, 'pg_ctl', ['start', '-D', data, '-l', join(folder, 'server.log'), '-w', '-t', '30', '-s']);
        break;
      } catch (error) {
        const log = existsSync(join(folder, 'server.log')) ? readFileSync(join(folder, 'server.log'), 'utf8') : '';
        if (attempt >= 3 || !/could not bind|Address already in use/i.test(log)) {
          throw new Error(`${(error as Error).message}\n${log.trim()}`);
        }
      }
    }

    const password = randomBytes(18).toString('hex');
    const pg = loadPg();
    const admin = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password: superPassword, database: 'postgres' });
    admin.on('error', () => {});
    await admin.connect();
    try {
      await admin.query(`create role ${POSTGRES_TEST_USER} login createdb password '${password}'`);
      await admin.query(`create database ${POSTGRES_TEST_DATABASE} owner ${POSTGRES_TEST_USER}`);
    } finally {
      await admin.end();
    }

    const url = `postgres://${POSTGRES_TEST_USER}:${password}@127.0.0.1:${port}/${POSTGRES_TEST_DATABASE}`;
    let stopped: Promise<void> | undefined;
    return {
      url,
      port,
      folder,
      stop(): Promise<void> {
        stopped ??= (async () => {
          server.watchdog?.kill('SIGKILL');
          try {
            await run(found, folder, 'pg_ctl', ['stop', '-D', data, '-m', 'immediate', '-s', '-w']);
          } catch (error) {
            // A server that is already gone (it crashed, or was killed) is stopped enough.
            if (existsSync(join(data, 'postmaster.pid'))) throw error;
          } finally {
            rmSync(folder, { recursive: true, force: true });
            running.delete(server);
          }
        })();
        return stopped;
      },
    };
  } catch (error) {
    stopSync(server);
    throw error;
  }
}
