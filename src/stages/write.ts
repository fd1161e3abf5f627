import { renameSync, rmSync } from 'node:fs';
import { mkdir, open, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { NewsdedupError } from '../errors.js';

/** One file to write, at a `/`-separated path relative to the output directory. */
export interface OutputFile {
  readonly path: string;
  readonly content: string;
}

/** An output directory being written: files go into `directory`, which replaces `out` on commit. */
export interface PendingOutput {
  /** The temporary directory beside `out` that files are written into. */
  readonly directory: string;
  /** Writes one file; its content may come in pieces (see `jsonChunks`). */
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
        else {
          const handle = await open(target, 'w');
          try {
            for (const piece of file.content) await handle.write(piece);
          } finally {
            await handle.close();
          }
        }
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
          await rm(previous, { recursive: true, force: true });
          unfinished.delete(previous);
        }
      } catch (error) {
        await rm(directory, { recursive: true, force: true }).catch(() => undefined);
        unfinished.delete(directory);
        fail(error);
      }
    },
    async abort() {
      await rm(directory, { recursive: true, force: true }).catch(() => undefined);
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
