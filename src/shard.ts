/**
 * The per-article half of the pipeline: what runs on one article's text, in any thread, with no
 * knowledge of the rest of the corpus but what it is handed. `pipeline.ts` composes the corpus-wide
 * steps around these; `worker.ts` runs them on shards of files.
 *
 *   scanArticle    segment → detect chrome → fingerprint     (step 1: fingerprint)
 *   gatherArticle  the texts of the sentences that may match (between count and apply)
 *   applyArticle   collapse, from the plan the corpus made    (step 3: apply)
 */
import type { ChromeList, LineRecord } from './stages/detect-chrome.js';
import type { Region } from './stages/collapse.js';
import type { Span } from './types.js';
import type { Fragments, GatheredArticle } from './stages/match.js';
import { chromeCandidates } from './stages/detect-chrome.js';
import { fingerprint } from './stages/fingerprint.js';
import type { PackedSegmentation } from './stages/segment.js';
import { layout, packSegmentation, paragraphAt, segment, sentenceAt } from './stages/segment.js';
import { collapse } from './stages/collapse.js';
import { HEADING_WORDS } from './options.js';
import { countWords } from './text/words.js';
import { quotedSentences } from './text/quotes.js';

/** The fingerprint step's record of one article: all that the count step and the report need. */
export interface ArticleScan {
  readonly sentences: number;
  readonly words: number;
  /** Sentence `i`'s fingerprints are `hashes[offsets[i] .. offsets[i + 1])`. */
  readonly offsets: Uint32Array;
  readonly hashes: Uint32Array;
  /** List chrome and short lines, for the repeated-line rule and the report. */
  readonly lines: readonly LineRecord[];
  /** 1 for each sentence of a short line (a title, a byline, a sign-off): chrome's to judge, by its counts. */
  readonly inShortLine: Uint8Array;
  /** With `hold`: the segmentation, every sentence's words counted, for {@link gatherHeld}. */
  readonly segmentation?: PackedSegmentation | undefined;
  /** With `hold`: per sentence, whether it starts or ends inside a quotation (see `quotedSentences`), for {@link gatherHeld}. */
  readonly quoted?: Uint8Array | undefined;
}

export function scanArticle(text: string, settings: { readonly shingleSize: number; readonly sketchSize: number }, chromeList: ChromeList, hold = false): ArticleScan {
  // Words are counted once, by the fingerprint and chrome steps, rather than by segment too.
  const segmentation = segment(text, { countWords: false });
  const lines = chromeCandidates(text, segmentation, chromeList);
  const listed = new Set(lines.filter((line) => line.list !== undefined && !line.inside).map((line) => line.paragraph));
  const fingerprints = fingerprint(text, segmentation, settings, (s) => listed.has(segmentation.sentences[s]?.paragraph ?? -1));
  const { offsets, hashes } = fingerprints;
  let words = 0;
  for (const count of fingerprints.words) words += count;
  const short = new Set(lines.filter((line) => line.short).map((line) => line.paragraph));
  const inShortLine = Uint8Array.from(segmentation.sentences, (sentence) => (short.has(sentence.paragraph) ? 1 : 0));
  const scan = { sentences: segmentation.sentences.length, words, offsets, hashes, lines, inShortLine };
  if (!hold) return scan;
  // The fingerprint counted every sentence's words (as `countWords` does): kept for the fetch step.
  const packed = packSegmentation(segmentation);
  fingerprints.words.forEach((count, s) => {
    packed.sentences[s * 4 + 3] = count;
  });
  // Told here, in a worker, rather than on the thread that holds the text and matches.
  return { ...scan, segmentation: packed, quoted: quotedSentences(text, packed) };
}

export type { GatheredArticle } from './stages/match.js';

export function gatherArticle(text: string, sentences: readonly number[]): GatheredArticle & { readonly fragments: Fragments } {
  // Words are counted only where assemble reads them: the requested sentences and every
  // one-sentence paragraph (a possible title or heading). Counting every sentence's words was
  // most of the fetch step's work on a large corpus.
  const packed = packSegmentation(segment(text, { countWords: false }));
  // The spans to bring back, as flat pairs: one string and two arrays travel to the main thread,
  // rather than an object and a string per fragment, which it would copy and keep.
  const spans: number[] = [];
  countGathered(packed, sentences, (start, end) => countWords(text, start, end), (start, end) => spans.push(start, end));
  const starts = new Int32Array(spans.length / 2);
  const bounds = new Int32Array(starts.length + 1);
  const parts: string[] = [];
  for (let i = 0; i < starts.length; i += 1) {
    const start = spans[i * 2] as number;
    const end = spans[i * 2 + 1] as number;
    starts[i] = start;
    bounds[i + 1] = (bounds[i] as number) + end - start;
    parts.push(text.slice(start, end));
  }
  return { segmentation: packed, quoted: quotedSentences(text, packed), fragments: { text: parts.join(''), starts, bounds } };
}

/**
 * {@link gatherArticle} on an article the first pass held (see `scanArticle`'s `hold`), without
 * segmenting it, counting its words or reading its quotations again (`quoted`, as the first pass
 * told them): the same segmentation, and the whole text rather than fragments, since this thread
 * holds it anyway.
 */
export function gatherHeld(text: string, held: PackedSegmentation, quoted: Uint8Array, sentences: readonly number[]): GatheredArticle {
  const packed = { ...held, sentences: held.sentences.slice() };
  // As gatherArticle leaves them: words where assemble reads them, 0 elsewhere.
  for (let at = 3; at < packed.sentences.length; at += 4) packed.sentences[at] = 0;
  countGathered(packed, sentences, (_start, _end, s) => held.sentences[s * 4 + 3] ?? 0, () => undefined);
  return { segmentation: packed, quoted, fragments: text };
}

/**
 * Counts into `packed` the words of the requested sentences and of every one-sentence paragraph,
 * and calls `span` with each span to gather, by start: the requested sentences, and every short
 * one-sentence paragraph (a possible heading).
 */
function countGathered(
  packed: PackedSegmentation,
  sentences: readonly number[],
  wordsOf: (start: number, end: number, sentence: number) => number,
  span: (start: number, end: number) => void,
): void {
  const wanted = new Set(sentences);
  const counted = (s: number): number => {
    const sentence = sentenceAt(packed, s);
    const words = sentence === undefined ? 0 : wordsOf(sentence.start, sentence.end, s);
    packed.sentences[s * 4 + 3] = words;
    return words;
  };
  for (let p = 0, paragraph = paragraphAt(packed, 0); paragraph !== undefined; p += 1, paragraph = paragraphAt(packed, p)) {
    const alone = paragraph.endSentence - paragraph.firstSentence === 1;
    const words = alone ? counted(paragraph.firstSentence) : 0;
    if (alone && words <= HEADING_WORDS && !wanted.has(paragraph.firstSentence)) span(paragraph.start, paragraph.end);
    for (let s = paragraph.firstSentence; s < paragraph.endSentence; s += 1) {
      const sentence = sentenceAt(packed, s);
      if (sentence === undefined || !wanted.has(s)) continue;
      if (!alone) counted(s);
      span(sentence.start, sentence.end);
    }
  }
}

/** The apply step's plan for one article, made by the corpus-wide steps. */
export interface ArticlePlan {
  /** Block occurrences to replace, in reading order. */
  readonly regions: readonly Region[];
  /** Chrome to remove, in reading order: whole paragraphs, or furniture inside one. */
  readonly chrome: readonly Span[];
  /** Set for a duplicate of an earlier article: its whole cleaned text (a marker naming the earlier one, or ''). */
  readonly replace?: string | undefined;
}

/** The cleaned text of one article, and the text of each chrome line it lost. */
export function applyArticle(text: string, plan: ArticlePlan): { text: string; chrome: string[] } {
  // A duplicate's marker keeps the blank lines before the text (the one under a Markdown file's front matter).
  if (plan.replace !== undefined) return { text: plan.replace === '' ? '' : `${/^(?:[ \t]*(?:\r\n|\n|\r))*/.exec(text)?.[0] ?? ''}${plan.replace}`, chrome: [] };
  if (plan.regions.length === 0 && plan.chrome.length === 0) return { text, chrome: [] };
  // Paragraphs are all that collapsing needs: no sentences, no word counts.
  const segmentation = layout(text);
  const chrome = plan.chrome.map((span) => text.slice(span.start, span.end));
  return { text: collapse(text, segmentation, plan.regions, plan.chrome), chrome };
}
