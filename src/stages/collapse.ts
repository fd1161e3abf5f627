import type { Span } from '../types.js';
import type { Layout } from './segment.js';
import type { Block, Occurrence } from './assemble.js';
import { plural } from '../lib/plural.js';

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
 * separator with it, so that no run of empty lines is left behind; of the two around it, the
 * narrower (what stays is at most one blank line, and never less than the break before it).
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
  // The output in pieces, joined once at the end: looking at its end must never flatten it.
  const out: string[] = [];
  let cursor = 0;
  for (const region of regions) {
    if (region.start < cursor) continue;
    const before = text.slice(cursor, region.start);
    const startsParagraph = paragraphStarts.has(region.start);
    const endsParagraph = nextAfterEnd.has(region.end);
    if (region.marker !== undefined) {
      if (startsParagraph) out.push(before, region.marker);
      else out.push(before.trimEnd(), lineEnding, region.marker);
      if (endsParagraph) cursor = region.end;
      else {
        out.push(lineEnding);
        cursor = skipWhiteSpace(text, region.end);
      }
    } else if (startsParagraph && endsParagraph) {
      out.push(before);
      const next = nextAfterEnd.get(region.end);
      if (next !== undefined) {
        const after = lineStart(text, next.start);
        // The break kept is the wider of the two around the region, up to one blank line: a byline
        // between a title's line break and the blank line before the story leaves the blank line.
        const missing = Math.min(lineBreaks(text.slice(region.end, after)), 2) - trailingLineBreaks(out);
        if (missing > 0) out.push(lineEnding.repeat(missing));
        cursor = after;
      } else {
        // The text ends as it did: with one line break if it ended with one, else none.
        const kept = /[\r\n]/.test(text.slice(region.end)) ? keepOneLineBreak(out.join('')) : out.join('').trimEnd();
        out.length = 0;
        out.push(kept);
        cursor = text.length;
      }
    } else if (startsParagraph) {
      out.push(before);
      cursor = skipWhiteSpace(text, region.end);
    } else {
      out.push(before.trimEnd());
      cursor = region.end;
    }
  }
  out.push(text.slice(cursor));
  return out.join('');
}

/** Line breaks in `space` (CRLF counts once). */
function lineBreaks(space: string): number {
  return space.match(/\r\n|\n|\r/g)?.length ?? 0;
}

/**
 * Line breaks in the white space that ends the pieces, read from their end only; none when the
 * pieces hold nothing but white space (the text's start: no break is kept there).
 */
function trailingLineBreaks(pieces: readonly string[]): number {
  let breaks = 0;
  for (let p = pieces.length - 1; p >= 0; p -= 1) {
    const piece = pieces[p] as string;
    for (let i = piece.length - 1; i >= 0; i -= 1) {
      const code = piece.charCodeAt(i);
      if (code === 10 || (code === 13 && piece.charCodeAt(i + 1) !== 10)) breaks += 1;
      else if (!/\s/.test(piece[i] as string)) return breaks;
    }
  }
  return Number.POSITIVE_INFINITY;
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

/** Drops trailing white space but for the first line break in it, when text now ends early. */
function keepOneLineBreak(out: string): string {
  const trimmed = out.trimEnd();
  const tail = out.slice(trimmed.length);
  const lineBreak = /\r\n|\n|\r/.exec(tail);
  return trimmed + (lineBreak === null || trimmed === '' ? '' : lineBreak[0]);
}
