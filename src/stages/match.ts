import type { Segmentation } from '../types.js';
import type { ArticleFingerprints } from './fingerprint.js';
import type { CorpusCounts } from './count.js';
import { dice } from '../lib/dice.js';
import { normalizeForComparison } from '../text/normalize.js';
import { tokenize } from '../text/tokenize.js';

/** What the match step reads of each article. */
export interface MatchArticle {
  readonly text: string;
  readonly segmentation: Segmentation;
  readonly fingerprints: ArticleFingerprints;
}

/** Which sentences are the same sentence, verbatim or lightly edited. Indexed by global sentence id. */
export interface Matches {
  /** Cluster id of each sentence (the id of one member); a sentence with no match is its own cluster. */
  readonly cluster: Int32Array;
  /**
   * Where the matched body of a sentence starts, when an unmatched lead (an inline heading such as
   * "Pak-Afghan relations" run into the next sentence) was split off; -1 otherwise.
   */
  readonly bodyStart: Int32Array;
  /** Article index of each sentence. */
  readonly articleOf: Int32Array;
}

const MAX_CANDIDATES = 3;

/**
 * Finds, for every sentence, earlier sentences in other articles that share its fingerprints
 * (first holders in the index), verifies each with the Dice coefficient, and joins verified
 * pairs into clusters. No step compares all pairs: each sentence looks at three candidates at most.
 */
export function match(
  articles: readonly MatchArticle[],
  counts: CorpusCounts,
  settings: { readonly similarity: number; readonly shingleSize: number; readonly maxHeadingWords: number },
): Matches {
  const total = counts.sentenceBase[articles.length] ?? 0;
  const articleOf = new Int32Array(total);
  articles.forEach((_, index) => articleOf.fill(index, counts.sentenceBase[index], counts.sentenceBase[index + 1]));
  const parent = Int32Array.from({ length: total }, (_, i) => i);
  const bodyStart = new Int32Array(total).fill(-1);

  const find = (x: number): number => {
    let root = x;
    while (parent[root] !== root) root = parent[root] ?? root;
    for (let node = x; parent[node] !== root; ) {
      const next = parent[node] ?? root;
      parent[node] = root;
      node = next;
    }
    return root;
  };
  const union = (a: number, b: number): void => {
    const rootA = find(a);
    const rootB = find(b);
    // The smaller id (the earlier article) stays the root, so cluster ids do not depend on visit order.
    if (rootA < rootB) parent[rootB] = rootA;
    else if (rootB < rootA) parent[rootA] = rootB;
  };

  const locate = (id: number): { article: MatchArticle; start: number; end: number } => {
    const articleIndex = articleOf[id] ?? 0;
    const article = articles[articleIndex];
    const sentence = article?.segmentation.sentences[id - (counts.sentenceBase[articleIndex] ?? 0)];
    if (article === undefined || sentence === undefined) throw new RangeError(`no sentence ${id}`);
    const body = bodyStart[id] ?? -1;
    return { article, start: body >= 0 ? body : sentence.start, end: sentence.end };
  };
  const comparable = (id: number, from?: number): string => {
    const { article, start, end } = locate(id);
    return normalizeForComparison(article.text.slice(from ?? start, end));
  };

  const verify = (s: number, t: number): boolean => {
    const textS = comparable(s);
    const textT = comparable(t);
    if (textS === textT) return true;
    const score = dice(textS, textT);
    // Even a pair that passes may carry an inline heading on one side; split it off when found.
    const trimmed = splitLead(s, t, Math.max(score, settings.similarity));
    return trimmed || score >= settings.similarity;
  };

  // An inline heading glued to the first sentence of a block ("Pak-Afghan relations Pakistan’s
  // bilateral relations …") lowers the score. Align the two sentences on their first shared
  // shingle; if one has a short unmatched lead and the rest scores at least `minimum`, split the lead off.
  const splitLead = (s: number, t: number, minimum: number): boolean => {
    const a = locate(s);
    const b = locate(t);
    const tokensA = tokenize(a.article.text, a.start, a.end);
    const tokensB = tokenize(b.article.text, b.start, b.end);
    const size = settings.shingleSize;
    if (tokensA.words.length < size * 2 || tokensB.words.length < size * 2) return false;
    const leadA = firstSharedShingle(tokensA.words, tokensB.words, size);
    const leadB = firstSharedShingle(tokensB.words, tokensA.words, size);
    if (leadA < 0 || leadB < 0 || (leadA === 0 && leadB === 0)) return false;
    if (leadA > settings.maxHeadingWords || leadB > settings.maxHeadingWords) return false;
    if (leadA * 2 > tokensA.words.length || leadB * 2 > tokensB.words.length) return false;
    const startA = tokensA.starts[leadA] ?? a.start;
    const startB = tokensB.starts[leadB] ?? b.start;
    if (dice(comparable(s, startA), comparable(t, startB)) < minimum) return false;
    if (leadA > 0) bodyStart[s] = startA;
    if (leadB > 0) bodyStart[t] = startB;
    return true;
  };

  articles.forEach((article, articleIndex) => {
    const base = counts.sentenceBase[articleIndex] ?? 0;
    const { offsets, hashes } = article.fingerprints;
    for (let s = 0; s + 1 < offsets.length; s += 1) {
      const id = base + s;
      const votes = new Map<number, number>();
      const from = offsets[s] ?? 0;
      const to = offsets[s + 1] ?? 0;
      for (let h = from; h < to; h += 1) {
        const hash = hashes[h] ?? 0;
        if (counts.sentences.documentFrequency(hash) < 2) continue;
        const holder = counts.sentences.firstHolder(hash);
        if (holder < 0 || articleOf[holder] === articleIndex) continue;
        votes.set(holder, (votes.get(holder) ?? 0) + 1);
      }
      if (votes.size === 0) continue;
      const minVotes = to - from >= 4 ? 2 : 1;
      const candidates = [...votes]
        .filter(([, count]) => count >= minVotes)
        .sort(([idA, countA], [idB, countB]) => countB - countA || idA - idB)
        .slice(0, MAX_CANDIDATES);
      for (const [candidate] of candidates) {
        if (find(candidate) === find(id)) continue;
        if (verify(id, candidate)) union(id, candidate);
      }
    }
  });

  const cluster = new Int32Array(total);
  for (let id = 0; id < total; id += 1) cluster[id] = find(id);
  return { cluster, bodyStart, articleOf };
}

/** Index of the first shingle of `words` that also stands in `other`, or -1. */
function firstSharedShingle(words: readonly string[], other: readonly string[], size: number): number {
  const shingles = new Set<string>();
  for (let i = 0; i + size <= other.length; i += 1) shingles.add(other.slice(i, i + size).join(' '));
  for (let i = 0; i + size <= words.length; i += 1) {
    if (shingles.has(words.slice(i, i + size).join(' '))) return i;
  }
  return -1;
}
