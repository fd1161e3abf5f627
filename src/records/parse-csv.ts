/** One row of a CSV or TSV stream: its cells, which of them were quoted, and the line it starts on. */
export type CsvRow =
  | { readonly ok: true; readonly line: number; readonly cells: readonly string[]; readonly quoted: readonly boolean[] }
  | { readonly ok: false; readonly line: number; readonly message: string };

/** How a CSV or TSV file ends its rows, taken from its first row. */
export type LineEnding = '\n' | '\r\n' | '\r';

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  QuoteInQuoted,
}

/**
 * Parses CSV (RFC 4180) or TSV as it streams. A quote is special only at the start of a cell; `""`
 * inside a quoted cell is one quote; rows end at LF, CRLF or CR outside quotes. Empty lines are
 * skipped. A row with text after a closing quote, or a quoted cell never closed, is a row that is
 * not `ok`; the next row goes on. `onLineEnding` hears the first row's line ending.
 */
export async function* parseCsv(chunks: AsyncIterable<string>, delimiter: ',' | '\t', onLineEnding: (ending: LineEnding) => void): AsyncGenerator<CsvRow> {
  const delimiterCode = delimiter.charCodeAt(0);
  const special = delimiter === ',' ? /[,\r\n]/g : /[\t\r\n]/g;
  let state = State.FieldStart;
  let line = 1;
  let rowLine = 1;
  let inRow = false;
  let field = '';
  let fieldQuoted = false;
  let cells: string[] = [];
  let quoted: boolean[] = [];
  let error: string | undefined;
  let pendingCr = false;
  let endingHeard = false;

  const endField = (): void => {
    cells.push(field);
    quoted.push(fieldQuoted);
    field = '';
    fieldQuoted = false;
    state = State.FieldStart;
  };
  // `lastLine`: the line the row ends on. A bad row over several lines says so: a quote left open
  // takes in the rows after it, which get no message of their own.
  const takeRow = (lastLine: number): CsvRow | undefined => {
    const row: CsvRow | undefined =
      error !== undefined
        ? { ok: false, line: rowLine, message: lastLine > rowLine ? `${error}, in a row that runs on to line ${lastLine} (a quoted cell may hold line breaks, and one left open takes in the lines after it)` : error }
        : cells.length === 1 && cells[0] === '' && quoted[0] === false
          ? undefined
          : { ok: true, line: rowLine, cells, quoted };
    cells = [];
    quoted = [];
    error = undefined;
    inRow = false;
    return row;
  };
  const heard = (ending: LineEnding): void => {
    if (!endingHeard) onLineEnding(ending);
    endingHeard = true;
  };

  for await (const chunk of chunks) {
    let i = 0;
    if (pendingCr && chunk.length > 0) {
      pendingCr = false;
      heard(chunk.charCodeAt(0) === 0x0a ? '\r\n' : '\r');
      if (chunk.charCodeAt(0) === 0x0a) i = 1;
    }
    while (i < chunk.length) {
      if (!inRow) {
        inRow = true;
        rowLine = line;
      }
      const code = chunk.charCodeAt(i);
      if (state === State.Quoted) {
        const quote = chunk.indexOf('"', i);
        const end = quote < 0 ? chunk.length : quote;
        const text = chunk.slice(i, end);
        field += text;
        line += countLines(text);
        if (quote < 0) break;
        state = State.QuoteInQuoted;
        i = quote + 1;
        continue;
      }
      if (state === State.QuoteInQuoted) {
        if (code === 0x22) {
          field += '"';
          state = State.Quoted;
          i += 1;
          continue;
        }
        if (code !== delimiterCode && code !== 0x0a && code !== 0x0d) {
          error ??= 'text after a closing quote';
          state = State.Unquoted;
        } else state = State.Unquoted;
      }
      if (state === State.FieldStart && code === 0x22) {
        fieldQuoted = true;
        state = State.Quoted;
        i += 1;
        continue;
      }
      special.lastIndex = i;
      const match = special.exec(chunk);
      const end = match === null ? chunk.length : match.index;
      field += chunk.slice(i, end);
      state = State.Unquoted;
      if (match === null) break;
      const stop = chunk.charCodeAt(end);
      i = end + 1;
      endField();
      if (stop === delimiterCode) continue;
      line += 1;
      if (stop === 0x0d) {
        if (i >= chunk.length) pendingCr = true;
        else {
          heard(chunk.charCodeAt(i) === 0x0a ? '\r\n' : '\r');
          if (chunk.charCodeAt(i) === 0x0a) i += 1;
        }
      } else heard('\n');
      const row = takeRow(line - 1);
      if (row !== undefined) yield row;
    }
  }
  if (state === State.Quoted) {
    cells = [];
    // The open cell's text runs to the end: it took in the lines after its own if any of them holds text.
    error = `a quoted cell is never closed${/[\r\n][^]*\S/.test(field) ? ' (it takes in every line after it, to the end of the file)' : ''}`;
    yield takeRow(rowLine) as CsvRow;
    return;
  }
  if (inRow) {
    endField();
    const row = takeRow(line);
    if (row !== undefined) yield row;
  }
}

function countLines(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count += 1;
  return count;
}
