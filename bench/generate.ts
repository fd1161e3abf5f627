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

/**
 * Site furniture for `shape: 'furniture'`, 3 to 20 words, `{site}` standing for the site's name.
 * Every length from 3 to 20 is here, so that a site's lines, drawn from this list, are of every length.
 */
export const FURNITURE_LINES = [
  'Comments are closed.',
  'Read more from {site}',
  'Required fields are marked *',
  'Your email address will not be published.',
  'Copyright {site} 2025. All rights reserved.',
  'Sign up for the {site} morning briefing today.',
  'Follow {site} on Facebook, Twitter and Instagram for updates.',
  'Have a story tip? Write to the {site} newsroom by email.',
  'Get the latest news from {site} delivered to your inbox every single day.',
  'Subscribe to {site} for unlimited access to our journalism, from as little as one dollar.',
  'Save my name, email, and website in this browser for the next time I comment.',
  'The views expressed in this article are those of the author and do not reflect {site} policy.',
  'We use cookies to improve your experience on {site}; by browsing on you agree to our use of cookies.',
  'This story was filed by a {site} correspondent and edited by the desk before it was published here.',
  'Corrections: if you spot an error in this article, please tell the {site} standards editor by email.',
  'Download the {site} app for breaking news alerts, live video and the full print edition on your phone.',
  'All content on {site} is protected by copyright and may not be reproduced without the written permission.',
  'Like this article? Share it with your friends on social media and help {site} grow.',
  'Disclaimer: {site} is not responsible for the content of external sites linked from this page or its comments.',
  'Want more stories like this? Add {site} to your preferred sources and never miss an update.',
  'Tell us what you think',
  'Share on WhatsApp',
  'Follow us on X',
  'Sign in to read the rest of this.',
  'Stay informed with {site}: sign up for our free daily newsletters today.',
  'Read our editorial guidelines here.',
  'Related: more stories from {site}',
  'Report an error in this story to the {site} desk.',
  'Newsletter: the best of {site} journalism, sent to you every weekday morning and free.',
  'Click here to read the whole story on our website.',
  'Photos in this story are by staff photographers unless stated otherwise.',
  'Prices, timings and figures in this report were correct at the time of writing.',
  'Join the conversation: comments on this page are moderated and may take an hour to appear.',
  'Tap the bell icon to turn on notifications, so that you never miss a story from our reporters.',
];

/** Team names of the small tables (standings) some articles carry. */
const TEAMS = ['Falcons', 'Lions', 'Sharks', 'Hawks', 'Tigers', 'Wolves', 'Eagles', 'Bears', 'Panthers', 'Rangers', 'Rovers', 'Comets'];

const EDIT_WORDS = ['banned', 'so-called', 'recently', 'officially', 'also', 'still', 'reportedly'];
/**
 * A word that is, or is part of, a figure or a date, or that negates: digits, a month or a day, a
 * number word or a scale word, "not" and its kin. Editing one changes what a sentence reports.
 */
const FIGURE_WORD = /\d|\wn['’]t\W*$|^\W*(?:not|no|never|cannot|nor|neither|none|nobody|nothing|monday|tuesday|wednesday|thursday|friday|saturday|sunday|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|trillions?|lakhs?|crores?|bn|mn|mln|k|m|dozen|half|per|cent|percent|pc)\W*$/i;
/** A word that ends a sentence. */
const SENTENCE_END = /[.!?]["'”’)]*$/;

/** Corpus shapes: `news`, the default; `furniture`, twelve sites with their own furniture lines (issue 18). */
export const SHAPES = ['news', 'furniture'] as const;
export type Shape = (typeof SHAPES)[number];

/** How an injected block copy stands: word for word, with a sentence lightly edited, or run inline (its heading or its sentences in one paragraph). */
export type CopyKind = 'verbatim' | 'edited' | 'inline';
export const COPY_KINDS: readonly CopyKind[] = ['verbatim', 'edited', 'inline'];

interface Block {
  readonly heading: string;
  readonly sentences: readonly string[];
  readonly reach: number;
  /** The sentence whose figure some copies change, or -1. */
  readonly figureSentence: number;
}

/** Where an injected block or chrome line stands in an article: UTF-16 offsets of the text. */
export interface TruthArticle {
  readonly path: string;
  /** Shared text (injected block sentences, paragraphs of a real article's copies), `[start, end)` pairs. */
  readonly shared: number[];
  /** For each pair of `shared`: the injected background's index, or -1 for a copy of a whole real article. */
  readonly sharedBlock: number[];
  /** For each pair of `shared`: how the copy stands. */
  readonly sharedKind: CopyKind[];
  /** Headings of injected blocks and tables: neither counted as shared nor as unique when scoring. */
  readonly headings: number[];
  readonly chrome: number[];
  /** Copies of a background sentence with one figure changed: the article's own text, which must stay. */
  readonly figures: number[];
  /** For each pair of `figures`: the background it is a copy of. */
  readonly figureBlock: number[];
  /** Table rows (mostly numbers, repeated across articles with other figures): own text, which must stay. */
  readonly tables: number[];
  /** Left out of the scores: titles of real articles, and real text newsdedup finds repeated in the real articles themselves. */
  readonly ignore: number[];
}

/** A real article, for a corpus of real text (`real`): its title and paragraphs, and which paragraphs to leave out of the scores. */
export interface RealArticle {
  readonly title: string;
  readonly paragraphs: readonly string[];
  readonly ignored: readonly boolean[];
}

export interface GenerateOptions {
  readonly out: string;
  /** About how many bytes to write; unused with `real`, whose size is its articles'. */
  readonly bytes: number;
  readonly seed: number;
  /** Sentences of the backgrounds, titles and (without `real`) the articles' own text. */
  readonly text: TextSource;
  /** @default 'news' */
  readonly shape?: Shape;
  /** Real articles as the articles' own text, each written in 1 to 3 copies. */
  readonly real?: readonly RealArticle[];
}

/** Summary of a generated corpus, written as `truth.json` beside `articles/`. */
export interface Truth {
  readonly seed: number;
  /** The text source's name (`real` for real articles). */
  readonly text: string;
  readonly shape: Shape;
  readonly bytes: number;
  readonly files: number;
  readonly blocks: number;
  /** Per background: how many articles carry it. */
  readonly reach: readonly number[];
  readonly articles: readonly TruthArticle[];
}

const MEAN_ARTICLE_BYTES = 3400;
const SITES = 12;
/** At every size, the furniture shape's three widest backgrounds reach this share of the articles: 5,882 of 294,118 at 1 GB. */
const WIDE_REACH = 0.02;

type PartKind = 'own' | 'shared' | 'heading' | 'chrome' | 'figure' | 'table' | 'ignore';
interface Part {
  readonly text: string;
  readonly kind: PartKind;
  readonly block?: number;
  readonly copy?: CopyKind;
}
/** A piece of an article (a paragraph, or a block sentence on its own line): text, and what truth it carries. */
type Piece = Part[];

/**
 * Writes a corpus of about `bytes` bytes to `out/articles/` and its truth to `out/truth.json`.
 * Written into a temporary directory and renamed, so that an interrupted run leaves no half corpus.
 */
export async function generate({ out, bytes, seed, text: source, shape = 'news', real }: GenerateOptions): Promise<Truth> {
  const rand = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;

  // With real text, each real article is written in 1 to 3 copies, in a seeded order.
  const realPlan: { article: number; copies: number }[] = [];
  if (real !== undefined) {
    real.forEach((_, article) => {
      const copies = pick([1, 1, 2, 3]);
      for (let c = 0; c < copies; c += 1) realPlan.push({ article, copies });
    });
    for (let i = realPlan.length - 1; i > 0; i -= 1) {
      const j = Math.floor(rand() * (i + 1));
      [realPlan[i], realPlan[j]] = [realPlan[j] as (typeof realPlan)[number], realPlan[i] as (typeof realPlan)[number]];
    }
  }
  const files = real === undefined ? Math.max(20, Math.round(bytes / MEAN_ARTICLE_BYTES)) : realPlan.length;

  // Background blocks: about one for every 40 articles, most reaching a few articles, a few reaching
  // 200; in the furniture shape, three reach 2% of the articles (5,000 and more at 1 GB).
  const blocks: Block[] = [];
  const blockCount = Math.max(3, Math.round(files / 40));
  for (let b = 0; b < blockCount; b += 1) {
    const headingWords = source.sentence(rand).replace(/[.!?"'”’)]+$/, '').split(' ').slice(0, 2 + Math.floor(rand() * 3));
    const heading = headingWords.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' ').replace(/[,;:.]+$/, '');
    const length = 2 + Math.floor(rand() * 6);
    let reach = Math.min(files, rand() < 0.05 ? 50 + Math.floor(rand() * 151) : 2 + Math.floor(rand() * 12));
    if (shape === 'furniture' && b < 3) reach = Math.min(files, Math.max(reach, Math.round(files * WIDE_REACH)));
    const sentences = Array.from({ length }, () => source.sentence(rand));
    // A third of the backgrounds carry a figure (a toll, an amount, a date) that some copies update.
    let figureSentence = -1;
    if (rand() < 0.35) {
      figureSentence = sentences.findIndex((text) => FIGURE.test(text));
      if (figureSentence < 0) {
        figureSentence = Math.floor(rand() * length);
        sentences[figureSentence] = withFigure(sentences[figureSentence] ?? '', rand);
      }
    }
    blocks.push({ heading, sentences, reach, figureSentence });
  }
  // `figure`: 0 for a copy as it stands, 1, 2… for copies whose figure is changed, each to its own
  // value; at least two copies keep the figure, so the sentence stays shared among them.
  const carried: { block: number; position: number; figure: number }[][] = Array.from({ length: files }, () => []);
  blocks.forEach((block, b) => {
    const chosen = new Set<number>();
    while (chosen.size < block.reach) chosen.add(Math.floor(rand() * files));
    const changed = block.figureSentence >= 0 && block.reach >= 3 ? 1 + Math.floor(rand() * Math.min(3, block.reach - 2)) : 0;
    let copy = 0;
    for (const article of chosen) {
      carried[article]?.push({ block: b, position: rand(), figure: copy < changed ? copy + 1 : 0 });
      copy += 1;
    }
  });

  // Furniture: each site has 8 to 14 lines, each at the end of its own 10–40% of the site's articles.
  const furniture = Array.from({ length: SITES }, (_, site) => {
    const name = `${pick(['The', 'Daily', 'Morning', 'Evening', 'Weekly'])} ${['Herald', 'Courier', 'Post', 'Tribune', 'Star', 'Record', 'Ledger', 'Gazette', 'Observer', 'Sentinel', 'Times', 'Mirror'][site] ?? 'News'}`;
    const lines = [...FURNITURE_LINES];
    for (let i = lines.length - 1; i > 0; i -= 1) {
      const j = Math.floor(rand() * (i + 1));
      [lines[i], lines[j]] = [lines[j] as string, lines[i] as string];
    }
    return lines.slice(0, 8 + Math.floor(rand() * 7)).map((line) => ({ text: line.replaceAll('{site}', name), share: 0.1 + rand() * 0.3 }));
  });

  const temp = `${out}.partial`;
  await rm(temp, { recursive: true, force: true });
  const articles: TruthArticle[] = [];
  let written = 0;
  const width = String(files - 1).length;
  const madeDirs = new Set<string>();
  for (let a = 0; a < files; a += 1) {
    const plan = realPlan[a];
    const realArticle = plan === undefined ? undefined : real?.[plan.article];
    const layout = realArticle !== undefined ? pick(['lines', 'blank'] as const) : pick(['lines', 'blank', 'one'] as const);
    let pieces: Piece[];
    if (realArticle !== undefined && plan !== undefined) {
      // A real article's paragraphs: shared among its copies (each copy with its own light edits), own text when it has one copy.
      pieces = realArticle.paragraphs.map((paragraph, index): Piece => {
        if (realArticle.ignored[index] === true) return [{ text: paragraph, kind: 'ignore' }];
        if (plan.copies === 1) return [{ text: paragraph, kind: 'own' }];
        const edited = rand() < 0.12 ? lightEdit(paragraph, rand) : paragraph;
        return [{ text: edited, kind: 'shared', block: -1, copy: edited === paragraph ? 'verbatim' : 'edited' }];
      });
    } else {
      const target = MEAN_ARTICLE_BYTES * (0.3 + rand() * 1.4);
      const paragraphs: string[][] = [];
      let size = 0;
      while (size < target) {
        const paragraph = Array.from({ length: 1 + Math.floor(rand() * 4) }, () => source.sentence(rand));
        size += paragraph.join(' ').length;
        paragraphs.push(paragraph);
      }
      pieces = paragraphs.map((paragraph) => [{ text: paragraph.join(' '), kind: 'own' }]);
    }
    const insertions = [...(carried[a] ?? [])].sort((x, y) => x.position - y.position || x.block - y.block);
    for (const { block: b, position, figure } of insertions.reverse()) {
      const block = blocks[b];
      if (block === undefined) continue;
      const run = layout === 'one' || rand() < 0.2;
      const headingStyle = layout === 'one' ? (rand() < 0.6 ? 'inline' : 'none') : pick(['line', 'line', 'inline', 'none'] as const);
      const inline = run || headingStyle === 'inline';
      const parts: Part[] = block.sentences.map((text, index) => {
        if (figure > 0 && index === block.figureSentence) return { text: changeFigure(text, figure), kind: 'figure', block: b };
        const edited = rand() < 0.12 ? lightEdit(text, rand) : text;
        return { text: edited, kind: 'shared', block: b, copy: edited !== text ? 'edited' : inline ? 'inline' : 'verbatim' };
      });
      const at = 1 + Math.floor(position * pieces.length);
      const body: Piece[] = [];
      if (run) {
        // Run into one paragraph, as 000 does.
        const piece: Piece = [];
        if (headingStyle === 'inline') piece.push({ text: block.heading, kind: 'heading' });
        piece.push(...parts);
        body.push(piece);
      } else {
        if (headingStyle === 'line') body.push([{ text: block.heading, kind: 'heading' }]);
        parts.forEach((part, index) => {
          const piece: Piece = [];
          if (index === 0 && headingStyle === 'inline') piece.push({ text: block.heading, kind: 'heading' });
          piece.push(part);
          body.push(piece);
        });
      }
      pieces.splice(at, 0, ...body);
    }
    // A small table in 4% of articles, between two paragraphs: the same teams, other figures.
    const table: Piece[] = [];
    if (rand() < 0.04) {
      table.push([{ text: 'Team P W L Pts NRR', kind: 'heading' }]);
      const teams = [...TEAMS];
      for (let row = 0, rows = 4 + Math.floor(rand() * 5); row < rows; row += 1) {
        const team = teams.splice(Math.floor(rand() * teams.length), 1)[0] ?? 'Rovers';
        const played = 5 + Math.floor(rand() * 10);
        const won = Math.floor(rand() * (played + 1));
        const rate = (rand() * 2.4 - 1.2).toFixed(3);
        table.push([{ text: `${team} ${played} ${won} ${played - won} ${won * 2} ${rate.startsWith('-') ? rate : `+${rate}`}`, kind: 'table' }]);
      }
    }
    const chrome: string[] = [];
    const site = shape === 'furniture' ? Math.floor(rand() * SITES) : -1;
    if (shape === 'furniture') {
      for (const line of furniture[site] ?? []) if (rand() < line.share) chrome.push(line.text);
    } else {
      const chromeCount = rand() < 0.5 ? 1 + Math.floor(rand() * 2) : 0;
      for (let c = 0; c < chromeCount; c += 1) chrome.push(pick(CHROME_LINES));
    }
    // The title, a line of its own in every layout; a real article's title (many real titles repeat) is left out of the scores.
    const title: Part =
      realArticle !== undefined
        ? { text: realArticle.title, kind: 'ignore' }
        : { text: source.sentence(rand).replace(/[.!?"'”’)]+$/, '').split(' ').slice(0, 9).join(' '), kind: 'own' };

    const folder = shape === 'furniture' ? `articles/site-${String(site + 1).padStart(2, '0')}` : 'articles';
    const truth: TruthArticle = { path: `${folder}/${String(a).padStart(width, '0')}.txt`, shared: [], sharedBlock: [], sharedKind: [], headings: [], chrome: [], figures: [], figureBlock: [], tables: [], ignore: [] };
    let text = '';
    const append = (part: Part, separator: string): void => {
      if (text !== '' && !text.endsWith('\n')) text += separator;
      const start = text.length;
      text += part.text;
      const span = { shared: truth.shared, heading: truth.headings, chrome: truth.chrome, figure: truth.figures, table: truth.tables, ignore: truth.ignore, own: undefined }[part.kind];
      span?.push(start, text.length);
      if (part.kind === 'shared') {
        truth.sharedBlock.push(part.block ?? -1);
        truth.sharedKind.push(part.copy ?? 'verbatim');
      }
      if (part.kind === 'figure') truth.figureBlock.push(part.block ?? -1);
    };
    append(title, '');
    text += '\n\n';
    const tableAt = table.length === 0 ? -1 : Math.max(0, Math.min(pieces.length - 1, 1 + Math.floor(rand() * (pieces.length - 1))));
    pieces.forEach((piece, index) => {
      if (index === tableAt) {
        text += '\n\n';
        for (const row of table) {
          for (const part of row) append(part, ' ');
          text += '\n';
        }
        text += '\n';
      } else if (layout !== 'one' && index > 0) text += layout === 'blank' ? '\n\n' : '\n';
      for (const part of piece) append(part, ' ');
    });
    text += '\n';
    for (const line of chrome) {
      append({ text: line, kind: 'chrome' }, ' ');
      text += '\n';
    }
    articles.push(truth);
    const directory = join(temp, folder);
    if (!madeDirs.has(directory)) {
      await mkdir(directory, { recursive: true });
      madeDirs.add(directory);
    }
    await writeFile(join(temp, truth.path), text);
    written += Buffer.byteLength(text);
  }
  const result: Truth = { seed, text: real === undefined ? source.name : 'real', shape, bytes: written, files, blocks: blockCount, reach: blocks.map((block) => block.reach), articles };
  await writeTruth(join(temp, 'truth.json'), result);
  await rm(out, { recursive: true, force: true });
  await rename(temp, out);
  return result;
}

/** Writes the truth one article a line, so that 294,118 articles never make one string too long for V8. */
async function writeTruth(path: string, truth: Truth): Promise<void> {
  const { articles, ...head } = truth;
  const lines = [JSON.stringify(head).slice(0, -1) + ',"articles":['];
  articles.forEach((article, index) => lines.push(JSON.stringify(article) + (index < articles.length - 1 ? ',' : '')));
  lines.push(']}');
  await writeFile(path, lines.join('\n'));
}

/** A number as it stands in text: "86,300", "12.5", "2025". */
const FIGURE = /\d[\d,]*(?:\.\d+)?/;

/** Adds a figure to a sentence that has none: an amount, a toll, a share or a date. */
function withFigure(text: string, rand: () => number): string {
  const n = 2 + Math.floor(rand() * 900);
  const tail = [
    `, up ${(1 + rand() * 40).toFixed(1)} per cent`,
    `, at a cost of Rs${n} million`,
    `, with ${(n * 97).toLocaleString('en-US')} people affected`,
    `, on Jan ${1 + Math.floor(rand() * 27)}`,
    `, a toll of ${n}`,
  ][Math.floor(rand() * 5)] as string;
  return text.replace(/[.!?]*$/, `${tail}.`);
}

/**
 * Changes the value of a sentence's first figure, keeping how it is written (grouping, decimals):
 * variant 1, 2… give different values, none equal to the original.
 */
export function changeFigure(text: string, variant: number): string {
  return text.replace(FIGURE, (figure) => {
    const [whole = '0', decimals] = figure.replace(/,$/, '').split('.');
    const trailing = figure.endsWith(',') ? ',' : '';
    const value = Number(whole.replaceAll(',', ''));
    const changed = value + variant * (1 + Math.floor(value * 0.1));
    const written = whole.includes(',') ? changed.toLocaleString('en-US') : String(changed);
    return `${written}${decimals === undefined ? '' : `.${decimals}`}${trailing}`;
  });
}

/** Deletes, inserts or replaces one word, as an editor does when pasting background. */
export function lightEdit(text: string, rand: () => number): string {
  const words = text.split(' ');
  if (words.length < 10) return text;
  // An editor's light edit leaves figures, dates, negations and sentences as they were: the word
  // edited is no figure, nor beside one (deleting "Jan" from "on Jan 22", or putting a word between "8" and
  // "December", changes a date), and it neither starts nor ends a sentence (dropping "He" from
  // "… service. He described …" runs two sentences into one).
  const editable = (at: number): boolean =>
    !FIGURE_WORD.test(words[at - 1] ?? '') && !FIGURE_WORD.test(words[at] ?? '') && !FIGURE_WORD.test(words[at + 1] ?? '') && !SENTENCE_END.test(words[at - 1] ?? '.') && !SENTENCE_END.test(words[at] ?? '.');
  let at = 1 + Math.floor(rand() * (words.length - 2));
  for (let tries = 0; tries < 8 && !editable(at); tries += 1) at = 1 + Math.floor(rand() * (words.length - 2));
  if (!editable(at)) return text;
  const edit = rand();
  if (edit < 0.4) words.splice(at, 1);
  else if (edit < 0.8) words.splice(at, 0, EDIT_WORDS[Math.floor(rand() * EDIT_WORDS.length)] ?? 'also');
  else words[at] = EDIT_WORDS[Math.floor(rand() * EDIT_WORDS.length)] ?? 'also';
  return words.join(' ');
}
