/**
 * The holders of some fingerprints, as an index gives them to a run: three typed arrays rather than
 * a map of arrays, so that a run against an index of millions of articles holds a few bytes per
 * posting (a map entry and an array per fingerprint cost some 60 bytes before the first holder).
 */

import type { HolderList } from '../stages/context.js';
import { lowerBound } from '../lib/lower-bound.js';

/** Fingerprints (sorted, distinct) and their holder numbers: hash `i`'s are `holders[starts[i] .. starts[i + 1])`, ascending. */
export class HolderLists {
  /** Made by {@link HolderListsBuilder}: `starts` has one entry more than `hashes`. */
  constructor(
    private readonly hashes: Uint32Array,
    private readonly starts: Float64Array,
    private readonly holders: Float64Array,
  ) {}

  /** No fingerprint, no holder. */
  static readonly EMPTY = new HolderLists(new Uint32Array(0), new Float64Array(1), new Float64Array(0));

  /** The holders of `hash`, ascending; `undefined` when it has none. */
  get(hash: number): HolderList | undefined {
    const at = indexOf(this.hashes, hash >>> 0);
    if (at < 0) return undefined;
    return this.holders.subarray(this.starts[at] as number, this.starts[at + 1] as number);
  }

  /** Fingerprints with at least one holder. */
  get size(): number {
    return this.hashes.length;
  }

  /** Every holder of every fingerprint, in one array (not to be written): for passes that ask only who holds anything. */
  allHolders(): Float64Array {
    return this.holders;
  }

  /** Calls `visit` for each fingerprint, by ascending fingerprint, with its holders as `holders[from .. to)`: no view is made. */
  forEachList(visit: (hash: number, holders: Float64Array, from: number, to: number) => void): void {
    for (let i = 0; i < this.hashes.length; i += 1) visit(this.hashes[i] as number, this.holders, this.starts[i] as number, this.starts[i + 1] as number);
  }

  /** Each fingerprint with its holders, by ascending fingerprint. */
  *entries(): IterableIterator<[number, HolderList]> {
    for (let i = 0; i < this.hashes.length; i += 1) yield [this.hashes[i] as number, this.holders.subarray(this.starts[i] as number, this.starts[i + 1] as number)];
  }

  /** These lists with only the holders `keep` accepts; a fingerprint left with none is dropped. */
  filter(keep: (holder: number) => boolean): HolderLists {
    const builder = new HolderListsBuilder(this.hashes);
    for (let i = 0; i < this.hashes.length; i += 1) {
      for (let at = this.starts[i] as number; at < (this.starts[i + 1] as number); at += 1) {
        const holder = this.holders[at] as number;
        if (keep(holder)) builder.addAt(i, holder);
      }
    }
    return builder.build();
  }
}

/**
 * Collects (fingerprint, holder) pairs for fingerprints asked (sorted, distinct), in any order of
 * fingerprints; a fingerprint's holders must come ascending. `build` groups them by fingerprint.
 */
export class HolderListsBuilder {
  private at = new Uint32Array(1024);
  private held = new Float64Array(1024);
  private count = 0;

  constructor(readonly asked: Uint32Array) {}

  /** Adds a holder of `hash`, which must be one of those asked. */
  add(hash: number, holder: number): void {
    const at = indexOf(this.asked, hash >>> 0);
    if (at < 0) throw new RangeError(`hash ${hash >>> 0} was not asked for`);
    this.addAt(at, holder);
  }

  /** Adds a holder of the `at`-th fingerprint asked. */
  addAt(at: number, holder: number): void {
    if (this.count === this.held.length) {
      const at2 = new Uint32Array(this.count * 2);
      at2.set(this.at);
      this.at = at2;
      const held2 = new Float64Array(this.count * 2);
      held2.set(this.held);
      this.held = held2;
    }
    this.at[this.count] = at;
    this.held[this.count] = holder;
    this.count += 1;
  }

  /**
   * Adds the holders written in `text` as decimal numbers joined by commas (PostgreSQL's
   * `string_agg`), read in one pass without making a string per number.
   */
  addJoined(hash: number, text: string): void {
    const at = indexOf(this.asked, hash >>> 0);
    if (at < 0) throw new RangeError(`hash ${hash >>> 0} was not asked for`);
    let value = 0;
    let digits = 0;
    for (let i = 0; i <= text.length; i += 1) {
      const code = i < text.length ? text.charCodeAt(i) : 44;
      if (code === 44) {
        if (digits > 0) this.addAt(at, value);
        value = 0;
        digits = 0;
      } else if (code >= 48 && code <= 57) {
        value = value * 10 + (code - 48);
        digits += 1;
      } else {
        throw new RangeError(`not a list of holder numbers: ${text.slice(0, 40)}`);
      }
    }
  }

  /** The lists: a counting sort by fingerprint, stable, so each list keeps the order its holders came in. */
  build(): HolderLists {
    const perHash = new Float64Array(this.asked.length + 1);
    for (let i = 0; i < this.count; i += 1) {
      const h = (this.at[i] as number) + 1;
      perHash[h] = (perHash[h] as number) + 1;
    }
    // Only fingerprints with holders are kept.
    let kept = 0;
    for (let h = 0; h < this.asked.length; h += 1) if ((perHash[h + 1] as number) > 0) kept += 1;
    const hashes = new Uint32Array(kept);
    const starts = new Float64Array(kept + 1);
    const slotOf = new Int32Array(this.asked.length).fill(-1);
    let slot = 0;
    for (let h = 0; h < this.asked.length; h += 1) {
      const n = perHash[h + 1] as number;
      if (n === 0) continue;
      hashes[slot] = this.asked[h] as number;
      starts[slot + 1] = (starts[slot] as number) + n;
      slotOf[h] = slot;
      slot += 1;
    }
    const next = starts.slice(0, kept);
    const holders = new Float64Array(this.count);
    for (let i = 0; i < this.count; i += 1) {
      const s = slotOf[this.at[i] as number] as number;
      holders[next[s] as number] = this.held[i] as number;
      next[s] = (next[s] as number) + 1;
    }
    return new HolderLists(hashes, starts, holders);
  }
}

/** Where `value` stands in the ascending `sorted`, or -1. */
/** Where an ascending list holds `value`, or -1. */
function indexOf(sorted: Uint32Array, value: number): number {
  const at = lowerBound(sorted, value);
  return at < sorted.length && sorted[at] === value ? at : -1;
}
