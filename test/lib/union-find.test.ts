import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UnionFind } from '../../src/lib/union-find.js';

describe('UnionFind', () => {
  it('gives each id the least id of its set, whatever order the pairs are joined in', () => {
    const pair = fc.tuple(fc.nat(39), fc.nat(39));
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 60 }), fc.infiniteStream(fc.nat()), (pairs, picks) => {
        const joined = new UnionFind(40);
        for (const [a, b] of pairs) joined.union(a, b);
        // The same pairs, shuffled and each the other way round.
        const shuffled = [...pairs];
        for (let i = shuffled.length - 1; i > 0; i -= 1) {
          const j = picks.next().value % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        const again = new UnionFind(40);
        for (const [a, b] of shuffled) again.union(b, a);
        expect([...again.roots()]).toEqual([...joined.roots()]);
        // A plain reading: each id's set, grown until no pair adds to it; its root is its least member.
        for (let id = 0; id < 40; id += 1) {
          const set = new Set([id]);
          for (let grown = true; grown; ) {
            grown = false;
            for (const [a, b] of pairs) {
              if (set.has(a) !== set.has(b)) {
                set.add(a);
                set.add(b);
                grown = true;
              }
            }
          }
          expect(joined.find(id)).toBe(Math.min(...set));
        }
      }),
    );
  });

  it('refuses an id outside its range rather than looking for it forever', () => {
    const sets = new UnionFind(3);
    expect(() => sets.find(3)).toThrow(RangeError);
    expect(() => sets.union(-1, 0)).toThrow(RangeError);
  });
});
