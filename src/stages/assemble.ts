import type { BlockVariants, ChromeReason, Span, VariantSentence } from '../types.js';
import type { MatchedArticle } from './match.js';
import { paragraphAt, sentenceAt } from './segment.js';
import type { PackedSegmentation } from './segment.js';
import type { LineRecord } from './detect-chrome.js';
import type { Matches } from './match.js';
import { diceOf } from '../lib/dice.js';
import { UnionFind } from '../lib/union-find.js';
import { PairTable } from '../lib/pair-table.js';
import { sha1 } from '../text/hash.js';
import { normalizeForComparison } from '../text/normalize.js';
import { countWords, wordsApart } from '../text/words.js';
import { LIGHT_EDIT_WORDS } from '../options.js';
import { sameFigures } from '../text/figures.js';
import { HEADING_WORDS } from '../options.js';
import { isHeadingLike } from '../text/heading.js';
import { datelineOf, isDateline, opensWithDateline } from '../text/dateline.js';
import { ENDS_IN_QUOTE, OPENS_IN_QUOTE } from '../text/quotes.js';

/**
 * Text that can be sliced: a whole article's text, or only the spans that the gather step
 * brought back (the sentences that matched and the short lines that may head them).
 */
export interface TextSlices {
  slice(start: number, end: number): string;
}

/** What the assemble step reads of each article that holds a matched sentence. */
interface AssembleArticle extends MatchedArticle {
  /** Chrome by the lists, per paragraph: skipped within runs, and never a heading. */
  readonly listChrome: readonly (ChromeReason | undefined)[];
}

/** What the assemble step reads of the whole corpus. */
export interface AssembleCorpus {
  readonly articleCount: number;
  /**
   * Articles that hold a matched sentence, by article index; every other article has no block.
   * Packed segmentations: the assemble step holds every matched article's at once.
   */
  readonly matched: ReadonlyMap<number, MatchedArticle>;
  /** Global id of article `a`'s first sentence; entry `articleCount` is the total. */
  readonly sentenceBase: ArrayLike<number>;
  readonly pathOf: (article: number) => string;
  /** Chrome candidates (list chrome and short lines) of any article. */
  readonly lines: (article: number) => readonly LineRecord[];
  /**
   * The holder whose wording is canonical, of a cluster's or block's holders (ascending): the
   * earliest-published. @default the first, in article order
   */
  readonly earliest?: (holders: readonly number[]) => number;
  /**
   * The articles outside the corpus, unread, that hold a sentence (global id) verbatim: an index
   * run's archive copies of a common short line, by key. They count in the size of the sentence's
   * cluster when deciding whether neighbours run together, and in a block's holders, as they would
   * in a full run. Sentences alike may share one array. @default none
   */
  readonly unreadCopies?: (sentence: number) => readonly string[] | undefined;
  /**
   * Called between assemble's parts, where most of what the part before made is garbage: a large
   * run collects it there, so that the heap does not grow with it. @default nothing
   */
  readonly between?: () => void;
  /**
   * True for an article whose title is in its metadata (a record's title field, Markdown front
   * matter): its text opens with the story, so a first paragraph that reads as a lede is one (see
   * `isTitle`). @default none has
   */
  readonly titled?: (article: number) => boolean;
  /** The outlet of an article (see `LONE_SIMILARITY`). @default one for all */
  readonly sourceOf?: (article: number) => string;
}

/** One place where a block stands in an article. */
export interface Occurrence {
  readonly block: number;
  /** Global sentence ids, in reading order. */
  readonly sentences: readonly number[];
  /** How many of the block's sentences these are: distinct sentences, however often one repeats here. */
  readonly clusters: number;
  /** The block's heading in this article, on a line of its own or run inline. */
  readonly heading: Span | undefined;
  /** The text this occurrence replaces: `[start, end)`. */
  readonly start: number;
  readonly end: number;
  readonly words: number;
  /**
   * In an article that first holds some of the block's sentences though it is not the block's
   * earliest holder (a sentence added to a running story's background, or reworded with a new
   * figure, that later copies repeat): what is collapsed when the earliest holders keep their text
   * (`keep: first`), the stretches around those sentences, which stay where they first appeared.
   */
  readonly pieces?: readonly Piece[];
}

/** A stretch of an occurrence collapsed on its own (see `Occurrence.pieces`). */
export interface Piece {
  readonly start: number;
  readonly end: number;
  /** The block's distinct sentences in it. */
  readonly clusters: number;
}

/** A block of sentences repeated, verbatim or lightly edited, across the same articles. */
export interface Block {
  readonly id: string;
  readonly label: string;
  /** Article indices, ascending. */
  readonly articles: readonly number[];
  /** The article that holds the canonical wording: the earliest-published holder (see `AssembleCorpus.earliest`). */
  readonly canonical: number;
  readonly sentences: number;
  /** Words of the canonical wording, its heading's among them (`headingWords`). */
  readonly words: number;
  readonly headingWords?: number;
  readonly canonicalText: string;
  readonly variants: number;
  readonly minSimilarity: number;
  /** The wordings that differ from the canonical one, sentence by sentence, and other headings. */
  readonly variantWordings: BlockVariants;
  /**
   * An index run's holders beyond `articles`: archive articles, not read, that hold one of the
   * block's sentences verbatim, long enough alone to be a copy of the block (see `unreadCopies`).
   */
  readonly unreadHolders?: number;
}

/** The assemble step's output. */
export interface Assembly {
  readonly blocks: readonly Block[];
  /** Per article, its block occurrences in reading order. */
  readonly occurrences: readonly (readonly Occurrence[])[];
  /** Global ids of the sentences that stand in a block. */
  readonly inBlock: SentenceSet;
  /**
   * Per article, the stretches of a block too short to collapse that open a line and run on into
   * its next sentence (`next`, a global id): "Have a story tip?" before a site's "Write to … by
   * email.". If what follows is furniture, the line is furniture whole (see `separateFurniture`).
   */
  readonly openers?: ReadonlyMap<number, readonly Opener[]>;
}

/** Sentences, by global id, that can only be asked about. */
export interface SentenceSet {
  has(id: number): boolean;
}

/** A stretch of a block too short to collapse, at the start of a line: see `Assembly.openers`. */
export interface Opener {
  readonly start: number;
  readonly end: number;
  readonly words: number;
  readonly next: number;
}

const NONE: readonly never[] = Object.freeze([]);
/** No cluster: the end of a block's reading order (cluster ids are sentence ids, never negative). */
const NO_CLUSTER = -1;
const FULL_WIDTH_STOPS = '。！？';
const FULL_WIDTH_CLOSERS = '」』”’）';

/**
 * True when `pieces`, joined, end with a full-width stop (Chinese, Japanese), closing marks after
 * it allowed: `/[。！？][」』”’）]*$/`, read from the end of the last piece back, since a wording
 * is built sentence by sentence: reading the end of the text built so far would flatten it, each
 * time, which is quadratic in a block's sentences.
 */
function endsFullWidth(pieces: readonly string[]): boolean {
  for (let piece = pieces.length - 1; piece >= 0; piece -= 1) {
    const text = pieces[piece] as string;
    for (let at = text.length - 1; at >= 0; at -= 1) {
      if (FULL_WIDTH_CLOSERS.includes(text[at] as string)) continue;
      return FULL_WIDTH_STOPS.includes(text[at] as string);
    }
  }
  return false;
}

const LABEL_WORDS = 8;
/** The least Dice score of a copy of one sentence standing alone, with the earliest holder's wording (see `loneCopyTooFar` in {@link assemble}). */
export const LONE_SIMILARITY = 0.85;
// Up to this many distinct wordings, every pair is scored for `minSimilarity`; beyond it, each against the canonical one.
const ALL_PAIRS_VARIANT_LIMIT = 6;

interface Run {
  readonly sentences: number[];
  /** Its clusters' set of articles, as a number (see `articleSetOf` in {@link assemble}). */
  readonly key: number;
}

/**
 * Turns sentence clusters into blocks. A run is a stretch of consecutive shared sentences in one
 * article whose clusters stand in the same set of articles (list chrome in between is skipped);
 * clusters that run together anywhere form one block, so every shared sentence belongs to exactly
 * one block. Blocks shorter than `minBlockWords` are common phrases, not blocks, and are dropped.
 */
export function assemble(corpus: AssembleCorpus, matches: Matches, settings: { readonly minBlockWords: number }): Assembly {
  const { pathOf } = corpus;
  // Once per holder list: a cluster's list is one array, and a common sentence has thousands of holders.
  const canonicalOf = new WeakMap<readonly number[], number>();
  const earliest = (holders: readonly number[]): number => {
    if (corpus.earliest === undefined) return holders[0] ?? 0;
    let canonical = canonicalOf.get(holders);
    if (canonical === undefined) {
      canonical = corpus.earliest(holders);
      canonicalOf.set(holders, canonical);
    }
    return canonical;
  };
  const articles = new Map<number, AssembleArticle>();
  for (const [article, matched] of corpus.matched) {
    const listChrome: (ChromeReason | undefined)[] = [];
    for (const line of corpus.lines(article)) if (line.list !== undefined && !line.inside) listChrome[line.paragraph] = line.list;
    // Made field by field: spreading an object costs several times more, once per matched article.
    articles.set(article, { text: matched.text, segmentation: matched.segmentation, quoted: matched.quoted, listChrome });
  }
  const base = (article: number): number => corpus.sentenceBase[article] ?? 0;
  // By article, its packed sentences, read in place: the accessors below run for every sentence
  // of every run, and make no object.
  const packedSentences: (Uint32Array | undefined)[] = [];
  for (const [article, matched] of articles) packedSentences[article] = matched.segmentation.sentences;
  /** Field `field` of sentence `id`'s packed record: 0 its start, 1 its end, 2 its paragraph, 3 its words. */
  const sentenceField = (id: number, field: 0 | 1 | 2 | 3): number => {
    const article = matches.articleOf[id] ?? 0;
    const sentences = packedSentences[article];
    const at = (id - base(article)) * 4;
    if (sentences === undefined || at < 0 || at + 3 >= sentences.length) throw new RangeError(`no sentence ${id}`);
    return sentences[at + field] as number;
  };
  // Equal for two sentences known to hold the same text (see `Matches.sameText`); two such with
  // leads of one length (or none) have the same body too.
  const sameTextOf = (id: number): number => matches.sameText?.[id] ?? id;
  // A lead split off a sentence that another copy runs into the sentence too ("ISLAMABAD, Jan 2
  // (APP): …" in two reprints of one wire story, or an inline heading in two lightly edited copies)
  // is part of the copy: the sentence is whole. A sentence with no lead is read once per text
  // identity (`Matches.sameText`): a background's sentence may have thousands of verbatim copies.
  const readOnce = new Map<number, LeadText>();
  const wholeLeads = leadsInCopies(matches, (id) => {
    const unled = (matches.bodyStart[id] ?? -1) < 0;
    const read = unled ? readOnce.get(sameTextOf(id)) : undefined;
    if (read !== undefined) return read;
    const article = matches.articleOf[id] ?? 0;
    const matched = articles.get(article);
    const sentence = matched === undefined ? undefined : sentenceAt(matched.segmentation, id - base(article));
    // A sentence of an article that is not at hand (it changed mid-run) matches nothing.
    if (sentence === undefined || matched === undefined) return { whole: `\u0000${id}`, lead: undefined, text: '' };
    const body = matches.bodyStart[id] ?? -1;
    const text = matched.text.slice(sentence.start, sentence.end);
    const lead = body > sentence.start ? matched.text.slice(sentence.start, body) : undefined;
    const dateline = lead !== undefined && isDateline(lead);
    const found = { whole: normalizeForComparison(text), lead: lead === undefined ? undefined : normalizeForComparison(lead), text, dateline, opening: dateline ? lead.trim() : lead === undefined ? datelineOf(text) : undefined };
    if (unled) readOnce.set(sameTextOf(id), found);
    return found;
  });
  // Asked of nearly every shared sentence, often more than once: a flag per sentence, not a set.
  const wholeLead = new Uint8Array(wholeLeads.size === 0 ? 0 : matches.bodyStart.length);
  for (const id of wholeLeads) wholeLead[id] = 1;
  const bodyStartOf = (id: number): number => (wholeLead[id] === 1 ? -1 : (matches.bodyStart[id] ?? -1));
  const clusterOf = (id: number): number => matches.cluster[id] ?? id;
  const leadLength = (id: number): number => {
    const body = bodyStartOf(id);
    return body < 0 ? -1 : body - sentenceField(id, 0);
  };
  const bodySpan = (id: number): Span => {
    const body = bodyStartOf(id);
    return { start: body >= 0 ? body : sentenceField(id, 0), end: sentenceField(id, 1) };
  };
  const bodyWords = (id: number): number => {
    const body = bodyStartOf(id);
    return body >= 0 ? countWords(articles.get(matches.articleOf[id] ?? 0)?.text.slice(body, sentenceField(id, 1)) ?? '') : sentenceField(id, 3);
  };
  const bodyText = (id: number): string => {
    const body = bodyStartOf(id);
    return articles.get(matches.articleOf[id] ?? 0)?.text.slice(body >= 0 ? body : sentenceField(id, 0), sentenceField(id, 1)) ?? '';
  };
  const clusterArticles = new ClusterArticles(matches);
  // Per cluster, the lists of its copies outside the corpus (its sentences' lists, each once), all
  // of them and those of sentences long enough alone to be a copy of a block.
  const unreadLists = new Map<number, Set<readonly string[]>>();
  const unreadAlone = new Map<number, Set<readonly string[]>>();
  const addList = (lists: Map<number, Set<readonly string[]>>, cluster: number, keys: readonly string[]): void => {
    const found = lists.get(cluster);
    if (found === undefined) lists.set(cluster, new Set([keys]));
    else found.add(keys);
  };
  if (corpus.unreadCopies !== undefined) {
    matches.cluster.forEach((cluster, id) => {
      const keys = corpus.unreadCopies?.(id);
      // A sentence with no copy in the corpus stands in no block, whatever its copies outside.
      if (keys === undefined || keys.length === 0 || !clusterArticles.has(cluster)) return;
      addList(unreadLists, cluster, keys);
      if (bodyWords(id) >= settings.minBlockWords) addList(unreadAlone, cluster, keys);
    });
  }
  const unread = new Map<number, number>();
  for (const [cluster, lists] of unreadLists) unread.set(cluster, distinctCount(lists));
  // Per cluster, its set of articles as a number: clusters over the same articles get the same one.
  // Told once per cluster, so that comparing two is one step however many articles they reach.
  // -1: not a shared cluster. Indexed by cluster id, a sentence id.
  const articleSetOf = new Int32Array(matches.cluster.length).fill(-1);
  const keyNumbers = new Map<string, number>();
  for (const cluster of clusterArticles.clusters) {
    const holders = clusterArticles.get(cluster) ?? NONE;
    // A cluster with copies outside the corpus stands in other articles than any cluster without.
    const text = `${holders.join(',')}${unread.has(cluster) ? `+${unread.get(cluster) ?? 0}` : ''}`;
    let key = keyNumbers.get(text);
    if (key === undefined) keyNumbers.set(text, (key = keyNumbers.size));
    articleSetOf[cluster] = key;
  }
  keyNumbers.clear();

  // Neighbouring sentences whose copies stand in nearly the same articles are one background: a
  // copy that lost or rewrote a sentence must not cut the block in two. Decided once per pair of
  // clusters, so that the cost follows the distinct pairs, not the articles times the reach.
  // Pairs of clusters are keyed by their ids, the lower first, in tables of numbers (see `PairTable`).
  const togetherCache = new PairTable();
  const reachOf = placesOf(matches, clusterArticles);
  // Per pair of clusters, how many articles hold them side by side (consecutive sentences). Copies
  // of one background that each drop different sentences leave neighbours whose sets of articles
  // differ much, neither within the other; but wherever both stand, they stand side by side. An
  // article counts once per pair: `countedIn` holds the last article that counted it.
  const sideBySide = new PairTable();
  const countedIn = new PairTable();
  for (const [articleIndex, article] of articles) {
    let previous = -1;
    for (let id = base(articleIndex), end = id + article.segmentation.sentences.length / 4; id < end; id += 1) {
      const cluster = matches.cluster[id] ?? id;
      if ((articleSetOf[cluster] ?? -1) < 0) {
        previous = -1;
        continue;
      }
      // Only clusters of a few articles are counted: over more, their sets tell (see `SIDE_BY_SIDE_REACH`).
      if (previous >= 0 && previous !== cluster && reachOf(previous).length <= SIDE_BY_SIDE_REACH && reachOf(cluster).length <= SIDE_BY_SIDE_REACH) {
        const low = Math.min(previous, cluster);
        const high = Math.max(previous, cluster);
        if (countedIn.get(low, high) !== articleIndex) {
          countedIn.set(low, high, articleIndex);
          sideBySide.set(low, high, sideBySide.get(low, high, 0) + 1);
        }
      }
      previous = cluster;
    }
  }
  const together = (a: number, b: number): boolean => {
    if (a === b) return true;
    const low = Math.min(a, b);
    const high = Math.max(a, b);
    const known = togetherCache.get(low, high);
    if (known >= 0) return known === 1;
    const verdict = nearlySameArticles(reachOf(a), reachOf(b), unread.get(a) ?? 0, unread.get(b) ?? 0) || (!unread.has(a) && !unread.has(b) && besideEachOther(sideBySide.get(low, high, 0), reachOf(a), reachOf(b)));
    togetherCache.set(low, high, verdict ? 1 : 0);
    return verdict;
  };

  // True when every article that holds cluster `of` holds cluster `cluster` too.
  const holderSets = new Map<number, ReadonlySet<number>>();
  const holdsAll = (cluster: number, of: number): boolean => {
    let holders = holderSets.get(cluster);
    if (holders === undefined) holderSets.set(cluster, (holders = new Set(clusterArticles.get(cluster) ?? [])));
    const wanted = clusterArticles.get(of) ?? [];
    return wanted.length <= holders.size && wanted.every((article) => holders.has(article));
  };

  // Runs, per article that holds matched sentences, in article order.
  const order = [...articles.keys()].sort((a, b) => a - b);
  const titled = (article: number): boolean => corpus.titled?.(article) === true;
  const sharedTitles = verbatimTitles(order, articles, base, matches, articleSetOf, bodyText, titled);
  // Stretches too short to collapse that open a line going on (see `Assembly.openers`), per article.
  const openers = new Map<number, Opener[]>();
  const addOpener = (article: number, first: number, last: number, words: number): void => {
    const list = openers.get(article) ?? [];
    list.push({ start: bodySpan(first).start, end: bodySpan(last).end, words, next: last + 1 });
    openers.set(article, list);
  };
  // `absorb`: clusters of blocks too short to keep (a common phrase, or a sentence also matched in
  // an unrelated article). Such a sentence inside a run whose articles all hold it is part of that
  // background, held like a short sentence until the run goes on; it never starts a run itself.
  // With `again`, the runs and openers of a pass before, for the articles that hold no sentence
  // of `absorb`: theirs come out the same, since only a sentence of `absorb` reads it.
  const buildRuns = (absorb: ReadonlySet<number>, again?: { readonly runs: ReadonlyMap<number, Run[]>; readonly openers: ReadonlyMap<number, Opener[]> }): Map<number, Run[]> => {
    const affected = new Set<number>();
    for (const cluster of absorb) for (const article of clusterArticles.get(cluster) ?? NONE) affected.add(article);
    openers.clear();
    const runs = new Map<number, Run[]>();
    for (const articleIndex of order) {
      const article = articles.get(articleIndex);
      if (article === undefined) continue;
      const before = again?.runs.get(articleIndex);
      if (before !== undefined && !affected.has(articleIndex)) {
        runs.set(articleIndex, before);
        const opened = again?.openers.get(articleIndex);
        if (opened !== undefined) openers.set(articleIndex, opened);
        continue;
      }
      const found: Run[] = [];
      // `anchor`: the run's last long sentence; `widest`: its long sentence whose cluster stands in
      // the most articles, the background's best-kept sentence.
      let open: (Run & { anchor: number; widest: number }) | undefined;
      // Short sentences ("Veritas?", "He said so.") read after the run's last long one, held until a
      // sentence of the run follows them: a common short sentence, whose copies stand in many other
      // articles, must not cut a background in two, nor be glued to its end.
      let pending: number[] = [];
      const close = (): void => {
        if (open !== undefined) found.push({ sentences: open.sentences, key: open.key });
        open = undefined;
        pending = [];
      };
      for (let p = 0, paragraph = paragraphAt(article.segmentation, p); paragraph !== undefined; p += 1, paragraph = paragraphAt(article.segmentation, p)) {
        if (article.listChrome[p] !== undefined) continue;
        // Only a matched first sentence is read (its text is at hand): any other closes no run.
        const opening = base(articleIndex) + paragraph.firstSentence;
        if (p === 0 && (articleSetOf[matches.cluster[opening] ?? opening] ?? -1) >= 0 && isTitle(article.segmentation, paragraph, article.text, titled(articleIndex)) && !sharedTitles.has(opening)) continue;
        for (let s = paragraph.firstSentence; s < paragraph.endSentence; s += 1) {
          const id = base(articleIndex) + s;
          if (bodyStartOf(id) >= 0) close();
          const key = articleSetOf[matches.cluster[id] ?? id] ?? -1;
          if (key < 0) {
            close();
            continue;
          }
          const cluster = matches.cluster[id] ?? id;
          const short = bodyWords(id) <= SHORT_SENTENCE_WORDS;
          // A sentence of a dropped block that opens a line going on ("Like this article? Share it …").
          if (absorb.has(cluster) && s === paragraph.firstSentence && s + 1 < paragraph.endSentence) addOpener(articleIndex, id, id, bodyWords(id));
          if (open !== undefined) {
            // A sentence runs on with the one before it, or with the background's best-kept
            // sentence: copies that each lack a different sentence leave two neighbours in sets of
            // articles neither of which holds the other, both within the best-kept one's.
            const widest = matches.cluster[open.widest] ?? open.widest;
            if (open.key === key || together(matches.cluster[open.anchor] ?? open.anchor, cluster) || (!short && together(widest, cluster))) {
              open.sentences.push(...pending, id);
              pending = [];
              if (!short) {
                open.anchor = id;
                if (reachOf(cluster).length + (unread.get(cluster) ?? 0) > reachOf(widest).length + (unread.get(widest) ?? 0)) open.widest = id;
              }
              continue;
            }
            if ((short || (absorb.has(cluster) && holdsAll(cluster, matches.cluster[open.anchor] ?? open.anchor))) && pending.length < MAX_PENDING) {
              pending.push(id);
              continue;
            }
            // Held sentences that open this line ("Like this article?") and did not join the run:
            // they open the line that goes on here.
            const held = pending[0];
            if (held !== undefined && held - base(articleIndex) >= paragraph.firstSentence && opensLine(article.segmentation, held - base(articleIndex), id - 1 - base(articleIndex))) {
              addOpener(articleIndex, held, id - 1, pending.reduce((sum, sentence) => sum + bodyWords(sentence), 0));
            }
          }
          close();
          if (absorb.has(cluster)) continue;
          open = { sentences: [id], key, anchor: id, widest: id };
        }
      }
      close();
      runs.set(articleIndex, found);
    }
    return runs;
  };

  // Clusters that run together anywhere are one block.
  const draftBlocks = (runs: ReadonlyMap<number, readonly Run[]>) => {
    // Over cluster ids (sentence ids), the least id the root.
    const blocks = new UnionFind(matches.cluster.length);
    const findBlock = (cluster: number): number => blocks.find(cluster);
    const join = (a: number, b: number): void => blocks.union(a, b);
    for (const articleRuns of runs.values()) {
      let before: Run | undefined;
      for (const run of articleRuns) {
        for (let i = 1; i < run.sentences.length; i += 1) join(matches.cluster[run.sentences[i - 1] ?? 0] ?? 0, matches.cluster[run.sentences[i] ?? 0] ?? 0);
        // A background whose copy holds a sentence of its own (a changed figure, a rewritten line)
        // is still one background: runs a sentence or two apart, over nearly the same articles, are
        // one block, though each stays an occurrence of its own and the sentence between stays.
        const last = before?.sentences[before.sentences.length - 1];
        const first = run.sentences[0];
        if (last !== undefined && first !== undefined && first - last <= BRIDGE + 1) {
          const x = matches.cluster[last] ?? last;
          const y = matches.cluster[first] ?? first;
          if (together(x, y)) join(x, y);
        }
        before = run;
      }
    }

    // Each block's sentences in the order the copies give, and its length in words as the first
    // article to read each sentence in a run words it. A sentence one copy lacks goes after the
    // sentence it follows in the copy that has it, or, opening that copy's part of the block,
    // before the first sentence there that the block already holds: copies that each drop a
    // different sentence then still give the sentences in the order they were written.
    interface Draft {
      readonly root: number;
      /** Clusters in reading order, once all are read (built from `first`, `after` and `before`). */
      order: number[];
      /**
       * Reading order as it is built, a list linked both ways: its first cluster, and the one
       * after and before each. A cluster goes in beside one already placed in constant time;
       * finding that one's place in an array would make a block's order quadratic in its length.
       */
      first: number | undefined;
      readonly after: Map<number, number>;
      readonly before: Map<number, number>;
      /** Clusters whose words are counted. */
      readonly counted: Set<number>;
      words: number;
    }
    const placeAfter = (draft: Draft, previous: number, cluster: number): void => {
      const next = draft.after.get(previous) ?? NO_CLUSTER;
      draft.after.set(cluster, next);
      draft.after.set(previous, cluster);
      draft.before.set(cluster, previous);
      if (next !== NO_CLUSTER) draft.before.set(next, cluster);
    };
    const placeBefore = (draft: Draft, next: number | undefined, cluster: number): void => {
      if (next === undefined) {
        draft.after.set(cluster, NO_CLUSTER);
        draft.first = cluster;
        return;
      }
      const previous = draft.before.get(next);
      if (previous === undefined) {
        draft.after.set(cluster, next);
        draft.before.set(next, cluster);
        draft.first = cluster;
      } else placeAfter(draft, previous, cluster);
    };
    const drafts = new Map<number, Draft>();
    for (const articleRuns of runs.values()) {
      // This article's sentences of each block, in reading order.
      const byBlock = new Map<number, number[]>();
      for (const run of articleRuns) {
        for (const id of run.sentences) {
          const root = findBlock(matches.cluster[id] ?? id);
          const ids = byBlock.get(root);
          if (ids === undefined) byBlock.set(root, [id]);
          else ids.push(id);
        }
      }
      for (const [root, ids] of byBlock) {
        let draft = drafts.get(root);
        if (draft === undefined) {
          draft = { root, order: [], first: undefined, after: new Map(), before: new Map(), counted: new Set(), words: 0 };
          drafts.set(root, draft);
        }
        // The block's cluster read last in this article: the next one read goes after it.
        let previous: number | undefined;
        ids.forEach((id, at) => {
          const cluster = matches.cluster[id] ?? id;
          if (!draft.after.has(cluster)) {
            if (previous !== undefined) placeAfter(draft, previous, cluster);
            else {
              // The first this article reads of the block: before the first it reads later that the block holds, else first.
              let next: number | undefined;
              for (let later = at + 1; later < ids.length && next === undefined; later += 1) {
                const candidate = matches.cluster[ids[later] as number] ?? (ids[later] as number);
                if (draft.after.has(candidate)) next = candidate;
              }
              placeBefore(draft, next ?? draft.first, cluster);
            }
          }
          // Counted where first read: runs go in article order, so at the first holder whose run holds it.
          if (!draft.counted.has(cluster)) {
            draft.counted.add(cluster);
            draft.words += bodyWords(id);
          }
          previous = cluster;
        });
      }
    }
    for (const draft of drafts.values()) {
      for (let cluster = draft.first ?? NO_CLUSTER; cluster !== NO_CLUSTER; cluster = draft.after.get(cluster) ?? NO_CLUSTER) draft.order.push(cluster);
    }
    return { drafts: [...drafts.values()], findBlock };
  };

  let runs = buildRuns(new Set());
  corpus.between?.();
  let pass = draftBlocks(runs);
  // Blocks too short to keep give their sentences back: a second pass lets each join the
  // background around it, where all that background's articles hold it.
  const dropped = new Set(pass.drafts.filter((draft) => draft.words < settings.minBlockWords).flatMap((draft) => draft.order));
  if (dropped.size > 0) {
    runs = buildRuns(dropped, { runs, openers: new Map(openers) });
    pass = draftBlocks(runs);
  }
  const { findBlock } = pass;
  const draftList = pass.drafts;
  const kept = draftList.filter((draft) => draft.words >= settings.minBlockWords);
  const blockIndex = new Map<number, number>();
  kept.forEach((draft, index) => blockIndex.set(draft.root, index));
  const blockOf = (id: number): number | undefined => blockIndex.get(findBlock(matches.cluster[id] ?? id));

  // A copy of one sentence standing alone in an article has no neighbour to confirm that it is a
  // copy: within the outlet of its sentence's earliest holder, it must score LONE_SIMILARITY with
  // that holder's wording, or it stays in its article (a borderline score there is as often the
  // outlet's next report in the same words: "adjourned the hearing for one month" and "till
  // tomorrow"). The earliest holder's instance of each cluster, found once when first asked.
  let earliestInstance: Map<number, number> | undefined;
  const instanceOfEarliest = (cluster: number): number | undefined => {
    if (earliestInstance === undefined) {
      earliestInstance = new Map();
      const earliestArticle = new Map<number, number>();
      matches.cluster.forEach((of, id) => {
        // Most sentences stand in no shared cluster: told from an array, before any map is asked.
        const holders = clusterArticles.get(of);
        if (holders === undefined || earliestInstance?.has(of) === true) return;
        let article = earliestArticle.get(of);
        if (article === undefined) earliestArticle.set(of, (article = earliest(holders)));
        if ((matches.articleOf[id] ?? -1) === article) earliestInstance?.set(of, id);
      });
    }
    return earliestInstance.get(cluster);
  };
  const loneCopyTooFar = (sentences: readonly number[]): boolean => {
    const id = sentences[0];
    if (id === undefined) return false;
    const cluster = matches.cluster[id] ?? id;
    if (sentences.some((other) => (matches.cluster[other] ?? other) !== cluster)) return false;
    const canonical = instanceOfEarliest(cluster);
    if (canonical === undefined || (matches.articleOf[canonical] ?? -1) === (matches.articleOf[id] ?? -2) || sameTextOf(canonical) === sameTextOf(id)) return false;
    // Between two outlets a borderline copy is a wire sentence reprinted or a site template with its
    // site's name ("please tell the Daily …"), not an outlet's next report in its own words.
    const sourceOf = corpus.sourceOf;
    if (sourceOf !== undefined && sourceOf(matches.articleOf[canonical] ?? 0) !== sourceOf(matches.articleOf[id] ?? 0)) return false;
    return diceOf(loneKey(bodyText(canonical)), loneKey(bodyText(id))) < LONE_SIMILARITY;
  };
  // A canonical wording is compared with each of its lone copies: normalised once.
  const loneKey = comparableOnce();

  // One flag per sentence of the corpus rather than a set of the ids: a real corpus has hundreds of thousands of them.
  const inBlockFlags = new Uint8Array(matches.cluster.length);
  for (const articleRuns of runs.values()) {
    for (const run of articleRuns) {
      if (blockOf(run.sentences[0] ?? -1) !== undefined) for (const id of run.sentences) inBlockFlags[id] = 1;
    }
  }
  const inBlock: SentenceSet = { has: (id) => inBlockFlags[id] === 1 };

  // Occurrences, with headings. A heading on its own line right before a block is taken as it is;
  // an unmatched lead run into the first sentence ("Pak-Afghan relations Pakistan’s …", but also
  // "They …") is a heading only when the same words head the block in another article too.
  interface DraftOccurrence {
    readonly run: Run;
    readonly block: number;
    readonly candidate: { span: Span; kind: 'inline' | 'line' } | undefined;
    readonly key: string | undefined;
  }
  const drafted = new Map<number, DraftOccurrence[]>();
  const lineOpened = new Set<string>();
  for (const [articleIndex, articleRuns] of runs) {
    const article = articles.get(articleIndex);
    if (article === undefined) continue;
    const list: DraftOccurrence[] = [];
    for (const run of articleRuns) {
      const block = blockOf(run.sentences[0] ?? -1);
      if (block === undefined) continue;
      const first = run.sentences[0] ?? 0;
      const candidate = findHeading(article, first - base(articleIndex), bodyStartOf(first), (s) => inBlock.has(base(articleIndex) + s));
      const key = candidate === undefined ? undefined : `${block}\u0000${normalizeForComparison(article.text.slice(candidate.span.start, candidate.span.end))}`;
      list.push({ run, block, candidate, key });
      // A block that opens, here, with a heading-like line of its own (the heading joined the run,
      // its copies standing over nearly the same articles): an inline lead of those words elsewhere is its heading.
      const opening = sentenceAt(article.segmentation, first - base(articleIndex));
      const line = opening === undefined ? undefined : paragraphAt(article.segmentation, opening.paragraph);
      if (opening !== undefined && line !== undefined && line.endSentence - line.firstSentence === 1 && bodyStartOf(first) < 0) {
        const text = article.text.slice(opening.start, opening.end);
        if (isHeadingLike(text)) lineOpened.add(`${block}\u0000${normalizeForComparison(text)}`);
      }
    }
    drafted.set(articleIndex, list);
  }
  const headingVotes = new Map<string, Set<number>>();
  for (const [articleIndex, list] of drafted) {
    for (const { key } of list) {
      if (key === undefined) continue;
      const voters = headingVotes.get(key) ?? new Set<number>();
      voters.add(articleIndex);
      headingVotes.set(key, voters);
    }
  }
  // A heading is the article's own line unless the block is headed with the same words elsewhere:
  // a line heading needs a second article with it, and a lead run into the first sentence needs an
  // article where it stands on a line of its own. An unconfirmed lead leaves its whole sentence in
  // the article, so that a marker never stands beside half a sentence.
  const lineHeaded = new Set<string>();
  for (const list of drafted.values()) for (const { candidate, key } of list) if (candidate?.kind === 'line' && key !== undefined) lineHeaded.add(key);
  const byArticle = new Map<number, Occurrence[]>();
  const holdersOf = new Map<number, Set<number>>();
  for (const [articleIndex, list] of drafted) {
    const article = articles.get(articleIndex);
    if (article === undefined) continue;
    for (const { run, block, candidate, key } of list) {
      const votes = headingVotes.get(key ?? '')?.size ?? 0;
      const confirmed = candidate !== undefined && ((votes >= 2 && (candidate.kind === 'line' || lineHeaded.has(key ?? ''))) || (candidate.kind === 'inline' && lineOpened.has(key ?? '')));
      let heading = confirmed ? candidate.span : undefined;
      // A dateline lead ("DUBAI: ", "KARACHI, Jan 2 (APP): ") is the article's own, and no half of
      // a sentence: it stays, and the block is collapsed from the body on.
      const opening = run.sentences[0] ?? 0;
      const leadStays = heading === undefined && bodyStartOf(opening) >= 0 && !isDateline(article.text.slice(sentenceField(opening, 0), bodyStartOf(opening)));
      const whole = leadStays ? run.sentences.slice(1) : run.sentences;
      // Nor half a quotation: a copy that starts inside one the article's own text opens, or ends
      // inside one its own text closes, leaves those sentences in place (see `quotedSentences`).
      const sentences = outsideQuotes(whole, article.quoted, base(articleIndex));
      if (sentences.length < whole.length && sentences[0] !== whole[0]) heading = undefined;
      if (loneCopyTooFar(sentences)) continue;
      const first = sentences[0];
      const last = sentences[sentences.length - 1];
      if (first === undefined || last === undefined) continue;
      const words = sentences.reduce((sum, id) => sum + bodyWords(id), 0) + (heading === undefined ? 0 : countWords(article.text.slice(heading.start, heading.end)));
      // A stretch shorter than a block is a common phrase here ("Key points:"), not a copy of the block.
      if (words < settings.minBlockWords) {
        if (opensLine(article.segmentation, first - base(articleIndex), last - base(articleIndex))) addOpener(articleIndex, first, last, words);
        continue;
      }
      const clusters = new Set(sentences.map((id) => matches.cluster[id] ?? id)).size;
      const occurrence: Occurrence = { block, sentences, clusters, heading, start: heading?.start ?? bodySpan(first).start, end: bodySpan(last).end, words };
      const held = byArticle.get(articleIndex);
      if (held === undefined) byArticle.set(articleIndex, [occurrence]);
      else held.push(occurrence);
      holdersOf.set(block, (holdersOf.get(block) ?? new Set<number>()).add(articleIndex));
    }
  }
  // A block left in one article (its other copies were only leads and their sentences) is no block.
  const live = kept.flatMap((draft, index) => ((holdersOf.get(index)?.size ?? 0) >= 2 ? [{ draft, holders: [...(holdersOf.get(index) ?? [])].sort((a, b) => a - b), was: index }] : []));
  const renumber = new Map(live.map(({ was }, index) => [was, index]));
  const occurrences: (readonly Occurrence[])[] = new Array<readonly Occurrence[]>(corpus.articleCount).fill(NONE);
  for (const [articleIndex, list] of byArticle) {
    const shared = list.flatMap((occurrence) => {
      const block = renumber.get(occurrence.block);
      return block === undefined ? [] : [{ ...occurrence, block }];
    });
    if (shared.length > 0) occurrences[articleIndex] = joinAdjacent(shared, clusterOf);
  }

  corpus.between?.();
  // Each block's occurrences, by holder, read once: going through every holder's occurrences for
  // each of its blocks would cost an article of many blocks its blocks squared.
  const occurrencesOfBlock = live.map(() => new Map<number, Occurrence[]>());
  occurrences.forEach((held, article) => {
    for (const occurrence of held) {
      const byHolder = occurrencesOfBlock[occurrence.block];
      const list = byHolder?.get(article);
      if (list === undefined) byHolder?.set(article, [occurrence]);
      else list.push(occurrence);
    }
  });
  // Sentences that stay where they first appeared under `keep: first` (see `Occurrence.pieces`).
  const firstAppearances = new Set<number>();
  const draftedBlocks: Block[] = live.map(({ draft, holders: ascending }, index) => {
    // The earliest-published holder comes first: its wording is canonical, and the block's id is told from it.
    const first = earliest(ascending);
    const holders = [first, ...ascending.filter((article) => article !== first)];
    // Each holder's instances of each sentence of the block, from its occurrences.
    const held = occurrencesOfBlock[index];
    const instancesOf = holders.map((articleIndex) => {
      const instances = new Map<number, number[]>();
      for (const occurrence of held?.get(articleIndex) ?? NONE) {
        for (const id of occurrence.sentences) {
          const cluster = matches.cluster[id] ?? id;
          const ids = instances.get(cluster);
          if (ids === undefined) instances.set(cluster, [id]);
          else ids.push(id);
        }
      }
      return instances;
    });
    // The canonical wording: each sentence as the earliest holder that has it words it, in the copies' order.
    const canonical = draft.order.flatMap((cluster) => {
      const id = instancesOf.find((instances) => instances.has(cluster))?.get(cluster)?.[0];
      return id === undefined ? [] : [id];
    });
    const canonicalArticle = holders[0] ?? 0;
    const clusters = canonical.map((id) => matches.cluster[id] ?? id);
    // The earliest holder keeps the block's text in place (keep: first); a sentence it lacks stays
    // where it first appeared: in the earliest article that has it, when that article holds it in
    // this block (elsewhere, or outside its occurrence, as a sentence left whole for an unconfirmed
    // lead, it stays whole there already).
    for (const cluster of clusters) {
      if (instancesOf[0]?.has(cluster) === true) continue;
      const slot = holders.indexOf(earliest(clusterArticles.get(cluster) ?? []));
      for (const id of instancesOf[slot]?.get(cluster) ?? []) firstAppearances.add(id);
    }
    const unreadHolders = distinctCount(new Set(clusters.flatMap((cluster) => [...(unreadAlone.get(cluster) ?? [])])));
    const headings = holders.flatMap((articleIndex) =>
      (held?.get(articleIndex) ?? NONE)
        .filter((occurrence) => occurrence.heading !== undefined)
        .map((occurrence) => ({ articleIndex, text: headingText(articles.get(articleIndex)?.text, occurrence.heading) })),
    );
    const heading = chooseHeading(headings, canonicalArticle);
    const canonicalText = canonicalWording(canonical, heading, articles.get(canonicalArticle)?.segmentation.lineEnding ?? '\n', bodyText, (id) => sentenceField(id, 2));
    // Each article's wording: the first instance of each sentence in it. An article that holds a
    // sentence again (the same block twice, or a sentence repeated) adds a row for each further
    // instance, so that the variants keep every wording. A holder that holds each sentence once,
    // each of the same text as the canonical one (one `sameText` set, through any copies) with a
    // lead of the same length, adds no wording and no variant: it is skipped, so that the work on
    // a block's texts follows its wordings, not its reach.
    const readsAsCanonical = (instances: ReadonlyMap<number, readonly number[]>): boolean =>
      clusters.every((cluster, position) => {
        const ids = instances.get(cluster);
        const id = ids?.[0];
        const own = canonical[position] ?? -1;
        if (ids === undefined || ids.length !== 1 || id === undefined) return false;
        return id === own || (sameTextOf(id) === sameTextOf(own) && leadLength(id) === leadLength(own));
      });
    // Rows of sentence ids, a holder's first instances: -1 where it lacks the sentence (an empty
    // wording). Its further instances go by position, holder by holder: a sentence held 700 times
    // in a block of 30,000 sentences adds 699 entries, not 699 rows of 30,000.
    const wordings: WordingRow[] = [{ slot: 0, ids: canonical }];
    const further = new Map<number, FurtherInstance[]>();
    instancesOf.forEach((instances, slot) => {
      if (readsAsCanonical(instances)) return;
      wordings.push({ slot, ids: clusters.map((cluster) => instances.get(cluster)?.[0] ?? -1) });
      clusters.forEach((cluster, position) => {
        const ids = instances.get(cluster) ?? [];
        for (let row = 1; row < ids.length; row += 1) {
          const instance = { id: ids[row] as number, slot };
          const list = further.get(position);
          if (list === undefined) further.set(position, [instance]);
          else list.push(instance);
        }
      });
    });
    // Many holders share one wording of a sentence: each distinct text is normalised once, and a
    // wording as compared is its sentences' normalised texts joined (what normalising the joined
    // text gives, since a line break only ever separates).
    const keyOfText = comparableOnce();
    // A sentence's key, told once per text: by its text's identity (see `Matches.sameText`) when
    // no lead was split off it, else by its text. One text under two identities (two copies never
    // paired with each other) is normalised twice, to the same key: rarer, and cheaper, than
    // hashing every text to look it up.
    const keyByIdentity = new Map<number, string>();
    const keyOf = (id: number): string => {
      if (id < 0) return '';
      if (leadLength(id) >= 0) return keyOfText(bodyText(id));
      const identity = sameTextOf(id);
      let key = keyByIdentity.get(identity);
      if (key === undefined) keyByIdentity.set(identity, (key = normalizeForComparison(bodyText(id))));
      return key;
    };
    const distinct = distinctWordings(wordings, keyOf);
    // Labelled by its first sentence that half its holders or more hold, not one the earliest holder
    // alone added, which the markers of the copies without it would name.
    const holding = new Map<number, number>();
    for (const instances of instancesOf) for (const cluster of instances.keys()) holding.set(cluster, (holding.get(cluster) ?? 0) + 1);
    const labelled = canonical.find((id) => (holding.get(matches.cluster[id] ?? id) ?? 0) * 2 >= holders.length) ?? canonical[0];
    const label = heading ?? firstWords(normalizeSpaces(bodyText(labelled ?? -1)), LABEL_WORDS);
    const id = blockId(distinct.first);
    return {
      id,
      label,
      articles: ascending,
      canonical: canonicalArticle,
      sentences: clusters.length,
      words: countWords(canonicalText),
      ...(heading === undefined ? {} : { headingWords: countWords(heading) }),
      canonicalText,
      variants: distinct.count,
      minSimilarity: lowestSimilarity(canonical, wordings, further, keyOf),
      // Row 0 is the canonical wording; then each holder's that may differ from it.
      variantWordings: collectVariants(wordings, further, headings, heading, holders.map(pathOf), pathOf, keyOf, (id) => (id < 0 ? '' : bodyText(id)), (id) => pathOf(matches.articleOf[id] ?? 0)),
      ...(unreadHolders > 0 ? { unreadHolders } : {}),
    };
  });
  if (firstAppearances.size > 0) {
    occurrences.forEach((held, article) => {
      if (!held.some((occurrence) => occurrence.sentences.some((id) => firstAppearances.has(id)))) return;
      occurrences[article] = held.map((occurrence) =>
        occurrence.sentences.some((id) => firstAppearances.has(id)) ? { ...occurrence, pieces: piecesOf(occurrence, firstAppearances, { bodySpan, bodyWords, clusterOf }, settings.minBlockWords) } : occurrence,
      );
    });
  }
  return { blocks: disambiguateIds(distinguishLabels(draftedBlocks)), occurrences, inBlock, ...(openers.size === 0 ? {} : { openers }) };
}

/**
 * One article's occurrences with each two of one block that stand side by side (the one's first
 * sentence the next after the other's last, no heading between) made one: two runs of a background
 * that its copies split apart (a sentence between them standing over fewer articles) read as one
 * copy here, with one marker.
 */
function joinAdjacent(list: readonly Occurrence[], clusterOf: (id: number) => number): Occurrence[] {
  const joined: Occurrence[] = [];
  for (const occurrence of list) {
    const last = joined[joined.length - 1];
    const next = (last?.sentences[last.sentences.length - 1] ?? -2) + 1;
    if (last === undefined || last.block !== occurrence.block || occurrence.heading !== undefined || occurrence.sentences[0] !== next) {
      joined.push(occurrence);
      continue;
    }
    const sentences = [...last.sentences, ...occurrence.sentences];
    joined[joined.length - 1] = { ...last, sentences, clusters: new Set(sentences.map(clusterOf)).size, end: occurrence.end, words: last.words + occurrence.words };
  }
  return joined;
}

/**
 * The stretches of an occurrence to collapse around the sentences that stay (`kept`): each run of
 * the others, from the occurrence's start (its heading with it) when it opens it and to its end
 * when it closes it, else from and to its sentences' own bounds. A run shorter than a block
 * (`minWords`) stays too, as a stretch of a block that short does in any article.
 */
function piecesOf(
  occurrence: Occurrence,
  kept: ReadonlySet<number>,
  sentence: { readonly bodySpan: (id: number) => Span; readonly bodyWords: (id: number) => number; readonly clusterOf: (id: number) => number },
  minWords: number,
): Piece[] {
  const pieces: Piece[] = [];
  const { sentences } = occurrence;
  // The heading's words: what the occurrence counts beyond its sentences'.
  const headingWords = occurrence.words - sentences.reduce((sum, id) => sum + sentence.bodyWords(id), 0);
  let from = -1;
  sentences.forEach((id, position) => {
    if (!kept.has(id) && from < 0) from = position;
    const closes = from >= 0 && (position === sentences.length - 1 || kept.has(sentences[position + 1] ?? -1));
    if (!closes) return;
    const run = sentences.slice(from, position + 1);
    const words = run.reduce((sum, runId) => sum + sentence.bodyWords(runId), from === 0 ? headingWords : 0);
    if (words >= minWords) {
      pieces.push({
        start: from === 0 ? occurrence.start : sentence.bodySpan(run[0] ?? id).start,
        end: position === sentences.length - 1 ? occurrence.end : sentence.bodySpan(id).end,
        clusters: new Set(run.map(sentence.clusterOf)).size,
      });
    }
    from = -1;
  });
  return pieces;
}

/** How many distinct keys some lists hold together. */
function distinctCount(lists: ReadonlySet<readonly string[]>): number {
  if (lists.size <= 1) return [...lists][0]?.length ?? 0;
  const keys = new Set<string>();
  for (const list of lists) for (const key of list) keys.add(key);
  return keys.size;
}

/** A sentence as {@link leadsInCopies} reads it: its text, normalised whole and its lead's, and the dateline it opens with. */
export interface LeadText {
  readonly whole: string;
  readonly lead: string | undefined;
  readonly text: string;
  readonly dateline?: boolean;
  readonly opening?: string | undefined;
}

/**
 * The sentences with a split-off lead that another sentence of their cluster holds too, run into
 * its text: the same whole text (lead and all, normalised), or a text that opens with the same
 * lead. Only the clusters of lead-split sentences are looked at, and each member's openings are
 * counted once, so a cluster costs its size times its longest lead.
 */
export function leadsInCopies(
  matches: Matches,
  textOf: (id: number) => LeadText,
): Set<number> {
  const whole = new Set<number>();
  // By cluster id: 1 for a cluster with a lead-split sentence. Read for every sentence of the corpus.
  const leadClusters = new Uint8Array(matches.cluster.length);
  let leads = 0;
  matches.bodyStart.forEach((body, id) => {
    if (body < 0) return;
    leadClusters[matches.cluster[id] ?? id] = 1;
    leads += 1;
  });
  if (leads === 0) return whole;
  const members = new Map<number, number[]>();
  matches.cluster.forEach((cluster, id) => {
    if (leadClusters[cluster] !== 1) return;
    const list = members.get(cluster);
    if (list === undefined) members.set(cluster, [id]);
    else list.push(id);
  });
  for (const ids of members.values()) {
    const texts = ids.map(textOf);
    const wholes = new Map<string, number>();
    // Each member's openings, of as many words as the longest lead, counted.
    const leadWords = texts.reduce((most, text) => Math.max(most, text.lead === undefined ? 0 : text.lead.split(' ').length), 0);
    const openings = new Map<string, number>();
    for (const text of texts) {
      wholes.set(text.whole, (wholes.get(text.whole) ?? 0) + 1);
      let at = -1;
      for (let words = 0; words < leadWords; words += 1) {
        at = text.whole.indexOf(' ', at + 1);
        if (at < 0) break;
        const opening = text.whole.slice(0, at);
        openings.set(opening, (openings.get(opening) ?? 0) + 1);
      }
    }
    // The datelines that copies read whole open with, as written.
    const wholeDatelines = new Set<string>();
    ids.forEach((id, i) => {
      const opening = texts[i]?.opening;
      if ((matches.bodyStart[id] ?? -1) < 0 && opening !== undefined) wholeDatelines.add(opening);
    });
    // Copies whose lead another copy runs in too are whole.
    ids.forEach((id, i) => {
      const text = texts[i];
      if ((matches.bodyStart[id] ?? -1) < 0 || text === undefined) return;
      // Itself is one of the count: another copy makes two.
      // A dateline counts only whole: "GWADAR, Jan 6 (APP): …" opens with "GWADAR" as "GWADAR: …" does, and is another dateline.
      if ((wholes.get(text.whole) ?? 0) >= 2 || (text.lead !== undefined && text.dateline !== true && (openings.get(text.lead) ?? 0) >= 2)) whole.add(id);
      // A dateline that a copy read whole opens with, word for word, goes with the sentence as that
      // copy's does: else it would stand both in the article and in the block's wording.
      else if (text.dateline === true && text.opening !== undefined && wholeDatelines.has(text.opening)) whole.add(id);
    });
    // The commonest wordings of whole copies (read without a lead, or made whole above): a "lead"
    // that leaves the sentence a light edit of one of them is an edited opening ("Disney still to
    // take …" for "Disney planned to take …"), not a heading.
    const plain = new Map<string, { count: number; text: string }>();
    ids.forEach((id, i) => {
      const text = texts[i];
      if (((matches.bodyStart[id] ?? -1) >= 0 && !whole.has(id)) || text === undefined) return;
      const entry = plain.get(text.whole) ?? { count: 0, text: text.text };
      entry.count += 1;
      plain.set(text.whole, entry);
    });
    const commonest = [...plain.entries()]
      .sort((x, y) => y[1].count - x[1].count || (x[0] < y[0] ? -1 : 1))
      .slice(0, PLAIN_WORDINGS)
      .map(([wording, { text }]) => ({ wording, text }));
    ids.forEach((id, i) => {
      const text = texts[i];
      // A dateline ("LAHORE: ") is the article's own line, not an edited opening.
      if ((matches.bodyStart[id] ?? -1) < 0 || whole.has(id) || text === undefined || text.dateline === true) return;
      // A changed figure in the opening ("On Jan 5 …" for "On Jan 6 …") is the article's own news.
      if (commonest.some(({ wording, text: plainText }) => wordsApart(text.whole, wording, openingEdits(wording)) && sameFigures(text.text, plainText))) whole.add(id);
    });
  }
  return whole;
}

/** True when sentences `[first, last]` (within the article) open their line and the line goes on after them. */
function opensLine(segmentation: PackedSegmentation, first: number, last: number): boolean {
  const sentence = sentenceAt(segmentation, first);
  const paragraph = sentence === undefined ? undefined : paragraphAt(segmentation, sentence.paragraph);
  return paragraph !== undefined && paragraph.firstSentence === first && last + 1 < paragraph.endSentence;
}

/** Wordings read without a lead that a lead-split sentence is compared with, the commonest first. */
const PLAIN_WORDINGS = 3;

/**
 * Words an edited opening may change in a sentence of this wording: one in ten, at least one, at
 * most LIGHT_EDIT_WORDS. "The reason for the blast …" is not "The cause of the blast …".
 */
function openingEdits(wording: string): number {
  const words = wording === '' ? 0 : wording.split(' ').length;
  return Math.min(LIGHT_EDIT_WORDS, Math.max(1, Math.floor(words / 10)));
}

/** Sentences of an article's own that may stand between two runs of one background. */
const BRIDGE = 2;
/** A sentence of at most this many words may stand inside a background without being part of it. */
const SHORT_SENTENCE_WORDS = 3;
/** Short sentences held at most, waiting for the run to go on. */
const MAX_PENDING = 2;

/** Share of articles two clusters must have in common (Jaccard) to run together in one block. */
const TOGETHER_SHARE = 0.8;

/**
 * True when two ascending article lists are nearly the same set. `unreadA`, `unreadB`: more
 * articles of each, outside the corpus, none of them known to hold the other.
 */
function nearlySameArticles(a: readonly number[], b: readonly number[], unreadA = 0, unreadB = 0): boolean {
  if (unreadA > 0 || unreadB > 0) return nearlySameCounted(a, b, unreadA, unreadB);
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  // Neither rule can hold when the smaller list is under half the larger: the union is at least
  // the larger list, so no intersection reaches the share; and containment asks for half.
  if (small.length * 2 < large.length) return false;
  const common = commonCount(small, large);
  if (common >= TOGETHER_SHARE * (a.length + b.length - common)) return true;
  // A sentence that some copies reworded beyond a light edit, or whose figure they changed, stands
  // in a subset of the background's articles: still the same background, when that subset is
  // large enough to tell (three articles, and half of the neighbour's).
  return small.length >= CONTAINED.articles && small.length * 2 >= large.length && common >= CONTAINED.share * small.length;
}

/** {@link nearlySameArticles} with articles outside the corpus counted in the sizes only. */
function nearlySameCounted(a: readonly number[], b: readonly number[], unreadA: number, unreadB: number): boolean {
  const inB = new Set(b);
  let common = 0;
  for (const article of a) if (inB.has(article)) common += 1;
  const sizeA = a.length + unreadA;
  const sizeB = b.length + unreadB;
  const small = Math.min(sizeA, sizeB);
  if (small * 2 < Math.max(sizeA, sizeB)) return false;
  if (common >= TOGETHER_SHARE * (sizeA + sizeB - common)) return true;
  return small >= CONTAINED.articles && common >= CONTAINED.share * small;
}

/**
 * True when two clusters (their articles `a` and `b`, ascending; each in at most
 * {@link SIDE_BY_SIDE_REACH}, or never counted side by side) stand side by side in enough of their
 * articles to be one background: in {@link SIDE_BY_SIDE} articles or more, and in half the
 * articles of the one in fewer. Two backgrounds that meet in a few articles of many stay two.
 */
function besideEachOther(articles: number, a: readonly number[], b: readonly number[]): boolean {
  if (articles < SIDE_BY_SIDE || articles * 2 < Math.min(a.length, b.length)) return false;
  // And half their articles in common, as a background's copies have: two common phrases that
  // meet in three articles of six each do not. (A sentence whose articles lie within its
  // neighbour's then lies within them as `nearlySameArticles` asks: it is that rule's to judge.)
  const common = commonCount(a, b);
  return common * 2 >= a.length + b.length - common;
}

/** How many articles two ascending lists hold both, in one walk. */
function commonCount(a: readonly number[], b: readonly number[]): number {
  let common = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    const x = a[i] ?? 0;
    const y = b[j] ?? 0;
    if (x === y) {
      common += 1;
      i += 1;
      j += 1;
    } else if (x < y) i += 1;
    else j += 1;
  }
  return common;
}
/**
 * Articles two clusters must stand side by side in: three. Two backgrounds of three articles each
 * that meet in two (a district roundup printing both) stay two; the seed corpus's "Last week, the
 * Foreign Office said …", which two of the background's three copies add after it, stays a block
 * of its own.
 */
const SIDE_BY_SIDE = 3;
/**
 * The most articles a cluster may stand in for the side-by-side rule: a few copies, where sets of
 * articles are too small to compare. Over many, the sets tell (`nearlySameArticles`), and a site's
 * furniture stands side by side with the same lines in hundreds of articles without being a background.
 */
const SIDE_BY_SIDE_REACH = 10;

/** When a cluster's articles lie within its neighbour's: how many, and how much of them, must. */
const CONTAINED = { articles: 3, share: 0.9 } as const;

/**
 * Per cluster, the articles where it stands: its holders, and the articles holding a sentence
 * worded alike but for its figures (`Matches.alikeBut`), in the same place of the background. A
 * background's sentence that some copies give another day's figure still runs with its
 * neighbours, over all of them: one background, one block.
 */
function placesOf(matches: Matches, clusterArticles: ClusterArticles): (cluster: number) => readonly number[] {
  const extra = new Map<number, Set<number>>();
  const add = (cluster: number, article: number): void => {
    if (!clusterArticles.has(cluster)) return;
    const set = extra.get(cluster) ?? new Set<number>();
    set.add(article);
    extra.set(cluster, set);
  };
  matches.alikeBut?.forEach((other, id) => {
    if (other < 0) return;
    add(matches.cluster[other] ?? other, matches.articleOf[id] ?? 0);
    add(matches.cluster[id] ?? id, matches.articleOf[other] ?? 0);
  });
  // The few clusters with such articles are flagged, so that the rest are read from the clusters'
  // array with no map asked and no copy of it made.
  const merged = new Map<number, readonly number[]>();
  const widened = new Uint8Array(extra.size === 0 ? 0 : matches.cluster.length);
  for (const [cluster, more] of extra) {
    merged.set(cluster, [...new Set([...(clusterArticles.get(cluster) ?? []), ...more])].sort((x, y) => x - y));
    widened[cluster] = 1;
  }
  return (cluster) => (widened[cluster] === 1 ? (merged.get(cluster) ?? NONE) : (clusterArticles.get(cluster) ?? NONE));
}

/**
 * Clusters whose sentences stand in two or more articles, with those articles ascending, read by
 * cluster id (a sentence id): an array, not a map, since runs are built by asking it of every
 * shared sentence of the corpus.
 */
class ClusterArticles {
  private readonly byCluster: (number[] | undefined)[];
  /** The shared clusters, in the order their first sentences come. */
  readonly clusters: readonly number[];

  constructor(matches: Matches) {
    const size = new Int32Array(matches.cluster.length);
    for (const cluster of matches.cluster) size[cluster] = (size[cluster] ?? 0) + 1;
    this.byCluster = new Array<number[] | undefined>(matches.cluster.length).fill(undefined);
    const seen: number[] = [];
    matches.cluster.forEach((cluster, id) => {
      if ((size[cluster] ?? 0) < 2) return;
      const article = matches.articleOf[id] ?? 0;
      const list = this.byCluster[cluster];
      if (list === undefined) {
        this.byCluster[cluster] = [article];
        seen.push(cluster);
      } else if (list[list.length - 1] !== article) list.push(article);
    });
    // A cluster whose sentences all stand in one article is that article's own repeat.
    for (const cluster of seen) if ((this.byCluster[cluster]?.length ?? 0) < 2) this.byCluster[cluster] = undefined;
    this.clusters = seen.filter((cluster) => this.byCluster[cluster] !== undefined);
  }

  get(cluster: number): readonly number[] | undefined {
    return this.byCluster[cluster];
  }

  has(cluster: number): boolean {
    return this.byCluster[cluster] !== undefined;
  }
}


/**
 * A block's heading in one article: an inline lead split off its first sentence, or a short
 * heading-like line right before it. The article's first paragraph is its title and never a heading.
 */
function findHeading(
  article: AssembleArticle,
  firstSentence: number,
  bodyStart: number,
  isShared: (sentence: number) => boolean,
): { span: Span; kind: 'inline' | 'line' } | undefined {
  const { segmentation } = article;
  const sentence = sentenceAt(segmentation, firstSentence);
  if (sentence === undefined) return undefined;
  if (bodyStart >= 0) {
    const span = { start: sentence.start, end: sentence.start + article.text.slice(sentence.start, bodyStart).trimEnd().length };
    return isHeadingLike(article.text.slice(span.start, span.end)) ? { span, kind: 'inline' } : undefined;
  }
  const paragraph = paragraphAt(segmentation, sentence.paragraph);
  if (paragraph === undefined || paragraph.firstSentence !== firstSentence) return undefined;
  let previous = sentence.paragraph - 1;
  while (previous > 0 && article.listChrome[previous] !== undefined) previous -= 1;
  const candidate = paragraphAt(segmentation, previous);
  if (previous < 1 || candidate === undefined || candidate.endSentence - candidate.firstSentence !== 1) return undefined;
  if ((sentenceAt(segmentation, candidate.firstSentence)?.words ?? 0) > HEADING_WORDS) return undefined;
  if (isShared(candidate.firstSentence)) return undefined;
  const span = { start: candidate.start, end: candidate.end };
  return isHeadingLike(article.text.slice(span.start, span.end)) ? { span, kind: 'line' } : undefined;
}

/**
 * The titles (global sentence ids) that another article holds word for word: such a title is
 * shared (a copy of the whole article, a reprint), where one merely worded alike is the article's own.
 */
function verbatimTitles(
  order: readonly number[],
  articles: ReadonlyMap<number, MatchedArticle>,
  base: (article: number) => number,
  matches: Matches,
  articleSetOf: Int32Array,
  bodyText: (id: number) => string,
  titled: (article: number) => boolean,
): Set<number> {
  const titles = new Map<number, number[]>();
  for (const articleIndex of order) {
    const article = articles.get(articleIndex);
    const segmentation = article?.segmentation;
    const paragraph = segmentation === undefined ? undefined : paragraphAt(segmentation, 0);
    if (article === undefined || segmentation === undefined || paragraph === undefined) continue;
    const id = base(articleIndex) + paragraph.firstSentence;
    const cluster = matches.cluster[id] ?? id;
    // A matched sentence's text is at hand; an unmatched one is no shared title.
    if ((articleSetOf[cluster] ?? -1) >= 0 && isTitle(segmentation, paragraph, article.text, titled(articleIndex))) titles.set(cluster, [...(titles.get(cluster) ?? []), id]);
  }
  const shared = new Set<number>();
  for (const ids of titles.values()) {
    const texts = ids.map((id) => normalizeForComparison(bodyText(id)));
    const counts = new Map<string, number>();
    for (const text of texts) counts.set(text, (counts.get(text) ?? 0) + 1);
    ids.forEach((id, i) => {
      if ((counts.get(texts[i] ?? '') ?? 0) >= 2) shared.add(id);
    });
  }
  return shared;
}

/** Longest first line, in words, taken for the article's title. */
const TITLE_WORDS = 30;

/**
 * The first paragraph is the article's title when it is one short sentence and more follows: a
 * title is the article's own, however alike another article's title is worded. It is a lede, the
 * story's first sentence, matched as any sentence is, when it opens with a dateline ("ISLAMABAD,
 * Feb 6 (APP): Prime Minister … Aga Khan."), or when the article's title is in its metadata
 * (`titled`: a record's text opens with the story) and the line is longer than a heading and ends
 * with a full stop. A headline in the text itself may end with a full stop too, so without a
 * title elsewhere such a line stays a title.
 */
function isTitle(segmentation: PackedSegmentation, paragraph: { readonly firstSentence: number; readonly endSentence: number }, text: TextSlices, titled: boolean): boolean {
  if (paragraph.endSentence - paragraph.firstSentence !== 1 || paragraphAt(segmentation, 1) === undefined) return false;
  const sentence = sentenceAt(segmentation, paragraph.firstSentence);
  if (sentence === undefined || sentence.words > TITLE_WORDS) return false;
  const line = text.slice(sentence.start, sentence.end);
  if (opensWithDateline(line)) return false;
  return !titled || sentence.words <= HEADING_WORDS || !LEDE_END.test(line);
}

/** A full stop at the end of a line, closing quotes or brackets after it allowed (an abbreviation's too: "… in the US."). */
const LEDE_END = /[.。]["'”’»)\]]*\s*$/u;

function headingText(text: TextSlices | undefined, span: Span | undefined): string {
  return span === undefined || text === undefined ? '' : normalizeSpaces(text.slice(span.start, span.end).replace(/^#+\s*/, ''));
}

/** The canonical article's heading if it has one, else the most common heading (ties: earliest article). */
function chooseHeading(headings: readonly { articleIndex: number; text: string }[], canonicalArticle: number): string | undefined {
  const own = headings.find((heading) => heading.articleIndex === canonicalArticle);
  if (own !== undefined) return own.text;
  const tally = new Map<string, { text: string; count: number; first: number }>();
  for (const heading of headings) {
    const key = normalizeForComparison(heading.text);
    const entry = tally.get(key) ?? { text: heading.text, count: 0, first: heading.articleIndex };
    entry.count += 1;
    tally.set(key, entry);
  }
  return [...tally.values()].sort((a, b) => b.count - a.count || a.first - b.first)[0]?.text;
}

function canonicalWording(
  canonical: readonly number[],
  heading: string | undefined,
  lineEnding: string,
  bodyText: (id: number) => string,
  paragraphOf: (id: number) => number,
): string {
  const pieces: string[] = heading === undefined ? [] : [heading, lineEnding];
  canonical.forEach((id, index) => {
    const previous = canonical[index - 1];
    // Sentences of one paragraph are joined by a space, except after a full-width stop (Chinese,
    // Japanese), which is followed by none.
    if (previous !== undefined) pieces.push(paragraphOf(previous) !== paragraphOf(id) ? lineEnding : endsFullWidth(pieces) ? '' : ' ');
    pieces.push(bodyText(id));
  });
  pieces.push(lineEnding);
  return pieces.join('');
}

/**
 * How many distinct wordings a block has, as compared (each its sentences' keys joined by a
 * space), and the first one's: the canonical wording's. A wording is told first by its keys'
 * numbers, then by a hash of its joined text built from each key's hash; only wordings whose
 * hashes meet (one text cut at other sentence ends, "a b" + "c" and "a" + "b c", or a collision)
 * are joined and compared, so the count is exact, and a block held in thousands of articles, each
 * worded a little differently, costs its keys and not its copies' text.
 */
export function distinctWordings(wordings: readonly WordingRow[], keyOf: (id: number) => string): { count: number; first: string } {
  const keyNumber = new Map<string, number>();
  // Per key number, its text's hash and HASH_BASE to its length.
  const keyHashes: number[] = [];
  const numberOf = (key: string): number => {
    let number = keyNumber.get(key);
    if (number === undefined) {
      keyNumber.set(key, (number = keyNumber.size));
      keyHashes.push(...polynomialHash(key));
    }
    return number;
  };
  const seen = new Map<number, { numbers: readonly number[]; keys: readonly string[] }[]>();
  let count = 0;
  let first = '';
  for (const { ids } of wordings) {
    const keys = ids.map((id) => keyOf(id ?? -1)).filter((key) => key !== '');
    const numbers = keys.map(numberOf);
    const hash = joinedHash(numbers, keyHashes);
    const alike = seen.get(hash);
    if (alike === undefined) seen.set(hash, [{ numbers, keys }]);
    else {
      if (alike.some((other) => sameNumbers(other.numbers, numbers))) continue;
      const joined = keys.join(' ');
      if (alike.some((other) => other.keys.join(' ') === joined)) continue;
      alike.push({ numbers, keys });
    }
    if (count === 0) first = keys.join(' ');
    count += 1;
  }
  return { count, first };
}

// A polynomial hash modulo 2^32 (an odd base, products wrapped by Math.imul): the hash of two
// texts joined is made from each one's hash and the base to the second's length.
const HASH_BASE = 0x01000193;
const SPACE = 32;

/** `text`'s polynomial hash, and HASH_BASE to its length: what joining it after another text needs. */
function polynomialHash(text: string): [number, number] {
  let hash = 0;
  let power = 1;
  for (let i = 0; i < text.length; i += 1) {
    hash = (Math.imul(hash, HASH_BASE) + text.charCodeAt(i)) | 0;
    power = Math.imul(power, HASH_BASE);
  }
  return [hash, power];
}

/** The polynomial hash of the keys numbered `numbers` joined by a space, from each key's (see `polynomialHash`). */
function joinedHash(numbers: readonly number[], keyHashes: readonly number[]): number {
  let hash = 0;
  for (let index = 0; index < numbers.length; index += 1) {
    const at = (numbers[index] as number) * 2;
    if (index > 0) hash = (Math.imul(hash, HASH_BASE) + SPACE) | 0;
    hash = (Math.imul(hash, keyHashes[at + 1] as number) + (keyHashes[at] as number)) | 0;
  }
  return hash;
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((number, index) => number === b[index]);
}

/**
 * The lowest Dice score between two wordings of one sentence of the block, over its sentences: all
 * pairs of a sentence's distinct wordings while few, else each against the canonical one. A copy
 * that lacks a sentence lowers nothing: what is measured is how far the wordings of a sentence
 * drift (a chain of light edits), not how whole the copies are. 1 when every copy words every
 * sentence alike. `keyOf` gives a sentence's normalised text.
 */
function lowestSimilarity(canonical: readonly number[], wordings: readonly WordingRow[], further: ReadonlyMap<number, readonly FurtherInstance[]>, keyOf: (id: number) => string): number {
  let lowest = 1;
  const keys = new Set<string>();
  for (let position = 0; position < canonical.length; position += 1) {
    keys.clear();
    // The canonical wording first.
    keys.add(keyOf(canonical[position] ?? -1));
    for (const row of wordings) keys.add(keyOf(row.ids[position] ?? -1));
    for (const instance of further.get(position) ?? []) keys.add(keyOf(instance.id));
    keys.delete('');
    if (keys.size < 2) continue;
    const distinct = [...keys];
    const pairsFrom = distinct.length <= ALL_PAIRS_VARIANT_LIMIT ? distinct.length - 1 : 1;
    for (let i = 0; i < pairsFrom; i += 1) {
      for (let j = i + 1; j < distinct.length; j += 1) lowest = Math.min(lowest, diceOf(distinct[i] ?? '', distinct[j] ?? ''));
    }
  }
  return Math.round(lowest * 1000) / 1000;
}

/** `normalizeForComparison`, remembered per text for the lifetime of the function returned (one block's). */
function comparableOnce(): (text: string) => string {
  const keys = new Map<string, string>();
  return (text: string): string => {
    let key = keys.get(text);
    if (key === undefined) keys.set(text, (key = normalizeForComparison(text)));
    return key;
  };
}

/** A holder's wording of a block: its sentence ids in the block's order (see `wordings` in {@link assemble}). */
export interface WordingRow {
  readonly slot: number;
  readonly ids: readonly number[];
}

/** A holder's further instance of one of a block's sentences (the same block twice, or a sentence repeated). */
interface FurtherInstance {
  readonly id: number;
  readonly slot: number;
}

function collectVariants(
  wordings: readonly WordingRow[],
  further: ReadonlyMap<number, readonly FurtherInstance[]>,
  headings: readonly { articleIndex: number; text: string }[],
  heading: string | undefined,
  paths: readonly string[],
  pathOf: (article: number) => string,
  keyOf: (id: number) => string,
  textOf: (id: number) => string,
  pathOfSentence: (id: number) => string,
): BlockVariants {
  const sentences: VariantSentence[] = [];
  const canonical = wordings[0]?.ids ?? [];
  canonical.forEach((own = -1, position) => {
    // A Set per wording: a wording held by thousands of articles must not cost a scan per holder.
    const others = new Map<string, { id: number; articles: Set<string> }>();
    const canonicalKey = keyOf(own);
    const add = (id: number, slot: number): void => {
      const key = keyOf(id);
      if (key === canonicalKey) return;
      const entry = others.get(key) ?? { id, articles: new Set<string>() };
      entry.articles.add(paths[slot] ?? '');
      others.set(key, entry);
    };
    // The holders' first instances, then their further ones.
    for (const wording of wordings) {
      const id = wording.ids[position];
      if (id !== undefined) add(id, wording.slot);
    }
    for (const { id, slot } of further.get(position) ?? []) add(id, slot);
    if (others.size > 0) sentences.push({ position, canonical: textOf(own), canonicalIn: pathOfSentence(own), wordings: [...others.values()].map(({ id, articles }) => ({ text: textOf(id), articles: [...articles] })) });
  });
  const otherHeadings = headings
    .filter((entry) => heading === undefined || normalizeForComparison(entry.text) !== normalizeForComparison(heading))
    .map((entry) => ({ article: pathOf(entry.articleIndex), text: entry.text }));
  return { sentences, headings: otherHeadings };
}

function blockId(canonical: string): string {
  return 'b' + sha1(canonical, 'hex').slice(0, 10);
}

/** Two blocks with the same wording would share an id; number the later ones. */
function disambiguateIds<T extends { readonly id: string }>(blocks: readonly T[]): T[] {
  const seen = new Map<string, number>();
  return blocks.map((block) => {
    const count = seen.get(block.id) ?? 0;
    seen.set(block.id, count + 1);
    return count > 0 ? { ...block, id: `${block.id}-${count + 1}` } : block;
  });
}

/** Most words a label grows to, to tell two blocks apart. */
const MAX_LABEL_WORDS = 24;

/**
 * Blocks whose labels are the same (a background, and the copies that changed a figure in its
 * first sentence, which make a block of their own) are labelled with their texts' words up to the
 * first that tells them apart, within {@link MAX_LABEL_WORDS}: two markers in one article never read
 * alike but for their ids. Labels that still meet stay as they are.
 */
function distinguishLabels<T extends { readonly label: string; readonly canonicalText: string }>(blocks: readonly T[]): T[] {
  const byLabel = new Map<string, number[]>();
  blocks.forEach((block, index) => {
    const list = byLabel.get(block.label);
    if (list === undefined) byLabel.set(block.label, [index]);
    else list.push(index);
  });
  const out = [...blocks];
  for (const group of byLabel.values()) {
    if (group.length < 2) continue;
    // Each one's first words, the group sorted by them: the most words a block shares with any
    // other from the start, it shares with a neighbour in that order (no pair is compared twice).
    const opening = new Map(group.map((index) => [index, normalizeSpaces(blocks[index]?.canonicalText ?? '').split(' ', MAX_LABEL_WORDS + 1)]));
    const keys = new Map(group.map((index) => [index, (opening.get(index) ?? []).join(' ')]));
    const sorted = [...group].sort((x, y) => {
      const a = keys.get(x) ?? '';
      const b = keys.get(y) ?? '';
      return a < b ? -1 : a > b ? 1 : x - y;
    });
    const sharedWords = (x: number | undefined, y: number | undefined): number => {
      const a = x === undefined ? [] : (opening.get(x) ?? []);
      const b = y === undefined ? [] : (opening.get(y) ?? []);
      let k = 0;
      while (k < a.length && k < b.length && a[k] === b[k]) k += 1;
      return k;
    };
    sorted.forEach((index, at) => {
      const own = opening.get(index) ?? [];
      const shared = Math.max(sharedWords(index, sorted[at - 1]), sharedWords(index, sorted[at + 1]));
      if (shared + 1 > MAX_LABEL_WORDS || shared >= own.length) return;
      const block = blocks[index] as T;
      out[index] = { ...block, label: firstWords(normalizeSpaces(block.canonicalText), Math.max(LABEL_WORDS, shared + 1)) };
    });
  }
  return out;
}

function normalizeSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function firstWords(text: string, count: number): string {
  const words = text.split(' ');
  return words.length <= count ? text : words.slice(0, count).join(' ') + '…';
}

/** `sentences` (global ids, in reading order) less those at either end that would cut a quotation: see `quotedSentences`. */
function outsideQuotes(sentences: readonly number[], quoted: Uint8Array | undefined, base: number): readonly number[] {
  if (quoted === undefined) return sentences;
  let from = 0;
  let to = sentences.length;
  while (from < to && ((quoted[(sentences[from] as number) - base] ?? 0) & OPENS_IN_QUOTE) !== 0) from += 1;
  while (to > from && ((quoted[(sentences[to - 1] as number) - base] ?? 0) & ENDS_IN_QUOTE) !== 0) to -= 1;
  return from === 0 && to === sentences.length ? sentences : sentences.slice(from, to);
}
