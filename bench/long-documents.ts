/**
 * Long documents: one very long article (a budget speech, a court ruling, a live blog) reposted by
 * a second outlet with a sentence changed. The whole text is one block of tens of thousands of
 * sentences, and the article holds many sentences alike but for a name or a figure, so some of the
 * block's sentences stand in it hundreds of times. No step may be quadratic in a block's length:
 * `clean` is timed on the pair at each size (by default 40,000 sentences and four times that), and the growth printed.
 * Generated text only; nothing is read from ../shared.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { round, type Timed } from './common.js';

/** What one size gave. */
export interface LongDocumentRun {
  readonly sentences: number;
  readonly mb: number;
  readonly wallSeconds: number;
  readonly peakRssMb: number;
  readonly blocks: number;
  readonly blockSentences: number;
}

export interface LongDocuments {
  readonly runs: readonly LongDocumentRun[];
  /** Time growth over size growth from the first size to the last: 1 is linear. */
  readonly perSizeRatio: number;
}

const PLACES = ['river', 'harbour', 'council', 'market', 'school', 'bridge', 'station', 'garden', 'tower', 'hospital'];
const VERBS = ['met', 'visited', 'wrote to', 'briefed', 'questioned'];

/** Sentence `i` of the document: a register of meetings, alike but for the committee's number and places. */
function sentence(i: number): string {
  const place = (shift: number) => PLACES[(i >> shift) % PLACES.length] as string;
  return `The ${place(0)} committee number ${i.toString(36)} ${VERBS[(i >> 2) % VERBS.length] ?? 'met'} the ${place(3)} board on ${place(6)} street.`;
}

/** The two articles of one size: the document, and its repost with one sentence changed. */
function documents(sentences: number): { original: string; repost: string } {
  const lines: string[] = [];
  for (let i = 0; i < sentences; i += 1) lines.push(sentence(i));
  // Paragraphs of 20 sentences, as a long text is laid out.
  const paragraphs = (all: string[]) => {
    const out: string[] = [];
    for (let at = 0; at < all.length; at += 20) out.push(all.slice(at, at + 20).join(' '));
    return out.join('\n\n');
  };
  const changed = lines.map((line, i) => (i === Math.floor(sentences / 2) ? line.replace('board', 'full board') : line));
  return { original: `Register of meetings\n\n${paragraphs(lines)}\n`, repost: `Meetings register, in full\n\n${paragraphs(changed)}\n` };
}

/**
 * Times `clean` on the pair at each size (`timed` runs the CLI with its arguments; `cli` is its
 * path), in `cacheDir`.
 */
export async function longDocuments(cacheDir: string, cli: string, timed: (args: readonly string[]) => Promise<Timed>, sizes: readonly number[] = [40_000, 160_000]): Promise<LongDocuments> {
  const runs: LongDocumentRun[] = [];
  for (const sentences of sizes) {
    const dir = join(cacheDir, `long-documents-${sentences}`);
    const out = join(cacheDir, `long-documents-${sentences}-out`);
    await rm(dir, { recursive: true, force: true });
    await rm(out, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    const { original, repost } = documents(sentences);
    await writeFile(join(dir, 'gazette.txt'), original);
    await writeFile(join(dir, 'wire.txt'), repost);
    const run = await timed([cli, 'clean', dir, '--out', out, '--format', 'json', '--no-progress', '--quiet']);
    if (run.code > 1) throw new Error(`newsdedup failed on the long documents (exit ${run.code}): ${run.stderr}`);
    const report = JSON.parse(run.stdout) as { totals: { blocks: number }; blocks: { sentences: number }[] };
    runs.push({
      sentences,
      mb: round((Buffer.byteLength(original) + Buffer.byteLength(repost)) / 2 ** 20, 2),
      wallSeconds: round(run.seconds, 2),
      peakRssMb: run.rssMb,
      blocks: report.totals.blocks,
      blockSentences: Math.max(0, ...report.blocks.map((block) => block.sentences)),
    });
    await rm(dir, { recursive: true, force: true });
    await rm(out, { recursive: true, force: true });
  }
  const first = runs[0] as LongDocumentRun;
  const last = runs[runs.length - 1] as LongDocumentRun;
  return { runs, perSizeRatio: round(last.wallSeconds / first.wallSeconds / (last.mb / first.mb), 3) };
}
