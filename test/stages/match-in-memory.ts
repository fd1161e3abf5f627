/**
 * The matching stage on texts in memory, as the pipeline runs it: fingerprint and count them, then
 * match, with the requested sentences fetched from memory and pairs verified in this thread.
 */
import { RepeatIndex } from '../../src/stages/count.js';
import { fingerprint } from '../../src/stages/fingerprint.js';
import { match, verifyBatch } from '../../src/stages/match.js';
import { segment } from '../../src/stages/segment.js';
import { gatherArticle } from '../../src/shard.js';
import { DEFAULTS } from '../../src/options.js';

export async function matchInMemory(texts: readonly string[]) {
  const records = texts.map((text) => fingerprint(text, segment(text), DEFAULTS));
  const sentenceBase = [0];
  for (const record of records) sentenceBase.push(sentenceBase[sentenceBase.length - 1]! + record.offsets.length - 1);
  const index = new RepeatIndex(1000);
  for (const record of records) index.mark(record.hashes);
  records.forEach((record, article) => index.count(article, record));
  // The articles fetched, in the order asked for.
  const fetched: number[] = [];
  const result = await match(
    { articleCount: texts.length, sentenceBase, records: (article) => records[article]!, counts: index.table },
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
  return { ...result, sentenceBase, fetched };
}
