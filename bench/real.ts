/**
 * The articles of the real-articles tier (issue 15): the `content` of every record in
 * `../shared/news/*.jsonl` and the body of every `.txt` file under `../shared/bbc` (its first line
 * is the title), each cut at a paragraph to about 0.5–2.5 KB, so that the tier is many small files.
 * Research data: read from `../shared` into the benchmark's cache, never into the repository.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fg from 'fast-glob';
import { random } from './generate.js';

/** A real article before the benchmark decides which of its paragraphs to score. */
export interface RealText {
  readonly title: string;
  readonly paragraphs: readonly string[];
}

export interface RealTexts {
  readonly articles: readonly RealText[];
  /** What was read, for the benchmark's output. */
  readonly newsRecords: number;
  readonly bbcFiles: number;
  readonly duplicates: number;
}

/** Reads what of `news` and `bbc` is there; `undefined` when neither is. `limit` keeps the first articles of a seeded shuffle. */
export async function loadRealTexts(news: string, bbc: string, seed: number, limit?: number): Promise<RealTexts | undefined> {
  if (!existsSync(news) && !existsSync(bbc)) return undefined;
  const found: RealText[] = [];
  let newsRecords = 0;
  let bbcFiles = 0;
  if (existsSync(news)) {
    for (const file of (await fg('*.jsonl', { cwd: news, onlyFiles: true })).sort()) {
      for (const line of (await readFile(join(news, file), 'utf8')).split('\n')) {
        if (line.trim() === '') continue;
        let record: { title?: unknown; content?: unknown };
        try {
          record = JSON.parse(line) as { title?: unknown; content?: unknown };
        } catch {
          continue;
        }
        newsRecords += 1;
        if (typeof record.content !== 'string') continue;
        found.push({ title: typeof record.title === 'string' ? record.title.trim() : '', paragraphs: paragraphsOf(record.content) });
      }
    }
  }
  if (existsSync(bbc)) {
    for (const file of (await fg('**/*.txt', { cwd: bbc, onlyFiles: true })).sort()) {
      const [title = '', ...body] = (await readFile(join(bbc, file), 'utf8')).split('\n');
      bbcFiles += 1;
      found.push({ title: title.trim(), paragraphs: paragraphsOf(body.join('\n')) });
    }
  }
  // The scraper saved many stories more than once: one of each body, so that the benchmark decides which are copies.
  const seen = new Set<string>();
  const rand = random(seed);
  let articles: RealText[] = [];
  for (const article of found) {
    const key = article.paragraphs.join(' ').replace(/\s+/g, ' ');
    if (key.length < 200 || seen.has(key)) continue;
    seen.add(key);
    const target = 500 + rand() * 2000;
    const kept: string[] = [];
    let size = 0;
    for (const paragraph of article.paragraphs) {
      if (size >= target) break;
      kept.push(paragraph);
      size += paragraph.length;
    }
    articles.push({ title: article.title === '' ? (kept[0] ?? '').split(' ').slice(0, 8).join(' ') : article.title, paragraphs: kept });
  }
  const duplicates = found.length - articles.length;
  if (limit !== undefined && limit < articles.length) {
    for (let i = articles.length - 1; i > 0; i -= 1) {
      const j = Math.floor(rand() * (i + 1));
      [articles[i], articles[j]] = [articles[j] as RealText, articles[i] as RealText];
    }
    articles = articles.slice(0, limit);
  }
  return { articles, newsRecords, bbcFiles, duplicates };
}

function paragraphsOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '');
}
