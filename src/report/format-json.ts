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

/** `JSON.stringify(report, null, 2)` and a newline, a top-level array item at a time. */
function* jsonPieces(report: Report & { readonly bySource?: unknown }): Generator<string> {
  const entries = Object.entries(report);
  yield '{';
  for (const [index, [key, value]] of entries.entries()) {
    yield `${index === 0 ? '' : ','}\n  ${JSON.stringify(key)}: `;
    if (Array.isArray(value) && value.length > 0) {
      yield '[';
      for (const [at, item] of (value as unknown[]).entries()) yield `${at === 0 ? '' : ','}\n    ${indented(item, '    ')}`;
      yield '\n  ]';
    } else yield indented(value, '  ');
  }
  yield '\n}\n';
}

function indented(value: unknown, indent: string): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${indent}`);
}
