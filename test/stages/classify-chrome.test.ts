import { describe, expect, it } from 'vitest';
import type { LineRecord } from '../../src/stages/detect-chrome.js';
import type { Occurrence } from '../../src/stages/assemble.js';
import { ChromeTally, classifyChrome } from '../../src/stages/classify-chrome.js';
import { packSegmentation, segment } from '../../src/stages/segment.js';

const SHORT = 7;
const line = (paragraph: number, start: number, extra: Partial<LineRecord> = {}): LineRecord => ({ paragraph, list: undefined, inside: false, short: true, hash: SHORT, template: 0, words: 2, start, end: start + 10, ...extra });

describe('classifyChrome', () => {
  const base = {
    articleCount: 3,
    sentenceBase: [0, 2, 4, 6],
    occurrences: [[], [], []] as (readonly Occurrence[])[],
    inBlock: new Set<number>(),
    furniture: [],
    templateFrequency: () => ({ articles: 0, of: 0, manyWordings: false }),
    segmentationOf: () => undefined,
  };

  it('marks a short line that stands in enough articles, and list chrome wherever it stands', () => {
    const lines = [[line(1, 20)], [line(1, 10), line(2, 40, { list: 'built-in list', short: false, hash: 0 })], []];
    const marks = classifyChrome({ ...base, lines: (article) => lines[article] ?? [], shortLineFrequency: (hash) => (hash === SHORT ? 2 : 0) }, 2);
    expect(marks.map((article) => article.map((mark) => [mark.paragraph, mark.reason]))).toEqual([[[1, 'repeated short line']], [[1, 'repeated short line'], [2, 'built-in list']], []]);
    const fewer = classifyChrome({ ...base, lines: (article) => lines[article] ?? [], shortLineFrequency: () => 1 }, 2);
    expect(fewer.map((article) => article.length)).toEqual([0, 1, 0]);
  });

  it('keeps a short line that heads a block, or holds a sentence of one', () => {
    const text = 'A title\n\nPort history\n\nThe port was built in 1880 and grew.';
    const segmentation = packSegmentation(segment(text));
    const heading: Occurrence = { block: 0, sentences: [2], clusters: 1, heading: { start: 9, end: 21 }, start: 9, end: text.length, words: 10 };
    const lines = [[line(1, 9), line(2, 23)]];
    const corpus = { ...base, articleCount: 1, lines: (article: number) => lines[article] ?? [], shortLineFrequency: () => 5, segmentationOf: () => segmentation };
    expect(classifyChrome({ ...corpus, occurrences: [[heading]], inBlock: new Set([2]) }, 2)[0]).toEqual([]);
    expect(classifyChrome({ ...corpus, occurrences: [[{ ...heading, heading: undefined }]], inBlock: new Set([2]) }, 2)[0]?.map((mark) => mark.paragraph)).toEqual([1]);
  });

  it('never takes an article’s first line, its title, for chrome by frequency', () => {
    const lines = [[line(0, 0)], [line(0, 0)], [line(0, 0)]];
    const marks = classifyChrome({ ...base, lines: (article) => lines[article] ?? [], shortLineFrequency: () => 3 }, 2);
    expect(marks.map((article) => article.length)).toEqual([0, 0, 0]);
  });
});

describe('ChromeTally', () => {
  it('counts each line once an article, most articles first, with the reason of its mark', () => {
    const tally = new ChromeTally();
    const mark = { paragraph: 0, words: 2, start: 0, end: 10 };
    tally.add(['Share this', 'share this!'], [{ ...mark, reason: 'built-in list' }, { ...mark, reason: 'built-in list' }]);
    tally.add(['Share this', 'Back to top'], [{ ...mark, reason: 'built-in list' }, { ...mark, reason: 'repeated short line' }]);
    expect(tally.lines()).toEqual([
      { text: 'Share this', reason: 'built-in list', articles: 2 },
      { text: 'Back to top', reason: 'repeated short line', articles: 1 },
    ]);
  });
});

describe('separateFurniture, through a whole run', () => {
  it('renumbers the blocks of articles that hold no furniture once a furniture block leaves', async () => {
    const { dedupe } = await import('../../src/pipeline.js');
    const { syntheticText } = await import('../../bench/synthetic.js');
    const { random } = await import('../../bench/generate.js');
    const text = syntheticText();
    const rand = random(12);
    const own = () => Array.from({ length: 4 }, () => text.sentence(rand)).join(' ');
    const furniture = 'Follow the Harbour Ledger on every platform for updates, alerts and the morning briefing.';
    const background = `${text.sentence(rand)} ${text.sentence(rand)}`;
    // Twenty articles end with the outlet's furniture line (its block comes first); two others share a background.
    const articles = [
      ...Array.from({ length: 20 }, (_, i) => ({ path: `a${String(i).padStart(2, '0')}.txt`, text: `${own()}\n\n${own()}\n\n${furniture}\n` })),
      { path: 'z1.txt', text: `${own()}\n\n${background}\n\n${own()}\n` },
      { path: 'z2.txt', text: `${own()}\n\n${background}\n\n${own()}\n` },
    ];
    const result = await dedupe(articles);
    const rows = result.report.articles.filter((article) => article.path.startsWith('z'));
    expect(rows.map((row) => row.sharedWords > 0)).toEqual([true, true]);
    expect(result.report.articles[0]!.chromeWords).toBeGreaterThan(0);
    // Every article's blocks name it as a holder, and the background's block is the two articles'.
    for (const article of result.report.articles) {
      for (const id of article.blocks) expect(result.report.blocks.find((block) => block.id === id)?.articles).toContain(article.path);
    }
    const block = result.report.blocks.find((candidate) => candidate.id === rows[0]!.blocks[0]);
    expect(block?.articles).toEqual(['z1.txt', 'z2.txt']);
    for (const cleaned of result.cleaned.filter((article) => article.path.startsWith('z'))) expect(cleaned.text).toContain(`[shared block ${block?.id}`);
  });
});
