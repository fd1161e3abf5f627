// The only module that imports fast-glob.
import { stat } from 'node:fs/promises';
import fastGlob from 'fast-glob';

/** True when a pattern has glob syntax (`*`, `?`, `{}`, `[]`, …). */
export function isGlobPattern(pattern: string): boolean {
  return fastGlob.isDynamicPattern(pattern);
}

/**
 * Files matching the patterns under `cwd`, as absolute paths with their sizes. A symbolic link to
 * a file counts as that file; a symbolic link to a directory is not followed, so a link loop cannot
 * trap the walk and a corpus never reaches outside its folders.
 */
export async function globFiles(patterns: readonly string[], cwd: string): Promise<{ absolute: string; size: number }[]> {
  const entries = await fastGlob([...patterns], {
    cwd,
    absolute: true,
    onlyFiles: false,
    dot: false,
    followSymbolicLinks: false,
    suppressErrors: true,
    unique: true,
    stats: true,
  });
  const files: { absolute: string; size: number }[] = [];
  for (const entry of entries) {
    if (entry.dirent.isFile()) files.push({ absolute: entry.path, size: entry.stats?.size ?? 0 });
    else if (entry.dirent.isSymbolicLink()) {
      const target = await stat(entry.path).catch(() => undefined);
      if (target?.isFile() === true) files.push({ absolute: entry.path, size: target.size });
    }
  }
  return files;
}

/** Escapes a literal path for use inside a glob pattern. */
export function escapeGlobPath(path: string): string {
  return fastGlob.escapePath(path.replaceAll('\\', '/'));
}
