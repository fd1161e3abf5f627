/**
 * The matching stage on texts in memory, as the pipeline runs it: fingerprint and mark them, count
 * them in order while finding each article's candidates, then fetch, verify and cluster, with the
 * requested sentences fetched from memory and pairs verified in this thread.
 */
import { RepeatIndex } from '../../src/stages/count.js';
import { fingerprint } from '../../src/stages/fingerprint.js';
import { articlesOfSentences, candidateFinder, verifyBatch, verifyCandidates } from '../../src/stages/match.js';
import { segment } from '../../src/stages/segment.js';
import { gatherArticle } from '../../src/shard.js';
import { DEFAULTS } from '../../src/options.js';

export async function matchInMemory(texts: readonly string[]) {
  const records = texts.map((text) => fingerprint(text, segment(text), DEFAULTS));
  const sentenceBase = [0];
  for (const record of records) sentenceBase.push(sentenceBase[sentenceBase.length - 1]! + record.offsets.length - 1);
  const index = new RepeatIndex(1000);
  for (const record of records) index.mark(record.hashes);
  const articleOf = articlesOfSentences(texts.length, sentenceBase);
  const finder = candidateFinder(articleOf, (article) => records[article]!, sentenceBase);
  records.forEach((record, article) => {
    const holders = { out: new Int32Array(record.hashes.length), sentenceBase };
    index.count(article, record, holders);
    finder.add(article, holders.out);
  });
  return { ...(await verifyInMemory(texts, sentenceBase, finder.pairs())), sentenceBase };
}

/** Verifies and clusters the candidate pairs given (global sentence ids of `texts`, whose first sentences are `sentenceBase`), as the pipeline does. */
export async function verifyInMemory(texts: readonly string[], sentenceBase: readonly number[], candidates: { pairs: Int32Array; neighbours: Uint8Array }) {
  const articleOf = articlesOfSentences(texts.length, sentenceBase);
  // The articles fetched, in the order asked for.
  const fetched: number[] = [];
  const result = await verifyCandidates(
    { articleCount: texts.length, sentenceBase, articleOf, ...candidates },
    {
      fetch: async (requests) => {
        fetched.push(...requests.map((request) => request.article));
        return new Map(requests.map((request) => [request.article, gatherArticle(texts[request.article]!, request.sentences)]));
      },
      verify: async (batches, pairsOf, take) => {
        for (const batch of batches) take(batch, verifyBatch(pairsOf(batch), DEFAULTS));
      },
    },
  );
  return { ...result, fetched };
}
