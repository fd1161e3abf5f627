import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

/**
 * A temporary folder of the seed articles as Markdown files dated a day apart in the order of their
 * names, and `000_reprint.md`, the third word for word, named to be read first and dated
 * `reprintDate`: a reprint dated after its original, or before it.
 */
export function datedSeedsWithReprint(reprintDate: string): { cwd: string; reprint: string; original: string } {
  const cwd = temporaryDirectory();
  const articles = corpusArticles();
  articles.forEach((article, index) => writeFileSync(join(cwd, article.path.replace(/\.txt$/, '.md')), `---\ndate: 2025-03-1${index}\n---\n${article.text}`));
  const reprinted = articles[2]!;
  writeFileSync(join(cwd, '000_reprint.md'), `---\ndate: ${reprintDate}\n---\n${reprinted.text}`);
  return { cwd, reprint: '000_reprint.md', original: reprinted.path.replace(/\.txt$/, '.md') };
}
