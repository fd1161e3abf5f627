import { describe, expect, it } from 'vitest';
import { RepeatIndex } from '../../src/stages/count.js';
import { fingerprint } from '../../src/stages/fingerprint.js';
import { cluster, findCandidates, lastAtOrBelow, verifyPair } from '../../src/stages/match.js';
import { segment } from '../../src/stages/segment.js';
import { DEFAULTS } from '../../src/options.js';

/** Fingerprint, count, candidates, verify and cluster, as the pipeline runs them, on texts in memory. */
function matchTexts(...texts: string[]) {
  const articles = texts.map((text) => {
    const segmentation = segment(text);
    return { text, segmentation, fingerprints: fingerprint(text, segmentation, DEFAULTS) };
  });
  const sentenceBase = [0];
  for (const article of articles) sentenceBase.push(sentenceBase[sentenceBase.length - 1]! + article.segmentation.sentences.length);
  const index = new RepeatIndex(1000);
  for (const article of articles) index.mark(article.fingerprints.hashes);
  const pairs = findCandidates(articles.length, (a) => articles[a]!.fingerprints, sentenceBase, index);
  const sentenceText = (id: number) => {
    const a = lastAtOrBelow(articles.length, (i) => sentenceBase[i]!, id);
    const sentence = articles[a]!.segmentation.sentences[id - sentenceBase[a]!]!;
    return { start: sentence.start, text: articles[a]!.text.slice(sentence.start, sentence.end) };
  };
  const verdicts = [];
  for (let p = 0; p < pairs.length; p += 2) verdicts.push(verifyPair(sentenceText(pairs[p]!), sentenceText(pairs[p + 1]!), DEFAULTS));
  return cluster(sentenceBase, articles.length, pairs, verdicts);
}

const PLAIN = 'Pakistan’s bilateral relations with Afghanistan have come under strain in recent times as the Tehreek-i-Taliban Pakistan (TTP) remains the main point of contention between the two countries.';
const EDITED = 'Pakistan’s bilateral relations with Afghanistan have come under strain in recent times as the banned terrorist Tehreek-i-Taliban Pakistan (TTP) group remains the main point of contention between the two countries.';

describe('match', () => {
  it('puts a lightly edited sentence in the same cluster', () => {
    const { cluster } = matchTexts(PLAIN, EDITED);
    expect(cluster[1]).toBe(cluster[0]);
  });

  it('keeps the two paraphrased "bombed Khost province" sentences apart', () => {
    const { cluster } = matchTexts(
      'In a post on social media platform X, he said that Pakistan had “bombed” Khost province and carried out air strikes in Kunar and Paktika provinces.',
      'In a post on X, Afghan Taliban Spokesperson wrote Pakistan had “bombed” Afghanistan\'s Khost province and carried out air strikes in Kunar and Paktika.',
    );
    expect(cluster[1]).not.toBe(cluster[0]);
  });

  it('splits an inline heading off the front of the matched sentence', () => {
    const inline = `He said so today. Pak-Afghan relations ${PLAIN}`;
    const { cluster, bodyStart } = matchTexts(inline, EDITED);
    expect(cluster[2]).toBe(cluster[1]);
    expect(inline.slice(bodyStart[1])).toBe(PLAIN);
    expect(bodyStart[2]).toBe(-1);
  });

  it('does not match sentences within one article', () => {
    const { cluster } = matchTexts(`${PLAIN} ${PLAIN}`);
    expect(cluster[1]).toBe(1);
  });

  it('joins three copies into one cluster whichever article comes first', () => {
    const { cluster } = matchTexts(EDITED, PLAIN, `Earlier. ${EDITED}`);
    expect(new Set([cluster[0], cluster[1], cluster[3]]).size).toBe(1);
  });
});
