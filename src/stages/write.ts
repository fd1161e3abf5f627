import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
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
  write(file: OutputFile): Promise<void>;
  /** Renames the temporary directory into place, replacing any previous output wholly. */
  commit(): Promise<void>;
  /** Removes the temporary directory; the previous output stays as it was. */
  abort(): Promise<void>;
}

/**
 * Starts writing an output directory atomically: into a temporary directory beside `out`, renamed
 * into place by `commit`. A failed or interrupted run leaves the previous output as it was, and a
 * re-run replaces it wholly, so no stale file survives.
 */
export async function beginOutput(out: string): Promise<PendingOutput> {
  const parent = dirname(out);
  const stamp = `${process.pid}-${Date.now().toString(36)}`;
  const directory = join(parent, `.${basename(out)}.newsdedup-${stamp}.tmp`);
  const previous = join(parent, `.${basename(out)}.newsdedup-${stamp}.old`);
  const fail = (error: unknown): never => {
    if (error instanceof NewsdedupError) throw error;
    throw new NewsdedupError('E_WRITE', `Cannot write to \`${out}\`: ${(error as Error).message}`, { cause: error });
  };
  const existing = await stat(out).catch(() => undefined);
  if (existing !== undefined && !existing.isDirectory()) {
    throw new NewsdedupError('E_WRITE', `Cannot write to \`${out}\`: it is a file, not a directory.`);
  }
  await mkdir(directory, { recursive: true }).catch(fail);
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
        await writeFile(target, file.content);
      } catch (error) {
        fail(error);
      }
    },
    async commit() {
      try {
        const now = await stat(out).catch(() => undefined);
        if (now !== undefined) await rename(out, previous);
        await rename(directory, out);
        if (now !== undefined) await rm(previous, { recursive: true, force: true });
      } catch (error) {
        await rm(directory, { recursive: true, force: true }).catch(() => undefined);
        fail(error);
      }
    },
    async abort() {
      await rm(directory, { recursive: true, force: true }).catch(() => undefined);
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
