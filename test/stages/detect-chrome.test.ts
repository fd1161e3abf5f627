import { describe, expect, it } from 'vitest';
import { chromeCandidates, compileChromeList } from '../../src/stages/detect-chrome.js';
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
    // Lines that name the site, by their shape.
    ['© Northstar News. All rights reserved.', 'built-in list'],
    ['Copyright © The Daily Example 2025', 'built-in list'],
    ['Copyright 2025 Northstar Broadcasting Corporation International. All rights reserved.', 'built-in list'],
    ['Follow us on X for the latest updates.', 'built-in list'],
    ['Follow us on Instagram', 'built-in list'],
    ['Follow us on Google News for the latest updates.', 'built-in list'],
    ['Follow us on our WhatsApp channel.', 'built-in list'],
    ['Share this story on Facebook', 'built-in list'],
    ['Share on X and WhatsApp.', 'built-in list'],
    ['Click to share on LinkedIn', 'built-in list'],
  ])('takes %j as chrome (%s)', (line, reason) => {
    expect(list.reasonFor(line)).toBe(reason);
  });

  it.each([
    'Post a Comment about the talks today',
    'Pak-Afghan relations',
    'date 2024-06-30',
    '# a comment',
    'He said.',
    'Copyright infringement cases rose sharply this year.',
    'Follow the money, he said.',
    'He said he would follow us on Twitter to see what we wrote.',
    '(c) the accused shall appear before the trial court every Monday.',
    'Copyright 1976 Act remains the basis of the law, his lawyer said.',
    'Follow us on Telegram, the banned group told supporters in a statement.',
    'The firm said all rights reserved.',
    'Share prices on Facebook fell sharply after the results.',
    'Share this story on Facebook, the minister urged his followers.',
  ])('keeps %j', (line) => {
    expect(list.reasonFor(line)).toBeUndefined();
  });

  it('tells a line by its shape however long the lists’ own lines are: by its words, not its letters', () => {
    const longLine = 'Subscribe to The Daily Example for unlimited access to every story we publish each day and night';
    const copyright = 'Copyright 2025 Northstar Broadcasting Corporation International. All rights reserved.';
    expect(compileChromeList([]).reasonFor(copyright)).toBe('built-in list');
    expect(compileChromeList([longLine]).reasonFor(copyright)).toBe('built-in list');
    expect(compileChromeList([longLine]).reasonFor(`${copyright} ${'More words of a long paragraph here.'.repeat(3)}`)).toBeUndefined();
  });

  it('names the line of a bad pattern', () => {
    expect(() => compileChromeList(['ok', '/([/'], '`chrome.txt`')).toThrow(NewsdedupError);
    expect(() => compileChromeList(['ok', '/([/'], '`chrome.txt`')).toThrow(/line 2 of `chrome.txt`/);
  });

  it('takes a chrome file of 300,000 lines, more than a call takes arguments', () => {
    const many = compileChromeList(Array.from({ length: 300_000 }, (_, i) => `Follow our channel number ${i} for updates`));
    expect(many.reasonFor('Follow our channel number 299999 for updates')).toBe('user list');
    expect(many.reasonFor('Follow our channel number 300000 for updates')).toBeUndefined();
  });
});

describe('chromeCandidates', () => {
  it('marks whole lines only, never a sentence inside a paragraph', () => {
    const text = 'Title\n\nReaders asked us to Post a Comment, then a second comment, then more. Advertisement\n\nAdvertisement\n';
    const listed = chromeCandidates(text, segment(text), compileChromeList([])).filter((line) => line.list !== undefined);
    expect(listed.map((line) => [line.paragraph, line.list])).toEqual([[2, 'built-in list']]);
  });

  it('records list chrome and every short line, with its words and span, for the repeated-line rule', () => {
    const text = 'A title\n\nA long paragraph with more than eight words in it, surely enough.\n\nShare this article\n\nFollow the port on Mastodon';
    const records = chromeCandidates(text, segment(text), compileChromeList([]));
    expect(records.map((record) => [record.paragraph, record.list, record.short, record.words, text.slice(record.start, record.end)])).toEqual([
      [0, undefined, true, 2, 'A title'],
      [2, 'built-in list', true, 3, 'Share this article'],
      [3, undefined, true, 5, 'Follow the port on Mastodon'],
    ]);
    const again = chromeCandidates('FOLLOW the port on Mastodon!', segment('FOLLOW the port on Mastodon!'), compileChromeList([]));
    expect(again[0]!.hash).toBe(records[2]!.hash);
  });

  it('records a last line longer than a heading that holds a date as a sign-off: by its template, never as a short line', () => {
    const body = 'A long paragraph with more than eight words in it, surely enough.';
    const signOffOf = (text: string) => chromeCandidates(text, segment(text), compileChromeList([])).filter((line) => line.template !== 0);
    const signed = `${body}\n\nPublished in The Courier, The Weekend Magazine, January 13th, 2025`;
    expect(signOffOf(signed).map((line) => [line.paragraph, line.short, line.words])).toEqual([[1, false, 10]]);
    // Another date: the same template, another wording.
    const other = signOffOf(`${body}\n\nPublished in The Courier, The Weekend Magazine, 3 March 2025`)[0]!;
    expect(other.template).toBe(signOffOf(signed)[0]!.template);
    expect(other.hash).not.toBe(signOffOf(signed)[0]!.hash);
    // Not the last line; no date ("may" the verb is no month); more than twenty words.
    expect(signOffOf(`${signed.split('\n\n')[1]}\n\n${body}`)).toEqual([]);
    expect(signOffOf(`${body}\n\nPrices may rise 5% or more next week, the traders at the grain market said.`)).toEqual([]);
    expect(signOffOf(`${body}\n\nPublished in The Courier and in its sister papers across the province and the country, The Weekend Magazine, January 13th, 2025`)).toEqual([]);
  });

  describe('a writer’s sign-off', () => {
    const story = 'Opinion\n\nA long paragraph of the column with more than eight words in it, surely enough.\n\nIts closing paragraph, which says what the columnist wants done about it.';
    const signedOff = (text: string): string[] =>
      chromeCandidates(text, segment(text), compileChromeList([]))
        .filter((line) => line.list === 'sign-off')
        .map((line) => text.slice(line.start, line.end));

    it('reads over a header image’s caption, a note of where the piece ran and a campaign’s plea after it, and leaves them', () => {
      const writer = 'The writer is a former ambassador to the United Nations.\n\nX: @ambassador';
      const published = 'Published in The Courier, March 3rd, 2025';
      expect(signedOff(`${story}\n\n${writer}\n\nHeader image: Commuters ride through smog on a main road. — File`)).toEqual(['The writer is a former ambassador to the United Nations.', 'X: @ambassador']);
      expect(signedOff(`${story}\n\n${writer}\n\nAn abridged version of this piece was published in The Courier on March 2nd, 2025.\n\nHeader image: A border fence at dusk.`)).toEqual(['The writer is a former ambassador to the United Nations.', 'X: @ambassador']);
      expect(signedOff(`${story}\n\n${writer}\n\nJoin our clean-air campaign for a healthier city\n\n${published}`)).toEqual(['The writer is a former ambassador to the United Nations.', 'X: @ambassador']);
      // A writer's line as short as a plea, with no full stop, is the sign-off, not a line read over.
      expect(signedOff(`${story}\n\nThe writer is a lawyer based in the capital\n\n${published}`)).toEqual(['The writer is a lawyer based in the capital']);
      // A sentence after the writer's line is the story's: nothing is a sign-off.
      expect(signedOff(`${story}\n\n${writer}\n\nThe embassy reopened on Monday after a week.`)).toEqual([]);
      // No writer's line above the caption: a news story's last line about a writer stays.
      expect(signedOff(`${story}\n\nThe writer is expected to appear before the court again next week.\n\nHeader image: The court's main gate.`)).toEqual([]);
    });

    it('takes a personal cue with the writer’s line above it, and the cue alone when the line above is the story’s', () => {
      expect(signedOff(`${story}\n\nThe writer is an architecture student.\n\nHe can be reached at student@example.org\n\nPublished in The Courier, March 3rd, 2025`)).toEqual([
        'The writer is an architecture student.',
        'He can be reached at student@example.org',
      ]);
      expect(signedOff(`${story}\n\nHe can be reached at student@example.org\n\nstudent@example.net`)).toEqual(['He can be reached at student@example.org', 'student@example.net']);
      // A site's address above the cue, with no writer's line, is the story's.
      expect(signedOff(`${story}\n\nwww.example.gov.pk\n\nHe can be reached at student@example.org`)).toEqual(['He can be reached at student@example.org']);
    });
  });
});
