import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { loadPg, postgresUnavailable, startPostgres, type PgClient } from '../bench/postgres-server.js';

const unavailable = postgresUnavailable();

/** Whether something accepts TCP connections on 127.0.0.1:port. */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function withClient<T>(client: PgClient, body: (client: PgClient) => Promise<T>): Promise<T> {
  client.on('error', () => {});
  await client.connect();
  try {
    return await body(client);
  } finally {
    await client.end();
  }
}

describe('a throwaway PostgreSQL server', () => {
  it('says why no server can start, or that one can', () => {
    if (unavailable !== undefined) {
      expect(unavailable).not.toContain('\n');
      console.warn(`PostgreSQL tests skipped: ${unavailable}`);
    }
    expect(unavailable === undefined || unavailable.length > 0).toBe(true);
  });

  it.skipIf(unavailable !== undefined)('starts, takes the URL, refuses a wrong password, and stops without a trace', async () => {
    const pg = loadPg();
    const server = await startPostgres();
    let stopped = false;
    try {
      const url = new URL(server.url);
      expect(url.protocol).toBe('postgres:');
      expect(url.hostname).toBe('127.0.0.1');
      expect(Number(url.port)).toBe(server.port);
      expect(url.pathname).toBe('/newsdedup_test');
      expect(url.username).not.toBe('');
      expect(url.password).not.toBe('');
      expect(existsSync(server.folder)).toBe(true);

      const row = await withClient(new pg.Client({ connectionString: server.url }), async (client) => {
        const result = await client.query<{ one: number; db: string; who: string }>('select 1 as one, current_database() as db, current_user as who');
        return result.rows[0];
      });
      expect(row).toEqual({ one: 1, db: 'newsdedup_test', who: url.username });

      // Host connections require the password: a wrong one is refused (28P01, invalid_password).
      const wrong = new URL(server.url);
      wrong.password = 'not-the-password';
      const refused = await withClient(new pg.Client({ connectionString: wrong.toString(), connectionTimeoutMillis: 5_000 }), async () => undefined).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(refused).toBeInstanceOf(Error);
      expect((refused as { code?: unknown }).code).toBe('28P01');
      expect((refused as Error).message).toMatch(/password authentication failed/);

      // The superuser needs a password too.
      const superuser = await withClient(new pg.Client({ host: '127.0.0.1', port: server.port, user: 'postgres', password: 'guess', database: 'postgres' }), async () => undefined).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect((superuser as { code?: unknown }).code).toBe('28P01');

      await server.stop();
      stopped = true;
      expect(existsSync(server.folder)).toBe(false);
      expect(await accepts(server.port)).toBe(false);
      // A second stop() is harmless.
      await server.stop();
    } finally {
      if (!stopped) await server.stop();
    }
  });
});
