import type { FingerprintRecords } from './count.js';
import { MIN_SEED_SKETCH, MIN_VOTE_SHARE, LIGHT_EDIT_WORDS } from '../options.js';
import type { PackedSegmentation } from './segment.js';
import type { TextSlices } from './assemble.js';
import { diceOf } from '../lib/dice.js';
import { memoize } from '../lib/memo.js';
import { UnionFind } from '../lib/union-find.js';
import { normalizeForComparison, normalizeWord } from '../text/normalize.js';
import { hashedWords, type HashedWords } from './fingerprint.js';
import { combineHash } from '../text/hash.js';
import { forEachWord, wordsApart } from '../text/words.js';
import { factsOf, sameFigures } from '../text/figures.js';
import { namesOf, namesSwapped } from '../text/names.js';
import { datelinePlace, samePlaces, storyAfterDateline, storyStart } from '../text/dateline.js';

export type { FingerprintRecords } from './count.js';

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
  /**
   * Per sentence, a sentence worded alike but for its figures (the same background sentence with
   * another day's figure), or -1: the two stand in the same place of one background.
   */
  readonly alikeBut?: Int32Array;
  /**
   * Per sentence, the least sentence it was found verbatim equal to through candidate pairs
   * (itself when none): two sentences with the same entry hold the same text. Two equal texts may
   * still have different entries (never paired as such).
   */
  readonly sameText?: Int32Array;
}

/** The sentences of one article whose texts matching needs (indices within the article, ascending). */
export interface SentenceRequest {
  readonly article: number;
  readonly sentences: readonly number[];
}

/** What fetching brings back of one article. */
export interface GatheredArticle {
  /** Its words counted only for the requested sentences and every one-sentence paragraph (0 elsewhere): what assemble reads. */
  readonly segmentation: PackedSegmentation;
  /** Per sentence, whether it starts or ends inside a quotation of its paragraph (see `quotedSentences`). */
  readonly quoted?: Uint8Array;
  /**
   * The requested sentences and every short one-sentence paragraph (a possible heading), by start;
   * or the article's whole text, when this thread holds it anyway.
   */
  readonly fragments: Fragments | string;
}

/**
 * Spans of an article's text, ascending by start, packed: span `i` starts at `starts[i]` in the
 * article and its text is `text[bounds[i], bounds[i + 1])`. One string and two arrays cost a
 * fraction of an object and a string per span to copy between threads and to keep.
 */
export interface Fragments {
  readonly text: string;
  readonly starts: Int32Array;
  readonly bounds: Int32Array;
}

/** An article that holds a verified match: its segmentation and the texts matching fetched of it. */
export interface MatchedArticle {
  readonly text: TextSlices;
  readonly segmentation: PackedSegmentation;
  /** Per sentence, whether it starts or ends inside a quotation of its paragraph (see `quotedSentences`); none when not told. */
  readonly quoted?: Uint8Array | undefined;
}

/** What the matching stage asks of its caller: the texts of sentences, and a place to verify pairs. */
export interface MatchIo {
  /**
   * Brings back the requested sentences, by article (requests come in article order). An article
   * missing from the answer (it changed since it was fingerprinted) has no texts, and its pairs are
   * not verified.
   */
  fetch(requests: readonly SentenceRequest[]): Promise<ReadonlyMap<number, GatheredArticle>>;
  /**
   * Verifies batches of pairs with {@link verifyBatch}: `batches` gives each batch as it is
   * found (its pairs' numbers), `pairsOf(b)` makes batch `b`'s pairs when it starts, and its
   * verdicts go to `take(b, verdicts)`, in any order. `batches` is read to its end.
   */
  verify(batches: Iterable<PairBatch>, pairsOf: (batch: PairBatch) => VerifyBatch, take: (batch: PairBatch, verdicts: readonly Verdict[]) => void): Promise<void>;
  /** Told when each part is done (`candidates`, `fetch`, `verify`), with a figure, e.g. to trace it. */
  readonly done?: (part: 'fetch' | 'verify', detail: string) => void;
  /**
   * The outlet of an article ('' when unknown). Two wordings from two outlets that differ by a name,
   * each standing verbatim in several places, are one sentence: a template each outlet fills with
   * its own name ("Disclaimer: Dawn is not responsible …"), which furniture must see as one (see
   * `Verdict.namesAcross`). By default, every article is of one outlet.
   */
  readonly sourceOf?: (article: number) => string;
}

/** Finds candidate pairs an article at a time (see {@link candidateFinder}). */
export interface CandidateFinder {
  /**
   * Article `article`'s candidates, from the first holders of its fingerprints (`holders[h]` for
   * `hashes[h]`) and their latest holders in earlier articles (`latest[h]`). Articles come in order.
   */
  add(article: number, holders: Int32Array, latest?: Int32Array): void;
  /** Every pair found. */
  pairs(): { pairs: Int32Array; neighbours: Uint8Array };
}

/** A batch of candidate pairs to verify, by their numbers (pair `p` is `Candidates.pairs[2p, 2p + 2)`). */
export type PairBatch = Int32Array;

/**
 * What a candidate pair's place tells its verifying, as bits: {@link NEIGHBOURS}, the two stand in
 * the same place beside a verbatim copy (the sentence after or before it, in both articles: see
 * {@link verifyItem}); {@link ACROSS_SOURCES}, the two are of different outlets, where a name
 * swapped may be their template's (see `Verdict.namesAcross`).
 */
export type PairFlags = number;
export const NEIGHBOURS = 1;
export const ACROSS_SOURCES = 2;

/** A candidate pair's texts, and what its place tells (see {@link PairFlags}). */
export type PairToVerify = readonly [SentenceText, SentenceText] | readonly [SentenceText, SentenceText, PairFlags];

/**
 * Candidate pairs as they travel to a worker: each distinct sentence once, and the pairs as
 * indices into it. A holder sentence stands in many pairs; flat arrays cost a fraction of a list
 * of objects to copy between threads.
 */
export interface VerifyBatch {
  readonly texts: readonly string[];
  /** Where each text starts in its article. */
  readonly starts: Int32Array;
  /** Three entries per pair: the first sentence's text, the second's, and the pair's {@link PairFlags}. */
  readonly pairs: Int32Array;
}

/** Verifies each pair of a batch with {@link verifyItem}, in order. */
export function verifyBatch(batch: VerifyBatch, settings: VerifySettings): Verdict[] {
  const sentences = batch.texts.map((text, i) => new BatchSentence(batch.starts[i] ?? 0, text));
  const verdicts = new Array<Verdict>(batch.pairs.length / 3);
  for (let p = 0; p < verdicts.length; p += 1) {
    const a = sentences[batch.pairs[p * 3] ?? 0] as SentenceText;
    const b = sentences[batch.pairs[p * 3 + 1] ?? 0] as SentenceText;
    verdicts[p] = verifyItem([a, b, batch.pairs[p * 3 + 2] ?? 0], settings);
  }
  return verdicts;
}

/** Candidate pairs of sentences, found in the counts: what the rest of matching needs of the corpus. */
export interface Candidates {
  readonly articleCount: number;
  /** Global id of article `a`'s first sentence; entry `articleCount` is the total. */
  readonly sentenceBase: ArrayLike<number>;
  /** Each sentence's article, by global id (see {@link articlesOfSentences}). */
  readonly articleOf: Int32Array;
  /** Flat pairs `(sentence, candidate)` of global sentence ids, in sentence order. */
  readonly pairs: Int32Array;
  /** Per pair, 1 when the two are neighbours of a verbatim copy in the same place (see {@link verifyItem}). */
  readonly neighbours: Uint8Array;
}

/** What matching found: sentence clusters, and the articles that hold a verified match. */
export interface MatchResult {
  readonly matches: Matches;
  readonly articles: ReadonlyMap<number, MatchedArticle>;
}

/** Pairs of texts {@link RepeatedPairs} remembers; past this, it starts over (it only saves work). */
const REPEATED_PAIRS = 200_000;

/** The first pair of each two texts and flags, by flags, first text and second text. */
class RepeatedPairs {
  private readonly byFlags: Map<string, Map<string, number>>[] = [];
  private size = 0;

  /** The first pair offered with these texts and flags: `pair` itself when it is the first. */
  first(a: string, b: string, flags: number, pair: number): number {
    let byFirst = this.byFlags[flags];
    if (byFirst === undefined) this.byFlags[flags] = byFirst = new Map();
    let bySecond = byFirst.get(a);
    if (bySecond === undefined) byFirst.set(a, (bySecond = new Map()));
    const known = bySecond.get(b);
    if (known !== undefined) return known;
    if (this.size >= REPEATED_PAIRS) {
      this.byFlags.length = 0;
      this.size = 0;
      return this.first(a, b, flags, pair);
    }
    bySecond.set(b, pair);
    this.size += 1;
    return pair;
  }
}

/** Sentences of a corpus up to which `verifyCandidates` keeps each text it cuts (see `textOf` there). */
const KEPT_TEXTS = 1 << 20;

/** Pairs verified per task: enough to outweigh a task's cost, few enough to spread over threads. */
const VERIFY_BATCH = 2048;

/**
 * The matching stage, once the candidates are found (see {@link candidateFinder}): fetch their
 * texts → verify → cluster. Only the sentences of candidate pairs are fetched, and only articles
 * that hold a verified match are kept for assembling blocks.
 */
export async function verifyCandidates(candidates: Candidates, io: MatchIo): Promise<MatchResult> {
  const { articleCount, sentenceBase, pairs, neighbours } = candidates;
  const { sourceOf } = io;
  const total = sentenceBase[articleCount] ?? 0;
  // Read twice for every pair, and kept in the matches.
  const articleOf = (id: number): number => candidates.articleOf[id] ?? 0;

  // One mark per sentence of the corpus, then one walk in article order: the requests come out
  // sorted, with no set or search per pair.
  const wanted = new Uint8Array(total);
  for (const id of pairs) wanted[id] = 1;
  const requests: SentenceRequest[] = [];
  for (let article = 0; article < articleCount; article += 1) {
    const from = sentenceBase[article] ?? 0;
    const to = sentenceBase[article + 1] ?? from;
    let sentences: number[] | undefined;
    for (let id = from; id < to; id += 1) if (wanted[id] === 1) (sentences ??= []).push(id - from);
    if (sentences !== undefined) requests.push({ article, sentences });
  }
  const gathered = await io.fetch(requests);
  io.done?.('fetch', `${gathered.size} articles`);
  const fetched = new Array<GatheredArticle | undefined>(articleCount);
  for (const [article, found] of gathered) fetched[article] = found;

  // A sentence's text, cut from its article's fragments once (an earlier sentence is the holder
  // side of each of its copies' pairs) and kept, by id, while the pairs are read: one string for
  // each sentence, whose hash a map takes once and which equals itself at once. Not kept for a
  // corpus of more sentences than KEPT_TEXTS, where the array of them would cost too much.
  const kept = total <= KEPT_TEXTS ? new Array<SentenceText | undefined>(total) : undefined;
  const textOf = (id: number): SentenceText | undefined => {
    let text = kept?.[id];
    if (text === undefined) {
      text = cut(id);
      if (kept !== undefined) kept[id] = text;
    }
    return text;
  };
  const cut = (id: number): SentenceText | undefined => {
    const article = articleOf(id);
    const found = fetched[article];
    const at = (id - (sentenceBase[article] ?? 0)) * 4;
    const start = found?.segmentation.sentences[at];
    if (found === undefined || start === undefined) return undefined;
    if (typeof found.fragments !== 'string') return fragmentAt(found.fragments, start);
    return { start, text: found.fragments.slice(start, found.segmentation.sentences[at + 1]) };
  };
  // Where a sentence starts in its article, without its text.
  const startOf = (id: number): number => {
    const article = articleOf(id);
    return fetched[article]?.segmentation.sentences[(id - (sentenceBase[article] ?? 0)) * 4] ?? 0;
  };
  const flagsOf = (p: number): number => {
    const a = pairs[p * 2] ?? 0;
    const b = pairs[p * 2 + 1] ?? 0;
    const across = sourceOf !== undefined && sourceOf(articleOf(a)) !== sourceOf(articleOf(b));
    return (neighbours[p] === 1 ? NEIGHBOURS : 0) | (across ? ACROSS_SOURCES : 0);
  };
  const pairCount = pairs.length / 2;
  const verdicts: Verdict[] = new Array<Verdict>(pairCount);
  // A background's copies pair the same two wordings again and again (on the bench's real tier,
  // 86,000 pairs of two wordings are 35,000 pairs of texts): a pair of the same texts and flags as
  // an earlier one is verified once, and takes its verdict, moved to where its sentences stand.
  const sameAs = new Int32Array(pairCount).fill(-1);
  const earlier = new RepeatedPairs();
  // Sentences verbatim equal (see `Matches.sameText`).
  const sameText = new UnionFind(total);
  // Most candidates are verbatim copies, the same sentence as `verifyPair` finds first: told here,
  // they never travel to a worker. A file that changed between passes has no texts: its pairs are
  // not verified. The other pairs, in order, are verified in batches, each handed out as soon as
  // it is full, so that the workers start while this thread goes on through the pairs.
  function* batches(): Generator<PairBatch> {
    let batch = new Int32Array(VERIFY_BATCH);
    let filled = 0;
    for (let p = 0; p < pairCount; p += 1) {
      const a = textOf(pairs[p * 2] ?? 0);
      const b = textOf(pairs[p * 2 + 1] ?? 0);
      if (a === undefined || b === undefined) verdicts[p] = NOT_SAME;
      else if (a.text === b.text) {
        verdicts[p] = VERBATIM;
        sameText.union(pairs[p * 2] ?? 0, pairs[p * 2 + 1] ?? 0);
      } else {
        const first = earlier.first(a.text, b.text, flagsOf(p), p);
        if (first !== p) {
          sameAs[p] = first;
          continue;
        }
        batch[filled++] = p;
        if (filled === VERIFY_BATCH) {
          yield batch;
          batch = new Int32Array(VERIFY_BATCH);
          filled = 0;
        }
      }
    }
    if (filled > 0) yield batch.subarray(0, filled);
  }
  await io.verify(
    batches(),
    (batch) => {
      // Each sentence once, by its id.
      const index = new Map<number, number>();
      const texts: string[] = [];
      const starts: number[] = [];
      const indexOf = (id: number): number => {
        let at = index.get(id);
        if (at === undefined) {
          const sentence = textOf(id) as SentenceText;
          index.set(id, (at = texts.length));
          texts.push(sentence.text);
          starts.push(sentence.start);
        }
        return at;
      };
      const items: number[] = [];
      for (const p of batch) items.push(indexOf(pairs[p * 2] ?? 0), indexOf(pairs[p * 2 + 1] ?? 0), flagsOf(p));
      return { texts, starts: Int32Array.from(starts), pairs: Int32Array.from(items) };
    },
    (batch, results) => {
      results.forEach((verdict, i) => {
        verdicts[batch[i] ?? 0] = verdict;
      });
    },
  );
  sameAs.forEach((first, p) => {
    if (first < 0) return;
    const verdict = verdicts[first] as Verdict;
    const by = (side: number, start: number): number => (start < 0 ? -1 : start - startOf(pairs[first * 2 + side] ?? 0) + startOf(pairs[p * 2 + side] ?? 0));
    verdicts[p] = verdict.bodyA < 0 && verdict.bodyB < 0 ? verdict : { ...verdict, bodyA: by(0, verdict.bodyA), bodyB: by(1, verdict.bodyB) };
  });
  const sameTextRoots = sameText.roots();
  if (sourceOf !== undefined) settleAcross(verdicts, pairs, sameTextRoots, articleOf, sourceOf);
  io.done?.('verify', `${verdicts.filter((verdict) => verdict.same).length} verified`);
  const matches = { ...cluster(candidates.articleOf, pairs, verdicts, neighbours), sameText: sameTextRoots };

  // Only articles with a verified match take part in blocks; each is read from its fetched fragments.
  const articles = new Map<number, MatchedArticle>();
  verdicts.forEach((verdict, p) => {
    if (!verdict.same) return;
    for (const id of [pairs[p * 2] ?? 0, pairs[p * 2 + 1] ?? 0]) {
      const article = articleOf(id);
      if (articles.has(article)) continue;
      const found = gathered.get(article);
      if (found !== undefined) articles.set(article, { text: typeof found.fragments === 'string' ? found.fragments : new FragmentText(found.fragments), segmentation: found.segmentation, quoted: found.quoted });
    }
  });
  return { matches, articles };
}

/** An article's text where only some spans are known: the fetched sentences and short lines. */
class FragmentText implements TextSlices {
  constructor(private readonly fragments: Fragments) {}

  slice(start: number, end: number): string {
    const { text, starts, bounds } = this.fragments;
    const i = lastFragmentAtOrBefore(this.fragments, start);
    const from = (bounds[i] ?? 0) + start - (starts[i] ?? 0);
    if (start < (starts[i] ?? 0) || from + end - start > (bounds[i + 1] ?? 0)) throw new RangeError(`no gathered text for ${start}–${end}`);
    return text.slice(from, from + end - start);
  }
}

/** The last fragment that starts at or before `start` (0 when none does). */
function lastFragmentAtOrBefore(fragments: Fragments, start: number): number {
  return lastAtOrBelow(fragments.starts.length, (at) => fragments.starts[at] ?? 0, start);
}

/** The fragment that starts at `start`, if one does. */
function fragmentAt(fragments: Fragments, start: number): SentenceText | undefined {
  const i = lastFragmentAtOrBefore(fragments, start);
  if (fragments.starts[i] !== start) return undefined;
  return { start, text: fragments.text.slice(fragments.bounds[i], fragments.bounds[i + 1]) };
}

const MAX_CANDIDATES = 3;

/**
 * For a run with an index, which holders a full run would not vote for: `first` when the
 * fingerprint's earliest holder is an archive article outside the run, earlier than the run's
 * first holder; `latest` when, before the article counted, an archive article outside the run holds
 * it later than the run's latest holder.
 */
export interface OutsideHolders {
  readonly first: (hash: number, holderArticle: number) => boolean;
  readonly latest: (hash: number, holderArticle: number, article: number) => boolean;
}

/** Sentences a verbatim copy's pairing extends to, each way, while each shares a sketch entry. */
const MAX_EXTEND = 4;

/**
 * Candidate pairs: for every sentence, the earlier sentences in other articles that hold most of
 * its fingerprints (their first holders in the count, and their latest before it), three at most.
 * No step compares all pairs. The latest holder matters on real news: a background pasted from
 * story to story shares most shingles with the last copy, while a shingle's first holder may be
 * another sentence that shares a phrase or a list of names with it; voting for first holders alone
 * left about half the light edits of `../shared/news` uncollapsed.
 *
 * Seed and extend: in a large corpus most shingles are common phrases whose first holders are
 * unrelated sentences, so a lightly edited copy may win too few votes. But a block is copied as a
 * run, so when a sentence is a verbatim copy of `h` (its whole-sentence fingerprint), its
 * neighbours are paired with `h`'s neighbours as well, when they share at least one sketch entry,
 * for verification to accept or reject.
 *
 * `records(a)` is article `a`'s records and `sentenceBase[a]` its first global sentence id. Articles
 * are added in order, each with its fingerprints' first holders (global sentence ids, -1 for none):
 * an article's candidates are its earlier articles' sentences, so an article's first holders are
 * settled once every article before it is counted. The pairs come out flat, `(sentence,
 * candidate)`, in sentence order.
 */
export function candidateFinder(
  articleOfSentence: ArrayLike<number>,
  records: (article: number) => FingerprintRecords,
  sentenceBase: ArrayLike<number>,
  outside?: OutsideHolders,
): CandidateFinder {
  const pairs: number[] = [];
  // Per pair: 1 for a neighbour of a verbatim copy, paired by extension (see verifyItem).
  const neighbours: number[] = [];
  // Votes of one sentence's fingerprints, per holder: a sketch is a few entries, so arrays beat a map.
  const voteHolders: number[] = [];
  const voteCounts: number[] = [];
  // How many holders the sentence being read has voted for, the first `voters` entries above.
  let voters = 0;
  const vote = (holder: number, weight: number): void => {
    let at = 0;
    while (at < voters && voteHolders[at] !== holder) at += 1;
    if (at === voters) {
      voteHolders[at] = holder;
      voteCounts[at] = 0;
      voters += 1;
    }
    voteCounts[at] = (voteCounts[at] ?? 0) + weight;
  };
  const articleOf = (id: number): number => articleOfSentence[id] ?? 0;
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
  const add = (article: number, holders: Int32Array, latest?: Int32Array): void => {
    const { offsets, hashes } = records(article);
    const base = sentenceBase[article] ?? 0;
    let previous: number[] = [];
    // The holder sentence the previous sentence was paired with by a verbatim copy or by extension,
    // and how many extensions since the last verbatim copy.
    let chainHolder = -1;
    let chainSteps = 0;
    for (let s = 0; s + 1 < offsets.length; s += 1) {
      const id = base + s;
      const from = offsets[s] ?? 0;
      const to = offsets[s + 1] ?? 0;
      const chosen: number[] = [];
      let seed = -1;
      voters = 0;
      for (let h = from; h < to; h += 1) {
        const holder = holders[h] ?? -1;
        // A holder in this same article is this article's own repeat, not a shared sentence.
        if (holder < 0 || holder >= base) continue;
        if (outside !== undefined && outside.first(hashes[h] ?? 0, articleOf(holder))) continue;
        // The last fingerprint is the whole sentence's: its first holder is a verbatim copy.
        if (h === to - 1 && to - from - 1 >= MIN_SEED_SKETCH) seed = holder;
        vote(holder, h === to - 1 ? to - from : 1);
      }
      // The latest earlier holder votes too, unless it is the first: in a running story the last
      // copy is the likeliest to be worded as this one, where the first holder of a shingle may
      // be another sentence that happens to share it. Not for a verbatim copy of its first
      // holder, the commonest sentence of a corpus of copies: that copy is found, and the latest
      // would only add pairs within its cluster to verify.
      if (latest !== undefined && seed < 0) {
        for (let h = from; h < to; h += 1) {
          const holder = latest[h] ?? -1;
          if (holder < 0 || holder >= base) continue;
          const first = holders[h] ?? -1;
          if (holder === first && !(outside !== undefined && outside.first(hashes[h] ?? 0, articleOf(first)))) continue;
          if (outside !== undefined && outside.latest(hashes[h] ?? 0, articleOf(holder), article)) continue;
          vote(holder, h === to - 1 ? to - from : 1);
        }
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
      // Extend forward: the sentence after a verbatim copy of `h` (or after a sentence so paired),
      // against the one after `h`, up to MAX_EXTEND sentences past the last verbatim copy.
      let extended = -1;
      if (chainHolder >= 0 && chainSteps < MAX_EXTEND && to > from) {
        const next = chainHolder + 1;
        const holderArticle = articleOf(chainHolder);
        if (articleOf(next) === holderArticle && shareSketch(article, id, holderArticle, next)) {
          extended = next;
          if (!chosen.includes(next)) chosen.push(next);
        }
      }
      // Extend backward: the sentences before a verbatim copy of `h`, against those before `h`.
      if (seed >= 0) {
        const holderArticle = articleOf(seed);
        for (let step = 1; step <= MAX_EXTEND && s - step >= 0; step += 1) {
          const before = seed - step;
          if (articleOf(before) !== holderArticle || !shareSketch(article, id - step, holderArticle, before)) break;
          if (step > 1 || !previous.includes(before)) {
            pairs.push(id - step, before);
            neighbours.push(1);
          }
        }
      }
      for (const candidate of chosen) {
        pairs.push(id, candidate);
        neighbours.push(candidate === extended ? 1 : 0);
      }
      previous = chosen;
      if (seed >= 0) {
        chainHolder = seed;
        chainSteps = 0;
      } else if (extended >= 0) {
        chainHolder = extended;
        chainSteps += 1;
      } else chainHolder = -1;
    }
  };
  return { add, pairs: () => ({ pairs: Int32Array.from(pairs), neighbours: Uint8Array.from(neighbours) }) };
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

/** Each sentence's article, by global sentence id: `articleCount` articles whose first sentences are `sentenceBase`. */
export function articlesOfSentences(articleCount: number, sentenceBase: ArrayLike<number>): Int32Array {
  const articleOf = new Int32Array(sentenceBase[articleCount] ?? 0);
  for (let article = 0; article < articleCount; article += 1) articleOf.fill(article, sentenceBase[article] ?? 0, sentenceBase[article + 1] ?? 0);
  return articleOf;
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
  /**
   * How alike the two are, for a pair found the same: 1 for one text, else the Dice score of
   * their normalised texts (of their bodies, when a lead was split off). Of two sentences of one
   * article found the same as one sentence, the one that scores more is its match (see
   * {@link cluster}).
   */
  readonly score?: number;
  /**
   * Set when the two are worded alike but their figures (or negations) differ: the first sentence's
   * (see `factsOf`). Two sentences that both differ so from one candidate, with the same, are one sentence.
   */
  readonly figuresA?: string;
  /**
   * Set, with `figuresA` and what a same verdict holds, when the two are of two outlets and differ
   * only by a name put in another's place: one sentence after all when each wording stands in
   * {@link TEMPLATE_COPIES} places or more of its own outlet, a template each outlet fills with
   * its own name ("Disclaimer: Dawn is not responsible …"); else two reports (see {@link settleAcross}).
   */
  readonly namesAcross?: true;
}

/** Places of its own outlet a wording stands in, each side, for a name swapped between two outlets to be their template's (see `Verdict.namesAcross`). */
export const TEMPLATE_COPIES = 3;

/**
 * Verifies a candidate pair with the Dice coefficient of their normalised texts. An inline heading
 * glued to the first sentence of a block ("Pak-Afghan relations Pakistan’s bilateral relations …")
 * lowers the score, so the two are also aligned on their first shared shingle: if one has a short
 * unmatched lead and the rest scores at least the threshold, the lead is split off. With `across`
 * (two outlets' wordings), a name swapped is told in `namesAcross`, for {@link settleAcross}.
 */
export function verifyPair(
  a: SentenceText,
  b: SentenceText,
  settings: { readonly similarity: number; readonly shingleSize: number; readonly maxHeadingWords: number },
  across = false,
): Verdict {
  // Most candidates are verbatim copies: no need to normalise them to see it.
  if (a.text === b.text) return { same: true, bodyA: -1, bodyB: -1 };
  const textA = comparableOf(a);
  const textB = comparableOf(b);
  if (textA === textB) return { same: true, bodyA: -1, bodyB: -1 };
  // Dice is at most 2·min/(a + b) in bigrams; with a lead of a heading's length taken off the
  // longer text, a pair this far apart in length cannot reach the threshold.
  const shorter = Math.min(textA.length, textB.length);
  const longer = Math.max(textA.length - LEAD_CHARS, textB.length - LEAD_CHARS, shorter);
  if ((2 * shorter) / (shorter + longer) < settings.similarity) return { same: false, bodyA: -1, bodyB: -1 };
  const datelines = datelinesApart(a, b, settings, across);
  if (datelines !== undefined) return datelines;
  const score = diceOf(textA, textB);
  const lead = splitLead(a, b, score, settings);
  if (lead !== undefined) {
    return verdictOf({ same: true, ...lead }, factsApart(bodyOf(a, lead.bodyA), bodyOf(b, lead.bodyB)), across);
  }
  // Wordings alike but for a figure are two reports (a new day's figures, an updated toll): the
  // sentence is the article's own.
  if (score < settings.similarity) return NOT_SAME;
  // What each reports is read after its dateline: "Aug 3" of "HYDERABAD, Aug 3 (APP): …" is no figure of the story.
  const leads = datelineLeads(a, b);
  return verdictOf({ same: true, ...leads, score }, factsApart(bodyOf(a, leads.bodyA), bodyOf(b, leads.bodyB)), across);
}

/** A sentence's text from `body` (where its body starts in its article) on, or all of it for -1. */
function bodyOf(sentence: SentenceText, body: number): string {
  return body >= 0 ? sentence.text.slice(body - sentence.start) : sentence.text;
}

/**
 * Body starts for two wordings found the same whole, and not one text: a dateline is each
 * article's own, split off as a lead so that it stays in place. One side alone may open with one,
 * its opening edited too ("MUMBAI: Eight workers were killed …" and "At least eight workers were
 * killed …"), or both with the same one, their stories edited ("KARACHI: The Sindh cabinet …" and
 * "KARACHI: Sindh's cabinet …"), where a third copy's canonical wording may have none. The
 * verdict is the whole texts' (split off first, the stories would score otherwise, and other pairs
 * than these would match). Two datelines of one place worded two ways are `datelinesApart`'s.
 */
function datelineLeads(a: SentenceText, b: SentenceText): { bodyA: number; bodyB: number } {
  const startA = storyAfterDateline(a.text);
  const startB = storyAfterDateline(b.text);
  if (startA >= 0 && startB >= 0 && a.text.slice(0, startA) !== b.text.slice(0, startB)) return { bodyA: -1, bodyB: -1 };
  return { bodyA: startA >= 0 ? a.start + startA : -1, bodyB: startB >= 0 ? b.start + startB : -1 };
}

/**
 * Two wordings that open with datelines of one place worded two ways ("ISLAMABAD, Feb 6 (APP): …"
 * and "ISLAMABAD: …", a wire story and a paper's reprint): the stories after them are compared,
 * and both datelines split off as leads, each the article's own. Undefined when the two do not
 * both open so (a dateline one side alone has is split off as any lead is; datelines of two places
 * are two reports, see `sameFigures`).
 */
function datelinesApart(a: SentenceText, b: SentenceText, settings: VerifySettings, across: boolean): Verdict | undefined {
  const startA = storyStart(a.text);
  if (startA < 0) return undefined;
  const startB = storyStart(b.text);
  if (startB < 0 || a.text.slice(0, startA) === b.text.slice(0, startB)) return undefined;
  const placeA = datelinePlace(a.text);
  const placeB = datelinePlace(b.text);
  if (placeA === undefined || placeB === undefined || !samePlaces(placeA, placeB)) return undefined;
  const storyA = a.text.slice(startA);
  const storyB = b.text.slice(startB);
  const score = diceOf(normalizeForComparison(storyA), normalizeForComparison(storyB));
  if (score < settings.similarity) return NOT_SAME;
  return verdictOf({ same: true, bodyA: a.start + startA, bodyB: b.start + startB, score }, factsApart(storyA, storyB), across);
}

/** The verdict on two wordings alike (`same`), once what each reports is compared (see {@link factsApart}). */
function verdictOf(same: Verdict, apart: Apart | undefined, across: boolean): Verdict {
  if (apart === undefined) return same;
  if (apart.namesOnly && across) return { ...same, same: false, figuresA: apart.figuresA, namesAcross: true };
  return { ...NOT_SAME, figuresA: apart.figuresA };
}

/** What sets two wordings alike apart: what the first reports (`Verdict.figuresA`), and whether only a name swapped does. */
interface Apart {
  readonly figuresA: string;
  readonly namesOnly: boolean;
}

/**
 * Undefined when two wordings alike report the same thing; else what the first reports, for
 * `Verdict.figuresA`: its figures when they differ (see `sameFigures`), and also its names when
 * it puts another name in the other's place ("Karachi", "Quetta": see `namesSwapped`), whether or
 * not a figure differs too, so that only copies that name the same join as one sentence.
 */
function factsApart(a: string, b: string): Apart | undefined {
  const figures = sameFigures(a, b);
  if (!namesSwapped(a, b)) return figures ? undefined : { figuresA: factsOf(a), namesOnly: false };
  return { figuresA: `${factsOf(a)}\u0000${namesOf(a)}`, namesOnly: figures };
}

const NOT_SAME: Verdict = { same: false, bodyA: -1, bodyB: -1 };
const VERBATIM: Verdict = { same: true, bodyA: -1, bodyB: -1 };

/**
 * Verifies one candidate pair. Two sentences in the same place beside a verbatim copy (the one
 * after it, or before it, in both articles) are also one sentence when their words differ by at
 * most {@link LIGHT_EDIT_WORDS} words (one, in a sentence of under ten words) and they report the
 * same (figures, names): there, a word changed in
 * a short sentence is a light edit, though it costs more of the Dice score than the rule allows a
 * sentence standing alone. A paraphrase, its words reordered, stays apart.
 */
export function verifyItem(item: PairToVerify, settings: VerifySettings): Verdict {
  const [a, b, flags = 0] = item;
  const across = (flags & ACROSS_SOURCES) !== 0;
  const verdict = verifyPair(a, b, settings, across);
  if (verdict.same || (flags & NEIGHBOURS) === 0 || verdict.figuresA !== undefined) return verdict;
  const textA = comparableOf(a);
  const textB = comparableOf(b);
  if (!wordsApart(textA, textB, LIGHT_EDIT_WORDS)) return verdict;
  // Two words in a sentence of ten or more, one in a shorter: "The mayor called the talks useless."
  // is no light edit of "The minister called the talks constructive.". Words as written: "hip-hop"
  // for "so-called" is one.
  const wordsA = plainWordsOf(a.text);
  const wordsB = plainWordsOf(b.text);
  const shorter = Math.min(wordsA.split(' ').length, wordsB.split(' ').length);
  if (shorter < 10 && !wordsApart(wordsA, wordsB, 1)) return verdict;
  const apart = factsApart(a.text, b.text);
  return apart === undefined || (apart.namesOnly && across) ? verdictOf({ same: true, bodyA: -1, bodyB: -1, score: diceOf(textA, textB) }, apart, across) : verdict;
}

type VerifySettings = { readonly similarity: number; readonly shingleSize: number; readonly maxHeadingWords: number };

/**
 * A text's words as written, joined by spaces (a hyphenated word is one), each folded as compared:
 * NFKC, lower case, one apostrophe, no invisible joiner ("Sindh’s" is "Sindh's", "com\u00admon" is "common").
 */
function plainWordsOf(text: string): string {
  const words: string[] = [];
  forEachWord(text, 0, text.length, (start, end) => {
    words.push(text.slice(start, end).normalize('NFKC').toLowerCase().replace(/[’‘`´]/g, "'").replace(/[\u00ad\u200c\u200d\u2060\ufeff]/g, ''));
  });
  return words.join(' ');
}

function splitLead(
  a: SentenceText,
  b: SentenceText,
  score: number,
  settings: { readonly similarity: number; readonly shingleSize: number; readonly maxHeadingWords: number },
): { bodyA: number; bodyB: number; score: number } | undefined {
  const size = settings.shingleSize;
  // Most edits fall after the first words: two sentences that open alike have no lead to split.
  if (openAlike(a.text, b.text, size)) return undefined;
  const wordsA = wordsOfSentence(a);
  const wordsB = wordsOfSentence(b);
  if (wordsA.count < size * 2 || wordsB.count < size * 2) return undefined;
  const leadA = firstSharedShingle(a.text, wordsA, b.text, wordsB, size);
  const leadB = firstSharedShingle(b.text, wordsB, a.text, wordsA, size);
  if (leadA < 0 || leadB < 0 || (leadA === 0 && leadB === 0)) return undefined;
  // Both sides lead with words the other lacks: an edit near the start, not a heading, unless the
  // whole sentences are too far apart to match (two different headings).
  if (leadA > 0 && leadB > 0 && score >= settings.similarity) return undefined;
  if (leadA > settings.maxHeadingWords || leadB > settings.maxHeadingWords) return undefined;
  if (leadA * 2 > wordsA.count || leadB * 2 > wordsB.count) return undefined;
  const startA = wordsA.starts[leadA] ?? 0;
  const startB = wordsB.starts[leadB] ?? 0;
  const bodyScore = diceOf(normalizeForComparison(a.text.slice(startA)), normalizeForComparison(b.text.slice(startB)));
  if (bodyScore < Math.max(score, settings.similarity)) return undefined;
  return { bodyA: leadA > 0 ? a.start + startA : -1, bodyB: leadB > 0 ? b.start + startB : -1, score: bodyScore };
}

// A holder sentence is verified against each of its copies: what verifying derives from a
// sentence's text is derived once per text.
const comparable = memoize(normalizeForComparison);
const wordsOf = memoize(hashedWords);

/**
 * A sentence of a batch to verify, which keeps what is derived from its text: it stands in several
 * of the batch's pairs, and a look-up by its text hashes and compares the whole text each time.
 */
class BatchSentence implements SentenceText {
  comparable: string | undefined;
  words: HashedWords | undefined;
  constructor(
    readonly start: number,
    readonly text: string,
  ) {}
}

function comparableOf(sentence: SentenceText): string {
  if (!(sentence instanceof BatchSentence)) return comparable(sentence.text);
  return (sentence.comparable ??= comparable(sentence.text));
}

function wordsOfSentence(sentence: SentenceText): HashedWords {
  if (!(sentence instanceof BatchSentence)) return wordsOf(sentence.text);
  return (sentence.words ??= wordsOf(sentence.text));
}
let shingleMemo: { size: number; of: (text: string) => ReadonlyMap<number, number> } | undefined;

/**
 * Where each shingle of `size` words of a sentence first stands, by the shingle's key (its words'
 * hashes mixed into 53 bits): a word index. A key found is checked word for word before it counts.
 */
function shinglesOf(text: string, size: number): ReadonlyMap<number, number> {
  if (shingleMemo?.size !== size) {
    shingleMemo = {
      size,
      of: memoize((key: string) => {
        const words = wordsOf(key);
        const shingles = new Map<number, number>();
        for (let i = 0; i + size <= words.count; i += 1) {
          const shingle = shingleKey(words.hashes, i, size);
          if (!shingles.has(shingle)) shingles.set(shingle, i);
        }
        return shingles;
      }),
    };
  }
  return shingleMemo.of(text);
}

/** The key of the shingle of `size` word hashes from `at`: two mixes of them, 32 and 21 bits, as one exact double. */
function shingleKey(hashes: Uint32Array, at: number, size: number): number {
  let high = size;
  let low = 0x5bd1e995;
  for (let j = 0; j < size; j += 1) {
    high = combineHash(high, hashes[at + j] ?? 0);
    low = combineHash(low, hashes[at + size - 1 - j] ?? 0);
  }
  return high * 0x200000 + (low & 0x1fffff);
}

/**
 * True when `a` and `b` open with the same `count` words, character for character: then their
 * first shingles are one, and neither has a lead. A word ends where the next characters say (a
 * connector joins only before a word character), so a word counts only with two characters of the
 * common opening after it.
 */
export function openAlike(a: string, b: string, count: number): boolean {
  let common = 0;
  const limit = Math.min(a.length, b.length);
  while (common < limit && a.charCodeAt(common) === b.charCodeAt(common)) common += 1;
  let words = 0;
  forEachWord(a, 0, common, (_start, end) => {
    if (end + 2 > common) return false;
    words += 1;
    if (words >= count) return false;
    return undefined;
  });
  return words >= count;
}

/** Index of the first shingle of `a`'s words that stands, the same normalised words, anywhere in `b`, or -1. */
function firstSharedShingle(a: string, wordsA: HashedWords, b: string, wordsB: HashedWords, size: number): number {
  const shingles = shinglesOf(b, size);
  for (let i = 0; i + size <= wordsA.count; i += 1) {
    const at = shingles.get(shingleKey(wordsA.hashes, i, size));
    if (at !== undefined && sameWords(a, wordsA, i, b, wordsB, at, size)) return i;
  }
  return -1;
}

/** True when `size` words of `a` from word `i` are those of `b` from word `j`, normalised. */
function sameWords(a: string, wordsA: HashedWords, i: number, b: string, wordsB: HashedWords, j: number, size: number): boolean {
  for (let k = 0; k < size; k += 1) {
    const x = normalizeWord(a.slice(wordsA.starts[i + k], wordsA.ends[i + k]));
    const y = normalizeWord(b.slice(wordsB.starts[j + k], wordsB.ends[j + k]));
    if (x !== y) return false;
  }
  return true;
}

/**
 * Settles each verdict of two outlets' wordings apart only by a name swapped (`Verdict.namesAcross`):
 * one sentence when each wording stands in {@link TEMPLATE_COPIES} places or more of its own
 * outlet, word for word once normalised (texts verified equal, `sameText`, or found one text by
 * verify), a template each outlet fills with its own name; else two reports, as within one outlet.
 * So a background whose one copy names another place stays apart whichever outlet's copy it was
 * paired with, and so does wire copy that several outlets each print once.
 */
export function settleAcross(verdicts: Verdict[], pairs: Int32Array, sameText: Int32Array, articleOf: (id: number) => number, sourceOf: (article: number) => string): void {
  if (!verdicts.some((verdict) => verdict.namesAcross === true)) return;
  const copies = new UnionFind(sameText.length);
  sameText.forEach((root, id) => {
    if (root !== id) copies.union(id, root);
  });
  verdicts.forEach((verdict, p) => {
    if (verdict.same && verdict.score === undefined && verdict.bodyA < 0 && verdict.bodyB < 0) copies.union(pairs[p * 2] ?? 0, pairs[p * 2 + 1] ?? 0);
  });
  const asked = new Set<number>();
  verdicts.forEach((verdict, p) => {
    if (verdict.namesAcross !== true) return;
    asked.add(copies.find(pairs[p * 2] ?? 0));
    asked.add(copies.find(pairs[p * 2 + 1] ?? 0));
  });
  const counts = new Map<string, number>();
  for (let id = 0; id < sameText.length; id += 1) {
    const root = copies.find(id);
    if (!asked.has(root)) continue;
    const key = `${root}\u0000${sourceOf(articleOf(id))}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const copiesOf = (id: number): number => counts.get(`${copies.find(id)}\u0000${sourceOf(articleOf(id))}`) ?? 0;
  verdicts.forEach((verdict, p) => {
    if (verdict.namesAcross !== true) return;
    const template = copiesOf(pairs[p * 2] ?? 0) >= TEMPLATE_COPIES && copiesOf(pairs[p * 2 + 1] ?? 0) >= TEMPLATE_COPIES;
    verdicts[p] = template ? { same: true, bodyA: verdict.bodyA, bodyB: verdict.bodyB, ...(verdict.score === undefined ? {} : { score: verdict.score }) } : { ...NOT_SAME, figuresA: verdict.figuresA as string };
  });
}

/**
 * Joins verified pairs into clusters (union-find over global sentence ids). The smaller id, the
 * earlier article, stays the root, and pairs are taken in their given order, so clusters and split
 * leads do not depend on how the verification was scheduled. `articleOf` (each sentence's article)
 * is the matches' own.
 */
export function cluster(articleOf: Int32Array, pairs: Int32Array, verdicts: readonly Verdict[], neighbours?: Uint8Array): Matches {
  const total = articleOf.length;
  const sets = new UnionFind(total);
  const bodyStart = new Int32Array(total).fill(-1);
  const beaten = outmatched(articleOf, pairs, verdicts, neighbours);
  // A lead is split off a sentence only when most of its verified copies split it: the canonical
  // copy of a sentence that one copy trimmed at the front keeps its first words.
  const leadVotes = new Int32Array(total);
  verdicts.forEach((verdict, index) => {
    if (!verdict.same || beaten[index] === 1) return;
    const a = pairs[index * 2] ?? 0;
    const b = pairs[index * 2 + 1] ?? 0;
    for (const [id, body] of [[a, verdict.bodyA], [b, verdict.bodyB]] as const) {
      leadVotes[id] = (leadVotes[id] ?? 0) + (body >= 0 ? 1 : -1);
      if (body >= 0 && bodyStart[id] === -1) bodyStart[id] = body;
    }
    sets.union(a, b);
  });
  // Sentences that each match one candidate but for its figures, with the same figures as each
  // other, are one sentence: copies of a background whose earliest copy has another day's figure.
  const alikeBut = new Map<string, number>();
  const alikeOf = new Int32Array(total).fill(-1);
  verdicts.forEach((verdict, index) => {
    if (verdict.figuresA === undefined) return;
    const a = pairs[index * 2] ?? 0;
    if (alikeOf[a] === -1) alikeOf[a] = pairs[index * 2 + 1] ?? 0;
    const key = `${pairs[index * 2 + 1] ?? 0}\u0000${verdict.figuresA}`;
    const first = alikeBut.get(key);
    if (first === undefined) {
      alikeBut.set(key, a);
      return;
    }
    sets.union(a, first);
  });
  for (let id = 0; id < total; id += 1) if ((leadVotes[id] ?? 0) <= 0) bodyStart[id] = -1;
  return { cluster: sets.roots(), bodyStart, articleOf, alikeBut: alikeOf };
}

/**
 * The verified pairs that a better match beats, marked 1: a sentence is one sentence of another
 * article at most. "… in Quetta on Monday, police said." and the same in Peshawar score above
 * the threshold and hold the same figures; two rules keep such sentences apart.
 * - A later sentence found the same as two different sentences of one earlier article is the one
 *   it is more alike (its verbatim copy, most often). Where the earlier article holds both, a
 *   later copy of each is paired with its own.
 * - Of a later article's sentences found the same as one earlier sentence, only the most alike is
 *   its copy (its verbatim copy, most often). A register of names that an earlier story quotes one
 *   line of is not a dozen edits of that line; where an earlier article holds only the Quetta
 *   sentence, a later one that holds it and the Peshawar one holds one copy of it. An edited copy
 *   paired in place, beside a copy of the earlier sentence's neighbour (see `neighbours`), stands
 *   however: an article that holds a background twice, once edited, holds both copies of it.
 * Pairs of equal score all stand.
 *
 * A pair is `(sentence, candidate)`, the candidate in an earlier article, and an article's pairs
 * come together (see {@link candidateFinder}), so rival pairs are within one article's run of
 * pairs. A run whose pairs are all verbatim has nothing to settle.
 */
function outmatched(articleOf: Int32Array, pairs: Int32Array, verdicts: readonly Verdict[], neighbours?: Uint8Array): Uint8Array {
  const beaten = new Uint8Array(verdicts.length);
  const scoreOf = (p: number): number => verdicts[p]?.score ?? 1;
  // Most pairs are verbatim copies, told on the main thread: one verdict object, known at a glance.
  const edited = (p: number): boolean => {
    const verdict = verdicts[p];
    return verdict !== VERBATIM && verdict?.same === true && (verdict.score ?? 1) < 1;
  };
  let from = 0;
  while (from < verdicts.length) {
    const article = articleOf[pairs[from * 2] ?? 0];
    // The sentences of this article's edited pairs: only they can have a better match.
    let rivals: Set<number> | undefined;
    let to = from;
    for (; to < verdicts.length && articleOf[pairs[to * 2] ?? 0] === article; to += 1) if (edited(to)) (rivals ??= new Set()).add(pairs[to * 2] ?? 0);
    if (rivals !== undefined) {
      // The candidates of those sentences' edited pairs: only their copies here can be rivals.
      const wanted = new Set<number>();
      for (let p = from; p < to; p += 1) if (edited(p)) wanted.add(pairs[p * 2 + 1] ?? 0);
      // The sentences' best score against each earlier article, and those candidates' best copy here.
      const best = new Map<string, number>();
      const bestCopy = new Map<number, number>();
      const keyOf = (p: number): string => `${pairs[p * 2] ?? 0} ${articleOf[pairs[p * 2 + 1] ?? 0] ?? 0}`;
      for (let p = from; p < to; p += 1) {
        if (verdicts[p]?.same !== true) continue;
        if (rivals.has(pairs[p * 2] ?? 0)) {
          const key = keyOf(p);
          best.set(key, Math.max(scoreOf(p), best.get(key) ?? 0));
        }
        const candidate = pairs[p * 2 + 1] ?? 0;
        if (wanted.has(candidate)) bestCopy.set(candidate, Math.max(scoreOf(p), bestCopy.get(candidate) ?? 0));
      }
      for (let p = from; p < to; p += 1) {
        if (!edited(p)) continue;
        const score = scoreOf(p);
        const inPlace = neighbours?.[p] === 1;
        if (score < (best.get(keyOf(p)) ?? 0) || (!inPlace && score < (bestCopy.get(pairs[p * 2 + 1] ?? 0) ?? 0))) beaten[p] = 1;
      }
    }
    from = to;
  }
  return beaten;
}
