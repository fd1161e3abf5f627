import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { NewsdedupError } from '../errors.js';

/** One file to write, at a `/`-separated path relative to the output directory. */
export interface OutputFile {
  readonly path: string;
  readonly content: string;
}

/**
 * Writes a whole output directory atomically: into a temporary directory beside `out`, renamed
 * into place at the end. A failed run leaves the previous output as it was, and a re-run
 * replaces it wholly, so no stale file survives.
 */
export async function writeOutput(out: string, files: readonly OutputFile[]): Promise<void> {
  const parent = dirname(out);
  const stamp = `${process.pid}-${Date.now().toString(36)}`;
  const temporary = join(parent, `.${basename(out)}.newsdedup-${stamp}.tmp`);
  const previous = join(parent, `.${basename(out)}.newsdedup-${stamp}.old`);
  try {
    const existing = await stat(out).catch(() => undefined);
    if (existing !== undefined && !existing.isDirectory()) {
      throw new NewsdedupError('E_WRITE', `Cannot write to \`${out}\`: it is a file, not a directory.`);
    }
    await mkdir(temporary, { recursive: true });
    const folders = new Set(files.map((file) => dirname(join(temporary, file.path))));
    for (const folder of folders) await mkdir(folder, { recursive: true });
    for (const file of files) await writeFile(join(temporary, file.path), file.content);
    if (existing !== undefined) await rename(out, previous);
    await rename(temporary, out);
    if (existing !== undefined) await rm(previous, { recursive: true, force: true });
  } catch (error) {
    await rm(temporary, { recursive: true, force: true }).catch(() => undefined);
    if (error instanceof NewsdedupError) throw error;
    throw new NewsdedupError('E_WRITE', `Cannot write to \`${out}\`: ${(error as Error).message}`, { cause: error });
  }
}
