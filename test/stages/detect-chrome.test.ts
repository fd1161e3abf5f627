import { describe, expect, it } from 'vitest';
import { compileChromeList, detectChrome } from '../../src/stages/detect-chrome.js';
import { segment } from '../../src/stages/segment.js';
import { NewsdedupError } from '../../src/errors.js';

describe('compileChromeList', () => {
  const list = compileChromeList(['Subscribe to The Daily', '/^Copyright © \\d{4}/i', '# a comment', '']);

  it.each([
    ['Post a Comment', 'built-in list'],
    ['Previous Post Next Post', 'built-in list'],
    ['LEAVE A REPLY', 'built-in list'],
    ['Your email address will not be published.', 'built-in list'],
    ['subscribe to the daily!', 'user list'],
    ['Copyright © 2024 Dawn Media', 'user list'],
  ])('takes %j as chrome (%s)', (line, reason) => {
    expect(list.reasonFor(line)).toBe(reason);
  });

  it.each(['Post a Comment about the talks today', 'Pak-Afghan relations', 'date 2024-06-30', '# a comment', 'He said.'])('keeps %j', (line) => {
    expect(list.reasonFor(line)).toBeUndefined();
  });

  it('names the line of a bad pattern', () => {
    expect(() => compileChromeList(['ok', '/([/'], '`chrome.txt`')).toThrow(NewsdedupError);
    expect(() => compileChromeList(['ok', '/([/'], '`chrome.txt`')).toThrow(/line 2 of `chrome.txt`/);
  });
});

describe('detectChrome', () => {
  it('marks whole lines only, never a sentence inside a paragraph', () => {
    const text = 'Title\n\nReaders asked us to Post a Comment. Advertisement\n\nAdvertisement\n';
    expect(detectChrome(text, segment(text), compileChromeList([]))).toEqual([undefined, undefined, 'built-in list']);
  });
});
