/**
 * `npm run audit`: measures, on real scraped news (/work/shared/news, research-only, never copied into
 * the repository), the seven failures of issue 14, so that "before" and "after" figures can be compared.
 *
 *   npm run audit                                        all six files
 *   npm run audit -- --files dawn-2025-01.jsonl          chosen files (names in the news folder, or paths)
 *   npm run audit -- --out /tmp/audit                    keep the working dir (corpus/ and cleaned/)
 *   npm run audit -- --input-dir /tmp/audit/cleaned      audit an existing cleaned folder, no re-run
 *   npm run audit -- --results FILE                      figures (counts only) as JSON; default bench/audit-results.json
 *
 * Each record becomes `<work>/corpus/<file stem>/<nnnnn>.txt` (nnnnn = its line in the file, from 1):
 * the title, a blank line, then `content` with its own line breaks, and a final line break. Then the
 * real CLI runs (`node dist/cli.js clean <corpus> --out <work>/cleaned --format json --workers 2`), and
 * the audit reads the inputs, the cleaned articles, `_shared/`, `_chrome.txt` and report.json. With
 * `--input-dir`, the corpus is `<input-dir>/../corpus` when it exists, else it is rebuilt from --files.
 * The results file holds counts only (keyed by run name, so runs accumulate); examples (id + snippet)
 * go to stdout only.
 *
 * How each figure is computed. "Removed" means covered by a span of report.json (`block` or `chrome`),
 * whose offsets are into the input text; a line "in a block" overlaps a block span.
 *
 * 1. Changed figures hidden. From every `_shared/<id>.variants.txt`: each variant wording of a sentence
 *    vs its canonical wording. Figures are digit runs after thousands separators are removed
 *    (`1,250` → `1250`; `3.5` stays one figure), number words two–ninety read as digits, URLs ignored. A wording "hides figures" when its multiset of figures
 *    differs from the canonical sentence's. "only figures" when the two are equal once every figure is
 *    replaced by `#` (and case and spacing are normalised); "also figures" otherwise. Counted per
 *    distinct wording and per removed sentence (× the articles holding it), with the figures of the
 *    wording that stand nowhere in the block's canonical text (`_shared/<id>.txt`).
 * 2. Tables and score lines removed as chrome. `_chrome.txt` lines where at least two tokens are numbers
 *    and numbers are more than half of the tokens that hold a letter or digit (a number token holds a
 *    digit and no letter: `12`, `2-1`, `45.5%`, `(3)`); score-card rows (2–12 tokens, the last a number,
 *    no sentence-final punctuation, no month name: "Ali Raza b Niaz 0"); and ALL-CAPS lines ending in `:` (team sheets).
 *    Counted as distinct lines and as article-lines (the `articles` column). Also the same two kinds of
 *    line counted in the inputs (titles aside), with how many were removed as chrome or into a block.
 * 3. Broken sentences beside markers. For each block span: the text of its input line before the span
 *    start. "Fragment before" when that text is not blank and does not end a sentence (its last
 *    non-space character is none of `. ! ? … : ; ” " ’ ' ) ]` and `—`). "Continuation after" when the
 *    rest of the line after the span starts with a lower-case letter or `,`. (The cleaned file puts an
 *    inline marker on a line of its own, so the input line is where the break shows.) Also: block spans
 *    that start at offset 0, i.e. the marker stands in place of the title. Shares are of all markers.
 *    Marker counts in the cleaned files are checked against the block spans.
 * 4. Own short lines lost. Titles (first line) overlapped by a block or chrome span (those of byte-identical
 *    copies counted apart; "a different title" = the title, without its ` - …` suffixes, is held by no
 *    other article of the corpus); and input lines of at most 12 words (not titles), compared ignoring
 *    case, punctuation and spacing, that stand in exactly one input article, overlapped by a span; of those, the heading-like
 *    ones (no sentence-final punctuation), which are the article's own subheads rather than edited copies.
 * 5. Site furniture. Per outlet (the file stem before the first `-`), input lines and sentences (lines
 *    split after `.!?` + space) normalised (digits → `#`, month names → `MONTH`, ordinal suffixes
 *    dropped, spaces collapsed) that stand in ≥ 20% of that outlet's articles, titles excluded; and title
 *    suffixes (the text from the last one or two ` - ` separators) in ≥ 20% of titles. For each unit,
 *    its occurrences are classed as chrome / block / stayed by the spans they overlap; blocks reached
 *    are listed with their article counts. A block is "furniture only" when every sentence of its
 *    canonical text (`_shared/<id>.txt`, heading line dropped) normalises to a furniture unit. Pairs due
 *    only to such blocks = pairs sharing any block − pairs sharing a block that is not furniture-only,
 *    both counted exactly from the block article lists (the first is checked against totals.pairs).
 * 6. One background, one block. Pairs of blocks whose article sets have Jaccard ≥ 0.8 and which stand
 *    adjacent (consecutive block spans with only white space, or chrome, between them in the input) in
 *    more than half of the articles holding both. Joined into groups (union-find); counted with the
 *    average number of blocks per group. A second count allows up to 3 words between the two blocks.
 * 7. Counts and copies. Markers `N of M sentences` with N > M; byte-identical input articles (same
 *    .txt bytes, so the same title and content) whose report sharedPct is < 100 (and, of those, the
 *    ones with own words left: uniqueWords > 0); articles wholly one block (one block span covering all
 *    non-space text, chrome aside) whose input ends with a line break and whose cleaned file does not.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const cli = join(root, 'dist', 'cli.js');
const newsDir = resolve(root, '..', 'shared', 'news');
const allFiles = ['dawn-2025-01', 'dawn-2025-02', 'dawn-2025-03', 'app-2025-01', 'app-2025-02', 'app-2025-03'].map((stem) => `${stem}.jsonl`);

const { values } = parseArgs({
  options: {
    files: { type: 'string', default: allFiles.join(',') },
    out: { type: 'string' },
    results: { type: 'string', default: join(root, 'bench', 'audit-results.json') },
    'input-dir': { type: 'string' },
    workers: { type: 'string', default: '2' },
    examples: { type: 'string', default: '5' },
  },
});
const maxExamples = Number(values.examples);

// ---------------------------------------------------------------------------------------------
// Types of what the CLI writes

interface Span {
  readonly kind: 'block' | 'chrome';
  readonly block?: string;
  readonly start: number;
  readonly end: number;
}
interface ReportArticle {
  readonly path: string;
  readonly words: number;
  readonly uniqueWords: number;
  readonly sharedWords: number;
  readonly sharedPct: number;
  readonly chromeWords: number;
  readonly blocks: readonly string[];
  readonly spans: readonly Span[];
}
interface ReportBlock {
  readonly id: string;
  readonly label: string;
  readonly sentences: number;
  readonly words: number;
  readonly articles: readonly string[];
  readonly variants: number;
}
interface Report {
  readonly totals: { articles: number; words: number; uniqueWords: number; sharedWords: number; sharedPct: number; chromeWords: number; blocks: number; pairs: number };
  readonly articles: readonly ReportArticle[];
  readonly blocks: readonly ReportBlock[];
  readonly problems: readonly unknown[];
}

// ---------------------------------------------------------------------------------------------
// Examples go to stdout only; figures are counts.

type Examples = Map<string, string[]>;
const examples: Examples = new Map();
function example(kind: string, text: string): void {
  const list = examples.get(kind) ?? [];
  if (list.length < maxExamples) list.push(truncate(text.replace(/\s+/g, ' '), 120));
  examples.set(kind, list);
}
function truncate(text: string, length: number): string {
  return text.length <= length ? text : text.slice(0, length - 1) + '…';
}

/** Counters kept for the whole run and for each group (the file stem of an article's id). */
class Tally {
  readonly total = new Map<string, number>();
  readonly byGroup = new Map<string, Map<string, number>>();
  add(name: string, group: string, amount = 1): void {
    this.total.set(name, (this.total.get(name) ?? 0) + amount);
    const counts = this.byGroup.get(group) ?? new Map<string, number>();
    counts.set(name, (counts.get(name) ?? 0) + amount);
    this.byGroup.set(group, counts);
  }
  get(name: string, group?: string): number {
    return (group === undefined ? this.total : this.byGroup.get(group))?.get(name) ?? 0;
  }
}
const groupOf = (id: string): string => id.split('/')[0] ?? id;
const outletOf = (group: string): string => group.split('-')[0] ?? group;

// ---------------------------------------------------------------------------------------------
// Text helpers

const monthNames = /\b(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b/g;
const numberWords: Record<string, string> = {
  zero: '0', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10',
  eleven: '11', twelve: '12', thirteen: '13', fourteen: '14', fifteen: '15', sixteen: '16', seventeen: '17', eighteen: '18',
  nineteen: '19', twenty: '20', thirty: '30', forty: '40', fifty: '50', sixty: '60', seventy: '70', eighty: '80', ninety: '90',
};
const numberWord = new RegExp(`\\b(${Object.keys(numberWords).join('|')})\\b`, 'gi');
/** Digit runs after thousands separators are removed (`3.5` is one figure; "ten" counts as 10, so "Ten people" = "10 people"; "one" is left alone, being mostly a pronoun). */
function figures(text: string): string[] {
  const joined = text.replace(/\S*(?:https?:\/\/|www\.|\.com\/)\S*/g, ' ').replace(numberWord, (word) => numberWords[word.toLowerCase()] ?? word).replace(/(\d),(?=\d{3}\b)/g, '$1');
  return joined.match(/\d+(?:\.\d+)?/g) ?? [];
}
function withoutFigures(text: string): string {
  return text.replace(/(\d),(?=\d{3}\b)/g, '$1').replace(/\d+(?:\.\d+)?/g, '#').replace(/\s+/g, ' ').trim().toLowerCase();
}
function furnitureKey(text: string): string {
  return text.replace(monthNames, 'MONTH').replace(/\d+(st|nd|rd|th)?\b/g, '#').replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}
/** A short line compared as chrome compares it: ignoring case, punctuation and spacing. */
function shortLineKey(line: string): string {
  return line.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
function tokens(line: string): string[] {
  return line.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token));
}
function isNumberToken(token: string): boolean {
  return /\d/.test(token) && !/\p{L}/u.test(token);
}
function mostlyNumbers(line: string): boolean {
  const all = tokens(line);
  const numbers = all.filter(isNumberToken).length;
  return numbers >= 2 && numbers * 2 > all.length;
}
/** A score-card or table row: at most 12 tokens, ending in a number, not a sentence ("Ali Raza b Niaz 0"). */
function scoreLine(line: string): boolean {
  const all = tokens(line);
  const last = all[all.length - 1] ?? '';
  const dated = new RegExp(monthNames.source).test(line); // "Published in Dawn, January 2nd, 2025" is a sign-off, not a row
  return all.length >= 2 && all.length <= 12 && isNumberToken(last.replace(/[.,;]$/, '')) && !/[.!?]["”’]?$/.test(line.trim()) && !mostlyNumbers(line) && !dated;
}
function teamSheetHeading(line: string): boolean {
  const trimmed = line.trim();
  return trimmed.endsWith(':') && /\p{Lu}{2}/u.test(trimmed) && !/\p{Ll}/u.test(trimmed) && tokens(trimmed).length <= 6;
}
type LineKind = 'numbers' | 'score' | 'caps';
function lineKind(line: string): LineKind | undefined {
  if (mostlyNumbers(line)) return 'numbers';
  if (scoreLine(line)) return 'score';
  if (teamSheetHeading(line)) return 'caps';
  return undefined;
}
const sentenceEnd = /[.!?…:;”"’')\]—]$/u;

interface Line {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}
function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    const at = text.indexOf('\n', start);
    const end = at === -1 ? text.length : at;
    const lineEnd = end > start && text[end - 1] === '\r' ? end - 1 : end;
    lines.push({ start, end: lineEnd, text: text.slice(start, lineEnd) });
    if (at === -1) return lines;
    start = at + 1;
  }
}
/** Sentences of a line, with offsets: split after `.!?` and space. */
function sentencesOf(line: Line): Line[] {
  const out: Line[] = [];
  const pattern = /[^.!?]*(?:[.!?]+["”’')]*(?=\s|$)|$)/g;
  let at = 0;
  const text = line.text;
  while (at < text.length) {
    pattern.lastIndex = at;
    const match = pattern.exec(text);
    if (match === null || match[0].length === 0) {
      out.push({ start: line.start + at, end: line.end, text: text.slice(at) });
      break;
    }
    const piece = match[0];
    const lead = piece.length - piece.trimStart().length;
    if (piece.trim() !== '') out.push({ start: line.start + at + lead, end: line.start + at + piece.trimEnd().length, text: piece.trim() });
    at += piece.length;
  }
  return out;
}
function overlapping(spans: readonly Span[], start: number, end: number): Span | undefined {
  return spans.find((span) => span.start < end && span.end > start);
}

// ---------------------------------------------------------------------------------------------
// Corpus: convert the JSON Lines files

async function convert(files: readonly string[], corpusDir: string): Promise<void> {
  for (const file of files) {
    const path = existsSync(file) ? file : join(newsDir, file);
    const stem = basename(path).replace(/\.jsonl$/, '');
    const dir = join(corpusDir, stem);
    await mkdir(dir, { recursive: true });
    const lines = (await readFile(path, 'utf8')).split('\n');
    let index = 0;
    for (const line of lines) {
      if (line.trim() === '') continue;
      index += 1;
      const record = JSON.parse(line) as { title?: unknown; content?: unknown };
      const title = typeof record.title === 'string' ? record.title : '';
      const content = typeof record.content === 'string' ? record.content : '';
      const body = `${title}\n\n${content}`;
      await writeFile(join(dir, `${String(index).padStart(5, '0')}.txt`), /\n$/.test(body) ? body : body + '\n');
    }
  }
}

async function runCli(corpusDir: string, outDir: string, workers: string): Promise<{ seconds: number; code: number }> {
  const started = process.hrtime.bigint();
  const code = await new Promise<number>((done, fail) => {
    const child = spawn(process.execPath, [cli, 'clean', corpusDir, '--out', outDir, '--format', 'json', '--workers', workers, '--no-progress'], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('error', fail);
    child.on('close', (status) => done(status ?? -1));
  });
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, code };
}

async function readTree(dir: string, skip: (relative: string) => boolean): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    const relative = full.slice(dir.length + 1).split('\\').join('/');
    if (skip(relative)) continue;
    out.set(relative, await readFile(full, 'utf8'));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The audit

const markerPattern = /\[shared block (b[0-9a-f]{10}(?:-\d+)?) "(.*?)": (?:(\d+) of )?(\d+) sentences?, also in (\d+) other articles?\]/g;

interface Variant {
  readonly block: string;
  readonly canonical: string;
  readonly text: string;
  readonly articles: readonly string[];
}
function parseVariants(block: string, text: string): Variant[] {
  const out: Variant[] = [];
  let canonical: string | undefined;
  for (const line of text.split('\n')) {
    if (line === 'Other headings') {
      canonical = undefined;
      continue;
    }
    const canonicalMatch = /^ {2}canonical \(.*?\): (.*)$/.exec(line);
    if (canonicalMatch !== null) {
      canonical = canonicalMatch[1] ?? '';
      continue;
    }
    const variantMatch = /^ {2}in (.*?): (.*)$/.exec(line);
    if (variantMatch !== null && canonical !== undefined) {
      out.push({ block, canonical, text: variantMatch[2] ?? '', articles: (variantMatch[1] ?? '').split(', ') });
    }
  }
  return out;
}

function audit(report: Report, inputs: Map<string, string>, cleaned: Map<string, string>, shared: Map<string, string>, chromeText: string): Tally {
  const tally = new Tally();
  const articleByPath = new Map(report.articles.map((article) => [article.path, article]));
  const blockById = new Map(report.blocks.map((block) => [block.id, block]));
  const indexOf = new Map(report.articles.map((article, index) => [article.path, index]));

  // 1. Changed figures hidden
  for (const [name, text] of shared) {
    if (!name.endsWith('.variants.txt')) continue;
    const id = name.replace(/\.variants\.txt$/, '');
    const canonicalText = shared.get(`${id}.txt`) ?? '';
    const canonicalFigures = new Set(figures(canonicalText));
    for (const variant of parseVariants(id, text)) {
      const mine = figures(variant.text).sort();
      const theirs = figures(variant.canonical).sort();
      if (mine.join(' ') === theirs.join(' ')) continue;
      const only = withoutFigures(variant.text) === withoutFigures(variant.canonical);
      const hidden = mine.filter((figure) => !canonicalFigures.has(figure));
      for (const article of variant.articles) {
        const group = groupOf(article);
        tally.add('1.sentences', group);
        tally.add(only ? '1.sentencesOnlyFigures' : '1.sentencesAlsoFigures', group);
        tally.add('1.figuresNotInCanonical', group, hidden.length);
      }
      tally.add('1.wordings', groupOf(variant.articles[0] ?? ''));
      if (hidden.length > 0) example(only ? '1 only figures differ' : '1 figures and words differ', `${id} ${variant.articles[0] ?? ''}: [${theirs.join(' ')}] → [${mine.join(' ')}] «${variant.text}»`);
    }
  }

  // 2. Tables and score lines removed as chrome
  for (const line of chromeText.split('\n').slice(1)) {
    if (line === '') continue;
    const [count, reason, ...rest] = line.split('\t');
    const text = rest.join('\t');
    const articles = Number(count);
    const kind = lineKind(text);
    if (kind === undefined) continue;
    tally.add(`2.${kind}`, 'all');
    tally.add(`2.${kind}Articles`, 'all', articles);
    example(`2 ${kind} removed as chrome`, `${articles} articles, ${reason ?? ''}: ${text}`);
  }

  // Input facts per article: lines, short-line frequencies (by distinct content), identical copies
  const contentHash = new Map<string, string>();
  const copies = new Map<string, string[]>();
  for (const [path, text] of inputs) {
    const hash = createHash('sha1').update(text).digest('hex');
    contentHash.set(path, hash);
    copies.set(hash, [...(copies.get(hash) ?? []), path]);
  }
  const shortLineHolders = new Map<string, Set<string>>();
  const bareTitle = (text: string): string => (text.split(' - ')[0] ?? text).replace(/\s+/g, ' ').trim().toLowerCase();
  const titleHolders = new Map<string, number>();
  for (const text of inputs.values()) {
    const key = bareTitle(text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n')));
    titleHolders.set(key, (titleHolders.get(key) ?? 0) + 1);
  }
  const inputLines = new Map<string, Line[]>();
  for (const [path, text] of inputs) {
    const lines = linesOf(text);
    inputLines.set(path, lines);
    lines.forEach((line, index) => {
      if (index === 0 || line.text.trim() === '' || tokens(line.text).length > 12) return;
      const key = shortLineKey(line.text);
      const holders = shortLineHolders.get(key) ?? new Set<string>();
      holders.add(path);
      shortLineHolders.set(key, holders);
    });
  }

  // 3, 4, 6, 7: per article
  const adjacency = new Map<string, number>();
  const nearAdjacency = new Map<string, number>();
  for (const article of report.articles) {
    const path = article.path;
    const group = groupOf(path);
    const input = inputs.get(path);
    const output = cleaned.get(path);
    if (input === undefined) continue;
    const lines = inputLines.get(path) ?? [];
    const blockSpans = article.spans.filter((span) => span.kind === 'block');
    tally.add('articles', group);
    tally.add('markers', group, blockSpans.length);

    if (output !== undefined) {
      const markers = [...output.matchAll(markerPattern)];
      if (markers.length !== blockSpans.length) {
        tally.add('3.markerCountMismatch', group);
        example('3 marker count differs from block spans', `${path}: ${markers.length} markers, ${blockSpans.length} block spans`);
      }
      for (const marker of markers) {
        const part = marker[3];
        const whole = marker[4];
        if (part !== undefined && whole !== undefined && Number(part) > Number(whole)) {
          tally.add('7.markersNOverM', group);
          example('7 marker with N > M', `${path}: ${marker[0]}`);
        }
      }
    }

    // 3. Broken sentences beside markers
    for (const span of blockSpans) {
      const lineStart = input.lastIndexOf('\n', span.start - 1) + 1;
      const before = input.slice(lineStart, span.start);
      let lineEnd = input.indexOf('\n', span.end);
      if (lineEnd === -1) lineEnd = input.length;
      const after = span.end >= lineEnd ? '' : input.slice(span.end, lineEnd).replace(/\r$/, '');
      const fragmentBefore = before.trim() !== '' && !sentenceEnd.test(before.trimEnd());
      const continuationAfter = /^\s*(\p{Ll}|,)/u.test(after);
      if (fragmentBefore) {
        tally.add('3.fragmentBefore', group);
        example('3 fragment before a marker', `${path}: …${before.trimEnd().slice(-70)} ⟦${span.block ?? ''}⟧`);
      }
      if (continuationAfter) {
        tally.add('3.continuationAfter', group);
        example('3 lower-case continuation after a marker', `${path}: ⟦${span.block ?? ''}⟧ ${after.trim().slice(0, 70)}…`);
      }
      if (fragmentBefore || continuationAfter) tally.add('3.brokenMarkers', group);
      if (input.slice(0, span.start).trim() === '') {
        tally.add('3.markerInPlaceOfTitle', group);
        const copyCount = copies.get(contentHash.get(path) ?? '')?.length ?? 1;
        if (copyCount > 1) tally.add('3.markerInPlaceOfTitleInIdenticalCopies', group);
        else example('3 marker in place of the title (not an identical copy)', `${path}: ${lines[0]?.text ?? ''} ⟦${span.block ?? ''}⟧`);
      }
    }

    // 2. the same kinds of line, counted in the inputs
    const copyCount = copies.get(contentHash.get(path) ?? '')?.length ?? 1;
    for (const line of lines.slice(1)) {
      const kind = lineKind(line.text);
      if (kind === undefined) continue;
      tally.add(`2.input.${kind}`, group);
      const span = overlapping(article.spans, line.start, line.end);
      if (span !== undefined) tally.add(`2.input.${kind}.${span.kind}`, group);
      // In an identical copy a removed line is there in the other copies: count those apart.
      if (span !== undefined && copyCount > 1) tally.add(`2.input.${kind}.${span.kind}.copies`, group);
      if (span !== undefined && copyCount === 1) example(`2 ${kind} removed (${span.kind}), not an identical copy`, `${path}: ${line.text}`);
    }

    // 4. Own short lines lost
    const title = lines[0];
    if (title !== undefined && title.text.trim() !== '') {
      const span = overlapping(article.spans, title.start, title.end);
      if (span !== undefined) {
        tally.add(span.kind === 'block' ? '4.titlesInBlock' : '4.titlesAsChrome', group);
        const copyCount = copies.get(contentHash.get(path) ?? '')?.length ?? 1;
        if (copyCount > 1) tally.add('4.titlesLostInIdenticalCopies', group);
        else example(`4 title lost (${span.kind}), not an identical copy`, `${path}: ${title.text}`);
        if (span.kind === 'block' && (titleHolders.get(bareTitle(title.text)) ?? 0) === 1) tally.add('4.titlesInBlockUniqueTitle', group);
      }
    }
    lines.forEach((line, index) => {
      if (index === 0 || line.text.trim() === '' || tokens(line.text).length > 12) return;
      const key = shortLineKey(line.text);
      if ((shortLineHolders.get(key)?.size ?? 0) !== 1) return;
      tally.add('4.ownShortLines', group);
      const span = overlapping(article.spans, line.start, line.end);
      if (span === undefined) return;
      tally.add(span.kind === 'block' ? '4.ownShortLinesInBlock' : '4.ownShortLinesAsChrome', group);
      const heading = !sentenceEnd.test(line.text.trimEnd());
      if (heading) tally.add('4.ownShortHeadingsLost', group);
      example(`4 own short ${heading ? 'heading' : 'sentence'} lost (${span.kind})`, `${path}: ${line.text}`);
    });

    // 6. adjacency of consecutive block spans
    const ordered = [...article.spans].sort((a, b) => a.start - b.start);
    let previous: Span | undefined;
    for (const span of ordered) {
      if (span.kind === 'chrome') continue;
      if (previous !== undefined && previous.block !== span.block) {
        const gap = input.slice(previous.end, span.start);
        const chromeInGap = ordered.filter((other) => other.kind === 'chrome' && other.start >= previous!.end && other.end <= span.start);
        let rest = gap;
        for (const chrome of chromeInGap.reverse()) rest = rest.slice(0, chrome.start - previous.end) + rest.slice(chrome.end - previous.end);
        const key = [previous.block ?? '', span.block ?? ''].sort().join(' ');
        if (rest.trim() === '') adjacency.set(key, (adjacency.get(key) ?? 0) + 1);
        if (tokens(rest).length <= 3) nearAdjacency.set(key, (nearAdjacency.get(key) ?? 0) + 1);
      }
      previous = span;
    }

    // 7. identical copies; wholly-one-block articles that lost the final line ending
    if (copyCount > 1) {
      tally.add('7.identicalCopies', group);
      if (article.sharedPct < 100) {
        tally.add('7.identicalCopiesBelow100', group);
        if (article.uniqueWords > 0) {
          tally.add('7.identicalCopiesWithOwnWords', group);
          example('7 identical copy with own words left', `${path} (${copyCount} copies): sharedPct ${article.sharedPct}, unique ${article.uniqueWords}, chrome ${article.chromeWords}`);
        }
      }
    }
    if (blockSpans.length === 1 && output !== undefined) {
      let rest = input;
      for (const span of [...article.spans].sort((a, b) => b.start - a.start)) rest = rest.slice(0, span.start) + rest.slice(span.end);
      if (rest.trim() === '') {
        tally.add('7.whollyOneBlock', group);
        if (/\n$/.test(input) && !/\n$/.test(output)) {
          tally.add('7.whollyOneBlockLostFinalLineEnd', group);
          example('7 wholly one block, final line ending lost', `${path}: ${JSON.stringify(output.slice(-60))}`);
        }
      }
    }
  }

  // 5. Site furniture
  const furniture = new Map<string, { outlet: string; articles: Set<string>; chrome: number; block: number; stayed: number; blocks: Map<string, number>; sample: string }>();
  const outletArticles = new Map<string, number>();
  const titleSuffixes = new Map<string, Map<string, number>>();
  for (const [path, lines] of inputLines) {
    const outlet = outletOf(groupOf(path));
    outletArticles.set(outlet, (outletArticles.get(outlet) ?? 0) + 1);
    const seen = new Set<string>();
    lines.forEach((line, index) => {
      if (index === 0) {
        const parts = line.text.split(' - ');
        const suffixes = titleSuffixes.get(outlet) ?? new Map<string, number>();
        for (const take of [1, 2]) if (parts.length > take) {
          const suffix = ' - ' + parts.slice(-take).join(' - ');
          suffixes.set(suffix, (suffixes.get(suffix) ?? 0) + 1);
        }
        titleSuffixes.set(outlet, suffixes);
        return;
      }
      if (line.text.trim() === '') return;
      const sentences = sentencesOf(line);
      const units = sentences.length > 1 ? [line, ...sentences] : [line];
      for (const unit of units) if ((unit.text.match(/\p{L}/gu)?.length ?? 0) >= 2) seen.add(furnitureKey(unit.text));
    });
    for (const key of seen) {
      const entry = furniture.get(`${outlet}\t${key}`) ?? { outlet, articles: new Set<string>(), chrome: 0, block: 0, stayed: 0, blocks: new Map<string, number>(), sample: '' };
      entry.articles.add(path);
      furniture.set(`${outlet}\t${key}`, entry);
    }
  }
  for (const [key, entry] of furniture) {
    if (entry.articles.size < 0.2 * (outletArticles.get(entry.outlet) ?? 0) || key.endsWith('\t')) furniture.delete(key);
  }
  const furnitureKeys = new Set([...furniture.keys()].map((key) => key.slice(key.indexOf('\t') + 1)));
  for (const [key, entry] of furniture) {
    const wanted = key.slice(key.indexOf('\t') + 1);
    for (const path of entry.articles) {
      const article = articleByPath.get(path);
      const lines = inputLines.get(path) ?? [];
      if (article === undefined) continue;
      for (const line of lines.slice(1)) {
        const unit = [line, ...sentencesOf(line)].find((candidate) => furnitureKey(candidate.text) === wanted);
        if (unit === undefined) continue;
        if (entry.sample === '') entry.sample = unit.text;
        const span = overlapping(article.spans, unit.start, unit.end);
        if (span === undefined) entry.stayed += 1;
        else if (span.kind === 'chrome') entry.chrome += 1;
        else {
          entry.block += 1;
          entry.blocks.set(span.block ?? '', (entry.blocks.get(span.block ?? '') ?? 0) + 1);
        }
        break;
      }
    }
  }
  const furnitureReport: { outlet: string; articles: number; chrome: number; block: number; stayed: number; blocks: number }[] = [];
  for (const entry of furniture.values()) {
    furnitureReport.push({ outlet: entry.outlet, articles: entry.articles.size, chrome: entry.chrome, block: entry.block, stayed: entry.stayed, blocks: entry.blocks.size });
    const reach = [...entry.blocks].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([id]) => `${id} (${blockById.get(id)?.articles.length ?? 0} articles)`).join(', ');
    console.log(`  furniture [${entry.outlet}] in ${entry.articles.size} articles: chrome ${entry.chrome}, block ${entry.block}, stayed ${entry.stayed}${reach === '' ? '' : `; blocks ${reach}`}: «${truncate(entry.sample, 80)}»`);
  }
  for (const [outlet, suffixes] of titleSuffixes) {
    const count = outletArticles.get(outlet) ?? 0;
    for (const [suffix, n] of suffixes) if (n >= 0.2 * count) console.log(`  title suffix [${outlet}] in ${n} of ${count} titles: «${suffix}»`);
  }
  tally.add('5.furnitureUnits', 'all', furniture.size);
  for (const entry of furniture.values()) {
    tally.add('5.furnitureOccurrences', 'all', entry.chrome + entry.block + entry.stayed);
    tally.add('5.furnitureAsChrome', 'all', entry.chrome);
    tally.add('5.furnitureInBlock', 'all', entry.block);
    tally.add('5.furnitureStayed', 'all', entry.stayed);
  }
  // Furniture-only blocks and the pairs due only to them
  const furnitureOnly = new Set<string>();
  for (const block of report.blocks) {
    const text = shared.get(`${block.id}.txt`);
    if (text === undefined) continue;
    const lines = linesOf(text.replace(/\n$/, ''));
    const body = block.label !== '' && lines.length > 1 && lines[0]?.text === block.label ? lines.slice(1) : lines;
    const units = body.flatMap((line) => sentencesOf(line)).map((unit) => furnitureKey(unit.text));
    if (units.length > 0 && units.every((unit) => furnitureKeys.has(unit))) {
      furnitureOnly.add(block.id);
      example('5 furniture-only block', `${block.id} in ${block.articles.length} articles: ${text}`);
    }
  }
  tally.add('5.furnitureOnlyBlocks', 'all', furnitureOnly.size);
  tally.add('5.furnitureOnlyBlockArticles', 'all', report.blocks.filter((block) => furnitureOnly.has(block.id)).reduce((sum, block) => sum + block.articles.length, 0));
  const pairCount = (keep: (block: ReportBlock) => boolean): number => {
    const neighbours: Set<number>[] = report.articles.map(() => new Set<number>());
    for (const block of report.blocks) {
      if (!keep(block)) continue;
      const members = block.articles.map((path) => indexOf.get(path) ?? -1);
      for (const a of members) for (const b of members) if (a < b) neighbours[a]?.add(b);
    }
    return neighbours.reduce((sum, set) => sum + set.size, 0);
  };
  const allPairs = pairCount(() => true);
  const realPairs = pairCount((block) => !furnitureOnly.has(block.id));
  tally.add('5.pairsCounted', 'all', allPairs);
  tally.add('5.pairsOnlyFurniture', 'all', allPairs - realPairs);

  // 6. One background, one block
  const groupBlocks = (pairs: Map<string, number>, name: string): void => {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let at = id;
    while (parent.get(at) !== undefined && parent.get(at) !== at) at = parent.get(at) ?? at;
    return at;
  };
  for (const [key, count] of pairs) {
    const [a, b] = key.split(' ');
    const blockA = blockById.get(a ?? '');
    const blockB = blockById.get(b ?? '');
    if (blockA === undefined || blockB === undefined) continue;
    const setA = new Set(blockA.articles);
    const both = blockB.articles.filter((path) => setA.has(path)).length;
    const jaccard = both / (setA.size + blockB.articles.length - both);
    if (jaccard < 0.8 || count * 2 <= both) continue;
    parent.set(find(blockA.id), find(blockB.id));
    if (!parent.has(blockB.id)) parent.set(blockB.id, blockB.id);
    if (name === '6') example('6 adjacent blocks with (nearly) the same articles', `${blockA.id} "${blockA.label}" (${blockA.articles.length}) + ${blockB.id} "${blockB.label}" (${blockB.articles.length}): Jaccard ${jaccard.toFixed(2)}, adjacent in ${count} of ${both}`);
  }
  const groups = new Map<string, number>();
  for (const id of parent.keys()) groups.set(find(id), (groups.get(find(id)) ?? 0) + 1);
  for (const [rootId, size] of groups) {
    tally.add(`${name}.groups`, groupOf(blockById.get(rootId)?.articles[0] ?? ''));
    tally.add(`${name}.blocksInGroups`, groupOf(blockById.get(rootId)?.articles[0] ?? ''), size);
  }
  };
  groupBlocks(adjacency, '6');
  groupBlocks(nearAdjacency, '6near');

  console.log(`  furniture units: ${furnitureReport.length}; furniture-only blocks: ${furnitureOnly.size}; pairs counted ${allPairs} (report totals.pairs ${report.totals.pairs})`);
  return tally;
}

// ---------------------------------------------------------------------------------------------
// Table

const lineNames = { numbers: 'mostly-numbers lines', score: 'score-card rows', caps: 'ALL-CAPS ":" lines' } as const;
const rows: [string, (t: Tally, g?: string) => string][] = [
  ['articles', (t, g) => `${t.get('articles', g)}`],
  ['1 removed sentences hiding changed figures (only figures / also words)', (t, g) => `${t.get('1.sentences', g)} (${t.get('1.sentencesOnlyFigures', g)} / ${t.get('1.sentencesAlsoFigures', g)})`],
  ['1 distinct such wordings', (t, g) => `${t.get('1.wordings', g)}`],
  ['1 figures in them not in the canonical text', (t, g) => `${t.get('1.figuresNotInCanonical', g)}`],
  ...(['numbers', 'score', 'caps'] as const).flatMap((kind): [string, (t: Tally, g?: string) => string][] => [
    [`2 chrome.txt ${lineNames[kind]} (distinct / article-lines)`, (t) => `${t.get(`2.${kind}`)} / ${t.get(`2.${kind}Articles`)}`],
    [`2   input ${lineNames[kind]}: chrome / block (in copies) of all`, (t, g) => `${t.get(`2.input.${kind}.chrome`, g)} (${t.get(`2.input.${kind}.chrome.copies`, g)}) / ${t.get(`2.input.${kind}.block`, g)} (${t.get(`2.input.${kind}.block.copies`, g)}) of ${t.get(`2.input.${kind}`, g)}`],
  ]),
  ['3 markers', (t, g) => `${t.get('markers', g)}`],
  ['3 markers beside a broken sentence (share)', (t, g) => `${t.get('3.brokenMarkers', g)} (${pct(t.get('3.brokenMarkers', g), t.get('markers', g))})`],
  ['3   fragment before / continuation after', (t, g) => `${t.get('3.fragmentBefore', g)} / ${t.get('3.continuationAfter', g)}`],
  ['3 markers in place of the title (of them in identical copies)', (t, g) => `${t.get('3.markerInPlaceOfTitle', g)} (${t.get('3.markerInPlaceOfTitleInIdenticalCopies', g)}) ${pct(t.get('3.markerInPlaceOfTitle', g), t.get('markers', g))}`],
  ['3 articles whose marker count differs from block spans', (t, g) => `${t.get('3.markerCountMismatch', g)}`],
  ['4 titles lost: in a block / as chrome (in identical copies)', (t, g) => `${t.get('4.titlesInBlock', g)} / ${t.get('4.titlesAsChrome', g)} (${t.get('4.titlesLostInIdenticalCopies', g)})`],
  ['4 titles in a block that no other article has', (t, g) => `${t.get('4.titlesInBlockUniqueTitle', g)}`],
  ['4 own short lines lost: in a block / as chrome (of all)', (t, g) => `${t.get('4.ownShortLinesInBlock', g)} / ${t.get('4.ownShortLinesAsChrome', g)} (${t.get('4.ownShortLines', g)})`],
  ['4   of them heading-like (no sentence-final punctuation)', (t, g) => `${t.get('4.ownShortHeadingsLost', g)}`],
  ['5 furniture units (≥20% of an outlet)', (t) => `${t.get('5.furnitureUnits')}`],
  ['5 furniture occurrences: chrome / block / stayed', (t) => `${t.get('5.furnitureAsChrome')} / ${t.get('5.furnitureInBlock')} / ${t.get('5.furnitureStayed')}`],
  ['5 furniture-only blocks (articles reached)', (t) => `${t.get('5.furnitureOnlyBlocks')} (${t.get('5.furnitureOnlyBlockArticles')})`],
  ['5 pairs due only to furniture blocks / pairs', (t) => `${t.get('5.pairsOnlyFurniture')} / ${t.get('5.pairsCounted')} (${pct(t.get('5.pairsOnlyFurniture'), t.get('5.pairsCounted'))})`],
  ['6 groups of adjacent same-article blocks (blocks in them)', (t, g) => `${t.get('6.groups', g)} (${t.get('6.blocksInGroups', g)}, avg ${(t.get('6.blocksInGroups', g) / Math.max(1, t.get('6.groups', g))).toFixed(2)})`],
  ['6   the same, allowing ≤ 3 words between them', (t, g) => `${t.get('6near.groups', g)} (${t.get('6near.blocksInGroups', g)}, avg ${(t.get('6near.blocksInGroups', g) / Math.max(1, t.get('6near.groups', g))).toFixed(2)})`],
  ['7 markers with N > M', (t, g) => `${t.get('7.markersNOverM', g)}`],
  ['7 identical copies: sharedPct < 100 (own words left) of all', (t, g) => `${t.get('7.identicalCopiesBelow100', g)} (${t.get('7.identicalCopiesWithOwnWords', g)}) of ${t.get('7.identicalCopies', g)}`],
  ['7 wholly-one-block articles that lost the final line ending', (t, g) => `${t.get('7.whollyOneBlockLostFinalLineEnd', g)} of ${t.get('7.whollyOneBlock', g)}`],
];
function pct(part: number, whole: number): string {
  return whole === 0 ? '-' : `${((100 * part) / whole).toFixed(1)}%`;
}
function printTable(tally: Tally): void {
  const groups = [...tally.byGroup.keys()].filter((group) => group !== 'all').sort();
  const header = ['figure', 'all', ...groups];
  const body = rows.map(([name, cell]) => [name, cell(tally), ...groups.map((group) => (name.startsWith('2 chrome') || name.startsWith('5') ? '' : cell(tally, group)))]);
  const widths = header.map((_, column) => Math.max(...[header, ...body].map((row) => (row[column] ?? '').length)));
  for (const row of [header, ...body]) console.log(row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  '));
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const files = values.files.split(',').map((file) => file.trim()).filter((file) => file !== '');
  const runName = files.map((file) => basename(file).replace(/\.jsonl$/, '')).join(',');
  let work: string;
  let corpusDir: string;
  let outDir: string;
  let wall: { seconds: number; code: number } | undefined;
  const temporary = values.out === undefined && values['input-dir'] === undefined;
  if (values['input-dir'] !== undefined) {
    outDir = resolve(values['input-dir']);
    const sibling = join(dirname(outDir), 'corpus');
    if (existsSync(sibling)) {
      work = dirname(outDir);
      corpusDir = sibling;
    } else {
      work = await mkdtemp(join(tmpdir(), 'newsdedup-audit-'));
      corpusDir = join(work, 'corpus');
      await convert(files, corpusDir);
    }
  } else {
    work = values.out === undefined ? await mkdtemp(join(tmpdir(), 'newsdedup-audit-')) : resolve(values.out);
    corpusDir = join(work, 'corpus');
    outDir = join(work, 'cleaned');
    await rm(corpusDir, { recursive: true, force: true });
    await convert(files, corpusDir);
    console.log(`corpus written to ${corpusDir}; running newsdedup clean…`);
    wall = await runCli(corpusDir, outDir, values.workers);
    console.log(`newsdedup clean: exit ${wall.code} in ${wall.seconds.toFixed(1)} s`);
  }
  try {
    const report = JSON.parse(await readFile(join(outDir, 'report.json'), 'utf8')) as Report;
    const inputs = await readTree(corpusDir, () => false);
    const cleaned = await readTree(outDir, (relative) => relative.startsWith('_shared/') || relative === '_chrome.txt' || relative === 'report.json');
    const shared = await readTree(join(outDir, '_shared'), () => false);
    const chromeText = existsSync(join(outDir, '_chrome.txt')) ? await readFile(join(outDir, '_chrome.txt'), 'utf8') : '';
    const tally = audit(report, inputs, cleaned, shared, chromeText);

    const t = report.totals;
    console.log(`\n${runName}: ${t.articles} articles, ${t.words} words, ${t.sharedPct}% shared in ${t.blocks} blocks, ${t.chromeWords} chrome words in ${chromeText.split('\n').length - 2} distinct chrome lines, ${t.pairs} pairs${wall === undefined ? '' : `; wall ${wall.seconds.toFixed(1)} s, exit ${wall.code}`}\n`);
    printTable(tally);
    console.log('\nExamples (id + snippet):');
    for (const [kind, list] of [...examples].sort((a, b) => a[0].localeCompare(b[0]))) {
      console.log(`- ${kind}`);
      for (const line of list) console.log(`    ${line}`);
    }

    const results = existsSync(values.results) ? (JSON.parse(await readFile(values.results, 'utf8')) as Record<string, unknown>) : {};
    const toObject = (counts: Map<string, number> | undefined): Record<string, number> => Object.fromEntries([...(counts ?? new Map<string, number>())].sort((a, b) => a[0].localeCompare(b[0])));
    // A re-audit of kept output (--input-dir) keeps the wall time and exit code of the run that made it.
    const before = results[runName] as { wallSeconds?: number | null; exitCode?: number | null } | undefined;
    results[runName] = {
      files: runName.split(','),
      wallSeconds: wall === undefined ? (before?.wallSeconds ?? null) : Number(wall.seconds.toFixed(1)),
      exitCode: wall === undefined ? (before?.exitCode ?? null) : wall.code,
      totals: { ...t, chromeLines: chromeText.split('\n').length - 2 },
      figures: toObject(tally.total),
      byGroup: Object.fromEntries([...tally.byGroup].filter(([group]) => group !== 'all').sort().map(([group, counts]) => [group, toObject(counts)])),
    };
    await writeFile(values.results, JSON.stringify(results, null, 2) + '\n');
    console.log(`\nfigures written to ${values.results}`);
  } finally {
    if (temporary) await rm(work, { recursive: true, force: true });
  }
}

await main();
