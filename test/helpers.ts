import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import type { SourceArticle } from '../src/types.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CORPUS = join(ROOT, 'corpus');
/** The real binary, as a user runs it (built by `npm test`'s pretest step). */
export const CLI = join(ROOT, 'dist', 'cli.js');

/** The five seed articles, read as the read stage would (they are plain UTF-8). */
export function corpusArticles(): SourceArticle[] {
  return readdirSync(CORPUS)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({ path: name, text: readFileSync(join(CORPUS, name), 'utf8') }));
}

/** One seed article by its number ("000" … "004"). */
export function seed(number: string): SourceArticle {
  const article = corpusArticles().find((candidate) => candidate.path.startsWith(`${number}_`));
  if (article === undefined) throw new Error(`no seed article ${number}`);
  return article;
}

/** The temporary directories this test file made: removed when it ends, so that runs of the suite leave nothing behind. */
const made: string[] = [];
afterAll(() => {
  for (const directory of made.splice(0)) rmSync(directory, { recursive: true, force: true, maxRetries: 3 });
});

/** A fresh temporary directory, removed when the test file ends. */
export function temporaryDirectory(): string {
  const directory = mkdtempSync(join(tmpdir(), 'newsdedup-test-'));
  made.push(directory);
  return directory;
}

/** Captured output of an in-process CLI run. */
export function captureIo(cwd: string) {
  let stdout = '';
  let stderr = '';
  return {
    io: {
      cwd,
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
    },
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
  };
}

/** Every file below `directory`, by name, with its bytes hashed: two output folders compare as two of these. */
export function tree(directory: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(directory, { recursive: true }).map(String).sort()) {
    const path = join(directory, name);
    if (statSync(path).isFile()) files[name] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return files;
}
