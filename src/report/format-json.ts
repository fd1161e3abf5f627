import type { Report } from '../types.js';

/** The report as pretty-printed JSON, ending in a newline. */
export function formatJson(report: Report): string {
  return [...jsonChunks(report)].join('');
}

/**
 * The same text as {@link formatJson}, in pieces of about `size` characters: a report of a
 * few hundred thousand articles is written without ever being one string.
 */
export function* jsonChunks(report: Report & { readonly bySource?: unknown }, size = 1 << 20): Generator<string> {
  let buffer = '';
  for (const piece of jsonPieces(report, size)) {
    buffer += piece;
    if (buffer.length >= size) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer !== '') yield buffer;
}

/** `JSON.stringify(report, null, 2)` and a newline, top-level array items a piece of about `size` characters at a time. */
function* jsonPieces(report: Report & { readonly bySource?: unknown }, size: number): Generator<string> {
  const entries = Object.entries(report);
  // Characters an item took, in the last piece.
  let each = 1;
  yield '{';
  for (const [index, [key, value]] of entries.entries()) {
    yield `${index === 0 ? '' : ','}\n  ${JSON.stringify(key)}: `;
    if (Array.isArray(value) && value.length > 0) {
      yield '[';
      // One item first; then as many as the ones before suggest make a piece of `size`, up to ITEMS_AT_ONCE.
      let count = 1;
      for (let from = 0; from < value.length; from += count) {
        if (from > 0) count = Math.max(1, Math.min(ITEMS_AT_ONCE, Math.floor(size / each)));
        const items = arrayItems((value as unknown[]).slice(from, from + count));
        each = Math.max(1, items.length / Math.min(count, value.length - from));
        yield (from === 0 ? '\n' : ',\n') + items;
      }
      yield '\n  ]';
    } else yield JSON.stringify(value, null, 2).replace(/\n/g, '\n  ');
  }
  yield '\n}\n';
}

/** Items of a top-level array stringified together at most: few calls cost little, and a piece stays small. */
const ITEMS_AT_ONCE = 256;
// A top-level array as JSON.stringify indents it, around its items: they come out indented as in the report.
const WRAPPED_OPEN = '{\n  "k": [\n';
const WRAPPED_CLOSE = '\n  ]\n}';

/**
 * Items of a top-level array as `JSON.stringify(report, null, 2)` writes them, comma-separated: the
 * items stringified inside an object of one array member, which indents them as the report does,
 * and that member's opening and closing cut off (no pass over the text to indent it).
 */
function arrayItems(items: readonly unknown[]): string {
  const text = JSON.stringify({ k: items }, null, 2);
  return text.slice(WRAPPED_OPEN.length, text.length - WRAPPED_CLOSE.length);
}
