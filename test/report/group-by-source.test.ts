import { describe, expect, it } from 'vitest';
import { dedupe } from '../../src/pipeline.js';
import { groupBySource, NO_SOURCE } from '../../src/report/group-by-source.js';

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
