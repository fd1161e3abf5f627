import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { articlesOfSentences, candidateFinder, openAlike } from '../../src/stages/match.js';
import { RepeatIndex } from '../../src/stages/count.js';
import { fingerprint } from '../../src/stages/fingerprint.js';
import { segment } from '../../src/stages/segment.js';
import { DEFAULTS } from '../../src/options.js';
import { matchInMemory, verifyInMemory } from './match-in-memory.js';
import { hashedWords } from '../../src/stages/fingerprint.js';
import { normalizeWord } from '../../src/text/normalize.js';

/** The matching stage on texts in memory (see `matchInMemory`): the matches, and the articles fetched. */
async function matchTexts(...texts: string[]) {
  const { matches, fetched } = await matchInMemory(texts);
  return { ...matches, fetched };
}

const PLAIN = 'Pakistan’s bilateral relations with Afghanistan have come under strain in recent times as the Tehreek-i-Taliban Pakistan (TTP) remains the main point of contention between the two countries.';
const EDITED = 'Pakistan’s bilateral relations with Afghanistan have come under strain in recent times as the banned terrorist Tehreek-i-Taliban Pakistan (TTP) group remains the main point of contention between the two countries.';

describe('match', () => {
  it('puts a lightly edited sentence in the same cluster', async () => {
    const { cluster } = await matchTexts(PLAIN, EDITED);
    expect(cluster[1]).toBe(cluster[0]);
  });

  it('tells sentences of the same text by one entry of sameText, and an edited copy by its own', async () => {
    const { cluster, sameText } = await matchTexts(PLAIN, EDITED, PLAIN, `Officials met on Monday. ${PLAIN}`);
    // One cluster: the plain copies, the edited one and the copy after another sentence.
    expect(new Set([cluster[0], cluster[1], cluster[2], cluster[4]]).size).toBe(1);
    expect(sameText?.[2]).toBe(sameText?.[0]);
    expect(sameText?.[4]).toBe(sameText?.[0]);
    expect(sameText?.[1]).not.toBe(sameText?.[0]);
  });

  it('keeps the two paraphrased "bombed Khost province" sentences apart', async () => {
    const { cluster } = await matchTexts(
      'In a post on social media platform X, he said that Pakistan had “bombed” Khost province and carried out air strikes in Kunar and Paktika provinces.',
      'In a post on X, Afghan Taliban Spokesperson wrote Pakistan had “bombed” Afghanistan\'s Khost province and carried out air strikes in Kunar and Paktika.',
    );
    expect(cluster[1]).not.toBe(cluster[0]);
  });

  it('splits an inline heading off the front of the matched sentence', async () => {
    const inline = `He said so today. Pak-Afghan relations ${PLAIN}`;
    const { cluster, bodyStart } = await matchTexts(inline, EDITED);
    expect(cluster[2]).toBe(cluster[1]);
    expect(inline.slice(bodyStart[1])).toBe(PLAIN);
    expect(bodyStart[2]).toBe(-1);
  });

  it('splits the inline heading off each copy of one text paired with the same sentence, where each copy stands', async () => {
    // Two copies of one text, each paired with the edited sentence (and not with each other): the
    // pair of texts is verified once, and each copy told its own body start.
    const first = `He said so today. Pak-Afghan relations ${PLAIN}`;
    const second = `Officials met in Kabul on Monday to talk trade. Pak-Afghan relations ${PLAIN}`;
    const { matches } = await verifyInMemory([EDITED, first, second], [0, 1, 3, 5], { pairs: Int32Array.from([2, 0, 4, 0]), neighbours: new Uint8Array(2) });
    expect(matches.cluster[2]).toBe(matches.cluster[0]);
    expect(matches.cluster[4]).toBe(matches.cluster[0]);
    expect(first.slice(matches.bodyStart[2])).toBe(PLAIN);
    expect(second.slice(matches.bodyStart[4])).toBe(PLAIN);
  });

  it('moves both sides’ body starts to where the second pair of the same two texts stands', async () => {
    // Two pairs of the same two wordings, each opening with the same dateline: split off on both sides of both pairs.
    const y = 'KARACHI: The Sindh cabinet on Tuesday approved a new disaster management policy for the province.';
    const x = 'KARACHI: Sindh’s cabinet on Tuesday approved a new disaster management policy for the flood-hit province.';
    const texts = [y, `Officials met on Monday. ${y}`, x, `The meeting ran late into the night. ${x}`];
    const { matches } = await verifyInMemory(texts, [0, 1, 3, 4, 6], { pairs: Int32Array.from([3, 0, 5, 2]), neighbours: new Uint8Array(2) });
    expect(texts[1]!.slice(matches.bodyStart[2])).toBe(y.slice('KARACHI: '.length));
    expect(texts[3]!.slice(matches.bodyStart[5])).toBe(x.slice('KARACHI: '.length));
  });

  it('verifies a pair of texts again when it stands elsewhere: a light edit beside a copy is one sentence, alone it is not', async () => {
    const ended = 'Talks in Doha ended on Monday with no deal at all.';
    const collapsed = 'Talks in Doha collapsed on Monday with no agreement at all.';
    // The first copy of `collapsed` stands where a verbatim copy's neighbour does; the second alone.
    const { matches } = await verifyInMemory([ended, `Envoys met. ${collapsed}`, `Envoys left. ${collapsed}`], [0, 1, 3, 5], { pairs: Int32Array.from([2, 0, 4, 0]), neighbours: Uint8Array.from([1, 0]) });
    expect(matches.cluster[2]).toBe(matches.cluster[0]);
    expect(matches.cluster[4]).not.toBe(matches.cluster[0]);
  });

  it('does not match sentences within one article', async () => {
    const { cluster } = await matchTexts(`${PLAIN} ${PLAIN}`);
    expect(cluster[1]).toBe(1);
  });

  it('keeps two sentences alike but for a place apart when an earlier article holds both', async () => {
    const quetta = 'The explosion killed 12 people near the main bus terminal in Quetta on Monday, police said.';
    const peshawar = quetta.replace('Quetta', 'Peshawar');
    const { cluster } = await matchTexts(`${quetta} ${peshawar}`, `Officials met on Tuesday. ${quetta} ${peshawar}`, `The governor visited the injured. ${peshawar}`);
    // Article 0 holds sentences 0 and 1; article 1 holds 2 (its own), 3 and 4; article 2 holds 5 and 6.
    expect(cluster[3]).toBe(cluster[0]);
    expect(cluster[4]).toBe(cluster[1]);
    expect(cluster[6]).toBe(cluster[1]);
    expect(cluster[1]).not.toBe(cluster[0]);
  });

  it('keeps them apart when a later article holds both and the earlier one only one of them', async () => {
    const quetta = 'The explosion killed 12 people near the main bus terminal in Quetta on Monday, police said.';
    const peshawar = quetta.replace('Quetta', 'Peshawar');
    const { cluster } = await matchTexts(quetta, `Officials met on Tuesday. ${quetta} The city was calm. ${peshawar}`);
    // Article 1 holds sentences 1 (its own), 2, 3 (its own) and 4.
    expect(cluster[2]).toBe(cluster[0]);
    expect(cluster[4]).not.toBe(cluster[0]);
  });

  it('still takes a later sentence for an edited copy when the earlier article holds only one of the two', async () => {
    const quetta = 'The explosion killed 12 people near the main bus terminal in Quetta on Monday, police said.';
    const { cluster } = await matchTexts(quetta, `Officials met on Tuesday. ${quetta.replace('main bus terminal', 'central bus terminal')}`);
    expect(cluster[2]).toBe(cluster[0]);
  });

  it('does not take a sentence that names another place for a copy, even with no other candidate', async () => {
    const quetta = 'The explosion killed 12 people near the main bus terminal in Quetta on Monday, police said.';
    const { cluster } = await matchTexts(quetta, `Officials met on Tuesday. ${quetta.replace('Quetta', 'Peshawar')}`);
    expect(cluster[2]).not.toBe(cluster[0]);
  });

  it('does not join two copies that each name another place than their candidate, though their new figure is the same', async () => {
    const sentence = (city: string, count: number) => `Doctors said hospitals in ${city} had received ${count} patients with breathing problems since the start of the month.`;
    const { cluster } = await matchTexts(sentence('Karachi', 300), sentence('Quetta', 500), sentence('Peshawar', 500));
    expect(cluster[2]).not.toBe(cluster[1]);
    expect(cluster[1]).not.toBe(cluster[0]);
  });

  it('joins three copies into one cluster whichever article comes first', async () => {
    const { cluster } = await matchTexts(EDITED, PLAIN, `Earlier. ${EDITED}`);
    expect(new Set([cluster[0], cluster[1], cluster[3]]).size).toBe(1);
  });

  it('fetches the texts of only the articles that hold a candidate', async () => {
    const { cluster, fetched } = await matchTexts(PLAIN, 'An unrelated report about the weather in the north of the country today.', EDITED);
    expect(cluster[2]).toBe(cluster[0]);
    expect(fetched).toEqual([0, 2]);
  });
});

/** A sentence's words as its shingles are made of them. */
function normalisedWords(text: string): string[] {
  const words = hashedWords(text);
  return Array.from({ length: words.count }, (_, i) => normalizeWord(text.slice(words.starts[i], words.ends[i])));
}

describe('candidateFinder', () => {
  // Sentences to build articles of: some alike but for a word or two, so that sketches half agree.
  const pool = [
    'The ferry service between the two islands was suspended on Friday after the storm damaged the northern pier.',
    'The ferry service between the two islands was halted on Friday after the storm damaged the northern pier.',
    'Repairs to the pier are expected to take at least three weeks, the harbour authority said in a statement.',
    'Repairs to the pier are expected to take no less than three weeks, the harbour authority said.',
    'Residents of the smaller island have been told to stock up on fuel and food while the crossing is closed.',
    'The authority said a temporary landing stage would be built at the southern end of the harbour.',
    'Fishing boats stayed in port for a second day as the wind kept blowing from the north-east.',
    'Schools on the island will stay open, the education office said.',
    'He said so.',
  ];
  const articles = fc.array(fc.array(fc.nat({ max: pool.length - 1 }), { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 12 });

  it('finds, counting articles in order, the candidates a settled count gives', () => {
    fc.assert(
      fc.property(articles, (picks) => {
        const texts = picks.map((sentences, n) => [`Article ${n} has its own opening line, told in words no other article uses here.`, ...sentences.map((i) => pool[i]!)].join('\n\n'));
        const records = texts.map((text) => fingerprint(text, segment(text), DEFAULTS));
        const sentenceBase = [0];
        for (const record of records) sentenceBase.push(sentenceBase[sentenceBase.length - 1]! + record.offsets.length - 1);
        const settled = new RepeatIndex(1000);
        const inOrder = new RepeatIndex(1000);
        for (const record of records) {
          settled.mark(record.hashes);
          inOrder.mark(record.hashes);
        }
        records.forEach((record, article) => settled.count(article, record));
        // The oracle: every fingerprint's first holder looked up once the whole corpus is counted.
        const fromSettled = candidateFinder(articlesOfSentences(texts.length, sentenceBase), (article) => records[article]!, sentenceBase);
        records.forEach((record, article) => fromSettled.add(article, Int32Array.from(record.hashes, (hash) => settled.table.firstHolder(hash, sentenceBase))));
        const expected = fromSettled.pairs();
        const finder = candidateFinder(articlesOfSentences(texts.length, sentenceBase), (article) => records[article]!, sentenceBase);
        const holders = { out: new Int32Array(1000), sentenceBase };
        records.forEach((record, article) => {
          inOrder.count(article, record, holders);
          finder.add(article, holders.out);
        });
        const found = finder.pairs();
        expect(Array.from(found.pairs)).toEqual(Array.from(expected.pairs));
        expect(Array.from(found.neighbours)).toEqual(Array.from(expected.neighbours));
        return true;
      }),
      { numRuns: 200 },
    );
  });

  it('pairs a later copy with the first article that holds it, not a later one', () => {
    const copy = pool[0]!;
    const texts = [`Storm warnings went out across the coast overnight.\n\n${copy}`, `Tourists were stranded at the airport for hours.\n\n${copy}`, `The mayor visited the harbour on Sunday morning.\n\n${copy}`];
    const records = texts.map((text) => fingerprint(text, segment(text), DEFAULTS));
    const sentenceBase = [0, 2, 4, 6];
    const index = new RepeatIndex(1000);
    for (const record of records) index.mark(record.hashes);
    const finder = candidateFinder(articlesOfSentences(texts.length, sentenceBase), (article) => records[article]!, sentenceBase);
    const holders = { out: new Int32Array(100), sentenceBase };
    records.forEach((record, article) => {
      index.count(article, record, holders);
      finder.add(article, holders.out);
    });
    // Sentence 1 (the first copy) is the candidate of sentences 3 and 5; nothing else pairs.
    expect(Array.from(finder.pairs().pairs)).toEqual([3, 1, 5, 1]);
  });
});

describe('openAlike', () => {
  it('says two sentences open alike only when their first words are the same words', () => {
    expect(openAlike(PLAIN, EDITED, 5)).toBe(true);
    expect(openAlike('Pak-Afghan relations ' + PLAIN, PLAIN, 5)).toBe(false);
    // A connector decides where a word ends: "state" and "state-run" are other words.
    expect(openAlike('The state-run firm said on Monday', 'The state run firm said on Monday', 3)).toBe(false);
    expect(openAlike('One two three', 'One two three four', 3)).toBe(false);
  });

  it('never disagrees with the words a shingle is made of', () => {
    const word = fc.constantFrom('the', 'state', 'run', "state's", 'U.S.', 'well-known', 'firm', '2024', '-', '—', 'said');
    const sentence = fc.array(word, { minLength: 1, maxLength: 9 }).map((words) => words.join(' '));
    const joiner = fc.constantFrom(' ', '-', '.', "'", '');
    fc.assert(
      fc.property(sentence, sentence, joiner, sentence, fc.integer({ min: 1, max: 5 }), (opening, restA, glue, restB, count) => {
        const a = opening + glue + restA;
        const b = opening + ' ' + restB;
        if (!openAlike(a, b, count)) return;
        const wordsA = normalisedWords(a).slice(0, count);
        const wordsB = normalisedWords(b).slice(0, count);
        expect(wordsA).toEqual(wordsB);
        expect(wordsA).toHaveLength(count);
      }),
    );
  });
});

