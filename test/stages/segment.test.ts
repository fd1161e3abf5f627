import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segment } from '../../src/stages/segment.js';
import { seed } from '../helpers.js';

const sentencesOf = (text: string) => segment(text).sentences.map((s) => text.slice(s.start, s.end));

describe('segment', () => {
  it('finds one title and one long body paragraph in 000', () => {
    const { text } = seed('000');
    const { paragraphs } = segment(text);
    expect(paragraphs).toHaveLength(2);
    expect(text.slice(paragraphs[1]!.start, paragraphs[1]!.start + 34)).toBe('Defence Minister Khawaja Asif on T');
  });

  it('takes each line of 001 as a paragraph, and the heading line as its own', () => {
    const { text } = seed('001');
    const paragraphs = segment(text).paragraphs.map((p) => text.slice(p.start, p.end));
    expect(paragraphs).toContain('Pak-Afghan relations');
    expect(paragraphs).toHaveLength(text.trim().split('\n').length);
  });

  it('takes blank-line-separated paragraphs of 002 and keeps site chrome lines apart', () => {
    const { text } = seed('002');
    const paragraphs = segment(text).paragraphs.map((p) => text.slice(p.start, p.end));
    expect(paragraphs.slice(-2)).toEqual(['Post a Comment', 'Previous Post Next Post']);
  });

  it('splits sentences at full stops but not after abbreviations or initials', () => {
    expect(sentencesOf('Gen. Faiz met Mr. J. Smith in the U.S. on Monday. Talks failed. “It is over,” he said.')).toEqual([
      'Gen. Faiz met Mr. J. Smith in the U.S. on Monday.',
      'Talks failed.',
      '“It is over,” he said.',
    ]);
  });

  it('does not split after the titles and firm names of South Asian news, nor after a capitalised article or section', () => {
    const text =
      'The meeting was attended by Engr. Ali Khan, Ch. Shujaat Hussain, Brig. (retd.) Ahmed and Mst. Bibi of Messrs. Karim Traders Pvt. Ltd., under Art. 184(3). Sec. 144 was in force. The gallery showed works of art. Visitors came to the Museum of Modern Art. Critics praised it.';
    expect(sentencesOf(text)).toEqual([
      'The meeting was attended by Engr. Ali Khan, Ch. Shujaat Hussain, Brig. (retd.) Ahmed and Mst. Bibi of Messrs. Karim Traders Pvt. Ltd., under Art. 184(3).',
      'Sec. 144 was in force.',
      'The gallery showed works of art.',
      'Visitors came to the Museum of Modern Art.',
      'Critics praised it.',
    ]);
  });

  it('ends a sentence at an abbreviation when a word that opens sentences follows, and not before a name', () => {
    expect(sentencesOf('Talks were led by AT&T. The regulator approved it. The deal was signed in the U.S. It took a year. Trading opened at 10 a.m. The index rose.')).toEqual([
      'Talks were led by AT&T.',
      'The regulator approved it.',
      'The deal was signed in the U.S.',
      'It took a year.',
      'Trading opened at 10 a.m.',
      'The index rose.',
    ]);
    expect(sentencesOf('The U.S. President met Dr. A. K. Khan and Acme Ltd. Shares rose.')).toEqual(['The U.S. President met Dr. A. K. Khan and Acme Ltd. Shares rose.']);
    // A title or an honorific goes with what follows; an opener with a comma after it opens a sentence.
    expect(sentencesOf('They cited Brown vs. The Board of Education and met H.E. The President and Prof. In Lee. Prices rose in the U.S. However, wages fell.')).toEqual([
      'They cited Brown vs. The Board of Education and met H.E. The President and Prof. In Lee.',
      'Prices rose in the U.S.',
      'However, wages fell.',
    ]);
  });

  it('does not split before a lower-case word or inside a number', () => {
    expect(sentencesOf('Profits rose 1.13bn. but analysts were unmoved. Next.')).toEqual(['Profits rose 1.13bn. but analysts were unmoved.', 'Next.']);
  });

  it('ends a sentence after closing quotes', () => {
    expect(sentencesOf('He said: “We are done.” The talks ended.')).toEqual(['He said: “We are done.”', 'The talks ended.']);
  });

  it('does not end a sentence at an ellipsis in brackets that opens a quote, and reads one between words as a full stop', () => {
    expect(sentencesOf('“[…] Key factors included curbs on the press”, it noted in a comment. The report followed.')).toEqual(['“[…] Key factors included curbs on the press”, it noted in a comment.', 'The report followed.']);
    expect(sentencesOf('(...) Work on the plan will go on. It was not.')).toEqual(['(...) Work on the plan will go on.', 'It was not.']);
    expect(sentencesOf('“We plan to invest in real estate […] From a real estate perspective, we are ready.”')).toEqual(['“We plan to invest in real estate […]', 'From a real estate perspective, we are ready.”']);
    expect(sentencesOf('The talks stalled… Then they resumed.')).toEqual(['The talks stalled…', 'Then they resumed.']);
  });

  it('splits Chinese at full-width stops with no spaces', () => {
    expect(sentencesOf('今天下雨了。我们在家。')).toEqual(['今天下雨了。', '我们在家。']);
  });

  it('joins a hard-wrapped line that continues in lower case', () => {
    const text = 'The talks between the two\nsides failed on Monday.\n\nNext paragraph.';
    expect(segment(text).paragraphs.map((p) => text.slice(p.start, p.end))).toEqual(['The talks between the two\nsides failed on Monday.', 'Next paragraph.']);
  });

  it('reports CRLF line endings', () => {
    expect(segment('a line\r\nanother\r\n').lineEnding).toBe('\r\n');
    expect(segment('one line').lineEnding).toBe('\n');
  });

  it.each([
    ['a\rb\r', '\r'],
    ['a\nb\r\n', '\n'],
    ['a\r\nb\n', '\r\n'],
    ['a\rb\r\n', '\r'],
    ['ab\r', '\r'],
  ])('takes the first line ending of %j as the line ending', (text, ending) => {
    expect(segment(text).lineEnding).toBe(ending);
  });

  it('finds nothing in empty or white-space text', () => {
    expect(segment('')).toMatchObject({ paragraphs: [], sentences: [] });
    expect(segment(' \n\t\r\n ')).toMatchObject({ paragraphs: [], sentences: [] });
  });

  it('counts words, with Han characters as words and inner hyphens kept', () => {
    const text = 'Tehreek-i-Taliban Pakistan’s 1.13bn (TTP) — 中国';
    expect(segment(text).sentences[0]?.words).toBe(6);
  });

  it('covers any input exactly: sentences in order, inside paragraphs, and only white space outside them', () => {
    const pieces = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 12 }),
      fc.constantFrom('. ', '.\n', '\n\n', '\r\n', ' Mr. ', '? ', '。', '” ', 'U.S. ', '  ', '\u00a0', 'word', 'Word'),
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }).map((parts) => parts.join('')), (text) => {
        const { paragraphs, sentences } = segment(text);
        let cursor = 0;
        for (const sentence of sentences) {
          expect(sentence.start).toBeGreaterThanOrEqual(cursor);
          expect(sentence.end).toBeGreaterThan(sentence.start);
          expect(text.slice(cursor, sentence.start).trim()).toBe('');
          const paragraph = paragraphs[sentence.paragraph]!;
          expect(sentence.start).toBeGreaterThanOrEqual(paragraph.start);
          expect(sentence.end).toBeLessThanOrEqual(paragraph.end);
          cursor = sentence.end;
        }
        expect(text.slice(cursor).trim()).toBe('');
        // Each sentence is trimmed, so kept text is always the original bytes.
        for (const sentence of sentences) expect(text.slice(sentence.start, sentence.end)).toBe(text.slice(sentence.start, sentence.end).trim());
      }),
      { numRuns: 300 },
    );
  });
});
