import { describe, expect, it } from 'vitest';
import { gatherArticle } from '../src/shard.js';
import { segment, sentenceAt } from '../src/stages/segment.js';

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
