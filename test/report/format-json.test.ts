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

  it('writes empty lists as JSON.stringify does', () => {
    const empty = { ...report, articles: [], blocks: [], pairs: [], problems: [] };
    expect(formatJson(empty)).toBe(`${JSON.stringify(empty, null, 2)}\n`);
  });
});
