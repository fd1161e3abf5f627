import type { Segmentation } from '../types.js';
import { combineHash, hashString } from '../text/hash.js';
import { normalizeForComparison } from '../text/normalize.js';
import { tokenize } from '../text/tokenize.js';

/**
 * The fingerprints of one article, as flat typed arrays (the plain-data boundary between the
 * fingerprint and count steps).
 */
export interface ArticleFingerprints {
  /** Sentence `i`'s fingerprints are `hashes[offsets[i] .. offsets[i + 1])`, ascending. */
  readonly offsets: Uint32Array;
  readonly hashes: Uint32Array;
  /** Pairs `(paragraph, hash)` for every short paragraph (at most {@link SHORT_LINE_WORDS} words). */
  readonly shortLines: Uint32Array;
}

/** A paragraph this short is a candidate for repeated-line chrome. */
export const SHORT_LINE_WORDS = 8;

/** Hashes of every `size`-word shingle of `words` (one shingle of all words when there are fewer). */
export function shingleHashes(words: readonly string[], size: number): number[] {
  if (words.length === 0) return [];
  const wordHashes = words.map(hashString);
  if (wordHashes.length < size) {
    return [wordHashes.reduce((running, next) => combineHash(running, next), wordHashes.length)];
  }
  const hashes: number[] = [];
  for (let i = 0; i + size <= wordHashes.length; i += 1) {
    let hash = size;
    for (let j = 0; j < size; j += 1) hash = combineHash(hash, wordHashes[i + j] ?? 0);
    hashes.push(hash);
  }
  return hashes;
}

/**
 * Fingerprints each sentence with a bottom-k sketch of its word-shingle hashes: the `sketchSize`
 * smallest. Two sentences that share most shingles share most of their sketch, so the sketch finds
 * lightly edited copies while the index stays a few numbers per sentence.
 * Sentences for which `skip` is true (chrome) get no fingerprints.
 */
export function fingerprint(
  text: string,
  segmentation: Segmentation,
  settings: { readonly shingleSize: number; readonly sketchSize: number },
  skip: (sentence: number) => boolean = () => false,
): ArticleFingerprints {
  const { sentences, paragraphs } = segmentation;
  const offsets = new Uint32Array(sentences.length + 1);
  const collected: number[] = [];
  sentences.forEach((sentence, index) => {
    offsets[index] = collected.length;
    if (skip(index) || sentence.words === 0) return;
    const hashes = shingleHashes(tokenize(text, sentence.start, sentence.end).words, settings.shingleSize);
    collected.push(...bottomK(hashes, settings.sketchSize));
  });
  offsets[sentences.length] = collected.length;

  const shortLines: number[] = [];
  paragraphs.forEach((paragraph, index) => {
    let words = 0;
    for (let s = paragraph.firstSentence; s < paragraph.endSentence; s += 1) words += sentences[s]?.words ?? 0;
    if (words === 0 || words > SHORT_LINE_WORDS) return;
    shortLines.push(index, hashString(normalizeForComparison(text.slice(paragraph.start, paragraph.end))));
  });

  return { offsets, hashes: Uint32Array.from(collected), shortLines: Uint32Array.from(shortLines) };
}

/** The `k` smallest distinct values, ascending. */
function bottomK(values: readonly number[], k: number): number[] {
  const distinct = [...new Set(values)].sort((a, b) => a - b);
  return distinct.slice(0, k);
}
