import { describe, expect, it } from 'vitest';
import { splitJsonArray, type JsonArrayPiece } from '../../src/records/split-json-array.js';

async function piecesOf(text: string, size: number): Promise<JsonArrayPiece[]> {
  async function* chunks() {
    for (let at = 0; at < text.length; at += size) yield text.slice(at, at + size);
  }
  const pieces: JsonArrayPiece[] = [];
  for await (const piece of splitJsonArray(chunks())) pieces.push(piece);
  return pieces;
}

describe('splitJsonArray', () => {
  const TEXT = '[\n  {"a": "x, ]\\"}"},\n  {"b": [1, {"c": 2}]},\n  3\n]\n';

  it.each([1, 2, 5, 100])('gives each element exactly as written, with its line, in chunks of %i', async (size) => {
    expect(await piecesOf(TEXT, size)).toEqual([
      { ok: true, text: '{"a": "x, ]\\"}"}', line: 2, index: 0 },
      { ok: true, text: '{"b": [1, {"c": 2}]}', line: 3, index: 1 },
      { ok: true, text: '3', line: 4, index: 2 },
    ]);
  });

  it('gives nothing for an empty array', async () => {
    expect(await piecesOf(' [ ] ', 2)).toEqual([]);
  });

  it('says when the text is an object, not an array', async () => {
    expect(await piecesOf('\n{"records": []}', 4)).toEqual([{ ok: false, message: 'a JSON object, not an array of records', line: 2 }]);
  });

  it('says when the array is never closed', async () => {
    const pieces = await piecesOf('[{"a": 1}, {"b": 2', 4);
    expect(pieces).toEqual([
      { ok: true, text: '{"a": 1}', line: 1, index: 0 },
      { ok: false, message: 'ends before its array is closed', line: 1 },
    ]);
  });
});
