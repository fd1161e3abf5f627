/**
 * Domain types shared by every stage. Offsets are UTF-16 code-unit indices into
 * the article's decoded text (BOM removed), half-open: `[start, end)`.
 */

/**
 * An article as the core sees it: a key (its path relative to the input root, or `file#id` for a
 * record), its text, and what its record says of it, when it comes from one.
 */
export interface SourceArticle {
  readonly path: string;
  readonly text: string;
  /** The record's id, shown in reports. */
  readonly id?: string | undefined;
  readonly title?: string | undefined;
  /** When it was published: a date as text (ISO 8601, RFC 2822, `January 2, 2025`…) or epoch milliseconds. The earliest copy of a block keeps its wording. */
  readonly date?: string | number | undefined;
  /** Its outlet: chrome is counted per source. */
  readonly source?: string | undefined;
}

/** A span of an article's text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A paragraph: trimmed of surrounding white space; its line terminators are not part of it. */
export interface Paragraph extends Span {
  /** Index of its first sentence in the article's `sentences`. */
  readonly firstSentence: number;
  /** One past the index of its last sentence. */
  readonly endSentence: number;
}

/** A sentence inside one paragraph. */
export interface Sentence extends Span {
  readonly paragraph: number;
  readonly words: number;
}

/** The result of segmenting one article. */
export interface Segmentation {
  readonly paragraphs: readonly Paragraph[];
  readonly sentences: readonly Sentence[];
  /** The article's first line terminator, used when a marker needs a line of its own. */
  readonly lineEnding: '\n' | '\r\n' | '\r';
}

/** Why a paragraph was classed as site chrome. */
export type ChromeReason = 'built-in list' | 'user list' | 'repeated short line' | 'site furniture' | 'sign-off';

/** A problem with one input file. It is data, never an exception. */
/** Where an article or a file is, for tools that open files: relative to the working folder. */
export interface Place {
  /** The file: a record's file of records. */
  readonly file: string;
  /** A record's line in a file of lines (JSON Lines, CSV, TSV, not compressed). */
  readonly line?: number;
  /** How a reader is told where it is: the file, `file:line`, or a record's file and key (`feed.parquet#id`). */
  readonly name: string;
  /** A record's own part of its key in the report (`#id`), when `name` gives its line instead. */
  readonly id?: string;
}

export interface Problem {
  readonly path: string;
  readonly code: ProblemCode;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  /** The line of `path` it is about, when `path` is a file of lines (a JSON Lines or CSV record that cannot be read, or has no text). */
  readonly line?: number;
}

/**
 * Closed set of per-file problem codes.
 * - `E_BINARY`: the file holds NUL bytes, or is not UTF-8 and holds control bytes (at least 4, over 1%); skipped.
 * - `E_READ`: the file could not be read (vanished, permission, is a directory); skipped.
 * - `E_CHANGED`: the file changed, vanished or became unreadable between two passes of one run; left out of the output.
 * - `W_NOT_UTF8`: not valid UTF-8; decoded as Windows-1252 and used.
 * - `E_RECORD_SYNTAX`: one record of a records file (a JSON line, a CSV row) cannot be read; the other records go on.
 * - `E_RECORD_FORMAT`: a records file is not in its format at all (a `.jsonl` with no JSON, a `.json` that is no array); skipped.
 * - `E_RECORD_FIELD`: a records file has no field of the name given for a role (`--text-field` …), or no text field at all; skipped.
 * - `E_COMPRESSED`: a `.gz` or `.zst` file is cut short or corrupt; the records before the damage are kept.
 * - `W_NO_TEXT`: a record has no text field, or an empty one, or a file holds no words (empty, or white space only); read as an article of 0 words.
 * - `W_NO_RECORDS`: a file of records holds none (it is empty, or white space only); it adds no article.
 * - `W_NO_DATE`: records of a file give a date newsdedup does not read ("10/03/2025", which may be March or October); read as undated. One warning a file, or, from `dedupe()`, one an article.
 * - `W_FRONT_MATTER`: a Markdown file's front matter is not valid YAML; left out of the text, its fields unread.
 * - `W_INDEX_BLOCKS`: `clean` could not keep its blocks in a PostgreSQL index (`newsdedup_blocks`); its output stands.
 */
export type ProblemCode =
  | 'E_BINARY'
  | 'E_READ'
  | 'E_CHANGED'
  | 'W_NOT_UTF8'
  | 'E_RECORD_SYNTAX'
  | 'E_RECORD_FORMAT'
  | 'E_RECORD_FIELD'
  | 'E_COMPRESSED'
  | 'W_NO_TEXT'
  | 'W_NO_RECORDS'
  | 'W_NO_DATE'
  | 'W_FRONT_MATTER'
  | 'W_INDEX_BLOCKS';

/** Per-article figures in the report. */
export interface ArticleReport {
  /** The article's key: its path, or `file#id` (`file:line` when the id repeats in the file) for a record. */
  readonly path: string;
  /** A record's id, title, date (as written) and source; present only when the article has them. */
  readonly id?: string;
  readonly title?: string;
  readonly date?: string;
  readonly source?: string;
  /** The key of the earlier article this one wholly duplicates (the same words in the same order); present only for a duplicate. */
  readonly duplicateOf?: string;
  readonly words: number;
  readonly uniqueWords: number;
  readonly sharedWords: number;
  /** 0–100: share of the article's words that stand, verbatim or lightly edited, in another article. */
  readonly sharedPct: number;
  readonly chromeWords: number;
  /** Ids of the blocks this article holds, in reading order. */
  readonly blocks: readonly string[];
  /**
   * What is shared (a block occurrence) or chrome, in reading order, as offsets into the decoded
   * text. Under `keep: 'first'` a block's earliest holder keeps its occurrence in place.
   */
  readonly spans: readonly ReportSpan[];
}

/**
 * A collapsed block occurrence (its heading included) or a removed chrome line: `[start, end)` in
 * UTF-16 code units of the article's decoded text, byte-order mark removed, as JavaScript's
 * `String.prototype.slice` counts them.
 */
export type ReportSpan =
  | { readonly kind: 'block'; readonly block: string; readonly start: number; readonly end: number }
  | { readonly kind: 'chrome'; readonly start: number; readonly end: number };

/** A block of text repeated across articles. */
export interface BlockReport {
  readonly id: string;
  readonly label: string;
  readonly sentences: number;
  readonly words: number;
  readonly articles: readonly string[];
  readonly variants: number;
  readonly minSimilarity: number;
}

/** Overlap between two articles; `a` sorts before `b`. Percentages of each article's words. */
export interface PairReport {
  readonly a: string;
  readonly b: string;
  readonly aInB: number;
  readonly bInA: number;
}

/** Corpus-wide figures. */
export interface Totals {
  readonly articles: number;
  readonly words: number;
  readonly uniqueWords: number;
  readonly sharedWords: number;
  readonly sharedPct: number;
  readonly chromeWords: number;
  readonly blocks: number;
  /** Pairs of articles that share text; `pairs` lists the leaders only (see `maxPairs`). */
  readonly pairs: number;
}

/** The settings that shaped a report, so that a report can be reproduced. */
export interface ReportSettings {
  readonly similarity: number;
  readonly minBlockWords: number;
  readonly chromeMinArticles: number;
  readonly shingleSize: number;
}

/** The report, schema 1. Every field is documented in README.md. */
export interface Report {
  readonly schema: 1;
  readonly settings: ReportSettings;
  readonly totals: Totals;
  readonly articles: readonly ArticleReport[];
  readonly blocks: readonly BlockReport[];
  /** The pairs that share most, at most `maxPairs` of them: by the larger percentage, then the smaller, then by path. */
  readonly pairs: readonly PairReport[];
  readonly problems: readonly Problem[];
  /**
   * Articles that wholly duplicate an earlier one (`of`: the earliest-published copy); present
   * only when there are any. A duplicate counts as 100% shared and holds no block: its original
   * is measured against the rest of the corpus only.
   */
  readonly duplicates?: readonly { readonly path: string; readonly of: string }[];
  /** Present when the run read a lasting index (`--index`): what it read of the archive, and which blocks are new. */
  readonly index?: IndexSummary;
}

/** The index part of a report: what the run read of the archive, and what is new since it was last updated. */
export interface IndexSummary {
  /** The index, as the user named it. */
  readonly path: string;
  /** Articles in the index when the run began. */
  readonly archiveArticles: number;
  /** Archive articles read as context: those that share a fingerprint, short line or text with an input. */
  readonly contextArticles: number;
  /** Ids of the blocks that no two archive articles held: new since the index was last updated. */
  readonly newBlocks: readonly string[];
  /** Ids of the archive blocks (held by two archive articles or more) that inputs hold too. */
  readonly joinedBlocks: readonly string[];
}

/** A collapsed block as written to `_shared/`. */
export interface SharedBlockText {
  readonly id: string;
  /** The canonical wording: heading (if any) and sentences of the earliest article holding the block. */
  readonly text: string;
  /** Wordings that differ from the canonical one, with the articles they stand in; empty when there are none. */
  readonly variantsText: string;
  /** The same as data: sentence by sentence, and the headings that differ from the block's. */
  readonly variants: BlockVariants;
}

/** A sentence of a block that is not worded alike everywhere. */
export interface VariantSentence {
  /** Its place in the block's canonical wording, from 0. */
  readonly position: number;
  /** The canonical wording of the sentence. */
  readonly canonical: string;
  /**
   * The article whose wording that is: the earliest that holds the sentence in the block. Most often
   * the block's canonical article, but not when that article's copy lacks the sentence.
   */
  readonly canonicalIn: string;
  /** Each other wording (compared normalised), with the paths of the articles it stands in. */
  readonly wordings: readonly { readonly text: string; readonly articles: readonly string[] }[];
}

/** How a block's copies differ from its canonical wording. */
export interface BlockVariants {
  readonly sentences: readonly VariantSentence[];
  /** Headings other than the block's own, with the article each heads the block in. */
  readonly headings: readonly { readonly article: string; readonly text: string }[];
}

/** A distinct chrome line that was removed, with how many articles held it. */
export interface ChromeLine {
  readonly text: string;
  readonly reason: ChromeReason;
  readonly articles: number;
}

/** Everything the core produces for one corpus. */
export interface DedupeResult {
  readonly report: Report;
  /** Cleaned text per article, in report order. */
  readonly cleaned: readonly { readonly path: string; readonly text: string }[];
  readonly shared: readonly SharedBlockText[];
  readonly chrome: readonly ChromeLine[];
}
