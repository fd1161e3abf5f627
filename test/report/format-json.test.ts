import { describe, expect, it } from 'vitest';
import { dedupe } from '../../src/pipeline.js';
import { formatJson, jsonChunks } from '../../src/report/format-json.js';
import { corpusArticles } from '../helpers.js';

const { report } = await dedupe(corpusArticles());

describe('format-json', () => {
  it('writes exactly what JSON.stringify writes, pretty-printed, with a final newline', () => {
    expect(formatJson(report)).toBe(`${JSON.stringify(report, null, 2)}\n`);
  });

  it('gives the same text in small pieces, so that a large report is never one string', () => {
    const pieces = [...jsonChunks(report, 100)];
    expect(pieces.length).toBeGreaterThan(5);
    expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThan(formatJson(report).length / 4);
    expect(pieces.join('')).toBe(`${JSON.stringify(report, null, 2)}\n`);
  });

  it('gives the same text for lists of thousands of items of any size, in pieces of any size', () => {
    const articles = Array.from({ length: 1500 }, (_, i) => ({ ...report.articles[i % report.articles.length]!, path: `a/${i}.txt`, spans: Array.from({ length: i % 7 }, (_, s) => ({ kind: 'block' as const, block: `b${s}`, start: s * 10, end: s * 10 + 5 })) }));
    const large = { ...report, articles };
    const expected = `${JSON.stringify(large, null, 2)}\n`;
    for (const size of [1, 100, 5000, 1 << 20]) expect([...jsonChunks(large, size)].join('')).toBe(expected);
  });

  it('keeps each piece within its size and one item, small items first or not', () => {
    const small = report.articles[0]!;
    const big = { ...small, path: 'x'.repeat(50_000) };
    const mixed = { ...report, articles: [...Array.from({ length: 300 }, () => small), ...Array.from({ length: 40 }, () => big)] };
    const pieces = [...jsonChunks(mixed, 10_000)];
    expect(pieces.join('')).toBe(`${JSON.stringify(mixed, null, 2)}\n`);
    expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThan(10_000 + 60_000);
  });

  it('leaves out a member whose value is undefined, as JSON.stringify does', () => {
    const withUndefined = { ...report, index: undefined } as unknown as typeof report;
    expect(formatJson(withUndefined)).toBe(`${JSON.stringify(withUndefined, null, 2)}\n`);
  });

  it('writes empty lists as JSON.stringify does', () => {
    const empty = { ...report, articles: [], blocks: [], pairs: [], problems: [] };
    expect(formatJson(empty)).toBe(`${JSON.stringify(empty, null, 2)}\n`);
  });
});
