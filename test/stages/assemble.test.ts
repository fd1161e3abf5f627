import { describe, expect, it } from 'vitest';
import { isHeadingLike, leadsInCopies } from '../../src/stages/assemble.js';
import type { Matches } from '../../src/stages/match.js';

describe('isHeadingLike', () => {
  it.each(['Pak-Afghan relations', 'Port history', '## Background', 'Pakistan strikes inside Afghanistan', '2024 in review'])('takes %j for a heading', (text) => {
    expect(isHeadingLike(text)).toBe(true);
  });

  it.each([
    ['a sentence', 'He said so.'],
    ['a lead-in with a comma', 'Meanwhile,'],
    ['a lower-case fragment', 'relations with Kabul'],
    ['a long line', 'This line has far too many words to be a heading of a block'],
    ['nothing', '  '],
  ])('does not take %s for a heading', (_, text) => {
    expect(isHeadingLike(text)).toBe(false);
  });
});

describe('leadsInCopies', () => {
  // One cluster of four sentences, one per article: a plain copy, two copies with the inline
  // heading "harbour repairs" (one lightly edited, its lead split off by verification), and a copy
  // with another lead, "storm news", split off too.
  const plain = 'the ferry service between the two islands was suspended on friday';
  const texts = [
    { whole: plain, lead: undefined },
    { whole: `harbour repairs ${plain.replace('the two', 'both')}`, lead: 'harbour repairs' },
    { whole: `harbour repairs ${plain}`, lead: undefined },
    { whole: `storm news ${plain}`, lead: 'storm news' },
  ];
  const matches: Matches = {
    cluster: Int32Array.from([0, 0, 0, 0]),
    bodyStart: Int32Array.from([-1, 16, -1, 11]),
    articleOf: Int32Array.from([0, 1, 2, 3]),
  };

  it('keeps whole a sentence whose lead another copy runs into the same sentence, edited or not', () => {
    expect([...leadsInCopies(matches, (id) => texts[id]!)]).toEqual([1]);
  });

  it('keeps whole a sentence that another copy holds word for word, lead and all', () => {
    const twins = [...texts.slice(0, 3), { whole: texts[1]!.whole, lead: 'harbour repairs' }];
    expect([...leadsInCopies({ ...matches, bodyStart: Int32Array.from([-1, 16, -1, 16]) }, (id) => twins[id]!)].sort()).toEqual([1, 3]);
  });
});
