import { describe, expect, it } from 'vitest';
import { parseCsv, type CsvRow, type LineEnding } from '../../src/records/parse-csv.js';

async function rowsOf(text: string, delimiter: ',' | '\t', size: number): Promise<{ rows: CsvRow[]; ending: LineEnding | undefined }> {
  async function* chunks() {
    for (let at = 0; at < text.length; at += size) yield text.slice(at, at + size);
  }
  const rows: CsvRow[] = [];
  let ending: LineEnding | undefined;
  for await (const row of parseCsv(chunks(), delimiter, (heard) => (ending = heard))) rows.push(row);
  return { rows, ending };
}

const SAMPLE = 'id,text\r\n1,"two\r\nlines"\r\n\r\n2,"say ""hi"", then go",\r\n3,plain "inner" quote\r\n';

describe('parseCsv', () => {
  it.each([1, 2, 3, 7, 1000])('gives the same rows, lines and quoting in chunks of %i characters', async (size) => {
    const { rows, ending } = await rowsOf(SAMPLE, ',', size);
    expect(ending).toBe('\r\n');
    expect(rows).toEqual([
      { ok: true, line: 1, cells: ['id', 'text'], quoted: [false, false] },
      { ok: true, line: 2, cells: ['1', 'two\r\nlines'], quoted: [false, true] },
      { ok: true, line: 5, cells: ['2', 'say "hi", then go', ''], quoted: [false, true, false] },
      { ok: true, line: 6, cells: ['3', 'plain "inner" quote'], quoted: [false, false] },
    ]);
  });

  it('reads TSV, a last row without a line ending, and a lone CR ending', async () => {
    expect(await rowsOf('a\tb\rc,d\te', '\t', 4)).toEqual({
      rows: [
        { ok: true, line: 1, cells: ['a', 'b'], quoted: [false, false] },
        { ok: true, line: 2, cells: ['c,d', 'e'], quoted: [false, false] },
      ],
      ending: '\r',
    });
  });

  it('reports text after a closing quote, and goes on with the next row', async () => {
    const { rows } = await rowsOf('a,b\n"x"y,1\n2,3\n', ',', 5);
    expect(rows.slice(1)).toEqual([
      { ok: false, line: 2, message: 'text after a closing quote' },
      { ok: true, line: 3, cells: ['2', '3'], quoted: [false, false] },
    ]);
  });

  it('reports a quoted cell that is never closed, at the line its row starts', async () => {
    const { rows } = await rowsOf('a,b\n1,2\n3,"open\nstill open\n', ',', 3);
    expect(rows.at(-1)).toEqual({ ok: false, line: 3, message: 'a quoted cell is never closed (it takes in every line after it, to the end of the file)' });
  });

  it('says a cell never closed takes in the lines after it only when one of them holds text', async () => {
    const { rows } = await rowsOf('a,b\n3,"open\n', ',', 3);
    expect(rows.at(-1)).toEqual({ ok: false, line: 2, message: 'a quoted cell is never closed' });
  });

  it('says so when a quote left open takes in the rows after it, up to the line its row ends on', async () => {
    // The quote opened on line 2 closes at the quote that opens line 3's date, and the text after it breaks the row.
    const { rows } = await rowsOf('id,title,date\nbad,"Broken here,oops\ngood,Fine title,"March 7, 2025"\nnext,Also fine,2025\n', ',', 4);
    expect(rows.slice(1)).toEqual([
      { ok: false, line: 2, message: 'text after a closing quote, in a row that runs on to line 3 (a quoted cell may hold line breaks, and one left open takes in the lines after it)' },
      { ok: true, line: 4, cells: ['next', 'Also fine', '2025'], quoted: [false, false, false] },
    ]);
  });
});
