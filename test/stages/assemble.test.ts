import { describe, expect, it } from 'vitest';
import { assemble, leadsInCopies } from '../../src/stages/assemble.js';
import type { Matches } from '../../src/stages/match.js';
import { DEFAULTS } from '../../src/options.js';
import { matchInMemory } from './match-in-memory.js';

/** Matches and assembles texts in memory, as the pipeline does; without `sameText` when asked. */
async function assembleTexts(texts: readonly string[], withoutSameText = false) {
  const { matches, articles, sentenceBase } = await matchInMemory(texts);
  const corpus = { articleCount: texts.length, matched: articles, sentenceBase, pathOf: (article: number) => `${article}.txt`, lines: () => [] };
  const { sameText: _known, ...withoutIt } = matches;
  return { matches, assembly: assemble(corpus, withoutSameText ? withoutIt : matches, DEFAULTS) };
}

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
  ].map((text) => ({ ...text, text: text.whole }));
  const matches: Matches = {
    cluster: Int32Array.from([0, 0, 0, 0]),
    bodyStart: Int32Array.from([-1, 16, -1, 11]),
    articleOf: Int32Array.from([0, 1, 2, 3]),
  };

  it('keeps whole a sentence whose lead another copy runs into the same sentence, edited or not', () => {
    expect([...leadsInCopies(matches, (id) => texts[id]!)]).toEqual([1]);
  });

  it('keeps whole a sentence that another copy holds word for word, lead and all', () => {
    const twins = [...texts.slice(0, 3), { ...texts[1]!, lead: 'harbour repairs' }];
    expect([...leadsInCopies({ ...matches, bodyStart: Int32Array.from([-1, 16, -1, 16]) }, (id) => twins[id]!)].sort()).toEqual([1, 3]);
  });

  it('keeps whole a sentence whose opening words a copy edited, one word in ten, but not a reworded opening', () => {
    const common = 'disney planned to take the mater to court over the use of the pavement';
    const edited = [
      { whole: common, lead: undefined },
      { whole: common, lead: undefined },
      // One word replaced at the start, read by verification as a lead "disney still".
      { whole: common.replace('planned', 'still'), lead: 'disney still' },
      // Three words replaced: another opening, not a light edit.
      { whole: common.replace('disney planned to', 'the studio hopes to'), lead: 'the studio hopes' },
    ].map((text) => ({ ...text, text: text.whole }));
    const split = { ...matches, bodyStart: Int32Array.from([-1, -1, 13, 17]) };
    expect([...leadsInCopies(split, (id) => edited[id]!)]).toEqual([2]);
    // A figure in the opening changed: the sentence is the article's own.
    const dated = edited.map((text, id) => (id === 2 ? { ...text, text: `On Jan 5 ${text.text}` } : { ...text, text: `On Jan 6 ${text.text}` }));
    expect([...leadsInCopies(split, (id) => dated[id]!)]).toEqual([]);
  });

  it('reads an edited opening against copies made whole by their inline heading too', () => {
    const body = 'it is the more likely to a huge fine the community said in a statement';
    const members = [
      { whole: body, lead: undefined },
      { whole: body, lead: undefined },
      { whole: `many people will ${body}`, lead: 'many people will' },
      { whole: `many people will ${body}`, lead: 'many people will' },
      // The heading run in, and "the" replaced: the lead found reaches past the edit.
      { whole: `many people will ${body.replace('the more', 'banned more')}`, lead: 'many people will it is banned' },
    ].map((text) => ({ ...text, text: text.whole }));
    const split: Matches = { cluster: new Int32Array(5), bodyStart: Int32Array.from([-1, -1, 17, 17, 30]), articleOf: Int32Array.from([0, 1, 2, 3, 4]) };
    expect([...leadsInCopies(split, (id) => members[id]!)].sort()).toEqual([2, 3, 4]);
  });
});


describe('assemble', () => {
  const background = [
    'The ferry service between the two islands was suspended on Friday after the storm damaged the northern pier.',
    'Repairs to the pier are expected to take at least three weeks, the harbour authority said in a statement.',
    'Residents of the smaller island have been told to stock up on fuel and food while the crossing is closed.',
    'The authority said a temporary landing stage would be built at the southern end of the harbour.',
  ];
  const own = (n: number) => `Article ${n} reports its own news about the islands, which no other article holds in these words.`;
  const paragraphs = (...lines: string[]) => lines.join('\n\n');
  const texts = [
    paragraphs(own(0), ...background),
    paragraphs(own(1), ...background),
    paragraphs(own(2), ...background),
    // An inline heading run into the first sentence, and another of a different length.
    paragraphs(own(3), `Harbour news ${background[0]} ${background[1]}`, ...background.slice(2)),
    paragraphs(own(4), `Island ferry latest ${background[0]} ${background[1]}`, ...background.slice(2)),
    // The background twice, the second time with a word changed; one sentence left out; one
    // sentence lightly edited.
    paragraphs(own(5), ...background, own(50), background[0]!.replace('suspended', 'halted'), ...background.slice(1)),
    paragraphs(own(6), background[0]!, background[1]!, background[3]!),
    paragraphs(own(7), background[0]!, background[1]!.replace('at least', 'no less than'), ...background.slice(2)),
  ];

  it('gives the same blocks whether or not it knows which sentences hold the same text', async () => {
    const known = await assembleTexts(texts);
    const unknown = await assembleTexts(texts, true);
    // The fast path was open: the plain copies were found to hold the canonical texts.
    expect(known.matches.sameText?.[texts.length]).toBeDefined();
    expect(known.assembly.blocks.length).toBeGreaterThan(0);
    expect(known.assembly.blocks).toEqual(unknown.assembly.blocks);
    expect(known.assembly.occurrences).toEqual(unknown.assembly.occurrences);
    // The edited and the missing sentence are variants; the plain copies are not.
    const variants = JSON.stringify(known.assembly.blocks.map((block) => block.variantWordings));
    expect(variants).toContain('no less than');
    expect(variants).toContain('halted');
    expect(variants).toContain('6.txt');
    expect(variants).not.toContain('"1.txt"');
  });

  it('reports a sentence an article holds again, edited, as a wording of that sentence of the block, at its place', async () => {
    const { assembly } = await assembleTexts(texts);
    const block = assembly.blocks.find((candidate) => candidate.variantWordings.sentences.some((sentence) => sentence.wordings.some((wording) => wording.text.includes('halted'))));
    const sentence = block?.variantWordings.sentences.find((candidate) => candidate.wordings.some((wording) => wording.text.includes('halted')));
    // Article 5's second copy of the background edits its first sentence: the variant stands at
    // that sentence, beside its canonical wording, and names article 5.
    expect(sentence?.canonical).toBe(background[0]);
    expect(sentence?.position).toBe(0);
    expect(sentence?.wordings).toContainEqual({ text: background[0]!.replace('suspended', 'halted'), articles: ['5.txt'] });
  });

  it('gives a block’s sentences in the order they were written when the first copies each lack a different one', async () => {
    // In one paragraph: article 0 lacks the second sentence, article 1 the first; the later ones hold all four in order.
    const dropped = [
      paragraphs(own(0), [background[0]!, ...background.slice(2)].join(' ')),
      paragraphs(own(1), background.slice(1).join(' ')),
      ...[2, 3, 4].map((n) => paragraphs(own(n), background.join(' '))),
    ];
    const { assembly } = await assembleTexts(dropped);
    expect(assembly.blocks.map((block) => block.canonicalText)).toEqual([`${background.join(' ')}\n`]);
  });
});
