/**
 * Deterministic benchmark corpora: novel article bodies from a text source (a word-level Markov
 * chain trained on real text, or the seeded grammar of synthetic.ts), background
 * blocks (with headings, light edits, sometimes run inline) injected into 2 to 200 articles each,
 * and chrome lines. The ground truth (where every injected block and chrome line stands) is written
 * beside the articles, so that the benchmark can score what newsdedup collapsed.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fg from 'fast-glob';

/** A small, fast, seeded PRNG (mulberry32); the same seed gives the same corpus on every machine. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Word-level first-order Markov chain. Tokens keep their punctuation, so "said." ends a sentence. */
export interface Chain {
  readonly words: readonly string[];
  /** Successor word ids of word `i`: `next[offsets[i] .. offsets[i + 1])`, repeated by frequency. */
  readonly offsets: Uint32Array;
  readonly next: Uint32Array;
  /** Word ids that start a sentence in the training text. */
  readonly starts: Uint32Array;
}

const ENDS_SENTENCE = /[.!?]["'”’)]*$/;
// A full stop that a sentence splitter may not take as an end ("Mr.", "U.S.", "J.", "etc."): walk on.
const ABBREVIATION_LIKE = /^(?:[A-Z][a-z]{0,3}|\S*\.\S*|[a-z]|etc|vs|no|al|approx|st)\.$/;

/** Trains the chain on every `.txt` file under `dirs`, in path order. */
export async function trainChain(dirs: readonly string[]): Promise<Chain> {
  const ids = new Map<string, number>();
  const words: string[] = [];
  const pairs: number[] = [];
  const starts: number[] = [];
  const idOf = (word: string): number => {
    let id = ids.get(word);
    if (id === undefined) {
      id = words.length;
      ids.set(word, id);
      words.push(word);
    }
    return id;
  };
  for (const dir of dirs) {
    const files = (await fg('**/*.txt', { cwd: dir, onlyFiles: true })).sort();
    for (const file of files) {
      const text = await readFile(join(dir, file), 'utf8');
      for (const line of text.split(/\n/)) {
        const tokens = line.split(/\s+/).filter((token) => token !== '');
        if (tokens.length < 6) continue;
        let previous = -1;
        for (const token of tokens) {
          const id = idOf(token);
          if (previous < 0 || ENDS_SENTENCE.test(words[previous] ?? '')) starts.push(id);
          if (previous >= 0) pairs.push(previous, id);
          previous = id;
        }
      }
    }
  }
  const counts = new Uint32Array(words.length + 1);
  for (let i = 0; i < pairs.length; i += 2) counts[(pairs[i] ?? 0) + 1] = (counts[(pairs[i] ?? 0) + 1] ?? 0) + 1;
  const offsets = new Uint32Array(words.length + 1);
  for (let i = 1; i <= words.length; i += 1) offsets[i] = (offsets[i - 1] ?? 0) + (counts[i] ?? 0);
  const fill = offsets.slice(0, words.length);
  const next = new Uint32Array(pairs.length / 2);
  for (let i = 0; i < pairs.length; i += 2) {
    const from = pairs[i] ?? 0;
    next[fill[from] ?? 0] = pairs[i + 1] ?? 0;
    fill[from] = (fill[from] ?? 0) + 1;
  }
  return { words, offsets, next, starts: Uint32Array.from(starts) };
}

/** Where article text comes from: one novel sentence at a time, drawn with the corpus's PRNG. */
export interface TextSource {
  /** Short name, printed by the benchmark and written to its results ("bbc", "synthetic"). */
  readonly name: string;
  sentence(rand: () => number): string;
}

/** A text source of sentences from a chain trained by `trainChain`. */
export function chainText(chain: Chain, name: string): TextSource {
  return { name, sentence: (rand) => sentence(chain, rand) };
}

/** One novel sentence of 8 to 35 words. */
export function sentence(chain: Chain, rand: () => number): string {
  for (;;) {
    const out: string[] = [];
    let id = chain.starts[Math.floor(rand() * chain.starts.length)] ?? 0;
    out.push(chain.words[id] ?? '');
    while (out.length < 35) {
      const from = chain.offsets[id] ?? 0;
      const to = chain.offsets[id + 1] ?? 0;
      if (to === from) break;
      id = chain.next[from + Math.floor(rand() * (to - from))] ?? 0;
      const word = chain.words[id] ?? '';
      out.push(word);
      if (ENDS_SENTENCE.test(word) && !ABBREVIATION_LIKE.test(word)) break;
    }
    if (out.length < 8) continue;
    let text = out.join(' ');
    text = text.replace(/^["'“‘(]+/, '');
    text = text.charAt(0).toUpperCase() + text.slice(1);
    if (!ENDS_SENTENCE.test(text)) text = text.replace(/[,;:]+$/, '') + '.';
    return text;
  }
}

/** Chrome lines injected into articles: some on the built-in list, some only repeated. */
export const CHROME_LINES = [
  'Post a Comment',
  'Previous Post Next Post',
  'Leave A Reply',
  'Share this article',
  'Follow us on Twitter',
  'Most Read Stories',
  'Download our app for breaking news',
  'Click here to subscribe',
];

const EDIT_WORDS = ['banned', 'so-called', 'recently', 'officially', 'also', 'still', 'reportedly'];

interface Block {
  readonly heading: string;
  readonly sentences: readonly string[];
  readonly reach: number;
}

/** Where an injected block or chrome line stands in an article: UTF-16 offsets of the text. */
export interface TruthArticle {
  readonly path: string;
  /** Block bodies (headings excluded), `[start, end)` pairs, one per sentence. */
  readonly shared: number[];
  /** Headings of injected blocks: neither counted as shared nor as unique when scoring. */
  readonly headings: number[];
  readonly chrome: number[];
}

export interface GenerateOptions {
  readonly out: string;
  readonly bytes: number;
  readonly seed: number;
  readonly text: TextSource;
}

/** Summary of a generated corpus, written as `truth.json` beside `articles/`. */
export interface Truth {
  readonly seed: number;
  /** The text source's name. */
  readonly text: string;
  readonly bytes: number;
  readonly files: number;
  readonly blocks: number;
  readonly articles: readonly TruthArticle[];
}

const MEAN_ARTICLE_BYTES = 3400;

/**
 * Writes a corpus of about `bytes` bytes to `out/articles/` and its truth to `out/truth.json`.
 * Written into a temporary directory and renamed, so that an interrupted run leaves no half corpus.
 */
export async function generate({ out, bytes, seed, text: source }: GenerateOptions): Promise<Truth> {
  const rand = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  const files = Math.max(20, Math.round(bytes / MEAN_ARTICLE_BYTES));

  // Background blocks: about one for every 40 articles, most reaching a few articles, a few reaching 200.
  const blocks: Block[] = [];
  const blockCount = Math.max(3, Math.round(files / 40));
  for (let b = 0; b < blockCount; b += 1) {
    const headingWords = source.sentence(rand).replace(/[.!?"'”’)]+$/, '').split(' ').slice(0, 2 + Math.floor(rand() * 3));
    const heading = headingWords.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' ').replace(/[,;:.]+$/, '');
    const length = 2 + Math.floor(rand() * 6);
    const reach = Math.min(files, rand() < 0.05 ? 50 + Math.floor(rand() * 151) : 2 + Math.floor(rand() * 12));
    blocks.push({ heading, sentences: Array.from({ length }, () => source.sentence(rand)), reach });
  }
  const carried: { block: number; position: number }[][] = Array.from({ length: files }, () => []);
  blocks.forEach((block, b) => {
    const chosen = new Set<number>();
    while (chosen.size < block.reach) chosen.add(Math.floor(rand() * files));
    for (const article of chosen) carried[article]?.push({ block: b, position: rand() });
  });

  const temp = `${out}.partial`;
  await rm(temp, { recursive: true, force: true });
  const articles: TruthArticle[] = [];
  let written = 0;
  const width = String(files - 1).length;
  for (let a = 0; a < files; a += 1) {
    const layout = pick(['lines', 'blank', 'one'] as const);
    const target = MEAN_ARTICLE_BYTES * (0.3 + rand() * 1.4);
    const paragraphs: string[][] = [];
    let size = 0;
    while (size < target) {
      const paragraph = Array.from({ length: 1 + Math.floor(rand() * 4) }, () => source.sentence(rand));
      size += paragraph.join(' ').length;
      paragraphs.push(paragraph);
    }
    // A piece of the article: text, and what truth it carries.
    type Piece = { text: string; kind: 'own' | 'shared' | 'heading' | 'chrome' }[];
    const pieces: Piece[] = paragraphs.map((paragraph) => [{ text: paragraph.join(' '), kind: 'own' }]);
    const insertions = [...(carried[a] ?? [])].sort((x, y) => x.position - y.position || x.block - y.block);
    for (const { block: b, position } of insertions.reverse()) {
      const block = blocks[b];
      if (block === undefined) continue;
      const edited = block.sentences.map((text) => (rand() < 0.12 ? lightEdit(text, rand) : text));
      const at = 1 + Math.floor(position * pieces.length);
      const headingStyle = layout === 'one' ? (rand() < 0.6 ? 'inline' : 'none') : pick(['line', 'line', 'inline', 'none'] as const);
      const body: Piece[] = [];
      if (layout === 'one' || rand() < 0.2) {
        // Run into one paragraph, as 000 does.
        const piece: Piece = [];
        if (headingStyle === 'inline') piece.push({ text: block.heading, kind: 'heading' });
        for (const text of edited) piece.push({ text, kind: 'shared' });
        body.push(piece);
      } else {
        if (headingStyle === 'line') body.push([{ text: block.heading, kind: 'heading' }]);
        edited.forEach((text, index) => {
          const piece: Piece = [];
          if (index === 0 && headingStyle === 'inline') piece.push({ text: block.heading, kind: 'heading' });
          piece.push({ text, kind: 'shared' });
          body.push(piece);
        });
      }
      pieces.splice(at, 0, ...body);
    }
    const chromeCount = rand() < 0.5 ? 1 + Math.floor(rand() * 2) : 0;
    for (let c = 0; c < chromeCount; c += 1) pieces.push([{ text: pick(CHROME_LINES), kind: 'chrome' }]);
    // The title, a line of its own in every layout.
    const title = source.sentence(rand).replace(/[.!?"'”’)]+$/, '').split(' ').slice(0, 9).join(' ');

    const truth: TruthArticle = { path: `articles/${String(a).padStart(width, '0')}.txt`, shared: [], headings: [], chrome: [] };
    let text = `${title}\n\n`;
    const append = (piece: { text: string; kind: 'own' | 'shared' | 'heading' | 'chrome' }, separator: string): void => {
      if (text !== '' && !text.endsWith('\n')) text += separator;
      const start = text.length;
      text += piece.text;
      if (piece.kind === 'shared') truth.shared.push(start, text.length);
      if (piece.kind === 'heading') truth.headings.push(start, text.length);
      if (piece.kind === 'chrome') truth.chrome.push(start, text.length);
    };
    const chromeAtEnd = pieces.filter((piece) => piece[0]?.kind === 'chrome');
    const bodyPieces = pieces.filter((piece) => piece[0]?.kind !== 'chrome');
    bodyPieces.forEach((piece, index) => {
      if (layout !== 'one' && index > 0) text += layout === 'blank' ? '\n\n' : '\n';
      for (const part of piece) append(part, ' ');
    });
    text += '\n';
    for (const piece of chromeAtEnd) {
      for (const part of piece) append(part, ' ');
      text += '\n';
    }
    articles.push(truth);
    const path = join(temp, truth.path);
    if (a === 0) await mkdir(join(temp, 'articles'), { recursive: true });
    await writeFile(path, text);
    written += Buffer.byteLength(text);
  }
  const result: Truth = { seed, text: source.name, bytes: written, files, blocks: blockCount, articles };
  await writeFile(join(temp, 'truth.json'), JSON.stringify(result));
  await rm(out, { recursive: true, force: true });
  await rename(temp, out);
  return result;
}

/** Deletes, inserts or replaces one word, as an editor does when pasting background. */
function lightEdit(text: string, rand: () => number): string {
  const words = text.split(' ');
  if (words.length < 10) return text;
  const at = 1 + Math.floor(rand() * (words.length - 2));
  const edit = rand();
  if (edit < 0.4) words.splice(at, 1);
  else if (edit < 0.8) words.splice(at, 0, EDIT_WORDS[Math.floor(rand() * EDIT_WORDS.length)] ?? 'also');
  else words[at] = EDIT_WORDS[Math.floor(rand() * EDIT_WORDS.length)] ?? 'also';
  return words.join(' ');
}
