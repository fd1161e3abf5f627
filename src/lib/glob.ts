// The only module that imports fast-glob.
import fastGlob from 'fast-glob';

/** True when a pattern has glob syntax (`*`, `?`, `{}`, `[]`, …). */
export function isGlobPattern(pattern: string): boolean {
  return fastGlob.isDynamicPattern(pattern);
}

/** Files matching the patterns under `cwd`, as absolute paths with their sizes; symbolic-link loops are not followed twice. */
export async function globFiles(patterns: readonly string[], cwd: string): Promise<{ absolute: string; size: number }[]> {
  const entries = await fastGlob([...patterns], {
    cwd,
    absolute: true,
    onlyFiles: true,
    dot: false,
    followSymbolicLinks: true,
    suppressErrors: true,
    unique: true,
    stats: true,
  });
  return entries.map((entry) => ({ absolute: entry.path, size: entry.stats?.size ?? 0 }));
}

/** Escapes a literal path for use inside a glob pattern. */
export function escapeGlobPath(path: string): string {
  return fastGlob.escapePath(path.replaceAll('\\', '/'));
}
