/** One element of a streamed JSON array, or why the stream is not one. */
export type JsonArrayPiece =
  | { readonly ok: true; readonly text: string; readonly line: number; readonly index: number }
  | { readonly ok: false; readonly message: string; readonly line: number };

const enum Phase {
  Before,
  Between,
  Element,
  After,
}

/**
 * Splits the text of a JSON array into the texts of its elements, as it streams, without parsing
 * them: only strings, brackets and commas are followed. Each element's text is exactly as in the
 * file (white space around it trimmed) with the 1-based line it starts on. A text that is not an
 * array, or an array that is never closed, ends with one piece that is not `ok`.
 */
export async function* splitJsonArray(chunks: AsyncIterable<string>): AsyncGenerator<JsonArrayPiece> {
  let phase = Phase.Before as Phase;
  let line = 1;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let parts: string[] = [];
  let elementLine = 1;
  let index = 0;
  for await (const chunk of chunks) {
    let start = 0;
    for (let i = 0; i < chunk.length; i += 1) {
      const code = chunk.charCodeAt(i);
      if (code === 0x0a) line += 1;
      if (phase === Phase.Element) {
        if (inString) {
          if (escaped) escaped = false;
          else if (code === 0x5c) escaped = true;
          else if (code === 0x22) inString = false;
          continue;
        }
        if (code === 0x22) inString = true;
        else if (code === 0x7b || code === 0x5b) depth += 1;
        else if ((code === 0x7d || code === 0x5d) && depth > 0) depth -= 1;
        else if (depth === 0 && (code === 0x2c || code === 0x5d)) {
          parts.push(chunk.slice(start, i));
          yield { ok: true, text: parts.join('').trimEnd(), line: elementLine, index };
          parts = [];
          index += 1;
          phase = code === 0x5d ? Phase.After : Phase.Between;
        }
        continue;
      }
      if (code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09) continue;
      if (phase === Phase.Before) {
        if (code === 0x5b) {
          phase = Phase.Between;
          continue;
        }
        const what = code === 0x7b ? 'a JSON object, not an array of records' : 'not a JSON array of records';
        yield { ok: false, message: what, line };
        return;
      }
      if (phase === Phase.Between) {
        if (code === 0x2c) continue;
        if (code === 0x5d) {
          phase = Phase.After;
          continue;
        }
        phase = Phase.Element;
        elementLine = line;
        start = i;
        depth = 0;
        // The element's first character is looked at again as an element character.
        i -= 1;
        if (code === 0x0a) line -= 1;
        continue;
      }
      // After the closing bracket only white space may follow.
      yield { ok: false, message: 'text after the closing `]` of the array', line };
      return;
    }
    if (phase === Phase.Element) parts.push(chunk.slice(start));
  }
  if (phase === Phase.Before) return;
  if (phase !== Phase.After) yield { ok: false, message: 'ends before its array is closed', line };
}
