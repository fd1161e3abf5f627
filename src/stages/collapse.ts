import type { Span } from '../types.js';
import type { Layout } from './segment.js';
import type { Block, Occurrence } from './assemble.js';

/** A stretch of an article to take out: a block occurrence, with the marker that replaces it. */
export interface Region {
  readonly start: number;
  readonly end: number;
  /** The marker that replaces the region, or `undefined` to remove it silently. */
  readonly marker: string | undefined;
}

/** The one-line marker left where a block was removed. It names the block and never repeats its text. */
export function markerFor(block: Block, occurrence: Pick<Occurrence, 'clusters'>): string {
  const count = block.sentences;
  // Distinct sentences: a copy that holds one sentence twice is still "n of count", never more.
  const held = Math.min(occurrence.clusters, count);
  const sentences = held === count ? `${count} ${plural(count, 'sentence')}` : `${held} of ${count} sentences`;
  // An index run's archive copies counted, not read, are holders too, as a full run finds them.
  const others = block.articles.length - 1 + (block.unreadHolders ?? 0);
  return `[shared block ${block.id} "${block.label}": ${sentences}, also in ${others} other ${plural(others, 'article')}]`;
}

/**
 * An article's cleaned text: its own text byte for byte, with each block occurrence replaced by a
 * marker (or removed when `markers` is false) and chrome removed: whole lines, or site furniture
 * that stands inside a paragraph.
 *
 * A region of whole paragraphs keeps the paragraph breaks around it; a region inside a paragraph
 * (an inline block) gets its marker on a line of its own. A silently removed region takes one
 * separator with it, so that no run of empty lines is left behind.
 */
export function collapse(text: string, segmentation: Layout, occurrences: readonly Region[], chrome: readonly Span[]): string {
  const regions: Region[] = [...occurrences];
  // Occurrences come in reading order, as does chrome: one pointer finds chrome inside a block.
  let inside = 0;
  chrome.forEach((span) => {
    while (inside < occurrences.length && (occurrences[inside]?.end ?? 0) < span.end) inside += 1;
    const around = occurrences[inside];
    if (around !== undefined && around.start <= span.start) return;
    regions.push({ start: span.start, end: span.end, marker: undefined });
  });
  regions.sort((a, b) => a.start - b.start);

  const paragraphStarts = new Set(segmentation.paragraphs.map((paragraph) => paragraph.start));
  // Paragraph end → the paragraph after it, to find where a removed run of paragraphs stops.
  const nextAfterEnd = new Map(segmentation.paragraphs.map((paragraph, index) => [paragraph.end, segmentation.paragraphs[index + 1]] as const));
  const { lineEnding } = segmentation;
  let out = '';
  let cursor = 0;
  for (const region of regions) {
    if (region.start < cursor) continue;
    const before = text.slice(cursor, region.start);
    const startsParagraph = paragraphStarts.has(region.start);
    const endsParagraph = nextAfterEnd.has(region.end);
    if (region.marker !== undefined) {
      if (startsParagraph) out += before + region.marker;
      else out += before.trimEnd() + lineEnding + region.marker;
      if (endsParagraph) cursor = region.end;
      else {
        out += lineEnding;
        cursor = skipWhiteSpace(text, region.end);
      }
    } else if (startsParagraph && endsParagraph) {
      out += before;
      const next = nextAfterEnd.get(region.end);
      if (next !== undefined) {
        const after = lineStart(text, next.start);
        out = widerBreak(out, text.slice(region.end, after));
        cursor = after;
      } else {
        out = keepOneLineBreak(out);
        cursor = text.length;
      }
    } else if (startsParagraph) {
      out += before;
      cursor = skipWhiteSpace(text, region.end);
    } else {
      out += before.trimEnd();
      cursor = region.end;
    }
  }
  return out + text.slice(cursor);
}

function skipWhiteSpace(text: string, from: number): number {
  let at = from;
  while (at < text.length && /\s/.test(text[at] ?? '')) at += 1;
  return at;
}

/** Start of the line that holds `offset`, so that the next paragraph keeps its indentation. */
function lineStart(text: string, offset: number): number {
  let at = offset;
  while (at > 0 && text[at - 1] !== '\n' && text[at - 1] !== '\r') at -= 1;
  return at;
}

/**
 * `out` ending with the wider of its own trailing break and `separator`, the break after a
 * paragraph removed silently: a byline between a title's line break and the blank line before the
 * story leaves the blank line, so the title stays a paragraph of its own. At the very start of the
 * text nothing is kept.
 */
function widerBreak(out: string, separator: string): string {
  const kept = out.trimEnd();
  if (kept === '') return out;
  return lineBreaks(separator) > lineBreaks(out.slice(kept.length)) ? kept + separator : out;
}

function lineBreaks(space: string): number {
  return space.match(/\r\n|\n|\r/g)?.length ?? 0;
}

/** Drops trailing white space but for the first line break in it, when text now ends early. */
function keepOneLineBreak(out: string): string {
  const trimmed = out.trimEnd();
  const tail = out.slice(trimmed.length);
  const lineBreak = /\r\n|\n|\r/.exec(tail);
  return trimmed + (lineBreak === null || trimmed === '' ? '' : lineBreak[0]);
}

function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}
