const EMPTY = 0;
// Linear probing stays short up to about this load; slots of four numbers keep probes in one cache line or two.
const MAX_LOAD = 0.7;
// Zero marks an empty slot, so a hash of zero is stored as this instead.
const ZERO_STAND_IN = 0x9e3779b9;

/**
 * Open-addressing hash table from a 32-bit fingerprint to its document frequency (distinct
 * articles) and first holder. One typed array, four numbers a slot side by side (key, documents,
 * first holder, last article counted), so that a lookup in a table far larger than the CPU's
 * cache touches one cache line. No string and no object per key.
 */
export class FingerprintCounts {
  private slots: Int32Array;
  private capacity: number;
  private used = 0;

  constructor(expected = 1024) {
    let capacity = 1024;
    while (capacity * MAX_LOAD < expected) capacity *= 2;
    this.capacity = capacity;
    this.slots = FingerprintCounts.allocate(capacity);
  }

  private static allocate(capacity: number): Int32Array {
    const slots = new Int32Array(capacity * 4);
    for (let at = 3; at < slots.length; at += 4) slots[at] = -1;
    return slots;
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
    const at = this.find(hash, false);
    if (at < 0) return -1;
    this.count(at, article, holder);
    return this.slots[at + 2] ?? -1;
  }

  private count(at: number, article: number, holder: number): void {
    const { slots } = this;
    if (slots[at + 3] === article) return;
    if (slots[at + 3] === -1) slots[at + 2] = holder;
    slots[at + 3] = article;
    slots[at + 1] = (slots[at + 1] ?? 0) + 1;
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
    const at = this.find(hash, false);
    return at < 0 ? 0 : (this.slots[at + 1] ?? 0);
  }

  /** The first holder recorded for `hash`, or -1. */
  firstHolder(hash: number): number {
    const at = this.find(hash, false);
    return at < 0 ? -1 : (this.slots[at + 2] ?? -1);
  }

  /** Where `hash`'s slot starts in `slots`, or -1 when absent and not inserted. */
  private find(hash: number, insert: boolean): number {
    const key = hash === EMPTY ? ZERO_STAND_IN | 0 : hash | 0;
    if (insert && this.used + 1 > this.capacity * MAX_LOAD) this.grow();
    const mask = this.capacity - 1;
    const { slots } = this;
    for (let slot = Math.imul(key, 0x9e3779b1) >>> 0 & mask; ; slot = (slot + 1) & mask) {
      const at = slot * 4;
      const current = slots[at];
      if (current === key) return at;
      if (current === EMPTY) {
        if (!insert) return -1;
        slots[at] = key;
        this.used += 1;
        return at;
      }
    }
  }

  private grow(): void {
    const old = this.slots;
    this.capacity *= 2;
    this.slots = FingerprintCounts.allocate(this.capacity);
    this.used = 0;
    for (let from = 0; from < old.length; from += 4) {
      const key = old[from] ?? EMPTY;
      if (key === EMPTY) continue;
      const at = this.find(key, true);
      this.slots[at + 1] = old[from + 1] ?? 0;
      this.slots[at + 2] = old[from + 2] ?? -1;
      this.slots[at + 3] = old[from + 3] ?? -1;
    }
  }
}

/**
 * The count step for sentence fingerprints, built in two passes over the fingerprint records so that
 * memory follows the fingerprints that repeat, not all of them:
 * 1. {@link RepeatIndex.mark} each article's fingerprints in a bitset; a fingerprint met again
 *    goes into the table. (A bitset collision only adds a fingerprint that never repeats,
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

  /**
   * Marks one article's fingerprints (any order). A fingerprint repeated within the article goes
   * into the table too, where it does no harm (a holder in the same article is never voted for),
   * and it saves sorting every article's fingerprints on the main thread.
   */
  mark(hashes: Uint32Array): void {
    for (let i = 0; i < hashes.length; i += 1) {
      const hash = hashes[i] ?? 0;
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
