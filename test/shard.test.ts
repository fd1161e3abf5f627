import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gatherArticle, gatherHeld, scanArticle } from '../src/shard.js';
import { compileChromeList } from '../src/stages/detect-chrome.js';
import { segment, sentenceAt } from '../src/stages/segment.js';
import { DEFAULTS } from '../src/options.js';
import { corpusArticles } from './helpers.js';

describe('gatherArticle', () => {
  const text = [
    'Harbour repairs',
    'The ferry service between the two islands was suspended on Friday. Repairs are expected to take three weeks.',
    'Residents have been told to stock up on fuel. The authority will build a temporary landing stage.',
  ].join('\n\n');

  it('brings back the requested sentences and every short one-sentence paragraph, by where each starts', () => {
    const { fragments } = gatherArticle(text, [1, 4]);
    const listed = Array.from(fragments.starts, (start, i) => ({ start, text: fragments.text.slice(fragments.bounds[i], fragments.bounds[i + 1]) }));
    expect(listed.map((fragment) => fragment.text)).toEqual([
      'Harbour repairs',
      'The ferry service between the two islands was suspended on Friday.',
      'The authority will build a temporary landing stage.',
    ]);
    // Packed end to end: the spans' texts are all the joined text holds.
    expect(fragments.bounds[listed.length]).toBe(fragments.text.length);
    for (const fragment of listed) expect(text.slice(fragment.start, fragment.start + fragment.text.length)).toBe(fragment.text);
  });

  it('counts the words of the sentences that assemble reads (requested, or a paragraph alone) as segment does', () => {
    const full = segment(text);
    const gathered = gatherArticle(text, [1, 4]);
    for (const s of [0, 1, 4]) expect(sentenceAt(gathered.segmentation, s)?.words).toBe(full.sentences[s]?.words);
    // The rest is never read: its words are not counted.
    expect(sentenceAt(gathered.segmentation, 2)?.words).toBe(0);
    // Spans and paragraphs are the whole segmentation's.
    full.sentences.forEach((sentence, s) => expect({ ...sentenceAt(gathered.segmentation, s), words: 0 }).toEqual({ ...sentence, words: 0 }));
  });
});

describe('gatherHeld', () => {
  const list = compileChromeList(['Follow us on Twitter']);
  /** What fetching gives from a held text, with its fragments read out as gatherArticle's are. */
  function heldAnswer(text: string, sentences: readonly number[]) {
    const scanned = scanArticle(text, DEFAULTS, list, true);
    const answer = gatherHeld(text, scanned.segmentation!, scanned.quoted!, sentences);
    expect(typeof answer.fragments).toBe('string');
    return answer;
  }

  it('gives the segmentation, word counts and quotations that reading the file again gives, on the seed articles', () => {
    for (const { text } of corpusArticles()) {
      const all = segment(text).sentences.map((_, s) => s);
      for (const sentences of [[], all.filter((s) => s % 3 === 1), all]) {
        const held = heldAnswer(text, sentences);
        const read = gatherArticle(text, sentences);
        expect(held.segmentation).toEqual(read.segmentation);
        expect(held.quoted).toEqual(read.quoted);
      }
    }
  });

  it('gives the same for any text: chrome lines, short lines, figures, odd spacing and punctuation', () => {
    const piece = fc.constantFrom('. ', '.\n', '\n\n', '\r\n', ' Mr. ', '? ', '。', '” ', '“', '"', '“Talks went on. ', 'They ended.” ', '"It rained. ', 'It stopped." ', 'U.S. ', "don't ", 'e-mail ', '2,600 ', '  ', '\u00a0', 'word ', 'Word', 'Follow us on Twitter', '\n\nFollow us on Twitter\n\n');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.array(fc.nat(30), { maxLength: 8 }), (pieces, asked) => {
        const text = pieces.join('');
        const count = segment(text).sentences.length;
        const sentences = [...new Set(asked.filter((s) => s < count))].sort((a, b) => a - b);
        const held = heldAnswer(text, sentences);
        const read = gatherArticle(text, sentences);
        expect(held.segmentation).toEqual(read.segmentation);
        expect(held.quoted).toEqual(read.quoted);
      }),
      { numRuns: 400 },
    );
  });
});
