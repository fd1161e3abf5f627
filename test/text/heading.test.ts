import { describe, expect, it } from 'vitest';
import { isHeadingLike } from '../../src/text/heading.js';

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
