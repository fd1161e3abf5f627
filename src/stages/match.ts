import type { RepeatIndex } from './count.js';
import { dice } from '../lib/dice.js';
import { normalizeForComparison } from '../text/normalize.js';
import { tokenize } from '../text/tokenize.js';

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

/** One article's fingerprint records, as the fingerprint step emitted them. */
export interface FingerprintRecords {
  /** Sentence `i`'s fingerprints are `hashes[offsets[i] .. offsets[i + 1])`. */
  readonly offsets: Uint32Array;
  readonly hashes: Uint32Array;
}

const MAX_CANDIDATES = 3;
/** Share of a sentence's sketch that a candidate must hold: 3 of 8. */
const MIN_VOTE_SHARE = 0.375;
/** Sketch entries a verbatim copy needs before its neighbours are paired too (about six words). */
const MIN_SEED_SKETCH = 4;

/**
 * Candidate pairs: for every sentence, the earlier sentences in other articles that hold most of
 * its fingerprints (first holders in the index), three at most. No step compares all pairs.
 *
 * Seed and extend: in a large corpus most shingles are common phrases whose first holders are
 * unrelated sentences, so a lightly edited copy may win too few votes. But a block is copied as a
 * run, so when a sentence is a verbatim copy of `h` (its whole-sentence fingerprint), its
 * neighbours are paired with `h`'s neighbours as well, when they share at least one sketch entry,
 * for verification to accept or reject.
 *
 * Articles must come in order: `records(a)` is article `a`'s records and `sentenceBase[a]` its
 * first global sentence id. Returns flat pairs `(sentence, candidate)`, in sentence order.
 */
export function findCandidates(
  articleCount: number,
  records: (article: number) => FingerprintRecords,
  sentenceBase: ArrayLike<number>,
  index: RepeatIndex,
): Int32Array {
  const pairs: number[] = [];
  // Votes of one sentence's fingerprints, per holder: a sketch is a few entries, so arrays beat a map.
  const voteHolders: number[] = [];
  const voteCounts: number[] = [];
  const articleOf = (id: number): number => lastAtOrBelow(articleCount, (a) => sentenceBase[a] ?? 0, id);
  // Whether two sentences (global ids, with their articles) share a sketch entry: an edited copy
  // shares most of its sketch, unrelated neighbours almost never one. Sketches are ascending.
  const shareSketch = (articleA: number, idA: number, articleB: number, idB: number): boolean => {
    const a = records(articleA);
    const b = records(articleB);
    const sA = idA - (sentenceBase[articleA] ?? 0);
    const sB = idB - (sentenceBase[articleB] ?? 0);
    if (sA < 0 || sB < 0 || sA + 1 >= a.offsets.length || sB + 1 >= b.offsets.length) return false;
    // The last entry of each is the whole-sentence hash, not part of the sketch.
    let i = a.offsets[sA] ?? 0;
    const endA = (a.offsets[sA + 1] ?? 0) - 1;
    let j = b.offsets[sB] ?? 0;
    const endB = (b.offsets[sB + 1] ?? 0) - 1;
    while (i < endA && j < endB) {
      const x = a.hashes[i] ?? 0;
      const y = b.hashes[j] ?? 0;
      if (x === y) return true;
      if (x < y) i += 1;
      else j += 1;
    }
    return false;
  };
  for (let article = 0; article < articleCount; article += 1) {
    const { offsets, hashes } = records(article);
    const base = sentenceBase[article] ?? 0;
    let previous: number[] = [];
    let previousSeed = -1;
    for (let s = 0; s + 1 < offsets.length; s += 1) {
      const id = base + s;
      const from = offsets[s] ?? 0;
      const to = offsets[s + 1] ?? 0;
      const chosen: number[] = [];
      let seed = -1;
      let voters = 0;
      for (let h = from; h < to; h += 1) {
        const holder = index.holderFor(hashes[h] ?? 0, article, id);
        // A holder in this same article is this article's own repeat, not a shared sentence.
        if (holder < 0 || holder >= base) continue;
        // The last fingerprint is the whole sentence's: its first holder is a verbatim copy.
        if (h === to - 1 && to - from - 1 >= MIN_SEED_SKETCH) seed = holder;
        let at = 0;
        while (at < voters && voteHolders[at] !== holder) at += 1;
        if (at === voters) {
          voteHolders[at] = holder;
          voteCounts[at] = 0;
          voters += 1;
        }
        voteCounts[at] = (voteCounts[at] ?? 0) + (h === to - 1 ? to - from : 1);
      }
      // A sentence shares a common phrase or two with many others; a copy shares most of its sketch.
      // The best-voted holders first (ties: the earliest), at most MAX_CANDIDATES of them.
      const minVotes = Math.max(1, Math.ceil((to - from - 1) * MIN_VOTE_SHARE));
      while (voters > 0 && chosen.length < MAX_CANDIDATES) {
        let best = -1;
        for (let at = 0; at < voters; at += 1) {
          const count = voteCounts[at] ?? 0;
          if (count < minVotes) continue;
          if (best < 0 || count > (voteCounts[best] ?? 0) || (count === voteCounts[best] && (voteHolders[at] ?? 0) < (voteHolders[best] ?? 0))) best = at;
        }
        if (best < 0) break;
        chosen.push(voteHolders[best] ?? 0);
        voteCounts[best] = -1;
      }
      // Extend forward: the sentence after a verbatim copy of `h`, against the one after `h`.
      if (previousSeed >= 0 && to > from) {
        const next = previousSeed + 1;
        const holderArticle = articleOf(previousSeed);
        if (!chosen.includes(next) && articleOf(next) === holderArticle && shareSketch(article, id, holderArticle, next)) chosen.push(next);
      }
      // Extend backward: the sentence before a verbatim copy of `h`, against the one before `h`.
      if (seed >= 0 && s > 0) {
        const before = seed - 1;
        const holderArticle = articleOf(seed);
        if (!previous.includes(before) && articleOf(before) === holderArticle && shareSketch(article, id - 1, holderArticle, before)) pairs.push(id - 1, before);
      }
      for (const candidate of chosen) pairs.push(id, candidate);
      previous = chosen;
      previousSeed = seed;
    }
  }
  return Int32Array.from(pairs);
}

/** The last index `i` in `[0, count)` whose `startOf(i) <= value` (0 when none), for ascending starts: which range holds `value`. */
export function lastAtOrBelow(count: number, startOf: (i: number) => number, value: number): number {
  let low = 0;
  let high = count - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (startOf(middle) <= value) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** More characters than an inline heading of `maxHeadingWords` words has, in practice. */
const LEAD_CHARS = 120;

/** A sentence's text with where it starts in its article. */
export interface SentenceText {
  readonly start: number;
  readonly text: string;
}

/** What verifying a candidate pair found. */
export interface Verdict {
  readonly same: boolean;
  /** Where each sentence's matched body starts when a lead (an inline heading) was split off, else -1. */
  readonly bodyA: number;
  readonly bodyB: number;
}

/**
 * Verifies a candidate pair with the Dice coefficient of their normalised texts. An inline heading
 * glued to the first sentence of a block ("Pak-Afghan relations Pakistan’s bilateral relations …")
 * lowers the score, so the two are also aligned on their first shared shingle: if one has a short
 * unmatched lead and the rest scores at least the threshold, the lead is split off.
 */
export function verifyPair(
  a: SentenceText,
  b: SentenceText,
  settings: { readonly similarity: number; readonly shingleSize: number; readonly maxHeadingWords: number },
): Verdict {
  // Most candidates are verbatim copies: no need to normalise them to see it.
  if (a.text === b.text) return { same: true, bodyA: -1, bodyB: -1 };
  const textA = normalizeForComparison(a.text);
  const textB = normalizeForComparison(b.text);
  if (textA === textB) return { same: true, bodyA: -1, bodyB: -1 };
  // Dice is at most 2·min/(a + b) in bigrams; with a lead of a heading's length taken off the
  // longer text, a pair this far apart in length cannot reach the threshold.
  const shorter = Math.min(textA.length, textB.length);
  const longer = Math.max(textA.length - LEAD_CHARS, textB.length - LEAD_CHARS, shorter);
  if ((2 * shorter) / (shorter + longer) < settings.similarity) return { same: false, bodyA: -1, bodyB: -1 };
  const score = dice(textA, textB);
  const lead = splitLead(a, b, score, settings);
  if (lead !== undefined) return { same: true, ...lead };
  return { same: score >= settings.similarity, bodyA: -1, bodyB: -1 };
}

function splitLead(
  a: SentenceText,
  b: SentenceText,
  score: number,
  settings: { readonly similarity: number; readonly shingleSize: number; readonly maxHeadingWords: number },
): { bodyA: number; bodyB: number } | undefined {
  const tokensA = tokenize(a.text, 0, a.text.length);
  const tokensB = tokenize(b.text, 0, b.text.length);
  const size = settings.shingleSize;
  if (tokensA.words.length < size * 2 || tokensB.words.length < size * 2) return undefined;
  const leadA = firstSharedShingle(tokensA.words, tokensB.words, size);
  const leadB = firstSharedShingle(tokensB.words, tokensA.words, size);
  if (leadA < 0 || leadB < 0 || (leadA === 0 && leadB === 0)) return undefined;
  // Both sides lead with words the other lacks: an edit near the start, not a heading, unless the
  // whole sentences are too far apart to match (two different headings).
  if (leadA > 0 && leadB > 0 && score >= settings.similarity) return undefined;
  if (leadA > settings.maxHeadingWords || leadB > settings.maxHeadingWords) return undefined;
  if (leadA * 2 > tokensA.words.length || leadB * 2 > tokensB.words.length) return undefined;
  const startA = tokensA.starts[leadA] ?? 0;
  const startB = tokensB.starts[leadB] ?? 0;
  if (dice(normalizeForComparison(a.text.slice(startA)), normalizeForComparison(b.text.slice(startB))) < Math.max(score, settings.similarity)) return undefined;
  return { bodyA: leadA > 0 ? a.start + startA : -1, bodyB: leadB > 0 ? b.start + startB : -1 };
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

/**
 * Joins verified pairs into clusters (union-find over global sentence ids). The smaller id, the
 * earlier article, stays the root, and pairs are taken in their given order, so clusters and split
 * leads do not depend on how the verification was scheduled.
 */
export function cluster(sentenceBase: ArrayLike<number>, articleCount: number, pairs: Int32Array, verdicts: readonly Verdict[]): Matches {
  const total = sentenceBase[articleCount] ?? 0;
  const articleOf = new Int32Array(total);
  for (let article = 0; article < articleCount; article += 1) articleOf.fill(article, sentenceBase[article] ?? 0, sentenceBase[article + 1] ?? 0);
  const parent = new Int32Array(total);
  for (let i = 0; i < total; i += 1) parent[i] = i;
  const bodyStart = new Int32Array(total).fill(-1);
  // A lead is split off a sentence only when most of its verified copies split it: the canonical
  // copy of a sentence that one copy trimmed at the front keeps its first words.
  const leadVotes = new Int32Array(total);
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
  verdicts.forEach((verdict, index) => {
    if (!verdict.same) return;
    const a = pairs[index * 2] ?? 0;
    const b = pairs[index * 2 + 1] ?? 0;
    for (const [id, body] of [[a, verdict.bodyA], [b, verdict.bodyB]] as const) {
      leadVotes[id] = (leadVotes[id] ?? 0) + (body >= 0 ? 1 : -1);
      if (body >= 0 && bodyStart[id] === -1) bodyStart[id] = body;
    }
    const rootA = find(a);
    const rootB = find(b);
    if (rootA < rootB) parent[rootB] = rootA;
    else if (rootB < rootA) parent[rootA] = rootB;
  });
  for (let id = 0; id < total; id += 1) if ((leadVotes[id] ?? 0) <= 0) bodyStart[id] = -1;
  const clusterOf = new Int32Array(total);
  for (let id = 0; id < total; id += 1) clusterOf[id] = find(id);
  return { cluster: clusterOf, bodyStart, articleOf };
}
