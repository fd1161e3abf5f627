import type { ArticleFingerprints } from './fingerprint.js';

const EMPTY = 0;
// Zero marks an empty slot, so a hash of zero is stored as this instead.
const ZERO_STAND_IN = 0x9e3779b9;

/**
 * Open-addressing hash table from a 32-bit fingerprint to its document frequency (distinct
 * articles) and first holder. Typed arrays only: a few bytes a fingerprint, no string per key.
 */
export class FingerprintCounts {
  private keys: Uint32Array;
  private documents: Uint32Array;
  private holders: Int32Array;
  private lastArticle: Int32Array;
  private used = 0;

  constructor(expected = 1024) {
    let capacity = 1024;
    while (capacity < expected * 2) capacity *= 2;
    this.keys = new Uint32Array(capacity);
    this.documents = new Uint32Array(capacity);
    this.holders = new Int32Array(capacity);
    this.lastArticle = new Int32Array(capacity).fill(-1);
  }

  /** Number of distinct fingerprints held. */
  get size(): number {
    return this.used;
  }

  /**
   * Counts `hash` for `article`; `holder` (an opaque id, such as a global sentence id) is kept
   * when this is the first article to hold it. Articles must be added in ascending order.
   */
  add(hash: number, article: number, holder: number): void {
    const slot = this.find(hash, true);
    if (this.lastArticle[slot] === article) return;
    if (this.lastArticle[slot] === -1) this.holders[slot] = holder;
    this.lastArticle[slot] = article;
    this.documents[slot] = (this.documents[slot] ?? 0) + 1;
  }

  /** How many distinct articles hold `hash` (0 when none). */
  documentFrequency(hash: number): number {
    const slot = this.find(hash, false);
    return slot < 0 ? 0 : (this.documents[slot] ?? 0);
  }

  /** The first holder recorded for `hash`, or -1. */
  firstHolder(hash: number): number {
    const slot = this.find(hash, false);
    return slot < 0 ? -1 : (this.holders[slot] ?? -1);
  }

  private find(hash: number, insert: boolean): number {
    const key = hash === EMPTY ? ZERO_STAND_IN : hash >>> 0;
    if (insert && (this.used + 1) * 2 > this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    for (let slot = Math.imul(key, 0x9e3779b1) >>> 0 & mask; ; slot = (slot + 1) & mask) {
      const current = this.keys[slot];
      if (current === key) return slot;
      if (current === EMPTY) {
        if (!insert) return -1;
        this.keys[slot] = key;
        this.used += 1;
        return slot;
      }
    }
  }

  private grow(): void {
    const { keys, documents, holders, lastArticle } = this;
    const capacity = keys.length * 2;
    this.keys = new Uint32Array(capacity);
    this.documents = new Uint32Array(capacity);
    this.holders = new Int32Array(capacity);
    this.lastArticle = new Int32Array(capacity).fill(-1);
    this.used = 0;
    for (let old = 0; old < keys.length; old += 1) {
      const key = keys[old] ?? EMPTY;
      if (key === EMPTY) continue;
      const slot = this.find(key, true);
      this.documents[slot] = documents[old] ?? 0;
      this.holders[slot] = holders[old] ?? -1;
      this.lastArticle[slot] = lastArticle[old] ?? -1;
    }
  }
}

/** The count step's output: corpus-wide frequencies of sentence fingerprints and of short lines. */
export interface CorpusCounts {
  readonly sentences: FingerprintCounts;
  readonly shortLines: FingerprintCounts;
  /** Global id of article `a`'s first sentence is `sentenceBase[a]`; the last entry is the total. */
  readonly sentenceBase: Uint32Array;
}

/**
 * Aggregates every article's fingerprints, in article order, so that the first holder of a
 * fingerprint is the earliest article holding it.
 */
export function count(fingerprints: readonly ArticleFingerprints[]): CorpusCounts {
  const sentenceBase = new Uint32Array(fingerprints.length + 1);
  let expected = 0;
  fingerprints.forEach((article, index) => {
    sentenceBase[index + 1] = (sentenceBase[index] ?? 0) + article.offsets.length - 1;
    expected += article.hashes.length;
  });
  const sentences = new FingerprintCounts(expected);
  const shortLines = new FingerprintCounts();
  fingerprints.forEach((article, index) => {
    const base = sentenceBase[index] ?? 0;
    for (let s = 0; s + 1 < article.offsets.length; s += 1) {
      for (let h = article.offsets[s] ?? 0; h < (article.offsets[s + 1] ?? 0); h += 1) {
        sentences.add(article.hashes[h] ?? 0, index, base + s);
      }
    }
    for (let i = 0; i + 1 < article.shortLines.length; i += 2) {
      shortLines.add(article.shortLines[i + 1] ?? 0, index, article.shortLines[i] ?? 0);
    }
  });
  return { sentences, shortLines, sentenceBase };
}
