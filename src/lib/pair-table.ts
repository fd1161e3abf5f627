/**
 * A map from a pair of non-negative 32-bit ids to a 32-bit number, open-addressed over typed
 * arrays. Two ids joined into one key would pass 2^31 and be a boxed double (a `Map` of such keys
 * allocates one for each); here a pair is two slots of an array, and neither a key nor a value is
 * ever an object on the heap.
 */
export class PairTable {
  private lows: Int32Array;
  private highs: Int32Array;
  private values: Int32Array;
  private used = 0;

  constructor(expected = 16) {
    let capacity = 16;
    while (capacity * MAX_LOAD < expected) capacity *= 2;
    this.lows = new Int32Array(capacity).fill(EMPTY);
    this.highs = new Int32Array(capacity);
    this.values = new Int32Array(capacity);
  }

  /** Pairs held. */
  get size(): number {
    return this.used;
  }

  /** The number held for the pair `(a, b)`, or `missing` when it holds none. */
  get(a: number, b: number, missing = -1): number {
    const at = this.slotOf(a, b);
    return this.lows[at] === EMPTY ? missing : (this.values[at] as number);
  }

  has(a: number, b: number): boolean {
    return this.lows[this.slotOf(a, b)] !== EMPTY;
  }

  set(a: number, b: number, value: number): void {
    let at = this.slotOf(a, b);
    if (this.lows[at] === EMPTY) {
      if ((this.used + 1) > this.lows.length * MAX_LOAD) {
        this.grow();
        at = this.slotOf(a, b);
      }
      this.lows[at] = a;
      this.highs[at] = b;
      this.used += 1;
    }
    this.values[at] = value;
  }

  /** The slot that holds `(a, b)`, or the empty one where it would go. */
  private slotOf(a: number, b: number): number {
    if (!(a >= 0 && b >= 0 && a <= 0x7fffffff && b <= 0x7fffffff)) throw new RangeError(`no pair (${a}, ${b}): ids are non-negative 32-bit numbers`);
    const { lows, highs } = this;
    const mask = lows.length - 1;
    let at = mix(a, b) & mask;
    for (;;) {
      const low = lows[at] as number;
      if (low === EMPTY || (low === a && highs[at] === b)) return at;
      at = (at + 1) & mask;
    }
  }

  private grow(): void {
    const { lows, highs, values } = this;
    this.lows = new Int32Array(lows.length * 2).fill(EMPTY);
    this.highs = new Int32Array(lows.length * 2);
    this.values = new Int32Array(lows.length * 2);
    this.used = 0;
    for (let at = 0; at < lows.length; at += 1) if (lows[at] !== EMPTY) this.set(lows[at] as number, highs[at] as number, values[at] as number);
  }
}

const EMPTY = -1;
const MAX_LOAD = 0.6;

/** A 32-bit hash of two ids (each multiplied by an odd constant, then mixed). */
function mix(a: number, b: number): number {
  let hash = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca6b);
  hash ^= hash >>> 15;
  hash = Math.imul(hash, 0x2c1b3c6d);
  return (hash ^ (hash >>> 13)) >>> 0;
}
