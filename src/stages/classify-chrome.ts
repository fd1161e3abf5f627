import type { ChromeLine, ChromeReason, Span } from '../types.js';
import type { LineRecord } from './detect-chrome.js';
import type { Occurrence } from './assemble.js';
import type { PackedSegmentation } from './segment.js';
import { paragraphAt } from './segment.js';
import { normalizeForComparison } from '../text/normalize.js';

/** A paragraph removed as chrome. */
export interface ChromeMark extends Span {
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
  /** Global id of article `a`'s first sentence. */
  readonly sentenceBase: ArrayLike<number>;
  /** Per article, its block occurrences (their headings are never chrome). */
  readonly occurrences: readonly (readonly Occurrence[])[];
  /** Global ids of the sentences that stand in a block (a paragraph holding one is never chrome). */
  readonly inBlock: ReadonlySet<number>;
  /** The segmentation of an article that holds a block. */
  readonly segmentationOf: (article: number) => PackedSegmentation | undefined;
}

const NONE: readonly never[] = Object.freeze([]);

/**
 * The chrome of every article: its list chrome, plus each whole short line (no longer than a
 * heading) that stands in at least `minArticles` articles, unless it is part of a block or a
 * block's heading.
 */
export function classifyChrome(corpus: ChromeCorpus, minArticles: number): (readonly ChromeMark[])[] {
  const marks: (readonly ChromeMark[])[] = new Array<readonly ChromeMark[]>(corpus.articleCount).fill(NONE);
  for (let articleIndex = 0; articleIndex < corpus.articleCount; articleIndex += 1) {
    const lines = corpus.lines(articleIndex);
    if (lines.length === 0) continue;
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
      if (!line.short || corpus.shortLineFrequency(line.hash, articleIndex) < minArticles || headings.has(line.start)) continue;
      const paragraph = segmentation === undefined ? undefined : paragraphAt(segmentation, line.paragraph);
      let shared = false;
      if (paragraph !== undefined) {
        const first = corpus.sentenceBase[articleIndex] ?? 0;
        for (let s = paragraph.firstSentence; s < paragraph.endSentence; s += 1) shared ||= corpus.inBlock.has(first + s);
      }
      if (!shared) found.push({ ...mark, reason: 'repeated short line' });
    }
    if (found.length > 0) marks[articleIndex] = found;
  }
  return marks;
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
