import { describe, expect, it } from 'vitest';
import { dedupe } from '../../src/pipeline.js';
import { bySourceLines, groupBySource, NO_SOURCE } from '../../src/report/group-by-source.js';

const BACKGROUND =
  'The river authority opened the spillway gates on Monday after three days of rain upstream. ' +
  'Villages along the lower banks were told to move their cattle to higher ground before nightfall. ' +
  'Officials said the embankment near the old bridge had been repaired last spring and should hold.';

describe('groupBySource', () => {
  it('groups text files without a source by their top folder, as site furniture counts them', async () => {
    const { report } = await dedupe([
      { path: 'dawn/one.txt', text: `Flood warning issued\n\nThe mayor visited the shelters today.\n\n${BACKGROUND}\n` },
      { path: 'dawn/two.txt', text: `Rain eases\n\nSchools reopened in the east of the district.\n\n${BACKGROUND}\n` },
      { path: 'wire/three.txt', text: `Dam levels\n\nEngineers measured the reservoir at noon.\n\n${BACKGROUND}\n` },
      { path: 'loose.txt', text: 'A note at the top of the input, about the weather and nothing else at all.\n' },
      { path: 'wire/four.txt', text: 'Markets\n\nShares rose in early trading on hopes of a rate cut.\n', source: 'Agency' },
    ]);
    const grouped = groupBySource(report);
    expect(grouped.sources.map((source) => [source.source, source.articles]).sort()).toEqual([
      [NO_SOURCE, 1],
      ['Agency', 1],
      ['dawn', 2],
      ['wire', 1],
    ]);
    const block = report.blocks[0];
    expect(block?.articles).toHaveLength(3);
    expect(grouped.sharedAcross.find((entry) => entry.block === block?.id)?.sources).toEqual([
      { source: 'dawn', articles: 2 },
      { source: 'wire', articles: 1 },
    ]);
  });
});

describe('bySourceLines', () => {
  // A corpus of files in 300,000 top folders: as many sources, and a block in two of them each.
  const MANY = 300_000;
  const grouped = {
    sources: Array.from({ length: MANY }, (_, i) => ({ source: `site-${String(i).padStart(6, '0')}`, articles: 2, words: 2 * (MANY - i), sharedWords: 40, sharedPct: 10, chromeWords: 0, duplicates: 0 })),
    sharedAcross: Array.from({ length: MANY }, (_, i) => ({ block: `b${String(i).padStart(10, '0')}`, label: 'The river authority opened…', words: 40, sources: [{ source: `site-${String(i).padStart(6, '0')}`, articles: 1 }, { source: 'site-000000', articles: 1 }] })),
  };

  for (const markdown of [false, true]) {
    it(`shows the 200 largest sources and the 200 blocks in most sources of 300,000, and says every one is in --format json (${markdown ? 'Markdown' : 'table'})`, () => {
      const lines = bySourceLines(grouped, markdown);
      const text = lines.join('\n');
      expect(text).toContain('The 200 of 300000 sources with most words (every one is in --format json)');
      expect(text).toContain('the 200 of 300000 in most sources (every one is in --format json)');
      expect(text).toContain('site-000199');
      expect(text).not.toContain('site-000200 ');
      expect(text).toContain('b0000000199');
      expect(text).not.toContain('b0000000200');
      expect(lines.length).toBeLessThan(440);
    });
  }

  it('names 8 sources at most in a row of a block across sources, and counts them all', () => {
    const wide = { sources: [], sharedAcross: [{ block: 'b0000000001', label: 'The river authority opened…', words: 40, sources: Array.from({ length: 2500 }, (_, i) => ({ source: `site-${String(i).padStart(4, '0')}`, articles: 1 })) }] };
    for (const markdown of [false, true]) {
      const row = bySourceLines(wide, markdown).find((line) => line.includes('b0000000001')) ?? '';
      expect(row).toContain('2500');
      expect(row).toContain('site-0007 (1) and 2492 more');
      expect(row).not.toContain('site-0008');
      expect(row.length).toBeLessThan(300);
    }
  });

  it('shows every source and block, with no line about the rest, when there are few', async () => {
    const { report } = await dedupe([
      { path: 'dawn/one.txt', text: `Flood warning issued\n\nThe mayor visited the shelters today.\n\n${BACKGROUND}\n` },
      { path: 'wire/two.txt', text: `Dam levels\n\nEngineers measured the reservoir at noon.\n\n${BACKGROUND}\n` },
    ]);
    const text = bySourceLines(groupBySource(report), false).join('\n');
    expect(text).toMatch(/^dawn +1 /m);
    expect(text).toMatch(/^wire +1 /m);
    expect(text).toContain('Blocks shared across sources:');
    expect(text).not.toContain('every one is in --format json');
  });
});
