import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../src/stages/fingerprint.js';
import { segment } from '../../src/stages/segment.js';
import { DEFAULTS } from '../../src/options.js';

const sketch = (text: string): Set<number> => new Set(fingerprint(text, segment(text), DEFAULTS).hashes);
const shared = (a: Set<number>, b: Set<number>) => [...a].filter((hash) => b.has(hash)).length;

describe('fingerprint', () => {
  const plain = 'Pakistan’s bilateral relations with Afghanistan have come under strain in recent times as the Tehreek-i-Taliban Pakistan (TTP) remains the main point of contention between the two countries.';
  const edited = 'Pakistan’s bilateral relations with Afghanistan have come under strain in recent times as the banned terrorist Tehreek-i-Taliban Pakistan (TTP) group remains the main point of contention between the two countries.';
  const unrelated = 'Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn for the three months to December, from $639m year-earlier.';

  it('gives a lightly edited sentence most of the same fingerprints', () => {
    expect(shared(sketch(plain), sketch(edited))).toBeGreaterThanOrEqual(4);
  });

  it('gives an unrelated sentence none of them', () => {
    expect(shared(sketch(plain), sketch(unrelated))).toBe(0);
  });

  it('ignores case, quotes and inflection', () => {
    expect(sketch('The talks remain stalled, officials said.')).toEqual(sketch('the talks remains "stalled" officials say'.replace('say', 'said')));
  });

  it('keeps the sketch and the whole-sentence hash per sentence, and none for skipped sentences', () => {
    const text = `${plain} ${unrelated}`;
    const result = fingerprint(text, segment(text), DEFAULTS, (sentence) => sentence === 1);
    expect(result.offsets[1]! - result.offsets[0]!).toBe(DEFAULTS.sketchSize + 1);
    expect(result.offsets[2]! - result.offsets[1]!).toBe(0);
  });
});
