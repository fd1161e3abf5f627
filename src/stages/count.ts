/**
 * The count step: an order-free reduction over `(fingerprint, article, sentence)` records.
 *
 * Each fingerprint's count is a {@link CountEntry}: in how many distinct articles it stands, and
 * its first holder, the least `(article, sentence)` that holds it. Two counts merge exactly
 * (documents add up, the first holder is the lesser), and merging is associative and commutative,
 * so a corpus counted in parts, in any order, on one machine or several, day by day, gives the
 * counts of the whole. The one condition: an article is counted in one part, whole.
 */

const EMPTY = 0;
// Linear probing stays short up to about this load; slots of four numbers keep probes in one cache line or two.
const MAX_LOAD = 0.7;
// Zero marks an empty slot, so a hash of zero is stored as this instead.
const ZERO_STAND_IN = 0x9e3779b9;

/**
 * Where the loads of a prefetch pass go (see {@link FingerprintCounts.prefetch}): kept, so that
 * the compiler cannot drop them.
 */
let prefetched = 0;

/** A fingerprint as a table key: zero marks an empty slot, so a hash of zero has a stand-in. */
function keyOf(hash: number): number {
  return hash === EMPTY ? ZERO_STAND_IN | 0 : hash | 0;
}

/** A key's slot before masking to the table's size. */
function startSlot(key: number): number {
  return Math.imul(key, 0x9e3779b1) >>> 0;
}

/** A key's bit in a filter of 2^(32 - shift) bits. */
function filterBit(key: number, shift: number): number {
  return Math.imul(key, 0x85ebca6b) >>> shift;
}

/** One article's fingerprint records, as the fingerprint step emitted them. */
export interface FingerprintRecords {
  /** Sentence `i`'s fingerprints are `hashes[offsets[i] .. offsets[i + 1])`. */
  readonly offsets: Uint32Array;
  readonly hashes: Uint32Array;
}

/** One fingerprint's count, as {@link FingerprintCounts.entries} gives it. */
export interface CountEntry {
  readonly fingerprint: number;
  /** Distinct articles that hold it. */
  readonly documents: number;
  /** The first holder: the least article (in corpus order) and, in it, the least sentence; -1 when none was counted. */
  readonly firstArticle: number;
  readonly firstSentence: number;
}

/**
 * Open-addressing hash table from a 32-bit fingerprint to its {@link CountEntry}. One typed array,
 * four numbers a slot side by side (key, documents, first article, first sentence), so that a
 * lookup in a table far larger than the CPU's cache touches one cache line. No string and no
 * object per key.
 */
export class FingerprintCounts {
  private slots: Int32Array;
  private capacity: number;
  private used = 0;
  /** Slots the article being counted has touched (see `touch`). */
  private touched = new Int32Array(64);
  /** A bitset of the keys held, a fraction of the table's size (see {@link FingerprintCounts.filterLookups}). */
  private filter: Uint32Array | undefined;
  private filterShift = 0;

  constructor(expected = 1024) {
    let capacity = 1024;
    while (capacity * MAX_LOAD < expected) capacity *= 2;
    this.capacity = capacity;
    this.slots = FingerprintCounts.allocate(capacity);
  }

  private static allocate(capacity: number): Int32Array {
    const slots = new Int32Array(capacity * 4);
    for (let at = 2; at < slots.length; at += 4) {
      slots[at] = -1;
      slots[at + 1] = -1;
    }
    return slots;
  }

  /**
   * From now on, a look-up of a key the table does not hold is mostly answered by a bitset of 8 to
   * 16 bits a key held (one word read, in a tenth of the table's memory; at 100 MB of input it
   * stays in the CPU's cache, at 1 GB it does not) rather than by a probe of the table: most
   * fingerprints of a corpus never repeat, and counting and finding candidates look each of them
   * up. Keys put in later are added to it.
   */
  filterLookups(): void {
    let bits = 10;
    while (bits < 32 && 2 ** bits < this.used * 8) bits += 1;
    this.filter = new Uint32Array(2 ** (bits - 5));
    this.filterShift = 32 - bits;
    const { slots } = this;
    for (let at = 0; at < slots.length; at += 4) {
      const key = slots[at] ?? EMPTY;
      if (key !== EMPTY) this.addToFilter(key);
    }
  }

  private addToFilter(key: number): void {
    const filter = this.filter as Uint32Array;
    const bit = filterBit(key, this.filterShift);
    filter[bit >>> 5] = (filter[bit >>> 5] ?? 0) | (1 << (bit & 31));
  }

  /** Number of distinct fingerprints held (counted, or only marked). */
  get size(): number {
    return this.used;
  }

  /**
   * Counts one article's fingerprints: each distinct fingerprint once, held first by its least
   * sentence. With `onlyMarked`, fingerprints not already in the table are left out (see
   * {@link RepeatIndex}). Articles may come in any order, but each once, whole.
   *
   * With `holders`, each fingerprint's first holder so far, as a global sentence id, goes to
   * `holders.out[h]` for `hashes[h]` (-1 for a fingerprint left out). Counted in article order,
   * a holder in an earlier article is the settled one: the pass that finds candidates needs no
   * second look-up of every fingerprint (see `candidateFinder`).
   */
  addArticle(article: number, records: FingerprintRecords, onlyMarked = false, holders?: { readonly out: Int32Array; readonly sentenceBase: ArrayLike<number> }): void {
    const { offsets, hashes } = records;
    if (!onlyMarked) this.reserve(hashes.length);
    let touched = 0;
    for (let s = 0; s + 1 < offsets.length; s += 1) {
      const to = offsets[s + 1] ?? 0;
      for (let h = offsets[s] ?? 0; h < to; h += 1) {
        const at = this.find(hashes[h] ?? 0, !onlyMarked);
        if (at >= 0 && this.touch(at, article, s)) touched = this.remember(at, touched);
        if (holders !== undefined) holders.out[h] = this.holderAt(at, holders.sentenceBase);
      }
    }
    this.settle(touched);
  }

  /**
   * {@link addArticle} for a run that counts every article once, in article order, and asks each
   * fingerprint's holders as it goes: the first holder so far goes to `holders.out[h]` and the
   * latest in an earlier article to `holders.latest[h]`, each a global sentence id
   * (`sentenceBase[article] + sentence`, -1 for none or for a fingerprint left out). Such a table
   * keeps global ids in a slot's two holder numbers, the latest beside the first, in the cache
   * line a look-up reads anyway: its `entries`, `firstHolder` and merges are not read. All of a
   * table's counts go one way or the other.
   */
  addInOrder(article: number, records: FingerprintRecords, holders: { readonly out: Int32Array; readonly latest: Int32Array; readonly sentenceBase: ArrayLike<number> }, onlyMarked = false): void {
    const { offsets, hashes } = records;
    if (!onlyMarked) this.reserve(hashes.length);
    this.prefetch(hashes);
    const { slots } = this;
    const base = holders.sentenceBase[article] ?? 0;
    let touched = 0;
    for (let s = 0; s + 1 < offsets.length; s += 1) {
      const to = offsets[s + 1] ?? 0;
      for (let h = offsets[s] ?? 0; h < to; h += 1) {
        const at = this.find(hashes[h] ?? 0, !onlyMarked);
        if (at < 0) {
          holders.out[h] = -1;
          holders.latest[h] = -1;
          continue;
        }
        const documents = slots[at + 1] ?? 0;
        if (documents >= 0) {
          // The first touch in this article: counted once (see `touch`), and its sentence noted.
          slots[at + 1] = ~(documents + 1);
          touched = this.remember(at, touched);
          this.touchedSentence[touched - 1] = base + s;
          if ((slots[at + 2] ?? -1) < 0) slots[at + 2] = base + s;
        }
        holders.out[h] = slots[at + 2] ?? -1;
        // Set when an article is settled: here, an earlier article's.
        holders.latest[h] = slots[at + 3] ?? -1;
      }
    }
    for (let i = 0; i < touched; i += 1) {
      const at = this.touched[i] ?? 0;
      slots[at + 1] = ~(slots[at + 1] ?? 0);
      slots[at + 3] = this.touchedSentence[i] ?? -1;
    }
  }

  /**
   * Reads, without acting on them, the filter's words and then the start slots that one article's
   * look-ups will read (of the keys the filter holds: in a count that inserts, a key about to be
   * inserted is not read ahead). A table far larger than the CPU's cache costs a trip to memory a look-up,
   * and a look-up's logic waits for its trip; loads that depend on nothing before them go out
   * together, so the look-ups after this find their lines in the cache (at 1 GB of input, the
   * count 15.8 → 12.6 s).
   */
  private prefetch(hashes: Uint32Array): void {
    const { filter, slots, filterShift } = this;
    const mask = this.capacity - 1;
    let sink = 0;
    if (filter !== undefined) {
      for (let h = 0; h < hashes.length; h += 1) sink ^= filter[filterBit(keyOf(hashes[h] ?? 0), filterShift) >>> 5] ?? 0;
    }
    for (let h = 0; h < hashes.length; h += 1) {
      const key = keyOf(hashes[h] ?? 0);
      if (filter !== undefined) {
        const bit = filterBit(key, filterShift);
        if (((filter[bit >>> 5] ?? 0) & (1 << (bit & 31))) === 0) continue;
      }
      sink ^= slots[(startSlot(key) & mask) * 4] ?? 0;
    }
    prefetched ^= sink;
  }

  /** The sentence of each slot `touched` holds, in an {@link addInOrder} count. */
  private touchedSentence = new Int32Array(64);

  /** Counts one article's lines (hash, and the paragraph that holds it), like {@link addArticle}. */
  addLines(article: number, lines: readonly { readonly hash: number; readonly paragraph: number }[]): void {
    this.reserve(lines.length);
    let touched = 0;
    for (const line of lines) {
      const at = this.find(line.hash, true);
      if (this.touch(at, article, line.paragraph)) touched = this.remember(at, touched);
    }
    this.settle(touched);
  }

  /**
   * Counts the slot at `at` for `article`, once: while an article is being counted, the documents
   * of a slot it touched are kept negated (`~(documents)`), which tells a second touch, with no set
   * of its own. Returns true on the first touch.
   */
  private touch(at: number, article: number, position: number): boolean {
    const { slots } = this;
    const documents = slots[at + 1] ?? 0;
    const first = documents >= 0;
    if (first) slots[at + 1] = ~(documents + 1);
    this.foldHolder(at, article, position);
    return first;
  }

  private remember(at: number, count: number): number {
    if (count === this.touched.length) {
      const larger = new Int32Array(this.touched.length * 2);
      larger.set(this.touched);
      this.touched = larger;
      const sentences = new Int32Array(this.touched.length);
      sentences.set(this.touchedSentence);
      this.touchedSentence = sentences;
    }
    this.touched[count] = at;
    return count + 1;
  }

  /** The article is counted: its touched slots' documents are made positive again. */
  private settle(count: number): void {
    for (let i = 0; i < count; i += 1) {
      const at = this.touched[i] ?? 0;
      this.slots[at + 1] = ~(this.slots[at + 1] ?? 0);
    }
  }

  /** Grows the table now, if `more` insertions could need it: slots must not move while an article is counted. */
  private reserve(more: number): void {
    while (this.used + more > this.capacity * MAX_LOAD) this.grow();
  }

  /** Adds a count into the slot at `at`: documents add up, the lesser first holder stays. */
  private fold(at: number, documents: number, article: number, sentence: number): void {
    this.slots[at + 1] = (this.slots[at + 1] ?? 0) + documents;
    this.foldHolder(at, article, sentence);
  }

  private foldHolder(at: number, article: number, sentence: number): void {
    const { slots } = this;
    if (article < 0) return;
    const first = slots[at + 2] ?? -1;
    if (first < 0 || article < first || (article === first && sentence < (slots[at + 3] ?? -1))) {
      slots[at + 2] = article;
      slots[at + 3] = sentence;
    }
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

  /**
   * The first holder of `hash` as a global sentence id, `sentenceBase[article] + sentence`, or -1
   * when none was counted. Read once the count is settled.
   */
  firstHolder(hash: number, sentenceBase: ArrayLike<number>): number {
    return this.holderAt(this.find(hash, false), sentenceBase);
  }

  /** The first holder counted in the slot at `at` (-1 for none, or no slot). */
  private holderAt(at: number, sentenceBase: ArrayLike<number>): number {
    const article = at < 0 ? -1 : (this.slots[at + 2] ?? -1);
    return article < 0 ? -1 : (sentenceBase[article] ?? 0) + (this.slots[at + 3] ?? 0);
  }

  /** Every fingerprint's count, in table order. */
  *entries(): Generator<CountEntry> {
    const { slots } = this;
    for (let at = 0; at < slots.length; at += 4) {
      const key = slots[at] ?? EMPTY;
      if (key === EMPTY) continue;
      yield { fingerprint: key === (ZERO_STAND_IN | 0) ? 0 : key >>> 0, documents: slots[at + 1] ?? 0, firstArticle: slots[at + 2] ?? -1, firstSentence: slots[at + 3] ?? -1 };
    }
  }

  /** Folds `other`'s counts into this table (see {@link mergeCounts}). */
  mergeFrom(other: FingerprintCounts): void {
    for (const entry of other.entries()) this.fold(this.find(entry.fingerprint, true), entry.documents, entry.firstArticle, entry.firstSentence);
  }

  /** Where `hash`'s slot starts in `slots`, or -1 when absent and not inserted. */
  private find(hash: number, insert: boolean): number {
    const key = keyOf(hash);
    const { filter } = this;
    if (!insert && filter !== undefined) {
      const bit = filterBit(key, this.filterShift);
      if (((filter[bit >>> 5] ?? 0) & (1 << (bit & 31))) === 0) return -1;
    }
    if (insert && this.used + 1 > this.capacity * MAX_LOAD) this.grow();
    return this.probe(key, startSlot(key) & (this.capacity - 1), insert);
  }

  /** Where `key`'s slot starts, probing linearly from `slot` (its start slot); absent: -1, or inserted there. */
  private probe(key: number, slot: number, insert: boolean): number {
    const mask = this.capacity - 1;
    const { slots } = this;
    for (let next = slot; ; next = (next + 1) & mask) {
      const at = next * 4;
      const current = slots[at];
      if (current === key) return at;
      if (current === EMPTY) {
        if (!insert) return -1;
        slots[at] = key;
        this.used += 1;
        if (this.filter !== undefined) this.addToFilter(key);
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

/** The counts of two parts of a corpus (no article in both) merged: the counts of their union. Neither is changed. */
export function mergeCounts(a: FingerprintCounts, b: FingerprintCounts): FingerprintCounts {
  const merged = new FingerprintCounts(a.size + b.size);
  merged.mergeFrom(a);
  merged.mergeFrom(b);
  return merged;
}

/** Counts articles' fingerprint records, in any order (see {@link FingerprintCounts.addArticle}). */
export function countFingerprints(articles: Iterable<{ readonly article: number; readonly records: FingerprintRecords }>): FingerprintCounts {
  const counts = new FingerprintCounts();
  for (const { article, records } of articles) counts.addArticle(article, records);
  return counts;
}

/**
 * Keeps the count's memory to the fingerprints that repeat, not all of them: every article's
 * fingerprints are first {@link RepeatIndex.mark}ed in a bitset, and a fingerprint met again goes
 * into the table. Counting then leaves out what is not in the table. (A bitset collision only adds
 * a fingerprint that never repeats, which no article ever votes for.) The filter is a set, so it
 * too does not depend on order; counts of parts merge exactly when each was filtered by the same set.
 */
export class RepeatIndex {
  private readonly seen: Uint32Array;
  private readonly shift: number;
  readonly table: FingerprintCounts;
  private counting = false;

  /** `expected`: about how many fingerprints will be marked; sizes the bitset at 16 bits each. */
  constructor(expected: number) {
    let bits = 16;
    while (bits < 32 && 2 ** bits < expected * 16) bits += 1;
    this.seen = new Uint32Array(2 ** (bits - 5));
    this.shift = 32 - bits;
    this.table = new FingerprintCounts(Math.max(1024, expected >> 4));
  }

  private bitOf(hash: number): number {
    return this.shift === 0 ? hash : Math.imul(hash, 0x9e3779b1) >>> this.shift;
  }

  /**
   * Marks one article's fingerprints (any order). A fingerprint repeated within the article goes
   * into the table too, where it does no harm (a holder in the same article is never voted for),
   * and it saves sorting every article's fingerprints on the main thread.
   */
  mark(hashes: Uint32Array): void {
    for (let i = 0; i < hashes.length; i += 1) {
      const hash = hashes[i] ?? 0;
      const bit = this.bitOf(hash);
      const word = bit >>> 5;
      const mask = 1 << (bit & 31);
      if (((this.seen[word] ?? 0) & mask) !== 0) this.table.mark(hash);
      else this.seen[word] = (this.seen[word] ?? 0) | mask;
    }
  }

  /**
   * Counts one article's records into the table, the marked fingerprints only, and tells their
   * first holders so far when asked (see {@link FingerprintCounts.addArticle}). Once every article is marked.
   */
  count(article: number, records: FingerprintRecords, holders?: { readonly out: Int32Array; readonly latest?: Int32Array; readonly sentenceBase: ArrayLike<number> }): void {
    if (!this.counting) {
      // Marking is over: the table holds every fingerprint it will, and most looked up are not there.
      this.table.filterLookups();
      this.counting = true;
    }
    const latest = holders?.latest;
    if (holders !== undefined && latest !== undefined) this.table.addInOrder(article, records, { out: holders.out, latest, sentenceBase: holders.sentenceBase }, true);
    else this.table.addArticle(article, records, true, holders);
  }
}

/** Short-line counts among articles outside a run, by source: what an index adds to a run's own. */
export interface LineCountsBeyond {
  /** In how many such articles of `source` the short line `hash` stands. */
  exact(hash: number, source: string): number;
  /** In how many such articles of `source` the template stands, and its wordings there. */
  template(template: number, source: string): { readonly articles: number; readonly wordings: ReadonlySet<number> };
}

/** Distinct wordings a template needs before it is furniture by template: a sign-off's dates. */
const TEMPLATE_WORDINGS = 10;

/**
 * Short lines counted per source (site chrome is one outlet's furniture, so a line is counted
 * among its outlet's articles): word for word, and as templates with their figures and month
 * names blanked, which tells a sign-off whose date changes ("Published in Dawn, January 2nd,
 * 2025"). Articles must be added in ascending order.
 */
export class ShortLineCounts {
  /** `beyond`: the same counts among articles outside the run (an index's archive), added to the run's own. */
  constructor(private readonly beyond?: LineCountsBeyond) {}

  private readonly bySource = new Map<string, { readonly exact: FingerprintCounts; readonly templates: FingerprintCounts; readonly wordings: Map<number, Set<number>>; articles: number }>();
  private readonly sourceOf: string[] = [];

  add(source: string | undefined, article: number, lines: readonly { readonly short: boolean; readonly dated?: boolean; readonly hash: number; readonly template: number; readonly paragraph: number }[]): void {
    const key = source ?? '';
    this.sourceOf[article] = key;
    let counts = this.bySource.get(key);
    if (counts === undefined) {
      counts = { exact: new FingerprintCounts(), templates: new FingerprintCounts(), wordings: new Map(), articles: 0 };
      this.bySource.set(key, counts);
    }
    counts.articles += 1;
    // Word for word: short lines, and a dated sign-off of any length (see `LineRecord.dated`).
    counts.exact.addLines(article, lines.filter((line) => line.short || line.dated === true));
    const templated = lines.filter((line) => line.template !== 0);
    counts.templates.addLines(article, templated.map((line) => ({ hash: line.template, paragraph: line.paragraph })));
    for (const line of templated) {
      const wordings = counts.wordings.get(line.template) ?? new Set<number>();
      // Only "many" matters: the set stops growing once it is.
      if (wordings.size < TEMPLATE_WORDINGS) wordings.add(line.hash);
      counts.wordings.set(line.template, wordings);
    }
  }

  /** In how many articles of `article`'s source the short line `hash` stands. */
  documentFrequency(hash: number, article: number): number {
    const source = this.sourceOf[article] ?? '';
    return (this.bySource.get(source)?.exact.documentFrequency(hash) ?? 0) + (this.beyond?.exact(hash, source) ?? 0);
  }

  /**
   * In how many articles of `article`'s source the template `template` stands, how many articles
   * that source has, and whether the template comes in many wordings (a date that changes daily,
   * not a background sentence whose figure a few copies changed).
   */
  templateFrequency(template: number, article: number): { readonly articles: number; readonly of: number; readonly manyWordings: boolean } {
    const source = this.sourceOf[article] ?? '';
    const counts = this.bySource.get(source);
    const own = counts?.wordings.get(template);
    const beyond = this.beyond?.template(template, source);
    let wordings = own?.size ?? 0;
    if (beyond !== undefined) for (const wording of beyond.wordings) if (own === undefined || !own.has(wording)) wordings += 1;
    return { articles: (counts?.templates.documentFrequency(template) ?? 0) + (beyond?.articles ?? 0), of: counts?.articles ?? 0, manyWordings: wordings >= TEMPLATE_WORDINGS };
  }
}
