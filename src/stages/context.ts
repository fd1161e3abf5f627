/**
 * A run against a lasting index: which archive articles a run needs beside its own, and what of the
 * run is reported. Pure: hashes and reports in, hashes and reports out.
 *
 * A run with an index reads its inputs and, from the index, the archive articles that hold any
 * fingerprint, short line or digest its inputs hold: its *context*. Every corpus-wide step then runs
 * over inputs and context together, so that an input is matched, assembled and classified as a
 * full run over the archive and the inputs would; only the inputs are written and reported.
 */
import type { ArticleScan } from '../shard.js';
import type { IndexSummary, Report } from '../types.js';
import type { ArticleOrder } from './spool.js';
import { hashString } from '../text/hash.js';
import { MIN_SEED_SKETCH, MIN_VOTE_SHARE } from '../options.js';
import { holdsSorted } from '../lib/lower-bound.js';

/** One fingerprint's holder numbers, ascending (an array, or a typed array's stretch). */
export type HolderList = ArrayLike<number> & Iterable<number>;

/**
 * The hashes an article is found by in an index besides its sentences' fingerprints, sorted and
 * distinct: its short lines, as they are and as templates (`lines`, from {@link shortLinesOf}), and
 * its digest as compared (for duplicates).
 */
export function lineAndDigestHashes(lines: readonly number[], textDigest: string): Uint32Array {
  const hashes = lines.filter((hash) => hash !== 0);
  if (textDigest !== '') hashes.push(digestHash(textDigest));
  return distinctSorted(Uint32Array.from(hashes));
}

/** The hash an article's digest as compared is posted under. */
export function digestHash(textDigest: string): number {
  return hashString(textDigest) >>> 0;
}

/** A short line, or a dated sign-off, as an index keeps it: `[hash, template, …]`, template 0 when it holds no figure. */
export function shortLinesOf(scan: Pick<ArticleScan, 'lines'>): number[] {
  return scan.lines.flatMap((line) => (line.short || line.template !== 0 ? [line.hash >>> 0, line.template >>> 0] : []));
}

/** An input of an index run, as context selection reads it. */
export interface ContextQuery {
  /** Sentence `i`'s fingerprints are `hashes[offsets[i] .. offsets[i + 1])`: its sketch, then its whole-sentence hash. */
  readonly offsets: Uint32Array;
  readonly hashes: Uint32Array;
  /** 1 for each sentence of a short line: its fate as chrome is settled by line counts, not by copies. */
  readonly inShortLine: Uint8Array;
  /** '' when its copies are not asked for (a context article's). */
  readonly textDigest: string;
  /** The sentences to look up; all when not given. */
  readonly sentences?: ReadonlySet<number> | undefined;
}

/**
 * The archive articles an index run needs beside its inputs: those with a sentence that could be a
 * copy of an input's sentence, by the match step's own rule (a verbatim copy, or at least
 * {@link MIN_VOTE_SHARE} of the sentence's sketch in one sentence), and the copies of an input's
 * whole text. A common phrase alone brings nobody: most archive articles share one with most inputs.
 *
 * - A short sentence or line brings its copies (word for word, or every entry of its sketch) while
 *   they are at most {@link SHORT_COPIES}.
 * - Holders of part of a sketch are found, once every verbatim copy is selected, through the
 *   entries held by at most {@link COMMON_HOLDERS} sentences besides those: a copy holds most
 *   entries, and a sentence made of common phrases alone has few copies that are not verbatim.
 *
 * `holdersOf(hash)` gives holder numbers, ascending, each an (article, sentence), which `articleOf`
 * and `sentenceOf` read. Sentences alike in their fingerprints are looked at once.
 */
export function selectContext(
  queries: readonly ContextQuery[],
  holdersOf: (hash: number) => HolderList | undefined,
  holder: { readonly articleOf: (holder: number) => number; readonly sentenceOf: (holder: number) => number },
): Selection {
  const selected = new Map<number, Set<number>>();
  const unread = new Map<number, HolderList>();
  const select = (found: number, withSentence = true): void => {
    const article = holder.articleOf(found);
    let sentences = selected.get(article);
    if (sentences === undefined) {
      sentences = new Set();
      selected.set(article, sentences);
    }
    if (withSentence) sentences.add(holder.sentenceOf(found));
  };
  const seen = new Map<string, { readonly found: HolderList; readonly unread: HolderList }>();
  // First the verbatim copies of every sentence (and the copies of short ones), then the edited
  // copies, counted among the holders that are not verbatim copies: a background in 6,000
  // articles has 6,000 holders of each sketch entry, most of them verbatim, and its few edited
  // copies are found among the rest.
  const edited: Uint32Array[] = [];
  queries.forEach((query) => {
    const { offsets, hashes } = query;
    for (let s = 0; s + 1 < offsets.length; s += 1) {
      if (query.sentences !== undefined && !query.sentences.has(s)) continue;
      const from = offsets[s] ?? 0;
      const to = offsets[s + 1] ?? 0;
      if (to === from) continue;
      const short = to - from - 1 < MIN_SEED_SKETCH || query.inShortLine[s] === 1;
      const key = `${short ? 's' : 'l'}${hashes.subarray(from, to).join(',')}`;
      let copies = seen.get(key);
      if (copies === undefined) {
        const fingerprints = hashes.subarray(from, to);
        copies = short ? shortCopiesOf(fingerprints, holdersOf) : { found: holdersOf(fingerprints[fingerprints.length - 1] ?? 0) ?? NONE, unread: NONE };
        seen.set(key, copies);
        // Selected once: a sentence alike in its fingerprints finds the same copies (site
        // furniture in every article of an outlet would otherwise select them again each time).
        for (const found of copies.found) select(found);
        if (!short) edited.push(fingerprints);
        if (copies.unread.length > 0) unread.set(fingerprints[fingerprints.length - 1] as number, copies.unread);
      }
    }
    if (query.textDigest !== '') for (const found of holdersOf(digestHash(query.textDigest)) ?? []) select(found, false);
  });
  // Per sketch entry, its holders that are not verbatim copies of the inputs' sentences: each edited
  // wording would otherwise count every holder again (its reach times its wordings). A list is
  // filtered once, when first met (if at most SCANNED_HOLDERS long); holders selected after that
  // are counted again, harmlessly, as a candidate selected twice.
  const open = new Map<number, HolderList>();
  const isSelected = (found: number): boolean => selected.get(holder.articleOf(found))?.has(holder.sentenceOf(found)) === true;
  const openOf = (hash: number, list: HolderList): HolderList => {
    let after = open.get(hash);
    if (after !== undefined) return after;
    after = list;
    if (list.length <= SCANNED_HOLDERS) {
      let closed = 0;
      for (let i = 0; i < list.length; i += 1) if (isSelected(list[i] as number)) closed += 1;
      if (closed > 0) {
        const kept = new Float64Array(list.length - closed);
        let at = 0;
        for (let i = 0; i < list.length; i += 1) if (!isSelected(list[i] as number)) kept[at++] = list[i] as number;
        after = kept;
      }
    }
    open.set(hash, after);
    return after;
  };
  for (const fingerprints of edited) for (const found of editedCopiesOf(fingerprints, holdersOf, openOf)) select(found);
  return { selected, unread };
}

/** What {@link selectContext} found. */
export interface Selection {
  /** The archive articles to read, each with its sentences that may be copies (none for a copy of a whole text). */
  readonly selected: Map<number, Set<number>>;
  /** By a common short sentence's or line's whole-sentence hash: its verbatim copies, left unread. */
  readonly unread: Map<number, HolderList>;
}

/** Sentences a sketch entry may be held by, beside those selected already, and still find holders (see {@link selectContext}). */
export const COMMON_HOLDERS = 2000;
/** Holders of a sketch entry beyond which its list is not even looked through for those selected already. */
export const SCANNED_HOLDERS = 64_000;

/**
 * The copies of a short sentence or line (its sketch, then its whole hash): read while few. Beyond
 * that, none is read, and its verbatim copies are left to be counted: a copy by the sketch alone may
 * not be one by the match step's rule, which reads its text.
 */
function shortCopiesOf(fingerprints: Uint32Array, holdersOf: (hash: number) => HolderList | undefined): { readonly found: HolderList; readonly unread: HolderList } {
  const sketch = fingerprints.length - 1;
  // The last fingerprint is the whole sentence's: each of its holders is a verbatim copy.
  const verbatim = holdersOf(fingerprints[sketch] ?? 0) ?? NONE;
  const whole = new Set(verbatim);
  const lists: HolderList[] = [];
  for (let h = 0; h < sketch; h += 1) lists.push(holdersOf(fingerprints[h] ?? 0) ?? NONE);
  lists.sort((a, b) => a.length - b.length);
  // A byline that a dozen columns end with; not "He said.", which thousands hold.
  const rarest = lists[0] ?? NONE;
  if (rarest.length <= SHORT_COPIES) for (const found of rarest) if (lists.every((list) => holdsSorted(list, found))) whole.add(found);
  return whole.size <= SHORT_COPIES ? { found: [...whole], unread: NONE } : { found: NONE, unread: verbatim };
}

/**
 * The holders of at least {@link MIN_VOTE_SHARE} of a sentence's sketch (all but its last
 * fingerprint) that are not verbatim copies. `openOf(hash, list)` gives a sketch entry's holders
 * that are not verbatim copies (some may be selected since), or the whole list when it is too long
 * to look through.
 */
function editedCopiesOf(fingerprints: Uint32Array, holdersOf: (hash: number) => HolderList | undefined, openOf: (hash: number, list: HolderList) => HolderList): number[] {
  const sketch = fingerprints.length - 1;
  const entries: { readonly list: HolderList; readonly open: HolderList }[] = [];
  for (let h = 0; h < sketch; h += 1) {
    const hash = fingerprints[h] ?? 0;
    const list = holdersOf(hash) ?? NONE;
    entries.push({ list, open: openOf(hash, list) });
  }
  entries.sort((a, b) => a.open.length - b.open.length);
  // Found through the entries with few open holders: counted in those lists at once, then in the
  // others by binary search (lists ascend; a holder not selected before this step is in a list if
  // and only if it is in the list's open part).
  const minVotes = Math.max(1, Math.ceil(sketch * MIN_VOTE_SHARE));
  let few = 0;
  while (few < entries.length && (entries[few]?.open.length ?? 0) <= COMMON_HOLDERS) few += 1;
  // A holder of `minVotes` entries is missing from at most `entries.length - minVotes` lists, so it
  // stands in one of the `entries.length - minVotes + 1` with fewest open holders: candidates come from those alone.
  const sources = Math.min(few, entries.length - minVotes + 1);
  // Votes are counted by merging the sources' ascending lists: a number at the head of k lists
  // has k votes (no sorting, and no map keyed by numbers past 2^30, which are not small integers).
  const heads = new Array<number>(sources).fill(0);
  const found: number[] = [];
  for (;;) {
    let candidate = Infinity;
    for (let e = 0; e < sources; e += 1) {
      const list = entries[e]?.open ?? NONE;
      const at = heads[e] as number;
      if (at < list.length && (list[at] as number) < candidate) candidate = list[at] as number;
    }
    if (candidate === Infinity) break;
    let total = 0;
    for (let e = 0; e < sources; e += 1) {
      const list = entries[e]?.open ?? NONE;
      const at = heads[e] as number;
      if (at < list.length && list[at] === candidate) {
        total += 1;
        heads[e] = at + 1;
      }
    }
    for (let other = sources; other < entries.length && total < minVotes && total + entries.length - other >= minVotes; other += 1) if (holdsSorted(entries[other]?.list ?? NONE, candidate)) total += 1;
    if (total >= minVotes) found.push(candidate);
  }
  return found;
}

/** Files by path, then records in file order: the order of a run, and of an index run's archive articles among its inputs. */
export function compareOrder(a: ArticleOrder, b: ArticleOrder): number {
  return (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.ordinal - b.ordinal;
}

const NONE: readonly number[] = [];
/** Verbatim copies of a short sentence or line that an index run reads, at most (see {@link selectContext}). */
export const SHORT_COPIES = 100;

/** `values` sorted ascending, each once. */
export function distinctSorted(values: Uint32Array): Uint32Array {
  const sorted = Uint32Array.from(values).sort();
  let kept = 0;
  for (let i = 0; i < sorted.length; i += 1) {
    if (kept > 0 && sorted[kept - 1] === sorted[i]) continue;
    sorted[kept] = sorted[i] as number;
    kept += 1;
  }
  return sorted.slice(0, kept);
}

/** What a block is to an index run: `new`, or `joined` (an archive block, held by two archive articles or more, that inputs hold too). */
export type BlockSince = 'new' | 'joined';

/**
 * The report of an index run: its inputs, and the blocks they hold, with every holder (archive
 * holders too). Context articles hold no block in `report` (the pipeline measures them empty), so
 * its pairs are already the inputs' own. Totals are counted again over the inputs.
 */
export function restrictReport(report: Report, isContext: (path: string) => boolean, index: Omit<IndexSummary, 'newBlocks' | 'joinedBlocks'>): Report & { readonly index: IndexSummary } {
  const articles = report.articles.filter((article) => !isContext(article.path));
  const held = new Set<string>();
  for (const article of articles) for (const id of article.blocks) held.add(id);
  const blocks = report.blocks.filter((block) => held.has(block.id));
  const newBlocks: string[] = [];
  const joinedBlocks: string[] = [];
  for (const block of blocks) {
    const archiveHolders = block.articles.reduce((count, path) => count + (isContext(path) ? 1 : 0), 0);
    (archiveHolders >= 2 ? joinedBlocks : newBlocks).push(block.id);
  }
  let words = 0;
  let uniqueWords = 0;
  let sharedWords = 0;
  let chromeWords = 0;
  for (const article of articles) {
    words += article.words;
    uniqueWords += article.uniqueWords;
    sharedWords += article.sharedWords;
    chromeWords += article.chromeWords;
  }
  const duplicates = report.duplicates?.filter((duplicate) => !isContext(duplicate.path));
  const { duplicates: _dropped, ...rest } = report;
  return {
    ...rest,
    totals: { ...report.totals, articles: articles.length, words, uniqueWords, sharedWords, sharedPct: words === 0 ? 0 : Math.round((sharedWords / words) * 10_000) / 100, chromeWords, blocks: blocks.length },
    articles,
    blocks,
    pairs: report.pairs.filter((pair) => !isContext(pair.a) && !isContext(pair.b)),
    ...(duplicates === undefined || duplicates.length === 0 ? {} : { duplicates }),
    index: { ...index, newBlocks: newBlocks.sort(), joinedBlocks: joinedBlocks.sort() },
  };
}
