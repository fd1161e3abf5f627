/**
 * Invariants over random corpora built from the seed articles' paragraphs: shared, repeated,
 * reordered, lightly edited and laid out in different ways.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dedupe } from '../src/pipeline.js';
import { forEachWord } from '../src/text/words.js';
import { corpusArticles } from './helpers.js';

const PARAGRAPHS = corpusArticles().flatMap((article) => article.text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== ''));

/** A paragraph of the seed corpus, perhaps with one word dropped (a light edit). */
const paragraph = fc.record({ index: fc.nat(PARAGRAPHS.length - 1), drop: fc.option(fc.nat(), { freq: 4 }) }).map(({ index, drop }) => {
  const text = PARAGRAPHS[index]!;
  if (drop === null) return text;
  const words = text.split(' ');
  if (words.length < 4) return text;
  words.splice(drop % words.length, 1);
  return words.join(' ');
});

/** Two to six articles of one to eight paragraphs, each laid out one way or another. */
const corpus = fc
  .array(fc.record({ paragraphs: fc.array(paragraph, { minLength: 1, maxLength: 8 }), layout: fc.constantFrom('\n', '\n\n', ' ', '\r\n') }), { minLength: 2, maxLength: 6 })
  .map((articles) => articles.map((article, i) => ({ path: `a${i}.txt`, text: article.paragraphs.join(article.layout) + '\n' })));

function wordsOf(text: string): Set<string> {
  const words = new Set<string>();
  forEachWord(text, 0, text.length, (start, end) => {
    words.add(text.slice(start, end).toLowerCase());
  });
  return words;
}

describe('properties', () => {
  it('loses nothing: every word of an article stands in its cleaned text, in the blocks it names, or in a chrome line removed', async () => {
    await fc.assert(
      fc.asyncProperty(corpus, async (articles) => {
        const result = await dedupe(articles);
        const blocks = new Map(result.shared.map((block) => [block.id, `${block.text}\n${block.variantsText}`]));
        const chrome = result.chrome.map((line) => line.text).join('\n');
        for (const source of articles) {
          const report = result.report.articles.find((a) => a.path === source.path)!;
          const cleaned = result.cleaned.find((a) => a.path === source.path)!.text;
          // A duplicate (two generated articles alike) becomes a marker naming its original, whose words are checked in turn.
          const original = report.duplicateOf === undefined ? undefined : articles.find((a) => a.path === report.duplicateOf);
          if (original !== undefined) expect(cleaned).toContain(original.path);
          const kept = wordsOf([cleaned, original?.text ?? '', ...report.blocks.map((id) => blocks.get(id) ?? ''), chrome].join('\n'));
          for (const word of wordsOf(source.text)) expect(kept.has(word), `${source.path} lost “${word}”`).toBe(true);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('gives the same output for any order of the input files', async () => {
    await fc.assert(
      fc.asyncProperty(
        corpus.chain((articles) => fc.tuple(fc.constant(articles), fc.shuffledSubarray(articles, { minLength: articles.length }))),
        async ([articles, shuffled]) => {
          expect(JSON.stringify(await dedupe(shuffled))).toBe(JSON.stringify(await dedupe(articles)));
        },
      ),
      { numRuns: 30 },
    );
  });

  it('adds every article’s words up, and keeps its spans inside it, in order and apart', async () => {
    await fc.assert(
      fc.asyncProperty(corpus, async (articles) => {
        const { report } = await dedupe(articles);
        for (const article of report.articles) {
          expect(article.uniqueWords + article.sharedWords + article.chromeWords).toBe(article.words);
          const length = articles.find((a) => a.path === article.path)!.text.length;
          let previousEnd = 0;
          for (const span of article.spans) {
            expect(span.start).toBeGreaterThanOrEqual(previousEnd);
            expect(span.end).toBeGreaterThan(span.start);
            expect(span.end).toBeLessThanOrEqual(length);
            previousEnd = span.end;
          }
        }
      }),
      { numRuns: 40 },
    );
  });
});
