/**
 * A lasting index through the library: `addToIndex`, then `cleanCorpus` and `reportCorpus` with
 * `index`. The yardstick is a full run over the archive and the new articles together.
 */
import { cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cleanCorpus, reportCorpus } from '../src/pipeline.js';
import type { CorpusResult } from '../src/corpus.js';
import { addToIndex } from '../src/index/add.js';
import type { Report } from '../src/types.js';
import { generate, random } from '../bench/generate.js';
import { syntheticText } from '../bench/synthetic.js';
import { CORPUS, temporaryDirectory } from './helpers.js';

const ONE_THREAD = { workers: 1 } as const;

/** The files of `directory`, relative, `/`-separated, sorted. */
function filesOf(directory: string): string[] {
  return readdirSync(directory, { recursive: true })
    .map((name) => String(name).split('\\').join('/'))
    .filter((name) => !name.includes('.newsdedup/') && /\.(?:txt|jsonl)$/.test(name))
    .sort();
}

/** What a run says of some articles: their report rows, and the blocks they hold with those blocks' texts. */
function viewOf(result: CorpusResult, paths: ReadonlySet<string>) {
  const rows = result.report.articles.filter((article) => paths.has(article.path));
  const held = new Set(rows.flatMap((row) => row.blocks));
  const blocks = result.report.blocks.filter((block) => held.has(block.id));
  const texts = result.shared.filter((block) => held.has(block.id)).map((block) => [block.id, block.text, block.variantsText]);
  return { rows, blocks, texts };
}

/** Every output file of `paths` in a clean's output folder, by path. */
function outputsOf(out: string, paths: readonly string[]): Record<string, string> {
  return Object.fromEntries(paths.map((path) => [path, readFileSync(join(out, path), 'utf8')]));
}

describe('cleaning new articles against an index', () => {
  let root: string;
  let archive: string[];
  let today: string[];
  beforeAll(async () => {
    // A generated corpus of our own words: backgrounds copied verbatim and lightly edited, changed
    // figures, tables and site furniture, in twelve sites' folders.
    const generated = temporaryDirectory();
    await generate({ out: generated, bytes: 1_200_000, seed: 16, text: syntheticText(), shape: 'furniture' });
    root = join(generated, 'articles');
    const files = filesOf(root);
    // Every third article is today's; the rest are the archive.
    today = files.filter((_, index) => index % 3 === 1);
    archive = files.filter((_, index) => index % 3 !== 1);
  }, 60_000);

  it('gives today’s articles the output a full run over the archive and today gives them, byte for byte', async () => {
    const index = join(root, '.newsdedup');
    const added = await addToIndex(archive.map((path) => join(root, path)), { index, ...ONE_THREAD });
    expect(added).toMatchObject({ added: archive.length, replaced: 0, unchanged: 0, articles: archive.length });

    const out = temporaryDirectory();
    const incremental = await cleanCorpus(today.map((path) => join(root, path)), { index, out: join(out, 'today'), ...ONE_THREAD });
    const full = await cleanCorpus([root], { out: join(out, 'full'), ...ONE_THREAD });

    expect(incremental.report.articles.map((article) => article.path)).toEqual(today);
    const paths = new Set(today);
    const view = viewOf(incremental, paths);
    expect(view.rows.length).toBe(today.length);
    expect(view).toEqual(viewOf(full, paths));
    expect(outputsOf(join(out, 'today'), today)).toEqual(outputsOf(join(out, 'full'), today));
    // Each text read again by fetch and apply rather than held from the first pass: the same bytes.
    const reread = await cleanCorpus(today.map((path) => join(root, path)), { index, out: join(out, 'reread'), ...ONE_THREAD, textsInMemory: false });
    expect(reread.report).toEqual(incremental.report);
    expect(outputsOf(join(out, 'reread'), today)).toEqual(outputsOf(join(out, 'today'), today));
    // The test means something: today's articles share blocks with the archive, and read part of it.
    expect(incremental.report.totals.sharedWords).toBeGreaterThan(0);
    expect(incremental.report.index?.joinedBlocks.length).toBeGreaterThan(0);
    expect(incremental.report.index?.contextArticles).toBeGreaterThan(0);
    expect(incremental.report.index?.contextArticles).toBeLessThan(archive.length);
    expect(incremental.report.totals.chromeWords).toBeGreaterThan(0);
  }, 120_000);
});

describe('dated records against an index', () => {
  it('takes a block’s wording from its earliest copy in the archive, as a full run does', async () => {
    const root = temporaryDirectory();
    const text = syntheticText();
    const rand = random(4);
    const sentences = (count: number) => Array.from({ length: count }, () => text.sentence(rand)).join(' ');
    const background = [sentences(3), sentences(2)];
    const edited = background.map((paragraph) => paragraph.replace(/\b(\w+)(\W*)$/, 'again$2'));
    // The archive's copy is the earliest; today's copies reword the background's last words.
    const day = (date: string, body: string, id: string) => ({ id, date, text: `${sentences(2)}\n\n${body}\n\n${sentences(3)}` });
    const archive = [day('2025-01-02', background.join('\n\n'), 'a1'), day('2025-01-05', sentences(6), 'a2'), day('2025-01-06', edited.join('\n\n'), 'a3')];
    const today = [day('2025-02-01', edited.join('\n\n'), 't1'), day('2025-02-02', `${background[0]}\n\n${sentences(2)}`, 't2'), day('2025-02-03', sentences(5), 't3')];
    writeFileSync(join(root, 'january.jsonl'), archive.map((record) => JSON.stringify(record)).join('\n') + '\n');
    writeFileSync(join(root, 'february.jsonl'), today.map((record) => JSON.stringify(record)).join('\n') + '\n');
    // The index in the corpus's folder: keys are paths from there, as a full run over the folder names them.
    const index = join(root, '.newsdedup');
    await addToIndex([join(root, 'january.jsonl')], { index, ...ONE_THREAD });

    const outputs = temporaryDirectory();
    const incremental = await cleanCorpus([join(root, 'february.jsonl')], { index, out: join(outputs, 'today'), ...ONE_THREAD });
    const full = await cleanCorpus([root], { out: join(outputs, 'full'), ...ONE_THREAD });
    expect(incremental.report.articles.map((article) => article.path)).toEqual(['february.jsonl#t1', 'february.jsonl#t2', 'february.jsonl#t3']);
    const shared = incremental.shared.map((block) => block.text).join('\n');
    // The wording of the archive's copy, dated first, is the block's.
    expect(shared).toContain(background[0]);
    expect(shared).not.toContain(edited[0]);
    expect(incremental.report.index?.joinedBlocks.length ?? 0).toBeGreaterThan(0);
    const paths = new Set(incremental.report.articles.map((article) => article.path));
    expect(viewOf(incremental, paths)).toEqual(viewOf(full, paths));
    expect(readFileSync(join(outputs, 'today', 'february.jsonl'), 'utf8')).toBe(readFileSync(join(outputs, 'full', 'february.jsonl'), 'utf8'));
  }, 60_000);
});

describe('an index over days', () => {
  it('keeps a block’s id as the index grows, and says which blocks are new and which the archive had', async () => {
    const root = temporaryDirectory();
    const seeds = readdirSync(CORPUS).filter((name) => name.endsWith('.txt')).sort();
    cpSync(CORPUS, root, { recursive: true });
    const index = join(root, '.newsdedup');
    const day = (numbers: readonly string[]) => seeds.filter((name) => numbers.some((number) => name.startsWith(number))).map((name) => join(root, name));
    const labelled = (report: Report, start: string) => report.blocks.find((block) => block.label.startsWith(start))?.id;
    // Day 1: 000, 001 and 003. Day 2: 002, which joins the Pak-Afghan background that 000 and 001
    // hold, and shares "Last week…" with 001 alone: a new block.
    expect(await addToIndex(day(['000', '001', '003']), { index, ...ONE_THREAD })).toMatchObject({ added: 3, articles: 3 });
    const second = await reportCorpus(day(['002']), { index, ...ONE_THREAD });
    const background = labelled(second.report, 'Pak-Afghan relations');
    const lastWeek = labelled(second.report, 'Last week');
    expect(background).toBeDefined();
    expect(lastWeek).toBeDefined();
    expect(second.report.index).toMatchObject({ archiveArticles: 3 });
    expect(second.report.index!.joinedBlocks).toEqual([background]);
    expect(second.report.index!.newBlocks).toContain(lastWeek);
    expect(second.report.index!.newBlocks).not.toContain(background);

    // Day 2 joins the index. Day 3, two articles of their own words, each quoting one block: both
    // are archive blocks now, under the ids they had.
    expect(await addToIndex(day(['000', '001', '002', '003']), { index, ...ONE_THREAD })).toMatchObject({ added: 1, unchanged: 3, articles: 4 });
    const text = syntheticText();
    const rand = random(9);
    const own = () => Array.from({ length: 3 }, () => text.sentence(rand)).join(' ');
    const blockText = (id: string | undefined) => second.shared.find((block) => block.id === id)!.text.trim();
    writeFileSync(join(root, 'tuesday.txt'), `${own()}\n\n${blockText(background)}\n\n${own()}\n`);
    writeFileSync(join(root, 'wednesday.txt'), `${own()}\n\n${blockText(lastWeek)}\n\n${own()}\n`);
    const third = await reportCorpus([join(root, 'tuesday.txt'), join(root, 'wednesday.txt')], { index, ...ONE_THREAD });
    expect(third.report.index!.joinedBlocks).toEqual([background, lastWeek].sort());
    expect(third.report.index!.newBlocks).toEqual([]);
    // And day 3's figures are a full run's over all seven.
    const full = await reportCorpus([root], ONE_THREAD);
    const todays = new Set(['tuesday.txt', 'wednesday.txt']);
    expect(viewOf(third, todays)).toEqual(viewOf(full, todays));
  }, 60_000);

  it('reports the same article ids with an index as the corpus grows by a folder', async () => {
    const root = temporaryDirectory();
    cpSync(CORPUS, join(root, 'news', 'monday'), { recursive: true });
    const index = join(root, 'news', '.newsdedup');
    await addToIndex([join(root, 'news', 'monday')], { index, ...ONE_THREAD });
    const before = await reportCorpus([join(root, 'news', 'monday')], { index, ...ONE_THREAD });
    cpSync(join(CORPUS, '001_8471bf5c255b87a9.txt'), join(root, 'news', 'tuesday', 'a.txt'), { recursive: true });
    const after = await reportCorpus([join(root, 'news', 'monday'), join(root, 'news', 'tuesday')], { index, ...ONE_THREAD });
    const ids = (report: Report) => report.articles.map((article) => article.path);
    expect(ids(after.report).filter((path) => path.startsWith('monday/'))).toEqual(ids(before.report));
    expect(ids(before.report)[0]).toMatch(/^monday\/000_/);
    expect(ids(after.report)).toContain('tuesday/a.txt');
  }, 60_000);
});

describe('an index run matches as a full run does', () => {
  const text = syntheticText();
  const rand = random(31);
  const own = () => Array.from({ length: 3 }, () => text.sentence(rand)).join(' ');
  /** Writes articles (name → the sentence between its own words), indexes all but `today`, and runs `today` both ways. */
  async function bothWays(articles: Record<string, string>, today: string) {
    const root = temporaryDirectory();
    for (const [name, sentence] of Object.entries(articles)) writeFileSync(join(root, name), `${own()}\n\n${sentence}\n\n${own()}\n`);
    const index = join(root, '.newsdedup');
    await addToIndex(Object.keys(articles).filter((name) => name !== today).map((name) => join(root, name)), { index, ...ONE_THREAD });
    const incremental = await reportCorpus([join(root, today)], { index, ...ONE_THREAD });
    const full = await reportCorpus([root], ONE_THREAD);
    return { incremental: viewOf(incremental, new Set([today])), full: viewOf(full, new Set([today])) };
  }

  it('where copies chain: the archive’s copy of a copy is in the block, though it shares little with today’s', async () => {
    // Each wording two light edits from the last: today's and the third share too little of their sketch to meet.
    const { incremental, full } = await bothWays(
      {
        'a.txt': 'The resysic clyseaprirk pleanexbaied the brivuic fageand across still its vairkpai although one nouflyng wustourked its shajosic tykrairk across 10 saipliosic jebafer.',
        'b.txt': 'The resysic clyseaprirk pleanexbaied the brivuic fageand across still officially its vairkpai still although one nouflyng wustourked its shajosic tykrairk across 10 saipliosic jebafer.',
        'c.txt': 'The resysic clyseaprirk pleanexbaied the brivuic fageand across its vairkpai although one lushuflioric nouflyng wustourked its shajosic tykrairk across 10 saipliosic jebafer.',
      },
      'c.txt',
    );
    expect(full.blocks.map((block) => block.articles)).toEqual([['a.txt', 'b.txt', 'c.txt']]);
    expect(incremental).toEqual(full);
  }, 30_000);

  it('where a common phrase’s first and latest holders are archive articles it did not read: its votes are lost, as in a full run', async () => {
    // b.txt's wording shares three of the sentence's eight sketch entries with today's, one of them a
    // phrase that a.txt, an unrelated article, holds first, and bb.txt, another, holds last: a full
    // run pairs them with nobody.
    const { incremental, full } = await bothWays(
      {
        'a.txt': 'Meanwhile this chiolhouric biocond stood by the old gate of the town all winter.',
        'b.txt': 'One bioskiowiric kagoul banned wowiored this chiolhouric biocond after Dagit Mitrai near so-called another clousada, said Hokus.',
        'bb.txt': 'Later this chiolhouric biocond was moved to the new square by the town council.',
        'c.txt': 'One bioskiowiric kagoul wowiored this chiolhouric biocond after Dagit Mitrai near another clousada, said Drocapleal Hokus.',
      },
      'c.txt',
    );
    expect(full.rows[0]!.sharedWords).toBe(0);
    expect(incremental).toEqual(full);
  }, 30_000);

  it('where articles end with a dated sign-off longer than a heading: its wordings in the archive make it furniture, as in a full run', async () => {
    const root = temporaryDirectory();
    const months = ['January', 'February', 'March'];
    const names = Array.from({ length: 30 }, (_, n) => `${String(n).padStart(2, '0')}.txt`);
    // Its figures change all along it, so copies share too little of their sketch to be read as context: only the index's lines tell its template.
    names.forEach((name, n) => writeFileSync(join(root, name), `${own()}\n\n${own()}\n\nPrinted on ${1 + n} ${months[n % 3]} 2025 at ${10 + (n % 9)}.${20 + n} from page ${2 + (n % 7)} of ${30 + n} in the Courier\n`));
    const today = names[names.length - 1]!;
    const index = join(root, '.newsdedup');
    await addToIndex(names.slice(0, -1).map((name) => join(root, name)), { index, ...ONE_THREAD });
    const incremental = await reportCorpus([join(root, today)], { index, ...ONE_THREAD });
    const full = await reportCorpus([root], ONE_THREAD);
    // Fifteen words of chrome, more than a short line's eight: the sign-off, though no other article carries today's wording.
    expect(full.report.articles.find((article) => article.path === today)!.chromeWords).toBe(15);
    expect(incremental.report.articles.find((article) => article.path === today)!.chromeWords).toBe(15);
    expect(viewOf(incremental, new Set([today]))).toEqual(viewOf(full, new Set([today])));
  }, 30_000);

  it('where a column ends with its writer’s short lines: their copies in the archive make a block, as in a full run', async () => {
    const byline = 'The writer is a retired diplomat.\nvoslaric@example.org';
    const { incremental, full } = await bothWays({ 'a.txt': byline, 'b.txt': byline, 'c.txt': byline, 'd.txt': byline }, 'd.txt');
    expect(full.blocks.map((block) => block.articles.length)).toEqual([4]);
    expect(incremental).toEqual(full);
  }, 30_000);

  it('where a line’s copies are too many to read: a marker counts those left unread, as a full run does, but not the copies of a short sentence of a longer block', async () => {
    const root = temporaryDirectory();
    const line = 'Tell us what you think about this story.';
    const background = `${text.sentence(rand)} But he said. ${text.sentence(rand)}`;
    // 150 archive articles, each its own outlet (so no line is furniture), end with the line; the
    // first 60 also hold the background that today's holds, and 150 more hold its short middle
    // sentence alone. Both the line's copies and the short sentence's are more than a run reads.
    const write = (name: string, body: string): void => {
      mkdirSync(join(root, name));
      writeFileSync(join(root, name, 'a.txt'), body);
    };
    for (let i = 0; i < 150; i += 1) write(`s${String(i).padStart(3, '0')}`, `${own()}\n\n${i < 60 ? `${background}\n\n` : ''}${line}\n`);
    for (let i = 0; i < 150; i += 1) write(`t${String(i).padStart(3, '0')}`, `${own()} But he said.\n`);
    write('today', `${own()}\n\n${background}\n\n${line}\n`);
    const index = join(root, '.newsdedup');
    await addToIndex(readdirSync(root).filter((name) => name !== 'today').map((name) => join(root, name)), { index, ...ONE_THREAD });
    const out = temporaryDirectory();
    const incremental = await cleanCorpus([join(root, 'today')], { index, out: join(out, 'today'), ...ONE_THREAD });
    await cleanCorpus([root], { out: join(out, 'full'), ...ONE_THREAD });
    // Only the background's holders are read: the line's other 90 copies are counted, not read.
    expect(incremental.report.index!.contextArticles).toBe(60);
    const cleaned = readFileSync(join(out, 'full', 'today', 'a.txt'), 'utf8');
    expect(cleaned).toContain('also in 150 other articles');
    expect(cleaned).toContain('3 sentences, also in 60 other articles');
    expect(readFileSync(join(out, 'today', 'today', 'a.txt'), 'utf8')).toBe(cleaned);
  }, 60_000);

  it('where an article’s only shared line has too many copies to read: the run goes through, and that line stays (a full run would make it a block)', async () => {
    const root = temporaryDirectory();
    const line = 'Tell us what you think about this story.';
    for (let i = 0; i < 150; i += 1) {
      mkdirSync(join(root, `s${String(i).padStart(3, '0')}`));
      writeFileSync(join(root, `s${String(i).padStart(3, '0')}`, 'a.txt'), `${own()}\n\n${line}\n`);
    }
    mkdirSync(join(root, 'today'));
    writeFileSync(join(root, 'today', 'a.txt'), `${own()}\n\n${line}\n`);
    const index = join(root, '.newsdedup');
    await addToIndex(readdirSync(root).filter((name) => name !== 'today').map((name) => join(root, name)), { index, ...ONE_THREAD });
    const incremental = await reportCorpus([join(root, 'today')], { index, ...ONE_THREAD });
    expect(incremental.report.index!.contextArticles).toBe(0);
    expect(incremental.report.articles[0]!.sharedWords).toBe(0);
    const full = await reportCorpus([root], ONE_THREAD);
    expect(full.report.articles.find((article) => article.path === 'today/a.txt')!.sharedWords).toBe(8);
  }, 60_000);

  it('where a common line runs on from a background in the archive’s copies only: its copies left unread keep it out of the block', async () => {
    const root = temporaryDirectory();
    const script = '(adsbygoogle=window.adsbygoogle||[]).push({});';
    const background = [text.sentence(rand), text.sentence(rand), text.sentence(rand)];
    // 150 articles of the outlet end a paragraph with the script; in the last three it runs on
    // from the background. Today's holds the background lightly edited, and the script on its own
    // line. The script's first holder is an archive article the run does not read, so today's
    // script pairs with nobody, and the archive's copies join only each other (as neighbours of
    // the background's verbatim copies).
    mkdirSync(join(root, 'site'));
    for (let i = 0; i < 150; i += 1) writeFileSync(join(root, 'site', `a${String(i).padStart(3, '0')}.txt`), `${own()}\n\n${i >= 147 ? background.join(' ') : text.sentence(rand)} ${script}\n`);
    const edited = background[0]!.replace(/^(\S+) (\S+)/, '$1 officially $2');
    writeFileSync(join(root, 'site', 'today.txt'), `${own()}\n\n${[edited, ...background.slice(1)].join(' ')}\n\n${own()}\n${script}\n`);
    const index = join(root, '.newsdedup');
    await addToIndex(readdirSync(join(root, 'site')).filter((name) => name.startsWith('a')).map((name) => join(root, 'site', name)), { index, ...ONE_THREAD });
    const incremental = await reportCorpus([join(root, 'site', 'today.txt')], { index, ...ONE_THREAD });
    const full = await reportCorpus([root], ONE_THREAD);
    const paths = new Set(['site/today.txt']);
    expect(incremental.report.index!.contextArticles).toBeLessThan(100);
    expect(viewOf(full, paths).blocks.map((block) => block.sentences)).toEqual([3]);
    expect(viewOf(incremental, paths)).toEqual(viewOf(full, paths));
  }, 60_000);

  it('where a common short line ends a shared background: its copies left unread still keep it out of the block', async () => {
    const root = temporaryDirectory();
    const script = '(adsbygoogle=window.adsbygoogle||[]).push({});';
    const background = `${text.sentence(rand)} ${text.sentence(rand)}`;
    // 150 articles of the outlet end with the script line; the archive's first and today's also
    // hold the same background just before it.
    for (let i = 0; i < 150; i += 1) writeFileSync(join(root, `a${String(i).padStart(3, '0')}.txt`), `${own()}\n\n${i === 0 ? `${background}\n` : ''}${script}\n`);
    writeFileSync(join(root, 'today.txt'), `${own()}\n\n${background}\n${script}\n`);
    const index = join(root, '.newsdedup');
    await addToIndex(readdirSync(root).filter((name) => name.startsWith('a')).map((name) => join(root, name)), { index, ...ONE_THREAD });
    const incremental = await reportCorpus([join(root, 'today.txt')], { index, ...ONE_THREAD });
    const full = await reportCorpus([root], ONE_THREAD);
    const paths = new Set(['today.txt']);
    expect(incremental.report.index!.contextArticles).toBeLessThan(100);
    expect(viewOf(full, paths).rows[0]!.chromeWords).toBeGreaterThan(0);
    expect(viewOf(incremental, paths)).toEqual(viewOf(full, paths));
  }, 30_000);
});
