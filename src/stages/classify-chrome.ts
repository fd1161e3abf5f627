import type { ChromeLine, ChromeReason, Span } from '../types.js';
import type { LineRecord } from './detect-chrome.js';
import type { Assembly, Block, Occurrence, SentenceSet } from './assemble.js';
import { isHeadingLike } from '../text/heading.js';
import { countWords } from '../text/words.js';
import type { PackedSegmentation } from './segment.js';
import { paragraphAt } from './segment.js';
import { normalizeForComparison } from '../text/normalize.js';
import { readsAsSignOff, WRITER_SIGN_OFF_WORDS } from '../text/sign-off.js';

/** Chrome removed: a paragraph, or site furniture where it stands. */
export interface ChromeMark extends Span {
  /** The paragraph removed whole; -1 for furniture, which may stand inside a paragraph. */
  readonly paragraph: number;
  readonly reason: ChromeReason;
  readonly words: number;
}

/** What chrome classification reads of the corpus, once blocks are assembled. */
export interface ChromeCorpus {
  readonly articleCount: number;
  /** Chrome candidates (list chrome and short lines) of each article, as the fingerprint step found them. */
  readonly lines: (article: number) => readonly LineRecord[];
  /** In how many articles a short line (by hash) stands: counted among the articles of article `article`'s source. */
  readonly shortLineFrequency: (hash: number, article: number) => number;
  /** In how many articles of an article's source a short line's template stands, of how many. */
  readonly templateFrequency: (template: number, article: number) => { readonly articles: number; readonly of: number; readonly manyWordings: boolean };
  /** Global id of article `a`'s first sentence. */
  readonly sentenceBase: ArrayLike<number>;
  /** Per article, its block occurrences (their headings are never chrome). */
  readonly occurrences: readonly (readonly Occurrence[])[];
  /** Global ids of the sentences that stand in a block (a paragraph holding one is never chrome). */
  readonly inBlock: SentenceSet;
  /** The segmentation of an article that holds a block. */
  readonly segmentationOf: (article: number) => PackedSegmentation | undefined;
  /** Per article, the site furniture taken out of the blocks (see {@link separateFurniture}). */
  readonly furniture: readonly (readonly ChromeMark[])[];
  /** How many articles the source of article `article` has (an index's archive articles counted). @default no source is known: the rule that reads it is off */
  readonly sourceSize?: (article: number) => number;
}

const NONE: readonly never[] = Object.freeze([]);
/** A sub-heading standing in this share of its source's articles is the site's, as in 20 of them. */
const SUBHEADING_SHARE = 0.5;

/**
 * Fewest articles, and least share of its source's articles, a block needs to be site furniture. A
 * long block, of more than `longWords` words but for its heading, needs `longShare` of them. A
 * site's lines are short (a sign-off, a newsletter plea, a comment form's label: 3 to 20 words),
 * while a running story's background, a paragraph or one long sentence, may be pasted into a fifth
 * of a small outlet's articles: taken for furniture, it would leave every article, with no copy
 * kept. A licence notice long enough to need the larger share stands in nearly every article of
 * its site; one in fewer is a block, collapsed with markers, which loses nothing.
 */
export const FURNITURE = { articles: 20, share: 0.1, longWords: 20, longShare: 0.5, edgeShare: 0.9, edgeSentences: 1 } as const;

/** What furniture detection reads of the corpus. */
export interface FurnitureCorpus {
  readonly articleCount: number;
  /** The outlet an article comes from ('' when unknown): furniture is counted per source. */
  readonly sourceOf: (article: number) => string;
  readonly pathOf: (article: number) => string;
  /** Articles of each source that are not in this run (an index's archive articles beyond the run's context). */
  readonly beyondRun?: ReadonlyMap<string, number>;
  /** Chrome candidates (short lines, with their templates) of each article, as the fingerprint step found them. */
  readonly lines?: (article: number) => readonly LineRecord[];
  /** In how many articles of an article's source a short line's template stands (see {@link ChromeCorpus}). */
  readonly templateFrequency?: ChromeCorpus['templateFrequency'];
  /** Global id of article `a`'s first sentence, entry `articleCount` the total: where a block stands in its article (see {@link separateFurniture}). */
  readonly sentenceBase?: ArrayLike<number>;
  /** In how many articles of an article's source a line (by hash) stands word for word, and how many make a dated sign-off chrome (see `LineRecord.dated`). */
  readonly lineFrequency?: (hash: number, article: number) => number;
  readonly minArticles?: number;
}

/**
 * Takes site furniture out of the blocks. A block is furniture when most of its copies stand in
 * sources where it is worded alike in every copy (a copy may hold fewer of its lines, never other
 * words) and stands in at least {@link FURNITURE}`.share` of the source's articles (a long block,
 * `longShare`), and in at least {@link FURNITURE}`.articles` of them: one outlet's furniture, or a
 * template that several outlets fill with their own names. Whatever its length (a licence notice, a comment-form line,
 * a newsletter plea), it is not reporting the articles share: its copies become chrome, removed
 * where they stand, even inside a paragraph, and it is neither a block nor a pair.
 *
 * A block is furniture too when most of its copies are each a short line of a dated template (a
 * sign-off, "Published in The Daily Example, March 3rd, 2025"): copies of the same date make a
 * block, but the line is the template's, which is furniture where its other dates stand alone (see
 * `classifyChrome`), however few articles share this one date.
 */
export function separateFurniture(assembly: Assembly, corpus: FurnitureCorpus): { assembly: Assembly; furniture: (readonly ChromeMark[])[] } {
  const sourceSize = new Map<string, number>();
  for (const [source, count] of corpus.beyondRun ?? []) sourceSize.set(source, count);
  for (let article = 0; article < corpus.articleCount; article += 1) sourceSize.set(corpus.sourceOf(article), (sourceSize.get(corpus.sourceOf(article)) ?? 0) + 1);
  const templated = templatedCopies(assembly, corpus);
  const edges = atEdges(assembly, corpus.sentenceBase);
  const isFurniture = assembly.blocks.map((block, index) => {
    if ((templated[index] ?? 0) * 2 > block.articles.length) return true;
    // A writer's sign-off: short, closing every copy, about the writer or how to reach them.
    if (edges !== undefined && edges.closing[index] === edges.of[index] && block.words <= WRITER_SIGN_OFF_WORDS && new Set(block.articles.map(corpus.sourceOf)).size === 1 && readsAsSignOff(block.canonicalText)) return true;
    if (block.articles.length < FURNITURE.articles) return false;
    // Each copy's wording, as the variants give it: which other wording of each sentence it holds.
    const wordingOf = new Map<string, string>();
    block.variantWordings.sentences.forEach((sentence, position) => {
      sentence.wordings.forEach((wording, which) => {
        if (wording.text === '') return;
        for (const path of wording.articles) wordingOf.set(path, `${wordingOf.get(path) ?? ''}${position}:${which};`);
      });
    });
    // Per source: its copies, and whether they are worded alike (a copy may hold fewer lines).
    const bySource = new Map<string, { count: number; wording: string | undefined; alike: boolean }>();
    for (const article of block.articles) {
      const source = corpus.sourceOf(article);
      const wording = wordingOf.get(corpus.pathOf(article)) ?? '';
      const entry = bySource.get(source) ?? { count: 0, wording, alike: true };
      entry.count += 1;
      entry.alike &&= entry.wording === wording;
      bySource.set(source, entry);
    }
    const long = block.words - headingWordsOf(block) > FURNITURE.longWords;
    // A long block is a footer or a header, at an end of nearly every copy: a running story's
    // background pasted inside its articles, in however many, is a block, collapsed with a marker.
    if (long && edges !== undefined && (edges.at[index] ?? 0) < FURNITURE.edgeShare * (edges.of[index] ?? 0)) return false;
    const share = long ? FURNITURE.longShare : FURNITURE.share;
    let furniture = 0;
    for (const [source, entry] of bySource) {
      if (entry.alike && entry.count >= FURNITURE.articles && entry.count >= share * (sourceSize.get(source) ?? 0)) furniture += entry.count;
    }
    // Most of its copies stand in sources where it is furniture (one outlet's, or a template many share).
    return furniture * 2 > block.articles.length;
  });
  const furniture: (readonly ChromeMark[])[] = new Array<readonly ChromeMark[]>(corpus.articleCount).fill(NONE);
  if (!isFurniture.includes(true)) return { assembly, furniture };
  const renumber = new Map<number, number>();
  const blocks = assembly.blocks.filter((block, index) => {
    if (isFurniture[index] === true) return false;
    renumber.set(index, renumber.size);
    return block !== undefined;
  });
  const occurrences = assembly.occurrences.map((held, article) => {
    const kept: Occurrence[] = [];
    const marks: ChromeMark[] = [];
    // Every occurrence takes its block's new number: an article with no furniture of its own still
    // holds blocks numbered after a furniture block that left.
    let same = true;
    for (const occurrence of held) {
      const block = renumber.get(occurrence.block);
      if (block === occurrence.block) kept.push(occurrence);
      else if (block !== undefined) {
        kept.push({ ...occurrence, block });
        same = false;
      } else {
        // A line that opens with a stretch of another block too short to collapse ("Have a story
        // tip?") and goes on with furniture is furniture whole.
        const opener = assembly.openers?.get(article)?.find((stretch) => stretch.next === occurrence.sentences[0]);
        marks.push({ paragraph: -1, reason: 'site furniture', words: occurrence.words + (opener?.words ?? 0), start: opener?.start ?? occurrence.start, end: occurrence.end });
        same = false;
      }
    }
    if (marks.length > 0) furniture[article] = marks;
    return same ? held : kept;
  });
  return { assembly: { ...assembly, blocks, occurrences }, furniture };
}

/**
 * Per block, how many of its occurrences stand at an end of their article (at most
 * {@link FURNITURE}`.edgeSentences` sentences before or after them) and how many there are;
 * `undefined` when where articles start is not known.
 */
function atEdges(assembly: Assembly, sentenceBase: ArrayLike<number> | undefined): { at: Int32Array; closing: Int32Array; of: Int32Array } | undefined {
  if (sentenceBase === undefined) return undefined;
  const at = new Int32Array(assembly.blocks.length);
  const closing = new Int32Array(assembly.blocks.length);
  const of = new Int32Array(assembly.blocks.length);
  assembly.occurrences.forEach((held, article) => {
    const first = sentenceBase[article] ?? 0;
    const last = (sentenceBase[article + 1] ?? first) - 1;
    for (const occurrence of held) {
      of[occurrence.block] = (of[occurrence.block] ?? 0) + 1;
      let low = Infinity;
      let high = -Infinity;
      for (const id of occurrence.sentences) {
        low = Math.min(low, id);
        high = Math.max(high, id);
      }
      if (low - first <= FURNITURE.edgeSentences || last - high <= FURNITURE.edgeSentences) at[occurrence.block] = (at[occurrence.block] ?? 0) + 1;
      if (last - high <= FURNITURE.edgeSentences) closing[occurrence.block] = (closing[occurrence.block] ?? 0) + 1;
    }
  });
  return { at, closing, of };
}

/**
 * The words of a block's heading: the one found apart from its sentences, or a heading-like first
 * line that its copies hold word for word and so joined the block as a sentence ("Support us").
 */
function headingWordsOf(block: Block): number {
  if (block.headingWords !== undefined) return block.headingWords;
  const lines = block.canonicalText.split(/\r?\n|\r/).filter((line) => line.trim() !== '');
  const first = lines[0];
  return lines.length > 1 && first !== undefined && isHeadingLike(first) ? countWords(first) : 0;
}

/** Per block, in how many articles each of its copies is a whole short line of a dated template that is site furniture in the article's source. */
function templatedCopies(assembly: Assembly, corpus: FurnitureCorpus): number[] {
  const copies = new Array<number>(assembly.blocks.length).fill(0);
  const { lines, templateFrequency } = corpus;
  if (lines === undefined || templateFrequency === undefined) return copies;
  assembly.occurrences.forEach((held, article) => {
    if (held.length === 0) return;
    // The first line is the article's title, never furniture (a daily bulletin's dated name).
    const templates = lines(article).filter((line) => line.template !== 0 && line.paragraph !== 0);
    if (templates.length === 0) return;
    // Blocks with a copy here that is not such a line: they count no copy here.
    const other = new Set<number>();
    const found = new Set<number>();
    for (const occurrence of held) {
      const line = templates.find((candidate) => candidate.start <= occurrence.start && occurrence.end <= candidate.end);
      const signOff = line?.dated === true && (corpus.lineFrequency?.(line.hash, article) ?? 0) >= (corpus.minArticles ?? Infinity);
      if (line !== undefined && (signOff || isFurnitureTemplate(templateFrequency, line.template, article))) found.add(occurrence.block);
      else other.add(occurrence.block);
    }
    for (const block of found) if (!other.has(block)) copies[block] = (copies[block] ?? 0) + 1;
  });
  return copies;
}

/**
 * The chrome of every article: its list chrome, plus each whole short line (no longer than a
 * heading) that stands in at least `minArticles` articles, unless it is part of a block or a
 * block's heading.
 */
export function classifyChrome(corpus: ChromeCorpus, minArticles: number): (readonly ChromeMark[])[] {
  const marks: (readonly ChromeMark[])[] = new Array<readonly ChromeMark[]>(corpus.articleCount).fill(NONE);
  const headingLines = blockHeadingLines(corpus);
  for (let articleIndex = 0; articleIndex < corpus.articleCount; articleIndex += 1) {
    const lines = corpus.lines(articleIndex);
    const furniture = corpus.furniture[articleIndex] ?? NONE;
    if (lines.length === 0 && furniture.length === 0) continue;
    const held = corpus.occurrences[articleIndex] ?? NONE;
    const headings = new Set(held.flatMap((occurrence) => (occurrence.heading === undefined ? [] : [occurrence.heading.start])));
    const segmentation = held.length > 0 ? corpus.segmentationOf(articleIndex) : undefined;
    const found: ChromeMark[] = [];
    for (const line of lines) {
      const mark = { paragraph: line.paragraph, words: line.words, start: line.start, end: line.end };
      if (line.list !== undefined) {
        found.push({ ...mark, reason: line.list });
        continue;
      }
      // The first line is the article's title, its own however often it repeats (a daily bulletin's name).
      // A short line, or a dated sign-off (judged by its template alone).
      if ((!line.short && line.template === 0 && line.dated !== true) || headings.has(line.start) || line.paragraph === 0) continue;
      // A block's heading in an article that holds the block but not under it (the block's first
      // sentence is the article's own, a figure changed) heads that sentence: it repeats as the
      // block does, not as chrome. Elsewhere the same line is judged as any other.
      const headed = headingLines.get(line.hash);
      if (headed !== undefined && held.some((occurrence) => headed.has(occurrence.block))) continue;
      // Word for word in a few articles, or as a template with new figures in a large share of its source's.
      // A line that holds a figure (a time, a date, a score: `template` is set) is an article's own
      // news unless a site repeats it: the same kick-off time in three match previews stays in each.
      // So is a sub-heading inside the story ("Way forward", "Question Hour" in three reports),
      // unless it stands in half its source's articles ("Also Read" between a small site's paragraphs).
      // A dated last line that is no sentence, a sign-off ("Published in Dawn, March 2nd, 2025"), goes
      // at `minArticles` however long it is: a day's articles hold it word for word.
      // A short line that is a sentence ("The accused pleaded not guilty.", "Two people were
      // killed.") is reporting a few stories share, unless its site repeats it as furniture.
      const repeats =
        line.dated === true
          ? minArticles
          : line.template !== 0 || line.sentence === true
          ? Math.max(minArticles, FURNITURE.articles)
          : line.subheading === true
            ? Math.max(minArticles, Math.min(FURNITURE.articles, Math.ceil(SUBHEADING_SHARE * (corpus.sourceSize?.(articleIndex) ?? Infinity))))
            : minArticles;
      const reason: ChromeReason | undefined =
        (line.short || line.dated === true) && corpus.shortLineFrequency(line.hash, articleIndex) >= repeats
          ? line.dated === true
            ? 'sign-off'
            : 'repeated short line'
          : isFurnitureTemplate(corpus.templateFrequency, line.template, articleIndex)
            ? 'site furniture'
            : undefined;
      if (reason === undefined) continue;
      const paragraph = segmentation === undefined ? undefined : paragraphAt(segmentation, line.paragraph);
      let shared = false;
      if (paragraph !== undefined) {
        const first = corpus.sentenceBase[articleIndex] ?? 0;
        for (let s = paragraph.firstSentence; s < paragraph.endSentence; s += 1) shared ||= corpus.inBlock.has(first + s);
      }
      if (!shared) found.push({ ...mark, reason });
    }
    // Furniture inside a paragraph that is chrome already goes with the paragraph; a line that is
    // chrome already inside furniture of several lines goes with the furniture (two marks over one
    // line would remove it once and count it twice).
    for (const mark of furniture) {
      if (found.some((line) => line.start <= mark.start && mark.end <= line.end)) continue;
      for (let at = found.length - 1; at >= 0; at -= 1) {
        const line = found[at] as ChromeMark;
        if (mark.start <= line.start && line.end <= mark.end) found.splice(at, 1);
      }
      found.push(mark);
    }
    if (found.length > 0) marks[articleIndex] = found.sort((a, b) => a.start - b.start);
  }
  return marks;
}

/** The short lines (by hash) that head a block on a line of their own somewhere in the corpus, with the blocks they head. */
function blockHeadingLines(corpus: ChromeCorpus): Map<number, Set<number>> {
  const blocks = new Map<number, Set<number>>();
  corpus.occurrences.forEach((held, article) => {
    for (const occurrence of held) {
      const start = occurrence.heading?.start;
      if (start === undefined) continue;
      const line = corpus.lines(article).find((candidate) => candidate.start === start && candidate.short);
      if (line === undefined) continue;
      const headed = blocks.get(line.hash) ?? new Set<number>();
      blocks.set(line.hash, headed.add(occurrence.block));
    }
  });
  return blocks;
}

/**
 * The distinct chrome lines removed, with how many articles lost each: fed each article's removed
 * lines (texts, in the order of its marks) as apply returns them, in article order.
 */
export class ChromeTally {
  private readonly tally = new Map<string, { text: string; reason: ChromeReason; articles: number }>();

  add(texts: readonly string[], marks: readonly ChromeMark[]): void {
    const seen = new Set<string>();
    texts.forEach((text, m) => {
      const key = normalizeForComparison(text);
      if (seen.has(key)) return;
      seen.add(key);
      const entry = this.tally.get(key) ?? { text, reason: marks[m]?.reason ?? 'built-in list', articles: 0 };
      entry.articles += 1;
      this.tally.set(key, entry);
    });
  }

  /** Most articles first; ties by text. */
  lines(): ChromeLine[] {
    return [...this.tally.values()].sort((a, b) => b.articles - a.articles || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  }
}

/**
 * The source of a text article, for counting furniture: its top folder (a scraper's `site/…`
 * layout), or '' for an article at the top, where the corpus is one source.
 */
export function sourceOfPath(path: string): string {
  const slash = path.indexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/** A short line whose template (its figures blanked) stands in many articles of its source, in many wordings: a dated sign-off. */
function isFurnitureTemplate(templateFrequency: ChromeCorpus['templateFrequency'], template: number, article: number): boolean {
  if (template === 0) return false;
  // Ten wordings and twenty articles are evidence enough of a template: no share of the source is
  // needed, so that a weekly supplement's sign-off goes as well as the daily paper's.
  const { articles, manyWordings } = templateFrequency(template, article);
  return manyWordings && articles >= FURNITURE.articles;
}
