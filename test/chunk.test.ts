import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunk } from '../src/chunk.js';

describe('chunk', () => {
  it('keeps every item, in order, in shards of at most 256 items and 4 MB (a larger item alone)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 6 << 20 }), { maxLength: 700 }), (sizes) => {
        const items = sizes.map((size, index) => ({ size, index }));
        const shards = chunk(items);
        expect(shards.flat()).toEqual(items);
        for (const shard of shards) {
          expect(shard.length).toBeGreaterThan(0);
          expect(shard.length).toBeLessThanOrEqual(256);
          const bytes = shard.reduce((sum, item) => sum + item.size, 0);
          if (shard.length > 1) expect(bytes).toBeLessThanOrEqual(4 << 20);
        }
      }),
    );
  });
});
