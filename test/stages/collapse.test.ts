import { describe, expect, it } from 'vitest';
import { dedupe } from '../../src/pipeline.js';

const BLOCK = 'Background: the two neighbours have argued over the border for decades. Talks in Istanbul failed to bridge the gaps between the two sides. Trade across the border has been suspended since October.';

async function cleanedOf(texts: Record<string, string>, markers = true): Promise<Record<string, string>> {
  const result = await dedupe(Object.entries(texts).map(([path, text]) => ({ path, text })), { markers });
  return Object.fromEntries(result.cleaned.map((article) => [article.path, article.text]));
}

describe('collapse', () => {
  it('replaces whole paragraphs with a marker and keeps the paragraph breaks around it', async () => {
    const cleaned = await cleanedOf({
      'a.txt': `Title A\n\nOwn reporting in A stays here.\n\n${BLOCK}\n\nMore of A's own words.\n`,
      'b.txt': `Title B\n\n${BLOCK}\n\nB has its own closing line too.`,
    });
    expect(cleaned['a.txt']).toMatch(/^Title A\n\nOwn reporting in A stays here\.\n\n\[shared block b[0-9a-f]{10} "Background: the two neighbours have argued over the…": 3 sentences, also in 1 other article\]\n\nMore of A's own words\.\n$/);
    expect(cleaned['b.txt']).toMatch(/^Title B\n\n\[shared block .*\]\n\nB has its own closing line too\.$/);
  });

  it('puts the marker of a block inside a paragraph on a line of its own', async () => {
    const cleaned = await cleanedOf({
      'a.txt': `Title\n\nA opens with its own news. ${BLOCK} A closes with its own news.`,
      'b.txt': `Title B\n\n${BLOCK}`,
    });
    expect(cleaned['a.txt']).toMatch(/^Title\n\nA opens with its own news\.\n\[shared block [^\n]*\]\nA closes with its own news\.$/);
  });

  it('removes the block and one separator when markers are off', async () => {
    const cleaned = await cleanedOf({ 'a.txt': `Title\n\n${BLOCK}\n\nOwn line.\n`, 'b.txt': `Other title\n\n${BLOCK}\n` }, false);
    expect(cleaned['a.txt']).toBe('Title\n\nOwn line.\n');
    expect(cleaned['b.txt']).toBe('Other title\n');
  });

  it('keeps CRLF line endings, in kept text and around markers', async () => {
    const crlf = (text: string) => text.replaceAll('\n', '\r\n');
    const cleaned = await cleanedOf({ 'a.txt': crlf(`Title\n\nOpening. ${BLOCK}\n\nEnd.\n`), 'b.txt': crlf(`Other\n\n${BLOCK}\n`) });
    expect(cleaned['a.txt']).toMatch(/^Title\r\n\r\nOpening\.\r\n\[shared block [^\r\n]*\]\r\n\r\nEnd\.\r\n$/);
    expect(cleaned['a.txt']!.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });

  it('keeps a title a paragraph of its own when the byline between it and the story goes as chrome', async () => {
    const story = (n: number, byline: string) => `Floods, day ${n}\n${byline}\n\nThe river rose again on day ${n}, officials in the valley said.\n\nResidents of ward ${n} moved to higher ground.\n`;
    const cleaned = await cleanedOf({
      'a.txt': story(1, 'By Nela Strand'),
      'b.txt': story(2, 'By Nela Strand'),
      // Two chrome lines in a row: the blank line after the second is the one kept.
      'c.txt': story(3, 'By Nela Strand\nShare this article'),
    });
    // The byline (in three articles) is chrome; the blank line after it stays, not the line break before it.
    expect(cleaned['a.txt']).toBe('Floods, day 1\n\nThe river rose again on day 1, officials in the valley said.\n\nResidents of ward 1 moved to higher ground.\n');
    expect(cleaned['c.txt']).toBe('Floods, day 3\n\nThe river rose again on day 3, officials in the valley said.\n\nResidents of ward 3 moved to higher ground.\n');
  });

  it('keeps the kept lines byte for byte around a removed byline, in CRLF too', async () => {
    const story = (n: number, title: string, byline: string, eol = '\n') => `${title}${eol}${byline}${eol}${eol}The river rose again on day ${n}, officials in the valley said.${eol}`;
    const cleaned = await cleanedOf({
      'a.txt': story(1, 'Floods, day 1  ', 'By Nela Strand'),
      'b.txt': story(2, 'Floods, day 2', 'By Nela Strand   '),
      'c.txt': story(3, 'Floods, day 3', 'By Nela Strand', '\r\n'),
    });
    // The title's own trailing spaces stay; the byline's go with it; CRLF stays CRLF.
    expect(cleaned['a.txt']).toBe('Floods, day 1  \n\nThe river rose again on day 1, officials in the valley said.\n');
    expect(cleaned['b.txt']).toBe('Floods, day 2\n\nThe river rose again on day 2, officials in the valley said.\n');
    expect(cleaned['c.txt']).toBe('Floods, day 3\r\n\r\nThe river rose again on day 3, officials in the valley said.\r\n');
  });

  it('ends a text whose last line goes as chrome as the text ended: with a line break only where it had one', async () => {
    const cleaned = await cleanedOf({
      'a.txt': 'The river rose to 40,000 cusecs on Monday.\n\n© 2025 Indus Wire. All rights reserved.',
      'b.txt': 'The river fell to 30,000 cusecs on Tuesday.\r\n\r\n© 2025 Indus Wire. All rights reserved.\r\n',
    });
    expect(cleaned['a.txt']).toBe('The river rose to 40,000 cusecs on Monday.');
    expect(cleaned['b.txt']).toBe('The river fell to 30,000 cusecs on Tuesday.\r\n');
  });
});
