/**
 * `npm run bench -- --as jsonl`: the same articles as one file of JSON Lines records, so that the
 * bench measures newsdedup on records (`{"id": <path>, "text": <article>}`, one a line, in path
 * order) against the same articles as files. Written once per corpus, beside its `articles/`.
 */
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, readFile, rename } from 'node:fs/promises';
import { once } from 'node:events';
import { join } from 'node:path';
import fg from 'fast-glob';

/** Writes the `.txt` articles under `articlesDir` as `<recordsDir>/articles.jsonl` (unless there already) and gives `recordsDir`. */
export async function asJsonl(articlesDir: string, recordsDir: string): Promise<string> {
  const target = join(recordsDir, 'articles.jsonl');
  if (existsSync(target)) return recordsDir;
  await mkdir(recordsDir, { recursive: true });
  const partial = `${target}.partial`;
  const stream = createWriteStream(partial);
  for (const path of (await fg('**/*.txt', { cwd: articlesDir, onlyFiles: true })).sort()) {
    const line = `${JSON.stringify({ id: path, text: await readFile(join(articlesDir, path), 'utf8') })}\n`;
    if (!stream.write(line)) await once(stream, 'drain');
  }
  stream.end();
  await once(stream, 'close');
  await rename(partial, target);
  return recordsDir;
}
