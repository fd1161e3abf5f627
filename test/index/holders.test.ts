import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HolderLists, HolderListsBuilder } from '../../src/index/holders.js';
import { distinctSorted } from '../../src/stages/context.js';

/** The lists as a map of arrays: what the index used to give, and what these must equal. */
function asMap(lists: HolderLists): Map<number, number[]> {
  return new Map([...lists.entries()].map(([hash, list]) => [hash, [...list]]));
}

// Fingerprints asked (any 32-bit values) and holders coming in any interleaving of fingerprints,
// each fingerprint's own holders ascending, as both backends give them.
const askedAndPairs = fc
  .uniqueArray(fc.nat({ max: 2 ** 32 - 1 }), { minLength: 1, maxLength: 40 })
  .chain((hashes) =>
    fc.tuple(
      fc.constant(distinctSorted(Uint32Array.from(hashes))),
      fc.array(fc.tuple(fc.nat({ max: hashes.length - 1 }), fc.nat({ max: 2 ** 40 })), { maxLength: 200 }),
    ),
  );

describe('holder lists', () => {
  it('group holders by fingerprint, each list in the order its holders came, as a map of arrays would', () => {
    fc.assert(
      fc.property(askedAndPairs, ([asked, pairs]) => {
        const expected = new Map<number, number[]>();
        const builder = new HolderListsBuilder(asked);
        for (const [at, holder] of pairs) {
          const hash = asked[at] as number;
          expected.set(hash, [...(expected.get(hash) ?? []), holder]);
          builder.add(hash, holder);
        }
        const lists = builder.build();
        expect(asMap(lists)).toEqual(new Map([...expected].sort(([a], [b]) => a - b)));
        expect(lists.size).toBe(expected.size);
        for (const hash of asked) expect(lists.get(hash) === undefined ? undefined : [...(lists.get(hash) ?? [])]).toEqual(expected.get(hash));
        const visited = new Map<number, number[]>();
        lists.forEachList((hash, holders, from, to) => visited.set(hash, [...holders.subarray(from, to)]));
        expect(visited).toEqual(asMap(lists));
        expect([...lists.allHolders()].sort((a, b) => a - b)).toEqual(pairs.map(([, holder]) => holder).sort((a, b) => a - b));
      }),
    );
  });

  it('read holders joined by commas, as PostgreSQL aggregates them, beyond 2^32', () => {
    const builder = new HolderListsBuilder(Uint32Array.from([7, 4_000_000_000]));
    builder.addJoined(4_000_000_000 | 0, '1,4096,8589934592');
    builder.addJoined(7, '');
    const lists = builder.build();
    expect([...(lists.get(4_000_000_000) ?? [])]).toEqual([1, 4096, 8_589_934_592]);
    expect(lists.get(7)).toBeUndefined();
    expect(() => builder.addJoined(7, '12,x')).toThrow(RangeError);
    expect(() => builder.add(8, 1)).toThrow(RangeError);
  });

  it('keep only the holders a filter accepts, and drop a fingerprint left with none', () => {
    fc.assert(
      fc.property(askedAndPairs, fc.nat({ max: 5 }), ([asked, pairs], modulus) => {
        const builder = new HolderListsBuilder(asked);
        for (const [at, holder] of pairs) builder.addAt(at, holder);
        const keep = (holder: number): boolean => holder % (modulus + 2) !== 0;
        const filtered = asMap(builder.build().filter(keep));
        const expected = new Map([...asMap(builder.build())].map(([hash, list]) => [hash, list.filter(keep)] as const).filter(([, list]) => list.length > 0));
        expect(filtered).toEqual(expected);
      }),
    );
  });

  it('hold nothing when empty', () => {
    expect(HolderLists.EMPTY.size).toBe(0);
    expect(HolderLists.EMPTY.get(0)).toBeUndefined();
  });
});
