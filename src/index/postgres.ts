/**
 * The lasting index on PostgreSQL: the same index as the embedded folder, in three tables, so that
 * several machines add to one index and clean against it.
 *
 *   newsdedup_meta      one row: schema version and fingerprint settings
 *   newsdedup_articles  id, key, file, ordinal, record id, title, date, date_ms, source, digest,
 *                       lines, body, current (false once the key was added again with other text)
 *   newsdedup_postings  hash, holder (article id × 4096 + sentence; 4095 for a short line or digest)
 *   newsdedup_blocks    block, key, label, seen_at: which articles each clean found in which block
 *
 * An add is one transaction: its rows are bulk-loaded with COPY into temporary tables and folded
 * into the index by two statements. A killed add commits nothing; adding a shard again skips the
 * articles already there with the same text. The only module that imports `pg`.
 */
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { ArticleRef } from '../worker.js';
import type { IndexSink, IndexSource } from './backend.js';
import type { ArchiveArticle, ArticleToAdd, IndexedArticle, IndexSettings } from './store.js';
import { NOT_A_SENTENCE, SENTENCES } from './store.js';
import { NewsdedupError } from '../errors.js';
import { misplacedAt, publicName } from './url.js';
import { temporaryDirectory } from '../stages/write.js';
import type { HolderLists } from './holders.js';
import { HolderListsBuilder } from './holders.js';

/**
 * The schema. 3: an article's `lines` include its dated sign-off (see `SIGN_OFF_WORDS`). 4:
 * sentences no longer end after the abbreviations of South Asian news ("Engr.", "Ch."). 5: a
 * sentence ends after an abbreviation that a sentence's opening word follows ("… the U.S. The …").
 * 6: no sentence ends at an ellipsis in brackets that opens a quote ("“[…] Key …"). 7: a soft hyphen
 * or an invisible joiner inside a word no longer splits it ("com\u00admon"). Each changes
 * some sentences' fingerprints: an index of an earlier schema would match otherwise than a full
 * run, so it is refused, to be built again.
 */
export const POSTGRES_SCHEMA_VERSION = 7;
/** Advisory lock key under which the tables are created: writers that start together create them once. */
const SCHEMA_LOCK = 7_464_001;
/** Hashes a query asks for at once. */
const HASH_BATCH = 20_000;
/** Rows a COPY sends at once. */
const COPY_ROWS = 50_000;

/** A PostgreSQL error as one sentence for the user, naming the index but never its password. */
function fail(name: string, error: unknown): never {
  if (error instanceof NewsdedupError) throw error;
  const { code, message } = error as { code?: string; message?: string };
  const reason =
    code === 'ECONNREFUSED' ? 'the server refused the connection (is it running, and on that port?)'
    : code === 'ENOTFOUND' || code === 'EAI_AGAIN' ? 'no such host'
    : code === 'ETIMEDOUT' ? 'the connection timed out'
    : code === '28P01' || code === '28000' ? 'the server refused the user name or password'
    : code === '3D000' ? 'that database does not exist'
    : code === '57P01' || code === '57P02' || code === '57P03' || code === 'EPIPE' || code === 'ECONNRESET' || /terminat|ended unexpectedly|ECONNRESET|EPIPE|Connection ended|not queryable/i.test(message ?? '') ? 'the connection to the server was lost; nothing of this run was committed, so run it again'
    : (message ?? String(error)).split('\n')[0]?.replace(/postgres(?:ql)?:\/\/[^@\s]*@/gi, 'postgres://…@');
  throw new NewsdedupError('E_INDEX', `Cannot use the index \`${name}\`: ${reason}.`, { cause: error });
}

async function connect(url: string, name: string): Promise<pg.Client> {
  if (misplacedAt(url)) {
    throw new NewsdedupError('E_INDEX', `Cannot use the index \`${name}\`: its URL holds an @ after its host part; a user name or password with @, :, /, ? or # must be percent-encoded (@ as %40, / as %2F).`);
  }
  let client: pg.Client;
  try {
    client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  } catch {
    throw new NewsdedupError('E_INDEX', `Cannot use the index \`${name}\`: it is not a valid PostgreSQL URL (postgres://user:password@host:port/database).`);
  }
  // A connection lost between queries is reported by the next query; the event must not crash the process.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    fail(name, error);
  }
  return client;
}

async function query<R extends pg.QueryResultRow>(client: pg.Client, name: string, text: string, values: readonly unknown[] = []): Promise<R[]> {
  try {
    return (await client.query<R>(text, [...values])).rows;
  } catch (error) {
    return fail(name, error);
  }
}

/** Creates the tables (once, under an advisory lock), or checks the ones there. */
async function ensureSchema(client: pg.Client, name: string, settings: IndexSettings | undefined): Promise<IndexSettings> {
  const existing = await readMeta(client, name);
  if (existing !== undefined || settings === undefined) return checkedMeta(name, existing, settings);
  await query(client, name, 'BEGIN');
  await query(client, name, 'SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
  const again = await readMeta(client, name);
  if (again === undefined) {
    for (const statement of [
      'CREATE TABLE IF NOT EXISTS newsdedup_meta (singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton), version integer NOT NULL, shingle_size integer NOT NULL, sketch_size integer NOT NULL)',
      'CREATE TABLE IF NOT EXISTS newsdedup_articles (id bigserial PRIMARY KEY, key text NOT NULL, file text, ordinal integer, record_id text, title text, date text, date_ms double precision, source text, digest text NOT NULL, lines bigint[], body text NOT NULL, current boolean NOT NULL DEFAULT true, added_at timestamptz NOT NULL DEFAULT now())',
      'CREATE UNIQUE INDEX IF NOT EXISTS newsdedup_articles_key ON newsdedup_articles (key) WHERE current',
      'CREATE TABLE IF NOT EXISTS newsdedup_postings (hash integer NOT NULL, holder bigint NOT NULL)',
      // Covering: a look-up by hash reads the holders from the index alone.
      'CREATE INDEX IF NOT EXISTS newsdedup_postings_hash_holder ON newsdedup_postings (hash, holder)',
      'CREATE TABLE IF NOT EXISTS newsdedup_blocks (block text NOT NULL, key text NOT NULL, label text NOT NULL, seen_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (block, key))',
    ]) {
      await query(client, name, statement);
    }
    // A writer that started together with another may not see its tables yet: the row goes in once.
    await query(client, name, 'INSERT INTO newsdedup_meta (version, shingle_size, sketch_size) VALUES ($1, $2, $3) ON CONFLICT (singleton) DO NOTHING', [POSTGRES_SCHEMA_VERSION, settings.shingleSize, settings.sketchSize]);
  }
  const settled = again ?? (await readMeta(client, name));
  await query(client, name, 'COMMIT');
  return checkedMeta(name, settled, settings);
}

async function readMeta(client: pg.Client, name: string): Promise<(IndexSettings & { version: number }) | undefined> {
  const tables = await query<{ present: boolean }>(client, name, "SELECT to_regclass('newsdedup_meta') IS NOT NULL AS present");
  if (tables[0]?.present !== true) return undefined;
  const rows = await query<{ version: number; shingle_size: number; sketch_size: number }>(client, name, 'SELECT version, shingle_size, sketch_size FROM newsdedup_meta');
  const row = rows[0];
  return row === undefined ? undefined : { version: row.version, shingleSize: row.shingle_size, sketchSize: row.sketch_size };
}

function checkedMeta(name: string, meta: (IndexSettings & { version: number }) | undefined, settings: IndexSettings | undefined): IndexSettings {
  if (meta === undefined) throw new NewsdedupError('E_INDEX', `Cannot use the index \`${name}\`: the database holds no newsdedup index; create one with \`newsdedup index add <inputs...> --index ${name}\`.`);
  if (meta.version !== POSTGRES_SCHEMA_VERSION) {
    const why = meta.version > POSTGRES_SCHEMA_VERSION ? 'newer than this newsdedup reads; upgrade newsdedup' : `from an earlier newsdedup (this one reads ${POSTGRES_SCHEMA_VERSION}); build it again: drop its newsdedup_* tables, or use another database, and run \`newsdedup index add\` on its inputs`;
    throw new NewsdedupError('E_INDEX', `Cannot use the index \`${name}\`: its schema is version ${meta.version}, ${why}.`);
  }
  if (settings !== undefined && (meta.shingleSize !== settings.shingleSize || meta.sketchSize !== settings.sketchSize)) {
    throw new NewsdedupError('E_INDEX', `Cannot use the index \`${name}\`: it was built with shingle size ${meta.shingleSize} and sketch size ${meta.sketchSize}; this run uses ${settings.shingleSize} and ${settings.sketchSize}.`);
  }
  return { shingleSize: meta.shingleSize, sketchSize: meta.sketchSize };
}

interface ArticleRow {
  id: string;
  key: string;
  file: string | null;
  ordinal: number | null;
  record_id: string | null;
  title: string | null;
  date: string | null;
  date_ms: number | null;
  source: string | null;
  digest: string;
  lines: string[] | null;
  current: boolean;
  size: number;
}

const ARTICLE_COLUMNS = 'id, key, file, ordinal, record_id, title, date, date_ms, source, digest, lines, current, octet_length(body) AS size';

function articleOfRow(row: ArticleRow): IndexedArticle & { readonly current: boolean } {
  return {
    key: row.key,
    ...(row.file === null ? {} : { file: row.file }),
    ...(row.ordinal === null ? {} : { ordinal: row.ordinal }),
    ...(row.record_id === null ? {} : { id: row.record_id }),
    ...(row.title === null ? {} : { title: row.title }),
    ...(row.date === null ? {} : { date: row.date }),
    ...(row.date_ms === null ? {} : { dateMs: row.date_ms }),
    ...(row.source === null ? {} : { source: row.source }),
    digest: row.digest,
    ...(row.lines === null ? {} : { lines: row.lines.map(Number) }),
    offset: 0,
    size: row.size,
    current: row.current,
  };
}

/** A PostgreSQL index opened to read. Article metadata is fetched as holders name articles. */
export class PostgresIndex implements IndexSource {
  /** Articles fetched so far, by id; `undefined` for one no longer current. */
  private readonly articles = new Map<number, (IndexedArticle & { readonly current: boolean }) | undefined>();
  private spool: { readonly directory: string; readonly file: string; remove(): Promise<void> } | undefined;

  private constructor(
    private readonly client: pg.Client,
    readonly name: string,
    readonly settings: IndexSettings,
    readonly articleCount: number,
  ) {}

  static async open(url: string): Promise<PostgresIndex> {
    const name = publicName(url);
    const client = await connect(url, name);
    try {
      const settings = await ensureSchema(client, name, undefined);
      // One snapshot for the whole run: an add that commits meanwhile is not half seen.
      await query(client, name, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const rows = await query<{ count: string }>(client, name, 'SELECT count(*) AS count FROM newsdedup_articles WHERE current');
      return new PostgresIndex(client, name, settings, Number(rows[0]?.count ?? 0));
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
  }

  async holders(hashes: Uint32Array): Promise<HolderLists> {
    const builder = new HolderListsBuilder(hashes);
    const ids = new Set<number>();
    for (let start = 0; start < hashes.length; start += HASH_BATCH) {
      const batch = Array.from(hashes.subarray(start, start + HASH_BATCH), (hash) => hash | 0);
      // The document counts and holders of each fingerprint, settled in the server by one GROUP BY.
      // As text joined by commas, read in one pass into typed arrays.
      const rows = await query<{ hash: number; holders: string }>(this.client, this.name, "SELECT hash, string_agg(holder::text, ',' ORDER BY holder) AS holders FROM newsdedup_postings WHERE hash = ANY($1::integer[]) GROUP BY hash", [batch]);
      for (const row of rows) builder.addJoined(row.hash, row.holders);
    }
    const lists = builder.build();
    for (const holder of lists.allHolders()) ids.add(Math.floor(holder / SENTENCES));
    await this.fetchArticles(ids);
    // Only current articles hold anything (lists are filtered only when some holder is not).
    let stale = false;
    for (const id of ids) if (this.articles.get(id) === undefined) stale = true;
    return stale ? lists.filter((holder) => this.articles.get(Math.floor(holder / SENTENCES)) !== undefined) : lists;
  }

  private async fetchArticles(ids: Iterable<number>): Promise<void> {
    const missing = [...ids].filter((id) => !this.articles.has(id));
    for (let start = 0; start < missing.length; start += HASH_BATCH) {
      const batch = missing.slice(start, start + HASH_BATCH);
      const rows = await query<ArticleRow>(this.client, this.name, `SELECT ${ARTICLE_COLUMNS} FROM newsdedup_articles WHERE id = ANY($1::bigint[])`, [batch]);
      for (const id of batch) this.articles.set(id, undefined);
      for (const row of rows) if (row.current) this.articles.set(Number(row.id), articleOfRow(row));
    }
  }

  article(holder: number): ArchiveArticle {
    const article = this.articles.get(Math.floor(holder / SENTENCES));
    if (article === undefined) throw new NewsdedupError('E_INDEX', `Cannot use the index \`${this.name}\`: a posting names an article it does not hold.`);
    return { ...article, textsFile: '' };
  }

  async sourceCounts(): Promise<Map<string, number>> {
    // A source, else the top folder of the article's file (a record's file of records, else its key), as `sourceOfIndexed` reads it.
    const rows = await query<{ source: string; count: string }>(
      this.client,
      this.name,
      "SELECT coalesce(source, CASE WHEN position('/' IN coalesce(file, key)) > 0 THEN split_part(coalesce(file, key), '/', 1) ELSE '' END) AS source, count(*) AS count FROM newsdedup_articles WHERE current GROUP BY 1",
    );
    return new Map(rows.map((row) => [row.source, Number(row.count)]));
  }

  async articlesOf(keys: readonly string[]): Promise<Map<string, IndexedArticle>> {
    const found = new Map<string, IndexedArticle>();
    for (let start = 0; start < keys.length; start += HASH_BATCH) {
      const rows = await query<ArticleRow>(this.client, this.name, `SELECT ${ARTICLE_COLUMNS} FROM newsdedup_articles WHERE current AND key = ANY($1::text[])`, [keys.slice(start, start + HASH_BATCH)]);
      for (const row of rows) found.set(row.key, articleOfRow(row));
    }
    return found;
  }

  async recordBlocks(blocks: readonly { readonly id: string; readonly label: string; readonly articles: readonly string[] }[]): Promise<void> {
    const rows = blocks.flatMap((block) => block.articles.map((key) => [block.id, key, block.label] as const));
    // The run's read-only snapshot ends here; the blocks go in one transaction of their own.
    await query(this.client, this.name, 'COMMIT');
    await query(this.client, this.name, 'BEGIN');
    for (let start = 0; start < rows.length; start += HASH_BATCH) {
      const batch = rows.slice(start, start + HASH_BATCH);
      await query(
        this.client,
        this.name,
        'INSERT INTO newsdedup_blocks (block, key, label) SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ON CONFLICT (block, key) DO NOTHING',
        [batch.map((row) => row[0]), batch.map((row) => row[1]), batch.map((row) => row[2])],
      );
    }
    await query(this.client, this.name, 'COMMIT');
  }

  /** Writes the articles' texts to a spool file of this process, and gives their byte ranges there. */
  async textRefs(articles: readonly ArchiveArticle[]): Promise<ArticleRef[]> {
    if (this.spool === undefined) {
      // Registered with the output's cleanup: an interrupted run leaves no article text behind.
      const temporary = await temporaryDirectory();
      this.spool = { ...temporary, file: join(temporary.directory, 'texts') };
    }
    const ids = new Map<string, number>();
    for (const [id, article] of this.articles) if (article !== undefined) ids.set(article.key, id);
    const refs: ArticleRef[] = [];
    const handle = await open(this.spool.file, 'a');
    try {
      let offset = (await handle.stat()).size;
      for (let start = 0; start < articles.length; start += 1000) {
        const batch = articles.slice(start, start + 1000);
        // By id: the very rows whose metadata and postings the run read, in its one snapshot.
        const rows = await query<{ key: string; body: string }>(this.client, this.name, 'SELECT key, body FROM newsdedup_articles WHERE id = ANY($1::bigint[])', [batch.map((article) => ids.get(article.key) ?? 0)]);
        const bodies = new Map(rows.map((row) => [row.key, Buffer.from(row.body, 'utf8')]));
        for (const article of batch) {
          const body = bodies.get(article.key) ?? Buffer.alloc(0);
          await handle.write(body);
          refs.push({ path: article.key, absolute: this.spool.file, offset, size: body.length });
          offset += body.length;
        }
      }
    } finally {
      await handle.close();
    }
    return refs;
  }

  async close(): Promise<void> {
    await this.client.end().catch(() => undefined);
    await this.spool?.remove();
  }
}

/** One value of a COPY text row: `\N` for null, with backslash, tab and line breaks escaped. */
function copyValue(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  return String(value).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/**
 * One add to a PostgreSQL index: a transaction from `begin` to `commit`. Rows go to temporary
 * tables by COPY as they come; `commit` folds them into the index and commits, all or nothing.
 */
export class PostgresWriter implements IndexSink {
  private articleRows: string[] = [];
  private postingRows: string[] = [];
  private seq = 0;

  private constructor(
    private readonly client: pg.Client,
    readonly name: string,
  ) {}

  static async begin(url: string, settings: IndexSettings): Promise<PostgresWriter> {
    const name = publicName(url);
    const client = await connect(url, name);
    try {
      await ensureSchema(client, name, settings);
      await query(client, name, 'BEGIN');
      await query(client, name, 'CREATE TEMPORARY TABLE nd_stage_articles (seq integer, key text, file text, ordinal integer, record_id text, title text, date text, date_ms double precision, source text, digest text, lines bigint[], body text) ON COMMIT DROP');
      await query(client, name, 'CREATE TEMPORARY TABLE nd_stage_postings (seq integer, hash integer, sentence integer) ON COMMIT DROP');
      return new PostgresWriter(client, name);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
  }

  /** The digests of the current articles of these keys. */
  async digestsOf(keys: readonly string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for (let start = 0; start < keys.length; start += HASH_BATCH) {
      const rows = await query<{ key: string; digest: string }>(this.client, this.name, 'SELECT key, digest FROM newsdedup_articles WHERE current AND key = ANY($1::text[])', [keys.slice(start, start + HASH_BATCH)]);
      for (const row of rows) found.set(row.key, row.digest);
    }
    return found;
  }

  async articleCount(): Promise<number> {
    const rows = await query<{ count: string }>(this.client, this.name, 'SELECT count(*) AS count FROM newsdedup_articles WHERE current');
    return Number(rows[0]?.count ?? 0);
  }

  async add(entry: ArticleToAdd): Promise<void> {
    const seq = this.seq;
    this.seq += 1;
    const { article } = entry;
    const lines = article.lines === undefined ? null : `{${article.lines.join(',')}}`;
    this.articleRows.push([seq, article.key, article.file, article.ordinal, article.id, article.title, article.date, article.dateMs, article.source, article.digest, lines, entry.text].map(copyValue).join('\t'));
    for (let sentence = 0; sentence + 1 < entry.offsets.length; sentence += 1) {
      for (let h = entry.offsets[sentence] ?? 0; h < (entry.offsets[sentence + 1] ?? 0); h += 1) this.postingRows.push(`${seq}\t${(entry.hashes[h] ?? 0) | 0}\t${Math.min(sentence, NOT_A_SENTENCE - 1)}`);
    }
    for (const hash of entry.others) this.postingRows.push(`${seq}\t${hash | 0}\t${NOT_A_SENTENCE}`);
    if (this.postingRows.length >= COPY_ROWS) await this.flush();
  }

  private async flush(): Promise<void> {
    await this.copy('nd_stage_articles', this.articleRows);
    await this.copy('nd_stage_postings', this.postingRows);
    this.articleRows = [];
    this.postingRows = [];
  }

  private async copy(table: string, rows: readonly string[]): Promise<void> {
    if (rows.length === 0) return;
    try {
      const stream = this.client.query(copyFrom(`COPY ${table} FROM STDIN`));
      // One chunk for the batch: a chunk per row made a write to the socket per row.
      await pipeline(Readable.from([`${rows.join('\n')}\n`]), stream);
    } catch (error) {
      fail(this.name, error);
    }
  }

  /** Folds the add into the index and commits; gives what it added and replaced, as the index saw it then. */
  async commit(): Promise<{ readonly added: number; readonly replaced: number; readonly articles: number }> {
    try {
      await this.flush();
      // Adds fold one at a time (their loading ran at once): two adds of one key see each other.
      await query(this.client, this.name, 'SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK + 1]);
      // A key added again with other text: the earlier copy stops being current.
      const replaced = await query<{ count: string }>(
        this.client,
        this.name,
        'WITH replaced AS (UPDATE newsdedup_articles a SET current = false FROM nd_stage_articles s WHERE a.key = s.key AND a.current AND a.digest <> s.digest RETURNING a.id) SELECT count(*) AS count FROM replaced',
      );
      const inserted = await query<{ count: string }>(
        this.client,
        this.name,
        `WITH inserted AS (
           INSERT INTO newsdedup_articles (key, file, ordinal, record_id, title, date, date_ms, source, digest, lines, body)
           SELECT s.key, s.file, s.ordinal, s.record_id, s.title, s.date, s.date_ms, s.source, s.digest, s.lines, s.body FROM nd_stage_articles s
           WHERE NOT EXISTS (SELECT 1 FROM newsdedup_articles a WHERE a.key = s.key AND a.current)
           RETURNING id, key),
         -- In the index's order: a B-tree filled in key order touches each page once, not at random.
         posted AS (
           INSERT INTO newsdedup_postings (hash, holder)
           SELECT p.hash, i.id * ${SENTENCES} + p.sentence FROM inserted i JOIN nd_stage_articles s ON s.key = i.key JOIN nd_stage_postings p ON p.seq = s.seq ORDER BY 1, 2)
         SELECT count(*) AS count FROM inserted`,
      );
      await query(this.client, this.name, 'COMMIT');
      // The articles in all once this add is in, with the adds that committed before it.
      const total = await query<{ count: string }>(this.client, this.name, 'SELECT count(*) AS count FROM newsdedup_articles WHERE current');
      // Marks the new postings' pages all-visible, so that a run's look-ups read the covering index
      // alone (an index-only scan, about 8× faster than fetching each row); it cannot run inside
      // the transaction, and a failure leaves the add in place, only slower to read.
      await this.client.query('VACUUM (ANALYZE) newsdedup_postings').catch(() => undefined);
      const replacedCount = Number(replaced[0]?.count ?? 0);
      return { added: Number(inserted[0]?.count ?? 0) - replacedCount, replaced: replacedCount, articles: Number(total[0]?.count ?? 0) };
    } finally {
      await this.client.end().catch(() => undefined);
    }
  }

  async abort(): Promise<void> {
    await this.client.query('ROLLBACK').catch(() => undefined);
    await this.client.end().catch(() => undefined);
  }
}
