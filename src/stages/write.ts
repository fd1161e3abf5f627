import { renameSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, open, readdir, rm, rmdir, stat, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { BlockVariants, DedupeResult } from '../types.js';
import { NewsdedupError } from '../errors.js';
import { jsonPieces } from '../report/format-json.js';
import type { BySource } from '../report/group-by-source.js';

/** One file to write, at a `/`-separated path relative to the output directory. */
export interface OutputFile {
  readonly path: string;
  readonly content: string;
}

/** Names newsdedup writes beside the cleaned articles. */
export const RESERVED_OUTPUT = { report: 'report.json', shared: '_shared', chrome: '_chrome.txt' } as const;

/** Refuses an article whose path would collide with newsdedup's own output. */
export function checkReserved(path: string): void {
  const top = path.split('/')[0];
  if (path === RESERVED_OUTPUT.report || path === RESERVED_OUTPUT.chrome || top === RESERVED_OUTPUT.shared) {
    throw new NewsdedupError('E_USAGE', `The article \`${path}\` would collide with newsdedup's own output; rename it or leave it out.`);
  }
}

/**
 * The variants file of a block (`_shared/<id>.variants.txt`), rendered from its variants as data;
 * '' when the block has no variants. It names the block by id, so it is rendered once ids are unique.
 */
export function variantsText(block: { readonly id: string; readonly label: string; readonly variants: BlockVariants }, canonicalPath: string): string {
  const lines: string[] = [];
  for (const sentence of block.variants.sentences) {
    lines.push('', `Sentence ${sentence.position + 1}`, `  canonical (${sentence.canonicalIn}): ${sentence.canonical}`);
    // A copy that lacks the sentence: it left it out, or its wording stayed in the article (another figure).
    for (const other of sentence.wordings) lines.push(`  in ${other.articles.join(', ')}: ${other.text === '' ? '(not in this copy of the block)' : other.text}`);
  }
  if (block.variants.headings.length > 0) {
    lines.push('', 'Other headings');
    for (const entry of block.variants.headings) lines.push(`  in ${entry.article}: ${entry.text}`);
  }
  if (lines.length === 0) return '';
  return [`Variants of block ${block.id} "${block.label}"; the canonical wording is that of ${canonicalPath}.`, ...lines, ''].join('\n');
}

/**
 * The files of an output directory but the cleaned articles: blocks, chrome lines and the report
 * (with `bySource`, when given). The report comes in pieces, so that a large one is never one string.
 */
export function* extraFiles(result: Pick<DedupeResult, 'report' | 'shared' | 'chrome'>, bySource?: BySource): Generator<OutputFile | { readonly path: string; readonly content: Iterable<string> }> {
  if (result.shared.length >= BLOCKS_FILE_FROM) yield { path: `${RESERVED_OUTPUT.shared}/${BLOCKS_FILE}`, content: blockLines(result.shared) };
  else {
    for (const block of result.shared) {
      yield { path: `${RESERVED_OUTPUT.shared}/${block.id}.txt`, content: block.text };
      if (block.variantsText !== '') yield { path: `${RESERVED_OUTPUT.shared}/${block.id}.variants.txt`, content: block.variantsText };
    }
  }
  // Written whatever was found, so that a script reading it never finds it missing: its header alone when no chrome was removed.
  const lines = result.chrome.map((line) => `${line.articles}\t${line.reason}\t${escapedField(line.text)}\n`);
  yield { path: RESERVED_OUTPUT.chrome, content: `articles\treason\tline\n${lines.join('')}` };
  yield { path: RESERVED_OUTPUT.report, content: jsonPieces(bySource === undefined ? result.report : { ...result.report, bySource }) };
}

/**
 * A field of a tab-separated line: a backslash, tab, line feed or carriage return inside it (site
 * furniture that spans paragraphs) written as `\\`, `\t`, `\n` or `\r`, so that each entry stays one line.
 */
export function escapedField(text: string): string {
  return /[\\\t\n\r]/.test(text) ? text.replace(/[\\\t\n\r]/g, (char) => (char === '\\' ? '\\\\' : char === '\t' ? '\\t' : char === '\n' ? '\\n' : '\\r')) : text;
}

/**
 * From this many blocks, `_shared/` is one file of JSON Lines rather than a file per block: tens of
 * thousands of small files take seconds to write on a slow disk, and one file takes milliseconds.
 */
export const BLOCKS_FILE_FROM = 1000;
/** The one file of blocks, in `_shared/`. */
export const BLOCKS_FILE = 'blocks.jsonl';

/** A block a line, by id: `{"id", "text", "variants"}`, the variants text or null, as the per-block files hold them. */
function* blockLines(shared: DedupeResult['shared']): Generator<string> {
  for (const block of shared) yield `${JSON.stringify({ id: block.id, text: block.text, variants: block.variantsText === '' ? null : block.variantsText })}\n`;
}

/** The files of an output directory, in a fixed order, for a result held in memory. */
export function outputFiles(result: DedupeResult): OutputFile[] {
  const files: OutputFile[] = [];
  for (const article of result.cleaned) {
    checkReserved(article.path);
    files.push({ path: article.path, content: article.text });
  }
  for (const file of extraFiles(result)) files.push({ path: file.path, content: typeof file.content === 'string' ? file.content : [...file.content].join('') });
  return files;
}

/** An output directory being written: files go into `directory`, which replaces `out` on commit. */
export interface PendingOutput {
  /** The temporary directory beside `out` that files are written into. */
  readonly directory: string;
  /** Writes one file; its content may come in pieces (see `writePieces`). */
  write(file: OutputFile | { readonly path: string; readonly content: Iterable<string> }): Promise<void>;
  /** Renames the temporary directory into place, replacing any previous output wholly. */
  commit(): Promise<void>;
  /** Removes the temporary directory; the previous output stays as it was. */
  abort(): Promise<void>;
}

/** Temporary directories of outputs being written, and previous outputs being removed. */
const unfinished = new Set<string>();

/**
 * Removes every output directory still being written, and every previous output still being
 * removed, at once. For a signal handler: an interrupted run leaves the previous output as it was
 * and nothing half-written. Worker threads may still be writing, so each directory is first
 * renamed away, which makes their next write fail, and then removed.
 */
export function discardUnfinishedOutputs(): void {
  for (const directory of unfinished) {
    const doomed = `${directory}.discarded`;
    try {
      renameSync(directory, doomed);
      rmSync(doomed, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      rmSync(directory, { recursive: true, force: true, maxRetries: 3 });
    }
    unfinished.delete(directory);
  }
}

/**
 * Starts writing an output directory atomically: into a temporary directory beside `out`, renamed
 * into place by `commit`. A failed or interrupted run leaves the previous output as it was, and a
 * re-run replaces it wholly, so no stale file survives.
 */
/**
 * Refuses an output folder that holds files newsdedup did not write: a run replaces its folder
 * whole, so `--out ~/Desktop` would lose them. A folder is newsdedup's when it holds a
 * `report.json`, as every output does; a new or empty folder is taken too.
 */
export async function checkOutFolder(out: string, shown: string): Promise<void> {
  const entries = await readdir(out).catch(() => undefined);
  if (entries === undefined || entries.length === 0 || entries.includes(RESERVED_OUTPUT.report)) return;
  const named = entries.sort()[0] ?? '';
  throw new NewsdedupError(
    'E_OUT_NOT_EMPTY',
    `Refusing --out \`${shown}\`: it holds files newsdedup did not write (such as \`${named}\`, and no ${RESERVED_OUTPUT.report}), and a run replaces its output folder whole; choose a new or empty folder, or remove this one first.`,
  );
}

/** Entries of a folder removed at once by {@link removeTree}. */
const REMOVE_AT_ONCE = 64;

/**
 * Removes a folder and all it holds, REMOVE_AT_ONCE entries of a folder at a time; nothing when it
 * is gone. Node's recursive `rm` starts the removal of every entry of a folder at once: for a
 * previous output of 294,000 files, replaced by a run's, that took 6 s and 560 MB of memory, the
 * peak of the whole run.
 */
async function removeTree(path: string): Promise<void> {
  const entries = await readdir(path, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    if (error.code === 'ENOTDIR') return null;
    throw error;
  });
  if (entries === undefined) return;
  if (entries === null) {
    await unlink(path).catch(ignoreGone);
    return;
  }
  for (let at = 0; at < entries.length; at += REMOVE_AT_ONCE) {
    await Promise.all(entries.slice(at, at + REMOVE_AT_ONCE).map((entry) => (entry.isDirectory() ? removeTree(join(path, entry.name)) : unlink(join(path, entry.name)).catch(ignoreGone))));
  }
  await rmdir(path).catch(ignoreGone);
}

function ignoreGone(error: NodeJS.ErrnoException): void {
  if (error.code !== 'ENOENT') throw error;
}

/** Bytes gathered before each write of a file that comes in pieces. */
const WRITE_BYTES = 1 << 20;

/**
 * Writes a file that comes in pieces (a report of a few hundred thousand articles, a JSON item at
 * a time), packing them into one buffer of bytes that is written each time it fills: each piece
 * dies as soon as it is packed, so the heap never holds the file, nor a megabyte of it as one
 * string (which would outlive the young generation's collections).
 */
async function writePieces(target: string, pieces: Iterable<string>): Promise<void> {
  const handle = await open(target, 'w');
  try {
    const bytes = Buffer.allocUnsafe(WRITE_BYTES);
    let used = 0;
    for (const piece of pieces) {
      const length = Buffer.byteLength(piece);
      if (used + length > bytes.length && used > 0) {
        await handle.write(bytes, 0, used);
        used = 0;
      }
      if (length > bytes.length) await handle.write(piece);
      else used += bytes.write(piece, used);
    }
    if (used > 0) await handle.write(bytes, 0, used);
  } finally {
    await handle.close();
  }
}

export async function beginOutput(out: string): Promise<PendingOutput> {
  const directory = besideTemporary(out, 'tmp');
  const previous = besideTemporary(out, 'old');
  const fail = (error: unknown): never => {
    if (error instanceof NewsdedupError) throw error;
    throw new NewsdedupError('E_WRITE', `Cannot write to \`${out}\`: ${(error as Error).message}`, { cause: error });
  };
  const existing = await stat(out).catch(() => undefined);
  if (existing !== undefined && !existing.isDirectory()) {
    throw new NewsdedupError('E_WRITE', `Cannot write to \`${out}\`: it is a file, not a directory.`);
  }
  await mkdir(directory, { recursive: true }).catch(fail);
  unfinished.add(directory);
  const made = new Set<string>([directory]);
  return {
    directory,
    async write(file) {
      const target = join(directory, file.path);
      const folder = dirname(target);
      try {
        if (!made.has(folder)) {
          await mkdir(folder, { recursive: true });
          made.add(folder);
        }
        if (typeof file.content === 'string') await writeFile(target, file.content);
        else await writePieces(target, file.content);
      } catch (error) {
        fail(error);
      }
    },
    async commit() {
      try {
        const now = await stat(out).catch(() => undefined);
        // Both renames at once, with no await between them: a signal can come before or after
        // the swap, never halfway through it.
        if (now !== undefined) renameSync(out, previous);
        try {
          renameSync(directory, out);
        } catch (error) {
          if (now !== undefined) renameSync(previous, out);
          throw error;
        }
        unfinished.delete(directory);
        if (now !== undefined) {
          unfinished.add(previous);
          await removeTree(previous);
          unfinished.delete(previous);
        }
      } catch (error) {
        await removeTree(directory).catch(() => undefined);
        unfinished.delete(directory);
        fail(error);
      }
    },
    async abort() {
      await removeTree(directory).catch(() => undefined);
      unfinished.delete(directory);
    },
  };
}

/**
 * A temporary directory of this run (the spool of record texts, see `spool.ts`), removed by
 * `remove`, or by {@link discardUnfinishedOutputs} on a signal.
 */
export async function temporaryDirectory(): Promise<{ readonly directory: string; remove(): Promise<void> }> {
  const directory = await mkdtemp(join(tmpdir(), 'newsdedup-')).catch((error: unknown) => {
    throw new NewsdedupError('E_WRITE', `Cannot make a temporary directory in \`${tmpdir()}\`: ${(error as Error).message}`, { cause: error });
  });
  unfinished.add(directory);
  return {
    directory,
    async remove() {
      await rm(directory, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
      unfinished.delete(directory);
    },
  };
}

/** Writes a whole output directory atomically (see {@link beginOutput}). */
export async function writeOutput(out: string, files: readonly OutputFile[]): Promise<void> {
  const output = await beginOutput(out);
  try {
    for (const file of files) await output.write(file);
    await output.commit();
  } catch (error) {
    await output.abort();
    throw error;
  }
}

/**
 * Writes one file atomically: into a temporary file beside it, renamed into place. A failed or
 * interrupted run leaves the previous file as it was. For `check --junit` and `--summary`.
 * A path that is not a regular file (`/dev/stdout`, `/dev/null`, a pipe) is written to as it is:
 * renaming over it would replace the device or pipe with a file.
 */
export async function writeFileAtomic(path: string, content: string, name = path): Promise<void> {
  // Node's message names the temporary file; the user named `name`, so the reason is its code and words only.
  const fail = (error: unknown): never => {
    throw new NewsdedupError('E_WRITE', `Cannot write \`${name}\`: ${(error as Error).message.replace(/, \w+ '.*'$/, '')}.`, { cause: error });
  };
  const existing = await stat(path).catch(() => undefined);
  if (existing !== undefined && !existing.isFile()) {
    await writeFile(path, content).catch(fail);
    return;
  }
  const temporary = besideTemporary(path, 'tmp');
  unfinished.add(temporary);
  try {
    await writeFile(temporary, content);
    renameSync(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    fail(error);
  } finally {
    unfinished.delete(temporary);
  }
}

/** A hidden name beside `path` for a temporary file or folder of this run: `.<name>.newsdedup-<pid>-<time>.<kind>`. */
function besideTemporary(path: string, kind: 'tmp' | 'old'): string {
  return join(dirname(path), `.${basename(path)}.newsdedup-${process.pid}-${Date.now().toString(36)}.${kind}`);
}
