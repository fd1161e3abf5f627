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
  for (const piece of jsonPieces(report)) {
    buffer += piece;
    if (buffer.length >= size) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer !== '') yield buffer;
}

/**
 * `JSON.stringify(report, null, 2)` and a newline, a top-level array item at a time: pieces that
 * die young, for a writer that packs them into bytes as they come (see `write.ts`).
 */
export function* jsonPieces(report: Report & { readonly bySource?: unknown }): Generator<string> {
  // JSON.stringify leaves out a member whose value is undefined.
  const entries = Object.entries(report).filter(([, value]) => value !== undefined);
  yield '{';
  for (const [index, [key, value]] of entries.entries()) {
    yield `${index === 0 ? '' : ','}\n  ${JSON.stringify(key)}: `;
    if (Array.isArray(value) && value.length > 0) {
      yield '[';
      for (const [at, item] of (value as unknown[]).entries()) yield `${at === 0 ? '' : ','}\n${arrayItem(item)}`;
      yield '\n  ]';
    } else yield JSON.stringify(value, null, 2).replace(/\n/g, '\n  ');
  }
  yield '\n}\n';
}

// A top-level array as JSON.stringify indents it, around one item: the item comes out indented as in the report.
const WRAPPED_OPEN = '{\n  "k": [\n';
const WRAPPED_CLOSE = '\n  ]\n}';

/**
 * An item of a top-level array as `JSON.stringify(report, null, 2)` writes it: stringified inside
 * an object of one array member, which indents it as the report does, with that member's opening
 * and closing cut off. Re-indenting each item's text with a regular expression took three times
 * as long on a report of 20,000 articles.
 */
function arrayItem(item: unknown): string {
  const text = JSON.stringify({ k: [item] }, null, 2);
  return text.slice(WRAPPED_OPEN.length, text.length - WRAPPED_CLOSE.length);
}
