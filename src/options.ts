import { NewsdedupError } from './errors.js';

/** Options of the deduplication core. Every field is optional; see each default. */
export interface DedupeOptions {
  /**
   * Lowest Dice coefficient (character bigrams, on normalised text) at which two
   * sentences count as the same sentence, lightly edited.
   * @default 0.8
   */
  readonly similarity?: number;
  /**
   * A repeated run of sentences is collapsed only when its canonical wording has at least this many words;
   * shorter repeats ("He said.") are common phrases, not blocks.
   * @default 8
   */
  readonly minBlockWords?: number;
  /**
   * A short line (at most 8 words) standing as a whole line in at least this many articles is site chrome.
   * @default 3
   */
  readonly chromeMinArticles?: number;
  /**
   * Extra chrome: each entry is a whole line to remove (compared case- and punctuation-insensitively),
   * or a regular expression written `/pattern/flags`, tested against the trimmed line.
   * @default []
   */
  readonly chromeLines?: readonly string[];
  /**
   * Put a one-line marker where a shared block was removed.
   * @default true
   */
  readonly markers?: boolean;
  /**
   * The report lists the pairs of articles that share most, at most this many (0: none);
   * `totals.pairs` counts them all. A block in n articles makes n(n-1)/2 pairs.
   * @default 1000
   */
  readonly maxPairs?: number;
  /**
   * Where a shared block stays. `first`: in place in its earliest-published article (by the date
   * field; undated articles after dated ones, ties in article order), with markers in the later
   * ones, so that reading the cleaned corpus in date order reads each block once, where it first
   * appeared. `none`: every copy is moved to `_shared/`. `auto`: `first` when any article has a
   * date, else `none` (without dates, "earliest" would only mean "first by file name").
   * @default 'auto'
   */
  readonly keep?: KeepPolicy;
}

/** Where a shared block stays: see {@link DedupeOptions.keep}. */
export type KeepPolicy = 'first' | 'none' | 'auto';

/** Options after defaults and validation: what the stages read. */
export interface ResolvedOptions {
  readonly similarity: number;
  readonly minBlockWords: number;
  readonly chromeMinArticles: number;
  readonly chromeLines: readonly string[];
  readonly markers: boolean;
  readonly maxPairs: number;
  readonly keep: KeepPolicy;
  /** Words per shingle for fingerprints. Fixed: it is part of what the index means. */
  readonly shingleSize: number;
  /** Fingerprints kept per sentence (bottom-k sketch). */
  readonly sketchSize: number;
  /** Longest inline heading split off the front of a sentence, in words. */
  readonly maxHeadingWords: number;
}

/**
 * The longest heading, in words: an inline lead split off a sentence, a line that heads a block,
 * and a short line that may be repeated chrome are all at most this long. One number, so that
 * what may head a block and what may be chrome agree.
 */
export const HEADING_WORDS = 8;

/** Share of a sentence's sketch that a candidate must hold: 3 of 8. */
export const MIN_VOTE_SHARE = 0.375;
/** Sketch entries a verbatim copy needs before its neighbours are paired too (about six words). */
export const MIN_SEED_SKETCH = 4;

/**
 * Words a light edit changes (inserted, dropped or replaced), whatever the Dice score: two
 * sentences in the same place beside a verbatim copy, or a sentence whose opening words a copy
 * edited, that differ by no more are one sentence. One word changed in a ten-word sentence scores
 * about 0.78, under the 0.8 a sentence standing alone needs.
 */
export const LIGHT_EDIT_WORDS = 2;

export const DEFAULTS = {
  similarity: 0.8,
  minBlockWords: 8,
  chromeMinArticles: 3,
  markers: true,
  maxPairs: 1000,
  keep: 'auto',
  shingleSize: 3,
  sketchSize: 8,
  maxHeadingWords: HEADING_WORDS,
} as const;

/** Applies defaults and checks ranges once, so that stages never re-validate. */
export function resolveOptions(options: DedupeOptions = {}): ResolvedOptions {
  const similarity = options.similarity ?? DEFAULTS.similarity;
  if (!Number.isFinite(similarity) || similarity <= 0 || similarity > 1) {
    throw new NewsdedupError('E_BAD_OPTION', `similarity must be a number above 0 and at most 1, got ${String(similarity)}`);
  }
  const minBlockWords = options.minBlockWords ?? DEFAULTS.minBlockWords;
  requireWholeNumber('minBlockWords', minBlockWords, 1);
  const chromeMinArticles = options.chromeMinArticles ?? DEFAULTS.chromeMinArticles;
  requireWholeNumber('chromeMinArticles', chromeMinArticles, 2);
  const maxPairs = options.maxPairs ?? DEFAULTS.maxPairs;
  requireWholeNumber('maxPairs', maxPairs, 0);
  const keep = options.keep ?? DEFAULTS.keep;
  if (keep !== 'first' && keep !== 'none' && keep !== 'auto') throw new NewsdedupError('E_BAD_OPTION', `keep must be first, none or auto, got ${String(keep)}`);
  return {
    keep,
    similarity,
    minBlockWords,
    chromeMinArticles,
    chromeLines: options.chromeLines ?? [],
    markers: options.markers ?? DEFAULTS.markers,
    maxPairs,
    shingleSize: DEFAULTS.shingleSize,
    sketchSize: DEFAULTS.sketchSize,
    maxHeadingWords: DEFAULTS.maxHeadingWords,
  };
}

function requireWholeNumber(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) {
    throw new NewsdedupError('E_BAD_OPTION', `${name} must be a whole number of at least ${min}, got ${String(value)}`);
  }
}
