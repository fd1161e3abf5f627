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
    this.count(this.find(hash, true), article, holder);
  }

  /** Like {@link add} for a `hash` already in the table, returning its first holder; -1 (and nothing added) otherwise. */
  addIfPresent(hash: number, article: number, holder: number): number {
    const slot = this.find(hash, false);
    if (slot < 0) return -1;
    this.count(slot, article, holder);
    return this.holders[slot] ?? -1;
  }

  private count(slot: number, article: number, holder: number): void {
    if (this.lastArticle[slot] === article) return;
    if (this.lastArticle[slot] === -1) this.holders[slot] = holder;
    this.lastArticle[slot] = article;
    this.documents[slot] = (this.documents[slot] ?? 0) + 1;
  }

  /** Puts `hash` in the table, uncounted, unless it is there already. */
  mark(hash: number): void {
    this.find(hash, true);
  }

  /** True when `hash` is in the table, counted or only marked. */
  has(hash: number): boolean {
    return this.find(hash, false) >= 0;
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

/**
 * The count step for sentence fingerprints, built in two passes over the fingerprint records so that
 * memory follows the fingerprints that repeat, not all of them:
 * 1. {@link RepeatIndex.mark} each article's distinct fingerprints in a bitset; a fingerprint met
 *    again goes into the table. (A bitset collision only adds a fingerprint that never repeats,
 *    which no article ever votes for.)
 * 2. In article order, {@link RepeatIndex.holderFor} records each tabled fingerprint's first holder.
 */
export class RepeatIndex {
  private readonly seen: Uint32Array;
  private readonly shift: number;
  readonly table: FingerprintCounts;

  /** `expected`: about how many fingerprints will be marked; sizes the bitset at 16 bits each. */
  constructor(expected: number) {
    let bits = 16;
    while (bits < 32 && 2 ** bits < expected * 16) bits += 1;
    this.seen = new Uint32Array(2 ** (bits - 5));
    this.shift = 32 - bits;
    this.table = new FingerprintCounts(Math.max(1024, expected >> 4));
  }

  /** Marks one article's fingerprints (any order, repeats allowed). */
  mark(hashes: Uint32Array): void {
    const distinct = Uint32Array.from(hashes).sort();
    for (let i = 0; i < distinct.length; i += 1) {
      const hash = distinct[i] ?? 0;
      if (i > 0 && distinct[i - 1] === hash) continue;
      const bit = this.shift === 0 ? hash : Math.imul(hash, 0x9e3779b1) >>> this.shift;
      const word = bit >>> 5;
      const mask = 1 << (bit & 31);
      if (((this.seen[word] ?? 0) & mask) !== 0) this.table.mark(hash);
      else this.seen[word] = (this.seen[word] ?? 0) | mask;
    }
  }

  /**
   * Counts `hash` for `article`, held by `sentence` (a global sentence id), and returns the first
   * holder of a repeated fingerprint, or -1 when it does not repeat. Call in article order.
   */
  holderFor(hash: number, article: number, sentence: number): number {
    return this.table.addIfPresent(hash, article, sentence);
  }
}
