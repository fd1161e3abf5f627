import { describe, expect, it } from 'vitest';
import { inProcessExecutor, runInOrder } from '../src/executor.js';
import { DEFAULTS } from '../src/options.js';

const settings = { ...DEFAULTS, maxHeadingWords: 8, chromeLines: [], fields: {} };

/** A verify task whose one pair is the same sentence when `edited` is a light edit of it. */
function pairOf(edited: string) {
  const texts = ['Pakistan and Afghanistan share a border of some 2,600 kilometres.', edited];
  return { batch: { texts, starts: Int32Array.from([0, 0]), pairs: Int32Array.from([0, 1, 0]) }, settings };
}

describe('runInOrder', () => {
  it('draws items from a generator only as tasks start, a few ahead, and takes the outputs in item order', async () => {
    const edits = [
      'Pakistan and Afghanistan share a long border of some 2,600 kilometres.',
      'Pakistan and Afghanistan share a border of some 2,400 kilometres.',
      'The weather in Karachi was hot and humid all week.',
      'Pakistan and Afghanistan share a border of some 2,600 kilometers.',
      'Pakistan and Afghanistan share a border of about 2,600 kilometres.',
      'Pakistan and Afghanistan share a border of some 2,600 kilometres.',
      'Karachi.',
    ];
    const events: string[] = [];
    function* items(): Generator<number> {
      for (let i = 0; i < edits.length; i += 1) {
        events.push(`draw ${i}`);
        yield i;
      }
    }
    const same: boolean[] = [];
    await runInOrder(inProcessExecutor(), 'verify', items(), (i) => pairOf(edits[i]!), (verdicts, i) => {
      events.push(`take ${i}`);
      same[i] = verdicts[0]!.same;
    });
    expect(same).toEqual([true, false, false, true, true, true, false]);
    // One thread, three tasks in flight: item i + 3 is drawn once item i is done, before it is taken.
    expect(events).toEqual(['draw 0', 'draw 1', 'draw 2', 'draw 3', 'take 0', 'draw 4', 'take 1', 'draw 5', 'take 2', 'draw 6', 'take 3', 'take 4', 'take 5', 'take 6']);
  });
});
